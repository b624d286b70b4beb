"""Shared test fixtures: the bundled rule pack, a checker for files, and the CLI as a user calls it."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(ROOT))  # tests run against the checkout as well as an installed package

from cqdt_check.cli import main  # noqa: E402
from cqdt_check.engine import Settings, check_file  # noqa: E402
from cqdt_check.resources import data_dir, schema  # noqa: E402
from cqdt_check.rulepack import load_rule_pack  # noqa: E402
from cqdt_check.run import ArchitectureResolver  # noqa: E402


@pytest.fixture(scope="session")
def pack():
    return load_rule_pack([data_dir("rules")])


@pytest.fixture(scope="session")
def check(pack):
    """check(path, as_of=None, lang='vi', architecture=None) -> DocumentResult."""

    def run(path: Path, as_of: dt.date | None = None, lang: str = "vi", architecture: str | None = None, fail_on="error"):
        settings = Settings(pack=pack, architectures=ArchitectureResolver(architecture), as_of=as_of, lang=lang,
                            fail_on=fail_on, today=dt.date(2026, 11, 21))
        return check_file(Path(path), str(path), settings, schema("plan.schema.json"))

    return run


@pytest.fixture(scope="session")
def make_report(pack):
    """make_report(documents, lang='vi') -> Report: as the CLI builds it, with the run's rule catalogue."""
    from cqdt_check import __version__
    from cqdt_check.engine import rule_catalogue
    from cqdt_check.findings import Report

    def build(documents, lang: str = "vi", fail_on: str = "error") -> Report:
        documents = tuple(documents)
        arch_info = next((d.architecture for d in documents if d.architecture), None)
        arch = ArchitectureResolver(arch_info.id)(None) if arch_info else None
        return Report(documents, arch_info, lang=lang, fail_on=fail_on, tool_version=__version__,
                      rule_count=len(pack.rules), rules=rule_catalogue(pack, arch, lang))

    return build


@pytest.fixture
def cli(capsys, monkeypatch):
    """cli(*args) -> (exit code, stdout, stderr): the console entry point, in process."""

    def run(*args: str):
        monkeypatch.setenv("NO_COLOR", "1")
        with pytest.raises(SystemExit) as exc:
            main(list(args))
        out, err = capsys.readouterr()
        code = exc.value.code
        return (0 if code is None else code), out, err

    return run
