"""The document's jurisdiction: the place whose agency lexicon names its responsible units.

Read from the header, strongest signal first:

1. an issuer (the signature or 发文机关) that starts with a place's name, after a leading
   中共/中国共产党: ``济南市人民政府办公厅`` → 济南市, ``中共深圳市委`` → 深圳市;
2. the title, when it starts with a place's name (``山东省人民政府关于…``);
3. the 文号 agency code: the longest of the places' ``codes`` that starts the document
   number's agency (``深府规`` → 深圳市, ``国办发`` → national);
4. for a text with none of these (a body without its header, samples/000), the place named
   most often in the text, when it is named at least 3 times and at least twice as often as
   any other place (sample 000: 深圳 10 times, no other place).

The places are those with a lexicon file (``grammars/agencies/<place>.toml``: its
``[jurisdiction]`` block gives the name, other names, level and codes). ``None`` when no
signal names one: the units of such a document get no canonical names.
"""

from __future__ import annotations

from typing import Iterable, Sequence, cast

from ..grammar import Grammar, Jurisdiction, JurisdictionLevel
from ..models import JurisdictionRef
from ..normalize import view_table

__all__ = ["find_jurisdiction"]

_PARTY = ("中国共产党", "中共")


def _places(grammar: Grammar) -> tuple[tuple[tuple[str, Jurisdiction], ...], tuple[tuple[str, Jurisdiction], ...]]:
    names = [(n, j) for j in grammar.jurisdictions.values() for n in (j.name, *j.names)]
    codes = [(c, j) for j in grammar.jurisdictions.values() for c in j.codes]
    by_length = lambda pair: -len(pair[0])  # noqa: E731 - longest first
    return tuple(sorted(names, key=by_length)), tuple(sorted(codes, key=by_length))


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
    for text in (*issuers, *([title] if title else [])):
        found = _starts("".join(text.split()).translate(table), names)
        if found is not None:
            break
    if found is None and agency_code:
        code = agency_code.translate(table)
        found = next((j for c, j in codes if code.startswith(c)), None)
    if found is None and body and not issuers and title is None and agency_code is None:
        found = _most_named(body, grammar)
    return None if found is None else JurisdictionRef.model_construct(name=found.name, level=cast(JurisdictionLevel, found.level))


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
