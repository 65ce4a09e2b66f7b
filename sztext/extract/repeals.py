"""Repeals (废止): the documents, or parts of them, that a notice repeals or stops applying.

Driven by ``grammars/repeals.toml``. A repeal is found from its verb (同时废止, 废止, 撤销,
停止执行, 不再执行 …) at the end of a clause, then read backwards: the cited documents right
before the verb (found with :func:`~sztext.extract.citations.extract_citations` and
:func:`~sztext.extract.docnumber.extract_doc_numbers`, joined by 、/和/及), what stands between
them and the verb (``中的第三条`` → a partial repeal), and the words that describe the first one
(``2011年6月1日颁布实施的``). The decisions made here:

* One :class:`~sztext.models.Repeal` per repealed document. Its span runs from the document
  (for the first one: from the words describing it) to the end of the verb, so every repeal's
  text reads as a whole clause: ``《A》（…）、《B》（…）同时废止`` gives ``《A》…同时废止`` and
  ``《B》（…）同时废止``.
* ``verb`` is the verb itself (废止, 撤销, 停止执行, 不再执行); 同时/予以 stay in the text.
* ``partial`` is true when a part is named (第X条, 中的（八）、（九）三条, 中关于…的规定), and when no
  document is named at all (``自主创业人员社保补贴不再执行``: one measure stops, not a document).
* 废止/撤销/失效 with no document named are not repeals (``账户撤销``, ``被…撤销的``,
  ``应当…废止``), except ``同时废止``; 停止执行/不再执行 are, unless a modal word or a condition
  (``…的，停止执行``) stands before them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..errors import GrammarError
from ..grammar import Grammar, Rule
from ..models import Repeal
from ..normalize import TextView
from .citations import extract_citations
from .docnumber import extract_doc_numbers

__all__ = ["extract_repeals"]

_FILE = "repeals"
# How far back from the verb the clause with the repealed documents may start: a long title
# such as samples/004 l.739 (a 通知 of three bureaus, 90 characters) plus its number fits.
_CLAUSE_WINDOW = 400
_SUBJECT_WINDOW = 60


@dataclass(frozen=True, slots=True)
class _Item:
    """A cited document in the clause: view range, title and document number (clean text)."""

    start: int
    end: int
    title: str | None
    doc_number: str | None


@dataclass(frozen=True, slots=True)
class _Rules:
    verb: Rule
    sentence_end: Rule
    tail: Rule
    connector: Rule
    subject: Rule
    bare_subject: Rule
    guard: Rule  # repeals.not_a_repeal

    @classmethod
    def of(cls, grammar: Grammar) -> _Rules:
        """The repeal rules of ``grammar``.

        Raises:
            GrammarError: ``repeals.toml`` lacks one of them.
        """
        by_id = {r.id: r for r in grammar.rules_of(_FILE)}
        names = ("verb", "sentence_end", "tail", "connector", "subject", "bare_subject", "not_a_repeal")
        missing = [n for n in names if f"{_FILE}.{n}" not in by_id]
        if missing:
            raise GrammarError(f"{grammar.directory}/{_FILE}.toml", f"{_FILE}.{missing[0]}", "rule missing")
        return cls(*(by_id[f"{_FILE}.{n}"] for n in names))


def _clause_start(rules: _Rules, text: str, lo: int, pos: int) -> int:
    """Start of the sentence that holds ``pos`` (after the last 。；; or line end), at least ``lo``."""
    cut = rules.sentence_end.pattern.search(text, lo, pos)
    return lo if cut is None else cut.end()


def _items(view: TextView, grammar: Grammar, start: int, stop: int) -> list[_Item]:
    """Cited documents in ``[start, stop)``: 《title》（number） and bare document numbers."""
    text = view.text
    items: list[_Item] = []
    for c in extract_citations(view, grammar, start, stop):
        s = view.to_view(c.span[0])
        items.append(_Item(s, _view_end(view, c.span[1], s, stop), c.title, c.doc_number))
    for n in extract_doc_numbers(view, grammar, start, stop):
        s = view.to_view(n.span[0])
        e = _view_end(view, n.span[1], s, stop)
        if any(i.start <= s < i.end for i in items):
            continue
        if s > start and text[s - 1] == "(" and e < stop and text[e] == ")":
            s, e = s - 1, e + 1  # （深府规〔2017〕7号）同时废止: the brackets belong to the number
        items.append(_Item(s, e, None, n.clean))
    items.sort(key=lambda i: i.start)
    return items


def _view_end(view: TextView, source_end: int, view_start: int, stop: int) -> int:
    """The view offset of a value's source end, kept inside ``[view_start, stop]``."""
    end = view.to_view(source_end)
    return min(max(end, view_start), stop)


