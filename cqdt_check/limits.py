"""The resource limits on one input file: their defaults, which the command line shows in its help (a module of its
own, so that `--help` need not import the YAML loader)."""

from __future__ import annotations

from .records import record


@record(frozen=True)
class Limits:
    """Resource limits for one input file (configurable with --max-* options)."""

    # A real plan has a few thousand nodes and a few levels; these refuse hostile files in well under a second.
    max_bytes: int = 2_000_000
    max_nodes: int = 50_000
    max_depth: int = 64


__all__ = ["Limits"]
