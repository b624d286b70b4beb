"""The same plan judged on different dates differs exactly where the law changed; national ids work anywhere."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import FIXTURES

RENTAL = FIXTURES / "rules" / "RENT-005" / "fail.yaml"  # a rental whose supplier keeps the data

# date judged → (national framework named in the header, instruments RENT-005 cites)
TABLE = [
    (dt.date(2025, 6, 1), "292/QĐ-BKHCN", {"Nghị định 73/2019/NĐ-CP"}),
    (dt.date(2026, 5, 1), "3090/QĐ-BKHCN", set()),  # NĐ 45/2026 period: neither NĐ 73 nor NĐ 224
    (dt.date(2026, 9, 1), "1425/QĐ-TTg", {"Nghị định 224/2026/NĐ-CP"}),
    (dt.date(2026, 11, 29), "1425/QĐ-TTg", {"Nghị định 224/2026/NĐ-CP"}),
]


@pytest.mark.parametrize("day, framework, cited", TABLE)
def test_rental_judged_by_the_law_of_its_date(check, day, framework, cited):
    result = check(RENTAL, as_of=day)
    assert framework in result.architecture.national
    (finding,) = [f for f in result.findings if f.rule_id == "RENT-005"]
    decrees = {b.instrument for b in finding.basis if b.instrument.startswith("Nghị định")}
    assert decrees == cited
    assert finding.severity == "error"  # the architecture's own principle and the C1 decrees agree


@pytest.mark.parametrize("day, cites_1425", [(dt.date(2025, 6, 1), False), (dt.date(2026, 9, 1), True)])
def test_connectivity_clause_rule_rests_on_the_national_framework_from_29_07_2026(check, tmp_path, day, cites_1425):
    text = RENTAL.read_text(encoding="utf-8").replace("bảo đảm liên thông các cấp", "không liên thông các cấp")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    result = check(plan, as_of=day)
    (finding,) = [f for f in result.findings if f.rule_id == "CON-001"]  # the negated concept is not stated
    assert any("1425/QĐ-TTg" in b.instrument for b in finding.basis) is cites_1425
    # the district letter speaks until the districts ended (30/06/2025)
    assert any("Minh Long" in b.instrument for b in finding.basis) is (day <= dt.date(2025, 6, 30))


def test_a_nghe_an_plan_may_name_national_platforms(check, tmp_path):
    text = (FIXTURES / "rules" / "ARCH-010" / "pass.yaml").read_text(encoding="utf-8").replace(
        "      - {target: lgsp, via: lgsp, direction: both}",
        "      - {target: lgsp, via: lgsp, direction: both}\n      - {target: cong-dvc-quoc-gia, via: lgsp, direction: both}")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    result = check(plan)
    assert result.architecture.id == "nghe-an-1.0"
    assert not [f for f in result.findings if f.rule_id == "ARCH-002"]
    assert "pass" in {c.status for c in result.checks if c.rule_id == "ARCH-002"}


def test_a_plan_without_any_link_fails_the_connectivity_clause_rule_whatever_its_text(check, tmp_path):
    text = RENTAL.read_text(encoding="utf-8")
    start, end = text.index("data_sharing:\n"), text.index("rental:\n")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text[:start] + text[end:], encoding="utf-8")
    result = check(plan)
    assert [f for f in result.findings if f.rule_id == "CON-001"]
