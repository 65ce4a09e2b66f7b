"""Stage 1, XML records: a law database's record (one root element holding one element per field,
such as the Taiwan law database's ``<法規>`` with ``<法規名稱>``, ``<沿革內容>``, ``<條文>``) into
the text the pipeline parses, with lxml, never the network (no DTD, no entity expansion).

The text sztext returns for a record *is* the input text of the pipeline, as for HTML:

1. the fields of the ``layout`` list ``record_head`` first, in that order (the record's title,
   then its history of promulgations, so that the header reads them as it reads a title and the
   promulgation notes under it);
2. then every other field in document order, except the fields of ``record_skip`` (the
   database's URLs, classes, flags and update stamps, which are not text of the document);
3. a field of ``record_label`` (an article number, ``第 1 條``) starts the first line of the
   field after it (its article text), as an article marker starts its line in print.

A field's text keeps its lines, except that a line which starts with a blank continues the line
before (the history entries are wrapped at a fixed width: ``…第 102003482`` / ``  5 號令…``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

    from ..grammar import Grammar

__all__ = ["looks_like_record", "opens_like_record", "record_to_text", "render_record"]

# A root element with a name and at least one child field, the whole input being that element.
_ROOT = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?<([^\s<>/!?]+)>\s*<[^\s<>/!?]+[ >/]")
_CONTINUED = re.compile(r"\n[ \t\u3000]+")


def looks_like_record(text: str) -> bool:
    """True when the text is one XML element holding field elements (``<法規><法規性質>…``) and
    ending with that element's closing tag."""
    m = _ROOT.match(text)
    return m is not None and text.rstrip().endswith(f"</{m.group(1)}>")


def opens_like_record(head: str) -> bool:
    """The start of a text (``head``) opens like a record: a root element and a first field
    (a streamed file that may be one is loaded whole, to be rendered as ``parse_file`` renders it).

    >>> opens_like_record("<法規>\\n<法規名稱>國家情報工作獎勵辦法"), opens_like_record("国家情报工作奖励办法")
    (True, False)
    """
    return _ROOT.match(head) is not None


def render_record(text: str, grammar: Grammar | None = None) -> str | None:
    """The rendered text when ``text`` is a whole XML record that parses (the loader's and
    ``sztext.parse``'s one test), else ``None``."""
    return record_to_text(text, grammar) if looks_like_record(text) else None


def record_to_text(text: str, grammar: Grammar | None = None) -> str | None:
    """The text of an XML record (see the module docstring), or ``None`` when it does not parse
    as XML.

    >>> record_to_text("<法規><法規網址>https://x</法規網址><沿革內容><![CDATA[1.中華民國九十九年九月七日國家安全局令\\n  訂定發布]]></沿革內容>"
    ...                "<法規名稱>辦法</法規名稱><條文><條號>第 1 條</條號><條文內容>本辦法依法訂定之。</條文內容></條文></法規>")
    '辦法\\n1.中華民國九十九年九月七日國家安全局令訂定發布\\n第 1 條 本辦法依法訂定之。\\n'
    """
    from lxml import etree

    from ..grammar import load_grammar

    g = grammar or load_grammar()
    head, skip, label = (g.word_list("layout", name) for name in ("record_head", "record_skip", "record_label"))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except (etree.XMLSyntaxError, ValueError):
        # records joined one after another (</法規><法規>, a database's export run together): one text
        # each, a blank line between them, in order; None when a piece is no record either
        m = _ROOT.match(text)
        tag = re.escape(m.group(1)) if m else ""
        pieces = re.split(rf"(?<=</{tag}>)\s*(?=<{tag}[ >])", text.strip()) if m else []
        if len(pieces) < 2:
            return None
        texts = [record_to_text(piece, g) for piece in pieces]
        return None if any(t is None for t in texts) else "\n".join(t for t in texts if t is not None)
    records = [el for el in root if isinstance(el.tag, str)]
    if len(records) >= 2 and len({el.tag for el in records}) == 1 and all(any(c.tag in head for c in el) for el in records):
        # a wrapper of records (<LAWS><法規>…</法規><法規>…</法規></LAWS>): each record its own text, as joined ones
        texts = [_fields_text(el, head, skip, label) for el in records]
        return "\n".join(t for t in texts if t is not None) or None
    return _fields_text(root, head, skip, label)


def _fields_text(root: etree._Element, head: tuple[str, ...], skip: tuple[str, ...], label: tuple[str, ...]) -> str | None:
    """The text of one record element (see the module docstring), ``None`` when no field holds text."""
    fields: list[tuple[str, str]] = []  # (tag, text) of every leaf field with text, in document order
    for el in root.iter():
        if not isinstance(el.tag, str) or len(el) or el.tag in skip:
            continue
        value = _CONTINUED.sub("", (el.text or "").replace("\r\n", "\n")).strip()
        if value:
            fields.append((el.tag, value))
    ordered = [f for tag in head for f in fields if f[0] == tag] + [f for f in fields if f[0] not in head]
    lines: list[str] = []
    pending = ""  # a label waiting for the field it starts
    for tag, value in ordered:
        if tag in label:
            if pending:
                lines.append(pending)
            pending = value
            continue
        first, *rest = [ln.strip() for ln in value.split("\n")]
        lines.append(f"{pending} {first}" if pending else first)
        lines.extend(ln for ln in rest if ln)
        pending = ""
    if pending:
        lines.append(pending)
    return "\n".join(lines) + "\n" if lines else None

