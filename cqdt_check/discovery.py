"""Which files a run checks: the plans named on the command line, and every *.yaml/*.yml under named folders."""

from __future__ import annotations

import os
from pathlib import Path

PLAN_SUFFIXES = {".yaml", ".yml"}


def same_file(path: Path) -> Path:
    """A path's identity for comparing files: symlinks followed, except in a loop (which the loader refuses later)."""
    return Path(os.path.realpath(path))  # unlike Path.resolve() on Python 3.11, never raises for a symlink loop


def is_folder(path: Path) -> bool:
    """Whether `path` is a folder; a name the system refuses (over 255 bytes, past the path-length limit) is not one,
    and is reported when read as the document that could not be checked, never a fault of the whole run."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def expand(paths: list[Path]) -> list[tuple[Path, str]]:
    """Files as given, and every *.yaml/*.yml under folders (recursive, sorted, symlinked folders not followed)."""
    out: list[tuple[Path, str]] = []
    for given in paths:
        if is_folder(given):
            found: list[Path] = []
            # a folder that cannot be read is reported as a document that could not be checked, never skipped
            unreadable = lambda err: found.append(Path(err.filename))  # noqa: E731, B023 (called within this iteration)
            for root, dirs, files in os.walk(given, onerror=unreadable, followlinks=False):
                dirs.sort()
                found += [Path(root) / f for f in sorted(files) if Path(f).suffix in PLAN_SUFFIXES]
            out += [(p, str(p)) for p in found]
            if not found:
                out.append((given, str(given)))  # reported as "no plans in this folder"
        else:
            out.append((given, str(given)))
    # a file named twice (as given and inside a folder given too) is one document, checked once
    seen: set[Path] = set()
    unique = []
    for path, display in out:
        key = same_file(path)
        if key not in seen:
            seen.add(key)
            unique.append((path, display))
    return unique


__all__ = ["PLAN_SUFFIXES", "same_file", "expand", "is_folder"]
