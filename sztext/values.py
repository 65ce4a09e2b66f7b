"""Header values cut out of one line: a stripped text value, and an addressee or 抄送 line
split into one value per body. Used by :mod:`sztext.assemble`."""

from __future__ import annotations

import regex

from .grammar import Grammar
from .models import TextValue
from .normalize import TextView

__all__ = ["LINE_BREAK", "strip_value", "split_bodies"]

LINE_BREAK = regex.compile(r"[ \u3000\t\r]*\n[ \u3000\t\r]*")


def strip_value(view: TextView, start: int, end: int) -> TextValue | None:
    """A text value for ``[start, end)`` without surrounding spaces and line ends.

    A value that runs over several lines (a title broken over two lines) keeps them in
    ``text`` and joins them in ``clean``.
    """
    text = view.text
    while start < end and text[start] in " \r\n":
        start += 1
    while end > start and text[end - 1] in " \r\n":
        end -= 1
    if end <= start:
        return None
    value = view.value(start, end)
    if "\n" in value.clean:
        value = value.model_copy(update={"clean": LINE_BREAK.sub("", value.clean)})
    return value


def split_bodies(view: TextView, grammar: Grammar, start: int, end: int) -> list[TextValue]:
    """Split an addressee or 抄送 line into one value per body.

    Parts are cut at ，and ；, and at 、 only between distinct bodies: a part that is only a
    place level (各省、自治区、 / 各区、) shares the head of the next part
    (``header.addressee_modifier``), unless the next part starts a new 各… body; a part that is
    only a collective noun (…部门、单位) shares the part before it (``header.addressee_bare_head``); a
    part that names a sector (…工业和信息化、体育主管部门) shares the head the chain ends with
    (``header.addressee_sector``). Separators
    inside brackets (各区人民政府（新区管委会、…）) never cut.
    """
    text = view.text
    modifier = grammar.rule("header.addressee_modifier").pattern
    bare_head = grammar.rule("header.addressee_bare_head").pattern
    sector = grammar.rule("header.addressee_sector").pattern
    cuts: list[tuple[int, int, str]] = []  # (start, end, separator) of the separators at depth 0
    depth = 0
    for pos in range(start, end):
        ch = text[pos]
        if ch in "(（[":
            depth += 1
        elif ch in ")）]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ",、;":
            if cuts and cuts[-1][1] == pos:
                cuts[-1] = (cuts[-1][0], pos + 1, cuts[-1][2] if ch == "、" else ch)
            else:
                cuts.append((pos, pos + 1, ch))
    out = []
    piece = start  # start of the value being built
    part = start  # start of the current part
    bounds = [*cuts, (end, end, ",")]
    shared = _shared_function_cuts(text, start, bounds, grammar)
    for n, (cut_start, cut_end, sep) in enumerate(bounds):
        following = text[cut_end:end].lstrip(" ")
        if n in shared:
            part = cut_end  # 国务院各部委、各直属机构人事（干部）部门: one addressee
            continue
        if (
            sep == "、"
            and modifier.search(text[part:cut_start])
            and not following.startswith("各")
        ):
            part = cut_end  # 各省、自治区、直辖市人民政府: one addressee
            continue
        found = sector.match(text, part, end) if sep == "、" else None
        if found is not None and found.end() == cut_end:
            part = cut_end  # 新疆生产建设兵团工业和信息化、体育主管部门: one addressee
            continue
        if sep == "、" and n + 1 < len(bounds) and bare_head.search(text[cut_end : bounds[n + 1][0]]):
            part = cut_end  # 省有关部门、单位: one addressee
            continue
        v = strip_value(view, piece, cut_start)
        if v is not None:
            out.append(v)
        piece = part = cut_end
    return out


def _shared_function_cuts(text: str, start: int, bounds: list[tuple[int, int, str]], grammar: Grammar) -> set[int]:
    """The 、 cuts of the chains whose parts all name sets of bodies (``header.addressee_set``:
    国务院各部委、各直属机构) while the last part goes on with a function they share (…人事（干部）部门):
    such a chain is one addressee, its 、 cut nothing. So is a chain that 有关 opens and 和 closes
    (``header.addressee_concerned``: 有关汽车生产企业、行业组织和技术服务机构)."""
    rule = grammar.rule("header.addressee_set").pattern
    concerned = grammar.rule("header.addressee_concerned").pattern
    out: set[int] = set()
    chain: list[int] = []  # the 、 cuts of the current chain
    lo = start
    for n, (cut_start, cut_end, sep) in enumerate(bounds):
        if sep == "、":
            chain.append(n)
            continue
        if chain:
            starts = [lo] + [bounds[k][1] for k in chain]
            ends = [bounds[k][0] for k in chain] + [cut_start]
            parts = [text[a:b].strip(" \r\n") for a, b in zip(starts, ends)]
            sets = [rule.match(p) for p in parts]
            last = sets[-1]
            if all(m is not None and m.end() == len(p) for m, p in zip(sets[:-1], parts[:-1])) and last is not None and len(parts[-1]) - last.end() >= 2:
                out.update(chain)
            elif concerned.match("、".join(parts)):
                out.update(chain)
        chain = []
        lo = cut_end
    return out
