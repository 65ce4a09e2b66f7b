"""Prefixes and suffixes shared along a list of levels or places in a responsibility note.

``各区、市政府`` names two bodies, 各区政府 and 各市政府: the prefix of the first item and the
suffix of the last are written out on every item (``units.level_item``); ``济南、青岛、烟台市政府``
names 济南市政府, 青岛市政府 and 烟台市政府 (``units.place_item``). Used by :mod:`sztext.extract.units`.
"""

from __future__ import annotations

from typing import Sequence

from ..grammar import Rule
from ..normalize import TextView

__all__ = ["lent_in_lists"]

Lent = tuple[tuple[str, str], tuple[str, str]]  # ((prefix view, prefix clean), (suffix view, suffix clean))


def lent_in_lists(view: TextView, items: Sequence[tuple[int, int, str, bool]], level_item: Rule, place_item: Rule) -> dict[int, Lent]:
    """What each item of a 、-list borrows from its neighbours, by item index.

    ``items`` are ``(start, name end, separator before, labelled)`` in view offsets.

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> g = load_grammar()
    >>> v = normalize("各区、市政府", g)
    >>> lent_in_lists(v, [(0, 2, "", False), (3, 6, "、", False)], g.rule("units.level_item"), g.rule("units.place_item"))
    {0: (('', ''), ('政府', '政府')), 1: (('各', '各'), ('', ''))}
    """
    text, clean = view.text, view.clean
    out: dict[int, Lent] = {}
    none = ("", "")
    k = 0
    while k < len(items):
        j = k
        while j + 1 < len(items) and items[j + 1][2] == "、" and not items[j + 1][3]:
            j += 1
        run = items[k : j + 1]
        if len(run) > 1:
            levels = [level_item.pattern.match(text, a, b) for a, b, _, _ in run]
            places = [place_item.pattern.match(text, a, b) for a, b, _, _ in run]
            first, last = levels[0], levels[-1]
            if (
                first is not None
                and last is not None
                and first.group("prefix")
                and all(m is not None and not m.group("prefix") for m in levels[1:])
                and all(m is not None and not m.group("suffix") for m in levels[:-1])
            ):
                p0 = run[0][0]
                pre = (first.group("prefix"), clean[p0 : p0 + len(first.group("prefix"))])
                suf = (last.group("suffix"), clean[last.start("suffix") : last.end("suffix")]) if last.group("suffix") else none
                for n in range(len(run)):
                    out[k + n] = (none if n == 0 else pre, suf if n < len(run) - 1 else none)
            elif (
                places[-1] is not None
                and places[-1].group("suffix")
                and all(m is not None and not m.group("suffix") for m in places[:-1])
            ):
                m = places[-1]
                suf = (m.group("suffix"), clean[m.start("suffix") : m.end("suffix")])
                for n in range(len(run) - 1):
                    out[k + n] = (none, suf)
        k = j + 1
    return out
