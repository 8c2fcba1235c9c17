"""German display of dates given in the precision of their source (JJJJ, JJJJ-MM, JJJJ-MM-TT)."""

from __future__ import annotations

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
          "August", "September", "Oktober", "November", "Dezember")


def german_date(value: str) -> str:
    """`2013-04-29` → `29.04.2013`, `2013-04` → `April 2013`, `2013` → `2013`."""
    parts = value.split("-")
    if len(parts) == 3:
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


def sort_key(value: str) -> tuple[int, int, int]:
    """Order partial dates: a year sorts before its months, a month before its days."""
    parts = [int(p) for p in value.split("-")]
    return (parts + [0, 0])[0], (parts + [0, 0])[1], (parts + [0, 0, 0])[2]
