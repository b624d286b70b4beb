"""The engine: rules chosen by date, transitions, severity policy, not-applicable reasons, faults never pass."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from cqdt_check import checks

PLAN = """
format: cqdt-plan/1
kind: project
name: "Nâng cấp Cổng dịch vụ công của tỉnh"
dates: {submitted: 2025-05-12}
owner: {agency: "Văn phòng UBND tỉnh Quảng Ngãi", level: province, type: state_agency}
legal_basis: ["Nghị định 47/2020/NĐ-CP", "Nghị định 85/2016/NĐ-CP"]
systems:
  - id: dvc
    name: "Cổng dịch vụ công"
    component: he-thong-thong-tin-giai-quyet-tthc
    type: citizen_service
    handles_tthc: false
    online_services: full
    scope: province
    state_secret: none
    availability: business_hours
    personal_data: {basic_subjects: 50000, sensitive_subjects: 0}
    security: {proposed_level: 2, dossier: "HS-01", appraiser: "Sở Thông tin và Truyền thông", standard: "TCVN 11930:2017"}
"""


@pytest.fixture
def plan(tmp_path):
    def make(text: str = PLAN) -> str:
        path = tmp_path / "plan.yaml"
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return make


def failing(result) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in result.findings:
        out.setdefault(f.rule_id, []).append(f.message)
    return out


def statuses(result, rule_id: str) -> list[str]:
    return [c.status for c in result.checks if c.rule_id == rule_id]


def test_same_plan_differs_exactly_where_the_law_changed(plan, check):
    path = plan()
    before = check(path, as_of=dt.date(2025, 6, 1))
    after = check(path, as_of=dt.date(2026, 10, 1))
    # online public services put the system at level 3 under NĐ 85/2016 (Điều 9 khoản 2 điểm a) ...
    assert "NĐ 85/2016/NĐ-CP Điều 9 khoản 2 điểm a" in failing(before)["SEC-003"][0]
    # ... and under NĐ 331/2026 they are administrative-procedure systems (Điều 13 khoản 2 điểm b): the two regimes
    # agree, so the finding cites both provisions and stays an error
    (finding,) = [f for f in after.findings if f.rule_id == "SEC-003"]
    assert "NĐ 331/2026/NĐ-CP Điều 13 khoản 2 điểm b" in finding.message and finding.severity == "error"
    assert [(b.instrument, b.article) for b in finding.basis] == [
        ("Nghị định 331/2026/NĐ-CP", "Điều 13 khoản 2 điểm b"), ("Nghị định 85/2016/NĐ-CP", "Điều 9 khoản 2 điểm a")]
    # the Sở TTTT ceased to exist on 01/03/2025: flagged on both dates
    assert "SEC-008" in failing(before) and "SEC-008" in failing(after)
    # TCVN 11930 is outdated only once NĐ 331 references TCVN 14423 (19/08/2026)
    assert "SEC-011" not in failing(before) and "SEC-011" in failing(after)
    assert statuses(before, "SEC-011") == ["not_applicable"]
    # NĐ 47/2020 was repealed on 22/10/2025; NĐ 85/2016 lapsed on 01/07/2026
    legal_before = " ".join(failing(before).get("LEG-002", []))
    legal_after = " ".join(failing(after).get("LEG-002", []))
    assert "47/2020" not in legal_before and "47/2020" in legal_after and "85/2016" in legal_after


def test_between_the_two_regimes_what_they_agree_on_applies(plan, check):
    result = check(plan(), as_of=dt.date(2026, 7, 15))  # NĐ 85 lapsed 30/06, NĐ 331 from 19/08/2026
    (finding,) = [f for f in result.findings if f.rule_id == "SEC-003"]
    assert finding.severity == "error" and {b.article for b in finding.basis} == {
        "Điều 13 khoản 2 điểm b", "Điều 9 khoản 2 điểm a"}
    # a criterion the two regimes do not share (NĐ 85's 10,000 users) is not applied in the gap
    citizen = PLAN.replace("online_services: full", "online_services: none")
    statuses_gap = statuses(check(plan(citizen), as_of=dt.date(2026, 7, 15)), "SEC-003")
    assert statuses_gap == ["pass"]


def test_projects_under_investment_before_july_2026_keep_nd85_until_2027(plan, check):
    transitional = PLAN.replace("dates: {submitted: 2025-05-12}", "dates: {submitted: 2026-09-01, investment_started: 2026-03-01}")
    result = check(plan(transitional))
    assert "NĐ 85/2016/NĐ-CP Điều 9 khoản 2 điểm a" in failing(result)["SEC-003"][0]
    new = check(plan(PLAN.replace("dates: {submitted: 2025-05-12}", "dates: {submitted: 2026-09-01}")))
    assert "NĐ 331/2026/NĐ-CP Điều 13 khoản 2 điểm b" in failing(new)["SEC-003"][0]


def test_highest_criterion_wins_and_message_names_values(plan, check):
    secret = PLAN.replace("state_secret: none", "state_secret: toi_mat").replace("proposed_level: 2", "proposed_level: 3")
    (message,) = failing(check(plan(secret)))["SEC-003"]
    assert message == ("Hệ thống 'Cổng dịch vụ công' (dvc): đề xuất cấp độ 3; tối thiểu cấp độ 4 vì hệ thống xử lý thông tin Tối mật — "
                       "NĐ 85/2016/NĐ-CP Điều 10 khoản 1.")


def test_undeclared_criterion_inputs_fail_rather_than_pass(plan, check):
    sparse = PLAN.replace("    online_services: full\n", "").replace("    scope: province\n", "").replace(
        "    handles_tthc: false\n", "").replace("    type: citizen_service\n", "").replace(
        "    personal_data: {basic_subjects: 50000, sensitive_subjects: 0}\n", "")
    (message,) = failing(check(plan(sparse)))["SEC-003"]
    assert "chưa khai báo" in message and "“Giải quyết TTHC”" in message and "handles_tthc" not in message


def test_error_without_a_verified_basis_in_force_becomes_a_warning(pack, plan, check):
    result = check(plan(), as_of=dt.date(2025, 6, 1))
    for finding in result.findings:
        if finding.severity == "error":
            assert any(b.verified for b in finding.basis), finding.rule_id


def test_basis_shown_is_the_one_in_force(plan, check):
    before = check(plan(), as_of=dt.date(2025, 6, 1))
    sec = next(f for f in before.findings if f.rule_id == "SEC-003")
    instruments = [b.instrument for b in sec.basis]
    assert "Nghị định 85/2016/NĐ-CP" in instruments and "Nghị định 331/2026/NĐ-CP" not in instruments


def test_rule_needing_an_element_the_architecture_lacks_is_not_applicable(plan, check):
    result = check(plan(), architecture="nghe-an-1.0")
    (con004,) = [c for c in result.checks if c.rule_id == "CON-004"]
    assert con004.status == "not_applicable" and "nghe-an-1.0" in con004.reason


def test_a_check_that_raises_is_reported_and_the_other_rules_still_run(plan, check, monkeypatch):
    def broken(target, opts, ctx):
        raise ZeroDivisionError("boom")
        yield  # pragma: no cover

    original = checks.CHECKS["required"]
    monkeypatch.setitem(checks.CHECKS, "required", checks.Check(broken, original.options, original.targets, original.params))
    result = check(plan())
    assert result.verdict == "error"
    crashed = [f for f in result.findings if "ZeroDivisionError" in f.message]
    assert crashed and all(f.severity == "error" for f in crashed)
    assert "pass" in statuses(result, "CON-006") or "fail" in statuses(result, "SEC-003")


def test_deviation_request_is_shown_but_does_not_waive(plan, check):
    requested = PLAN + "deviations:\n  - rule: SEC-003\n    path: systems[0].security\n    reason: \"Chờ phê duyệt lại\"\n"
    result = check(plan(requested))
    sec = next(f for f in result.findings if f.rule_id == "SEC-003")
    assert sec.status == "fail" and sec.deviation_requested == "Chờ phê duyệt lại" and result.verdict == "fail"


def test_not_applicable_records_the_reason(plan, check):
    result = check(plan())
    rental = [c for c in result.checks if c.rule_id.startswith("RENT")]
    assert rental and all(c.status == "not_applicable" and "dự án đầu tư" in c.reason for c in rental)  # the kind by its label


def test_english_messages(plan, check):
    result = check(plan(), lang="en")
    sec = next(f for f in result.findings if f.rule_id == "SEC-003")
    assert sec.message.startswith("System 'Cổng dịch vụ công' (dvc): proposed level 2; at least level 3 because")


def test_the_rules_whose_result_changes_between_two_dates_are_exactly_those_whose_law_changed(plan, check):
    path = plan()

    def results(day):
        return {(c.rule_id, c.target): c.status for c in check(path, as_of=day).checks}

    before, after = results(dt.date(2025, 6, 1)), results(dt.date(2026, 10, 1))
    changed = {rule for (rule, _) in set(before) | set(after)
               if before.get((rule, _)) != after.get((rule, _))}
    assert changed == {
        "ARCH-008", "ARCH-009",  # two-tier local government from 01/07/2025
        "ARCH-016",  # Kon Tum merged into Quảng Ngãi from 01/07/2025 (NQ 202/2025/QH15)
        "ARCH-012", "ARCH-013",  # national framework QĐ 1425/QĐ-TTg from 29/07/2026
        "DATA-011",  # NĐ 47/2020 terms, repealed 22/10/2025
        "IPV6-006",  # IPv6-only programme 2026–2030
        "IPV6-008", "IPV6-009",  # NĐ 224/2026 from 01/07/2026
        "LEG-002",  # NĐ 47/2020 repealed 22/10/2025; NĐ 85/2016 lapsed 01/07/2026
        # SEC-003 fails on both dates: NĐ 85 and NĐ 331 agree on online public services
        "SEC-005", "SEC-011", "SEC-012",  # NĐ 331/2026 from 19/08/2026
    }


def test_legal_bases_follow_the_architecture_even_when_architectures_come_and_go(pack):
    """Bases are resolved per architecture: a freed architecture's id reused by another must not leak."""
    from cqdt_check.legal import LegalTime
    from cqdt_check.packs import ArchitectureResolver

    rule = next(r.rule for r in pack.rules if any(b.instrument == "@architecture" for b in r.rule.basis))
    for _ in range(50):
        for arch_id in ("nghe-an-1.0", "quang-ngai-3.0"):
            resolver = ArchitectureResolver(arch_id)
            named = [b.instrument for b in LegalTime(pack, resolver(None)).bases[rule.id]
                     if b.instrument.endswith(("(nghe-an-1.0)", "(quang-ngai-3.0)"))]
            assert named and all(name.endswith(f"({arch_id})") for name in named), (arch_id, named)
            del resolver


@pytest.mark.parametrize("first, second", [(0.0, -0.0), (True, 1)])
def test_reasons_keep_apart_values_python_finds_equal(first, second):
    """Why a target is outside a rule's conditions is remembered per value: values that compare equal but read
    differently (0.0 and -0.0, true and 1) each keep their own words, whichever a process met first."""
    from cqdt_check.engine import _when_reason
    from cqdt_check.model import Sla

    for a, b in ((first, second), (second, first)):
        assert _when_reason(Sla, "rto_hours", a, "vi") != _when_reason(Sla, "rto_hours", b, "vi")
