"""The pipeline's shape stays visible (STYLE.md G1/G2): stages import only earlier stages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sztext"

# Order of the stages; a module may import modules of its own rank or lower only.
RANK = {
    "errors": 0, "models": 1, "grammar": 1,
    "load": 2, "normalize": 3, "mojibake": 3, "segment": 4, "tokenize": 5, "extract": 6, "values": 6, "header": 6, "assemble": 7,
    "pipeline": 8, "export": 9, "batch": 10, "workers": 10, "engine": 10, "dask": 10, "cli": 11, "__main__": 12, "__init__": 12,
}


def _module_key(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            depth = node.level - (1 if len(path.relative_to(PACKAGE).parts) > 1 else 0)
            if depth >= 1 and node.module:
                found.append(node.module.split(".")[0])
            elif depth >= 1:
                found.extend(alias.name for alias in node.names)
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_backward_imports(path: Path) -> None:
    me = _module_key(path)
    assert me in RANK, f"{me} has no rank in tests/test_architecture.py: add it"
    for target in _imports(path):
        if target in RANK and target != me:
            assert RANK[target] <= RANK[me], f"{me} (stage {RANK[me]}) imports {target} (stage {RANK[target]})"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= 650, f"{path.name} has {lines} lines: split it (STYLE.md G30)"


def test_import_does_no_io_or_grammar_work() -> None:
    """``import sztext`` must not load grammars or jieba (cold start, anti-pattern 1)."""
    import subprocess
    import sys

    code = "import sys, sztext, sztext.grammar as g; print(len(g._CACHE), 'jieba' in sys.modules, 'opencc' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "False", "False"]
