"""The self-contained HTML audit report (templates/audit.html.j2): inline CSS and SVG, no
scripts, no fonts or images to fetch, so it opens the same offline, from an archive or e-mail.
See checker.report.audit for the content."""
from __future__ import annotations

from markupsafe import Markup

from checker.findings import FileResult
from checker.report import audit
from checker.report.common import render_all


class Writer(audit.Writer):
    template = "audit.html.j2"
    autoescape = True

    def finish(self, view: dict) -> dict:
        if view["chart_svg"]:
            # Built by checker.report.chart, which escapes every piece of filing text it puts in.
            view["chart_svg"] = Markup(view["chart_svg"])
        return view


def render(results: list[FileResult], ctx) -> str:
    return render_all(Writer, results, ctx)
