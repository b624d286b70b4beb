"""The appraiser's decisions (--decisions), --baseline and `compare`, as a user calls them and in every format."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, PLAN, ROOT

from cqdt_check.decisions import apply_decisions, known_rule_ids, load_decisions
from cqdt_check.reporters import Format, reporter

DECISIONS = FIXTURES / "decisions" / "decisions.yaml"
GRANT_ALL = FIXTURES / "decisions" / "grant-all-errors.yaml"
OLD = Path("examples/nhieu-van-de.yaml")
NEW = Path("tests/fixtures/compare/nhieu-van-de-v2.yaml")

# decisions.yaml, one decision per case: (rule, path) → state on the finding and its status
EXPECTED = {
    ("IPV6-002", "systems[0].network.ipv6"): ("granted", "waived"),
    ("SEC-003", "systems[0].security.proposed_level"): ("refused", "fail"),
    ("CON-002", "systems[0].integrations[2].via"): ("expired", "fail"),
}
STALE = [("SEC-008", "no_finding"), ("IPV6-002", "no_plan")]
APPRAISED = dt.date(2026, 11, 21)  # the appraisal date of the reports built here (conftest's `check` has it as today)


@pytest.fixture
def judged(check, make_report, pack, monkeypatch):
    """judged(lang, decisions file) -> the golden plan's Report with the decisions applied, as the CLI builds it."""
    from cqdt_check import records

    monkeypatch.chdir(ROOT)

    def make(lang: str = "vi", path: Path = DECISIONS):
        docs, stale = apply_decisions([check(PLAN, lang=lang)], load_decisions(path, known_rule_ids(pack), lang), "error",
                                      APPRAISED)
        return records.replace(make_report(docs, lang), stale_decisions=stale)

    return make


def test_each_decision_lands_on_its_finding(judged):
    doc = judged().documents[0]
    decided = {(f.rule_id, f.path_text): (f.decision.state, f.status) for f in doc.findings if f.decision}
    assert decided == EXPECTED
    assert doc.summary()["waived"] == 1 and doc.verdict == "fail"
    assert [(s.rule_id, s.reason) for s in judged().stale_decisions] == STALE


def test_the_plan_own_deviations_change_nothing(check, monkeypatch):
    monkeypatch.chdir(ROOT)
    doc = check(PLAN)
    ipv6 = next(f for f in doc.findings if f.rule_id == "IPV6-002")
    assert ipv6.deviation_requested and ipv6.status == "fail", "an owner's request is never a waiver"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", [Format.text, Format.markdown, Format.html, Format.github, Format.opinion])
def test_every_human_format_shows_the_decisions_and_stale_ones(judged, fmt, lang):
    report = judged(lang)
    text = reporter(fmt)(report)
    for (rule, _), (state, _) in EXPECTED.items():
        note = next(f.decision for f in report.documents[0].findings if f.rule_id == rule)
        if fmt == Format.opinion and state == "granted":
            continue  # the opinion lists what is still requested; a waived finding is not a request
        assert note.document_number.split("&")[0] in text, (fmt, rule)  # "&" is escaped differently by each format
    if fmt != Format.opinion:  # a letter to the owner is not where a decision file's upkeep is reported
        for stale in report.stale_decisions:
            assert stale.source.file in text or fmt == Format.markdown, fmt
            assert stale.rule_id in text


def test_json_carries_decision_fields_and_stale_decisions(judged):
    data = json.loads(reporter(Format.json)(judged()))
    findings = {(f["rule_id"], f["path"]): f for f in data["documents"][0]["findings"]}
    for key, (state, status) in EXPECTED.items():
        assert findings[key]["decision"]["state"] == state and findings[key]["status"] == status
        assert findings[key]["decision"]["document"]["number"]
    assert data["documents"][0]["summary"]["waived"] == 1
    assert [(s["rule_id"], s["reason"], s["line"] > 0) for s in data["stale_decisions"]] == [(r, why, True) for r, why in STALE]


def test_sarif_suppresses_only_the_granted_finding(judged):
    results = json.loads(reporter(Format.sarif)(judged()))["runs"][0]
    suppressed = {r["ruleId"]: r["suppressions"] for r in results["results"] if "suppressions" in r}
    assert list(suppressed) == ["IPV6-002"]
    [suppression] = suppressed["IPV6-002"]
    assert suppression["kind"] == "external" and suppression["status"] == "accepted"
    assert "123/SKHCN-BCVT&CĐS" in suppression["justification"]
    refused = next(r for r in results["results"] if r["ruleId"] == "SEC-003")
    assert "124/SKHCN-BCVT&CĐS" in refused["message"]["text"]
    notes = results["invocations"][0]["toolExecutionNotifications"]
    assert [n["associatedRule"]["id"] for n in notes] == [r for r, _ in STALE]
    assert results["invocations"][0]["executionSuccessful"], "a stale decision is a notice, not a failed run"


