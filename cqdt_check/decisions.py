"""The appraiser's decisions (`cqdt-decisions/1`): their model, loading them, and applying them to a run's findings.

A decisions file is owned by the appraising body, kept apart from the plan: nothing in a plan changes a verdict
(its `deviations` are requests only). Each decision names a rule, a plan (by name, optionally by the sha256 of the
file) and a YAML path (omitted: every place). On the appraisal date (`--as-of` when given, else today — not the
plan's own dates: a waiver is in force when it is relied on, whatever date chose the law):
- a granted decision in force makes the finding `waived` (shown, counted, never failing the run);
- a refused decision keeps the finding and is shown next to the owner's request;
- a granted decision past its `expires` date does not apply, and the finding says so;
- a decision that matched no finding is *stale* (a run-level notice), so decision files do not rot.
When several decisions match one finding, the one recorded in the latest document wins (a refusal on the same day).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from pathlib import Path
from typing import Literal

from .dates import IsoDate, vn
from .findings import (
    DecisionNote,
    DocumentResult,
    Finding,
    Location,
    StaleDecision,
    format_path,
    verdict_of,
)
from .loader import LoadError, load_file
from .messages import say
from .records import field, record, replace
from .resources import schema
from .schema import validate
from .shapes import ConfigDict, Field
from .values import Frozen

DECISIONS_SCHEMA_ID = "https://cqdt-check.github.io/schemas/decisions.schema.json"
RULE_PATTERN = r"^[A-Z][A-Z0-9]*-\d{3}$"
STALE_REASONS = ("no_finding", "no_plan", "hash_mismatch")


def _F(title: str, description: str, default=..., **kw):
    return Field(default, title=title, description=description, **kw)


class _Model(Frozen):
    """As the plan (values.Frozen): no silent coercion, and an unknown key is refused with its place, never dropped."""


class DecidedBy(_Model):
    name: str = _F("Người quyết định", "Họ và tên người ký quyết định.", min_length=1)
    position: str | None = _F("Chức vụ", "Chức vụ của người ký.", None)
    body: str = _F("Cơ quan", "Cơ quan thẩm định ban hành quyết định.", min_length=1)


class DecisionDocument(_Model):
    number: str = _F("Số, ký hiệu", "Số và ký hiệu văn bản ghi nhận quyết định, ví dụ 123/SKHCN-BCVT&CĐS.", min_length=1)
    date: IsoDate = _F("Ngày ban hành", "Ngày của văn bản (YYYY-MM-DD).")


class Decision(_Model):
    rule: str = _F("Quy tắc", "Mã quy tắc được quyết định, ví dụ IPV6-002.", pattern=RULE_PATTERN)
    plan: str = _F("Kế hoạch", "Tên kế hoạch/dự án đúng như trường `name` của tệp kế hoạch.", min_length=1)
    sha256: str | None = _F("Mã băm tệp", "Tuỳ chọn: SHA-256 của tệp kế hoạch được quyết định (64 ký tự hex); "
                            "tệp đã sửa thì quyết định không còn áp dụng.", None, pattern=r"^[0-9a-f]{64}$")
    path: str | None = _F("Vị trí", "Tuỳ chọn: đường dẫn YAML, ví dụ systems[0].network.ipv6; bỏ trống = mọi vị trí.",
                          None, min_length=1)
    decision: Literal["granted", "refused"] = _F("Quyết định", "granted (chấp thuận sai lệch) hoặc refused (không chấp thuận).")
    justification: str = _F("Lý do", "Lý do của cơ quan thẩm định.", min_length=1)
    decided_by: DecidedBy = _F("Người quyết định", "Người ký: họ tên, chức vụ, cơ quan.")
    document: DecisionDocument = _F("Văn bản", "Văn bản ghi nhận quyết định: số, ký hiệu và ngày.")
    expires: IsoDate | None = _F("Hết hạn", "Tuỳ chọn: sau ngày này quyết định không còn áp dụng (YYYY-MM-DD).", None)


class DecisionsFile(_Model):
    model_config = ConfigDict(
        title="Quyết định của cơ quan thẩm định (cqdt-decisions/1)",
        json_schema_extra={"$id": DECISIONS_SCHEMA_ID,
                           "description": "Các quyết định chấp thuận hoặc không chấp thuận sai lệch so với quy tắc, "
                           "do cơ quan thẩm định ghi nhận, tách khỏi hồ sơ kế hoạch."})

    format: Literal["cqdt-decisions/1"] = _F("Định dạng", "Phiên bản định dạng, luôn là cqdt-decisions/1.")
    decisions: list[Decision] = _F("Quyết định", "Danh sách quyết định.", [])


class DecisionsError(Exception):
    """A decisions file that cannot be used (exit 2): the message names file, line and column."""

    def __init__(self, location: Location, message: str) -> None:
        super().__init__(message)
        self.location = location
        self.message = message

    def __str__(self) -> str:
        loc = self.location
        return loc.file + (f":{loc.line}:{loc.column}" if loc.line else "") + f": {self.message}"


@record(frozen=True)
class LoadedDecision:
    decision: Decision
    location: Location


def load_decisions(path: Path, known_rules: set[str], lang: str = "vi") -> list[LoadedDecision]:
    """Read, validate and locate one decisions file; DecisionsError for anything that would make it mean less."""

    try:
        doc = load_file(path)
    except LoadError as exc:
        raise DecisionsError(exc.location, say(exc.code, lang, **exc.params)) from None
    if doc.problems:  # a duplicate key or an alias would let the file say two things
        p = doc.problems[0]
        raise DecisionsError(Location(str(path), p.line, p.column), say(p.code, lang, **p.params))
    model, errors = validate(doc, DecisionsFile, schema("decisions.schema.json"))
    if model is None:
        e = errors[0]
        where = format_path(e.path)
        raise DecisionsError(Location(str(path), *doc.locate(e.path, key=e.key)),
                             (f"{where}: " if where else "") + e.message(lang))
    out = []
    for index, decision in enumerate(model.decisions):
        place = Location(str(path), *doc.locate(("decisions", index)))
        if decision.rule not in known_rules:
            import difflib

            close = difflib.get_close_matches(decision.rule, sorted(known_rules), n=1)
            rule_place = Location(str(path), *doc.locate(("decisions", index, "rule")))
            raise DecisionsError(rule_place, say("decisions.unknown_rule", lang, rule=decision.rule,
                                                 hint=say("schema.hint", lang, suggestion=close[0]) if close else ""))
        out.append(LoadedDecision(decision, place))
    return out


def _same_name(a: str | None, b: str) -> bool:
    """Plan names compared as people read them: Unicode-normalised, spaces collapsed, case kept."""
    def norm(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).split())

    return a is not None and norm(a) == norm(b)


def _covers(decision_path: str | None, finding_path: str) -> bool:
    """Omitted: every place; else the path itself or anything below it (`systems[0]` covers `systems[0].network`)."""
    if decision_path is None:
        return True
    p = decision_path.strip()
    return finding_path == p or finding_path.startswith((p + ".", p + "["))


def file_sha256(file: str) -> str | None:
    try:
        return hashlib.sha256(Path(file).read_bytes()).hexdigest()
    except OSError:
        return None


def _note(loaded: LoadedDecision, state: str) -> DecisionNote:
    d = loaded.decision
    who = ", ".join(x for x in (d.decided_by.name, d.decided_by.position, d.decided_by.body) if x)
    return DecisionNote(state, d.justification, d.document.number, d.document.date, who, d.expires, loaded.location)


def apply_decisions(documents: list[DocumentResult], decisions: list[LoadedDecision], fail_on: str,
                    on: dt.date) -> tuple[list[DocumentResult], tuple[StaleDecision, ...]]:
    """Each document with the decisions in force `on` the appraisal date that match its findings applied (verdicts
    recomputed), and the stale ones."""
    if not decisions:
        return documents, ()
    usage = DecisionUsage()
    out = [decide_document(doc, decisions, fail_on, usage, on) for doc in documents]
    return out, stale_decisions(decisions, usage)


@record
class DecisionUsage:
    """Which decisions (by their index in the loaded list) a run's documents used, named a plan of, or failed the
    file's hash of: what tells the stale ones apart once every document is judged (documents may be judged in
    worker processes; their usages are merged)."""

    used: set[int] = field(default_factory=set)
    plan_seen: set[int] = field(default_factory=set)
    hash_mismatch: set[int] = field(default_factory=set)

    def merge(self, other: DecisionUsage) -> None:
        self.used |= other.used
        self.plan_seen |= other.plan_seen
        self.hash_mismatch |= other.hash_mismatch


def decide_document(doc: DocumentResult, decisions: list[LoadedDecision], fail_on: str,
                    usage: DecisionUsage, on: dt.date) -> DocumentResult:
    """One document with the decisions in force `on` the appraisal date that match its findings applied (verdict
    recomputed); `usage` records which decisions it used."""
    hashes: dict[str, str | None] = {}
    mine = []
    for i, loaded in enumerate(decisions):
        d = loaded.decision
        if not _same_name(doc.plan_name, d.plan):
            continue
        usage.plan_seen.add(i)
        if d.sha256 is not None:
            if doc.file not in hashes:
                hashes[doc.file] = file_sha256(doc.file)
            if hashes[doc.file] != d.sha256:
                usage.hash_mismatch.add(i)
                continue
        mine.append((i, loaded))
    if not mine:
        return doc
    findings = []
    for f in doc.findings:
        matching = [(i, ld) for i, ld in mine if ld.decision.rule == f.rule_id and _covers(ld.decision.path, f.path_text)]
        usage.used.update(i for i, _ in matching)
        findings.append(_decide(f, [ld for _, ld in matching], on))
    verdict = doc.verdict if doc.verdict == "error" else verdict_of(findings, doc.checks, fail_on)
    return replace(doc, findings=tuple(findings), verdict=verdict)


def stale_decisions(decisions: list[LoadedDecision], usage: DecisionUsage) -> tuple[StaleDecision, ...]:
    """The decisions no document used, each with why (decisions.STALE_REASONS)."""
    stale = []
    for i, loaded in enumerate(decisions):
        if i in usage.used:
            continue
        reason = "no_plan" if i not in usage.plan_seen else "hash_mismatch" if i in usage.hash_mismatch else "no_finding"
        d = loaded.decision
        stale.append(StaleDecision(loaded.location, d.rule, d.plan, d.path, reason))
    return tuple(stale)


def _decide(f: Finding, matching: list[LoadedDecision], on: dt.date) -> Finding:
    if not matching:
        return f
    in_force = [ld for ld in matching if not (ld.decision.expires and ld.decision.expires < on)]
    if not in_force:  # every matching decision expired before the appraisal date: none applies, and the report says so
        latest = max(matching, key=lambda ld: ld.decision.document.date)
        return replace(f, decision=_note(latest, "expired"))
    # the latest document wins; on the same day a refusal outweighs a grant
    chosen = max(in_force, key=lambda ld: (ld.decision.document.date, ld.decision.decision == "refused"))
    if chosen.decision.decision == "granted":
        return replace(f, status="waived", decision=_note(chosen, "granted"))
    return replace(f, decision=_note(chosen, "refused"))


def known_rule_ids(pack) -> set[str]:
    """The rule ids a decision may name: the rule pack's (the plan format's own checks cannot be waived)."""
    return {loaded.rule.id for loaded in pack.rules}


def decision_label(state: str, lang: str) -> str:
    return say(f"decision.{state}", lang)


def decision_text(note: DecisionNote, lang: str) -> str:
    """`Lý do — văn bản 123/SKHCN ngày 20/11/2026 (Nguyễn Văn A, Giám đốc, Sở …)`; with the expiry when there is one."""

    text = say("decision.text", lang, justification=note.justification, number=note.document_number,
               date=vn(note.document_date), who=note.decided_by)
    if note.expires:
        text += say("decision.expires" if note.state != "expired" else "decision.expired_on", lang, date=vn(note.expires))
    return text


def stale_text(stale: StaleDecision, lang: str) -> str:
    where = stale.path or say("decision.every_place", lang)
    return say(f"decision.stale.{stale.reason}", lang, rule=stale.rule_id, plan=stale.plan, path=where)
