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


STATE_FUNDED = "funding: {source: recurrent, state_budget_share: 1.0, total_vnd: 4800000000}"


def _variant(tmp_path, source, *replacements) -> object:
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("day, framework, cited", TABLE)
def test_rental_judged_by_the_law_of_its_date(check, tmp_path, day, framework, cited):
    funded = _variant(tmp_path, RENTAL, ("funding: {source: other, state_budget_share: 0.0, total_vnd: 4800000000}",
                                         STATE_FUNDED))
    result = check(funded, as_of=day)
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


ARCHITECTURE_PLAN = FIXTURES / "rules" / "ARCH-010" / "fail.yaml"  # Quảng Ngãi 3.0, built on QĐ 2568 + QĐ 1729


@pytest.mark.parametrize("day, framework", [
    (dt.date(2025, 1, 15), None),  # QĐ 2568 + QĐ 1729 still in force: the architecture's own framework
    (dt.date(2025, 6, 1), "292/QĐ-BKHCN"),
    (dt.date(2025, 11, 1), "3090/QĐ-BKHCN"),
    (dt.date(2026, 9, 1), "1425/QĐ-TTg"),
])
def test_arch_010_names_the_framework_the_header_names(check, day, framework):
    result = check(ARCHITECTURE_PLAN, as_of=day)
    findings = [f for f in result.findings if f.rule_id == "ARCH-010"]
    if framework is None:
        assert not findings
        return
    (finding,) = findings
    assert framework in result.architecture.national  # one source: the national layer, by date
    assert framework in finding.message
    assert [b.instrument for b in finding.basis if framework in b.instrument]
    others = {"292/QĐ-BKHCN", "3090/QĐ-BKHCN", "1425/QĐ-TTg"} - {framework}
    assert not [o for o in others if o in finding.message or any(o in b.instrument for b in finding.basis)]


