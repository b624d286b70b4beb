"""Remember validated rule packs and architectures between runs, keyed by the contents of the files they came from.

Loading and validating the rule pack is the largest fixed cost of a run (≈ 100 ms, measured with bench/run.py);
unpickling the validated result takes a few milliseconds. The key covers every source file (path and contents)
and the tool's own code, so an edited rule, architecture or check is always reloaded. The cache is an
optimisation only: any problem reading or writing it falls back to loading the files, silently.

Location: $CQDT_CHECK_CACHE_DIR, else $XDG_CACHE_HOME/cqdt-check, else ~/.cache/cqdt-check.
CQDT_CHECK_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

from . import __version__

T = TypeVar("T")
_CODE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    if os.environ.get("CQDT_CHECK_NO_CACHE"):
        return None
    explicit = os.environ.get("CQDT_CHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cqdt-check"


def _stamp(sources: list[Path]) -> str:
    import pydantic

    # the pickled models' code and the libraries and interpreter that unpickle them
    digest = hashlib.sha256(f"{__version__}\0{pydantic.VERSION}\0{sys.version}".encode())
    for path in [*sorted(_CODE.glob("*.py")), *sources]:
        # folders count by name (a pack folder that cannot be listed must not share the key of no pack at all);
        # files by contents, not mtimes: two edits within the file system's timestamp granularity differ
        digest.update(f"{path.resolve()}\0".encode())
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def cached(kind: str, sources: list[Path], build: Callable[[], T]) -> T:
    """`build()`, or its result from an earlier run with the same sources: exactly the files `build` reads
    (and the folders they were listed from), so that nothing it reads can change unseen."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        file = folder / f"{kind}-{_stamp(sources)}.pickle"
        with open(file, "rb") as stream:
            return pickle.load(stream)
    except Exception:  # absent, stale format, unreadable: load from the files instead
        pass
    value = build()  # problems of the sources themselves (ConfigError) reach the caller, and are never cached
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # write then rename, so a concurrent run never reads half a file
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, file)
        _prune(folder, kind)
    except Exception:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
    return value


KEEP = 8  # entries per kind: a few rule-pack combinations, without growing with every edit


def _prune(folder: Path, kind: str) -> None:
    entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
