"""Publishing: the release check on site_url, robots.txt, and the server configurations, run in Debian's nginx
over the built site and in Chromium. Apache is not installed here: its .htaccess is parsed and compared with
the nginx configuration (both rendered from wissensplattform/outputs/hosting.py and csp.py), not run."""

from __future__ import annotations

import gzip
import json
import logging
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from email.message import Message
from pathlib import Path

import pytest

from conftest import ROOT, build_site, copy_project
from release_settings import PUBLIC_URL, RELEASE, legal_settings, set_settings
from test_map import CONSENT_BUTTON, TILE_HOST, block_other_hosts, open_map
from test_scripts import run as run_script
from wissensplattform.pages.contexts.legal import legal_context
from wissensplattform.outputs.csp import editor_policy, header_policy, policy
from wissensplattform.editor.local import free_port
from wissensplattform.outputs.hosting import configured_site_url, robots_txt, security_headers, site_path
from wissensplattform.data.config import read_config
from wissensplattform.pages.legal import check_settings, site_url_problem
from wissensplattform.data.problems import DataError

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SITE_URL = configured_site_url(ROOT)
YEAR = "public, max-age=31536000, immutable"


# --- site_url -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["", "http://127.0.0.1:8000/", "http://localhost:8000/", "https://[::1]/",
                                 "https://0.0.0.0/", "https://example.org/", "https://www.example.com/x/",
                                 "https://wissen.test/", "ftp://wissensplattform.de/", "wissensplattform.de",
                                 "http://[::1"])
def test_placeholder_site_urls_are_refused(url):
    assert site_url_problem(url)


@pytest.mark.parametrize("url", [PUBLIC_URL, "http://www.bund.de/wissensplattform/"])
def test_public_site_urls_pass(url):
    assert site_url_problem(url) is None


def test_normal_build_names_the_placeholder_release_build_stops(caplog):
    context = legal_context({"site_url": "http://127.0.0.1:8000/"}, ())
    with caplog.at_level(logging.INFO, logger="mkdocs.wissensplattform"):
        check_settings(context, release=False)
    assert "site_url in mkdocs.yml ist keine öffentliche Adresse" in caplog.text
    with pytest.raises(DataError) as raised:
        check_settings(context, release=True)
    site_url = [problem for problem in raised.value.problems if problem.feld == "site_url"]
    assert [(p.datei, p.zeile) for p in site_url] == [("mkdocs.yml", None)]
    assert "zeigt auf den eigenen Rechner" in site_url[0].meldung


