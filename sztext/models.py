"""Every value type sztext produces: the output contract of DESIGN.md as pydantic v2 models.

All models are frozen and forbid unknown fields. Spans are ``(start, end)`` code-point offsets
into the decoded source text (the whole file's text, before normalisation), serialised as
``[start, end]``; ``source_text[start:end] == text`` always holds (see :meth:`Notice.verify`).
Money is ``Decimal`` in Python and a JSON number in JSON (never a float computed in between).
"""

from __future__ import annotations

import bisect

import datetime as _dt
import unicodedata as _unicodedata
from decimal import Decimal
from typing import Annotated, Any, Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PrivateAttr

from .errors import VerificationError

__all__ = [
    "Span",
    "TextValue",
    "DocNumber",
    "DateValue",
    "Effective",
    "Repeal",
    "Unit",
    "Amount",
    "Citation",
    "Noise",
    "Warning",
    "Node",
    "Source",
    "Notice",
    "Secrecy",
    "SecrecyLevel",
    "ErrorRecord",
    "DocType",
    "NodeKind",
    "UnitRole",
    "Qualifier",
    "DateKind",
    "NoiseKind",
]

Span = tuple[int, int]


class _NoItems(list):  # type: ignore[type-arg]
    """The one empty list that the outline's nodes built by a parse share for a field with no
    values (``unit_groups``, ``amounts``, ``dates``, ``citations``, ``children``): 6,000 short
    paragraphs held five empty lists each, ~280 B a node (issue 16, bench/hostile.py
    agency_lines). It is a list (``isinstance``, ``==``, JSON ``[]``, pickling and copies give
    it back) and, like the frozen models it sits in, refuses to be changed: build a new list
    (``model_copy(update=...)``). A model validated from JSON holds lists of its own."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> Any:
        raise TypeError("this empty list is shared by the nodes of a parsed Notice and cannot be changed: build a new list (model_copy(update=...))")

    append = extend = insert = remove = pop = clear = __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse

    def __copy__(self) -> _NoItems:
        return self

    def __deepcopy__(self, memo: object) -> _NoItems:
        return self

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        return (_no_items, ())


NO_ITEMS: list[Any] = _NoItems()


def _no_items() -> list[Any]:
    return NO_ITEMS


def _decimal_to_json(value: Decimal) -> int | float:
    # An integral amount stays an exact JSON integer; a fractional one is written with the
    # shortest repr, which round-trips the decimal digits of any amount in a notice.
    return int(value) if value == value.to_integral_value() else float(value)


Money = Annotated[Decimal, PlainSerializer(_decimal_to_json, when_used="json")]

DocType = Literal[
    "决议", "决定", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
    "议案", "函", "纪要",
    "条例", "规定", "办法", "细则", "规则",  # rules and regulations (grammars/doctypes.toml regulation_suffix)
    "指引", "指南", "规范", "解释",  # normative texts named by their own kind word (same table)
]
SecrecyLevel = Literal["绝密", "机密", "秘密"]
NodeKind = Literal[
    "part", "chapter", "section", "subsection", "item", "subitem", "subsubitem", "article",
    "clause", "paragraph",
]
UnitRole = Literal["lead", "responsible", "cooperating"]
Qualifier = Literal["exact", "max", "min", "approx"]
DateKind = Literal[
    "signed", "published", "effective", "until", "deadline", "adopted", "repeal", "period", "mention",
]
NoiseKind = Literal["pinyin", "mojibake", "replacement_char", "page_furniture", "control", "markup"]
ParagraphRole = Literal[
    "metadata", "title", "doc_number", "addressee", "cover", "signature", "date", "main_title",
    "preamble", "text", "attachment", "cc", "footer", "debris",
]


class _Model(BaseModel):
    # defer_build: a model's schema is built on its first validation or serialisation, not at
    # import; the pipeline builds its values without validation (normalize.constructor,
    # warning()), so a parse builds none (issue 19: 0.34 → 0.25 s import)
    model_config = ConfigDict(frozen=True, extra="forbid", serialize_by_alias=True, validate_by_name=True, defer_build=True)


class TextValue(_Model):
    """A piece of the source: ``text`` exactly as written, ``clean`` with noise removed."""

    text: str
    clean: str
    span: Span


class DocNumber(TextValue):
    """A document number (发文字号) such as 深府规〔2024〕6号 or 深圳市人民政府令第310号."""

    agency: str | None
    year: int | None
    serial: int | None
    rule_id: str


class Secrecy(TextValue):
    """GB/T 9704 密级 and 保密期限 as printed above the title (机密★1年): ``level`` 绝密 / 机密 /
    秘密, ``period`` the 保密期限 after ★ (1年, 6个月, 长期) or null when none is printed."""

    level: SecrecyLevel
    period: str | None = None


class DateValue(_Model):
    """A calendar date or period mentioned in the text (``end`` set for ranges)."""

    value: _dt.date | None
    end: _dt.date | None = None
    precision: Literal["day", "month", "year"] = "day"
    kind: DateKind = "mention"
    rule_id: str = ""
    text: str
    span: Span


class Effective(_Model):
    """When the document takes effect and for how long (施行/实施, 有效期)."""

    from_: _dt.date | None = Field(default=None, alias="from")
    on_issue: bool = False
    valid_years: int | None = None
    until: _dt.date | None = None
    text: str
    span: Span


class Repeal(_Model):
    """A document (or part of one) that this document repeals (废止, 撤销, 停止执行)."""

    doc_number: str | None
    title: str | None
    verb: str
    partial: bool = False
    text: str
    span: Span


class Unit(_Model):
    """An agency named in a responsibility note (责任单位, 牵头单位, 配合单位) or in a units column of a task table (任务分工表: ``序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限``).

    A table row gives one group in ``unit_groups`` of the node that holds the row (a table is usually the text of one attachment node, so that node has one group per row, in row order): the 牵头单位 cell's units are ``lead``, the 配合单位 cell's ``cooperating``, 责任单位/实施部门/指导部门 ``responsible``; an empty cell (``/``, ``—``, 无) gives none.
    """

    text: str
    name: str
    canonical: str | None
    role: UnitRole
    span: Span


class Amount(_Model):
    """An amount of money normalised to base units (``2000万元`` → 20000000, CNY).

    A range (``100万—500万元``, ``处五百元以上一千元以下罚款``, ``1000万元及以上至5000万元``,
    ``100万元以上不满500万元``) has ``low``/``high`` and ``value`` null; a restatement in brackets
    (``（含2000元）``) belongs to the amount before it, not a new one. Sums below one 元 (``5角``,
    ``3分钱``) are CNY decimals; a qualifier split by a space or line break (``以 上``) still counts.
    A magnitude after a bound word is an amount (``过亿元`` → 1亿, min); ``per`` also comes from
    每 words before the number (``每只五百元`` → 只, ``每家企业每年补助额最高100万元`` → 企业/年).
    In a table under a unit header (``单位：万元``) a cell that is only a number is an amount: its
    ``text`` and ``span`` are the number as printed, its value is in the header's unit (``1304`` →
    13040000) and its ``rule_id`` is ``money.table_cell``.
    """

    text: str
    value: Money | None
    low: Money | None = None
    high: Money | None = None
    currency: str
    qualifier: Qualifier = "exact"
    per: str | None = None
    rule_id: str = ""
    span: Span


class Citation(_Model):
    """A cited document: ``《title》（doc number）`` or a bare ``《title》``."""

    title: str | None
    doc_number: str | None
    text: str
    span: Span


class Noise(_Model):
    """Scrape noise removed from the matching view: pinyin glosses, mojibake, page furniture.

    ``rule_id`` says which rule found it; for mojibake its suffix says how sure the repair is:
    none (every byte survived), ``.inferred`` (from structure), ``.guessed`` (among candidates),
    ``.partial`` (some characters lost, shown as 〓).
    """

    kind: NoiseKind
    text: str
    span: Span
    repaired: str | None = None
    rule_id: str = ""


class Warning(_Model):  # noqa: A001 - the contract's field is ``warnings``
    """A doubtful value that was kept, or something the parser could not decide."""

    code: str
    message: str
    span: Span | None = None


def warning(code: str, message: str, span: Span | None = None) -> Warning:
    """A :class:`Warning` of the pipeline's own values (two strings and a span tuple) built without
    validation: validating the first one built the model's schema and loaded pydantic's plugins
    (~0.03 s of a cold first parse)."""
    return Warning.model_construct(code=code, message=message, span=span)


class Node(_Model):
    """One block of the lossless outline: a numbered measure, an article, or a paragraph.

    ``span``/``text`` cover the node's own text, up to its first child; the spans of all nodes
    in pre-order tile the document.
    """

    kind: NodeKind
    role: ParagraphRole | None = None
    marker: str | None = None
    number: int | None = None
    path: str | None = None
    heading: str | None = None
    text: str
    clean: str
    span: Span
    unit_groups: list[list[Unit]] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    dates: list[DateValue] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    children: list[Node] = Field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        """This node and its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


