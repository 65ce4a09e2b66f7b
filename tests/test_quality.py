"""The accuracy floors of bench/quality.py hold (STYLE.md G38): a change that makes a field
worse against the reviewed goldens fails here, even where no single test names that case."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quality_floors_hold() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "quality.py"), "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
