"""Logical lines: physical lines joined (a metadata value, a date one part per line) or cut (a
run-on OCR notice)."""

from __future__ import annotations

from typing import Iterator, Sequence, TypeVar

import regex

from ..grammar import Grammar
from .kinds import Line, LineKind, Lines, split_lines
from .rules import segment_rules
from .text import key_only, title_kind

__all__ = ["logical_lines", "runon_bare_title"]

_T = TypeVar("_T")


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
    out: list[Line] = []
    join_lines(text, split_lines(text, start, end), grammar, None, out)
    return out


class LineFacts:
    """Results of the per-line rules of :func:`logical_lines`, by physical line ``(start, end)``.

    Each is a pure function of the line's text, so the documents of an archive, whose lines are
    the archive's lines, look them up instead of running the rules again. A line is asked about
    again only by its neighbours, so each memo holds the last ``LIMIT`` answers at most (one
    entry for every line of a text of short lines was ~50 bytes a character, issue 16).
    """

    __slots__ = ("year", "key_only", "runon")
    LIMIT = 4096

    def __init__(self) -> None:
        self.year: dict[tuple[int, int], bool] = {}
        self.key_only: dict[tuple[int, int], bool] = {}
        self.runon: dict[tuple[int, int], list[int]] = {}

    def remember(self, memo: dict[tuple[int, int], _T], key: tuple[int, int], value: _T) -> _T:
        """Keep ``value`` in ``memo`` (emptied first when full) and return it."""
        if len(memo) >= self.LIMIT:
            memo.clear()
        memo[key] = value
        return value


def join_lines(text: str, physical: Sequence[Line], grammar: Grammar, facts: LineFacts | None, out: list[Line] | Lines | None = None) -> list[Line] | Lines:
    """:func:`logical_lines` of the given physical lines (``facts``: a memo shared across calls),
    appended to ``out`` (a new list by default) and returned."""
    if out is None:
        out = []
    i = 0
    n = len(physical)
    while i < n:
        i = join_at(text, physical, i, grammar, facts, out)
    return out


_LEADING_SPACE = regex.compile(r"\s*")
# A run-on notice line is at least this long (a short notice: 鲁委〔2021〕145号…, 220 characters)
_RUNON_MIN = 200
# … except the text's first line, which is cut only when it opens like a notice (a 版头 and its
# 文号, or a title and its addressee): a short letter run into one line is 174 characters
# (山东省应急管理厅…关于更换电话号码的函省直各部门(单位):…, 山东省能源局会议通知国网山东省电力公司:…, 338)
_RUNON_FIRST_MIN = 60


def join_at(text: str, physical: Sequence[Line], i: int, grammar: Grammar, facts: LineFacts | None, out: list[Line] | Lines) -> int:
    """Append the logical line(s) that start at physical line ``i``; return the next such ``i``."""
    n = len(physical)
    ln = physical[i]
    joined = _joined_value(text, physical, i, grammar, facts, ln, n)
    size = ln.end - ln.start
    if joined != i or size < _RUNON_FIRST_MIN or size < _RUNON_MIN and not _first_text_line(text, ln):
        cuts = []
    elif facts is None:
        cuts = _runon_cuts(text, ln, grammar)
    else:
        key = (ln.start, ln.end)
        found = facts.runon.get(key)
        cuts = found if found is not None else facts.remember(facts.runon, key, _runon_cuts(text, ln, grammar))
    if not cuts and joined == i and _TAIL_MIN <= size <= 160 and text.endswith(")", ln.start, ln.end):
        cuts = _number_tail_cut(text, ln, grammar)
    if not cuts:
        out.append(ln if joined == i else Line(ln.start, physical[joined].end, physical[joined].stop))
    else:
        bounds = [ln.start, *cuts, ln.end]
        out.extend(Line(a, b, b) for a, b in zip(bounds, bounds[1:-1]))
        out.append(Line(bounds[-2], physical[joined].end, physical[joined].stop))
    return joined + 1


# the shortest title with its number in brackets after it: …的通知(国发[2019]5号)
_TAIL_MIN = 14


