"""Stage 3 — segment: split an archive into documents, and classify the lines that decide it.

An archive is many notices concatenated (samples/004): documents start with a metadata line,
a title (often glued onto the previous document's last line), a document number, a decree
header or an addressee line. A small state machine walks the classified lines; a notice that
issues an enclosed text (通知 + 办法) stays one document. Nothing is dropped: documents are
contiguous, and page debris between two documents ends the earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterator

import regex

from .grammar import Grammar
from .normalize import TextView

__all__ = ["Line", "LineKind", "split_lines", "classify", "title_kind", "segment_archive", "DocumentRange"]


class LineKind(str, Enum):
    """What a line is, as far as the document structure goes."""

    BLANK = "blank"
    METADATA = "metadata"
    DOC_NUMBER = "doc_number"
    DECREE_HEAD = "decree_head"
    DECREE_NOTE = "decree_note"
    TITLE = "title"
    ENCLOSED_TITLE = "enclosed_title"
    ADDRESSEE = "addressee"
    SIGNATURE = "signature"
    DATE = "date"
    CC = "cc"
    PRINTED = "printed"
    ATTACHMENT = "attachment"
    PUBLIC_NOTE = "public_note"
    CLOSING = "closing"
    HEADING = "heading"
    DEBRIS = "debris"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Line:
    """A line of the view: ``[start, end)`` without its newline; ``stop`` is where the next line starts."""

    start: int
    end: int
    stop: int


@dataclass(frozen=True, slots=True)
class DocumentRange:
    """One document of an archive, as view offsets."""

    start: int
    end: int


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of ``text[start:end]`` (``\\n`` ends a line; ``\\r`` stays inside it)."""
    stop = len(text) if end is None else end
    lines = []
    pos = start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        if nl < 0:
            lines.append(Line(pos, stop, stop))
            break
        lines.append(Line(pos, nl, nl + 1))
        pos = nl + 1
    return lines


_PAREN_TAIL = regex.compile(r"[ ]*\([^()]{1,80}\)[ ]*$")
_DATE_START = regex.compile(r"^[ ]*(?:19|20)[0-9]{2}[ ]*年[ ]*[0-9]{1,2}[ ]*月[ ]*[0-9]{1,2}[ ]*日")
_HEADING_START = regex.compile(r"^[ ]*(?:[零〇一二三四五六七八九十]{1,3}、|\([零〇一二三四五六七八九十]{1,3}\)|[0-9]{1,3}[.、]|第[零〇一二三四五六七八九十百]{1,5}[章条节])")


def title_kind(text: str, grammar: Grammar) -> LineKind | None:
    """``TITLE`` for a 公文 title (…关于…的通知, …令), ``ENCLOSED_TITLE`` for an enclosed text's
    title (…若干措施, …办法), else ``None``. ``text`` is one stripped view line.
    """
    s = _strip_trailing_debris(text.strip(" \r"), grammar)
    if not (4 <= len(s) <= 160) or "。" in s or _HEADING_START.match(s) or s.endswith((":", ",")):
        return None
    bare = _PAREN_TAIL.sub("", s)
    if bare.startswith(("特此", "附件", "附录")) or _DATE_START.match(bare):
        return None
    if any(word in s for word in grammar.word_list("segment", "debris")):
        return None
    for suffix in sorted(grammar.table("doctypes", "title_suffix"), key=len, reverse=True):
        if bare.endswith(suffix):
            if suffix in ("令", "命令") or "关于" in bare or "印发" in bare or "转发" in bare:
                return LineKind.TITLE
            if suffix in grammar.word_list("doctypes", "enclosed"):
                return LineKind.ENCLOSED_TITLE
    for suffix in grammar.word_list("doctypes", "enclosed"):
        if bare.endswith(suffix) and len(bare) > len(suffix) + 2:
            return LineKind.ENCLOSED_TITLE
    return None


