"""Defect-injection bench (issue 8 §1): plant one defect at a time in every corpus filing and
report, per operator and format, how many mutants stakecheck catches.

    python bench/inject.py [--sample N] [--seed S] [--op NAME] [--format table|json]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inject.operators import OPERATORS  # noqa: E402
from inject.report import false_alarms, misses_text, reasons_text, recall_rows, table  # noqa: E402
from inject.runner import DEFAULT_CORPUS, FOLDERS, corpus_files, run  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, help="only N files (chosen with the seed)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--op", action="append", choices=sorted(OPERATORS), help="only this operator (repeatable)")
    ap.add_argument("--format", choices=("table", "json"), default="table")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--folder", action="append", choices=FOLDERS, help="only this corpus folder (repeatable)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--misses", action="store_true", help="also list every missed mutant and why ops did not apply")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    folders = tuple(args.folder or FOLDERS)
    if not corpus_files(args.corpus, folders):
        print(f"no filings under {args.corpus}/{{{','.join(folders)}}}", file=sys.stderr)
        return 2
    ops = tuple(args.op or OPERATORS)
    t0 = time.perf_counter()
    results = run(args.corpus, args.seed, ops, args.sample, args.workers, folders)
    secs = time.perf_counter() - t0
    if args.format == "json":
        json.dump({"seed": args.seed, "ops": ops, "rows": recall_rows(results, list(ops)),
                   "false_alarms": false_alarms(results), "files": results}, sys.stdout, indent=1, default=str)
        print()
        return 0
    print(table(results, list(ops)))
    print(f"\n{len(results)} files, seed {args.seed}, {secs:.0f} s")
    if args.misses:
        print("\nMissed mutants:\n" + misses_text(results))
        print("\nNot applicable / not landed, by reason:\n" + reasons_text(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
