"""Batch throughput: the corpus replicated to N files, `stakecheck batch` with 1 and 2 workers,
the bare read+regex pass and lxml's parse alone in the same run, peak parent+children memory.

    .venv/bin/python bench/batch_bench.py [--files 2000] [--big 20000]
"""
from __future__ import annotations

import argparse
import re
import resource
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


def batch(folder: Path, workers: int, tmp: Path) -> tuple[float, int]:
    store = tmp / f"s{workers}_{time.monotonic_ns()}.db"
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "checker.cli_main", "batch", str(folder), "--workers", str(workers),
                    "--store", str(store)], check=False, capture_output=True, cwd=ROOT)
    elapsed = time.perf_counter() - t
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--big", type=int, default=0)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        files = replicate(tmp / "in", a.files)
        print(f"files {len(files)}; bare read+regex {bare(files):.0f} files/s; "
              f"lxml parse alone (html+xml) {lxml_only(files):.0f} files/s")
        for w in (1, 2):
            el, rss = batch(tmp / "in", w, tmp)
            print(f"batch --workers {w}: {el:.1f} s, {len(files) / el:.1f} files/s (wall, incl. start-up); "
                  f"max RSS of a child so far {rss / 1024:.0f} MB")
        if a.big:
            big = replicate(tmp / "big", a.big)
            el, rss = batch(tmp / "big", 2, tmp)
            print(f"batch --workers 2 on {len(big)}: {el:.1f} s, {len(big) / el:.1f} files/s, max RSS {rss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
