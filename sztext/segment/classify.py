"""The kind of one line: by the ``header``, ``docnumber`` and ``segment`` rules, and by its neighbours."""

from __future__ import annotations

import regex

from ..grammar import Grammar
from .kinds import Line, LineKind, split_lines  # noqa: F401 (split_lines: in the doctest)
from .lines import listed_addressee_end, logical_lines, runon_bare_title
from .rules import segment_rules, may, starts_heading
from .text import (
    debris_end,
    is_physical,
    key_only,
    line_after,
    line_before,
    unspaced,
    without_paren_tail,
    recent_memo,
    title_kind,
)

__all__ = ["classify", "runon_head", "title_number_head"]


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
    if kind is LineKind.SIGNATURE and _named_again_by_title(text, line, grammar):
        return LineKind.METADATA, None
    # whether the line is a whole line of the text, read once (the tests below ask it up to four times)
    physical = kind in _CONTEXT_KINDS and is_physical(text, line)  # (TEXT is one of them)
    if kind is LineKind.TEXT and not physical and runon_bare_title(text, line.start, line.end, grammar):
        return LineKind.TITLE, None
    if kind is LineKind.TEXT and not physical and listed_addressee_end(text, line.start, min(len(text), line.end + 40), grammar) == line.end:
        return LineKind.ADDRESSEE, None  # a run-on notice's 主送 list cut at its colon (国网河北电力，…，国网宁夏电力：你单位…)
    if kind is LineKind.TEXT and physical and _single_addressee(text, line, grammar):
        return LineKind.ADDRESSEE, None  # 北京工业大学： over 《关于报送…的函》…收悉 (devcorpus 0075)
    if kind in _CONTEXT_KINDS and physical:
        stripped = text[line.start : line.end].strip(" \r")
        if len(stripped) <= 60 and "。" not in stripped:
            if _is_metadata_value(text, line, stripped, grammar):
                return LineKind.METADATA, None
            if kind is not LineKind.TITLE and _in_title_group(text, line, grammar):
                return LineKind.TITLE, None
            if kind is LineKind.SIGNATURE and _is_banner_run(text, line, grammar):
                return LineKind.TITLE, None
            if kind in (LineKind.TEXT, LineKind.ENCLOSED_TITLE) and _titles_addressee(text, line, stripped, grammar):
                return LineKind.TITLE, None
            if kind is LineKind.TEXT and line.start < _OPENING and _in_opening_title(text, line, grammar):
                return LineKind.ENCLOSED_TITLE, None
            if kind is LineKind.TEXT and line.start < _OPENING:
                prev = line_before(text, line.start)
                if prev is not None and not text[prev.start : prev.end].strip(" \r\u3000"):
                    prev = line_before(text, prev.start)  # one blank line between the pieces
                if prev is not None and _in_opening_title(text, prev, grammar):
                    return LineKind.ENCLOSED_TITLE, None
    if kind is LineKind.HEADING and _continues_attachment_list(text, line, grammar):
        return LineKind.ATTACHMENT, None
    return kind, m


def _continues_attachment_list(text: str, line: Line, grammar: Grammar) -> bool:
    """``2.各区发展改革委联系方式`` under ``附件：1.申报项目信息表`` is the attachment list, not an
    outline item (corpus 0020, 0024, 0044)."""
    if line.end - line.start > 80 or not is_physical(text, line):
        return False
    p = segment_rules(grammar)
    item, head = p.list_item, p.list_head
    m = item.match(text[line.start : line.end])
    if m is None:
        return False
    expected = int(m.group("num")) - 1
    prev = line_before(text, line.start)
    while prev is not None and expected >= 1:
        piece = text[prev.start : prev.end]
        if expected == 1 and head.match(piece):
            return True
        m = item.match(piece)
        if m is None or int(m.group("num")) != expected or len(piece) > 80:
            return False
        expected -= 1
        prev = line_before(text, prev.start)
    return False


