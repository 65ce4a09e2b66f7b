"""Money (金额): amounts normalised to base units. (Stub: being written.)"""

from __future__ import annotations

from ..grammar import Grammar
from ..models import Amount
from ..normalize import TextView

__all__ = ["extract_amounts"]


def extract_amounts(view: TextView, grammar: Grammar, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every amount of money in the view range, in text order."""
    return []
