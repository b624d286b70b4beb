"""The command line as a shell user meets it, through the real entry point: help in words (no Python type names),
shell completion, and a reader that goes away early (`| head`) ending every printing command quietly."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PLAN, ROOT

COMMANDS = ["check", "rules", "explain", "schema", "init", "architecture", "compare", "config"]
# what a Python type looks like in a help text: <str>, <int>, <path>, <list[Path]>, list[str], Path]
PYTHON_TYPE = re.compile(r"<\s*(?:str|int|float|bool|path|Path|list|dict|tuple)\b|\b(?:list|dict|tuple)\[|Path\]")


@pytest.mark.parametrize("args", [["-h"], ["--help"], *([command, "--help"] for command in COMMANDS),
                                  *([command, "-h"] for command in COMMANDS)])
def test_help_names_no_python_type(cli, args):
    code, out, _ = cli(*args)
    assert code == 0 and "--lang" in out  # a real help page, with the options
    assert PYTHON_TYPE.findall(out) == []


@pytest.mark.parametrize("command, argument", [("check", "PLAN"), ("compare", "OLD"), ("compare", "NEW"),
                                               ("explain", "RULE"), ("schema", "NAME"), ("architecture", "ID"),
                                               ("init", "FILE")])
def test_help_still_describes_each_argument(cli, command, argument):
    """Arguments are described in the command's text (see commands.py), in the usage line and in a sentence of their own."""
    out = cli(command, "-h")[1]
    usage, _, text = out.partition("\n")
    assert argument in usage and f"{argument}:" in text


def test_the_self_test_pattern_sees_python_types():
    """The pattern above is not vacuous: it catches what typer prints for an argument without our care."""
    for shown in ("PLAN <list[Path]>", "rule_id <str>", "old <path>", "--system-id <list[str]>", "--jobs <int>"):
        assert PYTHON_TYPE.search(shown), shown
    for clean in ("--format FORMAT[:FILE]", "--lang vi|en", "{PLAN}...", "--max-bytes BYTES"):
        assert not PYTHON_TYPE.search(clean), clean


# --- shell completion --------------------------------------------------------------------------------------------------

def _installed_script() -> Path:
    script = Path(sys.executable).parent / "cqdt-check"
    if not script.exists():
        pytest.skip(f"the console script is not installed beside {sys.executable} (pip install . installs it)")
    return script


@pytest.mark.slow
def test_bash_completion_script_completes_commands_and_options(tmp_path):
    """`--show-completion bash` prints a script; sourced in bash, it completes our subcommands and options. Only
    bash's own words are read (`complete -p` names the function), never the library's."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    script = _installed_script()
    env = {**os.environ, "PATH": f"{script.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    shown = subprocess.run([str(script), "--show-completion", "bash"], capture_output=True, text=True, env=env)
    assert shown.returncode == 0 and shown.stdout.strip()
    (tmp_path / "completion.bash").write_text(shown.stdout, encoding="utf-8")
    probe = """
source "$1"
fn=$(complete -p cqdt-check | sed -E 's/.* -F ([^ ]+) .*/\\1/')
complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); "$fn" cqdt-check; echo "${COMPREPLY[*]}"; }
complete_words cqdt-check expl
complete_words cqdt-check check --sel
"""
    proc = subprocess.run(["bash", "-c", probe, "probe", str(tmp_path / "completion.bash")],
                          capture_output=True, text=True, env=env)
    commands, options = proc.stdout.splitlines()
    assert proc.returncode == 0 and commands.split() == ["explain"] and options.split() == ["--select"]


# --- a reader that goes away -------------------------------------------------------------------------------------------

EXAMPLE = str(ROOT / "examples" / "tthc-nang-cap.yaml")
FAILING = str(ROOT / PLAN)


@pytest.mark.slow
@pytest.mark.parametrize("args, code", [
    ([FAILING, "--no-config"], 1),
    ([FAILING, "--no-config", "-f", "json"], 1),
    ([FAILING, "--no-config", "-f", "docx"], 2),  # a usage error still says so on stderr (checked below)
    ([FAILING, "--no-config", "-f", "opinion-docx"], 1),
    (["rules"], 0),
    (["rules", "-f", "json"], 0),
    (["explain", "SEC-003"], 0),
    (["architecture"], 0),
    (["schema"], 0),
    (["config", "--no-config"], 0),
    (["compare", EXAMPLE, FAILING], 1),
    (["init", "-", "--no-input"], 0),
])
def test_a_closed_pipe_ends_quietly_with_the_usual_exit_status(tmp_path, args, code):
    """The reader closes its end before anything is written (`| head -c 0`): each command's first write to stdout
    meets a broken pipe. The run ends with the exit status it has with a reader, and nothing on stderr about it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "cqdt_check", *args]
    with_reader = subprocess.run(command, capture_output=True, cwd=tmp_path, env=env)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(command, stdout=write_end, stderr=subprocess.PIPE, cwd=tmp_path, env=env)
    finally:
        os.close(write_end)
    assert with_reader.returncode == code and proc.returncode == code
    assert proc.stderr == with_reader.stderr  # what stderr says with a reader, and nothing more
