"""Field accuracy against the reviewed golden files (issue 7, STYLE.md G38).

    python bench/quality.py            # print the table
    python bench/quality.py --write    # also rewrite docs/evaluation.md
    python bench/quality.py --check    # exit 1 if a field falls below its pinned floor
    python bench/quality.py --update   # raise floors to today's scores (never lowers one on the same goldens)

Goldens (each checked by reading the source): tests/golden/archive_004.json (every document of
samples/004), tests/corpus/golden/*.json (14 files, 17 documents, of ../shared/corpus from other
issuers), tests/golden/units_00{0,1,3}.json (every measure's unit groups),
tests/golden/noise_seeds.json.

Header goldens of whole documents from places the devcorpus lacks (issue 14): tests/devcorpus/golden_extra
(texts in tests/devcorpus/extra; README.md there), graded like the devcorpus ones in the rows
"new places dev (tuned)" and "new places held-out". A golden document that names its `jurisdiction`
is also graded on it (`Notice.jurisdiction.name`; row "… : jurisdiction").

Units and money on real documents (issue 15): tests/devcorpus/golden_units/*.json and
tests/devcorpus/golden_money/*.json, each naming its source (`corpus` "devcorpus":
../shared/devcorpus/docs; "extra": tests/devcorpus/extra, plans found with the search tools) and
its split ("heldout" for devcorpus numbers ending in 3 or 7, and for the extra files marked so).
Every golden value is anchored by 1-based `line` and 0-based `col` in the source text (the text
sztext reads: the decoded file, which for .txt/.md files is the file itself and for an .html page
its extracted text, `Notice.source_text`), so
`start = offset(line) + col`, `end = start + len(text)`.

- units: a golden group's `text` is its unit list as printed, from the first unit's first
  character to the last unit's last. A parsed group (the units of one `unit_groups` entry of any
  outline node) belongs to the golden group whose text its unit spans overlap. "unit groups exactly
  right" = golden groups with a parsed group whose [(name, role)] list equals the golden one
  (names compared with spaces removed; order counts) / golden groups. "unit groups found are
  real" = parsed groups overlapping some golden group / parsed groups (a parsed group elsewhere is
  a false note).
- money: a golden mention's `text` is the amount as printed from its first digit or numeral to
  its last currency character (for a range, low to high: `五百元以上一千元`); qualifier
  words before it (最高, 不超过) and a restatement after it (（含2000元）) are not part of it. A
  parsed amount (`Notice.amounts`) is detected when its span overlaps the mention; mentions and
  amounts are paired one to one in text order. detected: recall = paired mentions / mentions,
  precision = paired amounts / amounts, F1 = 2TP / (2TP + FP + FN) (shown as right/total with
  right = 2TP). "fully right" = paired mentions whose value, low, high (as decimals), currency,
  qualifier and per all equal the golden ones / mentions. `per` is compared with 每, 个 and "/"
  removed (每个单位每年 = 单位/年).
- measures (tests/devcorpus/golden_measures, how they were made in its README.md): a golden
  measure is every numbered heading or list item, keyed by (path, line): its marker path
  (`Node.path`; a part appended after the document with its own numbering has the prefix `A1/`,
  `A2/` …; in a file of several documents the second and later ones have `2:`, `3:` …) and the
  1-based line of its marker. A parsed measure is every outline node with a number, keyed by
  its `path` and the line of its first non-blank character. "found (recall)" = golden keys
  among the parsed ones / golden measures; "real (precision)" = parsed keys among the golden
  ones / parsed measures (a TOC entry, an attachment list item or a wrong depth is a miss on
  both sides).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from decimal import Decimal
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sztext  # noqa: E402
from sztext.extract import extract_unit_groups  # noqa: E402
from sztext.normalize import normalize  # noqa: E402

FLOORS = ROOT / "bench" / "quality_floors.json"
EPSILON = 0.005
CORPUS = ROOT.parent / "shared" / "corpus"
DEVCORPUS = ROOT.parent / "shared" / "devcorpus" / "docs"
DEV_GOLDEN = ROOT / "tests" / "devcorpus" / "golden"
UNIT_GOLDEN = ROOT / "tests" / "devcorpus" / "golden_units"
MONEY_GOLDEN = ROOT / "tests" / "devcorpus" / "golden_money"
MEASURE_GOLDEN = ROOT / "tests" / "devcorpus" / "golden_measures"
EXTRA = ROOT / "tests" / "devcorpus" / "extra"
# whole documents found with the search tools from places and formats the devcorpus lacks: header
# goldens in the format of tests/devcorpus/golden, texts in tests/devcorpus/extra (README.md there)
EXTRA_GOLDEN = ROOT / "tests" / "devcorpus" / "golden_extra"


def squash(text: str | None) -> str | None:
    return None if text is None else "".join(text.split())


def iso(value: Any) -> str | None:
    return value.value.isoformat() if value is not None and value.value is not None else None


Score = dict[str, list[int]]  # field -> [right, total]


def add(score: Score, field: str, ok: bool) -> None:
    right_total = score.setdefault(field, [0, 0])
    right_total[0] += int(ok)
    right_total[1] += 1


def archive_004(score: Score) -> None:
    gold = json.loads((ROOT / "tests" / "golden" / "archive_004.json").read_text(encoding="utf-8"))
    notices = sztext.parse_file(ROOT / "samples" / "004_dc8ab61eb0bb8ed1.txt")
    text = notices[0].source_text
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    by_start = {n.source.span[0]: n for n in notices}
    add(score, "004: documents found", len(notices) == len(gold))
    checks: dict[str, Callable[[sztext.Notice, dict[str, Any]], bool]] = {
        "title": lambda n, g: squash(n.title.clean if n.title else None) == squash(g["title"]),
        "main_title": lambda n, g: squash(n.main_title.clean if n.main_title else None) == squash(g["main_title"]),
        "doc_number": lambda n, g: (squash(n.doc_number.clean) if n.doc_number else None) == squash(g["doc_number"])
        or (n.doc_number is not None and g["doc_number"] is not None and str(n.doc_number.serial) in g["doc_number"] and "令" in g["doc_number"]),
        "doc_type": lambda n, g: n.doc_type == (g["doc_type"] or "").replace("命令(令)", "令") or (n.doc_type is None and g["doc_type"] is None),
        "issuer": lambda n, g: squash(n.issuer.clean if n.issuer else None) == squash(g["issuer"]),
        "signed_date": lambda n, g: iso(n.signed_date) == g["signed_date"],
        "published_date": lambda n, g: iso(n.published_date) == g["published_date"],
        "duplicate_of": lambda n, g: n.duplicate_of == g["duplicate_of"],
    }
    for g in gold:
        start = offsets[g["start_line"] - 1] + lines[g["start_line"] - 1].index(g["start_text"])
        n = by_start.get(start)
        add(score, "004: document start", n is not None)
        for field, check in checks.items():
            add(score, f"004: {field}", n is not None and check(n, g))


def corpus(score: Score) -> None:
    if not CORPUS.is_dir():
        return
    for golden in sorted((ROOT / "tests" / "corpus" / "golden").glob("*.json")):
        gold = json.loads(golden.read_text(encoding="utf-8"))
        notices = sztext.parse_file(CORPUS / gold["file"])
        add(score, "corpus: documents found", len(notices) == len(gold["documents"]))
        for n, g in zip(notices, gold["documents"]):
            add(score, "corpus: title", squash(n.title.clean if n.title else None) == squash(g["title"]))
            add(score, "corpus: doc_number", (squash(n.doc_number.clean) if n.doc_number else None) == squash(g["doc_number"]))
            add(score, "corpus: issuers", [squash(i.clean) for i in n.issuers] == [squash(i) for i in g["issuers"]])
            add(score, "corpus: signed_date", iso(n.signed_date) == g["signed_date"])
            add(score, "corpus: published_date", iso(n.published_date) == g["published_date"])
            add(score, "corpus: doc_type", n.doc_type == g["doc_type"])


def top_headings(n: sztext.Notice) -> list[str]:
    """Markers of the first-level numbered headings of the body (一、 / 第一章 / 第一条 …)."""
    return [squash(node.marker) or "" for node in n.body if node.marker is not None and node.number is not None]


def dev_fields(n: sztext.Notice, g: dict[str, Any]) -> dict[str, bool]:
    """One devcorpus golden document against one parsed notice: field -> right."""
    effective = n.effective.from_.isoformat() if n.effective is not None and n.effective.from_ is not None else None
    signer = getattr(n, "signer", None)  # issue 14 adds Notice.signer; absent before it
    got_signer = squash(getattr(signer, "clean", signer)) if signer is not None else None
    return {
        "title": squash(n.title.clean if n.title else None) == squash(g["title"]),
        "doc_number": (squash(n.doc_number.clean) if n.doc_number else None) == squash(g["doc_number"]),
        "doc_type": n.doc_type == g["doc_type"],
        "issuers": [squash(i.clean) for i in n.issuers] == [squash(i) for i in g["issuers"]],
        "addressees": [squash(a.clean) for a in n.addressees] == [squash(a) for a in g["addressees"]],
        "signer": got_signer == squash(g["signer"]),
        "signed_date": iso(n.signed_date) == g["signed_date"],
        "published_date": iso(n.published_date) == g["published_date"],
        "effective_from": effective == g["effective_from"],
        "top_headings": top_headings(n) == [squash(h) for h in g["top_headings"]],
    } | ({"jurisdiction": (n.jurisdiction.name if n.jurisdiction else None) == g["jurisdiction"]} if "jurisdiction" in g else {})


def devcorpus(score: Score) -> None:
    """tests/devcorpus/golden: "dev (tuned)" rows for files rules may be tuned on, "held-out" for the rest."""
    if not DEVCORPUS.is_dir() or not DEV_GOLDEN.is_dir():
        return
    goldens = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV_GOLDEN.glob("*.json"))]
    archives = [g for g in goldens if g.get("format") == "archive"]
    goldens = [g for g in goldens if g.get("format") != "archive"]
    for gold in archives:  # boundaries: a start counts within 3 characters (leading blanks skipped)
        notices = sztext.parse_file(DEVCORPUS.parent / "archives" / gold["file"])
        text = notices[0].source_text if notices else ""
        found = []
        for n in notices:
            s = n.source.span[0]
            while s < len(text) and text[s] in " \r\n\u3000\xa0":
                s += 1
            found.append(s)
        starts = [d["start_offset"] for d in gold["documents"]]
        name = gold["file"][:3]
        for g in starts:
            add(score, f"archive {name}: starts found (recall)", any(abs(g - f) <= 3 for f in found))
        for f in found:
            add(score, f"archive {name}: starts right (precision)", any(abs(g - f) <= 3 for g in starts))
    header_rows(score, goldens, DEVCORPUS, "")
    if EXTRA_GOLDEN.is_dir():
        extra = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXTRA_GOLDEN.glob("*.json"))]
        header_rows(score, extra, EXTRA, "new places ")


def header_rows(score: Score, goldens: list[dict[str, Any]], folder: Path, prefix: str) -> None:
    """One row per header field and split, the parsed notice at each golden document's place."""
    for split, label in (("dev", "dev (tuned)"), ("heldout", "held-out")):
        rows: dict[str, list[int]] = {}
        for gold in (g for g in goldens if g["split"] == split):
            notices = sztext.parse_file(folder / gold["file"])
            add(rows, "documents found", len(notices) == len(gold["documents"]))
            # a document is compared with the parsed notice at its place; a split or merged file
            # scores its later documents against whatever came out there (or nothing)
            for i, g in enumerate(gold["documents"]):
                n = notices[i] if i < len(notices) else None
                for field in (*DEV_FIELDS, "jurisdiction"):
                    if field in g:  # jurisdiction: graded where a golden names it
                        add(rows, field, n is not None and dev_fields(n, g)[field])
        for field in ("documents found", *DEV_FIELDS, "jurisdiction"):
            if field in rows:
                score[f"{prefix}{label}: {field}"] = rows[field]