def _number_follows(text: str, line: Line, grammar: Grammar) -> bool:
    """A document number starts the next line (or right after a cut of a run-on line)."""
    head = text[line.stop : line.stop + 40]
    at = line.stop + len(head) - len(head.lstrip(" \n"))
    return segment_rules(grammar).bracket.match(text, at, min(len(text), at + 40)) is not None


def _named_again_by_title(text: str, line: Line, grammar: Grammar) -> bool:
    """A 版头 without 文件 (the body's name alone) right above a title that opens with the same
    name: 山东省应急管理厅 / 山东省应急管理厅关于更换电话号码的函, 山东省住房和城乡建设厅 /
    山东省住房和城乡建设厅关于会签…的函 (single-line OCR cut by :func:`logical_lines`)."""
    name = text[line.start : line.end].strip(" \r")
    at = line.stop
    while at < len(text) and text[at] in " \r\n":
        at += 1
    if not text.startswith(name, at):
        return False
    nl = text.find("\n", at)
    nxt = Line(at, len(text) if nl < 0 else nl, len(text) if nl < 0 else nl + 1)
    for cut in _next_cut(text, at, grammar):
        nxt = Line(at, cut, cut)
    return _classify_alone(text, nxt, grammar)[0] is LineKind.TITLE


def _next_cut(text: str, at: int, grammar: Grammar) -> list[int]:
    """The end of the logical line that starts at ``at`` when a run-on line is cut there."""
    nl = text.find("\n", at)
    piece_end = len(text) if nl < 0 else nl
    for ln in logical_lines(text, grammar, text.rfind("\n", 0, at) + 1, piece_end):
        if ln.start == at:
            return [ln.end]
    return []


def _is_banner_run(text: str, line: Line, grammar: Grammar) -> bool:
    """Issuing bodies listed above a title that names none (重庆市… / 重庆市财政局 / … / 关于印发…, corpus 0042, 0025;
    国务院办公厅 / 关于湖北省在温家宝总理考察工作时 / 所提问题和建议办理情况的函, devcorpus 0015): the issuer
    lines are the first lines of the title (issue 14: joint documents print every issuer). A page dump that puts a
    blank line after every line prints them so too (中共重庆市永川区来苏镇委员会 / 重庆市永川区来苏镇人民政府 / 关于印发…的通知,
    one blank line between, tests/devcorpus/extra e159; the same layout in extra e144, e151): one blank line between
    two lines is read over."""
    nxt = line_after(text, line)
    for _ in range(6):
        if nxt is not None and not text[nxt.start : nxt.end].strip(" \r"):
            nxt = line_after(text, nxt)  # one blank line between
        if nxt is None:
            return False
        kind = _classify_alone(text, nxt, grammar)[0]
        if kind is not LineKind.SIGNATURE:
            head = text[nxt.start : nxt.end].lstrip(" ")
            return head.startswith("关于") and (kind is LineKind.TITLE or _in_title_group(text, nxt, grammar))
        nxt = line_after(text, nxt)
    return False


def _single_addressee(text: str, line: Line, grammar: Grammar) -> bool:
    """A line naming one body that header.addressee does not read (``header.addressee_single``: 北京工业大学：),
    with the first paragraph's opening on the next non-blank line (``header.addressee_opening``)."""
    if line.end - line.start > 40 or not grammar.rule("header.addressee_single").pattern.match(text[line.start : line.end]):
        return False
    nxt = line_after(text, line)
    for _ in range(3):  # up to two blank lines between (a 北大法宝 cell)
        if nxt is None or text[nxt.start : nxt.end].strip(" \r"):
            break
        nxt = line_after(text, nxt)
    return nxt is not None and bool(grammar.rule("header.addressee_opening").pattern.match(text[nxt.start : nxt.end]))


