"""The versioned JSON document (contract: DESIGN.md "CLI and output").

The per-file entries are the contract and do not change. Waivers add two things at the top
level only: the "waived" list (each entry: the file path, the finding's contract keys, and
the waiver that accepted it) and the "waived" / "baselined" counts in "summary".

A run writes "files" one entry at a time as each file is checked (checker.report.spool keeps
the bytes those of one json.dumps of the whole document); the rest is known at the end.
"""
from __future__ import annotations

from checker.findings import FileResult
from checker.report.common import render_all
from checker.report.spool import JsonList, mark, split_document
from checker.report.tally import tally_of

SCHEMA = "stakecheck/v1"
# allow_nan=False: a non-finite number must never reach the JSON (strict parsers reject it);
# the parsers turn such values into parse findings before they get here.
DUMP = {"ensure_ascii": False, "allow_nan": False}


def summary(tally, ctx) -> dict:
    out = {"files": tally.checked, "errors": len(tally.errors)}
    out.update(tally.checked_counts)
    out["waived"] = len(ctx.waived)
    out["baselined"] = ctx.baselined
    return out


def run_record(ctx) -> dict | None:
    """The run record, only for a configured run: an unconfigured run's bytes stay as they were."""
    run = ctx.extra.get("run") or {}
    return {k: v for k, v in run.items() if k != "in_json"} if run.get("in_json") else None


def _document(files, tally, ctx) -> dict:
    doc = {"schema": SCHEMA, "tool": {"name": "stakecheck", "version": ctx.tool_version}, "files": files}
    if tally is not None:
        doc["errors"] = [{"path": path, "reason": why} for _, path, why in tally.errors]
        doc["summary"] = summary(tally, ctx)
        doc["waived"] = [w.to_json() for w in ctx.waived]
        if run_record(ctx) is not None:
            doc["run"] = run_record(ctx)
    return doc


def document(results: list[FileResult], ctx) -> dict:
    """A file that could not be read at all goes to "errors", never to "files" as if checked."""
    return _document([r.contract() for r in results if r.error is None], tally_of(results), ctx)


class Writer:
    def __init__(self, write, ctx):
        self.write, self.ctx = write, ctx
        write(split_document(_document(mark(), None, ctx), **DUMP)[0])
        self.files = JsonList(write, 1, **DUMP)

    def file(self, r: FileResult, waived) -> None:
        if r.error is None:
            self.files.item(r.contract())

    def close(self, tally) -> None:
        self.files.end()
        self.write(split_document(_document(mark(), tally, self.ctx), **DUMP)[1] + "\n")


def render(results: list[FileResult], ctx) -> str:
    return render_all(Writer, results, ctx)
