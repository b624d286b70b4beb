"""Every rule has a failing and a passing fixture; failing fixtures mark the lines a finding must point at.

`tests/fixtures/rules/<ID>/fail.yaml` marks each expected finding's line with `# expect: <ID>`;
`pass.yaml` must give the rule at least one `pass` and no `fail` or `error`. Both are realistic plans.
"""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, data_dir
from cqdt_check.rulepack import load_rule_pack

RULE_IDS = [loaded.rule.id for loaded in load_rule_pack([data_dir("rules")]).rules]
EXPECT = re.compile(r"#\s*expect:\s*([A-Z0-9 ,-]+)")


def expected_lines(path, rule_id: str) -> set[int]:
    lines = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = EXPECT.search(line)
        if match and rule_id in {part.strip() for part in match.group(1).split(",")}:
            lines.add(number)
    return lines


def test_every_rule_has_fixtures():
    missing = [r for r in RULE_IDS if not (FIXTURES / "rules" / r / "fail.yaml").is_file()
               or not (FIXTURES / "rules" / r / "pass.yaml").is_file()]
    assert not missing, f"rules without pass/fail fixtures: {missing}"


def checked(rule_id: str, kind: str, check, rule_architecture):
    """The fixture `<rule_id>/<kind>.yaml`, checked; its rules must have been evaluated."""
    path = FIXTURES / "rules" / rule_id / f"{kind}.yaml"
    if not path.is_file():
        pytest.fail(f"missing fixture {path}")
    result = check(path, architecture=rule_architecture(rule_id))
    assert result.rules_evaluated, f"{path}: {[f.message for f in result.findings]}"
    return path, result


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_fails_where_marked(rule_id, check, rule_architecture):
    path, result = checked(rule_id, "fail", check, rule_architecture)
    marked = expected_lines(path, rule_id)
    assert marked, f"{path} marks no line with '# expect: {rule_id}'"
    found = {f.location.line for f in result.findings if f.rule_id == rule_id}
    assert found == marked, [(f.location.line, f.message) for f in result.findings if f.rule_id == rule_id]
    for finding in (f for f in result.findings if f.rule_id == rule_id):
        assert finding.location.column >= 1 and finding.path and finding.basis and finding.remediation


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_passes(rule_id, check, rule_architecture):
    path, result = checked(rule_id, "pass", check, rule_architecture)
    statuses = [c.status for c in result.checks if c.rule_id == rule_id]
    assert "pass" in statuses, f"{rule_id} did not pass on {path}: {[(c.status, c.reason) for c in result.checks if c.rule_id == rule_id]}"
    assert "fail" not in statuses and "error" not in statuses
