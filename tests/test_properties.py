"""Property tests: random mutations of the example plans never crash the checker, never leave 0/1/2,
and a plan that lost a required fact is never judged to pass."""

from __future__ import annotations

import copy

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from cqdt_check.engine import Settings, check_document
from cqdt_check.labels import field_label
from cqdt_check.model import System
from cqdt_check.findings import Report
from cqdt_check.loader import load_text
from cqdt_check.reporters import Format, reporter
from cqdt_check.resources import schema

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
BASES = {p.name: load_text(p.read_text(encoding="utf-8"), p.name).data for p in EXAMPLES}
PLAN_SCHEMA = schema("plan.schema.json")

NASTY = st.sampled_from([
    "[bold red]x[/]", "\x1b[31mđỏ\x1b[0m", "\u202eabc", "yes", "NO", "", " ", "0", "1e309", "null",
    "2025-02-30", "Nghị định 47/2020/NĐ-CP", "ket noi LGSP", "🙂", "a" * 2000,
])
VALUES = st.one_of(NASTY, st.text(max_size=30), st.integers(-10, 10 ** 6), st.booleans(), st.none(),
                   st.floats(allow_nan=False, allow_infinity=False), st.lists(st.text(max_size=5), max_size=3),
                   st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2))


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from paths(v, (*prefix, i))


def parent_of(data, path):
    node = data
    for part in path[:-1]:
        node = node[part]
    return node


@st.composite
def mutated(draw):
    name = draw(st.sampled_from(sorted(BASES)))
    data = copy.deepcopy(BASES[name])
    for _ in range(draw(st.integers(1, 4))):
        candidates = [p for p in paths(data) if p]
        if not candidates:
            break
        path = draw(st.sampled_from(candidates))
        parent = parent_of(data, path)
        op = draw(st.sampled_from(["delete", "retype", "duplicate", "reorder", "inject"]))
        key = path[-1]
        if op == "delete":
            del parent[key]
        elif op == "retype":
            parent[key] = draw(VALUES)
        elif op == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        elif op == "reorder" and isinstance(parent, list):
            parent.reverse()
        elif op == "inject" and isinstance(parent[key], str):
            parent[key] = parent[key] + draw(NASTY)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def run(text: str, pack, lang="vi"):
    from cqdt_check.packs import ArchitectureResolver

    settings = Settings(pack=pack, architectures=ArchitectureResolver(None), lang=lang)
    try:
        doc = load_text(text, "mutated.yaml")
    except Exception as exc:  # only LoadError is allowed out of the loader
        from cqdt_check.loader import LoadError
        assert isinstance(exc, LoadError)
        return None
    return check_document(doc, settings, PLAN_SCHEMA)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated(), lang=st.sampled_from(["vi", "en"]))
def test_mutations_never_crash_and_reports_render(text, lang, pack):
    result = run(text, pack, lang)
    if result is None:
        return
    assert result.verdict in {"pass", "fail", "error"}
    report = Report((result,), result.architecture, lang=lang, tool_version="test")
    assert report.exit_code() in {0, 1, 2}
    reporter(Format.text)(report, width=80, color=False)
    reporter(Format.json)(report)
    assert not any(f.rule_id.endswith("-000") for f in result.findings)
    assert all(f.location.line >= 0 for f in result.findings)
    if result.verdict == "error":  # only tool faults or unusable architecture may make a document an error
        assert result.error or any("không thể đánh giá" in f.message or "could not be evaluated" in f.message
                                   for f in result.findings)


REQUIRED_TOP = PLAN_SCHEMA["required"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(BASES)), field=st.sampled_from(REQUIRED_TOP))
def test_a_plan_that_lost_a_required_fact_never_passes(name, field, pack):
    data = copy.deepcopy(BASES[name])
    data.pop(field, None)
    result = run(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), pack)
    assert result.verdict != "pass"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(BASES)), data=st.data())
def test_a_system_that_lost_a_fact_a_rule_needs_never_passes_silently(name, data, pack):
    plan = copy.deepcopy(BASES[name])
    system = data.draw(st.sampled_from(plan["systems"]))
    field = data.draw(st.sampled_from(["security", "network", "handles_tthc", "type", "scope", "hosting"]))
    if field not in system:
        return
    del system[field]
    result = run(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), pack)
    # some finding names the lost fact: it never disappears without a word
    # (by its label: messages name facts in words, the path is the finding's place)
    label = field_label(System, field, "vi")
    assert any(label in f.message or field in f.path_text for f in result.findings), (name, system["id"], field)
