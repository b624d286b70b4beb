"""The JUnit XML report (the Jenkins/GitLab dialect): one test suite per document, one test case per rule.

A rule's test case fails when it has a finding at or above --fail-on, so the pipeline's test view agrees with the
exit code; findings below the threshold (and waived ones beside failing ones) are written in its <system-out>.
Under --fail-on never (exit 0 whatever is found) errors still fail their cases, as they keep the verdict "fail".
Not applicable is <skipped>, and so is a rule whose every finding was waived by the appraiser (with the decision as
the reason); a rule the tool could not evaluate, or a file it could not check, is <error>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from ..findings import CheckResult, DocumentResult, Finding, Report, RuleInfo, fails_at, severity_rank
from ..messages import say
from .common import (
    capped,
    cite,
    decision_lines,
    error_place,
    no_log_commands,
    omitted_note,
    operator_file_text,
    place,
    printable,
    run_notices,
)


def render(report: Report, **_: Any) -> str:
    root = ET.Element("testsuites", name="cqdt-check")
    for doc in report.documents:
        root.append(_suite(doc, report))
    notices = run_notices(report)
    if notices:  # about the run, not a plan: one suite whose cases are skipped, so nothing fails for them
        suite = ET.SubElement(root, "testsuite", name="cqdt-check", tests="0", failures="0", errors="0", skipped="0")
        for title, lines in notices:
            for line in lines:
                case = ET.SubElement(suite, "testcase", classname="cqdt.run", name=_xml_text(title))
                ET.SubElement(case, "skipped", message=_xml_text(line))
        suite.set("tests", str(len(suite)))
        suite.set("skipped", str(len(suite)))
    for counter in ("tests", "failures", "errors", "skipped"):
        root.set(counter, str(sum(int(suite.get(counter, "0")) for suite in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(doc: DocumentResult, report: Report) -> ET.Element:
    lang = report.lang
    suite = ET.Element("testsuite", name=_xml_text(doc.file))
    _properties(suite, doc, report)
    if doc.error is not None:
        # nothing was checked: one case that says where and why, so the file does not silently vanish from the view
        case = ET.SubElement(suite, "testcase", classname="cqdt.schema", name=say("report.could_not_check", lang))
        why = _xml_text(f"{error_place(doc)}: {doc.error}")
        ET.SubElement(case, "error", message=why, type="could_not_check").text = why
    if doc.error is None or doc.checks or doc.findings:
        # grouped once per document: each case then reads only its own rule's findings and checks
        findings: dict[str, list[Finding]] = {}
        for f in doc.findings:
            findings.setdefault(f.rule_id, []).append(f)
        checks: dict[str, list[CheckResult]] = {}
        for c in doc.checks:
            checks.setdefault(c.rule_id, []).append(c)
        for rule in _rules(report, doc):
            suite.append(_case(rule, doc, report, findings.get(rule.id, []), checks.get(rule.id, [])))
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    suite.set("errors", str(sum(1 for c in cases if c.find("error") is not None)))
    suite.set("skipped", str(sum(1 for c in cases if c.find("skipped") is not None)))
    return suite


def _rules(report: Report, doc: DocumentResult) -> list[RuleInfo]:
    """The run's rules, and any rule the document names that the report does not list (a report built without its
    catalogue): a finding never goes missing from the test view."""
    known = {rule.id for rule in report.rules}
    extra: dict[str, RuleInfo] = {}
    for f in doc.findings:
        if f.rule_id not in known and f.rule_id not in extra:
            extra[f.rule_id] = RuleInfo(f.rule_id, f.rule_id.lower(), f.area, f.severity, f.title)
    for c in doc.checks:
        if c.rule_id not in known and c.rule_id not in extra:
            extra[c.rule_id] = RuleInfo(c.rule_id, c.rule_id.lower(), "", "info", "")
    return [*report.rules, *extra.values()]


def _properties(suite: ET.Element, doc: DocumentResult, report: Report) -> None:
    values = {"verdict": doc.verdict, "fail_on": report.fail_on}
    if doc.architecture:
        values["architecture"] = f"{doc.architecture.id} ({doc.architecture.decision})"
        values["architecture_source"] = doc.architecture_source or "default"
    if doc.as_of:
        values["as_of"] = doc.as_of.isoformat()
        values["as_of_source"] = doc.as_of_source or "today"
    if doc.plan_name:
        values["plan"] = doc.plan_name
    if report.config_file:
        values["config"] = report.config_file + ("" if report.config_named else " (found by search)")
    if doc.rules_off:
        values["rules_off"] = ", ".join(doc.rules_off)
    # repeated names, as JUnit readers allow: each fact that chose a transitional regime, each operator's file
    pairs = [*values.items(), *(("regime", fact.text) for fact in doc.regime_facts),
             *(("operator_file", operator_file_text(source)) for source in report.operator_files)]
    properties = ET.SubElement(suite, "properties")
    for name, value in pairs:
        ET.SubElement(properties, "property", name=name, value=_xml_text(value))


def _case(rule: RuleInfo, doc: DocumentResult, report: Report, findings: list[Finding],
          checks: list[CheckResult]) -> ET.Element:
    lang = report.lang
    case = ET.Element("testcase", classname=f"cqdt.{rule.area}" if rule.area else "cqdt",
                      name=_xml_text(f"{rule.id} {rule.title}".strip()))
    errors = [c for c in checks if c.status == "error"]
    failing: list[Finding] = []
    others: list[Finding] = []
    for f in findings:  # one pass: findings are values, so `f not in failing` would compare each with every other
        (failing if fails_at(f, report.fail_on) else others).append(f)
    if errors:
        reasons = "; ".join(say("check_crashed", lang, rule=rule.id, reason=c.reason or "") for c in errors)
        ET.SubElement(case, "error", message=_xml_text(reasons), type="check_crashed").text = _xml_text(reasons)
    elif failing:
        worst = max(failing, key=lambda f: severity_rank(f.severity))
        message = worst.message + (f" ({say('report.more_findings', lang, count=len(failing) - 1)})" if len(failing) > 1 else "")
        failure = ET.SubElement(case, "failure", message=_xml_text(message), type=worst.severity)
        failure.text = _xml_text(_listing(failing, lang))
    elif not findings and _not_applicable(checks, rule, doc):
        ET.SubElement(case, "skipped", message=_xml_text(_skip_reason(checks, doc, lang)))
    elif findings and all(f.status == "waived" for f in findings):  # granted by the appraiser: skipped, with why
        reasons = "; ".join(dict.fromkeys(_waived_reason(f, lang) for f in findings))
        ET.SubElement(case, "skipped", message=_xml_text(reasons), type="waived")
    if others:
        head = say("report.below_fail_on", lang, fail_on=report.fail_on)
        ET.SubElement(case, "system-out").text = _xml_text(head + "\n\n" + _listing(others, lang))
    return case


def _waived_reason(f: Finding, lang: str) -> str:
    # imported here, not at the top: only this path needs it (start-up stays light)
    from ..decisions import decision_text

    return f"{say('status.waived', lang)}: " + _one_line(decision_text(f.decision, lang) if f.decision else f.deviation_requested or "")


def _not_applicable(checks: list[CheckResult], rule: RuleInfo, doc: DocumentResult) -> bool:
    """Skipped: every target was not applicable, or the pack's rules never ran (the plan's shape stopped them)."""
    if checks:
        return all(c.status in ("not_applicable", "not_evaluated") for c in checks)  # turned off: skipped, not passed
    is_input_rule = rule.area == "schema"  # checked whenever the file loads, without check results of its own
    return not is_input_rule


def _skip_reason(checks: list[CheckResult], doc: DocumentResult, lang: str) -> str:
    if not checks:
        return say("report.not_evaluated" if not doc.rules_evaluated else "report.rule_not_run", lang)
    reasons = list(dict.fromkeys(c.reason for c in checks if c.reason))
    return "; ".join(reasons) or say("report.rule_not_run", lang)


def _listing(findings: list[Finding], lang: str) -> str:
    """The findings of one case, the first SHOWN_PER_RULE of them, then how many more (all of one rule)."""
    shown, omitted = capped(findings)
    return "\n\n".join([*(_finding_text(f, lang) for f in shown), *(omitted_note(o, lang) for o in omitted)])


def _finding_text(f: Finding, lang: str) -> str:
    lines = [f"{say('severity.' + f.severity, lang)} {f.rule_id} {place(f.location)}" + (f" {f.path_text}" if f.path else ""),
             _one_line(f.message)]
    lines += [f"{say('report.basis', lang)}: {cite(b, lang)}" for b in f.basis]
    if f.remediation:
        lines.append(f"{say('report.remediation', lang)}: {f.remediation}")
    lines += [f"{label}: {_one_line(value)}" for label, value in decision_lines(f, lang)]
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """Plan text quoted in a message stays on its line: a report printed in a CI log cannot start a log command."""
    return " ".join(text.splitlines())


def _xml_text(value: str | None) -> str:
    """Text XML 1.0 can hold (ElementTree escapes markup but writes control characters that no parser accepts), and
    that cannot start a CI log command when the report is printed in a job's log."""
    return no_log_commands(printable(value))
