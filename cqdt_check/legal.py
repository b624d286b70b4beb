"""Legal time: when each rule is in force and on which bases, for one rule pack judged with one architecture.

Bases, rule windows and the instruments in force are resolved once per (rule pack, architecture) into plain tables
(`LegalTime`), and used by everything that asks "is this rule in force on this day": the engine, `cqdt-check rules
--as-of` and `explain`. One window, computed once: the list of rules in force on a day is exactly the list a check on
that day evaluates.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from .dates import in_window, vn
from .findings import Instrument
from .values import Basis
from .messages import say

if TYPE_CHECKING:
    from .architecture import Architecture
    from .rulepack import Rule, RulePack

ARCHITECTURE_BASIS = "@architecture"
Window = tuple[dt.date | None, dt.date | None]


def resolve_basis(rule: Rule, architecture: Architecture) -> list[Basis]:
    """The rule's bases, with `@architecture` read as the decision approving the architecture in use.

    Its `article` names a principle of the architecture (resolved to that principle's place in the
    decision), or of a national framework edition (resolved to that framework's decision and window), and is
    dropped when neither states it; other articles are kept as written.
    """
    return [b for b, _, _ in _resolve(rule, architecture)]


def _resolve(rule: Rule, architecture: Architecture) -> list[tuple[Basis, str | None, str | None]]:
    """The resolved bases, each with the scope it is written with (None: it speaks wherever the rule does) and the
    highest severity it supports on its own (None: the rule's)."""
    out: list[tuple[Basis, str | None, str | None]] = []
    decision = architecture.decision
    principles = {p.id: p for p in architecture.principles}
    national = {p.id: (f, p) for f in (architecture.national.frameworks if architecture.national else ())
                for p in f.principles}
    for b in rule.basis:
        if b.province and b.province != architecture.province:
            continue  # a province's own letter speaks only for plans under that province's architecture
        if b.instrument != ARCHITECTURE_BASIS:
            out.append((Basis.of(b.instrument, b.article, b.valid_from, b.valid_to, b.verified, b.source), b.scope,
                        b.at_most))
            continue
        article = b.article
        if article not in principles and article in national:
            # a principle of the national framework (QĐ 1425/QĐ-TTg): that decision is the basis, from its own date
            framework, principle = national[article]
            number = re.escape(framework.decisions[0].number)
            place = re.sub(rf"^(QĐ|Quyết định)\s*(số\s*)?{number},?\s*", "", principle.source)
            out.append((Basis.of(framework.name(), place, framework.valid_from, framework.valid_to, framework.verified,
                              framework.source), b.scope, b.at_most))
            continue
        if article in principles:
            # the principle's place in the decision, without repeating the decision's number
            article = re.sub(rf"^(QĐ|Quyết định)\s*(số\s*)?{re.escape(decision.number)},?\s*", "", principles[article].source)
        elif article and article.replace("-", "").isalnum() and article.islower():
            continue  # a principle this architecture does not state
        name = f"Quyết định {decision.number} ngày {vn(decision.date)} ({architecture.id})"
        out.append((Basis.of(name, article, decision.effective, None, True, decision.source), b.scope, b.at_most))
    return out


def _window(rule: Rule, bases: list[Basis]) -> Window:
    """Explicit dates, else the union of the bases' windows (an `@architecture` basis counts from the decision's
    effective date; a rule with no resolved basis keeps its written ones)."""
    starts = [b.valid_from for b in bases]
    ends = [b.valid_to for b in bases]
    start = rule.valid_from or (None if None in starts else min(starts))  # type: ignore[type-var]
    end = rule.valid_to or (None if None in ends else max(ends))  # type: ignore[type-var]
    return start, end


def _cuts(bases: Iterable[Basis]) -> list[dt.date]:
    """The days on which a basis comes into force or has lapsed (the day after its last), in order: between two
    cuts the same bases are in force."""
    days = set()
    for b in bases:
        if b.valid_from is not None:
            days.add(b.valid_from)
        if b.valid_to is not None and b.valid_to < dt.date.max:
            days.add(b.valid_to + dt.timedelta(days=1))
    return sorted(days)


class LegalTime:
    """Every rule's resolved bases and window, for one rule pack and one architecture (built once per run)."""

    def __init__(self, pack: RulePack, architecture: Architecture) -> None:
        self.architecture = architecture
        self.bases: dict[str, tuple[Basis, ...]] = {}
        self._scoped: dict[str, tuple[tuple[Basis, str | None], ...]] = {}
        self.windows: dict[str, Window] = {}
        # bases that on their own support less than the rule's severity: cited only when no stronger basis fits
        self.ceilings: dict[str, dict[Basis, str]] = {}
        self.usable: dict[str, bool] = {}  # the architecture has what the rule needs (elements, a stated principle)
        for loaded in pack.rules:
            rule = loaded.rule
            triples = _resolve(rule, architecture)
            scoped = [(b, s) for b, s, _ in triples]
            resolved = [b for b, _ in scoped]
            self._scoped[rule.id] = tuple(scoped)
            self.ceilings[rule.id] = {b: c for b, _, c in triples if c}
            self.bases[rule.id] = tuple(resolved)
            self.windows[rule.id] = _window(rule, resolved or [_written(b) for b in rule.basis])
            self.usable[rule.id] = bool(resolved) and all(architecture.has(e) for e in rule.requires)
        self._instruments: dict[int, tuple[Instrument, ...]] = {}  # by stretch of days (below)
        self._keyed: list[tuple[str, Basis]] | None = None
        self._changes: list[dt.date] = []
        # Asked for every target of every plan, on each plan's own day: answered once per rule and stretch of days in
        # which the same bases are in force (the days a basis comes into force or lapses cut them), so a batch judged
        # on hundreds of days asks a handful of questions per rule, and the tables stay small whatever days plans give.
        self._cuts = {rule_id: _cuts(b for b, _ in scoped) for rule_id, scoped in self._scoped.items()}
        self._by_stretch: dict[tuple[str, int], tuple[tuple[Basis, str | None], ...]] = {}
        self._unscoped: dict[tuple[str, int], tuple[Basis, ...] | None] = {}

    def in_force(self, rule_id: str, day: dt.date) -> bool:
        return in_window(day, *self.windows[rule_id])

    def judgeable_on(self, day: dt.date) -> bool:
        """Whether a plan can be judged against this architecture on `day`: not before its decision took effect."""
        return day >= self.architecture.decision.effective

    def evaluated_on(self, rule_id: str, day: dt.date) -> bool:
        """Whether a check on `day` with this architecture evaluates the rule (given a plan of its kind); before the
        architecture took effect none is (the check refuses the plan instead of passing it)."""
        return self.judgeable_on(day) and self.usable[rule_id] and self.in_force(rule_id, day)

    def bases_in_force(self, rule_id: str, day: dt.date) -> tuple[Basis, ...]:
        """The bases in force on `day` (all of them when none is: the finding still cites what it rests on)."""
        return self.fitting(rule_id, day, lambda scope: True)[0]

    def fitting(self, rule_id: str, day: dt.date, fits: Callable[[str], bool]) -> tuple[tuple[Basis, ...], tuple[str, ...]]:
        """The bases in force on `day` whose scope fits the target (`fits(scope id)`), and the scopes that excluded
        the others. Nothing in force: every basis, as above, still filtered by scope."""
        in_force = self._in_force(rule_id, day)
        kept = tuple(b for b, s in in_force if s is None or fits(s))
        excluded = tuple(dict.fromkeys(s for _, s in in_force if s is not None and not fits(s)))
        return kept, excluded

    def unscoped(self, rule_id: str, day: dt.date) -> tuple[Basis, ...] | None:
        """What `fitting` keeps for any target when no basis in force on `day` has a scope (None when one has)."""
        key = self._stretch(rule_id, day)
        if key not in self._unscoped:
            in_force = self._in_force(rule_id, day)
            self._unscoped[key] = None if any(s is not None for _, s in in_force) else tuple(b for b, _ in in_force)
        return self._unscoped[key]

    def _stretch(self, rule_id: str, day: dt.date) -> tuple[str, int]:
        """The rule and the stretch of days `day` falls in: the key of every answer that depends on the day."""
        return rule_id, bisect.bisect_right(self._cuts[rule_id], day)

    def _in_force(self, rule_id: str, day: dt.date) -> tuple[tuple[Basis, str | None], ...]:
        key = self._stretch(rule_id, day)
        found = self._by_stretch.get(key)
        if found is None:
            scoped = self._scoped[rule_id]
            found = self._by_stretch[key] = tuple((b, s) for b, s in scoped if in_window(day, b.valid_from, b.valid_to)) or scoped
        return found

    def instruments_in_force(self, day: dt.date) -> tuple[Instrument, ...]:
        """The instruments the rule pack relies on that were in force on `day` (for the report header)."""
        if self._keyed is None:  # every basis with its instrument's key, once (plans are judged on many days);
            # the plan format is the appraisal's own convention, not an instrument of law
            self._keyed = [(instrument_key(b.instrument), b) for bases in self.bases.values() for b in bases
                           if not b.source.endswith("plan-format.md")]
            # the answer changes only on a day some basis begins or the day after one ends: one answer per stretch
            self._changes = _cuts(b for _, b in self._keyed)
        stretch = bisect.bisect_right(self._changes, day)
        if stretch not in self._instruments:
            found: dict[str, Instrument] = {}
            for key, b in self._keyed:
                if in_window(day, b.valid_from, b.valid_to):
                    known = found.get(key)
                    # one instrument written two ways ("NĐ 55/2025/NĐ-CP" and "… ngày 02/03/2025 (…)") is listed
                    # once, under its fullest name, verified if any of its citations is
                    name = max((b.instrument, known.name), key=len) if known else b.instrument
                    found[key] = Instrument(name, b.valid_from, b.verified or bool(known and known.verified))
            self._instruments[stretch] = tuple(sorted(found.values(), key=lambda i: i.name))
        return self._instruments[stretch]


_NUMBER = re.compile(r"\b\d+/(?:\d{4}/)?[A-Za-zĐđ]+(?:[-–][A-Za-zĐđ&]+)*\d*")


@lru_cache(maxsize=2048)  # asked for every citation a finding makes, of the few instruments the pack knows
def instrument_key(name: str) -> str:
    """What identifies an instrument in a citation: its number and symbol ("1425/QĐ-TTg", "116/2025/QH15"), else the
    whole name (folded, so spacing and diacritics do not matter)."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .textmatch import citation_key

    match = _NUMBER.search(name)
    return citation_key(match.group(0) if match else name)


def _written(b) -> Basis:
    return Basis.of(b.instrument, b.article, b.valid_from, b.valid_to, b.verified, b.source)


def window_text(window: Window, lang: str) -> str:
    """`từ 01/07/2026`, `đến 30/06/2026`, `từ … đến …`, or `—` for a rule always in force."""
    start, end = window
    if start and end:
        return say("window.between", lang, start=vn(start), end=vn(end))
    if start:
        return say("window.from", lang, start=vn(start))
    if end:
        return say("window.to", lang, end=vn(end))
    return "—"


__all__ = ["ARCHITECTURE_BASIS", "LegalTime", "Window", "resolve_basis", "window_text"]
