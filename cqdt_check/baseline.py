"""`--baseline REPORT.json`: findings already in an earlier JSON report are listed, marked, and do not fail the run.

Vendors adopt the tool on an existing plan without fixing everything first; only findings absent from the baseline
(by the fingerprint of fingerprint.py: rule, file, YAML path, occurrence) fail. The file names must be given as they
were when the baseline was written (relative to the checkout, as in CI).
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import OsReason
from .findings import DocumentResult
from .fingerprint import document_fingerprints, fingerprint
from .messages import say
from .records import replace


class BaselineError(Exception):
    """The baseline cannot be read as a cqdt-check JSON report (exit 2)."""


def load_baseline(path: Path, lang: str = "vi") -> set[str]:
    """The fingerprints of every finding of a JSON report (`fingerprint`, or computed from rule, file and path for a
    report written before the field existed)."""

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        documents = data["documents"]
        prints: set[str] = set()
        for doc in documents:
            seen: dict[tuple[str, str], int] = {}
            for f in doc["findings"]:
                key = (f["rule_id"], f["path"])
                seen[key] = seen.get(key, 0) + 1
                prints.add(f.get("fingerprint") or fingerprint(f["rule_id"], doc["file"], f["path"], seen[key]))
        return prints
    except OSError as exc:
        raise BaselineError(say("baseline.unreadable", lang, file=path, reason=OsReason(exc))) from None
    except (ValueError, KeyError, TypeError) as exc:  # not JSON, or JSON of another shape
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else f"{type(exc).__name__}: {exc}"
        raise BaselineError(say("baseline.unreadable", lang, file=path, reason=reason)) from None


def mark_document(doc: DocumentResult, prints: set[str]) -> DocumentResult:
    """One document with the findings the baseline already had marked `baselined`."""
    marked = tuple(replace(f, baselined=True) if p in prints else f
                   for f, p in zip(doc.findings, document_fingerprints(doc), strict=False))
    return replace(doc, findings=marked) if marked != doc.findings else doc
