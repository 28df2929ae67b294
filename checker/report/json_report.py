"""The versioned JSON document (contract: DESIGN.md "CLI and output"; schema: docs/schema/).

The per-file entries are the contract and do not change. At the top level: "waived" (each
entry: the file path, the finding's contract keys, and the waiver that accepted it), "errors"
(each file that could not be read at all: path and reason; such a file is never listed in
"files" as if it had been checked) and "summary" with its counts.

The JSON schema is generated from the models below (``python -m checker.report.json_report``
writes docs/schema/stakecheck-v1.json); a test keeps the committed file current.
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.findings import FileResult, Finding

SCHEMA_ID = "stakecheck/v1"
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "schema" / "stakecheck-v1.json"


class ErrorEntry(BaseModel):
    """A file that could not be read at all (it counts against the gate: exit code 2)."""
    path: str
    reason: str


class Tool(BaseModel):
    name: Literal["stakecheck"]
    version: str


class Summary(BaseModel):
    model_config = ConfigDict(extra="allow")
    files: int = Field(description="Files given or found: checked ones plus unreadable ones.")
    checked: int = Field(description="Entries in 'files'.")
    unreadable: int = Field(description="Entries in 'errors'.")
    error: int
    warning: int
    info: int
    waived: int
    baselined: int


class WaivedEntry(Finding):
    model_config = ConfigDict(extra="allow")
    path: str
    waiver: dict


class ReportDocument(BaseModel):
    """The whole JSON document. Fields may be added within v1; none is removed or renamed."""
    model_config = ConfigDict(extra="allow")
    schema_: Literal["stakecheck/v1"] = Field(alias="schema")
    tool: Tool
    files: list[FileResult]
    summary: Summary
    waived: list[WaivedEntry]
    errors: list[ErrorEntry]


def document(results: list[FileResult], ctx) -> dict:
    checked = [r for r in results if not r.error]
    errors = [{"path": r.path, "reason": r.error} for r in results if r.error]
    summary = {"files": len(results), "checked": len(checked), "unreadable": len(errors)}
    for sev in ("error", "warning", "info"):
        summary[sev] = sum(r.count(sev) for r in checked)
    summary["waived"] = len(ctx.waived)
    summary["baselined"] = ctx.baselined
    waived = [w.to_json() for w in ctx.waived]
    return {"schema": SCHEMA_ID,
            "tool": {"name": "stakecheck", "version": ctx.tool_version},
            "files": [finite(r.contract()) for r in checked], "summary": summary,
            "waived": finite(waived), "errors": errors}


def finite(value):
    """The value with every non-finite float (inf, nan) as null: strict JSON parsers reject
    ``Infinity``. Parsers already refuse such amounts with a parse finding; this is the last
    guard so that one bad number never costs the whole report."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite(v) for v in value]
    return value


def render(results: list[FileResult], ctx) -> str:
    return json.dumps(document(results, ctx), indent=2, ensure_ascii=False, sort_keys=False,
                      allow_nan=False) + "\n"


# -- the published schema -------------------------------------------------------------------
_NOT_IN_CONTRACT = {"FileResult": ("error",), "PersonSummary": ("percent_text",)}


def schema() -> dict:
    """JSON Schema (draft 2020-12) of the document, from the models; deterministic."""
    out = ReportDocument.model_json_schema(by_alias=True, mode="serialization")
    for name, fields in _NOT_IN_CONTRACT.items():
        model = out.get("$defs", {}).get(name, {})
        for f in fields:
            model.get("properties", {}).pop(f, None)
            if f in model.get("required", []):
                model["required"].remove(f)
    # Every key is always written (a value absent in the filing is null), so all are required.
    for model in [out, *out.get("$defs", {}).values()]:
        if "properties" in model:
            model["required"] = sorted(model["properties"])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://stakecheck.dev/schema/stakecheck-v1.json", **out}


def schema_text() -> str:
    return json.dumps(schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m checker.report.json_report [--check]
    if "--check" in sys.argv[1:]:
        sys.exit(0 if SCHEMA_FILE.read_text(encoding="utf-8") == schema_text() else 1)
    SCHEMA_FILE.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    print(SCHEMA_FILE)
