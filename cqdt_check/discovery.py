"""Which files a run checks: the plans named on the command line, and every *.yaml/*.yml under named folders."""

from __future__ import annotations

import atexit
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

PLAN_SUFFIXES = {".yaml", ".yml"}
# Configuration files (config.py) live among plans but are not plans: a folder's expansion leaves them out.
CONFIG_NAMES = (".cqdt-check.yaml", ".cqdt-check.yml")


def same_file(path: Path) -> Path:
    """A path's identity for comparing files: symlinks followed, except in a loop (which the loader refuses later).
    It is os.path.realpath's answer, the folder's part worked out once for all its files (a path through a symlink
    loop, which cannot be read anyway, may be spelled otherwise)."""
    if path.name not in ("", ".", "..") and not os.path.islink(path):
        folder = path.parent
        # absolute, not normalised: `link/..` is resolved as realpath does (a relative name needs the working folder)
        return _real_folder(str(folder) if folder.is_absolute() else os.path.join(os.getcwd(), folder)) / path.name
    return Path(os.path.realpath(path))  # unlike Path.resolve() on Python 3.11, never raises for a symlink loop


@lru_cache(maxsize=256)
def _real_folder(folder: str) -> Path:
    return Path(os.path.realpath(folder))


STDIN = "-"


def is_folder(path: Path) -> bool:
    """Whether `path` is a folder; a name the system refuses (over 255 bytes, past the path-length limit) is not one,
    and is reported when read as the document that could not be checked, never a fault of the whole run."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def expand(paths: list[Path], stdin_name: str | None = None, stdin_limit: int = 1 << 30) -> list[tuple[Path, str]]:
    """Files as given, and every *.yaml/*.yml under folders (recursive, sorted, symlinked folders not followed);
    `-` is the plan on standard input, named `stdin_name` (or `-`) in reports."""
    _real_folder.cache_clear()  # folders are resolved as they are when this run starts
    out: list[tuple[Path, str]] = []
    for given in paths:
        if str(given) == STDIN:
            out.append((_stdin_copy(stdin_limit), stdin_name or STDIN))
        elif is_folder(given):
            found: list[Path] = []
            # a folder that cannot be read is reported as a document that could not be checked, never skipped
            unreadable = lambda err: found.append(Path(err.filename))  # noqa: E731, B023 (called within this iteration)
            for root, dirs, files in os.walk(given, onerror=unreadable, followlinks=False):
                dirs.sort()
                found += [Path(root) / f for f in sorted(files) if Path(f).suffix in PLAN_SUFFIXES and f not in CONFIG_NAMES]
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
            unique.append((path, shown(display)))
    return unique


def shown(name: str) -> str:
    """A file's name as reports show it: bytes the file system holds that are not UTF-8 (Python keeps them as lone
    surrogates, which no report can encode) are shown as U+FFFD; the file itself is still read by its real name."""
    return name if name.isascii() else _SURROGATE.sub("\ufffd", name)


_SURROGATE = re.compile("[\ud800-\udfff]")  # one per byte the file system name holds that is not UTF-8


def _stdin_copy(limit: int) -> Path:
    """Standard input saved once to a private temporary file, removed at exit: the loader then applies its size limit
    and encoding checks to it as to any file, and worker processes can read it. One byte past `limit` is kept, so
    the loader sees the stream was too large without the whole of it being stored."""

    import tempfile  # here: only reading standard input needs it (it imports shutil, random, bz2, lzma)

    handle, name = tempfile.mkstemp(prefix="cqdt-stdin-", suffix=".yaml")
    with os.fdopen(handle, "wb") as stream:
        stream.write(sys.stdin.buffer.read(limit + 1))
    atexit.register(_remove, name)
    return Path(name)


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


__all__ = ["PLAN_SUFFIXES", "STDIN", "expand", "is_folder", "same_file"]
