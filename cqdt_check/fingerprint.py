"""The stable identity of a finding across runs: rule, file, YAML path and occurrence, never lines or wording.

SARIF's partialFingerprints, the JSON report's `fingerprint`, `--baseline` and `compare` all use this one recipe.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import PurePath
from urllib.parse import quote

from .findings import DocumentResult, Finding

# The key of our fingerprint: bump the version if the recipe changes, so viewers do not mistake old for new.
FINGERPRINT_KEY = "cqdtFindingHash/v1"


@lru_cache(maxsize=1024)  # asked once per finding, and a document has many
def uri(file: str) -> str:
    """A file name as given, as a URI reference: `/` separators, percent-encoded (é → %C3%A9); absolute as file://."""
    path = PurePath(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix())


def fingerprint(rule_id: str, file: str, path_text: str, occurrence: int) -> str:
    """Stable across runs, languages and edits elsewhere in the file: what failed, in which file, at which YAML path.

    Lines and messages are left out on purpose: a line shifts when anything above it changes, and a message changes
    with --lang and with the values it quotes; the occurrence tells apart two findings of one rule at one path.
    """
    key = "\0".join((rule_id, uri(file), path_text, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def identities(findings: tuple[Finding, ...] | list[Finding]) -> list[tuple[str, str, int]]:
    """(rule, path, occurrence) of each finding, in order: the same rule can fail twice at one path (ARCH-010 for
    two superseded frameworks), so they are numbered. Two revisions of a plan are compared on these."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for f in findings:
        key = (f.rule_id, f.path_text)
        seen[key] = seen.get(key, 0) + 1
        out.append((f.rule_id, f.path_text, seen[key]))
    return out


def document_fingerprints(doc: DocumentResult) -> list[str]:
    """The fingerprint of each finding of `doc`, in order."""
    return [fingerprint(rule, doc.file, path, n) for rule, path, n in identities(doc.findings)]