def _titles_addressee(text: str, line: Line, stripped: str, grammar: Grammar) -> bool:
    """A line ending like a title above an addressee is a title, even without 关于 (corpus 0041)."""
    bare = without_paren_tail(stripped)
    if len(bare) < 6 or not bare.endswith(segment_rules(grammar).suffixes):
        return False
    nxt = line_after(text, line)
    return nxt is not None and _classify_alone(text, nxt, grammar)[0] is LineKind.ADDRESSEE


def _classify_alone(text: str, line: Line, grammar: Grammar) -> tuple[LineKind, regex.Match[str] | None]:
    """Classify one view line on its own (a function of ``text[line.start:line.end]``, kept in
    :func:`~sztext.segment.text.recent_memo`: the context tests ask it about the neighbours)."""
    s = text[line.start : line.end]
    memo = recent_memo(text, grammar)
    key = ("alone", s)
    found: tuple[LineKind, regex.Match[str] | None] | None = memo.get(key)
    if found is None:
        found = memo[key] = _classify_line(s, grammar)
    return found


def _classify_line(s: str, grammar: Grammar) -> tuple[LineKind, regex.Match[str] | None]:
    """The kind of a line's text on its own, and the match of the rule that gave it."""
    stripped = s.strip(" \r")
    if not stripped:
        return LineKind.BLANK, None
    p = segment_rules(grammar)
    found = p.early.first(s)
    if found is not None:
        return found
    if debris_end(stripped, grammar) == len(stripped):
        return LineKind.DEBRIS, None
    m = p.titled_decree_note_check.find(s) if may(p.titled_decree_note, s) else None
    if m:
        return LineKind.DECREE_NOTE, m
    m = p.glued_metadata.pattern.match(s) if may(p.glued_metadata, s) else None
    if m:
        return LineKind.METADATA, m
    m = _doc_number_line(stripped, grammar)
    if m is not None:
        return LineKind.DOC_NUMBER, m
    if len(stripped) <= 30 and stripped.endswith("令") and "第" not in stripped:
        return LineKind.DECREE_HEAD, None
    if starts_heading(s, grammar):
        # any line-start style of headings.toml; tested before the title shapes, which read the
        # line without its spaces (第二编 保障措施 is a heading, 第二编保障措施 would not be)
        return LineKind.HEADING, None
    titled = title_kind(unspaced(stripped), grammar)
    if titled is not None:
        return titled, None
    if stripped.endswith("号") and _title_before_number(stripped, grammar):
        return LineKind.TITLE, None
    found = p.late.first(s)
    if found is not None:
        return found
    return LineKind.TEXT, None


# Kinds a neighbour may turn into METADATA (a value line) or TITLE (a piece of a broken title).
_CONTEXT_KINDS = frozenset({LineKind.TEXT, LineKind.SIGNATURE, LineKind.ENCLOSED_TITLE, LineKind.DOC_NUMBER, LineKind.TITLE, LineKind.HEADING})


def _is_metadata_value(text: str, line: Line, stripped: str, grammar: Grammar) -> bool:
    """The line is the value of the key on the line before, or a later piece of a split value."""
    prev = line_before(text, line.start)
    fragment: bool | None = None  # the line is a piece of a split value: asked only for a key further up
    for back in range(3):  # 京发改 / 〔2026〕 / 341号: the key at most three lines up
        if back and fragment is None:
            fragment = segment_rules(grammar).value_fragment.match(stripped) is not None
        if prev is None or (back and not fragment):
            return False
        if key_only(text, prev, grammar):
            return True
        piece = text[prev.start : prev.end].strip(" \r")
        if not piece or len(piece) > 20 or "。" in piece:
            return False
        prev = line_before(text, prev.start)
    return False


def _issuers_of_title(text: str, line: Line, grammar: Grammar) -> bool:
    """Bodies joined by 、 opening a title (国务院办公厅、中央军委办公厅 / 关于…, corpus 0011), not a list (0042)."""
    if " " in text[line.start : line.end].strip(" \r"):
        return False
    prev = line_before(text, line.start)
    return prev is None or _classify_alone(text, prev, grammar)[0] is not LineKind.SIGNATURE


