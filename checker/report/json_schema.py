"""The JSON schema of the ``stakecheck/v1`` document, generated from the result models.

``python -m checker.report.json_schema > docs/schema/stakecheck-v1.json`` writes it; a test
fails when the published file is out of date and validates real output against it. Within v1
fields may be added, never removed or changed in meaning, so objects allow extra properties.
"""
from __future__ import annotations

import json

from checker.findings import FileResult

SCHEMA_ID = "stakecheck/v1"


def document_schema() -> dict:
    file_schema = FileResult.model_json_schema(mode="serialization")
    defs = file_schema.pop("$defs", {})
    file_schema["properties"].pop("error", None)  # never written: such a file goes to "errors"
    for model in (file_schema, *defs.values()):
        # Every field is always written (an absent value is null, never left out or 0).
        model["properties"].pop("percent_text", None)  # reports only, excluded from the JSON
        model["required"] = sorted(model["properties"])
    count = {"type": "integer", "minimum": 0}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://stakecheck.invalid/schema/stakecheck-v1.json",
        "title": "stakecheck check --format json (stakecheck/v1)",
        "type": "object",
        "required": ["schema", "tool", "files", "errors", "summary"],
        "properties": {
            "schema": {"const": SCHEMA_ID},
            "tool": {"type": "object", "required": ["name", "version"],
                     "properties": {"name": {"const": "stakecheck"}, "version": {"type": "string"}}},
            "files": {"type": "array", "items": {"$ref": "#/$defs/FileResult"},
                      "description": "every file that was checked"},
            "errors": {"type": "array", "description": "files that could not be read at all (exit code 2)",
                       "items": {"type": "object", "required": ["path", "reason"],
                                 "properties": {"path": {"type": "string"}, "reason": {"type": "string"}}}},
            "summary": {"type": "object", "required": ["files", "errors", "error", "warning", "info"],
                        "properties": {k: count for k in
                                       ("files", "errors", "error", "warning", "info", "waived", "baselined")}},
            "waived": {"type": "array", "items": {"type": "object"}},
        },
        "$defs": {**defs, "FileResult": file_schema},
    }


def main() -> None:
    print(json.dumps(document_schema(), indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
