"""Reporters: a list of FileResult -> one output document (text, json, ...).

Each reporter module exposes ``render(results, ctx) -> str``. Output is deterministic: the
same results give the same bytes.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from checker import __version__

FORMATS = {
    "text": "checker.report.text",
    "json": "checker.report.json_report",
}


@dataclass
class ReportContext:
    tool_version: str = __version__
    color: bool = False
    fail_on: str = "error"
    extra: dict = field(default_factory=dict)


def render(fmt: str, results, ctx: ReportContext) -> str:
    module = importlib.import_module(FORMATS[fmt])
    return module.render(results, ctx)
