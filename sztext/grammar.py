"""Load, validate and compile the TOML grammars: the knowledge lives in data, not in code.

A grammar directory holds ``*.toml`` files (see docs/grammar-format.md). Each file is read with
``tomllib``, validated with pydantic (a bad file raises :class:`GrammarError` naming the file,
rule and field), its ``${var}`` fragments expanded, and every regex compiled once. The result,
:class:`Grammar`, is immutable, picklable and identified by a sha256 digest of the files.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import re
import threading
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Literal, Mapping, Sequence, TypeVar

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import GrammarError, RegexTimeoutError

__all__ = ["Grammar", "Rule", "Agency", "Jurisdiction", "load_grammar", "default_grammar_dir"]

_VAR = regex.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
TableValue = str | int | bool | list[str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class ExampleSpec(_Strict):
    """A text the rule must match; ``match`` is the expected matched text, ``groups`` its groups."""

    text: str
    match: str | None = None
    groups: dict[str, str] = Field(default_factory=dict)


class RuleSpec(_Strict):
    """One pattern rule as written in a grammar file."""

    id: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
    pattern: str
    anchors: list[str] = Field(default_factory=list)
    tags: dict[str, TableValue] = Field(default_factory=dict)
    examples: list[ExampleSpec] = Field(min_length=1)
    counterexamples: list[str] = Field(default_factory=list)


class FormerNameSpec(_Strict):
    """A name an agency used before a reorganisation, with the date the name stopped."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    valid_to: _dt.date | None = None


class AgencySpec(_Strict):
    """One body of an agency lexicon (agencies/<place>.toml)."""

    canonical: str
    aliases: list[str] = Field(default_factory=list)
    # names that also name this body in documents of the jurisdictions below this one (财政部,
    # 国家发展改革委); ``aliases`` name it only in documents of its own jurisdiction
    aliases_below: list[str] = Field(default_factory=list)
    level: Literal["national", "provincial", "municipal", "district", "other"] = "municipal"
    valid_from: _dt.date | None = None
    valid_to: _dt.date | None = None
    former: list[FormerNameSpec] = Field(default_factory=list)


JurisdictionLevel = Literal["national", "provincial", "prefecture", "county", "district"]


class JurisdictionSpec(_Strict):
    """The ``[jurisdiction]`` block of an agency lexicon file: the place its bodies belong to."""

    name: str = Field(min_length=2)
    level: JurisdictionLevel
    parent: str | None = None
    # other names of the place at the start of an issuer or title (深圳, 国务院 for national)
    names: list[str] = Field(default_factory=list)
    # what a bare prefix means in this place's documents: {市 = "深圳市", 省 = "广东省"}
    prefixes: dict[str, str] = Field(default_factory=dict)
    # 文号 agency codes of the place's bodies (深府, 深府办, 粤府 …): a code is matched as a
    # prefix of a document number's agency, the longest code wins
    codes: list[str] = Field(default_factory=list)


class AgencyFileSpec(_Strict):
    """An agency lexicon file, ``agencies/<place>.toml``."""

    version: Literal[1]
    description: str
    jurisdiction: JurisdictionSpec
    agency: list[AgencySpec] = Field(default_factory=list)


class GrammarFileSpec(_Strict):
    """The top level of a grammar file."""

    version: Literal[1]
    description: str
    vars: dict[str, str] = Field(default_factory=dict)
    rule: list[RuleSpec] = Field(default_factory=list)
    table: dict[str, dict[str, TableValue]] = Field(default_factory=dict)
    word_lists: dict[str, list[str]] = Field(default_factory=dict, alias="list")
    agency: list[AgencySpec] = Field(default_factory=list)


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
        if (len(string) if endpos is None else endpos) - pos <= self.long_span:
            yield from self.compiled.finditer(string, pos, endpos)
            return
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

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GuardedPattern) and (self.compiled, self.rule_id) == (other.compiled, other.rule_id)

    def __hash__(self) -> int:
        return hash((self.compiled, self.rule_id))


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


