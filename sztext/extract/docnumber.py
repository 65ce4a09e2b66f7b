"""Document numbers (发文字号): 深府规〔2024〕6号 → agency 深府规, year 2024, serial 6."""

from __future__ import annotations

import regex

from ..grammar import Grammar
from ..models import DocNumber
from ..normalize import TextView, constructor, drop_overlaps
from ..numerals import arabic

__all__ = ["extract_doc_numbers", "parse_doc_number"]

_RULES = ("docnumber.bracket", "docnumber.bracket_lost_close", "docnumber.decree")
_DOC_NUMBER = constructor(DocNumber)
_SPACES = regex.compile(r"\s+")


def extract_doc_numbers(view: TextView, grammar: Grammar, start: int = 0, end: int | None = None) -> list[DocNumber]:
    """Every document number in the view range, in text order.

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> g = load_grammar()
    >>> [(d.text, d.agency, d.year, d.serial) for d in extract_doc_numbers(normalize("根据（國發〔2015〕32號）和深圳市人民政府令第310号", g), g)]
    [('國發〔2015〕32號', '國發', 2015, 32), ('深圳市人民政府令第310号', '深圳市人民政府令', None, 310)]
    """
    stop = len(view.text) if end is None else end
    found: list[tuple[int, int, DocNumber]] = []
    for rule_id in _RULES:
        rule = grammar.rule(rule_id)
        for m in rule.pattern.finditer(view.text, start, stop):
            value = view.value(m.start(), m.end())
            agency_start, agency_end = m.span("agency")
            year = m.groupdict().get("year")
            found.append(
                (
                    m.start(),
                    m.end(),
                    _DOC_NUMBER(
                        text=value.text,
                        clean=_SPACES.sub("", value.clean),  # 82 号, numbers split over lines
                        span=value.span,
                        agency=view.clean[agency_start:agency_end],
                        year=arabic(year) if year else None,
                        serial=arabic(m.group("serial")),
                        rule_id=rule.id,
                    ),
                )
            )
    return [dn for _, _, dn in drop_overlaps(found, lambda f: (f[0], f[1]))]


def parse_doc_number(text: str, grammar: Grammar) -> DocNumber | None:
    """Parse one document number written on its own (``"深府规〔2024〕6号"``), or ``None``."""
    from ..normalize import normalize

    found = extract_doc_numbers(normalize(text, grammar), grammar)
    return found[0] if found else None
