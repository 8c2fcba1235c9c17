"""The Leaflet map of a page, built with folium and served entirely from the site.

folium's classes carry CDN links (Leaflet, jQuery, Bootstrap, Font Awesome, …) as class-level
`default_js`/`default_css`; a per-instance override would miss the plugins' links, so the classes
themselves are pointed at the vendored copies before each render (the paths are relative to the page).

folium is imported only to build a map that no earlier build has built: the finished parts of each map
are kept in the build cache (`data.buildcache`), as importing folium alone takes half a second.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from markupsafe import Markup

from wissensplattform.data.buildcache import cache_key, file_digest, stored, version
from wissensplattform.data.models.common import LAT_RANGE, LON_RANGE
from wissensplattform.pages import rendering
from wissensplattform.pages.rendering import relative_url

if TYPE_CHECKING:
    import folium
    from folium.plugins import MarkerCluster

VENDOR = "assets/vendor/"
# Site paths of the vendored files, by folium's resource names; the classes by name, imported when a map is built.
VENDORED = {
    "folium.Map": {
        "js": [("leaflet", "leaflet/leaflet.js")],
        "css": [("leaflet_css", "leaflet/leaflet.css")],
    },
    "folium.plugins.MarkerCluster": {
        "js": [("markerclusterjs", "leaflet.markercluster/leaflet.markercluster.js")],
        "css": [("markerclustercss", "leaflet.markercluster/MarkerCluster.css"),
                ("markerclusterdefaultcss", "leaflet.markercluster/MarkerCluster.Default.css")],
    },
}
# The map script and style of this project (not third-party code); the script runs after folium's.
MAP_JS = "assets/karte/karte.js"
MAP_CSS = "assets/karte/karte.css"
GERMANY_CENTRE = (51.16, 10.45)
# Leaflet map options (folium's min_zoom/max_zoom only reach tile layers; the cluster plugin needs the map's).
ZOOM = {"minZoom": 5, "maxZoom": 18}


@dataclass(frozen=True)
class MapParts:
    """What a template needs to place a folium map: asset URLs, the element id and the init script."""

    scripts: tuple[str, ...]
    stylesheets: tuple[str, ...]
    page_script: str
    map_name: str
    cluster_name: str | None
    script: Markup


def use_vendored_assets(page_url: str) -> None:
    """Point folium's class-level asset lists at the vendored files, relative to the page at `page_url`."""
    for class_path, assets in VENDORED.items():
        module, _, class_name = class_path.rpartition(".")
        cls = getattr(importlib.import_module(module), class_name)
        cls.default_js = [(name, relative_url(page_url, VENDOR + path)) for name, path in assets["js"]]
        cls.default_css = [(name, relative_url(page_url, VENDOR + path)) for name, path in assets["css"]]


def _parts(fmap: folium.Map, cluster: MarkerCluster | None, page_url: str) -> MapParts:
    from branca.element import CssLink, JavascriptLink

    use_vendored_assets(page_url)
    # Fixed element ids instead of folium's random ones: the same data builds the same page.
    fmap._id = "karte"
    if cluster is not None:
        cluster._id = "initiativen"
    figure = fmap.get_root()
    # Figure.render() fills the header (asset links) and the script of every element.
    figure.render()
    links = list(figure.header._children.values())
    # Only the asset links are kept: folium's header also sets `user-scalable=no` and full-page styles,
    # which would break zooming (WCAG 1.4.4) and the theme's layout.
    scripts = tuple(link.url for link in links if isinstance(link, JavascriptLink))
    stylesheets = tuple(link.url for link in links if isinstance(link, CssLink)) + (relative_url(page_url, MAP_CSS),)
    script = "\n".join(line for line in figure.script.render().splitlines() if line.strip())
    return MapParts(scripts, stylesheets, relative_url(page_url, MAP_JS), fmap.get_name(), cluster.get_name() if cluster else None, Markup(script))


def _stored(build: Callable[..., MapParts], *args: object) -> MapParts:
    """`build(*args)` from the build cache, or built with folium and kept there.

    The key is everything the map is made of: the versions of folium and of the libraries that render its
    templates, this module's source (map options, vendored paths, how the parts are cut out), the page-URL
    helper's module and the arguments; so a kept map is always the one folium would build now.
    """
    key = cache_key(*(version(name) for name in ("folium", "branca", "jinja2", "markupsafe")),
                    file_digest(__file__), file_digest(rendering.__file__), build.__name__, *args)
    return stored("karten", key, lambda: build(*args))


@cache
def overview_map(page_url: str) -> MapParts:
    """The map of all initiatives: Germany, and an empty cluster group that the page script fills from the GeoJSON."""
    return _stored(_build_overview_map, page_url, LAT_RANGE, LON_RANGE)


def _build_overview_map(page_url: str, lat_range: tuple[float, float], lon_range: tuple[float, float]) -> MapParts:
    import folium
    from folium.plugins import MarkerCluster

    fmap = folium.Map(location=GERMANY_CENTRE, zoom_start=6, tiles=None, control_scale=True, **ZOOM)
    cluster = MarkerCluster(name="Initiativen", options={"chunkedLoading": True, "showCoverageOnHover": False,
                                                                "maxClusterRadius": 40})
    cluster.add_to(fmap)
    fmap.fit_bounds([[lat_range[0], lon_range[0]], [lat_range[1], lon_range[1]]])
    return _parts(fmap, cluster, page_url)


def mini_map(page_url: str, zoom: int) -> MapParts:
    """A small map at `zoom`; the page script centres it on the initiative's position and draws its marker.

    The map holds no position and its asset links depend only on the page's depth, so all profiles
    share one rendering per zoom level.
    """
    return _mini_map(page_url.count("/"), zoom)


@cache
def _mini_map(depth: int, zoom: int) -> MapParts:
    return _stored(_build_mini_map, depth, zoom)


def _build_mini_map(depth: int, zoom: int) -> MapParts:
    import folium

    fmap = folium.Map(location=GERMANY_CENTRE, zoom_start=zoom, tiles=None, **ZOOM)
    return _parts(fmap, None, "seite/" * depth)
