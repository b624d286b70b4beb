"""Where a run's reports go: parsing `--format FORMAT[:FILE]` / `--output`, and writing each report."""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .discovery import same_file
from .errors import UsageError
from .findings import Report
from .reporters import BINARY_FORMATS, Format, reporter


@dataclass(frozen=True)
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
                             hint=_Hint(close[0]) if close else "")
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
        if o.fmt in BINARY_FORMATS and o.path is None and sys.stdout.isatty():
            raise UsageError("cli.binary_to_terminal", format=o.fmt.value)
    files = [same_file(o.path) for o in outputs if o.path is not None]
    if len(files) != len(set(files)):
        raise UsageError("cli.same_file")
    return outputs


class _Hint:
    """A "did you mean" in the refusal's language."""

    def __init__(self, suggestion: str) -> None:
        self.suggestion = suggestion

    def message(self, lang: str) -> str:
        from .messages import say

        return say("schema.hint", lang, suggestion=self.suggestion)


def emit(report: Report, out: Output) -> None:
    """Render one report and write it: to stdout, or to its file through a temporary file renamed into place (a
    cancelled run never leaves a half-written report over the previous one)."""
    render = reporter(out.fmt)
    if out.fmt == Format.text:
        width, color = text_layout(out)
        text = render(report, width=width, color=color)
    else:
        text = render(report)
    target = Destination(out)
    try:
        target.write(text)
        target.commit()
    finally:
        target.discard()


def text_layout(out: Output) -> tuple[int, bool]:
    """The width and colour of a text report: colour only where it shows — a terminal, unless NO_COLOR or TERM=dumb
    (pipes, files and CI logs get plain text) —, as wide as the terminal within 80–120 columns."""
    to_terminal = out.path is None and sys.stdout.isatty()
    color = to_terminal and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    width = max(80, min(os.get_terminal_size().columns, 120)) if to_terminal else 80
    return width, color


def write_report(path: Path, content: str | bytes, what: str) -> None:
    """Write a report file atomically; a failure is the run's one-line refusal (exit 2)."""
    target = Destination(Output(Format.text, path), what)  # the format only names the file in a refusal
    try:
        target.write(content)
        target.commit()
    finally:
        target.discard()


class Destination:
    """Where a report goes while it is written, piece by piece: standard output, or a temporary file beside its file,
    renamed into place by `commit` (a cancelled run never leaves a half-written report over the previous one; a
    symlink planted at the path is replaced, not written through). A failure is the run's one-line refusal."""

    def __init__(self, out: Output, what: str | None = None) -> None:
        self.path, self.what = out.path, what or out.fmt.value
        self.temporary: str | None = None
        self.handle = None
        if self.path is None:
            return
        folder = self.path.parent if str(self.path.parent) else Path(".")
        try:
            handle, self.temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
            self.handle = os.fdopen(handle, "wb")
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.temporary, 0o666 & ~umask)  # as a plainly created file would be (mkstemp makes it private)
        except OSError as exc:
            self.discard()
            self._refuse(exc)

    def write(self, content: str | bytes) -> None:
        if self.handle is None:
            if isinstance(content, str):
                sys.stdout.write(content)
            else:  # BINARY_FORMATS: parse_outputs let it reach stdout only when not a terminal
                sys.stdout.flush()
                sys.stdout.buffer.write(content)
                sys.stdout.buffer.flush()
            return
        try:
            self.handle.write(content.encode("utf-8") if isinstance(content, str) else content)
        except OSError as exc:
            self.discard()
            self._refuse(exc)

    def commit(self) -> None:
        if self.handle is None:
            sys.stdout.flush()
            return
        try:
            self.handle.close()
            os.replace(self.temporary, self.path)  # type: ignore[arg-type]
            self.temporary = None
        except OSError as exc:
            self.discard()
            self._refuse(exc)

    def discard(self) -> None:
        """Give up: the temporary file goes (nothing if committed)."""
        if self.handle is not None:
            self.handle.close()
        if self.temporary is not None:
            try:
                os.unlink(self.temporary)
            except OSError:
                pass
            self.temporary = None

    def _refuse(self, exc: OSError):
        raise UsageError("cli.write_failed", format=self.what, file=str(self.path),
                         reason=exc.strerror or str(exc)) from None


__all__ = ["Output", "parse_outputs", "emit", "write_report", "text_layout", "Destination"]
