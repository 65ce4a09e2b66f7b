"""``constructor`` builds the same model whether the fields are given in field order (kept as
given) or in another order (reordered): both equal ``model_construct`` and dump alike."""

from __future__ import annotations

from sztext.models import Unit
from sztext.normalize import constructor


def test_fields_in_any_order_give_the_model_construct_result() -> None:
    make = constructor(Unit)
    # (责任单位:市财政局) in samples/004: one unit as units.py builds it
    values = dict(text="市财政局", name="市财政局", canonical="深圳市财政局", role="responsible", span=(3, 7))
    in_order = make(**values)
    shuffled = make(**dict(reversed(list(values.items()))))
    reference = Unit.model_construct(**values)
    assert in_order == reference == shuffled
    assert list(in_order.__dict__) == list(shuffled.__dict__) == list(Unit.model_fields)
    assert in_order.model_dump_json() == shuffled.model_dump_json() == reference.model_dump_json()
