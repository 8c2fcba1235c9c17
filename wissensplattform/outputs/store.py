"""The files the output writers made (downloads, open data, map files, …), kept by content between builds.

A build that takes its pages from the build cache (`pipeline.Site.load`) copies the outputs of the
build that made them from here into the new site, without the data or the libraries that wrote them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from wissensplattform.data.buildcache import cache_folder, remove_unused

STORE = "ausgaben"


def take_in(write: Callable[[Path], None]) -> dict[str, str]:
    """Let `write` fill a new folder, then move its files into the store; return each file's path below the
    folder → its digest."""
    store = cache_folder(STORE)
    store.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=store.parent) as scratch:  # beside the store: moving is renaming
        folder = Path(scratch)
        write(folder)
        return _moved_in(folder, store)


def _moved_in(folder: Path, store: Path) -> dict[str, str]:
    manifest = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        kept = store / digest
        if kept.exists():
            os.utime(kept)  # in use: `prune` keeps it
        else:
            path.replace(kept)
        manifest[path.relative_to(folder).as_posix()] = digest
    return manifest


def complete(manifest: dict[str, str]) -> bool:
    """Whether the store still holds every file of `manifest`."""
    store = cache_folder(STORE)
    return all((store / digest).is_file() for digest in set(manifest.values()))


def copy_out(manifest: dict[str, str], site_dir: Path) -> None:
    """Put the files of `manifest` into the built site.

    Downloads and data files are linked, not copied (ten thousand PDF Steckbriefe are half a gigabyte): nothing
    changes a built file in place, builders and servers replace or read them. HTML pages are copied, because the
    finishing step writes each page's policy into the page itself.
    """
    store = cache_folder(STORE)
    for relative, digest in manifest.items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        if target.suffix == ".html":
            shutil.copyfile(store / digest, target)
            continue
        try:
            os.link(store / digest, target)
        except OSError:  # another file system, or one without links
            shutil.copyfile(store / digest, target)


def prune(in_use: dict[str, str]) -> int:
    """Remove the kept files that `in_use` does not name and no build has used for a while; return how many."""
    used = set(in_use.values())
    return remove_unused(path for path in cache_folder(STORE).iterdir() if path.name not in used)
