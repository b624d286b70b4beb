"""Where the bundled rule pack, architectures and schemas are: inside the wheel, or beside the package in a checkout."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`rules`, `architecture` or `schemas`: the installed copy (cqdt_check/_data) or the checkout's top level."""
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


@lru_cache(maxsize=4)
def schema(name: str) -> dict:
    """A committed JSON Schema by file name (plan.schema.json, ...)."""
    return json.loads((data_dir("schemas") / name).read_text(encoding="utf-8"))


def bundled_architectures() -> list[str]:
    return sorted(p.stem for p in data_dir("architecture").glob("*.yaml"))
