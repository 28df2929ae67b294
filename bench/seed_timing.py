"""Time one `stakecheck check` of the seed: whole process, and in-process per filing.

Run by hand (not in CI): python bench/seed_timing.py [runs]
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "sc13da-liquidmetal-2008-09-30.txt"


def whole_process(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "checker.cli_main", "check", "--format", "json", str(SEED)],
                       capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return times


def in_process(runs: int) -> tuple[float, list[float]]:
    t = time.perf_counter()
    from checker.pipeline import check_file
    check_file(SEED)  # first call: imports, rule registration
    first = time.perf_counter() - t
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        check_file(SEED)
        times.append(time.perf_counter() - t)
    return first, times


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    wp = whole_process(max(5, runs // 4))
    first, ip = in_process(runs * 10)
    print(f"whole process (stakecheck check --format json seed): median {statistics.median(wp) * 1000:.0f} ms "
          f"(min {min(wp) * 1000:.0f}, n={len(wp)})")
    print(f"in-process first filing (imports + rule registration): {first * 1000:.0f} ms")
    print(f"in-process per filing: median {statistics.median(ip) * 1000:.2f} ms "
          f"(min {min(ip) * 1000:.2f}, n={len(ip)})")
