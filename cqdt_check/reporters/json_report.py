"""The JSON report: the contract of docs/report-contract.md, field for field (fields are added, never renamed)."""

from __future__ import annotations

import json
from typing import Any

from ..findings import DocumentResult, Finding, Report, Tally, format_path
from ..fingerprint import document_fingerprints
from .common import decision_dict, stale_dict

# Indented output is for people reading a few plans; past this, the C encoder's compact form is several times faster.
INDENT_UP_TO = 50


def render(report: Report, **_: Any) -> str:
    """The whole report: the frame around every document (the same parts a streamed run writes)."""
    indent = indent_for(len(report.documents))
    head, tail = frame(report, Tally.of(report.documents, report.fail_on), indent)
    opening, between, closing = list_marks(indent, bool(report.documents))
    return head + opening + between.join(document(d, indent) for d in report.documents) + closing + tail


def indent_for(count: int) -> int | None:
    return 2 if count <= INDENT_UP_TO else None


def document(doc: DocumentResult, indent: int | None) -> str:
    """One document as it stands in the `documents` list (a worker process renders it beside the check)."""
    text = json.dumps(_document(doc), ensure_ascii=False, indent=indent)
    return text.replace("\n", "\n    ") if indent else text  # JSON strings hold no raw newline: only layout moves


def list_marks(indent: int | None, any_document: bool) -> tuple[str, str, str]:
    """What opens the `documents` list, goes between two documents, and closes it, as json.dumps lays a list out."""
    if not any_document:
        return "[", "", "]"
    return ("[\n    ", ",\n    ", "\n  ]") if indent else ("[", ", ", "]")


def frame(report: Report, tally: Tally, indent: int | None) -> tuple[str, str]:
    """The report before and after its `documents` list; `report` gives how the run was set up (its documents are
    not read: `tally` stands for them, so a streamed run can write the frame once every document is checked)."""
    text = json.dumps(as_dict(report, tally, documents=[]), ensure_ascii=False, indent=indent) + "\n"
    head, _, tail = text.partition('"documents": []')  # a key: a string in the JSON text never holds a bare quote
    return head + '"documents": ', tail


def as_dict(report: Report, tally: Tally | None = None, documents: list | None = None) -> dict[str, Any]:
    tally = tally or Tally.of(report.documents, report.fail_on)
    out = {
        "tool": {"name": "cqdt-check", "version": report.tool_version, "rules": report.rule_count},
        "architecture": _architecture(report.architecture),
        "as_of": _as_of(report, tally),
        "lang": report.lang,
        "fail_on": report.fail_on,
        "exit_code": tally.exit_code(),
        "operator_files": [{"kind": f.kind, "path": f.path, "sha256": f.sha256} for f in report.operator_files],
        "documents": [_document(d) for d in report.documents] if documents is None else documents,
        "stale_decisions": [stale_dict(s, report.lang) for s in report.stale_decisions],
        "baseline": report.baseline,
    }
    if report.config_file:  # the configuration in effect: named by the operator, or found in the checked folder
        out["config"] = {"file": report.config_file, "found_by": "option" if report.config_named else "search"}
    return out


def _architecture(arch) -> dict[str, Any] | None:
    if arch is None:
        return None
    return {"id": arch.id, "title": arch.title, "decision": arch.decision, "date": arch.date.isoformat(),
            "issuer": arch.issuer, "province": arch.province, "national_framework": arch.national or None}


def _as_of(report: Report, tally: Tally) -> str | None:
    if report.as_of_option:
        return report.as_of_option.isoformat()
    return next(iter(tally.dates)).isoformat() if len(tally.dates) == 1 else None


def _document(doc: DocumentResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "file": doc.file,
        "verdict": doc.verdict,
        "summary": doc.summary(),
        "plan": {"name": doc.plan_name, "kind": doc.plan_kind, "owner": doc.owner},
        "architecture": _architecture(doc.architecture),
        "as_of": doc.as_of.isoformat() if doc.as_of else None,
        "as_of_source": doc.as_of_source,
        "architecture_source": doc.architecture_source,
        "rules_evaluated": doc.rules_evaluated,
        "regime_facts": [{"field": r.field, "value": r.value.isoformat(), "regime": r.regime, "basis": r.basis,
                          "message": r.text} for r in doc.regime_facts],
        "instruments_in_force": [{"instrument": i.name, "verified": i.verified} for i in doc.instruments],
        "findings": [finding_dict(f, p) for f, p in zip(doc.findings, document_fingerprints(doc), strict=False)],
        "checks": [
            {"rule_id": c.rule_id, "status": c.status, "target": format_path(c.target), **({"reason": c.reason} if c.reason else {})}
            for c in doc.checks
        ],
    }
    if doc.rules_off:  # turned off by the run's rule selection: not evaluated, never counted as passed
        out["rules_off"] = list(doc.rules_off)
    if doc.error is not None:
        loc = doc.error_location
        out["error"] = {"message": doc.error, "file": doc.file,
                        "line": loc.line if loc else 0, "column": loc.column if loc else 0}
    return out


def finding_dict(f: Finding, fingerprint: str) -> dict[str, Any]:
    return {
        "rule_id": f.rule_id,
        "area": f.area,
        "severity": f.severity,
        "status": f.status,
        "title": f.title,
        "message": f.message,
        "file": f.location.file,
        "line": f.location.line,
        "column": f.location.column,
        "path": f.path_text,
        "basis": [
            {"instrument": b.instrument, "article": b.article, "verified": b.verified,
             "valid_from": b.valid_from.isoformat() if b.valid_from else None,
             "valid_to": b.valid_to.isoformat() if b.valid_to else None, "source": b.source}
            for b in f.basis
        ],
        "remediation": f.remediation,
        "deviation_requested": f.deviation_requested,
        "decision": decision_dict(f.decision) if f.decision else None,
        "baselined": f.baselined,
        "fingerprint": fingerprint,
    }
