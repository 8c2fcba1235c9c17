"""Open generated documents with a real office suite: LibreOffice converts them to PDF without a display."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SOFFICE = "soffice"
INSTALL_HINT = "LibreOffice fehlt: apt-get install -y libreoffice-writer-nogui"


def soffice() -> str | None:
    return shutil.which(SOFFICE)


def convert_to_pdf(document: Path, outdir: Path, timeout: int = 180) -> Path:
    """Convert one DOCX or ODT with `soffice --headless --convert-to pdf`; raise if no PDF comes out."""
    binary = soffice()
    if binary is None:
        raise FileNotFoundError(INSTALL_HINT)
    # A private profile directory keeps parallel runs apart and leaves the user's profile alone.
    profile = (outdir / ".lo-profil").resolve().as_uri()
    result = subprocess.run(
        [binary, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(outdir),
         str(document)],
        capture_output=True, text=True, timeout=timeout,
    )
    target = outdir / f"{document.stem}.pdf"
    if result.returncode != 0 or not target.exists():
        raise RuntimeError(f"LibreOffice konnte {document.name} nicht umwandeln: {result.stdout}{result.stderr}")
    return target
