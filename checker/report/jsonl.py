"""JSON Lines (``--format jsonl``): one JSON object per line, written as each file is checked.

Every line has ``"schema": "stakecheck/v1"`` and a ``"type"``:

- ``file``: a checked file, the same object as an entry of the JSON document's "files";
- ``error``: a file that could not be read at all (``path``, ``reason``), as in "errors";
- ``waived``: a finding a waiver accepted, as an entry of "waived", right after its file;
- ``summary``: the last line: ``tool``, ``summary`` (the JSON document's counts) and, for a
  configured run, ``run``.

A consumer can act on each file as it arrives; a stream without its summary line was cut short.
"""
from __future__ import annotations

import json

from checker.findings import FileResult
from checker.report.common import render_all
from checker.report.json_report import DUMP, SCHEMA, run_record, summary


def _line(kind: str, obj: dict) -> str:
    return json.dumps({"schema": SCHEMA, "type": kind, **obj}, **DUMP) + "\n"


def file_line(r: FileResult) -> str:
    """The line of one file, without its newline: a ``file`` line, or an ``error`` line for a
    file that could not be read. `stakecheck batch --jsonl` writes these same lines."""
    if r.error is None:
        return _line("file", r.contract())[:-1]
    return _line("error", {"path": r.path, "reason": r.error})[:-1]


class Writer:
    def __init__(self, write, ctx):
        self.write, self.ctx = write, ctx

    def file(self, r: FileResult, waived) -> None:
        self.write(file_line(r) + "\n" + "".join(_line("waived", w.to_json()) for w in waived))

    def close(self, tally) -> None:
        tail = {"tool": {"name": "stakecheck", "version": self.ctx.tool_version},
                "summary": summary(tally, self.ctx)}
        if run_record(self.ctx) is not None:
            tail["run"] = run_record(self.ctx)
        self.write(_line("summary", tail))


def render(results: list[FileResult], ctx) -> str:
    return render_all(Writer, results, ctx)
