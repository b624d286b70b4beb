"""Reports speak in words: no finding's message or remediation shows a plan code or a field path.

The codes and paths come from schemas/plan.schema.json (every enum value, every dotted property path and its
suffixes), so a new field or code is covered without editing this file. A code may appear only where it is also its
own label in that language ("province" in English); the path of a finding belongs in its place column, not in the
sentence. Every example plan and every rule's fail fixture is checked in both languages.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Iterator

import pytest
import yaml

from conftest import FIXTURES, ROOT
from cqdt_check.labels import codes as code_labels
from cqdt_check.model import Plan

SCHEMA = json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
FILES = sorted((ROOT / "examples").glob("*.yaml")) + sorted((FIXTURES / "rules").glob("*/fail*.yaml"))


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    return SCHEMA["$defs"][ref.split("/")[-1]] if ref else node


def _branches(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The node and what it may hold: anyOf alternatives, list items, referenced definitions."""
    node = _resolve(node)
    yield node
    for alternative in node.get("anyOf", []):
        yield from _branches(alternative)
    if "items" in node:
        yield from _branches(node["items"])


def _fields(node: dict[str, Any], prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], set[str]]]:
    """Every property path under `node` with the codes its value may take."""
    for branch in _branches(node):
        for name, child in branch.get("properties", {}).items():
            path = (*prefix, name)
            yield path, {e for b in _branches(child) for e in b.get("enum", []) if isinstance(e, str)}
            yield from _fields(child, path)


FIELDS = dict(_fields(SCHEMA))


def _labels_of(lang: str) -> Iterator[str]:
    """Every field title and code label of the schema in `lang`, as plain words."""
    for path in FIELDS:
        node = _resolve(SCHEMA)
        for name in path:
            node = next(b for b in _branches(node) if name in b.get("properties", {}))["properties"][name]
        yield re.sub(r"[^\w]+", " ", node.get("title" if lang == "vi" else "x-title-en", ""))
        for vi, en in code_labels(Plan, ".".join(path)).values():
            yield re.sub(r"[^\w]+", " ", vi if lang == "vi" else en)


@lru_cache(maxsize=2)
def forbidden(lang: str) -> re.Pattern[str]:
    """Codes that are not their own label in `lang`, dotted paths (and their tails), and names joined by "_"."""
    words: set[str] = {"true", "false"}
    own_labels: set[str] = set()  # "province" is a word of English: the label of a code somewhere
    for path, codes in FIELDS.items():
        labels = code_labels(Plan, ".".join(path))
        for code in codes:
            label = labels.get(code, ("", ""))[0 if lang == "vi" else 1]
            (own_labels if code == label else words).add(code)
        words.update(".".join(path[i:]) for i in range(len(path) - 1))
        words.update(name for name in path if "_" in name)
    # a code that is a word of this language's labels ("project" in "investment project") is that word in a sentence
    vocabulary = set(" ".join(_labels_of(lang)).split()) | own_labels
    words -= {w for w in vocabulary if "_" not in w}
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    # a code inside a longer id or word ("kho-du-lieu" holds no code "du") is not the code
    return re.compile(rf"(?<![\w./-])(?:{alternatives})(?![\w/-]|\.\w)")


def test_every_code_has_a_label_in_both_languages():
    unlabelled = [(".".join(path), code, lang) for path, codes in FIELDS.items() for code in codes
                  for lang, label in zip(("vi", "en"), code_labels(Plan, ".".join(path)).get(code, ("", "")))
                  if not label and code != "cqdt-plan/1"]
    assert unlabelled == []


def test_the_pattern_catches_what_it_should():
    caught = forbidden("vi")
    for raw in ("khai báo network.ipv6 = ipv4_only", "(yêu cầu: owner_agency)", "security.soc_connected",
                "chưa khai báo legal_basis:", "= false (yêu cầu: true)", "lớp: independent_audit", "giai đoạn proposal"):
        assert caught.search(raw), raw
    for worded in ("Hệ thống 'tthc' kết nối qua LGSP", "phương án IPv6 là chỉ IPv4", "kho-du-lieu-dung-chung",
                   "sokhcn.quangngai.gov.vn"):
        assert not caught.search(worded), worded


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_findings_name_fields_and_values_in_words(path, lang, check):
    result = check(path, lang=lang)
    raw = [(f.rule_id, part, hit.group(0)) for f in result.findings if not f.rule_id.startswith(("INPUT", "SCHEMA"))
           for part, text in (("message", f.message), ("remediation", f.remediation or ""))
           if (hit := forbidden(lang).search(_without_ids(text, path)))]
    assert raw == []


def _without_ids(text: str, path) -> str:
    """The sentence without what the author wrote: quoted values and the plan's system ids in parentheses (an id
    such as 'lgsp' is the author's name for a system, not the code of a field)."""
    plan = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    ids = [s.get("id") for s in plan.get("systems") or [] if isinstance(s, dict) and isinstance(s.get("id"), str)]
    text = re.sub(r"'[^']*'", "''", text)
    for system_id in ids:
        text = text.replace(f"({system_id})", "()")
    return text
