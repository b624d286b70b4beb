"""The SARIF 2.1.0 report: findings for code-scanning tools (GitHub code scanning, GitLab, IDE viewers).

One run; the driver lists every rule of the run; each finding is a result with its place in the file and its YAML
path; documents that could not be checked are tool-execution notifications and make the invocation unsuccessful.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from ..decisions import decision_text, stale_text
from ..findings import DocumentResult, Finding, Location, Report, RuleInfo
from ..fingerprint import FINGERPRINT_KEY, document_fingerprints, fingerprint  # noqa: F401  (re-exported for tests)
from ..fingerprint import uri as _uri
from ..messages import say
from .common import cite, decision_dict, decision_lines, error_place

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(report: Report, **_: Any) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"


def as_dict(report: Report) -> dict[str, Any]:
    lang = report.lang
    rule_index = {rule.id: index for index, rule in enumerate(report.rules)}
    artifacts = {doc.file: index for index, doc in enumerate(report.documents)}
    results = []
    for doc in report.documents:
        for finding, print_ in zip(doc.findings, document_fingerprints(doc), strict=False):
            results.append(_result(finding, doc, rule_index, artifacts, print_, lang, report.baseline is not None))
    notifications = [n for doc in report.documents for n in _notifications(doc, rule_index, artifacts, lang)]
    notifications += [_stale(stale, rule_index, lang) for stale in report.stale_decisions]
    invocation: dict[str, Any] = {"executionSuccessful": not any(d.verdict == "error" for d in report.documents)}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "cqdt-check",
            "version": report.tool_version,
            "semanticVersion": report.tool_version,
            "language": lang,
            "rules": [_rule(rule, lang) for rule in report.rules],
        }},
        "invocations": [invocation],
        "artifacts": [{"location": _artifact_location(doc.file, artifacts), "sourceLanguage": "yaml"}
                      for doc in report.documents],
        "results": results,
        "language": lang,
        # libyaml counts columns in code points (a Vietnamese letter with its marks is one column), 1-based here
        "columnKind": "unicodeCodePoints",
        "properties": _run_properties(report),
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rule(rule: RuleInfo, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"id": rule.id, "name": rule.name, "shortDescription": {"text": rule.title}}
    if rule.rationale:
        out["fullDescription"] = {"text": rule.rationale}
    out["help"] = _help(rule, lang)
    out["defaultConfiguration"] = {"level": _LEVEL[rule.severity]}
    out["properties"] = {"area": rule.area, "tags": ["cqdt", rule.area], "severity": rule.severity,
                         "basis": [_basis(b) for b in rule.basis]}
    return out


def _help(rule: RuleInfo, lang: str) -> dict[str, str]:
    """How to fix, then the legal basis: as plain text and as Markdown (rule text escaped, so `_` stays `_`)."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .markdown import text as md

    plain, marked = [], []
    if rule.remediation:
        plain.append(f"{say('report.remediation', lang)}: {rule.remediation}")
        marked.append(f"**{say('report.remediation', lang)}:** {md(rule.remediation)}")
    if rule.basis:
        plain.append("\n".join([f"{say('report.basis', lang)}:", *(f"- {cite(b, lang)}" for b in rule.basis)]))
        marked.append("\n".join([f"**{say('report.basis', lang)}:**", "", *(f"- {md(cite(b, lang), starts_block=True)}" for b in rule.basis)]))
    return {"text": "\n\n".join(plain) or rule.title, "markdown": "\n\n".join(marked) or md(rule.title)}


def _basis(basis) -> dict[str, Any]:
    return {"instrument": basis.instrument, "article": basis.article, "verified": basis.verified,
            "validFrom": basis.valid_from.isoformat() if basis.valid_from else None,
            "validTo": basis.valid_to.isoformat() if basis.valid_to else None, "source": basis.source}


