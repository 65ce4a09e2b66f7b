"""Linear time on hostile input (issue 8): microseconds per character at 1×, 10× and 100×.

``python bench/scaling.py`` prints a table; a flat row means time proportional to input size.
Not a test: it asserts nothing. Reference row: seed 004 text itself.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sztext  # noqa: E402

UNITS = {
    "seed 004 (reference)": (ROOT / "samples" / "004_dc8ab61eb0bb8ed1.txt").read_text(encoding="utf-8")[:2000],
    "open parens （": "（" * 1000,
    "digits": "1" * 2000,
    "第 … 条": "第" * 600,
    "一、 repeated": "一、" * 300,
    "nested （…责任单位…）": "（" * 20 + "责任单位：市财政局" + "）" * 20,
    "one long line": "深圳市人民政府关于印发若干措施的通知给予最高20万元奖励，（责任单位：市商务局）" * 30,
    "addressee run-on": "各区人民政府，" * 200,
    "money chain": "1万元至" * 250,
    "date chain": "2024年5月18日至" * 100,
    "pinyin glosses": "環(huán)" * 300,
    "zero-width / NUL": "\u200b\x00深圳" * 400,
}


def per_char(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        sztext.parse_archive(text)
        best = min(best, time.perf_counter() - t)
    return best / len(text) * 1e6


def main() -> None:
    sztext.parse("预热")
    print(f"{'input':<26} {'1×':>9} {'10×':>9} {'100×':>9}   µs per character")
    for name, unit in UNITS.items():
        row = []
        for k in (1, 10, 100):
            sep = "\n" if name.startswith("seed") else ""
            row.append(per_char(sep.join([unit] * k)))
        flat = "flat" if row[2] < 3 * row[0] + 1 else "GROWS"
        print(f"{name:<26} {row[0]:>9.2f} {row[1]:>9.2f} {row[2]:>9.2f}   {flat}")


if __name__ == "__main__":
    main()
