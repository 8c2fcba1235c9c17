"""The Leaflet map of a page, built with folium and served entirely from the site.

folium's classes carry CDN links (Leaflet, jQuery, Bootstrap, Font Awesome, …) as class-level
`default_js`/`default_css`; a per-instance override would miss the plugins' links, so the classes
themselves are pointed at the vendored copies before each render (the paths are relative to the page).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import folium
from branca.element import CssLink, JavascriptLink
from folium.plugins import MarkerCluster
from markupsafe import Markup

from wissensplattform.data.models.common import LAT_RANGE, LON_RANGE
from wissensplattform.pages.rendering import relative_url

VENDOR = "assets/vendor/"
# Site paths of the vendored files, by folium's resource names.
VENDORED = {
    folium.Map: {
        "js": [("leaflet", "leaflet/leaflet.js")],
        "css": [("leaflet_css", "leaflet/leaflet.css")],
    },
    MarkerCluster: {
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
    for cls, assets in VENDORED.items():
        cls.default_js = [(name, relative_url(page_url, VENDOR + path)) for name, path in assets["js"]]
        cls.default_css = [(name, relative_url(page_url, VENDOR + path)) for name, path in assets["css"]]


def _parts(fmap: folium.Map, cluster: MarkerCluster | None, page_url: str) -> MapParts:
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


def overview_map(page_url: str) -> MapParts:
    """The map of all initiatives: Germany, and an empty cluster group that the page script fills from the GeoJSON."""
    fmap = folium.Map(location=GERMANY_CENTRE, zoom_start=6, tiles=None, control_scale=True, **ZOOM)
    cluster = MarkerCluster(name="Initiativen", options={"chunkedLoading": True, "showCoverageOnHover": False,
                                                                "maxClusterRadius": 40})
    cluster.add_to(fmap)
    fmap.fit_bounds([[LAT_RANGE[0], LON_RANGE[0]], [LAT_RANGE[1], LON_RANGE[1]]])
    return _parts(fmap, cluster, page_url)


def mini_map(page_url: str, zoom: int) -> MapParts:
    """A small map at `zoom`; the page script centres it on the initiative's position and draws its marker.

    The map holds no position and its asset links depend only on the page's depth, so all profiles
    share one rendering per zoom level.
    """
    return _mini_map(page_url.count("/"), zoom)


@cache
def _mini_map(depth: int, zoom: int) -> MapParts:
    fmap = folium.Map(location=GERMANY_CENTRE, zoom_start=zoom, tiles=None, **ZOOM)
    return _parts(fmap, None, "seite/" * depth)
