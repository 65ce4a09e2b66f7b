"""Money on a tuned sample of 20 devcorpus documents (issue 15): detected and fully right.

    python bench/money_sample.py        # totals
    python bench/money_sample.py -v     # and every miss, false hit and wrong field

``bench/money_sample.json`` lists every amount of 20 money-dense non-held-out files of
``../shared/devcorpus/docs`` (its ``how`` says how they were read). The rules were tuned on these
files, so the numbers are a dev measure, not a held-out one. A parsed amount is detected when its
span overlaps an expected one (paired one to one in text order); fully right when value, low,
high, currency, qualifier and per all equal.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import sztext

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT.parent / "shared" / "devcorpus" / "docs"
FIELDS = ("value", "low", "high", "currency", "qualifier", "per")


def _key(a: dict[str, object]) -> tuple[object, ...]:
    return tuple(Decimal(str(a[f])) if f in ("value", "low", "high") and a[f] is not None else a[f] for f in FIELDS)


def main(verbose: bool) -> None:
    sample = json.loads((ROOT / "bench" / "money_sample.json").read_text(encoding="utf-8"))
    total = detected = right = false = 0
    for name, expected in sample["files"].items():
        notices = sztext.parse_file(DOCS / name)
        found = sorted((a.model_dump(mode="json") for n in notices for a in n.amounts), key=lambda a: a["span"][0])
        used: set[int] = set()
        for e in expected:
            total += 1
            i = next((i for i, a in enumerate(found) if i not in used and a["span"][0] < e["end"] and e["start"] < a["span"][1]), None)
            if i is None:
                print(f"miss   {name[:4]} {e['text']!r}") if verbose else None
                continue
            used.add(i)
            detected += 1
            if _key(found[i]) == _key(e):
                right += 1
            elif verbose:
                print(f"wrong  {name[:4]} {e['text']!r}: {_key(found[i])} != {_key(e)}")
        for i, a in enumerate(found):
            if i not in used:
                false += 1
                print(f"false  {name[:4]} {a['text']!r}") if verbose else None
    f1 = 2 * detected / (2 * detected + false + total - detected)
    print(f"{len(sample['files'])} files, {total} amounts: detected {detected} (F1 {f1:.3f}, {false} false), fully right {right} ({right / total:.3f})")


if __name__ == "__main__":
    main("-v" in sys.argv)