class Source(_Model):
    """Where a document came from: file, position in it (0-based), span in the file's text."""

    path: str | None
    index: int
    span: Span
    pages: list[int] | None = Field(
        default=None,
        description="for a paged input (PDF, OFD): the offset into the source text where each page starts, page 1 first; null otherwise",
    )


class JurisdictionRef(_Model):
    """The place a document belongs to, read from its header (issuer, title, 文号 code)."""

    name: str = Field(description="the place's full name: 深圳市, 山东省, 中华人民共和国 for national documents")
    level: Literal["national", "provincial", "prefecture", "county", "district"]
    parent: str | None = Field(default=None, description="the division above it: 浙江省 for 杭州市; null for a province or national")
    code: str | None = Field(default=None, description="its 6-digit 行政区划代码 (330100 for 杭州市); null for national documents or when unknown")


class Notice(_Model):
    """One parsed document (公文). ``model_dump(mode="json")`` is the JSON contract.

    ``copy_number`` (份号), ``secrecy`` (密级 and 保密期限), ``urgency`` (紧急程度), ``note`` (附注),
    ``printed_by`` and ``printed_date`` (版记: 印发机关, 印发日期) are the GB/T 9704 elements read
    where printed, null where not; ``signer`` is the person who signs a 令, or the 签发人 an
    上行文 prints on its 文号 line (every name as printed). A header field the document does not
    state (doc_type, issuers, signed_date) is null with a warning (``doc_type_unknown``,
    ``issuer_unknown``, ``signed_date_unknown``), never a guess.
    ``validity`` (时效性: 现行有效, 失效 …) and ``legal_level`` (效力级别: 部门规章 …) are what a legal
    database printed in a labelled field of the text (``【时效性】现行有效``, ``效力级别：部门规章``);
    they are left out of the JSON when the text prints none (never inferred).
    """

    source: Source
    sztext_version: str
    grammar_digest: str
    title: TextValue | None = None
    main_title: TextValue | None = None
    doc_type: DocType | None = None
    doc_number: DocNumber | None = None
    issuer: TextValue | None = None
    issuers: list[TextValue] = Field(default_factory=list)
    signer: TextValue | None = None
    addressees: list[TextValue] = Field(default_factory=list)
    cc: list[TextValue] = Field(default_factory=list)
    signed_date: DateValue | None = None
    published_date: DateValue | None = None
    effective: Effective | None = None
    # GB/T 9704 elements, null when the document does not print them: 份号 (000001), 密级 and
    # 保密期限 (机密★1年), 紧急程度 (特急, 加急),
    # 附注 (（此件公开发布）), and the 版记 line's 印发机关 and 印发日期 (…办公厅 2024年3月1日印发)
    copy_number: TextValue | None = None
    secrecy: Secrecy | None = None
    urgency: TextValue | None = None
    note: TextValue | None = None
    printed_by: TextValue | None = None
    printed_date: DateValue | None = None
    repeals: list[Repeal] = Field(default_factory=list)
    body: list[Node] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    dates: list[DateValue] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    noise: list[Noise] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    duplicate_of: int | None = None
    jurisdiction: JurisdictionRef | None = None
    # What a legal database printed about the document (北大法宝's 时效性 and 效力级别), read only
    # from a labelled field of the text; absent from the JSON when not printed (never inferred).
    validity: TextValue | None = Field(
        default=None, exclude_if=lambda v: v is None,
        description="时效性 as printed in a metadata field (【时效性】现行有效, 时效性：现行有效); omitted when the text prints none",
    )
    legal_level: TextValue | None = Field(
        default=None, exclude_if=lambda v: v is None,
        description="效力级别 as printed in a metadata field (【效力级别】部门规章); omitted when the text prints none",
    )

    _source_text: str = PrivateAttr(default="")
    _geometry: Any = PrivateAttr(default=None)  # sztext.load.geometry.Geometry of a paged input

    @property
    def source_text(self) -> str:
        """The whole decoded input text that every span indexes (for HTML: the extracted text);
        empty for a notice of a file ``sztext batch`` streamed (bind it with :meth:`from_record`)."""
        return self._source_text

    @property
    def text(self) -> str:
        """This document's own text: ``source_text[source.span]``."""
        start, end = self.source.span
        return self._source_text[start:end]

    def page_of(self, offset: int) -> int | None:
        """The 1-based page of the input on which ``offset`` (a span's start) lies, for a paged
        input (PDF, OFD); ``None`` for text, HTML and Word, which have no pages.

        >>> Notice.model_construct(source=Source(path=None, index=0, span=(0, 9), pages=[0, 4])).page_of(5)
        2
        """
        pages = self.source.pages
        if not pages:
            return None
        return max(1, bisect.bisect_right(pages, offset))

    def bbox_of(self, span: tuple[int, int]) -> list[Any]:
        """Where a span (any value's ``span``) is drawn on the input's pages: one
        :class:`sztext.PageBox` (page, x0, top, x1, bottom, page_width, page_height) per page
        it touches, in PDF points (OFD: millimetres) from the page's top-left corner. Empty for
        text, HTML, Markdown and Word inputs, and for a notice read back from JSON (load the
        input again: ``sztext.load.load_path(path).bbox_of(start, end)``, the spans are the same).
        """
        geometry = self._geometry
        return geometry.bbox_of(span[0], span[1]) if geometry is not None else []

    def nodes(self) -> Iterator[Node]:
        """Every outline node in document order (pre-order)."""
        for node in self.body:
            yield from node.walk()

    def measures(self) -> list[Node]:
        """The leaf numbered nodes, in document order: the measures a researcher counts."""
        return [node for node in self.nodes() if node.number is not None and not node.children]

    def __repr__(self) -> str:
        # short on purpose: the full record is model_dump(); a REPL or a log line wants a glance
        title = self.title.clean if self.title else None
        if title is not None and len(title) > 40:
            title = title[:39] + "…"
        number = self.doc_number.clean if self.doc_number else None
        date = self.signed_date.value.isoformat() if self.signed_date and self.signed_date.value else None
        return (
            f"<Notice {self.source.path or '<text>'}#{self.source.index} {title!r} doc_number={number!r} "
            f"signed={date} measures={len(self.measures())} amounts={len(self.amounts)} warnings={len(self.warnings)}>"
        )

    __str__ = __repr__

    @classmethod
    def from_record(cls, record: dict[str, Any] | str | bytes, source_text: str) -> Notice:
        """A Notice read back from its JSON record (a line of ``notices.jsonl``), bound to the
        text its spans index (``sztext text FILE`` gives it for HTML and other formats), so
        that :meth:`verify` can check it again.

        >>> import sztext, orjson
        >>> text = "深府规〔2024〕6号\\n各区人民政府：\\n现印发。\\n"
        >>> line = orjson.dumps(sztext.parse(text).model_dump(mode="json"))
        >>> Notice.from_record(line, text).verify()
        """
        notice = cls.model_validate_json(record) if isinstance(record, (str, bytes)) else cls.model_validate(record)
        notice._source_text = source_text
        return notice

    def verify(self) -> None:
        """Prove the two invariants: every span gives back its text; the outline tiles the document.

        Raises:
            VerificationError: the first broken span or gap/overlap in the outline.
        """
        text = self._source_text
        doc_start, doc_end = self.source.span
        if not (0 <= doc_start <= doc_end <= len(text)):
            raise VerificationError(f"document span {self.source.span} outside the text", doc_start)
        for value in _span_values(self):
            start, end = value.span  # type: ignore[attr-defined]
            got = text[start:end]
            if not (0 <= start <= end <= len(text)) or got != value.text:  # type: ignore[attr-defined]
                raise VerificationError(
                    f"{type(value).__name__} span {value.span} gives {got!r}, "  # type: ignore[attr-defined]
                    f"not {value.text!r}",  # type: ignore[attr-defined]
                    start,
                )
        for warning in self.warnings:
            if warning.span is not None and not (0 <= warning.span[0] <= warning.span[1] <= len(text)):
                raise VerificationError(f"warning {warning.code} span {warning.span} outside the text", warning.span[0])
        if not self.body and _has_unreported_text(text, doc_start, doc_end, [n.span for n in self.noise]):
            raise VerificationError("the document has text but no outline: nothing tiles it", doc_start)
        cursor = doc_start
        for node in self.nodes():
            if node.span[0] != cursor:
                raise VerificationError(f"outline gap or overlap before node {node.marker or node.kind!r}", cursor)
            cursor = node.span[1]
        if self.body and cursor != doc_end:
            raise VerificationError("outline does not reach the end of the document", cursor)


