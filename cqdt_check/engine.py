"""The engine: one document through the pipeline — input problems, schema, typed plan, every rule — to a result.

For each rule and each of its targets the engine records pass, fail, not_applicable (with the reason) or
error (the check itself failed; the document's verdict becomes `error`). It adds the rule's id, area,
severity, legal basis in force on the run's date and remediation to each violation, and the place in the
file from the document's span table.
"""

from __future__ import annotations

import datetime as dt
import functools
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .architecture import Architecture
from .checks import CHECKS, RULE_ARTICLE, Cite, Context, Skip, Violation, get, matches, show
from .dates import in_window, vn
from .errors import ToolError
from .findings import (
    ArchitectureInfo,
    CheckResult,
    DocumentResult,
    Finding,
    Instrument,
    Location,
    PathT,
    RegimeFact,
    RuleInfo,
    format_path,
    severity_rank,
    verdict_of,
)
from .labels import field_label, value_label
from .legal import ARCHITECTURE_BASIS, LegalTime, instrument_key, window_text
from .loader import Limits, LoadError, SourceDocument, load_file
from .messages import say
from .model import Plan
from .records import field as record_field
from .records import record
from .rulepack import LoadedRule, RulePack
from .values import Basis

INPUT_RULES = {  # loader problem → (rule id, severity)
    "duplicate_key": ("YAML-001", "error"),
    "non_string_key": ("YAML-002", "error"),
    "complex_key": ("YAML-002", "error"),
    "merge_key": ("YAML-003", "error"),
    "alias": ("YAML-004", "warning"),
    "tag": ("YAML-005", "error"),
    "non_finite": ("YAML-006", "error"),
    "long_integer": ("YAML-007", "error"),
}


@record
class Settings:
    """How a run was asked to check: from the command line."""

    pack: RulePack
    architectures: Any  # callable: (ref or None) -> Architecture; raises ToolError
    as_of: dt.date | None = None
    lang: str = "vi"
    fail_on: str = "error"
    limits: Limits = Limits()
    today: dt.date | None = None
    _legal: dict[str, LegalTime] = record_field(default_factory=dict, repr=False)

    def legal_time(self, architecture: Architecture) -> LegalTime:
        """The pack's bases and windows resolved for this architecture, once per run (a run has one pack, and one
        architecture per id)."""
        legal = self._legal.get(architecture.id)
        if legal is None or legal.architecture is not architecture:
            legal = self._legal[architecture.id] = LegalTime(self.pack, architecture)
        return legal


def check_file(path: Path, display: str, settings: Settings, plan_schema: dict) -> DocumentResult:
    """Load and check one file; never raises for problems of the file itself."""
    try:
        doc = load_file(path, display, settings.limits)
    except LoadError as exc:
        return _error_result(display, exc.location, say(exc.code, settings.lang, **exc.params))
    return check_document(doc, settings, plan_schema)


