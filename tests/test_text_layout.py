"""The text report without colour (plain.py) is laid out as the coloured one (rich), and long repeats are capped."""

from __future__ import annotations

import json
import random
import re
import xml.etree.ElementTree as ET

import pytest

from cqdt_check.findings import DocumentResult, Finding, Location, Report
from cqdt_check.values import Basis
from cqdt_check.reporters import Format, common, plain, reporter
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


# Words and blanks that generated lines are made of: one kind for the lines plain.py lays out quickly (one column a
# character, spaces only), one for every other kind of line.
NARROW_WORDS = ["Hệ", "thống", "kết", "nối", "trực", "tiếp", "CSDL", "quốc", "gia", "LGSP", "Điều", "9,", "(mã", "51601)",
                "—", "≥", "→", "“dữ", "liệu”", "a", "systems[0].integrations[0].via"]
NARROW_BLANKS = [" ", " ", " ", "  ", "     "]
OTHER_WORDS = [*NARROW_WORDS, "漢字の説明", "\uff57\uff49\uff44\uff45", "e\u0301", "zero\u200bwidth", "\u00ad", "🙂", "a\x07b"]
OTHER_BLANKS = [*NARROW_BLANKS, "\t", "\xa0", " \t ", "\n", "\u3000"]


def _line(rng: random.Random, words: list[str], blanks: list[str]) -> str:
    parts = [rng.choice(blanks) if rng.random() < 0.2 else ""]  # blanks before the first word, sometimes
    for _ in range(rng.randint(1, 30)):
        word = rng.choice(words)
        if rng.random() < 0.08:  # a word longer than many lines
            word = word * rng.randint(5, 40)
        parts += [word, rng.choice(blanks)]
    if rng.random() < 0.7:
        parts.pop()  # mostly no blank at the end
    return "".join(parts)


def _rich_wrap(console, text: str, width: int) -> list[str]:
    from rich.text import Text

    console.width = width
    with console.capture() as captured:
        console.print(Text(text))
    return captured.get().split("\n")[:-1]


@pytest.mark.parametrize(("words", "blanks", "seed"), [(NARROW_WORDS, NARROW_BLANKS, 1), (NARROW_WORDS, NARROW_BLANKS, 2),
                                                      (OTHER_WORDS, OTHER_BLANKS, 3), (OTHER_WORDS, OTHER_BLANKS, 4)])
def test_plain_wraps_a_line_where_rich_does(words, blanks, seed):
    from rich.console import Console

    console = Console(width=80, color_system=None, highlight=False, emoji=False, markup=False, soft_wrap=False)
    rng = random.Random(seed)
    differ = []
    for _ in range(400):
        text, width = _line(rng, words, blanks), rng.randint(1, 120)
        if plain.wrap(text, width) != _rich_wrap(console, text, width):
            differ.append((text, width))
    assert differ == []


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