def classify(text: str, line: Line, grammar: Grammar) -> tuple[LineKind, regex.Match[str] | None]:
    """Classify one view line by the ``header``, ``docnumber`` and ``segment`` rules.

    The line's neighbours decide two cases that a line alone cannot: the value of a metadata
    key written on the next line(s) (``[发文字号]`` / ``京发改`` / ``〔2026〕`` / ``341号``, corpus 0044)
    is ``METADATA``, and every line of a title broken over two or three lines (国务院关于印发国家
    职业教育改革 / 实施方案的通知, corpus 0001) is ``TITLE``.

    >>> from sztext import load_grammar
    >>> g = load_grammar()
    >>> text = "国务院关于印发国家职业教育改革\n实施方案的通知\n国发[2019]4号\n"
    >>> [classify(text, ln, g)[0].value for ln in split_lines(text)]
    ['title', 'title', 'doc_number']
    """
    kind, m = _classify_alone(text, line, grammar)
    if kind in _CONTEXT_KINDS:
        stripped = text[line.start : line.end].strip(" \r")
        if len(stripped) <= 60 and "。" not in stripped:
            if kind is not LineKind.METADATA and _is_metadata_value(text, line, stripped, grammar):
                return LineKind.METADATA, None
            if kind is not LineKind.TITLE and _in_title_group(text, line, grammar):
                return LineKind.TITLE, None
    return kind, m


def _classify_alone(text: str, line: Line, grammar: Grammar) -> tuple[LineKind, regex.Match[str] | None]:
    """Classify one view line on its own."""
    s = text[line.start : line.end]
    if not s.strip(" \r"):
        return LineKind.BLANK, None
    checks = (
        ("header.public_note", LineKind.PUBLIC_NOTE),
        ("header.metadata", LineKind.METADATA),
        ("header.date_line", LineKind.DATE),
        ("header.person_signature", LineKind.SIGNATURE),
        ("header.cc", LineKind.CC),
        ("header.printed", LineKind.PRINTED),
        ("header.closing", LineKind.CLOSING),
        ("segment.decree_note", LineKind.DECREE_NOTE),
        ("docnumber.decree_serial_line", LineKind.DOC_NUMBER),
    )
    for rule_id, check in checks:
        m = grammar.rule(rule_id).pattern.search(s)
        if m:
            return check, m
    stripped = s.strip(" \r")
    if _debris_end(stripped, grammar) == len(stripped):
        return LineKind.DEBRIS, None
    m = grammar.rule("segment.titled_decree_note").pattern.search(s)
    if m:
        return LineKind.DECREE_NOTE, m
    m = grammar.rule("segment.glued_metadata").pattern.match(s)
    if m:
        return LineKind.METADATA, m
    m = _doc_number_line(stripped, grammar)
    if m is not None:
        return LineKind.DOC_NUMBER, m
    if len(stripped) <= 30 and stripped.endswith("令") and "第" not in stripped:
        return LineKind.DECREE_HEAD, None
    titled = title_kind(_unspaced(stripped), grammar)
    if titled is not None:
        return titled, None
    if _HEADING_START.match(s):
        return LineKind.HEADING, None
    for rule_id, check in (("header.addressee", LineKind.ADDRESSEE), ("header.signature", LineKind.SIGNATURE), ("header.attachment", LineKind.ATTACHMENT)):
        m = grammar.rule(rule_id).pattern.search(s)
        if m:
            return check, m
    return LineKind.TEXT, None


# Kinds a neighbour may turn into METADATA (a value line) or TITLE (a piece of a broken title).
_CONTEXT_KINDS = frozenset({LineKind.TEXT, LineKind.SIGNATURE, LineKind.ENCLOSED_TITLE, LineKind.DOC_NUMBER, LineKind.TITLE, LineKind.HEADING})
# Pieces of a value split over lines: 〔2026〕, 341号 (corpus 0044).
_VALUE_FRAGMENT = regex.compile(r"^[\[(]?[0-9]{1,5}[\])]?[ ]?号?$")
_SPACED = regex.compile(r"(?<=\p{Han}) (?=\p{Han})")


