"""The exception hierarchy: every error sztext raises derives from :class:`SztextError`.

Modelled on lark's exceptions: configuration-like errors are also ``ValueError`` so that
generic callers can catch them without importing sztext.
"""

from __future__ import annotations

__all__ = [
    "SztextError",
    "GrammarError",
    "InputError",
    "DecodeError",
    "InputTooLargeError",
    "OCRRequiredError",
    "EncryptedInputError",
    "VerificationError",
    "RegexTimeoutError",
    "TimeBudgetError",
    "InternalError",
    "ArgumentError",
]


class SztextError(Exception):
    """Base class of every error raised by sztext."""


class GrammarError(SztextError, ValueError):
    """A grammar file is malformed: bad TOML, a failed schema check, or a regex that does not compile.

    Args:
        path: the grammar file.
        rule_id: the rule at fault, or ``None`` for a file-level problem.
        message: what is wrong, with the location inside the rule (``[rule -> 3 -> pattern]``).
    """

    def __init__(self, path: str, rule_id: str | None, message: str) -> None:
        self.path = path
        self.rule_id = rule_id
        self.message = message
        where = f"{path}" + (f" (rule {rule_id})" if rule_id else "")
        super().__init__(f"{where}: {message}")


class InputError(SztextError, ValueError):
    """The input cannot be parsed at all: empty, not text, or not a notice."""


class DecodeError(InputError):
    """The bytes cannot be decoded to text with confidence (never silent mojibake)."""


class InputTooLargeError(InputError):
    """The input is larger than ``Options.max_chars``."""


class OCRRequiredError(InputError):
    """The input has no text to read: a scanned PDF without a text layer, or an image file.
    Run OCR first (its text or Markdown output is read)."""


class EncryptedInputError(InputError):
    """The input is encrypted (a password-protected PDF): decrypt it first."""


class VerificationError(SztextError):
    """A span or the outline tiling does not hold against the source text.

    Args:
        message: what failed.
        start: the source offset where it failed, when known.
    """

    def __init__(self, message: str, start: int | None = None) -> None:
        self.start = start
        super().__init__(message if start is None else f"{message} (at offset {start})")

    def get_context(self, text: str, span: int = 40) -> str:
        """The source around the failing offset, with a caret under it (as lark does)."""
        if self.start is None:
            return ""
        lo = max(0, self.start - span)
        before = text[lo : self.start].rsplit("\n", 1)[-1]
        after = text[self.start : self.start + span].split("\n", 1)[0]
        return f"{before}{after}\n{' ' * len(before)}^\n"


class RegexTimeoutError(SztextError):
    """A grammar rule ran past its time limit on some input (a runaway match, never a hang).

    Extractors that hit it are skipped for that document with a warning; elsewhere the
    document fails with this error (an error record in a batch).
    """

    def __init__(self, rule_id: str, seconds: float) -> None:
        self.rule_id = rule_id
        super().__init__(f"rule {rule_id} ran longer than {seconds:g} s and was stopped")


class TimeBudgetError(RegexTimeoutError):
    """A document (or the segmentation of a text) ran past its time budget
    (``sztext.budget``): checked between stages and in the long loops, it stops what many short
    pattern calls add up to, where the per-call timeout guards only calls over long spans. A
    :class:`RegexTimeoutError`, so it is handled the same way (a warning in an extractor).
    """

    def __init__(self, stage: str, seconds: float) -> None:
        self.rule_id = stage
        self.stage = stage
        SztextError.__init__(self, f"{stage} stopped: the document ran past its time budget of {seconds:g} s")


class InternalError(SztextError, RuntimeError):
    """A defect in sztext: an unexpected exception while parsing (not the input's fault).

    The original exception is chained as ``__cause__``. Raised so that a caller that catches
    :class:`SztextError` is never surprised by an ``IndexError`` from inside the pipeline; in a
    batch it becomes an error record for that document and the others still come out. Please
    report it with the input.
    """

    def __init__(self, stage: str, exc: Exception) -> None:
        self.stage = stage
        super().__init__(f"internal error in {stage}: {type(exc).__name__}: {exc} (a defect in sztext; please report it with the input)")


class ArgumentError(SztextError, TypeError, ValueError):
    """An argument sztext cannot use, whatever the input: a path that is not a path
    (``parse_file(123)``), an ``Options`` field of the wrong type or value, an output directory
    that cannot be created. Also a ``TypeError`` and a ``ValueError``, so callers that check
    arguments the usual way catch it."""
