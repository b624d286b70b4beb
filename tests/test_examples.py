"""Every example plan, checked as a user would, with its expected findings (rule id → count)."""

from __future__ import annotations

import collections

import pytest

from conftest import ROOT

FRAMEWORK = {"ARCH-010": 1}  # QĐ 2568 and QĐ 1729, on which architecture 3.0 rests, were both replaced by QĐ 292 in 2025

EXPECTED = {
    "tthc-nang-cap.yaml": ("pass", FRAMEWORK),
    "lgsp-nang-cap.yaml": ("pass", FRAMEWORK),
    "xa-quan-ly-noi-bo.yaml": ("pass", FRAMEWORK),
    "thue-dich-vu-dam-may.yaml": ("pass", FRAMEWORK),
    # the intended slip: a nightly local copy of the national population database
    "kho-du-lieu-tinh.yaml": ("pass", {**FRAMEWORK, "DATA-005": 1}),
    "nhieu-van-de.yaml": ("fail", {
        **FRAMEWORK,
        "ARCH-001": 1, "ARCH-008": 1, "ARCH-009": 1,
        "CON-001": 1, "CON-002": 1, "CON-003": 1, "CON-004": 1, "CON-005": 1, "CON-006": 1, "CON-007": 2, "CON-010": 1,
        "DATA-001": 1, "DATA-003": 1, "DATA-004": 2, "DATA-005": 1, "DATA-009": 1,
        "DATA-010": 1,
        "IPV6-002": 2, "IPV6-004": 2, "IPV6-005": 1,
        "LEG-001": 3, "LEG-002": 1, "LEG-004": 1,
        "SEC-003": 2, "SEC-008": 2, "SEC-013": 1,
    }),
}


def test_every_example_has_expectations():
    assert sorted(p.name for p in (ROOT / "examples").glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_findings(name, check):
    verdict, counts = EXPECTED[name]
    result = check(ROOT / "examples" / name)
    assert result.verdict == verdict
    assert dict(collections.Counter(f.rule_id for f in result.findings)) == counts
    for finding in result.findings:
        assert finding.location.line >= 1 and finding.location.column >= 1 and finding.basis and finding.remediation


def test_many_problems_example_points_at_the_exact_places(check):
    result = check(ROOT / "examples" / "nhieu-van-de.yaml")
    places = {(f.rule_id, f.path_text): (f.location.line, f.location.column) for f in result.findings}
    text = (ROOT / "examples" / "nhieu-van-de.yaml").read_text(encoding="utf-8").splitlines()
    line, column = places[("ARCH-001", "systems[0].component")]
    assert text[line - 1][column - 1:].startswith("he-thong-tthc")
    line, column = places[("ARCH-008", "owner.level")]
    assert text[line - 1][column - 1:].startswith("district")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_examples_against_nghe_an_never_crash(name, check):
    result = check(ROOT / "examples" / name, architecture="nghe-an-1.0")
    assert result.verdict in {"pass", "fail"} and result.rules_evaluated
    assert all(f.basis for f in result.findings), [f.rule_id for f in result.findings if not f.basis]
