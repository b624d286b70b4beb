"""The bundled YAML files (rule pack, architectures) read from the parsed copy the package ships with them.

Parsing YAML while keeping the line and column of every value is most of what loading the bundled rule pack costs
(≈ 20 ms of every run, for 250 KB of rules). `schemas/bundled-yaml.jsonl` holds what the loader makes of each
bundled file — its data and the place of every value and key — beside the sha256 of the file's bytes, after a first
line naming the sha256 of the loader that made it. A bundled file is read from that copy only while its bytes still
have that hash and loader.py is still that loader; any other file (an operator's `--rules` or
`--architecture`, a bundled file edited in a checkout) is parsed as before. The copy is installed with the package,
like the rules themselves: nothing in a checked folder or a user's cache is ever read.

`python -m cqdt_check.schemagen --write` regenerates the copy; tests/test_schema.py fails when it is stale.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .loader import SourceDocument, load_file, load_operator_file
from .resources import data_dir

COPY = "bundled-yaml.jsonl"
FOLDERS = ("rules", "architecture")  # the bundled folders whose YAML files the copy holds


def load(path: Path) -> SourceDocument:
    """A trusted YAML file (load_operator_file): a bundled one from its parsed copy when unchanged, else parsed."""
    return _copied(path) or load_operator_file(path)


def _copied(path: Path) -> SourceDocument | None:
    name = _bundled_name(path)
    entry = _entries().get(name) if name else None
    if entry is None:
        return None
    sha256, text = entry
    try:
        raw = path.read_bytes()
    except OSError:
        return None  # parsed instead, and refused with the loader's own message
    if hashlib.sha256(raw).hexdigest() != sha256:
        return None
    try:
        return _document(str(path), json.loads(text))
    except (ValueError, KeyError, TypeError):
        return None  # a damaged copy: the file is parsed


def _bundled_name(path: Path) -> str | None:
    """`rules/ipv6.yaml` for a bundled file (wherever the package is), None for any other file."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        return None
    for folder in FOLDERS:
        root = data_dir(folder).resolve()
        if resolved.is_relative_to(root):
            return f"{folder}/{resolved.relative_to(root).as_posix()}"
    return None


@lru_cache(maxsize=1)
def _entries() -> dict[str, tuple[str, str]]:
    """Each copied file by name: its sha256 and its entry (JSON text, decoded only when the file is asked for). No
    entry at all when the copy was made by another loader than this one (its first line names loader.py's sha256): what
    the loader makes of a file is the copy's other input, beside the file's bytes."""
    try:
        text = (data_dir("schemas") / COPY).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    head, _, rest = text.partition("\n")
    if head != _loader_line():
        return {}
    entries = {}
    for line in rest.splitlines():
        fields = line.split("\t", 2)
        if len(fields) == 3:  # a damaged line (a truncated install) is skipped: its file is parsed, never a crash
            name, sha256, entry = fields
            entries[name] = (sha256, entry)
    return entries


def _loader_line() -> str:
    """The copy's first line: the sha256 of the loader that made it (this package's loader.py)."""
    try:
        source = Path(__file__).with_name("loader.py").read_bytes()
    except OSError:
        return "loader unknown"  # no source to compare (a frozen build): never equal to a copy's line
    return f"loader\t{hashlib.sha256(source).hexdigest()}"


def _document(path: str, entry: dict[str, Any]) -> SourceDocument:
    values, keys = _paths(entry["data"])
    spans, key_spans = entry["spans"], entry["key_spans"]
    # strict: a copy that does not fit its data (it cannot, while its hash matches) is refused, never half used
    return SourceDocument(path, entry["data"],
                          dict(zip(values, zip(spans[0::2], spans[1::2], strict=True), strict=True)),
                          dict(zip(keys, zip(key_spans[0::2], key_spans[1::2], strict=True), strict=True)), [])


def _paths(data: Any) -> tuple[list[tuple], list[tuple]]:
    """The path of every value, and of every mapping key, in the order the loader meets them in a file without
    problems (document order: a container before what it holds): the copy stores only their places, in this order."""
    values: list[tuple] = []
    keys: list[tuple] = []
    stack: list[tuple[tuple, Any, bool]] = [((), data, False)]  # (path, value, whether a mapping key leads to it)
    while stack:
        path, node, keyed = stack.pop()
        if keyed:  # the key is met just before its value
            keys.append(path)
        values.append(path)
        if isinstance(node, dict):
            stack.extend(reversed([(path + (key,), value, True) for key, value in node.items()]))
        elif isinstance(node, list):
            stack.extend(reversed([(path + (index,), value, False) for index, value in enumerate(node)]))
    return values, keys


def bundled_files() -> list[tuple[str, Path]]:
    """Every bundled YAML file the copy holds, by name, in order."""
    return sorted((f"{folder}/{p.relative_to(data_dir(folder)).as_posix()}", p)
                  for folder in FOLDERS for p in data_dir(folder).rglob("*.yaml"))


def copy_text() -> str:
    """The parsed copy of every bundled file, as committed: the loader's line, then one line per file (name, sha256,
    entry)."""
    lines = [_loader_line() + "\n"]
    for name, path in bundled_files():
        doc = load_file(path)
        if doc.problems:  # a bundled file must load without one (load_operator_file would refuse it)
            raise ValueError(f"{name}: {doc.problems[0].code}")
        values, keys = _paths(doc.data)
        if values != list(doc.spans) or keys != list(doc.key_spans):  # the order _document relies on
            raise ValueError(f"{name}: places not in document order")
        entry = {"data": doc.data, "spans": [n for place in doc.spans.values() for n in place],
                 "key_spans": [n for place in doc.key_spans.values() for n in place]}
        sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{name}\t{sha256}\t{json.dumps(entry, ensure_ascii=False, separators=(',', ':'))}\n")
    return "".join(lines)


__all__ = ["load", "copy_text", "bundled_files", "COPY"]
