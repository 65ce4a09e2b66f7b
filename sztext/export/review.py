"""The review page: one self-contained HTML file that shows a document's text with every
extracted value marked where it came from, the outline beside it, and the warnings.

It is how a researcher checks a dataset and a developer sees a rule misfire: hover a mark for
its kind and value, click it for everything sztext knows of it (rule_id, span, normalised
value). No external URL, no network: styles and the small script are inline.

Values are found by walking the Notice generically, so a field added to the contract is marked
without a change here: every model with ``text`` and ``span`` is a value, named by the field it
sits in (``doc_number``, ``addressees``, ``amounts`` …). Outline nodes are not values; they are
the tree on the left and an anchor in the text.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Iterator

from pydantic import BaseModel

from ..models import Node, Notice, Source

__all__ = ["ReviewValue", "review_values", "to_review_html"]

# Field name -> the colour family of its marks. A field not listed gets the "other" family.
_KIND_CLASS = {
    "title": "title",
    "main_title": "title",
    "doc_number": "docnumber",
    "issuer": "issuer",
    "issuers": "issuer",
    "signer": "issuer",
    "addressees": "addressee",
    "cc": "addressee",
    "signed_date": "date",
    "published_date": "date",
    "dates": "date",
    "effective": "effective",
    "repeals": "citation",
    "citations": "citation",
    "amounts": "amount",
    "noise": "noise",
}


@dataclass(frozen=True, slots=True)
class ReviewValue:
    """One marked value: its kind (the contract field it sits in), span and details."""

    kind: str
    css: str
    start: int
    end: int
    details: dict[str, Any]


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return {k: _plain(v) for k, v in value.model_dump(mode="python", by_alias=True).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _is_value(model: Any) -> bool:
    return isinstance(model, BaseModel) and not isinstance(model, (Node, Source)) and isinstance(getattr(model, "span", None), (list, tuple))


def _walk(field: str, value: Any) -> Iterator[tuple[str, BaseModel]]:
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _walk(field, item)
    elif _is_value(value):
        yield field, value


def _unit_values(notice: Notice) -> Iterator[ReviewValue]:
    for node in notice.nodes():
        for g, group in enumerate(node.unit_groups):
            for unit in group:
                details = _plain(unit)
                details.update(kind=f"unit ({unit.role})", node=node.path or node.marker, group=g)
                yield ReviewValue("unit", f"unit-{unit.role}", unit.span[0], unit.span[1], details)


def review_values(notice: Notice) -> list[ReviewValue]:
    """Every value of ``notice`` that has a span, once each, in text order.

    Node-level copies of document-level values (an amount on its measure and in ``amounts[]``)
    are the same value and appear once; units come from the outline (they exist only there).
    """
    seen: set[tuple[str, int, int]] = set()
    out: list[ReviewValue] = []
    for field in type(notice).model_fields:
        if field in ("body", "source"):
            continue
        for name, model in _walk(field, getattr(notice, field)):
            start, end = model.span  # type: ignore[attr-defined]
            key = (name, start, end)
            if key in seen:
                continue
            seen.add(key)
            details = _plain(model)
            details["kind"] = name
            css = _KIND_CLASS.get(name, "other")
            if name == "noise":
                css = "noise"
            out.append(ReviewValue(name, css, start, end, details))
    for value in _unit_values(notice):
        key = (value.css, value.start, value.end)
        if key not in seen:
            seen.add(key)
            out.append(value)
    out.sort(key=lambda v: (v.start, -v.end, v.kind))
    return out


def _summary(v: ReviewValue) -> str:
    d = v.details
    parts = [v.kind]
    for key in ("value", "low", "high", "currency", "qualifier", "per", "canonical", "name", "repaired", "rule_id"):
        if d.get(key) not in (None, "", False):
            parts.append(f"{key}={d[key]}")
    return " · ".join(str(p) for p in parts)


def _marked_text(text: str, offset: int, values: list[tuple[int, ReviewValue]], anchors: dict[int, str]) -> str:
    """``text`` (which starts at ``offset`` of the source) as HTML with nested marks.

    Values may overlap without nesting (a date inside an effective clause that ends elsewhere):
    the text is cut at every value boundary and each piece is wrapped in every value that covers
    it, outermost first, so the markup is always well formed and no value is dropped.
    """
    bounds = {0, len(text)}
    for _, v in values:
        bounds.add(max(0, min(len(text), v.start - offset)))
        bounds.add(max(0, min(len(text), v.end - offset)))
    for pos in anchors:
        if 0 <= pos - offset <= len(text):
            bounds.add(pos - offset)
    cuts = sorted(bounds)
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        if a + offset in anchors:
            out.append(f'<span class="anchor" id="{anchors[a + offset]}"></span>')
        if b is None:
            break
        piece = html.escape(text[a:b])
        active = [(i, v) for i, v in values if v.start - offset <= a and v.end - offset >= b and v.end > v.start]
        for i, v in reversed(active):
            piece = f'<mark class="v {v.css}" data-v="{i}" title="{html.escape(_summary(v))}">{piece}</mark>'
        out.append(piece)
    return "".join(out)


def _outline(nodes: Iterable[Node], doc: int) -> str:
    items = []
    for node in nodes:
        if node.kind == "paragraph" and not node.children:
            continue
        label = " ".join(x for x in (node.marker or "", node.heading or node.clean.strip()[:30]) if x)
        extra = []
        if node.unit_groups:
            extra.append(f"{sum(len(g) for g in node.unit_groups)} 单位")
        if node.amounts:
            extra.append(f"{len(node.amounts)} 金额")
        tail = f' <small>{html.escape(", ".join(extra))}</small>' if extra else ""
        kids = _outline(node.children, doc)
        items.append(f'<li><a href="#n{doc}-{node.span[0]}">{html.escape(label)}</a>{tail}{kids}</li>')
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _header_rows(notice: Notice) -> str:
    rows = []
    fields = [
        ("title", "标题"), ("doc_type", "文种"), ("doc_number", "发文字号"), ("issuer", "发文机关"),
        ("signer", "签发人"), ("addressees", "主送"), ("signed_date", "成文日期"), ("published_date", "发布日期"),
        ("effective", "施行"), ("jurisdiction", "地域"), ("validity", "时效性"), ("legal_level", "效力级别"),
        ("urgency", "紧急程度"), ("copy_number", "份号"), ("secrecy", "密级"), ("note", "附注"),
        ("printed_by", "印发机关"), ("printed_date", "印发日期"), ("duplicate_of", "重复于"),
    ]
    for name, label in fields:
        if name not in type(notice).model_fields:
            continue
        value = getattr(notice, name)
        if value in (None, [], ""):
            continue
        if isinstance(value, list):
            shown = "；".join(str(getattr(v, "clean", None) or getattr(v, "text", v)) for v in value)
        elif isinstance(value, BaseModel):
            d = _plain(value)
            shown = str(d.get("value") or d.get("clean") or d.get("name") or d.get("text") or d)
        else:
            shown = str(value)
        rows.append(f"<tr><th>{label}</th><td>{html.escape(shown)}</td></tr>")
    return "".join(rows)


_CSS = """
body{font:14px/1.6 system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:8px 16px;background:#234;color:#fff}header h1{font-size:16px;margin:0}
.doc{display:grid;grid-template-columns:320px 1fr 300px;gap:12px;padding:12px;border-bottom:2px solid #ccc}
nav{overflow:auto;max-height:90vh;font-size:13px}nav ul{padding-left:14px;margin:2px 0}nav a{color:#135;text-decoration:none}
.text{white-space:pre-wrap;background:#fff;padding:12px;border:1px solid #ddd;max-height:90vh;overflow:auto}
aside{font-size:13px;max-height:90vh;overflow:auto}table{border-collapse:collapse}th{text-align:left;padding-right:8px;vertical-align:top;white-space:nowrap}
mark.v{background:none;border-bottom:2px solid;cursor:pointer}
.title{background:#e3ecff!important;border-color:#36c}.docnumber{background:#ffe9c7!important;border-color:#e80}
.issuer{background:#e6f6e6!important;border-color:#393}.addressee{background:#f0e6fa!important;border-color:#84c}
.date{background:#e0f7f7!important;border-color:#099}.effective{border-color:#066;border-bottom-style:double}
.amount{background:#fff3a8!important;border-color:#b90}.citation{background:#eee!important;border-color:#666}
.unit-lead{background:#ffd6d6!important;border-color:#c00}.unit-responsible{background:#ffe6e6!important;border-color:#e55}
.unit-cooperating{background:#fff0f0!important;border-color:#f99;border-bottom-style:dashed}
.noise{background:#ddd!important;border-color:#999;text-decoration:line-through}.other{border-color:#999}
mark.sel{outline:2px solid #000}#panel{white-space:pre-wrap;font-family:monospace;font-size:12px;background:#fff;border:1px solid #ccc;padding:6px}
.legend span{color:#222;display:inline-block;margin:2px 6px 2px 0;padding:0 4px;border-bottom:2px solid}.warn{color:#a40}
"""

_JS = """
(function(){
  var data = JSON.parse(document.getElementById('values').textContent);
  var panel = document.getElementById('panel');
  document.body.setAttribute('data-values', String(data.length));
  var ids = {};
  document.querySelectorAll('mark.v').forEach(function(m){ ids[m.getAttribute('data-v')] = 1; });
  document.body.setAttribute('data-marked', String(Object.keys(ids).length));
  document.addEventListener('click', function(e){
    var m = e.target.closest('mark.v'); if(!m) return;
    document.querySelectorAll('mark.sel').forEach(function(x){ x.classList.remove('sel'); });
    document.querySelectorAll('mark[data-v="'+m.getAttribute('data-v')+'"]').forEach(function(x){ x.classList.add('sel'); });
    panel.textContent = JSON.stringify(data[+m.getAttribute('data-v')], null, 1);
  });
})();
"""


def to_review_html(notices: list[Notice], *, title: str | None = None) -> str:
    """The review page of the documents of one input (usually one file), as an HTML string.

    Every value of every document is marked in its text (``mark.v`` elements with a
    ``data-v`` index into the embedded JSON list of values); when loaded, the page's script sets
    ``data-values`` and ``data-marked`` on ``<body>`` (used by the browser test).
    """
    all_values: list[dict[str, Any]] = []
    sections = []
    for d, notice in enumerate(notices):
        start, end = notice.source.span
        text = notice.source_text[start:end]
        values = review_values(notice)
        indexed = []
        for v in values:
            indexed.append((len(all_values), v))
            all_values.append({"doc": d, "span": [v.start, v.end], **v.details})
        anchors = {node.span[0]: f"n{d}-{node.span[0]}" for node in notice.nodes() if node.kind != "paragraph" or node.children}
        warnings = "".join(
            f'<li class="warn">{html.escape(w.code)}: {html.escape(w.message)}'
            + (f' <a href="#n{d}-w{w.span[0]}">@{w.span[0]}</a>' if w.span else "") + "</li>"
            for w in notice.warnings
        )
        for w in notice.warnings:
            if w.span:
                anchors.setdefault(w.span[0], f"n{d}-w{w.span[0]}")
        heading = notice.title.clean if notice.title else f"document {notice.source.index}"
        sections.append(
            f'<section class="doc" id="doc{d}"><nav><b>{html.escape(heading)}</b>{_outline(notice.body, d)}</nav>'
            f'<div class="text">{_marked_text(text, start, indexed, anchors)}</div>'
            f'<aside><table>{_header_rows(notice)}</table><p>{len(values)} values</p>'
            f'<ul>{warnings}</ul></aside></section>'
        )
    legend = "".join(
        f'<span class="{c}">{html.escape(n)}</span>'
        for c, n in (
            ("title", "标题"), ("docnumber", "文号"), ("issuer", "机关"), ("addressee", "主送/抄送"), ("date", "日期"),
            ("amount", "金额"), ("unit-lead", "牵头"), ("unit-responsible", "责任"), ("unit-cooperating", "配合"),
            ("citation", "引用"), ("noise", "噪声"),
        )
    )
    blob = json.dumps(all_values, ensure_ascii=False, default=str).replace("<", "\\u003c")
    page_title = html.escape(title or (notices[0].source.path or "sztext review") if notices else "sztext review")
    return (
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
        f"<title>{page_title}</title><style>{_CSS}</style></head><body>"
        f'<header><h1>sztext review — {page_title}</h1><div class="legend">{legend}</div>'
        f'<div>{len(notices)} document(s), {len(all_values)} values. Click a mark for its details.</div></header>'
        + "".join(sections)
        + '<div style="position:fixed;right:8px;bottom:8px;width:320px;max-height:40vh;overflow:auto"><div id="panel">'
        "Click a highlighted value.</div></div>"
        f'<script type="application/json" id="values">{blob}</script><script>{_JS}</script></body></html>'
    )
