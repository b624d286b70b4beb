"""The command line as a user calls it: exit codes, formats, options, and refusals that name the place."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "tthc-nang-cap.yaml")


def write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return str(path)


MINIMAL_FAILING = """
format: cqdt-plan/1
kind: project
name: "Phần mềm quản lý nội bộ"
dates: {submitted: 2025-05-12}
owner: {agency: "UBND xã Nghĩa Hành", level: commune, type: state_agency}
systems:
  - id: qlnb
    name: "Phần mềm quản lý nội bộ"
    handles_tthc: true
    security: {proposed_level: 2}
"""


def test_clean_example_exits_0(cli):
    code, out, err = cli(EXAMPLE)
    assert code == 0, out
    assert "ĐẠT" in out and "1702/QĐ-UBND" in out and "12/05/2025" in out


def test_findings_exit_1_and_fail_on_controls_it(cli, tmp_path):
    plan = write(tmp_path, "plan.yaml", MINIMAL_FAILING)
    assert cli(plan)[0] == 1
    assert cli(plan, "--fail-on", "never")[0] == 0
    code, out, _ = cli(EXAMPLE, "--fail-on", "info")
    assert code == 1 and "THÔNG TIN" in out


@pytest.mark.slow
def test_explicit_check_subcommand_and_module_entry_point(cli):
    assert cli("check", EXAMPLE)[0] == 0
    proc = subprocess.run([sys.executable, "-m", "cqdt_check", EXAMPLE, "--format", "json"], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0 and json.loads(proc.stdout)["documents"][0]["verdict"] == "pass"


def test_json_report_honours_the_contract(cli, tmp_path):
    plan = write(tmp_path, "plan.yaml", MINIMAL_FAILING)
    code, out, err = cli(plan, "--format", "json")
    report = json.loads(out)
    assert code == 1 and "cqdt-check" in err  # people's text goes to stderr for machine formats
    assert report["tool"]["name"] == "cqdt-check" and report["tool"]["version"]
    assert set(report["architecture"]) >= {"id", "title", "decision", "date"}
    assert report["architecture"]["decision"] == "1702/QĐ-UBND" and report["as_of"] == "2025-05-12"
    (doc,) = report["documents"]
    assert doc["file"] == plan and doc["verdict"] == "fail"
    assert set(doc["summary"]) == {"error", "warning", "info", "passed", "not_applicable", "waived"}
    assert doc["findings"] and doc["checks"]
    for finding in doc["findings"]:
        assert set(finding) >= {"rule_id", "area", "severity", "status", "message", "file", "line", "column", "path",
                                "basis", "remediation"}
        assert finding["area"] in {"connectivity", "ipv6", "security", "data_sharing", "rental", "architecture",
                                   "legal", "schema"}
        assert finding["line"] >= 1 and finding["column"] >= 1 and finding["file"] == plan
        assert finding["status"] in {"fail", "waived"} and finding["severity"] in {"error", "warning", "info"}
    for check in doc["checks"]:
        assert check["status"] in {"pass", "fail", "not_applicable", "error"}
    sec = next(f for f in doc["findings"] if f["rule_id"] == "SEC-003" and f["path"].endswith("proposed_level"))
    assert (sec["line"], sec["column"], sec["path"]) == (10, 32, "systems[0].security.proposed_level")
    assert "tối thiểu cấp độ 3 vì hệ thống giải quyết TTHC" in sec["message"]
    assert "NĐ 85/2016/NĐ-CP Điều 9 khoản 2 điểm a" in sec["message"]


def test_output_file_and_english(cli, tmp_path):
    out_file = tmp_path / "report.json"
    code, out, _ = cli(EXAMPLE, "--format", "json", "--output", str(out_file), "--lang", "en")
    assert code == 0 and out == ""
    report = json.loads(out_file.read_text(encoding="utf-8"))
    assert report["lang"] == "en"
    code, out, _ = cli(EXAMPLE, "--lang", "en", "--as-of", "2026-10-01")
    assert "Rules in force on: 01/10/2026" in out and "PASS" in out


def test_folder_is_checked_recursively_in_stable_order(cli, tmp_path):
    (tmp_path / "b").mkdir()
    write(tmp_path, "b/z.yaml", MINIMAL_FAILING)
    write(tmp_path, "a.yml", MINIMAL_FAILING)
    write(tmp_path, "notes.txt", "not a plan")
    code, out, _ = cli(str(tmp_path), "--format", "json")
    files = [d["file"] for d in json.loads(out)["documents"]]
    assert code == 1 and files == [str(tmp_path / "a.yml"), str(tmp_path / "b" / "z.yaml")]


def test_unreadable_folder_is_reported_not_skipped(cli, tmp_path, monkeypatch):
    import cqdt_check.batch as batch_module
    import cqdt_check.discovery as discovery_module

    write(tmp_path, "a.yaml", MINIMAL_FAILING)
    real_walk = os.walk

    def walk(top, onerror=None, followlinks=False):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, onerror=onerror, followlinks=followlinks)

    monkeypatch.setattr(discovery_module.os, "walk", walk)
    (tmp_path / "locked").mkdir()
    monkeypatch.setattr(batch_module.os, "access", lambda path, mode: Path(path).name != "locked")
    code, out, err = cli(str(tmp_path), "--format", "json")
    docs = {d["file"]: d["verdict"] for d in json.loads(out)["documents"]}
    assert code == 2 and docs[str(tmp_path / "locked")] == "error" and docs[str(tmp_path / "a.yaml")] == "fail"
    assert f"{tmp_path / 'locked'}: không có quyền đọc" in err


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["missing.yaml"], "missing.yaml: không tìm thấy tệp"),
        (["--as-of", "2025-02-30", EXAMPLE], "--as-of"),
        (["--as-of", "yesterday", EXAMPLE], "--as-of"),
        (["--architecture", "ha-noi-9.9", EXAMPLE], "ha-noi-9.9"),
        (["--no-such-option", EXAMPLE], "No such option"),
        (["--format", "pdf", EXAMPLE], "pdf"),
    ],
)
def test_usage_and_input_problems_exit_2_with_a_reason(cli, args, fragment):
    code, out, err = cli(*args)
    assert code == 2
    assert fragment in out + err
    assert "Traceback" not in out + err


def test_unparsable_plan_exits_2_naming_the_place(cli, tmp_path):
    plan = write(tmp_path, "bad.yaml", "format: cqdt-plan/1\nname: [unclosed\nkind: project\n")
    code, out, err = cli(plan)
    assert code == 2 and f"{plan}:2:7:" in out  # where the bracket was opened and "YAML không hợp lệ" in out


def test_schema_violation_exits_1_with_located_finding(cli, tmp_path):
    plan = write(tmp_path, "plan.yaml", MINIMAL_FAILING.replace("handles_tthc: true", "handles_tthc: yes"))
    code, out, _ = cli(plan, "--format", "json")
    finding = json.loads(out)["documents"][0]["findings"][0]
    assert code == 1 and finding["area"] == "schema" and (finding["line"], finding["column"]) == (9, 19)
    assert finding["basis"] and finding["remediation"]


def test_duplicate_key_is_a_finding_with_both_lines(cli, tmp_path):
    plan = write(tmp_path, "plan.yaml", MINIMAL_FAILING + "name: \"Tên khác\"\n")
    code, out, _ = cli(plan, "--format", "json")
    dup = next(f for f in json.loads(out)["documents"][0]["findings"] if f["rule_id"] == "YAML-001")
    assert code == 1 and dup["line"] == 11 and "dòng 3" in dup["message"] and "dòng 11" in dup["message"]


EXTRA_RULE = """
format: cqdt-rules/1
rules:
  - id: XTR-001
    name: not-ipv6-only
    area: ipv6
    severity: warning
    title: {vi: "Thuần IPv6", en: "IPv6 only"}
    message: {vi: "'{system}' dùng {value}", en: "'{system}' uses {value}"}
    rationale: {vi: "Vì", en: "Because"}
    remediation: {vi: "Sửa", en: "Fix"}
    basis: [{instrument: "X", verified: false, source: "test"}]
    target: system
    check: field_value
    options: {field: network.ipv6, allowed: [ipv6_only]}
