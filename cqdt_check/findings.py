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
from functools import lru_cache
from typing import TYPE_CHECKING, Union

from .records import field, record

if TYPE_CHECKING:  # a finding holds bases of the one Basis type (values.py); nothing here needs it at run time
    from .values import Basis

PathT = tuple[Union[str, int], ...]

AREAS = ("connectivity", "ipv6", "security", "data_sharing", "rental", "architecture", "legal", "schema")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@lru_cache(maxsize=4096)  # every check result of every document names its target: most are the same few paths
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


def fails_at(finding: Finding, fail_on: str) -> bool:
    """Whether a finding fails its document at `--fail-on` (the one definition the verdict, JUnit and the exit code
    use). Waived findings never fail; `never` changes the exit code only, so a document is still judged at `error`."""
    threshold = "error" if fail_on == "never" else fail_on
    return finding.status == "fail" and severity_rank(finding.severity) >= severity_rank(threshold)


def fails_run(finding: Finding, fail_on: str) -> bool:
    """Whether a finding makes the run exit 1: it fails its document, `--fail-on` is not `never`, and it is not in
    the `--baseline` report (baselined findings are shown and judged, but do not fail a CI run)."""
    return fail_on != "never" and not finding.baselined and fails_at(finding, fail_on)


@record(frozen=True, order=True)
class Location:
    """A place in a file: 1-based line and column; 0 means the file as a whole."""

    file: str
    line: int = 0
    column: int = 0


@record(frozen=True)
class DecisionNote:
    """The appraiser's decision on a finding (decisions.py): granted (the finding is waived), refused, or expired."""

    state: str  # granted | refused | expired (a granted decision past its expiry on the date judged: not applied)
    justification: str
    document_number: str
    document_date: dt.date
    decided_by: str  # "name, position, body", as the decision file wrote them
    expires: dt.date | None = None
    source: Location | None = None  # where the decision stands in its file


@record(frozen=True)
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
    # what the finding is about in the plan's own words (a system's or dataset's name, a cited instrument), for
    # readers who never see YAML paths (the written opinion); empty for the plan as a whole
    subject: str = ""
    decision: DecisionNote | None = None  # the appraiser's decision on this finding (--decisions)
    baselined: bool = False  # present in the --baseline report: shown, but does not fail the run

    def sort_key(self) -> tuple:
        return (self.location, -severity_rank(self.severity), self.rule_id, self.path_text)

    @property
    def path_text(self) -> str:
        return format_path(self.path)


@record(frozen=True)
class CheckResult:
    """The status of one rule on one target."""

    rule_id: str
    status: str  # pass | fail | not_applicable | error | not_evaluated (turned off by the run's rule selection)
    target: PathT = ()
    reason: str | None = None


@record(frozen=True)
class Instrument:
    """A legal instrument in force on the report's date (for the header)."""

    name: str
    valid_from: dt.date | None
    verified: bool


@record(frozen=True)
class RegimeFact:
    """A fact of the plan that decided which legal regime judged it, under a transitional article (NĐ 224 Điều 91,
    NĐ 331 Điều 39): the report names it, so a reader sees why an older instrument still applied."""

    field: str  # e.g. dates.investment_started
    value: dt.date
    regime: str  # the instrument kept
    basis: str  # the transitional article
    text: str  # the sentence, in the report's language


@record(frozen=True)
class OperatorFile:
    """An architecture or rule-pack file the operator named instead of a bundled one: every report shows its path
    and sha256, so a reader can tell what the plans were judged with."""

    kind: str  # architecture | rules
    path: str
    sha256: str


@record(frozen=True)
class ArchitectureInfo:
    """What a report says about the architecture used."""

    id: str
    title: str  # in the report's language
    decision: str
    date: dt.date
    issuer: str = ""  # who signed the decision, e.g. "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi"
    province: str = ""
    national: str = ""  # the national framework in force on the date judged, named for the report header
    national_citation: str = ""  # the same framework as a letter cites it: "Quyết định số … ngày … của … ban hành …"


