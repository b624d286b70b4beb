"""Issue 11, trust: nothing in a checked folder decides the verdict, one bad file never sinks a batch, and output
can be neither forged nor lost. Every case runs the console entry point in its own process, as a user runs it.

What a single plan file can express lives in the corpus (tests/corpus/dates, trust, yaml/long-integer.yaml); these
are the cases that need a working folder, several files, special files, options or a changed process environment.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

FAILING = ROOT / "examples" / "nhieu-van-de.yaml"  # a plan with many errors: exit 1 when judged honestly
PASSING = ROOT / "examples" / "tthc-nang-cap.yaml"
TRANSITION = ROOT / "tests" / "corpus" / "dates" / "transition-named.yaml"
BUNDLED = ROOT / "architecture" / "quang-ngai-3.0.yaml"
FORMATS = ["text", "json", "html", "markdown", "sarif", "junit", "github", "opinion", "opinion-html"]


def cqdt(*args: str | Path, cwd: Path, env: dict | None = None, preexec=None, shell: str | None = None,
         timeout: int = 60) -> subprocess.CompletedProcess:
    """`python -m cqdt_check ARGS` in `cwd`, or `shell` (with $CQDT standing for the command) for redirections."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", **(env or {})}
    command = [sys.executable, "-m", "cqdt_check", *map(str, args)]
    if shell is not None:
        environment["PY"] = sys.executable
        command = ["sh", "-c", shell.replace("$CQDT", '"$PY" -m cqdt_check')]
    try:
        return subprocess.run(command, cwd=cwd, capture_output=True, timeout=timeout, env=environment,
                              preexec_fn=preexec, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"cqdt-check {args} did not finish within {timeout} s (a hang)")


def no_traceback(proc: subprocess.CompletedProcess) -> str:
    err = proc.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in err and "internal error" not in err and "lỗi nội bộ" not in err, err[-2000:]
    return err


def documents(report: Path) -> dict[str, dict]:
    return {d["file"]: d for d in json.loads(report.read_text(encoding="utf-8"))["documents"]}


def findings(report: Path) -> list[tuple]:
    return sorted((f["rule_id"], f["line"], f["column"]) for d in documents(report).values() for f in d["findings"])


# --- 1. the verdict cannot be chosen by the file being checked ------------------------------------------------------

PERMISSIVE_ARCHITECTURE = "format: cqdt-architecture/1\nid: quang-ngai-3.0\n"


@pytest.mark.parametrize("planted", ["quang-ngai-3.0", "quang-ngai-3.0.yaml"])
@pytest.mark.parametrize("option", [[], ["--architecture", "quang-ngai-3.0"]])
def test_a_file_named_like_a_bundled_architecture_in_the_current_folder_is_never_used(tmp_path, planted, option):
    honest = tmp_path / "honest.json"
    cqdt(FAILING, "--format", f"json:{honest}", *option, cwd=ROOT)
    folder = tmp_path / "submitted"
    folder.mkdir()
    (folder / planted).write_text(PERMISSIVE_ARCHITECTURE, encoding="utf-8")
    report = tmp_path / "report.json"
    proc = cqdt(FAILING, "--format", f"json:{report}", *option, cwd=folder)
    no_traceback(proc)
    assert proc.returncode == 1 and findings(report) == findings(honest)
    assert json.loads(report.read_text(encoding="utf-8"))["operator_files"] == []


def test_the_plan_field_cannot_read_a_file_even_to_refuse_it(tmp_path):
    (tmp_path / "secret.yaml").write_text("mat-khau-may-chu: hunter2\nkhoa-api: abc\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(FAILING.read_text(encoding="utf-8").replace("architecture: quang-ngai-3.0",
                                                                f"architecture: {tmp_path / 'secret.yaml'}"),
                    encoding="utf-8")
    for fmt in FORMATS:
        proc = cqdt(plan, "--format", fmt, cwd=tmp_path)
        out = proc.stdout.decode("utf-8", errors="replace") + no_traceback(proc)
        assert proc.returncode == 2 and "mat-khau-may-chu" not in out and "hunter2" not in out, fmt


