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
