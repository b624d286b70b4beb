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


def test_closest_id_breaks_ties_the_same_way_in_every_process():
    """Several of the plan's own ids fit a typo equally: the hint is the same whatever the process's string hashing
    (it changed from run to run: ties followed set order)."""
    import os
    import subprocess
    import sys

    snippet = ("from conftest import ROOT\n"
               "from cqdt_check.architecture import with_national\n"
               "from cqdt_check.checks import closest_id\n"
               "from cqdt_check.packs import load_architecture\n"
               "arch = with_national(load_architecture(ROOT / 'architecture' / 'nghe-an-1.0.yaml'))\n"
               "own = {'ioc-010', 'ioc-028', 'ioc-046'}  # a plan's own system ids, equally near\n"
               "print(closest_id('ioc-tinh', arch, set(arch.ids()) | own))\n")
    answers = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT)])}
        proc = subprocess.run([sys.executable, "-c", snippet], capture_output=True, text=True, env=env, check=True)
        answers.add(proc.stdout.strip())
    assert len(answers) == 1, answers
