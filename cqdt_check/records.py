"""Small value classes (findings, places, settings, results) made without the dataclasses module's start-up cost.

dataclasses writes and compiles the source of five to eight methods for every class, and imports inspect: the 33
classes a check run defines took ≈ 22 ms of its ≈ 130 ms before this module. `record` makes the same classes from
the same declarations — fields from the class's annotations in order, plain defaults, `field(default_factory=…,
repr=False)`, `frozen`, `order` — compiling only `__init__` (its speed matters: a batch makes hundreds of thousands
of findings and check results) and giving every class the same shared `__repr__`, `__eq__`, `__hash__` and ordering,
which behave as dataclasses' do. `replace` and `asdict` are dataclasses' functions of the same names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from .shapes import own_annotations

T = TypeVar("T")

_MISSING: Any = object()
_FACTORY: Any = object()  # the default of a field made by a factory: the factory is called in __init__


class FrozenInstanceError(AttributeError):
    """A field of a frozen record was assigned (dataclasses' error of the same name)."""


class _Field:
    __slots__ = ("name", "default", "default_factory", "repr", "compare")

    def __init__(self, default: Any, default_factory: Callable[[], Any] | None, repr: bool, compare: bool) -> None:
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None, repr: bool = True,
          compare: bool = True) -> Any:
    """A field with a default made by a factory (a fresh list for each record), or kept out of repr or comparison."""
    return _Field(default, default_factory, repr, compare)


if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:
    def dataclass_transform(**_: Any) -> Callable[[T], T]:
        return lambda decorator: decorator


@dataclass_transform(field_specifiers=(field,))
def record(cls: Any = None, /, *, frozen: bool = False, order: bool = False) -> Any:
    """The class made a record: `__init__` from its fields, repr, equality (and hash when frozen), optional order."""
    def make(cls: type[T]) -> type[T]:
        return _make(cls, frozen, order)
    return make if cls is None else make(cls)


def _make(cls: Any, frozen: bool, order: bool) -> Any:
    fields: list[_Field] = []
    for name in own_annotations(cls):
        value = cls.__dict__.get(name, _MISSING)
        spec = value if isinstance(value, _Field) else _Field(value, None, True, True)
        spec.name = name
        if spec.default_factory is not None:
            if name in cls.__dict__:
                delattr(cls, name)
        elif spec.default is not _MISSING:
            if type(spec.default).__hash__ is None:  # a list or dict shared by every record made without it
                raise ValueError(f"{cls.__name__}.{name}: mutable default {type(spec.default).__name__}: use "
                                 "field(default_factory=…)")
            setattr(cls, name, spec.default)  # as dataclasses do: the class attribute is the default
        fields.append(spec)
    params, lines = [], []
    scope: dict[str, Any] = {"_FACTORY": _FACTORY}
    for f in fields:
        if f.default_factory is not None:
            scope[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            lines.append(f"    __record_state__[{f.name!r}] = _factory_{f.name}() if {f.name} is _FACTORY else {f.name}")
        else:
            if f.default is not _MISSING:
                scope[f"_default_{f.name}"] = f.default
                params.append(f"{f.name}=_default_{f.name}")
            elif params and "=" in params[-1]:
                raise TypeError(f"{cls.__name__}: field {f.name} without a default follows one with a default")
            else:
                params.append(f.name)
            lines.append(f"    __record_state__[{f.name!r}] = {f.name}")
    # the names of the object and its state cannot be a field's (a field may be called `state` or `self`)
    source = (f"def __init__(__record_self__, {', '.join(params)}):\n    __record_state__ = __record_self__.__dict__\n"
              + "\n".join(lines or ["    pass"]))
    exec(source, scope)  # one small function per class: the constructor stays as fast as dataclasses' own
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    cls.__record_fields__ = tuple(fields)
    cls.__record_repr__ = tuple(f.name for f in fields if f.repr)
    compared = tuple(f.name for f in fields if f.compare)
    cls.__record_key__ = lambda self: tuple(self.__dict__[n] for n in compared)
    _set(cls, "__repr__", _repr)
    _set(cls, "__eq__", _eq)
    if frozen:
        _set(cls, "__hash__", _hash)
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
    elif "__hash__" not in cls.__dict__:
        cls.__hash__ = None  # mutable and compared by value: unhashable, as dataclasses make it
    if order:
        for name, method in (("__lt__", _lt), ("__le__", _le), ("__gt__", _gt), ("__ge__", _ge)):
            _set(cls, name, method)
    return cls


def _set(cls: Any, name: str, value: Any) -> None:
    if name not in cls.__dict__:  # a method the class writes itself stays, as with dataclasses
        setattr(cls, name, value)


def _repr(self: Any) -> str:
    state = self.__dict__
    return f"{type(self).__qualname__}({', '.join(f'{n}={state[n]!r}' for n in type(self).__record_repr__)})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return self.__record_key__() == other.__record_key__()


def _hash(self: Any) -> int:
    return hash(self.__record_key__())


def _lt(self: Any, other: Any) -> Any:
    return self.__record_key__() < other.__record_key__() if other.__class__ is self.__class__ else NotImplemented


def _le(self: Any, other: Any) -> Any:
    return self.__record_key__() <= other.__record_key__() if other.__class__ is self.__class__ else NotImplemented


def _gt(self: Any, other: Any) -> Any:
    return self.__record_key__() > other.__record_key__() if other.__class__ is self.__class__ else NotImplemented


def _ge(self: Any, other: Any) -> Any:
    return self.__record_key__() >= other.__record_key__() if other.__class__ is self.__class__ else NotImplemented


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def replace(obj: T, /, **changes: Any) -> T:
    """A new record with some fields changed (through `__init__`, as dataclasses.replace)."""
    values = {f.name: obj.__dict__[f.name] for f in type(obj).__record_fields__}  # type: ignore[attr-defined]
    values.update(changes)
    return type(obj)(**values)


def asdict(obj: Any) -> Any:
    """A record as plain data, records inside it too (dataclasses.asdict)."""
    if hasattr(type(obj), "__record_fields__"):
        return {f.name: asdict(obj.__dict__[f.name]) for f in type(obj).__record_fields__}
    if isinstance(obj, (list, tuple)):
        return type(obj)(asdict(v) for v in obj)
    if isinstance(obj, dict):
        return {asdict(k): asdict(v) for k, v in obj.items()}
    import copy  # here: only a report of layers asks

    return copy.deepcopy(obj)


__all__ = ["FrozenInstanceError", "asdict", "field", "record", "replace"]