def dev_misses() -> int:
    """The dev (tuned) header goldens' misses as ``file field: want | got`` lines. Held-out files
    are never listed: they measure generality only while nobody reads their failures."""
    paths = [(p, DEVCORPUS) for p in sorted(DEV_GOLDEN.glob("*.json"))]
    paths += [(p, EXTRA) for p in sorted(EXTRA_GOLDEN.glob("*.json"))]
    for path, folder in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("format") == "archive" or gold["split"] != "dev":
            continue
        notices = sztext.parse_file(folder / gold["file"])
        if len(notices) != len(gold["documents"]):
            print(f"{gold['file']} documents: {len(gold['documents'])} | {len(notices)}")
        for n, g in zip(notices, gold["documents"]):
            got = {
                "title": n.title.clean if n.title else None,
                "doc_number": n.doc_number.clean if n.doc_number else None,
                "doc_type": n.doc_type,
                "issuers": [i.clean for i in n.issuers],
                "addressees": [a.clean for a in n.addressees],
                "signer": getattr(getattr(n, "signer", None), "clean", None),
                "signed_date": iso(n.signed_date),
                "published_date": iso(n.published_date),
                "effective_from": n.effective.from_.isoformat() if n.effective is not None and n.effective.from_ is not None else None,
                "top_headings": top_headings(n),
                "jurisdiction": n.jurisdiction.name if n.jurisdiction else None,
            }
            for field, ok in dev_fields(n, g).items():
                if not ok:
                    print(f"{gold['file']} {field}: {g[field]} | {got[field]}")
    return 0


