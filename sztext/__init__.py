"""sztext — Chinese government notices (公文) into structured, verifiable data.

>>> import sztext
>>> notice = sztext.parse("深圳市人民政府关于印发若干措施的通知\\n深府规〔2024〕6号\\n各区人民政府：\\n现印发。\\n")
>>> notice.doc_number.serial
6
"""

from __future__ import annotations

import logging

from .errors import (
    ArgumentError,
    DecodeError,
    GrammarError,
    InputError,
    InputTooLargeError,
    OCRRequiredError,
    EncryptedInputError,
    InternalError,
    RegexTimeoutError,
    SztextError,
    TimeBudgetError,
    VerificationError,
)
from .grammar import Grammar, load_grammar
from .models import (
    Amount,
    Citation,
    DateValue,
    DocNumber,
    Effective,
    ErrorRecord,
    Node,
    Noise,
    Notice,
    Repeal,
    Source,
    TextValue,
    Unit,
    Warning,
)

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "__version__",
    "parse",
    "parse_archive",
    "parse_file",
    "iter_parse",
    "pipe",
    "tables",
    "write_tables",
    "table_schemas",
    "table_batch",
    "parse_record",
    "load_grammar",
    "Pipeline",
    "Options",
    "Grammar",
    "Notice",
    "Node",
    "TextValue",
    "DocNumber",
    "DateValue",
    "Effective",
    "Repeal",
    "Unit",
    "Amount",
    "Citation",
    "Noise",
    "Source",
    "ErrorRecord",
    "Warning",
    "SztextError",
    "GrammarError",
    "InputError",
    "DecodeError",
    "InputTooLargeError",
    "OCRRequiredError",
    "EncryptedInputError",
    "VerificationError",
    "InternalError",
    "ArgumentError",
    "RegexTimeoutError",
    "TimeBudgetError",
    "PageBox",
]

from .pipeline import Options, Pipeline, iter_parse, parse, parse_archive, parse_file, pipe  # noqa: E402
from .export.rows import tables  # noqa: E402
from .export.tablefiles import table_batch, table_schemas, write_tables  # noqa: E402
from .engine import parse_record  # noqa: E402
from .load.geometry import PageBox  # noqa: E402
