"""Run a real build of a project folder in a separate process, as `make build` does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def build_site(project: Path, site_dir: Path, env: dict[str, str] | None = None,
               python_args: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """Run the real build (`mkdocs build --strict`) of `project` into `site_dir`.

    `env` adds environment variables (e.g. the release switch); `python_args` go before `-m mkdocs`,
    e.g. `("-m", "cProfile", "-o", "build.prof")` to profile the build.
    """
    return subprocess.run(
        [sys.executable, *python_args, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
