"""Task tables (任务分工表): where the units cells of each row are.

Many 工作方案 publish their measures as a table: ``序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限``.
A table is recognised by its header: short cells, at least one naming a units column
(``[table.columns]`` of ``units.toml``: 责任单位, 牵头单位, 配合单位, 实施部门, 指导部门 … each with the role
of its units) and at least one other column (``units.table_other_column``: 序号, 工作任务, 完成时限 …).
Tables reach the text in two layouts, and both are read:

* one line per row (HTML and .docx tables, cells joined by a space; Markdown ``| a | b |``;
  PDF text): the header line and each following line are split into cells (at ``|`` when the
  header has pipes, else at spaces). A task cell may hold spaces and a merged (row-spanning)
  first cell may be missing, so cells are aligned **from the right**: the units columns and the
  columns after them (the *tail*) take the last cells of the line. The table ends at the first
  line with no cell before the tail.
* one line per cell (HTML cells holding ``<p>``, pkulaw bodies): the header is a run of short
  lines; after it, the cells of a row's tail are the short lines between two running-text cells
  (``units.table_text_cell``: a line holding a sentence end) or between one and the next row
  number / section row (``units.table_row_break``). A run whose length is not the tail's width
  (merged cells, a task without a sentence end) is left out: no guess. The table ends at the next
  ``附件N`` line (``units.table_end``), the next header, or the end of the range.

This module only finds the cells; :func:`sztext.extract.units.extract_unit_groups` reads each
row's cells into one unit group (the column gives the role of names without a label or role
word) and attaches it, like every group, to the outline node holding its first unit: rows are
usually text lines of one node (an attachment), so a table's groups are that node's groups, in
row order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, cast

import regex

from ..chars import squash
from ..grammar import Grammar, Rule, literal_finder
from ..models import UnitRole
from ..normalize import TextView

__all__ = ["TableCell", "table_unit_rows"]


@dataclass(frozen=True)
class TableCell:
    """One non-empty units cell of a table row: view offsets, the column's name and role."""

    start: int
    end: int
    column: str
    role: UnitRole


@dataclass(frozen=True)
class _Rules:
    other: Rule
    empty: Rule
    row_break: Rule
    text_cell: Rule
    end: Rule
    columns: Mapping[str, UnitRole]
    column_finder: regex.Pattern[str] | None  # the column names, found in one scan (``name in line`` for all)


@dataclass(frozen=True)
class _Header:
    tail: tuple[str, ...]  # the column names from the first units column to the last
    next_line: int  # index of the first line after the header
    pipes: bool
    per_cell: bool


_MAX_HEADER_CELL = 16  # a header cell is a column name, never a sentence
_LIST_SEPS = "、,;"  # the view's list separators (、，；)


def _compile(grammar: Grammar) -> _Rules:
    r = grammar.rule
    columns = {k: cast(UnitRole, str(v)) for k, v in grammar.table("units", "columns").items()}
    return _Rules(
        r("units.table_other_column"), r("units.table_empty_cell"), r("units.table_row_break"), r("units.table_text_cell"), r("units.table_end"),
        columns, literal_finder(columns),
    )


