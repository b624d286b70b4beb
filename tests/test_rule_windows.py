"""A rule's bases agree with the instrument catalogue (rules/vocabulary/instruments.yaml): a basis resting on an
instrument the catalogue says has lapsed ends when it lapsed, and does not start before the instrument did.

One fact, one place: when an instrument's validity changes in the catalogue, every basis citing it must follow.
"""

from __future__ import annotations

import pytest

from conftest import data_dir
from cqdt_check.rulepack import load_rule_pack
from cqdt_check.textmatch import citation_key

PACK = load_rule_pack([data_dir("rules")])


def _catalogued(instrument: str):
    key = citation_key(instrument)
    for entry in PACK.instruments:
        for spelling in entry.match:
            number = citation_key(spelling)
            at = key.find(number)
            if at >= 0 and (at == 0 or not key[at - 1].isdigit()):
                return entry
    return None


CASES = [(loaded.rule.id, b, entry) for loaded in PACK.rules for b in loaded.rule.basis
         if b.instrument != "@architecture" and (entry := _catalogued(b.instrument)) is not None]


def test_the_catalogue_names_instruments_the_rules_cite():
    assert CASES  # the comparison below is not vacuous


@pytest.mark.parametrize("rule_id, basis, entry", CASES, ids=[f"{r}:{e.id}" for r, _, e in CASES])
def test_basis_window_within_the_instruments_validity(rule_id, basis, entry):
    if entry.valid_to is not None:
        assert basis.valid_to is not None and basis.valid_to <= entry.valid_to, (
            f"{rule_id} cites {basis.instrument} until {basis.valid_to}; the catalogue ends it on {entry.valid_to}")
    if entry.valid_from is not None and basis.valid_from is not None:
        assert basis.valid_from >= entry.valid_from, (
            f"{rule_id} cites {basis.instrument} from {basis.valid_from}; in force from {entry.valid_from}")
