"""The JUnit XML report (the Jenkins/GitLab dialect): one test suite per document, one test case per rule.

A rule's test case fails when it has a finding at or above --fail-on, so the pipeline's test view agrees with the
exit code; findings below the threshold and waived ones leave the case passing, written in its <system-out>.
Under --fail-on never (exit 0 whatever is found) errors still fail their cases, as they keep the verdict "fail".
Not applicable is <skipped>; a rule the tool could not evaluate, or a file it could not check, is <error>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from ..findings import CheckResult, DocumentResult, Finding, Report, RuleInfo, fails_at, severity_rank
from ..messages import say
from .common import cite, error_place, no_log_commands, place, printable


def render(report: Report, **_: Any) -> str:
    root = ET.Element("testsuites", name="cqdt-check")
    for doc in report.documents:
        root.append(_suite(doc, report))
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
        for rule in _rules(report, doc):
            suite.append(_case(rule, doc, report))
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
    if doc.as_of:
        values["as_of"] = doc.as_of.isoformat()
        values["as_of_source"] = doc.as_of_source or "today"
    if doc.plan_name:
        values["plan"] = doc.plan_name
    properties = ET.SubElement(suite, "properties")
    for name, value in values.items():
        ET.SubElement(properties, "property", name=name, value=_xml_text(value))


def _case(rule: RuleInfo, doc: DocumentResult, report: Report) -> ET.Element:
    lang = report.lang
    case = ET.Element("testcase", classname=f"cqdt.{rule.area}" if rule.area else "cqdt",
                      name=_xml_text(f"{rule.id} {rule.title}".strip()))
    findings = [f for f in doc.findings if f.rule_id == rule.id]
    checks = [c for c in doc.checks if c.rule_id == rule.id]
    errors = [c for c in checks if c.status == "error"]
    failing = [f for f in findings if fails_at(f.severity, f.status, report.fail_on)]
    others = [f for f in findings if f not in failing]
    if errors:
        reasons = "; ".join(say("check_crashed", lang, rule=rule.id, reason=c.reason or "") for c in errors)
        ET.SubElement(case, "error", message=_xml_text(reasons), type="check_crashed").text = _xml_text(reasons)
    elif failing:
        worst = max(failing, key=lambda f: severity_rank(f.severity))
        message = worst.message + (f" ({say('report.more_findings', lang, count=len(failing) - 1)})" if len(failing) > 1 else "")
        failure = ET.SubElement(case, "failure", message=_xml_text(message), type=worst.severity)
        failure.text = _xml_text("\n\n".join(_finding_text(f, lang) for f in failing))
    elif not findings and _not_applicable(checks, rule, doc):
        ET.SubElement(case, "skipped", message=_xml_text(_skip_reason(checks, doc, lang)))
    if others:
        head = say("report.below_fail_on", lang, fail_on=report.fail_on)
        ET.SubElement(case, "system-out").text = _xml_text("\n\n".join([head, *(_finding_text(f, lang) for f in others)]))
    return case


def _not_applicable(checks: list[CheckResult], rule: RuleInfo, doc: DocumentResult) -> bool:
    """Skipped: every target was not applicable, or the pack's rules never ran (the plan's shape stopped them)."""
    if checks:
        return all(c.status == "not_applicable" for c in checks)
    is_input_rule = rule.area == "schema"  # checked whenever the file loads, without check results of its own
    return not is_input_rule


def _skip_reason(checks: list[CheckResult], doc: DocumentResult, lang: str) -> str:
    if not checks:
        return say("report.not_evaluated" if not doc.rules_evaluated else "report.rule_not_run", lang)
    reasons = list(dict.fromkeys(c.reason for c in checks if c.reason))
    return "; ".join(reasons) or say("report.rule_not_run", lang)


def _finding_text(f: Finding, lang: str) -> str:
    lines = [f"{say('severity.' + f.severity, lang)} {f.rule_id} {place(f.location)}" + (f" {f.path_text}" if f.path else ""),
             _one_line(f.message)]
    lines += [f"{say('report.basis', lang)}: {cite(b, lang)}" for b in f.basis]
    if f.remediation:
        lines.append(f"{say('report.remediation', lang)}: {f.remediation}")
    if f.deviation_requested:
        label = say("deviation.granted" if f.status == "waived" else "deviation.note", lang)
        lines.append(f"{label}: {_one_line(f.deviation_requested)}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """Plan text quoted in a message stays on its line: a report printed in a CI log cannot start a log command."""
    return " ".join(text.splitlines())


def _xml_text(value: str | None) -> str:
    """Text XML 1.0 can hold (ElementTree escapes markup but writes control characters that no parser accepts), and
    that cannot start a CI log command when the report is printed in a job's log."""
    return no_log_commands(printable(value))