def literal_finder(words: Iterable[str]) -> regex.Pattern[str] | None:
    """A pattern that finds any of ``words``, longest first (``word in s`` for all of them in
    one scan); ``None`` for no words. Literals only, so it cannot backtrack and runs without the
    timeout guard."""
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
    # here, with the grammar it comes from, not in module-level caches. Not pickled: a worker
    # process builds its own on first use.
    _derived: dict[Callable[[Grammar], Any], Any] = field(default_factory=dict, compare=False, repr=False)

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
        return state

    def rules_of(self, file: str) -> tuple[Rule, ...]:
        """The compiled rules of one grammar file (by stem, e.g. ``"money"``), in file order."""
        return self.rules.get(file, ())

    def rule(self, rule_id: str) -> Rule:
        """One rule by id (``"docnumber.bracket"``).

        Raises:
            GrammarError: the grammar has no such rule (a grammar directory must hold every
                file of the shipped ``grammars/``; copy it and edit the copy).
        """
        try:
            return self.by_id[rule_id]
        except KeyError:
            raise GrammarError(self.directory, rule_id, "rule not found: a grammar directory must hold every rule the pipeline uses (start from a copy of the shipped grammars/)") from None

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


_LEXICON_DIR = "agencies"
_CACHE: dict[str, Grammar] = {}
_CACHE_LOCK = threading.Lock()


def load_grammar(directory: str | Path | None = None) -> Grammar:
    """Load and compile a grammar directory (the shipped one by default).

    The result is cached by the sha256 digest of the files' contents, so loading the same
    directory twice is cheap and an edited file is always reloaded.

    Args:
        directory: a folder of ``*.toml`` grammar files; ``None`` for the shipped grammars.
    Returns:
        The compiled :class:`Grammar`.
    Raises:
        GrammarError: a file is not valid TOML, fails the schema, or has a bad regex.

    >>> g = load_grammar()
    >>> g.rule("docnumber.bracket").pattern.search("深府规[2024]6号") is not None  # rules match the view
    True
    """
    path = Path(directory) if directory is not None else default_grammar_dir()
    files = sorted(path.glob("*.toml"))
    if not files:
        raise GrammarError(str(path), None, "no *.toml grammar files in this directory")
    raw = {f.stem: f.read_bytes() for f in files}
    # the agency lexicons, one file per jurisdiction: keyed "agencies/<place>"
    raw.update({f"{_LEXICON_DIR}/{f.stem}": f.read_bytes() for f in sorted((path / _LEXICON_DIR).glob("*.toml"))})
    sha = hashlib.sha256()
    for stem, data in raw.items():
        sha.update(stem.encode() + b"\0" + data + b"\0")
    digest = sha.hexdigest()
    with _CACHE_LOCK:
        cached = _CACHE.get(digest)
    if cached is not None:
        return cached
    grammar = _compile(str(path), digest, {stem: (path / f"{stem}.toml", data) for stem, data in raw.items()})
    with _CACHE_LOCK:
        _CACHE[digest] = grammar
    return grammar


