"""Results kept between builds under `.build-cache/`, each filed under a key made of everything it comes from.

A build runs in a new process (`make build`), so without this every build would import heavy
libraries (folium, shapely, python-docx, …) and recompute results that have not changed. The key
names every input: the versions of the libraries that compute the result, the source of the code
that calls them and the arguments. A changed input is a different key, so an entry is never stale,
only unused.

Not `.cache/`: Zensical keeps its own cache there and `zensical build --clean` deletes the whole folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

CACHE_ROOT = Path(__file__).resolve().parents[2] / ".build-cache"

T = TypeVar("T")
# A kept file no build has used (touched) for this long is removed, so a cache does not grow without end.
KEEP_UNUSED = dt.timedelta(days=30)


def cache_key(*parts: object) -> str:
    """One hex digest for all `parts` (each by its `str`), e.g. versions, digests and arguments."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


@cache
def version(distribution: str) -> str:
    """An installed package's version, read from its metadata: without importing it, which is what the cache saves."""
    return metadata.version(distribution)


@cache
def file_digest(path: str | Path) -> str:
    """Digest of a file that ships with the code: a module's source (`__file__`) or the package's data.

    Read once per process: Python does not reload a module it has imported, and `mkdocs serve` watches
    the data and the templates but not the code, so a change to either takes a new process anyway.
    """
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def cache_folder(kind: str) -> Path:
    """The folder of one kind of result (`pdf`, `jinja`, …) in the build cache."""
    return CACHE_ROOT / kind


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a parallel build never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(path)


def stored(kind: str, key: str, compute: Callable[[], T]) -> T:
    """`compute()`, or what it returned in an earlier build for the same `key` (pickled in `cache_folder(kind)`)."""
    found = kept(kind, key)
    if found is not None:
        return found
    value = compute()
    keep(kind, key, value)
    return value


def kept(kind: str, key: str) -> Any:
    """What an earlier build kept under `key`, or None."""
    try:
        return pickle.loads(_entry(kind, key).read_bytes())
    except FileNotFoundError:
        return None
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None  # a damaged entry, or one naming a class that has since moved: compute it again


def keep(kind: str, key: str, value: object) -> Path:
    """Keep `value` for later builds under `key`; return the entry's file."""
    path = _entry(kind, key)
    write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return path


def _entry(kind: str, key: str) -> Path:
    return cache_folder(kind) / f"{key}.pickle"


def remove_unused(paths: Iterable[Path]) -> int:
    """Remove those of `paths` that no build has used for `KEEP_UNUSED`; return how many."""
    limit = (dt.datetime.now() - KEEP_UNUSED).timestamp()
    stale = [path for path in paths if path.stat().st_mtime < limit]
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)
