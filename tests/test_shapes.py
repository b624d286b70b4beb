"""shapes' builder held to pydantic's answers: what the builder accepts pydantic accepts, with equal results (values
and types), what pydantic refuses the builder declines, and valid data of the strict models is built without pydantic.

Each case runs through both: the builder (`_shape(cls).build`; a `_Decline`, or a validator's ValueError or
AssertionError, is "declined") and the pydantic twin (`_pydantic_validate`; `Refused` is "refused").
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import gc
import json
import pickle
import random
import subprocess
import sys
import unicodedata
import weakref
from pathlib import Path
from typing import Any, Literal

import pytest

from cqdt_check import config, shapes
from cqdt_check.architecture import Architecture, National
from cqdt_check.bundled import load as load_bundled
from cqdt_check.checks import CHECKS
from cqdt_check.dates import IsoDate
from cqdt_check.decisions import DecisionsFile
from cqdt_check.loader import LoadError, load_file
from cqdt_check.model import Plan
from cqdt_check.resources import data_dir
from cqdt_check.rulepack import RULE_ID, AppliesWhen, Example, RuleFile, Vocabulary, _with_instruments
from cqdt_check.shapes import Field
from cqdt_check.values import Condition, Frozen, Range, Text

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


@pytest.mark.parametrize(("cls", "data"), [
    (Text, Text(vi="a", en="b")),
    (Nested, {"text": Text(vi="a")}),
    (Example, Example(fail="a", pass_="b")),
], ids=["the-object-itself", "an-object-inside", "an-object-with-an-alias"])
def test_an_object_of_the_model_is_taken_by_both(cls, data):
    # a pydantic model takes an object of its own class; the twin knows only its own class, so the object is written
    # out as its fields for it
    assert agreement(cls, data) == BUILT


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



class Bounded(Frozen):
    """A model whose validator reads the validation's context (as architecture.Architecture does)."""

    n: int

    @shapes.model_validator(mode="after")
    def _within(self, info: shapes.Info) -> Bounded:
        if info.context and self.n > info.context["max"]:
            raise ValueError("too big")
        return self


class HoldsBounded(Frozen):
    inner: Bounded


@pytest.mark.parametrize(("cls", "data", "context", "expected"), [
    (Bounded, {"n": 5}, None, BUILT),
    (Bounded, {"n": 5}, {"max": 9}, BUILT),
    (Bounded, {"n": 5}, {"max": 1}, REFUSED),
    (HoldsBounded, {"inner": {"n": 5}}, {"max": 1}, REFUSED),  # pydantic passes the context down to nested models
    (HoldsBounded, {"inner": {"n": 5}}, {"max": 9}, HANDED),
])
def test_a_validators_context(cls, data, context, expected):
    assert agreement(cls, data, context) == expected


# -- every file the project holds -----------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
FORMATS: dict[str, type] = {"cqdt-plan/1": Plan, "cqdt-decisions/1": DecisionsFile, "cqdt-rules/1": RuleFile,
                            "cqdt-vocabulary/1": Vocabulary, "cqdt-architecture/1": Architecture,
                            "cqdt-national/1": National}
STRICT = [Plan, DecisionsFile, RuleFile, Vocabulary, Architecture, National]  # config.FileConfig is lax: pydantic's


def _yaml_files() -> list[Path]:
    bundled = [*data_dir("rules").rglob("*.yaml"), *data_dir("architecture").rglob("*.yaml")]
    ours = [*(ROOT / "examples").glob("*.yaml"), *(ROOT / "tests" / "fixtures").rglob("*.yaml"),
            *(ROOT / "tests" / "corpus").rglob("*.yaml")]
    return sorted(set(bundled + ours))


@functools.lru_cache(maxsize=1)
def _instruments() -> dict[str, Any]:
    vocabulary = [Vocabulary.model_validate(load_bundled(p).data) for p in (data_dir("rules") / "vocabulary").glob("*.yaml")]
    return {i.id: i for v in vocabulary for i in v.instruments}


def _model_and_data(path: Path) -> tuple[type, Any] | None:
    """The model a file is validated with (by its `format`, as the loaders choose) and the data given to it."""
    try:
        doc = load_file(path)
    except LoadError:
        return None  # not YAML the loader reads: never validated
    data = doc.data
    if path.parent.name == "config" and isinstance(data, dict) and "format" not in data.get("format", ()):
        return config.FileConfig, data  # a configuration file (its `format` key lists report formats)
    written = data.get("format") if isinstance(data, dict) else None
    if written == "cqdt-rules/1":
        return RuleFile, _with_instruments(doc, _instruments(), path)
    if isinstance(written, str) and written in FORMATS:
        return FORMATS[written], data
    return Plan, data  # a plan's format is refused by the plan model itself


