"""The grammar files as typed sections: what a file may hold, how it is read, and how a user's
overlay directory is merged onto the shipped grammar.

Each ``*.toml`` file is validated by :class:`GrammarFileSpec` (an agency lexicon,
``agencies/<place>.toml``, by :class:`AgencyFileSpec`): unknown keys are refused and a bad value
raises :class:`~sztext.errors.GrammarError` naming the file, the rule and the key. A grammar is
read in *layers*: the shipped directory, then the user's directory (an overlay, see
:func:`merge_section`). :mod:`sztext.grammar` compiles the merged sections.
"""

from __future__ import annotations

import datetime as _dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, Mapping, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from .errors import GrammarError
from .models import DateKind, NodeKind, NoiseKind, Qualifier, UnitRole

__all__ = [
    "TableValue", "RuleSpec", "ExampleSpec", "AgencySpec", "FormerNameSpec", "JurisdictionSpec", "JurisdictionLevel",
    "AgencyFileSpec", "GrammarFileSpec", "Section", "LEXICON_DIR", "read_directory", "parse_file", "merge_section",
    "Contract", "CONTRACTS", "check_sections", "check_anchored", "written_line_anchored", "written_end_anchored",
    "Tunables", "HeaderTunables", "SegmentTunables", "ContentsTunables", "typed_table",
]