def _after_blanks(text: str, line: Line | None) -> Line | None:
    """The next line after ``line``, over up to ``_TITLE_GAP`` blank lines."""
    nxt = line_after(text, line) if line is not None else None
    for _ in range(_TITLE_GAP):
        if nxt is None or text[nxt.start : nxt.end].strip(" \r\u3000"):
            return nxt
        nxt = line_after(text, nxt)
    return nxt


def _before_blanks(text: str, start: int) -> Line | None:
    """The line before the one starting at ``start``, over up to ``_TITLE_GAP`` blank lines."""
    prev = line_before(text, start)
    for _ in range(_TITLE_GAP):
        if prev is None or text[prev.start : prev.end].strip(" \r\u3000"):
            return prev
        prev = line_before(text, prev.start)
    return prev


# The pieces of a title that a page dump or PDF text prints with blank lines between them (<br><br>,
# one paragraph a line) are read as one title over up to this many blank lines: 吉林省人民政府办公厅关于印发 /
# 吉林省第三个十年绿化美化吉林大地规划 / (2021-2030年)的通知 (吉林省人民政府办公厅 信息公开 page, tests/devcorpus/
# extra e102), 关于印发《新疆维吾尔自治区关于进一步 / 做好稳就业工作的实施意见》的通知 (新疆维吾尔自治区人民政府, PDF
# text reposted by the 阿拉山口 site, e109)
_TITLE_GAP = 3


def _in_title_group(text: str, line: Line, grammar: Grammar) -> bool:
    """The line belongs to two or three consecutive short lines (blank lines between allowed,
    ``_TITLE_GAP``) that together make a title."""
    n1 = _after_blanks(text, line)
    n2 = _after_blanks(text, n1) if n1 is not None else None
    after = [ln for ln in (line, n1, n2) if ln is not None]
    later = [text[ln.start : ln.end].strip(" \r") for ln in after]
    # a group ends in a piece that ends like a title (this line or one of the next two): tested
    # once per piece, and most lines have none, so the lines before are read only after
    suffixes = segment_rules(grammar).suffixes
    later_ends = [
        # without a ")" or a space the piece is its own bare, unspaced form (most pieces)
        piece.endswith(suffixes) if ")" not in piece and " " not in piece else unspaced(without_paren_tail(piece)).endswith(suffixes)
        for piece in later
    ]
    if not any(later_ends):
        return False
    p1 = _before_blanks(text, line.start)
    p2 = _before_blanks(text, p1.start) if p1 is not None else None
    before = [ln for ln in (p2, p1) if ln is not None]
    window = [*before, *after]
    me = len(before)
    pieces = [text[ln.start : ln.end].strip(" \r") for ln in before] + later
    ends = {me + k: e for k, e in enumerate(later_ends)}
    for first in range(max(0, me - 2), me + 1):
        for last in range(max(me, first + 1), min(len(window), first + 3)):
            if not ends[last]:
                continue
            group = pieces[first : last + 1]
            if any(not p or len(p) > 60 or "。" in p or p.endswith((":", ",", ";")) for p in group):
                continue
            if len(unspaced(group[0])) < 8:
                continue  # 关于我们 / 网站地图 / 建议意见 is a menu, not a title (corpus 0044)
            if title_kind(unspaced(group[0]), grammar) is not None:
                continue  # the first piece is a title on its own
            joined = unspaced("".join(group))
            if title_kind(joined, grammar) is not LineKind.TITLE:
                continue
            kinds = [_classify_alone(text, window[k], grammar)[0] for k in range(first, last + 1)]
            if kinds[0] is LineKind.SIGNATURE and _issuers_of_title(text, window[first], grammar):
                kinds[0] = LineKind.TEXT
            if all(k in (LineKind.TEXT, LineKind.ENCLOSED_TITLE, LineKind.HEADING) for k in kinds):
                return True
    return False


