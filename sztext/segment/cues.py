"""Line cues of a document's start or end that the archive's state machine reads
(:func:`sztext.segment.archive.segment_archive`): a cover page, a whole text run into one line, a
Markdown title, an interview's title, a lone table cell, a title piece, body text."""

from __future__ import annotations

from typing import Iterator, Sequence

from ..chars import squash
from ..grammar import Grammar, Rule
from ..normalize import Edit, TextView
from .kinds import Line, LineKind
from .rules import AtStart, Prepared, segment_rules, may

__all__: list[str] = []

STRONG = {LineKind.METADATA, LineKind.DOC_NUMBER, LineKind.DECREE_HEAD}
HEADERISH = STRONG | {
    LineKind.TITLE, LineKind.ENCLOSED_TITLE, LineKind.ADDRESSEE, LineKind.DECREE_NOTE, LineKind.BLANK, LineKind.DEBRIS,
}


COVER_KINDS = {LineKind.TEXT, LineKind.HEADING, LineKind.TITLE, LineKind.ENCLOSED_TITLE, LineKind.ATTACHMENT}
_COVER_LINES = 7  # lines of a cover page after its title, up to its 前言 or 目录


def cover_opens_at(text: str, lines: Sequence[Line], kinds: list[LineKind], i: int, prep: Prepared) -> int:
    """Where a cover page opens at line ``i``, or -1.

    A cover is a title at the top of a page (its first piece on line ``i``, after a page number line,
    after a page number the PDF text glued to it, or after the last sentence of the previous text),
    then short lines on the same page with no sentence (more title
    pieces, 附件 N, an issuer) holding a cover mark (segment.cover_mark: （试行）, （草案）, 征求意见稿, a
    date or period), and then the front matter (segment.front_matter: 前言, 目录), within
    _COVER_LINES lines. A02: 北京市国土空间生态修复规划 / （2021 年-2035 年） / （草案） / 北京市规划和自然资源委员会 /
    2021 年 9 月 前言 (北京市规划和自然资源委员会); 市级国土空间总体规划编制指南 / （试行） / 征求意见稿 / 自然资源部 /
    二〇二〇年八月 / 前言 (自然资源部); …施行。 上海市国民经济和社会发展第十四个五年规划 / 和二〇三五年远景目标纲要 /
    2021 年 1 月 27 日上海市第十五届 / 人民代表大会第五次会议批准目 录 (上海市人民代表大会).
    """
    ln = lines[i]
    s = text[ln.start : ln.end]
    at = -1
    lead = prep.page_number_lead.pattern.match(s)
    if lead is not None:
        at = lead.end()  # 31 北京市国土空间生态修复规划
    elif s.rfind("。") >= 0:
        at = s.rfind("。") + 1  # …本办法自 2012 年 2 月 1 日起施行。 上海市国民经济和社会发展第十四个五年规划
    else:
        k = i - 1
        while k >= 0 and kinds[k] is LineKind.BLANK:
            k -= 1
        if k >= 0 and prep.page_number_line.pattern.match(text[lines[k].start : lines[k].end]) is not None:
            at = 0  # the first line of a page (13 / 市级国土空间总体规划编制指南)
    if at < 0:
        return -1
    while at < len(s) and s[at] in " \u3000":
        at += 1
    head = s[at:]
    label = prep.attachment_label.pattern.match(head) is not None
    if not label and not title_piece(head):
        return -1
    marked = titled = False
    seen = 0
    for j in range(i + 1, min(len(lines), i + 80)):  # a cover page's blank lines do not count
        if kinds[j] is LineKind.BLANK:
            continue
        seen += 1
        if seen > _COVER_LINES:
            return -1
        t = text[lines[j].start : lines[j].end].strip(" \r\u3000")
        if len(t) > 40 or any(c in t for c in "。,;"):
            return -1
        if prep.page_number_lead.pattern.match(t) or prep.page_number_line.pattern.match(t):
            return -1  # a cover is one page
        if label and not titled:
            if not title_piece(t):
                return -1
            titled = True
            continue
        marked = marked or prep.cover_mark.pattern.match(t) is not None
        if prep.front_matter.pattern.search(t) is not None:
            return ln.start + at if marked else -1
    return -1


