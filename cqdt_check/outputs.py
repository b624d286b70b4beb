"""Where a run's reports go: parsing `--format FORMAT[:FILE]` / `--output`, and writing each report."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NoReturn

from .discovery import same_file
from .errors import Hint, OsReason, ToolError, UsageError
from .findings import Report
from .records import record
from .reporters import BINARY_FORMATS, Format, reporter


@record(frozen=True)
class Output:
    """One report of a run: its format and where it goes (None: standard output)."""

    fmt: Format
    path: Path | None


def parse_outputs(formats: list[str], output: Path | None) -> list[Output]:
    """`--format sarif:out.sarif --format text` → reports; `--output` is where the one format without a file goes."""
    known = {f.value: f for f in Format}
    outputs: list[Output] = []
    for given in formats or ["text"]:
        name, sep, file = given.partition(":")
        name = name.strip().lower()
        if name not in known:
            import difflib

            close = difflib.get_close_matches(name, list(known), n=1)
            raise UsageError("cli.unknown_format", name=name, known=", ".join(known),
                             hint=Hint(close[0]) if close else "")
        if sep and not file:
            raise UsageError("cli.format_no_file", given=given)
        outputs.append(Output(known[name], Path(file) if sep else None))
    to_stdout = [o for o in outputs if o.path is None]
    if len(to_stdout) > 1:
        raise UsageError("cli.one_stdout")
    if output is not None:
        if not to_stdout:
            raise UsageError("cli.output_unused")
        outputs = [Output(o.fmt, output) if o.path is None else o for o in outputs]
    for o in outputs:  # a Word document is bytes: to a file, or to a redirected stdout, never onto a terminal
        if o.fmt in BINARY_FORMATS and o.path is None and sys.stdout is not None and sys.stdout.isatty():
            raise UsageError("cli.binary_to_terminal", format=o.fmt.value)
    files = [same_file(o.path) for o in outputs if o.path is not None]
    identities = [i for i in (file_identity(o.path) for o in outputs if o.path is not None) if i is not None]
    if len(files) != len(set(files)) or len(identities) != len(set(identities)):  # hard links are one file too
        raise UsageError("cli.same_file")
    return outputs


def file_identity(path: Path) -> tuple[int, int] | None:
    """Device and inode of an existing file (symlinks followed): two names of one file, hard links included, have
    the same identity. None when there is no such file (yet)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def refuse_clobbering(outputs: list[Output], plans: list[Path]) -> None:
    """Checked before anything is written: no report may replace a plan being checked, whatever name it is given
    (the same path, a symlink, or a hard link to it)."""
    if all(out.path is None for out in outputs):  # standard output only: no file to compare (a large batch's plans)
        return
    names = {same_file(p) for p in plans}
    identities = {i for i in (file_identity(p) for p in plans) if i is not None}
    for out in outputs:
        if out.path is not None and (same_file(out.path) in names or file_identity(out.path) in identities):
            raise UsageError("cli.output_is_plan", file=str(out.path))


def refuse(error: ToolError, lang: str) -> NoReturn:
    """The one way a problem of the command line or of configuration ends a run: one line on stderr, exit 2."""
    to_stderr(f"cqdt-check: {error.render(lang)}")  # one line: file names and plan values come from the user's disk
    raise SystemExit(2)


def to_stderr(line: str) -> None:
    """One line for the operator on stderr, folded to one line (file names and plan values cannot start lines of
    their own). With stderr closed nothing is written anywhere: never into the report on stdout."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .reporters.common import one_line

    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(one_line(line) + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


@record(frozen=True)
class TextStyle:
    """How the text report looks: `--quiet` (findings and the verdict line), `--statistics` (counts per rule),
    `--color auto|always|never`."""

    quiet: bool = False
    statistics: bool = False
    color: str = "auto"


DEFAULT_STYLE = TextStyle()


def use_color(choice: str, to_terminal: bool) -> bool:
    """`--color`: always/never as said; auto is a terminal (not TERM=dumb) without NO_COLOR, or FORCE_COLOR set (no-color.org,
    force-color.org: a non-empty NO_COLOR wins over auto; FORCE_COLOR turns auto on in CI logs)."""
    if choice in ("always", "never"):
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return to_terminal and os.environ.get("TERM") != "dumb"


def emit(report: Report, out: Output, style: TextStyle = DEFAULT_STYLE) -> None:
    """Render one report and write it: to stdout, or to its file through a temporary file renamed into place (a
    cancelled run never leaves a half-written report over the previous one)."""
    render = reporter(out.fmt)
    text: str | bytes
    if out.fmt == Format.text:
        width, color = text_layout(out, style)
        if style.quiet or style.statistics:
            from .reporters.brief import render as brief

            text = brief(report, quiet=style.quiet, statistics=style.statistics, full=str(render(report, width=width,
                         color=color)) if not style.quiet else "", color=color)
        else:
            text = render(report, width=width, color=color)
    else:
        text = render(report)
    if out.path is None:
        _write_stdout(text, out.fmt)  # bytes (BINARY_FORMATS) reach stdout only when it is not a terminal (parse_outputs)
        return
    write_report(out.path, text, out.fmt.value)


def text_layout(out: Output, style: TextStyle) -> tuple[int, bool]:
    """The width and colour of a text report: colour as `--color` says, on standard output only; as wide as the
    terminal within 80–120 columns, 80 elsewhere."""
    to_terminal = out.path is None and sys.stdout is not None and sys.stdout.isatty()
    color = use_color(style.color, to_terminal) and out.path is None
    width = max(80, min(os.get_terminal_size().columns, 120)) if to_terminal else 80
    return width, color


def stdout_ready(out: Output) -> str | None:
    """Before a report is made piece by piece for standard output: refuse at once when stdout is closed; the
    encoding each piece must fit (None: a file, or an encoding Python does not know)."""
    if out.path is not None:
        return None
    if sys.stdout is None:
        raise UsageError("cli.stdout_closed", format=out.fmt.value)
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        "".encode(encoding)
    except LookupError:
        return None
    return encoding


def check_encodable(piece: str, encoding: str | None, out: Output) -> None:
    """A piece of a report for standard output must fit its encoding, checked before any of the report is written
    (never a half-written report)."""
    if encoding is not None:
        try:
            piece.encode(encoding)
        except UnicodeEncodeError:
            raise UsageError("cli.stdout_encoding", format=out.fmt.value, encoding=encoding) from None


def write_pieces(out: Output, pieces: Iterable[str] | Iterable[bytes | str]) -> None:
    """A report made of pieces (a streamed report read back: text, or bytes already encoded for where it goes),
    written where `emit` writes a whole one, the same way."""
    if out.path is None:
        for piece in pieces:
            _write_stdout(piece, out.fmt)
        return
    write_report(out.path, pieces, out.fmt.value)


def write_report(path: Path, content: str | bytes | Iterable[bytes | str], what: str) -> None:
    """Write a report file atomically; a failure is the run's one-line refusal (exit 2)."""
    try:
        _write_atomically(path, content)
    except OSError as exc:
        raise UsageError("cli.write_failed", format=what, file=str(path), reason=OsReason(exc)) from None