def _number_tail_cut(text: str, ln: Line, grammar: Grammar) -> list[int]:
    """``[where the number starts]`` for a title line that ends with its own 文号 in brackets:
    福建能源监管办关于征求《…》拟修订和补充条款意见的函（闽监能函〔2018〕148号） (a page dump of the
    NEA Fujian office), …的通知（皖政办秘〔2021〕82号） (北大法宝 titles). The title and the number
    are two lines, so that the number is not read as part of the title."""
    s = text[ln.start : ln.end].rstrip(" \r")
    open_ = s.rfind("(")
    if open_ < 6 or not s.endswith(")"):
        return []
    inner = s[open_ + 1 : -1].strip(" ")
    m = segment_rules(grammar).bracket.match(inner)
    if m is None or m.end() != len(inner):
        return []
    head = s[:open_].rstrip(" ")
    if not head.endswith(segment_rules(grammar).suffixes) or title_kind(head, grammar) is not LineKind.TITLE:
        return []
    return [ln.start + open_]


def _joined_value(
    text: str, physical: Sequence[Line], i: int, grammar: Grammar, facts: LineFacts | None = None, ln: Line | None = None, n: int = -1,
) -> int:
    """Index of the last physical line that belongs with line ``i`` (``i`` when none does).
    ``ln`` and ``n``: ``physical[i]`` and ``len(physical)`` when the caller has them (each is a call on :class:`Lines`)."""
    p = segment_rules(grammar)
    if ln is None:
        ln = physical[i]
    if n < 0:
        n = len(physical)
    if i + 5 < n:
        if facts is None or ln.start == ln.end:  # a blank line is not memoised (1 M of them: 100 MB)
            year = p.split_year.match(text[ln.start : ln.end]) is not None
        else:
            key = (ln.start, ln.end)
            found = facts.year.get(key)
            year = found if found is not None else facts.remember(facts.year, key, p.split_year.match(text[ln.start : ln.end]) is not None)
        if year:
            m = p.date_line.match(text, ln.start, physical[i + 5].end)
            if m and m.end() == physical[i + 5].end:
                return i + 5
    if i + 1 >= n:
        return i
    nxt = physical[i + 1]
    value = text[nxt.start : nxt.end].strip(" \r")
    if not value or len(value) > 60:
        return i
    if facts is None:
        if not key_only(text, ln, grammar) or key_only(text, nxt, grammar):
            return i
    elif not _key_only_fact(text, ln, grammar, facts) or _key_only_fact(text, nxt, grammar, facts):
        return i
    last = i + 1
    fragment = p.value_fragment
    while last + 1 < min(i + 4, n) and fragment.match(text[physical[last + 1].start : physical[last + 1].end]):
        last += 1
    return last


def _key_only_fact(text: str, line: Line, grammar: Grammar, facts: LineFacts) -> bool:
    if line.start == line.end:
        return False  # an empty line holds no key
    key = (line.start, line.end)
    found = facts.key_only.get(key)
    return found if found is not None else facts.remember(facts.key_only, key, key_only(text, line, grammar))


