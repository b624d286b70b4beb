"""`cqdt-check init`: the plan it writes passes the schema and its findings say what to declare next; options,
refusals, and a session through a pseudo-terminal."""

from __future__ import annotations

import os
import select
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT

from cqdt_check.loader import load_file
from cqdt_check.messages import say


def plan_at(path):
    """The plan as the checker reads it (YAML 1.2: dates stay text)."""
    return load_file(path).data


def value_at(plan, path):
    for step in path:
        plan = plan[step]
    return plan


def assert_checks_cleanly(check, path):
    """No format problem: the rules ran, and only rule findings (no YAML-/SCHEMA-) came back."""
    result = check(path)
    assert result.rules_evaluated, result.error
    assert not [f for f in result.findings if f.rule_id.startswith(("YAML-", "SCHEMA-"))], result.findings
    return result


def test_no_input_writes_a_plan_that_passes_the_schema_and_names_what_to_declare(cli, check, tmp_path):
    target = tmp_path / "ke-hoach.yaml"
    code, out, err = cli("init", str(target), "--no-input")
    assert code == 0 and out == "" and str(target) in err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=plan.schema.json\n")
    assert say("init.todo", "vi") in text  # the Vietnamese comments mark what is still to be declared
    plan = plan_at(target)
    assert plan["format"] == "cqdt-plan/1" and plan["kind"] == "project" and len(plan["systems"]) == 1
    result = assert_checks_cleanly(check, target)
    # the findings point at the fields init left empty: that is the owner's to-do list
    empty = [f for f in result.findings if f.path and value_at(plan, f.path) in (None, [])]
    assert empty and all(f.location.line for f in empty)


INIT_CASES = [
    # options, the facts the written plan must hold (path → value)
    (["--kind", "service_rental", "--name", "Thuê dịch vụ đám mây", "--owner", "Sở Y tế",
      "--hosting", "commercial_cloud", "--location", "VN", "--rental-availability", "off_the_shelf"],
     {("kind",): "service_rental", ("stage",): "rental_plan", ("name",): "Thuê dịch vụ đám mây",
      ("systems", 0, "hosting", "model"): "commercial_cloud", ("rental", "service_availability"): "off_the_shelf"}),
    (["--systems", "2", "--system-id", "tthc", "--system-id", "kho", "--system-name", "Hệ thống TTHC",
      "--component", "he-thong-thong-tin-giai-quyet-tthc", "--handles-tthc", "có", "--online-services", "full",
      "--integrations", "cong-dvc-quoc-gia, csdl-quoc-gia-dan-cu", "--security-level", "3",
      "--components", "ung-dung-csdl", "--provides", "Kết quả giải quyết TTHC", "--consumes", "Thông tin công dân",
      "--submitted", "2026-05-12", "--owner-level", "commune"],
     {("systems", 0, "id"): "tthc", ("systems", 1, "id"): "kho", ("systems", 0, "handles_tthc"): True,
      ("systems", 0, "integrations", 1, "target"): "csdl-quoc-gia-dan-cu", ("systems", 0, "security", "proposed_level"): 3,
      ("systems", 1, "security", "proposed_level"): None, ("alignment", "components"): ["ung-dung-csdl"],
      ("data_sharing", "datasets", 0, "master_source"): "tthc", ("data_sharing", "datasets", 1, "role"): "consume",
      ("dates", "submitted"): "2026-05-12", ("owner", "level"): "commune"}),
    (["--architecture", "nghe-an-1.0", "--component", "lgsp", "--ipv6", "-"],
     {("architecture",): "nghe-an-1.0", ("systems", 0, "component"): "lgsp", ("systems", 0, "network", "ipv6"): None}),
]


@pytest.mark.parametrize("options,facts", INIT_CASES)
def test_options_answer_the_questions(cli, check, tmp_path, options, facts):
    target = tmp_path / "plan.yaml"
    code, _, err = cli("init", str(target), "--no-input", *options)
    assert code == 0, err
    plan = plan_at(target)
    for path, expected in facts.items():
        assert value_at(plan, path) == expected, path
    assert_checks_cleanly(check, target)


