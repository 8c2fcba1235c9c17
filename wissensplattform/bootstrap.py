"""Start every script in the project's own Python environment, from any shell. Standard library only.

Each script in ``scripts/`` calls `start()` before anything else: outside ``.venv`` it installs the environment
(once, the same steps `make` runs: `python -m wissensplattform.bootstrap`) and runs the script again with
``.venv/bin/python``; inside, it replaces Python's traceback with a short German message for editors.
Set WISSENSPLATTFORM_DEBUG=1 to see the traceback.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
INSTALLED = VENV / ".installed"
REQUIREMENTS = ROOT / "requirements.txt"
PIP = "pip==26.3"
MINIMUM = (3, 11)
# Set before the restart: a script that is still outside .venv afterwards stops instead of looping.
RESTARTED = "WISSENSPLATTFORM_NEUSTART"


class SetupFailed(Exception):
    """The environment could not be installed; the message says why, in German."""


def start() -> None:
    """Make sure this script runs with `.venv/bin/python` (installing it if needed); German error messages."""
    if in_venv():
        os.environ.pop(RESTARTED, None)  # scripts this one starts decide for themselves
        sys.excepthook = _report
        return
    broken = ("Die Python-Umgebung in .venv lässt sich nicht starten. Löschen Sie den Ordner .venv und rufen Sie "
              "den Befehl noch einmal auf.")
    if os.environ.get(RESTARTED):
        _stop(broken)
    if needs_install():
        _install_or_stop()
    os.environ[RESTARTED] = "1"
    try:
        os.execv(PYTHON, [str(PYTHON), *sys.argv])
    except OSError:
        _stop(broken)


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def needs_install() -> bool:
    """As `make` decides: no `.venv/.installed`, or `requirements.txt` is newer; or no `.venv/bin/python`."""
    if not (INSTALLED.exists() and PYTHON.exists()):
        return True
    return INSTALLED.stat().st_mtime < REQUIREMENTS.stat().st_mtime


def install() -> None:
    """Create `.venv` if missing and install the pinned packages; raise `SetupFailed`."""
    if sys.version_info < MINIMUM:
        raise SetupFailed(f"Gebraucht wird Python {MINIMUM[0]}.{MINIMUM[1]} oder neuer; dieses ist "
                          f"{sys.version_info[0]}.{sys.version_info[1]}.")
    print("Die Python-Umgebung (.venv) wird eingerichtet; das dauert einige Minuten …", file=sys.stderr, flush=True)
    if not PYTHON.exists():
        _create_venv()
    steps = ([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", PIP],
             [str(PYTHON), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS)])
    for step in steps:
        if subprocess.run(step, cwd=ROOT).returncode:
            raise SetupFailed("Die Pakete ließen sich nicht installieren (Einzelheiten stehen darüber). Prüfen Sie "
                              "die Internetverbindung und rufen Sie den Befehl noch einmal auf. Hilft das nicht, "
                              "melden Sie es mit dieser Ausgabe der technischen Betreuung der Wissensplattform.")
    INSTALLED.touch()


def _create_venv() -> None:
    if subprocess.run([sys.executable, "-m", "venv", str(VENV)], cwd=ROOT).returncode:
        shutil.rmtree(VENV, ignore_errors=True)
        raise SetupFailed("Die Python-Umgebung ließ sich nicht anlegen. Unter Debian und Ubuntu fehlt dafür "
                          "meist ein Paket: sudo apt-get install python3-venv")


def _install_or_stop() -> None:
    try:
        install()
    except SetupFailed as failure:
        _stop(str(failure))


def _stop(message: str) -> None:
    print(message, file=sys.stderr)
    sys.exit(1)


def _report(kind: type[BaseException], error: BaseException, tb) -> None:
    """`sys.excepthook`: what happened in one line and whom to tell, instead of a traceback."""
    if os.environ.get("WISSENSPLATTFORM_DEBUG"):
        sys.__excepthook__(kind, error, tb)
        return
    if isinstance(error, KeyboardInterrupt):
        print("\nAbgebrochen.", file=sys.stderr)
        return
    try:
        what, where = describe(error), _where(tb)
    except Exception:  # the report itself must never end in a traceback
        what, where = describe(RuntimeError()), ""
    print(f"Unerwarteter Fehler: {what}\n"
          f"Bitte melden Sie ihn mit dieser Meldung der technischen Betreuung der Wissensplattform{where}.",
          file=sys.stderr)


def describe(error: BaseException) -> str:
    """One German sentence for an exception nobody anticipated."""
    name = _shown_path(getattr(error, "filename", None))
    if isinstance(error, FileNotFoundError) and name:
        return f"»{name}« gibt es nicht."
    if isinstance(error, PermissionError) and name:
        return f"Keine Berechtigung, »{name}« zu lesen oder zu schreiben."
    if isinstance(error, IsADirectoryError) and name:
        return f"»{name}« ist ein Ordner, erwartet wird eine Datei."
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return "Auf dem Datenträger ist kein Platz mehr."
    if isinstance(error, OSError):
        return f"Eine Datei ließ sich nicht lesen oder schreiben{f' (»{name}«)' if name else ''}."
    if isinstance(error, ImportError):
        return ("Der Python-Umgebung fehlt ein Paket. Löschen Sie den Ordner .venv und rufen Sie den Befehl "
                "noch einmal auf.")
    if isinstance(error, MemoryError):
        return "Der Arbeitsspeicher reicht nicht aus."
    return "Das Programm hat an einer Stelle abgebrochen, die es nicht vorhergesehen hat."


def _shown_path(filename: object) -> str | None:
    if not isinstance(filename, (str, os.PathLike)):
        return None
    path = Path(filename)
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def _where(tb) -> str:
    """` (Stelle: wissensplattform/x.py, Zeile 12)`: the innermost line of the project's own code."""
    own = [(Path(frame.filename).resolve(), frame.lineno) for frame in traceback.extract_tb(tb)
           if Path(frame.filename).is_absolute() and VENV.name not in Path(frame.filename).parts]
    own = [(path, line) for path, line in own if path.is_relative_to(ROOT)]
    if not own:
        return ""
    path, line = own[-1]
    return f" (Stelle: {path.relative_to(ROOT).as_posix()}, Zeile {line})"


if __name__ == "__main__":
    # `make` installs the environment with the same steps: python3 -m wissensplattform.bootstrap
    _install_or_stop()