def test_site_url_from_the_environment_as_mkdocs_reads_it(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text("site_url: !ENV [WP_SITE_URL, 'http://127.0.0.1:8000/']\n", encoding="utf-8")
    assert read_config(tmp_path)["site_url"] == "http://127.0.0.1:8000/"
    monkeypatch.setenv("WP_SITE_URL", PUBLIC_URL)
    assert read_config(tmp_path)["site_url"] == PUBLIC_URL


def test_release_build_needs_a_public_site_url_and_then_uses_it(tmp_path):
    project = copy_project(tmp_path / "projekt")
    set_settings(project, {**legal_settings(), "site_url": "http://127.0.0.1:8000/"})
    refused = build_site(project, tmp_path / "site-platzhalter", env=RELEASE)
    assert refused.returncode != 0
    report = refused.stdout + refused.stderr
    assert ("mkdocs.yml, Feld `site_url`: Die Adresse der Website »http://127.0.0.1:8000/« zeigt auf den eigenen "
            "Rechner") in report
    assert "Feld `extra." not in report  # the legal settings are complete: only the address is missing

    set_settings(project, {"site_url": PUBLIC_URL})
    built = build_site(project, tmp_path / "site", env=RELEASE)
    assert built.returncode == 0, built.stderr
    site = tmp_path / "site"
    profile = (site / "initiativen" / "lokale-allianz-dormagen" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PUBLIC_URL}initiativen/lokale-allianz-dormagen/">' in profile
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", namespace)]
    assert locations and all(location.startswith(PUBLIC_URL) for location in locations)
    assert (site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nDisallow: /bearbeiten/\n\nSitemap: {PUBLIC_URL}sitemap.xml\n")


# --- robots.txt and the header policy ---------------------------------------------------------------------------

def test_robots_txt_names_the_sitemap_only_under_a_public_address():
    assert robots_txt("http://127.0.0.1:8000/") == "User-agent: *\nDisallow: /bearbeiten/\n"
    assert robots_txt("https://www.bund.de/wissen") == (
        "User-agent: *\nDisallow: /wissen/bearbeiten/\n\nSitemap: https://www.bund.de/wissen/sitemap.xml\n")
    assert site_path("https://www.bund.de") == "/"


def test_built_site_has_robots_txt_and_htaccess(site):
    assert (site / "robots.txt").read_text(encoding="utf-8") == robots_txt(SITE_URL)
    assert (site / ".htaccess").exists()


def _directives(text: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in text.split(";"))


def test_header_policy_adds_frame_ancestors_and_restricts_nothing_a_page_policy_allows():
    header = _directives(header_policy())
    assert header.pop("frame-ancestors") == "'none'"
    # Every other directive is word for word in each page's policy and the editor's: the header blocks nothing
    # they allow. No fetch directive that differs between pages (scripts, tiles, the Git API) is in the header.
    for meta in (policy(["'sha256-abc'"]), editor_policy(("https://gitlab.example.org",))):
        assert header.items() <= _directives(meta).items()
    assert not {"default-src", "script-src", "img-src", "connect-src", "style-src"} & header.keys()


# --- the server configurations -----------------------------------------------------------------------------------

def _nginx_settings(text: str) -> dict:
    types = re.search(r"^types \{\n(.*?)^\}", text, re.M | re.S).group(1)
    return {
        "headers": dict(re.findall(r'^add_header (\S+) "([^"]*)" always;$', text, re.M)),
        "cache_default": re.search(r'^set \$wissensplattform_cache "([^"]*)";$', text, re.M).group(1),
        # nginx takes the first matching regex location.
        "cache_rules": re.findall(r'^location ~ "([^"]+)" \{\n\s+set \$wissensplattform_cache "([^"]*)";', text, re.M),
        "compressed": {"text/html", *re.search(r"^gzip_types (.*);$", text, re.M).group(1).split()},
        "types": {extension: mime for mime, extensions in re.findall(r"^\s+(\S+) ([^;]+);$", types, re.M)
                  for extension in extensions.split()},
        "error_page": re.search(r"^error_page 404 (\S+);$", text, re.M).group(1),
    }


def _apache_settings(text: str) -> dict:
    rules = re.findall(r'^Header set Cache-Control "([^"]*)" "expr=%\{REQUEST_URI\} =~ m#(.+)#"$', text, re.M)
    return {
        "headers": dict(re.findall(r'^Header always set (\S+) "([^"]*)"$', text, re.M)),
        "cache_default": re.search(r'^Header set Cache-Control "([^"]*)"$', text, re.M).group(1),
        # Apache applies every matching line, the last one wins: reversed, the first match wins as in nginx.
        "cache_rules": [(pattern, value) for value, pattern in reversed(rules)],
        "compressed": set(re.search(r"^AddOutputFilterByType DEFLATE (.*)$", text, re.M).group(1).split()),
        "types": {extension.lstrip("."): mime for mime, extensions in re.findall(r"^AddType (\S+) (.+)$", text, re.M)
                  for extension in extensions.split()},
        "error_page": re.search(r"^ErrorDocument 404 (\S+)$", text, re.M).group(1),
    }


@pytest.fixture(scope="module")
def nginx_snippet(tmp_path_factory) -> Path:
    """The nginx configuration as an operator gets it: written by scripts/serverkonfiguration."""
    target = tmp_path_factory.mktemp("nginx") / "wissensplattform.conf"
    result = run_script(ROOT, "serverkonfiguration", str(target))
    assert result.returncode == 0, result.stderr
    return target


def test_apache_htaccess_says_what_the_nginx_configuration_says(site, nginx_snippet):
    # Not run in Apache (not installed here): compared line by line with the nginx configuration that is run below.
    apache = _apache_settings((site / ".htaccess").read_text(encoding="utf-8"))
    nginx = _nginx_settings(nginx_snippet.read_text(encoding="utf-8"))
    assert apache["headers"] == nginx["headers"] == security_headers()
    assert apache == nginx
    assert nginx["cache_rules"][0][1] == YEAR and nginx["cache_default"] == "no-cache"
    assert {"yml": "text/yaml", "geojson": "application/geo+json"}.items() <= nginx["types"].items()


NGINX_CONF = """\
daemon off;
{user}
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{}}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {snippet};
    }}
}}
"""


def _wait_for_port(process: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        assert process.poll() is None, f"nginx startet nicht:\n{log.read_text() if log.exists() else ''}"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("nginx antwortet nicht")


@pytest.fixture(scope="module")
def nginx(site, nginx_snippet, tmp_path_factory) -> str:
    """Debian's nginx serving the built site with the shipped configuration; yields its base URL."""
    assert Path(NGINX).exists(), "Debian-Paket nginx fehlt: apt-get install nginx"
    tmp = tmp_path_factory.mktemp("nginx-lauf")
    # The snippet includes `mime.types` relative to the configuration's folder, as in /etc/nginx.
    (tmp / "mime.types").symlink_to("/etc/nginx/mime.types")
    port = free_port()
    # As root, nginx's workers would run as nobody and could not read the test's private temporary folders.
    conf = NGINX_CONF.format(user="user root;" if os.geteuid() == 0 else "", tmp=tmp, port=port, site=site,
                             mime_types=tmp / "mime.types", snippet=nginx_snippet)
    (tmp / "nginx.conf").write_text(conf, encoding="utf-8")
    process = subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(process, port, tmp / "error.log")
        yield f"http://127.0.0.1:{port}{site_path(SITE_URL)}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _get(url: str) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


# (URL path or glob below the site, status, Content-Type, compressed, Cache-Control; None: no such header)
RESPONSES = {
    "Steckbrief": ("initiativen/lokale-allianz-dormagen/", 200, "text/html; charset=utf-8", True, "no-cache"),
    "PDF": ("downloads/steckbrief-lokale-allianz-dormagen.pdf", 200, "application/pdf", False, "no-cache"),
    "GeoJSON": ("daten/initiativen.geojson", 200, "application/geo+json; charset=utf-8", True, "no-cache"),
    "CSV": ("daten/initiativen.csv", 200, "text/csv; charset=utf-8", True, "no-cache"),
    "Editor": ("bearbeiten/", 200, "text/html; charset=utf-8", True, "no-cache"),
    "Editor-Konfiguration": ("bearbeiten/config.yml", 200, "text/yaml; charset=utf-8", True, "no-cache"),
    "Material-CSS": ("assets/stylesheets/main.*.min.css", 200, "text/css; charset=utf-8", True, YEAR),
    "Material-JS": ("assets/javascripts/bundle.*.min.js", 200, "application/javascript; charset=utf-8", True, YEAR),
    "Leaflet": ("assets/vendor/leaflet/leaflet.js", 200, "application/javascript; charset=utf-8", True,
                "public, max-age=86400"),
    "eigenes CSS": ("assets/stylesheets/wissensplattform.css", 200, "text/css; charset=utf-8", True, "no-cache"),
    "robots.txt": ("robots.txt", 200, "text/plain; charset=utf-8", False, "no-cache"),  # shorter than gzip_min_length
    "Fehlerseite": ("gibt-es-nicht/", 404, "text/html; charset=utf-8", True, None),
    ".htaccess": (".htaccess", 404, "text/html; charset=utf-8", True, None),
}


def _site_file(site: Path, path: str) -> Path:
    if "*" in path:
        return next(site.glob(path))
    file = site / path
    return file / "index.html" if path.endswith("/") else file


@pytest.mark.parametrize("name", RESPONSES)
def test_nginx_serves_headers_compression_and_cache_lifetimes(site, nginx, name):
    path, status, content_type, compressed, cache = RESPONSES[name]
    file = _site_file(site, path)
    url_path = file.relative_to(site).as_posix() if "*" in path else path
    got_status, headers, body = _get(nginx + url_path)
    assert got_status == status
    assert headers["Content-Security-Policy"] == header_policy()
    assert "frame-ancestors 'none'" in header_policy()
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Content-Type"] == content_type
    assert headers.get("Cache-Control") == cache  # none on errors: a missing file is not remembered for a year
    assert (headers.get("Content-Encoding") == "gzip") == compressed
    if compressed:
        body = gzip.decompress(body)
    if status == 200:
        assert body == file.read_bytes()
    else:
        assert body == (site / "404.html").read_bytes()


def test_geojson_export_arrives_as_geojson(nginx):
    _, _, body = _get(nginx + "daten/initiativen.geojson")
    assert json.loads(gzip.decompress(body))["type"] == "FeatureCollection"


# --- in Chromium: header policy and meta policy together ----------------------------------------------------------

VIOLATIONS = ("window.__cspViolations = []; document.addEventListener('securitypolicyviolation',"
              " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));")


def test_map_works_under_header_and_meta_policy(nginx, page):
    outside = block_other_hosts(page, nginx)
    page.add_init_script(VIOLATIONS)
    messages: list[str] = []
    errors: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    with page.expect_response(nginx + "karte/") as response:
        open_map(page, nginx + "karte/")
    assert response.value.headers["content-security-policy"] == header_policy()
    # The tiles the meta policy allows are requested (and aborted here), not refused by the header.
    with page.expect_request(lambda request: TILE_HOST in request.url):
        page.get_by_role("button", name=CONSENT_BUTTON).click()
    page.wait_for_timeout(300)
    assert outside and all(TILE_HOST in url for url in outside)
    assert page.evaluate("window.__cspViolations") == []
    assert not [message for message in messages if "Content Security Policy" in message], messages
    assert errors == []


def test_no_other_site_can_frame_a_page(nginx, page):
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.set_content(f'<iframe src="{nginx}impressum/"></iframe>')
    page.wait_for_timeout(1000)
    assert page.frames[1].url.startswith("chrome-error:")
    assert any("frame-ancestors 'none'" in message for message in messages), messages


def test_pdf_opens_in_the_browser_under_the_header_policy(nginx, page):
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(nginx + "downloads/steckbrief-lokale-allianz-dormagen.pdf")
    page.wait_for_timeout(1500)
    # Chromium's PDF viewer: `object-src 'none'` in the PDF's header does not keep it from showing the file.
    viewer = [frame for frame in page.frames if frame.url.startswith("chrome-extension:")]
    assert viewer and viewer[0].evaluate("!!document.querySelector('pdf-viewer')")
    assert not [message for message in messages if "Content Security Policy" in message], messages
