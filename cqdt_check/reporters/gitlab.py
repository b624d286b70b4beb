"""The GitLab Code Quality report (a subset of the Code Climate issue format): one issue per finding, for the merge
request widget and the pipeline's Code Quality tab.

Fingerprints are SARIF's (rule, file, YAML path, occurrence — never lines or words), so an issue keeps its identity
across edits elsewhere in the file and across --lang. Waived findings are left out: GitLab has no way to show a
granted deviation, and an issue there reads as work to do. A document that could not be checked is one `blocker`.
"""

from __future__ import annotations

import json
from typing import Any

from ..findings import Report
from ..messages import say
from .sarif import fingerprint

# Code Climate severities: info, minor, major, critical, blocker.
SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
NOT_CHECKED = "cqdt-check/not-checked"


def render(report: Report, **_: Any) -> str:
    return json.dumps(issues(report), ensure_ascii=False, indent=2) + "\n"


def issues(report: Report) -> list[dict[str, Any]]:
    lang = report.lang
    out: list[dict[str, Any]] = []
    for doc in report.documents:
        if doc.verdict == "error" and doc.error:
            line = doc.error_location.line if doc.error_location and doc.error_location.line else 1
            out.append({"type": "issue", "check_name": NOT_CHECKED, "categories": ["Bug Risk"],
                        "description": f"{say('report.could_not_check', lang)}: {doc.error}",
                        "fingerprint": fingerprint(NOT_CHECKED, doc.file, "", 1), "severity": "blocker",
                        "location": {"path": doc.file, "lines": {"begin": line}}})
        seen: dict[tuple[str, str], int] = {}
        for f in doc.findings:
            key = (f.rule_id, f.path_text)
            seen[key] = seen.get(key, 0) + 1  # counted as SARIF counts them, waived ones included
            if f.status != "fail":
                continue
            out.append({
                "type": "issue", "check_name": f.rule_id, "categories": ["Compatibility"],
                "description": f"{f.rule_id} {f.message}",
                "content": {"body": f.remediation} if f.remediation else None,
                "fingerprint": fingerprint(f.rule_id, doc.file, f.path_text, seen[key]),
                "severity": SEVERITY[f.severity],
                "location": {"path": f.location.file or doc.file, "lines": {"begin": max(1, f.location.line)}},
            })
            if out[-1]["content"] is None:
                del out[-1]["content"]
    return out
