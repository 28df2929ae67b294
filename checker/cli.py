"""stakecheck command line: check, rules, explain.

Exit codes (contract): 0 nothing at or above --fail-on; 1 findings at or above it;
2 usage or configuration error, or a file that cannot be read at all.
"""
from __future__ import annotations

import datetime as dt
import sys

import click

from checker import __version__
from checker.findings import SEVERITY_RANK
from checker.report import FORMATS, ReportContext, render

FAIL_ON = ("error", "warning", "info", "never")


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="stakecheck")
def cli() -> None:
    """Check Schedule 13D/13G beneficial-ownership filings against the SEC's rules."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated or repeated).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
@click.option("--filed", callback=_parse_date, help="Filing date (YYYY-MM-DD) for deadline rules on a draft.")
@click.option("--as-of", callback=_parse_date, help="Today's date for deadline rules (YYYY-MM-DD).")
@click.option("--color/--no-color", default=None, help="Colour in text output (default: when a terminal).")
def check(paths, fmt, output, fail_on, select, ignore, filed, as_of, color):
    """Check filings (files or folders, recursively)."""
    from checker.pipeline import CheckOptions, check_file, expand_paths

    options = CheckOptions(select=_split_codes(select), ignore=_split_codes(ignore),
                           filed=filed, as_of=as_of)
    files = expand_paths(list(paths))
    if not files:
        _fail("no filings found under " + ", ".join(paths))
    results = [check_file(p, options) for p in files]
    use_color = (sys.stdout.isatty() and output is None) if color is None else color
    text = render(fmt, results, ReportContext(color=use_color and fmt == "text", fail_on=fail_on))
    _write(text, output)
    for r in results:
        if r.error:
            click.echo(f"stakecheck: {r.error}", err=True)
    sys.exit(exit_code(results, fail_on))


def exit_code(results, fail_on: str) -> int:
    if any(r.error for r in results):
        return 2
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    hit = any(SEVERITY_RANK[f.severity] >= floor for r in results for f in r.findings)
    return 1 if hit else 0


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_cmd(fmt):
    """List the rule catalogue."""
    import json

    from checker.rulebook import catalogue_version, load_catalogue

    catalogue = load_catalogue()
    if fmt == "json":
        data = {"catalogue_version": catalogue_version(),
                "rules": [r.model_dump(exclude={"when", "message", "subject", "tests"}) for r in catalogue]}
        click.echo(json.dumps(data, indent=2))
        return
    for r in catalogue:
        click.echo(f"{r.code}  {r.severity:<7}  {r.category:<16}  {r.name}: {r.summary}")


@cli.command()
@click.argument("code")
def explain(code):
    """Print one rule's documentation."""
    from checker.rulebook import find_rule

    rule = find_rule(code)
    if rule is None:
        _fail(f"unknown rule {code!r}; `stakecheck rules` lists them")
    click.echo(f"{rule.code} {rule.name}  [{rule.category}, {rule.severity}]\n")
    click.echo(rule.summary + "\n")
    for title, body in (("What it checks", rule.docs.what), ("Why it matters", rule.docs.why),
                        ("Example", rule.docs.example), ("Reference", rule.docs.reference)):
        click.echo(f"## {title}\n{body.strip()}\n")
    click.echo(f"Citation: {rule.citation}")


def _write(text: str, output: str | None) -> None:
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror}")
    else:
        click.echo(text, nl=False)


def _fail(message: str) -> None:
    click.echo(f"stakecheck: {message}", err=True)
    sys.exit(2)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"stakecheck: {exc.format_message()}", err=True)
        sys.exit(2)
