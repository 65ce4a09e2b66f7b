"""Speed per input class (issue 19), in CPU time, as ratios to references run in the same process.

For each class of input the full parse (``sztext.parse_file`` of every file, or
``parse_archive`` of seed 004 repeated) is timed with ``time.process_time`` (the machine is
shared: wall time counts the other processes), best of ``repeat`` runs. Over the same loaded
text the references are one ``re`` money scan and ``jieba.lcut``. The ratios printed:

* ``× re``: parse CPU time / one re scan's CPU time (lower is better; the issue's aim is ≤ 50
  for seed 004, the compass 10);
* ``× jieba``: sztext's characters per second / jieba.lcut's (higher is better; aim ≥ 1.5).

``python bench/classes.py [--repeat 3]`` prints the table; ``bench/speed.py`` (``make bench``)
prints it too and writes it into docs/performance.md.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sztext  # noqa: E402
from sztext.load import load_path  # noqa: E402

SHARED = Path("/work/shared")
SEED = ROOT / "samples" / "004_dc8ab61eb0bb8ed1.txt"
MONEY_RE = re.compile(r"\d+(?:\.\d+)?[万亿]?元")
HELD_OUT = re.compile(r"\d{3}[37]_")  # devcorpus evaluation files: not used here


def cpu(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def classes() -> dict[str, tuple[list[Path], str | None]]:
    """Input class -> (files to parse_file, or [] with the text to parse_archive)."""
    corpus = sorted((SHARED / "corpus").glob("*")) if (SHARED / "corpus").is_dir() else []
    dev = SHARED / "devcorpus" / "docs"
    dumps = sorted(p for p in dev.glob("*_pagetext.txt") if not HELD_OUT.match(p.name)) if dev.is_dir() else []
    seed = SEED.read_text(encoding="utf-8")
    return {
        "seed 004 ×4 (archive text)": ([], "\n".join([seed] * 4)),
        "corpus text files": ([p for p in corpus if p.suffix == ".txt" and "pagetext" not in p.name], None),
        "corpus HTML pages": ([p for p in corpus if p.suffix == ".html"], None),
        "page dumps (pagetext)": ([p for p in corpus if "pagetext" in p.name] + dumps, None),
    }


def measure(repeat: int = 3, jieba_on: bool = True) -> list[tuple[str, int, float, float, float | None]]:
    """Rows: class, characters, M chars/s, × re, × jieba (None without jieba)."""
    lcut: Callable[[str], object] | None = None
    if jieba_on:
        import jieba

        jieba.setLogLevel(60)
        jieba.initialize()
        lcut = jieba.lcut
    rows = []
    for name, (files, text) in classes().items():
        if text is not None:
            texts = [text]
            run: Callable[[], object] = lambda text=text: sztext.parse_archive(text)
        else:
            if not files:
                continue
            texts = [load_path(p).text for p in files]
            run = lambda files=files: [sztext.parse_file(p) for p in files]
        run()  # warm: grammar loaded, derived tables built
        n = sum(len(t) for t in texts)
        t_parse = cpu(run, repeat)
        # the reference is short (ms): 10 scans per timing, best of 7
        t_re = cpu(lambda: [sum(1 for _ in MONEY_RE.finditer(t)) for _ in range(10) for t in texts], 7) / 10
        x_jieba = None
        if lcut is not None:
            t_j = cpu(lambda: [lcut(t) for t in texts], 2)
            x_jieba = t_j / t_parse
        rows.append((name, n, n / t_parse / 1e6, t_parse / t_re, x_jieba))
    return rows


def table(rows: list[tuple[str, int, float, float, float | None]]) -> str:
    out = [f"{'input (CPU time)':<30} {'chars':>9} {'M chars/s':>10} {'× re scan':>10} {'× jieba speed':>14}"]
    for name, n, rate, x_re, x_j in rows:
        j = f"{x_j:>13.2f}×" if x_j is not None else f"{'-':>14}"
        out.append(f"{name:<30} {n:>9,} {rate:>10.2f} {x_re:>9.1f}× {j}")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-jieba", action="store_true")
    args = ap.parse_args()
    print(table(measure(args.repeat, not args.no_jieba)))


if __name__ == "__main__":
    main()