def check_document(doc: SourceDocument, settings: Settings, plan_schema: dict) -> DocumentResult:
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .schema import validate

    lang = settings.lang
    findings = [_input_finding(doc, p, lang) for p in doc.problems]
    plan, errors = validate(doc, Plan, plan_schema)
    findings += [_schema_finding(doc, e, lang) for e in errors]
    if plan is not None:
        findings += _duplicate_system_ids(doc, plan, lang)
    if plan is None or any(f.severity == "error" and f.rule_id.startswith("SCHEMA") for f in findings):
        return _result(doc.path, findings, (), settings, plan_data=doc.data)
    ref = plan.architecture
    try:
        architecture = settings.architectures(ref)
    except LoadError as exc:
        return _error_result(doc.path, exc.location, say(exc.code, lang, **exc.params))
    except ToolError as exc:  # the named architecture cannot be used: the plan's field is the place
        location = exc.location
        if location is None or location.file == doc.path or not location.line:
            location = Location(doc.path, *doc.locate(("architecture",)))
        return _error_result(doc.path, location, exc.text(lang))
    as_of, source = choose_date(plan, settings)
    chosen_by = architecture_source(plan, settings)
    findings += _date_findings(doc, plan, settings.today or dt.date.today(), lang)
    legal = settings.legal_time(architecture)
    # A date can never switch the rules off: judged against an architecture not yet in force, or with no rule of the
    # pack in force on that day, the document could not be checked (exit 2), it does not pass.
    refusal = None
    if not legal.judgeable_on(as_of):
        refusal = say("date_before_architecture", lang, date=vn(as_of), source=say(f"as_of.{source}", lang),
                      architecture=architecture.id, decision=architecture.decision.number,
                      effective=vn(architecture.decision.effective))
    elif not any(legal.evaluated_on(r.rule.id, as_of) for r in settings.pack.rules):  # an empty pack included
        refusal = say("no_rule_in_force", lang, date=vn(as_of), source=say(f"as_of.{source}", lang),
                      architecture=architecture.id)
    if refusal is not None:
        place = Location(doc.path, *doc.locate(("dates", source))) if source in DATE_FIELDS else Location(doc.path)
        return DocumentResult(file=doc.path, verdict="error", error=refusal, error_location=place,
                              findings=tuple(sorted(findings, key=Finding.sort_key)), as_of=as_of, as_of_source=source,
                              plan_name=plan.name, plan_kind=plan.kind, owner=plan.owner.agency,
                              architecture=architecture_info(architecture, lang), architecture_source=chosen_by)
    facts: list[RegimeFact] = []
    ctx = Context(plan, architecture, as_of, lang, settings.pack.concepts, settings.pack.instruments, facts=facts)
    rule_findings, checks = evaluate(doc, plan, ctx, settings.pack, legal)
    findings += rule_findings
    return _result(doc.path, findings, tuple(checks), settings, plan=plan, architecture=architecture,
                   as_of=as_of, as_of_source=source, instruments=legal.instruments_in_force(as_of),
                   regime_facts=tuple(dict.fromkeys(facts)), architecture_source=chosen_by)


DATE_FIELDS = ("submitted", "approved")  # the plan's dates that can govern a check


def _date_findings(doc: SourceDocument, plan: Plan, today: dt.date, lang: str) -> list[Finding]:
    """A governing date after the run's today, or an approval before the submission: facts that cannot be true of
    a plan on an appraiser's desk, and would otherwise choose which law judges it."""
    dates = plan.dates
    if dates is None:
        return []
    out = []
    for name in DATE_FIELDS:
        value = getattr(dates, name)
        if value is not None and value > today:
            path = ("dates", name)
            out.append(Finding("SCHEMA-003", "schema", "error",
                               say("date.future", lang, field=f"dates.{name}", date=vn(value), today=vn(today)),
                               Location(doc.path, *doc.locate(path)), path, basis=FORMAT_BASIS,
                               remediation=say("remedy.dates", lang), title=say("input.SCHEMA-003", lang)))
    if dates.approved is not None and dates.submitted is not None and dates.approved < dates.submitted:
        path = ("dates", "approved")
        out.append(Finding("SCHEMA-004", "schema", "error",
                           say("date.approved_before_submitted", lang, approved=vn(dates.approved),
                               submitted=vn(dates.submitted)),
                           Location(doc.path, *doc.locate(path)), path, basis=FORMAT_BASIS,
                           remediation=say("remedy.dates", lang), title=say("input.SCHEMA-004", lang)))
    return out


def choose_date(plan: Plan, settings: Settings) -> tuple[dt.date, str]:
    """--as-of, else the approval date, else the submission date, else today."""
    if settings.as_of:
        return settings.as_of, "option"
    if plan.dates and plan.dates.approved:
        return plan.dates.approved, "approved"
    if plan.dates and plan.dates.submitted:
        return plan.dates.submitted, "submitted"
    return settings.today or dt.date.today(), "today"


def architecture_source(plan: Plan, settings: Settings) -> str:
    """Who chose the architecture: the operator (--architecture), the plan's own `architecture:` field (a bundled id
    the party being judged picked), or the default when neither names one."""
    if getattr(settings.architectures, "override", None) is not None:
        return "option"
    return "plan" if plan.architecture else "default"