# A text's own title broken over its first two lines starts within this many characters of the text
_OPENING = 200


def _in_opening_title(text: str, line: Line, grammar: Grammar) -> bool:
    """The line is the first piece of a text's own title broken over its first two non-blank
    lines, a blank line between them or not: 青岛市支持省级数字经济园区建设等 / 奖补政策实施细则 (北大法宝
    body cell, 青岛市 2022, devcorpus 0145), 石化行业智能制造标准体系 / 建设指南 (工业和信息化部办公厅 2022,
    0069). Only the text's first line: elsewhere two short lines are any two lines."""
    if text[: line.start].strip():
        return False
    nxt = line_after(text, line)
    if nxt is not None and not text[nxt.start : nxt.end].strip(" \r\u3000"):
        nxt = line_after(text, nxt)  # one blank line between the pieces
    if nxt is None:
        return False
    first = unspaced(text[line.start : line.end].strip(" \r\u3000"))
    second = unspaced(text[nxt.start : nxt.end].strip(" \r\u3000"))
    if not (8 <= len(first) <= 40 and 4 <= len(second) <= 40) or any(c in first + second for c in "。:;,"):
        return False
    if title_kind(first, grammar) is not None or starts_heading(second, grammar):
        return False
    return title_kind(first + second, grammar) is LineKind.ENCLOSED_TITLE


def _title_before_number(stripped: str, grammar: Grammar) -> bool:
    """A title with its document number appended on the same line: 国务院关于加强环境保护重点工作的意见 国发〔2011〕35号,
    国务院办公厅关于修复贵州省生态环境问题的复函国办函〔2004〕20号 (gov.cn texts run together, A01 archive),
    …的通知（皖政办秘〔2021〕82号） (北大法宝 titles). The cut is tried after each title suffix."""
    if len(stripped) > 160:
        return False
    suffixes = segment_rules(grammar).suffixes
    for i in range(len(stripped) - 4, 5, -1):
        head = stripped[:i].rstrip(" ")
        if not head.endswith(suffixes):
            continue
        rest = stripped[i:].strip(" ")
        if _doc_number_line(rest, grammar) is not None and title_kind(unspaced(head), grammar) is LineKind.TITLE:
            return True
    return False


def title_number_head(s: str, grammar: Grammar) -> bool:
    """A line that opens with a title and its document number, the rest of the document run on
    after them: 国务院关于落实科学发展观加强环境保护的决定国发〔2005〕39号各省… (gov.cn texts joined
    into one line per document, A01 archive), 国函〔1999〕134号 批复 on one line, and the same
    shape in single-line OCR (鲁政办发〔2021〕… after its title)."""
    stripped = s.strip(" \r")
    head = stripped[:200]
    if "号" not in head or len(stripped) <= len(head) and stripped.endswith("号"):
        return False
    p = segment_rules(grammar)
    for i in range(6, len(head) - 3):
        if not head[:i].endswith(p.suffixes):
            continue
        rest = stripped[i:].lstrip(" ")
        if any(rule.pattern.match(rest[:40]) for rule in p.number_rules if may(rule, rest[:40])):
            if title_kind(unspaced(head[:i]), grammar) is LineKind.TITLE:
                return True
    return False


