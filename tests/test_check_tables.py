"""Each check of cqdt_check/checks.py called directly: tables of target, options, date and what the check yields.

A row's outcome lists what the check yields, in order: `(path, missing)` for a Violation (`path` as reports write
it, `missing` whether the fact is undeclared), or "skip" for a Skip. `params` rows also check message parameters.
The targets are typed plan parts (model.py); the architecture is the bundled Quảng Ngãi 3.0; concepts and legal
instruments are this file's own, so a change of the rule pack's vocabulary does not move these tables.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from conftest import ROOT
from cqdt_check.checks import CHECKS, MISSING, Context, Skip, get, matches
from cqdt_check.findings import format_path
from cqdt_check.model import Dataset, Integration, Plan, System
from cqdt_check.values import InstrumentEntry, Range
from cqdt_check.architecture import with_national
from cqdt_check.packs import load_architecture

ARCH = with_national(load_architecture(ROOT / "architecture" / "quang-ngai-3.0.yaml"))

CONCEPTS = {
    "lgsp": ("LGSP", "trục tích hợp"),
    "ipv6": ("IPv6",),
    "local_copy": ("sao lưu cục bộ",),
}

INSTRUMENTS = (
    InstrumentEntry.model_validate({
        "id": "qd-2568", "name": "Quyết định 2568/QĐ-BTTTT", "match": ["2568/QĐ-BTTTT"], "valid_to": "2025-03-24",
        "replaced_by": "Quyết định 292/QĐ-BKHCN", "verified": True, "source": "test"}),
    InstrumentEntry.model_validate({
        "id": "nd-85", "name": "Nghị định 85/2016/NĐ-CP", "match": ["85/2016/NĐ-CP"], "valid_to": "2026-06-30",
        "verified": True, "source": "test"}),
    InstrumentEntry.model_validate({
        "id": "nd-73", "name": "Nghị định 73/2019/NĐ-CP", "match": ["73/2019/NĐ-CP"], "valid_to": "2026-02-28",
        "replaced_by": "Nghị định 45/2026/NĐ-CP", "verified": False, "source": "test",
        "transition": {"started_before": "2026-03-01", "until": "2026-12-31", "basis": "test"}}),
)

BASE_PLAN = {
    "format": "cqdt-plan/1", "kind": "project", "name": "Nâng cấp hệ thống",
    "owner": {"agency": "Sở Khoa học và Công nghệ", "level": "province"},
    "systems": [{"id": "tthc", "name": "Hệ thống TTHC"}, {"id": "van-ban", "name": "Hệ thống văn bản"}],
}
SYSTEM = {"id": "tthc", "name": "Hệ thống TTHC"}
DAY = dt.date(2026, 1, 1)


def plan(**fields) -> Plan:
    kind = "service_rental" if "rental" in fields else "project"  # the model keeps rental to rental plans
    return Plan.model_validate({**BASE_PLAN, "kind": kind, **fields})


def system(**fields) -> System:
    return System.model_validate({**SYSTEM, **fields})


def integration(target: str, via: str | None = None) -> Integration:
    return Integration.model_validate({"target": target, "via": via})


def dataset(**fields) -> Dataset:
    return Dataset.model_validate({"name": "Kết quả giải quyết TTHC", "role": "provide", **fields})


def run(check: str, target, options: dict, as_of: dt.date = DAY, the_plan: Plan | None = None,
        of_system: System | None = None, lang: str = "vi") -> list:
    """Everything the check yields for the target (Violations and Skips), on this date and in this language."""
    spec = CHECKS[check]
    opts = spec.options.model_validate(options)
    the_plan = the_plan if the_plan is not None else (target if isinstance(target, Plan) else plan())
    ctx = Context(the_plan, ARCH, as_of, lang, CONCEPTS, INSTRUMENTS, of_system)
    return list(spec.function(target, opts, ctx))


def outcome(yielded: list) -> list:
    return ["skip" if isinstance(y, Skip) else (format_path(y.path), y.missing is not None) for y in yielded]


# (id, check, target, options, keyword arguments of run(), expected outcome, expected params of the first yield)
ROWS = [
    # --- required ---
    ("required/declared", "required", system(security={"proposed_level": 3}),
     {"fields": ["security.proposed_level"]}, {}, [], None),
    ("required/absent", "required", system(), {"fields": ["security.proposed_level"]}, {},
     [("security.proposed_level", False)], {"field": "security.proposed_level"}),
    ("required/empty-list", "required", plan(legal_basis=[]), {"fields": ["legal_basis"]}, {},
     [("legal_basis", False)], None),
    ("required/siblings-together", "required", plan(rental={"sla": {"availability_pct": 99.5}}),
     {"fields": ["rental.sla.rto_hours", "rental.sla.rpo_hours"]}, {},
     [("rental.sla", False)], {"field": "rental.sla.rto_hours, rental.sla.rpo_hours"}),
    ("required/one-list-item-declares-it", "required",
     plan(data_sharing={"datasets": [{"name": "A", "role": "provide"},
                                     {"name": "B", "role": "provide", "master_source": "tthc"}]}),
     {"fields": ["data_sharing.datasets.master_source"]}, {}, [], None),
    # --- field_value ---
    ("field_value/allowed", "field_value", system(network={"ipv6": "dual_stack"}),
     {"field": "network.ipv6", "allowed": ["dual_stack", "ipv6_only"]}, {}, [], None),
    ("field_value/not-allowed", "field_value", system(network={"ipv6": "ipv4_only"}),
     {"field": "network.ipv6", "allowed": ["dual_stack", "ipv6_only"]}, {},
     [("network.ipv6", False)], {"value": "ipv4_only", "expected": "dual_stack, ipv6_only"}),
    ("field_value/undeclared", "field_value", system(network={"mtslcd": True}),
     {"field": "network.ipv6", "allowed": ["dual_stack"]}, {}, [("network.ipv6", True)], None),
    ("field_value/forbidden", "field_value", system(hosting={"location": "SG"}),
     {"field": "hosting.location", "forbidden": ["SG", "US"]}, {},
     [("hosting.location", False)], {"expected": "≠ SG, US"}),
    ("field_value/gte-short", "field_value", plan(rental={"sla": {"availability_pct": 99.0}}),
     {"field": "rental.sla.availability_pct", "gte": 99.5}, {},
     [("rental.sla.availability_pct", False)], {"value": "99", "expected": "≥ 99.5"}),
    ("field_value/lte-over", "field_value", plan(rental={"sla": {"incident_notice_hours": 48.0}}),
     {"field": "rental.sla.incident_notice_hours", "lte": 24}, {},
     [("rental.sla.incident_notice_hours", False)], {"value": "48", "expected": "≤ 24"}),
    ("field_value/lte-within", "field_value", plan(rental={"sla": {"incident_notice_hours": 2.0}}),
     {"field": "rental.sla.incident_notice_hours", "lte": 24}, {}, [], None),
    ("field_value/false-is-not-true", "field_value", system(encryption={"at_rest": False}),
     {"field": "encryption.at_rest", "allowed": [True]}, {},
     [("encryption.at_rest", False)], {"value": "false", "expected": "true"}),
    ("field_value/includes", "field_value", plan(alignment={"components": ["lgsp", "soc-tinh"]}),
     {"field": "alignment.components", "includes": ["lgsp"]}, {}, [], None),
    ("field_value/includes-lacking", "field_value", plan(alignment={"components": ["soc-tinh"]}),
     {"field": "alignment.components", "includes": ["lgsp", "soc-tinh"]}, {},
     [("alignment.components", False)], {"expected": "lgsp"}),
    ("field_value/list-first-bad-item-only", "field_value",
     plan(data_sharing={"datasets": [{"name": "A", "role": "provide", "via": "direct"},
                                     {"name": "B", "role": "provide", "via": "direct"}]}),
     {"field": "data_sharing.datasets.via", "allowed": ["lgsp"]}, {},
     [("data_sharing.datasets.via", False)], {"value": "direct"}),
    # --- field_mentions ---
    ("field_mentions/required-mentioned", "field_mentions", plan(name="Kết nối qua LGSP của tỉnh"),
     {"field": "name", "require": ["lgsp"]}, {}, [], None),
    ("field_mentions/required-not-mentioned", "field_mentions", plan(name="Phần mềm quản lý hồ sơ"),
     {"field": "name", "require": ["lgsp"]}, {},
     [("name", False)], {"concept": "LGSP", "text": "Phần mềm quản lý hồ sơ"}),
    ("field_mentions/undeclared-fails", "field_mentions", plan(), {"field": "legal_basis", "require": ["lgsp"]}, {},
     [("legal_basis", True)], None),
    ("field_mentions/undeclared-may-pass", "field_mentions", plan(),
     {"field": "legal_basis", "forbid": ["local_copy"], "missing": "pass"}, {}, [], None),
    ("field_mentions/forbidden-in-second-item", "field_mentions",
     plan(legal_basis=["Nghị định 47/2020/NĐ-CP", "Phương án sao lưu cục bộ hằng đêm"]),
     {"field": "legal_basis", "forbid": ["local_copy"]}, {},
     [("legal_basis[1]", False)], {"concept": "sao lưu cục bộ"}),
    ("field_mentions/diacritics-insensitive", "field_mentions", plan(name="Ket noi truc tich hop cua tinh"),
     {"field": "name", "require": ["lgsp"]}, {}, [], None),
    ("field_mentions/diacritics-strict", "field_mentions", plan(name="Ket noi truc tich hop cua tinh"),
     {"field": "name", "require": ["lgsp"], "diacritics": "strict"}, {}, [("name", False)], None),
    ("field_mentions/decision-cited", "field_mentions",
     plan(legal_basis=["Quyết định 1702/QĐ-UBND ngày 31/12/2024 của UBND tỉnh Quảng Ngãi"]),
     {"field": "legal_basis", "require_decision": True}, {}, [], None),
    ("field_mentions/decision-not-cited", "field_mentions", plan(legal_basis=["Nghị định 73/2019/NĐ-CP"]),
     {"field": "legal_basis", "require_decision": True}, {},
     [("legal_basis", False)], {"concept": "1702/QĐ-UBND"}),
    # --- clause_mentions ---
    ("clause_mentions/no-clauses", "clause_mentions", plan(), {"concepts": ["lgsp"]}, {},
     [("clauses", True)], None),
    ("clause_mentions/none-on-topic", "clause_mentions",
     plan(clauses=[{"ref": "Mục 2", "topics": ["other"], "text": "Kết nối qua LGSP."}]),
     {"concepts": ["lgsp"], "topics": ["connectivity"]}, {},
     [("clauses", False)], {"missing_concepts": "“LGSP”", "topics": "connectivity"}),
    ("clause_mentions/on-topic-mentions", "clause_mentions",
     plan(clauses=[{"ref": "Mục 4", "topics": ["connectivity"], "text": "Kết nối qua trục tích hợp của tỉnh."}]),
     {"concepts": ["lgsp"], "topics": ["connectivity"]}, {}, [], None),
    ("clause_mentions/points-at-first-clause-on-topic", "clause_mentions",
     plan(clauses=[{"ref": "Mục 2", "topics": ["other"], "text": "Kết nối qua LGSP."},
                   {"ref": "Mục 4", "topics": ["ipv6", "connectivity"], "text": "Hỗ trợ IPv6."}]),
     {"concepts": ["lgsp", "ipv6"], "topics": ["connectivity"]}, {},
     [("clauses[1].text", False)], {"missing_concepts": "“LGSP”"}),
    ("clause_mentions/no-topics-every-clause-counts", "clause_mentions",
     plan(clauses=[{"ref": "Mục 2", "topics": ["other"], "text": "Kết nối qua LGSP."}]),
     {"concepts": ["lgsp"]}, {}, [], None),
    ("field_value/missing-may-pass", "field_value", system(hosting={"model": "provincial_dc"}),
     {"field": "hosting.location", "allowed": ["VN"], "missing": "pass"}, {}, [], None),
    ("field_value/labels-from-the-model", "field_value", system(identity={"citizen_login": "own_accounts"}),
     {"field": "identity.citizen_login", "allowed": ["none", "vneid"]}, {}, [("identity.citizen_login", False)],
     {"field_label": "Đăng nhập của người dân", "value_label": "tài khoản riêng của hệ thống",
      "expected_label": "không có / tài khoản định danh điện tử VNeID"}),
    ("field_value/labels-in-english", "field_value", system(identity={"citizen_login": "own_accounts"}),
     {"field": "identity.citizen_login", "allowed": ["none", "vneid"]}, {"lang": "en"}, [("identity.citizen_login", False)],
     {"field_label": "citizen login", "value_label": "the system's own accounts",
      "expected_label": "none / e-ID accounts (VNeID)"}),
    ("field_value/forbidden-by-label", "field_value", plan(owner={"agency": "UBND huyện A", "level": "district"}),
     {"field": "owner.level", "forbidden": ["district"]}, {}, [("owner.level", False)],
     {"value_label": "huyện", "expected_label": "≠ huyện"}),
    ("field_value/includes-lacking-by-label", "field_value",
     system(security={"protection_layers": ["on_site"]}),
     {"field": "security.protection_layers", "includes": ["on_site", "independent_audit"]}, {},
     [("security.protection_layers", False)], {"value_label": "tại chỗ", "expected_label": "kiểm tra độc lập"}),
    ("field_value/yes-no-in-words", "field_value", system(security={"soc_connected": False}),
     {"field": "security.soc_connected", "allowed": [True]}, {}, [("security.soc_connected", False)],
     {"field_label": "Kết nối SOC", "value_label": "không", "expected_label": "có"}),
    ("field_mentions/list-items-keep-their-index", "field_mentions",
     plan(clauses=[{"ref": "Mục 1", "text": "Xây dựng phần mềm."}, {"ref": "Mục 2", "text": "Kết nối qua LGSP."}]),
     {"field": "clauses.text", "forbid": ["lgsp"], "missing": "pass"}, {}, [("clauses[1].text", False)], None),
    # --- builds_shared_component ---
    ("builds_shared_component/national-platform-under-qd-1425", "builds_shared_component",
     system(component="nen-tang-dinh-danh-xac-thuc"), {"kinds": ["national_platform"], "national_shared": True},
     {"as_of": dt.date(2026, 9, 1)}, [("component", False)], {"value": "nen-tang-dinh-danh-xac-thuc"}),
    ("builds_shared_component/no-shared-list-before-qd-1425", "builds_shared_component",
     system(component="nen-tang-dinh-danh-xac-thuc"), {"kinds": ["national_platform"], "national_shared": True},
     {}, [], None),
    ("builds_shared_component/provincial-kind", "builds_shared_component", system(component="lgsp"),
     {"kinds": ["provincial_platform"]}, {}, [("component", False)], {"value": "lgsp"}),
    ("builds_shared_component/other-kind", "builds_shared_component", system(component="lgsp"),
     {"kinds": ["national_platform"]}, {}, [], None),
    ("builds_shared_component/undeclared-is-another-rules-question", "builds_shared_component", system(),
     {"kinds": ["provincial_platform"]}, {}, [], None),
    # --- clause_states ---
    ("clause_states/stated", "clause_states", system(component="trung-tam-du-lieu-tinh"), {"concepts": ["lgsp"]},
     {"the_plan": plan(clauses=[{"ref": "Mục 1", "text": "Kết nối qua LGSP."}])}, [], None),
    ("clause_states/negated-is-not-stated", "clause_states", system(component="trung-tam-du-lieu-tinh"),
     {"concepts": ["lgsp"]}, {"the_plan": plan(clauses=[{"ref": "Mục 1", "text": "Không kết nối LGSP."}])},
     [("component", False)], None),
    # --- dataset_copy ---
    ("dataset_copy/no-copy", "dataset_copy", dataset(role="consume", local_copy=False), {}, {}, [], None),
    ("dataset_copy/undeclared", "dataset_copy", dataset(role="consume"), {}, {}, [("local_copy", True)], None),
    ("dataset_copy/copy", "dataset_copy", dataset(role="consume", local_copy=True, master_source="csdl-dung-chung-tinh"),
     {"by_design": ["kho-du-lieu-dung-chung"]}, {}, [("local_copy", False)], None),
    ("dataset_copy/warehouse-keeps-provincial-copies", "dataset_copy",
     dataset(role="consume", local_copy=True, master_source="csdl-dung-chung-tinh"),
     {"by_design": ["kho-du-lieu-dung-chung"], "always_forbidden": ["national_database"]},
     {"the_plan": plan(systems=[{"id": "kho", "name": "Kho dữ liệu", "component": "kho-du-lieu-dung-chung"}])},
     ["skip"], None),
    ("dataset_copy/warehouse-still-no-national-copies", "dataset_copy",
     dataset(role="consume", local_copy=True, master_source="csdl-quoc-gia-dan-cu"),
     {"by_design": ["kho-du-lieu-dung-chung"], "always_forbidden": ["national_database"]},
     {"the_plan": plan(systems=[{"id": "kho", "name": "Kho dữ liệu", "component": "kho-du-lieu-dung-chung"}])},
     [("local_copy", False)], None),
    # --- known_reference ---
    ("known_reference/known", "known_reference", system(component="he-thong-thong-tin-giai-quyet-tthc"),
     {"field": "component"}, {}, [], None),
    ("known_reference/unknown-with-hint", "known_reference", system(component="he-thong-tthc"),
     {"field": "component"}, {}, [("component", False)],
     {"value": "he-thong-tthc", "hint": "he-thong-thong-tin-giai-quyet-tthc"}),
    ("known_reference/undeclared-is-another-rules-question", "known_reference", system(), {"field": "component"}, {},
     [], None),
    ("known_reference/list-item", "known_reference", plan(alignment={"components": ["lgsp", "lgps"]}),
     {"field": "alignment.components"}, {}, [("alignment.components[1]", False)], {"hint": "lgsp"}),
    ("known_reference/plan-system-accepted", "known_reference", integration("van-ban"),
     {"field": "target", "plan_systems": True}, {}, [], None),
    ("known_reference/plan-system-not-asked", "known_reference", integration("van-ban"),
     {"field": "target"}, {}, [("target", False)], None),
    ("known_reference/roadmap", "known_reference", plan(alignment={"roadmap_tasks": [1, 999]}),
     {"field": "alignment.roadmap_tasks", "roadmap": True}, {}, [("alignment.roadmap_tasks[1]", False)],
     {"value": 999}),
    # --- required_integration ---
    ("required_integration/declared", "required_integration",
     system(integrations=[{"target": "lgsp", "via": "direct"}]), {"targets": ["lgsp"]}, {}, [], None),
    ("required_integration/absent", "required_integration", system(), {"targets": ["lgsp", "soc-tinh"]}, {},
     [("integrations", False), ("integrations", False)], {"target": "lgsp"}),
    ("required_integration/not-in-architecture", "required_integration", system(), {"targets": ["khac"]}, {},
     [("integrations", False)], {"target": "khac", "target_name": "khac"}),
    # --- integration_route ---
    ("integration_route/through-platform", "integration_route", integration("csdl-quoc-gia-dan-cu", "lgsp"),
     {"allowed": ["lgsp", "ndxp"], "kinds": ["national_database"]}, {"of_system": system()}, [], None),
    ("integration_route/direct", "integration_route", integration("csdl-quoc-gia-dan-cu", "direct"),
     {"allowed": ["lgsp", "ndxp"], "kinds": ["national_database"]}, {"of_system": system()},
     [("via", False)], {"via": "direct", "expected": "lgsp, ndxp"}),
    ("integration_route/undeclared", "integration_route", integration("csdl-quoc-gia-dan-cu"),
     {"allowed": ["lgsp"], "kinds": ["national_database"]}, {"of_system": system()}, [("via", True)], None),
    ("integration_route/other-kind", "integration_route", integration("he-thong-quan-ly-van-ban", "direct"),
     {"allowed": ["lgsp"], "kinds": ["national_database"]}, {"of_system": system()}, ["skip"], None),
    ("integration_route/unknown-target", "integration_route", integration("khac", "direct"),
     {"allowed": ["lgsp"], "kinds": ["national_database"]}, {"of_system": system()}, ["skip"], None),
    ("integration_route/excluded-target", "integration_route", integration("csdl-quoc-gia-dan-cu", "direct"),
     {"allowed": ["lgsp"], "kinds": ["national_database"], "exclude_targets": ["csdl-quoc-gia-dan-cu"]},
     {"of_system": system()}, ["skip"], None),
    ("integration_route/the-platform-itself", "integration_route", integration("ndxp", "direct"),
     {"allowed": ["lgsp"], "kinds": ["national_platform"], "exempt_components": ["lgsp"]},
     {"of_system": system(component="lgsp")}, ["skip"], None),
    # --- cited_instruments ---
    ("cited_instruments/lapsed", "cited_instruments", plan(legal_basis=["Nghị định 47/2020/NĐ-CP",
                                                                        "Quyết định 2568/QĐ-BTTTT ngày 29/12/2023"]),
     {"verified": True}, {"as_of": dt.date(2025, 6, 1)}, [("legal_basis[1]", False)],
     {"until": "24/03/2025", "replaced_by": "Quyết định 292/QĐ-BKHCN"}),
    ("cited_instruments/still-in-force", "cited_instruments", plan(legal_basis=["Quyết định 2568/QĐ-BTTTT"]),
     {"verified": True}, {"as_of": dt.date(2025, 3, 24)}, [], None),
    ("cited_instruments/digits-not-glued", "cited_instruments", plan(legal_basis=["Nghị định 185/2016/NĐ-CP"]),
     {"verified": True}, {"as_of": dt.date(2026, 9, 1)}, [], None),
    ("cited_instruments/spelled-otherwise", "cited_instruments", plan(legal_basis=["NĐ 85/2016/NĐ-CP"]),
     {"verified": True}, {"as_of": dt.date(2026, 9, 1)}, [("legal_basis[0]", False)], {"replaced_by": "—"}),
    ("cited_instruments/unverified-not-in-verified-rule", "cited_instruments",
     plan(legal_basis=["Nghị định 73/2019/NĐ-CP"]), {"verified": True}, {"as_of": dt.date(2026, 9, 1)}, [], None),
    ("cited_instruments/unverified-rule", "cited_instruments", plan(legal_basis=["Nghị định 73/2019/NĐ-CP"]),
     {"verified": False}, {"as_of": dt.date(2026, 9, 1)}, [("legal_basis[0]", False)], None),
    ("cited_instruments/transition-keeps-it", "cited_instruments",
     plan(legal_basis=["Nghị định 73/2019/NĐ-CP"], dates={"investment_started": "2026-01-10"}),
     {"verified": False}, {"as_of": dt.date(2026, 9, 1)}, [], None),
    ("cited_instruments/transition-ended", "cited_instruments",
     plan(legal_basis=["Nghị định 73/2019/NĐ-CP"], dates={"investment_started": "2026-01-10"}),
     {"verified": False}, {"as_of": dt.date(2027, 1, 1)}, [("legal_basis[0]", False)], None),
    # --- architecture_currency ---
    ("architecture_currency/framework-in-force", "architecture_currency", plan(), {},
     {"as_of": dt.date(2025, 3, 24)}, [], None),
    ("architecture_currency/frameworks-replaced-together", "architecture_currency", plan(), {},
     {"as_of": dt.date(2025, 3, 25)}, [("architecture", False)],
     {"framework": "2568/QĐ-BTTTT, 1729/QĐ-BTTTT", "since": "25/03/2025", "decision": "1702/QĐ-UBND"}),
    ("architecture_currency/before-the-national-layer", "architecture_currency", plan(), {},
     {"as_of": dt.date(2023, 12, 28)}, ["skip"], None),
]

# ARCH-021's own options (its cities of provincial rank), as the bundled rule gives them
CITIES = next(r["options"] for r in yaml.safe_load((ROOT / "rules" / "architecture.yaml").read_text(encoding="utf-8"))["rules"]
              if r["id"] == "ARCH-021")

ROWS += [
    # --- owner_province: the architecture is Quảng Ngãi's ---
    ("owner_province/same-province", "owner_province", plan(owner={"agency": "Sở Y tế tỉnh Quảng Ngãi", "level": "province"}), {}, {}, [],
     None),
    ("owner_province/without-diacritics", "owner_province", plan(owner={"agency": "So Y te tinh Quang Ngai", "level": "province"}), {}, {},
     [], None),
    ("owner_province/no-province-named", "owner_province", plan(), {}, {}, [], None),
    ("owner_province/provincial-party-body", "owner_province", plan(owner={"agency": "Văn phòng Tỉnh ủy Nghệ An", "level": "province"}),
     {}, {}, [], None),
    ("owner_province/commune-of-the-province", "owner_province",
     plan(owner={"agency": "UBND xã Tịnh Khê, tỉnh Quảng Ngãi", "level": "commune"}), {}, {}, [], None),
    ("owner_province/another-province", "owner_province", plan(owner={"agency": "Sở Y tế tỉnh Nghệ An", "level": "province"}), {}, {},
     [("owner.agency", False)], {"value": "Nghệ An", "province": "Quảng Ngãi"}),
    ("owner_province/hyphenated-name", "owner_province",
     plan(owner={"agency": "Sở Khoa học và Công nghệ tỉnh Bà Rịa - Vũng Tàu", "level": "province"}), {}, {}, [("owner.agency", False)],
     {"value": "Bà Rịa - Vũng Tàu"}),
    ("owner_province/city-of-provincial-rank", "owner_province",
     plan(owner={"agency": "Sở Khoa học và Công nghệ thành phố Đà Nẵng", "level": "province"}), CITIES, {},
     [("owner.agency", False)], {"value": "Đà Nẵng", "unit": "thành phố", "province": "Quảng Ngãi"}),
    ("owner_province/city-abbreviated", "owner_province",
     plan(owner={"agency": "UBND TP. Hồ Chí Minh", "level": "province"}), CITIES, {}, [("owner.agency", False)],
     {"value": "Hồ Chí Minh", "unit": "thành phố"}),
    ("owner_province/city-without-diacritics", "owner_province",
     plan(owner={"agency": "So Y te thanh pho Hue", "level": "province"}), CITIES, {}, [("owner.agency", False)],
     {"value": "Huế"}),
    ("owner_province/city-within-the-province", "owner_province",
     plan(owner={"agency": "UBND thành phố Quảng Ngãi, tỉnh Quảng Ngãi", "level": "district"}), CITIES, {}, [], None),
    ("owner_province/another-province-says-province", "owner_province",
     plan(owner={"agency": "Sở Y tế tỉnh Nghệ An", "level": "province"}), CITIES, {}, [("owner.agency", False)],
     {"value": "Nghệ An", "unit": "tỉnh"}),
    ("owner_province/two-named-one-other", "owner_province",
     plan(owner={"agency": "Sở Tư pháp tỉnh Quảng Ngãi và tỉnh Nghệ An", "level": "province"}), {}, {}, [("owner.agency", False)],
     {"value": "Nghệ An"}),
    ("field_pattern/matches", "field_pattern", system(network={"domain": "quangngai.gov.vn"}),
     {"field": "network.domain", "pattern": r"([a-z0-9-]+\.)+vn", "expected": {"vi": ".vn", "en": ".vn"}}, {}, [], None),
    ("field_pattern/case-folded", "field_pattern", system(network={"domain": "QuangNgai.GOV.VN"}),
     {"field": "network.domain", "pattern": r"([a-z0-9-]+\.)+vn", "expected": {"vi": ".vn", "en": ".vn"}}, {}, [], None),
    ("field_pattern/other-form", "field_pattern", system(network={"domain": "quangngai.com"}),
     {"field": "network.domain", "pattern": r"([a-z0-9-]+\.)+vn", "expected": {"vi": "dưới .vn", "en": "under .vn"}},
     {}, [("network.domain", False)], {"value": "quangngai.com", "expected": "dưới .vn"}),
    ("field_pattern/undeclared", "field_pattern", system(network={"ipv6": "dual_stack"}),
     {"field": "network.domain", "pattern": r"([a-z0-9-]+\.)+vn", "expected": {"vi": ".vn", "en": ".vn"}},
     {}, [("network.domain", True)], None),
]

# --- minimum_security_level: one set of options, two regimes and a transition --------------------------------------

LEVELS = {
    "regimes": [
        {"instrument": "Nghị định 85/2016/NĐ-CP", "valid_to": "2026-06-30", "criteria": [
            {"level": 3, "when": {"handles_tthc": True}, "cite": "Điều 9", "because": {"vi": "giải quyết TTHC",
                                                                                       "en": "handles procedures"}},
            {"level": 2, "when": {"personal_data.basic_subjects": {"gt": 0}}, "cite": "Điều 8",
             "because": {"vi": "dữ liệu cá nhân", "en": "personal data"}}]},
        {"instrument": "Nghị định 331/2026/NĐ-CP", "valid_from": "2026-08-19", "criteria": [
            {"level": 4, "when": {"handles_tthc": True}, "cite": "Điều 12", "because": {"vi": "giải quyết TTHC",
                                                                                        "en": "handles procedures"}}]},
    ],
    "transition": {"regime": "Nghị định 85/2016/NĐ-CP", "started_before": "2026-07-01", "until": "2027-12-31"},
    "inputs": ["handles_tthc"],
}
OLD, NEW, GAP = dt.date(2026, 1, 1), dt.date(2026, 9, 1), dt.date(2026, 7, 15)
STARTED = {"the_plan": plan(dates={"investment_started": "2026-03-01"})}

ROWS += [
    ("minimum_security_level/enough", "minimum_security_level",
     system(handles_tthc=True, security={"proposed_level": 3}), LEVELS, {"as_of": OLD}, [], None),
    ("minimum_security_level/too-low", "minimum_security_level",
     system(handles_tthc=True, security={"proposed_level": 2}), LEVELS, {"as_of": OLD},
     [("security.proposed_level", False)],
     {"proposed": 2, "minimum": 3, "criterion": "giải quyết TTHC", "citation": "Nghị định 85/2016/NĐ-CP Điều 9"}),
    ("minimum_security_level/range-condition", "minimum_security_level",
     system(handles_tthc=False, personal_data={"basic_subjects": 10}, security={"proposed_level": 1}), LEVELS,
     {"as_of": OLD}, [("security.proposed_level", False)], {"minimum": 2}),
    ("minimum_security_level/no-regime-in-force", "minimum_security_level",
     system(handles_tthc=True, security={"proposed_level": 1}), LEVELS, {"as_of": GAP}, ["skip"], None),
    ("minimum_security_level/new-regime", "minimum_security_level",
     system(handles_tthc=True, security={"proposed_level": 3}), LEVELS, {"as_of": NEW},
     [("security.proposed_level", False)], {"minimum": 4, "citation": "Nghị định 331/2026/NĐ-CP Điều 12"}),
    ("minimum_security_level/transition-keeps-old-regime", "minimum_security_level",
     system(handles_tthc=True, security={"proposed_level": 3}), LEVELS, {"as_of": NEW, **STARTED}, [], None),
    ("minimum_security_level/input-undeclared", "minimum_security_level",
     system(security={"proposed_level": 3}), LEVELS, {"as_of": OLD}, [("", True)], {"field": "handles_tthc"}),
    ("minimum_security_level/level-undeclared-is-SEC-001s", "minimum_security_level",
     system(handles_tthc=True), LEVELS, {"as_of": OLD}, ["skip"], None),
    ("minimum_security_level/nothing-declared", "minimum_security_level",
     system(), LEVELS, {"as_of": OLD}, [("", True)], None),
]


@pytest.mark.parametrize("check, target, options, kwargs, expected, params", [row[1:] for row in ROWS],
                         ids=[row[0] for row in ROWS])
def test_check(check, target, options, kwargs, expected, params):
    yielded = run(check, target, options, **kwargs)
    assert outcome(yielded) == expected
    if params is not None:
        first = yielded[0]
        assert {k: first.params.get(k) for k in params} == params


def test_every_check_has_a_table():
    assert {row[1] for row in ROWS} == set(CHECKS)


def test_cites_name_the_criterion_applied():
    yielded = run("minimum_security_level", system(handles_tthc=True, security={"proposed_level": 1}), LEVELS,
                  as_of=NEW, **STARTED)
    assert [[(c.instrument, c.article) for c in v.cites] for v in yielded] == [[("Nghị định 85/2016/NĐ-CP", "Điều 9")]]


AGREED = {**LEVELS, "between": True, "regimes": [
    {**LEVELS["regimes"][0], "verified": True},
    {"instrument": "Nghị định 331/2026/NĐ-CP", "valid_from": "2026-08-19", "agrees_with": "Nghị định 85/2016/NĐ-CP",
     "criteria": [
         {"level": 3, "when": {"handles_tthc": True}, "cite": "Điều 13", "agrees": "Điều 9",
          "because": {"vi": "giải quyết TTHC", "en": "handles procedures"}},
         {"level": 4, "when": {"handles_tthc": True}, "cite": "Điều 14", "severity": "info",
          "because": {"vi": "quốc gia 24/7", "en": "national 24/7"}},
         {"level": 2, "when": {"personal_data.basic_subjects": {"gt": 0}}, "cite": "Điều 12",
          "because": {"vi": "dữ liệu cá nhân", "en": "personal data"}}]}]}


@pytest.mark.parametrize("as_of, proposed, expected", [
    # in force: the agreed criterion cites both provisions (the old one verified); the info one is told separately
    (NEW, 2, [(("Điều 13", False), ("Điều 9", True), None), (("Điều 14", False), "info")]),
    (NEW, 3, [(("Điều 14", False), "info")]),
    # between the regimes: only what they agree on
    (GAP, 2, [(("Điều 13", False), ("Điều 9", True), None)]),
    (GAP, 3, []),
])
def test_agreed_and_advisory_criteria(as_of, proposed, expected):
    yielded = run("minimum_security_level", system(handles_tthc=True, security={"proposed_level": proposed}), AGREED,
                  as_of=as_of)
    assert [(*((c.article, c.verified) for c in v.cites), v.severity) for v in yielded] == expected


def test_skip_reasons_follow_the_language():
    target, options = integration("khac", "direct"), {"allowed": ["lgsp"], "kinds": ["national_database"]}
    vi = run("integration_route", target, options, of_system=system(), lang="vi")[0].reason
    en = run("integration_route", target, options, of_system=system(), lang="en")[0].reason
    assert vi != en and "khac" in vi and "khac" in en


# --- the helpers the checks share ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value, condition, expected", [
    (True, True, True),
    (True, 1, False),  # bool is an int in Python; not in a plan
    (1, True, False),
    (3, [1, 3], True),
    ("lgsp", ["lgsp", "ndxp"], True),
    (["direct", "lgsp"], "lgsp", True),  # a list value: any item
    (["direct"], "lgsp", False),
    (5, Range(gte=3, lte=5), True),
    (6, Range(gte=3, lte=5), False),
    (0, Range(gt=0), False),
    (True, Range(gt=0), False),
    ("3", Range(gte=3), False),
])
def test_matches(value, condition, expected):
    assert matches(value, condition) is expected


@pytest.mark.parametrize("target, dotted, expected", [
    (system(network={"ipv6": "dual_stack"}), "network.ipv6", "dual_stack"),
    (system(), "network.ipv6", MISSING),
    (system(network={"mtslcd": True}), "network.ipv6", MISSING),  # declared parent, null field
    (plan(data_sharing={"datasets": [{"name": "A", "role": "provide", "via": "lgsp"},
                                     {"name": "B", "role": "consume"}]}), "data_sharing.datasets.via", ["lgsp"]),
    (plan(), "systems.id", ["tthc", "van-ban"]),
])
def test_get(target, dotted, expected):
    assert get(target, dotted) == expected


def test_dataset_targets_are_read_like_others():
    yielded = run("required", dataset(via="lgsp"), {"fields": ["master_source"]})
    assert outcome(yielded) == [("master_source", False)]
