"""The researcher tables: documents, measures, units, amounts and citations, one row per thing,
each with a stable id, from parsed notices. ``sztext.tables(notices)`` gives them as pandas
DataFrames (the ``pandas`` extra).

Ids: a document is ``{path}#{index}`` (``<text>#{index}`` for a text without a path); a node is
``{doc_id}#{node path}``, and a path that occurs again in the same document (a list that
restarts, an attachment numbered from 1) gets ``~2``, ``~3`` … in document order, so every id is
unique within its document and the same on every run. Amounts are ``{doc_id}#a{k}``, units
``{doc_id}#u{k}``, citations ``{doc_id}#c{k}`` (k from 0 in text order).

Every amount of ``Notice.amounts`` is one row, with the innermost numbered node that contains it
(``measure_id``, null for an amount outside the outline's numbered nodes): none is lost, none
counted twice. Nothing is summed: a cap, a monthly rate and a one-off grant do not add up.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable, Iterator

from ..models import Node, Notice

__all__ = ["TABLES", "COLUMNS", "PRESETS", "document_id", "table_rows", "tables"]

TABLES = ("documents", "measures", "units", "amounts", "citations")

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id", "path", "index", "title", "main_title", "doc_type", "doc_number", "doc_agency", "doc_year",
        "doc_serial", "issuer", "issuers", "signer", "addressees", "cc", "jurisdiction", "signed_date",
        "published_date", "effective_from", "effective_on_issue", "valid_years", "effective_until", "duplicate_of",
        "measure_count", "unit_count", "amount_count", "citation_count", "warnings", "start", "end",
        "first_page", "last_page", "validity", "legal_level",
        # the GB/T 9704 elements read where printed (null where not): 紧急程度, 份号, 密级 and 保密期限,
        # 附注, 印发机关 and 印发日期
        "urgency", "copy_number", "secrecy", "secrecy_period", "note", "printed_by", "printed_date",
    ),
    "measures": (
        "measure_id", "doc_id", "parent_id", "node_path", "kind", "marker", "number", "level", "heading",
        "is_leaf", "unit_count", "amount_count", "start", "end", "page", "text",
    ),
    "units": ("unit_id", "doc_id", "measure_id", "group", "role", "name", "canonical", "text", "start", "end", "page"),
    "amounts": (
        "amount_id", "doc_id", "measure_id", "text", "value", "low", "high", "currency", "qualifier", "per",
        "rule_id", "start", "end", "page",
    ),
    "citations": ("citation_id", "doc_id", "measure_id", "kind", "title", "doc_number", "verb", "text", "start", "end", "page"),
}

# Column names researchers already code with, for the documents table. 时效性 and 效力级别 are
# never inferred: they are what a labelled field of the text prints (Notice.validity,
# Notice.legal_level; grammars/status.toml), null where none is printed.
PRESETS: dict[str, dict[str, str]] = {
    # 北大法宝's fields
    "pkulaw": {
        "title": "标题", "issuer": "发布部门", "doc_number": "发文字号", "published_date": "发布日期",
        "effective_from": "实施日期", "validity": "时效性", "legal_level": "效力级别",
    },
    # GB/T 33480-2016 电子公文元数据
    "gbt33480": {
        "title": "题名", "issuer": "发文机关", "doc_number": "发文字号", "doc_type": "文种", "signed_date": "成文日期",
        "addressees": "主送机关", "cc": "抄送机关", "signer": "签发人", "published_date": "发布日期",
        "urgency": "紧急程度", "copy_number": "份号", "secrecy": "密级", "secrecy_period": "保密期限",
        "note": "附注", "printed_by": "印发机关", "printed_date": "印发日期",
    },
}


def document_id(notice: Notice) -> str:
    """``{path}#{index}``: the document's id in every table."""
    return f"{notice.source.path or '<text>'}#{notice.source.index}"


def _clean(value: Any) -> Any:
    return None if value is None else getattr(value, "clean", None) or getattr(value, "text", None)


def _joined(values: Iterable[Any]) -> str | None:
    out = [v for v in (_clean(x) for x in values) if v]
    return "；".join(out) if out else None


def _date(value: Any) -> Any:
    return value.value if value is not None and getattr(value, "value", None) is not None else None


