"""Synthetic archives: document boundaries on texts concatenated from real single documents.

    python bench/archives.py                 # dev and held-out rows
    python bench/archives.py --show dev      # also list the dev misses (never for held-out)
    python bench/archives.py --wide --fast   # also a probe of every non-held-out devcorpus file

Each archive joins the source texts of the single-document goldens of one split
(tests/devcorpus/golden/*.json with one document; the text sztext reads from the file,
``sztext.load.load_path(f).text``) in a seeded random order, with one of three joins: one blank
line, no blank line, a separator line (``----``). Every true start is known: it is where the
piece begins. ``sztext.parse_archive`` cuts the archive; a found start (leading blanks skipped)
counts for a piece when it lies in the piece's window: from the end of the previous piece (the
join and its separator line) to the last line of the piece's first 3,000 characters that holds
the golden title (page furniture or metadata above the title may go with either neighbour),
within 3 characters or on the same line as either end. One found start per piece is right; any other found start is wrong.

A piece is *split* when a wrong start falls inside it (it comes out as several documents), and
*merged* when no found start is in its window (it runs on in the previous document).

The ``dev`` split may be used to find failures; the ``heldout`` row is REPORT-ONLY: do not tune
on it and do not look at which held-out pieces fail (``--show`` refuses it).
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sztext  # noqa: E402
from sztext.load import load_path  # noqa: E402
from sztext.normalize import normalize  # noqa: E402
from sztext.segment import segment_archive  # noqa: E402

DEVCORPUS = ROOT.parent / "shared" / "devcorpus" / "docs"
DEV_GOLDEN = ROOT / "tests" / "devcorpus" / "golden"
JOINS = {"blank line": "\n\n", "no blank line": "\n", "separator line": "\n----\n"}
# ``--glued``: one text ends mid-line and the next begins on the same line (…特此通知。国务院办公厅关于…的通知), a
# harder style reported on its own row (bench/quality.py reads the three joins above only)
GLUES = {"glued (no newline)": ""}
SEEDS = (1, 2, 3)
BLANKS = " \r\n\t\u3000\xa0"


@dataclass
class Piece:
    name: str
    text: str
    title: str | None


@dataclass
class Result:
    pieces: int = 0
    found: int = 0
    right: int = 0  # found starts that are the one start of a piece
    matched: int = 0  # pieces whose window holds a found start
    split: set[str] = field(default_factory=set)
    merged: set[str] = field(default_factory=set)
    misses: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.right / self.found if self.found else 0.0
        r = self.matched / self.pieces if self.pieces else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pieces(split: str) -> list[Piece]:
    """The single-document goldens of one split whose source file is present, by file name."""
    out = []
    for path in sorted(DEV_GOLDEN.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("split") != split or gold.get("format") == "archive" or len(gold["documents"]) != 1:
            continue
        src = DEVCORPUS / gold["file"]
        if not src.is_file():
            continue
        text = load_path(src).text.strip(BLANKS)
        if text:
            out.append(Piece(gold["file"], text, gold["documents"][0].get("title")))
    return out


def wide_pieces() -> list[Piece]:
    """Every non-held-out single-document devcorpus file, with or without a golden (``--wide``): a
    wider dev probe for finding failure classes (boundaries7 found the title-less 北大法宝 cells with
    it). A file with a dev golden takes its title from it; one without takes the title sztext reads
    from the file alone, which only places the piece's window (a start on its title line counts),
    so this row leans on sztext and is a probe, not a score. Held-out files are left out."""
    gold: dict[str, dict] = {}
    for path in DEV_GOLDEN.glob("*.json"):
        g = json.loads(path.read_text(encoding="utf-8"))
        gold[g["file"]] = g
    out = []
    for src in sorted(DEVCORPUS.iterdir()) if DEVCORPUS.is_dir() else []:
        g = gold.get(src.name)
        if src.name[3:4] in ("3", "7") or (g and (g.get("split") != "dev" or g.get("format") == "archive" or len(g["documents"]) != 1)):
            continue
        text = load_path(src).text.strip(BLANKS)
        if not text:
            continue
        if g:
            title = g["documents"][0].get("title")
        else:
            alone = sztext.parse(text)
            title = alone.title.text if alone.title else None
        out.append(Piece(src.name, text, title))
    return out


def _title_line(text: str, title: str | None) -> int:
    """Offset of the last line among the first 3,000 characters of ``text`` that holds the
    golden title's first 20 characters (a page prints it in its <title> and again over the
    article; 北大法宝 prints it twice); 0 if none does."""
    if not title:
        return 0
    key = "".join(title.split())[:20]
    squashed, where = [], []
    for i, c in enumerate(text[:3000]):
        if not c.isspace():
            squashed.append(c)
            where.append(i)
    joined = "".join(squashed)
    at = joined.rfind(key)
    if at < 0:
        return 0
    return text.rfind("\n", 0, where[at]) + 1


def build(items: list[Piece], seed: int, join: str) -> tuple[str, list[tuple[int, int, int, str]]]:
    """The archive and each piece's (window start, first char, title line, name)."""
    order = list(items)
    random.Random(seed).shuffle(order)
    parts: list[str] = []
    truth = []
    pos = 0
    for k, p in enumerate(order):
        lo = pos
        if k:
            parts.append(join)
            pos += len(join)
        begin = pos
        truth.append((lo, begin, begin + _title_line(p.text, p.title), p.name))
        parts.append(p.text)
        pos += len(p.text)
    return "".join(parts) + "\n", truth


