"""Findings and per-file results: what every reporter reads.

The JSON contract (DESIGN.md, "CLI and output") is the shape of ``FileResult.contract()``.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, field_validator

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}
CATEGORIES = (
    "thresholds", "sums", "cover-pages", "default-triggers",
    "deadlines", "identifiers", "consistency", "parse",
)


class Finding(BaseModel):
    rule_id: str
    rule: str
    category: str
    severity: Severity
    message: str
    person: str | None = None
    line: int | None = None
    evidence: str | None = None
    citation: str = ""
    fingerprint: str = ""

    def sort_key(self) -> tuple:
        return (self.line if self.line is not None else 10**9, self.rule_id,
                self.person or "", self.message)


# A key built from a message may name lines ("beside another row's number (line 171)"): they
# move when lines are inserted above, so they are masked before hashing.
_LINE_REF = re.compile(r"\blines?\s+\d+(?:\s*(?:-|–|to|and|,)\s*\d+)*", re.I)


def fingerprint(rule_id: str, path: str, person: str | None, key: str) -> str:
    """Stable across line shifts and reruns: rule, the file's path relative to the project root
    (checker.findings.fingerprint_path), person and the finding's own key. Two files of the same
    name in different folders get different fingerprints; moving lines within a file does not."""
    raw = "\x1f".join([rule_id, path, person or "", _LINE_REF.sub("line #", key)])
    return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def fingerprint_path(path: str, root: str | None = None) -> str:
    """The path as fingerprints hold it: POSIX, relative to ``root`` (the config's folder, else
    the working directory) when the file lies under it, so a baseline written in one checkout
    matches in another."""
    return _fingerprint_path(path, root or os.getcwd())


# Called once per finding; a file outside the base costs two Path.resolve() system-call walks, so
# the answer is kept per (path, base). The working directory is part of the key (root or cwd).
@functools.lru_cache(maxsize=4096)
def _fingerprint_path(path: str, root: str) -> str:
    p, base = Path(path), Path(root)
    try:
        return p.absolute().relative_to(base.absolute()).as_posix()
    except ValueError:
        try:
            return p.resolve().relative_to(base.resolve()).as_posix()
        except (ValueError, OSError):
            return p.as_posix()


class PersonSummary(BaseModel):
    name: str
    # False for a person named only in a signature, a joint filing agreement or the header:
    # a consumer can tell such a person from one whose cover page is blank.
    cover_page: bool = True
    # Share counts are whole numbers except where an XML filing states a fraction (7207424.4).
    aggregate: int | float | None = None
    percent: float | None = None
    # The percent exactly as printed ("3.00%"), for reports; not part of the JSON contract.
    percent_text: str | None = Field(default=None, exclude=True)
    sole_voting: int | float | None = None
    shared_voting: int | float | None = None
    sole_dispositive: int | float | None = None
    shared_dispositive: int | float | None = None
    line: int | None = None


def printable_path(path: str) -> str:
    """A file name as every report can write it. A name that is not valid UTF-8 reaches Python
    with surrogate escapes (PEP 383), which no UTF-8 output can encode: its undecodable bytes
    are written as \\xNN instead, the same way every time."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "surrogateescape")
        return raw.decode("utf-8", "backslashreplace")


class FileResult(BaseModel):
    path: str
    sha256: str = ""
    format: str = "text"
    form_type: str | None = None
    amendment_no: int | None = None
    issuer: str | None = None
    cusip: str | None = None
    event_date: str | None = None
    reporting_persons: list[PersonSummary] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    # Not in the JSON contract: a file that could not be read at all (exit code 2).
    error: str | None = None
    # Not in the JSON contract: the EDGAR header's FILED AS OF DATE, for the batch store.
    filed_date: str | None = Field(default=None, exclude=True)

    @field_validator("path", "error")
    @classmethod
    def _printable(cls, value: str | None) -> str | None:
        return None if value is None else printable_path(value)

    def contract(self) -> dict:
        return self.model_dump(exclude={"error", "filed_date"})

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)
