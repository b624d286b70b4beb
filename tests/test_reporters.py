"""Each reporter against its golden file (CQDT_UPDATE_GOLDEN=1 rewrites them), plus output safety."""

from __future__ import annotations

import json

import pytest
from conftest import PLAN, ROOT, golden

from cqdt_check.findings import Report
from cqdt_check.reporters import Format, reporter


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text_report_golden(report, lang):
    text = reporter(Format.text)(report(lang), width=80, color=False)
    golden(f"report.{lang}.txt", text)
    assert all(len(line) <= 80 for line in text.splitlines()), "readable in an 80-column terminal"
    assert "\x1b" not in text


def test_json_report_golden(report):
    text = reporter(Format.json)(report())
    golden("report.json", text)
    data = json.loads(text)
    finding = next(f for f in data["documents"][0]["findings"] if f["rule_id"] == "IPV6-002")
    assert finding["deviation_requested"].startswith("Thiết bị hiện có")


def test_text_report_in_colour_uses_ansi_only_from_us(report):
    text = reporter(Format.text)(report(), width=100, color=True)
    assert "\x1b[" in text


def test_plan_text_cannot_inject_markup_or_escapes(check, tmp_path):
    hostile = (ROOT / PLAN).read_text(encoding="utf-8").replace(
        'name: "Xây dựng Cổng thông tin tiếp nhận phản ánh, kiến nghị của người dân"',
        'name: "[bold red]Giả mạo[/] \\e[31mđỏ\\e[0m \\u202Eabc"')
    path = tmp_path / "hostile.yaml"
    path.write_text(hostile, encoding="utf-8")
    doc = check(path)
    text = reporter(Format.text)(Report((doc,), doc.architecture, tool_version="x"), width=80, color=True)
    assert "[bold red]Giả mạo[/]" in text  # shown literally, not interpreted
    assert "\x1b[31mđỏ" not in text and "\u202e" not in text
    data = json.loads(reporter(Format.json)(Report((doc,), doc.architecture, tool_version="x")))
    assert data["documents"][0]["plan"]["name"].startswith("[bold red]")


@pytest.mark.parametrize("width", [40, 80, 120])
def test_plan_text_cannot_start_a_ci_log_command_in_the_text_report(check, make_report, tmp_path, width):
    hostile = (ROOT / PLAN).read_text(encoding="utf-8").replace(
        'name: "Xây dựng Cổng thông tin tiếp nhận phản ánh, kiến nghị của người dân"',
        'name: "Cổng\\n::error::pwned ' + "::warning::x " * 12 + '"')
    path = tmp_path / "hostile.yaml"
    path.write_text(hostile, encoding="utf-8")
    text = reporter(Format.text)(make_report([check(path)]), width=width, color=False)
    assert "pwned" in text
    assert not [line for line in text.splitlines() if line.strip().startswith("::")]