def _unspaced(s: str) -> str:
    """``s`` without single spaces between Han characters (土 地 使 用 期 限 的 批 复, corpus 0015)."""
    return _SPACED.sub("", s) if " " in s else s


def _line_before(text: str, start: int) -> Line | None:
    if start <= 0:
        return None
    return Line(text.rfind("\n", 0, start - 1) + 1, start - 1, start)


def _line_after(text: str, line: Line) -> Line | None:
    if line.stop >= len(text) or line.stop == line.end:
        return None
    nl = text.find("\n", line.stop)
    end = len(text) if nl < 0 else nl
    return Line(line.stop, end, end + 1 if nl >= 0 else end)


def _key_only(text: str, line: Line, grammar: Grammar) -> bool:
    """A metadata key whose value is on the next line (``成文日期：``, ``[发文字号]``)."""
    s = text[line.start : line.end]
    m = grammar.rule("header.metadata").pattern.match(s)
    return m is not None and not m.group("value")


def _is_metadata_value(text: str, line: Line, stripped: str, grammar: Grammar) -> bool:
    """The line is the value of the key on the line before, or a later piece of a split value."""
    prev = _line_before(text, line.start)
    if prev is None:
        return False
    if _key_only(text, prev, grammar):
        return True
    if not _VALUE_FRAGMENT.match(stripped):
        return False
    for _ in range(2):  # 京发改 / 〔2026〕 / 341号: at most two earlier pieces
        piece = text[prev.start : prev.end].strip(" \r")
        if not piece or len(piece) > 20 or "。" in piece:
            return False
        before = _line_before(text, prev.start)
        if before is None:
            return False
        if _key_only(text, before, grammar):
            return True
        prev = before
    return False


_TITLE_PIECE_KINDS = frozenset({LineKind.TEXT, LineKind.ENCLOSED_TITLE, LineKind.HEADING, LineKind.SIGNATURE})


def _in_title_group(text: str, line: Line, grammar: Grammar) -> bool:
    """The line belongs to two or three consecutive short lines that together make a title."""
    before: list[Line] = []
    cur: Line | None = line
    for _ in range(2):
        cur = _line_before(text, cur.start) if cur is not None else None
        if cur is None:
            break
        before.insert(0, cur)
    after: list[Line] = []
    cur = line
    for _ in range(2):
        cur = _line_after(text, cur) if cur is not None else None
        if cur is None:
            break
        after.append(cur)
    window = [*before, line, *after]
    me = len(before)
    pieces = [text[ln.start : ln.end].strip(" \r") for ln in window]
    suffixes = tuple(grammar.table("doctypes", "title_suffix"))
    for first in range(max(0, me - 2), me + 1):
        for last in range(max(me, first + 1), min(len(window), first + 3)):
            tail = _PAREN_TAIL.sub("", pieces[last])
            if not _unspaced(tail).endswith(suffixes):
                continue
            group = pieces[first : last + 1]
            if any(not p or len(p) > 60 or "。" in p or p.endswith((":", ",", ";")) for p in group):
                continue
            if title_kind(_unspaced(group[0]), grammar) is not None:
                continue  # the first piece is a title on its own
            joined = _unspaced("".join(group))
            if title_kind(joined, grammar) is not LineKind.TITLE:
                continue
            kinds = [_classify_alone(text, window[k], grammar)[0] for k in range(first, last + 1)]
            if all(k in _TITLE_PIECE_KINDS for k in kinds[:-1]) and kinds[-1] in _TITLE_PIECE_KINDS | {LineKind.TEXT}:
                return True
    return False


def _doc_number_line(stripped: str, grammar: Grammar) -> regex.Match[str] | None:
    """A line that is a document number, possibly after image debris (``a.png深府办函〔2022〕71号``)."""
    if len(stripped) > 40:
        return None
    debris = grammar.rule("segment.image_debris").pattern.match(stripped)
    rest = stripped[debris.end() :] if debris else stripped
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1].strip()  # （医保办函〔2025〕82 号） under the title (corpus 0039)
    for rule_id in ("docnumber.bracket", "docnumber.decree"):
        m = grammar.rule(rule_id).pattern.match(rest)
        if m and not rest[m.end() :].strip():
            return m
    return None


