"""Money in JSON (G3): how exact an amount stays on its way through ``model_dump(mode="json")``.

Python always holds a ``Decimal``. JSON gets an integer for an integral amount (exact at any
size) and, for a fractional one, a number written with the shortest float repr: exact for every
amount of at most 15 significant digits (docs/guarantees.md). These properties pin both claims
and the boundary, so a change of the serializer that loses digits fails here.
"""

from __future__ import annotations

import json
from decimal import Decimal

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from sztext.models import Amount

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None)


def _amount(value: Decimal) -> Amount:
    return Amount(text="x", value=value, currency="CNY", qualifier="exact", rule_id="money.amount", span=(0, 1))


def _through_json(value: Decimal) -> Decimal:
    """The value as a JSON reader with exact decimals sees it after sztext wrote it."""
    record = _amount(value).model_dump(mode="json")
    return json.loads(orjson.dumps(record), parse_float=Decimal)["value"]  # type: ignore[no-any-return]


@SETTINGS
@given(st.integers(min_value=0, max_value=10**40))
def test_integral_amounts_are_exact_integers_at_any_size(n: int) -> None:
    written = _amount(Decimal(n)).model_dump(mode="json")["value"]
    assert type(written) is int and written == n


@SETTINGS
@given(st.integers(min_value=1, max_value=10**15 - 1), st.integers(min_value=1, max_value=12))
def test_fractional_amounts_up_to_15_digits_are_exact(digits: int, places: int) -> None:
    value = Decimal(digits).scaleb(-places)  # e.g. 123.11 (元角分), 0.5, 3541.07
    if value == value.to_integral_value():
        return
    assert _through_json(value) == value


def test_the_boundary_is_stated_truthfully() -> None:
    """16 significant digits with a fraction is beyond a double: JSON carries the nearest one."""
    assert _through_json(Decimal("123456789012.345")) == Decimal("123456789012.345")  # 15 digits
    beyond = Decimal("1234567890123.4567")  # 17 digits
    assert _through_json(beyond) != beyond
    assert _amount(beyond).value == beyond  # Python keeps it exact
