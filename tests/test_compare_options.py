"""`cqdt-check compare` judges both revisions as `check` does: --select/--ignore/--extend-select, a configuration
file (named with --config, found in the folder, or none with --no-config) under the same governance, and its HTML
is a self-contained page in the HTML report's look. Everything through the command line."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from cqdt_check.messages import say

OLD = ROOT / "examples" / "nhieu-van-de.yaml"
NEW = ROOT / "tests" / "fixtures" / "compare" / "nhieu-van-de-v2.yaml"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A folder holding both revisions, the current directory, without a configuration file yet."""
    shutil.copy(OLD, tmp_path / "v1.yaml")
    shutil.copy(NEW, tmp_path / "v2.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _compare(cli, *args: str) -> tuple[int, dict, str]:
    code, out, err = cli("compare", "v1.yaml", "v2.yaml", "--format", "json", *args)
    return code, (json.loads(out) if out.strip() else {}), err


def _rules(data: dict) -> set[str]:
    return {f["rule_id"] for key in ("resolved", "new", "open") for f in data[key]}


# (options, the rules that may appear, the rules that must be off)
SELECTIONS = [
    (["--ignore", "IPV6"], lambda r: not r.startswith("IPV6"), "IPV6-002"),
    (["--select", "security"], lambda r: r.startswith("SEC"), "CON-002"),
    (["--select", "SEC", "--extend-select", "DATA-008"], lambda r: r.startswith("SEC") or r == "DATA-008", "IPV6-002"),
]


@pytest.mark.parametrize(("options", "allowed", "off"), SELECTIONS)
def test_selection_applies_to_both_sides(cli, folder, options, allowed, off):
    code, data, _ = _compare(cli, "--no-config", *options)
    assert code in (0, 1) and _rules(data), options
    assert all(allowed(rule) for rule in _rules(data)), sorted(_rules(data))
    assert off in data["rules_off"]
    # an old finding of a rule not judged now is neither resolved nor open
    assert not any(f["rule_id"] == off for f in data["resolved"])


def test_ignored_resolutions_leave_the_rest_unchanged(cli, folder):
    _, everything, _ = _compare(cli, "--no-config")
    _, without, _ = _compare(cli, "--no-config", "--ignore", "IPV6")
    keep = lambda items: {(f["rule_id"], f["path"]) for f in items if not f["rule_id"].startswith("IPV6")}
    for key in ("resolved", "new", "open"):
        assert keep(everything[key]) == keep(without[key]), key


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_format_names_the_rules_off_and_the_configuration(cli, folder, fmt, lang):
    (folder / "operator.yaml").write_text("ignore: [IPV6-002]\n", encoding="utf-8")
    code, out, _ = cli("compare", "v1.yaml", "v2.yaml", "--format", fmt, "--lang", lang, "--config", "operator.yaml")
    assert code == 1
    assert say("report.rules_off", lang) in out and "IPV6-002" in out
    assert "operator.yaml" in out


def test_a_configuration_named_by_the_operator_turns_rules_off(cli, folder):
    (folder / "operator.yaml").write_text("ignore: [IPV6]\n", encoding="utf-8")
    _, data, _ = _compare(cli, "--config", "operator.yaml")
    assert not any(r.startswith("IPV6") for r in _rules(data)) and data["config_file"].endswith("operator.yaml")
    _, plain, _ = _compare(cli, "--no-config")
    assert any(r.startswith("IPV6") for r in _rules(plain)) and plain["config_file"] is None and not plain["rules_off"]


def test_a_configuration_found_in_the_folder_names_itself_but_cannot_turn_rules_off(cli, folder):
    (folder / ".cqdt-check.yaml").write_text("lang: en\n", encoding="utf-8")
    code, out, _ = cli("compare", "v1.yaml", "v2.yaml", "--format", "text")
    assert code == 1 and ".cqdt-check.yaml" in out and say("report.config_searched", "en") in out
    (folder / ".cqdt-check.yaml").write_text("ignore: [IPV6]\n", encoding="utf-8")
    code, out, err = cli("compare", "v1.yaml", "v2.yaml")
    assert code == 2 and out == "" and ".cqdt-check.yaml:1" in err


@pytest.mark.parametrize("key", ["fail-on: never", "architecture: nghe-an-1.0", "as-of: 2026-01-01", "select: [SEC]"])
def test_a_configuration_found_in_the_folder_cannot_choose_how_the_plan_is_judged(cli, folder, key):
    (folder / ".cqdt-check.yaml").write_text(key + "\n", encoding="utf-8")
    code, out, err = cli("compare", "v1.yaml", "v2.yaml")
    assert code == 2 and out == ""
    assert ".cqdt-check.yaml:1" in err and key.split(":")[0] in err


def test_a_configuration_the_operator_names_may(cli, folder):
    (folder / "operator.yaml").write_text("fail-on: never\nselect: [SEC]\n", encoding="utf-8")
    code, data, _ = _compare(cli, "--config", "operator.yaml")
    assert code == 0 and data["fail_on"] == "never" and all(r.startswith("SEC") for r in _rules(data))
    code, data, _ = _compare(cli, "--config", "operator.yaml", "--fail-on", "error")
    assert code == 1 and data["fail_on"] == "error", "the command line wins over the file"


@pytest.mark.parametrize("args", [["--select", "NOPE-999"], ["--ignore", "YAML-001"],
                                  ["--config", "missing.yaml"], ["--config", "x.yaml", "--no-config"]])
def test_bad_judging_options_refuse_the_run(cli, folder, args):
    code, out, err = cli("compare", "v1.yaml", "v2.yaml", *args)
    assert code == 2 and out == "" and err.startswith("cqdt-check: ") and "Traceback" not in err


def test_html_is_a_self_contained_page_in_the_report_look(cli, folder):
    code, page, _ = cli("compare", "v1.yaml", "v2.yaml", "--format", "html", "--lang", "en", "--no-config")
    assert code == 1 and page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    css = (Path(ROOT) / "cqdt_check" / "reporters" / "templates" / "report.css").read_text(encoding="utf-8")
    assert css.strip().splitlines()[-1] in page, "the HTML report's stylesheet, inline"
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", page), "nothing loaded from outside"
    assert '<article class="finding severity-error">' in page
    new = page[page.index('<section class="compare-new"'):page.index('<section class="compare-open"')]
    assert '<span class="rule-id">DATA-008</span>' in new and '<span class="rule-id">SEC-002</span>' in new
    assert "<table>" in page and "<code>systems[0].hosting.location</code>" in page  # the plan's changes


def test_html_escapes_what_the_plan_wrote(cli, folder):
    text = (folder / "v2.yaml").read_text(encoding="utf-8")
    (folder / "v2.yaml").write_text(text.replace("location: SG", 'location: "<script>x</script>"', 1), encoding="utf-8")
    _, page, _ = cli("compare", "v1.yaml", "v2.yaml", "--format", "html", "--no-config")
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
