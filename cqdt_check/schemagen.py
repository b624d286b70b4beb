"""A developer tool: generate the committed files of schemas/ — the JSON Schemas, from the models' pydantic twins
(shapes.twin), and the parsed copy of the bundled YAML files (bundled.py).

`python -m cqdt_check.schemagen --write` regenerates them; `--check` (and tests/test_schema.py) fails when a committed
file has drifted. Validation (schema.py) and loading (bundled.py) only read the committed files; they never import
this module.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .architecture import Architecture, National
from .bundled import COPY, copy_text
from .decisions import DecisionsFile
from .model import Plan
from .rulepack import RuleFile
from .schema import SCHEMA_DIALECT


def generated_schemas() -> dict[str, dict]:
    """The JSON Schemas generated from the models, by file name."""

    out = {}
    for name, model, schema_id in (
        ("plan.schema.json", Plan, None),
        ("rules.schema.json", RuleFile, "https://cqdt-check.github.io/schemas/rules.schema.json"),
        ("architecture.schema.json", Architecture, "https://cqdt-check.github.io/schemas/architecture.schema.json"),
        ("national.schema.json", National, "https://cqdt-check.github.io/schemas/national.schema.json"),
        ("decisions.schema.json", DecisionsFile, None),
    ):
        schema = model.model_json_schema()
        head = {"$schema": SCHEMA_DIALECT, "$id": schema.pop("$id", schema_id)}
        out[name] = {**head, **schema}
    return out


def dump(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"



def generated_files() -> dict[str, str]:
    """Every generated file of schemas/, by name, as it must be committed."""
    return {**{name: dump(schema) for name, schema in generated_schemas().items()}, COPY: copy_text()}


def main(argv: list[str] | None = None) -> int:
    """`python -m cqdt_check.schemagen --write|--check`: regenerate or verify schemas/."""
    args = argv if argv is not None else sys.argv[1:]
    target = Path(__file__).resolve().parent.parent / "schemas"
    stale = []
    for name, text in generated_files().items():
        path = target / name
        if "--write" in args:
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    for name in stale:
        print(f"schemas/{name} is stale: run python -m cqdt_check.schemagen --write", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
