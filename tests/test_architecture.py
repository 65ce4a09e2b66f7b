"""The pipeline's shape stays visible (STYLE.md G1/G2): stages import only earlier stages."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sztext"

# Order of the stages; a module may import modules of its own rank or lower only.
RANK = {
    "errors": 0, "chars": 0, "models": 1, "sections": 1, "grammarcache": 1, "wordfreq": 1, "grammar": 1, "budget": 1, "numerals": 1,
    "load": 2, "normalize": 3, "mojibake": 3, "segment": 4, "tokenize": 5, "extract": 6, "values": 6, "header": 6, "assemble": 7,
    "pipeline": 8, "export": 9, "batch": 10, "progress": 10, "workers": 10, "engine": 10, "dask": 10, "cli": 11, "__main__": 12, "__init__": 12,
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


# --- heading shapes live only in grammars/headings.toml (compiled by sztext/grammar.py) ----------

_RE_CALLS = {"compile", "match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
# lines that start no heading: a pattern that matches one of them is not a heading shape
# a plain line may open with punctuation (《…》已经…同意, the usual opening of a 印发 notice): a
# character class of non-word characters (an id sanitizer) reads no heading marker
_PLAIN_LINES = ["为进一步优化营商环境，现提出如下措施。", "《关于进一步优化营商环境的若干措施》已经市政府同意，现印发给你们。", "各区人民政府，市政府直属各单位：", "2024年6月1日", "深圳市人民政府", "附件", "abc"]


def _python_patterns(path: Path) -> list[tuple[int, str]]:
    """The literal patterns ``re``/``regex`` calls get in a module: a string, or the name of a
    module-level string constant (dynamic patterns are built from the grammar)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    constants[target.id] = node.value.value
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _RE_CALLS and node.args):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id in ("re", "regex")):
            continue
        arg = node.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            found.append((node.lineno, arg.value))
        elif isinstance(arg, ast.Name) and arg.id in constants:
            found.append((node.lineno, constants[arg.id]))
    return found


@functools.lru_cache(maxsize=1)
def _heading_lines() -> list[tuple[str, str]]:
    """(rule id, view line) for every example of a line-start rule of headings.toml."""
    import sztext
    from sztext.normalize import normalize

    grammar = sztext.load_grammar()
    return [
        (rule.id, normalize(example.text, grammar).text.lstrip(" "))
        for rule in grammar.headings.line
        for example in rule.spec.examples
    ]


def _is_heading_shape(pattern: str, lines: list[tuple[str, str]]) -> bool:
    """The pattern matches at the start of example lines of two heading styles and of no plain line."""
    import regex

    try:
        compiled = regex.compile(pattern, regex.MULTILINE)
    except regex.error:
        return False
    styles = {rule_id for rule_id, line in lines if compiled.match(line)}
    return len(styles) >= 2 and not any(compiled.match(line) for line in _PLAIN_LINES)


def test_the_heading_shape_check_can_fail() -> None:
    lines = _heading_lines()
    # segment's own list of heading starts, before grammar.headings (removed in this change)
    old = r"^[ ]*(?:[零〇一二三四五六七八九十]{1,3}、|\([零〇一二三四五六七八九十]{1,3}\)|[0-9]{1,3}[.、]|第[零〇一二三四五六七八九十百]{1,5}[章条节])"
    assert _is_heading_shape(old, lines)
    assert _is_heading_shape(r"第[一二三四五六七八九十]+[章节条]", lines)
    assert not _is_heading_shape(r"^[ ]*(?:19|20)[0-9]{2}[ ]*年", lines)  # a date start
    assert not _is_heading_shape(r"\S+", lines)  # matches anything


