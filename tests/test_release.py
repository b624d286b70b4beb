"""The release procedure (CONTRIBUTING.md, "Release") makes the `rev:` that docs/integration.md documents for
pre-commit: on a temporary repository made from this checkout's tracked files, the documented configuration fails
before the tag exists, runs the hook once the procedure has tagged the version, and `autoupdate --freeze` (the docs'
advice while no tag is published) pins a commit that exists."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PLAN, ROOT

pytestmark = pytest.mark.slow

if importlib.util.find_spec("pre_commit") is None:
    pytest.skip("pre-commit is not installed (it is in the test extra: pip install '.[test]')", allow_module_level=True)
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

PASSING = ROOT / "examples" / "tthc-nang-cap.yaml"
FAILING = ROOT / PLAN


def tracked_files() -> list[str]:
    proc = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0 or not proc.stdout:
        pytest.skip("this checkout is not a git working tree: there are no tracked files to release")
    return [name for name in proc.stdout.split("\0") if name]


def documented_config() -> str:
    """The pre-commit configuration of docs/integration.md, as a reader would copy it."""
    text = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)
    (block, *_) = [b for b in blocks if b.startswith("# .pre-commit-config.yaml") and "rev:" in b]
    return block


@pytest.fixture
def env(tmp_path):
    """git and pre-commit kept inside tmp_path: a fixed identity, no signing, the user's settings and caches unread."""
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text("[user]\n\tname = Release test\n\temail = release@example.invalid\n"
                         "[commit]\n\tgpgsign = false\n[tag]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n",
                         encoding="utf-8")
    return {**os.environ, "GIT_CONFIG_GLOBAL": str(gitconfig), "GIT_CONFIG_NOSYSTEM": "1",
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}


def git(folder: Path, env: dict, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=folder, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def pre_commit(folder: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=folder, env=env, capture_output=True,
                          text=True)


def test_the_documented_rev_exists_once_the_release_procedure_is_followed(tmp_path, env):
    # the maintainers' repository: this checkout's tracked files, as they are in the working tree
    origin = tmp_path / "cqdt-check"
    for name in tracked_files():
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is not part of what we release
            (origin / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, origin / name)
    git(origin, env, "init", "-q")
    git(origin, env, "add", "-A")
    git(origin, env, "commit", "-q", "-m", "Work before the release")

    # a user's repository, configured exactly as documented but for where the repository lives
    consumer = tmp_path / "don-vi"
    (consumer / "ke-hoach").mkdir(parents=True)
    config = documented_config()
    documented_rev = re.search(r"^\s*rev:\s*(\S+)", config, re.MULTILINE).group(1)
    config = re.sub(r"^(\s*-\s*repo:\s*)\S+", lambda m: m.group(1) + origin.as_posix(), config, count=1,
                    flags=re.MULTILINE)
    (consumer / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    shutil.copy(PASSING, consumer / "ke-hoach" / "tthc.yaml")
    git(consumer, env, "init", "-q")
    git(consumer, env, "add", "-A")

    # before the procedure: the documented rev does not exist, and pre-commit says so by failing
    assert pre_commit(consumer, env, "run", "--all-files").returncode != 0

    # while no tag is published the docs say: pin the latest commit (autoupdate --bleeding-edge --freeze)
    frozen_config = tmp_path / "frozen.yaml"
    shutil.copy(consumer / ".pre-commit-config.yaml", frozen_config)
    frozen = pre_commit(consumer, env, "autoupdate", "--bleeding-edge", "--freeze", "--config", str(frozen_config))
    pinned = re.search(r"^\s*rev:\s*(\S+)", frozen_config.read_text(encoding="utf-8"), re.MULTILINE).group(1)
    assert frozen.returncode == 0 and pinned == git(origin, env, "rev-parse", "HEAD")

    # the release procedure, steps 2 and 4: the version is written once, the documented pins name it; commit, tag
    version = re.search(r'^__version__ = "([^"]+)"', (origin / "cqdt_check" / "__init__.py").read_text(encoding="utf-8"),
                        re.MULTILINE).group(1)
    assert documented_rev == f"v{version}"
    git(origin, env, "commit", "-q", "--allow-empty", "-m", f"Release {version}")
    git(origin, env, "tag", "-a", f"v{version}", "-m", f"cqdt-check {version}")

    # the documented configuration now installs the hook (from the package index) and checks the plans
    passed = pre_commit(consumer, env, "run", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr

    # and the hook is cqdt-check itself: a failing plan fails the commit, with its findings in the output
    shutil.copy(FAILING, consumer / "ke-hoach" / "loi.yaml")
    git(consumer, env, "add", "-A")
    failed = pre_commit(consumer, env, "run", "--all-files")
    report = subprocess.run([sys.executable, "-m", "cqdt_check", str(FAILING), "-f", "json", "--no-config"],
                            capture_output=True, text=True, env={**env, "PYTHONPATH": str(ROOT)})
    failing_rules = {f["rule_id"] for f in json.loads(report.stdout)["documents"][0]["findings"] if f["status"] == "fail"}
    assert failed.returncode == 1 and failing_rules and all(rule in failed.stdout for rule in failing_rules)
    assert "ke-hoach/loi.yaml" in failed.stdout and "ke-hoach/tthc.yaml" in failed.stdout
