"""Baselines: accept today's findings so a pipeline fails only on new ones.

A baseline file is the sorted list of the fingerprints of the findings present when it was
written. Fingerprints (checker.findings.fingerprint) hash the rule, the file's path relative to the project root, the person
and the finding's own key, not the line, so an edit elsewhere in a filing does not make old
findings look new. Each entry also names the rule, file and message so a reviewer can read
what was accepted in a diff; only the fingerprint is used to match.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from checker.findings import FileResult, fingerprint_path

SCHEMA = "stakecheck-baseline/v2"
# v1 fingerprints hashed the file's base name; v2 hash its path relative to the project root.
OLD_SCHEMAS = ("stakecheck-baseline/v1",)
MAX_BYTES = 64 * 1024 * 1024  # a baseline of a million findings is far below this


class BaselineError(Exception):
    """The baseline file cannot be used (exit code 2, one line)."""


def document(results: list[FileResult], root: str | None = None) -> dict:
    entries = {}
    for r in results:
        for f in r.findings:
            entries[f.fingerprint] = {"fingerprint": f.fingerprint, "rule_id": f.rule_id,
                                      "path": fingerprint_path(r.path, root), "message": f.message}
    return {"schema": SCHEMA, "fingerprints": sorted(entries),
            "findings": [entries[k] for k in sorted(entries)]}


def write_baseline(path: str | Path, results: list[FileResult], root: str | None = None) -> int:
    doc = document(results, root)
    try:
        Path(path).write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8",
                              errors="surrogateescape")
    except OSError as exc:
        raise BaselineError(f"cannot write baseline {path}: {exc.strerror}") from None
    return len(doc["fingerprints"])


def load_baseline(path: str | Path) -> frozenset[str]:
    """Fingerprints from a baseline file: our own document, or a bare JSON list of strings.
    A v1 document is read with a warning: its fingerprints were built from the file name only."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise BaselineError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB; not a baseline")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: not UTF-8 JSON (write one with --write-baseline)") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a JSON baseline (nested too deeply)") from None
    except ValueError as exc:  # JSONDecodeError, or an integer of 100,000 digits
        raise BaselineError(f"{path}: not a JSON baseline ({exc})".splitlines()[0]) from None
    prints = data.get("fingerprints") if isinstance(data, dict) else data
    if not isinstance(prints, list) or not all(isinstance(p, str) for p in prints):
        raise BaselineError(f"{path}: expected a list of fingerprints (write one with --write-baseline)")
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema in OLD_SCHEMAS:
        click.echo(f"stakecheck: warning: {path} is a {schema} baseline (fingerprints of file names); "
                   "findings may show as new: rewrite it with --write-baseline", err=True)
    elif isinstance(data, dict) and schema != SCHEMA:
        raise BaselineError(f"{path}: unknown baseline format {str(schema)[:40]!r} (expected {SCHEMA})")
    return frozenset(prints)


def apply_baseline(results: list[FileResult], known: frozenset[str]) -> tuple[list[FileResult], int]:
    """Drop the findings whose fingerprint is known; return the rest and how many were dropped."""
    out, dropped = [], 0
    for r in results:
        kept = [f for f in r.findings if f.fingerprint not in known]
        dropped += len(r.findings) - len(kept)
        out.append(r if len(kept) == len(r.findings) else r.model_copy(update={"findings": kept}))
    return out, dropped
