"""Speed budget, measured not asserted: one medium plan as a whole process, and 1,000 plans in one process,
against `python -c "import yaml"` as the floor. Prints the ratios.

    python bench/run.py            # default: 7 repetitions of each process timing
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEDIUM = ROOT / "examples" / "tthc-nang-cap.yaml"


def timed(cmd: list[str], repeat: int) -> float:
    # bytecode is written and reused, as after `pip install` (without it every run compiles ~20 modules: +50 ms)
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "NO_COLOR": "1",
           "PYTHONPATH": str(ROOT)}
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT)
        runs.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            sys.exit(f"{cmd} exited {proc.returncode}: {proc.stderr.decode()[:500]}")
    return statistics.median(runs)


def make_batch(folder: Path, count: int) -> None:
    """`count` plans: variations of the examples (names, levels, dates), so caches do not flatter us."""
    sources = sorted((ROOT / "examples").glob("*.yaml"))
    for i in range(count):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        text = text.replace("name: \"", f"name: \"[{i}] ", 1)
        (folder / f"plan-{i:04d}.yaml").write_text(text, encoding="utf-8")


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    py = sys.executable
    floor = timed([py, "-c", "import yaml"], repeat)
    single = timed([py, "-m", "cqdt_check", str(MEDIUM)], repeat)
    version = timed([py, "-m", "cqdt_check", "--version"], repeat)
    folder = Path(tempfile.mkdtemp(prefix="cqdt-bench-"))
    try:
        make_batch(folder, 1000)
        batch = timed([py, "-m", "cqdt_check", str(folder), "--format", "json", "--output", str(folder / "out.json")],
                      max(1, repeat // 3))
    finally:
        shutil.rmtree(folder)
    print(f"floor  python -c 'import yaml'          {floor * 1000:7.0f} ms")
    print(f"--version                               {version * 1000:7.0f} ms  ({version / floor:.1f}× floor)")
    print(f"one medium plan (whole process)         {single * 1000:7.0f} ms  ({single / floor:.1f}× floor; aim ≤ 3×)")
    print(f"1,000 plans in one process              {batch:7.2f} s   ({batch / floor:.0f}× floor; aim < 3 s)")


if __name__ == "__main__":
    main()