_UNDECODABLE_LINES = 12  # lines after a page's end that must be undecodable for a cover page of them
_UNDECODABLE_SCAN = 2000  # lines an undecodable run is followed through (A02: about 400 lines, blank ones included)


def _undecodable(s: str, rule: Rule) -> bool:
    """A line the PDF text could not decode: at most three Han characters (书书书!"#"123#) and half or more of it
    undecodable glyphs (segment.undecodable_glyph: (cid:31), !"#$%&), or one character alone (a watermark set one
    character per line: 北 / 京 / 市 / …)."""
    t = s.strip(" \r\u3000")
    if not t:
        return False
    if len(t) == 1:
        return True
    if sum(1 for c in t if "\u4e00" <= c <= "\u9fff") > 3:
        return False  # text (a contents line's dot leaders are no glyphs)
    covered = sum(m.end() - m.start() for m in rule.pattern.finditer(t)) if may(rule, t) else 0
    return covered * 2 >= len(t)


def undecodable_cover_at(text: str, lines: Sequence[Line], kinds: list[LineKind], i: int, prep: Prepared) -> int:
    """Where a cover page printed in undecodable glyphs opens at line ``i`` (after the page numbers
    of the previous text's last page glued to it), or -1: the line and at least the next
    _UNDECODABLE_LINES lines are undecodable, and the readable lines after the run hold a cover mark
    (segment.cover_mark) among their first 14, as the cover goes on in decodable type. A02: 36 (cid:31)(cid:31)(cid:31)… (北京市地方标准
    地震安全韧性城市建设导则, DB11/T); 3 0 3 1 !"#$%&’()*+, / 报 / -./0!!"#"123#45678# / 公 / 府 / … (北京市生态安全
    格局专项规划, 北京市规划和自然资源委员会, over the watermark 北京市人民政府公报)."""
    rule = prep.undecodable_glyph
    s = text[lines[i].start : lines[i].end]
    lead = prep.page_numbers_lead.pattern.match(s)
    if lead is None:
        return -1
    at: int = lead.end()
    if not _undecodable(s[at:], rule) or len(s[at:].strip()) < 4:
        return -1
    seen = 0
    j = i + 1
    while j < len(lines) and j < i + _UNDECODABLE_SCAN:
        if kinds[j] is not LineKind.BLANK:
            if not _undecodable(text[lines[j].start : lines[j].end], rule):
                break
            seen += 1
        j += 1
    if seen < _UNDECODABLE_LINES:
        return -1
    # the cover's decodable lines follow: a cover mark among the first of them ((草案), (征求意见稿), a period)
    readable = 0
    while j < len(lines) and readable < _COVER_LINES * 2:
        if kinds[j] is not LineKind.BLANK:
            readable += 1
            t = text[lines[j].start : lines[j].end].strip(" \r\u3000")
            if prep.cover_mark.pattern.match(t) is not None:
                return lines[i].start + at
        j += 1
    return -1


_RUN_ON_ITEM = 500  # characters: a line this long that ends a sentence holds a whole text (A01 news items: 585 and more)


def whole_item(s: str) -> bool:
    """A line that holds a whole text run into one line: long, and ending a sentence (or a byline)."""
    t = s.rstrip(" \r\u3000\xa0")
    return len(t) >= _RUN_ON_ITEM and t[-1:] in ("。", "!", "?", "”", ")")


def interview_title(s: str, rule: Rule) -> int:
    """Where the title of an interview (…有关负责人就《…》答记者问) that opens the line ends, or 0."""
    if not may(rule, s):
        return 0
    m = rule.pattern.match(s)
    return m.end() if m else 0


def _line_start_edits(view: TextView, rule_id: str) -> Iterator[Edit]:
    """The view's edits by one noise rule that start a source line."""
    source = view.source
    for e in view.edits:
        if e.rule_id == rule_id and (e.start == 0 or source[e.start - 1] == "\n"):
            yield e


def markdown_titles(view: TextView, grammar: Grammar) -> frozenset[int]:
    """The view starts of the lines a Markdown rendering marks as level-1 headings (``# 标题``):
    where the view lost a heading mark (noise.markdown_heading) that ``segment.markdown_title``
    takes for level 1, at the start of a source line."""
    rule = segment_rules(grammar).markdown_title
    source = view.source
    out = set()
    for e in _line_start_edits(view, "noise.markdown_heading"):
        if rule.pattern.match(source[e.start : e.end + 1]) is not None:
            out.add(view.to_view(view.offset + e.end))  # an edit indexes source, not the whole text
    return frozenset(out)