def evaluate(doc: SourceDocument, plan: Plan, ctx: Context, pack: RulePack,
             legal: LegalTime) -> tuple[list[Finding], list[CheckResult]]:
    """Run every rule of the pack on its targets."""
    findings: list[Finding] = []
    results: list[CheckResult] = []
    fixed = _fixed_reasons(pack, ctx, legal)
    targets_of: dict[str, list[tuple[PathT, Any, Any]]] = {}
    contexts: dict[int, Context] = {}  # one per system: checks of an integration read the system it belongs to
    for loaded in pack.rules:
        rule = loaded.rule
        reason = _rule_not_applicable(loaded, plan, ctx, fixed, pack.exemptions)
        if reason:
            results.append(CheckResult(rule.id, "not_applicable", (), reason))
            continue
        targets = targets_of.get(rule.target)
        if targets is None:
            targets = targets_of[rule.target] = list(_targets(rule.target, plan))
        if not targets:
            what = {"system": "systems", "integration": "systems.integrations", "dataset": "data_sharing.datasets"}[rule.target]
            results.append(CheckResult(rule.id, "not_applicable", (), say(
                "na.no_targets", ctx.lang, what=f"“{field_label(Plan, what, ctx.lang)}”")))
            continue
        check = CHECKS[rule.check]
        when = rule.applies_when
        conditional = bool(when.target or when.target_any)
        unscoped = legal.unscoped(rule.id, ctx.as_of)  # the bases every target may cite, when none has a scope
        for path, target, system in targets:
            reason = _target_not_applicable(when, target, ctx.lang) if conditional else None
            if reason:
                results.append(CheckResult(rule.id, "not_applicable", path, reason))
                continue
            cited, reason = (unscoped, "") if unscoped is not None else _fitting_bases(rule.id, target, ctx, pack, legal)
            if not cited:  # every basis in force has a scope this target is outside of
                results.append(CheckResult(rule.id, "not_applicable", path, reason))
                continue
            local = ctx if system is None else contexts.get(id(system))
            if local is None:
                local = contexts[id(system)] = Context(ctx.plan, ctx.architecture, ctx.as_of, ctx.lang, ctx.concepts,
                                                       ctx.instruments, system, ctx.facts)
            try:
                outcome = list(check.function(target, loaded.options, local))
            except Exception as exc:  # a fault of the tool: report it, keep going, never pass
                results.append(CheckResult(rule.id, "error", path, f"{type(exc).__name__}: {exc}"))
                findings.append(Finding(
                    rule.id, rule.area, "error", say("check_crashed", ctx.lang, rule=rule.id, reason=f"{type(exc).__name__}: {exc}"),
                    Location(doc.path, *doc.locate(path)), path, title=rule.title.get(ctx.lang)))
                continue
            if not outcome:  # most targets pass
                results.append(CheckResult(rule.id, "pass", path))
                continue
            skips = [o for o in outcome if isinstance(o, Skip)]
            if skips:
                results.append(CheckResult(rule.id, "not_applicable", path, skips[0].reason))
                continue
            violations = [o for o in outcome if isinstance(o, Violation)]
            results.append(CheckResult(rule.id, "fail" if violations else "pass", path))
            findings.extend(_finding(doc, loaded, path, target, system, v, ctx, legal, cited) for v in violations)
    return findings, results


# The reasons a rule is not applicable that depend only on the rule, the architecture and the date (not on the plan),
# computed once per LegalTime (one pack and one architecture), date and language instead of once per plan. A batch
# judges its plans on hundreds of dates (each plan's approval day), so what does not depend on the date — the elements
# and bases the architecture lacks, the sentence naming each rule's window — is made once per language (_TIMELESS),
# and a new date only asks which rules are in force (_DATED; its sentence names the date, so it cannot be shared).
# Keyed by the LegalTime object itself, so a freed one never lends its entries.
_TIMELESS: weakref.WeakKeyDictionary[LegalTime, dict[str, dict[str, tuple[str | None, str]]]] = weakref.WeakKeyDictionary()
_DATED: weakref.WeakKeyDictionary[LegalTime, dict[tuple[dt.date, str], dict[str, str | None]]] = weakref.WeakKeyDictionary()
DATES_KEPT = 1024  # plans choose their dates: the table of dated reasons must not grow without bound


def _fixed_reasons(pack: RulePack, ctx: Context, legal: LegalTime) -> dict[str, str | None]:
    dated = _DATED.setdefault(legal, {})
    key = (ctx.as_of, ctx.lang)
    reasons = dated.get(key)
    if reasons is None:
        per_lang = _TIMELESS.setdefault(legal, {})
        timeless = per_lang.get(ctx.lang)
        if timeless is None:
            timeless = per_lang[ctx.lang] = {
                loaded.rule.id: (_timeless_reason(loaded, ctx.architecture, ctx.lang, legal),
                                 window_text(legal.windows[loaded.rule.id], ctx.lang)) for loaded in pack.rules}
        if len(dated) >= DATES_KEPT:
            dated.clear()
        day = vn(ctx.as_of)
        reasons = dated[key] = {
            rule_id: reason if legal.in_force(rule_id, ctx.as_of) else say("na.window", ctx.lang, date=day, window=window)
            for rule_id, (reason, window) in timeless.items()}
    return reasons


