"""Stage 2 — normalize: GBK mojibake in scraped text, found and repaired (``grammars/mojibake.toml``).

The scraped seeds (samples/000, /001, /003) were GBK pages, and two accidents broke them the
same way. Either a character lost a byte (often the A1 of an ideographic space or 。), or a
byte-level pinyin annotator put a gloss between a character's two bytes. Then the decoder read
the next bytes one out of phase until an ASCII byte brought it back. It wrote the orphan byte
as ``?`` and dropped pairs that are no GBK character (the user-defined areas). Full-width forms
were later folded to ASCII. So ``?。ㄒ唬┲笇?dǎo)`` is ``　（一）指導`` and ``?nèi)肟?`` is ``入口``.

Each garbled character is two real bytes: the trail byte of one original character and the lead
byte of the next. Re-encode a spot and pair its bytes one byte back, and you get the original
characters, except where bytes were lost. Three kinds of bytes can be lost: the orphan lead
byte (the first ``?``), a trail byte swallowed with the ASCII byte after it (a closing ``?``),
and both bytes of every pair that vanished. Those are filled in, and the edit's ``rule_id`` says
how sure the repair is:

* ``mojibake.<rule>``: exact. Every byte survived, or the spot's shape fixes it (the ``?`` that
  starts an indented heading is the A1 of an ideographic space).
* ``mojibake.<rule>.inferred``: a lost byte was inferred from structure. A subsection number
  whose bytes are gone is the next in its sequence (``（二）`` after ``（一）``). Or a character
  is the only one with the right bytes among those the document itself glosses with the reading
  that follows it.
* ``mojibake.<rule>.guessed``: a lost byte was chosen by jieba's dictionary, among the
  candidates the surviving bytes allow, helped by the document's own bigrams (``?fàn)I`` → 營,
  because the document says 營商 elsewhere).
* ``mojibake.<rule>.partial``: some character has no candidate at all and is the grammar's
  placeholder (〓). The replacement is empty when nothing was recovered.

A spot is only reported when its bytes re-pair into valid, common characters that read better
than the text as written; a real ``?`` before ordinary text does not. A gloss right after the
ASCII byte where a spot realigned (``c(diǎn)``: the c is 點's trail byte) is reported too, as a
``"pinyin"`` edit, since the gloss rule of noise.toml only takes glosses after a Han character.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from typing import Literal, Mapping, Sequence

import regex

from .grammar import Grammar, Rule
from .normalize import Edit, view_table
from .numerals import sequence_number, write_small
from .sections import Tunables, typed_table
from .wordfreq import word_freq

__all__ = ["find_mojibake", "spot_starts"]

Quality = Literal["exact", "inferred", "guessed", "partial"]
_RANK: dict[Quality, int] = {"exact": 0, "inferred": 1, "guessed": 2, "partial": 3}
_LEADS = tuple(range(0x81, 0xFF))  # bytes that start a two-byte GBK character
_FOLDED = regex.compile(r"[!-~]")  # printable ASCII inside a garbled run: a folded full-width form
_BIGRAM = regex.compile(r"\p{Han}{2}")
_WORDS = regex.compile(r"[^\p{P}\p{Z}\s]+")  # what the dictionary scores; marks split it


@dataclass(frozen=True, slots=True)
class _Tunables:
    heading_lead: int
    context: int
    vanish_cost: float
    punct_cost: float
    doc_bonus: float
    guess: bool
    placeholder: str
    min_common: float
    min_gain: float
    vocabulary: int


@dataclass(frozen=True, slots=True)
class _Spot:
    """A candidate spot as bytes: the out-of-phase body and the byte where decoding realigned."""

    rule: Rule
    start: int
    end: int
    shape: str  # heading / gloss / inline (the rule's tag)
    head: str | None  # reading of the straddling garbage character (shape "gloss")
    body: bytes
    tail: int | None  # the realigning trail byte; None when it was lost with the next ASCII byte
    tail_reading: str | None  # the gloss after a closing '?': the reading of the last character
    evidence: bool  # the body holds a rare character or a folded full-width mark (；→;), not 5G


def find_mojibake(source: str, grammar: Grammar) -> list[Edit]:
    r"""Every GBK mojibake spot in ``source`` as an edit that replaces it by its repair.

    Args:
        source: the decoded text (the rules run on the source, not the view).
        grammar: the compiled grammar; ``mojibake.toml`` holds the rules and tunables.
    Returns:
        In source order: edits of kind ``"mojibake"`` that replace each spot by the repaired
        text in the document's own script, with the confidence in ``rule_id``
        (``.inferred``/``.guessed``/``.partial``). Also ``"pinyin"`` edits for glosses right
        after a spot.

    >>> from sztext import load_grammar
    >>> text = "?。ㄒ唬┲笇?dǎo)思想。堅持黨的領導(dǎo)"  # samples/001 l.8
    >>> [(e.start, e.end, e.replacement, e.rule_id) for e in find_mojibake(text, load_grammar())]
    [(0, 11, '\u3000（一）指導', 'mojibake.heading_shift.inferred')]
    """
    rules = grammar.rules_of("mojibake")
    detectors = [r for r in rules if r.tags.get("role") == "detect" and r.may_match(source)]
    spots = _candidates(source, detectors) if detectors else []
    if not spots:
        return []
    # Repairs cost milliseconds each: a hostile text made of '?。ㄒ唬' runs would take minutes.
    # Real scrapes have a few dozen spots; past the budget the rest stay as written (not removed).
    spots = spots[: typed_table(grammar.table("mojibake", "tunables"), Tunables).max_repairs]
    solver = _Solver(source, grammar, rules)
    after_gloss = solver.rules.get("after_spot")
    edits: list[Edit] = []
    for spot in spots:
        if edits and spot.start < edits[-1].end:
            continue
        repair = solver.repair(spot)
        if repair is None:
            continue
        text, quality = repair
        suffix = "" if quality == "exact" else f".{quality}"
        edits.append(Edit(spot.start, spot.end, text, "mojibake", spot.rule.id + suffix))
        if after_gloss is not None and spot.tail is not None:
            m = after_gloss.pattern.match(source, spot.end)
            if m is not None:
                edits.append(Edit(m.start(), m.end(), "", "pinyin", after_gloss.id))
    return edits


def spot_starts(source: str, grammar: Grammar) -> list[int]:
    """Where ``source`` holds a candidate spot (a detector match whose bytes parse), ascending.

    A spot is read from its own line (the detectors look back at most to the line's start), so a
    text whose pieces, cut at line starts, hold no spot holds none: ``find_mojibake`` of it is
    empty, whatever the rest of the document would lend a repair. Where a text has spots, their
    repairs depend on the whole of it (its glosses, its numbering, the repair budget).
    """
    detectors = [r for r in grammar.rules_of("mojibake") if r.tags.get("role") == "detect" and r.may_match(source)]
    return [spot.start for spot in _candidates(source, detectors)] if detectors else []


def _tunables(grammar: Grammar) -> _Tunables:
    t = typed_table(grammar.table("mojibake", "tunables"), Tunables)
    return _Tunables(
        heading_lead=int(t.heading_lead, 16),
        context=t.context_chars,
        vanish_cost=t.vanish_cost / 10,
        punct_cost=t.punctuation_cost / 10,
        doc_bonus=t.document_bigram_bonus / 10,
        guess=t.guess,
        placeholder=t.placeholder,
        min_common=t.min_common_percent / 100,
        min_gain=t.inline_min_gain / 10,
        vocabulary=t.vocabulary_chars,
    )


def _candidates(source: str, detectors: Sequence[Rule]) -> list[_Spot]:
    """Parse every detector match; at one start the first rule (file order) wins."""
    seen: set[int] = set()
    out: list[_Spot] = []
    for rule in detectors:
        for m in rule.pattern.finditer(source):
            if m.start() not in seen and (spot := _parse(rule, m)) is not None:
                seen.add(m.start())
                out.append(spot)
    out.sort(key=lambda s: s.start)
    return out


def _parse(rule: Rule, m: regex.Match[str]) -> _Spot | None:
    groups = m.groupdict()
    raw = bytearray()
    evidence = False
    for ch in groups.get("body") or "":  # a spot's body: at most a few dozen characters
        if _FOLDED.match(ch):
            raw += bytes((0xA3, ord(ch) + 0x80))  # full-width forms are A3 + (ASCII + 0x80)
            evidence = evidence or not ch.isalnum()
            continue
        pair = _gbk2(ch)
        if pair is None:
            return None
        raw += pair
        evidence = evidence or not _common(ch)
    tail_text = groups.get("tail") or ""
    if not tail_text:
        return None
    tail: int | None = 0x80 if tail_text == "€" else ord(tail_text[0])
    reading = None
    if tail_text.startswith("?"):
        tail, reading = None, (tail_text[1:-1] or None)
    head = groups.get("head")
    shape = str(rule.tags.get("shape", "inline"))
    return _Spot(rule, m.start(), m.end(), shape, head[:-1] if head else None, bytes(raw), tail, reading, evidence)


class _Solver:
    """Repairs the spots of one document, which lends its glosses, markers and vocabulary."""

    def __init__(self, source: str, grammar: Grammar, rules: Sequence[Rule]) -> None:
        self.source = source
        self.grammar = grammar
        self.tun = _tunables(grammar)
        self.rules = {str(r.tags.get("role")): r for r in rules if r.tags.get("role") != "detect"}
        self._readings: dict[str, tuple[str, ...]] | None = None
        self._vocabulary: dict[int, frozenset[str]] = {}
        self._scorer: _Scorer | None = None
        self._cursor = 0
        self._last_number = 0
        self._restarted = False

    # --- what the document itself knows -------------------------------------------------------

    def readings(self, reading: str | None) -> tuple[str, ...]:
        """Characters the document glosses with ``reading``, most frequent first."""
        if reading is None or "reading" not in self.rules:
            return ()
        if self._readings is None:
            counts: dict[str, dict[str, int]] = {}
            for m in self.rules["reading"].pattern.finditer(self.source):
                by_char = counts.setdefault(m.group("reading"), {})
                by_char[m.group("char")] = by_char.get(m.group("char"), 0) + 1
            self._readings = {r: tuple(sorted(c, key=lambda k: -c[k])) for r, c in counts.items()}
        return self._readings.get(reading, ())

    def expected_numbers(self, start: int) -> tuple[int, ...]:
        """Subsection numbers the sequence expects at ``start``: the next one, then 1 if a
        section marker (三、) came since; samples/003 numbers on across sections, /001 restarts."""
        rule = self.rules.get("sequence")
        if rule is not None and start > self._cursor:
            for m in rule.pattern.finditer(self.source, self._cursor, start):
                if m.group("section"):
                    self._restarted = True
                elif (n := sequence_number(m.group("sub"))) is not None:
                    self._last_number, self._restarted = n, False
            self._cursor = start
        return (self._last_number + 1, 1) if self._restarted else (self._last_number + 1,)

    def scorer(self) -> _Scorer:
        if self._scorer is None:
            self._scorer = _Scorer(view_table(self.grammar), self.tun.punct_cost)
        return self._scorer

    def vocabulary(self, at: int) -> frozenset[str]:
        """The Han bigrams the text around ``at`` uses, glosses removed. The window is local (the
        block of ``vocabulary_chars`` holding ``at`` and one block either side), so an archive
        costs no more per spot than a notice, and nearby spots share it."""
        w = self.tun.vocabulary
        block = at // w
        if block not in self._vocabulary:
            text = self.source[max(0, (block - 1) * w) : (block + 2) * w]
            gloss = self.rules.get("after_spot")
            if gloss is not None:
                text = gloss.pattern.sub("", text)
            self._vocabulary[block] = frozenset(_BIGRAM.findall(text, overlapped=True))
        return self._vocabulary[block]

    def score(self, at: int, left: str, text: str, right: str, vanished: int) -> float:
        """How well ``text`` reads between its neighbours: the dictionary's log-probability, a
        bonus per bigram with a neighbour that the document uses elsewhere, a cost per pair
        assumed to have vanished."""
        scorer = self.scorer()
        window = left[-1:] + text + right[:1]
        first = max(len(left[-1:]) - 1, 0)
        vocabulary = self.vocabulary(at)
        known = sum(window[i : i + 2] in vocabulary for i in range(first, len(window) - 1))
        return scorer(left + text + right) + self.tun.doc_bonus * known - self.tun.vanish_cost * vanished

    def context(self, start: int, end: int) -> tuple[str, str]:
        """A few characters either side of a spot, on its line, glosses removed."""
        n = self.tun.context
        gloss = self.rules.get("after_spot")
        before = self.source[max(0, start - 4 * n) : start].rpartition("\n")[2]
        after = self.source[end : end + 4 * n].partition("\n")[0]
        if gloss is not None:
            before, after = gloss.pattern.sub("", before), gloss.pattern.sub("", after)
        return before[-n:], after[:n]

    # --- repair -------------------------------------------------------------------------------

    def repair(self, spot: _Spot) -> tuple[str, Quality] | None:
        """The repaired text of a spot and how sure it is, or None when it is not mojibake."""
        prefix = ""
        quality: Quality = "exact"
        vouched = spot.shape == "gloss"  # '?' + a gloss inside a word is no accident of real text
        body = spot.body
        leads: tuple[int, ...] = _LEADS
        if spot.shape == "heading":
            leads = (self.tun.heading_lead,)
            marker = self._marker(spot)
            if marker is not None:
                prefix, quality, leads, body = marker
                vouched = True
        elif spot.shape == "gloss":
            leads, quality = self._straddled_leads(spot)
        if not vouched and not spot.evidence:
            return None  # cheap first: a real '?' before ordinary characters
        solved = self._solve(spot, leads, body, prefix, vouched)
        if solved is None:
            return None
        text, gap_quality = solved
        if not vouched and not self._plausible(spot, text):
            return None
        if text and not text.strip(self.tun.placeholder) and not prefix:
            return "", "partial"  # nothing recovered
        return prefix + text, _worse(quality, gap_quality)

    def _plausible(self, spot: _Spot, repaired: str) -> bool:
        """A spot without a shape to vouch for it (inline, or a heading without a marker) needs a
        garbled-looking body, a repair of common characters that reads clearly better than the
        text as written (by ``inline_min_gain``)."""
        common = sum(map(_common, repaired)) / len(repaired) if repaired else 0.0
        if not (spot.evidence and common >= self.tun.min_common):
            return False
        left, right = self.context(spot.start, spot.end)
        scorer, garbled = self.scorer(), self.source[spot.start : spot.end]
        return scorer(left + repaired + right) - scorer(left + garbled + right) >= self.tun.min_gain

    def _straddled_leads(self, spot: _Spot) -> tuple[tuple[int, ...], Quality]:
        """Lead bytes the '?' of a gloss spot may stand for. The glossed garbage character is the
        previous character's trail byte plus this lead byte (samples/001 l.12: 輸's 94 + B5 = 數,
        glossed shù, so the lost byte is B5 and 等 is B5 C8)."""
        before = _gbk2(self.source[spot.start - 1]) if spot.start else None
        if before is None:
            return _LEADS, "guessed"
        glossed = [b for c in self.readings(spot.head) if (b := _gbk2(c)) is not None and b[0] == before[1]]
        if glossed:
            return tuple(b[1] for b in glossed), "inferred"
        return tuple(x for x in _LEADS if _char(before[1], x)), "guessed"

    def _marker(self, spot: _Spot) -> tuple[str, Quality, tuple[int, ...], bytes] | None:
        """Match ``　（N）`` against the start of a heading spot. Returns the marker, its quality,
        the lead bytes the next character may have and the rest of the body; None if none fits.

        A number whose bytes vanished fits several N (（六）, （六十）: both pairs of 六 are
        user-defined); the sequence decides, and the marker is then inferred."""
        expected = self.expected_numbers(spot.start)
        fits: list[tuple[int, tuple[int, ...], bytes, bool]] = []
        for n in range(1, 100):
            shifted = ("\u3000（" + write_small(n) + "）").encode("gbk")[1:]
            pairs = (shifted[i : i + 2] for i in range(0, len(shifted) - 1, 2))
            visible = b"".join(p for p in pairs if _char(p[0], p[1]))
            if not spot.body.startswith(visible):
                continue
            rest = spot.body[len(visible) :]
            if rest[:1] == shifted[-1:] and len(rest) >= 2:
                fits.append((n, (rest[1],), rest[2:], True))
            elif len(visible) > 2:
                # the pair of ）'s trail byte and the next lead byte vanished (samples/001 l.71);
                # a marker must leave some trace but 。, since a bare '?。' fits （六）
                fits.append((n, _vanishing().get(shifted[-1], ()), rest, False))
        if not fits:
            return None
        direct = [f for f in fits if f[3]]
        fits = direct or fits  # where the trail byte of ） shows, fits that assume it vanished lose
        quality: Quality = "exact"
        if len(fits) > 1:
            chosen = [f for e in expected for f in fits if f[0] == e]
            quality = "inferred" if chosen else "guessed"
            fits = chosen or fits
        n, leads, rest, _ = fits[0]
        self._last_number, self._restarted = n, False
        return "\u3000（" + write_small(n) + "）", quality, leads, rest

    def _solve(
        self, spot: _Spot, leads: tuple[int, ...], body: bytes, prefix: str, vouched: bool,
    ) -> tuple[str, Quality] | None:
        """Pair the bytes one back, gap by gap. A gap lies between two surviving bytes and holds
        one character, or two around a vanished pair; the best candidate wins, left to right."""
        gaps: list[tuple[tuple[int, ...], int | None]] = []
        lefts = leads
        for i in range(0, len(body), 2):
            gaps.append((lefts, body[i]))
            lefts = (body[i + 1],)
        gaps.append((lefts, spot.tail))
        # the plain re-pairing of the gaps to come serves as right-hand context
        plain = [_char(ls[0], r) if len(ls) == 1 and r is not None else "" for ls, r in gaps]
        before, after = self.context(spot.start, spot.end)
        pieces: list[str] = []
        quality: Quality = "exact"
        for k, (ls, r) in enumerate(gaps):
            options = _gap_options(ls, r, self.readings(spot.tail_reading) if k == len(gaps) - 1 else ())
            if spot.shape == "inline" and plain[k] and _common(plain[k]):
                # nothing vouches for an inline spot: no vanished pair where the plain re-pairing
                # is a common character (samples/003 l.43 needs one, but 籰 is rare)
                options = [o for o in options if o[1] == 0]
            coming = list(itertools.takewhile(bool, plain[k + 1 :]))
            right = ("".join(coming) + (after if len(coming) == len(plain) - k - 1 else ""))[: self.tun.context]
            left = (before + prefix + "".join(pieces))[-self.tun.context :]
            text, q = self._choose(spot.start, options, len(ls) == 1 and r is not None, left, right)
            if not text:
                if not vouched:
                    return None
                text, q = self.tun.placeholder, "partial"
            pieces.append(text)
            quality = _worse(quality, q)
        return "".join(pieces), quality

    def _choose(
        self, at: int, options: Sequence[tuple[str, int]], known: bool, left: str, right: str,
    ) -> tuple[str, Quality]:
        """The best candidate of a gap. ``known``: both of its bytes survived."""
        plain = [o for o in options if o[1] == 0]
        if known and plain and (len(options) == 1 or not self.tun.guess):
            return plain[0][0], "exact"
        if len(options) == 1:
            return options[0][0], "inferred"
        if not options or not self.tun.guess:
            return "", "partial"
        if any(o[1] for o in options):
            # a vanished pair is only worth scoring when it makes a word with its neighbours
            scorer = self.scorer()
            worded = scorer.worded(left[-1:], options, right[:1])
            options = worded or options
        best = max(options, key=lambda o: self.score(at, left, o[0], right, o[1]))
        return best[0], "exact" if known and best[1] == 0 else "guessed"


def _gap_options(lefts: tuple[int, ...], right: int | None, reading_chars: Sequence[str]) -> list[tuple[str, int]]:
    """Candidates for one gap: (text, number of vanished pairs in it).

    ``lefts`` are the possible first bytes (one when it survived); ``right`` the byte after the
    gap, None for a closing '?', where ``reading_chars`` (the document's characters with the
    gloss's reading) come first."""
    out: list[tuple[str, int]] = []
    if right is None:
        for c in reading_chars:
            b = _gbk2(c)
            if b is not None and b[0] in lefts:
                out.append((c, 0))
            elif b is not None and len(lefts) == 1:  # 政務 in samples/001 l.58: FE 84 vanished
                out += [(first + c, 1) for p in _vanished_before().get(b[0], ()) if (first := _char(lefts[0], p))]
        if out or len(lefts) != 1:
            return out
        return [(c, 0) for y in _LEADS if (c := _char(lefts[0], y))]
    out = [(c, 0) for x in lefts if (c := _char(x, right))]
    if len(lefts) == 1:
        out += _vanished_gap(lefts[0], right)
    return out


@functools.lru_cache(maxsize=4096)
def _vanished_gap(left: int, right: int) -> tuple[tuple[str, int], ...]:
    """Two characters around one vanished pair (``left p`` + ``q right``), both common."""
    out = []
    for p, qs in _vanishing().items():
        first = _char(left, p)
        if first and _common(first):
            out += [(first + second, 1) for q in qs if (second := _char(q, right)) and _common(second)]
    return tuple(out)


class _Scorer:
    """Log-probability of a text's best segmentation under jieba's dictionary (in Simplified)."""

    def __init__(self, table: Mapping[int, str], punct_cost: float) -> None:
        # jieba's dictionary, read one first character at a time (sztext.wordfreq): loading it
        # whole cost 0.5–1.3 s in every process whose first document had a lost byte
        self._freq = word_freq()
        self._table = table
        self._punct_cost = punct_cost

    def __call__(self, text: str) -> float:
        """Marks split the text: each piece is scored alone, each mark costs ``punct_cost``."""
        s = text.translate(self._table)
        total, covered = 0.0, 0
        for m in _WORDS.finditer(s):
            piece = m.group()
            total += self._freq.route_score(piece)
            covered += len(piece)
        return total - self._punct_cost * (len(s) - covered)

    def worded(self, left: str, options: Sequence[tuple[str, int]], right: str) -> list[tuple[str, int]]:
        """``[o for o in options if o[1] == 0 or self.makes_word(left, o[0], right)]``, with what
        the options of one gap share read once: a gap has ~600 two-character candidates (a
        vanished pair), which pair ~25 first characters with ~25 second ones, so the words a
        first character makes with ``left`` and a second one with ``right`` are looked up once
        each (issue 19: 18,186 makes_word calls were half of repairing samples/001)."""
        table = self._table
        lt, rt = left.translate(table), right.translate(table)
        if len(lt) != len(left) or len(rt) != len(right) or len(lt) > 1 or len(rt) > 1:
            return [o for o in options if o[1] == 0 or self.makes_word(left, o[0], right)]
        bucket_of = self._freq.bucket
        before = bucket_of(lt) if lt else {}
        with_left: dict[str, bool] = {}  # first character -> (left + it) is a word
        with_right: dict[str, bool] = {}  # second character -> (it + right) is a word
        out = []
        for o in options:
            if o[1] == 0:
                out.append(o)
                continue
            text = o[0]
            tt = text.translate(table)
            if len(text) != 2 or len(tt) != 2:
                if self.makes_word(left, text, right):
                    out.append(o)
                continue
            f, g = tt[0], tt[1]
            if lt:
                hit = with_left.get(f)
                if hit is None:
                    hit = with_left[f] = bool(before.get(lt + f))
                if hit or before.get(lt + tt):
                    out.append(o)
                    continue
            first = bucket_of(f)
            if first.get(tt) or (rt and first.get(tt + rt)):
                out.append(o)
                continue
            if rt:
                hit = with_right.get(g)
                if hit is None:
                    hit = with_right[g] = bool(bucket_of(g).get(g + rt))
                if hit:
                    out.append(o)
        return out

    def makes_word(self, left: str, text: str, right: str) -> bool:
        """True when ``text`` is, or with a neighbour forms, a dictionary word of 2 or 3
        characters (``left`` and ``right``: one character each, or empty)."""
        s = (left + text + right).translate(self._table)
        a, b, n = len(left), len(left) + len(text), len(s)
        bucket_of = self._freq.bucket  # one bucket per first character, not one lookup per word
        for i in range(b):
            bucket = bucket_of(s[i])
            if bucket and ((a < i + 2 <= n and bucket.get(s[i : i + 2])) or (a < i + 3 <= n and bucket.get(s[i : i + 3]))):
                return True
        return False


def _worse(a: Quality, b: Quality) -> Quality:
    return a if _RANK[a] >= _RANK[b] else b


# --- GBK byte tables --------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def _char(lead: int, trail: int) -> str:
    """The GBK character of two bytes, or '' for a pair that is no character."""
    try:
        s = bytes((lead, trail)).decode("gbk")
    except UnicodeDecodeError:
        return ""
    return s if len(s) == 1 and not "\ue000" <= s <= "\uf8ff" else ""


def _gbk2(ch: str) -> bytes | None:
    """The two GBK bytes of a character, or None."""
    try:
        b = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    return b if len(b) == 2 else None


@functools.cache
def _vanishing() -> dict[int, tuple[int, ...]]:
    """Byte pairs the decoder dropped, by first byte: two non-ASCII bytes that are no GBK character.

    These are GBK's user-defined areas (AAA1–AFFE, F8A1–FEFE, A140–A7A0) and its unassigned
    codes; GB18030 maps most to private use, a few (FE84 in samples/001 l.58) to radicals.
    """
    out: dict[int, tuple[int, ...]] = {}
    for p in _LEADS:
        if qs := tuple(q for q, c in zip(_LEADS, _lead_row(p)) if not c):
            out[p] = qs
    return out


def _lead_row(lead: int) -> list[str]:
    """``[_char(lead, q) for q in _LEADS]`` in one decode (cold start: 15,876 decodes one pair at
    a time cost ~40 ms). The pairs are joined by newlines, which no GBK pair holds as its second
    byte, so an invalid pair's replacement marks stay in its own piece; a piece that is one
    character other than U+FFFD is what the pair decodes to alone (tests/unit/normalize/test_mojibake_shortcuts.py
    compares every pair)."""
    pieces = b"\n".join(bytes((lead, q)) for q in _LEADS).decode("gbk", "replace").split("\n")
    return [c if len(c) == 1 and c != "\ufffd" and not "\ue000" <= c <= "\uf8ff" else "" for c in pieces]


@functools.cache
def _vanished_before() -> dict[int, tuple[int, ...]]:
    """The vanishing pairs by second byte: the first bytes ``p`` with ``(p, q)`` dropped."""
    out: dict[int, list[int]] = {}
    for p, qs in _vanishing().items():
        for q in qs:
            out.setdefault(q, []).append(p)
    return {q: tuple(ps) for q, ps in out.items()}


@functools.lru_cache(maxsize=65536)
def _common(ch: str) -> bool:
    """A character ordinary text uses: GB2312 level 1, Big5 level 1, or CJK punctuation."""
    try:
        b = ch.encode("gb2312")
        if b[0] in (0xA1, 0xA3) or 0xB0 <= b[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    code = b[0] << 8 | b[1]
    return 0xA440 <= code <= 0xC67E or 0xA140 <= code <= 0xA1FE