def page_end_widgets(view: TextView, grammar: Grammar) -> frozenset[int]:
    """The view starts of the lines the view emptied of a page's closing widget (segment.page_end_widget:
    扫一扫在手机打开当前页, 分享：, removed as noise.widget_line): a page end the line table sees only as a blank line."""
    rule = segment_rules(grammar).page_end_widget
    source = view.source
    out = set()
    for e in _line_start_edits(view, "noise.widget_line"):
        line_end = source.find("\n", e.end)
        line = source[e.start : line_end if line_end >= 0 else len(source)]
        if may(rule, line) and rule.pattern.match(line) is not None:
            out.add(view.to_view(view.offset + e.start))  # an edit indexes source, not the whole text
    return frozenset(out)


def lone_cell(text: str, line: Line, kind: LineKind, follower: LineKind) -> bool:
    """A line of a table that only looks like a document's first line: a doc type alone (命令,
    in a code table of 公文种类, A02), or one metadata line (分类  韧性类别) among text lines,
    where a real metadata block has a second line, a title or a number after it."""
    s = text[line.start : line.end].strip(" \r\u3000")
    if kind is LineKind.DECREE_HEAD:
        return len(s) < 4
    if kind is LineKind.METADATA:
        return follower not in HEADERISH and len(s) <= 12
    return False


def standard_cover(s: str, rule: Rule) -> int:
    """Where a standard's cover starts in the line (its ICS line), or -1."""
    if not may(rule, s):
        return -1
    m = rule.pattern.match(s)
    return m.start("ics") if m else -1


def title_piece(s: str, longest: int = 40) -> bool:
    """A short line with no sentence mark: it may be (the first piece of) a title."""
    t = s.strip(" \r\u3000")
    return 4 <= len(t) <= longest and not any(c in t for c in "。,;:!?") and ("、" not in t or longest > 40)


def opens_decree(text: str, line: Line, kind: LineKind) -> bool:
    """A decree's head: 中华人民共和国国务院令 alone, or with its number (…国务院令第693号, 深圳市人民政府令第310号)."""
    return kind is LineKind.DECREE_HEAD or kind is LineKind.DOC_NUMBER and "令" in text[line.start : line.end]


def is_body_text(s: str, kind: LineKind, link: Rule) -> bool:
    """A line that only a document's body has: a heading, or a sentence of 30 characters or more
    (Markdown links left out: a page's menu rendered as Markdown is no sentence)."""
    if kind is LineKind.HEADING:
        return True
    if kind is not LineKind.TEXT:
        return False
    if may(link, s):
        s = link.pattern.sub("", s)
    return len(s.strip()) >= 30 and any(p in s for p in "。,;，；")


_REPRINT_LINE = 20  # characters of a line that counts when comparing texts
_REPRINT_LINES = 3  # lines after a candidate start printed already in the current document: the same text again
_REPRINT_LOOK = 12  # lines after a candidate start compared
_REPRINT_BACK = 4000  # lines of the current document compared (a longer one is not searched further back)


def comparable_text(s: str) -> str:
    """A line's characters without spaces or book-title marks (《》), for comparing titles and paragraphs."""
    return squash(s).replace("《", "").replace("》", "")


def printed_again(text: str, lines: Sequence[Line], kinds: list[LineKind], doc_first: int, i: int) -> bool:
    """The text from line ``i`` on is the current document (begun at line ``doc_first``) printed again:
    _REPRINT_LINES of the _REPRINT_LOOK lines from ``i`` on (of _REPRINT_LINE characters or more) are
    lines the document printed already. A 北大法宝 body cell that holds the body and then the whole text
    again, its title printed twice over its 文号, the same addressee and paragraphs (各省、自治区、直辖市及
    计划单列市、新疆生产建设兵团市场监管局（厅、委）…: / 优先试点已发布、研制中的国家标准…, 市场监管总局办公厅、
    工业和信息化部办公厅, devcorpus 0091). Sibling notices of one issuer share an opening sentence
    (随着我国临床医学的发展…, 卫生部 1994–2009, corpus 0041) or an addressee (各区人民政府，市政府直属各单位：,
    深圳市人民政府, seed 004), not three lines."""
    def key(j: int) -> str:
        return comparable_text(text[lines[j].start : lines[j].end]) if kinds[j] is not LineKind.BLANK else ""

    ahead = {k for j in range(i, min(len(lines), i + _REPRINT_LOOK)) if len(k := key(j)) >= _REPRINT_LINE}
    if len(ahead) < _REPRINT_LINES:
        return False
    seen = 0
    for j in range(max(doc_first, i - _REPRINT_BACK), i):
        k = key(j)
        if len(k) >= _REPRINT_LINE and k in ahead:
            ahead.discard(k)
            seen += 1
            if seen >= _REPRINT_LINES:
                return True
    return False


