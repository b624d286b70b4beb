"""The rule-pack and architecture cache: used when the files are the same, never when they changed or it is broken."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from cqdt_check.cache import cached
from cqdt_check.errors import ConfigError
from cqdt_check.packs import load_pack
from cqdt_check.rulepack import load_rule_pack, pack_files


@pytest.fixture
def pack_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CQDT_CHECK_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    return folder


def test_second_run_reads_the_cache_and_equals_a_fresh_load(pack_dir, tmp_path):
    first = load_pack([pack_dir], False)
    assert len(list((tmp_path / "cache").glob("rules-*.pickle"))) == 1
    second = load_pack([pack_dir], False)
    fresh = load_rule_pack([pack_dir])
    assert second is not first
    assert [r.rule for r in second.rules] == [r.rule for r in fresh.rules]
    assert [r.location for r in second.rules] == [r.location for r in fresh.rules]


def test_an_edited_rule_is_reloaded(pack_dir):
    load_pack([pack_dir], False)
    security = pack_dir / "security.yaml"
    security.write_text(security.read_text(encoding="utf-8").replace(
        'vi: "Mỗi hệ thống khai báo hình thức và nơi đặt hạ tầng"', 'vi: "Tiêu đề đã sửa"'), encoding="utf-8")
    assert load_pack([pack_dir], False).get("SEC-015").rule.title.vi == "Tiêu đề đã sửa"


def test_a_broken_pack_is_refused_every_time_not_cached(pack_dir):
    (pack_dir / "broken.yaml").write_text("format: cqdt-rules/1\nrules: [{id: X}]\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError):
            cached("rules", [pack_dir], lambda: load_rule_pack([pack_dir]))


@pytest.mark.parametrize("damage", ["corrupt", "unwritable"])
def test_a_damaged_cache_falls_back_to_the_files(pack_dir, tmp_path, damage):
    cache = tmp_path / "cache"
    if damage == "corrupt":
        load_pack([pack_dir], False)
        for entry in cache.glob("rules-*.pickle"):
            entry.write_bytes(b"not a pickle")
    else:
        cache.write_text("a file where the cache folder should be", encoding="utf-8")
    assert len(load_pack([pack_dir], False).rules) == len(load_rule_pack([pack_dir]).rules)


def test_the_cache_can_be_turned_off(pack_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("CQDT_CHECK_NO_CACHE", "1")
    load_pack([pack_dir], False)
    assert not (tmp_path / "cache").exists()


def test_an_edited_vocabulary_reached_through_a_symlink_is_reloaded(pack_dir, tmp_path):
    elsewhere = tmp_path / "shared-vocabulary"
    (pack_dir / "vocabulary").rename(elsewhere)
    (pack_dir / "vocabulary").symlink_to(elsewhere)
    load_pack([pack_dir], False)
    synonyms = elsewhere / "synonyms.yaml"
    synonyms.write_text(synonyms.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    calls = []
    cached("rules", [pack_dir, *pack_files(pack_dir)], lambda: calls.append(1) or load_rule_pack([pack_dir]))
    assert calls == [1], "the edited vocabulary file must change the cache key"