def synthetic(score: Score) -> None:
    """bench/archives.py: the single-document goldens of each split concatenated (seed 1, three
    joins); the held-out row is report-only."""
    if not DEVCORPUS.is_dir() or not DEV_GOLDEN.is_dir():
        return
    sys.path.insert(0, str(ROOT / "bench"))
    import archives

    for split, label in (("dev", "dev"), ("heldout", "held-out")):
        r = archives.overall(split, seeds=(1,), fast=True)
        score[f"archive synthetic {label}: starts found (recall)"] = [r.matched, r.pieces]
        score[f"archive synthetic {label}: starts right (precision)"] = [r.right, r.found]
        n = len(archives.pieces(split))
        score[f"archive synthetic {label}: documents not split"] = [n - len(r.split), n]


def f1_lines(score: Score) -> list[str]:
    """Boundary F1 of each archive row pair (recall and precision)."""
    out = []
    for field, (right, total) in score.items():
        if field.startswith("archive ") and field.endswith("(recall)"):
            other = score.get(field.replace("starts found (recall)", "starts right (precision)"))
            if other and total and other[1]:
                r, p = right / total, other[0] / other[1]
                f1 = 2 * p * r / (p + r) if p + r else 0.0
                out.append(f"{field.split(':')[0] + ': boundary F1':<50} {'':>6} {'':>6} {f1:>9.1%}")
    return out