def _has_unreported_text(text: str, start: int, end: int, noise: list[Span]) -> bool:
    """Some visible character of ``text[start:end]`` lies outside every noise span."""
    covered = sorted(noise)
    k = 0
    for i in range(start, end):
        while k < len(covered) and covered[k][1] <= i:
            k += 1
        if k < len(covered) and covered[k][0] <= i:
            continue
        ch = text[i]
        if not ch.isspace() and _unicodedata.category(ch)[0] not in "CZ":
            return True
    return False


def _span_values(model: BaseModel) -> Iterator[BaseModel]:
    """Every nested model that carries a ``span`` and a ``text``."""
    for name in type(model).model_fields:
        value: Any = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            for sub in item if isinstance(item, list) else [item]:
                if isinstance(sub, BaseModel):
                    if "span" in type(sub).model_fields and "text" in type(sub).model_fields:
                        if getattr(sub, "span") is not None:
                            yield sub
                    yield from _span_values(sub)


class ErrorDetail(_Model):
    """The type and message of an exception that stopped one input or document."""

    type: str
    message: str


class ErrorRecord(_Model):
    """A batch record for an input or document that failed: nothing is silently skipped."""

    path: str | None
    index: int | None
    error: ErrorDetail

    @classmethod
    def from_exception(cls, path: str | None, index: int | None, exc: BaseException) -> ErrorRecord:
        """The record of an exception: its type name and the first line of its message."""
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return cls(path=path, index=index, error=ErrorDetail(type=type(exc).__name__, message=message))
