"""Stage 2 — normalize: the matching view of a text, with an offset map back to the source.

Two layers, both recorded edit by edit (never diffed afterwards):

* ``clean`` is the source with noise edits applied (pinyin glosses, mojibake repairs, page
  furniture, control characters), and line ends as LF (a CR not followed by LF, U+2028 and
  U+2029 become ``\n``, one character for one). It stays in the document's own script.
* ``text`` (the *view*) is ``clean`` mapped character for character: Traditional →
  Simplified (OpenCC's character table), full-width → ASCII, bracket variants, ideographic
  spaces. Being 1:1 it shares ``clean``'s offsets, so one map serves both.

Extractors match on ``view.text`` and turn view offsets into source spans with
:meth:`TextView.span`. ``source[start:end]`` then gives back the value's ``text``.

A view may stand for a piece of a longer text (a chunk of a streamed file): its ``offset`` is
where ``source`` starts in that text, and every span it gives counts from the start of the
whole text, so the documents parsed on it need no span rewrite afterwards.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence, TypeVar

import regex
from pydantic import BaseModel

from .grammar import Grammar, GuardedPattern, Rule
from .models import Noise, NoiseKind, TextValue

__all__ = ["Edit", "TextView", "GrowingView", "normalize", "line_ends_as_lf", "view_table", "find_noise", "constructor", "drop_overlaps"]

_S = TypeVar("_S")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``source[start:end]`` by ``replacement`` in the clean text (empty = delete)."""

    start: int
    end: int
    replacement: str
    kind: NoiseKind
    rule_id: str