def _lines(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    a = start
    while a < stop:
        b = text.find("\n", a, stop)
        b = stop if b < 0 else b
        out.append((a, b))
        a = b + 1
    return out


def _cells(text: str, a: int, b: int, pipes: bool) -> list[tuple[int, int]]:
    """The cells of one line (view offsets, spaces stripped): split at ``|`` or at spaces."""
    out: list[tuple[int, int]] = []
    sep = "|" if pipes else " "
    i = a
    while i <= b:
        j = text.find(sep, i, b)
        # a space next to a list separator is inside a cell: 市发展改革委、 市财政局
        while not pipes and 0 <= j < b and ((j > a and text[j - 1] in _LIST_SEPS) or (j + 1 < b and text[j + 1] in _LIST_SEPS)):
            j = text.find(sep, j + 1, b)
        j = b if j < 0 else j
        s, e = i, j
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
        i = j + 1
    return out


_NOT_IN_HEADER = frozenset("。,;、:")


def _is_header_cell(name: str) -> bool:
    return 0 < len(name) <= _MAX_HEADER_CELL and _NOT_IN_HEADER.isdisjoint(name)


def _header_at(text: str, lines: list[tuple[int, int]], k: int, rules: _Rules) -> _Header | None:
    """The table header starting at line ``k``, or ``None``."""
    a, b = lines[k]
    line = text[a:b]
    pipes = line.count("|") >= 2
    names = [squash(text[s:e]) for s, e in _cells(text, a, b, pipes)]
    if len(names) >= 3 and all(_is_header_cell(n) for n in names):
        tail = _tail(names, rules)
        if tail is not None:
            return _Header(tail, k + 1, pipes, per_cell=False)
        return None
    # one line per cell: a run of short lines, cut after its last known column name
    run: list[str] = []
    j = k
    while j < len(lines):
        name = squash(text[lines[j][0] : lines[j][1]])
        if not name:
            j += 1
            continue
        if not _is_header_cell(name) or rules.row_break.pattern.match(name):
            break
        run.append(name)
        j += 1
    if len(run) < 3 or not (run[0] in rules.columns or rules.other.pattern.match(run[0])):
        return None
    known = [i for i, n in enumerate(run) if n in rules.columns or rules.other.pattern.match(n)]
    run = run[: known[-1] + 1]
    tail = _tail(run, rules)
    if tail is None:
        return None
    # the line index after the last header cell
    seen, j = 0, k
    while seen < len(run):
        if squash(text[lines[j][0] : lines[j][1]]):
            seen += 1
        j += 1
    return _Header(tail, j, pipes=False, per_cell=True)


def _tail(names: list[str], rules: _Rules) -> tuple[str, ...] | None:
    """The columns from the first units column on, if the header has one and another column."""
    first = next((i for i, n in enumerate(names) if n in rules.columns), None)
    if first is None or not any(rules.other.pattern.match(n) for n in names if n not in rules.columns):
        return None
    return tuple(names[first:])


def _row(text: str, cells: list[tuple[int, int]], tail: tuple[str, ...], rules: _Rules) -> tuple[TableCell, ...]:
    """The non-empty units cells of a row whose tail cells are ``cells``."""
    out: list[TableCell] = []
    for (s, e), column in zip(cells, tail):
        role = rules.columns.get(column)
        if role is None or rules.empty.pattern.match(text[s:e]):
            continue
        out.append(TableCell(s, e, column, role))
    return tuple(out)


def table_unit_rows(view: TextView, grammar: Grammar, start: int = 0, end: int | None = None) -> list[tuple[TableCell, ...]]:
    """The units cells of every row of every task table in the view range, in text order.

    Args:
        view: the normalised text.
        grammar: the compiled grammar (``units.toml``: ``table_*`` rules, ``[table.columns]``).
        start: view offset of the range.
        end: its end (``None``: the end of the view).
    Returns:
        One tuple per row with at least one non-empty units cell: its units cells in column order.

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> g = load_grammar()
    >>> v = normalize("序号 工作任务 牵头单位 配合单位 完成时限\\n1 加快建设统一大市场。 省发展改革委 省市场监管局、省商务厅 2023年底前\\n", g)
    >>> [[(v.text[c.start:c.end], c.role) for c in row] for row in table_unit_rows(v, g)]
    [[('省发展改革委', 'lead'), ('省市场监管局、省商务厅', 'cooperating')]]
    """
    text = view.text
    stop = len(text) if end is None else end
    rules = grammar.derived(_compile)
    if not any(name in text[start:stop] for name in rules.columns):
        return []
    lines = _lines(text, start, stop)
    squashed: list[str | None] = [None] * len(lines)  # each line's squashed text, once (_may_start reads up to 12 per line)
    rows: list[tuple[TableCell, ...]] = []
    k = 0
    while k < len(lines):
        if not _may_start(text, lines, k, rules, squashed):
            k += 1
            continue
        header = _header_at(text, lines, k, rules)
        if header is None:
            k += 1
            continue
        k = _read_table(text, lines, header, rules, rows, squashed)
    return rows


def _may_start(text: str, lines: list[tuple[int, int]], k: int, rules: _Rules, squashed: list[str | None]) -> bool:
    """A units column name on this line, or (one line per cell) within the next few lines.
    ``squashed``: each line's ``_squash``, filled in as lines are read. Blank lines between the
    cells are skipped, as ``_header_at`` skips them (a page that renders each cell as a paragraph:
    序号 / 主 要 工 作 任 务 / 责任单位 with a blank line after each, 嘉政办发〔2023〕7号; 序号 / 内容与要求 /
    进展情况 / 责任单位, 绍兴市 2020 重点工作进展情况表, tests/devcorpus/extra e245)."""
    seen = 0
    for j in range(k, len(lines)):
        if seen >= 12:
            break
        name = squashed[j]
        if name is None:
            a, b = lines[j]
            name = squashed[j] = squash(text[a:b])
        if j > k and not name:
            continue
        seen += 1
        if name in rules.columns:
            return True
        if j == k:
            finder = rules.column_finder
            if finder is not None and finder.search(text, lines[k][0], lines[k][1]) is not None:
                return True
        elif not _is_header_cell(name):
            return False
    return False


def _read_table(
    text: str, lines: list[tuple[int, int]], header: _Header, rules: _Rules, rows: list[tuple[TableCell, ...]], squashed: list[str | None]
) -> int:
    """Read the rows after ``header`` into ``rows``; the index of the line after the table."""
    width = len(header.tail)
    k = header.next_line
    if not header.per_cell:
        while k < len(lines):
            a, b = lines[k]
            if set(text[a:b]) <= set("|-: "):
                if text[a:b].strip():
                    k += 1  # a Markdown separator row
                    continue
                break
            cells = _cells(text, a, b, header.pipes)
            if len(cells) <= width:
                break  # no cell before the tail: a paragraph, the end of the table
            row = _row(text, cells[-width:], header.tail, rules)
            if row:
                rows.append(row)
            k += 1
        return k
    run: list[tuple[int, int]] | None = None

    def close() -> None:
        if run is not None and len(run) == width:
            row = _row(text, run, header.tail, rules)
            if row:
                rows.append(row)

    while k < len(lines):
        a, b = lines[k]
        s, e = a, b
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            k += 1
            continue
        line = text[s:e]
        if rules.end.pattern.match(line) or (_may_start(text, lines, k, rules, squashed) and _header_at(text, lines, k, rules) is not None):
            break
        if rules.text_cell.pattern.search(line):
            close()
            run = []
        elif rules.row_break.pattern.match(line):
            close()
            run = None
        elif run is not None:
            run.append((s, e))
        k += 1
    close()
    return k