def document_starts(text: str, fast: bool = False) -> list[int]:
    """Where ``sztext.parse_archive(text)`` starts its documents (source offsets). ``fast``: the
    same offsets from its segment stage alone (normalize, segment_archive), without parsing each
    document (what bench/quality.py uses to keep the suite short)."""
    if not fast:
        return [n.source.span[0] for n in sztext.parse_archive(text)]
    grammar = sztext.load_grammar()
    view = normalize(text, grammar)
    return [view.to_source_start(r.start) for r in segment_archive(view, grammar)]


def score(text: str, truth: list[tuple[int, int, int, str]], res: Result, show: bool, fast: bool = False) -> None:
    found = []
    for s in document_starts(text, fast):
        while s < len(text) and text[s] in BLANKS:
            s += 1
        found.append(s)
    found.sort()
    line_of = [0]
    line_of.extend(i + 1 for i, c in enumerate(text) if c == "\n")

    def line(x: int) -> int:
        return bisect.bisect_right(line_of, x) - 1

    res.pieces += len(truth)
    res.found += len(found)
    los = [t[0] for t in truth]
    by_piece: dict[int, list[int]] = {}
    for f in found:  # each found start belongs to the piece whose span (join included) holds it
        by_piece.setdefault(max(0, bisect.bisect_right(los, f) - 1), []).append(f)
    for k, (lo, begin, head, name) in enumerate(truth):
        mine = by_piece.get(k, [])
        ok = [f for f in mine if f <= head + 3 or line(f) in (line(begin), line(head))]
        if ok:
            res.matched += 1
            res.right += 1
        else:
            res.merged.add(name)
            if show:
                res.misses.append(f"merged  {name}  {text[begin:begin + 60]!r}")
        for f in mine[1:] if ok else mine:
            res.split.add(name)
            if show:
                res.misses.append(f"split   {name}  at +{f - begin}: {text[f:f + 60]!r}")


def run(split: str, show: bool = False, seeds: tuple[int, ...] = SEEDS, fast: bool = False, joins: dict[str, str] = JOINS) -> dict[str, Result]:
    items = wide_pieces() if split == "wide" else pieces(split)
    out: dict[str, Result] = {}
    for label, join in joins.items():
        res = Result()
        for seed in seeds:
            text, truth = build(items, seed, join)
            score(text, truth, res, show, fast)
        out[label] = res
    return out


def overall(split: str, seeds: tuple[int, ...] = SEEDS, fast: bool = False) -> Result:
    """All joins and seeds of one split together (split / merged: distinct source documents)."""
    total = Result()
    for r in run(split, seeds=seeds, fast=fast).values():
        total.pieces += r.pieces
        total.found += r.found
        total.right += r.right
        total.matched += r.matched
        total.split |= r.split
        total.merged |= r.merged
    return total


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", choices=["dev", "wide"], help="list the misses of the dev split (or of the --wide probe)")
    ap.add_argument("--fast", action="store_true", help="segment only (the same starts, no per-document parse)")
    ap.add_argument("--glued", action="store_true", help="also the glued style: no newline between two texts")
    ap.add_argument("--wide", action="store_true", help="also every non-held-out devcorpus file, golden or not (a probe: see wide_pieces)")
    args = ap.parse_args()
    for split in ("dev", "heldout", *(("wide",) if args.wide else ())):
        show = args.show == split
        results = run(split, show, fast=args.fast, joins={**JOINS, **GLUES} if args.glued else JOINS)
        n = len(wide_pieces() if split == "wide" else pieces(split))
        print(f"{split} ({n} documents, seeds {SEEDS}){'  REPORT-ONLY' if split == 'heldout' else ''}")
        print(f"  {'join':<16} {'precision':>9} {'recall':>7} {'F1':>6} {'split':>6} {'merged':>7}")
        for label, r in results.items():
            p, rc, f1 = r.prf()
            print(f"  {label:<16} {p:>9.3f} {rc:>7.3f} {f1:>6.3f} {len(r.split):>6} {len(r.merged):>7}")
            for m in sorted(set(r.misses)):
                print("    " + m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
