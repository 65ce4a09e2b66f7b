"""Load, validate and compile the TOML grammars: the knowledge lives in data, not in code.

A grammar directory holds ``*.toml`` files (see docs/grammar-format.md); a user's directory is an
overlay on the shipped one. Each file is read with ``tomllib`` and validated with pydantic
(:mod:`sztext.sections`; a bad file raises :class:`GrammarError` naming the file, rule and
field), the layers merged, ``${var}`` fragments expanded, and every regex compiled once. The
result, :class:`Grammar`, is immutable, picklable and identified by a sha256 digest of the files.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import os
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, NoReturn, Sequence, TypeVar, cast

import regex

from .errors import GrammarError, RegexTimeoutError
from .grammarcache import cache_dir, cache_key, read_cached, write_cached, write_with_derived
from .sections import (
    LEXICON_DIR,
    AgencyFileSpec,
    AgencySpec,
    GrammarFileSpec,
    GrammarFiles,
    JurisdictionLevel,
    RuleSpec,
    Section,
    TableValue,
    check_anchored,
    check_sections,
    merge_section,
    parse_file,
    read_directory,
)

__all__ = ["FrozenDict", "Grammar", "Rule", "Agency", "Jurisdiction", "Headings", "TableValue", "JurisdictionLevel", "load_grammar", "default_grammar_dir"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenDict(dict[_K, _V]):
    """A dict that refuses changes: the tables, lists, rules and tags of a :class:`Grammar`.

    A compiled grammar is shared (``load_grammar`` returns the cached one to every caller and
    pipeline), so writing into one of its tables would silently change every parse in the
    process; this makes that an error. Reads are plain dict reads; it pickles as a dict.

    >>> FrozenDict({"元": "CNY"})["元"] = "USD"
    Traceback (most recent call last):
    TypeError: a compiled grammar is read-only: change the TOML file and load it again
    """

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("a compiled grammar is read-only: change the TOML file and load it again")

    __setitem__ = _refuse
    __delitem__ = _refuse
    update = _refuse
    setdefault = _refuse
    pop = _refuse
    popitem = _refuse
    clear = _refuse
    __ior__ = _refuse

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (dict(self),))

    def copy(self) -> dict[_K, _V]:
        """A plain, mutable copy."""
        return dict(self)


_VAR = regex.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
REGEX_TIMEOUT = 5.0  # seconds one match call of one rule over a long span may take before it is stopped
LONG_SPAN = 512  # characters: a grammar rule's call over a longer span runs under REGEX_TIMEOUT


class GuardedPattern:
    """A compiled pattern whose calls over long spans run with the ``regex`` module's timeout.

    A runaway match (catastrophic backtracking on hostile input) raises
    :class:`RegexTimeoutError` naming the rule instead of hanging a batch. Every grammar
    pattern is reviewed to run in linear time; this is the guard if one does not.

    The timeout set-up reads the CPU clock (a system call, ~1–3 µs, more than most matches
    cost), so a call whose span — ``endpos - pos``, the rest of the string without ``endpos`` —
    is at most ``long_span`` characters runs without it: on a short span a linear pattern is
    bounded, and what many short calls add up to is bounded by the document's time budget
    (:mod:`sztext.budget`). ``long_span=0`` (the default) guards every call; the grammar's rules
    are compiled with :data:`LONG_SPAN`.
    """

    __slots__ = ("compiled", "rule_id", "timeout", "long_span")

    def __init__(self, compiled: regex.Pattern[str], rule_id: str, timeout: float = REGEX_TIMEOUT, long_span: int = 0) -> None:
        self.compiled = compiled
        self.rule_id = rule_id
        self.timeout = timeout
        self.long_span = long_span

    @property
    def pattern(self) -> str:
        return str(self.compiled.pattern)

    @property
    def flags(self) -> int:
        return int(self.compiled.flags)

    @property
    def groups(self) -> int:
        return int(self.compiled.groups)

    @property
    def groupindex(self) -> Mapping[str, int]:
        return dict(self.compiled.groupindex)

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        if (len(string) if endpos is None else endpos) - pos <= self.long_span:
            return self.compiled.search(string, pos, endpos)
        try:
            return self.compiled.search(string, pos, endpos, timeout=self.timeout)
        except TimeoutError:
            raise RegexTimeoutError(self.rule_id, self.timeout) from None

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        if (len(string) if endpos is None else endpos) - pos <= self.long_span:
            return self.compiled.match(string, pos, endpos)
        try:
            return self.compiled.match(string, pos, endpos, timeout=self.timeout)
        except TimeoutError:
            raise RegexTimeoutError(self.rule_id, self.timeout) from None

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        if (len(string) if endpos is None else endpos) - pos <= self.long_span:
            return self.compiled.fullmatch(string, pos, endpos)
        try:
            return self.compiled.fullmatch(string, pos, endpos, timeout=self.timeout)
        except TimeoutError:
            raise RegexTimeoutError(self.rule_id, self.timeout) from None

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
        if (len(string) if endpos is None else endpos) - pos <= self.long_span:  # the engine's iterator, no generator frame per match
            return cast(Iterator[regex.Match[str]], self.compiled.finditer(string, pos, endpos))
        return self._timed_finditer(string, pos, endpos)

    def _timed_finditer(self, string: str, pos: int, endpos: int | None) -> Iterator[regex.Match[str]]:
        try:
            yield from self.compiled.finditer(string, pos, endpos, timeout=self.timeout)
        except TimeoutError:
            raise RegexTimeoutError(self.rule_id, self.timeout) from None

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        if len(string) <= self.long_span:
            return str(self.compiled.sub(repl, string, count))
        try:
            return str(self.compiled.sub(repl, string, count, timeout=self.timeout))
        except TimeoutError:
            raise RegexTimeoutError(self.rule_id, self.timeout) from None

    def __reduce__(self) -> tuple[Any, ...]:
        return (GuardedPattern, (self.compiled, self.rule_id, self.timeout, self.long_span))

    # by the pattern's text and flags, not the compiled object: a grammar read back from the disk
    # cache (sztext.grammarcache) holds compiled objects that compare unequal to freshly compiled ones
    def __eq__(self, other: object) -> bool:
        return isinstance(other, GuardedPattern) and (self.pattern, self.flags, self.rule_id) == (other.pattern, other.flags, other.rule_id)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags, self.rule_id))


@dataclass(frozen=True)
class Rule:
    """A compiled rule: its id, regex (time-guarded), prefilter anchors and tags."""

    id: str
    pattern: GuardedPattern
    anchors: tuple[str, ...]
    tags: Mapping[str, TableValue]
    spec: RuleSpec

    def may_match(self, text: str) -> bool:
        """Prefilter: False only when no anchor occurs, so the rule cannot match (G6)."""
        return not self.anchors or any(a in text for a in self.anchors)

    @functools.cached_property
    def anchor_finder(self) -> regex.Pattern[str] | None:
        """The anchors as one :func:`literal_finder` (``None`` for a rule without anchors)."""
        return literal_finder(self.anchors)

    def anchor_within(self, text: str, pos: int, endpos: int) -> bool:
        """Prefilter at one place: False only when no anchor occurs in ``text[pos:endpos]``."""
        finder = self.anchor_finder
        return finder is None or finder.search(text, pos, endpos) is not None


@dataclass(frozen=True)
class Agency:
    """A lexicon entry: canonical name and every name that refers to it (with validity)."""

    canonical: str
    names: tuple[str, ...]
    level: str
    valid_from: _dt.date | None
    valid_to: _dt.date | None
    jurisdiction: str | None = None  # the name of the place whose lexicon holds the entry
    below: tuple[str, ...] = ()  # the names also valid in documents of lower jurisdictions


@dataclass(frozen=True)
class Jurisdiction:
    """A place with an agency lexicon (the ``[jurisdiction]`` block of its file)."""

    name: str
    level: str
    parent: str | None
    names: tuple[str, ...]
    prefixes: Mapping[str, str]
    codes: tuple[str, ...]
    file: str
    exact_codes: tuple[str, ...] = ()  # 文号 agency codes that name the place only as the whole code


def literal_finder(words: Iterable[str]) -> regex.Pattern[str] | None:
    """A pattern that finds any of ``words``, longest first (``word in s`` for all of them in one
    scan); ``None`` for no words. Literals only: it cannot backtrack, and runs unguarded."""
    ordered = sorted(words, key=len, reverse=True)
    if not ordered:
        return None
    return regex.compile("|".join(regex.escape(w) for w in ordered))


# What a rule may not hold to be joined with others: a backreference (its number would change)
# or an inline flag group (it would apply to the whole alternation).
_BACKREF_OR_FLAGS = r"\\[1-9]|\\g<|\(\?P=|\(\?[a-zA-Z-]+\)"


def alternation(rules: Sequence[Rule], *, tagged: bool = False) -> GuardedPattern | None:
    """One pattern that matches where any of ``rules`` does (their alternation), to make one
    pattern call instead of one per rule. ``None`` when the rules cannot be joined without
    changing what they mean (backreferences, inline flag groups, different flags). Rules read
    right to left (``(?r)…``) are joined when all of them are. Like every grammar pattern it runs
    under the regex timeout.

    With ``tagged``, branch ``k`` ends in an empty group ``_sz_k``: at a given offset the
    alternation takes the first rule (in order) that matches there, and the tag that took part
    in the match names it (``lastgroup`` for rules read left to right).

    An alternation is not always faster than its rules one by one (the ``regex`` module loses
    a rule's literal-prefix search in it): use it where measured.
    """
    if not rules or any(r.pattern.flags != rules[0].pattern.flags for r in rules):
        return None
    flags = rules[0].pattern.flags
    # (?r) at the start is the rule's direction, already in its flags: joined, it applies to all
    sources = [r.pattern.pattern.removeprefix("(?r)") if flags & regex.REVERSE else r.pattern.pattern for r in rules]
    if any(re.search(_BACKREF_OR_FLAGS, src) for src in sources):
        return None
    if tagged and any("_sz_" in src for src in sources):
        return None
    branches = (f"(?:{src})" + (f"(?P<_sz_{k}>)" if tagged else "") for k, src in enumerate(sources))
    try:
        compiled = regex.compile("|".join(branches), flags)
    except regex.error:
        return None
    return GuardedPattern(compiled, "|".join(r.id for r in rules), rules[0].pattern.timeout, min(r.pattern.long_span for r in rules))


@dataclass(frozen=True)
class Headings:
    """The ``headings`` section compiled for the stages: the only place heading shapes live.

    ``line`` are the rules that start a line, ``mid`` the ones tagged ``midline`` (a marker
    inside a run-on line). ``line_first`` is their tagged :func:`alternation`: one match call
    says whether any line-start style opens a line (most lines open none) and names the first
    rule, in file order, that does. The line classifier (a heading line is not a title) and
    tokenize (where a heading node starts) both ask it, so a style added to headings.toml is
    cut by the pipeline without a Python change.
    """

    line: tuple[Rule, ...]
    mid: tuple[Rule, ...]
    line_first: GuardedPattern | None
    tags: tuple[int, ...]  # the tag groups' numbers in ``line_first``, one per rule of ``line``
    styles: Mapping[str, tuple[str, str, str]]  # rule id → style (id without _midline/_sequel/_attached), node kind, numeral

    def at_line_start(self, text: str, start: int = 0, end: int | None = None) -> tuple[Rule, regex.Match[str]] | None:
        """The first line-start heading rule (file order) that matches at ``start``, and its match."""
        end = len(text) if end is None else end
        if self.line_first is not None:
            first = self.line_first.match(text, start, end)
            if first is None:
                return None
            names = first.group(*self.tags) if len(self.tags) > 1 else (first.group(self.tags[0]),)
            rule = self.line[names.index("")]
            m = rule.pattern.match(text, start, end)
            if m is not None:  # the rule it names matches here, and no rule before it does
                return rule, m
        for rule in self.line:
            m = rule.pattern.match(text, start, end)
            if m:
                return rule, m
        return None

    def starts_line(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """A heading style of the section opens the line at ``start``."""
        end = len(text) if end is None else end
        if self.line_first is not None:
            return self.line_first.match(text, start, end) is not None
        return any(rule.pattern.match(text, start, end) for rule in self.line)


def _build_headings(grammar: Grammar) -> Headings:
    rules = grammar.rules_of("headings")
    line = tuple(r for r in rules if not r.tags.get("midline"))
    mid = tuple(r for r in rules if r.tags.get("midline"))
    first = alternation(line, tagged=True)
    tags = tuple(first.groupindex[f"_sz_{k}"] for k in range(len(line))) if first is not None else ()
    styles = {
        r.id: (r.id.removesuffix("_midline").removesuffix("_sequel").removesuffix("_attached"), str(r.tags["kind"]), str(r.tags.get("numeral", "cn")))
        for r in rules if "kind" in r.tags
    }
    return Headings(line, mid, first, tags, styles)


_D = TypeVar("_D")


@dataclass(frozen=True)
class Grammar:
    """An immutable, picklable compiled grammar. Share it freely across threads and processes."""

    directory: str
    digest: str
    rules: Mapping[str, tuple[Rule, ...]]
    tables: Mapping[str, Mapping[str, Mapping[str, TableValue]]]
    lists: Mapping[str, Mapping[str, tuple[str, ...]]]
    agencies: tuple[Agency, ...] = field(default=())
    by_id: Mapping[str, Rule] = field(default_factory=dict)
    jurisdictions: Mapping[str, Jurisdiction] = field(default_factory=dict)  # by place name
    # What the stages build from the grammar (lexicons, combined patterns, the view table): kept
    # here, with the grammar it comes from, not in module-level caches. Not pickled (a worker
    # builds its own) but kept in the disk cache's file (persist_derived).
    _derived: dict[Callable[[Grammar], Any], Any] = field(default_factory=dict, compare=False, repr=False)
    _stored: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # its cache file (persist_derived)

    def derived(self, build: Callable[[Grammar], _D]) -> _D:
        """``build(self)``, computed once per grammar and kept with it.

        ``build`` must be a pure function of the grammar (a module-level function, so it is the
        same object every time): two threads that race may both build it, and get equal values.
        """
        try:
            return self._derived[build]  # type: ignore[no-any-return]
        except KeyError:
            value = self._derived[build] = build(self)
            return value

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_derived"] = {}
        state["_stored"] = {}
        return state

    def persist_derived(self) -> None:
        """Write the derived tables into this grammar's disk cache file when it lacks some (cheap if not)."""
        if "key" in self._stored and len(self._derived) > self._stored["saved"]:
            self._stored["saved"] = len(self._derived)
            write_with_derived(self._stored["key"], self, dict(self._derived))

    @property
    def headings(self) -> Headings:
        """The ``headings`` section compiled for segment and tokenize (built once per grammar)."""
        return self.derived(_build_headings)

    def rules_of(self, file: str) -> tuple[Rule, ...]:
        """The compiled rules of one grammar file (by stem, e.g. ``"money"``), in file order."""
        return self.rules.get(file, ())

    def rule(self, rule_id: str) -> Rule:
        """One rule by id (``"docnumber.bracket"``).

        Raises:
            GrammarError: the grammar has no such rule (a ``standalone`` grammar directory
                must hold every rule the pipeline uses; an overlay has the shipped ones).
        """
        try:
            return self.by_id[rule_id]
        except KeyError:
            raise GrammarError(self.directory, rule_id, "rule not found: a standalone grammar must hold every rule the pipeline uses (or load the directory as an overlay on the shipped grammar)") from None

    def table(self, file: str, name: str) -> Mapping[str, TableValue]:
        """A lookup table of a grammar file, e.g. ``table("money", "currency")``."""
        return self.tables.get(file, {}).get(name, {})

    def word_list(self, file: str, name: str) -> tuple[str, ...]:
        """A word list of a grammar file, e.g. ``word_list("doctypes", "types")``."""
        return self.lists.get(file, {}).get(name, ())


def default_grammar_dir() -> Path:
    """The grammars shipped with sztext: inside the wheel, or ``grammars/`` of a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "grammars", here.parent / "grammars"):
        if candidate.is_dir():
            return candidate
    raise GrammarError(str(here / "grammars"), None, "no grammar directory found")


_CACHE: dict[str, Grammar] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 16  # compiled grammars kept: the shipped one, overlays, recent edits


def load_grammar(directory: str | os.PathLike[str] | None = None, *, standalone: bool = False) -> Grammar:
    """Load and compile a grammar (the shipped one by default).

    A user's directory is an *overlay* on the shipped grammar: it holds only the files it adds or
    changes (``agencies/hangzhou.toml``, a ``headings.toml`` with one new style), merged onto the
    shipped files (:func:`~sztext.sections.merge_section`: a rule with a shipped rule's id
    replaces it, a new rule is appended; a table, list or fragment of the same name replaces the
    shipped one; an agency file replaces the shipped file of the same name). With
    ``standalone=True`` the directory is the whole grammar.

    The result is cached by the sha256 digest of the files' contents, so an edited file is
    always reloaded. A second call reads no file: when every file's stat (mtime, ctime, size,
    inode; and the set of files) is the one seen when the digest was computed, the cached
    grammar is returned (~0.05 ms instead of reading and hashing every file, ~0.5 ms); any
    change re-reads and re-hashes, and files written in the last two seconds are always
    re-read (an edit within one clock tick can keep mtime and size).

    Args:
        directory: a folder of ``*.toml`` grammar files; ``None`` for the shipped grammars.
        standalone: the directory is the whole grammar, not an overlay on the shipped one.
    Returns:
        The compiled :class:`Grammar`.
    Raises:
        GrammarError: not a directory path, no grammar file in it, a file that is not valid
            TOML, fails the schema, has a bad regex, or lacks what the pipeline reads.

    >>> g = load_grammar()
    >>> g.rule("docnumber.bracket").pattern.search("深府规[2024]6号") is not None  # rules match the view
    True
    """
    if directory is not None and not isinstance(directory, (str, os.PathLike)):
        raise GrammarError(repr(directory), None, f"a grammar directory is a path (str or pathlib.Path), not {type(directory).__name__}")
    shipped = default_grammar_dir()
    path = Path(directory) if directory is not None else shipped
    key = (str(path), standalone)
    stamp = _stamp(path, shipped, standalone)
    if stamp is not None:
        with _CACHE_LOCK:
            known = _STAMPS.get(key)
            cached = _CACHE.get(known[1]) if known is not None and known[0] == stamp else None
        if cached is not None:
            return cached
    grammar = _load(path, shipped, standalone)
    if stamp is not None and stamp == _stamp(path, shipped, standalone) and not _racy(stamp):
        with _CACHE_LOCK:
            _STAMPS[key] = (stamp, grammar.digest)
    return grammar


# (directory, standalone) → (the files' stat fingerprint, the digest of their content then)
_STAMPS: dict[tuple[str, bool], tuple[tuple[tuple[str, int, int, int, int], ...], str]] = {}
_RACY_NS = 2_000_000_000  # a file changed this recently may change again within its mtime tick


def _stamp(path: Path, shipped: Path, standalone: bool) -> tuple[tuple[str, int, int, int, int], ...] | None:
    """The stat fingerprint (name, mtime, ctime, size, inode) of the grammar files of ``path``
    and, for an overlay, of the shipped files: what :func:`read_directory` reads, by ``stat``
    only. ``None`` when an entry is not a plain readable layout (the full read reports it)."""
    found: list[tuple[str, int, int, int, int]] = []
    dirs = [path] if standalone or path == shipped else [shipped, path]
    try:
        for n, top in enumerate(dirs):
            for folder in (top, top / LEXICON_DIR):
                try:
                    entries = sorted(os.scandir(folder), key=lambda e: e.name)
                except FileNotFoundError:
                    if folder is top:
                        return None
                    continue
                except NotADirectoryError:
                    return None
                for e in entries:
                    if e.name.startswith(".") or not e.name.endswith(".toml"):
                        continue
                    st = e.stat()
                    if not e.is_file():
                        return None
                    found.append((f"{n}:{e.path}", st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino))
    except OSError:
        return None
    return tuple(found) if found else None


def _racy(stamp: tuple[tuple[str, int, int, int, int], ...]) -> bool:
    """A file written in the last two seconds (an edit within one clock tick can keep its mtime and size): hash it again."""
    now = time.time_ns()
    return any(now - max(mtime, ctime) < _RACY_NS for _, mtime, ctime, _, _ in stamp)


def _load(path: Path, shipped: Path, standalone: bool) -> Grammar:
    """Read the files, and compile them when their content digest is new."""
    own = read_directory(path)
    if not own:
        raise GrammarError(str(path), None, "no *.toml grammar files in this directory")
    layers = [own]
    if not standalone and path.resolve() != shipped.resolve():
        layers.insert(0, read_directory(shipped))
    sha = hashlib.sha256()
    for n, layer in enumerate(layers):
        if n:
            sha.update(b"\0overlay\0")
        for stem, (_, data) in layer.items():
            sha.update(stem.encode() + b"\0" + data + b"\0")
    digest = sha.hexdigest()
    with _CACHE_LOCK:
        cached = _CACHE.get(digest)
    if cached is not None:
        return cached
    key = cache_key(digest, str(path), standalone)
    stored = read_cached(key)  # an earlier process's compiled grammar and derived tables (sztext.grammarcache)
    grammar, derived, built = stored if isinstance(stored, tuple) and len(stored) == 3 and isinstance(stored[1], dict) else (None, {}, 0)
    if not isinstance(grammar, Grammar) or grammar.digest != digest:
        grammar, derived, built = _compile(str(path), digest, layers), {}, 0
        write_cached(key, (grammar, derived, built))
    grammar._derived.update(derived)
    if cache_dir() is not None:  # built: the tables the writer had, a table that does not pickle too
        grammar._stored.update(key=key, saved=max(built, len(derived)))
    with _CACHE_LOCK:
        _CACHE[digest] = grammar
        while len(_CACHE) > _CACHE_SIZE:  # the oldest first: an edited grammar's old versions
            del _CACHE[next(iter(_CACHE))]
    return grammar


def _compile(directory: str, digest: str, layers: Sequence[GrammarFiles]) -> Grammar:
    sections: dict[str, Section] = {}
    lexicons: dict[str, tuple[Path, bytes]] = {}
    for layer in layers:
        for stem, (file, data) in layer.items():
            if stem.startswith(LEXICON_DIR + "/"):
                lexicons[stem] = (file, data)  # an agency file replaces the one of the same name
                continue
            spec = parse_file(file, data, GrammarFileSpec)
            merge_section(sections.setdefault(stem, Section(stem)), spec, str(file))
    rules: dict[str, tuple[Rule, ...]] = {}
    tables: dict[str, dict[str, dict[str, TableValue]]] = {}
    lists: dict[str, dict[str, tuple[str, ...]]] = {}
    agencies: list[Agency] = []
    jurisdictions: dict[str, Jurisdiction] = {}
    for stem, section in sections.items():
        variables = _expand_vars(section.file, section.vars)
        compiled = []
        for rule, origin in section.rules:
            # ids start with their file's stem, so two files never hold the same id
            if rule.id.split(".", 1)[0] != stem:
                raise GrammarError(origin, rule.id, f"rule ids in {stem}.toml must start with '{stem}.'")
            pattern = _substitute(origin, rule.id, rule.pattern, variables)
            try:
                # MULTILINE: ^ and $ are line anchors, also when a scan starts at a line's offset
                compiled_pattern = regex.compile(pattern, regex.MULTILINE)
            except regex.error as exc:
                raise GrammarError(origin, rule.id, f"[pattern] does not compile: {exc}") from exc
            check_anchored(origin, rule.id, rule.anchored, pattern, bool(compiled_pattern.flags & regex.WORD))
            compiled.append(Rule(rule.id, GuardedPattern(compiled_pattern, rule.id, long_span=LONG_SPAN), tuple(rule.anchors), FrozenDict(rule.tags), rule))
        rules[stem] = tuple(compiled)
        tables[stem] = section.tables
        lists[stem] = {name: tuple(words) for name, words in section.lists.items()}
        if section.agency:
            # a lexicon in a top-level file (the layout before agencies/<place>.toml): its place is the full name of its [table.city]
            city = section.tables.get("city", {})
            full, short = str(city.get("full", "")), str(city.get("short", ""))
            if full and full not in jurisdictions:
                prefixes = {short: full} if short else {}
                jurisdictions[full] = Jurisdiction(full, "prefecture", None, (), FrozenDict(prefixes), (), section.file)
            agencies.extend(_entries(section.agency, full or None))
    for path, data in lexicons.values():
        _add_lexicon(path, data, jurisdictions, agencies)
    by_id = {rule.id: rule for compiled in rules.values() for rule in compiled}
    check_sections(directory, sections, {rule_id: frozenset(rule.pattern.groupindex) for rule_id, rule in by_id.items()})
    return Grammar(
        directory, digest, FrozenDict(rules),
        FrozenDict({stem: FrozenDict({name: FrozenDict(t) for name, t in by_name.items()}) for stem, by_name in tables.items()}),
        FrozenDict({stem: FrozenDict(by_name) for stem, by_name in lists.items()}),
        tuple(agencies), FrozenDict(by_id), FrozenDict(jurisdictions),
    )


def _entries(specs: Iterable[AgencySpec], place: str | None) -> Iterator[Agency]:
    for a in specs:
        below = (a.canonical, *(f.name for f in a.former), *a.aliases_below)
        yield Agency(a.canonical, (a.canonical, *a.aliases, *a.aliases_below), a.level, a.valid_from, a.valid_to, place, below)
        for former in a.former:
            yield Agency(a.canonical, (former.name, *former.aliases), a.level, None, former.valid_to, place, below)


def _add_lexicon(file: Path, data: bytes, jurisdictions: dict[str, Jurisdiction], agencies: list[Agency]) -> None:
    """Validate one ``agencies/<place>.toml`` and add its jurisdiction and entries."""
    spec: AgencyFileSpec = parse_file(file, data, AgencyFileSpec)
    j = spec.jurisdiction
    if j.name in jurisdictions:
        raise GrammarError(str(file), None, f"[jurisdiction -> name] {j.name} has a lexicon already ({jurisdictions[j.name].file})")
    if j.level != "national" and j.parent is None:
        raise GrammarError(str(file), None, "[jurisdiction -> parent] required below the national level")
    jurisdictions[j.name] = Jurisdiction(j.name, j.level, j.parent, tuple(j.names), FrozenDict(j.prefixes), tuple(j.codes), str(file), tuple(j.exact_codes))
    agencies.extend(_entries(spec.agency, j.name))


def _expand_vars(file: str, variables: Mapping[str, str]) -> dict[str, str]:
    """Expand ``${name}`` inside the ``[vars]`` table itself, failing on cycles and unknown names."""
    done: dict[str, str] = {}

    def expand(name: str, stack: tuple[str, ...]) -> str:
        if name in done:
            return done[name]
        if name in stack:
            raise GrammarError(file, None, f"[vars] cycle: {' -> '.join(stack + (name,))}")
        if name not in variables:
            raise GrammarError(file, None, f"[vars] unknown fragment ${{{name}}}")
        value = str(_VAR.sub(lambda m: expand(m.group(1), stack + (name,)), variables[name]))
        done[name] = value
        return value

    for name in variables:
        expand(name, ())
    return done


def _substitute(file: str, rule_id: str, pattern: str, variables: Mapping[str, str]) -> str:
    def replace(m: regex.Match[str]) -> str:
        name = m.group(1)
        if name not in variables:
            raise GrammarError(file, rule_id, f"[pattern] unknown fragment ${{{name}}}")
        return variables[name]

    return str(_VAR.sub(replace, pattern))