REFUSALS = [
    # options, what the one-line reason must name
    (["--hosting", "cloud"], "--hosting"),
    (["--component", "lgsp-tinh"], "lgsp"),  # the closest known id is suggested
    (["--security-level", "7"], "--security-level"),
    (["--submitted", "2026-02-30"], "--submitted"),
    (["--system-id", "hệ thống"], "--system-id"),
    (["--architecture", "quang-ngai"], "quang-ngai-3.0"),
]


@pytest.mark.parametrize("options,named", REFUSALS)
def test_a_bad_option_value_is_refused_with_exit_2(cli, tmp_path, options, named):
    target = tmp_path / "plan.yaml"
    code, _, err = cli("init", str(target), "--no-input", *options)
    assert code == 2 and named in err and "Traceback" not in err
    assert not target.exists()


def test_refuses_to_overwrite_without_force(cli, tmp_path):
    target = tmp_path / "plan.yaml"
    target.write_text("giữ nguyên\n", encoding="utf-8")
    code, _, err = cli("init", str(target), "--no-input")
    assert code == 2 and err.startswith(f"cqdt-check: {target}:")
    assert target.read_text(encoding="utf-8") == "giữ nguyên\n"
    assert cli("init", str(target), "--no-input", "--force")[0] == 0
    assert plan_at(target)["format"] == "cqdt-plan/1"
    assert cli("init", str(tmp_path), "--no-input", "--force")[0] == 2  # a folder is never a plan file


def test_dash_writes_to_standard_output(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("init", "-", "--no-input", "--lang", "en", "--schema-ref", "../schemas/plan.schema.json")
    assert code == 0 and out.startswith("# yaml-language-server: $schema=../schemas/plan.schema.json\n")
    assert yaml.safe_load(out)["systems"][0]["id"] == "he-thong-1"
    assert list(tmp_path.iterdir()) == []


def read_until(fd: int, wanted: str, seen: list[str], limit: float = 20.0) -> str:
    """Read the terminal until `wanted` shows; a generous bound only a hang exceeds."""
    buffer = ""
    while wanted not in buffer:
        ready, _, _ = select.select([fd], [], [], limit)
        if not ready:
            raise AssertionError(f"no {wanted!r} on the terminal; got {buffer[-400:]!r}")
        try:
            chunk = os.read(fd, 4096).decode("utf-8", "replace")
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        buffer += chunk
    seen.append(buffer)
    return buffer


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_session_through_a_pseudo_terminal(check, tmp_path, lang):
    import pty

    target = tmp_path / "plan.yaml"
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "cqdt_check", "init", str(target), "--lang", lang],
                            stdin=slave, stdout=slave, stderr=slave, cwd=tmp_path, env=env, close_fds=True)
    os.close(slave)
    seen: list[str] = []
    try:
        read_until(master, say("init.q.kind", lang), seen)
        os.write(master, b"thue\n")  # not an allowed value: asked again, with the closest one suggested
        read_until(master, say("init.q.kind", lang), seen)
        os.write(master, b"service_rental\n")
        read_until(master, say("init.q.name", lang), seen)
        os.write(master, "Thuê phần mềm quản lý hồ sơ\n".encode())
        answers = {say("init.q.system-id", lang): "hsdt", say("init.q.hosting", lang): "gov_cloud"}
        while True:
            text = read_until(master, "]: ", seen)
            if "]: " not in text:
                break
            question = next((q for q in answers if q in text.rsplit("\n", 1)[-1]), None)
            os.write(master, (answers.pop(question) if question else "").encode() + b"\n")
    finally:
        os.close(master)
        proc.wait(timeout=60)
    transcript = "".join(seen)
    assert proc.returncode == 0, transcript
    assert "service_rental" in seen[1]  # the re-asked question came with a hint
    plan = plan_at(target)
    assert plan["kind"] == "service_rental" and plan["name"] == "Thuê phần mềm quản lý hồ sơ"
    assert plan["systems"][0]["id"] == "hsdt" and plan["systems"][0]["hosting"]["model"] == "gov_cloud"
    assert not answers, f"never asked: {answers}"
    assert_checks_cleanly(check, target)


def test_a_closed_input_is_refused_not_a_partial_plan(tmp_path):
    target = tmp_path / "plan.yaml"
    proc = subprocess.run([sys.executable, "-m", "cqdt_check", "init", str(target)], input="project\n", check=False,
                          capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 2 and "--no-input" in proc.stderr and "Traceback" not in proc.stderr
    assert not target.exists()