"""


def extra_pack(tmp_path, text: str):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "x.yaml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return pack


def test_broken_rule_pack_exits_2_naming_file_line_and_rule(cli, tmp_path):
    pack = extra_pack(tmp_path, EXTRA_RULE.replace("{value}", "{nothing}"))
    code, _, err = cli(EXAMPLE, "--rules", str(pack))
    assert code == 2 and "x.yaml:8:" in err and "XTR-001" in err and "{nothing}" in err
    (pack / "x.yaml").write_text(EXTRA_RULE.lstrip().replace("field_value", "no_such"), encoding="utf-8")
    code, _, err = cli(EXAMPLE, "--rules", str(pack))
    assert code == 2 and "x.yaml:3:" in err and "no_such" in err


def test_extra_rule_pack_adds_rules(cli, tmp_path):
    pack = extra_pack(tmp_path, EXTRA_RULE)
    code, out, _ = cli(EXAMPLE, "--rules", str(pack), "--format", "json", "--fail-on", "warning")
    findings = json.loads(out)["documents"][0]["findings"]
    assert code == 1 and any(f["rule_id"] == "XTR-001" and f["message"] == "'tthc' dùng dual_stack" for f in findings)


def test_broken_architecture_exits_2_naming_file_and_line(cli, tmp_path):
    arch = (ROOT / "architecture" / "quang-ngai-3.0.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "arch.yaml"
    broken.write_text(arch.replace("format: cqdt-architecture/1", "format: cqdt-architecture/9"), encoding="utf-8")
    code, out, err = cli(EXAMPLE, "--architecture", str(broken))
    assert code == 2 and f"{broken}:" in err and "format" in err


def test_rules_lists_by_area_and_explain_works_for_every_rule(cli, pack):
    code, out, _ = cli("rules")
    assert code == 0 and "SEC-003" in out and "(security)" in out
    code, out, _ = cli("rules", "--area", "ipv6", "--lang", "en")
    assert code == 0 and "SEC-003" not in out
    for loaded in pack.rules:
        code, out, _ = cli("explain", loaded.rule.id)
        assert code == 0 and loaded.rule.id in out and loaded.rule.remediation.vi.split()[0] in out
    code, _, err = cli("explain", "SEC-03")
    assert code == 2 and "SEC-003" in err


def test_version_schema_and_help(cli):
    code, out, _ = cli("--version")
    assert code == 0 and out.startswith("cqdt-check ")
    code, out, _ = cli("schema")
    assert code == 0 and json.loads(out)["$id"]
    code, out, _ = cli("--help")
    assert code == 0 and "explain" in out


@pytest.mark.slow
def test_console_script_is_installed_or_module_runs():
    # the installed console script, when the package is installed; otherwise the module
    cmd = ["cqdt-check"] if subprocess.run(["which", "cqdt-check"], capture_output=True).returncode == 0 else [sys.executable, "-m", "cqdt_check"]
    proc = subprocess.run(cmd + [EXAMPLE], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"})
    assert proc.returncode == 0 and "Traceback" not in proc.stderr


def test_several_reports_from_one_run(cli, tmp_path):
    plan = write(tmp_path, "plan.yaml", MINIMAL_FAILING)
    as_json, as_text = tmp_path / "r.json", tmp_path / "r.txt"
    code, out, err = cli(plan, "--format", f"json:{as_json}", "--format", "text", "--format", f"text:{as_text}")
    assert code == 1
    assert "KHÔNG ĐẠT" in out and as_text.read_text(encoding="utf-8") == out  # the same report, to screen and file
    assert json.loads(as_json.read_text(encoding="utf-8"))["documents"][0]["verdict"] == "fail"
    # --output names the file of the one format given without a file
    code, out, _ = cli(plan, "--format", "json", "--format", f"text:{as_text}", "--output", str(as_json))
    assert code == 1 and out == "" and json.loads(as_json.read_text(encoding="utf-8"))["exit_code"] == 1


@pytest.mark.parametrize(
    "formats, fragment",
    [
        (["json", "text"], "chỉ một báo cáo được in ra màn hình"),
        (["sarf"], "có phải ý bạn là 'sarif'?"),
        (["json:"], "thiếu tên tệp"),
        (["json:same.out", "text:same.out"], "cùng một tệp"),
    ],
)
def test_report_destinations_that_cannot_work_exit_2(cli, tmp_path, monkeypatch, formats, fragment):
    monkeypatch.chdir(tmp_path)
    args = [a for f in formats for a in ("--format", f)]
    code, out, err = cli(EXAMPLE, *args)
    assert code == 2 and fragment in err and out == ""
    assert not (tmp_path / "same.out").exists()  # refused before checking anything


def test_unwritable_report_file_exits_2_naming_it(cli, tmp_path):
    target = tmp_path / "no-such-folder" / "r.json"
    code, _, err = cli(EXAMPLE, "--format", f"json:{target}")
    assert code == 2 and str(target) in err


@pytest.mark.slow
def test_a_folder_of_200_plans_is_one_report_with_a_correct_summary(cli, tmp_path, monkeypatch):
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    for i in range(200):
        source = examples[i % len(examples)]
        folder = tmp_path / f"don-vi-{i // 50}"
        folder.mkdir(exist_ok=True)
        (folder / f"{i:03d}-{source.name}").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = cli(str(tmp_path), "--format", "json", "--jobs", "2", "--no-progress")
    report = json.loads(out)
    docs = report["documents"]
    assert len(docs) == 200
    assert [d["file"] for d in docs] == sorted(d["file"] for d in docs)  # stable order: folder by folder, by name
    # every copy of an example gets the same verdict and counts as the example itself
    by_example = {}
    for doc in docs:
        name = Path(doc["file"]).name[4:]
        by_example.setdefault(name, set()).add((doc["verdict"], tuple(sorted(doc["summary"].items()))))
    assert all(len(outcomes) == 1 for outcomes in by_example.values()), by_example
    assert code == (2 if any(d["verdict"] == "error" for d in docs) else 1)
    totals = {k: sum(d["summary"][k] for d in docs) for k in ("error", "warning", "info")}
    assert f"200 tệp — {totals['error']} lỗi, {totals['warning']} cảnh báo" in err
    # the text report ends with a per-file table of the same 200 files and the right totals
    monkeypatch.chdir(tmp_path)  # relative names, short enough not to be folded across lines in 80 columns
    code, text, _ = cli(".", "--no-progress")
    verdicts = [d["verdict"] for d in docs]
    assert (f"200 tệp: {verdicts.count('pass')} đạt, {verdicts.count('fail')} không đạt, "
            f"{verdicts.count('error')} không kiểm tra được") in text
    table = text[text.index("Tổng hợp theo tệp"):]
    assert all(Path(d["file"]).name in table for d in docs)


def test_fail_on_never_changes_the_exit_code_not_the_verdict(cli, tmp_path):
    plan = write(tmp_path, "plan.yaml", MINIMAL_FAILING)
    code, out, _ = cli(plan, "--fail-on", "never", "--format", "json")
    assert code == 0 and json.loads(out)["documents"][0]["verdict"] == "fail"


@pytest.mark.parametrize(
    "args, vietnamese, english",
    [
        (["--format", "jsn", EXAMPLE], "không có định dạng 'jsn' — có phải ý bạn là 'json'?",
         "there is no format 'jsn' — did you mean 'json'?"),
        (["--as-of", "2026-02-30", EXAMPLE], "không phải ngày có thật", "is not a real date"),
        (["--architecture", "ha-noi-9.9", EXAMPLE], "ha-noi-9.9", "ha-noi-9.9"),
        (["--format", "json", EXAMPLE], "1 tệp — 0 lỗi", "1 file(s) — 0 error(s)"),
    ],
)
def test_command_line_messages_follow_lang(cli, args, vietnamese, english):
    assert vietnamese in cli(*args)[2]
    err = cli(*args, "--lang", "en")[2]
    assert english in err
    assert not any(word in err for word in ("không", "tệp", "lỗi", "có phải")), err


def test_empty_architecture_file_is_refused_plainly(cli, tmp_path):
    empty = write(tmp_path, "empty.yaml", "# nothing yet\n")
    code, _, err = cli(EXAMPLE, "--architecture", empty)
    assert code == 2 and f"{empty}: tệp kiến trúc rỗng" in err and ": :" not in err


def test_same_rule_id_in_a_later_pack_replaces_even_when_folder_names_share_a_prefix(cli, tmp_path):
    import yaml

    source = yaml.safe_load((ROOT / "rules" / "ipv6.yaml").read_text(encoding="utf-8"))
    one = {"format": "cqdt-rules/1", "rules": [source["rules"][0]]}
    for name in ("pack", "pack2"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "ipv6.yaml").write_text(yaml.safe_dump(one, allow_unicode=True), encoding="utf-8")
    code, _, err = cli(EXAMPLE, "--rules", str(tmp_path / "pack2"), "--rules", str(tmp_path / "pack"))
    assert code == 0, err


def test_progress_bar_goes_to_stderr_and_leaves_the_report_whole(cli, tmp_path, monkeypatch):
    from rich.console import Console

    monkeypatch.setattr(Console, "is_terminal", property(lambda self: True))  # as on an appraiser's terminal
    for i in range(25):
        write(tmp_path, f"plan-{i:02d}.yaml", MINIMAL_FAILING)
    code, out, err = cli(str(tmp_path), "--format", "json", "--progress")
    assert code == 1 and len(json.loads(out)["documents"]) == 25
    assert "Đang kiểm tra" in err and "25/25" in err


@pytest.mark.parametrize("how", ["output", "format"])
def test_a_report_never_overwrites_a_plan(cli, tmp_path, how):
    plan = write(tmp_path, "plan.yaml", MINIMAL_FAILING)
    args = ["--format", "json", "--output", plan] if how == "output" else ["--format", f"text:{plan}"]
    code, _, err = cli(str(tmp_path), *args)
    assert code == 2 and "không được ghi đè lên tệp kế hoạch" in err
    assert Path(plan).read_text(encoding="utf-8") == textwrap.dedent(MINIMAL_FAILING).lstrip("\n")


def test_a_file_named_twice_is_one_document(cli, tmp_path):
    plan = write(tmp_path, "plan.yaml", MINIMAL_FAILING)
    code, out, _ = cli(plan, str(tmp_path), "--format", "json")
    assert [d["file"] for d in json.loads(out)["documents"]] == [plan]


@pytest.mark.parametrize("rule_id", ["YAML-001", "YAML-002", "YAML-003", "YAML-004", "YAML-005", "YAML-006",
                                     "SCHEMA-001", "SCHEMA-002"])
def test_explain_covers_the_input_rules_reports_name(cli, rule_id):
    from cqdt_check.messages import say

    for lang in ("vi", "en"):
        code, out, err = cli("explain", rule_id.lower(), "--lang", lang)
        assert code == 0, err
        assert out.startswith(f"{rule_id} — {say('input.' + rule_id, lang)}") and "cqdt-plan/1" in out
