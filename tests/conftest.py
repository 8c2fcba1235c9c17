"""Shared fixtures: one build of the real site per test session, and a browser on Debian's Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.sandbox import CHROMIUM, CHROMIUM_ARGS, build_site, copy_sources, serve  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def copy_project(target: Path) -> Path:
    """A copy of the project's sources and data (no site, no venv) to change and build in a test."""
    return copy_sources(ROOT, target)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built from the repository's real data."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def server(site) -> str:
    """The built site served on a free loopback port; yields its base URL."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; fails (never skips) when Chromium is missing."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian-Paket chromium fehlt: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    yield page
    context.close()
