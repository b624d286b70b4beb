"""`cqdt-check architecture [ID]`: every id a plan may use, with its name and source, in text and json; the README's
own sample plan checks without format errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT

from cqdt_check.layers import as_text, judged_layers
from cqdt_check.resources import bundled_architectures
from cqdt_check.packs import ArchitectureResolver


@pytest.mark.parametrize("arch_id", bundled_architectures())
def test_json_lists_every_id_with_its_name_and_source(cli, arch_id):
    architecture = ArchitectureResolver(None)(arch_id)
    code, out, _ = cli("architecture", arch_id, "--format", "json")
    assert code == 0
    layers = {layer["layer"]: layer for layer in json.loads(out)["layers"]}
    provincial, national = layers["provincial"], layers["national"]
    assert provincial["id"] == arch_id and provincial["decision"]["number"] == architecture.decision.number
    # national ids are listed once, in the national layer, whichever province
    national_ids = {e.id for e in architecture.national.elements}
    assert {e["id"] for e in national["entries"]} == national_ids
    assert not national_ids & {e["id"] for e in provincial["entries"]}
    listed = {e["id"]: e for layer in layers.values() for e in layer["entries"]}
    expected = set(architecture.ids()) | {str(t.number) for t in architecture.roadmap}
    assert set(listed) == expected
    assert all(e["name"]["vi"] and e["source"] for e in listed.values())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text_names_each_id_in_the_language_asked(cli, lang):
    architecture = ArchitectureResolver(None)("quang-ngai-3.0")
    code, out, _ = cli("architecture", "--lang", lang)
    assert code == 0
    lgsp = architecture.ids()["lgsp"]
    assert re.search(r"^  lgsp\b", out, re.MULTILINE) and lgsp.name.get(lang).split()[0] in out
    assert architecture.decision.number in out


@pytest.mark.parametrize("width", [40, 60, 80, 132])
def test_text_fits_the_width(width):
    layers = judged_layers(ArchitectureResolver(None)("quang-ngai-3.0"))
    lines = as_text(layers, "vi", width).splitlines()
    # only a single word longer than the width (an id, a path) may overflow, as no wrap can split it
    assert all(len(line) <= width or " " not in line.strip() for line in lines)


def test_unknown_id_exits_2_with_the_closest_one(cli):
    code, out, err = cli("architecture", "quang-ngai-3")
    assert code == 2 and out == "" and "quang-ngai-3.0" in err
    assert cli("architecture", "--format", "xml")[0] == 2


def test_a_closed_pipe_ends_quietly():
    proc = subprocess.run(f"'{sys.executable}' -m cqdt_check architecture | head -n 2", shell=True, capture_output=True, check=False,
                          text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "80"})
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 2 and proc.stderr == ""


def readme_plans() -> list[tuple[str, int, str]]:
    """Every ```yaml block of README.md that is a plan: (section, line, text)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = []
    for match in re.finditer(r"^```yaml\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
        if "format: cqdt-plan/1" in match.group(1):
            line = text.count("\n", 0, match.start()) + 2
            found.append(("en" if text.rfind("## English", 0, match.start()) >= 0 else "vi", line, match.group(1)))
    return found


def test_readme_has_a_sample_plan_in_both_languages():
    assert {section for section, _, _ in readme_plans()} == {"vi", "en"}


@pytest.mark.parametrize("section,line,text", readme_plans(), ids=lambda v: str(v)[:12])
def test_readme_sample_plan_checks_without_format_errors(check, tmp_path, section, line, text):
    path = tmp_path / f"readme-{section}-{line}.yaml"
    path.write_text(text, encoding="utf-8")
    result = check(path)
    assert result.rules_evaluated, f"README.md:{line}: {result.error}"
    problems = [f"{f.rule_id} {f.path_text}: {f.message}" for f in result.findings
                if f.rule_id.startswith(("YAML-", "SCHEMA-"))]
    assert not problems, f"README.md:{line} ({section}): {problems}"