def test_a_run_in_which_no_rule_could_be_evaluated_could_not_check(tmp_path):
    """A run in which no rule could be evaluated could not check: exit 2, never a pass."""
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "rules.yaml").write_text("format: cqdt-rules/1\nrules: []\n", encoding="utf-8")
    proc = cqdt(FAILING, "--rules", pack, "--no-bundled-rules", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_date_before_the_architecture_is_could_not_check_in_every_format(tmp_path, fmt):
    plan = tmp_path / "plan.yaml"
    plan.write_text(FAILING.read_text(encoding="utf-8").replace("dates:\n", "dates:\n  approved: 2000-01-01\n", 1),
                    encoding="utf-8")
    assert "approved: 2000-01-01" in plan.read_text(encoding="utf-8")
    proc = cqdt(plan, "--format", fmt, cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 2


# Every format states the date used and where it came from, the fact that chose a transitional regime, and the
# path and sha256 of an operator's architecture. (format, the source as that format words it)
SOURCES = [("text", "theo --as-of"), ("json", '"as_of_source": "option"'), ("html", "theo --as-of"),
           ("markdown", "theo --as-of"), ("sarif", '"asOfSource": "option"'), ("junit", 'value="option"'),
           ("github", "theo --as-of"), ("opinion", "theo --as-of"), ("opinion-html", "theo --as-of")]


@pytest.mark.parametrize("fmt, source", SOURCES, ids=[s[0] for s in SOURCES])
def test_every_report_states_the_date_its_source_the_regime_fact_and_operator_files(tmp_path, fmt, source):
    architecture = tmp_path / "kien-truc-rieng.yaml"
    shutil.copy(BUNDLED, architecture)
    out = tmp_path / "report"
    proc = cqdt(TRANSITION, "--as-of", "2026-09-01", "--architecture", architecture, "--format", f"{fmt}:{out}",
                cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 0
    text = out.read_text(encoding="utf-8")
    assert ("01/09/2026" in text or "2026-09-01" in text) and source in text
    assert "Điều 39" in text, "the transitional article that chose the regime"
    unwrapped = "".join(text.split())  # the text report wraps long lines; neither path nor hash holds a space
    assert str(architecture) in unwrapped and hashlib.sha256(architecture.read_bytes()).hexdigest() in unwrapped


def test_the_word_opinion_states_the_date_its_source_and_operator_files(tmp_path):
    docx = pytest.importorskip("docx")
    architecture = tmp_path / "kien-truc-rieng.yaml"
    shutil.copy(BUNDLED, architecture)
    out = tmp_path / "y-kien.docx"
    proc = cqdt(TRANSITION, "--as-of", "2026-09-01", "--architecture", architecture, "--format",
                f"opinion-docx:{out}", cwd=tmp_path)
    no_traceback(proc)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "01/09/2026 (theo --as-of)" in text and "Điều 39" in text and str(architecture) in text


def test_an_operator_file_is_size_checked_and_never_read_when_not_regular(tmp_path):
    fifo = tmp_path / "kien-truc.yaml"
    os.mkfifo(fifo)
    proc = cqdt(PASSING, "--architecture", fifo, cwd=tmp_path, timeout=20)
    assert proc.returncode == 2 and str(fifo) in no_traceback(proc)
    big = tmp_path / "lon.yaml"
    big.write_bytes(b"# x\n" * 600_000)
    proc = cqdt(PASSING, "--architecture", big, cwd=tmp_path)
    assert proc.returncode == 2 and str(big) in no_traceback(proc)


# --- 2. one bad file is one document that could not be checked ------------------------------------------------------


def test_one_bad_file_among_good_ones(tmp_path):
    """A FIFO named *.yaml (refused unread), a 5,000-digit integer (a located finding) and a name too long for the
    file system each stay their own document; the good plan is still reported."""
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(PASSING, folder / "a-tot.yaml")
    os.mkfifo(folder / "b-fifo.yaml")
    (folder / "c-so-dai.yaml").write_text(PASSING.read_text(encoding="utf-8").replace(
        "total_vnd: ", "total_vnd: " + "9" * 5000 + "  # ", 1), encoding="utf-8")
    long_name = tmp_path / ("x" * 300 + ".yaml")
    report = tmp_path / "report.json"
    proc = cqdt(folder, long_name, "--format", f"json:{report}", cwd=tmp_path, timeout=30)
    err = no_traceback(proc)
    docs = documents(report)
    assert proc.returncode == 2
    assert docs[str(folder / "a-tot.yaml")]["verdict"] == "pass"
    assert docs[str(folder / "b-fifo.yaml")]["verdict"] == "error" and f"{folder / 'b-fifo.yaml'}:" in err
    assert "YAML-007" in {f["rule_id"] for f in docs[str(folder / "c-so-dai.yaml")]["findings"]}
    assert docs[str(long_name)]["verdict"] == "error"


def test_a_folder_past_the_path_length_limit(tmp_path):
    root = tmp_path / "sau"
    root.mkdir()
    shutil.copy(PASSING, root / "a.yaml")
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(20):  # 20 × 251 bytes: past PATH_MAX (4,096), made one level at a time
            os.mkdir("d" * 250, dir_fd=fd)
            inner = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.open("z.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "wb") as deep:
            deep.write(PASSING.read_bytes())
    finally:
        os.close(fd)
    report = tmp_path / "report.json"
    proc = cqdt(root, "--format", f"json:{report}", cwd=tmp_path, timeout=30)
    no_traceback(proc)
    assert proc.returncode in (0, 2) and documents(report)[str(root / "a.yaml")]["verdict"] == "pass"


# --- 3. output that cannot be forged or lost ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_line_break_in_a_file_name_never_starts_a_line_on_stderr(tmp_path, fmt):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a\n::error::forged\n::add-mask::secret.yaml").write_text("format: [\n", encoding="utf-8")
    out = tmp_path / "report"
    proc = cqdt(folder, "--format", f"{fmt}:{out}", cwd=tmp_path)
    err = no_traceback(proc)
    assert proc.returncode == 2
    assert not [line for line in err.splitlines() if line.startswith("::")], err
    if fmt in ("github", "junit", "html", "text"):  # formats read in CI logs
        assert not [line for line in out.read_text(encoding="utf-8").splitlines()
                    if line.lstrip().startswith(("::error::forged", "::add-mask"))]


def test_reports_never_replace_a_plan_or_each_other_through_a_hard_link(tmp_path):
    plan = tmp_path / "plan.yaml"
    shutil.copy(PASSING, plan)
    os.link(plan, tmp_path / "report.json")
    before = plan.read_bytes()
    proc = cqdt(plan, "--format", f"json:{tmp_path / 'report.json'}", cwd=tmp_path)
    assert proc.returncode == 2 and "report.json" in no_traceback(proc) and plan.read_bytes() == before
    (tmp_path / "one.sarif").write_text("", encoding="utf-8")
    os.link(tmp_path / "one.sarif", tmp_path / "two.json")
    proc = cqdt(plan, "--format", f"sarif:{tmp_path / 'one.sarif'}", "--format", f"json:{tmp_path / 'two.json'}",
                cwd=tmp_path)
    assert proc.returncode == 2 and no_traceback(proc)


def test_a_symlink_planted_at_the_report_path_is_replaced_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("giữ nguyên\n", encoding="utf-8")
    (tmp_path / "report.json").symlink_to(victim)
    proc = cqdt(PASSING, "--format", f"json:{tmp_path / 'report.json'}", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 0 and victim.read_text(encoding="utf-8") == "giữ nguyên\n"
    assert not (tmp_path / "report.json").is_symlink() and json.loads((tmp_path / "report.json").read_text("utf-8"))


STREAMS = [  # (id, shell redirection, extra environment, what stderr must say; None: nothing at all)
    ("stdout-closed", '$CQDT "$PLAN" >&-', {}, "stdout"),
    ("stdout-full-disk", '$CQDT "$PLAN" >/dev/full', {}, "stdout"),
    ("stdout-cp1252", '$CQDT "$PLAN"', {"PYTHONIOENCODING": "cp1252"}, "cp1252"),
]


@pytest.mark.parametrize("shell, env, says", [s[1:] for s in STREAMS], ids=[s[0] for s in STREAMS])
def test_stdout_that_cannot_take_the_report_ends_with_one_reason(tmp_path, shell, env, says):
    if shell.endswith("/dev/full") and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    proc = cqdt(cwd=tmp_path, shell=shell, env={"PLAN": str(PASSING), **env})
    err = no_traceback(proc)
    assert proc.returncode == 2 and len(err.strip().splitlines()) == 1 and says in err, err


def test_with_stderr_closed_the_json_on_stdout_is_only_json(tmp_path):
    proc = cqdt(cwd=tmp_path, shell='$CQDT "$PLAN" --format json 2>&-', env={"PLAN": str(FAILING)})
    assert proc.returncode == 1
    assert json.loads(proc.stdout.decode("utf-8"))["exit_code"] == 1


@pytest.mark.parametrize("fmt", ["markdown", "opinion"])
def test_mentions_in_plan_text_notify_nobody(tmp_path, fmt):
    plan = tmp_path / "plan.yaml"
    text = FAILING.read_text(encoding="utf-8")
    plan.write_text(text.replace('name: "', 'name: "@octocat @org/team ', 1), encoding="utf-8")
    proc = cqdt(plan, "--format", fmt, cwd=tmp_path)
    out = proc.stdout.decode("utf-8")
    no_traceback(proc)
    assert "octocat" in out and "@octocat" not in out and "@org/team" not in out


def limit_processes() -> None:
    resource.setrlimit(resource.RLIMIT_NPROC, (4, 4))


def test_jobs_above_the_process_limit_fall_back(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for i in range(6):
        shutil.copy(PASSING, folder / f"{i}.yaml")
    report = tmp_path / "report.json"
    proc = cqdt(folder, "--jobs", "500", "--format", f"json:{report}", cwd=tmp_path, preexec=limit_processes)
    no_traceback(proc)
    assert proc.returncode == 0 and len(documents(report)) == 6


def test_a_symlink_to_a_device_planted_at_the_report_path_is_replaced(tmp_path):
    (tmp_path / "report.json").symlink_to("/dev/null")
    proc = cqdt(PASSING, "--format", f"json:{tmp_path / 'report.json'}", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 0 and not (tmp_path / "report.json").is_symlink()
    assert json.loads((tmp_path / "report.json").read_text("utf-8"))["exit_code"] == 0


@pytest.mark.parametrize("name, stream", [
    ("/dev/stdout", True),  # the system's name for standard output, whatever it was redirected to
    ("/dev/null", True),
    ("fifo", True),
    ("to-null", False),  # a symlink planted at a report path, even to a device, is replaced
    ("to-file", False),
    ("file", False),
    ("missing", False),
])
def test_which_report_paths_are_written_through(tmp_path, name, stream):
    from cqdt_check.outputs import _is_stream

    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "file").write_text("", encoding="utf-8")
    (tmp_path / "to-null").symlink_to("/dev/null")
    (tmp_path / "to-file").symlink_to(tmp_path / "file")
    path = Path(name) if name.startswith("/") else tmp_path / name
    if name.startswith("/") and not path.exists():
        pytest.skip(f"no {name} here")
    assert _is_stream(path) is stream
