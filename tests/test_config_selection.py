"""Configuration files, rule selection and the governance of both, through the console entry point.

Fixture files: tests/fixtures/config/*. A file copied to `.cqdt-check.yaml` (or a pyproject.toml) in a temporary
folder that is the current folder is "found by search"; a file given with --config is "named by the operator".
"""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "tthc-nang-cap.yaml")  # passes, with one info finding (ARCH-010)
FIXTURES = ROOT / "tests" / "fixtures" / "config"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A checked folder that is the current folder; place(name, as_) puts a fixture config in it."""
    nested = tmp_path / "project" / "sub"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)

    def place(fixture: str, as_: str = ".cqdt-check.yaml"):
        target = tmp_path / "project" / as_
        shutil.copy(FIXTURES / fixture, target)
        return target

    return place


def test_a_searched_file_is_found_upward_and_named_in_the_header(cli, folder):
    path = folder("searched-ok.yaml")
    code, out, _ = cli(EXAMPLE, "-f", "json")
    report = json.loads(out)
    assert code == 0 and report["lang"] == "en"  # the file's lang
    assert report["config"] == {"file": str(path), "found_by": "search"}
    code, out, _ = cli(EXAMPLE)
    assert "(found in the folder)" in " ".join(out.split())  # the header wraps at 80 columns


def test_a_named_file_turns_rules_off_and_they_are_not_evaluated(cli):
    named = FIXTURES / "named-ignore.yaml"
    code, out, _ = cli(EXAMPLE, "-f", "json", "--config", str(named))
    report = json.loads(out)
    (doc,) = report["documents"]
    assert code == 0 and report["config"]["found_by"] != "search"
    assert doc["rules_off"] == ["ARCH-010"]
    statuses = {c["status"] for c in doc["checks"] if c["rule_id"] == "ARCH-010"}
    assert statuses == {"not_evaluated"}  # not "pass"
    assert not [f for f in doc["findings"] if f["rule_id"] == "ARCH-010"]
    code, out, _ = cli(EXAMPLE, "--config", str(named))
    flat = " ".join(out.split())
    assert "ARCH-010" in flat and "not evaluated" in flat


@pytest.mark.parametrize("fmt, marker", [
    ("text", "ARCH-010"), ("markdown", "ARCH-010"), ("html", "ARCH-010"), ("sarif", "rulesOff"),
    ("junit", "rules_off"), ("github", "ARCH-010"), ("opinion", "ARCH-010"),
])
def test_every_format_names_the_configuration_and_the_rules_turned_off(cli, fmt, marker):
    named = FIXTURES / "named-ignore.yaml"
    code, out, _ = cli(EXAMPLE, "-f", fmt, "--config", str(named))
    assert code == 0 and marker in out
    if fmt != "opinion":  # the file's name (markup escapes and line wrapping aside)
        assert named.name in out.replace("\\", "").replace("\n", "")


@pytest.mark.parametrize("lang, never", [("vi", "ĐẠT"), ("en", "conforms to")])
def test_the_opinion_never_concludes_pass_while_rules_are_off(cli, lang, never):
    code, out, _ = cli(EXAMPLE, "-f", "opinion", "--lang", lang, "--no-config")
    assert code == 0
    conforms = out  # with every rule, the example conforms
    code, out, _ = cli(EXAMPLE, "-f", "opinion", "--lang", lang, "--no-config", "--ignore", "IPV6-001")
    assert "IPV6-001" in out.split("\n")[-8:].__str__() or "IPV6-001" in out
    assert conforms != out
    assert ("không đủ căn cứ" in out.lower() or "chưa đủ căn cứ" in out.lower()) if lang == "vi" else "not enough grounds" in out


@pytest.mark.parametrize("fixture, key", [
    ("searched-fail-on.yaml", "fail-on"), ("searched-architecture.yaml", "architecture"),
    ("searched-ignore.yaml", "ignore"),  # a rule turned off by the checked folder would let it pass its own check
])
def test_a_searched_file_may_not_choose_what_judges_or_fails_the_plan(cli, folder, fixture, key):
    path = folder(fixture)
    code, out, err = cli(EXAMPLE)
    assert code == 2 and not out
    assert f"{path}:2:1:" in err and key in err and "--config" in err
    # the same file named by the operator is the operator's choice
    code, out, err = cli(EXAMPLE, "--config", str(path), "-f", "json")
    assert code in (0, 1) and json.loads(out)["config"]["found_by"] == "option"


@pytest.mark.parametrize("fixture, as_, place, words", [
    ("searched-format-file.yaml", ".cqdt-check.yaml", ":2:", "text:../victim.txt"),
    ("searched-format-file.toml", "pyproject.toml", ":6:1:", "opinion-docx:../victim.txt"),
    ("searched-output.yaml", ".cqdt-check.yaml", ":2:1:", "output"),  # not a configuration key at all
])
def test_a_searched_file_may_not_choose_a_file_to_write(cli, folder, tmp_path, fixture, as_, place, words):
    victim = tmp_path / "project" / "victim.txt"  # ../victim.txt from the current folder
    victim.write_text("precious\n", encoding="utf-8")
    path = folder(fixture, as_)
    code, out, err = cli(EXAMPLE)
    assert code == 2 and not out and "Traceback" not in err
    assert f"{path}{place}" in err and words in err
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert cli("config")[0] == 2  # what the run would refuse, `config` does not present as in effect


def test_a_searched_file_may_still_choose_formats_to_standard_output(cli, folder):
    (folder("searched-ok.yaml")).write_text("format: [json]\nlang: en\n", encoding="utf-8")
    code, out, _ = cli(EXAMPLE)
    assert code == 0 and json.loads(out)["lang"] == "en"


def test_a_named_file_may_choose_a_file_to_write(cli, folder, tmp_path):
    victim = tmp_path / "project" / "victim.txt"
    path = folder("searched-format-file.yaml")
    code, out, _ = cli(EXAMPLE, "--config", str(path))
    assert code == 0 and victim.is_file() and json.loads(out)["documents"]


@pytest.mark.parametrize("fixture, place, words", [
    ("unknown-key.yaml", ":2:1:", "langg"),
    ("bad-limit.yaml", ":1:", "max-bytes"),
    ("duplicate.yaml", ":2:", "lang"),
    ("broken.yaml", ":", ""),
    ("bad-type.toml", ":3:1:", "fail-on"),
])
def test_a_configuration_it_cannot_use_is_refused_with_its_place(cli, fixture, place, words):
    path = FIXTURES / fixture
    code, out, err = cli(EXAMPLE, "--config", str(path))
    assert code == 2 and not out and "Traceback" not in err
    assert f"{path}{place}" in err and words in err


def test_the_command_line_wins_and_no_config_reads_nothing(cli, folder):
    folder("searched-ok.yaml")
    assert json.loads(cli(EXAMPLE, "-f", "json", "--lang", "vi")[1])["lang"] == "vi"
    report = json.loads(cli(EXAMPLE, "-f", "json", "--no-config")[1])
    assert "config" not in report and "rules_off" not in report["documents"][0]
    assert cli(EXAMPLE, "--config", str(FIXTURES / "named.toml"), "--no-config")[0] == 2


def test_a_pyproject_table_is_found_and_one_without_the_table_is_passed_over(cli, folder, tmp_path):
    (tmp_path / "project" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert "config" not in json.loads(cli(EXAMPLE, "-f", "json")[1])
    (tmp_path / "project" / "pyproject.toml").write_text('[tool.cqdt-check]\nlang = "en"\n', encoding="utf-8")
    report = json.loads(cli(EXAMPLE, "-f", "json")[1])
    assert report["lang"] == "en" and report["config"]["found_by"] == "search"
    named = tmp_path / "project" / "pyproject.toml"
    named.write_text('[tool.cqdt-check]\nlang = "en"\nignore = ["ARCH"]\n', encoding="utf-8")
    assert cli(EXAMPLE, "-f", "json")[0] == 2  # found by search: it may not turn rules off
    report = json.loads(cli(EXAMPLE, "-f", "json", "--config", str(named))[1])
    assert {"ARCH-001", "ARCH-010"} <= set(report["documents"][0]["rules_off"])


def test_config_prints_each_setting_and_where_it_came_from(cli, folder):
    path = folder("searched-ok.yaml")
    code, out, _ = cli("config", "--lang", "en")
    assert code == 0 and str(path) in out and "searched upward" in out
    lines = {line.split("=")[0].strip(): line for line in out.splitlines() if "=" in line}
    assert f"{path}:1" in lines["lang"] and f"{path}:2" in lines["color"]
    assert "(default)" in lines["fail-on"]
    code, out, _ = cli("config", "--no-config", "--lang", "en")
    assert code == 0 and "none" in out


@pytest.mark.parametrize("args, off, on", [
    (["--select", "SEC"], {"IPV6-001", "ARCH-010"}, {"SEC-003"}),
    (["--select", "security,ipv6"], {"ARCH-010"}, {"SEC-003", "IPV6-001"}),
    (["--select", "SEC", "--extend-select", "RENT-00"], {"ARCH-010"}, {"SEC-003", "RENT-001"}),
    (["--ignore", "SEC-003"], {"SEC-003"}, {"SEC-001", "ARCH-010"}),
    (["--select", "security", "--ignore", "SEC-003"], {"SEC-003", "ARCH-010"}, {"SEC-001"}),
])
def test_selection_by_id_prefix_and_area(cli, args, off, on):
    code, out, _ = cli(EXAMPLE, "-f", "json", "--no-config", *args)
    (doc,) = json.loads(out)["documents"]
    assert off <= set(doc["rules_off"]) and not on & set(doc["rules_off"])


@pytest.mark.parametrize("args, words", [
    (["--select", "SECC"], "SEC"), (["--ignore", "sec-0003"], "SEC-003"), (["--select", "securty"], "security"),
    (["--ignore", "SCHEMA-001"], "SCHEMA-001"), (["--ignore", "YAML"], "YAML"),
])
def test_unknown_or_input_rules_are_refused_with_did_you_mean(cli, args, words):
    code, out, err = cli(EXAMPLE, "--no-config", *args)
    assert code == 2 and not out and words in err and args[0] in err


def test_per_path_ignores_apply_to_matching_files_only(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "legacy").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "legacy" / "old.yaml")
    shutil.copy(EXAMPLE, tmp_path / "new.yaml")
    (tmp_path / ".cqdt-check.yaml").write_text("per-path-ignores:\n  'legacy/*': [ARCH-010]\n", encoding="utf-8")
    assert cli(".", "-f", "json")[0] == 2  # found by search: refused (it would decide the verdict)
    report = json.loads(cli(".", "-f", "json", "--config", ".cqdt-check.yaml")[1])
    off = {d["file"]: d.get("rules_off", []) for d in report["documents"]}
    assert off == {"legacy/old.yaml": ["ARCH-010"], "new.yaml": []}