DEV_FIELDS = (
    "title", "doc_number", "doc_type", "issuers", "addressees", "signer",
    "signed_date", "published_date", "effective_from", "top_headings",
)


def units(score: Score) -> None:
    g = sztext.load_grammar()
    for seed in ("000", "001", "003"):
        gold = json.loads((ROOT / "tests" / "golden" / f"units_{seed}.json").read_text(encoding="utf-8"))
        want = [[(u["name"], u["role"]) for u in group] for m in gold["measures"] for group in m["groups"]]
        path = next((ROOT / "samples").glob(f"{seed}_*.txt"))
        view = normalize(path.read_text(encoding="utf-8"), g)
        got = [[(u.name, u.role) for u in units] for _, units in extract_unit_groups(view, g)]
        for w in want:
            add(score, "seeds: unit groups (recall)", w in got)
        for x in got:
            add(score, "seeds: unit groups (precision)", x in want)
        notice = sztext.parse_file(path)[0]
        add(score, "seeds: measures counted", sum(1 for _ in notice.measures()) >= gold["measure_count"])


def golden_source(gold: dict[str, Any]) -> Path:
    return (DEVCORPUS if gold["corpus"] == "devcorpus" else EXTRA) / gold["file"]


def anchored(text: str, line: int, col: int, length: int) -> tuple[int, int]:
    """Absolute (start, end) of a golden value given by 1-based line and 0-based column."""
    start = sum(len(x) + 1 for x in text.split("\n")[: line - 1]) + col
    return start, start + length


def split_goldens(folder: Path) -> list[tuple[str, list[dict[str, Any]]]]:
    goldens = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    goldens = [g for g in goldens if golden_source(g).is_file()]
    return [(label, [g for g in goldens if g["split"] == split]) for split, label in (("dev", "dev (tuned)"), ("heldout", "held-out"))]


