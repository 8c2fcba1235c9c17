"""Site-wide quality gates on the built site: accessibility, privacy, legal pages, links, sitemap, benchmark."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT, build_site, copy_project
from release_settings import PUBLIC_URL
from benchmarks.scaling import FIRST, NEW_BUILD, SERVE_FIRST, SERVE_LATER, SERVE_START, WARM, table_rows
from benchmarks.scaling import run as run_benchmark
from wissensplattform.outputs.csp import PLACEHOLDER, inline_scripts, script_hash
from wissensplattform.data.config import read_config
from wissensplattform.outputs.linkcheck import check_site, external_report

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# WCAG 2.1 A/AA and axe's best practices (e.g. aria-dialog-name). label-content-name-mismatch (WCAG 2.5.3) is still
# "experimental" in the bundled axe and so off by default: switched on explicitly.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_21_AA + ["best-practice"]},
               "rules": {"label-content-name-mismatch": {"enabled": True}}}
SITE_URL = read_config(ROOT)["site_url"]
# Page types other features add: the section's URL → the data folders that announce it (besides a nav entry).
FEATURE_SECTIONS = ("karte", "daten", "werkzeugkiste", "wissen", "modellregionen")


def html_pages(site: Path) -> list[str]:
    """Every built HTML page as a URL path below the site root (`initiativen/x/`, `404.html`)."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        urls.append(rel.removesuffix("index.html"))
    return urls


def representative_pages(site: Path) -> dict[str, str]:
    """One page per page type (URL → name): every section page, and below them every page of a folder with
    few pages or one page of a larger folder (its pages share one template)."""
    profiles = sorted((site / "initiativen").glob("*/index.html"), key=lambda p: p.stat().st_size)
    pages = {"": "Start", "initiativen/": "Übersicht", "mitwirken/feldreferenz/": "Feldreferenz",
             "404.html": "Fehlerseite", profiles[-1].parent.relative_to(site).as_posix() + "/": "Steckbrief"}
    by_folder: dict[str, list[str]] = {}
    for url in html_pages(site):
        by_folder.setdefault(url.rstrip("/").rpartition("/")[0], []).append(url)
    for folder, urls in by_folder.items():
        # A folder of up to six pages often mixes page types (wissen/); a larger one holds one type.
        for url in (urls if len(urls) <= 6 or not folder else urls[:1]):
            pages.setdefault(url, url)
    return pages


def test_every_feature_section_is_built(site):
    for section in FEATURE_SECTIONS:
        assert (site / section / "index.html").exists(), f"/{section}/ fehlt in der gebauten Website"


def _axe_violations(page) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    return [f"{v['id']} ({v['impact']}): {v['help']} – " + "; ".join(n["target"][0] for n in v["nodes"][:5])
            for v in results.response["violations"]]


def test_every_page_type_passes_axe_at_wcag_21_aa(site, server, page):
    pages = representative_pages(site)
    failures = {}
    for url, name in pages.items():
        page.goto(server + url)
        page.wait_for_load_state("load")
        if violations := _axe_violations(page):
            failures[f"{name} (/{url})"] = violations
    assert not failures, "\n".join(f"{page}: {v}" for page, vs in failures.items() for v in vs)
    # The list must cover the named page types and every feature section that exists.
    assert {"", "initiativen/", "mitwirken/feldreferenz/", "404.html", "impressum/", "datenschutz/",
            "barrierefreiheit/"} <= set(pages)
    for section in FEATURE_SECTIONS:
        if (site / section / "index.html").exists():
            assert any(url.startswith(section + "/") for url in pages.values())


def _largest(folder: str):
    """The largest page below a folder (the most content of its type), as a URL path."""
    def find(site: Path) -> str:
        pages = sorted((site / folder).glob("*/index.html"), key=lambda p: (p.stat().st_size, p.as_posix()))
        assert pages, f"keine Seite unter /{folder}/"
        return pages[-1].parent.relative_to(site).as_posix() + "/"
    return find


def _land_wide_profile(site: Path) -> str:
    """A profile whose mini-map shows a Land-wide initiative's sign (»N landesweit«)."""
    for path in sorted((site / "initiativen").glob("*/index.html")):
        html = path.read_text(encoding="utf-8")
        if 'data-wp-karte="profil"' in html and 'data-ebene="landesweit"' in html:
            return path.parent.relative_to(site).as_posix() + "/"
    pytest.fail("Kein Steckbrief zeigt eine landesweite Initiative auf seiner Karte.")


