"""Text without colour is built without rich's Console (checker.report.text.PlainConsole): it must
give rich's bytes exactly, for every awkward string a filing can put in a report."""
from __future__ import annotations

import io
import random

from rich.console import Console
from rich.markup import escape

from checker.findings import FileResult
from checker.report import text
from report_samples import context, finding, sample_result, waived_entry

PIECES = ["a", " ", "\t", "\n", "\r", "\x07", "\x0b", "\x0c", "\x1b", "\x00", ":", "warning", ":smile:",
          ":thumbs_up-text:", "[", "]", "\\", "[bold]", "[/]", "é", "漢字", "\u200b", "\u0301", "x" * 30, "%"]


def rich_console(buf) -> Console:
    return Console(file=buf, force_terminal=False, no_color=True, width=100, highlight=False, soft_wrap=True)


def both(lines: list[str]) -> tuple[str, str]:
    a, b = io.StringIO(), io.StringIO()
    fancy, plain = rich_console(a), text.PlainConsole(b)
    for line in lines:
        fancy.print(line)
        plain.print(line)
    return a.getvalue(), b.getvalue()


def test_plain_console_prints_what_rich_prints():
    rng = random.Random(13)  # fixed: the same strings every run
    for _ in range(2000):
        s = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        lines = [f"[bold]{escape(s)}[/bold]", f"    [bold red]{'error':<7}[/bold red] X {escape(s)}",
                 f"[dim]waived {escape(s)}[/dim]", escape(s), ""]
        fancy, plain = both(lines)
        assert plain == fancy, repr(s)


def test_text_report_without_colour_equals_rich_output(monkeypatch):
    awkward = sample_result("filings/odd [bold] :smile: \t name.txt")
    awkward.findings.append(finding("THR002", "info", 7, "Tab\tPerson :warning:", "msg \\[x] \r\x07 end"))
    results = [awkward, FileResult(path="bad.pdf", error="not a filing [red]\n second line")]
    result = sample_result()
    entry = waived_entry(result, "SUM001")
    ctx = context(waived=[entry], baselined=2)
    plain = text.render(results, ctx)
    monkeypatch.setattr(text, "PlainConsole", rich_console)  # the rich Console in its place
    assert text.render(results, ctx) == plain
    assert "cannot read" in plain and "waived" in plain
