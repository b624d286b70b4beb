"""shapes' builder held to pydantic's answers: what the builder accepts pydantic accepts, with equal results (values
and types), what pydantic refuses the builder declines, and valid data of the strict models is built without pydantic.

Each case runs through both: the builder (`_shape(cls).build`; a `_Decline`, or a validator's ValueError or
AssertionError, is "declined") and the pydantic twin (`_pydantic_validate`; `Refused` is "refused").
"""

from __future__ import annotations

import enum
import gc
import weakref
from typing import Any

import pytest

from cqdt_check import shapes
from cqdt_check.rulepack import Example
from cqdt_check.values import Frozen

BUILT, HANDED, REFUSED = "built", "handed to pydantic", "refused"


def built(cls: type, data: Any, context: Any = None) -> tuple[bool, Any]:
    """(True, object) when the builder builds `data`, (False, None) when it declines."""
    try:
        return True, shapes._shape(cls).build(data, context)
    except (shapes._Decline, ValueError, AssertionError):
        return False, None


def judged(cls: type, data: Any, context: Any = None) -> tuple[bool, Any]:
    """(True, object) when pydantic accepts `data`, (False, None) when it refuses."""
    try:
        return True, shapes._pydantic_validate(cls, data, context)
    except shapes.Refused:
        return False, None


def typed(value: Any) -> Any:
    """The value as a tree that also names every type: 1 and 1.0, or "a" and a str subclass, differ."""
    if isinstance(value, shapes.Model):
        return type(value), tuple((name, typed(value.__dict__.get(name))) for name in type(value).model_fields)
    if isinstance(value, list):
        return list, tuple(typed(v) for v in value)
    if isinstance(value, dict):
        return dict, tuple((typed(k), typed(v)) for k, v in value.items())
    return type(value), value


def agreement(cls: type, data: Any, context: Any = None, case: str = "") -> str:
    """How builder and pydantic treat `data` (BUILT, HANDED or REFUSED), after asserting they agree."""
    by_builder, obj = built(cls, data, context)
    by_pydantic, twin_obj = judged(cls, data, context)
    label = f"{cls.__name__} {case or repr(data)[:300]}"
    if by_builder:
        assert by_pydantic, f"{label}: the builder accepts what pydantic refuses"
        assert typed(obj) == typed(twin_obj), f"{label}: builder {obj!r} != pydantic {twin_obj!r}"
        assert obj == twin_obj
        return BUILT
    return HANDED if by_pydantic else REFUSED


class Sub(str):
    """A str subclass whose str() is not its text: the model holds the text, as pydantic does."""

    def __str__(self) -> str:
        return "not the text"


class Colour(str, enum.Enum):
    RED = "red"


class Strs(Frozen):
    s: str


class Holder(Frozen):
    n: int
    payload: Any = None


class Marker:
    """An object only the data refers to: alive after validation only if something kept the data."""


@pytest.mark.parametrize("value", [Sub("text"), Colour.RED], ids=["str-subclass", "str-enum"])
def test_a_str_subclass_is_held_as_its_text(value):
    obj = Strs.model_validate({"s": value})
    assert agreement(Strs, {"s": value}) == BUILT
    assert type(obj.s) is str and obj.s == str.__str__(value)


@pytest.mark.parametrize("data", [{"fail": "a", "pass": "b", "pass_": "c"}, {"fail": "a", "pass_": "c", "pass": "b"}])
def test_a_field_given_by_alias_and_by_name_is_refused(data):
    # populate_by_name lets either name in, not both: pydantic calls the second one an unknown key
    assert agreement(Example, data) == REFUSED
    with pytest.raises(shapes.Refused):
        Example.model_validate(data)


def test_a_declined_value_is_not_kept_alive():
    # a decline must not keep the frames (and the data) it passed through: a batch of refused plans would pile up
    marker = Marker()
    alive = weakref.ref(marker)
    data = {"n": "not a number", "payload": marker}
    for _ in range(3):
        with pytest.raises(shapes.Refused):
            Holder.model_validate(data)
    del marker, data
    gc.collect()
    assert alive() is None
