"""The Zensical adapter: the build's four steps around `zensical build`.

Zensical reads `mkdocs.yml` but ignores its `hooks:`, and it has no plugin interface yet. So the
generated pages go to disk: `docs/` and the generated pages are written into the git-ignored folder
`.zensical/docs`, a copy of the configuration (`.zensical.yml`, beside `mkdocs.yml`, because Zensical
keeps docs and site inside the configuration's folder) points Zensical at it, and the finishing step runs
over Zensical's output: each page's Content-Security-Policy, the project's search entries in its
`search.json`, the link check.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from wissensplattform.data.config import CONFIG_FILE, read_config
from wissensplattform.pipeline import Site

WORK_DIR = ".zensical"
CONFIG = ".zensical.yml"
# MkDocs settings Zensical does not know or must not see.
MKDOCS_ONLY = ("hooks", "validation", "strict")


def build(root: Path, site_dir: str = "site") -> Path:
    """Build the site below `root` with Zensical into `root/site_dir`; return the built folder."""
    site = Site.load(root)
    docs = _fresh(root / WORK_DIR / "docs")
    shutil.copytree(root / "docs", docs, dirs_exist_ok=True)
    site.write_pages(docs)
    config = root / CONFIG
    config.write_text(yaml.safe_dump(zensical_config(read_config(root), site_dir), allow_unicode=True,
                                     sort_keys=False), encoding="utf-8")
    # Without --clean: Zensical renders again only what changed since its last build, data or templates
    # (its cache in `.cache/`; tests/test_builders.py checks both).
    subprocess.run([sys.executable, "-m", "zensical", "build", "--config-file", str(config)], cwd=root, check=True)
    built = root / site_dir
    site.write_outputs(built)
    site.finish(built, built / "search.json")
    return built


def zensical_config(mkdocs: dict[str, Any], site_dir: str) -> dict[str, Any]:
    """`mkdocs.yml` for Zensical: the generated docs folder, no hooks."""
    config = {key: value for key, value in mkdocs.items() if key not in MKDOCS_ONLY}
    config.update(docs_dir=f"{WORK_DIR}/docs", site_dir=site_dir)
    return config


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def main() -> int:
    """`make build-zensical`: German message instead of a traceback when the data has errors."""
    from wissensplattform.data.problems import DataError

    root = Path.cwd()
    if not (root / CONFIG_FILE).exists():
        print(f"{CONFIG_FILE} fehlt: bitte im Projektordner aufrufen.", file=sys.stderr)
        return 2
    try:
        build(root)
    except DataError as error:
        print(f"Die Daten enthalten Fehler; die Website wurde nicht gebaut.\n{error}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        print(f"Zensical ist mit Status {error.returncode} abgebrochen (Einzelheiten stehen darüber).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
