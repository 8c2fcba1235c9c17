"""The one schema: pydantic models for everything editors write."""

from wissensplattform.models.initiative import Initiative
from wissensplattform.models.sources import Quelle, Quellenregister

__all__ = ["Initiative", "Quelle", "Quellenregister"]
