"""The command line's entry: which reader a command line goes to, and the guard every run ends through (a fault of the
tool is one line and exit 2, never a traceback; Ctrl-C exit 130).

`cqdt-check PLAN...` checks plans (the `check` subcommand is implied); the other commands are in commands.py. A
check whose command line holds only plain options is read by options.read_check and run without importing typer;
every other command line (help, completion, other commands, anything typer would refuse) goes to typer. No run ends
in a traceback: problems of input or configuration exit 2 with a one-line reason that names the place
(docs/report-contract.md).
"""

from __future__ import annotations

import os
import sys

from .options import PROG, SUBCOMMANDS, read_check

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
            # imported here, not at the top: only this path needs it (start-up stays light)
            from .run import from_command_line

            try:
                raise SystemExit(from_command_line(*read))
            except KeyboardInterrupt:  # as typer ends a command it runs: exit 130, the terminal has shown ^C
                raise SystemExit(130) from None
        # imported here, not at the top: only this path needs it (start-up stays light)
        from .commands import app

        app(args=args, prog_name=PROG, standalone_mode=True)
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


__all__ = ["main", "COMPLETION"]
