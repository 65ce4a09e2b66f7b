"""Character helpers shared by stages that cannot import each other (load, extract)."""

from __future__ import annotations

__all__ = ["squash"]


def squash(text: str) -> str:
    """``text`` without its whitespace: every character ``str.isspace`` names (spaces, tabs,
    newlines, U+3000, U+00A0 …), for comparing texts whatever their spacing.

    >>> squash("责任单位： 市财政局\\u3000市商务局\\n")
    '责任单位：市财政局市商务局'
    """
    # str.split() splits at exactly the characters str.isspace() names (re's \s in str patterns too)
    return "".join(text.split()) if text else ""
