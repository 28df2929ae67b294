"""Peak RSS of `stakecheck check` on N vs 10*N files (the corpus replicated in a temp folder).

    python bench/memory.py [--small 1000] [--large 10000] [--format json,text,...]

Prints the peak RSS (ru_maxrss of the child process) for each run and, per format, their ratio;
the target (issue 10 §6) is a ratio within 1.2. Each run writes its report with --output.
"""
from __future__ import annotations

import argparse
import itertools
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("txt", "html", "xml", "labelled", "html-more")


def peak_rss_kb(folder: Path, fmt: str) -> tuple[int, float]:
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "checker.cli", "check", "--no-config", "--fail-on", "never",
                             "--format", fmt, "--output", str(folder.parent / f"out.{fmt}"), str(folder)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = __import__("os").wait4(proc.pid, 0)
    return usage.ru_maxrss, time.monotonic() - start


def replicate(files: list[Path], n: int, dest: Path) -> None:
    dest.mkdir()
    for i, src in zip(range(n), itertools.cycle(files)):
        shutil.copyfile(src, dest / f"{i:05}_{src.name}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=10000)
    ap.add_argument("--format", default="json")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    files = sorted(p for f in FOLDERS for p in (args.corpus / f).glob("*")
                   if p.is_file() and p.suffix.lower() in (".txt", ".htm", ".html", ".xml"))
    formats = args.format.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        out: dict = {}
        for n in (args.small, args.large):
            folder = Path(tmp) / f"n{n}"
            replicate(files, n, folder)
            for fmt in formats:
                out[fmt, n] = peak_rss_kb(folder, fmt)
                print(f"{fmt}: {n} files: peak RSS {out[fmt, n][0] / 1024:.0f} MB, {out[fmt, n][1]:.0f} s",
                      flush=True)
            shutil.rmtree(folder)
        for fmt in formats:
            print(f"{fmt}: ratio {out[fmt, args.large][0] / out[fmt, args.small][0]:.2f}")


if __name__ == "__main__":
    main()