def dev_units(score: Score) -> None:
    """Unit groups of the plans in tests/devcorpus/golden_units (rules in the module docstring)."""
    if not UNIT_GOLDEN.is_dir():
        return
    for label, goldens in split_goldens(UNIT_GOLDEN):
        for gold in goldens:
            notices = sztext.parse_file(golden_source(gold))
            text = notices[0].source_text
            got = [
                (group[0].span[0], group[-1].span[1], [(squash(u.name), u.role) for u in group])
                for n in notices for node in n.nodes() for group in node.unit_groups if group
            ]
            notes = [anchored(text, g["line"], g["col"], len(g["text"])) for g in gold["groups"]]
            for (start, end), g in zip(notes, gold["groups"]):
                want = [(squash(u["name"]), u["role"]) for u in g["units"]]
                hits = [units for a, b, units in got if a < end and b > start]
                add(score, f"units {label}: unit groups exactly right", want in hits)
            for a, b, _ in got:
                add(score, f"units {label}: unit groups found are real", any(a < end and b > start for start, end in notes))


def per_key(per: str | None) -> str | None:
    return None if per is None else "".join(per.split()).replace("每个", "").replace("每", "").replace("/", "")


def dec(x: Any) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def dev_money(score: Score) -> None:
    """Amounts of the money-dense documents in tests/devcorpus/golden_money (rules in the module docstring)."""
    if not MONEY_GOLDEN.is_dir():
        return
    for label, goldens in split_goldens(MONEY_GOLDEN):
        tp = fp = fn = 0
        for gold in goldens:
            notices = sztext.parse_file(golden_source(gold))
            text = notices[0].source_text
            amounts = sorted((a for n in notices for a in n.amounts), key=lambda a: a.span[0])
            used: set[int] = set()
            for g in gold["amounts"]:
                start, end = anchored(text, g["line"], g["col"], len(g["text"]))
                i = next((i for i, a in enumerate(amounts) if i not in used and a.span[0] < end and a.span[1] > start), None)
                add(score, f"money {label}: detected (recall)", i is not None)
                if i is None:
                    fn += 1
                    add(score, f"money {label}: fully right", False)
                    continue
                used.add(i)
                tp += 1
                a = amounts[i]
                add(score, f"money {label}: fully right", (
                    a.value == dec(g["value"]) and a.low == dec(g["low"]) and a.high == dec(g["high"])
                    and a.currency == g["currency"] and a.qualifier == g["qualifier"] and per_key(a.per) == per_key(g["per"])
                ))
            for i in range(len(amounts)):
                add(score, f"money {label}: detected (precision)", i in used)
            fp += len(amounts) - len(used)
        if goldens:
            score[f"money {label}: detected (F1)"] = [2 * tp, 2 * tp + fp + fn]


def parsed_measures(notices: list[sztext.Notice]) -> list[tuple[str, int]]:
    """(path, line) of every numbered outline node (rules in the module docstring)."""
    text = notices[0].source_text if notices else ""
    out = []
    for i, n in enumerate(notices):
        for node in n.nodes():
            if node.number is None or node.path is None:
                continue
            s = node.span[0]
            while s < len(text) and text[s] in " \u3000\r\n\t\xa0":
                s += 1
            out.append((f"{i + 1}:{node.path}" if i else node.path, text.count("\n", 0, s) + 1))
    return out


def dev_measures(score: Score) -> None:
    """Numbered measures of tests/devcorpus/golden_measures (rules in the module docstring)."""
    if not MEASURE_GOLDEN.is_dir():
        return
    for label, goldens in split_goldens(MEASURE_GOLDEN):
        for gold in goldens:
            got = parsed_measures(sztext.parse_file(golden_source(gold)))
            want = [(m["path"], m["line"]) for m in gold["measures"]]
            got_set, want_set = set(got), set(want)
            for key in want:
                add(score, f"measures {label}: found (recall)", key in got_set)
            for key in got:
                add(score, f"measures {label}: real (precision)", key in want_set)


