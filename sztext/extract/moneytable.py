"""Money in tables: bare numbers in the cells under a unit header (``单位：万元``).

An allocation table (资金分配表) prints its unit once, on a line of its own above the table
(``金额单位:万元``, ``单位:万元``, ``（单位：亿元）``: rule ``money.table_unit``), and then only numbers
in its cells. Each cell that is only a number (``money.table_cell``) is an amount of that unit.
Decisions (issue 15):

* The amount's ``text`` and ``span`` are the number as printed in its cell (``1304``); its unit is
  the header's, so ``value`` is the number times the header's magnitude (1304 万元 → 13040000) in
  the header's currency; ``qualifier`` exact, ``per`` None, ``rule_id`` ``money.table_cell``
  (which says the unit came from the header, not from the cell).
* Cells are the lines of the table (a cell-per-line table: HTML cells holding ``<p>``, PDF text)
  or the ``|``-separated parts of a line (a row-per-line table).
* The header cells are the cells before the first number. A table whose header names a column
  that is not money (``money.table_not_money``: 个数, 数量, 比例, %, 年份 …) is not read: the
  columns of a cell-per-line table cannot be told apart, so no guess. When the header starts
  with 序号 (``money.table_serial``), the integers 1, 2, 3 … in row order are row numbers.
* The table ends at a sentence or a line of prose (``money.table_end``), at the next unit header
  or at the end of the range.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping

from ..grammar import Grammar, Rule
from ..normalize import TextView

__all__ = ["TableAmount", "table_amounts"]

_UNIT = "money.table_unit"
_CELL = "money.table_cell"
_SERIAL = "money.table_serial"
_NOT_MONEY = "money.table_not_money"
_END = "money.table_end"


@dataclass(frozen=True, slots=True)
class TableAmount:
    """One cell amount on view offsets: the number's span, its value in the header's unit and currency."""

    start: int
    end: int
    value: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class _Cell:
    start: int
    end: int
    text: str


def table_amounts(
    view: TextView, grammar: Grammar, start: int, stop: int, powers: Mapping[str, int], currencies: Mapping[str, str],
) -> list[TableAmount]:
    """The cell amounts of every table under a unit header in the view range ``[start, stop)``.

    Args:
        view: the normalised text.
        grammar: the compiled grammar (the ``money.table_*`` rules).
        start: view offset where the range starts.
        stop: view offset where it ends.
        powers: power of ten of each magnitude character (``money.toml [table.magnitude]``).
        currencies: ISO code of each currency word (``[table.currency]``).
    Returns:
        The amounts in text order.
    """
    text = view.text
    unit = grammar.rule(_UNIT)
    if unit.anchor_finder is not None and unit.anchor_finder.search(text, start, stop) is None:
        return []
    out: list[TableAmount] = []
    for m in unit.pattern.finditer(text, start, stop):
        power = sum(powers[c] for c in m["mag"] or "")
        body_end = _table_end(text, m.end(), stop, unit, grammar.rule(_END))
        cells = _cells(text, m.end(), body_end)
        out.extend(_read(cells, grammar, power, currencies[m["cur"]]))
    return out


def _table_end(text: str, begin: int, stop: int, unit: Rule, end_rule: Rule) -> int:
    """The view offset where the table after a unit header ends (a sentence, prose, another header)."""
    pos = begin
    while pos < stop:
        nl = text.find("\n", pos, stop)
        line_end = stop if nl < 0 else nl
        line = text[pos:line_end]
        if line.strip() and (end_rule.pattern.search(line) is not None or unit.pattern.fullmatch(line) is not None):
            return pos
        pos = line_end + 1
    return stop


def _cells(text: str, begin: int, end: int) -> list[_Cell]:
    """The non-empty cells between two view offsets: each line, split at ``|``."""
    cells: list[_Cell] = []
    pos = begin
    for part in text[begin:end].replace("|", "\n").split("\n"):
        if part.strip():
            cells.append(_Cell(pos, pos + len(part), part))
        pos += len(part) + 1
    return cells


def _read(cells: list[_Cell], grammar: Grammar, power: int, currency: str) -> list[TableAmount]:
    """The amounts of one table's cells (none when its header names a column that is not money)."""
    cell_rule, serial_rule, not_money = grammar.rule(_CELL), grammar.rule(_SERIAL), grammar.rule(_NOT_MONEY)
    first = next((i for i, c in enumerate(cells) if cell_rule.pattern.fullmatch(c.text)), None)
    if first is None:
        return []
    header = cells[:first]
    if any(not_money.pattern.search(c.text) for c in header):
        return []
    serial = bool(header) and serial_rule.pattern.fullmatch(header[0].text) is not None
    row = 1
    out: list[TableAmount] = []
    body = cells[first:]
    for i, c in enumerate(body):
        if cell_rule.pattern.fullmatch(c.text) is None:
            continue
        number = c.text.strip()
        # a row number is followed by the row's name, never by another number
        if serial and number == str(row) and i + 1 < len(body) and cell_rule.pattern.fullmatch(body[i + 1].text) is None:
            row += 1
            continue
        lead = len(c.text) - len(c.text.lstrip())
        value = Decimal(number.replace(",", "")).scaleb(power)
        value = Decimal(int(value)) if value == value.to_integral_value() else value.normalize()
        out.append(TableAmount(c.start + lead, c.start + lead + len(number), value, currency))
    return out
