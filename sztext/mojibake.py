"""GBK mojibake in scraped text: detection and repair (part of the normalize stage). (Stub.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .grammar import Grammar

if TYPE_CHECKING:
    from .normalize import Edit

__all__ = ["find_mojibake"]


def find_mojibake(source: str, grammar: Grammar) -> list["Edit"]:
    """Every mojibake spot in ``source`` as an edit that replaces it by its repair (or deletes it)."""
    return []
