"""The typed models' base: frozen models declared as pydantic models are (fields, constraints, validators) and
built from loaded data without importing pydantic.

A check run validates every plan, the rule pack and the architectures; importing pydantic and building its
validators was about half of a one-plan run. So the models are declared on `Model`, which keeps pydantic's names for
the few things the code uses (`Field`, `model_validator`, `PrivateAttr`, `model_validate`, `model_construct`,
`model_copy`, `model_fields`, `model_json_schema`), and `model_validate` builds the frozen objects itself, following
pydantic's strict mode for the types the models use. What it is not sure of — a value it would refuse, a value two
members of a union accept, a validator's refusal, a model that allows coercion — it hands to the model's pydantic
twin (`twin`: a pydantic model built from the same declaration, imported only then), which either refuses with the
errors the reports word (`Refused`) or accepts, and what it accepts becomes the same frozen objects. pydantic stays
the judge of every refusal and the author of the JSON Schemas (schemagen); tests/test_shapes.py holds the builder to
pydantic's answers.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import re
import sys
import typing
from collections.abc import Callable
from functools import partial
from types import NoneType, UnionType
from typing import Any, ClassVar, Literal, TypeVar, Union

M = TypeVar("M", bound="Model")

_REQUIRED: Any = ...


def own_annotations(cls: type) -> dict[str, Any]:
    """The annotations a class writes itself, as written (text, with `from __future__ import annotations`): from its
    namespace, where Python up to 3.13 keeps them, else from the class (3.14 makes them on first access)."""
    own = cls.__dict__.get("__annotations__")  # noqa: RUF063 - inspect is an import a run avoids
    return dict(own) if isinstance(own, dict) else dict(getattr(cls, "__annotations__", {}))


class FieldInfo:
    """What `Field(...)` declares: the default, an alias, and pydantic's keywords (titles, constraints) as given."""

    __slots__ = ("default", "default_factory", "alias", "kwargs", "annotation", "written")

    def __init__(self, default: Any = _REQUIRED, *, default_factory: Callable[[], Any] | None = None,
                 alias: str | None = None, **kwargs: Any) -> None:
        self.default = default
        self.default_factory = default_factory
        self.alias = alias
        self.kwargs = kwargs
        self.annotation: Any = None  # the resolved type, set when the class is first used
        self.written: tuple[Any, str] = (None, "")  # the annotation as written, and the module it is written in

    @property
    def title(self) -> str | None:
        return self.kwargs.get("title")

    @property
    def description(self) -> str | None:
        return self.kwargs.get("description")

    @property
    def json_schema_extra(self) -> Any:
        return self.kwargs.get("json_schema_extra")

    def is_required(self) -> bool:
        return self.default is _REQUIRED and self.default_factory is None


def Field(default: Any = _REQUIRED, **kwargs: Any) -> Any:
    """A field's default, alias, titles and constraints (pydantic.Field's keywords)."""
    return FieldInfo(default, **kwargs)


def ConfigDict(**settings: Any) -> dict[str, Any]:
    """A model's configuration, in pydantic's words (extra, frozen, strict, title, …); subclasses add to their base's."""
    return settings


def PrivateAttr(default: Any = None, *, default_factory: Callable[[], Any] | None = None) -> Any:
    """A per-object attribute that is not a field (a lookup table the object keeps), set afresh for each object."""
    return _Private(default, default_factory)


class _Private:

    __slots__ = ("default", "default_factory")

    def __init__(self, default: Any, default_factory: Callable[[], Any] | None) -> None:
        self.default = default
        self.default_factory = default_factory

    def fresh(self) -> Any:
        return self.default_factory() if self.default_factory is not None else self.default


class _Validator:
    __slots__ = ("mode", "func")

    def __init__(self, mode: str, func: Any) -> None:
        self.mode = mode
        self.func: Any = func.__func__ if isinstance(func, classmethod) else func


def model_validator(*, mode: Literal["before", "after"]) -> Callable[[Any], Any]:
    """A model's own validator: `before` gets the raw data (a classmethod), `after` the built object (and an `Info`)."""
    return lambda func: _Validator(mode, func)


class Info:
    """What an `after` validator may ask besides the object: the context given to `model_validate`."""

    __slots__ = ("context",)

    def __init__(self, context: Any) -> None:
        self.context = context


