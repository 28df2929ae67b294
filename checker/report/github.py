"""GitHub Actions workflow commands: annotations on the pull request's files.

``::error file=PATH,line=N,title=CODE::message`` per finding (warning -> ::warning,
info -> ::notice). GitHub's escaping: in the message ``%``, CR and LF; in a property value
also ``:`` and ``,`` (they delimit properties). Waived and baselined findings get no
annotation, but the closing summary line counts them.
"""
from __future__ import annotations

from checker.findings import FileResult
from checker.report.common import render_all, totals

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], ctx) -> str:
    return render_all(Writer, results, ctx)


class Writer:
    """One file's annotations as soon as it is checked; the summary line at the end."""

    def __init__(self, write, ctx):
        self.write, self.ctx = write, ctx

    def file(self, r: FileResult, waived) -> None:
        lines = []
        path = self.ctx.relpath(r.path)
        if r.error:
            lines.append(f"::error file={escape_property(path)},title=unreadable::"
                         f"{escape_data('cannot read: ' + r.error)}")
        for f in [] if r.error else r.findings:
            props = [f"file={escape_property(path)}"]
            if f.line is not None:
                props.append(f"line={f.line}")
            props.append(f"title={escape_property(f.rule_id)}")
            message = f.message + (f" [{f.person}]" if f.person else "")
            # The second line (shown when the annotation is expanded): the rule's name and its source.
            message += f"\n{f.rule_id} {f.rule}" + (f" — {f.citation}" if f.citation else "")
            lines.append(f"::{COMMAND[f.severity]} {','.join(props)}::{escape_data(message)}")
        if lines:
            self.write("\n".join(lines) + "\n")

    def close(self, tally) -> None:
        t = totals(tally, self.ctx)
        summary = (f"stakecheck: {t['files']} file(s), {t['error']} error(s), {t['warning']} warning(s), "
                   f"{t['info']} info")
        if t["waived"]:
            summary += f", {t['waived']} waived"
        if t["baselined"]:
            summary += f", {t['baselined']} in baseline"
        self.write(summary + "\n")
