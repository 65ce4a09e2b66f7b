"""The archive: the state machine that cuts a view's classified lines (its :class:`LineTable`) into documents."""

from __future__ import annotations

import bisect

from ..budget import CHECK_MASK, check_budget
from ..grammar import Grammar, Rule
from ..normalize import TextView
from .classify import classify, runon_head, title_number_head
from .kinds import DocumentRange, Line, LineKind
from .cues import (
    COVER_KINDS,
    HEADERISH,
    STRONG,
    cover_opens_at,
    undecodable_cover_at,
    interview_title,
    is_body_text,
    line_above_title,
    attachment_name,
    printed_again,
    comparable_text,
    lone_cell,
    markdown_titles,
    page_end_widgets,
    opens_decree,
    standard_cover,
    how_ended, names_itself, one_line_ended, opens_after_end, titleless_cover,
    title_piece,
    whole_item,
)
from .glued import GLUED_TAIL, glued_head, glued_opening, glued_start
from .rules import segment_rules, may
from .table import LineTable, line_table
from .text import debris_end, title_kind, without_paren_tail

__all__ = ["glued_start", "segment_archive"]

_PURPOSE_LOOK = 24  # lines (blank ones included) read back from a purpose paragraph for its title
_PURPOSE_PARAGRAPHS = 4  # paragraphs between a title and its purpose paragraph (2020年汛期以来,… / 2020年3月,… / 2020年8月,…)
_OWN_TITLE_LINES = 8  # lines of a document (tables and all) after which a title is not its own (PDF tables: no body text)
_BODY_LOOK = 400  # lines (blank ones included) searched back for body text
_PARAGRAPH_LINES = 6  # short lines of one paragraph that PDF text broke, read together
_PURPOSE_SPAN = 400  # characters of a paragraph read for its first sentence


