"""EDGAR full submissions (placeholder: the real unwrapper replaces this)."""
from __future__ import annotations

from checker.sources import Document


def unwrap_submission(text: str, path: str, sha: str) -> Document:
    return Document(path=path, sha256=sha, format="edgar-submission", text=text)
