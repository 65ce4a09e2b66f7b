"""Stage 5 — extract: independent pattern extractors over a text view.

Each extractor is a pure function ``(view, grammar, start, end) -> list[value]`` over the view
range ``[start, end)`` of one document, driven by its grammar file and returning typed values
whose spans point into the source. They share nothing but the view, so they can run in any
order, be called on their own (``sztext.extract.extract_amounts(view, grammar)``), and be
tested alone.
"""

from __future__ import annotations

from .citations import extract_citations
from .dates import extract_dates, extract_effective
from .repeals import extract_repeals
from .docnumber import extract_doc_numbers, parse_doc_number
from .money import extract_amounts
from .units import extract_unit_groups

__all__ = [
    "extract_amounts",
    "extract_citations",
    "extract_dates",
    "extract_doc_numbers",
    "extract_effective",
    "extract_repeals",
    "extract_unit_groups",
    "parse_doc_number",
]