class Before:
    """Annotated metadata: a function that turns the written value into the field's type (or raises `errors.Invalid`),
    with the JSON Schema of what may be written (dates.IsoDate)."""

    __slots__ = ("func", "json_schema")

    def __init__(self, func: Callable[[Any], Any], json_schema: dict[str, Any]) -> None:
        self.func = func
        self.json_schema = json_schema


class Refused(ValueError):
    """Data a model refuses: pydantic's ValidationError, whose `errors()` the reports word (schema.from_pydantic)."""

    def __init__(self, error: Any) -> None:
        super().__init__(str(error))
        self.error = error

    def errors(self, **kwargs: Any) -> list[dict[str, Any]]:
        return self.error.errors(**kwargs)  # type: ignore[no-any-return]


class _Decline(Exception):
    """Not built here: pydantic decides (a refusal, or a case this module does not follow). Raised afresh each time:
    one shared instance would gather every decline's traceback, keeping its frames and their data alive."""


_NESTED: Any = object()  # the context a nested model is built with: not the run's (see _Shape.build)


class Model:
    """The base of the typed models: frozen, compared and hashed by their fields, built by `model_validate`."""

    model_config: ClassVar[dict[str, Any]] = {}
    model_fields: ClassVar[dict[str, FieldInfo]] = {}
    __validators__: ClassVar[tuple[_Validator, ...]] = ()
    __private__: ClassVar[dict[str, _Private]] = {}
    __shape__: ClassVar[Any] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = cls.__dict__
        config: dict[str, Any] = {}
        fields: dict[str, FieldInfo] = {}
        validators: list[_Validator] = []
        private: dict[str, _Private] = {}
        for base in reversed(cls.__mro__[1:]):
            if issubclass(base, Model):
                config.update(base.__dict__.get("model_config", {}))
                fields.update(base.__dict__.get("model_fields", {}))
                validators.extend(base.__dict__.get("__validators__", ()))
                private.update(base.__dict__.get("__private__", {}))
        config.update(own.get("model_config", {}))
        alias_of = config.get("alias_generator")
        written = own_annotations(cls)
        for name in written:
            if name.startswith("_") or name == "model_config":
                continue
            value = own.get(name, _REQUIRED)
            info = value if isinstance(value, FieldInfo) else FieldInfo(value)
            info.written = (written[name], cls.__module__)
            if info.alias is None and alias_of is not None:
                info.alias = alias_of(name)
            fields[name] = info
            if name in own:
                delattr(cls, name)
        for name, value in list(own.items()):
            if isinstance(value, _Validator):
                validators.append(value)
                delattr(cls, name)
            elif isinstance(value, _Private):
                private[name] = value
                delattr(cls, name)
        cls.model_config = config
        cls.model_fields = fields
        cls.__validators__ = tuple(validators)
        cls.__private__ = private
        cls.__shape__ = None

    def __init__(self, **data: Any) -> None:
        """An object from keyword values, validated as `model_validate` does (a default_factory calls it bare)."""
        self.__dict__.update(type(self).model_validate(data).__dict__)

    # -- pydantic's model API, the part the code uses -----------------------------------------------------------

    @classmethod
    def model_validate(cls: type[M], data: Any, *, context: Any = None) -> M:
        """The frozen object `data` describes, or `Refused` with pydantic's errors."""
        try:
            return _shape(cls).build(data, context)  # type: ignore[return-value]
        except (_Decline, ValueError, AssertionError):  # pydantic words a validator's ValueError as an error too
            pass
        return _pydantic_validate(cls, data, context)

    @classmethod
    def model_construct(cls: type[M], **values: Any) -> M:
        """An object from values already validated: not checked again; missing fields take their defaults."""
        obj = object.__new__(cls)
        state = obj.__dict__
        for name, info in cls.model_fields.items():
            if name in values:
                state[name] = values[name]
            elif not info.is_required():
                state[name] = _default(info)
        for name, attr in cls.__private__.items():
            state[name] = attr.fresh()
        return obj

    def model_copy(self: M, *, update: dict[str, Any] | None = None) -> M:
        """A shallow copy with some fields replaced (not validated), private attributes copied."""
        obj = object.__new__(type(self))
        obj.__dict__.update(self.__dict__)
        if update:
            obj.__dict__.update(update)
        return obj

    @classmethod
    def model_json_schema(cls, **kwargs: Any) -> dict[str, Any]:
        """The JSON Schema of the model, as pydantic writes it (schemagen commits them)."""
        return twin(cls).model_json_schema(**kwargs)  # type: ignore[no-any-return]

    # -- a frozen value -----------------------------------------------------------------------------------------

    def __setattr__(self, name: str, value: Any) -> None:
        if not name.startswith("_"):  # private attributes are the object's own tables, settable as in pydantic
            raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name}")

    def _values(self) -> tuple[Any, ...]:
        state = self.__dict__
        return tuple(state.get(name) for name in type(self).model_fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr_args__(self) -> str:
        return ", ".join(f"{name}={self.__dict__.get(name)!r}" for name in type(self).model_fields)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.__repr_args__()})"

    def __str__(self) -> str:
        return " ".join(f"{name}={self.__dict__.get(name)!r}" for name in type(self).model_fields)


