"""What CI and terminal users expect, through the console entry point: stdin, --quiet, --statistics, --color,
-h, `rules | head`, readable `explain`, and the GitLab Code Quality report (validated against tests/schemas)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import jsonschema
import pytest

from conftest import PLAN, ROOT, golden
from cqdt_check.options import SUBCOMMANDS

EXAMPLE = ROOT / "examples" / "tthc-nang-cap.yaml"
FAILING = ROOT / PLAN  # the golden-report plan: errors, warnings and an info finding


def test_a_plan_on_stdin_is_checked_under_its_stdin_filename(cli, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FAILING.read_bytes())))
    code, out, _ = cli("-", "--stdin-filename", "submitted/plan.yaml", "-f", "json", "--no-config")
    (doc,) = json.loads(out)["documents"]
    assert code == 1 and doc["file"] == "submitted/plan.yaml"
    assert all(f["file"] == "submitted/plan.yaml" and f["line"] >= 1 for f in doc["findings"])


def test_quiet_prints_one_line_per_finding_and_the_verdict(cli):
    code, out, _ = cli(str(FAILING), "--quiet", "--no-config")
    lines = out.splitlines()
    json_report = json.loads(cli(str(FAILING), "-f", "json", "--no-config")[1])
    failing = [f for f in json_report["documents"][0]["findings"] if f["status"] == "fail"]
    assert code == 1 and len(lines) == len(failing) + 1
    assert lines[-1].startswith(f"{FAILING}: KHÔNG ĐẠT")
    assert all(line.startswith(f"{FAILING}:") for line in lines)


def test_statistics_counts_findings_per_rule(cli):
    code, out, _ = cli(str(FAILING), "--statistics", "--quiet", "--no-config", "--lang", "en")
    report = json.loads(cli(str(FAILING), "-f", "json", "--no-config")[1])
    counts: dict[str, int] = {}
    for f in report["documents"][0]["findings"]:
        if f["status"] == "fail":
            counts[f["rule_id"]] = counts.get(f["rule_id"], 0) + 1
    table = out.split("Counts per rule:")[1].split()
    for rule_id, count in counts.items():
        assert table[table.index(rule_id) - 1] == str(count)


@pytest.mark.parametrize("args, env, colored", [
    (["--color", "always"], {}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ([], {"FORCE_COLOR": "1"}, True),
    ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ([], {}, False),  # not a terminal
])
def test_color_follows_the_option_then_no_color_then_force_color(args, env, colored):
    clean = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.run([sys.executable, "-m", "cqdt_check", str(FAILING), "--no-config", *args],
                          capture_output=True, text=True, env={**clean, **env, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 1 and ("\x1b[" in proc.stdout) is colored


def test_dash_h_is_help_and_the_top_level_help_shows_the_check_options(cli):
    code, out, _ = cli("-h")
    assert code == 0
    for option in ("--select", "--ignore", "--config", "--quiet", "--statistics", "--color", "--fail-on"):
        assert option in out
    assert "rules" in out.split("Options:")[1] and "explain" in out  # the other commands are named


@pytest.mark.parametrize("args", [["--help"], ["-h"], *([command, "--help"] for command in sorted(SUBCOMMANDS)),
                                  ["rules", "-h"]])
def test_help_printed_directly_is_typers_own(cli, capsys, monkeypatch, args):
    """`cqdt-check [COMMAND] --help` is printed without parsing the command line (commands.print_help): it must be the
    help typer itself prints for that command."""
    from cqdt_check.commands import app

    code, out, _ = cli(*args)
    monkeypatch.setenv("NO_COLOR", "1")
    with pytest.raises(SystemExit) as exc:
        app(args=["check", *args] if args[0] not in SUBCOMMANDS else args, prog_name="cqdt-check")
    assert code == 0 and exc.value.code in (0, None)
    assert out == capsys.readouterr().out and "Usage: cqdt-check " in out


def test_rules_fits_the_terminal_and_a_closed_pipe_ends_quietly():
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "70"}
    proc = subprocess.run([sys.executable, "-m", "cqdt_check", "rules"], capture_output=True, text=True, env=env)
    assert proc.returncode == 0 and max(len(line) for line in proc.stdout.splitlines()) <= 70
    shell = f"{sys.executable} -m cqdt_check rules | head -1; exit ${{PIPESTATUS[0]}}"
    proc = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, env=env)
    assert proc.returncode == 0 and proc.stderr == ""


def test_explain_prints_sections_never_a_data_structure(cli):
    code, out, _ = cli("explain", "SEC-003", "--lang", "en")
    assert code == 0
    for section in ("Why:", "Legal basis:", "How to fix:", "Failing example:", "In force:"):
        assert section in out
    assert "{'" not in out and "': [" not in out


# --- gitlab ------------------------------------------------------------------------------------------------------------

def test_gitlab_golden_validates_and_shares_sarifs_fingerprints(report):
    from cqdt_check.reporters import Format, reporter

    r = report()
    text = reporter(Format.gitlab)(r)
    golden("report.gitlab.json", text)
    issues = json.loads(text)
    schema = json.loads((ROOT / "tests" / "schemas" / "gitlab-codequality.json").read_text(encoding="utf-8"))
    jsonschema.validate(issues, schema)
    sarif = json.loads(reporter(Format.sarif)(r))
    prints = {res["partialFingerprints"]["cqdtFindingHash/v1"] for res in sarif["runs"][0]["results"]}
    failing = [f for f in r.documents[0].findings if f.status == "fail"]
    assert len(issues) == len(failing) and {i["fingerprint"] for i in issues} <= prints
    en = json.loads(reporter(Format.gitlab)(report("en")))
    assert [i["fingerprint"] for i in en] == [i["fingerprint"] for i in issues]  # words change, identity does not


def test_gitlab_report_of_a_file_that_could_not_be_checked(cli, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [unclosed\n", encoding="utf-8")
    code, out, _ = cli(str(broken), "-f", "gitlab", "--no-config")
    (issue,) = json.loads(out)
    assert code == 2 and issue["severity"] == "blocker" and issue["location"]["lines"]["begin"] >= 1


# --- YAML syntax errors: the likely cause, in the report's language, at its place --------------------------------------

@pytest.mark.parametrize("text, code, line, column", [
    ("name: x\nowner:\n\tagency: y\n", "syntax.tab", 3, 1),
    ("name: x\nowner:\n  agency: y\n \tlevel: z\n", "syntax.tab", 4, 2),
    ('name: "Phần mềm\nkind: project\n', "syntax.quote", 1, 7),
    ("name: x\ntags: [a, b\nkind: project\n", "syntax.bracket", 2, 7),
    ("owner:\n  agency: y\n   level: z\n", "syntax.indent", 3, 4),
    ("owner:\n    agency: y\n  level: z\n", "syntax.indent", 3, 3),
])
def test_a_syntax_error_names_its_likely_cause_and_place(text, code, line, column):
    from cqdt_check.loader import LoadError, load_text

    with pytest.raises(LoadError) as exc:
        load_text(text, "plan.yaml")
    assert (exc.value.code, exc.value.location.line, exc.value.location.column) == (code, line, column)


@pytest.mark.parametrize("lang, words", [("vi", "Tab"), ("en", "tab")])
def test_a_syntax_error_is_told_in_the_reports_language(cli, tmp_path, lang, words):
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: x\nowner:\n\tagency: y\n", encoding="utf-8")
    code, out, err = cli(str(plan), "--lang", lang, "--no-config")
    assert code == 2 and f"{plan}:3:1:" in err and words in err
    assert ("YAML không hợp lệ" in err) == (lang == "vi") and ("invalid YAML" in err) == (lang == "en")
