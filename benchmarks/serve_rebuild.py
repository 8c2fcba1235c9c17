"""The rebuilds `mkdocs serve` makes after one file changed, measured in CPU seconds (scripts/benchmark).

Run in the project folder: `python benchmarks/serve_rebuild.py FILE [TIMES]`. It builds as `mkdocs serve`
does (`mkdocs.commands.serve`: the configuration loaded anew for each build, the site URL set to the dev
server's, the plugins started for `serve`), then TIMES times (default 1) changes FILE and builds again in
the same process. It prints the CPU seconds (this process and its children, e.g. PDF workers) of the start,
up to the first build's end, and of each rebuild: what an editor waits for while working. The start generates
the whole site (`Site.load`), so the first rebuild should cost no more than the later ones.
"""

from __future__ import annotations

import os
import re
import resource
import sys
import tempfile
from pathlib import Path

SERVE_URL = "http://127.0.0.1:8000/"
CHANGE = " (geändert)"


def change(path: Path) -> None:
    """Edit one file as an editor would: an initiative gets another name, a Markdown page one more line."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".yaml":
        # The name's text, inside its quotes if it has any: the file stays valid, the pages change.
        text = re.sub(r"^(name: ([\"']?).*?)(\2)$", rf"\1{CHANGE}\3", text, count=1, flags=re.MULTILINE)
    else:
        text += f"\nEine geänderte Zeile.{CHANGE}\n"
    path.write_text(text, encoding="utf-8")


def cpu_seconds() -> float:
    return sum(usage.ru_utime + usage.ru_stime
               for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def main(changed: Path, times: int = 1) -> tuple[float, list[float]]:
    sys.path.insert(0, os.getcwd())  # the hooks import the project's package, as under `python -m mkdocs`
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tempfile.mkdtemp(prefix="mkdocs_")

    def serve_build(config=None) -> None:
        config = config or load_config("mkdocs.yml", site_dir=site_dir)
        config.site_url = SERVE_URL
        build(config, serve_url=SERVE_URL)

    first = load_config("mkdocs.yml", site_dir=site_dir)
    first.plugins.on_startup(command="serve", dirty=False)
    serve_build(first)
    start = cpu_seconds()
    seconds = []
    for _ in range(times):
        change(changed)
        before = cpu_seconds()
        serve_build()
        seconds.append(cpu_seconds() - before)
    return start, seconds


if __name__ == "__main__":
    start, rebuilds = main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    print(" ".join(f"{cpu:.3f}" for cpu in (start, *rebuilds)))
