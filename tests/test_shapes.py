"""shapes' builder held to pydantic's answers: what the builder accepts pydantic accepts, with equal results (values
and types), what pydantic refuses the builder declines, and valid data of the strict models is built without pydantic.

Each case runs through both: the builder (`_shape(cls).build`; a `_Decline`, or a validator's ValueError or
AssertionError, is "declined") and the pydantic twin (`_pydantic_validate`; `Refused` is "refused").
"""

from __future__ import annotations

import datetime as dt
import enum
import gc
import unicodedata
import weakref
from typing import Any, Literal

import pytest

from cqdt_check import shapes
from cqdt_check.dates import IsoDate
from cqdt_check.rulepack import RULE_ID, Example
from cqdt_check.shapes import Field
from cqdt_check.values import Condition, Frozen, Text

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


# -- the builder, type by type -------------------------------------------------------------------------------------


class Bools(Frozen):
    b: bool


class Ints(Frozen):
    i: int


class Floats(Frozen):
    f: float


class Dates(Frozen):
    d: IsoDate


class Kinds(Frozen):
    kind: Literal["a", "b"]


class Colours(Frozen):
    colour: Literal["red", "blue"]


class Lists(Frozen):
    items: list[int]


class Tables(Frozen):
    table: dict[str, int]


class Optionals(Frozen):
    o: int | None = None
    given: str | None  # required, though it may be null


class Conditions(Frozen):
    c: Condition


class Nested(Frozen):
    text: Text
    more: list[Text] = []  # noqa: RUF012  (a field default, copied per object: the case tested)


class Shortest(Frozen):
    s: str = Field(min_length=2)
    items: list[str] = Field(default_factory=list, min_length=1)


class Patterns(Frozen):
    code: str = Field("abc", pattern=r"^[a-z]+$")
    rule: str = Field("A-001", pattern=RULE_ID)


class Bounds(Frozen):
    n: int = Field(3, ge=1, le=5)
    x: float = Field(1.0, gt=0)


class Required(Frozen):
    a: str
    b: int = 3
    tags: list[str] = []  # noqa: RUF012  (a field default, copied per object: the case tested)
    table: dict[str, int] = Field(default_factory=dict)


# digits Python's Unicode tables know (Arabic-Indic), and Kawi digits (Unicode 15) that pydantic's regex engine knows
# and Python 3.11's (Unicode 14) does not: those the builder declines, pydantic accepts
ARABIC_DIGITS = "A-\u0661\u0662\u0663"
KAWI_DIGITS = "A-\U00011f50\U00011f51\U00011f52"
KAWI = BUILT if tuple(map(int, unicodedata.unidata_version.split("."))) >= (15, 0) else HANDED

