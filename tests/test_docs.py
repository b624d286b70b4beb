"""Rule documentation: docs/rules.md is generated from the rule pack and must not be stale."""

from __future__ import annotations

from conftest import ROOT
from cqdt_check.explain import rules_markdown
from cqdt_check.legal import LegalTime
from cqdt_check.packs import ArchitectureResolver


def test_docs_rules_md_is_current(pack):
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    expected = rules_markdown(pack, LegalTime(pack, ArchitectureResolver(None)(None)))
    assert committed == expected, "docs/rules.md is stale: python -m cqdt_check.explain > docs/rules.md"


def test_every_rule_has_a_basis_and_errors_have_a_verified_one(pack):
    for loaded in pack.rules:
        rule = loaded.rule
        assert rule.basis, rule.id
        if rule.severity == "error":
            assert any(b.verified or b.instrument == "@architecture" for b in rule.basis), rule.id
        for text in (rule.title, rule.message, rule.rationale, rule.remediation):
            assert text.vi.strip() and text.en.strip(), rule.id


def test_rule_ids_are_unique_and_areas_are_contract_vocabulary(pack):
    ids = [loaded.rule.id for loaded in pack.rules]
    assert len(ids) == len(set(ids))
    assert {loaded.rule.area for loaded in pack.rules} <= {"connectivity", "ipv6", "security", "data_sharing", "rental",
                                                            "architecture", "legal"}


# --- docs/report-contract.md: the JSON example names exactly the keys the JSON reporter writes ---------------------


def contract_example() -> dict:
    """The JSON example of docs/report-contract.md, its // comments removed."""
    import json
    import re

    text = (ROOT / "docs" / "report-contract.md").read_text(encoding="utf-8")
    block = text.split("```json\n", 1)[1].split("```", 1)[0]
    return json.loads(re.sub(r"\s//[^\n]*", "", block))


def test_report_contract_names_the_keys_the_json_report_writes(report, check, make_report, tmp_path):
    from cqdt_check.reporters.json_report import as_dict

    broken = tmp_path / "broken.yaml"
    broken.write_text("format: [\n", encoding="utf-8")
    written = as_dict(make_report([check(broken)]))
    written_error = written["documents"][0]["error"]
    written = as_dict(report("vi"))
    document, contract = written["documents"][0], contract_example()
    contract_document = contract["documents"][0]
    assert set(contract) == set(written)
    assert set(contract["tool"]) == set(written["tool"])
    assert set(contract["architecture"]) == set(written["architecture"])
    assert set(contract_document) == set(document) | {"error"}
    assert set(contract_document["error"]) == set(written_error)
    assert set(contract_document["plan"]) == set(document["plan"])
    assert set(contract_document["summary"]) == set(document["summary"])
    assert set(contract_document["findings"][0]) == set(document["findings"][0])
    assert set(contract_document["findings"][0]["basis"][0]) == set(document["findings"][0]["basis"][0])
    assert set().union(*contract_document["checks"]) == set().union(*document["checks"])
    assert set(contract_document["instruments_in_force"][0]) == set(document["instruments_in_force"][0])


def test_documented_version_pins_name_the_current_version():
    """The version is written once (cqdt_check/__init__.py); the integration guide's pins follow it."""
    import re

    from cqdt_check import __version__

    text = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")
    pins = set(re.findall(r"(?:rev: |@)v(\d+\.\d+\.\d+)", text))
    assert pins == {__version__}
