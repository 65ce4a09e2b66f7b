"""Draft a measures golden (tests/devcorpus/golden_measures) from the raw text, without sztext.

    python tools/measures_draft.py SOURCE.txt > draft.json

Lists every line that opens with a marker shape (一、 （一） 1. 1、 （1） ① 第X章/节/条) and every
marker after a sentence end inside a line (。一、 / ：1.), gives each a path by the standard order of
the marker styles (第X章 > 第X节 > 第X条 > 一、 > （一） > 1. > （1） > ①), and prints the draft. The draft is
NOT the golden: each entry is then read in its line and corrected by hand (a TOC, an attachment
list, a cross-reference, a table note or a marker inside a sentence is dropped; attachments get
their own path prefix ``附件N/``). See tests/devcorpus/golden_measures/README.md.
"""

from __future__ import annotations

import json
import re
import sys

CN = "[零〇一二两三四五六七八九十百]{1,4}"
STYLES = [
    ("chapter", rf"第(?P<n>{CN})章"),
    ("section", rf"第(?P<n>{CN})节"),
    ("article", rf"第(?P<n>{CN})条"),
    ("cn_comma", rf"(?P<n>{CN})[、，．.]"),
    ("cn_paren", rf"[（(](?P<n>{CN})[）)]"),
    ("arabic_dot", r"(?P<n>[0-9０-９]{1,2})(?:[.．](?![0-9])|[.．](?=[0-9]{4}年)|、)"),
    ("arabic_paren", r"[（(](?P<n>[0-9０-９]{1,2})[）)]"),
    ("circled", r"(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"),
]
LEAD = re.compile(r"^[ \u3000\t#*>\-]*")
DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
DIGITS.update({"〇": 0, "两": 2})


def cn_value(s: str) -> int:
    if s in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" and len(s) == 1:
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(s) + 1
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch == "百":
            total += (cur or 1) * 100
            cur = 0
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        else:
            cur = DIGITS[ch]
    return total + cur


def candidates(text: str) -> list[dict[str, object]]:
    out = []
    for ln, line in enumerate(text.split("\n"), start=1):
        lead = LEAD.match(line).end()  # type: ignore[union-attr]
        spots = [(lead, True)]
        spots += [(m.end(), False) for m in re.finditer(r"[。；：:！？）)]\s*", line) if m.end() < len(line)]
        for col, at_start in spots:
            for style, pat in STYLES:
                m = re.compile(pat).match(line, col)
                if m is None:
                    continue
                rest = line[m.end():m.end() + 14].strip()
                if style == "article" and re.match(r"[的、，,。]|规定|第|至|和|及", rest):
                    continue
                out.append({"line": ln, "col": col, "style": style, "marker": m.group(0),
                            "number": cn_value(m.group("n")), "heading": rest, "midline": not at_start})
                break
    return out


RANK = {s: i for i, (s, _) in enumerate(STYLES)}  # GB/T 9704 order: 一、 over （一） over 1. over （1）


def with_paths(found: list[dict[str, object]]) -> list[dict[str, object]]:
    """Paths of the true hierarchy: a style nests by the standard order 第X章 > 第X条 > 一、 > （一） >
    1. > （1） > ①, whatever order the styles first appear in."""
    stack: list[tuple[int, int]] = []  # (rank, number)
    for f in found:
        rank = RANK[str(f["style"])]
        while stack and stack[-1][0] >= rank:
            stack.pop()
        stack.append((rank, int(f["number"])))  # type: ignore[call-overload]
        f["path"] = ".".join(str(n) for _, n in stack)
    return found


if __name__ == "__main__":
    text = open(sys.argv[1], encoding="utf-8").read()
    rows = with_paths(candidates(text))
    print(json.dumps([{k: r[k] for k in ("path", "marker", "line", "col", "heading", "midline")} for r in rows], ensure_ascii=False, indent=0))
