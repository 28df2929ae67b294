"""Reporters: FileResults -> one output document (text, json, sarif, ...).

Each reporter module exposes ``render(results, ctx) -> str`` and a ``Writer(write, ctx)`` that
takes one file at a time (``file(result, waived)``) and ends with ``close(tally)``: a run hands
each file over as it is checked and keeps no list of results (issue 10 §6). The STREAMED formats
write a file's output at once; the others keep what they need on disk until ``close``. Output
is deterministic: the same results and context give the same bytes (no timestamps, no absolute
paths unless the user gave them, everything sorted).
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from checker import __version__

FORMATS = {
    "text": "checker.report.text",
    "json": "checker.report.json_report",
    "sarif": "checker.report.sarif",
    "junit": "checker.report.junit",
    "github": "checker.report.github",
    "markdown": "checker.report.markdown",
    "html": "checker.report.html",
    "jsonl": "checker.report.jsonl",
}

# Formats whose output for a file is final once the file is checked: written as each file finishes.
STREAMED = ("text", "github", "jsonl")

# Formats meant for a person reading an audit trail rather than for a CI gate.
AUDIT_FORMATS = ("markdown", "html")


@dataclass
class ReportContext:
    tool_version: str = __version__
    color: bool = False
    fail_on: str = "error"
    extra: dict = field(default_factory=dict)
    # Findings a waiver accepted (checker.waivers.WaivedFinding): out of the exit-code gate,
    # but every reporter still counts them so an audit shows what was accepted and by whom.
    waived: list = field(default_factory=list)
    # How many findings a --baseline file dropped (already known, accepted debt).
    baselined: int = 0
    # The rule catalogue (checker.rulebook.Rule tuple). None: load it on first use.
    rules: tuple | None = None
    catalogue_version: str | None = None
    # Paths in SARIF/GitHub output are made relative to this folder (the CI checkout).
    root: str | None = None

    def rule_list(self) -> tuple:
        if self.rules is None:
            try:
                from checker.rulebook import load_catalogue
                self.rules = load_catalogue()
            except (ValueError, OSError):
                self.rules = ()  # a broken catalogue fails elsewhere; a report still renders
        return self.rules

    def catalogue(self) -> str:
        if self.catalogue_version is None:
            from checker.rulebook import catalogue_version
            self.catalogue_version = catalogue_version()
        return self.catalogue_version

    def relpath(self, path: str) -> str:
        """The path as a POSIX path relative to ``root`` when it lies under it, else as given."""
        root = Path(self.root or os.getcwd()).resolve()
        p = Path(path)
        try:
            return p.resolve().relative_to(root).as_posix() if (p.is_absolute() or p.exists()) \
                else p.as_posix()
        except ValueError:
            return p.as_posix()


def render(fmt: str, results, ctx: ReportContext) -> str:
    module = importlib.import_module(FORMATS[fmt])
    return module.render(results, ctx)


def open_writer(fmt: str, write, ctx: ReportContext):
    """The format's streaming writer over ``write`` (a function taking text)."""
    return importlib.import_module(FORMATS[fmt]).Writer(write, ctx)
