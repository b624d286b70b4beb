"""The words a reader sees for a plan field and its coded values, read from the plan model (model.py).

The model is the one label source: a field's Vietnamese label is its `title`, a coded value's is the text in
parentheses after the code in the field's `description` ("own_accounts (tài khoản riêng của hệ thống)"); the English
ones are beside them (`x-title-en`, `x-codes-en`: model.F). Messages name fields and values by these labels, never by
the YAML path or the code; the path stays in the report's place column.
"""

from __future__ import annotations

import re
import typing
from functools import lru_cache
from typing import Any

from .shapes import Model, resolved_fields

_CODED = re.compile(r"\b([a-z0-9_]+) \(([^()]*)\)")


def _model_of(annotation: Any) -> type[Model] | None:
    """The model a field holds, through Optional and list (None for a plain value)."""
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return annotation
    for arg in typing.get_args(annotation):
        inner = _model_of(arg)
        if inner is not None:
            return inner
    return None


@lru_cache(maxsize=512)
def _field(model: Any, dotted: str) -> tuple[str, str, str, dict[str, str]] | None:
    """(title, description, English title, English code labels) of the field `dotted` reaches from `model`, through
    nested models and lists."""
    current: type[Model] | None = model
    info = None
    for part in dotted.split("."):
        fields = resolved_fields(current) if current is not None else {}
        if part not in fields:
            return None
        info = fields[part]
        current = _model_of(info.annotation)
    if info is None:
        return None
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    codes_en = extra.get("x-codes-en")
    return (info.title or dotted, info.description or "", str(extra.get("x-title-en") or _words(part)),
            {str(k): str(v) for k, v in codes_en.items()} if isinstance(codes_en, dict) else {})


@lru_cache(maxsize=512)
def _codes_vi(model: Any, dotted: str) -> dict[str, str]:
    """The Vietnamese label of each code of a coded field, read once from its description (messages ask often)."""
    found = _field(model, dotted)
    return dict(_CODED.findall(found[1])) if found is not None else {}


def _words(code: str) -> str:
    return code.replace("_", " ")


def field_label(model: Any, dotted: str, lang: str) -> str:
    """A field's name for readers: "Đăng nhập của người dân" for identity.citizen_login (the path when unknown)."""
    found = _field(model, dotted)
    if found is None:
        return dotted
    return found[0] if lang == "vi" else found[2]


def value_label(model: Any, dotted: str, value: Any, lang: str) -> str:
    """A declared value in words: a code by its label, a yes/no by the word, anything else as written."""
    if isinstance(value, list):
        return ", ".join(value_label(model, dotted, v, lang) for v in value)
    if isinstance(value, bool):
        return ("có" if value else "không") if lang == "vi" else ("yes" if value else "no")
    if isinstance(value, str):
        found = _field(model, dotted)
        if found is not None:
            if lang != "vi":
                return found[3].get(value, value)
            labels = _codes_vi(model, dotted)
            if value in labels:
                # the label proper: a note after ";" ("huyện; chỉ trước 01/07/2025") is the model's, not the reader's
                return labels[value].split(";")[0].strip()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def codes(model: Any, dotted: str) -> dict[str, tuple[str, str]]:
    """Every code of a coded field with its (Vietnamese, English) labels (empty for a plain field): for tests."""
    found = _field(model, dotted)
    if found is None:
        return {}
    vi = {code: label.split(";")[0].strip() for code, label in _codes_vi(model, dotted).items()}
    return {code: (vi.get(code, ""), en) for code, en in found[3].items()}


__all__ = ["codes", "field_label", "value_label"]
