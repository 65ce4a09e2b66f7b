"""Dates, periods, effective dates and repeals. (Stub: being written.)"""

from __future__ import annotations

import datetime as _dt

from ..grammar import Grammar
from ..models import DateValue, Effective, Repeal
from ..normalize import TextView

__all__ = ["extract_dates", "extract_effective", "extract_repeals"]


def extract_dates(view: TextView, grammar: Grammar, start: int = 0, end: int | None = None) -> list[DateValue]:
    """Every date or period mentioned in the view range, in text order."""
    return []


def extract_effective(
    view: TextView, grammar: Grammar, start: int = 0, end: int | None = None, *, signed: _dt.date | None = None
) -> Effective | None:
    """When the document takes effect (自…起施行, 自印发之日起, 有效期N年)."""
    return None


def extract_repeals(view: TextView, grammar: Grammar, start: int = 0, end: int | None = None) -> list[Repeal]:
    """Documents this one repeals (同时废止, 废止, 撤销, 停止执行), partial ones marked."""
    return []
