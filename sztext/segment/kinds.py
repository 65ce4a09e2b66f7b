"""The line types of segmentation: what a line is (:class:`LineKind`), where it is (:class:`Line`),
and the physical lines of a text."""

from __future__ import annotations

import functools
from array import array
from dataclasses import dataclass
from enum import Enum
from typing import Iterable, Iterator, NamedTuple, Sequence, overload

__all__ = ["LineKind", "Line", "Lines", "DocumentRange", "split_lines", "physical_lines"]


class LineKind(str, Enum):
    """What a line is, as far as the document structure goes."""

    BLANK = "blank"
    METADATA = "metadata"
    DOC_NUMBER = "doc_number"
    DECREE_HEAD = "decree_head"
    DECREE_NOTE = "decree_note"
    TITLE = "title"
    ENCLOSED_TITLE = "enclosed_title"
    ADDRESSEE = "addressee"
    SIGNATURE = "signature"
    DATE = "date"
    CC = "cc"
    PRINTED = "printed"
    ATTACHMENT = "attachment"
    PUBLIC_NOTE = "public_note"
    CLOSING = "closing"
    HEADING = "heading"
    DEBRIS = "debris"
    TEXT = "text"


class Line(NamedTuple):
    """A line of the view: ``[start, end)`` without its newline; ``stop`` is where the next line starts.

    A named tuple (immutable, compared by value) rather than a frozen dataclass: the segmenter
    builds several per line of every text, and a frozen dataclass is built through
    ``object.__setattr__`` (440 ns against 240 ns here)."""

    start: int
    end: int
    stop: int


_LINE = functools.partial(tuple.__new__, Line)  # Line(start, end, stop) from a tuple, in C
# offsets of a text shorter than 2**32 characters fit 4 bytes (max_chars is 200 M by default)
_SMALL = "I" if array("I").itemsize >= 4 else "L"


class Lines(Sequence[Line]):
    """Lines stored as three int arrays (start, end, stop): 12 bytes a line (24 for a text of
    4 G characters or more) instead of a :class:`Line` object each (~110 bytes with its ints),
    which was the peak memory of a text of short lines (issue 16). A :class:`Line` is built when
    an item is read; a slice is another :class:`Lines`. Append only, plus replacing an item.

    >>> ls = Lines(100)
    >>> ls.append(Line(0, 3, 4)); ls.extend([Line(4, 4, 5)])
    >>> ls[1], len(ls), list(ls[:1])
    (Line(start=4, end=4, stop=5), 2, [Line(start=0, end=3, stop=4)])
    """

    __slots__ = ("starts", "ends", "stops")

    def __init__(self, limit: int) -> None:
        """``limit``: the largest offset the lines may hold (the text's length)."""
        code = _SMALL if limit < 2**32 else "q"
        self.starts: array[int] = array(code)  # ascending: bisect over it
        self.ends: array[int] = array(code)
        self.stops: array[int] = array(code)

    def append(self, line: Line) -> None:
        self.starts.append(line[0])
        self.ends.append(line[1])
        self.stops.append(line[2])

    def extend(self, lines: Iterable[Line]) -> None:
        if isinstance(lines, Lines) and lines.starts.typecode == self.starts.typecode:
            self.starts.extend(lines.starts)
            self.ends.extend(lines.ends)
            self.stops.extend(lines.stops)
            return
        for line in lines:
            self.append(line)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, k: int) -> Line: ...
    @overload
    def __getitem__(self, k: slice) -> Lines: ...
    def __getitem__(self, k: int | slice) -> Line | Lines:
        if isinstance(k, slice):
            out = Lines(0)  # not Lines.__new__: a class compiled with mypyc (bench/compiled.py) refuses it
            out.starts, out.ends, out.stops = self.starts[k], self.ends[k], self.stops[k]
            return out
        return _LINE((self.starts[k], self.ends[k], self.stops[k]))

    def __setitem__(self, k: int, line: Line) -> None:
        self.starts[k], self.ends[k], self.stops[k] = line

    def __iter__(self) -> Iterator[Line]:
        return map(_LINE, zip(self.starts, self.ends, self.stops))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Lines):
            return self.starts == other.starts and self.ends == other.ends and self.stops == other.stops
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return f"Lines({list(self)!r})"


@dataclass(frozen=True, slots=True)
class DocumentRange:
    """One document of an archive, as view offsets."""

    start: int
    end: int


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of ``text[start:end]`` (``\\n`` ends a line; a ``\\r`` before it is part of the line break)."""
    stop = len(text) if end is None else end
    lines = []
    pos = start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        if nl < 0:
            lines.append(Line(pos, stop, stop))
            break
        # CRLF (Windows files, 北大法宝 exports): the \r ends the line's text, like the \n
        end_ = pos if nl == pos else nl - 1 if text[nl - 1] == "\r" else nl
        nxt = nl + 1  # one int object for this stop and the next start (1 M blank lines: 60 MB less)
        lines.append(Line(pos, end_, nxt))
        pos = nxt
    return lines


def physical_lines(text: str) -> Lines:
    """:func:`split_lines` of the whole text, stored compactly (:class:`Lines`)."""
    out = Lines(len(text))
    starts, ends, stops = out.starts, out.ends, out.stops
    stop = len(text)
    pos = 0
    find = text.find
    while pos < stop:
        nl = find("\n", pos, stop)
        if nl < 0:
            starts.append(pos)
            ends.append(stop)
            stops.append(stop)
            break
        starts.append(pos)
        ends.append(pos if nl == pos else nl - 1 if text[nl - 1] == "\r" else nl)
        pos = nl + 1
        stops.append(pos)
    return out
