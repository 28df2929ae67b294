"""The versioned JSON document (contract: DESIGN.md "CLI and output").

The per-file entries are the contract and do not change. Waivers add two things at the top
level only: the "waived" list (each entry: the file path, the finding's contract keys, and
the waiver that accepted it) and the "waived" / "baselined" counts in "summary".
"""
from __future__ import annotations

import json

from checker.findings import FileResult


def document(results: list[FileResult], ctx) -> dict:
    files = [r.contract() for r in results]
    summary = {"files": len(results)}
    for sev in ("error", "warning", "info"):
        summary[sev] = sum(r.count(sev) for r in results)
    summary["waived"] = len(ctx.waived)
    summary["baselined"] = ctx.baselined
    waived = [w.to_json() for w in ctx.waived]
    doc = {"schema": "stakecheck/v1",
           "tool": {"name": "stakecheck", "version": ctx.tool_version},
           "files": files, "summary": summary, "waived": waived}
    run = ctx.extra.get("run") or {}
    if run.get("in_json"):  # only a configured run: an unconfigured run's bytes stay as they were
        doc["run"] = {k: v for k, v in run.items() if k != "in_json"}
    return doc


def render(results: list[FileResult], ctx) -> str:
    return json.dumps(document(results, ctx), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
