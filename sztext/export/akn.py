"""Akoma Ntoso 3.0 XML: one ``<akomaNtoso>`` file per document, made with lxml.

``<doc name="通知">`` for notices, ``<act>`` for texts of chapters and articles. The FRBR URIs
are built from issuer, date and 文号 (``/akn/cn/doc/{issuer}/{date}/{文号}``). Money is
``<quantity normalized=…>``, dates ``<date date=…>``, units ``<organization refersTo=…>``,
citations ``<ref>``; every value's span and the noise report are kept in ``meta/proprietary``
so each value stays checkable against the source.
"""

from __future__ import annotations

import hashlib
import re
from typing import Iterable

from lxml import etree

from ..models import Node, Notice, TextValue

__all__ = ["to_akn", "AKN_NS", "SZ_NS"]

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SZ_NS = "https://sztext.invalid/ns/provenance/1.0"
_A = "{%s}" % AKN_NS
_S = "{%s}" % SZ_NS
_UNSAFE = re.compile(r"[^\w\-〔〕\[\]()（）]+")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _x(text: str | None) -> str:
    """Text safe for XML 1.0 (control characters cannot be written)."""
    return _XML_BAD.sub("\ufffd", text or "")


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _A + tag, {k.rstrip("_"): _x(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _x(text)
    return el


def _uri_part(value: str | None) -> str:
    return _UNSAFE.sub("-", value).strip("-") if value else "unknown"


def _eid(node: Node) -> str:
    return "n_" + (node.path or "").replace(".", "_") if node.path else "p"


def to_akn(notice: Notice) -> bytes:
    """The Akoma Ntoso XML of one document (UTF-8 bytes, well-formed, AKN 3.0 namespace).

    >>> import sztext
    >>> xml = to_akn(sztext.parse("深圳市人民政府关于印发若干措施的通知\\n深府规〔2024〕6号\\n各区人民政府：\\n一、给予最高20万元奖励。\\n"))
    >>> b'<doc name="\\xe9\\x80\\x9a\\xe7\\x9f\\xa5"' in xml
    True
    """
    is_act = any(n.kind in ("chapter", "article") for n in notice.nodes())
    root = etree.Element(_A + "akomaNtoso", nsmap={None: AKN_NS, "sz": SZ_NS})
    doc = _el(root, "act" if is_act else "doc", name=notice.doc_type or ("令" if is_act else "文件"))
    meta = _el(doc, "meta")
    issuer = notice.issuer.clean if notice.issuer else None
    date = notice.signed_date.value.isoformat() if notice.signed_date and notice.signed_date.value else None
    number = notice.doc_number.clean if notice.doc_number else None
    work = f"/akn/cn/{'act' if is_act else 'doc'}/{_uri_part(issuer)}/{date or 'undated'}/{_uri_part(number or _digest(notice))}"
    ident = _el(meta, "identification", source="#sztext")
    for level, uri in (("FRBRWork", work), ("FRBRExpression", f"{work}/zho@"), ("FRBRManifestation", f"{work}/zho@/main.xml")):
        frbr = _el(ident, level)
        _el(frbr, "FRBRthis", value=uri)
        _el(frbr, "FRBRuri", value=uri)
        _el(frbr, "FRBRdate", date=date or "0001-01-01", name="signed" if date else "unknown")
        _el(frbr, "FRBRauthor", href=f"#{_uri_part(issuer)}")
        if level == "FRBRWork":
            _el(frbr, "FRBRcountry", value="cn")
            if number:
                _el(frbr, "FRBRnumber", value=number)
        if level == "FRBRExpression":
            _el(frbr, "FRBRlanguage", language="zho")
    refs = _el(meta, "references", source="#sztext")
    _el(refs, "TLCOrganization", eId="sztext", href="/ontology/organization/sztext", showAs="sztext")
    orgs = {u.canonical or u.name for n in notice.nodes() for g in n.unit_groups for u in g}
    if issuer:
        orgs.add(issuer)
    for org in sorted(orgs):
        _el(refs, "TLCOrganization", eId=_uri_part(org), href=f"/ontology/organization/cn/{_uri_part(org)}", showAs=org)
    _provenance(_el(meta, "proprietary", source="#sztext"), notice)

    preface = _el(doc, "preface")
    if notice.title or notice.main_title:
        title = notice.title or notice.main_title
        assert title is not None
        _el(_el(preface, "p"), "docTitle", title.clean)
    if number:
        _el(_el(preface, "p"), "docNumber", number)
    if issuer:
        _el(_el(preface, "p"), "docProponent", issuer, refersTo=f"#{_uri_part(issuer)}")
    if date and notice.signed_date:
        _el(_el(preface, "p"), "docDate", notice.signed_date.text.strip(), date=date)
    if notice.addressees:
        preamble = _el(doc, "preamble")
        for a in notice.addressees:
            _el(_el(preamble, "p"), "organization", a.clean, refersTo=f"#{_uri_part(a.clean)}")
    container = _el(doc, "body" if is_act else "mainBody")
    for node in notice.body:
        _node(container, node, is_act)
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml


def _digest(notice: Notice) -> str:
    return hashlib.sha256(notice.text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


_TAG = {"chapter": "chapter", "article": "article", "part": "part", "section": "hcontainer", "subsection": "hcontainer",
        "item": "hcontainer", "subitem": "hcontainer", "subsubitem": "hcontainer", "clause": "paragraph"}


def _node(parent: etree._Element, node: Node, is_act: bool) -> None:
    if node.kind == "paragraph":
        if node.clean.strip() or node.amounts or node.dates or node.unit_groups or node.citations:
            container = _el(parent, "hcontainer", name=node.role or "paragraph", eId=f"p_{node.span[0]}")
            _content(container, node)
        return
    tag = _TAG.get(node.kind, "hcontainer")
    attrs = {"eId": _eid(node)}
    if tag == "hcontainer":
        attrs["name"] = node.kind
    el = _el(parent, tag, **attrs)
    if node.marker:
        _el(el, "num", node.marker)
    if node.heading:
        _el(el, "heading", node.heading)
    _content(el, node)
    for child in node.children:
        _node(el, child, is_act)


def _content(el: etree._Element, node: Node) -> None:
    """The node's own text, then its values as inline elements (each with its source span in
    meta/proprietary)."""
    p = _el(_el(el, "content"), "p", node.clean.strip())
    for a in node.amounts:
        value = a.value if a.value is not None else a.high
        _el(p, "quantity", a.text.strip(), normalized=str(value), eId=f"q_{a.span[0]}", refersTo=f"#{a.currency}")
    for d in node.dates:
        if d.value is not None:
            _el(p, "date", d.text.strip(), date=d.value.isoformat())
    for group in node.unit_groups:
        for u in group:
            _el(p, "organization", u.name, refersTo=f"#{_uri_part(u.canonical or u.name)}", **{"class": u.role})
    for c in node.citations:
        _el(p, "ref", c.text.strip(), href=f"/akn/cn/doc/{_uri_part(c.doc_number or c.title)}")


def _provenance(prop: etree._Element, notice: Notice) -> None:
    sz = etree.SubElement(prop, _S + "provenance", {
        "source": _x(notice.source.path or ""), "index": str(notice.source.index),
        "start": str(notice.source.span[0]), "end": str(notice.source.span[1]),
        "version": notice.sztext_version, "grammar": notice.grammar_digest,
    })
    values: Iterable[tuple[str, TextValue | None]] = (
        ("title", notice.title), ("main_title", notice.main_title), ("doc_number", notice.doc_number), ("issuer", notice.issuer),
    )
    for name, value in values:
        if value is not None:
            etree.SubElement(sz, _S + "span", {"field": name, "start": str(value.span[0]), "end": str(value.span[1])}).text = _x(value.text)
    for n in notice.nodes():
        for a in n.amounts:
            etree.SubElement(sz, _S + "span", {"field": "amount", "ref": f"q_{a.span[0]}", "start": str(a.span[0]), "end": str(a.span[1])}).text = _x(a.text)
    for item in notice.noise:
        etree.SubElement(sz, _S + "noise", {"kind": item.kind, "start": str(item.span[0]), "end": str(item.span[1]), "repaired": _x(item.repaired or "")}).text = _x(item.text)
