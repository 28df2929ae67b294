"""The Markdown audit report (templates/audit.md.j2); see checker.report.audit for the content."""
from __future__ import annotations

import re

from checker.findings import FileResult
from checker.report import audit
from checker.report.common import render_all

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text) -> str:
    """Escape Markdown syntax in filing text, and keep a table cell on one line."""
    if text is None:
        return "—"
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def fence(text: str) -> str:
    """A code fence longer than any backtick run inside, so evidence cannot close it early."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


class Writer(audit.Writer):
    template = "audit.md.j2"

    def environment(self):
        env = audit.environment(autoescape=False)
        env.filters.update(md=md, fence=fence)
        return env

    def stream_out(self, chunks, collapse: bool = True) -> None:
        super().stream_out(chunks, collapse=True)


def render(results: list[FileResult], ctx) -> str:
    return render_all(Writer, results, ctx)