def _rule_not_applicable(loaded: LoadedRule, plan: Plan, ctx: Context, fixed: dict[str, str | None],
                         exemptions: dict[str, Any]) -> str | None:
    rule = loaded.rule
    when = rule.applies_when
    if when.kind and plan.kind not in when.kind:  # the most telling reason first
        return _kind_reason(plan.kind, ctx.lang)
    reason = fixed[rule.id]
    if reason:
        return reason
    for name in rule.exempt:  # a case the law exempts (NĐ 224/2026 Điều 37 khoản 1: renting an available service)
        exemption = exemptions[name]
        if in_window(ctx.as_of, exemption.valid_from, exemption.valid_to) and all(
                (v := get(plan, f)) is not MISSING_VALUE and matches(v, c) for f, c in exemption.when.items()):
            return exemption.reason.get(ctx.lang)
    for field, condition in when.plan.items():
        value = get(plan, field)
        if value is MISSING_VALUE or not matches(value, condition):
            return _when_reason(type(plan), field, value, ctx.lang)
    return None


@functools.lru_cache(maxsize=16)  # asked for most rules of every plan, and only two kinds exist
def _kind_reason(kind: str, lang: str) -> str:
    return say("na.kind", lang, value=value_label(Plan, "kind", kind, lang))


def _timeless_reason(loaded: LoadedRule, architecture: Architecture, lang: str, legal: LegalTime) -> str | None:
    """Why the rule is not applicable with this architecture on any day it is in force (an element or a basis the
    architecture lacks); None if it is."""
    rule = loaded.rule
    for element in rule.requires:
        if not architecture.has(element):
            return say("na.architecture", lang, architecture=architecture.id, element=element)
    if not legal.bases[rule.id]:  # no basis speaks for this architecture (principles it lacks, other provinces' letters)
        principles = ", ".join(b.article or "" for b in rule.basis if b.instrument == ARCHITECTURE_BASIS)
        if not principles:
            return say("na.other_province", lang, architecture=architecture.id,
                       province=", ".join(sorted({b.province for b in rule.basis if b.province})))
        return say("na.architecture", lang, architecture=architecture.id, element=principles)
    return None


def _target_not_applicable(when, target: Any, lang: str) -> str | None:
    for field, condition in when.target.items():
        value = get(target, field)
        if value is MISSING_VALUE or not matches(value, condition):
            return _when_reason(type(target), field, value, lang)
    if when.target_any:
        for alternative in when.target_any:
            if all((v := get(target, f)) is not MISSING_VALUE and matches(v, c) for f, c in alternative.items()):
                return None
        fields = sorted({f for alt in when.target_any for f in alt})
        facts = [_fact(target, f, get(target, f), lang) for f in fields]
        return say("na.when", lang, field=facts[0]["field"], value="; ".join(
            [facts[0]["value"], *(f"{fact['field']}: {fact['value']}" for fact in facts[1:])]))
    return None


def _when_reason(model: type, field: str, value: Any, lang: str) -> str:
    """Why a target is outside a rule's conditions: its declared fact, in words. The same few facts recur on every
    plan, so the sentence for a plain value is made once."""
    if isinstance(value, list):  # cannot be remembered by value
        return _when_sentence.__wrapped__(model, field, "", value, lang)
    return _when_sentence(model, field, repr(value), value, lang)


@functools.lru_cache(maxsize=1024)
def _when_sentence(model: type, field: str, written: str, value: Any, lang: str) -> str:
    # `written` (the value's repr) keeps apart values Python finds equal: True and 1, 0.0 and -0.0
    return say("na.when", lang, **_fact_of(model, field, value, lang))


def _fact(target: Any, field: str, value: Any, lang: str) -> dict[str, str]:
    """A declared fact in the reader's words (labels.py), for a reason: the field's label and the value's."""
    return _fact_of(type(target), field, value, lang)


