"""Nothing between runs decides a verdict: there is no rule-pack cache to poison, and a cache folder left by an
earlier version (or planted by someone else) is neither read nor written. Through the real entry point."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from cqdt_check.packs import load_pack

FAILING = ROOT / "examples" / "nhieu-van-de.yaml"


class _Payload:
    """What a planted pickle would run on load: it creates a file."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _plant(folder, marker):
    """Entries of every shape a cache could hold: executable pickles, packs with no rules, wrong shapes."""
    folder.mkdir(parents=True, exist_ok=True)
    payload = pickle.dumps(_Payload(str(marker)))
    empty_pack = json.dumps({"rules": [], "concepts": {}, "instruments": []})
    for kind in ("rules", "architecture"):
        for name in (kind, f"{kind}-{'0' * 32}"):
            (folder / f"{name}.pickle").write_bytes(payload)
            (folder / f"{name}.json").write_text(empty_pack, encoding="utf-8")
            (folder / f"{name}.broken.json").write_text("[1, 2", encoding="utf-8")


def _run(cache_dir, *args):
    env = {**os.environ, "CQDT_CHECK_CACHE_DIR": str(cache_dir), "XDG_CACHE_HOME": str(cache_dir), "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "cqdt_check", str(FAILING), "-f", "json", "--as-of", "2025-06-01",
                             *args], capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    report = json.loads(result.stdout)
    return result.returncode, [(f["rule_id"], f["line"], f["severity"]) for d in report["documents"] for f in d["findings"]]


@pytest.mark.parametrize("mode", [0o777, 0o700], ids=["world-writable", "own-folder"])
def test_a_planted_cache_folder_changes_nothing(tmp_path, mode):
    clean = _run(tmp_path / "clean")
    assert clean[0] == 1 and clean[1], "the example must fail, or the test shows nothing"
    planted = tmp_path / "planted"
    marker = tmp_path / "payload-ran"
    _plant(planted, marker)
    planted.chmod(mode)
    before = sorted((p.name, p.read_bytes()) for p in planted.iterdir())
    assert _run(planted) == clean
    assert not marker.exists(), "a planted pickle was loaded"
    assert sorted((p.name, p.read_bytes()) for p in planted.iterdir()) == before, "the run wrote into the cache folder"
    assert not (tmp_path / "clean").exists()


def test_an_edited_rule_is_read_on_the_next_load(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    load_pack([folder], False)
    security = folder / "security.yaml"
    security.write_text(security.read_text(encoding="utf-8").replace(
        'vi: "Mỗi hệ thống khai báo hình thức và nơi đặt hạ tầng"', 'vi: "Tiêu đề đã sửa"'), encoding="utf-8")
    assert load_pack([folder], False).get("SEC-015").rule.title.vi == "Tiêu đề đã sửa"
