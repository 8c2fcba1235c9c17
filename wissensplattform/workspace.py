"""A throw-away copy of the project and its real build: shared by the tests and the benchmark."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Build products and caches that a copy must not carry along.
_IGNORED = (".venv", "site", ".git", "__pycache__", ".pytest_cache", "node_modules")


def copy_project(target: Path, source: Path = ROOT) -> Path:
    """A copy of the project's sources and data (no site, no venv) to change and build."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*_IGNORED))
    return target


def build_site(project: Path, site_dir: Path, env: dict[str, str] | None = None,
               python_args: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """Run the real build (`mkdocs build --strict`) of `project` into `site_dir`.

    `python_args` go before `-m mkdocs`, e.g. `("-m", "cProfile", "-o", "build.prof")` to profile it.
    """
    return subprocess.run(
        [sys.executable, *python_args, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
