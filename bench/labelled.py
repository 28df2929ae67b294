"""Parse accuracy on the hand-labelled set (corpus/labelled/LABELS.json), filing by filing.

For every labelled submission: persons found / right / missing / extra; numbers right / unread /
wrong (aggregate, percent and the four power rows); the labelled error/warning anomalies flagged
in their category; and whether a labelled-clean filing gets an error. Totals at the end.

Matching (so that the figures mean one thing):
- a labelled person matches a reported person with a cover page whose name is the same name
  (``checker.names.same_name``: spelling, punctuation, legal form, word order), in label order,
  each reported person used once (a person listed once per class appears twice on both sides);
- a number is right when it equals the label exactly (a fraction as a Decimal), unread when the
  label has a value and stakecheck none, wrong when stakecheck has another value (a null label
  means "absent", so any value read there is wrong);
- a labelled anomaly at error or warning is flagged when the file has a finding of the same
  category at error or warning; a filing is labelled-clean when it has no such anomaly.

Run by hand: ``python bench/labelled.py [corpus] [--quiet]``. tests/test_labelled.py holds floors.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.names import same_name  # noqa: E402
from checker.parse.signature_wraps import strip_alias  # noqa: E402
from checker.pipeline import CheckOptions, check_file  # noqa: E402

FIELDS = ("aggregate", "percent", "sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive")
SERIOUS = ("error", "warning")


@dataclass
class FilingScore:
    file: str
    labelled: int = 0
    found: int = 0
    right: int = 0
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    numbers: dict[str, dict[str, int]] = field(default_factory=dict)  # field -> right/unread/wrong
    wrong: list[str] = field(default_factory=list)  # "person: field label=x got=y"
    persons_numbers_right: int = 0  # persons with aggregate and percent both right
    anomalies: int = 0
    flagged: int = 0
    clean: bool = False
    false_error: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def persons_ok(self) -> bool:
        return not self.missing and not self.extra and self.error is None


def default_corpus() -> Path:
    return Path(os.environ.get("STAKECHECK_CORPUS") or ROOT.parent / "shared" / "corpus")


def load_labels(corpus: Path) -> list[dict]:
    return json.loads((corpus / "labelled" / "LABELS.json").read_text())["filings"]


def _same(label, got) -> bool:
    if label is None or got is None:
        return label is None and got is None
    return Decimal(str(label)) == Decimal(str(got))


def _match(labels: list[dict], persons: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    pool = list(persons)
    pairs, missing = [], []
    for lab in labels:
        hit = next((p for p in pool if same_name(lab["name"], p["name"])), None)
        if hit is None:
            missing.append(lab)
        else:
            pool.remove(hit)
            pairs.append((lab, hit))
    return pairs, missing, pool


def score(corpus: Path, label: dict) -> FilingScore:
    s = FilingScore(file=label["file"])
    res = check_file(corpus / label["file"], CheckOptions())
    if res.error:
        s.error = res.error
        return s
    doc = res.contract()
    covered = [p for p in doc["reporting_persons"] if p.get("cover_page", True)]
    s.labelled, s.found = len(label["persons"]), len(covered)
    pairs, missing, extra = _match(label["persons"], covered)
    s.right = len(pairs)
    s.missing = [m["name"] for m in missing]
    # A person without a cover page is extra unless the label names them too.
    others = [p for p in doc["reporting_persons"] if not p.get("cover_page", True)]
    named = [n["name"] for n in label.get("named_without_cover", [])] + [p["name"] for p in label["persons"]]
    named += [strip_alias(n) for n in named]  # a label may keep the former name: '... (formerly ...)'
    s.extra = [e["name"] for e in extra] + [f"{o['name']} (no cover page)" for o in others
                                            if not any(same_name(n, o["name"]) for n in named)]
    s.numbers = {f: {"right": 0, "unread": 0, "wrong": 0} for f in FIELDS}
    for lab, got in pairs:
        for f in FIELDS:
            want, have = lab.get(f), got.get(f)
            if _same(want, have):
                kind = "right"
            elif have is None:
                kind = "unread"
            else:
                kind = "wrong"
                s.wrong.append(f"{lab['name']}: {f} label={want} got={have}")
            s.numbers[f][kind] += 1
        if _same(lab.get("aggregate"), got.get("aggregate")) and _same(lab.get("percent"), got.get("percent")):
            s.persons_numbers_right += 1
    serious = [a for a in label["anomalies"] if a["severity"] in SERIOUS]
    got_cats = {f["category"] for f in doc["findings"] if f["severity"] in SERIOUS}
    s.anomalies = len(serious)
    s.flagged = sum(1 for a in serious if a["category"] in got_cats)
    s.clean = not serious
    if s.clean:
        s.false_error = sorted({f["rule_id"] for f in doc["findings"] if f["severity"] == "error"})
    return s


def measure(corpus: Path) -> list[FilingScore]:
    return [score(corpus, lab) for lab in load_labels(corpus)]


def totals(scores: list[FilingScore]) -> dict:
    t = {"filings": len(scores), "persons_ok_filings": sum(s.persons_ok for s in scores),
         "labelled_persons": sum(s.labelled for s in scores), "found": sum(s.found for s in scores),
         "right": sum(s.right for s in scores), "missing": sum(len(s.missing) for s in scores),
         "extra": sum(len(s.extra) for s in scores),
         "persons_numbers_right": sum(s.persons_numbers_right for s in scores),
         "anomalies": sum(s.anomalies for s in scores), "flagged": sum(s.flagged for s in scores),
         "clean": sum(s.clean for s in scores),
         "clean_with_error": sum(1 for s in scores if s.clean and s.false_error),
         "errors": sum(1 for s in scores if s.error)}
    for f in FIELDS:
        for kind in ("right", "unread", "wrong"):
            t[f"{f}_{kind}"] = sum(s.numbers.get(f, {}).get(kind, 0) for s in scores)
    return t


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "-"


def report(scores: list[FilingScore], quiet: bool = False) -> str:
    lines = []
    if not quiet:
        lines.append(f"{'file':42} {'lab':>3} {'fnd':>3} {'ok':>3} {'miss':>4} {'xtra':>4} "
                     f"{'num r/u/w':>10} {'anom':>5} {'clean-err'}")
        for s in scores:
            r = sum(v["right"] for v in s.numbers.values())
            u = sum(v["unread"] for v in s.numbers.values())
            w = sum(v["wrong"] for v in s.numbers.values())
            lines.append(f"{Path(s.file).name:42} {s.labelled:3} {s.found:3} {s.right:3} {len(s.missing):4} "
                         f"{len(s.extra):4} {f'{r}/{u}/{w}':>10} {f'{s.flagged}/{s.anomalies}':>5} "
                         f"{','.join(s.false_error) if s.clean else ''}")
            for m in s.missing:
                lines.append(f"    missing: {m}")
            for e in s.extra:
                lines.append(f"    extra:   {e}")
            for w_ in s.wrong:
                lines.append(f"    WRONG:   {w_}")
            if s.error:
                lines.append(f"    error:   {s.error}")
    t = totals(scores)
    lines.append("")
    lines.append(f"filings: {t['filings']}  unreadable: {t['errors']}")
    lines.append(f"persons right on filings (all found, none extra): {t['persons_ok_filings']}/{t['filings']}"
                 f" ({_pct(t['persons_ok_filings'], t['filings'])})")
    lines.append(f"persons: labelled {t['labelled_persons']}, found {t['found']}, right {t['right']}, "
                 f"missing {t['missing']}, extra {t['extra']}")
    lines.append(f"persons with aggregate and percent right: {t['persons_numbers_right']}/{t['labelled_persons']}"
                 f" ({_pct(t['persons_numbers_right'], t['labelled_persons'])})")
    for f in FIELDS:
        lines.append(f"  {f:20} right {t[f + '_right']:4}  unread {t[f + '_unread']:3}  wrong {t[f + '_wrong']:3}")
    lines.append(f"labelled error/warning anomalies flagged in their category: {t['flagged']}/{t['anomalies']}"
                 f" ({_pct(t['flagged'], t['anomalies'])})")
    lines.append(f"labelled-clean filings with an error: {t['clean_with_error']}/{t['clean']}"
                 f" ({_pct(t['clean_with_error'], t['clean'])})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=default_corpus())
    ap.add_argument("--quiet", action="store_true", help="totals only")
    args = ap.parse_args(argv)
    print(report(measure(args.corpus), quiet=args.quiet))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