def attachment_name(s: str, label: Rule, item: AtStart) -> str:
    """The squashed name an attachment list line gives (附件：1. 智能制造标准应用试点实施方案 → 智能制造标准应用试点实施方案;
    2. 智能制造…申报书; 附件：关于强化…的通知), or "" when the line names none."""
    m = label.pattern.match(s) if may(label, s) else None
    rest = s[m.end() :] if m is not None else s
    n = item.pattern.match(rest)
    if n is not None:
        rest = rest[n.end() - 1 :]
    elif m is None:
        return ""
    name = comparable_text(rest)
    return name if len(name) >= 6 else ""


def line_above_title(text: str, lines: Sequence[Line], kinds: list[LineKind], i: int, j: int | None, rule: Rule, close: Rule) -> str:
    """What line ``i``, a title line over a title line ``j`` that opens with 关于, is: "issuer" when the two read
    as bodies and their title (header.title_issuer: 国家医疗保障局办公室 / 关于…, 中国证监会 / 关于…), "other"
    when line ``j`` opens with 关于 but line ``i`` names no body over it (传  真:(010)62030874 / 关于同意印发…,
    联系电话 lines of 国家卫生健康委 notices, devcorpus 0086), "signed" when line ``j`` opens with a date that the
    title is glued to (segment.glued_close: 交通运输部办公厅 / 2013年9月24日关于…): line ``i`` signed the text before,
    "" when ``j`` is no such title line."""
    if j is None or kinds[j] is not LineKind.TITLE:
        return ""
    below = text[lines[j].start : lines[j].end].lstrip(" \u3000")
    glued = close.pattern.match(below) if may(close, below) else None
    if glued is not None and not below.startswith("("):
        return "signed" if below[glued.end() :].lstrip("# ").startswith("关于") else ""
    if not below.startswith("关于"):
        return ""
    joined = text[lines[i].start : lines[i].end].strip(" \r\u3000") + below
    return "issuer" if may(rule, joined) and rule.pattern.match(joined) is not None else "other"


def how_ended(after: str, page_ended: bool, state: str, previous: LineKind, had_body: bool, issues: bool, attached: bool, one_line: bool, run_on: bool = False) -> str:
    """How the text before the current line ended, for a text that opens without its title
    (:func:`opens_after_end`), or "" when it did not: "page" (its page's footer), "clause" or "note"
    (its last article, its public-access note; where its cover issues a text, only once that text
    is printed: "enclosed"), "signed" (its signed date right before, where it has body text and
    issues or lists nothing to follow, or a whole document on the physical line before), "line"
    (``run_on``: the current line is cut from the physical line that date closed)."""
    if after == "page" and page_ended:
        return "page"
    if after in ("clause", "note"):
        return after if not issues else "enclosed" if state == "enclosed" else ""
    if issues:
        return ""
    if run_on:
        return "line"
    # (its date, or a signature printed again under it: 南方能源监管局 / 2025 年 6 月 18 日 / (依申请公开) / 国家能源局南方监管局)
    return "signed" if one_line or state == "closed" and previous in (LineKind.DATE, LineKind.SIGNATURE) and had_body and not attached else ""


