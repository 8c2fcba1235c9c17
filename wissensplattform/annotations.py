"""Problems as CI annotations: GitHub workflow commands and a GitLab Code Quality report."""

from __future__ import annotations

import hashlib
import json

from wissensplattform.problems import Problem, Schwere


def github(problems: list[Problem]) -> str:
    """`::error file=…,line=…,title=…::message` lines, shown on the pull request's changed file."""
    lines = []
    for p in problems:
        level = "warning" if p.schwere is Schwere.WARNUNG else "error"
        where = f"file={p.datei}" + (f",line={p.zeile}" if p.zeile else "")
        text = str(p).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        lines.append(f"::{level} {where},title=Datenprüfung::{text}")
    return "\n".join(lines)


def gitlab(problems: list[Problem]) -> str:
    """GitLab Code Quality JSON (a subset of the Code Climate format)."""
    report = [
        {
            "description": str(p),
            "check_name": "datenpruefung",
            "fingerprint": hashlib.sha1(str(p).encode()).hexdigest(),
            "severity": "minor" if p.schwere is Schwere.WARNUNG else "major",
            "location": {"path": p.datei, "lines": {"begin": p.zeile or 1}},
        }
        for p in problems
    ]
    return json.dumps(report, ensure_ascii=False, indent=2)
