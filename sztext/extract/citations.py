"""Citations of other documents: 《title》（文号） and bare 《title》."""

from __future__ import annotations

from ..grammar import Grammar
from ..models import Citation
from ..normalize import TextView, constructor
from .docnumber import extract_doc_numbers

__all__ = ["extract_citations"]

_CITATION = constructor(Citation)


def extract_citations(view: TextView, grammar: Grammar, start: int = 0, end: int | None = None) -> list[Citation]:
    """Every 《title》 in the range, linked to a document number in the parentheses right after it.

    A bare 《title》 cited again later takes the number written at its first citation in the
    range (the 文号 is usually given once): its ``text`` and ``span`` stay those of the bare title.

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> g = load_grammar()
    >>> c = extract_citations(normalize("根据《国务院关于开展营商环境创新试点工作的意见》（国发〔2021〕24号），制定", g), g)[0]
    >>> c.title, c.doc_number, c.text
    ('国务院关于开展营商环境创新试点工作的意见', '国发〔2021〕24号', '《国务院关于开展营商环境创新试点工作的意见》（国发〔2021〕24号）')
    >>> again = extract_citations(normalize("按照《若干措施》（深府规〔2024〕6号）……落实《若干措施》要求", g), g)
    >>> [(c.text, c.doc_number) for c in again]
    [('《若干措施》（深府规〔2024〕6号）', '深府规〔2024〕6号'), ('《若干措施》', '深府规〔2024〕6号')]
    """
    stop = len(view.text) if end is None else end
    rule = grammar.rule("citations.title")
    follow = grammar.rule("citations.number_after")
    out: list[Citation] = []
    numbered: dict[str, str] = {}  # title as in the view → its 文号
    for m in rule.pattern.finditer(view.text, start, stop):
        c_end = m.end()
        number: str | None = None
        n = follow.pattern.match(view.text, m.end(), stop)
        if n:
            numbers = extract_doc_numbers(view, grammar, n.start("inner"), n.end("inner"))
            if numbers:
                number = numbers[0].clean
                c_end = n.end()
        value = view.value(m.start(), c_end)
        t0, t1 = m.span("title")
        key = view.text[t0:t1]
        if number is not None:
            numbered.setdefault(key, number)
        else:
            number = numbered.get(key)
        out.append(_CITATION(title=view.clean[t0:t1], doc_number=number, text=value.text, span=value.span))
    return out