def opens_after_end(s: str, kind: LineKind, end: str, prep: Prepared) -> bool:
    """Line ``s`` (body text) opens a new text right after the text before ended as ``end`` says
    (:func:`how_ended`). A purpose sentence opens one (segment.purpose_opening: 为进一步贯彻落实…,), and
    so does, after an end that is not an enclosure, a paragraph naming its own text (segment.self_named_close);
    so does, after a last article, a public-access note or a footer, a first chapter, article or
    item (segment.first_heading: 一、示范目的) or a paragraph that says nothing of the text before
    (segment.clause_sequel: 智慧旅游是运用新一代信息网络技术和装备,…。); after a signed date, a first
    chapter or article (segment.first_article), a cover over its signature (segment.titleless_cover) or
a paragraph of 40 characters or more that says nothing of the text before; after a whole document
run on after its date ("line"), a first chapter or article or a cover only.
    A label line (segment.field_label: 联系电话：…) never does."""
    if prep.field_label.match(s) is not None:
        return False
    if may(prep.purpose_opening, s) and prep.purpose_opening.pattern.match(s) is not None or kind is LineKind.TEXT and titleless_cover(s, prep):
        return True
    if kind is LineKind.TEXT and end in ("clause", "note", "page", "signed") and names_itself(s, prep):
        return True
    if kind is LineKind.HEADING:
        if end == "enclosed":
            return False
        return (prep.first_article if end in ("signed", "line") else prep.first_heading).pattern.match(s) is not None
    says_nothing_before = "。" in s and not any(w in s for w in prep.clause_sequel)
    if end == "signed":
        # a paragraph under a signed date that issued and listed nothing (北大法宝 cells: 交通运输部办公厅 /
        # 2013年9月24日 / 人工智能是人类发展新领域。…; 山东省教育厅 / 2019年4月11日 / 数字商务是…。), not a
        # bracketed note (（此件公开发布）) nor a short line
        return kind is LineKind.TEXT and says_nothing_before and len(s.strip()) >= prep.opening_paragraph_min and not s.lstrip(" \u3000").startswith(("（", "("))
    if end == "line":
        # what a single-line OCR notice runs into after its date is its own enclosure (山东省生态环境委员会
        # 办公室 2021: …2021年3月1日山东省生态环境委员会关于…的通知(会签稿)…; 中国华电集团有限公司山东公司
        # 2021: …2021年8月10日电能计量故障、差错快报附件1:…)
        return False
    return says_nothing_before


def names_itself(s: str, prep: Prepared) -> bool:
    """``s`` ends by naming the text it opens (segment.self_named_close: …，制定本行动计划。)."""
    rule = prep.self_named_close
    return may(rule, s) and rule.pattern.search(s) is not None


def titleless_cover(s: str, prep: Prepared) -> bool:
    """``s`` is the one paragraph of a cover that issues the text after its signature (segment.titleless_cover)."""
    rule = prep.titleless_cover
    return may(rule, s) and rule.pattern.match(s) is not None


def separator(text: str, line: Line, kind: LineKind, prep: Prepared) -> bool:
    """A rule line between two texts (segment.separator_line: ----, ______)."""
    s = text[line.start : line.end]
    return kind is LineKind.TEXT and may(prep.separator_line, s) and prep.separator_line.pattern.match(s) is not None


def one_line_ended(text: str, first: int, pos: int, dated: bool, prep: Prepared) -> bool:
    """``pos`` opens the physical line after the one that held the whole current document (begun at
    ``first``) up to its date: a single-line OCR notice, 版头, 文号, title, 主送, body, signature and date
    run together (山东省住房和城乡建设厅 2020, devcorpus 0218; 中共山东省委办公厅 2020, 0215), the date also
    inside a run-on attachment line (…授牌名单国家电网有限公司乡村振兴工作办公室2022年8月30日(此件不公开发布…), 0226)."""
    if first < 0 or pos == 0 or text[pos - 1] != "\n":
        return False
    end = _rstripped_end(text, first, pos)
    cut = text.rfind("\n", first, end)
    if cut >= 0 and prep.separator_line.pattern.match(text[cut + 1 : end]):  # the line, then ----
        end = _rstripped_end(text, first, cut)
    if text.find("\n", first, end) >= 0:
        return False
    return dated or prep.runon_date.search(text, first, end) is not None


def _rstripped_end(text: str, first: int, pos: int) -> int:
    """``first + len(text[first:pos].rstrip())`` without copying ``text[first:pos]``: read back
    from ``pos`` in windows that double, so the cost is the trailing white space, not the length
    of the document so far (the copy made segmenting one long document quadratic: 4.3 M
    characters of one document took 18 s)."""
    size = 64
    while True:
        lo = max(first, pos - size)
        kept = len(text[lo:pos].rstrip())
        if kept or lo == first:
            return lo + kept
        size *= 4
