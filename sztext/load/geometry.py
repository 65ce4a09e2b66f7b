"""Stage 1, where the text of a paged input (PDF, OFD) stands on its pages: a box for every
character of the loaded text that the library draws, and the size of every page.

Boxes are in the page's own units with the origin at the page's **top-left** corner (``x0`` and
``x1`` from the left edge, ``top`` and ``bottom`` from the top edge): PDF points (1/72 inch) for
a PDF, millimetres for an OFD (GB/T 33190's unit). Characters that layout repair adds (the line
breaks between paragraphs) have no box.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass
from typing import NamedTuple, Sequence

__all__ = ["Box", "PageBox", "Geometry"]

Box = tuple[float, float, float, float]  # x0, top, x1, bottom (top-left origin)


class PageBox(NamedTuple):
    """The box around a span's characters on one drawn line (see the module docstring for the units)."""

    page: int  # 1-based
    x0: float
    top: float
    x1: float
    bottom: float
    page_width: float | None  # the page's size, to scale the box onto a rendered page image
    page_height: float | None


@dataclass(frozen=True)
class Geometry:
    """Per-character boxes of a loaded text (4 floats each, NaN where a character has none), the
    offsets where pages start, and the page sizes."""

    boxes: array  # type: ignore[type-arg]  # array('f'), 4 × len(text)
    pages: tuple[int, ...]
    sizes: tuple[tuple[float, float] | None, ...]

    @classmethod
    def build(cls, boxes: Sequence[Box | None], pages: tuple[int, ...], sizes: Sequence[tuple[float, float] | None]) -> Geometry:
        flat = array("f")
        nan = math.nan
        for box in boxes:
            flat.extend(box if box is not None else (nan, nan, nan, nan))
        return cls(flat, pages, tuple(sizes))

    def bbox_of(self, start: int, end: int) -> list[PageBox]:
        """The boxes around the drawn characters of ``text[start:end]``, one per drawn line the
        span covers (a value broken over two lines or pages has two), in reading order; empty
        when none of its characters has a box."""
        import bisect

        out: list[PageBox] = []
        n = len(self.boxes) // 4
        cur: list[float] | None = None
        cur_page = 0
        for i in range(max(0, start), min(end, n)):
            x0, top, x1, bottom = self.boxes[4 * i : 4 * i + 4]
            if math.isnan(x0):
                continue
            page = max(1, bisect.bisect_right(self.pages, i)) if self.pages else 1
            # a new page, or a character not beside the box (its middle outside the box's height):
            # a new drawn line
            if cur is not None and (page != cur_page or not cur[1] <= (top + bottom) / 2 <= cur[3]):
                out.append(self._page_box(cur_page, cur))
                cur = None
            if cur is None:
                cur, cur_page = [x0, top, x1, bottom], page
            else:
                cur[0], cur[1], cur[2], cur[3] = min(cur[0], x0), min(cur[1], top), max(cur[2], x1), max(cur[3], bottom)
        if cur is not None:
            out.append(self._page_box(cur_page, cur))
        return out

    def _page_box(self, page: int, box: list[float]) -> PageBox:
        size = self.sizes[page - 1] if page - 1 < len(self.sizes) else None
        r = [round(v, 2) for v in box]
        return PageBox(page, r[0], r[1], r[2], r[3], size[0] if size else None, size[1] if size else None)