def _fact_of(model: type, field: str, value: Any, lang: str) -> dict[str, str]:
    return {"field": f"“{field_label(model, field, lang)}”",
            "value": _shown(value, lang) if value is MISSING_VALUE else value_label(model, field, value, lang) or "—"}


from .checks import MISSING as MISSING_VALUE  # noqa: E402  (one sentinel for checks and engine)


def _shown(value: Any, lang: str) -> str:
    if value is MISSING_VALUE:
        return "chưa khai báo" if lang == "vi" else "not declared"
    return show(value)


def _targets(kind: str, plan: Plan) -> Iterator[tuple[PathT, Any, Any]]:
    if kind == "plan":
        yield (), plan, None
    elif kind == "system":
        for i, system in enumerate(plan.systems):
            yield ("systems", i), system, system
    elif kind == "integration":
        for i, system in enumerate(plan.systems):
            for j, integration in enumerate(system.integrations):
                yield ("systems", i, "integrations", j), integration, system
    elif kind == "dataset" and plan.data_sharing:
        for k, dataset in enumerate(plan.data_sharing.datasets):
            yield ("data_sharing", "datasets", k), dataset, None


class _Params(dict):
    def __missing__(self, key: str) -> str:  # every placeholder was checked at load; this is a last guard
        return "{" + key + "}"


# A message quotes plan text to say which value is meant, not to copy it: past this many characters a quoted value
# is shortened (the plan keeps the whole value, and the finding's place points at it). Without a cap a 2 MB value
# would be copied into every report, and wrapping it in the text report takes seconds.
QUOTE_LIMIT = 300


def _quoted(value: Any) -> Any:
    if isinstance(value, str) and len(value) > QUOTE_LIMIT:
        return f"{value[:QUOTE_LIMIT]}… (+{len(value) - QUOTE_LIMIT})"
    return value


def _fitting_bases(rule_id: str, target: Any, ctx: Context, pack: RulePack, legal: LegalTime) -> tuple[tuple[Basis, ...], str]:
    """The bases a finding on this target may cite: in force on the date judged and within their scope; when none
    is, the reason the rule does not apply (the first scope that excluded a basis, with the declared fact)."""
    def outside(scope_id: str) -> tuple[Any, str, Any] | None:
        scope = pack.scopes[scope_id]
        for obj, conditions in ((ctx.plan, scope.plan), (target, scope.target)):
            for field, condition in conditions.items():
                value = get(obj, field)
                if value is not MISSING_VALUE and not matches(value, condition):
                    return obj, field, value
        return None

    kept, excluded = legal.fitting(rule_id, ctx.as_of, lambda scope_id: outside(scope_id) is None)
    if kept or not excluded:
        return kept, ""
    scope_id = excluded[0]
    obj, field, value = outside(scope_id) or (ctx.plan, "", "")
    names = ", ".join(dict.fromkeys(b.instrument for b in legal.bases[rule_id]))
    return (), say("na.basis_scope", ctx.lang, instrument=names, **_fact(obj, field, value, ctx.lang),
                   reason=pack.scopes[scope_id].reason.get(ctx.lang))


def _cited(cite: Cite, bases: tuple[Basis, ...]) -> Basis:
    """The provision a check says fired, with the rule's record of its instrument (dates, source) where the rule
    names it (same number and symbol), else the check's own record."""

    key = instrument_key(cite.instrument)
    for b in bases:
        if instrument_key(b.instrument) == key:
            article = b.article if cite.article == RULE_ARTICLE else cite.article
            return Basis.of(b.instrument, article, b.valid_from, b.valid_to, cite.verified, b.source)
    article = None if cite.article == RULE_ARTICLE else cite.article
    return Basis.of(cite.instrument, article, None, None, cite.verified, cite.source or "rule options")


