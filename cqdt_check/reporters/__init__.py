"""Reporters: one module per output format, each a pure `render(report) -> str`, chosen by name here only."""

from __future__ import annotations

from enum import Enum
from importlib import import_module
from typing import Callable

from ..findings import Report


class Format(str, Enum):
    text = "text"
    json = "json"


# Imported on use so that a run loads only the reporter it prints with.
_MODULES = {Format.text: "text", Format.json: "json_report"}

MACHINE_FORMATS = {Format.json}


def reporter(fmt: Format) -> Callable[..., str]:
    return import_module(f"{__name__}.{_MODULES[fmt]}").render
