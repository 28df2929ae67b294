"""Fuzz the checker with mutated corpus filings and check the invariants of issue 10 §7.

    python bench/fuzz.py --mutants 3000 --seed 1 [--cli-every 50] [--corpus ../shared/corpus]

Mutations: byte flips, truncation, line deletion and duplication, number perturbation, tag
deletion, re-encoding (UTF-16, latin-1, two BOMs) and huge lines. Each mutant is checked in
process (twice: the output must be the same bytes) and every --cli-every-th through the CLI.
Invariants: no traceback and no internal error; exit code 0, 1 or 2; the JSON is valid
(strict: no NaN/Infinity) and matches docs/schema/stakecheck-v1.json; no silent pass (a file
that was read yields reporting persons or a finding); deterministic; no mutant over
--hang-seconds. Prints one line per failure (kind, mutation, source file) and a summary.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FOLDERS = ("txt", "html", "xml", "labelled", "html-more")
_NUMBER = re.compile(rb"\d[\d,]*(?:\.\d+)?")
_TAG = re.compile(rb"</?[A-Za-z][^<>]{0,80}>")


# -- mutations: each takes (bytes, Random) and returns bytes -----------------------------------
def byte_flips(data, rng):
    b = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def truncate(data, rng):
    return data[:rng.randrange(1, len(data))]


def _lines(data):
    return data.split(b"\n")


def delete_lines(data, rng):
    lines = _lines(data)
    start = rng.randrange(len(lines))
    del lines[start:start + rng.randint(1, 30)]
    return b"\n".join(lines)


def duplicate_lines(data, rng):
    lines = _lines(data)
    start = rng.randrange(len(lines))
    chunk = lines[start:start + rng.randint(1, 30)]
    return b"\n".join(lines[:start] + chunk * rng.randint(2, 5) + lines[start:])


def perturb_numbers(data, rng):
    matches = list(_NUMBER.finditer(data))
    if not matches:
        return byte_flips(data, rng)
    out, last = [], 0
    chosen = rng.sample(matches, min(len(matches), rng.randint(1, 10)))
    for m in sorted(chosen, key=lambda m: m.start()):
        new = rng.choice([b"0", b"-1", b"1e400", b"9" * rng.randint(20, 400), b"NaN", b"1,00,0.5.5",
                          str(rng.randrange(10**9)).encode(), m.group(0)[::-1], b""])
        out += [data[last:m.start()], new]
        last = m.end()
    return b"".join(out + [data[last:]])


def delete_tags(data, rng):
    matches = list(_TAG.finditer(data))
    if not matches:
        return delete_lines(data, rng)
    drop = {m.start() for m in rng.sample(matches, min(len(matches), rng.randint(1, 15)))}
    out, last = [], 0
    for m in matches:
        if m.start() in drop:
            out.append(data[last:m.start()])
            last = m.end()
    return b"".join(out + [data[last:]])


def reencode(data, rng):
    text = data.decode("utf-8", errors="replace")
    kind = rng.choice(["utf-16", "utf-16-le", "latin-1", "two-boms", "cp1252"])
    if kind == "two-boms":
        return b"\xef\xbb\xbf\xef\xbb\xbf" + data
    return text.encode(kind, errors="replace")


def huge_line(data, rng):
    lines = _lines(data)
    at = rng.randrange(len(lines))
    lines.insert(at, rng.choice([b"x", b"1,", b"<b>", b" "]) * rng.randint(100_000, 1_000_000))
    return b"\n".join(lines)


MUTATIONS = {f.__name__: f for f in (byte_flips, truncate, delete_lines, duplicate_lines, perturb_numbers,
                                     delete_tags, reencode, huge_line)}


# -- the invariants -----------------------------------------------------------------------
def _reject_constant(name):
    raise ValueError(f"{name} in JSON")


def check_in_process(path: Path, validator) -> tuple[str | None, str]:
    """(failure kind or None, the JSON text)."""
    from checker.pipeline import check_file
    from checker.report import ReportContext, render

    ctx = ReportContext(rules=())
    result = check_file(path)
    text = render("json", [result], ctx)
    again = render("json", [check_file(path)], ReportContext(rules=()))
    if result.error and "internal error" in result.error:
        return "internal-error", result.error
    if result.error and "too deeply nested" in result.error:
        return None, text
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except ValueError as exc:
        return "invalid-json", str(exc)
    errors = list(validator.iter_errors(doc))
    if errors:
        return "schema", errors[0].message
    if not result.error and not result.reporting_persons and not result.findings:
        return "silent-pass", ""
    if text != again:
        return "not-deterministic", ""
    return None, text


def check_cli(path: Path) -> str | None:
    run = subprocess.run([sys.executable, "-m", "checker.cli", "check", "--no-config", "--format", "json",
                          str(path)], capture_output=True, timeout=120, cwd=ROOT)
    if run.returncode not in (0, 1, 2):
        return f"exit-{run.returncode}"
    if b"Traceback" in run.stderr:
        return "traceback"
    try:
        json.loads(run.stdout.decode("utf-8"), parse_constant=_reject_constant)
    except ValueError:
        return "cli-invalid-json"
    return None


class _Hang(BaseException):
    """Not an Exception: the pipeline turns any Exception of a file into that file's internal
    error, so an alarm in a mutant's second run read as a different output ('not-deterministic')
    instead of the slow check it was."""


def _alarm(signum, frame):
    raise _Hang()


def corpus_files(corpus: Path) -> list[Path]:
    files = sorted(p for folder in FOLDERS for p in (corpus / folder).glob("*")
                   if p.is_file() and p.suffix.lower() in (".txt", ".htm", ".html", ".xml"))
    return files or sorted((ROOT / "tests" / "cases" / "bases").glob("*"))


def run(mutants: int, seed: int, files: list[Path], cli_every: int = 0, hang_seconds: int = 20,
        out=sys.stdout) -> dict:
    import jsonschema

    SCHEMA_FILE = ROOT / "docs" / "schema" / "stakecheck-v1.json"
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    rng = random.Random(seed)
    sources = [(f, f.read_bytes()) for f in files]
    failures: Counter = Counter()
    by_mutation: Counter = Counter()
    unreadable = 0
    start = time.monotonic()
    old = signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(mutants):
            src, data = rng.choice(sources)
            name = rng.choice(sorted(MUTATIONS))
            mutant = MUTATIONS[name](data, rng) if data else data
            path = Path(tmp) / f"m{n:05}{src.suffix}"
            path.write_bytes(mutant)
            by_mutation[name] += 1
            signal.alarm(hang_seconds)
            try:
                kind, detail = check_in_process(path, validator)
            except _Hang:
                kind, detail = "hang", f"over {hang_seconds} s"
            except Exception as exc:  # a traceback the pipeline let through
                kind, detail = "traceback", f"{type(exc).__name__}: {exc}"
            finally:
                signal.alarm(0)
            if kind is None and '"errors": [\n    {' in detail:
                unreadable += 1
            if kind is None and cli_every and n % cli_every == 0:
                kind = check_cli(path)
                detail = ""
            if kind:
                failures[kind] += 1
                print(f"FAIL {kind} {name} seed={seed} n={n} {src}: {detail[:200]}", file=out, flush=True)
            path.unlink()
    signal.signal(signal.SIGALRM, old)
    summary = {"mutants": mutants, "seed": seed, "source_files": len(files), "failures": dict(failures),
               "unreadable": unreadable, "by_mutation": dict(sorted(by_mutation.items())),
               "seconds": round(time.monotonic() - start, 1)}
    print(json.dumps(summary), file=out)
    return summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mutants", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cli-every", type=int, default=50)
    ap.add_argument("--hang-seconds", type=int, default=20)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    summary = run(args.mutants, args.seed, corpus_files(args.corpus), args.cli_every, args.hang_seconds)
    sys.exit(1 if summary["failures"] else 0)


if __name__ == "__main__":
    main()