def _default(info: FieldInfo) -> Any:
    if info.default_factory is not None:
        return info.default_factory()
    default = info.default
    # pydantic copies a mutable default for each object: an empty list is never shared between plans
    return default.copy() if isinstance(default, (list, dict)) else default


def resolved_fields(cls: type[Model]) -> dict[str, FieldInfo]:
    """The model's fields with their annotations resolved to types (the module's names, as pydantic resolves them)."""
    _shape(cls)
    return cls.model_fields


# -- the builder -------------------------------------------------------------------------------------------------

# The configuration the builder follows (extra and strict: only forbid+strict models are built here; the objects are
# always frozen; non-finite floats always go to pydantic) or that does not change what is accepted (titles, schema).
_FOLLOWED_CONFIG = frozenset({"extra", "strict", "frozen", "allow_inf_nan", "populate_by_name", "alias_generator",
                              "defer_build", "title", "json_schema_extra"})


class _Shape:
    """How one model class is built: per field its input names, its value builder and its default."""

    __slots__ = ("cls", "fields", "names", "before", "after", "private")

    def __init__(self, cls: type[Model]) -> None:
        self.cls = cls
        unknown = set(cls.model_config) - _FOLLOWED_CONFIG
        if unknown:  # a setting that changes what pydantic accepts or builds (str_strip_whitespace, …) would be ignored
            raise TypeError(f"{cls.__name__}: unsupported configuration {sorted(unknown)}")
        by_name = cls.model_config.get("populate_by_name", False)
        rows = []
        names: set[Any] = set()
        for name, info in cls.model_fields.items():
            info.annotation = _resolve(*info.written)
            inputs = (info.alias, name) if info.alias and by_name else ((info.alias,) if info.alias else (name,))
            names.update(inputs)
            build = _constrained(_builder(info.annotation), info.kwargs)
            rows.append((name, inputs, build, info.is_required(), info))
        self.fields = tuple(rows)
        self.names = frozenset(names)
        self.before = tuple(v.func for v in cls.__validators__ if v.mode == "before")
        self.after = tuple((v.func, v.func.__code__.co_argcount > 1) for v in cls.__validators__ if v.mode == "after")
        self.private = tuple(cls.__private__.items())
        if cls.model_config.get("extra", "ignore") != "forbid" or not cls.model_config.get("strict", False):
            self.names = frozenset()  # extra keys kept or coercions allowed: pydantic's rules, pydantic builds it

    def build(self, data: Any, context: Any) -> Model:
        cls = self.cls
        for func in self.before:
            data = func(cls, data)
        if type(data) is not dict:
            if isinstance(data, cls):
                return data
            raise _Decline
        names = self.names
        for key in data:
            if key not in names:
                raise _Decline
        obj = object.__new__(cls)
        state = obj.__dict__
        used = 0
        for name, inputs, build, required, info in self.fields:
            for key in inputs:
                if key in data:
                    state[name] = build(data[key])
                    used += 1
                    break
            else:
                if required:
                    raise _Decline
                state[name] = _default(info)
        if used != len(data):  # a field given by its alias and by its name: pydantic calls the second one unknown
            raise _Decline
        for name, attr in self.private:
            state[name] = attr.fresh()
        for func, wants_info in self.after:
            if wants_info and context is _NESTED:  # the run's context is not passed down: pydantic builds it
                raise _Decline
            result = func(obj, Info(context)) if wants_info else func(obj)
            if result is not obj:
                raise _Decline
        return obj


