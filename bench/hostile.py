"""CPU time and peak memory per character on generated hostile inputs, against seed 004 (issue 16).

    python bench/hostile.py               # the default sizes (a few minutes on 2 cores)
    python bench/hostile.py --scale 0.1   # every input 10× smaller
    python bench/hostile.py --only newlines deep_html

Each input is written to a temporary file and parsed by ``sztext.parse_file`` in a fresh process
(after one warm-up parse), twice: once for CPU time (``time.process_time``), once under
``tracemalloc`` for the peak of Python allocations during the parse; the process's growth of
``ru_maxrss`` over the warm-up is reported too (it includes lxml's C allocations). The reference
row is seed 004 (``samples/004_*.txt``) measured in the same run, and the ratio columns divide
each input's per-character figures by the seed's. Nothing is asserted: tests count operations
instead (``tests/properties/test_hostile_growth.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "samples").glob("004_*.txt"))

_NOTICE = "深圳市人民政府关于印发若干措施的通知\n深府规〔2024〕{n}号\n各区人民政府：\n{body}\n深圳市人民政府\n2024年5月18日\n"


def _same_title(n: int) -> str:
    body = "".join(f"第{k}项措施由第{n}号文件规定并按期完成。" for k in range(8))
    return "".join(_NOTICE.format(n=i, body=body.replace(f"第{n}号", f"第{i}号")) for i in range(n))


def _mojibake(n: int) -> str:
    seed = SEED.read_text(encoding="utf-8")
    out = seed.encode("utf-8").decode("gbk", errors="replace")
    return (out * (n // len(out) + 1))[:n]


# name -> (what it is, suffix of the file, generator of about ``n`` characters, default n)
INPUTS: dict[str, tuple[str, str, Callable[[int], str], int]] = {
    "agency_lines": ("runs of short agency-name lines (市财政局 …)", ".txt", lambda n: "市财政局\n" * (n // 5), 30_000),
    "span_labels": ("<span>文号：</span> labels in one element", ".html", lambda n: "<div>" + "<span>文号：</span>" * (n // 16) + "</div>", 640_000),
    "newlines": ("newlines, then 一、", ".txt", lambda n: "\n" * n + "一、", 1_000_000),
    "deep_html": ("HTML nested 5,000 levels", ".html", lambda n: "<html><body>" + "<div>" * (n // 11) + "深府规〔2024〕6号 各区人民政府：" + "</div>" * (n // 11) + "</body></html>", 110_000),
    "one_line": ("one huge line without a newline", ".txt", lambda n: ("给予最高20万元奖励，（责任单位：市商务局）" * (n // 22 + 1))[:n], 1_000_000),
    "same_title": ("many documents sharing one title", ".txt", lambda n: _same_title(n // 200), 400_000),
    "mojibake": ("mojibake-dense text (UTF-8 read as GBK)", ".txt", _mojibake, 200_000),
    "doctype_spam": ("unterminated <!DOCTYPE [ … spam", ".html", lambda n: "<html><body><p>深府规〔2024〕6号</p>" + "<!DOCTYPE x [" * (n // 13) + "</body></html>", 260_000),
}

_CHILD = r"""
import json, resource, sys, time, tracemalloc
import sztext
path = sys.argv[1]
sztext.parse("深府规〔2024〕6号\n各区人民政府：\n现印发。\n")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def run():
    try:
        notices = sztext.parse_file(path)
        return len(notices), sum(len(n.warnings) for n in notices), ""
    except sztext.SztextError as exc:
        return 0, 0, type(exc).__name__
t = time.process_time()
docs, warnings, error = run()
cpu = time.process_time() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
tracemalloc.start()
run()
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"cpu": cpu, "peak": peak, "rss_kb": rss, "docs": docs, "warnings": warnings, "error": error}))
"""


def measure(path: Path) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{path.name}: child failed\n{proc.stderr[-2000:]}")
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every input's size (default 1)")
    ap.add_argument("--only", nargs="+", choices=sorted(INPUTS), help="run only these inputs")
    args = ap.parse_args(argv)
    names = args.only or list(INPUTS)
    with tempfile.TemporaryDirectory() as tmp:
        rows: list[tuple[str, int, dict[str, float]]] = []
        seed_text = SEED.read_text(encoding="utf-8")
        ref = measure(SEED)
        rows.append(("seed 004 (reference)", len(seed_text), ref))
        for name in names:
            _, suffix, make, size = INPUTS[name]
            text = make(max(1000, int(size * args.scale)))
            path = Path(tmp) / f"{name}{suffix}"
            path.write_text(text, encoding="utf-8")
            rows.append((name, len(text), measure(path)))
            print(f"  measured {name}", file=sys.stderr, flush=True)
    ref_cpu = ref["cpu"] / len(seed_text)
    ref_peak = ref["peak"] / len(seed_text)
    print(f"{'input':<22} {'chars':>9} {'CPU s':>7} {'µs/char':>8} {'× seed':>7} {'peak B/char':>11} {'× seed':>7} {'RSS+ MB':>8}  result")
    for name, n, r in rows:
        cpu, peak = r["cpu"] / n, r["peak"] / n
        result = r["error"] or f"{r['docs']:.0f} docs, {r['warnings']:.0f} warnings"
        print(
            f"{name:<22} {n:>9,} {r['cpu']:>7.2f} {cpu * 1e6:>8.2f} {cpu / ref_cpu:>7.1f} {peak:>11.0f} {peak / ref_peak:>7.1f} "
            f"{r['rss_kb'] / 1024:>8.0f}  {result}"
        )


if __name__ == "__main__":
    main()
