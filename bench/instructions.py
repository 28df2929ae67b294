"""Instructions per document under valgrind's callgrind: a cost figure that other work on the machine
does not move (process CPU time on the shared 2-core machine varies by 30 % or more for the same code,
which hides any speed step smaller than that).

    python bench/instructions.py [--tree PATH] [--stage html|pipeline] [--rounds 2]

The workload (load, imports, warm-up) runs once with one round and once with 1 + --rounds rounds;
the difference divided by the rounds and the documents is the cost of one document, start-up
excluded. --tree runs another checkout's code (e.g. an untouched one, to compare a step against).
Needs valgrind (Debian package `valgrind`); about 45 s a run for --stage html, several minutes
for --stage pipeline.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

WORKLOAD = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from checker import sources
from checker.pipeline import check_file
from checker.sources import html as H
corpus, stage, rounds = Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
if stage == "html":
    work = [sources.decode(p.read_bytes()) for d in ("html", "html-more") for p in sorted((corpus / d).iterdir())
            if p.suffix.lower() in (".htm", ".html")]
    run = H.html_to_text
else:
    work = [p for d in ("txt", "html", "xml", "labelled", "html-more") for p in sorted((corpus / d).iterdir())
            if p.suffix.lower() in (".txt", ".htm", ".html", ".xml")]
    run = check_file
for item in work:  # warm-up: imports, catalogue, engine, regex compilation
    run(item)
for _ in range(rounds - 1):
    for item in work:
        run(item)
print(len(work))
"""


def instructions(tree: Path, stage: str, rounds: int) -> tuple[int, int]:
    """(instructions, documents) of one valgrind run with ``rounds`` rounds (warm-up included)."""
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", WORKLOAD,
         str(tree), str(CORPUS), stage, str(rounds)],
        capture_output=True, text=True, check=True, cwd="/tmp")
    collected = re.search(r"Collected\s*:\s*(\d+)", proc.stderr)
    if not collected:
        raise SystemExit(f"no callgrind total in valgrind's output:\n{proc.stderr[-2000:]}")
    return int(collected.group(1)), int(proc.stdout.split()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", type=Path, default=ROOT)
    ap.add_argument("--stage", choices=("html", "pipeline"), default="html")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    base, n = instructions(args.tree, args.stage, 1)
    more, _ = instructions(args.tree, args.stage, 1 + args.rounds)
    per_doc = (more - base) / args.rounds / n
    print(f"{args.stage}: {n} documents, {per_doc / 1e6:.3f} M instructions a document ({args.tree})")


if __name__ == "__main__":
    main()
