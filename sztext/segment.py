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
import regex

from .grammar import Grammar, Rule
from .normalize import TextView

__all__ = ["Line", "LineKind", "split_lines", "logical_lines", "classify", "title_kind", "segment_archive", "DocumentRange"]


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


def logical_lines(text: str, grammar: Grammar, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines that :func:`classify` and the tokenizer work on: the physical lines of
    ``text[start:end]``, except that

    * a metadata key alone on its line and its value on the next 1–3 lines are one line
      (``[发文字号]`` / ``京发改`` / ``〔2026〕`` / ``341号``, corpus 0044), and so is a date written
      one part per line (``2025`` / ``年`` / ``9`` / ``月`` / ``29`` / ``日``, corpus 0045);
    * a single-line OCR notice (corpus 0032–0036) is cut around its 版头, document number, title,
      addressee, 附件 and (此件…) notes, closing signature, date and 印发 line.

    The lines still tile the range: each line's ``stop`` is the next line's ``start``.

    >>> from sztext import load_grammar
    >>> text = ("山东省财政厅文件鲁财会[2021]13号山东省财政厅关于做好会计工作的通知各市财政局:"
    ...         + "为促进会计人员知识更新，提高业务素质，现将有关工作通知如下。" * 12)
    >>> [text[ln.start:ln.end] for ln in logical_lines(text, load_grammar())][:4]
    ['山东省财政厅文件', '鲁财会[2021]13号', '山东省财政厅关于做好会计工作的通知', '各市财政局:']
    """
    physical = split_lines(text, start, end)
    out: list[Line] = []
    i = 0
    while i < len(physical):
        ln, joined = physical[i], _joined_value(text, physical, i, grammar)
        cuts = _runon_cuts(text, ln, grammar) if joined == i and ln.end - ln.start >= 300 else []
        bounds = [ln.start, *cuts, ln.end]
        out.extend(Line(a, b, b) for a, b in zip(bounds, bounds[1:-1]))
        out.append(Line(bounds[-2], physical[joined].end, physical[joined].stop))
        i = joined + 1
    return out



def _joined_value(text: str, physical: list[Line], i: int, grammar: Grammar) -> int:
    """Index of the last physical line that belongs with line ``i`` (``i`` when none does)."""
    ln = physical[i]
    if _rule(grammar, "segment.split_year").pattern.match(text[ln.start : ln.end]) and i + 5 < len(physical):
        m = _rule(grammar, "header.date_line").pattern.match(text, ln.start, physical[i + 5].end)
        if m and m.end() == physical[i + 5].end:
            return i + 5
    value = text[physical[i + 1].start : physical[i + 1].end].strip(" \r") if i + 1 < len(physical) else ""
    if not value or len(value) > 60 or not _key_only(text, ln, grammar) or _key_only(text, physical[i + 1], grammar):
        return i
    last = i + 1
    fragment = _rule(grammar, "segment.value_fragment").pattern
    while last + 1 < min(i + 4, len(physical)) and fragment.match(text[physical[last + 1].start : physical[last + 1].end]):
        last += 1
    return last


def _runon_cuts(text: str, ln: Line, grammar: Grammar) -> list[int]:
    """Cut points of a run-on notice line, or ``[]`` when the line does not start like a notice."""
    head = _rule(grammar, "segment.runon_banner").pattern.match(text, ln.start, min(ln.end, ln.start + 160))
    number = _rule(grammar, "docnumber.bracket").pattern.search(text, ln.start, min(ln.end, ln.start + 200))
    if head is None or number is None or number.start() > head.end() + 2:
        return []
    banner = text[head.start("banner") : head.end("banner")].removesuffix("文件")
    cuts = [number.start("agency"), number.end()]
    if head.end("banner") < number.start("agency"):
        cuts.insert(0, head.end("banner"))
    pos = number.end()
    title_end = _runon_title_end(text, pos, min(ln.end, pos + 160), grammar)
    if title_end is not None:
        cuts.append(title_end)
        colon = text.find(":", title_end, min(ln.end, title_end + 160))
        if colon > 0 and _rule(grammar, "header.addressee").pattern.match(text[title_end : colon + 1]):
            cuts.append(colon + 1)
    body_start = cuts[-1]
    for m in _rule(grammar, "segment.runon_attachment").pattern.finditer(text, body_start, ln.end):
        cuts.append(m.start())
    note = _rule(grammar, "segment.runon_public_note").pattern.search(text, body_start, ln.end)
    if note:
        cuts.append(note.start())
    prefix = banner[:4]
    for m in _rule(grammar, "segment.runon_date").pattern.finditer(text, body_start, ln.end):
        sig = text.rfind(prefix, max(body_start, m.start() - 40), m.start()) if len(prefix) == 4 else -1
        if sig < 0:
            continue
        cuts.append(sig)
        if not m.group("printed"):
            cuts.extend((m.start(), m.end()))  # signature | date | what follows
        elif m.end() < ln.end:
            cuts.append(m.end())
    return sorted(c for c in set(cuts) if ln.start < c < ln.end)


def _runon_title_end(text: str, start: int, stop: int, grammar: Grammar) -> int | None:
    """End of the title that starts at ``start`` in a run-on line (…关于…的通知各省…)."""
    ends = sorted({end for suffix in grammar.table("doctypes", "title_suffix") for end in _ends_of(text, suffix, start, stop)})
    return next((end for end in ends if title_kind(text[start:end], grammar) is LineKind.TITLE), None)


def _ends_of(text: str, word: str, start: int, stop: int) -> list[int]:
    found, at = [], text.find(word, start, stop)
    while at >= 0:
        found.append(at + len(word))
        at = text.find(word, at + 1, stop)
    return found


_RULES: dict[tuple[str, str], Rule] = {}


def _rule(grammar: Grammar, rule_id: str) -> Rule:
    """``grammar.rule(rule_id)`` memoised per grammar (``Grammar.rule`` scans every rule)."""
    key = (grammar.digest, rule_id)
    rule = _RULES.get(key)
    if rule is None:
        rule = _RULES[key] = grammar.rule(rule_id)
    return rule


_PAREN_TAIL = regex.compile(r"[ ]*\([^()]{1,80}\)[ ]*$")
_DATE_START = regex.compile(r"^[ ]*(?:19|20)[0-9]{2}[ ]*年[ ]*[0-9]{1,2}[ ]*月[ ]*[0-9]{1,2}[ ]*日")
_HEADING_START = regex.compile(r"^[ ]*(?:[零〇一二三四五六七八九十]{1,3}、|\([零〇一二三四五六七八九十]{1,3}\)|[0-9]{1,3}[.、]|第[零〇一二三四五六七八九十百]{1,5}[章条节])")


def title_kind(text: str, grammar: Grammar) -> LineKind | None:
    """``TITLE`` for a 公文 title (…关于…的通知, …令), ``ENCLOSED_TITLE`` for an enclosed text's
    title (…若干措施, …办法), else ``None``. ``text`` is one stripped view line.
    """
    s = strip_trailing_debris(text.strip(" \r"), grammar)
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
            if suffix in ("答复", "批复", "复函") and "对" in bare:
                return LineKind.TITLE  # 国务院办公厅对…第2996号建议的答复 (corpus 0012)
            if suffix in grammar.word_list("doctypes", "enclosed"):
                return LineKind.ENCLOSED_TITLE
    for suffix in grammar.word_list("doctypes", "enclosed"):
        if bare.endswith(suffix) and len(bare) > len(suffix) + 2:
            return LineKind.ENCLOSED_TITLE
    return None


def classify(text: str, line: Line, grammar: Grammar) -> tuple[LineKind, regex.Match[str] | None]:
    """Classify one view line by the ``header``, ``docnumber`` and ``segment`` rules, its
    neighbours deciding what a line alone cannot: a metadata value on the line after its key
    (corpus 0044), each line of a title broken over lines (corpus 0001), a 版头 above a title.

    >>> from sztext import load_grammar
    >>> g = load_grammar()
    >>> text = "国务院关于印发国家职业教育改革\\n实施方案的通知\\n国发[2019]4号\\n"
    >>> [classify(text, ln, g)[0].value for ln in split_lines(text)]
    ['title', 'title', 'doc_number']
    """
    kind, m = _classify_alone(text, line, grammar)
    if kind is LineKind.SIGNATURE and _number_follows(text, line, grammar):
        return LineKind.METADATA, None  # 版头 then 发文字号: 山东省市场监督管理局 / 鲁市监标函〔2021〕33号 (corpus 0034)
    if kind in _CONTEXT_KINDS and _is_physical(text, line):
        stripped = text[line.start : line.end].strip(" \r")
        if len(stripped) <= 60 and "。" not in stripped:
            if _is_metadata_value(text, line, stripped, grammar):
                return LineKind.METADATA, None
            if kind is not LineKind.TITLE and _in_title_group(text, line, grammar):
                return LineKind.TITLE, None
            if kind is LineKind.SIGNATURE and _is_banner_run(text, line, grammar):
                return LineKind.METADATA, None
            if kind in (LineKind.TEXT, LineKind.ENCLOSED_TITLE) and _titles_addressee(text, line, stripped, grammar):
                return LineKind.TITLE, None
    if kind is LineKind.HEADING and _continues_attachment_list(text, line, grammar):
        return LineKind.ATTACHMENT, None
    return kind, m


def _continues_attachment_list(text: str, line: Line, grammar: Grammar) -> bool:
    """``2.各区发展改革委联系方式`` under ``附件：1.申报项目信息表`` is the attachment list, not an
    outline item (corpus 0020, 0024, 0044)."""
    item, head = _rule(grammar, "segment.list_item").pattern, _rule(grammar, "segment.list_head").pattern
    m = item.match(text[line.start : line.end])
    if m is None or not _is_physical(text, line) or line.end - line.start > 80:
        return False
    expected = int(m.group("num")) - 1
    prev = _line_before(text, line.start)
    while prev is not None and expected >= 1:
        piece = text[prev.start : prev.end]
        if expected == 1 and head.match(piece):
            return True
        m = item.match(piece)
        if m is None or int(m.group("num")) != expected or len(piece) > 80:
            return False
        expected -= 1
        prev = _line_before(text, prev.start)
    return False


def _number_follows(text: str, line: Line, grammar: Grammar) -> bool:
    """A document number starts the next line (or right after a cut of a run-on line)."""
    head = text[line.stop : line.stop + 40]
    at = line.stop + len(head) - len(head.lstrip(" \n"))
    return _rule(grammar, "docnumber.bracket").pattern.match(text, at, min(len(text), at + 40)) is not None


def _is_physical(text: str, line: Line) -> bool:
    """The line is a whole line of the text (not a piece of a run-on line)."""
    return (line.start == 0 or text[line.start - 1] == "\n") and (line.end == len(text) or text[line.end] == "\n")


def _is_banner_run(text: str, line: Line, grammar: Grammar) -> bool:
    """Issuing bodies listed above a title that names none (重庆市… / 重庆市财政局 / … / 关于印发…, corpus 0042, 0025)."""
    nxt = _line_after(text, line)
    for _ in range(6):
        if nxt is None:
            return False
        kind = _classify_alone(text, nxt, grammar)[0]
        if kind is not LineKind.SIGNATURE:
            head = text[nxt.start : nxt.end].lstrip(" ")
            return head.startswith("关于") and (kind is LineKind.TITLE or _in_title_group(text, nxt, grammar))
        nxt = _line_after(text, nxt)
    return False


def _titles_addressee(text: str, line: Line, stripped: str, grammar: Grammar) -> bool:
    """A line ending like a title above an addressee is a title, even without 关于 (corpus 0041)."""
    bare = _PAREN_TAIL.sub("", stripped)
    if len(bare) < 6 or not bare.endswith(tuple(grammar.table("doctypes", "title_suffix"))):
        return False
    nxt = _line_after(text, line)
    return nxt is not None and _classify_alone(text, nxt, grammar)[0] is LineKind.ADDRESSEE


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
        m = _rule(grammar, rule_id).pattern.search(s)
        if m:
            return check, m
    stripped = s.strip(" \r")
    if _debris_end(stripped, grammar) == len(stripped):
        return LineKind.DEBRIS, None
    m = _rule(grammar, "segment.titled_decree_note").pattern.search(s)
    if m:
        return LineKind.DECREE_NOTE, m
    m = _rule(grammar, "segment.glued_metadata").pattern.match(s)
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
    late = (("header.banner", LineKind.METADATA), ("header.addressee", LineKind.ADDRESSEE))
    for rule_id, check in (*late, ("header.signature", LineKind.SIGNATURE), ("header.attachment", LineKind.ATTACHMENT)):
        m = _rule(grammar, rule_id).pattern.search(s)
        if m:
            return check, m
    return LineKind.TEXT, None


# Kinds a neighbour may turn into METADATA (a value line) or TITLE (a piece of a broken title).
_CONTEXT_KINDS = frozenset({LineKind.TEXT, LineKind.SIGNATURE, LineKind.ENCLOSED_TITLE, LineKind.DOC_NUMBER, LineKind.TITLE, LineKind.HEADING})
# Pieces of a value split over lines: 〔2026〕, 341号 (corpus 0044).
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
    m = _rule(grammar, "header.metadata").pattern.match(s)
    return m is not None and not m.group("value")


def _is_metadata_value(text: str, line: Line, stripped: str, grammar: Grammar) -> bool:
    """The line is the value of the key on the line before, or a later piece of a split value."""
    prev = _line_before(text, line.start)
    fragment = _rule(grammar, "segment.value_fragment").pattern.match(stripped) is not None
    for back in range(3):  # 京发改 / 〔2026〕 / 341号: the key at most three lines up
        if prev is None or (back and not fragment):
            return False
        if _key_only(text, prev, grammar):
            return True
        piece = text[prev.start : prev.end].strip(" \r")
        if not piece or len(piece) > 20 or "。" in piece:
            return False
        prev = _line_before(text, prev.start)
    return False


def _issuers_of_title(text: str, line: Line, grammar: Grammar) -> bool:
    """Bodies joined by 、 opening a title (国务院办公厅、中央军委办公厅 / 关于…, corpus 0011), not a list (0042)."""
    if " " in text[line.start : line.end].strip(" \r"):
        return False
    prev = _line_before(text, line.start)
    return prev is None or _classify_alone(text, prev, grammar)[0] is not LineKind.SIGNATURE


def _in_title_group(text: str, line: Line, grammar: Grammar) -> bool:
    """The line belongs to two or three consecutive short lines that together make a title."""
    p1 = _line_before(text, line.start)
    p2 = _line_before(text, p1.start) if p1 is not None else None
    n1 = _line_after(text, line)
    n2 = _line_after(text, n1) if n1 is not None else None
    before = [ln for ln in (p2, p1) if ln is not None]
    window = [*before, line, *(ln for ln in (n1, n2) if ln is not None)]
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
            if len(_unspaced(group[0])) < 8:
                continue  # 关于我们 / 网站地图 / 建议意见 is a menu, not a title (corpus 0044)
            if title_kind(_unspaced(group[0]), grammar) is not None:
                continue  # the first piece is a title on its own
            joined = _unspaced("".join(group))
            if title_kind(joined, grammar) is not LineKind.TITLE:
                continue
            kinds = [_classify_alone(text, window[k], grammar)[0] for k in range(first, last + 1)]
            if kinds[0] is LineKind.SIGNATURE and _issuers_of_title(text, window[first], grammar):
                kinds[0] = LineKind.TEXT
            if all(k in (LineKind.TEXT, LineKind.ENCLOSED_TITLE, LineKind.HEADING) for k in kinds):
                return True
    return False


def _doc_number_line(stripped: str, grammar: Grammar) -> regex.Match[str] | None:
    """A line that is a document number, possibly after image debris (``a.png深府办函〔2022〕71号``)."""
    if len(stripped) > 40:
        return None
    debris = _rule(grammar, "segment.image_debris").pattern.match(stripped)
    rest = stripped[debris.end() :] if debris else stripped
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1].strip()  # （医保办函〔2025〕82 号） under the title (corpus 0039)
    for rule_id in ("docnumber.bracket", "docnumber.decree"):
        m = _rule(grammar, rule_id).pattern.match(rest)
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
        m = _rule(grammar, "segment.image_debris").pattern.match(rest)
        if m:
            pos += m.end()
            changed = True
    return pos


def strip_trailing_debris(s: str, grammar: Grammar) -> str:
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
    s = strip_trailing_debris(text[line.start : line.end].rstrip(" \r"), grammar)
    if not s:
        return None
    # an addressee after a sentence: …起施行。各区人民政府，市政府直属各单位： (samples/004 l.3785)
    if s.endswith(":"):
        cut = max(s.rfind(p) for p in ("。", ";"))
        if cut >= 0 and cut < len(s) - 4:
            tail = s[cut + 1 :]
            if _rule(grammar, "header.addressee").pattern.match(tail) and tail.lstrip().startswith("各"):
                return line.start + cut + 1, LineKind.ADDRESSEE
    for m in _rule(grammar, "segment.glued_metadata").pattern.finditer(s):
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
    for m in _rule(grammar, "segment.title_start").pattern.finditer(tail):
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
    [(0, 43), (43, 65)]
    """
    text = view.text
    lines = logical_lines(text, grammar)
    kinds = [classify(text, ln, grammar)[0] for ln in lines]
    starts: list[int] = []
    state = "none"  # none | header | body | closed | enclosed
    expects_enclosure = False
    since_close = 0
    seen_signature = False
    # The first document began at no header (a page's menu, corpus 0042/0044/0045): until body text
    # confirms it, a header start replaces it; what came before is text_before_first_document.
    provisional = False

    def next_kind(i: int) -> LineKind:
        for j in range(i + 1, min(len(lines), i + 6)):
            if kinds[j] is not LineKind.BLANK:
                return kinds[j]
        return LineKind.BLANK

    def start_doc(pos: int) -> None:
        nonlocal state, expects_enclosure, seen_signature, since_close, provisional
        if provisional:
            starts.pop()
            provisional = False
        starts.append(pos)
        state, expects_enclosure, seen_signature, since_close = "header", False, False, 0

    def after_debris(i: int) -> int:
        return lines[i].start + _debris_end(text[lines[i].start : lines[i].end], grammar)

    for i, (ln, kind) in enumerate(zip(lines, kinds)):
        if kind is LineKind.BLANK or (kind is LineKind.DEBRIS and state != "none"):
            continue
        if provisional and _is_body_text(text[ln.start : ln.end], kind):
            provisional = False
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
            start_doc(after_debris(i))
            if kind not in _HEADERISH:
                state = "body"  # a text that starts without a header is a document all the same
                provisional = not _is_body_text(text[ln.start : ln.end], kind)
            continue
        if state == "header":
            if kind in _HEADERISH:
                continue
            state = "body"
        if kind in _STRONG or kind is LineKind.DECREE_NOTE:
            if state != "header":
                start_doc(after_debris(i))
            continue
        if kind is LineKind.TITLE or kind is LineKind.ENCLOSED_TITLE:
            follower = next_kind(i)
            if state == "closed" and expects_enclosure and since_close <= 2 and not (
                kind is LineKind.TITLE and follower in (LineKind.ADDRESSEE, LineKind.DOC_NUMBER, LineKind.METADATA)
            ):
                state = "enclosed"
                continue
            if kind is LineKind.TITLE and state in ("body", "enclosed", "closed") or follower in (
                LineKind.METADATA, LineKind.DOC_NUMBER, LineKind.ADDRESSEE, LineKind.DECREE_NOTE,
            ):
                start_doc(after_debris(i))
            continue
        if kind is LineKind.ADDRESSEE:
            # after a signature, an addressee opens the next notice even when no date followed
            if state in ("closed", "enclosed") or seen_signature or provisional:
                start_doc(ln.start)
            continue
        if kind is LineKind.SIGNATURE:
            seen_signature = seen_signature or not provisional
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


def _is_body_text(s: str, kind: LineKind) -> bool:
    """A line that only a document's body has: a heading, or a sentence of 30 characters or more."""
    return kind is LineKind.HEADING or (kind is LineKind.TEXT and len(s.strip()) >= 30 and any(p in s for p in "。,;，；"))
