"""`python -m cqdt_check`: the same entry point as the `cqdt-check` command."""

from .cli import main

if __name__ == "__main__":
    main()