# One page of each type, by name: its URL below the site root, or how to find one in the built site.
PAGE_TYPES = {
    "Startseite": "", "Übersicht der Initiativen": "initiativen/", "Steckbrief": _largest("initiativen"),
    "Steckbrief einer landesweiten Initiative": _land_wide_profile, "Karte": "karte/", "Daten": "daten/",
    "Wissen": "wissen/", "Typen und Ebenen": "wissen/typen/", "Die Landschaft in Zahlen": "wissen/zahlen/",
    "Governance": "wissen/governance/", "Ergebnisse und Materialien": "wissen/materialien/",
    "Good-Practice-Kriterium": _largest("wissen/kriterien"), "Fallstudie": _largest("wissen/fallstudien"),
    "Modellregion": _largest("modellregionen"),
    "Werkzeugkiste": "werkzeugkiste/", "Modul der Werkzeugkiste": _largest("werkzeugkiste"),
    "Feldreferenz": "mitwirken/feldreferenz/", "Impressum": "impressum/", "Datenschutz": "datenschutz/",
    "Barrierefreiheit": "barrierefreiheit/", "Leichte Sprache": "leichte-sprache/", "Bearbeiten": "bearbeiten/",
}


def _open(page, server: str, site: Path, page_type: str) -> str:
    """Open one page of the type; a page with a map is ready when its script has placed the markers."""
    url = PAGE_TYPES[page_type]
    url = url if isinstance(url, str) else url(site)
    page.goto(server + url)
    page.wait_for_load_state("load")
    if page.locator("[data-wp-karte]").count():
        page.wait_for_selector("[data-wp-karte][data-wp-bereit=ja]", state="attached")
    return url


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_has_no_axe_violations(site, server, page, page_type):
    # With the map's markers placed: a Land-wide marker's name must contain its visible »N landesweit«.
    url = _open(page, server, site, page_type)
    assert not (violations := _axe_violations(page)), f"/{url}: " + "\n".join(violations)


def _links(page) -> list[tuple[str, str]]:
    """Every link in the accessibility tree: its accessible name as the browser computes it, and its target."""
    found = []

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, children in node.items():
                if isinstance(key, str) and (match := re.fullmatch(r'link (".*")', key)):
                    url = next((c["/url"] for c in children or [] if isinstance(c, dict) and "/url" in c), "")
                    target = re.sub(r"index\.html(?=#|$)", "", urljoin(page.url, str(url)))
                    found.append((json.loads(match.group(1)), target))
                walk(children)

    walk(yaml.safe_load(page.locator("body").aria_snapshot()))
    return found


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_link_text_names_two_targets(site, server, page, page_type, width):
    # WCAG 2.4.4/2.4.9: a link's name says where it leads, so one name on one page leads to one place; on narrow
    # screens the navigation drawer holds the table of contents too.
    page.set_viewport_size({"width": width, "height": 900})
    url = _open(page, server, site, page_type)
    targets: dict[str, set[str]] = {}
    for name, target in _links(page):
        targets.setdefault(name, set()).add(target)
    ambiguous = {name: sorted(t) for name, t in targets.items() if len(t) > 1}
    assert not ambiguous, f"/{url}: {ambiguous}"


def _link_texts(html: str) -> list[str]:
    return [" ".join(re.sub(r"<[^>]+>", " ", text).split()) for text in re.findall(r"<a\b[^>]*>(.*?)</a>", html, re.DOTALL)]


def test_no_link_is_named_just_start(site):
    # »Start« does not say where it leads; the navigation names the start page »Startseite«.
    for path in site.rglob("*.html"):
        assert "Start" not in _link_texts(path.read_text(encoding="utf-8")), path.relative_to(site).as_posix()
    assert "Startseite" in _link_texts((site / "karte" / "index.html").read_text(encoding="utf-8"))


