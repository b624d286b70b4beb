"""Cases the law exempts from rules (rules/vocabulary: exemptions): renting an available service needs no
architecture-conformance check from 01/07/2026 (NĐ 224/2026/NĐ-CP Điều 37 khoản 1, Điều 65 khoản 1 điểm b); the rules
are reported not applicable with that reason, and a bespoke rental or an earlier date is still checked."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT

RENTAL = (ROOT / "examples" / "thue-dich-vu-dam-may.yaml").read_text(encoding="utf-8")
CONFORMANCE = {"ARCH-001", "ARCH-006", "ARCH-007", "ARCH-011", "ARCH-012"}

# (service availability, date judged, exempt?)
ROWS = [
    ("off_the_shelf", dt.date(2026, 9, 1), True),
    ("off_the_shelf", dt.date(2026, 5, 1), False),  # NĐ 224 not yet in force
    ("bespoke", dt.date(2026, 9, 1), False),  # a bespoke service needs a rental plan that is appraised
]


@pytest.mark.parametrize(("availability", "day", "exempt"), ROWS, ids=[f"{a}-{d}" for a, d, _ in ROWS])
def test_renting_an_available_service_is_exempt_from_conformance(availability, day, exempt, check, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(RENTAL.replace("service_availability: bespoke", f"service_availability: {availability}"),
                    encoding="utf-8")
    result = check(plan, as_of=day)
    reasons = {c.rule_id: c.reason for c in result.checks if c.rule_id in CONFORMANCE}
    assert reasons, "the conformance rules were evaluated"
    says_224 = {rule: bool(reason and "Điều 37" in reason) for rule, reason in reasons.items()}
    assert set(says_224.values()) == {exempt}, says_224
    if exempt:
        assert not any(f.rule_id in CONFORMANCE for f in result.findings)
