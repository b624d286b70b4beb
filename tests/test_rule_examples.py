"""Every rule's `example.fail` / `example.pass` (shown by `cqdt-check explain` and docs/rules.md) does what it says.

An example is a fragment of the rule's target: the plan, a system (also for integrations: `integrations: [...]`)
or the data-sharing section (datasets: `datasets: [...]`). It is set into the rule's realistic passing plan
(tests/fixtures/rules/<ID>/pass.yaml), replacing the keys it names; a part the passing example shows and the
failing one leaves out is left out of the failing plan. The failing plan must give the rule a finding, the
passing one a pass and no finding.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import FIXTURES, data_dir
from cqdt_check.rulepack import load_rule_pack

RULES = [loaded.rule for loaded in load_rule_pack([data_dir("rules")]).rules if loaded.rule.example]


def plan_with(rule, kind: str) -> dict:
    plan = yaml.safe_load((FIXTURES / "rules" / rule.id / "pass.yaml").read_text(encoding="utf-8"))
    shown = {"fail": rule.example.fail, "pass": rule.example.pass_}
    fragment = yaml.safe_load(shown[kind]) or {}
    other = yaml.safe_load(shown["pass" if kind == "fail" else "fail"]) or {}
    if rule.target == "plan":
        place = plan
    elif rule.target == "dataset":
        place = plan.setdefault("data_sharing", {})
    else:  # system, integration
        place = plan["systems"][0]
    if kind == "fail":
        for key in set(other) - set(fragment):
            place.pop(key, None)
    place.update(fragment)
    return plan


@pytest.mark.parametrize("kind", ["fail", "pass"])
@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_example(rule, kind, check, rule_architecture, tmp_path):
    path = tmp_path / f"{rule.id}-{kind}.yaml"
    path.write_text(yaml.safe_dump(plan_with(rule, kind), allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = check(path, architecture=rule_architecture(rule.id))
    assert result.rules_evaluated, [f.message for f in result.findings]
    statuses = {c.status for c in result.checks if c.rule_id == rule.id}
    findings = [f.message for f in result.findings if f.rule_id == rule.id]
    if kind == "fail":
        assert findings and "fail" in statuses, (statuses, path.read_text(encoding="utf-8"))
    else:
        assert statuses == {"pass"} and not findings, (statuses, findings)
