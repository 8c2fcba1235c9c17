"""Scaling benchmark of the whole build, with both builders, against the bare builder (scripts/benchmark).

For each N, a copy of the project is filled up to N initiatives with synthetic ones (N = 40 is the real
site); each builder then builds it
- for the first time (empty build cache: every PDF Steckbrief is rendered),
- warm (a new process, as `make build` or `make build-zensical` runs it, nothing changed);
- again after one initiative file changed: for MkDocs in `repeat` `mkdocs serve` sessions of EDITS edits each
  (`serve_rebuild.py`): the start of a session, its first rebuild and the further ones; Zensical has no such
  mode for this project (`zensical serve` would watch only the generated `.zensical/docs`, not the data
  files), so its equivalent is a new `make build-zensical`;
and the bare builder (mkdocs-material, or Zensical) builds as many plain Markdown pages the same ways.
All times are CPU seconds (user + system, including child processes): on a shared machine wall time says
little. Every figure but the first build is a median; the site's runs and the bare builder's take turns.

(The map page's own figures are in `map_benchmark.py`, scripts/benchmark-karte.)

The synthetic initiatives exist only in a temporary copy of the project; they are never part of the site.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from wissensplattform.data.buildcache import CACHE_ROOT
from wissensplattform.data.catalog import INITIATIVES_DIR
from wissensplattform.data.models import Initiative
from wissensplattform.data.models.common import LAT_RANGE, LON_RANGE, Kriterium
from wissensplattform.data.models.initiative import Ebene, Typ

from benchmarks.sandbox import copy_sources
from benchmarks.serve_rebuild import change

ROOT = Path(__file__).resolve().parent.parent
SERVE_REBUILD = Path(__file__).resolve().parent / "serve_rebuild.py"
BUILD_CACHE = CACHE_ROOT.name  # below a project copy
ZENSICAL_CACHE = ".cache"  # Zensical's cache of rendered pages, beside its configuration
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# Where people wait (a warm build, a rebuild after one change) the site may take at most this many times the
# CPU time of the bare builder with as many pages.
TARGET = 1.5
# Edits per `mkdocs serve` session: the first rebuild, and further ones.
EDITS = 3

# Real places with their Land, so the synthetic initiatives get map positions like real ones.
_PLACES = (
    ("Köln", "Nordrhein-Westfalen"), ("Dortmund", "Nordrhein-Westfalen"), ("Leipzig", "Sachsen"),
    ("Dresden", "Sachsen"), ("München", "Bayern"), ("Nürnberg", "Bayern"), ("Stuttgart", "Baden-Württemberg"),
    ("Mannheim", "Baden-Württemberg"), ("Hannover", "Niedersachsen"), ("Kiel", "Schleswig-Holstein"),
    ("Magdeburg", "Sachsen-Anhalt"), ("Erfurt", "Thüringen"), ("Mainz", "Rheinland-Pfalz"),
    ("Saarbrücken", "Saarland"), ("Rostock", "Mecklenburg-Vorpommern"), ("Potsdam", "Brandenburg"),
)
_CITE = {"quelle": "studie-2018", "stelle": "synthetisch (Leistungsmessung)"}
_PROSE = ("Unternehmen, Kammern, Gewerkschaften und Verwaltung arbeiten in regelmäßigen Runden zusammen, "
          "um die Akzeptanz der Industrie in der Region zu stärken und Fachkräfte zu gewinnen.")


def synthetic_initiative(number: int, rng: random.Random | None = None) -> dict:
    """One valid initiative file's data, about as full as a real case-study profile.

    With `rng`, it sits at a random point in Germany instead of one of a few real places (for the map).
    """
    place, land = _PLACES[number % len(_PLACES)]
    typ = list(Typ)[number % len(Typ)]
    ebene = list(Ebene)[(number // len(Typ)) % len(Ebene)]
    criteria = list(Kriterium)
    data = {
        "name": f"Synthetische Initiative {number:05d}",
        "typ": typ.value,
        "ebene": ebene.value,
        "einordnung": _CITE,
        "bundesland": {"wert": land, **_CITE},
        "gruendung": {"wert": 2000 + number % 18, **_CITE},
        "beschreibung": [{"text": f"{_PROSE} (Absatz {i})", **_CITE} for i in range(3)],
        "akteure": [{"text": f"Akteur {i} der Initiative {number}", **_CITE} for i in range(5)],
        "ziele": [{"text": f"Ziel {i}: {_PROSE}", **_CITE} for i in range(3)],
        "massnahmen": [{"text": f"Maßnahme {i}: {_PROSE}", **_CITE} for i in range(3)],
        "erfolgsfaktoren": [{"text": f"Erfolgsfaktor {i}", "kriterien": [criteria[(number + i) % 10].value], **_CITE}
                            for i in range(2)],
        "chronik": [{"datum": f"{2005 + i}-0{1 + i}", "ereignis": f"Ereignis {i}", **_CITE} for i in range(3)],
    }
    if rng is not None:
        data["koordinaten"] = {"lat": round(rng.uniform(LAT_RANGE[0] + .3, LAT_RANGE[1] - .6), 5),
                               "lon": round(rng.uniform(LON_RANGE[0] + .3, LON_RANGE[1] - .3), 5), **_CITE}
    elif ebene is not Ebene.LANDESWEIT:
        data["ort"] = {"wert": place, **_CITE}
    Initiative.model_validate(data)  # a generator bug must show here, not as a failed build
    return data


def add_synthetic_initiatives(project: Path, count: int, rng: random.Random | None = None) -> None:
    """Add `count` synthetic initiatives to the copy's real ones (the knowledge pages link the real ones)."""
    folder = project / INITIATIVES_DIR
    folder.mkdir(exist_ok=True)
    for number in range(1, count + 1):
        text = yaml.safe_dump(synthetic_initiative(number, rng), allow_unicode=True, sort_keys=False)
        (folder / f"synthetische-initiative-{number:05d}.yaml").write_text(text, encoding="utf-8")