def test_search_dialog_has_an_accessible_name(site, server, page):
    # Lighthouse/axe aria-dialog-name: Material's search dialog, on every page, is named »Suche«.
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<[^>]*\brole=\"dialog\"[^>]*>", html):
            assert re.search(r'\baria-label="[^"]+"|\baria-labelledby="[^"]+"', tag), \
                f"{path.relative_to(site).as_posix()}: {tag}"
    page.goto(server + "karte/")
    page.keyboard.press("/")  # Material's shortcut opens the search
    assert page.get_by_role("dialog", name="Suche").count() == 1


def test_search_results_pass_axe(server, page):
    page.goto(server + "?q=Industrie")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15000)
    assert page.locator(".md-search-result__item").count() > 0
    assert not _axe_violations(page)


def test_keyboard_start_page_skip_link_first_then_main_content(server, page):
    page.goto(server)
    page.keyboard.press("Tab")
    first = page.evaluate("() => ({text: document.activeElement.textContent.trim(), "
                          "href: document.activeElement.getAttribute('href')})")
    assert first["text"] == "Zum Inhalt springen"
    target = first["href"].lstrip("#")
    assert page.locator(f"article.md-content__inner [id='{target}']").count() == 1
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('article.md-content__inner')"):
            break
    else:
        pytest.fail("Mit der Tabulatortaste wird der Hauptinhalt der Startseite nicht erreicht.")
    # Following the skip link jumps over header and navigation straight to the content.
    page.goto(server)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('article.md-content__inner')")


def test_keyboard_map_page_reaches_filters_and_list(site, server, page):
    assert (site / "karte" / "index.html").exists(), "/karte/ fehlt"
    page.goto(server + "karte/")
    reached = {"filter": False, "liste": False}
    for _ in range(400):
        page.keyboard.press("Tab")
        state = page.evaluate("""() => { const e = document.activeElement, main = e.closest('main');
            return {filter: !!main && e.matches('select, input, [role=combobox], [role=checkbox]')
                              && !e.closest('.md-search, .md-header'),
                    liste: !!main && e.matches('a') && !!e.closest('ul, ol, table')
                              && !e.closest('.md-sidebar, .leaflet-container')}; }""")
        reached = {key: reached[key] or state[key] for key in reached}
        if all(reached.values()):
            break
    assert reached == {"filter": True, "liste": True}


def test_no_page_contacts_another_host_sets_cookies_or_violates_the_csp(site, server, browser):
    context = browser.new_context(locale="de-DE")
    foreign: list[str] = []

    def route(route):
        if urlsplit(route.request.url).hostname != "127.0.0.1":
            foreign.append(f"{page.url} → {route.request.url}")
            return route.abort()
        return route.continue_()

    context.route("**/*", route)
    # Every refused script or style shows as a violation event; the page keeps them for the test.
    context.add_init_script("window.__cspViolations = []; document.addEventListener('securitypolicyviolation',"
                            " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    violations = []
    for url in html_pages(site):
        page.goto(server + url, wait_until="load")
        page.wait_for_timeout(150)
        violations += [f"/{url}: {v}" for v in page.evaluate("window.__cspViolations")]
    storage = page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]")
    cookies = context.cookies()
    context.close()
    assert not foreign, "Anfragen an fremde Server:\n" + "\n".join(foreign)
    assert not violations, "Verstöße gegen die Content-Security-Policy:\n" + "\n".join(violations)
    assert not errors, "\n".join(errors)
    assert cookies == []
    assert storage == [[], []], "Ohne Zustimmung zur Karte speichert die Website nichts im Browser."