def _debris_end(s: str, grammar: Grammar) -> int:
    """Offset in ``s`` after the leading page debris (0 when there is none)."""
    pos = 0
    changed = True
    while changed:
        changed = False
        rest = s[pos:]
        lead = len(rest) - len(rest.lstrip(" "))
        for word in grammar.word_list("segment", "debris"):
            if rest[lead:].startswith(word):
                pos += lead + len(word)
                changed = True
        m = grammar.rule("segment.image_debris").pattern.match(rest)
        if m:
            pos += m.end()
            changed = True
    return pos


def _strip_trailing_debris(s: str, grammar: Grammar) -> str:
    """``s`` without page debris at its end (…若干措施的通知 政策咨询, samples/004 l.643)."""
    changed = True
    while changed:
        changed = False
        for word in grammar.word_list("segment", "debris"):
            if s.endswith(word):
                s = s[: -len(word)].rstrip(" ")
                changed = True
    return s


def glued_start(text: str, line: Line, grammar: Grammar) -> tuple[int, LineKind] | None:
    """A title or addressee glued onto the end of a line: its view offset and kind."""
    s = _strip_trailing_debris(text[line.start : line.end].rstrip(" \r"), grammar)
    if not s:
        return None
    # an addressee after a sentence: …起施行。各区人民政府，市政府直属各单位： (samples/004 l.3785)
    if s.endswith(":"):
        cut = max(s.rfind(p) for p in ("。", ";"))
        if cut >= 0 and cut < len(s) - 4:
            tail = s[cut + 1 :]
            if grammar.rule("header.addressee").pattern.match(tail) and tail.lstrip().startswith("各"):
                return line.start + cut + 1, LineKind.ADDRESSEE
    for m in grammar.rule("segment.glued_metadata").pattern.finditer(s):
        if m.start("start") > 0:
            return line.start + m.start("start"), LineKind.METADATA
    cut = -1
    for p in grammar.word_list("segment", "sentence_end"):
        cut = max(cut, s.rfind(p))
    for word in grammar.word_list("segment", "debris"):
        at = s.rfind(word)
        if at >= 0:
            cut = max(cut, at + len(word) - 1)
    tail_start = cut + 1
    tail = s[tail_start:]
    if tail_start > 0 or _debris_end(s, grammar) > 0:
        skip = _debris_end(tail, grammar)
        tail_start += skip
        tail = s[tail_start:]
    kind = title_kind(tail, grammar)
    # the first issuer+关于 in the tail whose rest is a title starts it (附件：…清单深圳市人民政府…)
    for m in grammar.rule("segment.title_start").pattern.finditer(tail):
        rest_kind = title_kind(tail[m.start() :], grammar)
        if rest_kind is not None:
            if m.start() > 0:
                return line.start + tail_start + m.start(), rest_kind
            break
    if kind is not None and tail_start > 0:
        return line.start + tail_start, kind
    return None


_STRONG = {LineKind.METADATA, LineKind.DOC_NUMBER, LineKind.DECREE_HEAD}
_HEADERISH = _STRONG | {
    LineKind.TITLE, LineKind.ENCLOSED_TITLE, LineKind.ADDRESSEE, LineKind.DECREE_NOTE, LineKind.BLANK, LineKind.DEBRIS,
}