def _finding(doc: SourceDocument, loaded: LoadedRule, target_path: PathT, target: Any, system: Any,
             v: Violation, ctx: Context, legal: LegalTime, cited: tuple[Basis, ...]) -> Finding:
    rule = loaded.rule
    lang = ctx.lang
    params = _Params(plan=ctx.plan.name, architecture=ctx.architecture.id)
    if system is not None:
        params.update(system=system.id, system_name=system.name)
    if rule.target == "integration":
        element = ctx.architecture.ids().get(target.target)
        params.update(target=target.target, target_name=element.name.get(lang) if element else target.target)
    if rule.target == "dataset":
        params["dataset"] = target.name
    params.update(v.params)
    path = (*target_path, *v.path)
    if v.missing is not None:
        subject = f"{say('subject.system', lang, system=system.id)}: " if system is not None else ""
        # the fact in the reader's words; its path is the finding's place, not part of the sentence
        named = ", ".join(f"“{field_label(type(target), f.strip(), lang)}”" for f in v.missing.split(","))
        message = f"{subject}{say('not_declared', lang, field=named)} — {rule.title.get(lang)}"
    else:
        message = rule.message.get(lang).format_map(_Params((k, _quoted(v)) for k, v in params.items()))
    in_force = tuple(_cited(c, legal.bases[rule.id]) for c in v.cites) if v.cites else cited
    severity = v.severity or rule.severity
    ceilings = legal.ceilings[rule.id]
    if not v.cites and ceilings:
        # cite what makes the finding as severe as it is: the bases that support the rule's severity when one fits,
        # else the weaker ones, at the severity they support
        strong = tuple(b for b in in_force if b not in ceilings)
        if strong:
            in_force = strong
        else:
            ceiling = max((ceilings[b] for b in in_force), key=severity_rank)
            if severity_rank(ceiling) < severity_rank(severity):
                severity = "info" if ceiling == "info" else "warning"
    if severity == "error" and not any(b.verified for b in in_force):
        severity = "warning"  # policy: an error needs a verified basis in force on the date judged
    line, column = doc.locate(path)
    requested = next((d.reason for d in ctx.plan.deviations
                      if d.rule == rule.id and (d.path is None or format_path(path).startswith(d.path))), None)
    return Finding(
        rule_id=rule.id, area=rule.area, severity=severity, message=message,
        location=Location(doc.path, line, column), path=path,
        basis=in_force,
        remediation=rule.remediation.get(lang), title=rule.title.get(lang), deviation_requested=requested,
        subject=_subject(ctx.plan, path, params, lang),
    )


def _subject(plan: Plan, path: PathT, params: dict, lang: str) -> str:
    """The plain name of what `path` is about: a system (or one of its connections), a dataset, a cited instrument."""
    if len(path) >= 2 and path[0] == "systems" and isinstance(path[1], int) and path[1] < len(plan.systems):
        name = plan.systems[path[1]].name
        if len(path) >= 4 and path[2] == "integrations" and "target_name" in params:
            return say("subject.integration", lang, system=name, target=params["target_name"])
        return name
    if path[:2] == ("data_sharing", "datasets") and len(path) >= 3 and plan.data_sharing is not None:
        index = path[2]
        if isinstance(index, int) and index < len(plan.data_sharing.datasets):
            return say("subject.dataset", lang, name=plan.data_sharing.datasets[index].name)
    if len(path) >= 2 and path[0] == "legal_basis" and isinstance(path[1], int) and path[1] < len(plan.legal_basis):
        return say("subject.instrument", lang, name=plan.legal_basis[path[1]])
    return ""


# Input and schema findings rest on the plan format itself (docs/plan-format.md), which the appraisal relies on.
FORMAT_BASIS = (Basis.of("Định dạng kế hoạch cqdt-plan/1", "schemas/plan.schema.json", None, None, True, "docs/plan-format.md"),)


INPUT_RULE_SEVERITY = {**{rule_id: severity for rule_id, severity in INPUT_RULES.values()},
                       "SCHEMA-001": "error", "SCHEMA-002": "error", "SCHEMA-003": "error", "SCHEMA-004": "error"}


def rule_catalogue(pack: RulePack, architecture: Architecture | None, lang: str) -> tuple[RuleInfo, ...]:
    """Every rule a run can report, input rules first, with bases resolved for the architecture in use."""
    kind = lambda rule_id: "schema" if rule_id.startswith("SCHEMA") else "input"  # noqa: E731
    out = [RuleInfo(rule_id, rule_id.lower(), "schema", severity, say(f"input.{rule_id}", lang),
                    say(f"rationale.{kind(rule_id)}", lang), say(f"remedy.{kind(rule_id)}", lang), FORMAT_BASIS)
           for rule_id, severity in sorted(INPUT_RULE_SEVERITY.items())]
    legal = LegalTime(pack, architecture) if architecture is not None else None
    for loaded in pack.rules:
        rule = loaded.rule
        # without one architecture for the whole run (none, or several in a folder), the decision is named generically
        basis = legal.bases[rule.id] if legal is not None else tuple(
            Basis.of(say("basis.architecture_in_use", lang), say("basis.principle", lang, principle=b.article) if b.article
                  else None, b.valid_from, b.valid_to, b.verified, b.source) if b.instrument == ARCHITECTURE_BASIS
            else Basis.of(b.instrument, b.article, b.valid_from, b.valid_to, b.verified, b.source) for b in rule.basis)
        out.append(RuleInfo(rule.id, rule.name, rule.area, rule.severity, rule.title.get(lang), rule.rationale.get(lang),
                            rule.remediation.get(lang), basis))
    return tuple(out)