def test_junit_skips_the_waived_rule_with_the_reason(judged):
    root = ET.fromstring(reporter(Format.junit)(judged()).encode("utf-8"))
    case = next(c for c in root.iter("testcase") if c.get("name", "").startswith("IPV6-002"))
    assert case.find("skipped") is not None and "123/SKHCN-BCVT&CĐS" in case.find("skipped").get("message")
    for rule in ("SEC-003", "CON-002"):
        assert next(c for c in root.iter("testcase") if c.get("name", "").startswith(rule)).find("failure") is not None
    notices = [s for s in root.findall("testsuite") if s.get("name") == "cqdt-check"]
    assert len(notices) == 1 and notices[0].get("skipped") == str(len(STALE))


# --- the command line -------------------------------------------------------------------------------------------------

def test_cli_refused_and_expired_errors_still_fail(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = cli(str(PLAN), "--decisions", str(DECISIONS), "--format", "json")
    assert code == 1
    assert json.loads(out)["exit_code"] == 1


def test_cli_granting_every_error_passes(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = cli(str(PLAN), "--decisions", str(GRANT_ALL), "--format", "json")
    doc = json.loads(out)["documents"][0]
    assert code == 0 and doc["verdict"] == "pass" and doc["summary"]["waived"] == 3
    code, _, _ = cli(str(PLAN), "--decisions", str(GRANT_ALL), "--fail-on", "warning")
    assert code == 1, "the warnings nobody waived still count"


# The plan is dated 10/11/2025 and the grant expires on 31/01/2026: whether it is in force is a question of the
# appraisal date (--as-of, else today, which is past 2026-01-31), never of the plan's own dates.
@pytest.mark.parametrize("as_of, state, status", [
    ([], "expired", "fail"),
    (["--as-of", "2026-01-15"], "granted", "waived"),
    (["--as-of", "2026-02-01"], "expired", "fail"),
])
def test_a_decision_expiry_is_measured_against_the_appraisal_date(cli, monkeypatch, as_of, state, status):
    monkeypatch.chdir(ROOT)
    path = FIXTURES / "decisions" / "expired-since-the-plan.yaml"
    for command in (["check"], ["compare", str(PLAN)]):
        code, out, _ = cli(*command, str(PLAN), "--decisions", str(path), "--format", "json", *as_of)
        data = json.loads(out)
        findings = data["documents"][0]["findings"] if command == ["check"] else data["open"]
        ipv6 = next(f for f in findings if f["rule_id"] == "IPV6-002")
        assert (ipv6["decision"]["state"], ipv6["status"]) == (state, status), command


@pytest.mark.parametrize("name, place, words", [
    ("unknown-rule.yaml", ":3:11:", "IPV6-020"),
    ("bad-date.yaml", ":8:41:", "2025-02-30"),
    ("unknown-key.yaml", ":6:5:", "'justification'"),
    ("bad-decision.yaml", ":5:15:", "granted, refused"),
])
def test_cli_refuses_a_malformed_decisions_file_with_its_place(cli, monkeypatch, name, place, words):
    monkeypatch.chdir(ROOT)
    path = f"tests/fixtures/decisions/bad/{name}"
    code, out, err = cli(str(PLAN), "--decisions", path)
    assert code == 2 and out == ""
    assert f"{path}{place}" in err and words in err and "Traceback" not in err


def test_cli_prints_the_decisions_schema(cli):
    code, out, _ = cli("schema", "decisions")
    schema = json.loads(out)
    assert code == 0 and schema["properties"]["format"]["const"] == "cqdt-decisions/1"


@pytest.mark.parametrize("same_file, stale, code", [(True, [], 0), (False, ["hash_mismatch"], 1)])
def test_a_decision_bound_to_the_file_hash_applies_only_to_that_file(cli, tmp_path, monkeypatch, same_file, stale, code):
    import hashlib

    monkeypatch.chdir(ROOT)
    digest = hashlib.sha256((ROOT / PLAN).read_bytes()).hexdigest() if same_file else "ab" * 32
    # bound to the hash: the waiver of SEC-003, an error on the plan's date (IPV6-002 there is a warning only)
    text = GRANT_ALL.read_text(encoding="utf-8").replace("  - rule: SEC-003\n", f'  - rule: SEC-003\n    sha256: "{digest}"\n', 1)
    path = tmp_path / "hashed.yaml"
    path.write_text(text, encoding="utf-8")
    result, out, _ = cli(str(PLAN), "--decisions", str(path), "--format", "json")
    assert [s["reason"] for s in json.loads(out)["stale_decisions"]] == stale
    assert result == code, "an edited file loses the waiver bound to its hash"


# --- baseline ---------------------------------------------------------------------------------------------------------

def test_baseline_fails_only_on_new_findings(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    baseline = tmp_path / "baseline.json"
    assert cli(str(PLAN), "--format", f"json:{baseline}")[0] == 1
    code, out, _ = cli(str(PLAN), "--baseline", str(baseline), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["exit_code"] == 0
    findings = data["documents"][0]["findings"]
    assert findings and all(f["baselined"] for f in findings), "still listed, marked"
    # one more problem than the baseline knew: only it fails the run
    worse = tmp_path / "plan.yaml"
    worse.write_text((ROOT / PLAN).read_text(encoding="utf-8").replace("at_rest: true", "at_rest: false"), encoding="utf-8")
    base = json.loads(baseline.read_text(encoding="utf-8"))
    base["documents"][0]["file"] = str(worse)
    for f in base["documents"][0]["findings"]:
        del f["fingerprint"]  # a report written before the field existed: computed from rule, file and path
    baseline.write_text(json.dumps(base), encoding="utf-8")
    code, out, _ = cli(str(worse), "--baseline", str(baseline), "--format", "sarif", "--fail-on", "warning")
    results = json.loads(out)["runs"][0]["results"]
    assert code == 1
    assert [r["ruleId"] for r in results if r["baselineState"] == "new"] == ["DATA-006"]


# --quiet's verdict line and the stderr summary agree with the exit code: what is set aside (waived, in the
# baseline) is counted by name, and a document that fails without failing the run says why.
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("options, code, aside, why", [
    (["--baseline", "{baseline}"], 0, {"count.baselined": 7}, "brief.not_failing.baseline"),
    (["--decisions", str(GRANT_ALL)], 0, {"count.waived": 3}, None),
    (["--decisions", str(DECISIONS)], 1, {"count.waived": 1}, None),
    # waived and in the baseline: one finding, counted once, as waived (7 in the baseline, one of them waived)
    (["--decisions", str(DECISIONS), "--baseline", "{baseline}"], 0, {"count.waived": 1, "count.baselined": 6},
     "brief.not_failing.baseline"),
    (["--fail-on", "never"], 0, {}, "brief.not_failing.never"),
    ([], 1, {}, None),
])
def test_the_quiet_verdict_and_the_summary_agree_with_the_exit_code(cli, tmp_path, monkeypatch, lang, options, code,
                                                                    aside, why):
    from cqdt_check.messages import say

    monkeypatch.chdir(ROOT)
    baseline = tmp_path / "baseline.json"
    cli(str(PLAN), "--format", f"json:{baseline}")
    options = [o.replace("{baseline}", str(baseline)) for o in options]
    named = [say(key, lang, count=n) for key, n in aside.items()]
    result, out, _ = cli(str(PLAN), "-q", "--lang", lang, *options)
    last = out.splitlines()[-1]
    assert result == code
    assert all(words in last for words in named), last
    reason = say(why, lang, file=str(baseline)) if why else None
    assert (reason in last) if reason else (" — " not in last), last
    result, _, err = cli(str(PLAN), "--lang", lang, "--format", f"json:{tmp_path / 'out.json'}", *options)
    (summary,) = [line for line in err.splitlines() if line.startswith("cqdt-check: 1 ")]
    assert result == code and all(words in summary for words in named), summary
    assert bool(aside) == summary.endswith(")"), summary  # the counts set aside close the line, when there are some


def test_baseline_that_is_not_a_report_is_refused(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, _, err = cli(str(PLAN), "--baseline", str(PLAN))
    assert code == 2 and "--baseline" in err


# --- compare ----------------------------------------------------------------------------------------------------------

RESOLVED = {("SEC-003", "systems[0].security.proposed_level"), ("IPV6-002", "systems[0].network.ipv6"),
            ("IPV6-004", "systems[0].network.equipment_ipv6_ready")}
CHANGED = {"systems[0].security.proposed_level": (2, 3), "systems[0].hosting.location": ("VN", "SG"),
           "systems[0].network.ipv6": ("ipv4_only", "dual_stack"), "systems[0].network.equipment_ipv6_ready": (False, True)}


def test_compare_two_revisions_json(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = cli("compare", str(OLD), str(NEW), "--format", "json")
    data = json.loads(out)
    assert code == 1 and {"resolved", "new", "open", "changes"} <= set(data)
    assert {(f["rule_id"], f["path"]) for f in data["resolved"]} == RESOLVED
    assert "DATA-008" in {f["rule_id"] for f in data["new"]}
    assert {c["path"]: (c["old"], c["new"]) for c in data["changes"]} == CHANGED, "comments and lines are not changes"
    old_total = len(json.loads(cli(str(OLD), "--format", "json")[1])["documents"][0]["findings"])
    assert len(data["resolved"]) + len(data["open"]) == old_total


def test_compare_against_a_previous_json_report(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    report = tmp_path / "old.json"
    cli(str(OLD), "--format", f"json:{report}")
    code, out, _ = cli("compare", str(report), str(NEW), "--format", "json")
    data = json.loads(out)
    assert {(f["rule_id"], f["path"]) for f in data["resolved"]} == RESOLVED and data["changes"] is None


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_compare_human_formats_name_every_section(cli, monkeypatch, fmt):
    monkeypatch.chdir(ROOT)
    code, out, _ = cli("compare", str(OLD), str(NEW), "--format", fmt, "--lang", "en")
    assert code == 1
    for words in ("Resolved (3)", "New findings (5)", "Changes to the plan (4)", "DATA-008"):
        assert words in out, (fmt, words)


def test_compare_decisions_apply_to_both_sides(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = cli("compare", str(PLAN), str(PLAN), "--decisions", str(GRANT_ALL), "--format", "json")
    data = json.loads(out)
    assert code == 0 and not data["resolved"] and not data["new"]
    assert {f["status"] for f in data["open"] if f["severity"] == "error"} == {"waived"}


def test_compare_a_file_that_cannot_be_read(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, _, err = cli("compare", "khong-co.yaml", str(NEW))
    assert code == 2 and "khong-co.yaml" in err


# --- the opinion: granted deviations with their decision, refusals beside the owner's request ----------------------

REFUSE_REQUESTED = FIXTURES / "decisions" / "refuse-requested.yaml"


def _opinion_paragraphs(fmt: Format, report) -> list[str]:
    """The opinion's paragraphs as plain text, whatever the format (Markdown lines, HTML paragraphs, Word paragraphs)."""
    import html
    import io
    import re

    out = reporter(fmt)(report)
    if fmt == Format.opinion_docx:
        docx = pytest.importorskip("docx")
        return [p.text for p in docx.Document(io.BytesIO(out)).paragraphs]
    if fmt == Format.opinion_html:
        return [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p\b.*?</p>|<h2>.*?</h2>", out, re.S)]
    return [line.replace("\\", "") for line in out.splitlines()]  # Markdown escapes ("\&") taken off


OPINION_FORMATS = [Format.opinion, Format.opinion_html, Format.opinion_docx]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", OPINION_FORMATS)
def test_the_opinion_names_the_decision_that_granted_a_deviation(judged, fmt, lang):
    from cqdt_check.dates import vn
    from cqdt_check.messages import say

    report = judged(lang)
    waived = next(f for f in report.documents[0].findings if f.status == "waived")
    paragraphs = _opinion_paragraphs(fmt, report)
    title = next(i for i, p in enumerate(paragraphs) if say("opinion.waived", lang) in p)
    conclusion = next(i for i, p in enumerate(paragraphs) if i > title and say("opinion.conclusion", lang) in p)
    granted = " ".join(paragraphs[title + 1:conclusion])
    note = waived.decision
    for needed in (note.document_number, vn(note.document_date), note.decided_by, note.justification):
        assert needed in granted, (fmt, needed)
    assert note.document_number not in " ".join(paragraphs[:title]), "a granted deviation is not a request"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", OPINION_FORMATS)
def test_the_opinion_shows_a_refusal_beside_the_owner_request(judged, fmt, lang):
    report = judged(lang, REFUSE_REQUESTED)
    finding = next(f for f in report.documents[0].findings if f.rule_id == "IPV6-002")
    assert finding.status == "fail" and finding.decision.state == "refused"
    paragraphs = _opinion_paragraphs(fmt, report)
    reason = finding.deviation_requested.strip().rstrip(".")
    [beside] = [p for p in paragraphs if reason in p]
    for needed in (finding.decision.document_number, finding.decision.decided_by, finding.decision.justification):
        assert needed in beside, (fmt, needed)
