"""The versioned JSON document (contract: DESIGN.md "CLI and output")."""
from __future__ import annotations

import json

from checker.findings import FileResult


def document(results: list[FileResult], ctx) -> dict:
    files = [r.contract() for r in results]
    summary = {"files": len(results)}
    for sev in ("error", "warning", "info"):
        summary[sev] = sum(r.count(sev) for r in results)
    return {"schema": "stakecheck/v1",
            "tool": {"name": "stakecheck", "version": ctx.tool_version},
            "files": files, "summary": summary}


def render(results: list[FileResult], ctx) -> str:
    return json.dumps(document(results, ctx), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
