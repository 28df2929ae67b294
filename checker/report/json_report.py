"""The versioned JSON document (contract: DESIGN.md "CLI and output").

The per-file entries are the contract and do not change. Waivers add two things at the top
level only: the "waived" list (each entry: the file path, the finding's contract keys, and
the waiver that accepted it) and the "waived" / "baselined" counts in "summary".
"""
from __future__ import annotations

import json

from checker.findings import FileResult


def document(results: list[FileResult], ctx) -> dict:
    """A file that could not be read at all goes to "errors", never to "files" as if checked."""
    checked = [r for r in results if r.error is None]
    files = [r.contract() for r in checked]
    errors = [{"path": r.path, "reason": r.error} for r in results if r.error is not None]
    summary = {"files": len(checked), "errors": len(errors)}
    for sev in ("error", "warning", "info"):
        summary[sev] = sum(r.count(sev) for r in checked)
    summary["waived"] = len(ctx.waived)
    summary["baselined"] = ctx.baselined
    waived = [w.to_json() for w in ctx.waived]
    doc = {"schema": "stakecheck/v1",
           "tool": {"name": "stakecheck", "version": ctx.tool_version},
           "files": files, "errors": errors, "summary": summary, "waived": waived}
    run = ctx.extra.get("run") or {}
    if run.get("in_json"):  # only a configured run: an unconfigured run's bytes stay as they were
        doc["run"] = {k: v for k, v in run.items() if k != "in_json"}
    return doc


def render(results: list[FileResult], ctx) -> str:
    # allow_nan=False: a non-finite number must never reach the JSON (strict parsers reject it);
    # the parsers turn such values into parse findings before they get here.
    return json.dumps(document(results, ctx), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
