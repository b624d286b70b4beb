"""Findings and reports: the small frozen values every stage produces and every reporter reads.

Vocabulary (one word per concept, as in the code, the YAML and the output):
- a *rule* is one entry of the rule pack; a *check* is the pure function a rule names;
- a *violation* is what a check yields (a message's parameters and a path relative to its target);
- a *finding* is a failed (or waived) rule at one place: rule id, area, severity, message, location, path;
- a *check result* is the status of one rule on one target: pass, fail, not_applicable or error;
- a *report* is the findings and check results of every document, plus how the run was set up.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Union

PathT = tuple[Union[str, int], ...]

SEVERITIES = ("error", "warning", "info")
AREAS = ("connectivity", "ipv6", "security", "data_sharing", "rental", "architecture", "legal", "schema")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def format_path(path: PathT) -> str:
    """`('systems', 0, 'security')` → `systems[0].security` (the contract's path form)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENT.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{part!r}]"
    return out


def severity_rank(severity: str) -> int:
    """error 3, warning 2, info 1: higher is more severe."""
    return {"error": 3, "warning": 2, "info": 1}[severity]


def fails_at(severity: str, status: str, fail_on: str) -> bool:
    """Whether a finding fails its document at `--fail-on` (the one definition the verdict, the exit code and JUnit
    use). Waived findings never fail; `never` changes the exit code only, so a document is still judged at `error`."""
    threshold = "error" if fail_on == "never" else fail_on
    return status == "fail" and severity_rank(severity) >= severity_rank(threshold)


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file: 1-based line and column; 0 means the file as a whole."""

    file: str
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class Basis:
    """One legal basis of a rule, as shown with a finding."""

    instrument: str
    article: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    verified: bool
    source: str


@dataclass(frozen=True)
class Finding:
    """One failed rule at one place."""

    rule_id: str
    area: str
    severity: str
    message: str
    location: Location
    path: PathT
    basis: tuple[Basis, ...] = ()
    remediation: str = ""
    title: str = ""
    status: str = "fail"  # fail | waived
    deviation_requested: str | None = None  # the owner's stated reason, if the plan requests a deviation

    def sort_key(self) -> tuple:
        return (self.location, -severity_rank(self.severity), self.rule_id, self.path_text)

    @property
    def path_text(self) -> str:
        return format_path(self.path)


@dataclass(frozen=True)
class CheckResult:
    """The status of one rule on one target."""

    rule_id: str
    status: str  # pass | fail | not_applicable | error
    target: PathT = ()
    reason: str | None = None


@dataclass(frozen=True)
class Instrument:
    """A legal instrument in force on the report's date (for the header)."""

    name: str
    valid_from: dt.date | None
    verified: bool


@dataclass(frozen=True)
class RegimeFact:
    """A fact of the plan that decided which legal regime judged it, under a transitional article (NĐ 224 Điều 91,
    NĐ 331 Điều 39): the report names it, so a reader sees why an older instrument still applied."""

    field: str  # e.g. dates.investment_started
    value: dt.date
    regime: str  # the instrument kept
    basis: str  # the transitional article
    text: str  # the sentence, in the report's language


@dataclass(frozen=True)
class OperatorFile:
    """An architecture or rule-pack file the operator named instead of a bundled one: every report shows its path
    and sha256, so a reader can tell what the plans were judged with."""

    kind: str  # architecture | rules
    path: str
    sha256: str


@dataclass(frozen=True)
class ArchitectureInfo:
    """What a report says about the architecture used."""

    id: str
    title: str  # in the report's language
    decision: str
    date: dt.date
    issuer: str = ""  # who signed the decision, e.g. "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi"
    province: str = ""


@dataclass(frozen=True)
class DocumentResult:
    """Everything known about one input file after the run."""

    file: str
    verdict: str  # pass | fail | error
    findings: tuple[Finding, ...] = ()
    checks: tuple[CheckResult, ...] = ()
    as_of: dt.date | None = None
    as_of_source: str | None = None  # option | approved | submitted | today
    plan_name: str | None = None
    plan_kind: str | None = None
    owner: str | None = None
    error: str | None = None  # why the document could not be checked (verdict error)
    error_location: Location | None = None
    instruments: tuple[Instrument, ...] = ()
    architecture: ArchitectureInfo | None = None
    regime_facts: tuple[RegimeFact, ...] = ()  # facts that chose a transitional regime
    rules_evaluated: bool = False  # false when the plan's shape stopped the run before the rules

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity and f.status == "fail")

    def summary(self) -> dict[str, int]:
        return {
            "error": self.count("error"),
            "warning": self.count("warning"),
            "info": self.count("info"),
            "passed": sum(1 for c in self.checks if c.status == "pass"),
            "not_applicable": sum(1 for c in self.checks if c.status == "not_applicable"),
            "waived": sum(1 for f in self.findings if f.status == "waived"),
        }


@dataclass(frozen=True)
class RuleInfo:
    """What a report says about one rule of the run (for formats that list rules: SARIF, JUnit, HTML)."""

    id: str
    name: str
    area: str
    severity: str
    title: str
    rationale: str = ""
    remediation: str = ""
    basis: tuple[Basis, ...] = ()


@dataclass(frozen=True)
class Report:
    """The outcome of one run: every document, and how the run was set up."""

    documents: tuple[DocumentResult, ...]
    architecture: ArchitectureInfo | None
    lang: str = "vi"
    fail_on: str = "error"
    as_of_option: dt.date | None = None
    tool_version: str = ""
    rule_count: int = 0  # how many rules the run loaded (for reporters' provenance)
    rules: tuple[RuleInfo, ...] = ()  # every rule of the run, input rules (YAML-/SCHEMA-) first, in the report's language
    operator_files: tuple[OperatorFile, ...] = ()  # non-bundled architecture and rule-pack files, with their sha256

    def rule(self, rule_id: str) -> RuleInfo | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def exit_code(self) -> int:
        """0 nothing at or above --fail-on; 1 something is; 2 some document could not be checked."""
        if any(d.verdict == "error" for d in self.documents):
            return 2
        if self.fail_on == "never":
            return 0
        return 1 if any(d.verdict == "fail" for d in self.documents) else 0
