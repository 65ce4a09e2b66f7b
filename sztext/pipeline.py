"""The pipeline: ``load → normalize → lines → segment → tokenize → extract → assemble``, composed.

``parse`` treats its text as one document; ``parse_archive`` splits first; ``parse_file``
reads bytes (encodings, HTML). Each stage is a public function of its own module, and
:class:`Pipeline` lets a caller swap the grammar or the options once and reuse them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal, Sequence, TypeVar

from . import __version__ as VERSION  # one version: sztext/__init__.py (hatch reads it too)
from .assemble import Extracted, build_notice, read_header
from .budget import check_budget, time_budget
from .errors import ArgumentError, InputError, InputTooLargeError, InternalError, RegexTimeoutError, SztextError
from .extract import (
    extract_amounts,
    extract_citations,
    extract_dates,
    extract_effective,
    extract_repeals,
    extract_unit_groups,
)
from .extract.jurisdiction import find_jurisdiction
from .extract.status import extract_legal_status
from .grammar import Grammar, load_grammar
from .load import Loaded, load_path
from .load.record import render_record
from .load.paths import record_path
from .models import ErrorRecord, Notice, Warning, warning
from .normalize import GrowingView, TextView, normalize
from .segment import DocumentRange, LineTable, line_table, segment_archive
from .tokenize import tokenize

__all__ = ["Options", "Pipeline", "parse", "parse_archive", "parse_file", "iter_parse", "pipe"]


@dataclass(frozen=True)
class Options:
    """Every setting of a parse, in one frozen object.

    Attributes:
        max_chars: refuse texts longer than this (``InputTooLargeError``); ``None`` for no limit.
        mark_duplicates: in an archive, set ``duplicate_of`` on a document whose body repeats an
            earlier one (both are still returned: nothing is dropped).
        grammar_dir: a grammar directory merged onto the shipped grammar (an overlay: it holds
            only the files it adds or changes; see :func:`~sztext.grammar.load_grammar`).
    """

    max_chars: int | None = 200_000_000
    mark_duplicates: bool = True
    grammar_dir: str | None = None

    def __post_init__(self) -> None:
        """Wrong types fail here, once, with :class:`ArgumentError` (not deep inside a parse)."""
        m = self.max_chars
        if m is not None and (not isinstance(m, int) or isinstance(m, bool) or m < 1):
            raise ArgumentError(f"Options.max_chars must be a positive int or None, not {m!r}")
        if not isinstance(self.mark_duplicates, bool):
            raise ArgumentError(f"Options.mark_duplicates must be True or False, not {self.mark_duplicates!r}")
        g = self.grammar_dir
        if g is not None and not isinstance(g, (str, os.PathLike)):
            raise ArgumentError(f"Options.grammar_dir must be a directory path (str) or None, not {g!r}")


class Pipeline:
    """A grammar and options bound once; its methods are the public verbs.

    Args:
        grammar: a compiled grammar; by default the one of ``options.grammar_dir`` (or the
            shipped grammar).
        options: parse options.

    >>> p = Pipeline()
    >>> [n.doc_number.clean for n in p.parse_archive("深府规〔2024〕6号\\n各区人民政府：\\n现印发。\\n")]
    ['深府规〔2024〕6号']
    """

    __slots__ = ("grammar", "options")

    def __init__(self, grammar: Grammar | None = None, options: Options | None = None) -> None:
        self.options: Options = options or Options()
        self.grammar: Grammar = grammar if grammar is not None else load_grammar(self.options.grammar_dir)

    @classmethod
    def for_options(cls, options: Options | None = None) -> Pipeline:
        """The pipeline of these options, built once per grammar content and reused (by
        ``parse``, batch workers and Dask workers alike).

        Keyed by the options and the grammar's content digest, not its path: after a grammar
        file is edited, the next call uses the new grammar (``load_grammar`` notices the change
        by the files' stat and compiles only when their digest is new). One pipeline is kept per
        options: the one of the grammar as it is now (an edited grammar's old pipeline is let go)."""
        opts = options or Options()
        grammar = load_grammar(opts.grammar_dir)
        kept = _BY_OPTIONS.get(opts)
        if kept is not None and kept.grammar.digest == grammar.digest:
            return kept
        pipeline = _BY_OPTIONS[opts] = cls(grammar, opts)
        return pipeline

    def parse(self, text: str, *, path: str | None = None) -> Notice:
        """Parse ``text`` as one document.

        Raises:
            InputError: the text is empty, not a ``str``, too large or holds a lone surrogate.
            RegexTimeoutError: a pattern outside the extractors ran past its time limit.
            InternalError: a defect in sztext (the original exception is its ``__cause__``).
        """
        try:
            with time_budget(len(text)):
                view = self._view(text)
                table = line_table(view, self.grammar)
                ranges = segment_archive(view, self.grammar, table)
            several: tuple[Warning, ...] = ()
            if len(ranges) > 1:
                # kept whole as asked, but a user who meant an archive should know
                several = (warning(code="several_documents", message=f"this text reads as {len(ranges)} documents; parse_archive() splits them"),)
            return self._document(view, table, DocumentRange(0, len(view.text)), 0, path, several)
        except (SztextError, MemoryError):
            raise
        except Exception as exc:
            raise InternalError("parse", exc) from exc

    def iter_parse(self, text: str, *, path: str | None = None, pages: Sequence[int] = ()) -> Iterator[Notice]:
        """Split ``text`` into documents and yield each parsed document in order. ``pages``:
        the offsets where the pages of a paged input start (``Loaded.pages``), kept in
        ``Notice.source.pages``."""
        for result in self._iter(text, path, keep_going=False, pages=pages):
            assert isinstance(result, Notice)
            yield result

    def iter_results(self, text: str, *, path: str | None = None, pages: Sequence[int] = ()) -> Iterator[Notice | ErrorRecord]:
        """Like :meth:`iter_parse`, but a document that fails becomes an :class:`ErrorRecord`
        and the others still come out (what ``sztext batch`` writes)."""
        try:
            yield from self._iter(text, path, keep_going=True, pages=pages)
        except SztextError as exc:
            yield ErrorRecord.from_exception(path, None, exc)

    def _iter(self, text: str, path: str | None, *, keep_going: bool, pages: Sequence[int] = ()) -> Iterator[Notice | ErrorRecord]:
        return self._records((text,), path, keep_going=keep_going, pages=pages, whole=True)

    def iter_stream(self, chunks: Iterable[str], *, path: str | None = None, chars: int | None = None) -> Iterator[Notice | ErrorRecord]:
        """What :meth:`iter_results` gives on the text ``"".join(chunks)``, for a text that comes
        in chunks (a large file read piece by piece, :mod:`sztext.load.stream`): memory is bounded
        by a chunk plus the longest document, and each character is normalized once.

        The text is normalized as it is read (:class:`~sztext.normalize.GrowingView`: a chunk
        joined to the view carried from the one before, its edits kept) and segmented; the
        documents that start well before its end (``STREAM_LOOKAHEAD_LINES`` lines: decisions
        near the end may change with the lines that follow) are parsed on that view, and the
        view from the last of them on is carried into the next chunk. When no document ends in
        a chunk (a long one), ``STREAM_GROWTH`` times as much text as is carried is read before
        the next attempt, so a document of any length is segmented a few times, and the text
        segmented in vain adds up to about a third of its length; with ``chars``, the length of
        the whole text, a long document whose rest is that short is read to the end at once.

        It is the loop of :meth:`iter_results` (which runs it on one chunk, the whole text).
        Spans index the whole text: the view of a piece knows where it starts (its ``offset``),
        so documents are built with their final spans. Indexes and ``duplicate_of`` count from
        the first document. The records are for writing out: a notice holds no ``source_text``
        (the whole text is never in memory; ``Notice.from_record(record, text)`` binds it). The
        caller checks that the text has a visible character (``iter_results`` raises
        otherwise); ``max_chars`` is not applied (a streamed archive has no whole-text limit)."""
        return self._records(chunks, path, chars=chars)

    def _records(
        self, chunks: Iterable[str], path: str | None, *, chars: int | None = None, keep_going: bool = True,
        pages: Sequence[int] = (), whole: bool = False,
    ) -> Iterator[Notice | ErrorRecord]:
        """The one loop of :meth:`iter_parse`, :meth:`iter_results` and :meth:`iter_stream`.

        ``whole``: ``chunks`` is the whole text, one piece, checked and rendered by ``_view``
        (its errors are raised, as a failing segmentation's are without ``keep_going``); the
        notices keep it as their ``source_text``. Otherwise an error of reading the chunks (the
        file changed) goes to the caller, and a text that cannot be segmented is one error record.
        """
        growing = GrowingView(self.grammar)
        index = 0
        fresh: list[str] = []  # chunks read since the last segmentation
        fresh_chars = 0
        waiting = False  # the last attempt found no document that ends (a long one)
        duplicates = _DuplicateFinder()
        it = iter(chunks)
        block = next(it, None)
        while block is not None:
            following = next(it, None)
            last = following is None
            fresh.append(block)
            fresh_chars += len(block)
            block = following
            held = len(growing)
            if not last and fresh_chars < STREAM_GROWTH * held:
                continue  # a long document: read more before segmenting it again
            if not last and waiting and chars is not None and chars - growing.offset - held - fresh_chars <= STREAM_GROWTH * (held + fresh_chars):
                continue  # and the rest of the text is short: read it to the end
            more = "".join(fresh)
            fresh, fresh_chars = [], 0
            try:
                with time_budget(held + len(more)):
                    view = self._view(more) if whole else growing.extend(more)
                    table = line_table(view, self.grammar)
                    ranges = segment_archive(view, self.grammar, table)
            except MemoryError:
                raise
            except Exception as exc:
                if whole and isinstance(exc, SztextError):
                    raise
                error = exc if isinstance(exc, SztextError) else InternalError("segment", exc)
                if not keep_going:
                    raise error from exc
                yield ErrorRecord.from_exception(path, None, error)
                return
            if last:
                done = ranges
            else:
                safe = _line_back(view.text, STREAM_LOOKAHEAD_LINES)
                final = [r for r in ranges if r.start < safe]
                if len(final) < 2:
                    waiting = True  # nothing ends safely in this text yet
                    continue
                done = ranges[: ranges.index(final[-1])]
                waiting = False
            lead: tuple[Warning, ...] = ()
            if index == 0 and ranges and ranges[0].start > 0:
                s = view.to_source_start(ranges[0].start)
                lead = (warning(code="text_before_first_document", message=f"{s} characters before the first document belong to no document", span=(0, s)),)
            for rng in done:
                try:
                    notice = self._document(view, table, rng, index, path, lead if index == 0 else ())
                except Exception as exc:
                    # sztext's own errors as they are, a MemoryError too; anything else is a defect
                    failed = exc if isinstance(exc, (SztextError, MemoryError)) else InternalError(f"document {index}", exc)
                    if not keep_going:
                        if failed is exc:
                            raise
                        raise failed from exc
                    yield ErrorRecord.from_exception(path, index, failed)
                    index += 1
                    continue
                if pages:
                    notice = notice.model_copy(update={"source": notice.source.model_copy(update={"pages": list(pages)})})
                if self.options.mark_duplicates:
                    original = duplicates.check(notice)
                    if original is not None:
                        notice = notice.model_copy(update={"duplicate_of": original})
                # a streamed view is a piece, not the text the spans index (the first piece's too)
                notice._source_text = view.source if whole else ""
                index += 1
                yield notice
            if not last:
                growing.drop_before(view.to_source_start(ranges[len(done)].start))

    def parse_archive(self, text: str, *, path: str | None = None) -> list[Notice]:
        """Split ``text`` into documents and parse each one."""
        return list(self.iter_parse(text, path=path))

    def parse_file(self, path: str | Path) -> list[Notice]:
        """Read a file (text or HTML, any supported encoding) and parse every document in it."""
        loaded = self.load(path)
        # the path as valid Unicode (a GBK file name as \xNN), the pages of a PDF/OFD input
        notices = list(self.iter_parse(loaded.text, path=record_path(path), pages=loaded.pages))
        if notices:
            notices[0] = with_load_warnings(notices[0], loaded.warnings)
        for notice in notices:
            notice._geometry = loaded.geometry  # character boxes of a PDF/OFD: Notice.bbox_of
        return notices

    def load(self, path: str | Path) -> Loaded:
        """Read and decode a file into the text that spans index (stage 1)."""
        return load_path(path, max_chars=self.options.max_chars, grammar=self.grammar)

    def _view(self, text: str) -> TextView:
        if not isinstance(text, str):
            raise InputError(f"expected text (str), got {type(text).__name__}; use parse_file for bytes")
        if not text.strip():
            raise InputError("empty input: there is no text to parse")
        if self.options.max_chars is not None and len(text) > self.options.max_chars:
            raise InputTooLargeError(f"input has {len(text)} characters, more than the limit of {self.options.max_chars}")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InputError(f"text contains a lone surrogate at offset {exc.start}; decode the bytes strictly") from exc
        # a law database's XML record (<法規>…) is parsed as parse_file parses it: rendered
        # (sztext.load.record), and the rendered text is the one its spans index
        text = render_record(text, self.grammar) or text
        return normalize(text, self.grammar)

    def _document(self, view: TextView, table: LineTable, rng: DocumentRange, index: int, path: str | None, warnings: tuple[Warning, ...]) -> Notice:
        with time_budget(rng.end - rng.start):
            notice = self._document_in_budget(view, table, rng, index, path, warnings)
        self.grammar.persist_derived()  # the tables this document built, for the next process (once)
        return notice

    def _document_in_budget(
        self, view: TextView, table: LineTable, rng: DocumentRange, index: int, path: str | None, warnings: tuple[Warning, ...],
    ) -> Notice:
        g = self.grammar
        blocks = tokenize(view, rng, g, table)
        check_budget("tokenize")
        header = read_header(view, rng, blocks, g)
        check_budget("header")
        title = header.title or header.main_title
        header.jurisdiction = find_jurisdiction(
            g,
            issuers=[i.clean for i in header.issuers],
            title=title.clean if title is not None else None,
            agency_code=header.doc_number.agency if header.doc_number else None,
            body=view.text[rng.start : rng.end],
        )
        place = header.jurisdiction.name if header.jurisdiction else None
        signed = header.signed_date.value if header.signed_date else None
        notes = list(warnings)

        def run(name: str, extractor: Callable[[], _T]) -> _T | None:
            # A runaway match in one extractor costs that extractor's values for this
            # document, with a warning; the rest of the document still comes out.
            try:
                check_budget(name)
                return extractor()
            except RegexTimeoutError as exc:
                notes.append(warning(code="regex_timeout", message=f"{name} skipped: {exc}", span=None))
                return None

        dates = run("dates", lambda: extract_dates(view, g, rng.start, rng.end)) or []
        if header.signed_date is not None:
            span = header.signed_date.span
            dates = [d.model_copy(update={"kind": "signed"}) if d.span == span else d for d in dates]
        found = Extracted(
            amounts=run("amounts", lambda: extract_amounts(view, g, rng.start, rng.end)) or [],
            dates=dates,
            citations=run("citations", lambda: extract_citations(view, g, rng.start, rng.end)) or [],
            unit_groups=run("unit_groups", lambda: extract_unit_groups(view, g, rng.start, rng.end, jurisdiction=place)) or [],
            effective=run("effective", lambda: extract_effective(
                view, g, rng.start, rng.end, signed=signed, stated=header.effective_date,
                published=header.published_date.value if header.published_date else None,
                printed=header.printed_date.value if header.printed_date else None,
            )),
            repeals=run("repeals", lambda: extract_repeals(view, g, rng.start, rng.end)) or [],
        )
        notes.extend(header.warnings)  # header fields the document does not state
        notes.extend(_lexicon_warnings(found, place))
        check_budget("extractors")
        notes.extend(_not_a_notice(view, rng))
        notice = build_notice(view, rng, blocks, header, found, g, index=index, path=path, version=VERSION, warnings=notes)
        return _with_legal_status(notice, view, rng, g)


_T = TypeVar("_T")

#: Lines at the end of a streamed chunk after which no document is taken as final (iter_stream).
STREAM_LOOKAHEAD_LINES = 40
STREAM_GROWTH = 3  # a long document: text read before the next attempt, × the text carried


def _line_back(text: str, lines: int) -> int:
    """Offset of the start of the ``lines``-th line counted back from the end of ``text``."""
    pos = len(text)
    for _ in range(lines):
        pos = text.rfind("\n", 0, pos - 1 if pos > 0 else 0)
        if pos < 0:
            return 0
    return pos + 1


def _with_legal_status(notice: Notice, view: TextView, rng: DocumentRange, grammar: Grammar) -> Notice:
    """``notice`` with the 时效性 and 效力级别 its text prints (sztext.extract.status), read in the
    document before its first numbered heading (a 北大法宝 export prints them under the title)."""
    first = next((view.to_view(node.span[0]) for node in notice.nodes() if node.marker is not None), rng.end)
    validity, level = extract_legal_status(view, grammar, rng.start, max(rng.start, min(first, rng.end)))
    if validity is None and level is None:
        return notice
    out = notice.model_copy(update={"validity": validity, "legal_level": level})
    out._source_text = notice._source_text
    return out


def _lexicon_warnings(found: Extracted, place: str | None) -> list[Warning]:
    """One warning for the units whose canonical name stays null (unknown place or name)."""
    missing = [u for _, group in found.unit_groups for u in group if u.canonical is None]
    if not missing:
        return []
    names = "、".join(dict.fromkeys(u.name for u in missing[:5]))
    if place is None:
        return [warning(code="jurisdiction_unknown", message=f"no jurisdiction read from the header: {len(missing)} units have no canonical name ({names} …)", span=missing[0].span)]
    return [warning(code="agency_not_in_lexicon", message=f"{len(missing)} units are not in the lexicons of {place} and above ({names} …)", span=missing[0].span)]


# A 公文 is written in Chinese: a document whose visible characters are almost none of them Han
# (a Lorem-ipsum file, an English page, random bytes that decoded) is parsed, but flagged.
_HAN_RUNS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")  # counted by runs: 4× faster than one match a character
_BLANKS = re.compile(r"\s+|(?:https?|javascript|mailto):[^\s()\[\]]*")  # spaces, links of a web page's furniture
NOT_A_NOTICE_HAN_SHARE = 0.1  # of the first 20,000 visible characters
_SAMPLE = 20_000


def _not_a_notice(view: TextView, rng: DocumentRange) -> list[Warning]:
    """A ``not_a_notice`` warning when fewer than ``NOT_A_NOTICE_HAN_SHARE`` of the document's
    visible characters (its first 20,000, links left out) are Han characters."""
    visible = _BLANKS.sub("", view.text[rng.start : min(rng.end, rng.start + 2 * _SAMPLE)])[:_SAMPLE]
    han = sum(map(len, _HAN_RUNS.findall(visible)))
    if not visible or han >= NOT_A_NOTICE_HAN_SHARE * len(visible):
        return []
    return [warning(code="not_a_notice", message=f"only {han} of {len(visible)} visible characters are Chinese: this does not read as a 公文", span=view.span(rng.start, rng.end))]


def _sentences(notice: Notice) -> frozenset[str]:
    """The body's sentences (metadata, 文号 and title lines left out), spaces ignored."""
    parts = [n.clean for n in notice.nodes() if n.role not in ("metadata", "doc_number", "title", "debris")]
    body = "".join("".join(parts).split())
    return frozenset(s for s in body.split("。") if len(s) >= 8)


class _DuplicateFinder:
    """Marks a document that repeats an earlier one of the same archive (``duplicate_of``).

    A re-posted notice is rarely byte-identical: samples/004 holds the same 意见 twice, once
    with 党中央 and once with 中共中央, cut at a different place. Two documents are the same
    when their titles are equal and at least 80% of their sentences are shared.
    """

    # A sentence shared by more earlier documents than this is boilerplate: it finds no candidates.
    # Without the cap, an archive of many documents with one title (a 公告 series) compares every
    # document with every earlier one.
    POSTINGS_CAP = 64

    def __init__(self) -> None:
        self._seen: dict[str, list[tuple[int, frozenset[str]]]] = {}
        self._postings: dict[str, dict[str, list[int]]] = {}  # title -> sentence -> positions in _seen[title]

    def check(self, notice: Notice) -> int | None:
        title = notice.title or notice.main_title
        key = "".join(title.clean.split()) if title else ""
        sentences = _sentences(notice)
        if not key or len(sentences) < 5:
            return None
        earlier = self._seen.setdefault(key, [])
        postings = self._postings.setdefault(key, {})
        shared: dict[int, int] = {}
        for s in sentences:
            for pos in postings.get(s, ())[: self.POSTINGS_CAP]:
                shared[pos] = shared.get(pos, 0) + 1
        for pos in sorted(shared):  # the earliest match wins, as a scan in order would find it
            index, other = earlier[pos]
            if len(sentences & other) >= 0.8 * max(len(sentences), len(other)):
                return index
        for s in sentences:
            postings.setdefault(s, []).append(len(earlier))
        earlier.append((notice.source.index, sentences))
        return None


_BY_OPTIONS: dict[Options, Pipeline] = {}


_WORKER: Pipeline | None = None


def _pipe_init(grammar: Grammar | None, options: Options | None) -> None:
    global _WORKER  # a worker process's own pipeline, built once by the pool's initializer
    _WORKER = _pipeline(grammar, options)


def _pipe_one(job: tuple[str, bool, bool], pipeline: Pipeline | None = None) -> Notice | list[Notice] | ErrorRecord:
    text, archive, record_errors = job
    p = pipeline or _WORKER
    assert p is not None
    try:
        return p.parse_archive(text) if archive else p.parse(text)
    except SztextError as exc:
        if not record_errors:
            raise
        return ErrorRecord.from_exception(None, None, exc)


def pipe(
    texts: Iterable[str],
    *,
    jobs: int = 1,
    archive: bool = False,
    errors: Literal["raise", "record"] = "raise",
    grammar: Grammar | None = None,
    options: Options | None = None,
    chunksize: int = 16,
) -> Iterator[Notice | list[Notice] | ErrorRecord]:
    """Parse many in-memory texts, in order, optionally on ``jobs`` processes (like spaCy's ``nlp.pipe``).

    Args:
        texts: any iterable of ``str``; read lazily, ``chunksize`` texts at a time per worker.
        jobs: worker processes; 1 parses in this process.
        archive: each text may hold several documents: yield ``parse_archive``'s list per text.
        errors: ``"raise"`` stops at the first bad text (its ``SztextError``); ``"record"``
            yields an :class:`ErrorRecord` in its place and goes on.
    Yields:
        One result per text, in the order of ``texts``.

    >>> [n.doc_number.clean for n in pipe(["深府规〔2024〕6号\\n各区人民政府：\\n现印发。\\n", "粤府〔2023〕1号\\n各市人民政府：\\n现印发。\\n"])]
    ['深府规〔2024〕6号', '粤府〔2023〕1号']
    """
    if not isinstance(jobs, int) or jobs < 1:
        raise InputError(f"jobs must be a whole number >= 1, not {jobs!r}")
    if errors not in ("raise", "record"):
        raise InputError(f"errors must be 'raise' or 'record', not {errors!r}")
    record = errors == "record"
    if jobs == 1:
        here = _pipeline(grammar, options)
        for text in texts:
            yield _pipe_one((text, archive, record), here)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, initializer=_pipe_init, initargs=(grammar, options)) as pool:
        yield from pool.map(_pipe_one, ((t, archive, record) for t in texts), chunksize=chunksize)


def _pipeline(grammar: Grammar | None, options: Options | None) -> Pipeline:
    return Pipeline(grammar, options) if grammar is not None else Pipeline.for_options(options)


def parse(text: str, *, grammar: Grammar | None = None, options: Options | None = None) -> Notice:
    """Parse one notice.

    Args:
        text: the decoded text of ONE document (use :func:`parse_archive` for many).
        grammar: a compiled grammar; the shipped one by default.
        options: parse options.
    Returns:
        The :class:`Notice`; every value's span indexes ``text``.
    Raises:
        InputError: empty text, not a ``str``, a lone surrogate, or over ``max_chars``.

    >>> n = parse("深圳市人民政府关于印发若干措施的通知\\n深府规〔2024〕6号\\n各区人民政府，市政府直属各单位：\\n"
    ...           "现将《若干措施》印发给你们。\\n深圳市人民政府\\n2024年5月18日\\n")
    >>> n.doc_type, n.doc_number.agency, n.issuer.text, [a.text for a in n.addressees]
    ('通知', '深府规', '深圳市人民政府', ['各区人民政府', '市政府直属各单位'])
    """
    return _pipeline(grammar, options).parse(text)


def parse_archive(text: str, *, grammar: Grammar | None = None, options: Options | None = None) -> list[Notice]:
    """Split a text holding many notices into documents and parse each (spans index ``text``)."""
    return _pipeline(grammar, options).parse_archive(text)


def with_load_warnings(notice: Notice, warnings: Sequence[str]) -> Notice:
    """``notice`` with what loading its input met (``Loaded.warnings``, ``"code: message"``:
    html_depth_limit) as warnings before its own: the first document of a file carries them,
    whichever way it was parsed (parse_file, sztext batch, parse_record)."""
    if not warnings:
        return notice
    found = [warning(code=w.partition(": ")[0], message=w.partition(": ")[2], span=None) for w in warnings]
    out = notice.model_copy(update={"warnings": [*found, *notice.warnings]})
    out._source_text = notice._source_text
    return out


def iter_parse(text: str, *, grammar: Grammar | None = None, options: Options | None = None) -> Iterator[Notice]:
    """Like :func:`parse_archive`, one document at a time."""
    return _pipeline(grammar, options).iter_parse(text)


def parse_file(path: str | Path, *, grammar: Grammar | None = None, options: Options | None = None) -> list[Notice]:
    """Read a file (UTF-8/GB18030/Big5/UTF-16 text or HTML) and parse every document in it.

    Raises:
        InputError: unreadable file, undecodable bytes (``DecodeError``), or no text.
    """
    return _pipeline(grammar, options).parse_file(path)


