"""Markdown, SARIF, JUnit and GitHub reports: golden files, hostile plan text, several documents, the CLI, integration files.

The SARIF schema in tests/schemas/sarif-2.1.0.json is a copy of /work/shared/schemas/sarif-2.1.0.json, the SARIF 2.1.0
JSON schema of the OASIS standard (docs.oasis-open.org/sarif/sarif/v2.1.0) as the project received it. That copy
declares draft 2020-12 in `$schema`, but its keywords are draft-07 ones (`definitions`, OASIS's original declares
draft-07), so it is read with the Draft-07 validator; every `$ref` is local (`#/definitions/…`): no network.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import PLAN, ROOT, golden

from cqdt_check import records
from cqdt_check.findings import CheckResult
from cqdt_check.reporters import Format, reporter
from cqdt_check.findings import fails_at
from cqdt_check.reporters.common import by_area, place
from cqdt_check.reporters.github import escape_data
from cqdt_check.reporters.sarif import FINGERPRINT_KEY

SARIF_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
SARIF = jsonschema.Draft7Validator(SARIF_SCHEMA)

# One string that tries every trick of the four formats: HTML, links, tables, emphasis, XML control characters,
# a CDATA end, percent-escapes and a new workflow command on the next line.
HOSTILE = ('<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> | *b* _i_ `c` ~~s~~ $m$ '
           '&amp; ]]> 100% %0A\x01\x1b[31m\n::error::pwned')
HOSTILE_YAML = json.dumps(HOSTILE)  # a JSON string is a YAML double-quoted scalar


def render(fmt: Format, report) -> str:
    return reporter(fmt)(report)


@pytest.fixture
def hostile(check, make_report, tmp_path, monkeypatch):
    """A report of the golden plan with the plan's and the system's names replaced by HOSTILE."""
    monkeypatch.chdir(ROOT)
    text = (ROOT / PLAN).read_text(encoding="utf-8")
    text = re.sub(r'^name: ".*"$', lambda _: f"name: {HOSTILE_YAML}", text, count=1, flags=re.M)
    text = text.replace('    name: "Cổng tiếp nhận phản ánh, kiến nghị"', f"    name: {HOSTILE_YAML}")
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    doc = check(path)
    assert doc.plan_name == HOSTILE and any(HOSTILE in f.message for f in doc.findings), "the plan text reaches the report"
    return make_report([doc])


@pytest.fixture
def several(check, make_report, tmp_path, monkeypatch):
    """report(lang) of four documents: the golden plan with one finding waived and one rule that crashed, a plan
    whose shape stops the rules, a clean example, and a file that does not exist."""
    monkeypatch.chdir(ROOT)
    broken = tmp_path / "sai-dinh-dang.yaml"
    broken.write_text("format: cqdt-plan/1\nkind: project\nname: 3\n", encoding="utf-8")

    def make(lang: str = "vi", fail_on: str = "error"):
        golden_doc = check(PLAN, lang=lang)
        waived = tuple(records.replace(f, status="waived") if f.rule_id == "IPV6-002" else f for f in golden_doc.findings)
        crashed = CheckResult("CON-001", "error", (), "ValueError: boom")
        golden_doc = records.replace(golden_doc, findings=waived, checks=golden_doc.checks + (crashed,), verdict="error")
        docs = [golden_doc, check(broken, lang=lang), check(Path("examples/lgsp-nang-cap.yaml"), lang=lang),
                check(Path("tests/fixtures/report/khong-co.yaml"), lang=lang)]
        return make_report(docs, lang, fail_on=fail_on)

    return make


def test_several_fixture_covers_every_case(several):
    docs = several().documents
    assert [d.verdict for d in docs] == ["error", "fail", "pass", "error"]
    assert any(f.status == "waived" for f in docs[0].findings) and not docs[1].rules_evaluated and docs[3].error


# --- markdown -------------------------------------------------------------------------------------------------------

def markdown_html(text: str) -> str:
    """Markdown as GitHub would render it before sanitising: CommonMark, GFM tables and strikethrough, raw HTML on."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(text)


@pytest.mark.parametrize("lang, name", [("vi", "report.md"), ("en", "report.en.md")])
def test_markdown_golden(report, lang, name):
    text = render(Format.markdown, report(lang))
    golden(name, text)
    html = markdown_html(text)
    doc = report(lang).documents[0]
    assert html.count("<tr>") - html.count("<thead>") == len(doc.findings), "one table row per finding"
    assert html.count("<details>") == len(doc.findings) + 1, "details per finding, and the instruments"


