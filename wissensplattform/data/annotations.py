"""Problems as CI annotations: GitHub workflow commands and a GitLab Code Quality report.

`prefix` is the project's folder inside the repository (empty when the project is the repository): both
tools expect paths from the repository's top.
"""

from __future__ import annotations

import hashlib
import json

from wissensplattform.data.problems import Problem, Schwere


def github(problems: list[Problem], prefix: str = "") -> list[str]:
    """`::error file=…,line=…,title=…::message` lines, shown on the pull request's changed file.

    GitHub shows at most ten errors and ten warnings per step: pass the errors first.
    """
    lines = []
    for p in problems:
        level = "warning" if p.schwere is Schwere.WARNUNG else "error"
        where = f"file={_escape(prefix + p.datei, property=True)}" + (f",line={p.zeile}" if p.zeile else "")
        lines.append(f"::{level} {where},title=Datenprüfung::{_escape(str(p))}")
    return lines


def _escape(text: str, property: bool = False) -> str:
    """Workflow-command escaping; properties also escape `:` and `,`."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


def gitlab(problems: list[Problem], prefix: str = "") -> str:
    """GitLab Code Quality JSON (a subset of the Code Climate format)."""
    report = [
        {
            "description": str(p),
            "check_name": p.art or "datenpruefung",
            "fingerprint": fingerprint,
            "severity": "minor" if p.schwere is Schwere.WARNUNG else "major",
            "location": {"path": prefix + p.datei, "lines": {"begin": p.zeile or 1}},
        }
        for p, fingerprint in zip(problems, _fingerprints(problems))
    ]
    return json.dumps(report, ensure_ascii=False, indent=2)


def _fingerprints(problems: list[Problem]) -> list[str]:
    """Stable across line shifts (a problem that only moved is not new), unique within the report."""
    seen: dict[str, int] = {}
    result = []
    for p in problems:
        key = f"{p.datei}|{p.feld}|{p.meldung}"
        seen[key] = seen.get(key, 0) + 1
        result.append(hashlib.sha1(f"{key}|{seen[key]}".encode()).hexdigest())
    return result