def noise(score: Score) -> None:
    gold = json.loads((ROOT / "tests" / "golden" / "noise_seeds.json").read_text(encoding="utf-8"))
    for seed in ("000", "001", "003"):
        path = next((ROOT / "samples").glob(f"{seed}_*.txt"))
        notice = sztext.parse_file(path)[0]
        found = {(n.span[0], n.span[1]) for n in notice.noise if n.kind == "mojibake"}
        text = notice.source_text
        lines = text.split("\n")
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line) + 1)
        for spot in gold[seed]["mojibake"]:
            start = offsets[spot["line"] - 1] + lines[spot["line"] - 1].index(spot["text"])
            hit = [n for n in notice.noise if n.kind == "mojibake" and n.span[0] <= start < n.span[1]]
            add(score, "seeds: mojibake spots found", bool(hit))
            add(score, "seeds: mojibake repaired as read", bool(hit) and (hit[0].repaired or "") == spot["reads"])
        glosses = sum(1 for n in notice.noise if n.kind == "pinyin")
        add(score, "seeds: pinyin gloss count", glosses + len(found) >= gold[seed]["pinyin_glosses"] - len(gold[seed]["mojibake"]))


def digest() -> str:
    h = hashlib.sha256()
    for p in sorted((ROOT / "tests" / "golden").glob("*.json")) + sorted((ROOT / "tests" / "corpus" / "golden").glob("*.json")):
        h.update(p.read_bytes())
    return h.hexdigest()


def floor_failures(rows: list[tuple[str, int, int, float]], floors: dict[str, Any]) -> list[str]:
    """One message per row below its pinned floor, or graded on other goldens than when it was
    pinned (its total changed: a golden was added, removed or re-read), which must be re-pinned
    on purpose (``--update``) rather than pass unseen. Rows this machine cannot compute (no
    ../shared) are not checked."""
    out = []
    totals = floors.get("totals", {})
    for field, _, total, acc in rows:
        floor = floors["floors"].get(field)
        if floor is None:
            continue
        if field in totals and totals[field] != total:
            out.append(f"GOLDENS CHANGED: {field} is graded on {total} items, pinned on {totals[field]}: review, then bench/quality.py --update")
        elif acc + EPSILON < floor:
            out.append(f"BELOW FLOOR: {field} {acc:.3f} < {floor:.3f}")
    return out


def repinned(rows: list[tuple[str, int, int, float]], floors: dict[str, Any]) -> dict[str, Any]:
    """The floors after ``--update``: a row graded on the same goldens keeps the higher of its
    floor and today's score; a new row, or one whose goldens changed, is pinned at today's."""
    old, totals = floors["floors"], floors.get("totals", {})
    new = dict(old)
    new_totals = dict(totals)
    for field, _, total, acc in rows:
        same = field in old and totals.get(field, total) == total
        new[field] = round(max(acc, old[field]) if same else acc, 4)
        new_totals[field] = total
    return {"goldens_sha256": digest(), "floors": new, "totals": new_totals}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--misses", action="store_true", help="list the dev (tuned) header-golden misses, field by field; never the held-out ones")
    args = ap.parse_args()
    if args.misses:
        return dev_misses()
    score: Score = {}
    for part in (archive_004, corpus, units, noise, devcorpus, dev_units, dev_money, dev_measures, synthetic):
        part(score)
    rows = [(field, right, total, right / total) for field, (right, total) in score.items()]
    table = [f"{'set: field':<50} {'right':>6} {'total':>6} {'accuracy':>9}"]
    table += [f"{f:<50} {r:>6} {t:>6} {a:>9.1%}" for f, r, t, a in rows]
    table += f1_lines(score)
    print("\n".join(table))
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {"floors": {}, "totals": {}}
    status = 0
    if args.check:
        for message in floor_failures(rows, floors):
            print(message)
            status = 1
    if args.update:
        FLOORS.write_text(json.dumps(repinned(rows, floors), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.write:
        doc = ROOT / "docs" / "evaluation.md"
        template = (ROOT / "bench" / "evaluation.md.in").read_text(encoding="utf-8")
        before_after = (ROOT / "bench" / "evaluation_before_after.md").read_text(encoding="utf-8").strip()
        doc.write_text(template.replace("{before_after}", before_after).replace("{table}", "\n".join(table)), encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
