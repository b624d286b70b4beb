"""`check` command lines read without typer (options.read_check) give the command exactly what typer gives it; every
command line the reader is not sure of is left to typer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cqdt_check import run
from cqdt_check.cli import main
from cqdt_check.commands import app
from cqdt_check.options import CHECK, COMPLETION_VARIABLE, PLANS, read_check


def typer_reads(monkeypatch, args: list[str]):
    """What typer hands the check command for `args`: (values, typed), or the exit code when it refuses them."""
    seen = []
    monkeypatch.setattr(run, "from_command_line", lambda values, typed: seen.append((values, typed)) or 0)
    with pytest.raises(SystemExit) as exc:
        app(args=args, prog_name="cqdt-check", standalone_mode=True)
    return seen[0] if seen else exc.value.code


def exactly(read):
    """(values, typed) with every value's type beside it: `Lang.en == "en"` and `True == 1` hold in Python, but the
    command needs the very types typer gives."""
    if not isinstance(read, tuple):
        return read
    values, typed = read

    def typed_value(v):
        return [typed_value(x) for x in v] if isinstance(v, list) else (type(v), v)

    return {k: typed_value(v) for k, v in values.items()}, typed


PLAIN = [
    ["check", "a.yaml"],
    ["check", "a.yaml", "b.yml", "-", "folder"],
    ["check", "-f", "json", "-o", "out.json", "a.yaml"],
    ["check", "--format=sarif:x.sarif", "--format", "text", "-fjunit", "a.yaml"],
    ["check", "-f=json", "a.yaml"],  # click reads the rest of a short option, `=` included
    ["check", "-j2", "a"], ["check", "-j", "2", "a"], ["check", "--jobs=3", "a"], ["check", "--jobs", "12", "a"],
    ["check", "--progress", "a"], ["check", "--no-progress", "a"], ["check", "--progress", "--no-progress", "a"],
    ["check", "--no-bundled-rules", "--rules", "r1", "--rules", "r2/", "a"],
    ["check", "--no-config", "--quiet", "--statistics", "a"], ["check", "-q", "-q", "a"],
    ["check", "--as-of", "2026-01-01", "--fail-on", "warning", "--lang", "en", "--color", "never", "a"],
    ["check", "--fail-on=never", "--color=always", "--lang=vi", "a"],
    ["check", "--max-bytes", "10", "--max-nodes", "5", "--max-depth", "1", "a"],
    ["check", "--select", "SEC,IPV6", "--extend-select", "RENT", "--ignore", "X", "--ignore", "Y", "a"],
    ["check", "--config", "c.yaml", "--stdin-filename", "tên.yaml", "--decisions", "d.yaml", "--decisions", "e.yaml",
     "--baseline", "b.json", "--architecture", "nghe-an-1.0", "-"],
    ["check", "a.yaml", "--lang", "en", "b.yaml", "-q"],  # options among the plans
    ["check", "--", "-x.yaml", "--lang", "-h"],  # after `--` everything is a plan
    ["check", "--lang", "en", "--lang", "vi", "--output", "1", "--output", "2", "a"],  # the last one counts
    ["check", "kế-hoạch.yaml", "--architecture", "tệp kiến trúc.yaml", "--as-of", "not a date"],
]


@pytest.mark.parametrize("args", PLAIN, ids=" ".join)
def test_plain_command_lines_are_read_as_typer_reads_them(monkeypatch, args):
    read = read_check(args)
    assert read is not None, "a plain command line is read without typer"
    assert exactly(read) == exactly(typer_reads(monkeypatch, args))


LEFT_TO_TYPER = [
    ["check"],  # no plan: typer's error
    ["check", "-h"], ["check", "a", "--help"], ["check", "--version", "a"],
    ["check", "--unknown", "a"], ["check", "-x", "a"], ["check", "---lang", "en", "a"],
    ["check", "a", "--lang"], ["check", "a", "-j"],  # a value missing
    ["check", "--lang", "fr", "a"], ["check", "--lang", "EN", "a"], ["check", "--color", "", "a"],
    ["check", "-j", "0", "a"], ["check", "-j", "-1", "a"], ["check", "--jobs", "02", "a"], ["check", "--max-bytes", "1_000", "a"],
    ["check", "--max-bytes", " 5", "a"], ["check", "--max-depth", "+3", "a"], ["check", "--max-nodes", "٣", "a"],
    ["check", "--quiet=yes", "a"], ["check", "-qj2", "a"], ["check", "--no-progress=1", "a"],
    ["check", "--output", "", "a"], ["check", "--format", "-", "a"], ["check", "-o", "--lang", "a"],
    ["check", "\udcff.yaml"], ["check", "a", "--stdin-filename", "x\0y"],  # a name that is not UTF-8; a NUL
    ["rules"], ["compare", "a", "b"], ["--version"], [],
]


@pytest.mark.parametrize("args", LEFT_TO_TYPER, ids=repr)
def test_other_command_lines_are_left_to_typer(args):
    assert read_check(args) is None


def test_an_unreadable_existing_output_is_left_to_typer_however_it_is_written(monkeypatch, tmp_path):
    """typer looks at the path (`secret/` and `secret/.` are `secret`) and refuses one it cannot read."""
    import cqdt_check.options as options

    secret = tmp_path / "secret"
    secret.write_text("")
    monkeypatch.setattr(options.os, "access", lambda path, mode: Path(path) != secret)
    for written in (str(secret), f"{secret}/", f"{secret}/.", f"{secret}//"):
        assert read_check(["check", "a.yaml", "--output", written]) is None, written
        assert read_check(["check", "a.yaml", f"-o{written}"]) is None, written
    assert read_check(["check", "a.yaml", "--output", str(tmp_path / "other")]) is not None


def test_every_command_typer_knows_is_a_command_the_entry_knows():
    """A command missing from SUBCOMMANDS would be read as the name of a plan to check."""
    import typer

    from cqdt_check.options import SUBCOMMANDS

    group = typer.main.get_command(app)
    assert set(group.commands) == SUBCOMMANDS  # type: ignore[attr-defined]


def test_a_shell_asking_for_completions_is_left_to_typer(monkeypatch):
    monkeypatch.setenv(COMPLETION_VARIABLE, "complete_bash")
    assert read_check(["check", "a.yaml"]) is None


@pytest.mark.parametrize("args", [["--lang", "fr", "a.yaml"], ["--jobs", "0", "a.yaml"], ["--bogus", "a.yaml"]])
def test_a_command_line_left_to_typer_gets_typers_refusal(cli, args):
    code, out, err = cli(*args)
    assert code == 2 and out == "" and "--" in err


def test_every_option_is_read_by_both():
    """Every declared option has a reader (a new kind of value must be taught to read_check, not silently skipped)."""
    for option in CHECK:
        value = {bool: None, int: "7", str: "x", Path: "p"}.get(option.kind, getattr(option.default, "value", None))
        args = ["check", option.flags[0].split("/")[0], *([value] if value is not None else []), "a.yaml"]
        read = read_check(args)
        assert read is not None and option.name in read[1], option.name


def test_a_refusal_on_the_plain_path_is_one_line_in_the_chosen_language(cli, tmp_path):
    code, out, err = cli(str(tmp_path / "a.yaml"), "--config", str(tmp_path / "none.yaml"), "--lang", "en")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("cqdt-check: ") and "none.yaml" in err


# Command lines made of the options' own words, values that typer may or may not accept, and plans.
_WORDS = st.sampled_from(sorted({f for o in CHECK for d in o.flags for f in d.split("/")} | {"--", "-", "-h", "--bogus"}))
_VALUES = st.sampled_from(["a.yaml", "json", "text:out.txt", "en", "vi", "never", "auto", "2", "0", "01", "x", "",
                           "2026-01-01", "-", "-q", "tệp.yaml", "1_0", "SEC,IPV6"])


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_WORDS, _VALUES), max_size=8))
def test_any_command_line_the_reader_accepts_typer_reads_the_same(monkeypatch, words):
    args = ["check", *words]
    read = read_check(args)
    if read is not None:
        assert exactly(read) == exactly(typer_reads(monkeypatch, args))
        assert read[0][PLANS]


def test_the_entry_point_runs_a_plain_check_without_typer(monkeypatch, tmp_path, capsys):
    """main() hands a plain command line to the check itself: typer's app is never called."""
    import cqdt_check.commands as commands

    plan = Path(__file__).parent.parent / "examples" / "lgsp-nang-cap.yaml"
    monkeypatch.setattr(commands, "app", lambda **kw: pytest.fail("typer was asked"))
    with pytest.raises(SystemExit) as exc:
        main([str(plan), "--no-config", "-f", "json"])
    assert exc.value.code == 0 and '"verdict"' in capsys.readouterr().out


def test_ctrl_c_on_the_plain_path_ends_as_typer_ends_a_command(monkeypatch, capsys):
    """Exit 130 and nothing more on stderr (the terminal has shown ^C), as when typer runs the command."""
    def interrupted(values, typed):
        raise KeyboardInterrupt

    monkeypatch.setattr(run, "from_command_line", interrupted)
    with pytest.raises(SystemExit) as exc:
        main(["a.yaml", "--no-config"])
    assert exc.value.code == 130 and capsys.readouterr().err == ""
