"""The hostile-input corpus (tests/corpus/): every case run through the CLI as a user runs it, held to the outcome it states.

A case is a file whose header states its outcome (`# expect: ...`, see tests/corpus/README.md), or an entry of
tests/corpus/manifest.yaml for what cannot carry a header: binary files, files derived from a plan at test time
(other encodings, line ends, normal forms) and files too large to commit. Besides its own outcome, every run keeps
the promises of every run: exit 0, 1 or 2, no traceback, nothing created where it ran, a text report free of control
and bidi characters, a JSON report that is valid UTF-8 JSON, and a refusal that names the file and its place.
Options and file-system situations a file cannot express (bad options, unreadable files, symlink loops) are tables
at the end.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import resource
import shlex
import shutil
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from cqdt_check.cli import main

CORPUS = Path(__file__).resolve().parent / "corpus"
MANIFEST = CORPUS / "manifest.yaml"
NOT_CASES = {CORPUS / "README.md", MANIFEST}
EXAMPLE = ROOT / "examples" / "tthc-nang-cap.yaml"

# What plan text must never put on a terminal: C0 controls but newline and tab, DEL, C1 controls (CSI, NEL…),
# bidi overrides, embeddings, isolates and marks, and the Unicode line and paragraph separators.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
MEMORY_LIMIT = 1 << 30  # bytes of address space for a run on hostile input
TIME_LIMIT = 10  # seconds any run may take


# --- expectations ----------------------------------------------------------------------------------------------


@dataclass
class Expect:
    """The outcome a case states (tests/corpus/README.md explains each word)."""

    exit: int | None = None
    at: str | None = None
    messages: list[str] = field(default_factory=list)
    findings: list[tuple[str, int, int, str | None]] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)
    stdout: list[str] = field(default_factory=list)
    args: list[str] = field(default_factory=list)
    role: str = "plan"
    resource: bool = False
    same_as_source: bool = False
    known_bug: str | None = None


def unescape(text: str) -> str:
    r"""`\u{1b}` → ESC: lets a header name characters it cannot hold."""
    return re.sub(r"\\u\{([0-9a-fA-F]{1,6})\}", lambda m: chr(int(m[1], 16)), text)


def parse_expect(text: str) -> Expect:
    expect = Expect()
    for token in shlex.split(text):
        match = re.fullmatch(r"([a-z-]+)(?:(~?=)(.*))?", token, re.DOTALL)
        if not match:
            raise ValueError(f"cannot read expectation {token!r}")
        key, op, value = match[1], match[2], unescape(match[3] or "")
        if key == "exit" and op == "=":
            expect.exit = int(value)
        elif key == "at" and op == "=":
            expect.at = value
        elif key == "message" and op == "~=":
            expect.messages.append(value)
        elif key == "finding" and op == "=":
            place, _, text_part = value.partition("~")
            rule, _, line_col = place.partition("@")
            line, _, column = line_col.partition(":")
            expect.findings.append((rule, int(line), int(column), text_part or None))
        elif key == "no-finding" and op == "=":
            expect.absent.append(value)
        elif key == "field" and op == "=":
            path, _, wanted = value.partition("=")
            expect.fields.append((path, wanted))
        elif key == "stdout" and op == "~=":
            expect.stdout.append(value)
        elif key == "args" and op == "=":
            expect.args += shlex.split(value)
        elif key == "role" and op == "=" and value in ("plan", "architecture", "rules"):
            expect.role = value
        elif key == "known-bug" and op == "=":
            expect.known_bug = value
        elif key == "resource" and op is None:
            expect.resource = True
        elif key == "same-as-source" and op is None:
            expect.same_as_source = True
        else:
            raise ValueError(f"unknown expectation {token!r} (see tests/corpus/README.md)")
    if expect.exit is None and not expect.same_as_source:
        raise ValueError("every case states exit=N (or same-as-source)")
    if expect.exit == 2 and expect.at is None:
        raise ValueError("a refusal states where it is refused: at=LINE:COLUMN, or at=- for the whole file")
    return expect


def header_of(raw: bytes) -> str:
    """The `# expect:` lines at the top of a file, joined (empty when there are none)."""
    lines = []
    for line in raw.decode("utf-8", errors="replace").splitlines():
        if not line.startswith("#"):
            break
        if line.startswith("# expect:"):
            lines.append(line[len("# expect:"):])
    return " ".join(lines)


# --- cases: committed files, and the manifest's derived, binary and generated files ------------------------------


def windows_1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 stores it: base letters precomposed (â, ơ, đ…), tone marks as combining bytes."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        out.append(unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
                   + "".join(c for c in decomposed if c in tones))
    return "".join(out).encode("cp1258")


TRANSFORMS = {  # the ways a plan reaches the tool after passing through editors, office software and mail
    "utf8-bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda text: text.replace("\n", "\r").encode("utf-8"),
    "nfd": lambda text: unicodedata.normalize("NFD", text).encode("utf-8"),
    "utf16-le-bom": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf16-be-bom": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf16-le": lambda text: text.encode("utf-16-le"),
    "windows-1258": windows_1258,
}

GENERATORS = {  # files too large (or too binary) to commit, made at test time
    "two-byte-mapping": lambda: b"{}",  # two ASCII bytes, no NUL: not UTF-16
    "binary-bytes": lambda: bytes(range(256)) * 4,
    "nested-flow-lists": lambda: b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
    "nested-flow-mappings": lambda: b"a: " + b"{a: " * 10_000 + b"1" + b"}" * 10_000 + b"\n",
    "nested-block-sequences": lambda: b"- " * 10_000 + b"x\n",
    "nested-block-mappings": lambda: "".join(f"{'  ' * i}k{i}:\n" for i in range(1_000)).encode(),
    "nested-in-a-key": lambda: b"? " + b"[" * 10_000 + b"]" * 10_000 + b"\n: x\n",
    "unclosed-flow-lists": lambda: b"a: " + b"[" * 1_000_000 + b"\n",
    "many-nodes": lambda: b"a: [" + b"1, " * 250_000 + b"]\n",
    "wide-aliases": lambda: b"a: &a [" + b"x, " * 1_000 + b"]\nb: [" + b"*a, " * 300 + b"]\n",
    "huge-file": lambda: b"# filler line to make the file large\n" * 80_000,
    "long-line": lambda: b'name: "' + b"x" * 3_000_000 + b'"\n',
    # a 1.9 MB name, just within --max-bytes: reports quote at most 300 characters of it and the text report shows
    # at most 2,000 (wrapping time grows with the square of a line's length: unshortened it took about 9 s)
    "long-line-within-limit": lambda: EXAMPLE.read_bytes().replace(b'name: "', b'name: "' + b"x" * 1_900_000, 1),
}


@dataclass(frozen=True)
class Case:
    id: str
    expect: Expect | None  # None: the file has no readable header (the test says so)
    problem: str = ""
    file: Path | None = None
    source: Path | None = None
    transform: str | None = None
    make: str | None = None

    def materialise(self, folder: Path) -> Path:
        """The file to run: the committed one, or one written into `folder`."""
        if self.file is not None:
            return self.file
        if self.make is not None:
            data = GENERATORS[self.make]()
        else:
            data = TRANSFORMS[self.transform](self.source.read_text(encoding="utf-8"))
        path = folder / Path(self.id).name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path


def manifest_entries() -> list[dict]:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["cases"]


def collect() -> list[Case]:
    cases: list[Case] = []
    listed = {CORPUS / e["file"] for e in manifest_entries() if "file" in e}
    for path in sorted(p for p in CORPUS.rglob("*") if p.is_file()):
        if path in NOT_CASES or path in listed:
            continue
        name = path.relative_to(CORPUS).as_posix()
        header = header_of(path.read_bytes())
        try:
            cases.append(Case(name, parse_expect(header), file=path) if header else
                         Case(name, None, problem="has no '# expect:' header and is not in manifest.yaml"))
        except ValueError as exc:
            cases.append(Case(name, None, problem=str(exc)))
    for entry in manifest_entries():
        try:
            expect = parse_expect(entry["expect"])
        except ValueError as exc:
            cases.append(Case(entry["name"], None, problem=str(exc)))
            continue
        source = entry.get("source")
        cases.append(Case(entry["name"], expect,
                          file=CORPUS / entry["file"] if "file" in entry else None,
                          source=(ROOT / source if source.startswith("examples/") else CORPUS / source) if source else None,
                          transform=entry.get("transform"), make=entry.get("make")))
    return cases


CASES = collect()


# --- running the CLI -------------------------------------------------------------------------------------------


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    report: dict | None = None
    report_bytes: bytes | None = None
    left_behind: list[str] = field(default_factory=list)


def limit_resources() -> None:  # runs in the child, before the CLI starts
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_isolated(args: list[str], cwd: Path, preexec=limit_resources) -> Run:
    """The console entry point in its own process, limited to 1 GiB and 10 s."""
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "cqdt_check", *args], cwd=cwd, capture_output=True, check=False,
                              timeout=TIME_LIMIT, preexec_fn=preexec,
                              env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"})
    except subprocess.TimeoutExpired:
        pytest.fail(f"cqdt-check {' '.join(args)[:200]} did not finish within {TIME_LIMIT} s")
    seconds = time.perf_counter() - start
    return Run(proc.returncode, proc.stdout.decode("utf-8", errors="replace"),
               proc.stderr.decode("utf-8", errors="replace"), seconds)


@pytest.fixture
def cqdt(capsys, monkeypatch, tmp_path):
    """cqdt(args) -> Run: the console entry point in this process, run from an empty folder."""

    def run(args: list[str], report: Path | None = None, colour: bool = False) -> Run:
        cwd = tmp_path / "cwd"
        cwd.mkdir(exist_ok=True)
        monkeypatch.chdir(cwd)
        if colour:
            monkeypatch.delenv("NO_COLOR", raising=False)
            monkeypatch.setenv("TERM", "xterm-256color")
        else:
            monkeypatch.setenv("NO_COLOR", "1")
            monkeypatch.setenv("TERM", "dumb")
        start = time.perf_counter()
        with pytest.raises(SystemExit) as exc:
            main(list(args))
        seconds = time.perf_counter() - start
        out, err = capsys.readouterr()
        code = exc.value.code
        result = Run(0 if code is None else code, out, err, seconds,
                     left_behind=sorted(p.name for p in cwd.iterdir()))
        if report is not None and report.exists():
            result.report_bytes = report.read_bytes()
            result.report = json.loads(result.report_bytes.decode("utf-8"))
        return result

    return run


def arguments(expect: Expect, path: Path, report: Path) -> list[str]:
    reports = ["--format", "text", "--format", f"json:{report}"]
    if expect.role == "architecture":
        return [str(EXAMPLE), "--architecture", str(path), *reports, *expect.args]
    if expect.role == "rules":
        return [str(EXAMPLE), "--rules", str(path.parent), *reports, *expect.args]
    return [str(path), *reports, *expect.args]


def assert_promises(run: Run) -> None:
    """What every run promises, whatever its input."""
    assert run.code in (0, 1, 2), run.stderr
    for stream in (run.stdout, run.stderr):
        assert "Traceback" not in stream and "internal error" not in stream, stream[-2000:]
    unsafe = UNSAFE.search(run.stdout)
    assert unsafe is None, f"text report carries {unsafe.group()!r}: …{run.stdout[max(0, unsafe.start() - 60):unsafe.end() + 20]!r}"
    if run.report_bytes is not None:  # valid UTF-8 JSON, and no lone surrogate hidden in a \\u escape
        json.dumps(run.report, ensure_ascii=False).encode("utf-8")
    assert run.left_behind == [], f"the run created {run.left_behind} in its working folder"


def findings_of(report: dict | None) -> list[tuple]:
    if not report or not report["documents"]:
        return []
    return [(f["rule_id"], f["severity"], f["line"], f["column"], f["path"], f["message"])
            for d in report["documents"] for f in d["findings"]]


def shown(findings: list[tuple]) -> str:
    return "\n".join(f"  {f[0]}@{f[2]}:{f[3]} {f[5][:100]}" for f in findings) or "  (none)"


def dig(document: dict, dotted: str):
    node = document
    for part in dotted.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


# --- the corpus ------------------------------------------------------------------------------------------------


# cases with a resource limit run first in a process of their own: slow
@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.slow if c.expect and c.expect.resource else ())
                                  for c in CASES], ids=[c.id for c in CASES])
def test_corpus_case(case: Case, cqdt, tmp_path, request):
    assert case.expect is not None, f"tests/corpus/{case.id} {case.problem}"
    expect = case.expect
    if expect.known_bug:
        request.applymarker(pytest.mark.xfail(reason=f"known bug: {expect.known_bug}", strict=True))
    path = case.materialise(tmp_path / "in")
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    args = arguments(expect, path, report)
    if expect.resource:  # first in a process of its own: a regression must not take the test run down with it
        guarded = run_isolated(args, tmp_path)
        assert guarded.code == expect.exit and "Traceback" not in guarded.stderr, guarded.stderr[-2000:]
        report.unlink(missing_ok=True)
    run = cqdt(args, report)
    assert_promises(run)
    findings = findings_of(run.report)

    if expect.same_as_source:
        source_report = tmp_path / "out" / "source.json"
        source = cqdt(arguments(expect, case.source, source_report), source_report)
        assert run.code == source.code
        assert findings == findings_of(source.report), (
            f"{case.id} differs from {case.source.name}:\n{shown(findings)}\n— source —\n{shown(findings_of(source.report))}")
        assert [d["checks"] for d in run.report["documents"]] == [d["checks"] for d in source.report["documents"]]
        return

    assert run.code == expect.exit, f"exit {run.code}, expected {expect.exit}\n{run.stderr[-1500:]}\n{shown(findings)}"

    if expect.at is not None:  # a refusal names the file and, where there is one, the line and column
        place = f"{path}:{expect.at}: " if expect.at != "-" else f"{path}: "
        lines = [line for line in run.stderr.splitlines() if place in line]
        assert lines, f"no refusal naming {place!r}:\n{run.stderr[-1500:]}"
        for message in expect.messages:
            assert any(message in line for line in lines), f"{message!r} not in {lines}"
        if run.report and expect.role == "plan":  # the report agrees with the one-line reason
            (document,) = run.report["documents"]
            assert document["verdict"] == "error"
            line, column = (0, 0) if expect.at == "-" else map(int, expect.at.split(":"))
            assert (document["error"]["line"], document["error"]["column"]) == (line, column)
    else:
        messages = [f[5] for f in findings]
        for message in expect.messages:
            assert any(message in m for m in messages), f"{message!r} in no finding:\n{shown(findings)}"

    for rule, line, column, text in expect.findings:
        here = [f for f in findings if (f[0], f[2], f[3]) == (rule, line, column)]
        assert here, f"no {rule} at {line}:{column}; findings:\n{shown(findings)}"
        if text:
            assert any(text in f[5] for f in here), f"{rule}@{line}:{column} does not say {text!r}:\n{shown(here)}"
    for rule in expect.absent:
        assert not [f for f in findings if f[0] == rule], f"unexpected {rule}:\n{shown(findings)}"
    if run.report and expect.role == "plan":
        assert all(f["file"] == str(path) for d in run.report["documents"] for f in d["findings"])
    for dotted, wanted in expect.fields:
        assert str(dig(run.report["documents"][0], dotted)) == wanted
    for fragment in expect.stdout:
        assert fragment in run.stdout, f"{fragment!r} not in the text report"


def test_every_corpus_file_is_a_case():
    """A file dropped into the corpus without an outcome would be checked by nothing."""
    problems = [f"{c.id}: {c.problem}" for c in CASES if c.expect is None]
    assert not problems, "\n".join(problems)
    for entry in manifest_entries():
        assert ("file" in entry) + ("make" in entry) + ("transform" in entry) == 1, entry
        assert entry.get("make") in (None, *GENERATORS) and entry.get("transform") in (None, *TRANSFORMS), entry


@pytest.mark.slow
def test_the_whole_corpus_as_one_folder(tmp_path):
    """A user pointing the tool at a folder of hostile files: one finished run, no traceback, every file reported."""
    report = tmp_path / "report.json"
    run = run_isolated([str(CORPUS), "--format", f"json:{report}"], tmp_path)
    assert run.code == 2 and "Traceback" not in run.stdout + run.stderr, run.stderr[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    files = {d["file"] for d in json.loads(report.read_text(encoding="utf-8"))["documents"]}
    assert files == {str(p) for p in CORPUS.rglob("*") if p.suffix in (".yaml", ".yml")}


# --- text report with colour: plan text can neither style nor steer the terminal ----------------------------------


def test_plan_text_cannot_steer_a_colour_terminal(cqdt, monkeypatch):
    plan = CORPUS / "output" / "markup-escapes-bidi.yaml"
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(os, "get_terminal_size", lambda *_: os.terminal_size((100, 40)))
    run = cqdt([str(plan)], colour=True)
    assert "\x1b[" in run.stdout, "expected a coloured report"
    # sequences the plan carries, which the report's own styling never uses
    for planted in ("\x1b[5m", "\x1b]8;", "\x1b[2J", "\x9b"):
        assert planted not in run.stdout
    assert UNSAFE.search(re.sub(r"\x1b\[[0-9;]*m", "", run.stdout)) is None
    assert "[bold red]ĐẠT[/bold red]" in run.stdout


# --- options and file systems a file cannot express --------------------------------------------------------------

USAGE = [  # (id, arguments, what the one-line reason must name)
    ("unknown-option", ["{plan}", "--no-such-option"], ["--no-such-option"]),
    ("as-of-impossible-date", ["{plan}", "--as-of", "2026-02-30"], ["--as-of", "2026-02-30"]),
    ("as-of-words", ["{plan}", "--as-of", "hôm qua"], ["--as-of", "hôm qua"]),
    ("fail-on-unknown", ["{plan}", "--fail-on", "sometimes"], ["--fail-on", "sometimes"]),
    ("max-depth-zero", ["{plan}", "--max-depth", "0"], ["--max-depth"]),
    ("plan-missing", ["{tmp}/khong-co.yaml"], ["{tmp}/khong-co.yaml: không tìm thấy tệp"]),
    ("architecture-missing", ["{plan}", "--architecture", "{tmp}/khong-co.yaml"], ["--architecture", "{tmp}/khong-co.yaml"]),
    ("rules-missing", ["{plan}", "--rules", "{tmp}/khong-co"], ["{tmp}/khong-co"]),
    ("rules-is-a-file", ["{plan}", "--rules", "{plan}"], ["{plan}", "không phải thư mục"]),
]


@pytest.mark.parametrize("args, names", [u[1:] for u in USAGE], ids=[u[0] for u in USAGE])
def test_bad_options_exit_2_naming_what_and_where(cqdt, tmp_path, args, names):
    fill = lambda s: s.format(plan=EXAMPLE, tmp=tmp_path)
    run = cqdt([fill(a) for a in args])
    assert run.code == 2
    assert_promises(run)
    for name in names:
        assert fill(name) in run.stdout + run.stderr, run.stdout + run.stderr


def drop_read_override() -> None:
    """In the child: as root, give up the capabilities that let root read a chmod-000 file, then limit memory."""
    if os.geteuid() == 0:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, from the bounding set: gone after exec
            prctl(24, capability, 0, 0, 0)  # PR_CAPBSET_DROP
    limit_resources()


def unreadable(path: Path) -> None:
    path.chmod(0)
    read = f"import os; p = {str(path)!r}; os.listdir(p) if os.path.isdir(p) else open(p).read()"
    probe = subprocess.run([sys.executable, "-c", read], preexec_fn=drop_read_override, capture_output=True, check=False)
    if probe.returncode == 0:
        pytest.skip("chmod 000 does not stop this user from reading (root with capabilities it cannot drop): "
                    "unreadable files cannot be tested here")


def plan_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(EXAMPLE, folder / "a.yaml")
    shutil.copy(EXAMPLE, folder / "locked" / "b.yaml")
    return folder


UNREADABLE = [  # (id, what is made unreadable, arguments, what the one-line reason must name)
    ("plan-file", "plans/a.yaml", ["{tmp}/plans/a.yaml"], ["{tmp}/plans/a.yaml"]),
    ("folder-given", "plans", ["{tmp}/plans"], ["{tmp}/plans"]),
    ("sub-folder", "plans/locked", ["{tmp}/plans"], ["{tmp}/plans/locked: không có quyền đọc"]),
    ("architecture-file", "arch.yaml", ["{plan}", "--architecture", "{tmp}/arch.yaml"],
     ["--architecture", "{tmp}/arch.yaml", "không có quyền đọc"]),
    ("rules-file", "pack/x.yaml", ["{plan}", "--rules", "{tmp}/pack"], ["{tmp}/pack/x.yaml", "không có quyền đọc"]),
    ("rules-folder", "pack", ["{plan}", "--rules", "{tmp}/pack"], ["--rules", "{tmp}/pack"]),
]


@pytest.mark.slow
@pytest.mark.parametrize("target, args, names", [u[1:] for u in UNREADABLE], ids=[u[0] for u in UNREADABLE])
def test_unreadable_files_and_folders_exit_2_naming_them(tmp_path, target, args, names):
    plan_folder(tmp_path)
    shutil.copy(ROOT / "architecture" / "quang-ngai-3.0.yaml", tmp_path / "arch.yaml")
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "x.yaml").write_text("format: cqdt-rules/1\nrules: []\n", encoding="utf-8")
    fill = lambda s: s.format(plan=EXAMPLE, tmp=tmp_path)
    try:
        unreadable(tmp_path / target)
        run = run_isolated([fill(a) for a in args], tmp_path, preexec=drop_read_override)
    finally:
        (tmp_path / target).chmod(0o755)  # so that pytest can clean up
    assert run.code == 2, run.stdout[-1000:] + run.stderr[-1000:]
    for piece in names:
        assert fill(piece) in run.stderr, run.stderr
    assert "Traceback" not in run.stderr


def symlink_loops(tmp_path: Path) -> Path:
    """A folder whose links lead back into it: to itself, to its parent, and files linked in a ring."""
    folder = tmp_path / "loops"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(EXAMPLE, folder / "sub" / "plan.yaml")
    (folder / "self").symlink_to(".")
    (folder / "sub" / "up").symlink_to("..")
    (folder / "up.yaml").symlink_to("..")  # a folder named like a plan
    return folder


@pytest.mark.slow
def test_folder_links_to_itself_or_its_parent_are_not_followed(tmp_path):
    folder = symlink_loops(tmp_path)
    report = tmp_path / "report.json"
    run = run_isolated([str(folder), "--format", f"json:{report}"], tmp_path)
    files = [d["file"] for d in json.loads(report.read_text(encoding="utf-8"))["documents"]]
    assert run.code == 0 and files == [str(folder / "sub" / "plan.yaml")], run.stderr


@pytest.mark.slow
def test_files_linked_in_a_ring_are_refused_by_name(tmp_path):
    folder = symlink_loops(tmp_path)
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    (folder / "self.yaml").symlink_to("self.yaml")
    report = tmp_path / "report.json"
    run = run_isolated([str(folder), "--format", f"json:{report}"], tmp_path)
    verdicts = {d["file"]: d["verdict"] for d in json.loads(report.read_text(encoding="utf-8"))["documents"]}
    assert run.code == 2 and "Traceback" not in run.stderr
    assert verdicts == {str(folder / "a.yaml"): "error", str(folder / "b.yaml"): "error",
                        str(folder / "self.yaml"): "error", str(folder / "sub" / "plan.yaml"): "pass"}
    for ring in ("a.yaml", "b.yaml", "self.yaml"):
        assert f"{folder / ring}: không đọc được tệp" in run.stderr, run.stderr
    run = run_isolated([str(folder / "self.yaml")], tmp_path)
    assert run.code == 2 and f"{folder / 'self.yaml'}: không đọc được tệp" in run.stderr
