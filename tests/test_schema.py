"""The plan schema: generated from the models, committed, and explained to plan authors with places."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import ROOT
from cqdt_check.loader import load_text
from cqdt_check.model import Plan
from cqdt_check.resources import schema
from cqdt_check.schema import explain, validate
from cqdt_check.schemagen import generated_files


def test_committed_schemas_match_the_models_and_the_bundled_files():
    files = generated_files()
    assert "plan.schema.json" in files and "bundled-yaml.jsonl" in files
    for name, generated in files.items():
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == generated, f"schemas/{name} is stale: run python -m cqdt_check.schemagen --write"


def test_plan_schema_is_2020_12_with_vietnamese_tooltips_and_closed_objects():
    plan = schema("plan.schema.json")
    assert plan["$schema"] == "https://json-schema.org/draft/2020-12/schema" and plan["$id"]
    objects = [plan] + list(plan["$defs"].values())
    for obj in objects:
        assert obj.get("additionalProperties") is False, obj.get("title")
        for name, prop in obj["properties"].items():
            assert prop.get("title") and prop.get("description"), f"{obj.get('title')}.{name}"
    assert plan["if"]["properties"]["kind"]["const"] == "service_rental"


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.name)
def test_examples_satisfy_both_the_schema_and_the_model(example):
    doc = load_text(example.read_text(encoding="utf-8"), str(example))
    assert explain(doc.data, schema("plan.schema.json")) == []
    Plan.model_validate(doc.data)


def errors_of(text: str):
    doc = load_text(textwrap.dedent(text).lstrip("\n"), "plan.yaml")
    plan, errors = validate(doc, Plan, schema("plan.schema.json"))
    assert plan is None
    return [(doc.locate(e.path, key=e.key), e.code, e.message("vi")) for e in errors]


BASE = """
format: cqdt-plan/1
kind: project
name: "Dự án"
owner: {agency: "Sở KH&CN", level: province}
systems:
  - id: s1
    name: "Hệ thống"
"""


def test_unknown_key_is_an_error_with_a_did_you_mean_hint():
    (place, code, message) = errors_of(BASE + "    handles_ttch: true\n")[0]
    assert place == (8, 5) and code == "schema.additional"
    assert "handles_tthc" in message


def test_yaml_1_1_boolean_is_explained():
    (place, code, message) = errors_of(BASE + "    handles_tthc: yes\n")[0]
    assert place == (8, 19) and code == "schema.yaml11_bool" and "true hoặc false" in message


def test_enum_error_names_the_allowed_values_and_the_closest():
    (place, code, message) = errors_of(BASE + "    network: {ipv6: dualstack}\n")[0]
    assert place == (8, 21) and code == "schema.enum" and "dual_stack" in message


def test_nullable_field_of_the_wrong_type_is_reported_as_the_type_meant_not_as_anyof():
    (place, code, message) = errors_of(BASE + "    security: {proposed_level: \"3\"}\n")[0]
    assert place == (8, 32) and code == "schema.type" and "số nguyên" in message


def test_rental_section_is_required_for_rentals_and_forbidden_for_projects():
    rental = BASE.replace("kind: project", "kind: service_rental")
    assert [code for _, code, _ in errors_of(rental)] == ["schema.rental_missing"]
    forbidden = errors_of(BASE + "rental: {synchronized_plan: true}\n")
    assert [(place, code) for place, code, _ in forbidden] == [((8, 1), "schema.rental_forbidden")]


def test_missing_required_field_points_at_its_parent():
    (place, code, message) = errors_of(BASE.replace('name: "Dự án"\n', ""))[0]
    assert code == "schema.required" and "'name'" in message and place == (1, 1)


def test_invalid_date_is_reported():
    (place, code, _) = errors_of(BASE + "dates: {submitted: 2025-13-45}\n")[0]
    assert place == (8, 20) and code == "schema.format"


def test_empty_and_non_mapping_documents():
    assert explain(None, schema("plan.schema.json"))[0].code == "empty_document"
    assert explain([1, 2], schema("plan.schema.json"))[0].code == "not_a_mapping"


def test_english_messages_exist_for_every_code():
    for _, _, message in errors_of(BASE + "    handles_ttch: yes\n    network: {ipv6: x}\n"):
        assert message
    doc = load_text(textwrap.dedent(BASE + "    handles_tthc: yes\n").lstrip(), "p.yaml")
    _, errors = validate(doc, Plan, schema("plan.schema.json"))
    assert "YAML 1.2" in errors[0].message("en") and "true or false" in errors[0].message("en")


def test_schema_file_is_valid_json_schema():
    import jsonschema

    for name in ("plan", "rules", "architecture"):
        jsonschema.Draft202012Validator.check_schema(json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text()))


def test_bundled_files_validate_against_their_committed_schemas():
    """Editors see what the loader accepts: every bundled rule file, vocabulary-free, and every architecture file
    passes the JSON Schema an editor would use (shorthands such as `principle:` and `ref:` included)."""
    import json

    import jsonschema

    from cqdt_check.loader import load_file

    cases = [(p, "rules.schema.json") for p in sorted((ROOT / "rules").glob("*.yaml"))]
    cases += [(p, "architecture.schema.json") for p in sorted((ROOT / "architecture").glob("*.yaml"))]
    cases += [(p, "national.schema.json") for p in sorted((ROOT / "architecture" / "national").glob("*.yaml"))]
    assert cases
    for path, name in cases:
        schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
        errors = [e.message[:200] for e in jsonschema.Draft202012Validator(schema).iter_errors(load_file(path).data)]
        assert errors == [], f"{path.name}: {errors[:3]}"
