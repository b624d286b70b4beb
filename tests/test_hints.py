"""Hints for unknown ids point at the element that means the same thing (its names and aliases are data in the
architecture), in every architecture, before falling back to the nearest spelling."""

from __future__ import annotations

import pytest

from conftest import ROOT
from cqdt_check.architecture import with_national
from cqdt_check.checks import closest_id
from cqdt_check.packs import load_architecture

ARCHITECTURES = {name: with_national(load_architecture(ROOT / "architecture" / f"{name}.yaml"))
                 for name in ("quang-ngai-3.0", "nghe-an-1.0")}

# (architecture, id the plan wrote, hint expected)
ROWS = [
    ("quang-ngai-3.0", "he-thong-tthc", "he-thong-thong-tin-giai-quyet-tthc"),
    ("quang-ngai-3.0", "he-thong-mot-cua-dien-tu", "he-thong-thong-tin-giai-quyet-tthc"),
    ("nghe-an-1.0", "he-thong-tthc", "mot-cua-dien-tu"),
    ("nghe-an-1.0", "he-thong-thong-tin-giai-quyet-tthc", "mot-cua-dien-tu"),
    ("nghe-an-1.0", "he-thong-mot-cua-dien-tu", "mot-cua-dien-tu"),
    ("nghe-an-1.0", "ngsp", "ndxp"),  # the national layer's old name of NDXP, usable in any province
    ("quang-ngai-3.0", "lgps", "lgsp"),  # a typo: the nearest spelling
]


@pytest.mark.parametrize(("architecture", "ref", "hint"), ROWS, ids=[f"{a}:{r}" for a, r, _ in ROWS])
def test_hint_points_at_the_same_element(architecture, ref, hint):
    arch = ARCHITECTURES[architecture]
    assert closest_id(ref, arch, set(arch.ids())) == hint


def _closest_by_definition(ref: str, spellings: dict[str, set[str]], overlap: dict[str, float]) -> str:
    """The choice among the candidates as closest_id's docstring defines it, every candidate's spelling measured in
    full: the oracle for the pruned search (which measures spelling only where it can decide)."""
    import difflib

    def score(e: str) -> tuple[float, float]:
        return overlap[e], max(difflib.SequenceMatcher(None, ref, w).ratio() for w in spellings[e] | {e})

    best = max(spellings, key=score, default=None)  # ties: the first id
    if best is None:
        return "—"
    top, spelling = score(best)
    return "—" if top == 0 and spelling < 0.6 else best


def _refs(ids: list[str]) -> list[str]:
    """Typos, mixed words, noise and reversed ids, always the same ones (a seeded generator)."""
    import random

    rng = random.Random(7)
    words = [w for i in ids for w in i.split("-")] + ["tthc", "mot", "cua", "ioc", "lgsp", "xyz", "qlvb"]
    refs = []
    for _ in range(50):
        base = rng.choice(ids)
        at = rng.randrange(len(base))
        refs += [base[:at] + rng.choice("abxyz-") + base[at + 1:],
                 "-".join(rng.choice(words) for _ in range(rng.randint(1, 4))),
                 "".join(rng.choice("abcdeghiklmnopqrstuvxy-") for _ in range(rng.randint(1, 15))),
                 base[::-1]]
    return refs


@pytest.mark.parametrize("architecture", sorted(ARCHITECTURES))
def test_the_pruned_search_gives_the_definitions_answer(architecture):
    from cqdt_check.checks import _candidates, _closest_spelling

    arch = ARCHITECTURES[architecture]
    ids = sorted(arch.ids())
    searched = 0
    for number, ref in enumerate(_refs(ids)):
        known = set(ids) | ({f"ht-{ref[:6]}"} if number % 2 else set())  # a plan's own systems are candidates too
        same, spellings, overlap = _candidates(ref, arch, known)
        if same is None:  # not another name of an element: the search by spelling decides
            searched += 1
            assert _closest_spelling(ref, spellings, overlap) == _closest_by_definition(ref, spellings, overlap), ref
    assert searched > 150  # of 200: the refs reach the search, the comparison is not vacuous
