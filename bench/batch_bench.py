"""Batch throughput: the corpus replicated to N files, `stakecheck batch` with 1 and 2 workers,
the bare read+regex pass and lxml's parse alone in the same run, peak RSS of the whole process tree
(sampled with psutil; the sum over parent and workers, and the largest single process).

    .venv/bin/python bench/batch_bench.py [--files 2000] [--big 20000]
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def replicate(dst: Path, n: int) -> list[Path]:
    src = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() in {".txt", ".htm", ".html", ".xml"})
    out = []
    for i in range(n):
        p = src[i % len(src)]
        q = dst / f"{i // len(src):04d}" / p.name
        q.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(p, q)
        out.append(q)
    return out


def bare(files) -> float:
    pat = re.compile(rb"(?i)aggregate amount|percent of class|cusip")
    t = time.perf_counter()
    for f in files:
        pat.findall(f.read_bytes())
    return len(files) / (time.perf_counter() - t)


def lxml_only(files) -> float:
    import lxml.html
    import lxml.etree
    t = time.perf_counter()
    n = 0
    for f in files:
        data = f.read_bytes()
        if f.suffix.lower() in (".htm", ".html"):
            lxml.html.document_fromstring(data)
            n += 1
        elif f.suffix.lower() == ".xml":
            lxml.etree.fromstring(data, lxml.etree.XMLParser(recover=True))
            n += 1
    return n / (time.perf_counter() - t)


def in_process(files) -> float:
    """Single-process marginal throughput: check_file on each file after the catalogue is warm."""
    from checker.engine import get_engine
    from checker.pipeline import CheckOptions, check_file
    get_engine()
    options = CheckOptions()
    t = time.perf_counter()
    for f in files:
        check_file(str(f), options).contract()
    return len(files) / (time.perf_counter() - t)


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def machine_ceiling(n: int = 20_000_000) -> float:
    """How much faster 2 processes finish 2 equal pure-Python CPU loops than 1 process does both:
    the scaling this machine itself allows right now (other load, shared caches), beside which
    the batch's 2-worker ratio is read."""
    from concurrent.futures import ProcessPoolExecutor
    t = time.perf_counter()
    _spin(n), _spin(n)
    one = time.perf_counter() - t
    with ProcessPoolExecutor(2) as ex:
        list(ex.map(_spin, [1000, 1000]))  # start the processes before timing
        t = time.perf_counter()
        list(ex.map(_spin, [n, n]))
        two = time.perf_counter() - t
    return one / two


def _check_all(paths: list[str]) -> float:
    """CPU seconds this process spends checking paths (catalogue warmed first)."""
    from checker.engine import get_engine
    from checker.pipeline import CheckOptions, check_file
    get_engine()
    options = CheckOptions()
    t = time.process_time()
    for p in paths:
        check_file(p, options).contract()
    return time.process_time() - t


def work_ceiling(files) -> tuple[float, float]:
    """The same checks without the batch machinery (no pipes, store or JSONL): one process on
    every file, then two processes on alternate halves, both started and warmed before timing.
    Returns (files/s with 1, files/s with 2)."""
    from concurrent.futures import ProcessPoolExecutor
    paths = [str(f) for f in files]
    with ProcessPoolExecutor(2) as ex:
        list(ex.map(_check_all, [paths[:2], paths[:2]]))
        t = time.perf_counter()
        list(ex.map(_check_all, [paths]))
        one = len(paths) / (time.perf_counter() - t)
        t = time.perf_counter()
        list(ex.map(_check_all, [paths[0::2], paths[1::2]]))
        two = len(paths) / (time.perf_counter() - t)
    return one, two


def _tree_rss(proc) -> tuple[int, int]:
    """(sum, largest) RSS in bytes of a process and all its descendants, now."""
    import psutil
    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.Error:
        return 0, 0
    sizes = []
    for p in procs:
        try:
            sizes.append(p.memory_info().rss)
        except psutil.Error:
            pass
    return sum(sizes), max(sizes, default=0)


def batch(folder: Path, workers: int, tmp: Path) -> tuple[float, int, int]:
    """Wall time of one batch run, and the peak RSS of its process tree (sum, largest process),
    sampled every 0.1 s."""
    import psutil
    store = tmp / f"s{workers}_{time.monotonic_ns()}.db"
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "checker.cli_main", "batch", str(folder), "--workers", str(workers),
                             "--store", str(store)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    ps, peak_sum, peak_one = psutil.Process(proc.pid), 0, 0
    while proc.poll() is None:
        total, one = _tree_rss(ps)
        peak_sum, peak_one = max(peak_sum, total), max(peak_one, one)
        time.sleep(0.1)
    return time.perf_counter() - t, peak_sum, peak_one


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--big", type=int, default=0, help="also run --workers 2 on this many files (memory)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--ceiling", action="store_true", help="also time the checks alone in 1 and 2 processes")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        files = replicate(tmp / "in", a.files)
        print(f"files {len(files)}; bare read+regex {bare(files):.0f} files/s; "
              f"lxml parse alone (html+xml) {lxml_only(files):.0f} files/s; "
              f"in-process check_file {in_process(files):.1f} files/s")
        print(f"machine ceiling: 2 processes run 2 CPU loops {machine_ceiling():.2f}x faster than 1")
        if a.ceiling:
            one, two = work_ceiling(files)
            print(f"checks alone, no batch machinery: 1 process {one:.1f} files/s, 2 processes {two:.1f} "
                  f"files/s ({two / one:.2f}x)")
        for w in a.workers:
            el, total, one = batch(tmp / "in", w, tmp)
            print(f"batch --workers {w}: {el:.1f} s, {len(files) / el:.1f} files/s (wall, incl. start-up); "
                  f"peak RSS of the process tree {total / 2**20:.0f} MB, largest process {one / 2**20:.0f} MB")
        if a.big:
            big = replicate(tmp / "big", a.big)
            el, total, one = batch(tmp / "big", 2, tmp)
            print(f"batch --workers 2 on {len(big)}: {el:.1f} s, {len(big) / el:.1f} files/s; "
                  f"peak RSS of the process tree {total / 2**20:.0f} MB, largest process {one / 2**20:.0f} MB")


if __name__ == "__main__":
    main()
