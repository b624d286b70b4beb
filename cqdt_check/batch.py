"""Checking many files: in order, in worker processes for large batches, with a progress bar on a terminal."""

from __future__ import annotations

import os
from pathlib import Path

from .discovery import is_folder
from .engine import Settings, check_file
from .findings import DocumentResult, Location
from .messages import say
from .resources import schema

# Below this many files one process is faster than starting workers (measured with bench/run.py).
PARALLEL_THRESHOLD = 64
# A batch this large takes long enough on a terminal for a progress bar to help.
PROGRESS_FROM = 20
_WORKER: dict = {}


def check_all(files: list[tuple[Path, str]], settings: Settings, jobs: int | None,
              progress: bool = False) -> list[DocumentResult]:
    """Check every file, in order; large batches use worker processes when the platform can fork."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    _WORKER["settings"] = settings
    with _progress(len(files), progress, settings.lang) as advance:
        if workers > 1 and len(files) >= PARALLEL_THRESHOLD:
            import multiprocessing  # only for large batches: it is a slow import

            if "fork" in multiprocessing.get_all_start_methods():
                # fork shares the loaded rule pack and architectures with the workers instead of reloading them
                chunk = max(1, len(files) // (workers * 8))
                with multiprocessing.get_context("fork").Pool(workers) as pool:
                    results = []
                    for result in pool.imap(_check_one, files, chunksize=chunk):  # imap keeps the order of the files
                        results.append(result)
                        advance()
                    return results
        results = []
        for item in files:
            results.append(_check_one(item))
            advance()
        return results


def _progress(total: int, enabled: bool, lang: str):
    """A context giving `advance()`: a rich progress bar on stderr, or nothing."""
    import contextlib

    if not enabled:
        return contextlib.nullcontext(lambda: None)

    @contextlib.contextmanager
    def bar():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        label = say("cli.progress", lang)
        with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=Console(stderr=True), transient=True) as prog:
            task = prog.add_task(label, total=total)
            yield lambda: prog.advance(task)

    return bar()


def _check_one(item: tuple[Path, str]) -> DocumentResult:
    """One file's result, whatever happens: a fault while handling one file is that file's could-not-check result,
    and the others are still checked and reported."""
    path, display = item
    settings = _WORKER["settings"]
    try:
        return _check_path(path, display, settings)
    except Exception as exc:
        return DocumentResult(file=display, verdict="error", error_location=Location(display),
                              error=say("could_not_handle", settings.lang, reason=f"{type(exc).__name__}: {exc}"))


def _check_path(path: Path, display: str, settings) -> DocumentResult:
    if is_folder(path) and not os.access(path, os.R_OK | os.X_OK):
        return DocumentResult(file=display, verdict="error", error=say("permission_folder", settings.lang),
                              error_location=Location(display))
    if is_folder(path):
        return DocumentResult(file=display, verdict="error", error=say("no_plans", settings.lang),
                              error_location=Location(display))
    return check_file(path, display, settings, schema("plan.schema.json"))


__all__ = ["check_all", "PARALLEL_THRESHOLD", "PROGRESS_FROM"]
