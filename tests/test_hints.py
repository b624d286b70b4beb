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


def _closest_by_definition(ref: str, arch, known: set[str]) -> str:
    """closest_id's answer as its docstring defines it, every candidate scored in full: the oracle for the pruned
    search (which measures spelling only where it can decide)."""
    import difflib
    import math

    from cqdt_check.textmatch import fold

    spellings: dict[str, set[str]] = {}
    for eid, entry in arch.ids().items():
        words = {eid, fold(entry.name.vi, False)} | {fold(a, False) for a in getattr(entry, "aliases", [])}
        if getattr(entry, "abbreviation", None):
            words.add(fold(entry.abbreviation, False))
        spellings[eid] = words
    slug = lambda text: "-".join("".join(c if c.isalnum() else " " for c in fold(text, False)).split())
    same_ids = sorted(e for e, words in spellings.items() if e != ref and slug(ref) in {slug(w) for w in words})
    if same_ids:
        return same_ids[0]
    for k in sorted(known - set(spellings)):
        spellings[k] = {k}
    tokens = {e: set(" ".join(w.replace("-", " ") for w in words).split()) for e, words in spellings.items()}
    df: dict[str, int] = {}
    for toks in tokens.values():
        for t in toks:
            df[t] = df.get(t, 0) + 1
    idf = {t: math.log((1 + len(tokens)) / (1 + n)) + 1 for t, n in df.items()}
    wanted = set(fold(ref, False).replace("-", " ").split())

    def score(e: str) -> tuple[float, float]:
        overlap = sum(idf.get(t, 1.0) for t in sorted(wanted & tokens[e])) / (
            sum(idf.get(t, 1.0) for t in sorted(wanted)) or 1)
        return overlap, max(difflib.SequenceMatcher(None, ref, w).ratio() for w in spellings[e] | {e})

    best = max(spellings, key=score, default=None)
    if best is None:
        return "—"
    overlap, spelling = score(best)
    return "—" if overlap == 0 and spelling < 0.6 else best


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
    from cqdt_check.checks import _closest_id

    arch = ARCHITECTURES[architecture]
    ids = sorted(arch.ids())
    for number, ref in enumerate(_refs(ids)):
        known = set(ids) | ({f"ht-{ref[:6]}"} if number % 2 else set())  # a plan's own systems are candidates too
        assert _closest_id(ref, arch, known) == _closest_by_definition(ref, arch, known), ref