def test_markdown_shows_hostile_plan_text_as_text(hostile):
    text = render(Format.markdown, hostile)
    html = markdown_html(text)
    for active in ("<script", "<img", "<a ", "<em>", "<strong>b", "<code>c", "<del>", "<h1>::"):
        assert active not in html, active
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "[x](javascript:alert(1))" in html
    assert "&amp;amp;" in html, "an entity in plan text is shown, not decoded"
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)
        assert {len(re.findall(r"<t[hd][ >]", row)) for row in rows} == {4}, "a '|' in plan text does not add a cell"
    assert "\x01" not in text and "\x1b" not in text


def test_markdown_several_documents_start_with_a_summary_table(several):
    report = several()
    text = render(Format.markdown, report)
    html = markdown_html(text)
    first_table = re.search(r"<table>.*?</table>", html, flags=re.S).group(0)
    rows = re.findall(r"<tr>(.*?)</tr>", first_table, flags=re.S)[1:]
    assert [re.search(r"<code>(.*?)</code>", row).group(1) for row in rows] == [d.file for d in report.documents]
    for row, doc in zip(rows, report.documents):
        counts = re.findall(r"<td[^>]*>(\d+)</td>", row)
        assert counts == [str(doc.count(s)) for s in ("error", "warning", "info")]
    totals = {v: sum(1 for d in report.documents if d.verdict == v) for v in ("pass", "fail", "error")}
    assert f"{len(report.documents)} tệp: {totals['pass']} đạt, {totals['fail']} không đạt, {totals['error']} không kiểm tra được" in text
    assert text.index("## Tổng hợp theo tệp") < text.index(f"## {report.documents[0].file}")
    assert "Không kiểm tra được:** `tests/fixtures/report/khong-co.yaml`: không tìm thấy tệp" in text
    assert "(được miễn)" in text and "Sai lệch đã được chấp thuận" in text


# --- sarif ----------------------------------------------------------------------------------------------------------

def sarif_errors(log: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in SARIF.iter_errors(log)]


