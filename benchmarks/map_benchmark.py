"""Figures for the map page: bytes transferred and time to interactive in headless Chromium.

Synthetic initiatives are written only into a temporary copy of the project (never into the repository
and never in tests); they are plainly named as synthetic and carry no facts about real initiatives.
"""

from __future__ import annotations

import gzip
import random
from dataclasses import dataclass
from pathlib import Path

from benchmarks.scaling import add_synthetic_initiatives


@dataclass(frozen=True)
class MapFigures:
    initiatives: int
    requests: int
    bytes_raw: int
    bytes_gzip: int
    search_gzip: int
    interactive_ms: float
    filter_ms: float
    pan_ms: float
    longest_task_ms: float


def write_synthetic_initiatives(project: Path, count: int, seed: int = 1) -> None:
    """Add `count` synthetic initiatives at random points in Germany to the copy's real ones."""
    add_synthetic_initiatives(project, count, random.Random(seed))


# The theme's site search (index and workers) loads on every page, not only on the map.
SEARCH = "/search"
# Runs in the page: the cost of one filter change and one pan, and the longest main-thread task.
_INTERACTION = """async () => {
  const box = document.querySelector('[data-wp-karte]');
  const map = window[box.dataset.karte];
  const select = document.getElementById('wp-filter-ebene');
  let t = performance.now();
  select.value = 'regional';
  select.dispatchEvent(new Event('change', {bubbles: true}));
  const filter = performance.now() - t;
  t = performance.now();
  map.panBy([200, 120], {animate: false});
  const pan = performance.now() - t;
  await new Promise(r => setTimeout(r, 500));
  const tasks = window.__longTasks;
  return {filter, pan, longest: Math.max(0, ...tasks),
          ready: performance.getEntriesByName('wp-karte-bereit')[0].startTime};
}"""


def measure_map(browser, base_url: str, initiatives: int) -> MapFigures:
    """Load /karte/ once in a fresh browser context and measure it."""
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.add_init_script("window.__longTasks = []; new PerformanceObserver(list => list.getEntries()"
                         ".forEach(e => window.__longTasks.push(e.duration))).observe({type: 'longtask'});")
    finished: list = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url) else route.abort())
    page.goto(base_url + "karte/")
    page.wait_for_selector("[data-wp-bereit=ja]", state="attached", timeout=120_000)
    page.wait_for_load_state("networkidle")
    result = page.evaluate(_INTERACTION)
    sizes = [_sizes(request) for request in finished]
    context.close()
    return MapFigures(initiatives, len(sizes), sum(s[0] for s in sizes), sum(s[1] for s in sizes),
                      sum(s[1] for s in sizes if s[2]),
                      result["ready"], result["filter"], result["pan"], result["longest"])


def _sizes(request) -> tuple[int, int, bool]:
    """Bytes of one response as served (headers + body) and after gzip, and whether it is the site search."""
    response = request.response()
    body = response.body() if response else b""
    headers = request.sizes()["responseHeadersSize"]
    return len(body) + headers, len(gzip.compress(body)) + headers, SEARCH in request.url