FILES = _yaml_files()


def _label(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def test_the_project_has_files_of_every_format():
    kinds = {found[0] for found in map(_model_and_data, FILES) if found}
    assert set(STRICT) | {config.FileConfig} <= kinds


@pytest.mark.parametrize("path", FILES, ids=_label)
def test_real_files_agree(path):
    found = _model_and_data(path)
    if found is None:
        pytest.skip("not read by the loader")
    cls, data = found
    outcome = agreement(cls, data, case=_label(path))
    if cls in STRICT:  # valid data of a strict model is built here: a run that must import pydantic is slower
        assert outcome != HANDED, f"{_label(path)}: valid data declined by the builder"


def _bundled_rules() -> list[Any]:
    rules = []
    for path in sorted(data_dir("rules").glob("*.yaml")):
        rules += RuleFile.model_validate(_with_instruments(load_bundled(path), _instruments(), path)).rules
    return rules


def test_every_bundled_rule_is_read():
    assert len(_bundled_rules()) > 50 and all(r.check in CHECKS for r in _bundled_rules())


@pytest.mark.parametrize("rule", _bundled_rules(), ids=lambda r: r.id)
def test_bundled_options_agree(rule):
    assert agreement(CHECKS[rule.check].options, rule.options, case=rule.id) == BUILT


# -- mutations of real data ------------------------------------------------------------------------------------------

SEED = 20260521
CASES_PER_RUN = 4000
ODD_VALUES: list[Any] = ["1", 1, 1.0, True, None, [], {}, "2024-02-30", "x\n", float("inf"), 10**400, Sub("x"),
                         {"vi": "x", "en": "y"}, {"vi": "x", "zz": {"nested": [1]}}]


def _bases() -> list[tuple[str, type, Any]]:
    named = [ROOT / "examples" / p.name for p in sorted((ROOT / "examples").glob("*.yaml"))]
    named += sorted((ROOT / "tests" / "fixtures" / "plans").glob("*.yaml"))
    named += sorted((ROOT / "tests" / "fixtures" / "rules").rglob("pass.yaml"))[::10]
    named += [data_dir("architecture") / "quang-ngai-3.0.yaml", data_dir("architecture") / "national" / "khung-quoc-gia.yaml",
              data_dir("rules") / "ipv6.yaml", data_dir("rules") / "vocabulary" / "scopes.yaml",
              ROOT / "tests" / "fixtures" / "decisions" / "decisions.yaml"]
    bases = []
    for path in named:
        found = _model_and_data(path)
        assert found is not None, path
        bases.append((_label(path), *found))
    return bases


def _places(data: Any, path: tuple = ()) -> list[tuple]:
    """The path of every value below the top."""
    found = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, (*path, index))
    return found


def _changed(data: Any, path: tuple, change: Any) -> Any:
    """`data` with `change(container)` applied to a copy of the container at `path` (the rest shared, not copied)."""
    if not path:
        copy = dict(data) if isinstance(data, dict) else list(data)
        change(copy)
        return copy
    head, *rest = path
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _changed(data[head], tuple(rest), change)
    return copy


def _unusual(value: Any) -> Any:
    """The same value written another valid way, or None when there is none."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value) if len(value) == 10 else Sub(value)
        except ValueError:
            return Sub(value)
    if type(value) is float and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return None


def _mutation(rng: random.Random, data: Any) -> tuple[str, Any]:
    places = _places(data)
    dicts = [()] + [p for p in places if isinstance(_at(data, p), dict)]
    roll = rng.random()
    if roll < 0.1:
        where = rng.choice(dicts)
        return f"add zz at {where}", _changed(data, where, lambda c: c.__setitem__("zz", 1))
    if roll < 0.25:
        where = rng.choice([p for p in dicts if _at(data, p)] or [()])
        key = rng.choice(sorted(_at(data, where), key=str)) if _at(data, where) else "format"
        return f"delete {key} at {where}", _changed(data, where, lambda c: c.pop(key, None))
    where = rng.choice(places)
    if roll < 0.4 and (value := _unusual(_at(data, where))) is not None:
        return f"{where} = {value!r} (unusual)", _changed(data, where[:-1], lambda c: c.__setitem__(where[-1], value))
    value = rng.choice(ODD_VALUES)
    return f"{where} = {value!r}", _changed(data, where[:-1], lambda c: c.__setitem__(where[-1], value))


def _at(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def test_mutated_data_agrees():
    rng = random.Random(SEED)
    bases = _bases()
    outcomes: dict[str, int] = {BUILT: 0, HANDED: 0, REFUSED: 0}
    handed = []
    for _ in range(CASES_PER_RUN):
        name, cls, data = rng.choice(bases)
        what, mutated = _mutation(rng, data)
        outcome = agreement(cls, mutated, case=f"{name}: {what}")
        outcomes[outcome] += 1
        if outcome == HANDED:
            handed.append(f"{name}: {what}")
    assert outcomes[BUILT] > CASES_PER_RUN // 10 and outcomes[REFUSED] > CASES_PER_RUN // 10, outcomes
    assert not handed, "valid data the builder declined:\n" + "\n".join(handed)


# -- the model API -----------------------------------------------------------------------------------------------------


class OtherText(Frozen):
    """Text's fields under another class: never equal to a Text."""

    vi: str
    en: str | None = None