@pytest.mark.parametrize("path", [p for p in MODULES if p.name != "grammar.py"], ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_heading_pattern_compiled_in_python(path: Path) -> None:
    """Heading shapes live in grammars/headings.toml only: segment and tokenize ask
    ``Grammar.headings`` (compiled by sztext/grammar.py); a pattern in Python that reads
    heading markers would be a second copy that a TOML edit does not reach."""
    lines = _heading_lines()
    shapes = [(line, p) for line, p in _python_patterns(path) if _is_heading_shape(p, lines)]
    assert shapes == [], f"{path.name} compiles heading patterns (move them to grammars/headings.toml): {shapes}"


# --- Chinese numerals are read by sztext/numerals.py and matched by grammar rules only ------------

_NUMERAL_CHARS = frozenset("零〇一二三四五六七八九十百千两")


def _is_numeral_pattern(pattern: str) -> bool:
    """The pattern spells out Chinese numerals: three or more numeral characters in one character
    class ([一二三…], 第[零〇一…]条) or as alternatives (一|二|三). A word with one numeral in it
    (第一批, 三年) is not one."""
    import regex

    classes = regex.findall(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]", pattern)
    if any(len(_NUMERAL_CHARS & set(body)) >= 3 for body in classes):
        return True
    alternatives = regex.findall(r"(?:^|(?<=[|(:]))([零〇一二三四五六七八九十百千两])(?=[|)])", pattern)
    return len(set(alternatives)) >= 3


# the paged loader's list of block starts, before grammars/layout.toml block_start (commit 51932fc)
_OLD_PAGED_MARKER = (
    '_MARKER = re.compile(r"^[ \\t\\u3000]*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\\d]+[）)]|'
    '\\d+[.．、]|第[一二三四五六七八九十百零〇\\d]+[条章节部分]|附件|抄送|[■●◆]|#)")\n'
    "_MARKER.match(text)\n"
)


def test_the_numeral_check_can_fail(tmp_path: Path) -> None:
    old = tmp_path / "paged.py"
    old.write_text("import re\n" + _OLD_PAGED_MARKER, encoding="utf-8")
    assert [line for line, p in _python_patterns(old) if _is_numeral_pattern(p)] == [2]  # the compile line
    assert _is_numeral_pattern(r"第(?:一|二|三|四)批")
    assert not _is_numeral_pattern(r"第一批|三年行动")  # words with a numeral in them
    assert not _is_numeral_pattern(r"[ \u3000]{2}")
    assert not _is_numeral_pattern(r"^[ ]*(?:19|20)[0-9]{2}[ ]*年")  # Arabic digits: not spelled numerals


# grammar.py compiles the grammar's rules
_NUMERAL_EXEMPT = {"grammar.py"}


@pytest.mark.parametrize("path", [p for p in MODULES if p.name not in _NUMERAL_EXEMPT], ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_numeral_pattern_compiled_in_python(path: Path) -> None:
    """Chinese numerals are matched by grammar rules (headings.toml, layout.toml, money.toml …)
    and read by sztext.numerals: a numeral pattern in Python is a second copy a TOML edit does
    not reach (the paged loader's block starts were one)."""
    found = [(line, p) for line, p in _python_patterns(path) if _is_numeral_pattern(p)]
    assert found == [], f"{path.name} compiles numeral patterns (move them to the grammar section they belong to): {found}"


# --- a module's private names stay in it ----------------------------------------------------------


def _private_imports(source: str) -> list[tuple[int, str]]:
    """(line, "module.name") for every ``from X import _name``: a name another module needs is
    public in the module that owns it (STYLE.md: no import of another module's private names)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            module = "." * node.level + (node.module or "")
            found.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names if alias.name.startswith("_") and not alias.name.startswith("__"))
    return found


def test_the_private_import_check_can_fail() -> None:
    # archive.py's imports from cues.py and rules.py before their names were made public
    old = "from .cues import (\n    _COVER_KINDS,\n    separator,\n)\nfrom .rules import _prep, may\n"
    assert _private_imports(old) == [(1, ".cues._COVER_KINDS"), (5, ".rules._prep")]
    assert _private_imports("from .rules import prep as _prep\nfrom __future__ import annotations\n") == []  # a public name, bound privately


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_name_imported_across_modules(path: Path) -> None:
    found = _private_imports(path.read_text(encoding="utf-8"))
    assert found == [], f"{path.name} imports private names of other modules (make them public where they live): {found}"
