"""Shared test fixtures: the bundled rule pack, a checker for files, and the CLI as a user calls it."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(ROOT))  # tests run against the checkout as well as an installed package

from cqdt_check.cli import main
from cqdt_check.engine import Settings, check_file
from cqdt_check.resources import data_dir, schema
from cqdt_check.rulepack import load_rule_pack
from cqdt_check.packs import ArchitectureResolver


@pytest.fixture(scope="session")
def pack():
    return load_rule_pack([data_dir("rules")])


# Rules whose every basis ended before any bundled architecture of their province took effect (RENT-001: CV 7321
# was written for the rental plan "to 2020"; Quảng Ngãi 3.0 took effect on 31/12/2024). A plan that old cannot be
# judged against a bundled architecture (it could not be checked), so these rules' fixtures are judged under an
# operator's architecture (--architecture FILE) standing for the one then in force.
BEFORE_BUNDLED = {"RENT-001"}


@pytest.fixture(scope="session")
def rule_architecture(tmp_path_factory):
    """rule_architecture(rule_id) -> the --architecture a rule's fixtures are checked with (None: the plan's own)."""
    bundled = (data_dir("architecture") / "quang-ngai-3.0.yaml").read_text(encoding="utf-8")
    earlier = tmp_path_factory.mktemp("architecture") / "quang-ngai-truoc-2021.yaml"
    earlier.write_text(bundled.replace("effective: 2024-12-31", "effective: 2017-01-01", 1), encoding="utf-8")
    return lambda rule_id: str(earlier) if rule_id in BEFORE_BUNDLED else None


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
    from cqdt_check.findings import Report
    from cqdt_check.run import report_rules

    def build(documents, lang: str = "vi", fail_on: str = "error") -> Report:
        documents = tuple(documents)
        arch_info = next((d.architecture for d in documents if d.architecture), None)
        resolver = ArchitectureResolver(None)
        for arch_id in {d.architecture.id for d in documents if d.architecture}:
            resolver(arch_id)  # loaded, as the CLI's resolver has them after a run
        return Report(documents, arch_info, lang=lang, fail_on=fail_on, tool_version=__version__,
                      rule_count=len(pack.rules), rules=report_rules(pack, documents, resolver, lang))

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


# Golden files: every reporter renders tests/fixtures/report/plan.yaml and compares with tests/golden/<name>.
GOLDEN = Path(__file__).resolve().parent / "golden"
PLAN = Path("tests/fixtures/report/plan.yaml")


@pytest.fixture
def report(check, make_report, monkeypatch):
    """report(lang) -> the Report of tests/fixtures/report/plan.yaml (every golden file is rendered from it)."""
    monkeypatch.chdir(ROOT)  # relative file names, as a user in the checkout would see them

    def make(lang: str = "vi"):
        return make_report([check(PLAN, lang=lang)], lang)

    return make


def golden(name: str, text: str) -> None:
    """Compare a rendered report with its golden file. A missing golden fails (it is never made silently);
    CQDT_UPDATE_GOLDEN=1 writes the golden files on purpose (CONTRIBUTING.md)."""
    path = GOLDEN / name
    if os.environ.get("CQDT_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"golden file {name} is missing: CQDT_UPDATE_GOLDEN=1 python3 -m pytest writes it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file (CQDT_UPDATE_GOLDEN=1 to accept)"