def _plan() -> Plan:
    return Plan.model_validate(load_file(ROOT / "examples" / "tthc-nang-cap.yaml").data)


def _architecture() -> Architecture:
    return Architecture.model_validate(load_bundled(data_dir("architecture") / "quang-ngai-3.0.yaml").data)


def test_a_model_is_frozen_but_keeps_private_tables():
    text = Text.model_validate({"vi": "a"})
    with pytest.raises(AttributeError):
        text.vi = "b"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del text.vi
    assert text.vi == "a"
    architecture = _architecture()
    architecture._table = {"x": None}
    assert architecture._table == {"x": None}


def test_equality_and_hash_follow_the_fields():
    first, second = Text.model_validate({"vi": "a", "en": "b"}), Text(vi="a", en="b")
    assert first == second and hash(first) == hash(second)
    assert first != Text(vi="a") and Text(vi="a") != OtherText(vi="a")
    assert Range(gte=1) == Range.model_validate({"gte": 1.0}) and hash(Range(gte=1)) == hash(Range(gte=1.0))
    holding_a_list = Nested.model_validate({"text": {"vi": "a"}})
    with pytest.raises(TypeError):
        hash(holding_a_list)
    with pytest.raises(TypeError):  # as pydantic's frozen models
        hash(shapes.twin(Nested).model_validate({"text": {"vi": "a"}}))


def test_model_construct_fills_defaults_and_checks_nothing():
    made = Required.model_construct(a=1)
    assert (made.a, made.b, made.tags, made.table) == (1, 3, [], {})
    assert made.tags is not Required.model_construct(a=1).tags
    assert _architecture().hints == {} and Architecture.model_construct().hints is not Architecture.model_construct().hints


def test_model_copy_replaces_fields_and_keeps_private_tables():
    plan = _plan()
    copy = plan.model_copy(update={"name": "khác"})
    assert type(copy) is Plan and copy.name == "khác" and plan.name != "khác"
    assert copy.systems is plan.systems and copy == plan.model_copy(update={"name": "khác"})
    architecture = _architecture()
    table = architecture.ids()
    assert architecture.model_copy()._table is table


def _repr_cases() -> list[tuple[type, Any]]:
    return [(Text, {"vi": "a", "en": "b"}), (Range, {"gte": 1}),
            (Example, {"fail": "a", "pass": "b"}), (Nested, {"text": {"vi": "a"}, "more": [{"vi": "b"}]}),
            (Conditions, {"c": [1, "a", True]}), (Dates, {"d": "2024-02-29"}),
            (Plan, load_file(ROOT / "examples" / "tthc-nang-cap.yaml").data)]


@pytest.mark.parametrize(("cls", "data"), _repr_cases(), ids=lambda v: v.__name__ if isinstance(v, type) else "")
def test_repr_and_str_are_pydantics(cls, data):
    obj, twin_obj = cls.model_validate(data), shapes.twin(cls).model_validate(data)
    assert repr(obj) == repr(twin_obj)
    assert str(obj) == str(twin_obj)


@pytest.mark.parametrize("make", [_plan, _architecture], ids=["plan", "architecture"])
def test_pickle_round_trip(make):
    obj = make()
    again = pickle.loads(pickle.dumps(obj))
    assert type(again) is type(obj) and again == obj and typed(again) == typed(obj)


def test_architecture_private_tables_survive_pickle():
    again = pickle.loads(pickle.dumps(_architecture()))
    assert again.hints == {} and again.has(again.components[0].id)