_CODE: dict[str, Any] = {}


def _resolve(annotation: Any, module: str) -> Any:
    """A field's annotation as a type: written as text (`from __future__ import annotations`), it is evaluated among
    its module's names, as typing.get_type_hints would, but each distinct text is compiled once (the models repeat
    `str | None`, `list[str]`, `Text` hundreds of times, and compiling them was a tenth of a one-plan run)."""
    if not isinstance(annotation, str):
        return annotation
    code = _CODE.get(annotation)
    if code is None:
        code = _CODE[annotation] = compile(annotation, "<annotation>", "eval")
    return eval(code, vars(sys.modules[module]))  # the package's own annotations, never input


def _shape(cls: type[Model]) -> _Shape:
    shape = cls.__dict__.get("__shape__")
    if shape is None:
        shape = _Shape(cls)
        cls.__shape__ = shape
    return shape  # type: ignore[no-any-return]


Build = Callable[[Any], Any]


def _builder(tp: Any) -> Build:
    """The function that checks one written value against a type and returns the value the model holds."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        inner, *meta = typing.get_args(tp)
        build = _builder(inner)
        for item in meta:
            if isinstance(item, Before):
                return _before(item.func, build)
            raise TypeError(f"unsupported metadata {item!r}")
        return build
    if tp is Any:
        return _any
    if tp is NoneType or tp is None:
        return _none
    if tp is str:
        return _str
    if tp is bool:
        return _bool
    if tp is int:
        return _int
    if tp is float:
        return _float
    if tp is dt.date:
        return _date
    if isinstance(tp, type) and issubclass(tp, Model):
        return lambda value: _shape(tp).build(value, _NESTED)
    if origin is Literal:
        allowed = typing.get_args(tp)
        return _literal(frozenset((type(a), a) for a in allowed))
    if origin is list:
        (item,) = typing.get_args(tp)
        return _list(_builder(item))
    if origin is dict:
        key, value = typing.get_args(tp)
        return _dict(_builder(key), _builder(value))
    if origin is Union or origin is UnionType:
        members = typing.get_args(tp)
        if len(members) == 2 and NoneType in members:
            other = _builder(members[0] if members[1] is NoneType else members[1])
            return lambda value: None if value is None else other(value)
        return _union(tuple(_builder(m) for m in members))
    raise TypeError(f"unsupported type {tp!r}")


def _any(value: Any) -> Any:
    return value


def _none(value: Any) -> None:
    if value is not None:
        raise _Decline


def _str(value: Any) -> str:
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str.__str__(value)  # the text itself, as pydantic holds it (str() may be overridden: an enum's name)
    raise _Decline


def _bool(value: Any) -> bool:
    if value is True or value is False:
        return value  # type: ignore[no-any-return]
    raise _Decline


def _int(value: Any) -> int:
    if type(value) is int:
        return value
    raise _Decline


def _float(value: Any) -> float:
    kind = type(value)
    if kind is float:
        if math.isfinite(value):
            return value  # type: ignore[no-any-return]
    elif kind is int:
        try:
            return float(value)
        except OverflowError:
            pass
    raise _Decline


def _date(value: Any) -> dt.date:
    if type(value) is dt.date:
        return value  # type: ignore[no-any-return]
    raise _Decline


def _before(func: Callable[[Any], Any], build: Build) -> Build:
    def before(value: Any) -> Any:
        try:
            converted = func(value)
        except ValueError:  # errors.Invalid: pydantic words the refusal
            raise _Decline from None
        return build(converted)
    return before


def _literal(allowed: frozenset[tuple[type, Any]]) -> Build:
    def build(value: Any) -> Any:
        try:
            if (type(value), value) in allowed:
                return value
        except TypeError:  # an unhashable value is none of the literals
            pass
        if isinstance(value, str) and type(value) is not str:  # a str subclass is read as its text, as by pydantic
            return build(str.__str__(value))
        raise _Decline
    return build


def _list(item: Build) -> Build:
    def build(value: Any) -> list[Any]:
        if type(value) is not list:
            raise _Decline
        return [item(v) for v in value]
    return build


def _dict(key: Build, item: Build) -> Build:
    def build(value: Any) -> dict[Any, Any]:
        if type(value) is not dict:
            raise _Decline
        return {key(k): item(v) for k, v in value.items()}
    return build


def _union(members: tuple[Build, ...]) -> Build:
    def build(value: Any) -> Any:
        found = _Decline
        for member in members:
            try:
                result = member(value)
            except _Decline:
                continue
            if found is not _Decline:  # two members accept it: pydantic's smart union decides
                raise _Decline
            found = result
        if found is _Decline:
            raise _Decline
        return found
    return build


def _at_least(shortest: int, value: Any) -> bool:
    return len(value) >= shortest


def _at_most(longest: int, value: Any) -> bool:
    return len(value) <= longest


def _matches(search: Callable[[str], Any], value: str) -> bool:
    return search(value) is not None


def _bound(compare: Callable[[Any, Any], bool], bound: Any, value: Any) -> bool:
    return compare(value, bound)


def _constrained(build: Build, kwargs: dict[str, Any]) -> Build:
    """The builder with the field's constraints (pydantic's min_length, pattern, ge, le, gt, lt) checked after it."""
    checks: list[Callable[[Any], bool]] = []
    if (shortest := kwargs.get("min_length")) is not None:
        checks.append(partial(_at_least, shortest))
    if (longest := kwargs.get("max_length")) is not None:
        checks.append(partial(_at_most, longest))
    if (pattern := kwargs.get("pattern")) is not None:
        # pydantic's regex engine (Rust) ends `$` at the end of the text only; Python's also before a final newline
        end = pattern.endswith("$") and not pattern.endswith(r"\$")
        checks.append(partial(_matches, re.compile(pattern[:-1] + r"\Z" if end else pattern).search))
    for key, compare in (("ge", operator.ge), ("le", operator.le), ("gt", operator.gt), ("lt", operator.lt)):
        if (bound := kwargs.get(key)) is not None:
            checks.append(partial(_bound, compare, bound))
    unknown = set(kwargs) - {"min_length", "max_length", "pattern", "ge", "le", "gt", "lt", "title", "description",
                             "examples", "json_schema_extra", "strict"}
    if unknown:
        raise TypeError(f"unsupported field keywords {sorted(unknown)}")
    if not checks:
        return build

    def constrained(value: Any) -> Any:
        result = build(value)
        if result is not None:
            for check in checks:
                if not check(result):
                    raise _Decline
        return result
    return constrained


# -- pydantic's twin ---------------------------------------------------------------------------------------------
# pydantic is imported in these functions only: a run whose data the builder above accepts never imports it.

def twin(cls: type[Model]) -> Any:
    """The pydantic model of `cls`: the same name, fields, titles, constraints, configuration, validators and
    docstring, so it refuses with the same errors and writes the same JSON Schema as a model declared with pydantic."""
    import pydantic

    made = _TWINS.get(cls)
    if made is not None:
        return made
    fields: dict[str, Any] = {}
    for name, info in resolved_fields(cls).items():
        keywords = dict(info.kwargs)
        if info.alias is not None:
            keywords["alias"] = info.alias
        if info.default_factory is not None:
            field = pydantic.Field(default_factory=info.default_factory, **keywords)
        else:
            field = pydantic.Field(info.default, **keywords)
        fields[name] = (_pydantic_type(info.annotation), field)
    validators = {f"_validator_{number}": _pydantic_validator(v.mode, v.func)
                  for number, v in enumerate(cls.__validators__)}
    model = pydantic.create_model(
        cls.__name__,
        __config__=pydantic.ConfigDict(**cls.model_config),  # type: ignore[typeddict-item]
        __doc__=cls.__doc__,
        __module__=cls.__module__,
        __validators__=validators,
        **fields,
    )
    schema_hook = cls.__dict__.get("__get_pydantic_json_schema__")
    if schema_hook is not None:
        model.__get_pydantic_json_schema__ = schema_hook  # type: ignore[method-assign]
    model.__qualname__ = cls.__qualname__
    _TWINS[cls] = model
    _PLAIN[model] = cls
    return model


_TWINS: dict[type[Model], Any] = {}
_PLAIN: dict[type, type[Model]] = {}


def _pydantic_validator(mode: str, func: Any) -> Any:
    import pydantic

    if mode == "before":
        return pydantic.model_validator(mode="before")(classmethod(func))  # type: ignore[arg-type]
    if func.__code__.co_argcount > 1:
        return pydantic.model_validator(mode="after")(func)

    def after(self: Any) -> Any:
        return func(self)
    after.__name__ = func.__name__
    return pydantic.model_validator(mode="after")(after)


def _pydantic_type(tp: Any) -> Any:
    """The annotation with every Model replaced by its twin and `Before` by pydantic's own metadata."""
    import pydantic

    if isinstance(tp, type) and issubclass(tp, Model):
        return twin(tp)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        inner, *meta = args
        out: list[Any] = []
        for item in meta:
            if isinstance(item, Before):
                # the written form is checked by the function; the value it returns is then taken as it is
                out += [pydantic.BeforeValidator(item.func), pydantic.WithJsonSchema(item.json_schema),
                        pydantic.Field(strict=False)]
            else:
                out.append(item)
        params = (_pydantic_type(inner), *out)
        return typing.Annotated[params]
    if origin is Literal or not args:
        return tp
    if origin is Union or origin is UnionType:
        return Union[tuple(_pydantic_type(a) for a in args)]
    if origin is list:
        return list[_pydantic_type(args[0])]  # type: ignore[misc]
    if origin is dict:
        return dict[_pydantic_type(args[0]), _pydantic_type(args[1])]  # type: ignore[misc]
    raise TypeError(f"unsupported type {tp!r}")