def runon_head(s: str, grammar: Grammar) -> bool:
    """A single-line OCR notice opening with its own header, the whole document run into one
    line: a 版头 and a 文号 before a title (山东省扶贫开发领导组文件鲁扶贫组字[2021]1号山东省…关于…的通知各市…,
    中共山东省委保密委员会办公室山东省国家保密局鲁密办(局)函[2021]5号关于…的通知, 鲁委[2021]145号中共山东省委
    山东省人民政府关于…的通知), or a title run into its addressee (山东省应急管理厅关于商请会签…的函省发展和改革委、…:,
    国家能源局山东监管办公室关于报送…的函国网山东省电力公司:为落实…), or a decree's number run into
    its text (中华人民共和国国务院令第 475 号  《…条例》已经…通过)."""
    stripped = s.strip(" \r")
    if len(stripped) < 60:
        return False
    head = stripped[:300]
    p = segment_rules(grammar)
    if any(word in head[:40] for word in p.drafting_form):
        return False  # the draft a 会签 letter encloses, not a document of its own
    suffixes = p.suffixes
    decree = p.decree.match(head) if "令" in head[:40] else None
    if decree is not None and head[decree.end() :].lstrip(" \u3000").startswith("《"):
        return True  # 中华人民共和国国务院令第 623 号  《气象设施和气象探测环境保护条例》已经…通过,现予公布 (A01)
    if "号" in head[:100] and may(p.number_rules[0], head[:100]):
        m = p.bracket.search(head, 0, 100)
        if m is not None and not any(c in head[: m.start()] for c in "。,;:《“"):
            rest = head[m.end() :]
            for i in range(6, min(len(rest), 160)):
                if rest[:i].endswith(suffixes) and title_kind(unspaced(rest[:i]), grammar) is LineKind.TITLE:
                    return True
    colon = head.find(":")
    if colon < 8 or any(c in head[:colon] for c in "。;"):
        return False
    for i in range(6, colon - 2):
        if not head[:i].endswith(suffixes):
            continue
        about = head.find("关于", 0, i)
        if about > 0 and "," in head[:about] and "《" in head[:about]:
            # a sentence citing a title: 根据审判实践需要,经…对《最高人民法院关于…》等二十九件司法解释等作如下修改:
            # (最高人民法院 2020); a title may have either alone: 山东省乡村振兴局征求《关于…》意见的函,
            # 中共山东省委办公厅发电等级特急,明电…关于…的通知 (Shandong OCR)
            break
        tail = head[i : colon + 1]
        if tail.startswith(p.countersign_draft):
            return False  # the draft a 会签 letter encloses (…的通知(会签稿)各专项小组成员单位:), not a document of its own
        # the addressee: by the addressee rule, or a short run of names with no sentence mark
        # (省有关部门、单位: after …的函, Shandong OCR of 2020 and 2021)
        named = p.addressee.match(tail) is not None or 3 <= len(tail) <= 41 and not any(c in tail for c in "。,;《》“”")
        if named and title_kind(unspaced(head[:i]), grammar) is LineKind.TITLE:
            return True
        if i <= colon and runon_bare_title(head, 0, i, grammar):
            return True  # 山东省能源局会议通知国网山东省电力公司:… glued after another text (a title without 关于)
    return False


def _doc_number_line(stripped: str, grammar: Grammar) -> regex.Match[str] | None:
    """A line that is a document number, possibly after image debris (``a.png深府办函〔2022〕71号``)."""
    if len(stripped) > 40:
        return None
    p = segment_rules(grammar)
    debris = p.image_debris.pattern.match(stripped) if may(p.image_debris, stripped) else None
    rest = stripped[debris.end() :] if debris else stripped
    bracketed = rest.startswith("(") and rest.endswith(")")
    if bracketed:
        rest = rest[1:-1].strip()  # （医保办函〔2025〕82 号） under the title (corpus 0039)
    for rule in p.number_rules:
        m = rule.pattern.match(rest) if may(rule, rest) else None
        tail = rest[m.end() :].strip() if m else ""
        if m and (not tail or grammar.rule("header.sign_off").pattern.fullmatch(tail)):  # 鲁政字〔2021〕5号 签发人：张三 (GB/T 9704 7.2.6)
            return m
        if m and bracketed and grammar.rule("header.number_date_tail").pattern.fullmatch(tail):
            return m  # (赣府字〔2010〕37号 2010年3月22日): the 文号 and the date in one bracket (header.title_date)
    return None