def test_every_page_carries_a_policy_that_forbids_third_party_scripts(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        if policy is None:
            # Only pages outside the theme (e.g. embedded documents) may lack it; they must not run scripts.
            assert "<script" not in html, f"{path}: Skripte ohne Content-Security-Policy"
            continue
        assert policy.group(1) != PLACEHOLDER
        directives = dict(d.strip().split(" ", 1) for d in policy.group(1).split(";"))
        sources = directives["script-src"].split()
        assert all(s == "'self'" or s.startswith("'sha256-") for s in sources), sources
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        for script in inline_scripts(html):
            assert script_hash(script) in sources


def test_the_policy_is_enforced_by_the_browser(site, browser):
    # A page with a foreign script and an unlisted inline script: Chromium must refuse both.
    probe = site / "csp-probe.html"
    html = (site / "index.html").read_text(encoding="utf-8")
    injected = html.replace("</body>", '<script src="https://example.org/x.js"></script>'
                                      "<script>window.__injected = true</script></body>")
    probe.write_text(injected, encoding="utf-8")
    context = browser.new_context()
    blocked: list[str] = []
    context.route("https://example.org/**", lambda route: (blocked.append(route.request.url), route.abort()))
    page = context.new_page()
    try:
        page.goto(probe.as_uri())
        assert page.evaluate("window.__injected") is None
        assert blocked == []  # refused by the policy before any request
    finally:
        context.close()
        probe.unlink()


def test_every_page_links_the_legal_pages_in_its_footer(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if "<footer" not in html:
            continue
        page_dir = path.parent.relative_to(site).as_posix()
        footer_links = re.findall(r'href="([^"]*)"', html[html.index("<footer"):])
        # 404.html links from the root, every other page relative to its own folder.
        targets = {posixpath.normpath(link.lstrip("/") if link.startswith("/") else posixpath.join(page_dir, link))
                   for link in footer_links}
        for slug in ("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"):
            assert slug in targets, f"{path}: Fußzeile ohne Link zu /{slug}/"


def test_legal_pages_name_each_missing_setting_and_state_the_privacy_facts(site):
    config = read_config(ROOT)
    operator = (config.get("extra") or {}).get("betreiber", {}).get("name")
    impressum = (site / "impressum" / "index.html").read_text(encoding="utf-8")
    if not operator:
        assert re.search(r"Angabe fehlt: Einstellung <code>extra\.betreiber\.name</code> in <code>mkdocs\.yml</code>",
                         impressum)
    datenschutz = (site / "datenschutz" / "index.html").read_text(encoding="utf-8")
    assert "keine Cookies" in datenschutz and "localStorage" in datenschutz
    assert "Hintergrundkarte von OpenStreetMap laden" in datenschutz
    barrierefreiheit = (site / "barrierefreiheit" / "index.html").read_text(encoding="utf-8")
    assert "Feedback" in barrierefreiheit and "Schlichtungsverfahren" in barrierefreiheit


def test_settings_fill_the_legal_pages_and_release_build_needs_them(tmp_path):
    project = copy_project(tmp_path / "projekt")
    # Empty settings: the normal build passes and says what is missing, the release build stops.
    normal = build_site(project, tmp_path / "site-leer")
    assert normal.returncode == 0, normal.stderr
    assert "Rechtliche Angaben fehlen" in normal.stderr and "extra.betreiber.name" in normal.stderr
    release = build_site(project, tmp_path / "site-release", env={"WISSENSPLATTFORM_RELEASE": "1"})
    assert release.returncode != 0
    report = release.stdout + release.stderr
    assert "extra.betreiber.name" in report and "Die Einstellung für die rechtlichen Seiten ist leer" in report

    config_path = project / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8")
    for key, value in {"name": "Testbetreiber <i>e. V.</i>", "anschrift": "Teststraße 1\\n12345 Teststadt",
                       "email": "kontakt@example.org"}.items():
        text = text.replace(f'    {key}: ""', f'    {key}: "{value}"', 1)
    text = text.replace('inhaltlich_verantwortlich: ""', 'inhaltlich_verantwortlich: "Test Person"')
    for key in ("hosting", "protokolle", "aufsichtsbehoerde", "vereinbarkeit", "stand", "schlichtungsstelle"):
        text = text.replace(f'    {key}: ""', f'    {key}: "Test {key}"', 1)
    text = text.replace('feedback_email: ""', 'feedback_email: "barrieren@example.org"')
    text = text.replace("site_url: http://127.0.0.1:8000/", f"site_url: {PUBLIC_URL}")
    config_path.write_text(text, encoding="utf-8")
    filled = build_site(project, tmp_path / "site-voll", env={"WISSENSPLATTFORM_RELEASE": "1"})
    assert filled.returncode == 0, filled.stderr
    assert "Rechtliche Angaben fehlen" not in filled.stderr
    impressum = (tmp_path / "site-voll" / "impressum" / "index.html").read_text(encoding="utf-8")
    assert "Testbetreiber &lt;i&gt;e. V.&lt;/i&gt;" in impressum  # escaped, never markup
    assert "Teststraße 1<br>12345 Teststadt" in impressum
    assert '<a href="mailto:kontakt@example.org">' in impressum
    assert "Angabe fehlt" not in impressum
    barrierefreiheit = (tmp_path / "site-voll" / "barrierefreiheit" / "index.html").read_text(encoding="utf-8")
    assert '<a href="mailto:barrieren@example.org">' in barrierefreiheit


def test_no_broken_internal_links_anchors_or_downloads(site, tmp_path):
    report = check_site(site, SITE_URL)
    assert not report.broken, "\n".join(f"{link.page}: {link.target} ({why})" for link, why in report.broken)
    # The external links go to a report for a check by hand; every one of them is listed.
    report_file = tmp_path / "externe-links.md"
    report_file.write_text("\n".join(external_report(report)) + "\n", encoding="utf-8")
    text = report_file.read_text(encoding="utf-8")
    assert all(f"<{link.target}>" in text for link in report.external)


def test_link_check_finds_broken_targets_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="oben">A</h1><a href="#oben">ok</a>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#oben">ok</a><a href="a/#fehlt">x</a><a href="b/">x</a>'
        '<img src="bild.png"><a href="https://example.org/">extern</a><a href="mailto:x@example.org">m</a>',
        encoding="utf-8")
    report = check_site(tmp_path)
    assert sorted((link.target, why) for link, why in report.broken) == [
        ("a/#fehlt", "Anker #fehlt fehlt"), ("b/", "Ziel fehlt"), ("bild.png", "Ziel fehlt")]
    assert sorted(link.target for link in report.external) == ["https://example.org/", "mailto:x@example.org"]


def test_sitemap_lists_every_page(site):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", namespace)}
    expected = {SITE_URL + url for url in html_pages(site) if url != "404.html"}
    assert expected - listed == set()
    assert "404.html" not in " ".join(listed)


def test_404_page_is_german(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "Seite nicht gefunden" in html and "Not found" not in html


def test_reduced_motion_is_honoured(server, browser):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(server)
    duration = page.evaluate("getComputedStyle(document.querySelector('.md-header')).transitionDuration")
    context.close()
    assert all(float(part.strip().removesuffix("s")) <= 0.001 for part in duration.split(","))


def test_benchmark_runs_with_a_small_number(capsys):
    real = len(list((ROOT / "initiatives").glob("*.yaml")))
    results = run_benchmark([real + 5])
    output = capsys.readouterr().out.splitlines()
    assert output[0].startswith("| Initiativen |") and output[2].startswith(f"| {real + 5} | 5 |")
    measured = results[0]
    assert measured.synthetic == 5 and measured.initiatives == real + 5 and measured.pages > measured.initiatives
    assert measured.search_index_bytes > 0
    assert [(r.builder, r.measure) for r in measured.rows] == [
        ("MkDocs", FIRST), ("MkDocs", WARM), ("MkDocs", SERVE_START), ("MkDocs", SERVE_FIRST),
        ("MkDocs", SERVE_LATER), ("Zensical", FIRST), ("Zensical", WARM), ("Zensical", NEW_BUILD)]
    for builder in ("MkDocs", "Zensical"):
        assert measured.of(builder, FIRST).site > measured.of(builder, WARM).site > 0
    assert all(r.site > 0 and r.bare > 0 and r.verdict in ("erreicht", "verfehlt", "–") for r in measured.rows)
    assert output[2:2 + len(measured.rows)] == table_rows(measured)


def test_start_page_and_accessibility_statement_lead_to_leichte_sprache(site):
    # BITV 2.0 § 4: content, navigation and the accessibility statement explained in Leichte Sprache.
    page = (site / "leichte-sprache" / "index.html").read_text(encoding="utf-8")
    for heading in ("Was ist auf dieser Internet-Seite?", "So benutzen Sie die Internet-Seite", "Barriere-Freiheit"):
        assert heading in page
    assert 'href="../barrierefreiheit/"' in page
    for url in ("", "barrierefreiheit/"):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        main = html[html.index("<article"):html.index("</article>")]
        assert "leichte-sprache/" in main, f"/{url} verweist nicht auf die Leichte Sprache"
    assert "Gebärdensprache gibt es noch nicht" in (site / "barrierefreiheit" / "index.html").read_text(encoding="utf-8")
