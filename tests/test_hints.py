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
