"""A project copy, its build and a loopback server: shared by the tests and the benchmark scripts.

Nothing here runs for the public site.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wissensplattform.builders.run import build_site  # noqa: F401 - shared with tests and benchmarks

CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium from calling home on a closed network (see the machine notes).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def copy_sources(root: Path, target: Path) -> Path:
    """A copy of the project's sources and data (no site, no venv, no history) to change and build."""
    ignore = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "node_modules", ".cache",
                                    ".build-cache", ".zensical", ".zensical.yml")
    shutil.copytree(root, target, ignore=ignore)
    return target


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Yield the base URL (`http://127.0.0.1:PORT/`) of `directory` served over HTTP until the block ends."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