_PLAIN_CONFIG = """site_name: Vergleich
site_url: http://127.0.0.1:8000/
theme:
  name: material
  language: de
  font: false
plugins:
  - search:
      lang: de
nav:
  - index.md
"""


def write_plain_project(project: Path, pages: int) -> None:
    """Bare mkdocs-material (Zensical reads the same file) with `pages` plain Markdown pages of a profile's
    length, outside the nav."""
    docs = project / "docs"
    (docs / "seiten").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(_PLAIN_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Vergleich\n", encoding="utf-8")
    body = "\n\n".join(f"## Abschnitt {i}\n\n{_PROSE}\n\n- Punkt eins\n- Punkt zwei" for i in range(8))
    for number in range(pages):
        (docs / "seiten" / f"seite-{number:05d}.md").write_text(f"# Seite {number}\n\n{body}\n", encoding="utf-8")


# How each builder is run: a build in a new process, and the same with the Python arguments (e.g. cProfile)
# before the module. The bare builders build the plain project.
def _mkdocs(python_args: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, *python_args, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"]


def _zensical(python_args: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, *python_args, "-m", "wissensplattform.builders.zensical"]


def _bare_zensical(python_args: tuple[str, ...] = ()) -> list[str]:
    # As the project's Zensical build runs it: with Zensical's own cache of rendered pages (`.cache/`).
    return [sys.executable, *python_args, "-m", "zensical", "build"]


@dataclass(frozen=True)
class Builder:
    name: str
    build: Callable[..., list[str]]
    bare_build: Callable[..., list[str]]
    # After one file changed: in the same process as `mkdocs serve` (True), or a new build (False).
    serves: bool


BUILDERS = (Builder("MkDocs", _mkdocs, _mkdocs, serves=True),
            Builder("Zensical", _zensical, _bare_zensical, serves=False))


def cpu_of(command: list[str], cwd: Path) -> float:
    """CPU seconds (user + system) of `command` and its children; raise with its output when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} in {cwd} fehlgeschlagen:\n{result.stderr[-4000:]}")
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def serve_rebuild_cpu(project: Path, changed: Path, times: int) -> list[float]:
    """CPU seconds of the start of one `mkdocs serve` session and of each of its `times` rebuilds, each after
    `changed` changed (see `serve_rebuild.py`)."""
    result = subprocess.run([sys.executable, str(SERVE_REBUILD), str(changed), str(times)], cwd=project,
                            capture_output=True, text=True, env=ENV)
    if result.returncode != 0:
        raise RuntimeError(f"Neubau wie mkdocs serve in {project} fehlgeschlagen:\n{result.stderr[-4000:]}")
    return [float(value) for value in result.stdout.split()]


@dataclass(frozen=True)
class Row:
    """One measure of one builder: the site's CPU seconds and the bare builder's for as many plain pages."""

    builder: str
    measure: str
    site: float
    bare: float
    # Whether the TARGET applies (where people wait: not the first build, which renders every PDF).
    targeted: bool = True

    @property
    def ratio(self) -> float:
        return self.site / self.bare

    @property
    def verdict(self) -> str:
        if not self.targeted:
            return "–"
        return "erreicht" if self.ratio <= TARGET else "verfehlt"


FIRST, WARM = "erster Bau", "warmer Bau"
SERVE_START = "Start von mkdocs serve (bis zur ersten Vorschau)"
SERVE_FIRST = "nach Änderung einer Datei: erster Neubau in mkdocs serve"
SERVE_LATER = "nach Änderung einer Datei: jeder weitere Neubau in mkdocs serve"
NEW_BUILD = "nach Änderung einer Datei: neuer Bau"


def first_build(builder: Builder, project: Path) -> float:
    """A build with an empty build cache (and without Zensical's), whatever another builder left in it."""
    for cache in (BUILD_CACHE, ZENSICAL_CACHE):
        shutil.rmtree(project / cache, ignore_errors=True)
    return cpu_of(builder.build(), project)


def measure_builder(builder: Builder, project: Path, plain: Path, first: float, changed: Path, repeat: int,
                    profile: Path | None = None) -> list[Row]:
    """Warm and changed-file builds of `project` after its `first` build, and the bare builder's of `plain`.

    The site's and the bare builder's runs take turns, so a slow spell of a shared machine hits both alike.
    """
    bare_first = cpu_of(builder.bare_build(), plain)
    warm, bare_warm = _in_turns(lambda: cpu_of(builder.build(), project), lambda: cpu_of(builder.bare_build(), plain),
                                repeat)
    rows = [Row(builder.name, FIRST, first, bare_first, targeted=False), Row(builder.name, WARM, warm, bare_warm)]
    plain_page = plain / "docs" / "seiten" / "seite-00000.md"
    if builder.serves:
        # `repeat` sessions each, with EDITS edits: the start (which generates the site, see `Site.load`), and the
        # first rebuild apart from the further ones, which shows whether the start left work for the first edit.
        sessions = [(serve_rebuild_cpu(project, changed, EDITS), serve_rebuild_cpu(plain, plain_page, EDITS))
                    for _ in range(repeat)]

        def medians(part: slice) -> tuple[float, float]:
            """The site's and the bare builder's median of `part` of each session's figures."""
            return tuple(statistics.median(v for session in sessions for v in session[i][part]) for i in (0, 1))

        rows += [Row(builder.name, SERVE_START, *medians(slice(0, 1)), targeted=False),
                 Row(builder.name, SERVE_FIRST, *medians(slice(1, 2))),
                 Row(builder.name, SERVE_LATER, *medians(slice(2, None)))]
    else:
        site, bare = _in_turns(lambda: _changed_then(changed, lambda: cpu_of(builder.build(), project)),
                               lambda: _changed_then(plain_page, lambda: cpu_of(builder.bare_build(), plain)), repeat)
        rows.append(Row(builder.name, NEW_BUILD, site, bare))
    if profile:  # an extra, untimed build: cProfile slows a build down by half or more
        cpu_of(builder.build(("-m", "cProfile", "-o", str(profile))), project)
    return rows


def _in_turns(site: Callable[[], float], bare: Callable[[], float], repeat: int) -> tuple[float, float]:
    """The medians of `repeat` runs of each, the two taking turns."""
    runs = [(site(), bare()) for _ in range(repeat)]
    return statistics.median(run[0] for run in runs), statistics.median(run[1] for run in runs)


def _changed_then(path: Path, build: Callable[[], float]) -> float:
    change(path)
    return build()


@dataclass(frozen=True)
class Measurement:
    initiatives: int
    synthetic: int
    pages: int
    rows: tuple[Row, ...]
    site_bytes: int
    largest_page: tuple[str, int]
    map_bytes: int | None
    search_index_bytes: int

    def of(self, builder: str, measure: str) -> Row:
        return next(r for r in self.rows if r.builder == builder and r.measure == measure)


def _folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _site_figures(site_dir: Path) -> dict:
    """Page count and sizes of a built site."""
    pages = list(site_dir.rglob("*.html"))
    largest = max(pages, key=lambda path: path.stat().st_size)
    karte = site_dir / "karte"
    return dict(pages=len(pages), site_bytes=_folder_bytes(site_dir),
                largest_page=(largest.relative_to(site_dir).as_posix(), largest.stat().st_size),
                map_bytes=_folder_bytes(karte) if karte.is_dir() else None,
                search_index_bytes=sum(path.stat().st_size for path in (site_dir / "search" / "search_index.json",
                                                                         site_dir / "search.json") if path.exists()))


def measure(count: int, workdir: Path, profile_dir: Path | None = None, repeat: int = 1,
            builders: tuple[Builder, ...] = BUILDERS) -> Measurement:
    """Build the project filled up to `count` initiatives with synthetic ones (`count` at or below the real
    number: the real site alone) with each builder, and the plain baseline.

    The sizes and the plain project's page count come from the first builder's site.
    """
    project = copy_sources(ROOT, workdir / "projekt")
    synthetic = max(0, count - len(list((project / INITIATIVES_DIR).glob("*.y*ml"))))
    add_synthetic_initiatives(project, synthetic)
    initiatives = sorted((project / INITIATIVES_DIR).glob("*.y*ml"))
    plain = workdir / "vergleich"
    sizes: dict = {}
    rows: list[Row] = []
    for builder in builders:
        first = first_build(builder, project)
        if not sizes:
            sizes = _site_figures(project / "site")
            write_plain_project(plain, sizes["pages"])
        profile = profile_dir / f"{builder.name.lower()}-{count}.prof" if profile_dir else None
        rows += measure_builder(builder, project, plain, first, initiatives[0], repeat, profile)
    return Measurement(initiatives=len(initiatives), synthetic=synthetic, rows=tuple(rows), **sizes)


HEADER = ("| Initiativen | davon synthetisch | Seiten | Builder | Messung | Website s | Basis s | Verhältnis "
          f"| Ziel ≤ {TARGET:.1f} |".replace(".", ","))
NOTE = ("\nCPU-Sekunden (Nutzer + System, mit Kindprozessen); außer beim ersten Bau Mediane von Läufen, in denen "
        "Website und Basis abwechseln (mkdocs serve: je Wiederholung eine Sitzung mit {edits} Änderungen; erster "
        "Neubau und weitere getrennt). Basis: das reine Werkzeug (mkdocs-material bzw. Zensical) mit ebenso vielen "
        "schlichten Seiten, auf dieselbe Weise gemessen. Zensical hat für dieses Projekt keinen Serve-Modus "
        "(zensical serve sähe die Datendateien nicht): nach einer Änderung baut es neu.\n").format(edits=EDITS)
SIZES_HEADER = "| Initiativen | Website MB | größte Seite KB | Karte KB (Ordner karte/) | Suchindex MB |"


def table_rows(m: Measurement) -> list[str]:
    return [f"| {m.initiatives} | {m.synthetic} | {m.pages} | {r.builder} | {r.measure} | {r.site:.2f} | {r.bare:.2f} "
            f"| {r.ratio:.2f} | {r.verdict} |" for r in m.rows]


def sizes_row(m: Measurement) -> str:
    map_kb = f"{m.map_bytes / 1024:.0f}" if m.map_bytes is not None else "–"
    return (f"| {m.initiatives} | {m.site_bytes / 2**20:.1f} | {m.largest_page[1] / 1024:.0f} ({m.largest_page[0]}) "
            f"| {map_kb} | {m.search_index_bytes / 2**20:.2f} |")


def _table_head(header: str) -> list[str]:
    return [header, "|" + "---|" * (header.count("|") - 1)]


def run(counts: list[int], profile_dir: Path | None = None, repeat: int = 1,
        builders: tuple[Builder, ...] = BUILDERS) -> list[Measurement]:
    """Measure every count; print the Markdown table of times line by line as results arrive, then the sizes."""
    if profile_dir:
        profile_dir.mkdir(parents=True, exist_ok=True)
    print("\n".join(_table_head(HEADER)), flush=True)
    results = []
    for count in counts:
        with tempfile.TemporaryDirectory(prefix=f"benchmark-{count}-") as tmp:
            results.append(measure(count, Path(tmp), profile_dir, repeat, builders))
        print("\n".join(table_rows(results[-1])), flush=True)
    print(NOTE)
    print("\n".join([*_table_head(SIZES_HEADER), *map(sizes_row, results)]), flush=True)
    return results
