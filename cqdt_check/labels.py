"""The words a reader sees for a plan field and its coded values, read from the plan model (model.py).

The model is the one label source: a field's Vietnamese label is its `title`, a coded value's is the text in
parentheses after the code in the field's `description` ("own_accounts (tài khoản riêng của hệ thống)"). Messages
name fields and values by these labels, never by the YAML path or the code; the path stays in the report's place
column. English reports read the code as words (the model's titles are Vietnamese).
"""

from __future__ import annotations

import re
import typing
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

_CODED = re.compile(r"\b([a-z0-9_]+) \(([^()]*)\)")


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, through Optional and list (None for a plain value)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        inner = _model_of(arg)
        if inner is not None:
            return inner
    return None


@lru_cache(maxsize=512)
def _field(model: type[BaseModel], dotted: str) -> tuple[str, str] | None:
    """(title, description) of the field `dotted` reaches from `model`, through nested models and lists."""
    current: type[BaseModel] | None = model
    info = None
    for part in dotted.split("."):
        if current is None or part not in current.model_fields:
            return None
        info = current.model_fields[part]
        current = _model_of(info.annotation)
    if info is None:
        return None
    return info.title or dotted, info.description or ""


def _words(code: str) -> str:
    return code.replace("_", " ")


def field_label(model: type[BaseModel], dotted: str, lang: str) -> str:
    """A field's name for readers: "Đăng nhập của người dân" for identity.citizen_login (the path when unknown)."""
    found = _field(model, dotted)
    if found is None:
        return dotted
    return found[0] if lang == "vi" else _words(dotted.split(".")[-1])


def value_label(model: type[BaseModel], dotted: str, value: Any, lang: str) -> str:
    """A declared value in words: a code by its label, a yes/no by the word, anything else as written."""
    if isinstance(value, list):
        return ", ".join(value_label(model, dotted, v, lang) for v in value)
    if isinstance(value, bool):
        return ("có" if value else "không") if lang == "vi" else ("yes" if value else "no")
    if isinstance(value, str):
        found = _field(model, dotted)
        if found is not None:
            labels = dict(_CODED.findall(found[1]))
            if value in labels:
                # the label proper: a note after ";" ("huyện; chỉ trước 01/07/2025") is the model's, not the reader's
                return labels[value].split(";")[0].strip() if lang == "vi" else _words(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


__all__ = ["field_label", "value_label"]
