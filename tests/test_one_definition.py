"""Facts that once had two definitions and gave two answers: now one, and these tests keep it so (issue: renovation).

- `cqdt-check rules --as-of D` lists exactly the rules a check on D evaluates (one rule window, legal.LegalTime).
- A report's rule catalogue names the architecture's decision whether the documents were checked in this process or
  in workers (each result carries the architecture it was judged against).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

EXAMPLES = ROOT / "examples"
# a project and a rental, so that every rule's window is seen on a plan of a kind it applies to
PLANS = [EXAMPLES / "nhieu-van-de.yaml", EXAMPLES / "thue-dich-vu-dam-may.yaml"]


def cqdt(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cqdt_check", *args], capture_output=True, text=True, check=False,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"})


def out_of_force(reason: str | None) -> bool:
    """A not-applicable reason that says the rule is not in force on that day, or not usable with the architecture."""
    return bool(reason) and (" quy tắc có hiệu lực " in reason or "kiến trúc " in reason)  # not a label: “… kiến trúc”


@pytest.mark.parametrize("architecture", ["quang-ngai-3.0", "nghe-an-1.0"])
@pytest.mark.parametrize("day", ["2020-01-01", "2025-06-01", "2026-05-01", "2026-09-01"])
def test_rules_as_of_lists_exactly_the_rules_a_check_on_that_day_evaluates(day, architecture):
    listed = json.loads(cqdt("rules", "--as-of", day, "--architecture", architecture, "--format", "json").stdout)
    listed_ids = {r["id"] for r in listed["rules"]}
    all_ids = {r["id"] for r in json.loads(cqdt("rules", "--format", "json").stdout)["rules"]}
    evaluated, out, refused = set(), set(), 0
    for plan in PLANS:
        run = cqdt(str(plan), "--as-of", day, "--architecture", architecture, "--format", "json")
        document = json.loads(run.stdout)["documents"][0]
        if document["verdict"] == "error":  # a day before the architecture took effect: nothing is evaluated
            assert run.returncode == 2 and not document["checks"]
            refused += 1
            continue
        for check in document["checks"]:
            if check["rule_id"] not in all_ids:
                continue
            reason = check.get("reason")
            if check["status"] != "not_applicable" or not reason or "loại hồ sơ" not in reason:
                (out if check["status"] == "not_applicable" and out_of_force(reason) else evaluated).add(check["rule_id"])
    if refused:
        assert refused == len(PLANS) and listed_ids == set()
        return
    assert evaluated | out == all_ids
    assert listed_ids == evaluated - out, (sorted(listed_ids ^ (evaluated - out)))
    assert listed["count"] == len(listed_ids)


@pytest.mark.slow
def test_a_large_batch_names_the_architecture_decision_with_one_process_or_several(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for i in range(70):  # above the threshold where workers start
        shutil.copy(EXAMPLES / "tthc-nang-cap.yaml", folder / f"plan-{i:02d}.yaml")
    reports = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"report-{jobs}.sarif"
        cqdt(str(folder), "--jobs", jobs, "--format", f"sarif:{out}", "--as-of", "2026-11-29")
        reports[jobs] = out.read_text(encoding="utf-8")
    assert reports["1"] == reports["2"]
    rules = json.loads(reports["2"])["runs"][0]["tool"]["driver"]["rules"]
    cited = json.dumps(rules, ensure_ascii=False)
    assert "1702/QĐ-UBND" in cited and "(quang-ngai-3.0)" in cited
