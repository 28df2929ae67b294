"""CPU milliseconds per filing, stage by stage and format by format, in process after a warm-up.

Stages: read (the bytes), unwrap (detect the format; HTML to text; EDGAR blocks), parse
(Document -> Filing), facts (Filing -> neutral facts), engine (durable-rules session, hits to
findings), report (the rest of check_filing: filtering, FileResult, persons summary; plus the
file's JSON contract entry). Each stage of each file is timed ``--rounds`` times and the
minimum kept (the machine is shared: the minimum is the least noisy figure); a format's figure
is the mean over its files. ``--profile FORMAT`` runs cProfile over that format's files instead.

python bench/stages.py [folders...] [--rounds N] [--profile html] [--top 30]
(default folders: ../shared/corpus/{txt,html,xml,labelled,html-more} and examples/)
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT = [*(CORPUS / f for f in ("txt", "html", "xml", "labelled", "html-more")), ROOT / "examples"]
STAGES = ("read", "unwrap", "parse", "facts", "engine", "report")
SUFFIXES = {".txt", ".htm", ".html", ".xml"}


def files(folders: list[Path]) -> list[Path]:
    return [p for f in folders for p in sorted(f.iterdir()) if p.is_file() and p.suffix.lower() in SUFFIXES]


def kind_of(path: Path) -> str:
    """The format, EDGAR submissions split by what they hold (any HTML document makes it 'html')."""
    from checker import sources
    from checker.sources import edgar
    calls = []
    real = edgar.html_to_text
    edgar.html_to_text = lambda text: calls.append(1) or real(text)
    try:
        doc = sources.load(path)
    finally:
        edgar.html_to_text = real
    if path.parent.name == "examples":
        return "seed"
    if doc.format != "edgar-submission":
        return doc.format
    return "edgar+" + ("xml" if doc.xml is not None else "html" if calls else "text")


def one_pass(path: Path) -> dict[str, float]:
    from checker import sources
    from checker.engine import get_engine
    from checker.facts import FactContext, build_facts
    from checker.findings import fingerprint_path
    from checker.parse import parse_document
    from checker.pipeline import CheckOptions, check_filing
    clock = time.process_time
    t = {}
    t0 = clock()
    data = sources.read_regular_file(path)
    t1 = clock()
    doc = sources.load_bytes(data, str(path))
    t2 = clock()
    filing = parse_document(doc)
    t3 = clock()
    facts = build_facts(filing, FactContext(filed=None, as_of=None, thresholds={}, previous=None))
    t4 = clock()
    get_engine(()).run(facts, path_name=fingerprint_path(filing.path, None))
    t5 = clock()
    result = check_filing(filing, CheckOptions())  # facts and engine again, subtracted below
    json.dumps(result.contract(), indent=2, ensure_ascii=False)
    t6 = clock()
    t["read"], t["unwrap"], t["parse"] = t1 - t0, t2 - t1, t3 - t2
    t["facts"], t["engine"] = t4 - t3, t5 - t4
    t["report"] = max(0.0, (t6 - t5) - (t4 - t3) - (t5 - t4))
    return t


def measure(paths: list[Path], rounds: int) -> dict[str, dict[str, float]]:
    from checker.pipeline import check_file
    for p in paths:
        check_file(p)  # warm-up: imports, catalogue, engine registration, regex compilation
    groups: dict[str, list[dict[str, float]]] = {}
    for p in paths:
        best = {s: float("inf") for s in STAGES}
        for _ in range(rounds):
            for s, v in one_pass(p).items():
                best[s] = min(best[s], v)
        groups.setdefault(kind_of(p), []).append(best)
    out = {}
    for kind, rows in sorted(groups.items()):
        out[kind] = {s: 1000 * sum(r[s] for r in rows) / len(rows) for s in STAGES}
        out[kind]["files"] = len(rows)
    return out


def print_table(table: dict[str, dict[str, float]]) -> None:
    print(f"{'format':<13}{'files':>6}" + "".join(f"{s:>8}" for s in STAGES) + f"{'total':>8}")
    n_all = sum(row["files"] for row in table.values())
    mix = {s: 0.0 for s in STAGES}
    for kind, row in table.items():
        total = sum(row[s] for s in STAGES)
        print(f"{kind:<13}{row['files']:>6}" + "".join(f"{row[s]:>8.2f}" for s in STAGES) + f"{total:>8.2f}")
        for s in STAGES:
            mix[s] += row[s] * row["files"] / n_all
    print(f"{'all (mean)':<13}{n_all:>6}" + "".join(f"{mix[s]:>8.2f}" for s in STAGES)
          + f"{sum(mix.values()):>8.2f}")


def profile(paths: list[Path], kind: str, top: int) -> None:
    from checker.pipeline import check_file
    chosen = [p for p in paths if kind_of(p) == kind]
    for p in chosen:
        check_file(p)
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(5):
        for p in chosen:
            check_file(p)
    prof.disable()
    pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(top)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", help="a format (e.g. html, edgar+html) to profile instead")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    paths = files(args.folders)
    if args.profile:
        profile(paths, args.profile, args.top)
    else:
        print_table(measure(paths, args.rounds))


if __name__ == "__main__":
    main()
