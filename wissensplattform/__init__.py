"""Generator core of the knowledge platform for regional industry initiatives.

The flow runs one way: YAML (``loading``) → validated model (``models``) →
catalogue with cross-checks (``catalog``) → page context (``contexts``) →
rendered pages and exports (``rendering``, ``pages``). Nothing here imports MkDocs.
"""

__version__ = "0.1.0"
