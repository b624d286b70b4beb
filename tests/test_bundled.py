"""The bundled YAML files are read from the parsed copy shipped with them exactly as the loader parses them, and only
while unchanged: an edited bundled file, or any file outside the bundled folders, is parsed."""

from __future__ import annotations

import shutil

import pytest

from cqdt_check import bundled
from cqdt_check.loader import load_file, load_operator_file
from cqdt_check.packs import load_pack
from cqdt_check.resources import data_dir

FILES = bundled.bundled_files()


def _same(copied, parsed) -> None:
    assert copied.path == parsed.path and copied.data == parsed.data and copied.problems == parsed.problems == []
    # the places of every value and key, in the loader's order
    assert list(copied.spans.items()) == list(parsed.spans.items())
    assert list(copied.key_spans.items()) == list(parsed.key_spans.items())


def test_the_copy_holds_every_bundled_file():
    names = {name for name, _ in FILES}
    assert {"rules/ipv6.yaml", "rules/vocabulary/instruments.yaml", "architecture/quang-ngai-3.0.yaml",
            "architecture/national/khung-quoc-gia.yaml"} <= names
    assert set(bundled._entries()) == names


@pytest.mark.parametrize(("name", "path"), FILES, ids=[name for name, _ in FILES])
def test_a_bundled_file_read_from_the_copy_is_what_the_loader_parses(name, path):
    copied = bundled._copied(path)
    assert copied is not None, f"{name} was parsed, not read from the copy"
    _same(copied, load_file(path))


def test_a_bundled_file_whose_bytes_changed_is_parsed(monkeypatch):
    name, path = FILES[0]
    entries = dict(bundled._entries())
    _, text = entries[name]
    entries[name] = ("0" * 64, text)  # the file no longer has the bytes the copy was made from
    monkeypatch.setattr(bundled, "_entries", lambda: entries)
    assert bundled._copied(path) is None
    _same(bundled.load(path), load_file(path))


def test_a_copy_of_the_bundled_pack_elsewhere_is_parsed(tmp_path):
    """An operator's pack (here a copy of the bundled one) is never matched with the bundled copy, even byte for
    byte: only files inside the installed folders are."""
    shutil.copytree(data_dir("rules"), tmp_path / "rules")
    copied = tmp_path / "rules" / "ipv6.yaml"
    assert bundled._bundled_name(copied) is None and bundled._copied(copied) is None
    _same(bundled.load(copied), load_operator_file(copied))


def test_the_pack_loads_the_same_from_the_copy_and_from_the_yaml(monkeypatch):
    from_copy = load_pack([])
    monkeypatch.setattr(bundled, "_entries", dict)  # no copy: every file parsed
    from_yaml = load_pack([])
    assert from_copy.rules == from_yaml.rules and from_copy.concepts == from_yaml.concepts
    assert from_copy.instruments == from_yaml.instruments


def test_a_damaged_copy_is_not_used(monkeypatch):
    name, path = FILES[0]
    sha256, _ = bundled._entries()[name]
    monkeypatch.setattr(bundled, "_entries", lambda: {name: (sha256, '{"data": {}, "spans": [1], "key_spans": []}')})
    assert bundled._copied(path) is None
    _same(bundled.load(path), load_file(path))


@pytest.mark.parametrize("damage", ["a line without its fields\n", "\n", "name\tonly two fields\n"])
def test_a_damaged_line_of_the_copy_is_skipped(monkeypatch, tmp_path, damage):
    """A line of the copy that is not `name, sha256, entry` (a truncated or hand-edited install) is skipped, never a
    crash: its file, if any, is parsed, and every other line still serves."""
    head, _, lines = (data_dir("schemas") / bundled.COPY).read_text(encoding="utf-8").partition("\n")
    (tmp_path / bundled.COPY).write_text(f"{head}\n{damage}{lines}", encoding="utf-8")
    monkeypatch.setattr(bundled, "data_dir", lambda name: tmp_path if name == "schemas" else data_dir(name))
    bundled._entries.cache_clear()
    try:
        assert set(bundled._entries()) == {name for name, _ in FILES}
        name, path = FILES[0]
        assert bundled._copied(path) is not None
        (tmp_path / bundled.COPY).write_text(f"{head}\n{damage}", encoding="utf-8")  # nothing left but the damage
        bundled._entries.cache_clear()
        assert bundled._entries() == {} and bundled._copied(path) is None
        _same(bundled.load(path), load_file(path))
    finally:
        bundled._entries.cache_clear()


def test_a_copy_made_by_another_loader_is_not_used(monkeypatch, tmp_path):
    """What the loader makes of a file is the copy's other input: a copy whose first line names another loader.py
    (the loader changed, the copy was not made again) is not used at all, whatever the files' hashes say."""
    head, _, lines = (data_dir("schemas") / bundled.COPY).read_text(encoding="utf-8").partition("\n")
    assert head == bundled._loader_line()
    (tmp_path / bundled.COPY).write_text(f"loader\t{'0' * 64}\n{lines}", encoding="utf-8")
    monkeypatch.setattr(bundled, "data_dir", lambda name: tmp_path if name == "schemas" else data_dir(name))
    bundled._entries.cache_clear()
    try:
        name, path = FILES[0]
        assert bundled._entries() == {} and bundled._copied(path) is None
        _same(bundled.load(path), load_file(path))
    finally:
        bundled._entries.cache_clear()
