"""What an appraisal adds to a check: the appraiser's decisions (--decisions) and the CI baseline (--baseline),
read before any plan is checked and applied to the checked documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .errors import UsageError
from .records import field, record
from .rulepack import RulePack


@record(frozen=True)
class Appraisal:
    """What the run knows beyond the plans: the appraiser's decisions, the day they are in force on (the appraisal
    date: --as-of, else today) and the baseline's fingerprints."""

    decisions: list = field(default_factory=list)
    baseline: set[str] | None = None
    day: dt.date = field(default_factory=dt.date.today)


def load_appraisal(decisions: list[Path], baseline: Path | None, pack: RulePack, lang: str,
                   as_of: dt.date | None = None) -> Appraisal:
    """Read --decisions and --baseline before any plan is checked: a bad one refuses the run (exit 2, located).
    A decision's expiry is measured against the appraisal date, `as_of` when given, else today."""

    loaded = []
    if decisions:
        # imported here: a slow import (the decisions' models and their schema) that only a run with --decisions needs
        from .decisions import DecisionsError, known_rule_ids, load_decisions

        for path in decisions:
            try:
                loaded += load_decisions(path, known_rule_ids(pack), lang)
            except DecisionsError as exc:  # its message is already in the run's language
                error = UsageError("cli.as_said", text=str(exc))
                error.prefix = "--decisions"
                raise error from None
    prints = None
    if baseline is not None:
        # imported here, not at the top: only this path needs it (start-up stays light)
        from .baseline import BaselineError, load_baseline

        try:
            prints = load_baseline(baseline, lang)
        except BaselineError as exc:
            raise UsageError("cli.as_said", text=str(exc)) from None
    return Appraisal(loaded, prints, as_of or dt.date.today())


def judge_document(doc, appraisal: Appraisal, fail_on: str, usage):
    """One document with the appraiser's decisions applied and the baseline marked; `usage` (decisions.DecisionUsage)
    records the decisions it used, for the stale ones at the end of the run."""
    if appraisal.decisions:
        from .decisions import decide_document

        doc = decide_document(doc, appraisal.decisions, fail_on, usage, appraisal.day)
    if appraisal.baseline is not None:
        from .baseline import mark_document

        doc = mark_document(doc, appraisal.baseline)
    return doc