def _input_finding(doc: SourceDocument, problem, lang: str) -> Finding:
    rule_id, severity = INPUT_RULES[problem.code]
    return Finding(rule_id, "schema", severity, say(problem.code, lang, **problem.params),
                   Location(doc.path, problem.line, problem.column), problem.path, basis=FORMAT_BASIS,
                   remediation=say("remedy.input", lang), title=say("schema.title", lang))


def _schema_finding(doc: SourceDocument, error, lang: str) -> Finding:
    line, column = doc.locate(error.path, key=error.key)
    return Finding("SCHEMA-001", "schema", "error", error.message(lang), Location(doc.path, line, column), error.path,
                   basis=FORMAT_BASIS, remediation=say("remedy.schema", lang), title=say("schema.title", lang))


def _duplicate_system_ids(doc: SourceDocument, plan: Plan, lang: str) -> list[Finding]:
    seen: dict[str, int] = {}
    out = []
    for i, system in enumerate(plan.systems):
        if system.id in seen:
            path = ("systems", i, "id")
            out.append(Finding("SCHEMA-002", "schema", "error",
                               say("schema.duplicate_id", lang, value=system.id, first=seen[system.id]),
                               Location(doc.path, *doc.locate(path)), path, basis=FORMAT_BASIS,
                               remediation=say("remedy.schema", lang), title=say("schema.title", lang)))
        else:
            seen[system.id] = i
    return out


def _result(file: str, findings: list[Finding], checks: tuple[CheckResult, ...], settings: Settings, *,
            plan: Plan | None = None, plan_data: Any = None, architecture: Architecture | None = None,
            as_of: dt.date | None = None, as_of_source: str | None = None,
            instruments: tuple[Instrument, ...] = (), regime_facts: tuple[RegimeFact, ...] = (),
            architecture_source: str | None = None) -> DocumentResult:
    findings = sorted(findings, key=Finding.sort_key)
    verdict = verdict_of(findings, checks, settings.fail_on)
    data = plan_data if isinstance(plan_data, dict) else {}
    return DocumentResult(
        file=file, verdict=verdict, findings=tuple(findings), checks=checks, as_of=as_of, as_of_source=as_of_source,
        plan_name=plan.name if plan else _text(data.get("name")),
        plan_kind=plan.kind if plan else _text(data.get("kind")),
        owner=plan.owner.agency if plan else _text((data.get("owner") or {}).get("agency") if isinstance(data.get("owner"), dict) else None),
        architecture=architecture_info(architecture, settings.lang, as_of) if architecture else None,
        architecture_source=architecture_source if architecture else None, instruments=instruments, regime_facts=regime_facts,
        rules_evaluated=plan is not None and architecture is not None,
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _error_result(file: str, location: Location, reason: str) -> DocumentResult:
    return DocumentResult(file=file, verdict="error", error=reason, error_location=location)


def architecture_info(architecture: Architecture, lang: str = "vi", day: dt.date | None = None) -> ArchitectureInfo:
    national = architecture.national.framework_on(day) if architecture.national and day else None
    named = citation = ""
    if national is not None:  # the national layer's data: which framework, by which decision, from when
        first = national.decisions[0]
        named = say("report.national_framework_binding" if national.binds_provinces else "report.national_framework_value",
                    lang, decision=first.number, date=vn(first.date), title=national.title.get(lang))
        citation = say("report.national_citation", lang, decision=first.number, date=vn(first.date),
                       issuer=first.issuer.get(lang) if first.issuer else "", title=national.title.get(lang))
    return ArchitectureInfo(architecture.id, architecture.title.get(lang), architecture.decision.number,
                            architecture.decision.date, architecture.decision.issuer.get(lang), architecture.province,
                            national=named, national_citation=citation)
