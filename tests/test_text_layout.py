"""The text report without colour (plain.py) is laid out as the coloured one (rich), and long repeats are capped."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from cqdt_check.findings import DocumentResult, Finding, Location, Report
from cqdt_check.values import Basis
from cqdt_check.reporters import Format, common, reporter
from cqdt_check.reporters.text import render

_ANSI = re.compile("\x1b\\[[0-9;]*m")

# Text that makes layout hard: long words to fold, wide and zero-width characters, tabs, runs of spaces.
TRICKY = [
    "Hệ thống 'phan-anh' kết nối trực tiếp tới CSDL quốc gia về Dân cư, không qua LGSP của tỉnh",
    "x" * 150,
    "漢字の説明 " * 12,
    "tab\tseparated\tvalues\tand a tail that wraps past the edge of the line in every width we test",
    "combining e\u0301 marks e\u0301 and\u200bzero\u200bwidth\u200bspaces " * 4,
    "spaces        inside         and at the end          ",
    "ｗｉｄｅ　ｆｏｒｍｓ " * 9,  # noqa: RUF001 (full-width letters on purpose: wide characters)
]
FILES = ["plans/a.yaml", "plans/" + "very-long-folder-name/" * 5 + "plan.yaml", "kế hoạch có dấu cách.yaml",
         "漢字/計画.yaml", "plans/" + "x" * 90 + ".yaml"]


def _document(file: str, message: str, count: int = 1, verdict: str = "fail") -> DocumentResult:
    findings = tuple(
        Finding("SEC-003", "security", "error", message, Location(file, index + 1, 9), ("systems", index, "security"),
                (Basis.of(message[:60], "Điều 9", None, None, index % 2 == 0, "x"),), remediation=message, title="t")
        for index in range(count))
    return DocumentResult(file, verdict, findings, plan_name=message, owner=message[:40])


def _plain_colour(report: Report, width: int) -> str:
    coloured = _ANSI.sub("", render(report, width=width, color=True))
    return "\n".join(line.rstrip() for line in coloured.split("\n"))


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("message", TRICKY)
def test_plain_layout_is_the_colour_layout_without_colour(message, width):
    report = Report(tuple(_document(file, message) for file in FILES), None, tool_version="1.0")
    assert render(report, width=width, color=False) == _plain_colour(report, width)


def test_a_report_without_colour_does_not_load_rich():
    import subprocess
    import sys

    code = ("import sys; from cqdt_check.findings import Report; from cqdt_check.reporters.text import render; "
            "render(Report((), None)); print(any(m == 'rich' or m.startswith('rich.') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


@pytest.mark.parametrize("fmt", [Format.text, Format.markdown, Format.html, Format.junit, Format.github])
def test_formats_for_people_list_a_rule_up_to_the_cap_then_say_how_many_more(fmt):
    extra = 7
    doc = _document("plan.yaml", "Cấp độ thấp hơn tối thiểu", count=common.SHOWN_PER_RULE + extra)
    report = Report((doc,), None, tool_version="1.0", lang="en")
    out = reporter(fmt)(report)
    note = common.omitted_note(common.Omitted("SEC-003", "security", extra), "en")
    assert note.split(" (")[0] in out
    listed = len(re.findall(r"plan\.yaml(?::|,line=)\d+(?::|,col=)9", out))
    assert listed == common.SHOWN_PER_RULE * (2 if fmt == Format.markdown else 1)  # table row and details
    if fmt == Format.text:
        assert f"{common.SHOWN_PER_RULE + extra} errors" in out  # the summary counts every finding


@pytest.mark.parametrize("fmt", [Format.json, Format.sarif])
def test_formats_for_programs_keep_every_finding(fmt):
    count = common.SHOWN_PER_RULE + 7
    data = json.loads(reporter(fmt)(Report((_document("plan.yaml", "m", count=count),), None, tool_version="1.0")))
    found = data["documents"][0]["findings"] if fmt == Format.json else data["runs"][0]["results"]
    assert len(found) == count


def test_junit_fails_the_case_of_every_repeated_finding_once():
    count = 3 * common.SHOWN_PER_RULE
    root = ET.fromstring(reporter(Format.junit)(Report((_document("plan.yaml", "m", count=count),), None)))
    case = next(c for c in root.iter("testcase") if c.get("name", "").startswith("SEC-003"))
    assert case.find("failure") is not None and str(count - 1) in case.find("failure").get("message")
