"""Human-readable report, grouped by file and reporting person; colour via rich on a terminal."""
from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.markup import render as render_markup

from checker.findings import FileResult
from checker.report.common import render_all

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _amount(v):
    return "—" if v is None else f"{v:,}"


def _percent(v):
    return "—" if v is None else f"{v:g}%"


def render(results: list[FileResult], ctx) -> str:
    return render_all(Writer, results, ctx)


class Writer:
    """Each file's block as soon as it is checked; waived findings and the totals at the end."""

    def __init__(self, write, ctx):
        self.write, self.ctx, self.buf = write, ctx, io.StringIO()
        self.console = Console(file=self.buf, force_terminal=ctx.color, no_color=not ctx.color,
                               width=100, highlight=False, soft_wrap=True) if ctx.color else PlainConsole(self.buf)

    def _flush(self) -> None:
        self.write(self.buf.getvalue())
        self.buf.seek(0)
        self.buf.truncate()

    def file(self, result: FileResult, waived) -> None:
        _render_file(self.console, result)
        self._flush()

    def close(self, tally) -> None:
        console, ctx = self.console, self.ctx
        for w in ctx.waived:
            # Waived findings stay visible (one line each) so nobody mistakes them for fixed ones.
            f = w.finding
            console.print(f"[dim]waived  {f.rule_id} {escape(w.path)}"
                          + (f":{f.line}" if f.line else "")
                          + f": {escape(f.message)} (approved by {escape(w.waiver.approved_by)}, "
                            f"until {w.waiver.expires.isoformat()})[/dim]")
        totals = tally.counts
        extra = (f", {len(ctx.waived)} waived" if ctx.waived else "") \
            + (f", {ctx.baselined} in baseline" if ctx.baselined else "")
        console.print(f"{tally.files} file(s): {totals['error']} error(s), "
                      f"{totals['warning']} warning(s), {totals['info']} info{extra}")
        self._flush()


class PlainConsole:
    """What rich's Console prints without colour (soft wrap, no highlighting), at a third of the
    cost: the same markup parser (escapes, emoji codes, control codes dropped), tabs expanded to 8
    per line, no Console machinery. tests/test_report_text_json.py holds it to rich's bytes."""

    def __init__(self, buf):
        self.buf = buf

    def print(self, markup: str = "") -> None:
        for line in render_markup(markup).split("\n", allow_blank=True):
            line.expand_tabs(8)
            self.buf.write(line.plain + "\n")


def _render_file(console: Console, result: FileResult) -> None:
    console.print(f"[bold]{escape(result.path)}[/bold]")
    if result.error:
        console.print(f"  [bold red]cannot read:[/bold red] {escape(result.error)}")
        console.print()
        return
    head = [result.form_type or "unknown form", result.issuer or "issuer unknown",
            f"CUSIP {result.cusip}" if result.cusip else "no CUSIP",
            f"event {result.event_date}" if result.event_date else "no event date"]
    console.print("  " + escape(" · ".join(head)))
    by_person: dict[str | None, list] = {}
    for f in result.findings:
        by_person.setdefault(f.person, []).append(f)
    _print_findings(console, by_person.pop(None, []), indent="  ")
    for person in result.reporting_persons:
        console.print(f"  [bold]{escape(person.name)}[/bold]  aggregate {_amount(person.aggregate)}"
                      f"  percent {person.percent_text or _percent(person.percent)}"
                      + (f"  (line {person.line})" if person.line else ""))
        _print_findings(console, by_person.pop(person.name, []), indent="    ")
    for name in sorted(k for k in by_person if k):
        console.print(f"  [bold]{escape(name)}[/bold]")
        _print_findings(console, by_person[name], indent="    ")
    console.print()


def _print_findings(console: Console, findings: list, indent: str) -> None:
    for f in findings:
        where = f"line {f.line}" if f.line else "—"
        console.print(f"{indent}[{STYLE[f.severity]}]{f.severity:<7}[/{STYLE[f.severity]}] "
                      f"{f.rule_id} {escape(where)}: {escape(f.message)}")
