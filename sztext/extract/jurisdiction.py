"""The document's jurisdiction: the place whose agency lexicon names its responsible units.

Read from the header, strongest signal first:

1. an issuer (the signature or 发文机关) that starts with a place's name, after a leading
   中共/中国共产党: ``济南市人民政府办公厅`` → 济南市, ``中共深圳市委`` → 深圳市;
2. the title, when it starts with a place's name (``山东省人民政府关于…``);
3. the 文号 agency code: a place's ``exact_codes`` entry that is the whole agency (``青政办`` →
   青海省), else the longest of the places' ``codes`` that starts the document number's agency
   (``深府规`` → 深圳市, ``国办发`` → national, ``青政办字`` → 青岛市);
4. for a text with none of these (a body without its header, samples/000), the place named
   most often in the text, when it is named at least 3 times and at least twice as often as
   any other place (sample 000: 深圳 10 times, no other place).

The places with a lexicon file (``grammars/agencies/<place>.toml``: its ``[jurisdiction]``
block gives the name, other names, level and codes) come first. For signals 1 and 2 every
other division of China is known too (``grammars/places.toml``, 3,219 province-, prefecture-
and county-level names with their codes): ``杭州市财政局`` → 杭州市 (prefecture, parent 浙江省),
``中共浙江省委`` → 浙江省. A name several divisions share (朝阳区: Beijing's, Changchun's) is
taken only when its parent is printed before it (``北京市朝阳区人民政府``); alone it names no
place. Such a document has a jurisdiction but no lexicon, so its units get no canonical names
(never another place's). ``None`` when no signal names a place.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple, Sequence, cast

from ..grammar import Grammar, Jurisdiction, JurisdictionLevel
from ..models import JurisdictionRef
from ..normalize import view_table

__all__ = ["find_jurisdiction", "Division", "divisions"]

_PARTY = ("中国共产党", "中共")

# Suffixes dropped to give a province's or prefecture's short name (浙江省 → 浙江, 延边朝鲜族自治州
# → 延边, 广西壮族自治区 → 广西); county-level names are never shortened (忠县, 朝阳区).
_SHORT_SUFFIXES = (
    "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "地区", "盟",
)
_ETHNIC_PREFECTURE = "族自治州"


class Division(NamedTuple):
    """One administrative division of ``grammars/places.toml``."""

    code: str  # the 6-digit 行政区划代码
    name: str
    level: str  # provincial, prefecture, county, district
    parent: str | None  # the name of the division above (浙江省 for 杭州市)


def divisions(grammar: Grammar) -> tuple[dict[str, Division], dict[str, tuple[Division, ...]]]:
    """The divisions by code and by every name they go by (full and short), from the grammar."""
    by_code: dict[str, Division] = {}
    raw = [entry.split(" ", 1) for entry in grammar.word_list("places", "divisions")]
    names = {code: name for code, name in raw}
    for code, name in raw:
        if code.endswith("0000"):
            level, parent = "provincial", None
        elif code.endswith("00"):
            level, parent = "prefecture", names.get(code[:2] + "0000")
        else:
            level = "district" if name.endswith("区") else "county"
            parent = names.get(code[:4] + "00") or names.get(code[:2] + "0000")
        by_code[code] = Division(code, name, level, parent)
    by_name: dict[str, list[Division]] = {}
    for d in by_code.values():
        keys = {d.name}
        if d.level in ("provincial", "prefecture"):
            short = _short_name(d.name)
            if short:
                keys.add(short)
        for key in keys:
            by_name.setdefault(key, []).append(d)
    return by_code, {k: tuple(v) for k, v in by_name.items()}


def _short_name(name: str) -> str | None:
    if _ETHNIC_PREFECTURE in name:  # 延边朝鲜族自治州 → 延边 (the place name before the people)
        head = name[: name.index(_ETHNIC_PREFECTURE)]
        return head[:2] if len(head) >= 3 else None
    for suffix in _SHORT_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


def _division_at_start(text: str, grammar: Grammar) -> Division | None:
    """The most specific division whose names start ``text``: 浙江省杭州市 → 杭州市; a name
    that several divisions share is taken only with its parent printed before it."""
    _, by_name = grammar.derived(divisions)
    for party in _PARTY:
        if text.startswith(party):
            text = text[len(party) :]
            break
    found: Division | None = None
    pos = 0
    while pos < len(text):
        step: Division | None = None
        for end in range(min(len(text), pos + 12), pos + 1, -1):  # longest name first
            options = by_name.get(text[pos:end])
            if not options:
                continue
            if found is not None:  # under the division already read
                options = tuple(d for d in options if d.parent == found.name)
            if len(options) > 1:  # shared by several: the higher level, if exactly one is
                top = [d for d in options if d.level == "provincial"]
                if len(top) != 1:
                    return None  # ambiguous (朝阳区 alone); a shorter name would be a wrong guess
                options = tuple(top)
            if len(options) == 1:
                step, pos = options[0], end
            break
        if step is None:
            break
        found = step
    return found


def _places(grammar: Grammar) -> tuple[tuple[tuple[str, Jurisdiction], ...], tuple[tuple[str, Jurisdiction], ...]]:
    names = [(n, j) for j in grammar.jurisdictions.values() for n in (j.name, *j.names)]
    codes = [(c, j) for j in grammar.jurisdictions.values() for c in j.codes]
    by_length = lambda pair: -len(pair[0])  # noqa: E731 - longest first
    return tuple(sorted(names, key=by_length)), tuple(sorted(codes, key=by_length))


def _exact_codes(grammar: Grammar) -> dict[str, Jurisdiction]:
    return {c: j for j in grammar.jurisdictions.values() for c in j.exact_codes}


def _starts(text: str, names: Iterable[tuple[str, Jurisdiction]]) -> Jurisdiction | None:
    for party in _PARTY:
        if text.startswith(party):
            text = text[len(party) :]
            break
    for name, place in names:
        if text.startswith(name):
            return place
    return None


def find_jurisdiction(
    grammar: Grammar,
    *,
    issuers: Sequence[str] = (),
    title: str | None = None,
    agency_code: str | None = None,
    body: str | None = None,
) -> JurisdictionRef | None:
    """The place of a document from its issuers, title and 文号 agency code, or ``None``.

    >>> from sztext import load_grammar
    >>> g = load_grammar()
    >>> find_jurisdiction(g, issuers=["深圳市人民政府"]).name, find_jurisdiction(g, agency_code="深府规").name
    ('深圳市', '深圳市')
    >>> find_jurisdiction(g, title="关于印发若干措施的通知") is None
    True
    """
    names, codes = grammar.derived(_places)
    table = view_table(grammar)
    found: Jurisdiction | None = None
    division: Division | None = None
    for text in (*issuers, *([title] if title else [])):
        squashed = "".join(text.split()).translate(table)
        found = _starts(squashed, names)
        division = _division_at_start(squashed, grammar)
        if found is not None or division is not None:
            break
    if found is not None and division is not None and division.name != found.name:
        # a division below the lexicon place is more specific (重庆市綦江区人民政府 → 綦江区)
        if found.name in _ancestors(division, grammar):
            found = None
        else:
            division = None
    if found is None and division is not None:
        return JurisdictionRef.model_construct(
            name=division.name, level=cast(JurisdictionLevel, division.level), parent=division.parent, code=division.code
        )
    if found is None and agency_code:
        agency = agency_code.translate(table)
        found = grammar.derived(_exact_codes).get(agency) or next((j for c, j in codes if agency.startswith(c)), None)
    if found is None and body and not issuers and title is None and agency_code is None:
        found = _most_named(body, grammar)
    if found is None:
        return None
    _, by_name = grammar.derived(divisions)
    same = [d for d in by_name.get(found.name, ()) if d.name == found.name and d.level == found.level]
    parent: str | None
    code: str | None = None
    if len(same) == 1:
        parent, code = same[0].parent, same[0].code
    else:
        parent = None if found.level in ("national", "provincial") else found.parent
    return JurisdictionRef.model_construct(name=found.name, level=cast(JurisdictionLevel, found.level), parent=parent, code=code)


def _ancestors(division: Division, grammar: Grammar) -> list[str]:
    by_code, _ = grammar.derived(divisions)
    out = []
    code = division.code
    for parent_code in (code[:4] + "00", code[:2] + "0000"):
        parent = by_code.get(parent_code)
        if parent is not None and parent_code != code:
            out.append(parent.name)
    return out


def _most_named(text: str, grammar: Grammar) -> Jurisdiction | None:
    """The place named most often in ``text`` (by its longest name), if clearly the most."""
    counts = []
    for place in grammar.jurisdictions.values():
        if place.level == "national":
            continue
        n = max(text.count(name) for name in (place.name, *place.names))
        counts.append((n, place.name))
    counts.sort(reverse=True)
    if not counts or counts[0][0] < 3 or (len(counts) > 1 and counts[0][0] < 2 * counts[1][0]):
        return None
    return grammar.jurisdictions[counts[0][1]]
