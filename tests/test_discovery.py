"""discovery.same_file is a file's identity as os.path.realpath gives it (symlinks followed, `..` after a symlink
resolved from where the symlink points), whatever the working folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cqdt_check.discovery import same_file


@pytest.fixture
def tree(tmp_path, monkeypatch):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.yaml").write_text("", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a" / "b")
    (tmp_path / "a" / "y.yaml").symlink_to(tmp_path / "a" / "b" / "x.yaml")
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    return tmp_path


@pytest.mark.parametrize("cwd", ["", "a", "a/b"])
@pytest.mark.parametrize("name", [
    "a/b/x.yaml", "{root}/link/x.yaml", "a/y.yaml", "a/b/../b/x.yaml", "{root}/loop1", "missing/z.yaml", ".", "..",
    "/", "a/b", "{root}/link/../a/b/x.yaml", "link/../a/b/x.yaml", "{root}/a/./b/x.yaml",
])
def test_same_file_is_realpath(tree, monkeypatch, cwd, name):
    monkeypatch.chdir(tree / cwd)
    path = Path(name.format(root=tree))
    assert same_file(path) == Path(os.path.realpath(path))


def test_absolute_paths_are_checked_from_a_working_folder_that_is_gone(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    gone = tmp_path / "gone"
    gone.mkdir()
    shell = f'cd "{gone}" && rmdir "{gone}" && "{sys.executable}" -m cqdt_check --no-config --no-progress "{ROOT / "examples"}"'
    proc = subprocess.run(["bash", "-c", shell], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and "internal error" not in proc.stderr


@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
def test_a_file_name_that_is_not_utf8_is_shown_and_checked(tmp_path, fmt):
    import json
    import shutil
    import subprocess
    import sys

    from conftest import ROOT

    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "tthc-nang-cap.yaml", os.fsdecode(bytes(folder) + b"/\xff-plan.yaml"))
    proc = subprocess.run([sys.executable, "-m", "cqdt_check", str(folder), "--no-config", "-f", fmt],
                          capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr and "\ufffd-plan.yaml" in out.replace("%EF%BF%BD", "\ufffd")
    if fmt == "json":
        assert json.loads(out)["documents"][0]["verdict"] == "pass"