def test_a_nghe_an_plan_may_name_national_platforms(check, tmp_path):
    text = (FIXTURES / "plans" / "nghe-an-2025.yaml").read_text(encoding="utf-8").replace(
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


def test_chapter_vi_of_nd_224_speaks_only_for_state_funded_plans(check):
    """NĐ 224 Chương VI applies when state funds are 30 % or more (Điều 36 khoản 1): below that its bases are not
    cited, and a rule resting on them alone does not apply, with the reason."""
    result = check(RENTAL, as_of=dt.date(2026, 9, 1))  # the fixture is privately funded (state_budget_share: 0.0)
    (finding,) = [f for f in result.findings if f.rule_id == "RENT-005"]
    assert not [b for b in finding.basis if "224/2026" in b.instrument]  # the architecture's own principle remains
    (rent004,) = [c for c in result.checks if c.rule_id == "RENT-004"]
    assert rent004.status == "not_applicable" and "Điều 36 khoản 1" in rent004.reason and "0" in rent004.reason


SEC = FIXTURES / "rules" / "SEC-003" / "fail.yaml"  # a TTHC system proposed at level 2

# date judged → (provisions cited by SEC-003 on the TTHC system, severity)
SECURITY_TABLE = [
    (dt.date(2025, 6, 1), {"Điều 9 khoản 2 điểm a"}, "error"),  # NĐ 85/2016 (C1)
    (dt.date(2026, 5, 1), {"Điều 9 khoản 2 điểm a"}, "error"),
    (dt.date(2026, 7, 15), {"Điều 13 khoản 2 điểm b", "Điều 9 khoản 2 điểm a"}, "error"),  # the two agree
    (dt.date(2026, 9, 1), {"Điều 13 khoản 2 điểm b", "Điều 9 khoản 2 điểm a"}, "error"),  # NĐ 331 + agreement
]


@pytest.mark.parametrize("day, articles, severity", SECURITY_TABLE)
def test_security_level_judged_by_the_law_of_its_date(check, day, articles, severity):
    result = check(SEC, as_of=day)
    first = next(f for f in result.findings if f.rule_id == "SEC-003" and f.path[:2] == ("systems", 0))
    assert {b.article for b in first.basis} == articles and first.severity == severity


@pytest.mark.parametrize("architecture", ["quang-ngai-3.0", "nghe-an-1.0"])
def test_under_classification_is_an_error_under_any_architecture(check, tmp_path, architecture):
    plan = _variant(tmp_path, SEC, ("architecture: quang-ngai-3.0", f"architecture: {architecture}"))
    result = check(plan, as_of=dt.date(2025, 6, 1))
    levels = [f for f in result.findings if f.rule_id == "SEC-003" and f.path[-1] == "proposed_level"]
    assert levels and all(f.severity == "error" for f in levels)


def test_national_24x7_criterion_is_information_only(check, tmp_path):
    plan = _variant(tmp_path, SEC, ("    scope: province\n    state_secret: none", "    scope: national\n    state_secret: none"),
                    ("    availability: business_hours\n    security:\n      proposed_level: 2  # expect: SEC-003",
                     "    availability: 24x7\n    security:\n      proposed_level: 3"))
    (finding,) = [f for f in check(plan, as_of=dt.date(2025, 6, 1)).findings
                  if f.rule_id == "SEC-003" and f.path[:2] == ("systems", 0)]
    assert finding.severity == "info" and [b.article for b in finding.basis] == ["Điều 10 khoản 2"]


PORTAL = FIXTURES / "rules" / "IPV6-008" / "fail.yaml"  # a ward website on a .com domain


@pytest.mark.parametrize("day, expected", [(dt.date(2026, 6, 30), set()), (dt.date(2026, 7, 1), {"IPV6-008", "IPV6-009"})])
def test_portal_rules_of_nd_224_start_on_01_07_2026(check, tmp_path, day, expected):
    plan = _variant(tmp_path, PORTAL, ("      ipv6_readiness: true\n", "      ipv6_readiness: false\n"))
    result = check(plan, as_of=day)
    assert {f.rule_id for f in result.findings if f.rule_id in {"IPV6-008", "IPV6-009"}} == expected


IPV6_PLAN = FIXTURES / "rules" / "IPV6-002" / "fail.yaml"  # a ward's website, Internet-facing, IPv4 only

# (date judged, the system declares itself a portal/website) → (severity, the only instruments cited)
IPV6_TABLE = [
    (dt.date(2025, 6, 1), True, "warning", None),  # programme targets and the architecture: no error without NĐ 224
    (dt.date(2026, 9, 1), True, "error", {"Nghị định 224/2026/NĐ-CP"}),  # NĐ 224 Đ11 k4: portals and websites
    (dt.date(2026, 9, 1), False, "warning", {"Quyết định 1702/QĐ-UBND ngày 31/12/2024 (quang-ngai-3.0)"}),
]


@pytest.mark.parametrize("day, portal, severity, cited", IPV6_TABLE)
def test_ipv6_002_cites_what_makes_it_an_error(check, tmp_path, day, portal, severity, cited):
    plan = _variant(tmp_path, IPV6_PLAN, ("      internet_facing: true\n",
                                          f"      internet_facing: true\n      web_portal: {str(portal).lower()}\n"))
    result = check(plan, as_of=day)
    (finding,) = [f for f in result.findings if f.rule_id == "IPV6-002"]
    assert finding.severity == severity
    instruments = {b.instrument for b in finding.basis}
    assert not [i for i in instruments if "IPv6 only" in i]  # the programme without a number is no basis here
    if cited is not None:
        assert instruments == cited
    else:
        assert not [i for i in instruments if "224/2026" in i]


# a lapsed citation → the instruments its finding cites: what replaced it (in force on the date judged), nothing else
LAPSED_TABLE = [
    ("Quyết định 2126/QĐ-UBND ngày 24/12/2021 của UBND tỉnh Quảng Ngãi", "LEG-001",
     {"Quyết định 1702/QĐ-UBND ngày 31/12/2024"}),
    ("Nghị định 59/2022/NĐ-CP", "LEG-001", {"Nghị định 69/2024/NĐ-CP"}),
    ("Quyết định 2568/QĐ-BTTTT ngày 29/12/2023", "LEG-001", {"Quyết định 292/QĐ-BKHCN ngày 25/03/2025"}),
    ("Nghị định 47/2020/NĐ-CP", "LEG-002", {"Nghị định 278/2025/NĐ-CP"}),
    ("Nghị định 73/2019/NĐ-CP", "LEG-002", {"Nghị định 224/2026/NĐ-CP"}),  # NĐ 45/2026 had itself lapsed by then
]


@pytest.mark.parametrize("citation, rule_id, cited", LAPSED_TABLE)
def test_a_lapsed_citation_cites_its_replacement(check, tmp_path, citation, rule_id, cited):
    text = (FIXTURES / "rules" / "LEG-001" / "fail.yaml").read_text(encoding="utf-8")
    start, end = text.index("legal_basis:\n"), text.index("\nsystems:")
    kept = text[start:].splitlines()[1]  # the architecture's own decision
    plan = tmp_path / "plan.yaml"
    plan.write_text(text[:start] + f'legal_basis:\n{kept}\n  - "{citation}"\n' + text[end:], encoding="utf-8")
    result = check(plan, as_of=dt.date(2026, 9, 1))
    (finding,) = [f for f in result.findings if f.rule_id in ("LEG-001", "LEG-002")]
    assert finding.rule_id == rule_id
    assert {b.instrument for b in finding.basis} == cited


def test_every_recorded_replacement_is_citable(pack):
    from cqdt_check.checks import replacement_cites

    unread = [e.id for e in pack.instruments if e.replaced_by and not replacement_cites(e)]
    assert not unread, f"replaced_by names no instrument in full: {unread}"


@pytest.mark.parametrize("architecture_id", ["quang-ngai-3.0", "nghe-an-1.0"])
def test_instruments_in_force_on_the_days_around_every_change(pack, architecture_id):
    """The header's instruments are those of the bases in force on the day judged, also on the first and last day of
    a basis and the days either side (they are worked out once per stretch of days between such changes)."""
    from cqdt_check.dates import in_window
    from cqdt_check.legal import LegalTime, instrument_key
    from cqdt_check.packs import ArchitectureResolver

    legal = LegalTime(pack, ArchitectureResolver(None).bundled(architecture_id))
    bases = [b for found in legal.bases.values() for b in found if not b.source.endswith("plan-format.md")]
    edges = {d for b in bases for d in (b.valid_from, b.valid_to) if d is not None}
    days = sorted({edge + dt.timedelta(days=shift) for edge in edges for shift in (-1, 0, 1)})
    assert len(days) > 20
    for day in days:
        expected = {instrument_key(b.instrument) for b in bases if in_window(day, b.valid_from, b.valid_to)}
        assert {instrument_key(i.name) for i in legal.instruments_in_force(day)} == expected, day


@pytest.mark.parametrize("architecture", ["quang-ngai-3.0", "nghe-an-1.0"])
def test_bases_in_force_are_answered_by_stretch_of_days_as_day_by_day(architecture):
    """LegalTime answers "which bases are in force" once per stretch of days between the days a basis starts or
    lapses: every day from before the first instrument to after the last gives what each basis's window says."""
    from cqdt_check.dates import in_window
    from cqdt_check.legal import LegalTime
    from cqdt_check.packs import ArchitectureResolver, load_pack

    pack = load_pack([])
    legal = LegalTime(pack, ArchitectureResolver(architecture)(None))
    assert sum(len(cuts) > 1 for cuts in legal._cuts.values()) > 5  # stretches to tell apart: not vacuous
    day, last = dt.date(2019, 1, 1), dt.date(2031, 1, 1)
    while day <= last:
        for loaded in pack.rules:
            scoped = legal._scoped[loaded.rule.id]
            expected = tuple(p for p in scoped if in_window(day, p[0].valid_from, p[0].valid_to)) or scoped
            assert legal._in_force(loaded.rule.id, day) == expected, (loaded.rule.id, day)
            unscoped = None if any(s is not None for _, s in expected) else tuple(b for b, _ in expected)
            assert legal.unscoped(loaded.rule.id, day) == unscoped, (loaded.rule.id, day)
        day += dt.timedelta(days=1)


def test_the_reasons_kept_per_date_stay_bounded_whatever_dates_plans_give(monkeypatch):
    """Plans choose their dates: the engine's table of dated not-applicable reasons is emptied when full, and a date
    asked again after that gets the same reasons."""
    from cqdt_check import engine
    from cqdt_check.checks import Context
    from cqdt_check.legal import LegalTime
    from cqdt_check.packs import ArchitectureResolver, load_pack

    monkeypatch.setattr(engine, "DATES_KEPT", 3)
    pack = load_pack([])
    architecture = ArchitectureResolver(None)(None)
    legal = LegalTime(pack, architecture)

    def reasons(day):
        return engine._fixed_reasons(pack, Context(None, architecture, day, "vi", pack.concepts, pack.instruments), legal)

    days = [dt.date(2025, 1, 1) + dt.timedelta(days=97 * n) for n in range(10)]
    first = reasons(days[0])
    assert any(first.values()) and not all(first.values())  # some rules not applicable on that day, some are
    for day in days[1:]:
        reasons(day)
        assert len(engine._DATED[legal]) <= 3
    assert reasons(days[0]) == first
