"""The schema stage: validate a loaded document against its JSON Schema, as located, explained errors.

The models (shapes.Model, with their pydantic twins: shapes.twin) are the single source of truth;
`schemas/*.schema.json` are generated from them (by the developer tool schemagen.py; a test fails when the committed
files drift). Valid documents are built by the models alone (fast); an invalid one is then validated with jsonschema
to list every problem with its place, in words a plan author understands (anyOf/oneOf failures reduced to the branch that was
meant). Should jsonschema accept what pydantic refused, pydantic's own errors are reported instead, so a
problem is never dropped.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from typing import Any

from .errors import Invalid, reason_of
from .findings import PathT
from .loader import YAML11_BOOLEANS, SourceDocument
from .messages import say
from .records import field, record
from .shapes import Model, Refused

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@record(frozen=True)
class SchemaError:
    """One problem with a document's shape, located by path."""

    path: PathT
    code: str
    params: dict = field(default_factory=dict)
    key: bool = False  # locate the key rather than the value (unknown keys)

    def message(self, lang: str) -> str:
        # a validator's refusal (errors.Invalid) has words of its own, in the report's language
        params = {k: v.message(lang) if isinstance(v, Invalid) else v for k, v in self.params.items()}
        if params.get("hint"):
            params["hint"] = say("schema.hint", lang, suggestion=params["hint"])
        elif "hint" in self.params:
            params["hint"] = ""
        for name in ("expected", "actual", "kind"):
            if name in params and f"type.{params[name]}" in _TYPE_CODES:
                params[name] = say(f"type.{params[name]}", lang)
        if "what" in params:
            params["what"] = say(params["what"], lang)
        return say(self.code, lang, **params)


_TYPE_CODES = {f"type.{t}" for t in ("string", "integer", "number", "boolean", "array", "object", "null")}


def validate(doc: SourceDocument, model: type[Model], schema: dict) -> tuple[Any, list[SchemaError]]:
    """Return (typed object, []) or (None, errors)."""
    try:
        return model.model_validate(doc.data), []
    except Refused as exc:
        errors = explain(doc.data, schema) or from_pydantic(exc)
        return None, errors


@lru_cache(maxsize=8)
def _validator(schema_json: str):
    import jsonschema  # imported only for invalid documents: it is the slowest import we have

    schema = json.loads(schema_json)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def explain(data: Any, schema: dict) -> list[SchemaError]:
    """Every jsonschema error of `data`, explained and located (sorted by place)."""
    if data is None:
        return [SchemaError((), "empty_document")]
    if not isinstance(data, dict):
        return [SchemaError((), "not_a_mapping", {"kind": _type_name(data)})]
    validator = _validator(json.dumps(schema, sort_keys=True))
    out: list[SchemaError] = []
    for error in validator.iter_errors(data):
        out.extend(_describe(error, schema))
    seen, unique = set(), []
    for e in out:
        marker = (e.path, e.code, tuple(sorted((k, str(v)) for k, v in e.params.items())))
        if marker not in seen:
            seen.add(marker)
            unique.append(e)
    return unique


def _format_name(root: dict) -> str:
    """The format a schema describes, as its files name it (`cqdt-plan/1`, `cqdt-rules/1`, …)."""
    const = root.get("properties", {}).get("format", {}).get("const")
    return const if isinstance(const, str) else "cqdt-plan/1"


def _describe(error, root: dict) -> list[SchemaError]:
    path: PathT = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    if kind in ("anyOf", "oneOf"):
        branch = _best_branch(error)
        if branch is not None:
            return [d for sub in branch for d in _describe(sub, root)]
        return [SchemaError(path, "schema.other", {"reason": _short(error.message)})]
    if kind == "required":
        missing = [name for name in error.validator_value if name not in (value or {})]
        if "then" in error.schema_path:
            return [SchemaError(path, "schema.rental_missing")]
        return [SchemaError((*path, m), "schema.required", {"field": m}) for m in missing]
    if kind == "not" and "else" in error.schema_path:
        return [SchemaError((*path, "rental"), "schema.rental_forbidden", key=True)]
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        extra = [k for k in value if k not in known]
        return [
            SchemaError((*path, k), "schema.additional", {"field": k, "hint": _closest(str(k), known),
                                                          "format": _format_name(root)}, key=True)
            for k in extra
        ]
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        if expected == "boolean" and isinstance(value, str) and value in YAML11_BOOLEANS:
            return [SchemaError(path, "schema.yaml11_bool", {"value": value})]
        return [SchemaError(path, "schema.type", {"expected": expected, "actual": _type_name(value), "value": _short(repr_value(value))})]
    if kind == "enum":
        allowed = [str(a) for a in error.validator_value if a is not None]
        hint = _closest(str(value), allowed) if isinstance(value, str) else None
        if isinstance(value, str) is False and value is not None and all(isinstance(a, str) for a in allowed):
            return [SchemaError(path, "schema.type", {"expected": "string", "actual": _type_name(value), "value": _short(repr_value(value))})]
        return [SchemaError(path, "schema.enum", {"value": _short(repr_value(value)), "allowed": ", ".join(allowed), "hint": hint})]
    if kind == "const":
        return [SchemaError(path, "schema.const", {"expected": error.validator_value})]
    if kind in ("minimum", "exclusiveMinimum"):
        return [SchemaError(path, "schema.minimum", {"limit": error.validator_value, "value": value})]
    if kind in ("maximum", "exclusiveMaximum"):
        return [SchemaError(path, "schema.maximum", {"limit": error.validator_value, "value": value})]
    if kind == "minLength":
        return [SchemaError(path, "schema.minLength")]
    if kind == "minItems":
        return [SchemaError(path, "schema.minItems", {"limit": error.validator_value})]
    if kind == "pattern":
        return [SchemaError(path, "schema.pattern", {"value": _short(str(value)), "what": _pattern_name(error.validator_value)})]
    if kind == "format":
        return [SchemaError(path, "schema.format", {"value": _short(str(value))})]
    return [SchemaError(path, "schema.other", {"reason": _short(error.message)})]


def _best_branch(error):
    """The sub-errors of the anyOf/oneOf branch the author most likely meant (never the `null` branch)."""
    branches: dict[int, list] = {}
    for sub in error.context or ():
        branches.setdefault(sub.schema_path[0], []).append(sub)
    candidates = []
    for index, subs in branches.items():
        schema = error.validator_value[index]
        if schema == {"type": "null"}:
            continue
        # prefer the branch whose errors go deepest into the instance, then the fewest errors
        depth = max(len(s.absolute_path) for s in subs)
        shallow_type = all(s.validator == "type" and len(s.relative_path) == 0 for s in subs)
        candidates.append((shallow_type, -depth, len(subs), index, subs))
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[:4])
    return candidates[0][4]


def _closest(word: str, options: list[str]) -> str | None:
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not match:
        lowered = {o.lower(): o for o in options}
        match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
        match = [lowered[m] for m in match]
    return match[0] if match else None


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def repr_value(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "{…}" if isinstance(value, dict) else "[…]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pattern_name(pattern: str) -> str:
    return {
        r"^\d{4}-\d{2}-\d{2}$": "pattern.date",
        r"^[A-Z]{2}$": "pattern.country",
        r"^[A-Z][A-Z0-9]*-\d{3}$": "pattern.rule",
        r"^[0-9a-f]{64}$": "pattern.sha256",
    }.get(pattern, "pattern.id")


def from_pydantic(exc: Refused) -> list[SchemaError]:
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith(("function-", "json-or-python"))))
        out.append(SchemaError(loc, "schema.other", {"reason": reason_of(err)}))
    return out
