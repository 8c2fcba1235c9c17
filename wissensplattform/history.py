"""When each data file last changed ("Stand"), from git where the checkout has history."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_changed(root: Path, paths: list[str]) -> dict[str, dt.date]:
    """Date of the last commit touching each path; the file's mtime where git knows none.

    One `git log` for all files keeps this linear in the number of files.
    """
    dates: dict[str, dt.date] = {}
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", *sorted({str(Path(p).parent) for p in paths})],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        log = ""
    day = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            day = dt.date.fromisoformat(line[1:])
        elif line and day is not None:
            dates.setdefault(line, day)
    for path in paths:
        if path not in dates:
            dates[path] = dt.date.fromtimestamp((root / path).stat().st_mtime)
    return dates