def test_sarif_schema_is_local_and_rejects_what_sarif_forbids():
    refs = re.findall(r'"\$ref":\s*"([^"]*)"', json.dumps(SARIF_SCHEMA))
    assert refs and all(ref.startswith("#/") for ref in refs), "validation never reaches the network"
    assert sarif_errors({"version": "2.1.0", "runs": []}) == []
    bad_region = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
        {"message": {"text": "m"}, "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]}
    assert sarif_errors(bad_region), "line 0 is not a SARIF line"


def test_sarif_golden(report):
    r = report()
    text = render(Format.sarif, r)
    golden("report.sarif", text)
    log = json.loads(text)
    assert sarif_errors(log) == []
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.id for rule in r.rules]
    findings = r.documents[0].findings
    assert [(res["ruleId"], res["message"]["text"].split("\n")[0]) for res in run["results"]] == \
        [(f.rule_id, f.message) for f in findings]
    for res, f in zip(run["results"], findings):
        assert rules[res["ruleIndex"]]["id"] == f.rule_id
        region = res["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (f.location.line, f.location.column)
        assert res["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == f.path_text
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[f.severity]
    assert run["invocations"][0]["executionSuccessful"] is True
    assert run["columnKind"] == "unicodeCodePoints"
    ipv6 = next(res for res in run["results"] if res["ruleId"] == "IPV6-002")
    assert "suppressions" not in ipv6, "an owner's request is not a granted deviation"


def test_sarif_several_documents(several):
    report = several()
    log = json.loads(render(Format.sarif, report))
    assert sarif_errors(log) == []
    run = log["runs"][0]
    assert [a["location"]["uri"] for a in run["artifacts"][:1]] == ["tests/fixtures/report/plan.yaml"]
    assert run["artifacts"][1]["location"]["uri"].startswith("file:///"), "an absolute path is a file URI"
    assert "uriBaseId" not in run["artifacts"][1]["location"]
    assert len(run["results"]) == sum(len(d.findings) for d in report.documents)
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes if "associatedRule" not in n] == \
        ["Không kiểm tra được: tests/fixtures/report/khong-co.yaml: không tìm thấy tệp"]
    assert [n["associatedRule"]["id"] for n in notes if "associatedRule" in n] == ["CON-001"]
    waived = [res for res in run["results"] if "suppressions" in res]
    assert [(res["ruleId"], res["suppressions"][0]["status"]) for res in waived] == [("IPV6-002", "accepted")]
    assert waived[0]["suppressions"][0]["justification"].startswith("Thiết bị hiện có")
    schema_results = [res for res in run["results"] if res["ruleId"].startswith("SCHEMA")]
    assert schema_results and all(res["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
                                  for res in schema_results)


def test_sarif_hostile_text_round_trips(hostile):
    log = json.loads(render(Format.sarif, hostile))
    assert sarif_errors(log) == []
    assert any(HOSTILE in res["message"]["text"] for res in log["runs"][0]["results"]), "JSON carries any text as it is"


def fingerprints(report) -> list[str]:
    return [res["partialFingerprints"][FINGERPRINT_KEY] for res in json.loads(render(Format.sarif, report))["runs"][0]["results"]]


def test_sarif_fingerprints_survive_shifted_lines_and_another_language(check, make_report, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    original = (ROOT / PLAN).read_text(encoding="utf-8")
    Path("plan.yaml").write_text(original, encoding="utf-8")
    before = make_report([check(Path("plan.yaml"))])
    Path("plan.yaml").write_text("# ghi chú mới\n# thêm một dòng\n" + original, encoding="utf-8")
    shifted = make_report([check(Path("plan.yaml"))])
    english = make_report([check(Path("plan.yaml"), lang="en")], "en")
    assert [f.location.line + 2 for f in before.documents[0].findings] == [f.location.line for f in shifted.documents[0].findings]
    assert fingerprints(before) == fingerprints(shifted) == fingerprints(english)
    assert len(set(fingerprints(before))) == len(before.documents[0].findings), "two findings, two alerts"


# --- junit ----------------------------------------------------------------------------------------------------------

def expected_case(rule, doc, fail_on):
    """What a rule's test case must say, derived from the report by the documented policy."""
    checks = [c for c in doc.checks if c.rule_id == rule.id]
    findings = [f for f in doc.findings if f.rule_id == rule.id]
    if any(c.status == "error" for c in checks):
        return "error"
    if any(fails_at(f, fail_on) for f in findings):
        return "failure"
    if not findings and ((checks and all(c.status == "not_applicable" for c in checks)) or
                         (not checks and rule.area != "schema")):
        return "skipped"
    if findings and all(f.status == "waived" for f in findings):  # granted by the appraiser: skipped with the reason
        return "skipped"
    return "passed"


def junit_outcome(case: ET.Element) -> str:
    return next((child.tag for child in case if child.tag in ("failure", "error", "skipped")), "passed")


def assert_junit_matches(report, text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [d.file for d in report.documents]
    for suite, doc in zip(suites, report.documents):
        cases = suite.findall("testcase")
        if doc.error:
            assert [junit_outcome(c) for c in cases] == ["error"]
            assert place(doc.error_location, doc.file) in cases[0].find("error").get("message")
        else:
            assert [c.get("name") for c in cases] == [f"{r.id} {r.title}" for r in report.rules]
            threshold = "error" if report.fail_on == "never" else report.fail_on
            assert [junit_outcome(c) for c in cases] == [expected_case(r, doc, threshold) for r in report.rules]
        for counter, tag in (("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
            assert suite.get(counter) == str(sum(1 for c in cases if junit_outcome(c) == tag))
        assert suite.get("tests") == str(len(cases))
    for counter in ("tests", "failures", "errors", "skipped"):
        assert root.get(counter) == str(sum(int(s.get(counter)) for s in suites))
    return root


def test_junit_golden(report):
    r = report()
    text = render(Format.junit, r)
    golden("report.xml", text)
    root = assert_junit_matches(r, text)
    failing = {f.rule_id for f in r.documents[0].findings if fails_at(f, r.fail_on)}
    assert {c.get("name").split()[0] for c in root.iter("testcase") if c.find("failure") is not None} == failing
    below = [f for f in r.documents[0].findings if not fails_at(f, r.fail_on)]
    out = "\n".join(c.find("system-out").text for c in root.iter("testcase") if c.find("system-out") is not None)
    assert all(f.message in out for f in below), "findings below --fail-on are shown, not failed"


@pytest.mark.parametrize("fail_on", ["error", "warning", "never"])
def test_junit_failures_follow_fail_on_and_the_exit_code(several, fail_on):
    report = several(fail_on=fail_on)
    root = assert_junit_matches(report, render(Format.junit, report))
    failed = int(root.get("failures")) > 0
    threshold = "error" if fail_on == "never" else fail_on  # never: exit 0, but errors keep failing their cases
    anything_fails = any(fails_at(f, threshold) for d in report.documents for f in d.findings)
    assert failed == anything_fails
    assert int(root.get("errors")) == sum(1 for d in report.documents if d.verdict == "error")


def test_junit_hostile_text_is_well_formed_xml(hostile):
    text = render(Format.junit, hostile)
    root = assert_junit_matches(hostile, text)
    plan = next(p for p in root.iter("property") if p.get("name") == "plan")
    # as written, except that no `::` can open a CI log command when the report is printed in a job's log
    assert plan.get("value") == HOSTILE.replace("\x01", "\ufffd").replace("\x1b", "\ufffd").replace("::", ":\u200b:")


def test_junit_without_the_rule_catalogue_still_shows_every_finding(report):
    bare = records.replace(report(), rules=())
    root = ET.fromstring(render(Format.junit, bare).encode("utf-8"))
    failed = {c.get("name").split()[0] for c in root.iter("testcase") if c.find("failure") is not None}
    assert failed == {f.rule_id for f in bare.documents[0].findings if fails_at(f, bare.fail_on)}


# --- github ---------------------------------------------------------------------------------------------------------

def workflow_commands(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("::")]


def test_github_golden(report):
    r = report()
    text = render(Format.github, r)
    golden("report.github.txt", text)
    commands = workflow_commands(text)
    findings = r.documents[0].findings
    # + the architecture and who chose it, the date and where it came from, the summary
    assert len(commands) == len(findings) and len(text.splitlines()) == len(findings) + 3
    assert text.splitlines()[:2] == [
        "cqdt-check: tests/fixtures/report/plan.yaml: Nguồn kiến trúc: quang-ngai-3.0 — mặc định, vì hồ sơ không ghi "
        "kiến trúc",
        "cqdt-check: tests/fixtures/report/plan.yaml: Ngày áp dụng quy định: 10/11/2025 (ngày trình)"]
    kind = {"error": "::error ", "warning": "::warning ", "info": "::notice "}
    for line, f in zip(commands, findings):
        assert line.startswith(kind[f.severity]) and f"line={f.location.line},col={f.location.column}," in line
        assert line.split("::")[2].startswith(escape_data(f.message))
    assert not text.splitlines()[-1].startswith("::")


def test_github_plan_text_cannot_start_a_command(hostile):
    text = render(Format.github, hostile)
    findings = hostile.documents[0].findings
    # the architecture line, the date line, one line per finding, the summary
    assert len(text.splitlines()) == len(findings) + 3, "every finding stays on its own line"
    assert not any(line.startswith("::error::pwned") for line in text.splitlines())
    assert "%0A::error::pwned" in text and "100%25 %250A" in text, "the runner decodes the message back to the plan's text"


def test_github_several_documents(several):
    report = several()
    text = render(Format.github, report)
    assert "::error file=tests/fixtures/report/khong-co.yaml,title=Không kiểm tra được::không tìm thấy tệp" in text
    waived = [line for line in workflow_commands(text) if "IPV6-002" in line]
    assert waived and all(line.startswith("::notice ") and "(được miễn)" in line for line in waived)
    line_zero = [f for d in report.documents for f in d.findings if f.location.line == 0]
    for f in line_zero:
        assert f"file={f.location.file},title=" in text
    assert text.splitlines()[-1].startswith(f"cqdt-check: {len(report.documents)} tệp")


# --- every format ---------------------------------------------------------------------------------------------------

def test_a_hostile_file_name_is_text_in_every_format(check, make_report, tmp_path):
    name = tmp_path / "<img src=x onerror=alert(1)>,a:b|[x](javascript:y).yaml"
    name.write_text((ROOT / PLAN).read_text(encoding="utf-8"), encoding="utf-8")
    report = make_report([check(name)])
    html = markdown_html(render(Format.markdown, report))
    assert "<img" not in html and "<a " not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert sarif_errors(json.loads(render(Format.sarif, report))) == []
    assert_junit_matches(report, render(Format.junit, report))
    commands = workflow_commands(render(Format.github, report))
    assert commands and all("%2Ca%3Ab|[x](javascript%3Ay).yaml,line=" in line for line in commands), \
        "',' and ':' in a file name cannot end the property"


# --- shared helpers -------------------------------------------------------------------------------------------------

def test_findings_grouped_schema_first(several):
    doc = several().documents[1]
    areas = [area for area, _ in by_area(doc.findings)]
    assert areas and areas[0] == "schema"
    assert sum(len(group) for _, group in by_area(doc.findings)) == len(doc.findings)


# --- the command line -----------------------------------------------------------------------------------------------

def test_cli_writes_sarif_and_junit_files_and_prints_text(cli, report, tmp_path):
    expected = report().exit_code()
    code, out, err = cli(str(PLAN), "--format", f"sarif:{tmp_path}/r.sarif", "--format", f"junit:{tmp_path}/r.xml",
                         "--format", "text")
    assert code == expected == 1
    assert "Báo cáo kiểm tra sự phù hợp" in out
    log = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    assert sarif_errors(log) == [] and log["runs"][0]["properties"]["exitCode"] == code
    assert_junit_matches(report(), (tmp_path / "r.xml").read_text(encoding="utf-8"))


def test_cli_exit_code_2_when_a_file_cannot_be_checked(cli, report, tmp_path):
    code, out, err = cli(str(PLAN), "tests/fixtures/report/khong-co.yaml", "--format", "github",
                         "--format", f"markdown:{tmp_path}/r.md")
    assert code == 2
    assert "::error file=tests/fixtures/report/khong-co.yaml" in out
    assert "KHÔNG KIỂM TRA ĐƯỢC" in (tmp_path / "r.md").read_text(encoding="utf-8")


# --- integration files ----------------------------------------------------------------------------------------------

def test_pre_commit_hook_runs_the_console_script():
    tomllib = pytest.importorskip("tomllib")
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "cqdt-check")
    assert hook["entry"].split()[0] in scripts
    assert hook["language"] == "python" and hook.get("pass_filenames", True) is True


def yaml_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```ya?ml\n(.*?)^```", markdown, flags=re.S | re.M)


def test_integration_doc_yaml_snippets_parse():
    blocks = yaml_blocks((ROOT / "docs" / "integration.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 4, "pre-commit, GitHub Actions and GitLab CI in both languages"
    for block in blocks:
        assert isinstance(yaml.safe_load(block), dict), block


def test_integration_doc_commands_name_real_formats():
    doc = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")
    named = set(re.findall(r"--format[ =]([a-z-]+)", doc))
    assert named and named <= {f.value for f in Format}


def test_junit_fails_error_findings_even_under_fail_on_never(check, make_report, monkeypatch):
    import xml.etree.ElementTree as ET

    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    doc = check("examples/nhieu-van-de.yaml", fail_on="never")
    xml = ET.fromstring(reporter(Format.junit)(make_report([doc], fail_on="never")))
    errors = {f.rule_id for f in doc.findings if f.severity == "error" and f.status == "fail"}
    failed = {case.get("name").split()[0] for case in xml.iter("testcase") if case.find("failure") is not None}
    assert doc.verdict == "fail" and errors and failed == errors


def test_sarif_rule_help_names_no_single_architecture_when_a_folder_mixes_them(check, make_report, tmp_path,
                                                                                  monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    nghe_an = tmp_path / "nghe-an.yaml"
    nghe_an.write_text((ROOT / "examples" / "nhieu-van-de.yaml").read_text(encoding="utf-8").replace(
        "architecture: quang-ngai-3.0", "architecture: nghe-an-1.0"), encoding="utf-8")
    docs = [check("examples/tthc-nang-cap.yaml"), check(nghe_an)]
    assert {d.architecture.id for d in docs} == {"quang-ngai-3.0", "nghe-an-1.0"}
    rules = json.loads(render(Format.sarif, make_report(docs)))["runs"][0]["tool"]["driver"]["rules"]
    help_text = "\n".join(r["help"]["text"] for r in rules)
    assert "(quang-ngai-3.0)" not in help_text and "(nghe-an-1.0)" not in help_text
    assert "Quyết định phê duyệt Kiến trúc đang áp dụng cho kế hoạch, nguyên tắc lgsp-dau-moi" in help_text
