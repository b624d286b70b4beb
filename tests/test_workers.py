"""A parallel run through the real entry point, disturbed from outside: a worker killed (as the OOM killer does),
Ctrl-C sent to the whole process group (as a terminal does), SIGTERM sent to the parent (as a CI runner does).
The run must end, never hang, never print a worker's traceback, and account for every file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT

PLANS = 600  # long enough on any machine for the workers to be caught running


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    for i in range(PLANS):
        source = examples[i % len(examples)]
        (folder / f"{i:04d}-{source.name}").write_bytes(source.read_bytes())
    return folder


def start(folder, *args):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-m", "cqdt_check", str(folder), "--jobs", "2", "--no-progress", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT, start_new_session=True)


def workers_of(proc) -> list[int]:
    """The worker processes of a run, once both are running."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            children = [int(pid) for pid in open(f"/proc/{proc.pid}/task/{proc.pid}/children").read().split()]
        except OSError:
            children = []
        if len(children) >= 2:
            return children
        assert proc.poll() is None, "the run ended before its workers were seen"
        time.sleep(0.02)
    raise AssertionError("no workers")


def busy(pid: int) -> int:
    """A worker once it has spent a quarter of a second of CPU: checking plans, not starting up."""
    ticks = os.sysconf("SC_CLK_TCK") // 4
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        if int(fields[11]) + int(fields[12]) >= ticks:  # utime + stime
            return pid
        time.sleep(0.01)
    raise AssertionError("the worker never got busy")


needs_proc = pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children"),
                                reason="finding the workers needs Linux /proc")


@pytest.mark.slow
@needs_proc
@pytest.mark.parametrize("lang, words", [("en", "worker process"), ("vi", "tiến trình con")])
def test_a_killed_worker_costs_only_its_files(batch, lang, words):
    proc = start(batch, "--format", "json", "--lang", lang)
    os.kill(busy(workers_of(proc)[0]), signal.SIGKILL)
    out, err = proc.communicate(timeout=300)
    report = json.loads(out)
    files = [d["file"] for d in report["documents"]]
    assert files == sorted(str(p) for p in batch.iterdir())  # every file, once, in order
    lost = [d for d in report["documents"] if d["verdict"] == "error"]
    assert 0 < len(lost) < PLANS // 10  # only what the workers held when one died
    for doc in lost:  # each a located could-not-check message, on stderr too
        assert words in doc["error"]["message"] and doc["error"]["file"] == doc["file"]
        assert f"{doc['file']}: {doc['error']['message']}" in err.decode()
    assert proc.returncode == 2 and b"Traceback" not in err


@pytest.mark.slow
@needs_proc
@pytest.mark.parametrize("how, code", [("ctrl-c", 130), ("sigterm", 143)])
def test_an_interrupted_parallel_run_stops_its_workers(batch, how, code):
    proc = start(batch, "--format", "json")
    workers = workers_of(proc)
    if how == "ctrl-c":  # a terminal sends SIGINT to every process of the foreground group
        os.killpg(proc.pid, signal.SIGINT)
    else:
        os.kill(proc.pid, signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == code and b"Traceback" not in err, (proc.returncode, err[-2000:])
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(running(pid) for pid in workers)


def running(pid: int) -> bool:
    """A process that still runs: a zombie left for a container's init to reap has stopped (state Z)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False


HALF_MESSAGE = r'''
import multiprocessing, os, signal, struct, sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from cqdt_check import batch

POOL = {}

def die_writing():
    """Die as the OOM killer may strike: holding the result pipe, half a message written."""
    queue = POOL["pool"]._result_queue
    if queue._wlock is not None:
        queue._wlock.acquire()
    os.write(queue._writer.fileno(), struct.pack("!i", 1_000_000) + b"x" * 10)
    os.kill(os.getpid(), signal.SIGKILL)

pool = POOL["pool"] = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"))
try:
    batch._result(pool.submit(die_writing), pool)
except BrokenProcessPool:
    batch._stop(pool)
    print("broken")
'''


@pytest.mark.slow
def test_a_worker_killed_while_sending_its_results_does_not_hang_the_run(tmp_path):
    # CPython's pool would wait forever for the rest of the message; the run's watch breaks the pool instead
    proc = subprocess.run([sys.executable, "-c", HALF_MESSAGE], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.strip() == "broken" and proc.returncode == 0, proc.stderr


def _dies_on_some(item):
    """A job for the pool: a worker checking a file named die-* dies at once (as the OOM killer strikes)."""
    if item[1].startswith("die-"):
        os._exit(1)
    return ("checked", item[1])


@pytest.mark.slow
@pytest.mark.parametrize("dying", [[3], [0, 37], [120, 121, 190]])
def test_a_broken_pool_keeps_every_file_once_and_in_order(dying):
    """Whatever chunk a worker dies on, every file comes out once, in the order given: the files the dead worker held
    as lost, the others checked (chunks that ended after the one that broke wait for their turn)."""
    from cqdt_check import batch

    names = [f"die-{i}" if i in dying else f"plan-{i}" for i in range(200)]
    batch._WORKER["job"] = _dies_on_some
    out = list(batch._parallel([(None, name) for name in names], 2, lambda item: ("lost", item[1])))
    assert [name for _, name in out] == names
    assert {name for kind, name in out if kind == "checked"} >= {n for n in names if not n.startswith("die-")} - {
        name for kind, name in out if kind == "lost"}
    assert all(kind == "lost" for kind, name in out if name.startswith("die-"))