@record(frozen=True)
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
    architecture_source: str | None = None  # option (--architecture) | plan (its architecture: field) | default
    regime_facts: tuple[RegimeFact, ...] = ()  # facts that chose a transitional regime
    rules_evaluated: bool = False  # false when the plan's shape stopped the run before the rules
    rules_off: tuple[str, ...] = ()  # rules turned off for this document (--ignore, a configuration): not evaluated

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity and f.status == "fail")

    def baselined(self) -> int:
        """Findings the --baseline report already had: shown and judged, but they do not fail the run. A finding the
        appraiser waived is counted as waived only (one finding, one reason it does not fail)."""
        return sum(1 for f in self.findings if f.baselined and f.status == "fail")

    def fails_run(self, fail_on: str) -> bool:
        """Whether this document makes the run exit 1 (the document's own verdict may still be "fail": a baselined
        finding, or --fail-on never, is judged but does not fail the run)."""
        return any(fails_run(f, fail_on) for f in self.findings)

    def summary(self) -> dict[str, int]:
        return {
            "error": self.count("error"),
            "warning": self.count("warning"),
            "info": self.count("info"),
            "passed": sum(1 for c in self.checks if c.status == "pass"),
            "not_applicable": sum(1 for c in self.checks if c.status == "not_applicable"),
            "waived": sum(1 for f in self.findings if f.status == "waived"),
        }


@record(frozen=True)
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


@record(frozen=True)
class StaleDecision:
    """A decision of a --decisions file that matched no finding of the run (why: decisions.STALE_REASONS)."""

    source: Location
    rule_id: str
    plan: str
    path: str | None
    reason: str  # no_finding | no_plan | hash_mismatch


def verdict_of(findings: tuple[Finding, ...] | list[Finding], checks: tuple[CheckResult, ...], fail_on: str) -> str:
    """error when a rule could not be evaluated; fail when a finding (not waived) is at or above --fail-on; else pass.

    --fail-on never changes the exit code only: a plan with errors is never reported as passing.
    """
    if any(c.status == "error" for c in checks):
        return "error"
    if any(fails_at(f, fail_on) for f in findings):
        return "fail"
    return "pass"


@record(frozen=True)
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
    stale_decisions: tuple[StaleDecision, ...] = ()  # --decisions entries that matched nothing
    baseline: str | None = None  # the --baseline report, when given
    config_file: str | None = None  # the configuration file in effect, named in every report's header
    config_named: bool = False  # True: named by the operator (--config); False: found by search in the checked folder

    def rule(self, rule_id: str) -> RuleInfo | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def exit_code(self) -> int:
        return Tally.of(self.documents, self.fail_on).exit_code()


@record(frozen=True)
class Row:
    """What a run keeps of a document once its own part of the reports is written: its line in the table of files,
    its counts, and why it could not be checked. Small, so that a batch of any size fits in memory."""

    file: str
    verdict: str
    counts: dict[str, int]  # DocumentResult.summary()
    error: str | None = None
    error_location: Location | None = None

    @classmethod
    def of(cls, doc: DocumentResult) -> Row:
        return cls(doc.file, doc.verdict, doc.summary(), doc.error, doc.error_location)

    def summary(self) -> dict[str, int]:
        return self.counts


@record
class Tally:
    """What a run knows of its documents as a whole, gathered one document at a time as they are checked: the rows,
    the first architecture used (the report's), every architecture and date judged, what makes the exit code."""

    fail_on: str = "error"
    documents: list[Row] = field(default_factory=list)
    architecture: ArchitectureInfo | None = None
    architectures: set[str] = field(default_factory=set)
    dates: set[dt.date] = field(default_factory=set)
    baselined: int = 0  # findings marked as already in the --baseline report
    fails: bool = False  # a finding fails the run (findings.fails_run)

    @classmethod
    def of(cls, documents: tuple[DocumentResult, ...] | list[DocumentResult], fail_on: str) -> Tally:
        tally = cls(fail_on)
        for doc in documents:
            tally.add(doc)
        return tally

    def add(self, doc: DocumentResult) -> None:
        self.count(*self.facts(doc, self.fail_on))

    @staticmethod
    def facts(doc: DocumentResult, fail_on: str) -> tuple[Row, ArchitectureInfo | None, dt.date | None, int, bool]:
        """What `count` needs of a document (small: a worker process sends this instead of the document)."""
        return Row.of(doc), doc.architecture, doc.as_of, doc.baselined(), doc.fails_run(fail_on)

    def count(self, row: Row, architecture: ArchitectureInfo | None, as_of: dt.date | None, baselined: int,
              fails: bool) -> None:
        """Count one document in, from its `facts`."""
        self.documents.append(row)
        if architecture is not None:
            self.architecture = self.architecture or architecture
            self.architectures.add(architecture.id)
        if as_of:
            self.dates.add(as_of)
        self.baselined += baselined
        self.fails = self.fails or fails

    def exit_code(self) -> int:
        """0 nothing at or above --fail-on; 1 something is; 2 some document could not be checked."""
        if any(d.verdict == "error" for d in self.documents):
            return 2
        return 1 if self.fails else 0
