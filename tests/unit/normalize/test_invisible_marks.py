"""A soft hyphen or a bidi control inside a 文号 no longer hides it (issue 16): the marks are
noise of the view, and the value's span still indexes the original text, marks included."""

from __future__ import annotations

import pytest

import sztext

# the 文号 lines of samples/000 (深府规〔2024〕6号 style) and of a Guangdong 函, with a mark inserted
CASES = [
    ("深府规〔2024〕\u00ad6号", "深府规〔2024〕6号"),  # soft hyphen
    ("粤府函〔2023〕\u202e12号", "粤府函〔2023〕12号"),  # right-to-left override
    ("国发〔2019〕\u20664\u2069号", "国发〔2019〕4号"),  # an isolate around the number
    ("深府\u200f规〔2024〕6号", "深府规〔2024〕6号"),  # right-to-left mark inside the agency
    ("粤府\u202a函\u202c〔2023〕12号", "粤府函〔2023〕12号"),  # an embedding and its pop
]


@pytest.mark.parametrize(("written", "clean"), CASES, ids=[c for c, _ in CASES])
def test_doc_number_with_an_invisible_mark_is_found(written: str, clean: str) -> None:
    text = f"深圳市人民政府关于印发若干措施的通知\n{written}\n各区人民政府：\n现将《若干措施》印发给你们。\n"
    notice = sztext.parse(text)
    notice.verify()
    assert notice.doc_number is not None
    assert notice.doc_number.clean == clean
    start, end = notice.doc_number.span
    assert text[start:end] == notice.doc_number.text == written
    marks = [n for n in notice.noise if n.kind == "control"]
    assert marks and all(text[n.span[0] : n.span[1]] == n.text for n in marks)