def _compile(directory: str, digest: str, files: Mapping[str, tuple[Path, bytes]]) -> Grammar:
    rules: dict[str, tuple[Rule, ...]] = {}
    tables: dict[str, dict[str, dict[str, TableValue]]] = {}
    lists: dict[str, dict[str, tuple[str, ...]]] = {}
    agencies: list[Agency] = []
    jurisdictions: dict[str, Jurisdiction] = {}
    seen_ids: dict[str, str] = {}
    for stem, (file, data) in files.items():
        if stem.startswith(_LEXICON_DIR + "/"):
            _add_lexicon(file, data, jurisdictions, agencies)
            continue
        spec: GrammarFileSpec = _parse_file(file, data)
        variables = _expand_vars(str(file), spec.vars)
        compiled = []
        for rule in spec.rule:
            if rule.id in seen_ids:
                raise GrammarError(str(file), rule.id, f"duplicate rule id (also in {seen_ids[rule.id]})")
            seen_ids[rule.id] = str(file)
            if rule.id.split(".", 1)[0] != stem:
                raise GrammarError(str(file), rule.id, f"rule ids in {stem}.toml must start with '{stem}.'")
            pattern = _substitute(str(file), rule.id, rule.pattern, variables)
            try:
                # MULTILINE: ^ and $ are line anchors, also when a scan starts at a line's offset
                compiled_pattern = regex.compile(pattern, regex.MULTILINE)
            except regex.error as exc:
                raise GrammarError(str(file), rule.id, f"[pattern] does not compile: {exc}") from exc
            compiled.append(Rule(rule.id, GuardedPattern(compiled_pattern, rule.id, long_span=LONG_SPAN), tuple(rule.anchors), dict(rule.tags), rule))
        rules[stem] = tuple(compiled)
        tables[stem] = {name: dict(t) for name, t in spec.table.items()}
        lists[stem] = {name: tuple(words) for name, words in spec.word_lists.items()}
        if spec.agency:
            # a lexicon in a top-level file (the layout before agencies/<place>.toml): its
            # place is the full name of its [table.city]
            city = spec.table.get("city", {})
            full, short = str(city.get("full", "")), str(city.get("short", ""))
            if full and full not in jurisdictions:
                prefixes = {short: full} if short else {}
                jurisdictions[full] = Jurisdiction(full, "prefecture", None, (), prefixes, (), str(file))
            agencies.extend(_entries(spec.agency, full or None))
    by_id = {rule.id: rule for compiled in rules.values() for rule in compiled}
    return Grammar(directory, digest, rules, tables, lists, tuple(agencies), by_id, jurisdictions)


def _entries(specs: Iterable[AgencySpec], place: str | None) -> Iterator[Agency]:
    for a in specs:
        below = (a.canonical, *(f.name for f in a.former), *a.aliases_below)
        yield Agency(a.canonical, (a.canonical, *a.aliases, *a.aliases_below), a.level, a.valid_from, a.valid_to, place, below)
        for former in a.former:
            yield Agency(a.canonical, (former.name, *former.aliases), a.level, None, former.valid_to, place, below)


def _add_lexicon(file: Path, data: bytes, jurisdictions: dict[str, Jurisdiction], agencies: list[Agency]) -> None:
    """Validate one ``agencies/<place>.toml`` and add its jurisdiction and entries."""
    spec: AgencyFileSpec = _parse_file(file, data, AgencyFileSpec)
    j = spec.jurisdiction
    if j.name in jurisdictions:
        raise GrammarError(str(file), None, f"[jurisdiction -> name] {j.name} has a lexicon already ({jurisdictions[j.name].file})")
    if j.level != "national" and j.parent is None:
        raise GrammarError(str(file), None, "[jurisdiction -> parent] required below the national level")
    jurisdictions[j.name] = Jurisdiction(j.name, j.level, j.parent, tuple(j.names), dict(j.prefixes), tuple(j.codes), str(file))
    agencies.extend(_entries(spec.agency, j.name))


_S = TypeVar("_S", bound=BaseModel)


def _parse_file(file: Path, data: bytes, model: type[_S] = GrammarFileSpec) -> _S:  # type: ignore[assignment]
    try:
        raw: dict[str, Any] = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise GrammarError(str(file), None, f"not valid UTF-8 TOML: {exc}") from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = list(err["loc"])
        rule_id = None
        if len(loc) >= 2 and loc[0] == "rule" and isinstance(loc[1], int):
            rules = raw.get("rule", [])
            if loc[1] < len(rules) and isinstance(rules[loc[1]], dict):
                rule_id = rules[loc[1]].get("id")
        where = " -> ".join(str(part) for part in loc)
        raise GrammarError(str(file), rule_id, f"[{where}] {err['msg']}") from exc


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