def extract_repeals(view: TextView, grammar: Grammar, start: int = 0, end: int | None = None) -> list[Repeal]:
    """Documents (or parts of them) this one repeals, in text order.

    Args:
        view: the normalised text.
        grammar: the compiled grammar (``repeals.toml``, ``citations.toml``, ``docnumber.toml``).
        start: view offset where the document starts.
        end: view offset where it ends (``None``: the end of the text).
    Returns:
        One :class:`Repeal` per repealed document, with its ``title`` and ``doc_number`` when
        written, the ``verb``, ``partial`` and the source ``span`` of the clause.

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> g = load_grammar()
    >>> text = "本措施自2024年12月18日起实施，有效期3年。《深圳市人民政府关于推动电子商务加快发展的若干措施》（深府办规〔2020〕9号）同时废止。"
    >>> r = extract_repeals(normalize(text, g), g)[0]
    >>> r.title, r.doc_number, r.verb, r.partial
    ('深圳市人民政府关于推动电子商务加快发展的若干措施', '深府办规〔2020〕9号', '废止', False)
    >>> r.text
    '《深圳市人民政府关于推动电子商务加快发展的若干措施》（深府办规〔2020〕9号）同时废止'
    """
    stop = len(view.text) if end is None else end
    text = view.text
    rules = _Rules.of(grammar)
    if not rules.verb.may_match(text[start:stop]):
        return []
    bare_verbs = frozenset(grammar.word_list(_FILE, "bare_verbs"))
    out: list[Repeal] = []
    for m in rules.verb.pattern.finditer(text, start, stop):
        verb = m.group("verb")
        clause = _clause_start(rules, text, max(start, m.start() - _CLAUSE_WINDOW), m.start())
        items = _items(view, grammar, clause, m.start())
        if items:
            out.extend(_cited(view, rules, items, m, clause, verb))
        elif verb in bare_verbs or m.group("pre") == "同时":
            bare = _bare(view, rules, m, clause, verb)
            if bare is not None:
                out.append(bare)
    return out


def _cited(
    view: TextView, rules: _Rules, items: list[_Item], m: regex.Match[str], clause: int, verb: str
) -> list[Repeal]:
    """Repeals of the documents cited right before the verb ``m``; none if other words intervene."""
    text = view.text
    tail = rules.tail.pattern.match(text, items[-1].end, m.start())
    if tail is None:
        return []
    partial = bool(tail.group("part") or tail.group("part_about"))
    chain = [items[-1]]
    for item in reversed(items[:-1]):
        if item.end > chain[0].start or not rules.connector.pattern.match(text, item.end, chain[0].start):
            break
        chain.insert(0, item)
    subject = rules.subject.pattern.search(text, max(clause, chain[0].start - _SUBJECT_WINDOW), chain[0].start)
    first_start = subject.start("subject") if subject is not None else chain[0].start
    out = []
    for i, item in enumerate(chain):
        tv = view.value(first_start if i == 0 else item.start, m.end())
        out.append(
            Repeal.model_construct(
                doc_number=item.doc_number,
                title=item.title,
                verb=verb,
                partial=partial,
                text=tv.text,
                span=tv.span,
            )
        )
    return out


def _bare(view: TextView, rules: _Rules, m: regex.Match[str], clause: int, verb: str) -> Repeal | None:
    """A repeal that names no document (…社保补贴不再执行): the clause back to its sentence start."""
    text = view.text
    if rules.guard.pattern.search(text, max(clause, m.start() - 12), m.start()):
        return None
    subject = rules.bare_subject.pattern.search(text, clause, m.start())
    if subject is None:
        return None
    tv = view.value(subject.start("subject"), m.end())
    return Repeal.model_construct(doc_number=None, title=None, verb=verb, partial=True, text=tv.text, span=tv.span)
