"""Baselines: accept today's findings so a pipeline fails only on new ones.

A baseline file is the sorted list of the fingerprints of the findings present when it was
written. Fingerprints (checker.findings.fingerprint) hash the rule, the file name, the person
and the finding's own key, not the line, so an edit elsewhere in a filing does not make old
findings look new. Each entry also names the rule, file and message so a reviewer can read
what was accepted in a diff; only the fingerprint is used to match.
"""
from __future__ import annotations

import json
from pathlib import Path

from checker.findings import FileResult

SCHEMA = "stakecheck-baseline/v1"


class BaselineError(Exception):
    """The baseline file cannot be used (exit code 2, one line)."""


def document(results: list[FileResult]) -> dict:
    entries = {}
    for r in results:
        for f in r.findings:
            entries[f.fingerprint] = {"fingerprint": f.fingerprint, "rule_id": f.rule_id,
                                      "path": Path(r.path).as_posix(), "message": f.message}
    return {"schema": SCHEMA, "fingerprints": sorted(entries),
            "findings": [entries[k] for k in sorted(entries)]}


def write_baseline(path: str | Path, results: list[FileResult]) -> int:
    doc = document(results)
    try:
        Path(path).write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"cannot write baseline {path}: {exc.strerror}") from None
    return len(doc["fingerprints"])


def load_baseline(path: str | Path) -> frozenset[str]:
    """Fingerprints from a baseline file: our own document, or a bare JSON list of strings."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: not a JSON baseline ({exc})".splitlines()[0]) from None
    prints = data.get("fingerprints") if isinstance(data, dict) else data
    if not isinstance(prints, list) or not all(isinstance(p, str) for p in prints):
        raise BaselineError(f"{path}: expected a list of fingerprints (write one with --write-baseline)")
    return frozenset(prints)


def apply_baseline(results: list[FileResult], known: frozenset[str]) -> tuple[list[FileResult], int]:
    """Drop the findings whose fingerprint is known; return the rest and how many were dropped."""
    out, dropped = [], 0
    for r in results:
        kept = [f for f in r.findings if f.fingerprint not in known]
        dropped += len(r.findings) - len(kept)
        out.append(r if len(kept) == len(r.findings) else r.model_copy(update={"findings": kept}))
    return out, dropped