class TextView:
    """The normalised view of a source text and the offset map between them.

    Offsets called *source offsets* below (spans, :meth:`to_view`'s argument, :meth:`noise`'s
    range) count in the whole text: ``offset`` plus an index of ``source``.

    Attributes:
        source: the decoded input (or the piece of it from ``offset`` on), which spans index.
        offset: where ``source`` starts in the whole text (0 unless the view is of a piece).
        clean: the source with noise edits applied, in its own script.
        text: the view: ``clean`` translated 1:1 to Simplified, half-width, canonical brackets.
        edits: the noise edits, in source order, at indexes of ``source`` (not offset).
    """

    __slots__ = ("source", "offset", "clean", "text", "edits", "_v_start", "_v_end", "_s_start", "_s_end")

    def __init__(
        self, source: str, edits: Sequence[Edit], table: dict[int, str], runs: re.Pattern[str] | None = None, *, offset: int = 0,
    ) -> None:
        self.source = source
        self.offset = offset
        self.edits = tuple(edits)
        pieces: list[str] = []
        v_start: list[int] = []
        v_end: list[int] = []
        s_start: list[int] = []
        s_end: list[int] = []
        cursor = 0
        length = 0
        for edit in self.edits:
            pieces.append(source[cursor : edit.start])
            length += edit.start - cursor
            v_start.append(length)
            s_start.append(edit.start)
            pieces.append(edit.replacement)
            length += len(edit.replacement)
            v_end.append(length)
            s_end.append(edit.end)
            cursor = edit.end
        pieces.append(source[cursor:])
        self.clean = line_ends_as_lf("".join(pieces) if self.edits else source)
        self.text = _translate(self.clean, table, runs)
        self._v_start, self._v_end, self._s_start, self._s_end = v_start, v_end, s_start, s_end

    def __len__(self) -> int:
        return len(self.text)

    @classmethod
    def _of(
        cls, source: str, offset: int, edits: tuple[Edit, ...], clean: str, text: str,
        maps: tuple[list[int], list[int], list[int], list[int]],
    ) -> TextView:
        """A view from its parts, as ``__init__`` would have built them (no edit is re-applied)."""
        view = object.__new__(cls)
        view.source, view.offset, view.edits, view.clean, view.text = source, offset, edits, clean, text
        view._v_start, view._v_end, view._s_start, view._s_end = maps
        return view

    def splits_at(self, at: int) -> bool:
        """Whether no edit holds the index ``at`` of ``source`` strictly inside it (an edit may
        end or start there): the view is then its part before ``at`` followed by its part after."""
        i = bisect.bisect_left(self._s_start, at) - 1
        return i < 0 or self._s_end[i] <= at

    def tail(self, at: int) -> TextView:
        """The view of ``source[at:]`` (offset ``offset + at``), sliced from this one: ``at`` is
        an index of ``source`` where :meth:`splits_at` holds."""
        k = bisect.bisect_left(self._s_start, at)
        v = self.to_view(self.offset + at)
        edits = tuple(Edit(e.start - at, e.end - at, e.replacement, e.kind, e.rule_id) for e in self.edits[k:])
        maps = ([x - v for x in self._v_start[k:]], [x - v for x in self._v_end[k:]], [x - at for x in self._s_start[k:]], [x - at for x in self._s_end[k:]])
        return TextView._of(self.source[at:], self.offset + at, edits, self.clean[v:], self.text[v:], maps)

    def joined(self, at: int, after: TextView) -> TextView:
        """This view up to the index ``at`` of ``source`` (where :meth:`splits_at` holds), then
        ``after``, the view of a text that starts at ``offset + at``: the view of the joined
        source, with the edits of both (those of this view that start at ``at`` or later let go)."""
        k = bisect.bisect_left(self._s_start, at)
        v = self.to_view(self.offset + at)
        edits = self.edits[:k] + tuple(Edit(e.start + at, e.end + at, e.replacement, e.kind, e.rule_id) for e in after.edits)
        maps = (
            self._v_start[:k] + [x + v for x in after._v_start], self._v_end[:k] + [x + v for x in after._v_end],
            self._s_start[:k] + [x + at for x in after._s_start], self._s_end[:k] + [x + at for x in after._s_end],
        )
        return TextView._of(self.source[:at] + after.source, self.offset, edits, self.clean[:v] + after.clean, self.text[:v] + after.text, maps)

    @property
    def source_end(self) -> int:
        """The source offset of the end of ``source``."""
        return self.offset + len(self.source)

    def source_at(self, start: int, end: int) -> str:
        """The source text between two source offsets (what a span gives back)."""
        return self.source[start - self.offset : end - self.offset]

    def to_source_start(self, pos: int) -> int:
        """Source offset of the view position ``pos`` used as a span start."""
        i = bisect.bisect_right(self._v_start, pos) - 1
        if i < 0:
            return self.offset + pos
        if pos < self._v_end[i]:
            return self.offset + self._s_start[i]
        return self.offset + self._s_end[i] + (pos - self._v_end[i])

    def to_source_starts(self, positions: Sequence[int]) -> list[int]:
        """:meth:`to_source_start` of each of ``positions`` (ascending), in one walk of the edit
        table: an outline's boundaries are thousands of lookups a page, a call and a bisect each."""
        v_start, v_end, s_start, s_end = self._v_start, self._v_end, self._s_start, self._s_end
        base, last, i = self.offset, len(v_start) - 1, -1
        out = []
        for pos in positions:
            while i < last and v_start[i + 1] <= pos:
                i += 1
            if i < 0:
                out.append(base + pos)
            elif pos < v_end[i]:
                out.append(base + s_start[i])
            else:
                out.append(base + s_end[i] + (pos - v_end[i]))
        return out

    def to_source_end(self, pos: int) -> int:
        """Source offset of the view position ``pos`` used as an exclusive span end.

        Noise deleted right after the last character stays outside the span.
        """
        i = bisect.bisect_left(self._v_start, pos) - 1
        if i < 0:
            return self.offset + pos
        if pos <= self._v_end[i]:
            return self.offset + self._s_end[i]
        return self.offset + self._s_end[i] + (pos - self._v_end[i])

    def to_view(self, source_pos: int) -> int:
        """View position of a source offset (inside an edit: the edit's view start)."""
        source_pos -= self.offset
        i = bisect.bisect_right(self._s_start, source_pos) - 1
        if i < 0:
            return source_pos
        if source_pos < self._s_end[i]:
            return self._v_start[i]
        return self._v_end[i] + (source_pos - self._s_end[i])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of the view range ``[start, end)``."""
        s = self.to_source_start(start)
        e = self.to_source_end(end) if end > start else s
        return (s, max(s, e))

    def value(self, start: int, end: int) -> TextValue:
        """A :class:`TextValue` for the view range ``[start, end)``."""
        s, e = self.span(start, end)
        base = self.offset
        text, clean = self.source[s - base : e - base], self.clean[start:end]
        return _TEXT_VALUE(text=text, clean=text if clean == text else clean, span=(s, e))

    def noise(self, start: int = 0, end: int | None = None) -> list[Noise]:
        """The noise report for source offsets ``[start, end)``."""
        base = self.offset
        stop = len(self.source) if end is None else end - base
        lo = bisect.bisect_left(self._s_start, start - base)
        out = []
        for edit in self.edits[lo:]:
            if edit.start >= stop:
                break
            out.append(
                _NOISE(
                    kind=edit.kind,
                    text=self.source[edit.start : edit.end],
                    span=(base + edit.start, base + edit.end),
                    repaired=edit.replacement or None,
                    rule_id=edit.rule_id,
                )
            )
        return out


_LINE_END = re.compile("\r(?!\n)|[\u2028\u2029]")


def line_ends_as_lf(text: str) -> str:
    """``text`` with each line end that is not LF or CRLF — a CR not followed by LF (old Mac
    files), U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR — as one LF, character for
    character, so such a text reads like its LF twin at the same offsets.

    >>> line_ends_as_lf("一、总则\\r（一）\\u2028二、\\r\\n")
    '一、总则\\n（一）\\n二、\\r\\n'
    """
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        return _LINE_END.sub("\n", text)
    return text


def _translate(s: str, table: dict[int, str], runs: re.Pattern[str] | None = None) -> str:
    """``s.translate(table)`` for a 1:1 table; with ``runs`` (:func:`_runs_of` the table), only
    the runs of characters that the table maps are translated (``str.translate`` looks up every
    character; most map to themselves)."""
    if runs is None:
        return s.translate(table)
    parts = runs.split(s)
    parts[1::2] = [p.translate(table) for p in parts[1::2]]
    return "".join(parts)


def _runs_of(table: Mapping[int, str]) -> re.Pattern[str] | None:
    """One pattern for the runs of characters ``table`` maps (``None`` unless it is 1:1)."""
    if not table or not all(isinstance(v, str) and len(v) == 1 for v in table.values()):
        return None
    return re.compile("([" + "".join(_ranges(sorted(table))) + "]+)")


def _ranges(codes: list[int]) -> Iterable[str]:
    """Character-set items (``a`` or ``a-z``, escaped) covering the sorted code points."""
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        a, b = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        yield a if i == j else f"{a}-{b}"
        i = j + 1


def view_table(grammar: Grammar) -> dict[int, str]:
    """The 1:1 ``str.translate`` table of the view, built once per grammar.

    Traditional → Simplified comes from OpenCC's t2s conversion applied to each CJK code
    point on its own (character level keeps offsets 1:1); full-width ASCII → ASCII; then the
    grammar's ``charmap.toml`` table ``view`` (brackets, spaces, dashes) wins.
    """
    return grammar.derived(_build_view_table)


def _build_view_table(grammar: Grammar) -> dict[int, str]:
    import opencc  # imported here: building the table is the only use, and import stays cheap

    chars = [chr(c) for r in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)) for c in range(*r)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    table = {}
    if len(converted) == len(chars):
        table = {ord(c): s for c, s in zip(chars, converted) if c != s and len(s) == 1}
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    for key, value in grammar.table("charmap", "view").items():
        if isinstance(value, str) and len(key) == 1 and len(value) == 1:
            table[ord(key)] = value
    return table


def _build_view_runs(grammar: Grammar) -> re.Pattern[str] | None:
    """The runs pattern of the view table, kept on the grammar with the table it is built from."""
    return _runs_of(view_table(grammar))


def find_noise(source: str, grammar: Grammar) -> list[Edit]:
    """Every noise edit in ``source`` from the ``noise.toml`` rules, overlaps resolved.

    Overlaps are resolved by one policy: earliest start wins, then the longest.
    """
    edits: list[Edit] = []
    for rule in grammar.rules_of("noise"):
        if not rule.may_match(source):
            continue
        kind = str(rule.tags.get("kind", "markup"))
        keep = str(rule.tags.get("keep", ""))
        for m in _finditer(rule, source):
            if m.end() == m.start():
                continue
            # ``keep`` names a group that stays in the clean text (e.g. the character before a gloss).
            start, end = (m.end(keep), m.end()) if keep else (m.start(), m.end())
            if end > start:
                edits.append(Edit(start, end, "", kind, rule.id))  # type: ignore[arg-type]
    return _resolve_overlaps(edits)


# A rule tagged ``shape = "gloss"`` (noise.pinyin_gloss) declares that every match of it is a Han
# character, a run of these zero-width/control characters, then ``(``: it is tried only there
# (tests/unit/normalize/test_gloss_fast_path.py compares that with the plain scan on every
# sample, corpus and seed text).
_GLOSS_GAP = frozenset(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]))


def _finditer(rule: Rule, source: str) -> Iterator[regex.Match[str]]:
    """``rule.pattern.finditer(source)``; for a rule tagged ``shape = "gloss"``, the same matches
    found by trying the rule only where one can start: before each ``(``, past the run of
    characters of ``_GLOSS_GAP`` (which holds no Han character and no ``(``), one Han character
    back. The plain scan tries the Han character class at every offset of the text."""
    if rule.tags.get("shape") != "gloss":
        yield from rule.pattern.finditer(source)
        return
    yield from _gloss_matches(rule.pattern, source)


def _gloss_matches(pattern: GuardedPattern, source: str) -> Iterator[regex.Match[str]]:
    pos = 0  # where the plain scan would search from (the end of the last match)
    paren = source.find("(")
    while paren >= 0:
        start = paren - 1
        while start >= 0 and source[start] in _GLOSS_GAP:
            start -= 1
        if start >= pos:
            m = pattern.match(source, start)
            if m is not None:
                yield m
                pos = m.end()
                paren = source.find("(", pos)
                continue
        paren = source.find("(", paren + 1)


def drop_overlaps(items: Iterable[_S], span: Callable[[_S], tuple[int, int]]) -> list[_S]:
    """The one overlap policy of sztext (G5): leftmost, then longest, wins.

    Sort by ``(start, -end)`` (stable: for equal spans the first given wins) and keep each item
    that starts at or after the end of the last one kept.

    >>> drop_overlaps([(6, 11), (0, 5), (0, 11), (12, 14)], lambda s: s)
    [(0, 11), (12, 14)]
    """
    out: list[_S] = []
    last_end = -1
    for item in sorted(items, key=lambda i: (span(i)[0], -span(i)[1])):
        start, end = span(item)
        if start >= last_end:
            out.append(item)
            last_end = end
    return out


def _resolve_overlaps(edits: Iterable[Edit]) -> list[Edit]:
    return drop_overlaps(edits, lambda e: (e.start, e.end))


def normalize(source: str, grammar: Grammar, extra_edits: Sequence[Edit] = (), *, offset: int = 0) -> TextView:
    """Build the matching view of ``source``.

    Args:
        source: the decoded text.
        grammar: the compiled grammar (noise rules and the view table).
        extra_edits: edits found elsewhere (e.g. mojibake repairs), merged with the noise rules'.
        offset: where ``source`` starts in a longer text (a chunk of a streamed file): the
            view's spans count from the start of that text.
    Returns:
        A :class:`TextView`.

    >>> from sztext import load_grammar
    >>> v = normalize("營商環(huán)境（責任單位：市財政局）", load_grammar())
    >>> v.text
    '营商环境(责任单位:市财政局)'
    >>> v.value(2, 4).text, v.value(2, 4).clean
    ('環(huán)境', '環境')
    """
    from .mojibake import find_mojibake

    # Noise and mojibake rules read lines (``^``/``$``, ``.``, ``\\n``): they see the text with
    # its line ends as LF, one character for one, so their offsets are the source's.
    probe = line_ends_as_lf(source)
    edits = find_noise(probe, grammar)
    repairs = [*find_mojibake(probe, grammar), *extra_edits]
    if repairs:
        # repairs win over the glosses they contain: resolve with repairs first at equal starts
        edits = _resolve_overlaps([*repairs, *edits])
    return TextView(source, edits, view_table(grammar), grammar.derived(_build_view_runs), offset=offset)


#: A read piece is normalized with the carried view's last lines (at least this many characters,
#: back to a line start): noise matches read at most a line and the line before it (a widget
#: whose value is on the next line, a lookbehind on the previous line), so what a piece adds
#: cannot change an edit found earlier than that.
GROW_MARGIN = 512


class GrowingView:
    """The view of a text that is read piece by piece (a file streamed in chunks), each piece
    normalized once: what is read is normalized with the last lines of the view carried so far
    (:data:`GROW_MARGIN`) and joined to the rest of it, and the view's edits before them are kept.

    ``view`` is ``normalize(text, grammar, offset=offset)`` of the text held (everything
    :meth:`extend` added since the start, less what :meth:`drop_before` let go), with one
    exception: a text with a mojibake spot (:func:`~sztext.mojibake.spot_starts`) is normalized
    whole with each piece, because its repairs depend on the whole of it (its glosses and
    numbering); real scrapes with spots are small. ``normalized`` counts the characters
    normalized so far (a piece once, the margins and such whole texts again).
    """

    __slots__ = ("grammar", "view", "normalized", "_offset", "_spots")

    def __init__(self, grammar: Grammar, offset: int = 0) -> None:
        self.grammar = grammar
        self.view: TextView | None = None
        self.normalized = 0
        self._offset = offset  # where the text held starts, before a view exists
        self._spots: list[int] = []  # text offsets of the mojibake spots of the text held

    @property
    def offset(self) -> int:
        """Where the text held starts in the whole text."""
        return self.view.offset if self.view is not None else self._offset

    def __len__(self) -> int:
        """The characters held."""
        return len(self.view.source) if self.view is not None else 0

    def extend(self, more: str) -> TextView:
        """The view of the text held followed by ``more`` (which is then held)."""
        from .mojibake import spot_starts

        g, view = self.grammar, self.view
        at = 0 if view is None else _restart(view)
        piece = more if view is None else view.source[at:] + more
        base = self.offset + at
        found = [base + s for s in spot_starts(line_ends_as_lf(piece), g)]
        if found:  # a spot is read from its line: the text before ``at`` gave its own already
            self._spots = sorted(set(self._spots).union(found))
        if view is None or at == 0 or self._spots:
            source = piece if view is None else view.source + more
            self.normalized += len(source)
            self.view = normalize(source, g, offset=self.offset)
            return self.view
        self.normalized += len(piece)
        after = TextView(piece, find_noise(line_ends_as_lf(piece), g), view_table(g), g.derived(_build_view_runs), offset=base)
        self.view = view.joined(at, after)
        return self.view

    def drop_before(self, cut: int) -> None:
        """Let go of the text before the offset ``cut`` (of the whole text, inside the text held)."""
        view = self.view
        assert view is not None and view.offset <= cut <= view.source_end
        at = cut - view.offset
        self._spots = [s for s in self._spots if s >= cut]
        if view.splits_at(at):
            self.view = view.tail(at)
            return
        # an edit holds the cut: the rest is normalized again from there, as a text of its own
        self.view, self._offset = None, cut
        rest = view.source[at:]
        if rest:
            self.extend(rest)


def _restart(view: TextView) -> int:
    """The index of ``view.source`` from which a read piece is normalized with the carried text:
    a line start at least :data:`GROW_MARGIN` characters before its end, which no edit holds,
    and where none starts (it may read the line before); 0 when there is none."""
    source = view.source
    at = source.rfind("\n", 0, max(0, len(source) - GROW_MARGIN)) + 1
    while at > 0:
        i = bisect.bisect_right(view._s_start, at) - 1
        if i < 0 or (view._s_end[i] <= at and view._s_start[i] != at):
            return at
        at = source.rfind("\n", 0, max(0, min(at, view._s_start[i]) - 1)) + 1
    return 0


# Building trusted output models fast (used wherever values are built in bulk): what
# ``Model.model_construct`` does, minus its generality. ``model_construct`` walks every field
# looking for aliases and defaults; for a model whose every field is given by name (no aliases,
# no private attributes, ``extra`` not allowed) the result is just ``__dict__`` in field order
# plus the set of fields given.

M = TypeVar("M", bound=BaseModel)

_setattr = object.__setattr__


def constructor(cls: type[M]) -> Callable[..., M]:
    """A function ``f(**values)`` equal to ``cls.model_construct(**values)`` when ``values``
    names every field of ``cls`` (and otherwise calls ``model_construct``).

    >>> from sztext.models import Source
    >>> make = constructor(Source)
    >>> make(path=None, index=0, span=(0, 3)) == Source.model_construct(path=None, index=0, span=(0, 3))
    True
    """
    fields = cls.__pydantic_fields__
    names = tuple(fields)
    simple = (
        not cls.__pydantic_post_init__
        and not cls.__pydantic_root_model__
        and not cls.__private_attributes__
        and cls.model_config.get("extra") != "allow"
        and all(f.alias is None and f.validation_alias is None for f in fields.values())
    )
    if not simple:
        return cls.model_construct
    new = cls.__new__
    count = len(names)
    # one set for every instance: every field is given, the models are frozen, and pydantic's own
    # copies (model_copy) copy the set before adding to it; a set of 15 names costs ~730 bytes, as
    # much as the rest of a paragraph node
    given = set(names)

    def make(**values: Any) -> M:
        if len(values) != count:
            return cls.model_construct(**values)
        if tuple(values) == names:
            ordered = values  # given in field order (the call sites do): the kwargs dict is ours
        else:
            try:
                ordered = {name: values[name] for name in names}
            except KeyError:
                return cls.model_construct(**values)
        m = new(cls)
        _setattr(m, "__dict__", ordered)
        _setattr(m, "__pydantic_fields_set__", given)
        _setattr(m, "__pydantic_extra__", None)
        _setattr(m, "__pydantic_private__", None)
        return m

    return make


_TEXT_VALUE = constructor(TextValue)
_NOISE = constructor(Noise)
