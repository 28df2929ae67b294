"""Findings and per-file results: what every reporter reads.

The JSON contract (DESIGN.md, "CLI and output") is the shape of ``FileResult.contract()``.
"""
from __future__ import annotations

import hashlib
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


def fingerprint(rule_id: str, path_name: str, person: str | None, key: str) -> str:
    """Stable across line shifts and reruns: rule, file name, person and the finding's own key."""
    raw = "\x1f".join([rule_id, path_name, person or "", key])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


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

    @field_validator("path", "error")
    @classmethod
    def _printable(cls, value: str | None) -> str | None:
        return None if value is None else printable_path(value)

    def contract(self) -> dict:
        return self.model_dump(exclude={"error"})

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)
