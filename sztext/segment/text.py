"""What one line of text looks like: a title, page debris at its ends, its neighbours."""

from __future__ import annotations

import threading
from typing import Any

import regex

from ..grammar import Grammar
from .kinds import Line, LineKind
from .rules import segment_rules, may, starts_heading

__all__ = ["title_kind", "strip_trailing_debris"]


_PAREN_TAIL = regex.compile(r"[ ]*\([^()]{1,80}\)[ ]*$")
_DATE_START = regex.compile(r"^[ ]*(?:19|20)[0-9]{2}[ ]*年[ ]*[0-9]{1,2}[ ]*月[ ]*[0-9]{1,2}[ ]*日")


def title_kind(text: str, grammar: Grammar) -> LineKind | None:
    """``TITLE`` for a 公文 title (…关于…的通知, …令), ``ENCLOSED_TITLE`` for an enclosed text's
    title (…若干措施, …办法), else ``None``. ``text`` is one stripped view line. A line that a
    style of the ``headings`` section opens is never a title (（2）保障措施 is a heading).
    """
    p = segment_rules(grammar)
    s = strip_trailing_debris(text.strip(" \r"), grammar)
    if not (4 <= len(s) <= 160):
        return None
    if s[0] == "《" and s[-1] == "》":
        # a reprint's title line inside 《》 (segment.quoted_title): a title when what they hold is one
        quoted = grammar.rule("segment.quoted_title").pattern.match(s)
        inner = title_kind(quoted.group("title"), grammar) if quoted else None
        return LineKind.TITLE if inner is LineKind.TITLE else None
    bare = without_paren_tail(s)
    if not bare.endswith(p.suffixes) and not bare.endswith(p.enclosed):
        return None  # what gives a kind below needs one of these endings: most lines have none
    if "。" in s or s.endswith((":", ",")) or starts_heading(s, grammar):
        return None
    if bare.startswith(("特此", "附件", "附录")) or _DATE_START.match(bare):
        return None
    if p.debris_any is not None and p.debris_any.search(s):
        return None
    if bare.endswith(p.suffixes):
        for suffix in p.suffixes_longest_first:
            if bare.endswith(suffix):
                if suffix in ("令", "命令") or "关于" in bare or "印发" in bare or "转发" in bare:
                    return LineKind.TITLE
                if suffix in ("答复", "批复", "复函") and "对" in bare:
                    return LineKind.TITLE  # 国务院办公厅对…第2996号建议的答复 (corpus 0012)
                if suffix in p.enclosed:
                    return LineKind.ENCLOSED_TITLE
    if bare.endswith(p.enclosed):
        for suffix in p.enclosed:
            if bare.endswith(suffix) and len(bare) > len(suffix) + 2:
                return LineKind.ENCLOSED_TITLE
    return None


def without_paren_tail(s: str) -> str:
    """``s`` without a parenthesised note at its end (``_PAREN_TAIL``, which needs a ``)``)."""
    return _PAREN_TAIL.sub("", s) if ")" in s else s


def is_physical(text: str, line: Line) -> bool:
    """The line is a whole line of the text (not a piece of a run-on line)."""
    return (line.start == 0 or text[line.start - 1] == "\n") and (line.end == len(text) or text[line.end] == "\n")


# Pieces of a value split over lines: 〔2026〕, 341号 (corpus 0044).
_SPACED = regex.compile(r"(?<=\p{Han}) (?=\p{Han})")


def unspaced(s: str) -> str:
    """``s`` without single spaces between Han characters (土 地 使 用 期 限 的 批 复, corpus 0015)."""
    return _SPACED.sub("", s) if " " in s else s


def line_before(text: str, start: int) -> Line | None:
    if start <= 0:
        return None
    return Line(text.rfind("\n", 0, start - 1) + 1, start - 1, start)


def line_after(text: str, line: Line) -> Line | None:
    if line.stop >= len(text) or line.stop == line.end:
        return None
    nl = text.find("\n", line.stop)
    end = len(text) if nl < 0 else nl
    return Line(line.stop, end, end + 1 if nl >= 0 else end)


# What the line functions find out about a line's text (its kind on its own: classify's
# _classify_alone) is a function of that text and the grammar, but the context tests of the
# classifier ask again about the lines up to six around the one being classified (a title group,
# a run of issuers above a title, a title above an addressee): the answers for the last lines
# asked are kept, per thread and per text. The text and grammar are held (until the thread's
# next text), so that a new text, even one at the same address, starts an empty memo: nothing
# is carried from one text to the next. At most _RECENT_MAX answers, then it starts again.
_RECENT = threading.local()
_RECENT_MAX = 256


def recent_memo(text: str, grammar: Grammar) -> dict[tuple[str, str], Any]:
    """This thread's memo of line facts for ``text`` and ``grammar``: (what, line text) → answer."""
    memo = _RECENT.__dict__
    found: dict[tuple[str, str], Any] | None = memo.get("facts")
    if found is None or memo.get("text") is not text or memo.get("grammar") is not grammar or len(found) >= _RECENT_MAX:
        found = memo["facts"] = {}
        memo["text"], memo["grammar"] = text, grammar
    return found


def key_only(text: str, line: Line, grammar: Grammar) -> bool:
    """A metadata key whose value is on the next line (``成文日期：``, ``[发文字号]``)."""
    p = segment_rules(grammar)
    if p.metadata_first is not None and text[line.start : line.start + 1] not in p.metadata_first:
        return False  # no match at the line's start without a pattern call (rules.first_chars)
    m = p.metadata.match(text[line.start : line.end])
    return m is not None and not m.group("value")


def debris_end(s: str, grammar: Grammar) -> int:
    """Offset in ``s`` after the leading page debris (0 when there is none)."""
    p = segment_rules(grammar)
    pos = 0
    changed = True
    while changed:
        changed = False
        rest = s[pos:] if pos else s
        body = rest.lstrip(" ")
        lead = len(rest) - len(body)
        if body.startswith(p.debris):  # one test for the common case: no debris word here
            for word in p.debris:
                if body.startswith(word):
                    pos += lead + len(word)
                    changed = True
        m = p.image_debris.pattern.match(rest) if may(p.image_debris, rest) else None
        if m:
            pos += m.end()
            changed = True
    return pos


def strip_trailing_debris(s: str, grammar: Grammar) -> str:
    """``s`` without page debris at its end (…若干措施的通知 政策咨询, samples/004 l.643)."""
    debris = segment_rules(grammar).debris
    if not s.endswith(debris):
        return s  # the common case: no debris word at the end
    changed = True
    while changed:
        changed = False
        for word in debris:
            if s.endswith(word):
                s = s[: -len(word)].rstrip(" ")
                changed = True
    return s