def _pydantic_validate(cls: type[M], data: Any, context: Any) -> M:
    """`data` validated by pydantic: `Refused` with its errors, or the frozen objects of what it accepts."""
    import pydantic

    try:
        valid = twin(cls).model_validate(_written(data), context=context)
    except pydantic.ValidationError as exc:
        raise Refused(exc) from None
    return _plain(valid)  # type: ignore[no-any-return]


def _written(value: Any) -> Any:
    """The data with each Model object in it written out as its fields (under their input names): the builder takes
    an object of the model's own class as it is, as a pydantic model does, and its twin must too (it knows only its
    own class)."""
    def written(model: Any) -> dict[str, Any] | None:
        if not isinstance(model, Model):
            return None
        return {info.alias or name: model.__dict__[name] for name, info in type(model).model_fields.items()}
    return _rebuilt(value, written)


def _plain(value: Any) -> Any:
    """What pydantic accepted as the frozen objects: each twin's object made an object of its Model."""
    def plain(valid: Any) -> Any:
        cls = _PLAIN.get(type(valid))
        return None if cls is None else cls.model_construct(**{name: getattr(valid, name) for name in cls.model_fields})
    return _rebuilt(value, plain)


def _rebuilt(value: Any, convert: Callable[[Any], Any]) -> Any:
    """A copy of the lists and dicts of `value` with each object `convert` turns into a dict or a Model (not None)
    replaced by that, whose values are rebuilt in turn. Without recursion: a document may nest as deep as --max-depth
    lets it, past Python's recursion limit (pydantic itself walks no deeper than the models)."""
    top = [value]
    pending: list[tuple[Any, Any]] = [(top, 0)]
    while pending:
        holder, key = pending.pop()
        item = holder[key]
        if isinstance(item, list):
            item = holder[key] = list(item)
            pending.extend((item, index) for index in range(len(item)))
        elif isinstance(item, dict):
            item = holder[key] = dict(item)
            pending.extend((item, name) for name in item)
        elif (converted := convert(item)) is not None:
            holder[key] = converted
            if isinstance(converted, dict):
                pending.extend((converted, name) for name in converted)
            else:
                pending.extend((converted.__dict__, name) for name in type(converted).model_fields)
    return top[0]


__all__ = ["Before", "ConfigDict", "Field", "FieldInfo", "Info", "Model", "PrivateAttr", "Refused", "model_validator",
           "resolved_fields", "twin"]