def test_applies_when_bare():
    bare = AppliesWhen()
    assert bare == AppliesWhen.model_validate({}) == judged(AppliesWhen, {})[1]
    assert (bare.kind, bare.plan, bare.target, bare.target_any) == ([], {}, {}, [])
    assert bare.kind is not AppliesWhen().kind


@pytest.mark.parametrize("cls", [Plan, Architecture, National, RuleFile, Vocabulary, DecisionsFile, Example, Text,
                                 config.FileConfig])
def test_model_fields_are_the_twins(cls):
    ours = {name: (info.alias, info.title, info.description, info.is_required())
            for name, info in shapes.resolved_fields(cls).items()}
    theirs = {name: (info.alias, info.title, info.description, info.is_required())
              for name, info in shapes.twin(cls).model_fields.items()}
    assert ours == theirs


def test_titles_aliases_and_config_keys():
    assert Text.model_fields["vi"].title == "Tiếng Việt"
    assert Example.model_fields["pass_"].alias == "pass"
    keys = config.keys()
    assert keys == [name.replace("_", "-") for name in config.FileConfig.model_fields]
    assert {"fail-on", "max-bytes", "per-path-ignores", "no-bundled-rules"} <= set(keys)
    assert keys == list(config.config_schema()["properties"])


# -- a check run without pydantic ------------------------------------------------------------------------------------

RUN = """
import io, json, sys
from cqdt_check.cli import main
out, sys.stdout = sys.stdout, io.StringIO()
try:
    main(sys.argv[1:])
    code = 0
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "pydantic": "pydantic" in sys.modules, "report": sys.stdout.getvalue()}), file=out)
"""


def _run(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_a_valid_plan_is_checked_without_pydantic():
    result = _run(str(ROOT / "examples" / "tthc-nang-cap.yaml"), "--format", "json")
    assert result["code"] == 0 and not result["pydantic"]
    assert json.loads(result["report"])["documents"][0]["findings"] is not None


def test_an_invalid_plan_imports_pydantic_and_is_reported(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text((ROOT / "examples" / "tthc-nang-cap.yaml").read_text(encoding="utf-8")
                    .replace("\nkind: project\n", "\nkind: projekt\n", 1), encoding="utf-8")
    result = _run(str(plan), "--format", "json")
    assert result["pydantic"]
    assert result["code"] == 1  # a schema violation is a finding at error (README: exit codes)
    findings = json.loads(result["report"])["documents"][0]["findings"]
    assert [f["rule_id"] for f in findings if f["path"] == "kind"] == ["SCHEMA-001"]


def test_an_invalid_architecture_imports_pydantic_and_exits_2():
    result = _run(str(ROOT / "examples" / "tthc-nang-cap.yaml"),
                  "--architecture", str(ROOT / "tests" / "corpus" / "config" / "architecture-schema-error.yaml"))
    assert result["code"] == 2 and result["pydantic"]


class LaxHolder(shapes.Model):
    """A model that allows coercion: the builder leaves it to pydantic, whose answer is turned into the objects."""

    model_config = shapes.ConfigDict(extra="forbid")

    n: int
    payload: Any = None


def _nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def _depth(value: Any) -> int:
    depth = 0
    while isinstance(value, list) and value:
        value, depth = value[0], depth + 1
    return depth


@pytest.mark.parametrize(("cls", "data", "expected"), [
    (Holder, {"n": 1, "unknown": _nested(990)}, REFUSED),
    (Holder, {"n": "1", "payload": _nested(990)}, REFUSED),
    (LaxHolder, {"n": "1", "payload": _nested(990)}, HANDED),
], ids=["unknown-key", "refused-with-deep-payload", "accepted-by-pydantic"])
def test_data_nested_past_the_recursion_limit(cls, data, expected):
    # --max-depth may let a document nest about as deep as libyaml allows (1000), past Python's recursion limit once
    # the run's own frames are counted: handing it to pydantic must not recurse through it
    assert agreement(cls, data, case="nested 990 deep") == expected
    if expected == HANDED:
        assert _depth(cls.model_validate(data).payload) == 990


@pytest.mark.parametrize("setting", [{"str_strip_whitespace": True}, {"coerce_numbers_to_str": True},
                                     {"validate_default": True}])
def test_a_configuration_the_builder_does_not_follow_is_refused_at_first_use(setting):
    # a strict model with, say, str_strip_whitespace: pydantic strips " x ", a builder ignoring the setting would not
    class Unfollowed(Frozen):
        model_config = shapes.ConfigDict(**setting)

        s: str = "x"

    with pytest.raises(TypeError):
        Unfollowed.model_validate({"s": " y "})