TableValue = str | int | bool | list[str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


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
    # a declared shape the code may rely on for a fast path, checked against the pattern at load
    # (:func:`check_anchored`): "line" — it matches only at a line start (opens with ^, no
    # top-level |): on one line, a ``match`` at 0 is its ``search``; "end" — it matches only up
    # to the end of the range searched (ends with \Z): rules read before a value can be joined
    anchored: Literal["line", "end"] | None = None
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
    # 文号 agency codes that name the place only when they are the whole agency code, before any
    # prefix code is tried: 青政办 (青政办〔2023〕28号, 青海省人民政府办公厅) is 青海省's while 青政办字 and 青政办发,
    # which start with it, are 青岛市's (its prefix code 青政)
    exact_codes: list[str] = Field(default_factory=list)


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



LEXICON_DIR = "agencies"
GrammarFiles = dict[str, tuple[Path, bytes]]  # "money" or "agencies/<place>" → (path, content)


def read_directory(path: Path) -> GrammarFiles:
    """The grammar files of one directory: its ``*.toml`` and ``agencies/*.toml``, by key.

    Raises:
        GrammarError: ``path`` is not a directory, or a ``*.toml`` entry is not a readable file.
    """
    if not path.is_dir():
        raise GrammarError(str(path), None, "not a directory: a grammar is a directory of *.toml files")
    found: GrammarFiles = {}
    for prefix, folder in (("", path), (LEXICON_DIR + "/", path / LEXICON_DIR)):
        if not folder.is_dir():
            continue
        for file in sorted(folder.glob("*.toml")):
            if not file.is_file():
                raise GrammarError(str(file), None, "is not a file: a grammar file is a *.toml file")
            try:
                found[prefix + file.stem] = (file, file.read_bytes())
            except OSError as exc:
                raise GrammarError(str(file), None, f"cannot be read: {exc}") from exc
    return found


_S = TypeVar("_S", bound=BaseModel)


def parse_file(file: Path, data: bytes, model: type[_S]) -> _S:
    """One grammar file read and validated by ``model`` (a GrammarError names the file and key)."""
    try:
        raw: dict[str, Any] = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise GrammarError(str(file), None, f"not valid UTF-8 TOML: {exc}") from exc
    except RecursionError:
        raise GrammarError(str(file), None, "not valid TOML: nested too deeply") from None
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
    except RecursionError:
        raise GrammarError(str(file), None, "nested too deeply") from None


@dataclass
class Section:
    """One grammar file (by stem) as the layers of the grammar make it, each part with the file it
    comes from (for error messages)."""

    stem: str
    files: list[str] = field(default_factory=list)
    vars: dict[str, str] = field(default_factory=dict)
    rules: list[tuple[RuleSpec, str]] = field(default_factory=list)
    tables: dict[str, dict[str, TableValue]] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    agency: list[AgencySpec] = field(default_factory=list)
    origin: dict[str, str] = field(default_factory=dict)  # "table.NAME" / "list.NAME" → its file

    @property
    def file(self) -> str:
        """The last file merged into the section (the overlay's when there is one)."""
        return self.files[-1]


def merge_section(section: Section, spec: GrammarFileSpec, file: str) -> None:
    """Merge one file's ``spec`` onto ``section`` (the same stem of an earlier layer).

    A rule with the id of an earlier rule replaces it where it stands; a new rule is appended,
    in the file's order. A ``[vars]`` fragment, a ``[table.NAME]`` or a ``[list]`` entry with the
    name of an earlier one replaces it whole (a fragment also in the earlier layer's rules); new
    names are added. ``[[agency]]`` entries (the top-level lexicon layout) are appended.

    Raises:
        GrammarError: the same rule id twice in this file.
    """
    section.files.append(file)
    section.vars.update(spec.vars)
    where = {rule.id: k for k, (rule, _) in enumerate(section.rules)}
    mine: set[str] = set()
    for rule in spec.rule:
        if rule.id in mine:
            raise GrammarError(file, rule.id, f"duplicate rule id (also in {file})")
        mine.add(rule.id)
        if rule.id in where:
            section.rules[where[rule.id]] = (rule, file)
        else:
            where[rule.id] = len(section.rules)
            section.rules.append((rule, file))
    section.tables.update({name: dict(t) for name, t in spec.table.items()})
    section.lists.update({name: list(words) for name, words in spec.word_lists.items()})
    section.origin.update({f"table.{name}": file for name in spec.table})
    section.origin.update({f"list.{name}": file for name in spec.word_lists})
    section.agency.extend(spec.agency)


# --- what the pipeline reads from each section ---------------------------------------------------
# Every rule id, table, list and tag the code reads is declared here and checked once at load, so
# a grammar that lacks one fails with a GrammarError naming the file and key, not mid-batch.


class _Tags(BaseModel):
    """The ``tags`` of a rule whose every key the code reads (an unknown key is a typo)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class _OpenTags(_Tags):
    """The ``tags`` of a rule whose known keys are typed; other keys are data for its extractor."""

    model_config = ConfigDict(extra="allow", strict=True, frozen=True, defer_build=True)


class HeadingTags(_Tags):
    kind: NodeKind  # the outline node a marker of this style opens
    numeral: Literal["cn", "arabic", "circled"] = "cn"  # how its number is read
    midline: bool = False  # the marker may stand inside a run-on line
    sequel: bool = False  # a mid-line marker that counts only as the next number of its style (N after N-1)
    in_sequence: bool = False  # a line-start marker that opens a node only as 1 or as N after N-1 of its style
    attached: bool = False  # a mid-line marker that opens an attachment's own text run on after 附件… (read in attachment lines too)


class DateTags(_Tags):
    role: Literal["start", "date", "range", "context", "effective", "validity", "subject"]
    kind: DateKind | None = None  # the date kind a context rule gives (required for role context)
    side: Literal["after", "before"] = "after"  # where a context rule reads its words
    follows: str = ""  # characters after a year that let the rule try (its prefilter)

    @model_validator(mode="after")
    def _context_has_kind(self) -> DateTags:
        if self.role == "context" and self.kind is None:
            raise ValueError("a context rule needs tags.kind (one of the date kinds)")
        return self


class NoiseTags(_Tags):
    kind: NoiseKind = "markup"  # the noise kind the edit is reported as
    keep: Literal["", "char"] = ""  # "char": keep the named group ``char``, drop the rest
    # "gloss": every match is a Han character, zero-width/control characters, then "(": the
    # normalizer tries the rule only before each "(" (sztext.normalize._finditer)
    shape: Literal["gloss"] | None = None


class MojibakeTags(_OpenTags):
    role: Literal["detect", "reading", "sequence", "after_spot"] | None = None
    shape: Literal["inline", "gloss", "heading"] = "inline"
    on: Literal["source", "view"] = "source"


class MoneyTags(_OpenTags):
    shape: Literal["single", "range", "lead", "gap", "magnitude", "table", "numeral", "note"] | None = None


class Tunables(BaseModel):
    """``mojibake.toml [table.tunables]``."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)
    max_repairs: int = Field(default=400, ge=0)
    heading_lead: Annotated[str, Field(pattern=r"^[0-9A-Fa-f]{2}$")] = "A1"
    context_chars: int = Field(default=4, ge=0)
    vanish_cost: int = 15
    punctuation_cost: int = 30
    document_bigram_bonus: int = 30
    vocabulary_chars: int = Field(default=20000, ge=0)
    guess: bool = True
    placeholder: str = "〓"
    min_common_percent: int = Field(default=80, ge=0, le=100)
    inline_min_gain: int = 60


class ContentsTunables(BaseModel):
    """``headings.toml [table.contents]``: when a run of heading lines is a table of contents."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)
    min_run: int = Field(default=3, ge=1)  # the fewest repeated heading lines in a row that make a contents list


class SegmentTunables(BaseModel):
    """``segment.toml [table.tunables]``: thresholds of the archive cues."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)
    # the shortest paragraph after a signed date that opens a text of its own (segment.cues.opens_after_end)
    opening_paragraph_min: int = Field(default=40, ge=1)
    # the shortest item line (a numbered heading with its own sentence) that a self-naming paragraph under it does not go on
    # with (segment.archive: 第二十一条 辅警履行职责应当接受社会监督。 / 为…,制定以下措施。 opens a text)
    item_sentence_min: int = Field(default=16, ge=1)


_Tuned = TypeVar("_Tuned", bound=BaseModel)


def typed_table(table: Mapping[str, Any], model: type[_Tuned]) -> _Tuned:
    """A ``[table.NAME]`` of bounds as its model: the values the file sets (checked at load by
    :func:`check_sections`), the model's defaults for the rest, so a default is written once.
    Built without validating again: a first ``model_validate`` builds the deferred schema, ~40 ms
    of a cold start."""
    values = {name: table[name] if name in table else f.default for name, f in model.model_fields.items()}
    return model.model_construct(**values)


class HeaderTunables(BaseModel):
    """``header.toml [table.tunables]``: bounds of the header reader."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)
    # the most bodies one signature names as issuers (header.signature._read_signers)
    max_issuers: int = Field(default=64, ge=1)


_Char = Annotated[str, Field(min_length=1, max_length=1)]


@dataclass(frozen=True)
class Contract:
    """What the pipeline reads from one grammar file (by stem)."""

    rules: tuple[str, ...] = ()  # rule ids the code reads by id (without the ``stem.``)
    roles: tuple[str, ...] = ()  # ``tags.role`` values the code needs a rule of
    groups: tuple[str, ...] = ()  # named groups every rule of the file must have
    tags: type[BaseModel] = _OpenTags  # the model of each rule's ``tags``
    tables: Mapping[str, Any] = field(default_factory=dict)  # [table.NAME] → its type
    lists: tuple[str, ...] = ()  # [list] entries the code reads


CONTRACTS: Mapping[str, Contract] = {
    "charmap": Contract(tables={"view": dict[_Char, _Char]}),
    "noise": Contract(tags=NoiseTags),
    "mojibake": Contract(roles=("detect", "reading"), tags=MojibakeTags, tables={"tunables": Tunables}),
    "segment": Contract(
        rules=(
            "closing_byline", "closing_clause", "decree_note", "glued_metadata", "image_debris", "list_head", "list_item",
            "news_dateline", "news_opening", "runon_attachment", "runon_banner", "runon_date", "runon_public_note", "runon_seal_note",
            "split_year", "title_start", "titled_decree_note", "value_fragment", "markdown_title", "interview_title", "closing_clause_tail",
            "page_number_lead", "attachment_label", "cover_mark", "front_matter", "notice_attachment", "page_number_line", "decree_note_open",
            "undecodable_glyph", "page_numbers_lead", "glued_close",
            "purpose_opening", "self_named_close", "titleless_cover", "field_label", "separator_line", "glued_head", "glued_end",
            "adoption_note", "first_heading", "page_footer", "markup_link", "standard_cover", "addressee_to_all", "page_head",
            "page_source", "first_article", "self_purpose", "page_end_widget", "article_item",
        ),
        lists=(
            "debris", "sentence_end", "drafting_form", "runon_bare_title", "countersign_draft", "byline_roles", "clause_sequel",
            "issuing", "cover_issuing", "adoption_words",
        ),
        tables={"tunables": SegmentTunables},
    ),
    "header": Contract(
        rules=(
            "addressee", "addressee_modifier", "addressee_sector", "addressee_broken", "adoption_note", "approval_note", "attachment", "banner", "cc", "closing", "date_line",
            "meta_field", "metadata", "person_signature", "printed", "public_note", "publication_note", "history_note", "published", "title_issuer", "run_on_signature",
            "signature", "signer", "trailing_date", "copy_number", "secrecy", "sign_off", "posted_time", "run_on_body", "addressee_set", "meeting_note", "in_force_note", "title_date", "title_banner_repeat", "title_number_tail", "title_decree", "reader_title", "reader_source", "title_after_number", "contact_signature", "glued_urgency", "noted_signature", "dated_signature", "addressee_listed", "addressee_single", "addressee_opening", "addressee_concerned",
        ),
        lists=("attachment_kinds",),
        tables={"tunables": HeaderTunables},
    ),
    "doctypes": Contract(rules=("self_reference", "cover_notice", "self_reference_rule"), tables={"title_suffix": dict[str, str], "regulation_suffix": dict[str, str]}, lists=("enclosed",)),
    "docnumber": Contract(rules=("bracket", "decree", "decree_serial_line")),
    "headings": Contract(groups=("marker", "num"), tags=HeadingTags, tables={"rank": dict[str, int], "contents": ContentsTunables}, lists=("toc_leader", "toc_entry_stops", "toc_label")),
    "money": Contract(
        rules=(
            "amount", "range", "lead", "bound_pair", "enumeration", "bare_number", "two_digits", "estimate", "trailing_magnitudes",
            "table_unit", "table_cell", "table_serial", "table_not_money", "table_end", "currency_note",
        ),
        tags=MoneyTags,
        tables={
            "currency": dict[str, str],
            "magnitude": dict[str, Annotated[int, Field(ge=0, le=24)]],
            "digit": dict[str, Annotated[int, Field(ge=0, le=9)]],
            "qualifier": dict[str, Qualifier],
        },
    ),
    "dates": Contract(roles=("start", "date", "context"), tags=DateTags),
    "status": Contract(rules=("validity", "legal_level"), groups=("value",), tags=_Tags),
    "layout": Contract(rules=("page_number", "block_start"), tags=_Tags, lists=("line_final", "record_head", "record_skip", "record_label")),
    "repeals": Contract(rules=("verb", "sentence_end", "tail", "connector", "subject", "bare_subject", "not_a_repeal"), lists=("bare_verbs",)),
    "citations": Contract(rules=("title", "number_after")),
    "units": Contract(
        rules=(
            "note", "item", "label", "role_word", "trailer", "qualifier", "definition", "own_prefix", "shared_prefix",
            "agency_like", "bare_position", "not_note", "remark", "lead_first", "table_other_column", "table_empty_cell",
            "table_row_break", "table_text_cell", "table_end",
        ),
        tables={"roles": dict[str, UnitRole], "columns": dict[str, UnitRole]},
    ),
}


def _where(exc: ValidationError) -> str:
    err = exc.errors()[0]
    return f"{' -> '.join(str(part) for part in err['loc'])}] {err['msg']}"


def check_sections(directory: str, sections: Mapping[str, Section], groups: Mapping[str, frozenset[str]]) -> None:
    """Check the merged sections against :data:`CONTRACTS` (``groups``: each rule's named groups).

    Raises:
        GrammarError: a file, rule, role, named group, table or list the pipeline reads is
            missing, or a tag or table value is not one the code accepts; it names the file
            that holds (or lacks) it and the key.
    """
    for stem, contract in CONTRACTS.items():
        section = sections.get(stem)
        if section is None:
            raise GrammarError(f"{directory}/{stem}.toml", None, "missing: the pipeline reads this file (a standalone grammar must hold every shipped file)")
        ids = {rule.id for rule, _ in section.rules}
        for name in contract.rules:
            if f"{stem}.{name}" not in ids:
                raise GrammarError(section.file, f"{stem}.{name}", "[rule] missing: the pipeline reads this rule")
        for rule, origin in section.rules:
            try:
                contract.tags.model_validate(rule.tags)
            except ValidationError as exc:
                raise GrammarError(origin, rule.id, f"[tags -> {_where(exc)}") from exc
            lacking = [g for g in contract.groups if g not in groups.get(rule.id, frozenset())]
            if lacking:
                raise GrammarError(origin, rule.id, f"[pattern] needs the named group (?P<{lacking[0]}>…)")
        roles = {rule.tags.get("role") for rule, _ in section.rules}
        for role in contract.roles:
            if role not in roles:
                raise GrammarError(section.file, None, f"[rule] missing: a rule with tags.role = {role!r} (the pipeline reads one)")
        for name, kind in contract.tables.items():
            if name not in section.tables:
                raise GrammarError(section.file, None, f"[table.{name}] missing: the pipeline reads this table")
            try:
                TypeAdapter(kind).validate_python(section.tables[name], strict=True)
            except ValidationError as exc:
                raise GrammarError(section.origin.get(f"table.{name}", section.file), None, f"[table.{name} -> {_where(exc)}") from exc
        for name in contract.lists:
            if name not in section.lists:
                raise GrammarError(section.file, None, f"[list.{name}] missing: the pipeline reads this list")


# --- declared shapes (RuleSpec.anchored), checked against the pattern as written -----------------


def written_line_anchored(pattern: str) -> bool:
    """The pattern can only match at a line start: it opens with ``^`` and has no top-level
    ``|``. ``False`` whenever unsure (a nested set, a quantified ``^``).

    >>> written_line_anchored(r"^[ ]*抄[ ]*送"), written_line_anchored(r"^a|b"), written_line_anchored(r"^(?:a|b)"), written_line_anchored(r"(?:^|x)a")
    (True, False, True, False)
    """
    if not pattern.startswith("^") or pattern[1:2] in ("?", "*", "+", "{"):
        return False
    depth = 0
    i, n = 1, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a set: skip to its closing bracket (a leading ] or ^] is literal)
            j = i + 1
            if pattern[j : j + 1] == "^":
                j += 1
            if pattern[j : j + 1] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                if pattern[j] == "\\":
                    j += 1
                elif pattern[j] == "[":
                    return False  # a nested set (VERSION1 syntax): do not guess
                j += 1
            i = j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return False
        elif c == "|" and depth == 0:
            return False
        i += 1
    return depth == 0


def written_end_anchored(pattern: str) -> bool:
    """The pattern ends with ``\\Z`` (not an escaped backslash before a ``Z``) and has no
    top-level ``|``, so every match ends at the end of the range searched.

    >>> written_end_anchored(r"(?r)(?:自|从)\\Z"), written_end_anchored(r"a\\\\Z"), written_end_anchored(r"a|b\\Z")
    (True, False, False)
    """
    if not pattern.endswith("\\Z"):
        return False
    backslashes = len(pattern) - 1 - len(pattern[:-1].rstrip("\\"))
    if backslashes % 2 == 0:
        return False
    return written_line_anchored("^" + pattern.removeprefix("(?r)")[: -2]) if "|" in pattern else True


def check_anchored(file: str, rule_id: str, anchored: str | None, pattern: str, word_flag: bool) -> None:
    """A rule's declared ``anchored`` shape holds for its pattern (after ``${var}`` expansion).

    Raises:
        GrammarError: declared ``"line"`` or ``"end"`` but not written so: the code would take a
            fast path the pattern does not allow, so the grammar is refused at load.
    """
    if anchored == "line" and (word_flag or not written_line_anchored(pattern)):
        raise GrammarError(file, rule_id, "[anchored] = \"line\" but the pattern is not line-anchored: it must open with ^ "
                           "and have no top-level | (nor the WORD flag); write it so or drop the declaration")
    if anchored == "end" and not written_end_anchored(pattern):
        raise GrammarError(file, rule_id, "[anchored] = \"end\" but the pattern does not end with \\Z (with no top-level |); "
                           "write it so or drop the declaration")
