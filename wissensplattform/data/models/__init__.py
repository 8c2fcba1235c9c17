"""The one schema: pydantic models for everything editors write."""

from wissensplattform.data.models.initiative import Initiative
from wissensplattform.data.models.sources import Quelle, Quellenregister

__all__ = ["Initiative", "Quelle", "Quellenregister"]
