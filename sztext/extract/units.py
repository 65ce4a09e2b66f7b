"""Responsible units (责任单位/牵头单位/配合单位). (Stub: being written.)"""

from __future__ import annotations

from ..grammar import Grammar
from ..models import Unit
from ..normalize import TextView

__all__ = ["extract_unit_groups"]


def extract_unit_groups(
    view: TextView, grammar: Grammar, start: int = 0, end: int | None = None
) -> list[tuple[int, list[Unit]]]:
    """Every responsibility note in the range as ``(view offset of the note, units)``, in order."""
    return []