def _runon_cuts(text: str, ln: Line, grammar: Grammar) -> list[int]:
    """Cut points of a run-on notice line, or ``[]`` when the line does not start like a notice.

    A notice starts with its 版头 run into its 文号 (山东省财政厅文件鲁财会〔2021〕13号…); or, with
    no such 版头, with its title (…关于…的函) or its 文号 and then its title (鲁委〔2021〕145号中共
    山东省委…的通知; a telegram's 明电鲁政办发明电〔2021〕1号鲁机发号…) — these two only when an
    addressee line (…各单位:) follows the title, since nothing else marks the line as a notice,
    and only on the first line of the text (a single-line OCR file).
    """
    stop = min(ln.end, ln.start + 200)
    head = grammar.rule("segment.runon_banner").pattern.match(text, ln.start, min(ln.end, ln.start + 160))
    number = segment_rules(grammar).bracket.search(text, ln.start, stop)
    cuts: list[int] = []
    if head is not None and number is not None and number.start() <= head.end() + 2:
        prefix = text[head.start("banner") : head.end("banner")].removesuffix("文件")[:4]
        cuts = [number.start("agency"), number.end()]
        if head.end("banner") < number.start("agency"):
            cuts.insert(0, head.end("banner"))
        # the title ending an addressee follows, else the first ending: 国网人资部关于批复2022年第二批…人选的通知
        # 公司各单位: (国家电网 人资部 OCR) is one title, not 国网人资部关于批复 and a sentence
        addressed = _runon_title_addressee(text, number.end(), min(ln.end, number.end() + 160), grammar)
        title_end = addressed[0] if addressed else _runon_title_end(text, number.end(), min(ln.end, number.end() + 160), grammar)
        if title_end is not None:
            cuts.append(title_end)
            colon = _addressee_end(text, title_end, ln.end, grammar) or listed_addressee_end(text, title_end, ln.end, grammar)
            if colon is not None:
                cuts.append(colon)
    else:
        if text.rfind("\n", 0, ln.start) >= _LEADING_SPACE.match(text).end():
            return []  # only on the text's first line: in an archive, lines that start so are whole
        found = _runon_title_addressee(text, ln.start, min(ln.end, ln.start + 160), grammar)
        pos = ln.start
        if number is not None and number.start() - ln.start <= 120 and (found is None or found[0] > number.start()):
            # the 文号 comes before the title's end: the notice's own, after its issuers' names
            pos = number.end()
            cuts = [number.start("agency"), pos]
            second = grammar.rule("segment.runon_second_number").pattern.match(text, pos, stop)
            if second is not None:
                pos = second.end()
                cuts.append(pos)
            found = _runon_title_addressee(text, pos, min(ln.end, pos + 160), grammar)
        if found is None:
            return []
        cuts.extend(found)
        if head is not None and pos == ln.start and text.startswith(text[head.start("banner") : head.end("banner")], head.end("banner")):
            # the 版头 without 文件, then the title naming the same body: 山东省应急管理厅山东省应急管理厅关于…的函,
            # 山东省住房和城乡建设厅山东省住房和城乡建设厅关于会签…的函 (Shandong OCR of 2020 and 2021)
            cuts.append(head.end("banner"))
        prefix = text[pos : pos + 4] if number is not None and number.start() - ln.start <= 2 else text[ln.start : ln.start + 4]
    body_start = cuts[-1]
    for m in grammar.rule("segment.runon_attachment").pattern.finditer(text, body_start, ln.end):
        cuts.append(m.start())
    note = grammar.rule("segment.runon_public_note").pattern.search(text, body_start, ln.end)
    if note:
        cuts.append(note.start())
    for m in grammar.rule("segment.runon_date").pattern.finditer(text, body_start, ln.end):
        seal = grammar.rule("segment.runon_seal_note").pattern.search(text, max(body_start, m.start() - 34), m.start())
        before = seal.start() if seal else m.start()  # the signature stands before a 代章 note
        sig = text.rfind(prefix, max(body_start, before - 40), before) if len(prefix) == 4 else -1
        if sig < 0:
            continue
        cuts.append(sig)
        if not m.group("printed"):
            cuts.extend((m.start(), m.end()))  # signature | date | what follows
        elif m.end() < ln.end:
            cuts.append(m.end())
    return sorted(c for c in set(cuts) if ln.start < c < ln.end)


def _addressee_end(text: str, start: int, end: int, grammar: Grammar) -> int | None:
    """End (after the colon) of the addressee line that starts at ``start`` in a run-on line."""
    colon = text.find(":", start, min(end, start + 160))
    if colon > 0 and grammar.rule("header.addressee").pattern.match(text[start : colon + 1]):
        return colon + 1
    return None


def listed_addressee_end(text: str, start: int, end: int, grammar: Grammar) -> int | None:
    """End (after the colon) of a 主送 list of short names that starts at ``start``, right after a run-on
    notice's title, with the first paragraph's opening after the colon (``header.addressee_listed``,
    ``header.addressee_opening``: …的批复国网河北电力，国网冀北电力，…：你单位报来的…)."""
    colon = text.find(":", start, min(end, start + 400))
    if colon < 0 or not grammar.rule("header.addressee_opening").pattern.match(text[colon + 1 : min(end, colon + 40)]):
        return None
    return colon + 1 if grammar.rule("header.addressee_listed").pattern.match(text[start : colon + 1]) else None


