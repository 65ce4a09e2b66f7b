"""A time budget per document: the cheap half of the guarantee that no input runs away.

Every grammar pattern call over a long span runs under the ``regex`` module's timeout
(:data:`sztext.grammar.REGEX_TIMEOUT`, for calls whose span exceeds
:data:`sztext.grammar.LONG_SPAN`). The many short calls — one line, one note, a few characters
after an offset — run without it: the timeout set-up reads the CPU clock, a system call that
cost more than the match itself (29% of a parse). What they add up to is bounded here instead:
the pipeline opens a budget for the segmentation of a text and for each document
(:func:`time_budget`, proportional to its length), and the stages check it between themselves
and every few hundred iterations of their long loops (:func:`check_budget`). Past the budget a
:class:`~sztext.errors.TimeBudgetError` (a ``RegexTimeoutError``) is raised: in an extractor it
becomes a ``regex_timeout`` warning, elsewhere the document fails, as for a timeout.

Outside a budget (a stage called directly) :func:`check_budget` does nothing. The clock is
``time.thread_time``, the CPU time of the parsing thread: other processes on a shared machine,
and other threads parsing other documents, do not spend a document's budget. Reading it is a
system call (~1–3 µs), which is why the loops check only every 256 iterations.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Iterator

from .errors import TimeBudgetError

__all__ = ["BUDGET_BASE", "BUDGET_PER_CHAR", "CHECK_MASK", "time_budget", "check_budget", "budget_seconds"]

BUDGET_BASE = 30.0  # CPU seconds every document may take, whatever its length (mojibake repair
# of a hostile 10k-character text, capped at 400 repairs, takes ~5 s)
BUDGET_PER_CHAR = 1e-4  # and per character: 100 µs, ~100× what a parse costs (~1 µs a character)
CHECK_MASK = 255  # a long loop checks the budget every 256 iterations: ``if not i & CHECK_MASK``

_state = threading.local()


def budget_seconds(chars: int) -> float:
    """The budget of a text of ``chars`` characters, in seconds."""
    return BUDGET_BASE + BUDGET_PER_CHAR * chars


@contextmanager
def time_budget(chars: int) -> Iterator[None]:
    """Run the block under a budget for ``chars`` characters (nested budgets: the inner one
    holds inside it, the outer one again after it)."""
    outer = getattr(_state, "budget", None)
    seconds = budget_seconds(chars)
    _state.budget = (time.thread_time() + seconds, seconds)
    try:
        yield
    finally:
        _state.budget = outer


def check_budget(stage: str) -> None:
    """Raise :class:`TimeBudgetError` naming ``stage`` if the current budget is spent."""
    budget = getattr(_state, "budget", None)
    if budget is not None and time.thread_time() > budget[0]:
        raise TimeBudgetError(stage, budget[1])
