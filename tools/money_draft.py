"""Draft a money golden for one source file and print its candidate lines for review (issue 15).

    python tools/money_draft.py DOCS_DIR/FILE [--json OUT.json] [--split dev|heldout]

Every line holding a numeral next to 元/万/亿/角/分/美元/港元/欧元 is printed WHOLE (never cut),
followed by sztext's draft amounts on it (col, text, value/low/high, currency, qualifier, per).
The draft is only a starting point: every line is read and the golden corrected by hand.
A draft mention's text runs from the first numeral of the parsed span to its last currency
character (qualifier words outside), as bench/quality.py grades it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

import sztext

NUM = "0-9０-９一二三四五六七八九十百千两零〇壹贰叁肆伍陆柒捌玖拾佰仟"
# The second alternative: a magnitude with no digit (超亿元, 亿元以上施工项目), which part 7 never saw.
CAND = re.compile(rf"[{NUM}][\s.,，多余万亿千百]*(?:元|圆|美元|港元|欧元|美金|英镑|日元|角|分钱|亿|万(?![人吨户千平公米头只个件台辆株亩次册份座家名套条箱瓶]))|[万亿]元")
CUR = re.compile(r"(美元|港元|欧元|美金|英镑|日元|元|圆|角|分钱|分|亿|万)")


def trim(text: str) -> tuple[int, int]:
    """(start, end) offsets inside a parsed span: first numeral to last currency character."""
    m = re.search(rf"[{NUM}][{NUM}.,，\s]*(?:多|余)?\s*(?:万|亿|千|百|元|圆|美元|港元|欧元|美金|角|分)", text) or re.search(rf"[{NUM}]", text)
    start = m.start() if m else 0
    ends = [x.end() for x in CUR.finditer(text)]
    return start, (ends[-1] if ends else len(text))


def num(x: object) -> object:
    if x is None:
        return None
    d = str(x)
    return int(d) if re.fullmatch(r"-?\d+", d) else float(d)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--json")
    ap.add_argument("--split", default="dev")
    a = ap.parse_args()
    path = Path(a.path)
    notices = sztext.parse_file(path)
    text = notices[0].source_text
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    amounts = sorted((x for n in notices for x in n.amounts), key=lambda x: x.span[0])
    drafts = []
    for x in amounts:
        s, e = trim(x.text)
        start = x.span[0] + s
        line = max(i for i in range(len(starts)) if starts[i] <= start)
        drafts.append({
            "line": line + 1, "col": start - starts[line], "text": text[start: x.span[0] + e],
            "value": num(x.value), "low": num(x.low), "high": num(x.high), "currency": x.currency,
            "qualifier": x.qualifier, "per": x.per,
        })
    by_line: dict[int, list[dict[str, object]]] = {}
    for d in drafts:
        by_line.setdefault(int(str(d["line"])), []).append(d)
    for i, line in enumerate(text.split("\n"), 1):
        if CAND.search(line) or i in by_line:
            print(f"L{i}: {line}")
            for d in by_line.get(i, []):
                print(f"    @{d['col']} {d['text']!r} v={d['value']} lo={d['low']} hi={d['high']} {d['currency']} {d['qualifier']} per={d['per']}")
    if a.json:
        gold = {
            "file": path.name, "corpus": "devcorpus",
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "split": a.split,
            "checked": "", "notes": "", "amounts": drafts,
        }
        Path(a.json).write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
