"""Files per second on the corpus, by format: stakecheck end to end (in process, after warm-up)
against one plain read-plus-regex pass over the same bytes, and (for XML, when edgartools is
importable from --edgartools-python) edgartools' parse-only read.

Every figure is the best of three rounds. Run by hand:
python bench/corpus_throughput.py [corpus] [--repeat N] [--edgartools-python PATH]
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NUMBER = re.compile(rb"\d[\d,]*(?:\.\d+)?%?")

EDGARTOOLS_SNIPPET = r"""
import sys, time
from pathlib import Path
from edgar.beneficial_ownership.schedule13 import Schedule13D, Schedule13G
files = [Path(p) for p in sys.argv[2:]]
repeat = int(sys.argv[1])
texts = [f.read_text() for f in files]
def parse(t):
    cls = Schedule13G if 'schedule13g' in t[:2000].lower() else Schedule13D
    return cls.parse_xml(t)
for t in texts: parse(t)
best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    for _ in range(repeat):
        for f in files:
            parse(f.read_text())
    best = min(best, (time.perf_counter() - start) / (repeat * len(files)))
print(best)
"""


def regex_pass(paths: list[Path], repeat: int, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            for p in paths:
                NUMBER.findall(p.read_bytes())
        best = min(best, (time.perf_counter() - start) / (repeat * len(paths)))
    return best


def stakecheck_pass(paths: list[Path], repeat: int, rounds: int = 3) -> float:
    """Best of ``rounds`` rounds (the machine is shared: the minimum is the least noisy figure)."""
    from checker.pipeline import check_file
    for p in paths:
        check_file(p)  # warm-up: imports, rule registration, regex compilation
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            for p in paths:
                check_file(p)
        best = min(best, (time.perf_counter() - start) / (repeat * len(paths)))
    return best


def by_format(corpus: Path) -> dict[str, list[Path]]:
    from checker import sources
    groups: dict[str, list[Path]] = {}
    for p in sorted(corpus.rglob("*")):
        if p.is_file() and p.suffix.lower() in {".txt", ".htm", ".html", ".xml"}:
            doc = sources.load(p)
            kind = "xml" if doc.xml is not None and doc.format == "xml" else doc.format
            groups.setdefault(kind, []).append(p)
    return groups


def edgartools_pass(python: str, paths: list[Path], repeat: int) -> float | None:
    proc = subprocess.run([python, "-c", EDGARTOOLS_SNIPPET, str(repeat), *map(str, paths)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        print("edgartools run failed:", proc.stderr.strip().splitlines()[-1:], file=sys.stderr)
        return None
    return float(proc.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--edgartools-python")
    args = ap.parse_args()
    groups = by_format(Path(args.corpus))
    print(f"{'format':<18}{'files':>6}{'stakecheck ms/file':>20}{'files/s':>9}{'regex ms/file':>15}{'ratio':>8}")
    ours_by_kind = {}
    for kind, paths in sorted(groups.items()):
        ours = ours_by_kind[kind] = stakecheck_pass(paths, args.repeat)
        regex = regex_pass(paths, args.repeat * 4)
        print(f"{kind:<18}{len(paths):>6}{ours * 1000:>20.2f}{1 / ours:>9.0f}{regex * 1000:>15.3f}"
              f"{ours / regex:>8.1f}x")
    if args.edgartools_python and "xml" in groups:
        et = edgartools_pass(args.edgartools_python, groups["xml"], args.repeat)
        if et:
            ours = ours_by_kind["xml"]
            print(f"xml: edgartools parse-only {et * 1000:.2f} ms/file; stakecheck end to end "
                  f"{ours * 1000:.2f} ms/file ({ours / et:.1f}x)")


if __name__ == "__main__":
    main()
