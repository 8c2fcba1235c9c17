"""Load all data of a site: the catalogue with every feature's folder and its cross-checks."""

from __future__ import annotations

from pathlib import Path

from wissensplattform.data.catalog import Catalog, load_catalog_with
from wissensplattform.data.knowledge import KNOWLEDGE
from wissensplattform.data.toolbox import TOOLBOX

# Each feature adds its folder here: the catalogue loads them after the initiatives, in this order.
FEATURES = (KNOWLEDGE, TOOLBOX)


def load_catalog(root: Path) -> Catalog:
    """Read and check every data file below `root`; raise `DataError` listing all problems."""
    return load_catalog_with(root, FEATURES)