def _title_ends(text: str, start: int, stop: int, grammar: Grammar) -> Iterator[int]:
    """Ends of a title that starts at ``start`` in a run-on line (…关于…的通知各省…), in order:
    title endings outside 《》 and brackets (…会签《关于印发…的通知》的函: the 通知 inside the
    quoted title is no ending), not followed by 的 (…征求《…》意见的函), where the text so far reads
    as a title."""
    ends = sorted({end for suffix in grammar.table("doctypes", "title_suffix") for end in _ends_of(text, suffix, start, stop)})
    for end in ends:
        piece = text[start:end]
        if text.startswith("的", end):
            continue  # …》意见的函: 意见 is followed by the title's own ending
        if piece.count("《") == piece.count("》") and piece.count("(") == piece.count(")") and title_kind(piece, grammar) is LineKind.TITLE:
            yield end


def _runon_title_end(text: str, start: int, stop: int, grammar: Grammar) -> int | None:
    """End of the title that starts at ``start`` in a run-on line."""
    return next(_title_ends(text, start, stop, grammar), None)


def _runon_title_addressee(text: str, start: int, stop: int, grammar: Grammar) -> list[int] | None:
    """``[title end, addressee end]`` of the first title ending that an addressee line follows;
    failing that, of a title without 关于 (:func:`runon_bare_title`) that one follows."""
    found: list[int] | None = None
    for end in _title_ends(text, start, stop, grammar):
        if found is not None and end >= found[1]:
            break
        colon = _addressee_end(text, end, len(text), grammar)
        if colon is not None and (found is None or colon == found[1]):
            # the last ending before the same colon: 国网人资部关于批复2022年第二批…人选的通知 / 公司各单位:
            # (国家电网 人资部 OCR), not 国网人资部关于批复 / 2022年…的通知公司各单位:
            found = [end, colon]
    if found is not None:
        return found
    for word in grammar.word_list("segment", "runon_bare_title"):
        for end in _ends_of(text, word, start, min(stop, start + _BARE_TITLE_MAX)):
            colon = _addressee_end(text, end, len(text), grammar)
            if colon is not None and runon_bare_title(text, start, end, grammar):
                return [end, colon]
    return None


# A title without 关于 is short: 西安高新区根治拖欠农民工工资工作领导小组办公室工作联系函 (28 characters)
_BARE_TITLE_MAX = 40


def runon_bare_title(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """``text[start:end]`` is the title of a single-line OCR notice that names no matter (no 关于):
    an issuing body (``segment.runon_banner``), then at most a few words and the type
    (``segment`` list ``runon_bare_title``), an addressee line right after it (山东省能源局会议通知
    国网山东省电力公司:…, 中共山东省委省直机关工作委员会通知省直各部门单位机关党委、…:…,
    西安高新区根治拖欠农民工工资工作领导小组办公室工作联系函国网陕西省电力公司:…)."""
    piece = text[start:end]
    if not 6 <= len(piece) <= _BARE_TITLE_MAX or any(c in piece for c in "。,;:《“("):
        return False
    if not piece.endswith(grammar.word_list("segment", "runon_bare_title")):
        return False
    head = grammar.rule("segment.runon_banner").pattern.match(piece)
    return head is not None and _addressee_end(text, end, len(text), grammar) is not None


def _first_text_line(text: str, ln: Line) -> bool:
    """``ln`` is the first line of the text with anything on it."""
    lead = _LEADING_SPACE.match(text)
    return text.rfind("\n", 0, ln.start) < (lead.end() if lead is not None else 0)


def _ends_of(text: str, word: str, start: int, stop: int) -> list[int]:
    found, at = [], text.find(word, start, stop)
    while at >= 0:
        found.append(at + len(word))
        at = text.find(word, at + 1, stop)
    return found
