"""Checking many files: in order, in worker processes for large batches, with a progress bar on a terminal.

Results are yielded as they come, in the order of the files, so a caller can write reports while the batch runs and
hold nothing per file it does not need. A worker that dies (the OOM killer, a kill) costs only the files it and its
sibling were checking at that moment: they come back as could-not-check, and the rest of the batch goes on in a fresh
pool. Ctrl-C and SIGTERM end a parallel run cleanly: workers ignore SIGINT (the parent alone decides), and the parent
stops the pool before it exits (130 and 143, as cli.py and `_terminated` say).
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import TypeVar

from .discovery import is_folder
from .engine import Settings, check_file
from .findings import DocumentResult, Location
from .messages import say
from .resources import schema

# Below this many files one process is faster than starting workers (measured with bench/run.py).
PARALLEL_THRESHOLD = 64
# A batch this large takes long enough on a terminal for a progress bar to help.
PROGRESS_FROM = 20
# Files a worker takes at a time: large enough that handing out work costs little, small enough that a dead worker
# takes few files with it. Chunks queued per worker: enough to keep it busy while the parent writes reports.
CHUNK_UP_TO = 4
QUEUED_PER_WORKER = 2
# Seconds between two looks at the workers while waiting for a result (see `_result`).
WATCH_EVERY = 0.5
_WORKER: dict = {}

Item = tuple[Path, str]  # (path, name shown in reports)
R = TypeVar("R")


def check_all(files: list[Item], settings: Settings, jobs: int | None, progress: bool = False) -> list[DocumentResult]:
    """Every file's full result, in order (small runs and tests; `results` streams)."""
    return list(results(files, settings, check_item, jobs, progress))


def results(files: list[Item], settings: Settings, job: Callable[[Item], R], jobs: int | None,
            progress: bool = False, lost: Callable[[Item], R] | None = None) -> Generator[R, None, None]:
    """`job(item)` of every file, in order; large batches in worker processes when the platform can fork.

    `lost(item)` stands for a file whose worker died while checking it (default: a could-not-check DocumentResult).
    Close the iterator (contextlib.closing) when stopping early: that stops the workers.
    """
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    _WORKER["settings"], _WORKER["job"] = settings, job
    lost = lost or (lambda item: worker_lost(item, settings.lang))  # type: ignore[assignment, return-value]
    with _progress(len(files), progress, settings.lang) as advance:
        if workers > 1 and len(files) >= PARALLEL_THRESHOLD:
            import multiprocessing  # only for large batches: it is a slow import

            if "fork" in multiprocessing.get_all_start_methods():
                # fork shares the loaded rule pack and architectures with the workers instead of reloading them
                for result in _parallel(files, workers, lost):  # type: ignore[arg-type]
                    yield result
                    advance()
                return
        for item in files:
            yield job(item)
            advance()


def check_item(item: Item) -> DocumentResult:
    """One file's result, whatever happens: a fault while handling one file is that file's could-not-check result,
    and the others are still checked and reported (a folder given among the files is one too)."""
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


def worker_lost(item: Item, lang: str) -> DocumentResult:
    """The result of a file whose worker process died while checking it."""
    return DocumentResult(file=item[1], verdict="error", error=say("worker_lost", lang), error_location=Location(item[1]))


FRUITLESS_POOLS = 3  # pools that may break in a row before any worker begins a chunk


