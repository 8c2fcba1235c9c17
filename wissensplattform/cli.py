"""Entry points of the command-line scripts in ``scripts/``."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from wissensplattform.data import annotations
from wissensplattform.data.catalog import INITIATIVES_DIR, Catalog
from wissensplattform.data.load import load_catalog
from wissensplattform.data.formatting import format_file, formatted_files
from wissensplattform.data.models.common import slugify
from wissensplattform.data.scaffold import new_initiative
from wissensplattform.data.problems import Changes, DataError, Problem, Schwere, condensed, format_problems, left_out

ROOT = Path(__file__).resolve().parent.parent


class _Parser(argparse.ArgumentParser):
    """argparse in German: editors read the usage line, the help and the errors."""

    def __init__(self, **kwargs):
        super().__init__(add_help=False, formatter_class=_GermanHelp, **kwargs)
        self._optionals.title = "Optionen"
        self.add_argument("-h", "--hilfe", "--help", action="help", help="zeigt diese Hilfe")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {_german_usage_error(message)}\n")


class _GermanHelp(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix or "Aufruf: ")


def _german_usage_error(message: str) -> str:
    if message.startswith("unrecognized arguments: "):
        return f"Unbekannte Angabe: {message.split(': ', 1)[1]}"
    if message.endswith("expected one argument"):
        return f"Nach {message.split()[1].rstrip(':')} fehlt ein Wert."
    return "Der Aufruf ist unvollständig oder enthält Unbekanntes."


def _pruefen_parser() -> _Parser:
    parser = _Parser(prog="scripts/pruefen", description=(
        "Prüft alle Datendateien (initiatives/, wissen/, toolbox/, quellen.yaml) und nennt jeden Fehler mit\n"
        "Datei, Zeile und Feld. Endet mit dem Status 1, wenn eine Datei einen Fehler hat: Dann lässt sich\n"
        "auch die Website nicht bauen."))
    parser.add_argument("--nur-geaenderte", metavar="STAND", help=(
        "meldet nur, was die seit STAND geänderten Dateien betrifft (ein Zweig oder Commit, z. B. "
        "origin/main). Fehler in anderen Dateien fasst eine Zeile zusammen; der Status ist auch dann 1."))
    parser.add_argument("--alle", action="store_true", help=(
        "zeigt die Warnungen zu leeren Feldern der Steckbriefe einzeln (sonst eine Zeile mit ihrer Zahl)"))
    parser.add_argument("--github", action="store_true", help=(
        "schreibt die Meldungen zusätzlich als Anmerkungen für GitHub, Fehler zuerst; in einem Pull Request "
        "nur zu den geänderten Dateien"))
    parser.add_argument("--gitlab", metavar="DATEI", type=Path, help=(
        "schreibt die Meldungen als Code-Quality-Bericht für GitLab in DATEI; in einem Merge Request nur zu "
        "den geänderten Dateien"))
    return parser


def pruefen(args: list[str] | None = None, root: Path = ROOT) -> int:
    """Check every data file; print the problems in German; return the exit status (1 if any file has an error).

    With a base (`--nur-geaenderte`, or the pull request's in CI) only the problems the changes concern are
    shown, and one line counts the rest; `--github` and `--gitlab` report the shown problems for the CI.
    """
    options = _pruefen_parser().parse_args(args or [])
    catalog, problems = _check(root)
    changes = _changes_since(_base(options), root)
    shown = [p for p in problems if changes is None or changes.concern(p)]
    _print_problems(shown, condense=not options.alle and changes is None)
    if changes is not None:
        _print_left_out(problems, shown)
    _write_annotations(options, root, sorted(shown, key=lambda p: p.schwere is not Schwere.FEHLER))
    if catalog is None:
        return 1
    print(f"Alles in Ordnung: {_count(len(catalog.entries), 'Initiative', 'Initiativen')}, "
          f"{_count(len(catalog.sources), 'Quelle', 'Quellen')} geprüft.")
    return 0


def _check(root: Path) -> tuple[Catalog | None, list[Problem]]:
    """The catalogue (None if a file has an error) and every problem, errors first."""
    try:
        catalog = load_catalog(root)
        return catalog, catalog.warnings
    except DataError as error:
        return None, error.problems + error.warnings


def _print_problems(problems: list[Problem], condense: bool) -> None:
    """Warnings on standard output, then the errors with their count on standard error."""
    warnings = [p for p in problems if p.schwere is Schwere.WARNUNG]
    errors = [p for p in problems if p.schwere is Schwere.FEHLER]
    _print_lines(condensed(warnings) if condense else warnings)
    if errors:
        print(format_problems(errors), file=sys.stderr, flush=True)


def _print_left_out(problems: list[Problem], shown: list[Problem]) -> None:
    errors = sum(1 for p in problems if p.schwere is Schwere.FEHLER and p not in shown)
    warnings = len(problems) - len(shown) - errors
    if errors or warnings:
        print(left_out(errors, warnings), file=sys.stderr if errors else sys.stdout, flush=True)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _print_lines(lines: list) -> None:
    if lines:
        print("\n".join(str(line) for line in lines), flush=True)


def _base(options: argparse.Namespace) -> str | None:
    """What to compare with: `--nur-geaenderte`, else the target of the pull or merge request in CI."""
    if options.nur_geaenderte:
        return options.nur_geaenderte
    if options.github and os.environ.get("GITHUB_BASE_REF"):
        return f"origin/{os.environ['GITHUB_BASE_REF']}"
    if options.gitlab and os.environ.get("CI_MERGE_REQUEST_DIFF_BASE_SHA"):
        return os.environ["CI_MERGE_REQUEST_DIFF_BASE_SHA"]
    return None


def _changes_since(base: str | None, root: Path) -> Changes | None:
    """The files changed since `base` (None: report everything); says in one line what is reported."""
    if base is None:
        return None
    changes = _changes(root, base)
    if changes is None:
        print(f"Hinweis: Welche Dateien sich seit »{base}« geändert haben, ließ sich mit git nicht feststellen. "
              "Gemeldet wird alles.", flush=True)
    elif changes.files:
        files = "die geänderte Datei" if len(changes.files) == 1 else f"die {len(changes.files)} geänderten Dateien"
        print(f"Geprüft werden alle Daten; gemeldet wird, was {files} seit »{base}« betrifft.", flush=True)
    else:
        print(f"Geprüft werden alle Daten; seit »{base}« ist keine Datei geändert.", flush=True)
    return changes


def _changes(root: Path, base: str) -> Changes | None:
    """Files that differ between `git merge-base base HEAD` and the working tree (new untracked files too);
    None if git cannot tell."""
    merge_base = _git(root, "merge-base", base, "HEAD")
    if merge_base is None:
        return None
    listed = _git(root, "diff", "--name-only", "--no-renames", "--relative", "-z", merge_base.strip()) or ""
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z") or ""
    return Changes.of(root, [path for path in (listed + untracked).split("\0") if path])


def _git(root: Path, *args: str) -> str | None:
    """The output of a git command in `root`, or None if git is missing or the command fails."""
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def _write_annotations(options: argparse.Namespace, root: Path, problems: list[Problem]) -> None:
    if not (options.github or options.gitlab):
        return
    # CI tools want paths from the repository's top, which may lie above the project.
    prefix = (_git(root, "rev-parse", "--show-prefix") or "").strip()
    if options.github:
        _print_lines(annotations.github(problems, prefix))
    if options.gitlab:
        options.gitlab.write_text(annotations.gitlab(problems, prefix), encoding="utf-8")


def neue_initiative(args: list[str], root: Path = ROOT) -> int:
    """Write `initiatives/<slug>.yaml` for the name in `args`; never overwrite an existing file."""
    if len(args) != 1 or not args[0].strip() or args[0].startswith("-"):
        print('Aufruf: scripts/neue-initiative "Name der Initiative"', file=sys.stderr)
        return 0 if args in (["-h"], ["--hilfe"], ["--help"]) else 2
    name = args[0].strip()
    if not slugify(name):
        print("Der Name braucht mindestens einen Buchstaben oder eine Ziffer.", file=sys.stderr)
        return 2
    path = root / INITIATIVES_DIR / f"{slugify(name)}.yaml"
    if path.exists():
        print(f"{path.relative_to(root)} gibt es schon. Bearbeiten Sie diese Datei.", file=sys.stderr)
        return 1
    path.write_text(new_initiative(name), encoding="utf-8")
    print(f"Angelegt: {path.relative_to(root)}. Füllen Sie die Pflichtfelder aus und prüfen Sie mit »make pruefen«.")
    return 0


def formatieren(args: list[str], root: Path = ROOT) -> int:
    """Write every data file in the form the editor saves (`--pruefen`: only name those not in it, as a note).

    Exit 1 only if a file does not load (it stays untouched) or its canonical form would change its data.
    """
    check_only = "--pruefen" in args
    results = [format_file(path, model, root, write=not check_only) for path, model in formatted_files(root)]
    for result in results:
        if result.changed:
            label = result.path.relative_to(root).as_posix()
            print(f"Hinweis: {label} ist nicht in der Form, in der der Editor speichert. Das ist kein Fehler: "
                  "Das nächste Speichern im Editor oder »make formatieren« gleicht sie an." if check_only
                  else f"{label}: formatiert")
    problems = [problem for result in results for problem in result.problems]
    if not check_only:
        print(_formatted_summary(sum(result.changed for result in results), len(results), bool(problems)))
    if problems:
        print(format_problems(problems), file=sys.stderr)
        print("Dateien mit Fehlern bleiben unverändert.", file=sys.stderr)
        return 1
    return 0


def _formatted_summary(changed: int, files: int, problems: bool) -> str:
    """The closing line of `make formatieren`: an editor sees that it ran, also when nothing needed changing."""
    counted = _count(files, "Datei", "Dateien")
    if problems:
        return f"Formatiert: {changed} von {counted}."
    if changed:
        return f"Formatiert: {changed} von {counted}; die übrigen waren schon in der Form des Editors."
    return f"Nichts zu tun: Alle {counted} sind schon in der Form, in der der Editor speichert."


def links(root: Path = ROOT) -> int:
    """Check the links of the built site (`site/`); write the external ones to `build/externe-links.md`."""
    from wissensplattform.data.config import read_config
    from wissensplattform.outputs.linkcheck import check_site, external_report

    report = check_site(root / "site", read_config(root).get("site_url") or "")
    for link, why in report.broken:
        print(f"{link.page}: {link.target} ({why})", file=sys.stderr)
    target = root / "build" / "externe-links.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text("\n".join(external_report(report)) + "\n", encoding="utf-8")
    print(f"{len(report.broken)} defekte interne Links; {len(report.external)} externe Links in {target.relative_to(root)} "
          "(nicht abgerufen: bitte online prüfen).")
    return 1 if report.broken else 0


def bearbeiten(args: list[str], root: Path = ROOT) -> int:
    """The form editor on this checkout (local mode); see `editor.local`."""
    from wissensplattform.editor.local import LocalServerError, run_local_editor

    _Parser(prog="scripts/bearbeiten", description="Startet den Formular-Editor auf diesem Rechner "
            "(http://127.0.0.1:8000/bearbeiten/); gespeichert wird in dieses Git-Repository.").parse_args(args)
    try:
        return run_local_editor(root)
    except LocalServerError as error:
        print(error, file=sys.stderr)
        return 1