def _node_ids(notice: Notice, doc_id: str) -> Iterator[tuple[Node, str, str | None, int]]:
    """Each numbered node with its id, its parent's id and its depth, in document order."""
    seen: dict[str, int] = {}

    def walk(nodes: list[Node], parent: str | None, depth: int) -> Iterator[tuple[Node, str, str | None, int]]:
        for node in nodes:
            ident = parent
            if node.path is not None:
                k = seen.get(node.path, 0) + 1
                seen[node.path] = k
                ident = f"{doc_id}#{node.path}" + (f"~{k}" if k > 1 else "")
                yield node, ident, parent, depth
            yield from walk(node.children, ident, depth + (node.path is not None))

    yield from walk(notice.body, None, 1)


def _innermost(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The id of the innermost numbered node whose span contains [start, end) (nodes in pre-order,
    so the last container found is the innermost)."""
    found = None
    for s, e, ident in spans:
        if s > start:
            break
        if s <= start and end <= e:
            found = ident
    return found


def table_rows(notice: Notice) -> dict[str, list[dict[str, Any]]]:
    """The rows of one document in each of the five tables (plain Python values; money as Decimal)."""
    doc_id = document_id(notice)
    measures: list[dict[str, Any]] = []
    units: list[dict[str, Any]] = []
    containers: list[tuple[int, int, str]] = []  # a numbered node's whole extent (its subtree)
    for node, ident, parent, depth in _node_ids(notice, doc_id):
        last = node
        while last.children:
            last = last.children[-1]
        containers.append((node.span[0], last.span[1], ident))
        measures.append({
            "measure_id": ident, "doc_id": doc_id, "parent_id": parent, "node_path": node.path, "kind": node.kind,
            "marker": node.marker, "number": node.number, "level": depth, "heading": node.heading,
            "is_leaf": not node.children, "unit_count": sum(len(g) for g in node.unit_groups),
            "amount_count": len(node.amounts), "start": node.span[0], "end": node.span[1],
            "page": notice.page_of(node.span[0]), "text": node.clean.strip(),
        })
        for g, group in enumerate(node.unit_groups):
            for unit in group:
                units.append({
                    "unit_id": f"{doc_id}#u{len(units)}", "doc_id": doc_id, "measure_id": ident, "group": g,
                    "role": unit.role, "name": unit.name, "canonical": unit.canonical, "text": unit.text,
                    "start": unit.span[0], "end": unit.span[1], "page": notice.page_of(unit.span[0]),
                })
    amounts = [
        {
            "amount_id": f"{doc_id}#a{k}", "doc_id": doc_id, "measure_id": _innermost(containers, *a.span),
            "text": a.text, "value": a.value, "low": a.low, "high": a.high, "currency": a.currency,
            "qualifier": a.qualifier, "per": a.per, "rule_id": a.rule_id, "start": a.span[0], "end": a.span[1],
            "page": notice.page_of(a.span[0]),
        }
        for k, a in enumerate(notice.amounts)
    ]
    cites: list[dict[str, Any]] = []
    for c in notice.citations:
        cites.append({"kind": "citation", "title": c.title, "doc_number": c.doc_number, "verb": None, "text": c.text, "span": c.span})
    for r in notice.repeals:
        cites.append({"kind": "repeal", "title": r.title, "doc_number": r.doc_number, "verb": r.verb, "text": r.text, "span": r.span})
    cites.sort(key=lambda c: c["span"][0])
    citations = [
        {"citation_id": f"{doc_id}#c{k}", "doc_id": doc_id, "measure_id": _innermost(containers, *c["span"]),
         **{key: c[key] for key in ("kind", "title", "doc_number", "verb", "text")}, "start": c["span"][0], "end": c["span"][1],
         "page": notice.page_of(c["span"][0])}
        for k, c in enumerate(cites)
    ]
    number = notice.doc_number
    effective = notice.effective
    jurisdiction = getattr(notice, "jurisdiction", None)
    document = {
        "doc_id": doc_id, "path": notice.source.path, "index": notice.source.index,
        "title": _clean(notice.title), "main_title": _clean(notice.main_title), "doc_type": notice.doc_type,
        "doc_number": _clean(number), "doc_agency": number.agency if number else None,
        "doc_year": number.year if number else None, "doc_serial": number.serial if number else None,
        "issuer": _clean(notice.issuer), "issuers": _joined(notice.issuers), "signer": _clean(getattr(notice, "signer", None)),
        "addressees": _joined(notice.addressees), "cc": _joined(notice.cc),
        "jurisdiction": getattr(jurisdiction, "name", None) if jurisdiction is not None else None,
        "signed_date": _date(notice.signed_date), "published_date": _date(notice.published_date),
        "effective_from": effective.from_ if effective else None, "effective_on_issue": effective.on_issue if effective else None,
        "valid_years": effective.valid_years if effective else None, "effective_until": effective.until if effective else None,
        "duplicate_of": notice.duplicate_of, "measure_count": sum(1 for m in measures if m["is_leaf"]),
        "unit_count": len(units), "amount_count": len(amounts), "citation_count": len(citations),
        "warnings": "；".join(sorted({w.code for w in notice.warnings})) or None,
        "start": notice.source.span[0], "end": notice.source.span[1],
        "first_page": notice.page_of(notice.source.span[0]),
        "last_page": notice.page_of(max(notice.source.span[0], notice.source.span[1] - 1)),
        "validity": _clean(getattr(notice, "validity", None)), "legal_level": _clean(getattr(notice, "legal_level", None)),
        "urgency": _clean(notice.urgency), "copy_number": _clean(notice.copy_number),
        "secrecy": notice.secrecy.level if notice.secrecy else None,
        "secrecy_period": notice.secrecy.period if notice.secrecy else None,
        "note": _clean(notice.note), "printed_by": _clean(notice.printed_by), "printed_date": _date(notice.printed_date),
    }
    return {"documents": [document], "measures": measures, "units": units, "amounts": amounts, "citations": citations}


def _preset_frame(frame: Any, preset: str) -> Any:
    names = PRESETS[preset]
    out = frame.copy()
    for key in names:
        if key not in out.columns:
            out[key] = None
    keep = ["doc_id", *names]
    return out[keep].rename(columns=names)


def tables(notices: Iterable[Notice], *, preset: str | None = None) -> dict[str, Any]:
    """The five researcher tables of ``notices`` as pandas DataFrames (needs the ``pandas`` extra).

    Dtypes for pandas: dates are ``datetime64[ns]`` (NaT when unknown), ids and texts strings,
    counts and offsets nullable integers; money columns (``value``, ``low``, ``high``) are exact
    ``Decimal`` objects, with ``value_float``/``low_float``/``high_float`` beside them for
    arithmetic. ``preset="pkulaw"`` or ``"gbt33480"`` adds ``documents_<preset>``: the documents
    table under the column names of 北大法宝 or GB/T 33480-2016.

    >>> import sztext
    >>> t = sztext.tables(sztext.parse_file("samples/004_dc8ab61eb0bb8ed1.txt"))
    >>> sorted(t), len(t["documents"]), t["amounts"]["amount_id"].is_unique
    (['amounts', 'citations', 'documents', 'measures', 'units'], 37, True)
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("sztext.tables needs pandas: pip install 'sztext[pandas]'") from exc
    if preset is not None and preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}; choose one of {sorted(PRESETS)}")
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for notice in notices:
        for name, part in table_rows(notice).items():
            rows[name].extend(part)
    frames: dict[str, Any] = {}
    for name in TABLES:
        frame = pd.DataFrame(rows[name], columns=list(COLUMNS[name]))
        for col in frame.columns:
            if col.endswith("_date") or col in ("effective_from", "effective_until"):
                frame[col] = pd.to_datetime(frame[col])
            elif col in ("value", "low", "high"):
                frame[col + "_float"] = frame[col].map(lambda v: float(v) if isinstance(v, Decimal) else None).astype("Float64")
            elif col in ("index", "doc_year", "doc_serial", "duplicate_of", "valid_years", "number", "level", "group",
                         "measure_count", "unit_count", "amount_count", "citation_count", "start", "end",
                         "page", "first_page", "last_page"):
                frame[col] = frame[col].astype("Int64")
            elif col in ("effective_on_issue", "is_leaf"):
                frame[col] = frame[col].astype("boolean")
            else:
                frame[col] = frame[col].astype("string")
        frames[name] = frame
    if preset is not None:
        frames[f"documents_{preset}"] = _preset_frame(frames["documents"], preset)
    return frames