def _parallel(files: list[Item], workers: int, lost: Callable[[Item], R]) -> Iterator[R]:
    """The results of a forked pool, in order; a broken pool is replaced and only the files in flight are lost."""
    # imported here: a slow import that only this path needs
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, min(CHUNK_UP_TO, len(files) // (workers * 16)))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    # which chunks a worker has begun: shared memory the forked workers write, so that after a worker dies the
    # chunks it and its sibling held are told apart from those still waiting in the queue (those are resubmitted)
    started = multiprocessing.get_context("fork").RawArray("b", len(chunks))
    _WORKER["started"] = started
    todo = deque(range(len(chunks)))
    done: dict[int, list] = {}  # results of chunks that ended out of turn (after a pool broke), by chunk
    emitted = 0  # chunks handed on so far: results leave in the order of the files, whatever order they ended in
    fruitless = 0  # pools in a row that broke before a worker began any chunk
    with _terminated():
        while todo:
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_signals)
            pending: deque = deque()
            try:
                while todo or pending:
                    while todo and len(pending) < workers * QUEUED_PER_WORKER:
                        index = todo[0]
                        with _signals_held():  # a worker forked here starts with Ctrl-C held until it ignores it
                            future = pool.submit(_run_chunk, index, chunks[index])
                        todo.popleft()  # only once submitted: a pool that broke meanwhile loses no chunk
                        pending.append((index, future))
                    index, future = pending[0]
                    try:
                        done[index] = _result(future, pool)
                    except BrokenProcessPool:
                        break
                    pending.popleft()
                    while emitted in done:
                        yield from done.pop(emitted)
                        emitted += 1
            except BrokenProcessPool:  # submit() on a pool that broke meanwhile
                pass
            finally:
                _stop(pool)
            # the pool broke: what finished is kept, what a worker held is lost, what waited is checked again
            waiting = []
            for index, future in pending:
                if future.done() and not future.cancelled() and future.exception() is None:
                    done[index] = future.result()
                elif started[index]:
                    done[index] = [lost(item) for item in chunks[index]]
                else:
                    waiting.append(index)
            if pending and len(waiting) == len(pending):
                # no chunk begun, yet the pool broke (workers dying as they start): after a few such pools the next
                # chunk is given up as lost, so a batch always ends
                fruitless += 1
                if fruitless >= FRUITLESS_POOLS:
                    first = waiting.pop(0)
                    done[first] = [lost(item) for item in chunks[first]]
                    fruitless = 0
            else:
                fruitless = 0
            todo.extendleft(reversed(waiting))
            while emitted in done:
                yield from done.pop(emitted)
                emitted += 1
    assert emitted == len(chunks) and not done, "every chunk is handed on once"


def _result(future, pool):
    """A chunk's results, waiting as long as it takes while the workers live.

    A worker killed while it writes its results leaves half a message in the pool's one result pipe: the pool's
    reader then waits for the rest forever, and the other workers for the pipe (CPython's ProcessPoolExecutor does
    not notice). So the parent looks at the workers now and then; a worker dead for two looks in a row, with the pool
    not yet broken, means that: the live workers are ended and the parent's end of the pipe closed, so the reader
    meets the end of the pipe and breaks the pool as for any dead worker (BrokenProcessPool)."""
    from concurrent.futures import TimeoutError as StillRunning  # the builtin TimeoutError from Python 3.11

    dead_before = False
    while True:
        try:
            return future.result(timeout=WATCH_EVERY)
        except StillRunning:
            processes = list((getattr(pool, "_processes", None) or {}).values())
            dead = any(process.exitcode is not None for process in processes)
            if dead and dead_before:
                for process in processes:
                    if process.exitcode is None:
                        process.kill()
                writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
                if writer is not None:
                    writer.close()
            dead_before = dead


def _run_chunk(index: int, items: list[Item]) -> list:
    _WORKER["started"][index] = 1
    job = _WORKER["job"]
    return [job(item) for item in items]


def _worker_signals() -> None:
    """A worker ignores Ctrl-C (the terminal sends it to every process of the group; the parent stops the pool)
    and dies quietly on SIGTERM (the parent's handler, inherited through fork, is not the worker's)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)  # held since the fork (_signals_held): now safe to receive


_HELD = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while the pool may fork a worker: between the fork and its initializer a worker would
    still have the parent's handlers (a Ctrl-C then prints a worker traceback). Held signals reach the parent, and
    the worker's own after it has set its handlers, as soon as they are released."""
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    except (ValueError, OSError):  # no signal masks here: nothing to hold
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stop(pool) -> None:
    """Shut a pool down at once: queued work cancelled, running workers ended (a no-op for a finished pool)."""
    pool.shutdown(wait=False, cancel_futures=True)
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=True)


@contextlib.contextmanager
def _terminated() -> Iterator[None]:
    """While workers run, SIGTERM ends the run as Ctrl-C does (workers stopped, no traceback), with exit 143."""
    def handler(signum, frame):
        raise SystemExit(128 + signal.SIGTERM)

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (an embedding program): leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _progress(total: int, enabled: bool, lang: str):
    """A context giving `advance()`: a rich progress bar on stderr, or nothing."""
    if not enabled:
        return contextlib.nullcontext(lambda: None)

    @contextlib.contextmanager
    def bar():
        # imported here: a slow import that only this path needs
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        label = say("cli.progress", lang)
        with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=Console(stderr=True), transient=True) as prog:
            task = prog.add_task(label, total=total)
            yield lambda: prog.advance(task)

    return bar()


__all__ = ["check_all", "results", "check_item", "worker_lost", "PARALLEL_THRESHOLD", "PROGRESS_FROM"]
