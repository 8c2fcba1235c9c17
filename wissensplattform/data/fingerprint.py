"""Everything the generated part of a site is made of, as one key (see `pipeline.Site.load`).

When the key is unchanged, a build takes the pages and outputs of an earlier build from the build
cache instead of loading the data and importing what generates them. So the key names every input the
generation reads:
- the data files, each by its content and the day it was last modified (the date a profile shows as
  "Stand" for a file git does not know), and the list of them;
- `mkdocs.yml` as read (with its `!ENV` values) and the project's own environment switches;
- the package: code, templates, fonts and map data;
- Python and the installed libraries (their names and versions);
- today's date (a date in the future is an error; the form editor's latest year);
- git's HEAD and the list of layout-only commits (the "Stand" of the files git knows).
`tests/test_pipeline.py` records every file the generation opens and fails on one not named here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from wissensplattform.data.config import read_config

PACKAGE = Path(__file__).resolve().parents[1]
# Below the project: the data files and folders (the catalogue's folders lie inside these).
DATA_FILES = ("quellen.yaml", "initiatives", "wissen", "toolbox")
# Besides `mkdocs.yml` (read as MkDocs reads it): the reformatting commits that do not change a file's "Stand".
OTHER_FILES = (".git-blame-ignore-revs",)
ENV_PREFIX = "WISSENSPLATTFORM_"


def site_key(root: Path) -> str:
    """One digest of all inputs of the site below `root` (see the module's description)."""
    digest = hashlib.sha256()
    for part in _parts(root):
        digest.update(part.encode("utf-8", "surrogateescape"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def _parts(root: Path) -> Iterator[str]:
    yield sys.version
    yield from _installed()
    yield from file_lines(PACKAGE, PACKAGE, with_day=False)
    for name in DATA_FILES:
        yield from file_lines(root / name, root, with_day=True)
    for name in OTHER_FILES:
        yield from file_lines(root / name, root, with_day=False)
    yield json.dumps(read_config(root), sort_keys=True, default=str)
    yield json.dumps(sorted((k, v) for k, v in os.environ.items() if k.startswith(ENV_PREFIX)))
    yield dt.date.today().isoformat()
    yield _git_head(root)


def file_lines(path: Path, base: Path, with_day: bool = False) -> Iterator[str]:
    """Each file below `path` (or `path` itself) by name, content digest and, `with_day`, its day of change."""
    if path.is_file():
        files = [path]
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    else:
        yield f"{path.relative_to(base).as_posix()} fehlt"
        return
    for file in files:
        data = file.read_bytes()
        day = dt.date.fromtimestamp(file.stat().st_mtime).isoformat() if with_day else ""
        yield f"{file.relative_to(base).as_posix()} {hashlib.sha256(data).hexdigest()} {day}"


def _installed() -> Iterator[str]:
    """The installed distributions (`name-version.dist-info`) on the import path: a changed library is a new key."""
    for entry in sys.path:
        folder = Path(entry or ".")
        if folder.is_dir():
            yield from sorted(name for name in os.listdir(folder) if name.endswith((".dist-info", ".egg-info")))


def _git_head(root: Path) -> str:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""
