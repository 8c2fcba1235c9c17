"""The form editor's local mode: `decap-server` (npm) saves into a Git checkout on this machine.

In Git mode it keeps the editorial workflow: each saved entry is a commit on its own branch
`cms/<collection>/<slug>`, and the checked-out branch is left as it was. For tests and for anyone
working on a checkout (`make bearbeiten`).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
INSTALL_HINT = "decap-server fehlt: im Projektordner einmal »npm ci« ausführen (braucht Node.js)."


class LocalServerError(RuntimeError):
    """decap-server could not start; the message is German and says what to do."""


@contextmanager
def decap_server(repository: Path, port: int = 8081) -> Iterator[str]:
    """Run decap-server in Git mode on 127.0.0.1:`port` for `repository`; yield its API address."""
    node = shutil.which("node")
    if node is None or not SERVER.exists():
        raise LocalServerError(INSTALL_HINT)
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(repository), "PORT": str(port),
           "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
    process = subprocess.Popen([node, str(SERVER)], env=env, cwd=repository)
    try:
        _wait_for(port, process)
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(port: int, process: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LocalServerError(f"decap-server hat sich beendet (Status {process.returncode}); "
                                   "ist der Ordner ein Git-Repository und der Port frei?")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise LocalServerError(f"decap-server antwortet nicht auf Port {port}.")


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ensure_node_tools(root: Path = ROOT) -> None:
    """Install the pinned Node tools (`npm ci`) when decap-server is missing."""
    if SERVER.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise LocalServerError("Node.js mit npm fehlt: unter Debian »apt-get install nodejs npm«.")
    print("decap-server wird aus der npm-Registry installiert (einmalig) …", flush=True)
    if subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=root).returncode != 0:
        raise LocalServerError("»npm ci« ist fehlgeschlagen (Einzelheiten stehen darüber).")


def run_local_editor(root: Path = ROOT, site_port: int = 8000, api_port: int = 8081) -> int:
    """The editor on this checkout: decap-server and the live preview, until Ctrl-C."""
    from wissensplattform.editor.settings import LOCAL_ENV

    ensure_node_tools(root)
    print(f"Editor: http://127.0.0.1:{site_port}/bearbeiten/ öffnen und »Login« wählen. Jede gespeicherte Änderung\n"
          "wird ein eigener Zweig »cms/…« in diesem Repository; der Hauptzweig bleibt unverändert.\n"
          "Vorher eigene Änderungen committen: decap-server wechselt zum Speichern kurz den Zweig.", flush=True)
    with decap_server(root, api_port):
        serve = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{site_port}"]
        return subprocess.run(serve, cwd=root, env={**os.environ, LOCAL_ENV: str(api_port)}).returncode
