"""`compare` states, for each side, the date whose rules applied and the architecture, each with its source, and says
so in one sentence when the two sides were judged on different dates (a finding may then be new because the law
changed, not the plan). Through the console entry point, in every compare format."""

from __future__ import annotations

import html
import json

import pytest

from conftest import ROOT
from cqdt_check.messages import say

OLD = ROOT / "examples" / "nhieu-van-de.yaml"  # submitted 10/11/2025, `architecture: quang-ngai-3.0`
NEW = ROOT / "tests" / "fixtures" / "compare" / "nhieu-van-de-v2.yaml"  # the same date


@pytest.fixture
def later(tmp_path):
    """NEW resubmitted on a later date."""
    path = tmp_path / "nhieu-van-de-v3.yaml"
    text = NEW.read_text(encoding="utf-8")
    assert "submitted: 2025-11-10" in text
    path.write_text(text.replace("submitted: 2025-11-10", "submitted: 2026-09-01"), encoding="utf-8")
    return path


def _report(cli, tmp_path, *options) -> str:
    """OLD as an earlier JSON report, as an appraiser keeps it."""
    path = tmp_path / "old.json"
    cli(str(OLD), "--format", f"json:{path}", "--no-config", *options)
    return str(path)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("case", ["same-date", "later-date", "old-report-as-of"])
def test_each_side_says_what_it_was_judged_with(cli, tmp_path, later, fmt, lang, case):
    old, new, options = {
        "same-date": (str(OLD), str(NEW), []),
        "later-date": (str(OLD), str(later), []),
        "old-report-as-of": (None, str(NEW), []),
    }[case]
    if old is None:
        old = _report(cli, tmp_path, "--as-of", "2025-12-01")
    code, out, err = cli("compare", old, new, "--format", fmt, "--lang", lang, "--no-config", *options)
    assert code in (0, 1), err
    flat = " ".join((html.unescape(out) if fmt == "html" else out).replace("\\", "").split())
    old_date, old_source, new_date = {
        "same-date": ("10/11/2025", "submitted", "10/11/2025"),
        "later-date": ("10/11/2025", "submitted", "01/09/2026"),
        "old-report-as-of": ("01/12/2025", "option", "10/11/2025"),
    }[case]
    plan_field = say("architecture_source.plan", lang)
    for label, date, source in (("compare.old_side", old_date, old_source), ("compare.new_side", new_date, "submitted")):
        words = say("compare.judged", lang, date=date, date_source=say(f"as_of.{source}", lang),
                    architecture="quang-ngai-3.0", architecture_source=plan_field)
        assert say(label, lang) in flat and words in flat, (label, words)
    differ = say("compare.dates_differ", lang, old=old_date, new=new_date)
    assert (differ in flat) == (case != "same-date")


def test_json_states_both_sides_and_whether_their_dates_differ(cli, tmp_path, later):
    code, out, _ = cli("compare", str(OLD), str(later), "--format", "json", "--no-config")
    data = json.loads(out)
    assert data["judged"] == {
        "old": {"as_of": "2025-11-10", "as_of_source": "submitted", "architecture": "quang-ngai-3.0",
                "architecture_source": "plan"},
        "new": {"as_of": "2026-09-01", "as_of_source": "submitted", "architecture": "quang-ngai-3.0",
                "architecture_source": "plan"}}
    assert data["dates_differ"] is True
    code, out, _ = cli("compare", str(OLD), str(NEW), "--format", "json", "--no-config", "--architecture",
                       "quang-ngai-3.0", "--as-of", "2026-01-15")
    data = json.loads(out)
    assert data["dates_differ"] is False
    assert {side["as_of_source"] for side in data["judged"].values()} == {"option"}
    assert {side["architecture_source"] for side in data["judged"].values()} == {"option"}


def test_an_old_report_that_does_not_say_is_named_as_such(cli, tmp_path):
    path = tmp_path / "old.json"
    cli(str(OLD), "--format", f"json:{path}", "--no-config")
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["documents"][0]["architecture_source"]  # a report written before the field existed
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = cli("compare", str(path), str(NEW), "--format", "json", "--no-config")
    assert json.loads(out)["judged"]["old"]["architecture_source"] is None
    code, out, _ = cli("compare", str(path), str(NEW), "--no-config", "--lang", "en")
    assert say("compare.not_stated", "en") in " ".join(out.split())
