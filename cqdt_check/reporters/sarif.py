"""The SARIF 2.1.0 report: findings for code-scanning tools (GitHub code scanning, GitLab, IDE viewers).

One run; the driver lists every rule of the run; each finding is a result with its place in the file and its YAML
path; documents that could not be checked are tool-execution notifications and make the invocation unsuccessful.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from ..findings import DocumentResult, Finding, Location, Report, RuleInfo
from ..messages import say
from .common import cite, error_place

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
# The key of our fingerprint: bump the version if the recipe changes, so viewers do not mistake old for new.
FINGERPRINT_KEY = "cqdtFindingHash/v1"
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
        seen: dict[tuple[str, str], int] = {}
        for finding in doc.findings:
            # the same rule can fail twice at one path (ARCH-010 for two superseded frameworks): number them
            key = (finding.rule_id, finding.path_text)
            seen[key] = seen.get(key, 0) + 1
            results.append(_result(finding, doc, rule_index, artifacts, seen[key], lang))
    notifications = [n for doc in report.documents for n in _notifications(doc, rule_index, artifacts, lang)]
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


def _result(f: Finding, doc: DocumentResult, rule_index: dict[str, int], artifacts: dict[str, int], occurrence: int,
            lang: str) -> dict[str, Any]:
    message = f.message
    if f.deviation_requested and f.status != "waived":
        # an owner's request is not a suppression: only the appraiser grants it, so the result stays open
        message += f"\n{say('deviation.note', lang)}: {f.deviation_requested}"
    location: dict[str, Any] = {"physicalLocation": _physical(f.location, doc.file, artifacts)}
    if f.path:
        location["logicalLocations"] = [{"fullyQualifiedName": f.path_text}]
    out: dict[str, Any] = {"ruleId": f.rule_id}
    if f.rule_id in rule_index:
        out["ruleIndex"] = rule_index[f.rule_id]
    out.update({
        "level": _LEVEL[f.severity],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f.rule_id, doc.file, f.path_text, occurrence)},
        "properties": {"area": f.area, "severity": f.severity, "status": f.status,
                       "basis": [_basis(b) for b in f.basis], "remediation": f.remediation},
    })
    if f.status == "waived":
        out["suppressions"] = [{"kind": "external", "status": "accepted", "justification": f.deviation_requested or ""}]
    return out


def fingerprint(rule_id: str, file: str, path_text: str, occurrence: int) -> str:
    """Stable across runs, languages and edits elsewhere in the file: what failed, in which file, at which YAML path.

    Lines and messages are left out on purpose: a line shifts when anything above it changes, and a message changes
    with --lang and with the values it quotes; the occurrence tells apart two findings of one rule at one path.
    """
    key = "\0".join((rule_id, _uri(file), path_text, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


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


def _uri(file: str) -> str:
    """A file name as given, as a URI reference: `/` separators, percent-encoded (é → %C3%A9); absolute as file://."""
    path = PurePath(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix())


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
                       "asOfSource": d.as_of_source, "regimeFacts": [r.text for r in d.regime_facts],
                       "summary": d.summary()} for d in report.documents],
    }
