"""Who chose the architecture a plan is judged against (--architecture, the plan's own `architecture:` field, or the
default) is stated in every format, as the date's source is; and a plan whose owner is in another province than the
architecture's gets ARCH-021. Through the console entry point, as a user runs it."""

from __future__ import annotations

import html
import json

import pytest

from conftest import FIXTURES, ROOT
from cqdt_check.messages import say

OTHER_PROVINCE = FIXTURES / "rules" / "ARCH-021" / "fail.yaml"  # owner in Quảng Ngãi, `architecture: nghe-an-1.0`
NO_FIELD = ROOT / "tests" / "fixtures" / "report" / "plan.yaml"  # names no architecture

# (plan, options, source, architecture used, ARCH-021 expected)
CASES = [
    (OTHER_PROVINCE, [], "plan", "nghe-an-1.0", True),
    (OTHER_PROVINCE, ["--architecture", "quang-ngai-3.0"], "option", "quang-ngai-3.0", False),
    (NO_FIELD, [], "default", "quang-ngai-3.0", False),
    (NO_FIELD, ["--architecture", "nghe-an-1.0"], "option", "nghe-an-1.0", True),
]

# how each format states the source: the catalogue's words, or the machine value
MACHINE = {"json": '"architecture_source": "{source}"', "sarif": '"architectureSource": "{source}"',
           "junit": 'name="architecture_source" value="{source}"'}
FORMATS = ["text", "markdown", "html", "github", "opinion", "opinion-html", *MACHINE]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("plan, options, source, used, other", CASES)
def test_every_format_states_who_chose_the_architecture(cli, fmt, lang, plan, options, source, used, other):
    code, out, err = cli(str(plan), "--format", fmt, "--lang", lang, "--no-config", *options)
    assert code in (0, 1), err
    flat = " ".join((html.unescape(out) if "html" in fmt else out).split())  # the text report wraps at 80 columns
    expected = MACHINE[fmt].format(source=source) if fmt in MACHINE else say(f"architecture_source.{source}", lang)
    assert expected in flat, (fmt, expected)


@pytest.mark.parametrize("plan, options, source, used, other", CASES)
def test_an_owner_of_another_province_is_a_warning(cli, plan, options, source, used, other):
    code, out, _ = cli(str(plan), "--format", "json", "--no-config", *options)
    (doc,) = json.loads(out)["documents"]
    assert doc["architecture"]["id"] == used and doc["architecture_source"] == source
    found = [f for f in doc["findings"] if f["rule_id"] == "ARCH-021"]
    assert [(f["severity"], f["path"]) for f in found] == ([("warning", "owner.agency")] if other else [])
    statuses = {c["status"] for c in doc["checks"] if c["rule_id"] == "ARCH-021"}
    assert statuses == ({"fail"} if other else {"pass"})
