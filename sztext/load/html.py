"""Stage 1, HTML: a page or fragment into the text that spans index, with lxml, never the network.

The page's ``<meta>`` fields become ``Name: value`` lines, then the main text (scored by paragraph
text, menus and link lists left out), one block element per line. DTD internal subsets are
removed first, so no entity is ever defined or expanded.
"""

from __future__ import annotations

import re
from typing import Any

from ..chars import squash
from ..errors import InputError

__all__ = ["html_to_text", "html_text_and_warnings", "MAX_HTML_DEPTH"]

# Elements that end a line. ``td``/``th`` are separated by a tab inside their row instead.
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
    "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "center", "title", "hr", "header", "footer",
    "main", "nav", "aside", "figure", "figcaption", "caption", "thead", "tbody", "tfoot", "address",
})
# Elements whose text is never document text (scripts, widgets, forms).
_DROP_TAGS = frozenset({
    "script", "style", "noscript", "iframe", "object", "embed", "svg", "canvas", "template", "button",
    "select", "input", "textarea", "form", "head", "audio", "video", "map",
})
# Blocks whose text counts as a paragraph when scoring the main text.
_PARAGRAPH_TAGS = frozenset({"p", "div", "td", "th", "li", "dd", "pre", "blockquote", "center", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6"})
# The <meta> fields rendered as ``Name: value`` lines (gz.gov.cn and other TRS-built sites).
_META_NAMES = ("ArticleTitle", "PubDate", "ContentSource")
# Labels of the metadata tables of gov.cn fragments (索引号/发文机关/成文日期/发文字号/标题) and of
# the Guangzhou pages (统一编号/文号/实施日期/失效日期/发布机关, 名称/发布机构). A label is an element
# whose whole text is one of these plus a colon; its value is the text after it or the next cell.
_META_LABELS = frozenset({
    "索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "主题词", "统一编号",
    "文号", "实施日期", "失效日期", "发布机关", "文件状态", "分类", "发布机构", "名称", "有效性",
    "公文种类", "生效日期", "废止日期", "体裁分类", "组配分类", "发布时间", "时效性",
})
# Containers a label may sit in, climbed to find the cell that holds its value.
_LABEL_CELLS = frozenset({"td", "th", "dt", "b", "strong", "span", "font", "label", "em", "i"})
_SPACES = re.compile(r"[ \t\r\n\f\v\xa0]+")
# A DOCTYPE with an internal subset, and stray entity declarations: removed before parsing so that
# no entity is ever defined, let alone expanded (billion laughs, external entities). Found in one
# linear pass (_strip_dtd): a regex with a lazy `.*?` per <!DOCTYPE took 8 s on 100 KB of them.
_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
_SUBSET_OPEN = re.compile(r"[>\[]")
_SUBSET_CLOSE = re.compile(r"\]\s*>")
_ENTITY = re.compile(r"<!ENTITY[^<>]*>", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
# Characters XML forbids (C0 controls, lone surrogates, U+FFFE/U+FFFF): never page text, and
# lxml raises ValueError when a tree edit (dropping a <script> or a hidden element) meets one
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_REPRINT = re.compile(r"^[（(]转载[)）]")


def _strip_dtd(html: str) -> str:
    """``html`` without DOCTYPE internal subsets and entity declarations, in linear time."""
    out: list[str] = []
    pos = 0
    for m in _DOCTYPE.finditer(html):
        if m.start() < pos:
            continue
        opened = _SUBSET_OPEN.search(html, m.end())
        if opened is None or opened.group() == ">":
            continue  # a plain <!DOCTYPE html>: kept
        closed = _SUBSET_CLOSE.search(html, opened.end())
        if closed is None:
            break  # no later subset can close either; the rest is left to the parser as text
        out.append(html[pos : m.start()])
        pos = closed.end()
    out.append(html[pos:])
    return _ENTITY.sub("", "".join(out))


def _squashed_len(text: str | None) -> int:
    """``len(squash(text or ""))``: most texts and tails of a page are empty or blank (``\\s`` of
    ``re`` is ``str.isspace``, so a blank text squashes to nothing)."""
    return 0 if not text or text.isspace() else len(squash(text))


_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def _to_drop(root: Any) -> list[Any]:
    """The elements to drop, in document order: those of ``_DROP_TAGS`` and those the page
    never shows (a ``hidden`` attribute or ``display: none``: gz.gov.cn repeats the whole text,
    flattened, in a ``<div class="bbnr" style="display:none;">``, corpus 0018–0022). ``<html>``
    and ``<body>`` are never hidden: ``<body style="visibility: hidden">`` is revealed by a
    script (corpus 0024). One loop, no call per element."""
    found: list[Any] = []
    display_none = _DISPLAY_NONE.search
    for el in root.iter():
        tag = el.tag
        if tag.__class__ is not str:
            continue
        if tag.lower() in _DROP_TAGS:  # a set: most tags are none of them
            found.append(el)
        elif tag != "html" and tag != "body":
            if el.get("hidden") is not None:
                found.append(el)
            else:
                style = el.get("style")  # 10,410 of the 32 corpus pages' 18,319 elements have one
                if style and display_none(style):
                    found.append(el)
    return found


def _tag(el: Any) -> str:
    tag = el.tag
    return tag.lower() if tag.__class__ is str else ""


def _clean_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


# libxml2 stops building a tree deeper than 256 elements (2,048 with huge_tree) and drops the
# rest of the page; the renderer below recurses once per level. A page nested deeper than this
# is rendered flat instead (``_flat_text``), with an ``html_depth_limit`` warning.
MAX_HTML_DEPTH = 600
_FLAT_SKIP = frozenset({"script", "style", "noscript", "template", "textarea", "svg", "select"})
_FLAT_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>|<!--|<[!?/][^<>]*>")


def html_text_and_warnings(html: str) -> tuple[str, tuple[str, ...]]:
    """:func:`html_to_text` and the load warnings it met (``"code: message"`` strings)."""
    notes: list[str] = []
    text = _html_to_text(html, notes)
    return text, tuple(notes)


def _flat_text(source: str) -> str:
    """The text of markup read tag by tag, without a tree (linear): block tags end lines, the
    content of dropped elements (scripts, styles …) is left out, entities are unescaped."""
    import html as html_lib

    out: list[str] = []
    pos = 0
    skip: str | None = None  # inside <script> … </script>
    for m in _FLAT_TAG.finditer(source):
        if m.start() < pos:
            continue
        if skip is None:
            out.append(html_lib.unescape(source[pos : m.start()]))
        pos = m.end()
        if m.group() == "<!--":
            end = source.find("-->", pos)
            pos = len(source) if end < 0 else end + 3
            continue
        name = (m.group(2) or "").lower()
        if skip is not None:
            if m.group(1) and name == skip:
                skip = None
            continue
        if name in _FLAT_SKIP and not m.group(1):
            skip = name
        elif name in _BLOCK_TAGS or name in ("td", "th"):
            out.append("\n")
    if skip is None:
        out.append(html_lib.unescape(source[pos:]))
    lines = (_clean_line(ln) for ln in "".join(out).split("\n"))
    kept = [ln for ln in lines if ln]
    return "\n".join(kept) + "\n" if kept else ""


def html_to_text(html: str) -> str:
    """The text of an HTML page: ``<meta>`` fields, metadata-table rows, then the main text.

    The output is the text that every span of an HTML input indexes, one block per line:

    1. ``ArticleTitle`` / ``PubDate`` / ``ContentSource`` metas as ``Name: value`` lines;
    2. every metadata-table pair of the page (gov.cn 索引号/发文机关/成文日期/发文字号/标题, gz.gov.cn
       文号/实施日期/发布机关 …) as a ``标签：值`` line;
    3. the main text: the block that holds most of the page's paragraph text (td#UCAP-CONTENT,
       div.article-content …), widened to the nearest ancestor that also holds the article's
       title when that adds little; outside the main block, lines made only of links (share
       buttons, breadcrumbs' links, related-article lists) are dropped. Page furniture inside the
       kept text (【字体：大 中 小】, 【打印】, 分享到 …) stays and is reported as noise by ``noise.toml``.

    lxml parses without network access; DTD internal subsets are removed first, so no entity is
    ever declared or expanded.

    Raises:
        InputError: the markup cannot be parsed at all.

    >>> html_to_text('<html><head><meta name="PubDate" content="2019-02-13"></head>'
    ...              '<body><p>国务院关于<b>印发</b>的通知</p><p>各省：</p></body></html>')
    'PubDate: 2019-02-13\\n国务院关于印发的通知\\n各省：\\n'
    >>> print(html_to_text('<table><tr><td><b>发文字号：</b></td><td>国发〔2019〕4号</td></tr></table>'
    ...                    '<div id="c"><p>国务院关于印发方案的通知</p><p>各省、自治区：</p></div>'), end="")
    发文字号：国发〔2019〕4号
    国务院关于印发方案的通知
    各省、自治区：
    """
    return _html_to_text(html, [])


def _html_to_text(html: str, notes: list[str]) -> str:
    from lxml import etree

    # lxml.etree's parser, not lxml.html's: lxml.html looks up a Python element class for every
    # element proxy it creates (a Python call per element visited); the two methods of
    # lxml.html used here are _drop_tree and _text_content below, written as lxml.html has them
    parser = etree.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=True, default_doctype=False,
    )
    # C0 controls are never page text, and lxml refuses some of them next to <script> (ValueError)
    source = _CONTROLS.sub("", _strip_dtd(_XML_DECL.sub("", html)))
    if not source.strip():
        return ""
    try:
        root = etree.fromstring(source, parser)
        if root is None:
            raise etree.ParserError("Document is empty")  # as lxml.html.document_fromstring
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}") from exc
    except Exception as exc:
        raise InputError(f"cannot parse HTML: {exc}") from exc
    cut = any("Excessive depth" in str(e.message) for e in parser.error_log)
    if cut or _deeper_than(root, MAX_HTML_DEPTH):
        notes.append(f"html_depth_limit: elements nested more than {MAX_HTML_DEPTH} levels deep; the page was read tag by tag, without its layout")
        return _flat_text(source)
    lines: list[str] = []
    for name in _META_NAMES:
        for meta in root.iter("meta"):
            if meta.get("name") == name and (meta.get("content") or "").strip():
                lines.append(f"{name}: {_clean_line(meta.get('content') or '')}")
                break
    title_probe = next((ln.split(": ", 1)[1] for ln in lines if ln.startswith("ArticleTitle: ")), "")
    try:
        for bad in _to_drop(root):
            _drop_tree(bad)
    except ValueError as exc:  # lxml refusing a character the filter above let through
        raise InputError(f"cannot read HTML: {exc}") from exc
    body = root.find("body")
    top = body if body is not None else root
    sizes, own, labels = _text_sizes(top)
    pairs, consumed = _metadata_pairs(labels)
    for label, value in pairs:
        lines.append(f"{label}：{value}")
        if not title_probe and label in ("标题", "名称"):
            title_probe = value
    main = _main_block(top, sizes, own)
    article = _article_block(main, sizes, squash(_REPRINT.sub("", title_probe)))
    lines.extend(_render(article, main if article is not main else None, consumed, article is main))
    return "\n".join(lines) + "\n" if lines else ""


_STRING: Any = None


def _text_content(el: Any) -> str:
    """``lxml.html.HtmlMixin.text_content``: the XPath ``string()`` of the element."""
    global _STRING
    if _STRING is None:
        from lxml import etree

        _STRING = etree.XPath("string()", smart_strings=False)
    text: str = _STRING(el)
    return text


def _drop_tree(el: Any) -> None:
    """``lxml.html.HtmlMixin.drop_tree``: the element and its subtree removed, its tail kept on
    the previous sibling or the parent."""
    parent = el.getparent()
    assert parent is not None
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


_DEEPER: dict[int, Any] = {}


def _deeper_than(root: Any, depth: int) -> bool:
    """``_depth(root) > depth``, found by libxml2 (a Python loop over every node cost 15% of
    loading a page): a node other than text below ``depth - 1`` levels of elements under
    ``root``. One child step per level keeps it linear in the tree's size, and
    ``node()[not(self::text())]`` is what lxml iterates as children (elements, comments,
    processing instructions, entity references)."""
    xpath = _DEEPER.get(depth)
    if xpath is None:
        from lxml import etree

        xpath = _DEEPER[depth] = etree.XPath("boolean(." + "/*" * (depth - 1) + "/node()[not(self::text())])")
    return bool(xpath(root))


def _depth(root: Any) -> int:
    """The deepest nesting of the tree (iterative)."""
    deepest = 0
    stack = [(root, 1)]
    while stack:
        el, d = stack.pop()
        deepest = max(deepest, d)
        stack.extend((child, d + 1) for child in el)
    return deepest


def _text_sizes(top: Any) -> tuple[dict[Any, int], dict[Any, int], list[Any]]:
    """Non-link, non-space characters under every element (post-order, no recursion), each
    counted element's own characters (its text and its children's tails), and the elements
    whose text holds a colon (the labels ``_metadata_pairs`` reads), in document order: one
    pass over the tree for both."""
    sizes: dict[Any, int] = {}
    own: dict[Any, int] = {}
    labels: list[Any] = []
    for el in reversed(list(top.iter())):
        tag = el.tag
        if tag.__class__ is not str:
            sizes[el] = 0
            continue
        text = el.text
        if text and ("：" in text or ":" in text):
            labels.append(el)
        if tag.lower() == "a":
            sizes[el] = 0
            continue
        # _squashed_len inlined: most texts and tails are empty or blank
        n = 0 if not text or text.isspace() else len(squash(text))
        below = 0
        for child in el:
            tail = child.tail
            if tail and not tail.isspace():
                n += len(squash(tail))
            below += sizes.get(child, 0)
        own[el] = n
        sizes[el] = n + below
    labels.reverse()
    return sizes, own, labels


def _main_block(top: Any, sizes: dict[Any, int], own_sizes: dict[Any, int]) -> Any:
    """The element that holds the article's paragraphs (a readability-style score).

    Each element's own text of 20 characters or more counts fully for the parent of its nearest
    paragraph block and half for the grandparent, so the container of many paragraphs wins over
    the page's menus, whose texts are links (not counted) or short.
    """
    scores: dict[Any, float] = {}
    blocks: list[tuple[Any, int]] = []  # (paragraph block, its text) for _widened
    for el in reversed(own_sizes):  # document order, as top.iter(): ties go to the first
        own = own_sizes[el]
        if own < 20:
            continue  # menus, buttons and labels are short; paragraphs are not
        block = el
        while block is not top and _tag(block) not in _PARAGRAPH_TAGS:
            block = block.getparent()
        blocks.append((block, own))
        parent = block.getparent() if block is not top else None
        if parent is None:
            scores[top] = scores.get(top, 0.0) + own
            continue
        scores[parent] = scores.get(parent, 0.0) + own
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + own / 2
    if not scores:
        return top
    best = max(scores, key=lambda e: scores[e])
    # a lone paragraph block's score sits on its container: take that container (it is ``best``)
    return _widened(best, top, blocks) if sizes.get(best, 0) else top


def _widened(best: Any, top: Any, blocks: list[tuple[Any, int]]) -> Any:
    """``best`` or the container of the editor layout it is one piece of: a <section> inside
    <section>s whose outermost section's parent holds three times its paragraph text is one
    answer of an article laid out by a WeChat-style editor, where each heading and each
    paragraph sits in its own nested sections (01 什么是电子居住证？ / its answer …: 广州 来穗人员
    电子居住证 page, devcorpus 0271, laid out by the 135编辑器); the parent of the outermost section is
    the article. Any other main block stays as it is."""
    if _tag(best) != "section":
        return best
    outer = best
    while outer.getparent() is not None and outer.getparent() is not top and _tag(outer.getparent()) == "section":
        outer = outer.getparent()
    container = outer.getparent()
    if container is None or container is top or outer is best:
        return best
    under: dict[Any, int] = {}
    for block, own in blocks:
        node = block
        while node is not None:
            under[node] = under.get(node, 0) + own
            if node is top:
                break
            node = node.getparent()
    return container if under.get(container, 0) >= 3 * under.get(best, 0) else best


def _article_block(main: Any, sizes: dict[Any, int], title: str) -> Any:
    """``main`` widened to the nearest ancestor that holds the article's title, if one is close.

    The title is the page's ArticleTitle (or metadata 标题/名称); without one, an ``<h1>``/``<h2>``
    just above the main block is taken for it.
    """
    if not title:
        node = main.getparent()
        for _ in range(2):
            if node is None or _tag(node) in ("body", "html") or sizes.get(node, 0) > sizes.get(main, 0) + 300:
                break
            if any(h is not main and main not in h.iterancestors() for h in node.iter("h1", "h2")):
                return node
            node = node.getparent()
        return main
    if title in squash(_text_content(main)):
        return main
    limit = sizes.get(main, 0) + 1000
    node = main.getparent()
    while node is not None and _tag(node) not in ("body", "html") and sizes.get(node, 0) <= limit:
        if title in squash(_text_content(node)):
            return node
        node = node.getparent()
    return main


def _metadata_pairs(candidates: list[Any]) -> tuple[list[tuple[str, str]], set[Any]]:
    """``(label, value)`` of every metadata-table cell pair, and the elements they consumed.
    ``candidates``: the elements whose text holds a colon, in document order (``_text_sizes``)."""
    pairs: list[tuple[str, str]] = []
    consumed: set[Any] = set()
    seen: set[tuple[str, str]] = set()
    for el in candidates:
        if el in consumed:
            continue
        raw = squash(_text_content(el))
        label = raw.rstrip(":：")
        if label not in _META_LABELS or raw == label:
            continue
        value, used = _label_value(el)
        consumed.add(el)
        consumed.update(used)
        if value and (label, value) not in seen:
            seen.add((label, value))
            pairs.append((label, value))
    return pairs, consumed


def _label_value(label: Any) -> tuple[str, list[Any]]:
    """The value of a label element: the text after it in its cell, else the next cell."""
    tail = _clean_line(label.tail or "")
    parent = label.getparent()
    if tail:
        # <li><span>文　　号：</span>穗府办规〔2021〕7号</li>: the value is the rest of the cell
        if parent is None:
            return "", []
        rest = squash(_text_content(parent))
        if len(rest) > len(squash(_text_content(label))) + 200:
            return "", []
        after = [tail] + [_clean_line(_text_content(s) + (s.tail or "")) for s in label.itersiblings()]
        return _clean_line(" ".join(a for a in after if a)), [parent]
    node = label
    while node.getnext() is None and _tag(node.getparent()) in _LABEL_CELLS:
        node = node.getparent()
    cell = node.getnext()
    if cell is None or _tag(cell) in _BLOCK_TAGS - {"dd"}:
        return "", [node]
    return _clean_line(_text_content(cell)), [node, cell]


def _in_heading(el: Any) -> bool:
    return any(_tag(a) in ("h1", "h2", "h3", "h4", "h5", "h6") for a in el.iterancestors())


def _render(article: Any, main: Any, skip: set[Any], in_main: bool) -> list[str]:
    """The lines of ``article``; outside ``main``, a line made only of link text is dropped.

    One closure, not a class: the walk visits every element of the article, and a method call
    per text (``add``) and per block end cost a third of loading a page. A line's flags only go
    from False to True, so a text is stripped only when it could still set one."""
    lines: list[str] = []
    buf: list[str] = []
    plain = False  # the line has text outside links
    outside = False  # the line has text outside the main block

    def newline() -> None:
        nonlocal plain, outside
        line = _clean_line("".join(buf))
        if line and (plain or not outside):
            lines.append(line)
        buf.clear()
        plain = outside = False

    def walk(el: Any, in_link: bool, in_main: bool) -> None:
        nonlocal plain, outside
        if el in skip:
            return
        tag = el.tag
        tag = tag.lower() if tag.__class__ is str else ""
        in_main = in_main or el is main
        in_link = in_link or tag == "a"
        # <h2>title<small>(发布日期：… 文号：…)</small></h2>: the subtitle is a line of its own (corpus 0046)
        block = tag in _BLOCK_TAGS or el is main or (tag == "small" and _in_heading(el))
        if block and buf:
            newline()
        # a text sets the flags only when one of them can still change
        settles = (not in_link and not plain) or (not in_main and not outside)
        text = el.text
        if text:
            buf.append(text)
            if settles and text.strip():
                plain = plain or not in_link
                outside = outside or not in_main
                settles = (not in_link and not plain) or (not in_main and not outside)
        for child in el:
            if child.tag.__class__ is str:
                walk(child, in_link, in_main)
                settles = (not in_link and not plain) or (not in_main and not outside)
            tail = child.tail
            if tail:
                buf.append(tail)
                if settles and tail.strip():
                    plain = plain or not in_link
                    outside = outside or not in_main
                    settles = (not in_link and not plain) or (not in_main and not outside)
        if tag in ("td", "th"):
            buf.append("\t")  # blank: sets no flag
        if block and buf:
            newline()

    walk(article, False, in_main)
    if buf:
        newline()
    return lines
