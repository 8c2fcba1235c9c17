"""Shared fixtures: one build of the real site per test session, and a browser on Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def build_site(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run the real build (`mkdocs build --strict`) of `project` into `site_dir`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def copy_project(target: Path) -> Path:
    """A copy of the project's sources and data (no site, no venv) to change and build in a test."""
    ignore = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "node_modules")
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


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
    from wissensplattform.localserver import serve

    with serve(site) as url:
        yield url


CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium from calling home on a closed network (see the machine notes).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


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
