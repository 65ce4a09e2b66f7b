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
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import GrammarError

__all__ = [
    "TableValue", "RuleSpec", "ExampleSpec", "AgencySpec", "FormerNameSpec", "JurisdictionSpec", "JurisdictionLevel",
    "AgencyFileSpec", "GrammarFileSpec", "Section", "LEXICON_DIR", "read_directory", "parse_file", "merge_section",
]

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
    section.agency.extend(spec.agency)
