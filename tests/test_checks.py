"""Check functions in isolation: tables of inputs and what each yields."""

from __future__ import annotations


import pytest

from conftest import ROOT
from cqdt_check.architecture import with_national
from cqdt_check.checks import closest_id
from cqdt_check.packs import load_architecture

ARCH = with_national(load_architecture(ROOT / "architecture" / "quang-ngai-3.0.yaml"))
NGHE_AN = with_national(load_architecture(ROOT / "architecture" / "nghe-an-1.0.yaml"))


@pytest.mark.parametrize(
    "typo, hint",
    [
        ("he-thong-tthc", "he-thong-thong-tin-giai-quyet-tthc"),
        ("lgps", "lgsp"),
        ("cong-dvc", "cong-dvc-quoc-gia"),
        ("csdl-dan-cu", "csdl-quoc-gia-dan-cu"),
        ("emc", "he-thong-emc"),
        ("trung-tam-du-lieu", "trung-tam-du-lieu-tinh"),
        ("Nền tảng tích hợp, chia sẻ dữ liệu quốc gia", "ndxp"),
        ("xyzzy", "—"),
    ],
)
def test_closest_id_hint(typo, hint):
    assert closest_id(typo, ARCH, set(ARCH.ids())) == hint
