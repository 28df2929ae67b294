"""How far the HTML-to-text stage can go: CPU ms per HTML document for lxml's parse alone, a bare
iterwalk (the events only, no Python work per event), lxml's C text serialisation (no structure,
no line map: a lower bound no walk can beat) and today's `html_to_text`, in the same run.

    python bench/html_floor.py [--rounds 5] [folders...]   (default: ../shared/corpus/{html,html-more})

The gap between "full" and "parse + iterwalk" is the Python work of the walk; "parse" is a
floor for any lxml-based path. Each figure is the minimum over the rounds (the machine is shared).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def best_ms(fn, n_docs: int, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best * 1000 / n_docs


def main() -> None:
    from checker.sources.html import html_to_text
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*", type=Path, default=[CORPUS / "html", CORPUS / "html-more"])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    docs = [p.read_text(encoding="utf-8", errors="replace") for f in args.folders for p in sorted(f.iterdir())
            if p.suffix.lower() in (".htm", ".html")]
    data = [d.encode("utf-8") for d in docs]
    parser = etree.HTMLParser(encoding="utf-8", recover=True, remove_comments=True, remove_pis=True,
                              no_network=True, collect_ids=False)
    roots = [etree.fromstring(d, parser) for d in data]
    n, r = len(docs), args.rounds
    rows = {
        "lxml parse": best_ms(lambda: [etree.fromstring(d, parser) for d in data], n, r),
        "bare iterwalk (events only)": best_ms(
            lambda: [sum(1 for _ in etree.iterwalk(x, events=("start", "end"))) for x in roots], n, r),
        "tostring(method='text')": best_ms(
            lambda: [etree.tostring(x, method="text", encoding=str) for x in roots], n, r),
        "html_to_text (full)": best_ms(lambda: [html_to_text(d) for d in docs], n, r),
    }
    print(f"{n} HTML documents, CPU ms a document (min of {r} rounds)")
    for name, ms in rows.items():
        print(f"  {name:<30}{ms:8.2f}")
    floor = rows["lxml parse"] + rows["bare iterwalk (events only)"]
    print(f"  {'Python work of the walk':<30}{rows['html_to_text (full)'] - floor:8.2f}")
    print(f"  best an lxml path can reach: {rows['html_to_text (full)'] / rows['lxml parse']:.1f}x "
          f"(parse alone), {rows['html_to_text (full)'] / floor:.1f}x with the events walked in Python")


if __name__ == "__main__":
    main()