def _write_stdout(content: str | bytes, fmt: Format) -> None:
    """The report on standard output, or one reason (exit 2) when it cannot go there: stdout closed, a console that
    cannot show the report's characters, a full disk. Never a half-written report: the text is encoded before a
    byte is written. A reader that has gone (`| head`) is write_quietly's to handle."""
    stream = sys.stdout
    if stream is None:
        raise UsageError("cli.stdout_closed", format=fmt.value)
    if isinstance(content, str):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            content.encode(encoding)
        except UnicodeEncodeError:
            raise UsageError("cli.stdout_encoding", format=fmt.value, encoding=encoding) from None
        except LookupError:
            pass
    try:
        write_quietly(content, stream)
    except OSError as exc:
        _silence_stdout()
        raise UsageError("cli.write_failed", format=fmt.value, file="stdout", reason=OsReason(exc)) from None


def _silence_stdout() -> None:
    """After a failed write, what is still buffered must not fail again when Python exits (a second message, and
    exit 120): standard output is pointed at the null device."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def write_quietly(text: str | bytes, stream=None) -> None:
    """Write to stdout (or `stream`); when the reader has gone (`| head`), stop without an error or a traceback and
    let the run end with its usual exit status. The one writer of everything the tool prints to standard output;
    bytes (a binary report) go to its buffer. Any other failure (a full disk) is the caller's to report."""
    stream = stream or sys.stdout
    if stream is None:  # stdout closed: nothing can be written (reports say so through _write_stdout)
        return
    try:
        if isinstance(text, bytes):
            stream.flush()
            stream.buffer.write(text)
            stream.buffer.flush()
        else:
            stream.write(text)
            stream.flush()
    except BrokenPipeError:
        # Python would flush again at exit and fail: point stdout at /dev/null first (the documented recipe).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())


def _utf8(content: str | Iterable[bytes | str]) -> Iterator[bytes]:
    """A text report, or its pieces (text, or bytes already in UTF-8), as the bytes of a UTF-8 file."""
    for piece in [content] if isinstance(content, str) else content:
        yield piece if isinstance(piece, bytes) else piece.encode("utf-8")


def _write_atomically(path: Path, content: str | bytes | Iterable[bytes | str]) -> None:
    if _is_stream(path):  # /dev/null, /dev/stdout, a FIFO: written to, never replaced by a regular file
        with open(path, "wb") as binary:
            if isinstance(content, bytes):
                binary.write(content)
            else:
                binary.writelines(_utf8(content))
        return
    folder = path.parent if str(path.parent) else Path(".")
    import tempfile  # here: only a report written to a file needs it (it imports shutil, random, bz2, lzma)

    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as a plainly created file would be (mkstemp makes it private)
        with os.fdopen(handle, "wb") as binary:  # UTF-8 as written: no newline translation
            if isinstance(content, bytes):
                binary.write(content)
            else:
                binary.writelines(_utf8(content))  # a report, or its pieces
        os.replace(temporary, path)  # replaces a symlink planted at the path instead of writing through it
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _is_stream(path: Path) -> bool:
    """A path written to, never replaced: a FIFO or device the operator named, and the system's names for what is
    open (/dev/stdout, /dev/fd/1, /proc/self/fd/1: followed to it, even a regular file the shell redirected to).
    Any other symlink is replaced, never written through: one planted at a report path, to a file or a device."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    if stat.S_ISLNK(mode):
        return os.path.abspath(path).startswith(("/dev/", "/proc/"))
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


__all__ = ["Output", "TextStyle", "check_encodable", "emit", "file_identity", "parse_outputs", "refuse", "refuse_clobbering",
           "stdout_ready", "text_layout", "to_stderr", "use_color", "write_pieces", "write_quietly", "write_report"]