def _result(f: Finding, doc: DocumentResult, rule_index: dict[str, int], artifacts: dict[str, int], print_: str,
            lang: str, with_baseline: bool = False) -> dict[str, Any]:
    message = f.message
    if f.status != "waived":
        # an owner's request is not a suppression: only the appraiser grants it, so the result stays open
        message += "".join(f"\n{label}: {text}" for label, text in decision_lines(f, lang))
    location: dict[str, Any] = {"physicalLocation": _physical(f.location, doc.file, artifacts)}
    if f.path:
        location["logicalLocations"] = [{"fullyQualifiedName": f.path_text}]
    out: dict[str, Any] = {"ruleId": f.rule_id}
    if f.rule_id in rule_index:
        out["ruleIndex"] = rule_index[f.rule_id]
    properties: dict[str, Any] = {"area": f.area, "severity": f.severity, "status": f.status,
                                  "basis": [_basis(b) for b in f.basis], "remediation": f.remediation}
    if f.decision is not None:
        properties["decision"] = decision_dict(f.decision)
    out.update({
        "level": _LEVEL[f.severity],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: print_},
        "properties": properties,
    })
    if with_baseline:  # SARIF's own word for a result already known to the baseline
        out["baselineState"] = "unchanged" if f.baselined else "new"
    if f.status == "waived":
        justification = (decision_text(f.decision, lang) if f.decision is not None else f.deviation_requested) or ""
        out["suppressions"] = [{"kind": "external", "status": "accepted", "justification": justification}]
    return out


def _stale(stale, rule_index: dict[str, int], lang: str) -> dict[str, Any]:
    """A decision that matched nothing: a warning about the decisions file, not a result about the plan."""
    out: dict[str, Any] = {"level": "warning",
                           "message": {"text": f"{say('decision.stale_title', lang)}: {stale_text(stale, lang)}"},
                           "locations": [{"physicalLocation": _physical(stale.source, stale.source.file, {})}],
                           "associatedRule": {"id": stale.rule_id}}
    if stale.rule_id in rule_index:
        out["associatedRule"]["index"] = rule_index[stale.rule_id]
    return out


def _notifications(doc: DocumentResult, rule_index: dict[str, int], artifacts: dict[str, int], lang: str) -> list[dict]:
    if doc.verdict != "error":
        return []
    out = []
    if doc.error:
        out.append({"level": "error",
                    "message": {"text": f"{say('report.could_not_check', lang)}: {error_place(doc)}: {doc.error}"},
                    "locations": [{"physicalLocation": _physical(doc.error_location, doc.file, artifacts)}]})
    for check in doc.checks:
        if check.status == "error":  # a rule the tool could not evaluate: the tool's fault, named with its rule
            notification: dict[str, Any] = {
                "level": "error",
                "message": {"text": say("check_crashed", lang, rule=check.rule_id, reason=check.reason or "")},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact_location(doc.file, artifacts)}}],
                "associatedRule": {"id": check.rule_id},
            }
            if check.rule_id in rule_index:
                notification["associatedRule"]["index"] = rule_index[check.rule_id]
            out.append(notification)
    return out


def _physical(location: Location | None, file: str, artifacts: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {"artifactLocation": _artifact_location(location.file if location else file, artifacts)}
    if location and location.line >= 1:  # line 0 is the file as a whole: SARIF regions start at line 1
        region = {"startLine": location.line}
        if location.column >= 1:
            region["startColumn"] = location.column
        out["region"] = region
    return out


def _artifact_location(file: str, artifacts: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {"uri": _uri(file)}
    if not PurePath(file).is_absolute():
        out["uriBaseId"] = SOURCE_ROOT  # relative to where the run started: the checkout, in CI
    if file in artifacts:
        out["index"] = artifacts[file]
    return out


def _run_properties(report: Report) -> dict[str, Any]:
    arch = report.architecture
    return {
        "architecture": None if arch is None else {"id": arch.id, "title": arch.title, "decision": arch.decision,
                                                   "date": arch.date.isoformat()},
        "asOf": report.as_of_option.isoformat() if report.as_of_option else None,
        "failOn": report.fail_on,
        "exitCode": report.exit_code(),
        "operatorFiles": [{"kind": f.kind, "path": f.path, "sha256": f.sha256} for f in report.operator_files],
        "documents": [{"file": d.file, "verdict": d.verdict, "asOf": d.as_of.isoformat() if d.as_of else None,
                       "asOfSource": d.as_of_source, "architectureSource": d.architecture_source, "regimeFacts": [r.text for r in d.regime_facts],
                       "summary": d.summary(), **({"rulesOff": list(d.rules_off)} if d.rules_off else {})}
                      for d in report.documents],
        **({"config": {"file": report.config_file, "foundBy": "option" if report.config_named else "search"}}
           if report.config_file else {}),
    }
