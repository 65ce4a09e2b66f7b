"""Where a text glued onto the last line of the one before begins (no line break between two texts):
a title or addressee after the text before's last sentence, a page's metadata row, a Markdown title
or a page's <meta> title, a single-line notice's own head after a closing element."""

from __future__ import annotations

from ..grammar import Grammar
from .classify import runon_head, title_number_head
from .kinds import Line, LineKind
from .rules import Prepared, segment_rules, may
from .text import debris_end, strip_trailing_debris, title_kind

__all__ = ["glued_start"]


GLUED_TAIL = 80  # characters: the last words of a text's last line, before the next text glued to them
_GLUED_REACH = 400  # characters of a line searched for the end of a text glued to the next one
_GLUED_TRIES = 6  # ends tried there


def glued_head(text: str, pos: int, prep: Prepared) -> int:
    """Where the first line of a text glued onto the physical line from ``pos`` begins (segment.glued_head:
    …扫一扫在手机打开当前页# 温州市销售燃放烟花爆竹管理规定, …民政部ArticleTitle: …), or -1."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    if not may(prep.glued_head, text[pos:end]):
        return -1
    m = prep.glued_head.pattern.search(text, pos + 1, end)
    return -1 if m is None else int(m.start("start"))


def glued_opening(s: str, grammar: Grammar) -> tuple[int, LineKind] | None:
    """Where the next text starts in line ``s``, glued with no line break after the text before's last
    line (segment.glued_end: …本条例自2014年1月1日起施行。, …2021年10月27日, （此件公开发布）), and its kind:
    a single-line notice's own head (runon_head, title_number_head: 山东省能源局关于商请会签《…》的函省发展改革委、…:,
    普通事项国家电网有限公司部门文件人资计〔2022〕24号国网人资部关于…的通知…) as TEXT, or an addressee line to all
    bodies of a kind (各省、自治区、直辖市…:) as ADDRESSEE; ``None`` when there is none."""
    rule = segment_rules(grammar).glued_end
    if len(s) < 60 or not may(rule, s[:_GLUED_REACH]):
        return None
    addressee = segment_rules(grammar).addressee
    for n, m in enumerate(rule.pattern.finditer(s, 0, _GLUED_REACH)):
        if n >= _GLUED_TRIES:
            break
        at = m.end()
        while at < len(s) and s[at] in " \u3000":
            at += 1
        tail = s[at:]
        if len(tail) < 8:
            continue
        if tail.startswith("各") and s.endswith(":") and addressee.match(tail):
            return at, LineKind.ADDRESSEE
        if runon_head(tail, grammar) or title_number_head(tail, grammar):
            return at, LineKind.TEXT
    return None


def _title_lasts(grammar: Grammar) -> frozenset[str] | None:
    """The last characters of the title endings title_kind needs (a title suffix or an enclosed
    title's word); ``None`` when one is empty (every line would end like it)."""
    prep = segment_rules(grammar)
    words = (*prep.suffixes, *prep.enclosed)
    return None if any(not w for w in words) else frozenset(w[-1] for w in words)


def glued_start(text: str, line: Line, grammar: Grammar) -> tuple[int, LineKind] | None:
    """A title or addressee glued onto the end of a line: its view offset and kind."""
    prep = segment_rules(grammar)
    s = strip_trailing_debris(text[line.start : line.end].rstrip(" \r"), grammar)
    if not s:
        return None
    glued = glued_opening(s, grammar)  # …起施行。山东省能源局关于商请会签…的函省发展改革委…
    if may(prep.glued_head, s) and (head := prep.glued_head.pattern.search(s)) is not None and (glued is None or head.start() < glued[0]):
        return line.start + head.start("start"), LineKind.TITLE if head.group("start")[0] == "#" else LineKind.METADATA  # …施行。# 上海市专利保护条例
    if glued is not None:
        return line.start + glued[0], glued[1]
    # an addressee after a sentence: …起施行。各区人民政府，市政府直属各单位： (samples/004 l.3785)
    if s.endswith(":"):
        cut = max(s.rfind(p) for p in ("。", ";"))
        if cut >= 0 and cut < len(s) - 4:
            tail = s[cut + 1 :]
            if prep.addressee.match(tail) and tail.lstrip().startswith("各"):
                return line.start + cut + 1, LineKind.ADDRESSEE
    if may(prep.glued_metadata, s):
        for m in prep.glued_metadata.pattern.finditer(s):
            if m.start("start") > 0:
                return line.start + m.start("start"), LineKind.METADATA
    lasts = grammar.derived(_title_lasts)
    end = s.rstrip(" \r")
    if lasts is not None and end and end[-1] not in lasts and end[-1] != ")" and not end.endswith(prep.debris):
        # what follows needs title_kind of a tail of s: a tail ends as s does (no debris word, no
        # parenthesised note to drop), so without a title ending's last character it has no kind
        return None
    cut = -1
    for p in prep.sentence_end:
        cut = max(cut, s.rfind(p))
    if prep.debris_any is not None and prep.debris_any.search(s):
        for word in prep.debris:
            at = s.rfind(word)
            if at >= 0:
                cut = max(cut, at + len(word) - 1)
    tail_start = cut + 1
    tail = s[tail_start:]
    if tail_start > 0 or debris_end(s, grammar) > 0:
        skip = debris_end(tail, grammar)
        tail_start += skip
        tail = s[tail_start:]
    kind = title_kind(tail, grammar)
    # the first issuer+关于 in the tail whose rest is a title starts it (附件：…清单深圳市人民政府…)
    for m in prep.title_start.pattern.finditer(tail) if may(prep.title_start, tail) else ():
        rest_kind = title_kind(tail[m.start() :], grammar)
        if rest_kind is not None:
            if m.start() > 0:
                return line.start + tail_start + m.start(), rest_kind
            break
    if kind is not None and tail_start > 0:
        return line.start + tail_start, kind
    return None
