"""Responsible units (责任单位/牵头单位/配合单位): which agency must do each measure.

A *responsibility note* is a bracketed list of agencies inside a measure. Three shapes occur
in Shenzhen notices, and :func:`extract_unit_groups` reads all of them:

* labelled: ``(责任单位:市工业和信息化局)``, ``(牵头单位:市商务局;责任单位:市前海管理局,各区)``,
  anywhere in the text;
* with role words: ``(市科技创新委、住房建设局牵头;市司法局、…按职责分工落实)``;
* bare: ``。(市市场监管局、市司法局)`` or ``[市规划和自然资源局、…、各区政府(含…,下同)]``
  with no label. A bare note must stand right after a sentence (。;!?) or at the start of a
  line, must not have a not-a-note shape (以下简称…, 含, PPP, 人民币, 试行, years, document
  numbers …) and every item in it must be agency-like: it ends like a body (局, 委, 办, 政府,
  集团 …), is a district, is in the agency lexicon, or was defined by an earlier 下同.

Each note becomes one group of :class:`~sztext.models.Unit`, in text order. ``text``/``span``
cover the item as written (a qualifier such as ``(含…,下同)`` or ``(上市办)`` included, role
words such as 牵头 excluded). ``name`` is the clean name (document's own script, pinyin glosses
removed) without the qualifier and with a shared prefix expanded: in
``(责任单位:市财政委、发展改革委)`` the bare 发展改革委 takes the 市 of the name before it.
A name with its own prefix (深圳市…, 各区政府, 团市委, 前海管理局 …) takes none; 市场和质量监管委
is bare (市场 is a word, not the prefix). The prefix carries along a run of names and stops at
a label, a ``;`` and, in a note that also uses 、, a ``,`` (which there separates groups of
bodies: ``市A、市B,鹏城实验室``). A name cut short in the source stays as written.

Roles: a label gives the role of the names after it (责任单位 → responsible, 牵头单位 →
lead, 配合单位 → cooperating); a role word after a run of names gives the role of that run
(牵头 → lead, 配合 → cooperating, 按职责分工落实 → responsible); otherwise responsible.

A rule stated once in the document (``排在第一位的部门为牵头部门``, ``列第一位者为牵头单位，下同``,
``units.lead_first``) makes the first unit of every group lead where no role was written
(all units responsible); the clause itself, inside a note, is a remark and no unit.

下同 and 简称: a qualifier with 下同 registers the name for the rest of the call (one call
covers one document), so a later bare note naming it is recognised even when the name has
no agency ending, and it gets the same ``canonical``; ``(以下简称X)`` inside a note makes X
stand for that unit in later notes.

``canonical`` is the full official name from the agency lexicon (``grammars/agencies/<place>.toml``) of
the document's jurisdiction and the places above it,
compared on the Simplified view form so Traditional texts match, or ``None`` when the name
is not in the lexicon (see :func:`lookup_agency` for the date-aware lookup).

Notes without brackets (issue 15, :func:`_read_free`): label lines (``责任单位：区发展和改革局`` on
its own line or after a sentence, ``【责任单位】…``; each label line is one group; the
first name must be agency-like, later ones are kept as written) and sentences of names and role
words (``交通运输部运输服务司牵头，科技司配合。``, ``由X牵头，Y等配合，…``: agency-like runs from the
start, the first carrying 牵头). A bracket inside a sentence is a note when it has a role word
and only agency-like names (``…体系（省大数据局牵头，各市政府配合）。``). A group's offset is its
bracket or the start of its label or first name, so each group stays with its node, in order.
Task tables (任务分工表, :mod:`sztext.extract.tasktable`): each row's units cells are one group
(``序号 | 工作任务 | 牵头单位 | 配合单位``: the 牵头单位 cell's names lead, the 配合单位 cell's cooperate), at
the row's first units cell. Not done: other running text with 牵头.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Mapping, cast

from ..grammar import Agency, Grammar, Rule
from ..models import Unit, UnitRole
from ..normalize import TextView, constructor, view_table
from .tasktable import TableCell, table_unit_rows
from .unitlists import lent_in_lists

__all__ = ["extract_unit_groups", "lookup_agency", "ANY_JURISDICTION"]

_UNIT = constructor(Unit)  # trusted values, built without validation (bench/NOTES.md)

_DEFAULT_ROLE: UnitRole = "responsible"


@dataclass(frozen=True)
class _Rules:
    """The compiled rules of units.toml, fetched once per grammar."""

    note: Rule
    item: Rule
    label: Rule
    role_word: Rule
    trailer: Rule
    qualifier: Rule
    definition: Rule
    own_prefix: Rule
    shared_prefix: Rule
    agency_like: Rule
    bare_position: Rule
    not_note: Rule
    remark: Rule
    lead_first: Rule
    bare_body: Rule
    keeps_own_name: Rule
    level_item: Rule
    place_item: Rule
    gov_member: Rule
    line_note: Rule
    role_sentence: Rule
    roles: Mapping[str, str]

    def role_of(self, word: str) -> UnitRole:
        """The role of a label or role word: its own entry, else that of its longest listed beginning."""
        for n in range(len(word), 0, -1):
            role = self.roles.get(word[:n])
            if role is not None:
                return cast(UnitRole, role)
        return _DEFAULT_ROLE


@dataclass(frozen=True)
class _Lexicon:
    """Agency lexicons indexed by the view (Simplified) form of every name.

    ``by_name`` holds every name of every lexicon (for recognising a bare note); ``own`` the
    names of each place's lexicon (its short forms expanded: 市X also as 深圳市X) and ``below``
    the names a place's bodies have in documents of lower places (full names, 财政部 …).
    """

    by_name: Mapping[str, tuple[Agency, ...]]
    own: Mapping[str, Mapping[str, tuple[Agency, ...]]]
    below: Mapping[str, Mapping[str, tuple[Agency, ...]]]
    parents: Mapping[str, str | None]
    prefixes: Mapping[str, Mapping[str, str]]
    # (view name, jurisdiction) -> canonical name without a date: a document names the same
    # bodies again and again (6,344 lookups of seed 004 ×4, each walking the place chain)
    memo: dict[tuple[str, str | None], str | None] = field(default_factory=dict, compare=False, repr=False)


ANY_JURISDICTION = "*"  # a direct call without a document: any lexicon, if it names one body

@dataclass
class _Item:
    """One item of a note while it is read (view offsets)."""

    start: int
    end: int  # end of the text value (qualifier included, role word excluded)
    name_end: int  # end of the name (qualifier excluded)
    sep_before: str
    label_role: str | None = None
    role_word: str | None = None
    qualifier: str | None = None


@dataclass
class _Definitions:
    """Names defined by 下同/简称 in earlier notes of the same call: view name → (name, canonical)."""

    names: dict[str, tuple[str, str | None]] = field(default_factory=dict)


def _compiled(grammar: Grammar) -> tuple[_Rules, _Lexicon]:
    """The units rules and the agency lexicon by view name, built once per grammar."""
    return grammar.derived(_compile)


def _compile(grammar: Grammar) -> tuple[_Rules, _Lexicon]:
    r = grammar.rule
    rules = _Rules(
        note=r("units.note"),
        item=r("units.item"),
        label=r("units.label"),
        role_word=r("units.role_word"),
        trailer=r("units.trailer"),
        qualifier=r("units.qualifier"),
        definition=r("units.definition"),
        own_prefix=r("units.own_prefix"),
        shared_prefix=r("units.shared_prefix"),
        agency_like=r("units.agency_like"),
        bare_position=r("units.bare_position"),
        not_note=r("units.not_note"),
        remark=r("units.remark"),
        lead_first=r("units.lead_first"),
        bare_body=r("units.bare_body"),
        keeps_own_name=r("units.keeps_own_name"),
        level_item=r("units.level_item"),
        place_item=r("units.place_item"),
        gov_member=r("units.gov_member"),
        line_note=r("units.line_note"),
        role_sentence=r("units.role_sentence"),
        roles={k: str(v) for k, v in grammar.table("units", "roles").items()},
    )
    table = view_table(grammar)
    by_name: dict[str, list[Agency]] = {}
    own: dict[str, dict[str, list[Agency]]] = {}
    below: dict[str, dict[str, list[Agency]]] = {}
    places = grammar.jurisdictions
    for agency in grammar.agencies:
        place = places.get(agency.jurisdiction or "")
        mine = {p for p, full in place.prefixes.items() if full == place.name} if place else set()
        for name in agency.names:
            v = name.translate(table)
            by_name.setdefault(v, []).append(agency)
            forms = {v}
            if place is not None and not v.startswith(place.name):
                forms.update(place.name + v[len(p) :] for p in mine if v.startswith(p))
            for form in forms:
                own.setdefault(agency.jurisdiction or "", {}).setdefault(form, []).append(agency)
        for name in agency.below:
            below.setdefault(agency.jurisdiction or "", {}).setdefault(name.translate(table), []).append(agency)
    lexicon = _Lexicon(
        by_name={k: tuple(v) for k, v in by_name.items()},
        own={p: {k: tuple(v) for k, v in names.items()} for p, names in own.items()},
        below={p: {k: tuple(v) for k, v in names.items()} for p, names in below.items()},
        parents={j.name: j.parent for j in places.values()},
        prefixes={j.name: dict(j.prefixes) for j in places.values()},
    )
    return rules, lexicon


def lookup_agency(name: str, grammar: Grammar, on: _dt.date | None = None, *, jurisdiction: str | None = ANY_JURISDICTION) -> str | None:
    """The canonical full name of an agency in the lexicon, or ``None`` when it is not there.

    The name is compared on its view form (Simplified, half-width), so 市發展改革委 finds the
    entry written 市发展改革委. A municipal short form and the full city form are the same body
    (市X = 深圳市X, from the ``prefixes`` of the place's ``[jurisdiction]``). With ``jurisdiction``
    (a place name) only that place's lexicon and the names the places above it give for every
    document below them are searched; ``None`` (unknown) finds nothing. With ``on``, entries valid on that
    date are preferred (a renamed body's former name has ``valid_to``); a name that still
    points at two different bodies gives ``None``: the lexicon never guesses.

    Args:
        name: the agency name as written (any script).
        grammar: the compiled grammar holding the lexicon.
        on: the document's date, to choose between entries that share a name.
    Returns:
        The canonical name, or ``None``.

    >>> from sztext import load_grammar
    >>> g = load_grammar()
    >>> sz = "深圳市"
    >>> lookup_agency("市市場和質量監管委", g, jurisdiction=sz), lookup_agency("市發展改革委", g, jurisdiction=sz), lookup_agency("市局", g, jurisdiction=sz)
    ('深圳市市场监督管理局', '深圳市发展和改革委员会', None)
    >>> lookup_agency("市發展改革委", g, jurisdiction="济南市"), lookup_agency("市财政局", g, jurisdiction="杭州市")
    ('济南市发展和改革委员会', None)
    """
    _, lexicon = _compiled(grammar)
    return _canonical(name.translate(view_table(grammar)), lexicon, on, jurisdiction)


def _chain(place: str, lexicon: _Lexicon) -> list[str]:
    """The place and the places above it that have a lexicon, nearest first (national last)."""
    chain: list[str] = []
    current: str | None = place
    while current is not None and current not in chain:
        chain.append(current)
        current = lexicon.parents.get(current)
    # a place above the top of the chain with no lexicon file: the national lexicon still applies
    return chain + [p for p, parent in lexicon.parents.items() if parent is None and p not in chain]


def _canonical(view_name: str, lexicon: _Lexicon, on: _dt.date | None, jurisdiction: str | None = ANY_JURISDICTION) -> str | None:
    """The canonical name of ``view_name`` in a document of ``jurisdiction`` (a place name).

    Looked up in the place's own lexicon (as written, and with a prefix of the place's
    ``prefixes`` written out: 市X → 深圳市X, 省X → 广东省X), then among the names the places
    above it give their bodies for every document below them. ``None`` for an unknown
    jurisdiction: never another place's body.
    """
    if jurisdiction is None:
        return None
    if on is None:
        key = (view_name, jurisdiction)
        known = lexicon.memo.get(key, _UNKNOWN)
        if known is not _UNKNOWN:
            return cast("str | None", known)
        if len(lexicon.memo) >= _MEMO_SIZE:
            lexicon.memo.clear()  # bounded: a long batch meets ever new names
        found_name = lexicon.memo[key] = _canonical_on(view_name, lexicon, None, jurisdiction)
        return found_name
    return _canonical_on(view_name, lexicon, on, jurisdiction)


_UNKNOWN = object()
_MEMO_SIZE = 50_000


def _canonical_on(view_name: str, lexicon: _Lexicon, on: _dt.date | None, jurisdiction: str) -> str | None:
    if jurisdiction == ANY_JURISDICTION:
        found = lexicon.by_name.get(view_name) or ()
        if not found:
            for place, its_prefixes in lexicon.prefixes.items():
                found = _in_place(view_name, place, its_prefixes, lexicon)
                if found:
                    break
        return _choose(found, on)
    chain = _chain(jurisdiction, lexicon)
    prefixes: dict[str, str] = {}
    for place in reversed(chain):
        prefixes.update(lexicon.prefixes.get(place, {}))
    found = _in_place(view_name, jurisdiction, prefixes, lexicon)
    for place in chain[1:]:
        if found:
            break
        found = _in_place(view_name, place, prefixes, lexicon, own=False)
    return _choose(found, on)


def _in_place(view_name: str, place: str, prefixes: Mapping[str, str], lexicon: _Lexicon, own: bool = True) -> tuple[Agency, ...]:
    names = lexicon.own.get(place, {})
    found = names.get(view_name, ()) if own else lexicon.below.get(place, {}).get(view_name, ())
    if found:
        return found
    for prefix, full in prefixes.items():
        if full == place and view_name.startswith(prefix) and not view_name.startswith(full):
            return names.get(full + view_name[len(prefix) :], ())
    return ()


def _choose(found: tuple[Agency, ...], on: _dt.date | None) -> str | None:
    if not found:
        return None
    if on is not None:
        valid = [
            a for a in found if (a.valid_from is None or a.valid_from <= on) and (a.valid_to is None or on <= a.valid_to)
        ]
        found = tuple(valid) or found
    canonicals = {a.canonical for a in found}
    return canonicals.pop() if len(canonicals) == 1 else None


def extract_unit_groups(
    view: TextView, grammar: Grammar, start: int = 0, end: int | None = None, *, jurisdiction: str | None = ANY_JURISDICTION
) -> list[tuple[int, list[Unit]]]:
    """Every responsibility note in the view range, in text order, with its units.

    The range should cover one whole document: 下同 and 简称 definitions made in a note apply
    to the later notes of the same call.

    Args:
        view: the normalised text (:func:`sztext.normalize.normalize`).
        grammar: the compiled grammar (``units.toml`` rules and the agency lexicon).
        start: view offset where the document starts.
        end: view offset where it ends (``None``: the end of the view).
        jurisdiction: the document's place (``Notice.jurisdiction.name``): ``canonical`` comes
            only from its lexicon and those above it; ``None`` (unknown) gives no canonical
            names. Left out, a name found in exactly one lexicon resolves (direct calls).
    Returns:
        ``(view offset of the note's opening bracket, units)`` for each note, in text order.

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> g = load_grammar()
    >>> text = "加強社會監督。(責任單位:市市場和質量監管委、發展改革委、經貿信息委)"
    >>> [(offset, [(u.text, u.name, u.canonical) for u in units]) for offset, units in extract_unit_groups(normalize(text, g), g, jurisdiction="深圳市")]
    [(7, [('市市場和質量監管委', '市市場和質量監管委', '深圳市市场监督管理局'),
          ('發展改革委', '市發展改革委', '深圳市发展和改革委员会'),
          ('經貿信息委', '市經貿信息委', '深圳市经济贸易和信息化委员会')])]
    >>> note = "升“快递进村”服务水平。（牵头单位：市交通运输局；责任单位：市商务局，各区）"
    >>> [[(u.name, u.role) for u in units] for _, units in extract_unit_groups(normalize(note, g), g)]
    [[('市交通运输局', 'lead'), ('市商务局', 'responsible'), ('各区', 'responsible')]]
    """
    stop = len(view.text) if end is None else end
    rules, lexicon = _compiled(grammar)
    text = view.text
    window = text[start:stop]
    candidates: list[tuple[int, int, int, int, str]] = []  # (offset, inner start, inner end, note end, kind)
    if rules.note.may_match(window):
        for m in rules.note.pattern.finditer(text, start, stop):
            candidates.append((m.start(), m.start("inner"), m.end("inner"), m.end(), _BRACKET))
    if rules.line_note.may_match(window):
        for m in rules.line_note.pattern.finditer(text, start, stop):
            candidates.append((m.start("inner"), m.start("inner"), m.end("inner"), m.end("inner"), _LINE))
    if rules.role_sentence.may_match(window):
        for m in rules.role_sentence.pattern.finditer(text, start, stop):
            kind = _CLAUSE if m.group("by") or m.group("person") else _SENTENCE
            if kind == _SENTENCE and m.group("end") == ",":
                continue  # a whole-sentence note ends the sentence; only a 由-clause goes on
            candidates.append((m.start("inner"), m.start("inner"), m.end("inner"), m.end("inner"), kind))
    rows = {cells[0].start: cells for cells in table_unit_rows(view, grammar, start, stop)}
    for cells in rows.values():
        candidates.append((cells[0].start, cells[0].start, cells[-1].end, cells[-1].end, _CELL))
    if not candidates:
        return []
    candidates.sort()
    definitions = _Definitions()
    out: list[tuple[int, list[Unit]]] = []
    spans: list[tuple[int, int]] = []  # the text range of each group's note
    taken_to = -1
    for offset, i0, i1, note_end, kind in candidates:
        if offset < taken_to:
            continue  # inside a note already read (a bracket in a line note, a sentence in a bracket)
        if kind == _BRACKET:
            units = _read_note(view, offset, i0, i1, rules, lexicon, definitions, jurisdiction)
        elif kind == _CELL:
            units = _read_row(view, rows[offset], rules, lexicon, definitions, jurisdiction)
        else:
            units = _read_free(view, i0, i1, kind, rules, lexicon, definitions, jurisdiction)
        if not units:
            continue
        taken_to = note_end
        out.append((offset, units))  # each label line is one group (牵头单位：X / 配合单位：Y: two)
        spans.append((offset, note_end))
    if out and rules.lead_first.may_match(window):
        stated = rules.lead_first.pattern.search(text, start, stop)
        if stated is not None:
            # stated inside a note (…，列第一位者为牵头单位，下同): from that note on; elsewhere: every group
            first = next((k for k, (a, b) in enumerate(spans) if a <= stated.start() < b), 0)
            out = [(offset, _first_leads(units) if k >= first else units) for k, (offset, units) in enumerate(out)]
    return out


_BRACKET, _LINE, _SENTENCE, _CLAUSE, _CELL = "bracket", "line", "sentence", "clause", "cell"


def _read_row(
    view: TextView, cells: tuple[TableCell, ...], rules: _Rules, lexicon: _Lexicon, definitions: _Definitions, jurisdiction: str | None
) -> list[Unit]:
    """The units of the units cells of one task-table row (:mod:`sztext.extract.tasktable`), as one group.

    Each cell is read like a label line whose label is the column (a label or role word inside
    the cell still wins); a cell whose first name is not agency-like means the row was not read
    right (cells shifted by an empty cell, a wrapped line), and the row gives no group.
    """
    text = view.text
    units: list[Unit] = []
    for cell in cells:
        items = _split_items(text, cell.start, cell.end, rules)
        if not items:
            continue
        if items[0].label_role is None and not _agency_like(text[items[0].start : items[0].name_end], rules, lexicon, definitions):
            return []
        units.extend(_units(view, items, rules, lexicon, definitions, jurisdiction, cell.start, cell.end, cell.role))
    return units


def _read_free(
    view: TextView, i0: int, i1: int, kind: str, rules: _Rules, lexicon: _Lexicon, definitions: _Definitions, jurisdiction: str | None
) -> list[Unit]:
    """A label line (``责任单位：…``) or a sentence of names and role words (``由X牵头，Y配合，…``):
    in a sentence the runs of agency-like names are read from the start (``由X牵头，会同…`` keeps X)."""
    text = view.text
    items = _split_items(text, i0, i1, rules)
    if not items:
        return []
    if kind == _LINE:
        # the label vouches for the list; its first name must still be a body (牵头单位：要切实… is
        # no note), later ones are kept as written (全区经济运行各专班, OCR-damaged names)
        if not _agency_like(text[items[0].start : items[0].name_end], rules, lexicon, definitions):
            return []
        return _units(view, items, rules, lexicon, definitions, jurisdiction, i0, i1)
    kept: list[_Item] = []
    run: list[_Item] = []
    for it in items:
        if it.label_role is not None:
            return []
        run.append(it)
        if it.role_word is None:
            continue
        if not all(_agency_like(text[r.start : r.name_end], rules, lexicon, definitions) for r in run):
            break
        kept.extend(run)
        run = []
    first_word = next((i.role_word for i in kept if i.role_word is not None), None)
    if first_word is None or rules.role_of(first_word) != "lead":
        return []
    return _units(view, kept, rules, lexicon, definitions, jurisdiction, i0, i1)


def _agency_like(name: str, rules: _Rules, lexicon: _Lexicon, definitions: _Definitions) -> bool:
    return bool(
        rules.agency_like.pattern.match(name) or rules.level_item.pattern.match(name) or name in lexicon.by_name or name in definitions.names
    )


def _first_leads(units: list[Unit]) -> list[Unit]:
    """Under a document's 排在第一位的为牵头单位 rule: the first unit leads when no role was written."""
    if any(u.role != _DEFAULT_ROLE for u in units):
        return units
    first = units[0].model_copy(update={"role": "lead"})
    return [first, *units[1:]]


def _read_note(
    view: TextView, bracket: int, i0: int, i1: int, rules: _Rules, lexicon: _Lexicon, definitions: _Definitions, jurisdiction: str | None
) -> list[Unit]:
    """The units of the bracketed group whose inner text is ``view.text[i0:i1]``, or ``[]``."""
    text = view.text
    # the rule reads one character and looks behind it: endpos keeps the call short (no timeout set-up)
    bare_position = rules.bare_position.pattern.match(text, bracket, bracket + 1) is not None
    inner = text[i0:i1]
    if not bare_position and not rules.label.may_match(inner) and not rules.role_word.may_match(inner):
        return []  # neither labelled nor where a bare note may stand nor with a role word: most brackets stop here
    items = _split_items(text, i0, i1, rules)
    labelled = any(it.label_role is not None for it in items)
    if not labelled:
        with_role = any(it.role_word is not None for it in items)
        # a note inside a sentence needs a role word: …服务支撑体系（省大数据局、省政府办公厅牵头，
        # 各有关部门、各市政府配合）。 (devcorpus 0169)
        if not items or not (bare_position or with_role):
            return []
        if rules.not_note.pattern.match(text, i0, i1):
            return []
        for it in items:
            name = text[it.start : it.name_end]
            if not (
                rules.agency_like.pattern.match(name)
                or rules.level_item.pattern.match(name)
                or name in lexicon.by_name
                or name in definitions.names
                or (with_role and bare_position and rules.own_prefix.pattern.match(name))
            ):
                return []
    return _units(view, items, rules, lexicon, definitions, jurisdiction, i0, i1)


def _units(
    view: TextView,
    items: list[_Item],
    rules: _Rules,
    lexicon: _Lexicon,
    definitions: _Definitions,
    jurisdiction: str | None,
    i0: int,
    i1: int,
    default_role: UnitRole = _DEFAULT_ROLE,
) -> list[Unit]:
    """The units of the items of one note: roles, shared prefixes, canonical names, definitions."""
    text = view.text
    roles = _assign_roles(items, rules, default_role)
    uses_dun = "、" in text[i0:i1]
    units: list[Unit] = []
    prefix = ""
    collective = False  # a prefix such as 各市 is lent to bare body words only (units.bare_body)
    government: tuple[str, str] | None = None  # 省政府 of 省政府各部门, lent to 各直属机构 (units.gov_member)
    lent = lent_in_lists(view, [(it.start, it.name_end, it.sep_before, it.label_role is not None) for it in items], rules.level_item, rules.place_item)
    for k, (it, role) in enumerate(zip(items, roles)):
        if it.label_role is not None or it.sep_before == ";" or (it.sep_before == "," and uses_dun):
            prefix, government = "", None
        view_name = text[it.start : it.name_end]
        clean_name = view.clean[it.start : it.name_end]
        gm = rules.shared_prefix.pattern.match(view_name)
        if k in lent:
            (pv, pc), (sv, sc) = lent[k]
            view_name, clean_name = pv + view_name + sv, pc + clean_name + sc
        elif government and rules.gov_member.pattern.match(view_name):
            view_name, clean_name = government[0] + view_name, government[1] + clean_name
        elif rules.own_prefix.pattern.match(view_name):
            if gm is not None and gm.group("government"):
                government = (gm.group("government"), view.clean[it.start : it.start + len(gm.group("government"))])
            if gm is not None:
                prefix, collective = gm.group("prefix"), gm.group("collective") is not None
        elif prefix and (not collective or rules.bare_body.pattern.match(view_name)) and not rules.keeps_own_name.pattern.search(view_name):
            view_name, clean_name = prefix + view_name, prefix + clean_name
        canonical = _canonical(view_name, lexicon, None, jurisdiction)
        defined = definitions.names.get(view_name)
        if defined is not None and canonical is None:
            canonical = defined[1]
        span = view.span(it.start, it.end)
        units.append(_UNIT(text=view.source_at(*span), name=clean_name, canonical=canonical, role=role, span=span))
        if it.qualifier is not None:
            written = text[it.start : it.name_end]
            _define(it.qualifier, (view_name, written), clean_name, canonical, rules, definitions)
    return units


def _split_items(text: str, i0: int, i1: int, rules: _Rules) -> list[_Item]:
    """The items of a note, each with its label, role word and qualifier read off (remarks skipped)."""
    items: list[_Item] = []
    sep_before = ""
    skipping = False
    for m in rules.item.pattern.finditer(text, i0, i1):
        a, b = m.span("item")
        sep = m.group("sep")
        before, sep_before = sep_before, sep
        if skipping and before != ";":
            continue
        skipping = False
        label_role: str | None = None
        lm = rules.label.pattern.match(text, a, b)
        if lm is not None:
            label_role = rules.role_of(lm.group("label"))
            a = lm.end()
        if rules.remark.pattern.match(text, a, b):
            skipping = True
            continue
        a, b = _strip(text, a, b)
        role_word: str | None = None
        rm = rules.role_word.pattern.search(text, a, b)
        if rm is not None:
            role_word = rm.group("word")
            b = rm.start()
        tm = rules.trailer.pattern.search(text, a, b)
        if tm is not None:
            b = tm.start()
        a, b = _strip(text, a, b)
        name_end = b
        qualifier: str | None = None
        qm = rules.qualifier.pattern.search(text, a, b)
        if qm is not None and qm.start() > a:
            qualifier = qm.group("body")
            name_end = _strip(text, a, qm.start())[1]
            if role_word is None and rules.role_word.pattern.fullmatch("名" + qualifier.strip(), 1):
                role_word, qualifier, b = qualifier.strip(), None, name_end  # 市发展改革委（牵头）: a role
        if name_end <= a:
            continue
        items.append(_Item(a, b, name_end, before, label_role, role_word, qualifier))
    return items


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` without the spaces at either end (a loop over one short item)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _assign_roles(items: list[_Item], rules: _Rules, default_role: UnitRole = _DEFAULT_ROLE) -> list[UnitRole]:
    """The role of each item: a role word sets its run, a label the names after it, else ``default_role``
    (responsible; a task table's column role for its cells)."""
    roles: list[UnitRole] = []
    run_start = 0
    label_role: str | None = None
    for i, it in enumerate(items):
        if it.label_role is not None:
            label_role = it.label_role
            run_start = i
        elif it.sep_before == ";":
            label_role = None
            run_start = i
        roles.append(cast(UnitRole, label_role or default_role))
        if it.role_word is not None:
            word_role = rules.role_of(it.role_word)
            for j in range(run_start, i + 1):
                roles[j] = word_role
            run_start = i + 1
    return roles


def _define(
    qualifier: str,
    view_names: tuple[str, ...],
    clean_name: str,
    canonical: str | None,
    rules: _Rules,
    definitions: _Definitions,
) -> None:
    """Record what a qualifier defines for the later notes of the call (下同, 简称X).

    A 下同 defines the name both as expanded and as written (市 + 重点企业 and 重点企业).
    """
    for d in rules.definition.pattern.finditer(qualifier):
        if d.group("same_below"):
            for view_name in view_names:
                definitions.names[view_name] = (clean_name, canonical)
        elif d.group("short"):
            definitions.names[d.group("short").strip()] = (clean_name, canonical)
