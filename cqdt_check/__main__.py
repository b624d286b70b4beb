"""The `cqdt-check` command and `python -m cqdt_check`: `--version` answered at once, everything else by cli.py.

A check run imports PyYAML and the models (pydantic only for a file they refuse), and typer for any command line
but a plain check; printing the version needs none of them, so it is answered here before they are imported (measured: ≈ 1.3× `python -c pass` instead of
≈ 9×).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--version"]:  # typer's eager --version answers the same whatever follows it
        from . import version_line

        print(version_line())
        raise SystemExit(0)
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .cli import main as run_cli

    run_cli(args)


if __name__ == "__main__":
    main()