CASES = [
    # str
    (Strs, {"s": "x"}, BUILT),
    (Strs, {"s": ""}, BUILT),
    (Strs, {"s": Sub("x")}, BUILT),
    (Strs, {"s": Colour.RED}, BUILT),
    (Strs, {"s": 1}, REFUSED),
    (Strs, {"s": b"x"}, REFUSED),
    (Strs, {"s": None}, REFUSED),
    (Strs, {"s": ["x"]}, REFUSED),
    # bool
    (Bools, {"b": True}, BUILT),
    (Bools, {"b": False}, BUILT),
    (Bools, {"b": 1}, REFUSED),
    (Bools, {"b": "true"}, REFUSED),
    (Bools, {"b": None}, REFUSED),
    # int
    (Ints, {"i": 1}, BUILT),
    (Ints, {"i": -7}, BUILT),
    (Ints, {"i": 10**30}, BUILT),
    (Ints, {"i": True}, REFUSED),
    (Ints, {"i": 1.0}, REFUSED),
    (Ints, {"i": "1"}, REFUSED),
    # float: an int is taken and held as a float
    (Floats, {"f": 1}, BUILT),
    (Floats, {"f": 1.5}, BUILT),
    (Floats, {"f": 2**53 + 1}, BUILT),
    (Floats, {"f": 10**30}, BUILT),
    (Floats, {"f": True}, REFUSED),
    (Floats, {"f": float("inf")}, REFUSED),
    (Floats, {"f": float("-inf")}, REFUSED),
    (Floats, {"f": float("nan")}, REFUSED),
    (Floats, {"f": 10**400}, REFUSED),
    (Floats, {"f": "1.0"}, REFUSED),
    # IsoDate: YYYY-MM-DD text or a date, nothing else
    (Dates, {"d": "2024-02-29"}, BUILT),
    (Dates, {"d": dt.date(2024, 1, 1)}, BUILT),
    (Dates, {"d": "2024-02-30"}, REFUSED),
    (Dates, {"d": "2024-1-1"}, REFUSED),
    (Dates, {"d": "2024-01-01\n"}, REFUSED),
    (Dates, {"d": "2024-01-01T00:00"}, REFUSED),
    (Dates, {"d": dt.datetime(2024, 1, 1)}, REFUSED),
    (Dates, {"d": 20240101}, REFUSED),
    (Dates, {"d": None}, REFUSED),
    # Literal
    (Kinds, {"kind": "a"}, BUILT),
    (Kinds, {"kind": Sub("a")}, BUILT),
    (Kinds, {"kind": Colour.RED}, REFUSED),
    (Kinds, {"kind": "c"}, REFUSED),
    (Colours, {"colour": Colour.RED}, BUILT),
    (Kinds, {"kind": ["a"]}, REFUSED),
    (Kinds, {"kind": None}, REFUSED),
    # list
    (Lists, {"items": [1, 2]}, BUILT),
    (Lists, {"items": []}, BUILT),
    (Lists, {"items": (1, 2)}, REFUSED),
    (Lists, {"items": [True]}, REFUSED),
    (Lists, {"items": [1, "2"]}, REFUSED),
    (Lists, {"items": {"a": 1}}, REFUSED),
    # dict[str, X]
    (Tables, {"table": {"a": 1}}, BUILT),
    (Tables, {"table": {}}, BUILT),
    (Tables, {"table": {1: 1}}, REFUSED),
    (Tables, {"table": {"a": "1"}}, REFUSED),
    (Tables, {"table": [("a", 1)]}, REFUSED),
    # Optional
    (Optionals, {"given": None}, BUILT),
    (Optionals, {"given": "x", "o": None}, BUILT),
    (Optionals, {"given": "x", "o": 2}, BUILT),
    (Optionals, {"o": 2}, REFUSED),
    (Optionals, {"given": "x", "o": "2"}, REFUSED),
    # values.Condition: bool | int | str | list of those | Range
    (Conditions, {"c": True}, BUILT),
    (Conditions, {"c": 1}, BUILT),
    (Conditions, {"c": "x"}, BUILT),
    (Conditions, {"c": [1, "a", True]}, BUILT),
    (Conditions, {"c": []}, BUILT),
    (Conditions, {"c": {"gte": 1}}, BUILT),
    (Conditions, {"c": {"gte": 1.5, "lte": 3, "gt": 0}}, BUILT),
    (Conditions, {"c": {}}, BUILT),
    (Conditions, {"c": 1.0}, REFUSED),
    (Conditions, {"c": None}, REFUSED),
    (Conditions, {"c": [1.0]}, REFUSED),
    (Conditions, {"c": [[1]]}, REFUSED),
    (Conditions, {"c": {"gte": "1"}}, REFUSED),
    (Conditions, {"c": {"gte": True}}, REFUSED),
    (Conditions, {"c": {"zz": 1}}, REFUSED),
    # nested models
    (Nested, {"text": {"vi": "a"}}, BUILT),
    (Nested, {"text": {"vi": "a", "en": "b"}, "more": [{"vi": "c"}]}, BUILT),
    (Nested, {"text": {"vi": ""}}, REFUSED),
    (Nested, {"text": {"vi": "a", "en": ""}}, REFUSED),
    (Nested, {"text": "a"}, REFUSED),
    (Nested, {"text": {"vi": "a", "zz": 1}}, REFUSED),
    (Nested, {"text": {"vi": "a"}, "more": [{"en": "b"}]}, REFUSED),
    # Field constraints
    (Shortest, {"s": "ab", "items": ["x"]}, BUILT),
    (Shortest, {"s": "a", "items": ["x"]}, REFUSED),
    (Shortest, {"s": "ab", "items": []}, REFUSED),
    (Shortest, {"s": "ab"}, BUILT),  # a default is not validated (pydantic's validate_default=False)
    (Patterns, {"code": "abc"}, BUILT),
    (Patterns, {"code": "abc\n"}, REFUSED),  # `$` ends the text only, as in pydantic's regex engine
    (Patterns, {"code": "ABC"}, REFUSED),
    (Patterns, {"code": "ab c"}, REFUSED),
    (Patterns, {"rule": "IPV6-002"}, BUILT),
    (Patterns, {"rule": "IPV6-002\n"}, REFUSED),
    (Patterns, {"rule": "IPV6-02"}, REFUSED),
    (Patterns, {"rule": ARABIC_DIGITS}, BUILT),
    (Patterns, {"rule": KAWI_DIGITS}, KAWI),
    (Bounds, {"n": 1}, BUILT),
    (Bounds, {"n": 5}, BUILT),
    (Bounds, {"n": 0}, REFUSED),
    (Bounds, {"n": 6}, REFUSED),
    (Bounds, {"n": True}, REFUSED),
    (Bounds, {"x": 1}, BUILT),
    (Bounds, {"x": 0.5}, BUILT),
    (Bounds, {"x": 0}, REFUSED),
    (Bounds, {"x": 0.0}, REFUSED),
    (Bounds, {"x": -1.5}, REFUSED),
    # required, missing, unknown, defaults
    (Required, {"a": "x"}, BUILT),
    (Required, {"a": "x", "b": 4, "tags": ["t"], "table": {"k": 1}}, BUILT),
    (Required, {}, REFUSED),
    (Required, {"b": 4}, REFUSED),
    (Required, {"a": "x", "zz": 1}, REFUSED),
    (Required, {"a": "x", 1: 1}, REFUSED),
    (Required, "a", REFUSED),
    (Required, ["a"], REFUSED),
    (Required, None, REFUSED),
    # aliases: rulepack.Example writes `pass` (a keyword in Python: the field is `pass_`), populate_by_name
    (Example, {"fail": "a", "pass": "b"}, BUILT),
    (Example, {"fail": "a", "pass_": "b"}, BUILT),
    (Example, {"fail": "a"}, REFUSED),
    (Example, {"fail": "a", "pass": 1}, REFUSED),
    (Example, {"fail": "a", "pass": "b", "pass_": "b"}, REFUSED),
]


@pytest.mark.parametrize(("cls", "data", "expected"), CASES,
                         ids=[f"{c.__name__}-{i}" for i, (c, _, _) in enumerate(CASES)])
def test_builder_follows_pydantic(cls, data, expected):
    assert agreement(cls, data) == expected


@pytest.mark.parametrize(("data", "kind"), [(1, float), (1.5, float)])
def test_a_float_field_holds_a_float(data, kind):
    for obj in (Floats.model_validate({"f": data}), built(Floats, {"f": data})[1], judged(Floats, {"f": data})[1]):
        assert type(obj.f) is kind and obj.f == data


@pytest.mark.parametrize("cls", [Required, Shortest, Nested])
def test_a_mutable_default_is_not_shared(cls):
    data = {"a": "x"} if cls is Required else {"s": "ab"} if cls is Shortest else {"text": {"vi": "a"}}
    for make in (lambda: built(cls, data)[1], lambda: judged(cls, data)[1], lambda: cls.model_validate(data)):
        first, second = make(), make()
        for name, value in first.__dict__.items():
            if isinstance(value, (list, dict)):
                assert value is not second.__dict__[name], f"{cls.__name__}.{name} shared"
