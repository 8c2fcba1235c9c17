"""Scaling benchmark of the whole build: N synthetic initiatives against bare mkdocs-material (scripts/benchmark).

(The map page's own figures are in `map_benchmark.py`, scripts/benchmark-karte.)

The synthetic initiatives exist only in a temporary copy of the project; they are never part of the site.
"""

from __future__ import annotations

import random
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from wissensplattform.data.catalog import INITIATIVES_DIR
from wissensplattform.data.models import Initiative
from wissensplattform.data.models.common import LAT_RANGE, LON_RANGE, Kriterium
from wissensplattform.data.models.initiative import Ebene, Typ

from benchmarks.sandbox import build_site, copy_sources

ROOT = Path(__file__).resolve().parent.parent

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
    """Bare mkdocs-material with `pages` plain Markdown pages of a profile's length, outside the nav."""
    docs = project / "docs"
    (docs / "seiten").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(_PLAIN_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Vergleich\n", encoding="utf-8")
    body = "\n\n".join(f"## Abschnitt {i}\n\n{_PROSE}\n\n- Punkt eins\n- Punkt zwei" for i in range(8))
    for number in range(pages):
        (docs / "seiten" / f"seite-{number:05d}.md").write_text(f"# Seite {number}\n\n{body}\n", encoding="utf-8")


@dataclass(frozen=True)
class Timing:
    wall: float
    # CPU seconds of the build process: unlike wall time, not inflated by other jobs on a shared machine.
    cpu: float


@dataclass(frozen=True)
class Measurement:
    synthetic: int
    initiatives: int
    pages: int
    # The first build renders every PDF Steckbrief; the rebuild takes them from the content-addressed cache,
    # as every later build does (locally, and in CI with `.cache/pdf` kept between runs).
    build: Timing
    rebuild: Timing
    site_bytes: int
    largest_page: tuple[str, int]
    map_bytes: int | None
    search_index_bytes: int
    baseline: Timing

    @property
    def cpu_per_initiative(self) -> float:
        return self.rebuild.cpu / self.initiatives

    @property
    def ratio(self) -> float:
        """The rebuild's CPU time against the baseline's: the figure the target (at most 1.5) is about."""
        return self.rebuild.cpu / self.baseline.cpu

    @property
    def first_build_ratio(self) -> float:
        return self.build.cpu / self.baseline.cpu


def _timed_build(project: Path, site_dir: Path, python_args: tuple[str, ...] = ()) -> Timing:
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    result = build_site(project, site_dir, python_args=python_args)
    after, elapsed = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"Build von {project} fehlgeschlagen:\n{result.stderr[-4000:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return Timing(elapsed, cpu)


def _html_pages(site_dir: Path) -> list[Path]:
    return list(site_dir.rglob("*.html"))


def _folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def measure(count: int, workdir: Path, profile: Path | None = None) -> Measurement:
    """Build the project with `count` synthetic initiatives added, then the plain baseline of as many pages."""
    project = copy_sources(ROOT, workdir / "projekt")
    add_synthetic_initiatives(project, count)
    site_dir = workdir / "site"
    build = _timed_build(project, site_dir)
    rebuild = _timed_build(project, workdir / "site-erneut", ("-m", "cProfile", "-o", str(profile)) if profile else ())
    pages = _html_pages(site_dir)
    largest = max(pages, key=lambda path: path.stat().st_size)
    karte = site_dir / "karte"
    initiatives = len(list((project / INITIATIVES_DIR).glob("*.y*ml")))

    plain = workdir / "vergleich"
    write_plain_project(plain, len(pages))
    baseline = _timed_build(plain, workdir / "vergleich-site")
    return Measurement(
        synthetic=count, initiatives=initiatives, pages=len(pages), build=build, rebuild=rebuild,
        site_bytes=_folder_bytes(site_dir),
        largest_page=(largest.relative_to(site_dir).as_posix(), largest.stat().st_size),
        map_bytes=_folder_bytes(karte) if karte.is_dir() else None,
        search_index_bytes=(site_dir / "search" / "search_index.json").stat().st_size,
        baseline=baseline,
    )


HEADER = ("| N synthetisch | Initiativen | Seiten | Erster Build s (Uhr/CPU) | Build s (Uhr/CPU) | CPU s/Initiative "
          "| Website MB | größte Seite KB | Karte KB (Ordner karte/) | Suchindex MB | Basis s (Uhr/CPU) "
          "| Verhältnis erster Build (CPU) | Verhältnis (CPU) |")


def table_row(m: Measurement) -> str:
    map_kb = f"{m.map_bytes / 1024:.0f}" if m.map_bytes is not None else "–"
    return (f"| {m.synthetic} | {m.initiatives} | {m.pages} | {m.build.wall:.1f}/{m.build.cpu:.1f} "
            f"| {m.rebuild.wall:.1f}/{m.rebuild.cpu:.1f} | {m.cpu_per_initiative:.4f} | {m.site_bytes / 2**20:.1f} "
            f"| {m.largest_page[1] / 1024:.0f} ({m.largest_page[0]}) | {map_kb} | {m.search_index_bytes / 2**20:.2f} "
            f"| {m.baseline.wall:.1f}/{m.baseline.cpu:.1f} | {m.first_build_ratio:.2f} | {m.ratio:.2f} |")


def run(counts: list[int], profile_dir: Path | None = None) -> list[Measurement]:
    """Measure every count; print the Markdown table line by line as results arrive."""
    if profile_dir:
        profile_dir.mkdir(parents=True, exist_ok=True)
    print(HEADER)
    print("|" + "---|" * (HEADER.count("|") - 1), flush=True)
    results = []
    for count in counts:
        with tempfile.TemporaryDirectory(prefix=f"benchmark-{count}-") as tmp:
            profile = profile_dir / f"build-{count}.prof" if profile_dir else None
            results.append(measure(count, Path(tmp), profile))
        print(table_row(results[-1]), flush=True)
    return results
