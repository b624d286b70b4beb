"""The command line's entry: which reader a command line goes to, and the one place a run ends (exit 0/1/2/130).

`cqdt-check PLAN...` checks plans (the `check` subcommand is implied); the other commands are in commands.py. A
check whose command line holds only plain options is read by options.read_check and run without importing typer;
every other command line (help, completion, other commands, anything typer would refuse) goes to typer. No run ends
in a traceback: problems of input or configuration exit 2 with a one-line reason that names the place
(docs/report-contract.md).
"""

from __future__ import annotations

import os
import sys

from .errors import ToolError
from .options import SUBCOMMANDS, read_check

COMPLETION = ("--install-completion", "--show-completion")  # typer's shell completion, at the top level


def main(argv: list[str] | None = None) -> None:
    """Console entry point: `cqdt-check PLAN...` implies the `check` subcommand."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "NO_COLOR" in os.environ:
        os.environ.setdefault("TERM", "dumb")
    try:
        if args in (["--help"], ["-h"]) or (len(args) == 2 and args[0] in SUBCOMMANDS and args[1] in ("--help", "-h")):
            # imported here, not at the top: only this path needs it (start-up stays light)
            from .commands import print_help

            # the top-level help is the default command's, with the other commands named
            print_help(args[0] if len(args) == 2 else "check")
            raise SystemExit(0)
        if args and args[0] not in ("--help", "-h", "--version", *COMPLETION) and args[0] not in SUBCOMMANDS:
            args.insert(0, "check")
        read = read_check(args)
        if read is not None:
            raise SystemExit(_check(*read))
        # imported here, not at the top: only this path needs it (start-up stays light)
        from .commands import app

        app(args=args, prog_name="cqdt-check", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        from .outputs import to_stderr

        to_stderr("cqdt-check: đã dừng / interrupted")
        raise SystemExit(130) from None
    except Exception as exc:  # a fault of the tool itself: one line, exit 2, never a traceback
        from .outputs import to_stderr

        to_stderr(f"cqdt-check: lỗi nội bộ / internal error: {type(exc).__name__}: {exc}")
        raise SystemExit(2) from None


def _check(values: dict, typed: frozenset[str]) -> int:
    """A check command line read without typer, run as commands.check_command runs one typer read."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .outputs import refuse
    from .run import from_command_line

    try:
        return from_command_line(values, typed)
    except ToolError as error:
        refuse(error, values["lang"].value)


__all__ = ["main", "COMPLETION"]
