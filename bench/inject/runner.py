"""The corpus walk: for every file, the untouched result, then every operator's mutants,
each judged caught or missed against the untouched findings."""
from __future__ import annotations

import json
import multiprocessing
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from checker import sources
from checker.findings import FileResult, Finding
from checker.names import same_person
from checker.parse import parse_document
from checker.pipeline import CheckOptions, check_filing

from .locate import Raw
from .operators import OPERATORS, Ctx, Mutant, Skip

FOLDERS = ("txt", "html", "xml", "labelled", "html-more")
BUILT_ON = ("txt", "html", "xml")
FLAGGING = ("warning", "error")
DEFAULT_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def corpus_files(root: Path, folders=FOLDERS) -> list[str]:
    """Filing files under the corpus folders, as paths relative to root, in a stable order."""
    out = []
    for folder in folders:
        d = root / folder
        if d.is_dir():
            out += sorted(f"{folder}/{p.name}" for p in d.iterdir()
                          if p.is_file() and p.suffix.lower() in (".txt", ".htm", ".html", ".xml"))
    return out


def sample_files(files: list[str], n: int | None, seed: int) -> list[str]:
    if not n or n >= len(files):
        return files
    return sorted(random.Random(seed).sample(files, n))


def labels(root: Path) -> dict[str, dict]:
    p = root / "labelled" / "LABELS.json"
    if not p.exists():
        return {}
    return {x["file"]: x for x in json.loads(p.read_text())["filings"]}


def is_labelled_clean(label: dict) -> bool:
    return not any(a.get("severity") in FLAGGING for a in label.get("anomalies", []))


_HTML = re.compile(rb"<(?:html|table|td|p|div|font)\b", re.I)


def file_format(doc: sources.Document, data: bytes, label: dict | None) -> str:
    """text | html | xml: what the filer wrote (the main document inside a submission)."""
    if doc.xml is not None:
        return "xml"
    if label and label.get("format") in ("text", "html"):
        return label["format"]
    if doc.format == "html" or _HTML.search(data):
        return "html"
    return "text"


def finding_key(f: Finding) -> tuple[str, str, str]:
    """Compared by rule, person and category, not by line: a removed page shifts every line."""
    return f.rule_id, (f.person or "").casefold(), f.category


@dataclass
class Verdict:
    caught: bool
    right_category_elsewhere: bool  # a new finding of the category, but about another person
    new: list[str]  # the new findings at warning/error, "RULE(person)"


def judge(m: Mutant, base: FileResult, got: FileResult) -> Verdict:
    # A multiset: a second COV005 for a person who already had one is new.
    known = Counter(finding_key(f) for f in base.findings)
    new = []
    for f in got.findings:
        k = finding_key(f)
        if known[k] > 0:
            known[k] -= 1
        elif f.severity in FLAGGING:
            new.append(f)
    fit = [f for f in new if f.category in m.categories and (m.rules is None or f.rule_id in m.rules)]
    names = [n for n in (m.person, *m.also_person) if n]
    caught = [f for f in fit if not names or (f.person and any(same_person(f.person, n) for n in names))]
    return Verdict(bool(caught), bool(fit) and not caught,
                   [f"{f.rule_id}({f.person})" if f.person else f.rule_id for f in new])


# The untouched file already has a warning or error of the operator's category about the planted
# person: a mutant that only changes that finding's figures is not a new finding, so it counts as
# missed; the group shows how many of the misses are of this kind.
ALREADY_FLAGGED = "person already flagged in the category"


def already_flagged(m: Mutant, base: FileResult) -> bool:
    names = [n for n in (m.person, *m.also_person) if n]
    return bool(names) and any(
        f.severity in FLAGGING and f.category in m.categories and f.person
        and any(same_person(f.person, n) for n in names) for f in base.findings)


def _result(filing, options: CheckOptions | None) -> FileResult:
    return check_filing(filing, options or CheckOptions())


def run_file(job: tuple[str, str, int, tuple[str, ...], dict | None]) -> dict:
    """One file: its untouched findings and the fate of every mutant (picklable, for a pool)."""
    root, rel, seed, ops, label = job
    path = str(Path(root) / rel)
    data = Path(path).read_bytes()
    out = {"file": rel, "folder": rel.split("/")[0], "records": []}
    try:
        doc = sources.load_bytes(data, path)
        filing = parse_document(doc)
        base = _result(filing, None)
    except Exception as exc:  # the checker itself is the measured subject: record, go on
        out.update(fmt="?", error=f"untouched file: {type(exc).__name__}: {exc}", base_errors=[])
        return out
    fmt = file_format(doc, data, label)
    out.update(fmt=fmt, labelled_clean=bool(label) and is_labelled_clean(label),
               base_errors=[f"{f.rule_id}({f.person})" if f.person else f.rule_id
                            for f in base.findings if f.severity == "error"])
    ctx = Ctx(rel, data, Raw.of(data), filing, fmt, seed)
    bases = {None: base}
    for op in ops:
        try:
            planned = OPERATORS[op](ctx)
        except Exception as exc:
            planned = [Skip(op, f"operator failed: {type(exc).__name__}: {exc}")]
        for m in planned:
            out["records"].append(_run_mutant(m, path, filing, bases) if isinstance(m, Mutant)
                                  else _skip_record(m))
    return out


def _skip_record(m: Skip) -> dict:
    rec = {"op": m.op, "status": "n/a", "reason": m.reason, "tags": list(m.tags)}
    if m.unobservable:
        rec["unobservable"] = True  # counted apart in the report (observable.py)
    return rec


def _run_mutant(m: Mutant, path: str, filing, bases: dict) -> dict:
    rec = {"op": m.op, "tags": list(m.tags), "person": m.person, "note": m.note, "line": m.line}
    try:
        key = m.baseline_options.filed if m.baseline_options else None
        if key not in bases:
            bases[key] = _result(filing, m.baseline_options)
        mutant = parse_document(sources.load_bytes(m.data, path))
        why = m.verify(mutant)
        if why is not None:
            rec.update(status="unlanded", reason=why)
            return rec
        got = _result(mutant, m.options)
    except Exception as exc:
        rec.update(status="crash", reason=f"{type(exc).__name__}: {exc}")
        return rec
    v = judge(m, bases[key], got)
    if already_flagged(m, bases[key]):
        rec["tags"].append(ALREADY_FLAGGED)
    rec.update(status="caught" if v.caught else "missed", new=v.new,
               other_person=v.right_category_elsewhere)
    return rec


def run(root: Path = DEFAULT_CORPUS, seed: int = 0, ops: tuple[str, ...] = tuple(OPERATORS),
        sample: int | None = None, workers: int = 2, folders=FOLDERS) -> list[dict]:
    lab = labels(root)
    files = sample_files(corpus_files(root, folders), sample, seed)
    jobs = [(str(root), rel, seed, ops, lab.get(rel)) for rel in files]
    if workers > 1 and len(jobs) > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = list(pool.imap(run_file, jobs, chunksize=1))
    else:
        results = [run_file(j) for j in jobs]
    return sorted(results, key=lambda r: r["file"])