def segment_archive(view: TextView, grammar: Grammar) -> list[DocumentRange]:
    """Split an archive into documents (view offsets). A text with one notice gives one range.

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> text = "甲关于印发乙办法的通知\\n各区人民政府：\\n现印发。\\n深圳市人民政府\\n2024年1月1日\\n丙关于丁的通知\\n各区人民政府：\\n特此通知。\\n"
    >>> [(r.start, r.end) for r in segment_archive(normalize(text, load_grammar()), load_grammar())]
    [(0, 50), (50, 74)]
    """
    text = view.text
    lines = split_lines(text)
    kinds = [classify(text, ln, grammar)[0] for ln in lines]
    starts: list[int] = []
    state = "none"  # none | header | body | closed | enclosed
    expects_enclosure = False
    since_close = 0
    seen_signature = False

    def next_kind(i: int) -> LineKind:
        for j in range(i + 1, min(len(lines), i + 6)):
            if kinds[j] is not LineKind.BLANK:
                return kinds[j]
        return LineKind.BLANK

    def start_doc(pos: int) -> None:
        nonlocal state, expects_enclosure, seen_signature, since_close
        starts.append(pos)
        state, expects_enclosure, seen_signature, since_close = "header", False, False, 0

    for i, (ln, kind) in enumerate(zip(lines, kinds)):
        if kind is LineKind.BLANK or (kind is LineKind.DEBRIS and state != "none"):
            continue
        if kind in (LineKind.TEXT, LineKind.HEADING, LineKind.DATE, LineKind.ATTACHMENT):
            glued = glued_start(text, ln, grammar)
            if glued is not None and glued[0] > ln.start:
                pos, gkind = glued
                follower = next_kind(i)
                confirmed = gkind in (LineKind.ADDRESSEE, LineKind.METADATA) or follower in (
                    LineKind.METADATA, LineKind.DOC_NUMBER, LineKind.ADDRESSEE, LineKind.DECREE_NOTE, LineKind.DECREE_HEAD, LineKind.TITLE,
                )
                if confirmed and state != "none":
                    start_doc(pos)
                    if gkind is LineKind.ADDRESSEE:
                        state = "body"
                    continue
        if state == "none":
            if kind is LineKind.DEBRIS:
                continue
            start_doc(ln.start + _debris_end(text[ln.start : ln.end], grammar))
            if kind not in _HEADERISH:
                state = "body"  # a text that starts without a header is a document all the same
            continue
        if state == "header":
            if kind in _HEADERISH:
                continue
            state = "body"
        if kind in _STRONG or kind is LineKind.DECREE_NOTE:
            if state != "header":
                start_doc(ln.start + _debris_end(text[ln.start : ln.end], grammar))
            continue
        if kind is LineKind.TITLE or kind is LineKind.ENCLOSED_TITLE:
            if state == "closed" and expects_enclosure and since_close <= 2:
                state = "enclosed"
                continue
            follower = next_kind(i)
            if kind is LineKind.TITLE and state in ("body", "enclosed", "closed") or follower in (
                LineKind.METADATA, LineKind.DOC_NUMBER, LineKind.ADDRESSEE, LineKind.DECREE_NOTE,
            ):
                start_doc(ln.start + _debris_end(text[ln.start : ln.end], grammar))
            continue
        if kind is LineKind.ADDRESSEE:
            # after a signature, an addressee opens the next notice even when no date followed
            if state in ("closed", "enclosed") or seen_signature:
                start_doc(ln.start)
            continue
        if kind is LineKind.SIGNATURE:
            seen_signature = True
            continue
        if kind is LineKind.DATE and seen_signature and state == "body":
            state, since_close = "closed", 0
            continue
        if state == "body" and kind is LineKind.TEXT:
            s = text[ln.start : ln.end]
            if any(w in s for w in ("印发", "现将", "转发", "发布", "公布", "已经市政府同意")):
                expects_enclosure = True
        if state == "closed":
            since_close += 1
            if since_close > 2:
                state = "enclosed" if expects_enclosure else "body"
    if not starts:
        return [DocumentRange(0, len(text))]
    if not text[: starts[0]].strip():
        starts[0] = 0  # only blank space before the first document: it belongs to it
    ends = starts[1:] + [len(text)]
    return [DocumentRange(s, e) for s, e in zip(starts, ends)]


def iter_lines_of(view: TextView, rng: DocumentRange) -> Iterator[Line]:
    """The lines of one document."""
    yield from split_lines(view.text, rng.start, rng.end)
