"""The closed set of checks rules can name, each a pure function with a validated options model.

A check receives its target (the plan, a system, an integration or a dataset), its options and the run's
context, and yields Violations: message parameters and a path relative to the target. It does no I/O and
keeps no state. A fact the check needs but the plan does not declare yields a `Missing` violation, so the
rule fails with "not declared" rather than passing by default. The engine adds everything else.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Iterator
from typing import Any, Callable, Literal

from .architecture import Architecture
from .dates import IsoDate, in_window, vn
from .findings import PathT, format_path
from .messages import say
from .records import field, record
from .shapes import Field, Model
from .textmatch import affirms, citation_key, cities_named, fold, mentions, provinces_named
from .values import Condition, Frozen, InstrumentEntry, Text

MISSING = object()
RULE_ARTICLE = "@rule"  # a Cite's article when the place is the one the rule's own basis for that instrument names


@record(frozen=True)
class Cite:
    """The provision that made a violation: the engine cites it (with the rule's record of that instrument) instead
    of the rule's whole list. `verified` is this provision's own status, which may differ from the instrument's."""

    instrument: str
    article: str | None
    verified: bool
    source: str | None = None  # where the check's own data records it, when the rule's bases do not name it


@record(frozen=True)
class Violation:
    """What a check found wrong, relative to its target."""

    path: PathT = ()
    params: dict[str, Any] = field(default_factory=dict)
    missing: str | None = None  # set when the fact is not declared: the field's path, for the message
    cites: tuple[Cite, ...] = ()  # the provisions that fired (a regime applied may be past its own end: transitions)
    severity: Literal["error", "warning", "info"] | None = None  # lower than the rule's when the provision says less


@record(frozen=True)
class Skip:
    """Yielded alone by a check whose rule does not concern this target; the reason is reported."""

    reason: str


Outcome = Violation | Skip  # what a check yields: violations, or a single Skip


@record(frozen=True)
class Context:
    """What checks may read besides their target."""

    plan: Any
    architecture: Architecture
    as_of: dt.date
    lang: str
    concepts: dict[str, tuple[str, ...]]
    instruments: tuple[InstrumentEntry, ...]
    system: Any = None  # the system an integration belongs to
    facts: list | None = None  # where a check records the fact that chose a transitional regime (RegimeFact)

    def note_transition(self, regime: str, basis: str | None, cutoff: dt.date, until: dt.date | None) -> None:
        """Record that dates.investment_started kept `regime` applying (the report names the deciding fact)."""
        if self.facts is None:
            return
        # imported here, not at the top: only this path needs it (start-up stays light)
        from .findings import RegimeFact

        started = self.plan.dates.investment_started
        basis = basis or "—"
        text = say("regime.transition", self.lang, date=vn(started), cutoff=vn(cutoff), regime=regime, basis=basis) + (
            say("regime.until", self.lang, until=vn(until)) if until else "")
        self.facts.append(RegimeFact("dates.investment_started", started, regime, basis, text))


class Options(Frozen):
    """The options a rule gives its check (validated when the rule pack loads)."""

    def concepts_used(self) -> list[str]:
        return []


def get(obj: Any, dotted: str) -> Any:
    """Follow a dotted field path through the typed plan; lists yield the list of their items' values."""
    if "." not in dotted and not isinstance(obj, list):  # most conditions name a field of the target itself
        value = getattr(obj, dotted, MISSING) if obj is not None else MISSING
        return MISSING if value is None else value
    current = obj
    for part in dotted.split("."):
        if isinstance(current, list):
            values = [get(item, part) for item in current]
            flat: list[Any] = []
            for v in values:
                if v is MISSING:
                    continue
                flat.extend(v if isinstance(v, list) else [v])
            current = flat
            continue
        current = getattr(current, part, MISSING) if current is not None else MISSING
        if current is None or current is MISSING:
            return MISSING
    return current


def matches(value: Any, condition: Condition) -> bool:
    """Whether a declared value satisfies a rule's condition (list values: any item)."""
    if isinstance(value, list):
        return any(matches(v, condition) for v in value)
    if isinstance(condition, list):
        return any(_equal(value, c) for c in condition)
    if isinstance(condition, Model):  # Range
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        return ((condition.gte is None or value >= condition.gte) and (condition.lte is None or value <= condition.lte)
                and (condition.gt is None or value > condition.gt))
    return _equal(value, condition)


def _equal(value: Any, expected: Any) -> bool:
    # bool is an int in Python: keep true from matching 1
    return type(value) is type(expected) and value == expected if isinstance(expected, bool) or isinstance(value, bool) else value == expected


def path_of(dotted: str) -> PathT:
    return tuple(dotted.split("."))


def show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"  # 48.0 hours reads as 48
    if isinstance(value, list):
        return ", ".join(show(v) for v in value) or "[]"
    return str(value)


# --- required ------------------------------------------------------------------------------------------


class RequiredOptions(Options):
    fields: list[str] = Field(min_length=1)
    """Dotted paths, relative to the target, that must be declared and non-empty."""


def required(target: Any, opts: RequiredOptions, ctx: Context) -> Iterator[Outcome]:
    """Every listed field is declared and not empty; fields missing from the same parent make one finding."""
    absent: dict[PathT, list[str]] = {}
    for name in opts.fields:
        value = get(target, name)
        if value is MISSING or value == [] or value == "":
            absent.setdefault(path_of(name)[:-1], []).append(name)
    for parent, names in absent.items():
        # not `missing=`: absence is this rule's own finding, told in its own message. Siblings are told
        # together because an absent field is located at its parent: separate findings would share one line.
        from .labels import field_label

        yield Violation(path_of(names[0]) if len(names) == 1 else parent, {
            "field": ", ".join(names), "field_label": ", ".join(f"“{field_label(type(target), n, ctx.lang)}”" for n in names)})


# --- field_value ---------------------------------------------------------------------------------------


class FieldValueOptions(Options):
    field: str
    allowed: list[bool | int | str] | None = None
    forbidden: list[bool | int | str] | None = None
    gte: float | None = None
    lte: float | None = None
    includes: list[str] | None = None
    """For a list field: every one of these values must be in it."""
    missing: Literal["fail", "pass"] = "fail"
    """What an undeclared field means: `fail` ("not declared"), or `pass` (two facts contradict each other only when
    both are declared)."""


def field_value(target: Any, opts: FieldValueOptions, ctx: Context) -> Iterator[Outcome]:
    """The field is declared and its value is allowed (in `allowed`, not in `forbidden`, within gte/lte)."""
    value = get(target, opts.field)
    if value is MISSING:
        if opts.missing == "fail":
            yield Violation(path_of(opts.field), {"field": opts.field}, missing=opts.field)
        return
    if opts.includes is not None:
        lacking = [i for i in opts.includes if i not in (value if isinstance(value, list) else [value])]
        if lacking:
            yield Violation(path_of(opts.field), {"field": opts.field, "value": show(value), "expected": show(lacking),
                                                  **_labels(target, opts.field, value, lacking, ctx.lang)})
        return
    values = value if isinstance(value, list) else [value]
    for v in values:
        bad = (
            (opts.allowed is not None and not any(_equal(v, a) for a in opts.allowed))
            or (opts.forbidden is not None and any(_equal(v, f) for f in opts.forbidden))
            or (opts.gte is not None and not (isinstance(v, (int, float)) and v >= opts.gte))
            or (opts.lte is not None and not (isinstance(v, (int, float)) and v <= opts.lte))
        )
        if bad:
            expected = show(opts.allowed) if opts.allowed is not None else (
                f"≥ {opts.gte:g}" if opts.gte is not None else f"≤ {opts.lte:g}" if opts.lte is not None
                else "≠ " + show(opts.forbidden))
            shown = _labels(target, opts.field, v, opts.allowed if opts.allowed is not None else opts.forbidden, ctx.lang)
            if opts.allowed is None:  # a bound in figures, or the refused values by their labels
                shown["expected_label"] = "≠ " + shown["expected_label"] if opts.forbidden is not None else expected
            yield Violation(path_of(opts.field), {"field": opts.field, "value": show(v), "expected": expected, **shown})
            return


def _labels(target: Any, dotted: str, value: Any, expected: Any, lang: str) -> dict[str, str]:
    """The field, its value and the values expected, in the reader's words (labels.py), for messages."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .labels import field_label, value_label

    model = type(target)
    return {"field_label": field_label(model, dotted, lang), "value_label": value_label(model, dotted, value, lang),
            "expected_label": " / ".join(value_label(model, dotted, e, lang) for e in expected)
            if isinstance(expected, list) else ""}


# --- field_mentions ------------------------------------------------------------------------------------


class FieldMentionsOptions(Options):
    field: str
    require: list[str] = Field(default_factory=list)
    """Concepts of which the text must mention each."""
    forbid: list[str] = Field(default_factory=list)
    """Concepts the text must not mention."""
    diacritics: Literal["strict", "insensitive"] = "insensitive"
    missing: Literal["fail", "pass"] = "fail"
    """What an undeclared field means: `fail` ("not declared"), or `pass` when only `forbid` matters."""
    require_decision: bool = False
    """The text must cite the number of the decision approving the architecture (e.g. 1702/QĐ-UBND)."""

    def concepts_used(self) -> list[str]:
        return self.require + self.forbid


def field_mentions(target: Any, opts: FieldMentionsOptions, ctx: Context) -> Iterator[Outcome]:
    """A free-text field mentions the required concepts and none of the forbidden ones."""
    value = get(target, opts.field)
    if value is MISSING or value == "" or value == []:
        if opts.missing == "fail":
            yield Violation(path_of(opts.field), {"field": opts.field}, missing=opts.field)
        return
    texts = value if isinstance(value, list) else [value]
    strict = opts.diacritics == "strict"
    for concept in opts.require:
        if not any(mentions(t, ctx.concepts[concept], strict) for t in texts):
            yield Violation(path_of(opts.field), {"field": opts.field, "concept": ctx.concepts[concept][0],
                                                   "text": _quote(" / ".join(texts))})
    if opts.require_decision:
        number = citation_key(ctx.architecture.decision.number)
        if not any(number in citation_key(t) for t in texts):
            yield Violation(path_of(opts.field), {"field": opts.field, "concept": ctx.architecture.decision.number,
                                                   "text": _quote(" / ".join(texts))})
    located = list(_located(target, path_of(opts.field)))
    for concept in opts.forbid:
        for where, text in located:
            found = mentions(text, ctx.concepts[concept], strict)
            if found:
                yield Violation(where, {"field": opts.field, "concept": found, "text": _quote(text)})


def _located(obj: Any, parts: PathT, at: PathT = ()) -> Iterator[tuple[PathT, str]]:
    """Each text a dotted path reaches, with its own path (items of lists on the way keep their index:
    `clauses.text` reaches clauses[2].text)."""
    if isinstance(obj, list):
        for index, item in enumerate(obj):
            yield from _located(item, parts, (*at, index))
        return
    if not parts:
        if isinstance(obj, str):
            yield at, obj
        return
    value = getattr(obj, str(parts[0]), None) if obj is not None else None
    if value is not None:
        yield from _located(value, parts[1:], (*at, parts[0]))


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- clause_mentions -----------------------------------------------------------------------------------


class ClauseMentionsOptions(Options):
    concepts: list[str] = Field(min_length=1)
    """Each concept must be mentioned by at least one clause."""
    topics: list[str] = Field(default_factory=list)
    """Only clauses tagged with one of these topics count (empty: every clause)."""
    diacritics: Literal["strict", "insensitive"] = "insensitive"
    requires_links: bool = False
    """The plan must also declare something the clauses speak of: an integration or a dataset (text alone about
    connecting is not a connection)."""

    def concepts_used(self) -> list[str]:
        return list(self.concepts)


def clause_mentions(plan: Any, opts: ClauseMentionsOptions, ctx: Context) -> Iterator[Outcome]:
    """The plan's quoted clauses state each required concept (Vietnamese-aware matching)."""
    if not plan.clauses:
        yield Violation(("clauses",), {"field": "clauses"}, missing="clauses")
        return
    clauses = [c for c in plan.clauses if not opts.topics or set(c.topics) & set(opts.topics)]
    if not clauses:  # clauses exist, none on these topics: every concept is unstated
        yield Violation(("clauses",), {"missing_concepts": _concept_names(opts.concepts, ctx), "topics": ", ".join(opts.topics)})
        return
    strict = opts.diacritics == "strict"
    if opts.requires_links and not any(s.integrations for s in plan.systems) and not (
            plan.data_sharing and plan.data_sharing.datasets):
        yield Violation(("clauses",), {"missing_concepts": say("clauses.no_links", ctx.lang,
                                                               concepts=_concept_names(opts.concepts, ctx)),
                                       "topics": ", ".join(opts.topics) or "*"})
        return
    # a concept negated in the clause ("không kết nối LGSP") is not a requirement the plan states
    absent = [c for c in opts.concepts if not any(affirms(cl.text, ctx.concepts[c], strict) for cl in clauses)]
    if absent:  # point at the first clause on these topics: that is where the text falls short
        first = plan.clauses.index(clauses[0])
        yield Violation(("clauses", first, "text"), {"missing_concepts": _concept_names(absent, ctx),
                                                     "topics": ", ".join(opts.topics) or "*"})


def _concept_names(ids: list[str], ctx: Context) -> str:
    return ", ".join(f"“{ctx.concepts[c][0]}”" for c in ids)


# --- known_reference -----------------------------------------------------------------------------------


class KnownReferenceOptions(Options):
    field: str
    """A field holding an architecture id (or a list of them)."""
    plan_systems: bool = False
    """Also accept the id of a system of the plan."""
    roadmap: bool = False
    """The field holds roadmap task numbers instead of ids."""


def known_reference(target: Any, opts: KnownReferenceOptions, ctx: Context) -> Iterator[Outcome]:
    """Every id (or roadmap task number) the field names exists in the architecture."""
    value = getattr(target, opts.field.split(".")[0], MISSING) if "." not in opts.field else get(target, opts.field)
    if value is MISSING or value is None:
        return  # nothing referenced; whether something must be is another rule's question (required)
    items = value if isinstance(value, list) else [value]
    if opts.roadmap:
        known_numbers = ctx.architecture.task_numbers()
        for index, number in enumerate(items):
            if number not in known_numbers:
                yield Violation(_item_path(opts.field, value, index), {"value": number, "hint": f"1–{max(known_numbers)}" if known_numbers else "—"})
        return
    known = set(ctx.architecture.ids())
    if opts.plan_systems:
        known |= {s.id for s in ctx.plan.systems}
    for index, ref in enumerate(items):
        if ref not in known:
            yield Violation(_item_path(opts.field, value, index), {"value": ref, "hint": closest_id(ref, ctx.architecture, known)})


def _item_path(dotted: str, value: Any, index: int) -> PathT:
    return (*path_of(dotted), index) if isinstance(value, list) else path_of(dotted)


def closest_id(ref: str, architecture: Architecture, known: set[str]) -> str:
    """The known id closest to `ref`: shared words weighted by rarity (so "tthc" outweighs "he-thong"),
    then spelling; names, abbreviations and aliases count as spellings of their id (diacritics ignored)."""
    # the same typo recurs across a batch of plans and the comparison is costly: each architecture remembers its
    # answers (a bounded table that lives and dies with the architecture object, never keyed by id())
    hints = architecture.hints
    key = (ref, tuple(sorted(known - set(architecture.ids()))))
    if key not in hints:
        if len(hints) >= HINTS_KEPT:  # plans choose these strings: the table must not grow without bound
            hints.clear()
        hints[key] = _closest_id(ref, architecture, known)
    return hints[key]


HINTS_KEPT = 4096


def _closest_id(ref: str, architecture: Architecture, known: set[str]) -> str:
    same, spellings, overlap = _candidates(ref, architecture, known)
    return same if same is not None else _closest_spelling(ref, spellings, overlap)


def _candidates(ref: str, architecture: Architecture,
                known: set[str]) -> tuple[str | None, dict[str, set[str]], dict[str, float]]:
    """The element `ref` names by another of its names (None if none); else every candidate id with its spellings and
    how much of what the author wrote it explains, in the order ties are decided."""
    spellings: dict[str, set[str]] = {}
    for eid, entry in architecture.ids().items():
        words = {eid, fold(entry.name.vi, False)} | {fold(a, False) for a in getattr(entry, "aliases", [])}
        abbreviation = getattr(entry, "abbreviation", None)  # platforms have one, components do not
        if abbreviation:
            words.add(fold(abbreviation, False))
        spellings[eid] = words
    # an id written as another name of an element ("he-thong-mot-cua" for the one-stop system, whatever its id in
    # this architecture) means that element: its aliases are data, the nearest spelling only a fallback
    slug = lambda text: "-".join("".join(c if c.isalnum() else " " for c in fold(text, False)).split())  # noqa: E731
    wanted_slug = slug(ref)
    same = sorted(eid for eid, words in spellings.items() if eid != ref and wanted_slug in {slug(w) for w in words})
    if same:
        return same[0], {}, {}
    # in a fixed order, as the sums below: ties go to the first id, whatever the process's string hashing
    for k in sorted(known - set(spellings)):
        spellings[k] = {k}
    tokens = {eid: set(" ".join(w.replace("-", " ") for w in words).split()) for eid, words in spellings.items()}
    df: dict[str, int] = {}
    for toks in tokens.values():
        for t in toks:
            df[t] = df.get(t, 0) + 1
    idf = {t: math.log((1 + len(tokens)) / (1 + n)) + 1 for t, n in df.items()}
    wanted = set(fold(ref, False).replace("-", " ").split())
    whole = sum(idf.get(t, 1.0) for t in sorted(wanted)) or 1
    # how much of what the author wrote each id explains (rare words count most)
    overlap = {eid: sum(idf.get(t, 1.0) for t in sorted(wanted & tokens[eid])) / whole for eid in spellings}
    return None, spellings, overlap


def _closest_spelling(ref: str, spellings: dict[str, set[str]], overlap: dict[str, float]) -> str:
    """The candidate that explains most of `ref`, then the one spelt closest to it; "—" when none shares a word or
    comes close in spelling."""
    if not overlap:
        return "—"
    # the best explanation wins, then the closest spelling (ties: the first id); spelling is costly, so it is
    # measured only among the ids that explain most, and skipped for one whose upper bound cannot beat the best so far
    top = max(overlap.values())
    best, spelling = "", -1.0
    for eid in spellings:
        if overlap[eid] != top:
            continue
        for word in spellings[eid] | {eid}:
            matcher = difflib.SequenceMatcher(None, ref, word)
            if matcher.real_quick_ratio() > spelling and matcher.quick_ratio() > spelling:
                ratio = matcher.ratio()
                if ratio > spelling:
                    best, spelling = eid, ratio
    if top == 0 and spelling < 0.6:  # nothing in common: no hint beats a misleading one
        return "—"
    return best


# --- required_integration ------------------------------------------------------------------------------


class RequiredIntegrationOptions(Options):
    targets: list[str] = Field(min_length=1)
    """Architecture ids; the system must integrate with each of them."""
    via: list[Literal["direct", "lgsp", "ndxp", "data_coordination_platform"]] | None = None


def required_integration(system: Any, opts: RequiredIntegrationOptions, ctx: Context) -> Iterator[Outcome]:
    """The system declares an integration with each listed architecture element."""
    declared = {i.target for i in system.integrations}
    for target in opts.targets:
        if target not in declared:
            name = ctx.architecture.ids()[target].name.get(ctx.lang) if ctx.architecture.has(target) else target
            yield Violation(("integrations",), {"target": target, "target_name": name})


# --- integration_route ---------------------------------------------------------------------------------


class IntegrationRouteOptions(Options):
    allowed: list[Literal["direct", "lgsp", "ndxp", "data_coordination_platform"]] = Field(min_length=1)
    kinds: list[str] = Field(min_length=1)
    """Architecture element kinds the rule concerns (e.g. national_platform)."""
    exclude_targets: list[str] = Field(default_factory=list)
    exempt_components: list[str] = Field(default_factory=list)
    """Systems implementing these components are the platform itself (the LGSP's own link to NDXP)."""


def integration_route(integration: Any, opts: IntegrationRouteOptions, ctx: Context) -> Iterator[Outcome]:
    """An integration with an element of the listed kinds goes through an allowed platform."""
    if ctx.system is not None and ctx.system.component in opts.exempt_components:
        yield Skip(say("na.platform_itself", ctx.lang, component=ctx.system.component))
        return
    element = ctx.architecture.ids().get(integration.target)
    if element is None or getattr(element, "kind", None) not in opts.kinds or integration.target in opts.exclude_targets:
        kinds = ", ".join(opts.kinds)
        yield Skip(say("na.target_kind", ctx.lang, target=integration.target, kinds=kinds)
                   if element is None or integration.target not in opts.exclude_targets
                   else say("na.target_excluded", ctx.lang, target=integration.target))
        return
    if integration.via is None:
        yield Violation(("via",), {"field": "via"}, missing="via")
    elif integration.via not in opts.allowed:
        shown = _labels(integration, "via", integration.via, list(opts.allowed), ctx.lang)
        yield Violation(("via",), {"via": integration.via, "expected": ", ".join(opts.allowed),
                                   "target_name": element.name.get(ctx.lang), "via_label": shown["value_label"],
                                   "expected_label": shown["expected_label"]})


# --- minimum_security_level ----------------------------------------------------------------------------


class Criterion(Options):
    level: int = Field(ge=1, le=5)
    when: dict[str, Condition] = Field(min_length=1)
    """All conditions must hold (fields relative to the system)."""
    cite: str
    """Article, clause and point of the regime's instrument."""
    because: Text
    """The criterion in words: "hệ thống giải quyết TTHC"."""
    agrees: str | None = None
    """The provision of the regime named by `agrees_with` that says the same: both are cited, and the agreement of
    the two regimes is what an error may rest on while this regime's own text is unverified."""
    severity: Literal["info"] | None = None
    """`info` when the criterion needs facts a plan does not state (national e-government system needing 24/7)."""


class Regime(Options):
    instrument: str
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None
    verified: bool = False
    """The regime's criteria were read in the instrument's text (C1)."""
    agrees_with: str | None = None
    """The other regime's instrument that `agrees` on the criteria refers to."""
    criteria: list[Criterion] = Field(min_length=1)


class Transition(Options):
    regime: str
    """The instrument whose criteria keep applying."""
    started_before: IsoDate
    until: IsoDate
    basis: str | None = None
    """The transitional article, named in the report when it decides the regime."""


class MinimumLevelOptions(Options):
    regimes: list[Regime] = Field(min_length=1)
    transition: Transition | None = None
    inputs: list[str] = Field(min_length=1)
    """Fields the criteria read; an undeclared one makes the level undeterminable (the rule fails)."""
    between: bool = False
    """On a day no regime is in force (the old one ended, the new one not yet begun), apply the criteria on which the
    two agree instead of saying nothing."""


def select_regime(opts: MinimumLevelOptions, ctx: Context) -> tuple[Regime, list[Criterion]] | None:
    """The regime in force on the run's date and the criteria that apply; projects under investment before the
    cut-off keep the old regime; between two regimes, the later one's criteria the earlier one agrees on."""
    started = ctx.plan.dates.investment_started if ctx.plan.dates else None
    t = opts.transition
    if t and started and started < t.started_before and ctx.as_of <= t.until:
        kept = next((r for r in opts.regimes if r.instrument == t.regime), None)
        if kept is None:
            return None
        ctx.note_transition(kept.instrument, t.basis, t.started_before, t.until)
        return kept, kept.criteria
    candidates = [r for r in opts.regimes if in_window(ctx.as_of, r.valid_from, r.valid_to)]
    if candidates:
        return candidates[0], candidates[0].criteria
    if opts.between:
        upcoming = sorted((r for r in opts.regimes if r.valid_from and r.valid_from > ctx.as_of and r.agrees_with),
                          key=lambda r: r.valid_from or ctx.as_of)
        for regime in upcoming:
            agreed = [c for c in regime.criteria if c.agrees]
            if agreed:
                return regime, agreed
    return None


def _criterion_cites(regime: Regime, criterion: Criterion, opts: MinimumLevelOptions) -> tuple[Cite, ...]:
    own = Cite(regime.instrument, criterion.cite, regime.verified)
    if not (criterion.agrees and regime.agrees_with):
        return (own,)
    other = next((r for r in opts.regimes if r.instrument == regime.agrees_with), None)
    return own, Cite(regime.agrees_with, criterion.agrees, bool(other and other.verified))


def minimum_security_level(system: Any, opts: MinimumLevelOptions, ctx: Context) -> Iterator[Outcome]:
    """The proposed level is at least the highest level any criterion of the regime in force gives.

    The finding cites the criterion that fired (and, where the two regimes agree on it, both provisions); a criterion
    marked `info` is told at that severity and only when it asks for more than the binding criteria do."""
    selected = select_regime(opts, ctx)
    if selected is None:
        yield Skip(say("na.no_level_criteria", ctx.lang))
        return
    regime, criteria = selected
    proposed = get(system, "security.proposed_level")
    undeclared = [f for f in opts.inputs if get(system, f) is MISSING]
    hits = [c for c in criteria if all(get(system, f) is not MISSING and matches(get(system, f), cond)
                                       for f, cond in c.when.items())]
    binding = max((c for c in hits if c.severity is None), key=lambda c: c.level, default=None)
    advisory = max((c for c in hits if c.severity is not None), key=lambda c: c.level, default=None)
    if proposed is MISSING:  # SEC-001's finding; here only what else is undeclared
        if undeclared:
            yield Violation((), {"field": ", ".join(undeclared)}, missing=", ".join(undeclared))
        else:
            from .labels import field_label

            yield Skip(say("not_declared", ctx.lang, field=f"“{field_label(type(system), 'security.proposed_level', ctx.lang)}”"))
        return
    for criterion in (binding, advisory):
        if criterion is None or proposed >= criterion.level:
            continue
        if criterion is advisory and binding is not None and binding.level >= criterion.level:
            continue  # the binding criterion already asks as much
        cites = _criterion_cites(regime, criterion, opts)
        yield Violation(("security", "proposed_level"), {
            "proposed": proposed, "minimum": criterion.level, "criterion": criterion.because.get(ctx.lang),
            "citation": "; ".join(f"{c.instrument} {c.article}" for c in cites)},
            cites=cites, severity=criterion.severity)
    best = max(hits, key=lambda c: c.level, default=None)
    if undeclared and (best is None or best.level < 5):  # an undeclared fact could raise the minimum further
        yield Violation((), {"field": ", ".join(undeclared)}, missing=", ".join(undeclared))


# --- cited_instruments ---------------------------------------------------------------------------------


class CitedInstrumentsOptions(Options):
    verified: bool
    """Flag only repeals whose record is verified (true) or only unverified ones (false)."""


def cited_instruments(plan: Any, opts: CitedInstrumentsOptions, ctx: Context) -> Iterator[Outcome]:
    """No instrument the plan cites had lapsed on the run's date."""
    for index, citation in enumerate(plan.legal_basis):
        key = citation_key(citation)
        lapsed: list[tuple[int, InstrumentEntry, dt.date]] = []
        for entry in ctx.instruments:
            # an instrument in force on the run's date is not looked for in the citation (most are)
            if entry.verified != opts.verified or entry.valid_to is None or ctx.as_of <= entry.valid_to:
                continue
            places = [p for m in entry.match if (p := _cited_at(key, citation_key(m))) is not None]
            if places and not _transitional(entry, ctx):
                lapsed.append((min(places), entry, entry.valid_to))
        if lapsed:  # one citation, one finding: "QĐ 1729 sửa đổi QĐ 2568" names the instrument cited first
            _, entry, until = min(lapsed, key=lambda found: found[0])
            yield Violation(("legal_basis", index), {
                "value": citation, "instrument": entry.name, "until": vn(until),
                "replaced_by": entry.replaced_by or "—"}, cites=_in_force(replacement_cites(entry), ctx))


_INSTRUMENT = re.compile(
    r"(?:Luật [^\d,;()]*?\d+/\d{4}/QH\d+|Nghị định \d+/\d{4}/NĐ-CP|Thông tư \d+/\d{4}/TT-[A-ZĐ]+"
    r"|Quyết định \d+/QĐ-[A-ZĐa-z]+(?: ngày \d{2}/\d{2}/\d{4})?|TCVN [\d:]+)")
_ARTICLE = re.compile(r"Điều \d+(?:[–-]\d+)?(?: khoản \d+)?(?: điểm [a-zđ])?")


def _in_force(cites: tuple[Cite, ...], ctx: Context) -> tuple[Cite, ...]:
    """The replacements still in force on the run's date ("NĐ 45/2026, then NĐ 224/2026": the latter), all of them
    when none is recorded as in force."""
    def lapsed(cite: Cite) -> bool:
        key = citation_key(cite.instrument)
        return any(e.valid_to is not None and ctx.as_of > e.valid_to and _cites(key, citation_key(m))
                   for e in ctx.instruments for m in e.match)
    return tuple(c for c in cites if not lapsed(c)) or cites


def replacement_cites(entry: InstrumentEntry) -> tuple[Cite, ...]:
    """The instruments that replaced a lapsed one, read from its `replaced_by` words: each instrument named in full,
    with the article written after it (before the next instrument or ";"). The replacement is as sure as the
    record of the lapse (`verified`, `source`)."""
    text = entry.replaced_by or ""
    found = list(_INSTRUMENT.finditer(text))
    cites = []
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        segment = text[match.end():end].split(";")[0]
        article = _ARTICLE.search(segment)
        cites.append(Cite(match.group(0), article.group(0) if article else None, entry.verified, entry.source))
    return tuple(cites)


def _transitional(entry: InstrumentEntry, ctx: Context) -> bool:
    """A project under investment before the cut-off may keep citing the old instrument for a while."""
    t = entry.transition
    started = ctx.plan.dates.investment_started if ctx.plan.dates else None
    kept = bool(t and started and started < t.started_before and (t.until is None or ctx.as_of <= t.until))
    if kept and t is not None:
        ctx.note_transition(entry.name, t.basis, t.started_before, t.until)
    return kept


def _cites(key: str, number: str) -> bool:
    return _cited_at(key, number) is not None


def _cited_at(key: str, number: str) -> int | None:
    """Where `number` occurs in `key` not glued to a preceding digit ("85/2016" is not cited by "185/2016")."""
    start = key.find(number)
    while start >= 0:
        if start == 0 or not key[start - 1].isdigit():
            return start
        start = key.find(number, start + 1)
    return None


# --- architecture_currency -----------------------------------------------------------------------------


class ArchitectureCurrencyOptions(Options):
    pass


def architecture_currency(plan: Any, opts: ArchitectureCurrencyOptions, ctx: Context) -> Iterator[Outcome]:
    """The architecture builds on the national framework in force on the run's date.

    Which framework is in force comes from the national layer alone (the one the report header names): the
    architecture's decision only says what it was built on."""
    national = ctx.architecture.national
    current = national.framework_on(ctx.as_of) if national else None
    if current is None:
        yield Skip(say("na.no_national_framework", ctx.lang, day=vn(ctx.as_of)))
        return
    refs = ctx.architecture.decision.national_framework
    if {r.number for r in refs} & {d.number for d in current.decisions}:
        return
    known = {d.number for f in national.frameworks for d in f.decisions} if national else set()
    # name the editions the national layer knows; a framework older than it is the first reference the decision lists
    # (the others there may be guidance that accompanies it, not frameworks)
    built_on = [r.number for r in refs if r.number in known] or [r.number for r in refs[:1]]
    if not built_on:
        return
    decision = current.decisions[0]
    yield Violation(("architecture",), {
        "framework": ", ".join(built_on), "current": f"{decision.number} ({current.title.get(ctx.lang)})",
        "since": vn(current.valid_from), "day": vn(ctx.as_of), "decision": ctx.architecture.decision.number},
        cites=(Cite(f"Quyết định {decision.number} ngày {vn(decision.date)}", RULE_ARTICLE, current.verified,
                    current.source),))


# --- builds_shared_component ---------------------------------------------------------------------------


class BuildsSharedOptions(Options):
    kinds: list[str] = Field(min_length=1)
    """Architecture element kinds the plan must reuse instead of building (e.g. national_platform)."""
    national_shared: bool = False
    """Only the shared platforms of the national framework in force on the date judged (QĐ 1425 Phụ lục II nhóm A)."""


def builds_shared_component(system: Any, opts: BuildsSharedOptions, ctx: Context) -> Iterator[Outcome]:
    """The system does not implement a shared component provided at a higher level (it reuses and connects to it)."""
    if system.component is None:
        return  # which component a system implements is ARCH-007's question
    element = ctx.architecture.ids().get(system.component)
    if element is None or getattr(element, "kind", None) not in opts.kinds:
        return
    if opts.national_shared:
        national = ctx.architecture.national
        framework = national.framework_on(ctx.as_of) if national else None
        if framework is None or system.component not in framework.shared_platforms:
            return
    yield Violation(("component",), {"value": system.component, "component_name": element.name.get(ctx.lang)})


# --- clause_states -------------------------------------------------------------------------------------


class ClauseStatesOptions(Options):
    concepts: list[str] = Field(min_length=1)
    """The plan's clauses must state at least one of these concepts (not negated)."""

    def concepts_used(self) -> list[str]:
        return list(self.concepts)


def clause_states(target: Any, opts: ClauseStatesOptions, ctx: Context) -> Iterator[Outcome]:
    """For this target, the plan's quoted clauses state one of the concepts (e.g. why a new data centre is needed)."""
    if any(affirms(c.text, ctx.concepts[name], False) for c in ctx.plan.clauses for name in opts.concepts):
        return
    yield Violation(("component",) if hasattr(target, "component") else (),
                    {"missing_concepts": _concept_names(opts.concepts, ctx).replace("”, “", "” / “")})


# --- dataset_copy --------------------------------------------------------------------------------------


class DatasetCopyOptions(Options):
    by_design: list[str] = Field(default_factory=list)
    """Components whose job is to keep synchronised copies (the provincial data warehouse)."""
    always_forbidden: list[str] = Field(default_factory=list)
    """Kinds of master source that no component may copy (national databases)."""


def dataset_copy(dataset: Any, opts: DatasetCopyOptions, ctx: Context) -> Iterator[Outcome]:
    """Consumed data is not copied into a local store, except where the plan builds a component that keeps
    synchronised copies of provincial sources by design."""
    if dataset.local_copy is None:
        yield Violation(("local_copy",), {"field": "local_copy"}, missing="local_copy")
        return
    if dataset.local_copy is False:
        return
    source = ctx.architecture.ids().get(dataset.master_source) if dataset.master_source else None
    source_kind = getattr(source, "kind", None)
    keeper = next((s for s in ctx.plan.systems if s.component in opts.by_design), None)
    if keeper is not None and source_kind not in opts.always_forbidden:
        component = ctx.architecture.ids().get(keeper.component)
        yield Skip(say("na.copy_by_design", ctx.lang, system=keeper.name,
                       component=component.name.get(ctx.lang) if component else keeper.component))
        return
    yield Violation(("local_copy",), {"source_name": source.name.get(ctx.lang) if source
                                      else dataset.master_source or say("copy.another_source", ctx.lang)})


# --- field_pattern -------------------------------------------------------------------------------------


class FieldPatternOptions(Options):
    field: str
    pattern: str
    """A regular expression the whole (case-folded) value must match, e.g. a domain under ".vn"."""
    expected: Text
    """The pattern in words, for the message."""


def field_pattern(target: Any, opts: FieldPatternOptions, ctx: Context) -> Iterator[Outcome]:
    """The field is declared and its value has the required form (a state portal's domain ends in ".vn")."""

    value = get(target, opts.field)
    if value is MISSING or value == "":
        yield Violation(path_of(opts.field), {"field": opts.field}, missing=opts.field)
        return
    if not re.fullmatch(opts.pattern, str(value).strip().casefold()):
        yield Violation(path_of(opts.field), {"field": opts.field, "value": show(value),
                                              "expected": opts.expected.get(ctx.lang)})


# --- owner_province ------------------------------------------------------------------------------------


class OwnerProvinceOptions(Options):
    field: str = "owner.agency"
    """The text naming the owner: every province it names as "tỉnh X" must be the architecture's."""
    cities: list[str] = Field(default_factory=list)
    """Cities of provincial rank (directly under the central government): a body of one, named "thành phố X" or
    "TP X", is of another unit than the architecture's province too."""


def owner_province(plan: Any, opts: OwnerProvinceOptions, ctx: Context) -> Iterator[Violation]:
    """The owner is a body of the province whose architecture judges the plan (a plan may name any bundled
    architecture: one of another province would judge it against another province's components and decisions)."""
    value = get(plan, opts.field)
    if not isinstance(value, str):
        return
    own = fold(ctx.architecture.province, diacritics=False)
    named = [(name, "unit.province") for name in provinces_named(value)]
    named += [(name, "unit.city") for name in cities_named(value, tuple(opts.cities))]
    for name, unit in dict.fromkeys(named):
        if fold(name, diacritics=False) != own:
            yield Violation(path_of(opts.field), {"field": opts.field, "value": name, "unit": say(unit, ctx.lang),
                                                   "province": ctx.architecture.province, "text": _quote(value)})


# --- registry --------------------------------------------------------------------------------------------


@record(frozen=True)
class Check:
    function: Callable[..., Iterator[Outcome]]
    options: type[Options]
    targets: tuple[str, ...]
    params: tuple[str, ...]
    """Message parameters the check provides (besides the target's common ones)."""


_ANY = ("plan", "system", "integration", "dataset")

CHECKS: dict[str, Check] = {
    "required": Check(required, RequiredOptions, _ANY, ("field", "field_label")),
    "field_value": Check(field_value, FieldValueOptions, _ANY,
                         ("field", "value", "expected", "field_label", "value_label", "expected_label")),
    "field_mentions": Check(field_mentions, FieldMentionsOptions, _ANY, ("field", "concept", "text")),
    "clause_mentions": Check(clause_mentions, ClauseMentionsOptions, ("plan",), ("missing_concepts", "topics", "field")),
    "known_reference": Check(known_reference, KnownReferenceOptions, _ANY, ("value", "hint")),
    "required_integration": Check(required_integration, RequiredIntegrationOptions, ("system",), ("target", "target_name")),
    "integration_route": Check(integration_route, IntegrationRouteOptions, ("integration",), ("via", "expected", "target_name", "field", "via_label", "expected_label")),
    "minimum_security_level": Check(minimum_security_level, MinimumLevelOptions, ("system",),
                                    ("proposed", "minimum", "criterion", "citation", "field")),
    "cited_instruments": Check(cited_instruments, CitedInstrumentsOptions, ("plan",), ("value", "instrument", "until", "replaced_by")),
    "builds_shared_component": Check(builds_shared_component, BuildsSharedOptions, ("system",), ("value", "component_name")),
    "clause_states": Check(clause_states, ClauseStatesOptions, _ANY, ("missing_concepts",)),
    "dataset_copy": Check(dataset_copy, DatasetCopyOptions, ("dataset",), ("source_name", "field")),
    "field_pattern": Check(field_pattern, FieldPatternOptions, _ANY, ("field", "value", "expected")),
    "architecture_currency": Check(architecture_currency, ArchitectureCurrencyOptions, ("plan",),
                                   ("framework", "current", "since", "day", "decision")),
    "owner_province": Check(owner_province, OwnerProvinceOptions, ("plan",), ("field", "value", "unit", "province", "text")),
}

# Parameters every message may use, by target: the engine fills them in.
COMMON_PARAMS: dict[str, set[str]] = {
    "plan": {"plan", "architecture"},
    "system": {"plan", "architecture", "system", "system_name"},
    "integration": {"plan", "architecture", "system", "system_name", "target", "target_name"},
    "dataset": {"plan", "architecture", "dataset"},
}

__all__ = ["CHECKS", "COMMON_PARAMS", "RULE_ARTICLE", "Cite", "Context", "Violation", "Skip", "MISSING", "get", "matches", "format_path"]
