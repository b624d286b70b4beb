"""Speed and memory, measured not asserted: whole processes, each timed beside its floor in the same run.

Every figure is a whole-process median: start, check, report, exit, as a user runs it. Each measurement alternates
with its floor (`python -c pass` for --version, `python -c "import yaml"` for plans) and the ratio is the median of
the paired ratios, so a busy machine moves both alike. Peak memory is the maximum resident set of the process
(os.wait4). Prints a table and writes it to docs/performance.md with the machine it ran on.

    python bench/run.py                      # full run (several minutes: 5,000 plans four ways)
    python bench/run.py --batches 1000,5000,10000   # and memory at 10,000 plans (about ten minutes more)
    python bench/run.py --repeat 3 --batch-repeat 1 --no-write
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_cqdt_plans.py"
DOC = ROOT / "docs" / "performance.md"
SIZES = {"small": "5 KB plan", "medium": "50 KB plan", "large": "500 KB plan", "xl": "2 MB plan"}


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) of one whole process; its output is discarded."""
    # stderr goes to a file, not a pipe: a run that writes much to it must not block on a pipe nobody reads
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr, env=env, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code
        stderr.seek(0)
        errors = stderr.read().decode(errors="replace")
    # a run that crashed is not a measurement, even when it exits 1 (a traceback after a finding, say)
    if code not in (0, 1) or "Traceback" in errors or "internal error" in errors:
        sys.exit(f"{' '.join(cmd)} exited {code}: {errors[-500:]}")
    return elapsed, usage.ru_maxrss  # KiB on Linux


def paired(cmd: list[str], floor: list[str], repeat: int, env: dict[str, str]) -> dict[str, float]:
    """Median time and peak memory of `cmd`, and the median of its time over the floor's, run alternately."""
    times, ratios, peaks = [], [], []
    for _ in range(repeat):
        base, _ = run_once(floor, env)
        elapsed, peak = run_once(cmd, env)
        times.append(elapsed)
        ratios.append(elapsed / base)
        peaks.append(peak)
    return {"time": statistics.median(times), "ratio": statistics.median(ratios), "peak": max(peaks) / 1024}


def machine() -> str:
    model = ""
    try:
        model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("model name")), "")
    except OSError:
        pass
    return (f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {model or platform.processor()}, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=11, help="pairs for --version and single plans")
    parser.add_argument("--batch-repeat", type=int, default=3, help="pairs for each batch run")
    parser.add_argument("--batches", default="1000,5000", help="comma list of batch sizes")
    parser.add_argument("--generator", type=Path, default=GENERATOR, help="gen_cqdt_plans.py")
    parser.add_argument("--no-write", action="store_true", help=f"print only, do not rewrite {DOC.relative_to(ROOT)}")
    args = parser.parse_args()
    # bytecode is written and reused, as after `pip install`; NO_COLOR as in a CI log
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "NO_COLOR": "1",
           "PYTHONPATH": str(ROOT)}
    py = sys.executable
    tool = [py, "-m", "cqdt_check"]
    pass_floor, yaml_floor = [py, "-c", "pass"], [py, "-c", "import yaml"]
    folder = Path(tempfile.mkdtemp(prefix="cqdt-bench-"))
    rows: list[tuple[str, str, dict[str, float]]] = []

    def measure(label: str, cmd: list[str], floor: list[str], floor_name: str, repeat: int) -> None:
        result = paired(cmd, floor, repeat, env)
        rows.append((label, floor_name, result))
        print(f"{label:38s} {result['time']:8.3f} s  {result['ratio']:6.2f}× {floor_name:22s} {result['peak']:7.0f} MiB",
              flush=True)

    try:
        subprocess.run([py, str(args.generator), str(folder), "--sizes", ",".join(SIZES)], check=True,
                       capture_output=True)
        measure("--version", [*tool, "--version"], pass_floor, "python -c pass", args.repeat)
        measure("--help", [*tool, "--help"], pass_floor, "python -c pass", args.repeat)
        for size, label in SIZES.items():
            measure(f"one {label}, text", [*tool, str(folder / f"plan-{size}.yaml")], yaml_floor,
                    'python -c "import yaml"', args.repeat)
        for count in (int(n) for n in args.batches.split(",") if n):
            batch = folder / f"batch-{count}"
            subprocess.run([py, str(args.generator), str(folder), "--sizes", "", "--batch", str(count),
                            "--batch-dir", str(batch)], check=True, capture_output=True)
            for fmt in ("text", "json"):
                for jobs in (1, 2):
                    out = folder / f"out.{fmt}"
                    measure(f"{count:,} plans, {fmt}, -j {jobs}",
                            [*tool, str(batch), "--format", fmt, "--output", str(out), "-j", str(jobs)],
                            yaml_floor, 'python -c "import yaml"', args.batch_repeat)
            shutil.rmtree(batch)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if not args.no_write:
        write(rows, args)


def write(rows: list[tuple[str, str, dict[str, float]]], args: argparse.Namespace) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    head, marker = text.split("<!-- bench -->")[0] if "<!-- bench -->" in text else text, "<!-- bench -->"
    table = [marker, "", f"Machine: {machine()}.  ",
             f"Run: `python bench/run.py --repeat {args.repeat} --batch-repeat {args.batch_repeat} "
             f"--batches {args.batches}` "
             f"on {time.strftime('%Y-%m-%d')}; whole-process medians; ratios are medians of paired runs.", "",
             "| run | median | × floor | floor | peak memory |", "|---|--:|--:|---|--:|"]
    table += [f"| {label} | {r['time']:.3f} s | {r['ratio']:.2f}× | `{floor}` | {r['peak']:.0f} MiB |"
              for label, floor, r in rows]
    DOC.write_text(head.rstrip("\n") + "\n\n" + "\n".join(table) + "\n", encoding="utf-8")
    print(f"written to {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
