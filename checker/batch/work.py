"""What a worker does with one file: the pipeline, and one JSON Lines record for the parent.

The record carries everything the parent's store needs, so the parent never parses a filing.
"""
from __future__ import annotations

import os
import time

# Test-only fault injection: "hang:NAME", "die:NAME" or "slow:NAME" makes a worker hang / exit / pause on a file whose
# name contains NAME. Read from the environment of the worker process, never from any input file.
FAULT_ENV = "STAKECHECK_TEST_FAULT"


def warm_up() -> None:
    """Register the catalogue once per process, before the first file is timed."""
    from checker.engine import get_engine
    get_engine()


def _fault(path: str) -> None:
    spec = os.environ.get(FAULT_ENV, "")
    kind, _, name = spec.partition(":")
    if name and name in os.path.basename(path):
        if kind == "hang":
            time.sleep(10**6)
        elif kind == "die":
            os._exit(70)
        elif kind == "slow":
            time.sleep(0.3)


def check_path(path: str, options) -> dict:
    """One file -> a record: the JSON line (contract) and the columns of the store."""
    from checker.pipeline import check_file
    _fault(path)
    result = check_file(path, options)
    rec = record_for(result, status="unreadable" if result.error else "ok")
    rec["path"] = path  # the key the parent knows the file by
    return rec


def record_for(result, status: str) -> dict:
    from checker.report.jsonl import file_line
    return {"path": result.path, "status": status, "error": result.error, "filed_date": result.filed_date,
            "line": file_line(result)}


def failed_record(path: str, status: str, message: str) -> dict:
    """A file whose worker hung or died: an engine error for that file alone."""
    from checker.findings import FileResult
    rec = record_for(FileResult(path=path, error=f"{path}: {message}"), status)
    rec["path"] = path
    return rec