def segment_archive(view: TextView, grammar: Grammar, table: LineTable | None = None) -> list[DocumentRange]:
    """Split an archive into documents (view offsets). A text with one notice gives one range.

    ``table`` is the view's :func:`line_table` (the ``lines`` stage), computed here when not given.

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> text = "甲关于印发乙办法的通知\\n各区人民政府：\\n现印发。\\n深圳市人民政府\\n2024年1月1日\\n丙关于丁的通知\\n各区人民政府：\\n特此通知。\\n"
    >>> [(r.start, r.end) for r in segment_archive(normalize(text, load_grammar()), load_grammar())]
    [(0, 43), (43, 65)]
    """
    text = view.text
    if table is None:
        table = line_table(view, grammar)
    table.belongs_to(view, grammar)
    lines, kinds = table.lines, table.kinds
    # the lines' offsets read from the table's arrays (a Line built per read was ~10% of this loop)
    S, E, n_lines = lines.starts, lines.ends, len(lines)
    starts: list[int] = []
    state = "none"  # none | header | body | closed | enclosed
    expects_enclosure = False
    since_close = 0
    seen_signature = False
    # The first document began at no header (a page's menu, corpus 0042/0044/0045): until body text
    # confirms it, a header start replaces it; what came before is text_before_first_document.
    provisional = False
    # Body text seen since the current document started: a document holds at least one heading or
    # sentence before a metadata, 文号 or decree line may open the next one. Without it a page's
    # byline (发表时间：… 信息来源：…, gov.cn and Guangdong pages) or a regulation's second decree
    # note (国务院第64次常务会议通过 / 国务院令第421号公布, Markdown renderings) split one document.
    has_body = False
    ended = ""  # the last non-blank line closed a text: "byline" (a news byline), "clause" (a regulation's last article)
    prep = segment_rules(grammar)
    in_attachment = False  # an attachment (附件…) began after the signature
    attached = False  # … and it was an attachment (segment.notice_attachment), not an annex (附录 A)
    seen_heading = False
    cover_lines = 0  # text lines of the current document so far
    decree = False  # the document opened with a decree's head (…令 / …令第693号)
    # A text line of the document issues what follows (现将…印发给你们, 现予公布): a regulation's
    # title after it is that text, not a new document opened by its shape alone.
    cover_issues = False
    page_ended = False  # a page footer line since the document started
    title_top: int | None = None  # where a title broken over lines began, after an ended text
    # A Markdown rendering prints its document's title as the one level-1 heading (# 上海市专利保护条例):
    # the view starts of such lines, the titles seen in the current document, and whether the
    # document opened at a page head (Title: … / URL Source: …), whose first # heading is its title.
    md_titles = markdown_titles(view, grammar)
    widget_ends = page_end_widgets(view, grammar)  # a page's closing widget line the view emptied: a page end
    titles_seen: set[str] = set()
    page_headed = False
    last_item = False  # the last non-blank line was a whole text run into one line (whole_item)
    dated = False  # the current document reached its signed date (a date under its signature)
    glued_next = -1  # a text glued at the end of the line a document opened at: it opens before the next line
    signed = False  # the last line closed with a byline that names a role (segment.byline_roles)
    doc_first = 0  # the line the current document began at
    # The names the current document's attachment list gives (附件：1. … / 2. …), above its signature:
    # a title after the signature that one of them names is that attachment's title, and the
    # addressee or 文号 under it are the attachment's (a notice that forwards another, 附件 / 关于…的通知).
    att_names: set[str] = set()
    listing = False  # the last non-blank line was a line of the attachment list
    # an attachment label above the signature (附件： over its list): the attachments may follow the date
    att_label = False
    named_head = False  # since the last named attachment title, no body text
    opens_with = str(prep.self_purpose.tags.get("opens_with", ""))
    separator_rule = prep.separator_line
    # separator(line k) for each line, read once (0: not yet, 1: no, 2: yes): the helpers below ask it again and again
    seps = bytearray(n_lines)

    def sep(k: int) -> bool:
        """``sep(k)``, read once per line."""
        if kinds[k] is not LineKind.TEXT:
            return False
        v = seps[k]
        if not v:
            s = text[S[k] : E[k]]
            v = seps[k] = 2 if may(separator_rule, s) and separator_rule.pattern.match(s) is not None else 1
        return v == 2

    def self_purpose(i: int) -> str:
        """The type of text (方案, 行动计划) that line ``i`` says is made, when it opens the paragraph that says a
        text is made for a purpose (segment.self_purpose: 为…,制定本方案。), else ""."""
        if opens_with and text[S[i] : E[i]].lstrip(" ")[:1] not in opens_with:
            return ""  # the rule's declared openings (tags.opens_with): a quick screen before the paragraph is read
        para = text[S[i] : S[i] + _PURPOSE_SPAN]
        para = para[: para.find("。") + 1].replace("\n", "")
        m = prep.self_purpose.pattern.match(para) if para and may(prep.self_purpose, para) else None
        return m.group("type") if m is not None else ""

    def body_before(j: int) -> bool:
        """The current document has body text in the _BODY_LOOK lines before line ``j`` (a title there is not its own)."""
        return any(
            kinds[k] is not LineKind.BLANK and is_body_text(text[S[k] : E[k]], kinds[k], prep.markup_link)
            for k in range(j - 1, max(doc_first, j - _BODY_LOOK) - 1, -1)
        )

    def lines_between(a: int, b: int) -> int:
        """Non-blank lines from line ``a`` up to line ``b`` (at most _OWN_TITLE_LINES are counted)."""
        n = 0
        for k in range(a, b):
            if kinds[k] is not LineKind.BLANK:
                n += 1
                if n >= _OWN_TITLE_LINES:
                    break
        return n

    def purpose_title(i: int, made: str, paragraphs: int = _PURPOSE_PARAGRAPHS) -> int | None:
        """The line of the title over purpose paragraph ``i`` that names the type it says is made (浙江省城市内涝治理
        “十四五”规划 / 2020年汛期以来,… / 为贯彻…,制定本规划。), up to ``paragraphs`` paragraphs above it."""
        seen = 0
        for k in range(i - 1, max(doc_first, i - _PURPOSE_LOOK), -1):
            if kinds[k] is LineKind.BLANK or sep(k):
                continue
            s = text[S[k] : E[k]].strip(" \r")
            if kinds[k] in (LineKind.TITLE, LineKind.ENCLOSED_TITLE, LineKind.TEXT) and title_piece(s, 120):
                return k if without_paren_tail(s).endswith(made[-2:]) else None
            seen += 1
            if seen > paragraphs or not is_body_text(s, kinds[k], prep.markup_link):
                return None
        return None

    def titled_before(j: int) -> bool:
        """The current document printed title line ``j`` already (a cover or a contents page over the title set again)."""
        key = comparable_text(text[S[j] : E[j]])
        return any(
            kinds[k] is not LineKind.BLANK and comparable_text(text[S[k] : E[k]]) == key
            for k in range(doc_first, min(j, doc_first + _BODY_LOOK))
        )

    def named_type(s: str) -> str:
        """The type of text a one-line paragraph says it makes at its end (segment.self_named_close: …,制定本规划。), or ""."""
        rule = prep.self_named_close
        m = rule.pattern.search(s) if may(rule, s) else None
        return m.group("type") if m is not None else ""

    def under_item(i: int) -> bool:
        """The line before line ``i`` (blank lines and rules skipped) is an item of the current document that holds its
        own sentence (a numbered heading with its text, segment.toml item_sentence_min) or its signature or date, where
        it lists no attachments."""
        for k in range(i - 1, max(doc_first, i - 12) - 1, -1):
            if kinds[k] is LineKind.BLANK or sep(k):
                continue
            s = text[S[k] : E[k]].strip(" \r\u3000")
            return kinds[k] is LineKind.HEADING and "。" in s and len(s) >= prep.item_sentence_min and prep.article_item.match(s) is not None
        return False

    def may_open() -> bool:
        """The current document may end here: it has body text, or is closed, or is provisional,
        or its page ended (a footer)."""
        return has_body or provisional or state == "closed" or page_ended

    def next_index(i: int) -> int | None:
        for j in range(i + 1, min(n_lines, i + 12)):  # blank lines do not count (\r\n\r\n pages double them)
            if kinds[j] is not LineKind.BLANK:
                return j
        return None

    def previous_kind(i: int) -> LineKind:
        for j in range(i - 1, max(-1, i - 12), -1):
            if kinds[j] is not LineKind.BLANK and not sep(j):
                return kinds[j]
        return LineKind.BLANK

    def next_kind(i: int) -> LineKind:
        j = next_index(i)
        return LineKind.BLANK if j is None else kinds[j]

    def _previous_piece(i: int) -> int | None:
        """The line before ``i`` (blank lines skipped) when it may be a title's first piece."""
        for j in range(i - 1, max(-1, i - 8), -1):
            if kinds[j] is not LineKind.BLANK:
                piece = kinds[j] in (LineKind.TEXT, LineKind.TITLE) and title_piece(text[S[j] : E[j]])
                return j if piece else None
        return None

    def adopted_note(j: int | None) -> bool:
        """Line ``j`` is an adoption note that names who adopted or approved the text."""
        if not line_matches(j, prep.adoption_note, (LineKind.TEXT, LineKind.DATE, LineKind.DECREE_NOTE)):
            return False
        assert j is not None
        s = text[S[j] : E[j]]
        return any(w in s for w in prep.adoption_words)

    def paragraph(j: int) -> str:
        """Line ``j``, with the lines after it when PDF text broke its paragraph into short lines (持续推进数字技术适老化是
        践行积极应对人口老龄化 / 战略的重要举措,…内在要 / 求。…): up to _PARAGRAPH_LINES adjacent text lines about as wide as
        the first, to the first that holds a 。 (a rule line or a longer line is another text's)."""
        k = j
        width = (E[j] - S[j]) * 3 // 2 + 2  # a broken paragraph's lines are about as wide as its first
        while k + 1 < n_lines and k < j + _PARAGRAPH_LINES and kinds[k] is LineKind.TEXT and kinds[k + 1] is LineKind.TEXT and "。" not in text[S[k] : E[k]]:
            if E[k + 1] - S[k + 1] > width or sep(k + 1):
                break
            k += 1
        return text[S[j] : E[k]].replace("\n", "")

    def ends_with_colon(i: int) -> bool:
        """The line before line ``i`` (blank lines skipped) ends with a colon."""
        j = i - 1
        while j >= 0 and kinds[j] is LineKind.BLANK:
            j -= 1
        return j >= 0 and text[S[j] : E[j]].rstrip(" \r").endswith(":")

    def next_body(i: int) -> bool:
        """The next line is body text, or opens a paragraph that PDF text broke into short lines."""
        j = next_index(i)
        if j is None:
            return False
        return is_body_text(text[S[j] : E[j]], kinds[j], prep.markup_link) or kinds[j] is LineKind.TEXT and is_body_text(paragraph(j), LineKind.TEXT, prep.markup_link)

    def line_matches(j: int | None, rule: Rule, allowed: tuple[LineKind, ...]) -> bool:
        if j is None or kinds[j] not in allowed:
            return False
        s = text[S[j] : E[j]]
        return may(rule, s) and rule.pattern.match(s) is not None

    banner = grammar.rule("segment.runon_banner").pattern

    def with_banner(pos: int) -> int:
        """A document opening at a piece cut from a single-line OCR notice (its 文号) opens at
        the 版头 piece cut before it on the same physical line (山东省扶贫开发领导组文件|鲁扶贫组字…)."""
        k = bisect.bisect_left(table.starts, pos)  # the line that starts at pos (a dict of every line: 58 B a line)
        if k == 0 or k >= n_lines or table.starts[k] != pos:
            return pos
        prev = lines[k - 1]
        if "\n" in text[prev.end : pos] or (prev.start > 0 and text[prev.start - 1] != "\n") or (starts and prev.start <= starts[-1]):
            return pos
        m = banner.match(text, prev.start, min(len(text), pos + 1))  # its look-ahead needs the next character
        return prev.start if m is not None and m.end("banner") >= prev.end - 1 else pos

    def start_doc(pos: int) -> None:
        nonlocal state, expects_enclosure, seen_signature, since_close, provisional, has_body, in_attachment
        nonlocal seen_heading, cover_lines, decree, cover_issues, page_ended, page_headed, attached
        nonlocal doc_first, listing, named_head, dated, glued_next, att_label
        doc_first = bisect.bisect_left(table.starts, pos)
        att_names.clear()
        listing = named_head = dated = att_label = False
        has_body = in_attachment = seen_heading = decree = cover_issues = page_ended = page_headed = attached = False
        titles_seen.clear()
        cover_lines = 0
        if provisional:
            starts.pop()
            provisional = False
        first = with_banner(past_close(pos))
        if not starts or starts[-1] != first:
            starts.append(first)  # (once: a glued text may be found again at its own line)
        glued_next = head if (head := glued_head(text, starts[-1], prep)) > starts[-1] + GLUED_TAIL else -1  # …# 东营市养犬管理条例
        state, expects_enclosure, seen_signature, since_close = "header", False, False, 0

    def past_close(pos: int) -> int:
        """A start at a line that opens with the text before's closing element (its date, （此件公开发布）) and goes
        on with a title glued to it moves to the title (segment.glued_close), one that ends with a text's first line
        glued to it (segment.glued_head: …扫一扫在手机打开当前页# 温州市销售燃放烟花爆竹管理规定) to that line."""
        if pos > 0 and text[pos - 1] != "\n":
            return pos
        end = text.find("\n", pos)
        s = text[pos : len(text) if end < 0 else end]
        if pos < (head := glued_head(text, pos, prep)) <= pos + GLUED_TAIL:
            return head  # the last words of the text before, then the text glued to them
        if (glued := glued_opening(s, grammar)) is not None and glued[0] <= GLUED_TAIL:
            return pos + glued[0]  # …请注明来源国家能源局山东监管办公室关于报送…的函国网山东省电力公司:
        m = prep.glued_close.pattern.match(s) if may(prep.glued_close, s) else None
        if m is None:
            return pos
        rest = s[m.end() :].lstrip("# ")
        if title_kind(rest, grammar) is None and not (may(prep.title_start, rest) and prep.title_start.pattern.search(rest[:60])) and not (
            may(prep.glued_metadata, rest) and prep.glued_metadata.pattern.match(rest)
        ):
            return pos
        return pos + int(m.end())

    def reprinted(i: int) -> bool:
        return has_body and printed_again(text, lines, kinds, doc_first, i)

    def after_debris(i: int) -> int:
        return S[i] + debris_end(text[S[i] : E[i]], grammar)

    for i, (ln, kind) in enumerate(zip(lines, kinds)):
        if not i & CHECK_MASK:
            check_budget("segment")
        if kind is LineKind.BLANK:
            if widget_ends and ln.start in widget_ends and has_body and state not in ("none", "header"):
                ended, page_ended = "page", True  # 扫一扫在手机打开当前页 / 分享： under the text (segment.page_end_widget)
            continue
        if 0 <= glued_next <= ln.start:
            start_doc(glued_next)
        if kind is LineKind.DEBRIS and state != "none":
            ended = "page"  # page debris ([关闭窗口], 分享到:) ends what came before
            # ... and once the text has body, a page's closing widget (分享文章到, 扫一扫在手机打开当前页) ends its page (not an image: 11.jpg)
            page_ended = page_ended or has_body and state != "header" and prep.debris_any is not None and prep.debris_any.search(text, ln.start, ln.end) is not None
            continue
        line_text = text[ln.start : ln.end]
        if sep(i):
            continue  # ---- between two texts: what the text before ended with holds across it
        body_line = is_body_text(line_text, kind, prep.markup_link)
        # a whole text run into one line after another (news items one line each, A01)
        after_item, last_item = last_item, kind in (LineKind.TEXT, LineKind.HEADING) and whole_item(line_text)
        had_body = has_body
        if body_line:
            provisional = False
            has_body = True
            named_head = False
        att_label = att_label or kind is LineKind.ATTACHMENT and not seen_signature and state != "closed"
        if kind is LineKind.ATTACHMENT and not seen_signature and state != "closed" or listing and kind in (LineKind.TEXT, LineKind.ATTACHMENT):
            name = attachment_name(line_text, prep.attachment, prep.list_item)
            listing = bool(name) and (kind is LineKind.ATTACHMENT or prep.list_item.pattern.match(line_text) is not None)
            if name:
                att_names.add(name)
        else:
            listing = False
        after_end, ended = ended, ""
        signed_before, signed = signed, False
        if state != "header" and len(line_text) <= 80 and may(prep.page_footer, line_text) and prep.page_footer.pattern.search(line_text):
            page_ended = True  # the page's footer (…ICP备…号, …版权所有): the next own line opens a document
            ended = "page"
            continue
        if after_end in ("clause", "page", "note") and kind is LineKind.TEXT and title_piece(line_text):
            # the first piece of a title broken over lines (青岛市支持省级数字经济园区建设等 / 奖补政策实施细则)
            ended, title_top = after_end, title_top if title_top is not None else ln.start
            continue
        top, title_top = title_top, None
        if ln.start in md_titles and kind in (LineKind.TITLE, LineKind.ENCLOSED_TITLE, LineKind.TEXT) and title_piece(line_text, 120):
            key = "".join(line_text.split())
            # a level-1 heading opens its document, unless it sets the current one's title again
            # (a page rendered as Markdown prints its title twice, its # breadcrumb before it)
            opens_md = state != "header" and may_open() and key not in titles_seen and not (page_headed and not titles_seen)
            titles_seen.add(key)
            if opens_md:
                start_doc(ln.start)
                titles_seen.add(key)
                continue
        if kind in (LineKind.TEXT, LineKind.HEADING) and (state != "header" or body_line):
            # the line closes a text (also a line that opens one: a news item run into one line)
            byline = prep.closing_byline.pattern.search(line_text) if may(prep.closing_byline, line_text) else None
            if byline is not None:
                ended = "byline"
                signed = any(w in byline.group() for w in prep.byline_roles)
            elif may(prep.closing_clause, line_text) and prep.closing_clause.pattern.match(line_text) or after_end == "clause" and line_text.rstrip(" \r\u3000").endswith("。") and any(
                w in line_text for w in prep.clause_sequel
            ) and not (may(prep.purpose_opening, line_text) and prep.purpose_opening.pattern.match(line_text)) and not names_itself(line_text, prep):
                ended = "clause"  # (also a paragraph that goes on with the last article: 根据本决定,…废止。)
            elif last_item and may(prep.closing_clause_tail, line_text) and prep.closing_clause_tail.pattern.search(line_text):
                ended = "clause"  # a whole regulation run into one line, its last article at the end
        news_shape = bool(may(prep.news_opening, line_text) and prep.news_opening.pattern.match(line_text))
        # a text opens after one that closed: its byline, its last article (then in a news item's
        # shape, or a whole text run into one line after a whole regulation so run), or a whole text run
        # into one line after another (then in a news item's shape), where no cover issues it
        opens = after_end == "byline" or news_shape and (after_end == "clause" or after_item and last_item and not cover_issues) or (
            after_end == "clause" and after_item and last_item and not cover_issues
        )
        # a byline that names its author's role (（作者：…）, （记者 …）) also closes a text before a heading:
        # 一、《通知》制定的背景是什么？… after …（作者：生态环境部环境与经济政策研究中心党委书记、主任 钱勇） (A01)
        heading_opens = kind is LineKind.HEADING and after_end == "byline" and signed_before and last_item
        if (kind is LineKind.TEXT or heading_opens) and has_body and state != "header" and (
            opens and body_line or may(prep.news_dateline, line_text) and prep.news_dateline.pattern.match(line_text)
        ):
            start_doc(top if top is not None and opens else ln.start)  # the previous text closed (its byline, its last article) or a dateline opens one
            state = "body"
            has_body = True
            continue
        if kind is LineKind.TEXT and has_body and state != "header" and interview_title(line_text, prep.interview_title) and (
            interview_title(line_text, prep.interview_title) < len(line_text.rstrip(" \r\u3000")) or next_body(i)
        ):
            start_doc(ln.start)  # …有关负责人就《…》答记者问, alone over its text or run into it (a related link is neither)
            state = "body"
            has_body = body_line
            continue
        if kind is LineKind.TEXT and may_open() and state != "header" and not cover_issues and title_piece(line_text, 120) and adopted_note(next_index(i)):
            start_doc(ln.start)  # a long title the title rules do not take (…若干问题的解释) over its adoption note
            continue
        if kind is LineKind.TEXT and has_body and state != "header" and not cover_issues and may(prep.addressee_to_all, line_text) and prep.addressee_to_all.pattern.match(line_text) and next_body(i):
            start_doc(ln.start)  # 各省、…主管部门,有关单位: over a paragraph, a line too long for the addressee rule
            state = "body"
            continue
        if kind is LineKind.TEXT and state != "header" and line_matches(i, prep.page_head, (LineKind.TEXT,)) and line_matches(
            next_index(i), prep.page_source, (LineKind.TEXT, LineKind.METADATA)
        ):
            start_doc(ln.start)  # Title: … / URL Source: … (a page rendered as Markdown); its menu follows
            state = "body"
            page_headed = True
            continue
        cover_at = standard_cover(line_text, prep.standard_cover) if kind is LineKind.TEXT and may_open() and state != "header" else -1
        if cover_at >= 0:
            start_doc(ln.start + cover_at)  # a standard's cover (ICS 07.060), after the glued page number of the last text
            continue
        piece = _previous_piece(i) if kind in (LineKind.TEXT, LineKind.ADDRESSEE) and may_open() and state != "header" and "号" in line_text[:200] else None
        if piece is not None and title_number_head(text[S[piece] : E[piece]] + line_text, grammar):
            start_doc(S[piece])  # a title broken over lines, its second piece run on with the number (A01)
            state = "body"
            has_body = True
            continue
        if kind is LineKind.TEXT and may_open() and state != "header" and (
            title_number_head(line_text, grammar) or runon_head(line_text, grammar)
        ):
            start_doc(after_debris(i))  # (扫一扫在手机打开当前页, a page's last line glued before it)
            state = "body"
            has_body = True
            continue
        cover = (
            cover_opens_at(text, lines, kinds, i, prep)
            if state in ("body", "closed", "enclosed") and may_open() and not cover_issues and not attached and kind in COVER_KINDS
            else -1
        )
        if cover < 0 and kind is LineKind.TEXT and state in ("body", "closed", "enclosed") and has_body and not cover_issues and not attached:
            cover = undecodable_cover_at(text, lines, kinds, i, prep)
        if cover >= 0:
            start_doc(cover)  # a cover page: title, (试行)/(草案)/date, then 前言 or 目录 (PDF text, A02)
            continue
        if kind in (LineKind.TEXT, LineKind.HEADING, LineKind.DATE, LineKind.ATTACHMENT) or kind is not LineKind.DEBRIS and may(prep.glued_head, line_text):
            glued = glued_start(text, ln, grammar)
            if glued is not None and glued[0] > ln.start:
                pos, gkind = glued
                follower = next_kind(i)
                confirmed = gkind in (LineKind.ADDRESSEE, LineKind.METADATA, LineKind.TEXT) or text.startswith("#", pos) or follower in (
                    LineKind.METADATA, LineKind.DOC_NUMBER, LineKind.ADDRESSEE, LineKind.DECREE_NOTE, LineKind.DECREE_HEAD, LineKind.TITLE,
                )
                if confirmed and state != "none":
                    start_doc(pos)
                    if gkind is LineKind.ADDRESSEE:
                        state = "body"
                    continue
        # a text whose title the export left out (北大法宝 body cells run together): its first line opens it after the
        # text before ended (segment.purpose_opening, segment.clause_sequel), or its cover over its signature does
        # (a paragraph that PDF text broke into short lines is read whole, unless the line before ends with a colon: an
        # addressee glued onto the text before, …各区县(功能区)工信部门,各有关单位:, goes on in it)
        para = line_text if body_line or kind is not LineKind.TEXT or state in ("none", "header") or ends_with_colon(i) else paragraph(i)
        opening = kind in (LineKind.TEXT, LineKind.HEADING) and (body_line or is_body_text(para, kind, prep.markup_link)) and state not in ("none", "header") and not named_head
        one_line = opening and one_line_ended(text, starts[-1] if starts else -1, ln.start, dated, prep)
        run_on = opening and ln.start > 0 and text[ln.start - 1] != "\n"  # a logical line cut from a physical one (segment.logical_lines)
        how = how_ended(after_end, page_ended, state, previous_kind(i), had_body, cover_issues, bool(att_names) or in_attachment or att_label, one_line, run_on) if opening else ""
        may_name = kind is LineKind.TEXT and has_body and state not in ("none", "header") and not (cover_issues or in_attachment or named_head)
        made = self_purpose(i) if may_name else ""
        # a one-line paragraph that does not open with 为 and closes naming its type (segment.self_named_close: “十四五”时期是…,
        # 制定本规划。) right under a title that names it, after another text's body: the title opens a text
        named = "" if made or not may_name else named_type(line_text)
        head = purpose_title(i, named, 0) if named else None
        if head is not None and head > doc_first and not titled_before(head) and body_before(head):
            start_doc(S[head])
            state, has_body, cover_lines = "body", True, 1
            continue
        if made:
            # 为…,制定本方案。 under a title that names a 方案, after another text's body (with no such title, the purpose
            # sentence opens a text only right under an item or the signature of the text before, or after that text ended:
            # segment.purpose_opening below)
            head = purpose_title(i, made)
            if head is not None and head > doc_first and not titled_before(head) and (body_before(head) or lines_between(doc_first, head) >= _OWN_TITLE_LINES):
                start_doc(S[head])  # (a line above it is not taken: a page's or a text's last short line)
                state, has_body, cover_lines = "body", True, 1
                continue
            if head is None and under_item(i) and not reprinted(i):
                start_doc(ln.start)  # 第二十一条 辅警履行职责应当接受社会监督。 / 为…,制定以下措施。 (segment.toml item_sentence_min)
                state, has_body, cover_lines = "body", True, 1
                continue
        if opening and (opens_after_end(para, kind, how, prep) if how else kind is LineKind.TEXT and had_body and (seen_heading or seen_signature) and (
            titleless_cover(line_text, prep) and next_kind(i) is LineKind.SIGNATURE
        )):
            start_doc(top if top is not None else after_debris(i))
            state, has_body, seen_heading, cover_lines = "body", True, kind is LineKind.HEADING, 1
            expects_enclosure = any(w in line_text for w in prep.issuing)
            cover_issues = expects_enclosure and any(w in line_text for w in prep.cover_issuing)
            continue
        if state == "none":
            if kind is LineKind.DEBRIS:
                continue
            start_doc(after_debris(i))
            has_body = body_line
            decree = opens_decree(text, ln, kind)
            if kind is LineKind.TEXT and any(w in line_text for w in prep.issuing):  # a cover that opens the text
                expects_enclosure = True
                cover_issues = any(w in line_text for w in prep.cover_issuing)
            if kind not in HEADERISH:
                state = "body"  # a text that starts without a header is a document all the same
                provisional = not body_line
            continue
        if state == "header":
            if kind in HEADERISH:
                decree = decree or opens_decree(text, ln, kind)
                continue
            state = "body"
        if kind in STRONG or kind is LineKind.DECREE_NOTE:
            if state != "header" and may_open() and not lone_cell(text, ln, kind, next_kind(i)) and not named_head and not reprinted(i):
                start_doc(after_debris(i))
            decree = decree or state == "header" and opens_decree(text, ln, kind)
            continue
        if kind is LineKind.TITLE or kind is LineKind.ENCLOSED_TITLE:
            # what follows the title, past the same title printed again (北大法宝 prints it twice: 北京市经济和信息化局印发
            # 《…》的通知 twice over 京经信发〔2022〕87号, devcorpus 0024; 市场监管总局办公厅、工业和信息化部办公厅关于…, 0091)
            j = next_index(i)
            if j is not None and kinds[j] is kind and comparable_text(text[S[j] : E[j]]) == comparable_text(line_text):
                j = next_index(j)
            follower = LineKind.BLANK if j is None else kinds[j]
            if (seen_signature or state in ("closed", "enclosed")) and in_attachment and comparable_text(line_text) in att_names:
                named_head = attached = True  # the title of an attachment the list names (附件：关于…的通知 / … / 附件 / 关于…的通知)
                continue
            if reprinted(i):
                continue  # the document printed again from its title (a 北大法宝 body cell that holds it twice)
            if after_end in ("clause", "page", "note") and has_body and not cover_issues and not in_attachment and state != "header":
                start_doc(top if top is not None else after_debris(i))  # a title right after a text ended (its last article, its page)
                continue
            # a line over a title that opens with 关于 is its issuers' line, unless it names no body (a 传真 line
            # of the text before), or the text before has body text and no signature or date yet: then it is
            # that text's signature, printed without its date (中国证监会, 国家医保局 财政部 2021年4月12日 /
            # 国家医疗保障局办公室), and the title opens at its 关于 line
            above = line_above_title(text, lines, kinds, i, next_index(i), prep.title_issuer, prep.glued_close) if state != "header" and may_open() else ""
            if above in ("other", "signed") or above == "issuer" and has_body and state == "body" and not seen_signature and previous_kind(i) not in (
                LineKind.DATE, LineKind.SIGNATURE,
            ):
                continue
            # the enclosed text's title: after the signature of a notice that issues it, or after a
            # short cover with no heading whose signature ran into its text (a decree: 令 / 第682号 /
            # 《…》已经…通过，现予公布…总理 李克强 2017年7月16日 / the regulation's title)
            short_cover = decree and state == "body" and not seen_heading and cover_lines <= 3
            j = next_index(i)
            # a title over a note that a congress or a meeting adopted it is a text of its own,
            # unless the cover before it issues it (现予公布, 印发给你们)
            adopted = adopted_note(j)
            if (state == "closed" and since_close <= 2 or short_cover) and expects_enclosure and not one_line_ended(text, starts[-1], ln.start, dated, prep) and not (
                kind is LineKind.TITLE and follower in (LineKind.ADDRESSEE, LineKind.DOC_NUMBER, LineKind.METADATA)
            ) and not (adopted and not cover_issues):
                state = "enclosed"
                has_body = False  # the enclosed text's title may go on over lines
                continue
            # a regulation's title over its adoption note (2017年9月30日 山东省…常务委员会…批准), or
            # over its first chapter or article right after another text's last article
            # (also a decree note that opens on the next line and closes lines later: （2011 年 12 月 15 日广州市人民政府令第 61 号公布，)
            own_text = line_matches(j, prep.adoption_note, (LineKind.TEXT, LineKind.DATE, LineKind.DECREE_NOTE)) or (
                after_end in ("clause", "page") and line_matches(j, prep.first_heading, (LineKind.HEADING,))
            ) or line_matches(j, prep.decree_note_open, (LineKind.TEXT, LineKind.DECREE_NOTE))
            if own_text and not cover_issues and may_open() and state != "header":
                lead = prep.page_number_lead.pattern.match(line_text)  # 123广州市地下空间开发利用管理办法: a page number glued to it
                start_doc(top if top is not None else ln.start + lead.end() if lead is not None else after_debris(i))
                continue
            # a title before any body text is the same title set again (a page's heading over the
            # article, a title broken over lines, 北大法宝's double title), not a new document
            if may_open() and (kind is LineKind.TITLE and state in ("body", "enclosed", "closed") or follower in (
                LineKind.METADATA, LineKind.DOC_NUMBER, LineKind.ADDRESSEE, LineKind.DECREE_NOTE,
            )):
                start_doc(after_debris(i))
            continue
        if kind is LineKind.ADDRESSEE:
            # after a signature, an addressee opens the next notice even when no date followed
            # ... but not inside an attachment, whose forms have label lines of the same shape
            # (申报单位：/ 推荐单位：under 附件4-1, ministry notices of 2022)
            # After a text that ended (its last article, a public-access note, the page's footer),
            # an addressee opens the next notice, also where no signature was printed (北大法宝
            # body cells: 各省、自治区、直辖市邮政管理局,…: after 公开方式:主动公开; 各相关单位:)
            ended_before = after_end in ("clause", "note", "page") or page_ended
            # ... or a whole notice run into the physical line before, up to its signed date (single-line OCR: 山东省能源局
            # 会议通知国网山东省电力公司:…山东省能源局2020年11月4日 / 北京工业大学:, devcorpus 0216 then 0075)
            # (not one that issues or forwards a text: that text follows it)
            ended_before = ended_before or has_body and not expects_enclosure and one_line_ended(text, starts[-1] if starts else -1, ln.start, dated, prep)
            # ... or one to all of a kind (各…:) over a paragraph, where no cover issues the text
            # after it (各煤矿安全监察分局,…,各煤矿: / 为认真贯彻…, 各相关单位: / 为维护用户…)
            to_all = line_text.lstrip(" \u3000").startswith("各") and has_body and not cover_issues and next_body(i)
            if (state in ("closed", "enclosed") or seen_signature) and (has_body or state == "closed") and not in_attachment or provisional or (
                ended_before and (has_body or page_ended)
            ) or to_all:
                if not named_head and not reprinted(i):
                    start_doc(ln.start)
            continue
        if kind is LineKind.PUBLIC_NOTE or kind in (LineKind.CC, LineKind.PRINTED) and has_body and state != "header":
            # (also the 版记 that closes a document: 抄送：… / …2019年3月15日印发, 山东省人民政府办公厅 2019, devcorpus 0169;
            # 济南市人民政府办公厅 2019, 0170; 南方能源监管局 2025, 0241)
            ended = "note"
        if kind is LineKind.HEADING and after_end == "clause" and not cover_issues and line_matches(i, prep.first_article, (LineKind.HEADING,)):
            start_doc(ln.start)  # 第一条 right after a regulation's last article: another regulation (title left out)
            state = "body"
            has_body = seen_heading = True
            continue
        if kind is LineKind.ATTACHMENT and (seen_signature or state in ("closed", "enclosed")):
            in_attachment = True
            # an attachment (附件 1) after the signature: a cover in it is its own; a standard's annex (附录 A) is part of it
            attached = attached or prep.notice_attachment.pattern.match(line_text) is not None
        if kind is LineKind.SIGNATURE:
            seen_signature = seen_signature or not provisional
            continue
        if kind is LineKind.DATE and seen_signature and state == "body":
            state, since_close, dated = "closed", 0, True
            continue
        if kind is LineKind.HEADING:
            seen_heading = True
        if state == "body" and kind is LineKind.TEXT:
            cover_lines += 1
            s = text[ln.start : ln.end]
            if any(w in s for w in prep.issuing):
                expects_enclosure = True
                cover_issues = cover_issues or any(w in s for w in prep.cover_issuing)
        if state == "closed":
            since_close += 1
            if since_close > 2:
                state = "enclosed" if expects_enclosure else "body"
    if glued_next >= 0:
        starts.append(glued_next)
    if not starts:
        return [DocumentRange(0, len(text))]
    if not text[: starts[0]].strip():
        starts[0] = 0  # only blank space before the first document: it belongs to it
    ends = starts[1:] + [len(text)]
    return [DocumentRange(s, e) for s, e in zip(starts, ends)]
