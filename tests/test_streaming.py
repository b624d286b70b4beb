"""Reports written document by document (streaming.py) are byte for byte the reports rendered from every document at
once (the reporters' `render`, which the goldens pin), whatever the count, language and destination."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from cqdt_check import records, streaming
from cqdt_check.reporters import Format, reporter
from cqdt_check.reporters.json_report import INDENT_UP_TO

DAY = dt.date(2026, 11, 21)
BROKEN = "format: cqdt-plan/1\nkind: [unclosed\n"


def folder_of(tmp_path, count: int):
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "000-broken.yaml").write_text(BROKEN, encoding="utf-8")  # could not be checked: a located error
    for i in range(1, count):
        source = examples[i % len(examples)]
        (folder / f"{i:03d}-{source.name}").write_bytes(source.read_bytes())
    return folder


@pytest.mark.parametrize("count", [1, 7, INDENT_UP_TO + 5])  # one document; a table of files; compact JSON
@pytest.mark.parametrize("fmt", [Format.text, Format.json])
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("to_file", [False, True])
def test_a_streamed_report_is_the_whole_report(cli, check, make_report, tmp_path, count, fmt, lang, to_file):
    folder = folder_of(tmp_path, count)
    target = tmp_path / f"report.{fmt.value}"
    args = ["--format", f"{fmt.value}:{target}" if to_file else fmt.value]
    code, out, _ = cli(str(folder), *args, "--as-of", DAY.isoformat(), "--lang", lang, "--jobs", "1", "--no-progress")
    written = target.read_text(encoding="utf-8") if to_file else out
    documents = [check(path, as_of=DAY, lang=lang) for path in sorted(folder.iterdir())]
    whole = records.replace(make_report(documents, lang), as_of_option=DAY)
    assert written == reporter(fmt)(whole, width=80, color=False)
    assert code == whole.exit_code() == 2
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # the temporary file was renamed


@pytest.mark.parametrize("collected", [Format.markdown, Format.sarif, Format.junit])
def test_formats_that_need_every_document_still_get_them(cli, check, make_report, tmp_path, collected):
    folder = folder_of(tmp_path, 7)
    target, text = tmp_path / "r.out", tmp_path / "r.txt"
    code, _, _ = cli(str(folder), "--format", f"{collected.value}:{target}", "--format", f"text:{text}",
                     "--as-of", DAY.isoformat(), "--no-progress")
    documents = [check(path, as_of=DAY) for path in sorted(folder.iterdir())]
    whole = records.replace(make_report(documents), as_of_option=DAY)
    assert target.read_text(encoding="utf-8") == reporter(collected)(whole)
    assert text.read_text(encoding="utf-8") == reporter(Format.text)(whole, width=80, color=False)


# Standard output in other encodings: pieces are encoded where they are rendered (the worker), so an encoding that
# marks its start (UTF-16, UTF-8-SIG) must still begin the report once, and one that cannot show Vietnamese refuses.
@pytest.mark.parametrize("encoding, refused", [
    ("utf-8", False), ("utf-16", False), ("utf-8-sig", False), ("utf-32", False), ("cp1252", True), ("ascii", True),
])
@pytest.mark.parametrize("fmt", [Format.text, Format.json])
def test_a_streamed_report_on_stdout_in_another_encoding(check, make_report, tmp_path, encoding, refused, fmt):
    import os
    import subprocess
    import sys

    folder = folder_of(tmp_path, 7)
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1", "COLUMNS": "80"}
    proc = subprocess.run([sys.executable, "-m", "cqdt_check", str(folder), "--format", fmt.value, "--as-of",
                           DAY.isoformat(), "--jobs", "2", "--no-progress"], env=env, capture_output=True, cwd=tmp_path)
    if refused:
        assert proc.returncode == 2 and proc.stdout == b"" and encoding in proc.stderr.decode(encoding, "replace")
        return
    documents = [check(path, as_of=DAY) for path in sorted(folder.iterdir())]
    whole = records.replace(make_report(documents), as_of_option=DAY)
    # as the output stream would write the whole report (Python writes no byte-order mark on a pipe): decoded, it is
    # the report, with no mark in the middle of it
    assert proc.stdout.decode(encoding) == reporter(fmt)(whole, width=80, color=False)


@pytest.mark.parametrize("fmt", [Format.text, Format.json])
def test_a_streamed_report_goes_through_the_stdout_stream(check, make_report, tmp_path, monkeypatch, fmt):
    """A program embedding the tool may stand a StringIO (no `.buffer`) in for standard output, and a stream may
    translate newlines (Windows): the streamed report is written as text through whatever stands there."""
    import contextlib
    import io

    from cqdt_check.cli import main

    folder = folder_of(tmp_path, 7)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    args = [str(folder), "--format", fmt.value, "--as-of", DAY.isoformat(), "--jobs", "1", "--no-progress"]
    documents = [check(path, as_of=DAY) for path in sorted(folder.iterdir())]
    whole = reporter(fmt)(records.replace(make_report(documents), as_of_option=DAY), width=80, color=False)
    text = io.StringIO()
    with contextlib.redirect_stdout(text), pytest.raises(SystemExit):
        main(args)
    assert text.getvalue() == whole
    raw = io.BytesIO()
    crlf = io.TextIOWrapper(raw, encoding="utf-8", newline="\r\n")
    with contextlib.redirect_stdout(crlf), pytest.raises(SystemExit):
        main(args)
    crlf.flush()
    assert raw.getvalue() == whole.replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize("limit", [0, 5, 1 << 20])
def test_the_spool_gives_back_what_it_kept_in_memory_or_on_disk(limit):
    spool = streaming._Spool(limit)
    pieces = [b"abc", "đường truyền".encode(), b"x" * 10]
    for piece in pieces:
        spool.write(piece)
    assert (spool.memory is None) == (limit < sum(map(len, pieces)))  # spilled to a file past its limit
    spool.seek(0)
    assert b"".join(iter(lambda: spool.read(4), b"")) == b"".join(pieces)
    spool.close()
