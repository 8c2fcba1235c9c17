"""When each data file last changed ("Stand"), from git where the checkout has history.

Commits listed in `.git-blame-ignore-revs` changed only the layout of files (reformatting), not what
they say, so they do not count as a change.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


IGNORE_FILE = ".git-blame-ignore-revs"


def layout_only_commits(root: Path) -> set[str]:
    """The full hashes listed in `.git-blame-ignore-revs` (comments and blank lines skipped)."""
    path = root / IGNORE_FILE
    if not path.exists():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


def last_changed(root: Path, paths: list[str]) -> dict[str, dt.date]:
    """Date of the last commit touching each path; the file's mtime where git knows none.

    One `git log` for all files keeps this linear in the number of files.
    """
    dates: dict[str, dt.date] = {}
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%H %cs", "--name-only", "--", *sorted({str(Path(p).parent) for p in paths})],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        log = ""
    skipped = layout_only_commits(root)
    day = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            commit, date = line[1:].split(" ")
            day = None if commit in skipped else dt.date.fromisoformat(date)
        elif line and day is not None:
            dates.setdefault(line, day)
    for path in paths:
        if path not in dates:
            dates[path] = dt.date.fromtimestamp((root / path).stat().st_mtime)
    return dates
