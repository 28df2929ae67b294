"""The self-contained HTML audit report (templates/audit.html.j2): inline CSS and SVG, no
scripts, no fonts or images to fetch, so it opens the same offline, from an archive or e-mail.
See checker.report.audit for the content."""
from __future__ import annotations

from markupsafe import Markup

from checker.findings import FileResult
from checker.report import audit


def render(results: list[FileResult], ctx) -> str:
    env = audit.environment(autoescape=True)
    model = audit.build(results, ctx)
    for f in model["files"]:
        if f["chart_svg"]:
            # Built by checker.report.chart, which escapes every piece of filing text it puts in.
            f["chart_svg"] = Markup(f["chart_svg"])
    return env.get_template("audit.html.j2").render(model, lines=audit.LINES).rstrip("\n") + "\n"
