"""stakecheck command line: check, report, rules, explain.

Exit codes (contract): 0 nothing at or above --fail-on; 1 findings at or above it;
2 usage or configuration error, or a file that cannot be read at all.

One run: configuration (file, then command line) -> check every file -> waivers -> baseline
-> one report. Waived and baselined findings leave the exit-code gate but are still counted.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from checker import __version__
from checker.findings import SEVERITY_RANK, FileResult
from checker.report import AUDIT_FORMATS, FORMATS, ReportContext, render

FAIL_ON = ("error", "warning", "info", "never")
PROGRESS_FROM = 20  # files: below this a check is over before a progress bar is worth drawing


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _run_options(formats: list[str], default_format: str, fail_on_default: str):
    """The options `check` and `report` share (they differ only in formats and --fail-on default)."""
    options = [
        click.argument("paths", nargs=-1, required=True),
        click.option("--format", "fmt", type=click.Choice(formats), default=default_format, show_default=True),
        click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here, not stdout."),
        click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
                     help=f"Lowest severity that makes the exit code 1 [default: config, else {fail_on_default}]."),
        click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated or repeated)."),
        click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes."),
        click.option("--severity", "severity", multiple=True, metavar="CODE=LEVEL",
                     help="Override a rule's severity (error, warning, info); repeatable."),
        click.option("--config", "config_file", type=click.Path(dir_okay=False),
                     help="Configuration file [default: stakecheck.toml or pyproject.toml found upward]."),
        click.option("--no-config", is_flag=True, help="Ignore configuration files."),
        click.option("--waivers", type=click.Path(dir_okay=False), help="Waiver file (TOML or YAML)."),
        click.option("--baseline", type=click.Path(dir_okay=False),
                     help="Drop findings whose fingerprint is in this baseline file."),
        click.option("--write-baseline", type=click.Path(dir_okay=False),
                     help="Write the current findings' fingerprints to this file (exit 0)."),
        click.option("--filed", callback=_parse_date, help="Filing date (YYYY-MM-DD) for deadline rules on a draft."),
        click.option("--previous", type=click.Path(dir_okay=False),
                     help="The persons' previous filing: percents are compared with it (the 1 % line)."),
        click.option("--as-of", callback=_parse_date,
                     help="Today's date (YYYY-MM-DD) for deadline rules and waiver expiry."),
        click.option("--color/--no-color", default=None, help="Colour in text output (default: when a terminal)."),
    ]

    def decorate(func):
        for opt in reversed(options):
            func = opt(func)
        return func
    return decorate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="stakecheck")
def cli() -> None:
    """Check Schedule 13D/13G beneficial-ownership filings against the SEC's rules."""


@cli.command()
@_run_options(sorted(FORMATS), "text", "error")
def check(**kwargs):
    """Check filings (files or folders, recursively)."""
    sys.exit(run(default_fail_on="error", **kwargs))


@cli.command()
@_run_options(list(AUDIT_FORMATS), "html", "never")
def report(**kwargs):
    """Write an audit report (holdings, ownership chart, findings with evidence) for filings."""
    sys.exit(run(default_fail_on="never", **kwargs))


def run(paths, fmt, output, fail_on, select, ignore, severity, config_file, no_config, waivers,
        baseline, write_baseline, filed, previous, as_of, color, default_fail_on) -> int:
    from checker.baseline import BaselineError, apply_baseline, load_baseline
    from checker.baseline import write_baseline as save_baseline
    from checker.config import ConfigError, find_config, load_config, resolve
    from checker.waivers import WaiverError, load_waivers

    for p in paths:
        if not Path(p).exists():
            _fail(f"{p}: no such file or directory")
    try:
        cfg = None
        if config_file:
            cfg = load_config(Path(config_file))
        elif not no_config:
            found = find_config(Path(paths[0]))
            cfg = load_config(found) if found else None
        settings = resolve(cfg, select=select, ignore=ignore, severity=severity, fail_on=fail_on,
                           waivers=waivers, baseline=baseline, default_fail_on=default_fail_on)
        wset = load_waivers(settings.waivers) if settings.waivers else None
        known = load_baseline(settings.baseline) if settings.baseline else None
    except (ConfigError, WaiverError, BaselineError) as exc:
        _fail(str(exc))

    results = run_checks(list(paths), settings, filed, as_of, _previous(previous))
    ctx = ReportContext(fail_on=settings.fail_on)
    if wset is not None:
        results, ctx.waived = _apply_waivers(results, wset, settings, as_of or dt.date.today())
    if write_baseline:
        try:
            n = save_baseline(write_baseline, results)
        except BaselineError as exc:
            _fail(str(exc))
        click.echo(f"stakecheck: wrote {n} fingerprint(s) to {write_baseline}", err=True)
    if known is not None:
        results, ctx.baselined = apply_baseline(results, known)

    ctx.rules = tuple(r for r in ctx.rule_list() if settings.selected(r.code))
    use_color = (sys.stdout.isatty() and output is None) if color is None else color
    ctx.color = bool(use_color) and fmt == "text"
    _write(render(fmt, results, ctx), output)
    for r in results:
        if r.error:
            click.echo(f"stakecheck: {r.error}", err=True)
    if write_baseline and not any(r.error for r in results):
        return 0  # every current finding is now accepted: adopting a baseline must not fail the job
    return exit_code(results, settings.fail_on)


def _previous(path: str | None):
    """The --previous filing, parsed; unreadable is a usage error (exit 2)."""
    if path is None:
        return None
    from checker.pipeline import load_previous
    from checker.sources import UnreadableInput
    try:
        return load_previous(path)
    except UnreadableInput as exc:
        _fail(f"--previous {exc}")


def run_checks(paths: list[str], settings, filed, as_of, previous=None) -> list[FileResult]:
    """Every filing under ``paths`` through the pipeline (imported here: it loads the engine)."""
    from checker.pipeline import CheckOptions, check_file, expand_paths

    files = expand_paths(paths)
    if not files:
        _fail("no filings found under " + ", ".join(paths))
    options = CheckOptions(select=settings.select, ignore=settings.ignore, severity=settings.severity,
                           filed=filed, as_of=as_of, thresholds=settings.thresholds, previous=previous)
    if len(files) < PROGRESS_FROM or not sys.stderr.isatty():
        return [check_file(p, options) for p in files]
    # A folder of many filings: a progress bar on the terminal (never in a pipe or a CI log).
    from rich.progress import Progress
    results = []
    with Progress(transient=True) as progress:
        task = progress.add_task("checking", total=len(files))
        for p in files:
            results.append(check_file(p, options))
            progress.advance(task)
    return results


def _apply_waivers(results, wset, settings, today):
    """Waived findings out; the waiver file's own findings in (selected, severities applied)."""
    from checker.waivers import apply_waivers, waiver_file_result

    results, waived, own = apply_waivers(results, wset, today, selected=settings.selected)
    own = [f.model_copy(update={"severity": settings.severity.get(f.rule_id, f.severity)})
           for f in own if settings.selected(f.rule_id)]
    extra = waiver_file_result(wset, own)
    return (results + [extra] if extra else results), waived


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
                "rules": [{**r.model_dump(exclude={"when", "message", "subject", "person_field", "line_field",
                                                     "key", "source"}),
                           "condition": r.condition_text()} for r in catalogue]}
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
    click.echo(f"Citation: {rule.citation}\n")
    click.echo(f"## Condition\n{rule.condition_text()}\n")
    click.echo(f"Message: {rule.message}")
    derived = rule.derived_fields()
    if derived:
        click.echo("\n## Derived fields it reads (checker/facts/schema.py)")
        for fact_type, name, spec in derived:
            click.echo(f"- {fact_type}.{name} ({spec.type}): {spec.doc}")


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


from checker.batch import batch  # noqa: E402  (batch helper: the one registration line)
cli.add_command(batch)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        sys.exit(2)
    except click.ClickException as exc:
        # One line: CI logs and pre-commit show the first line; click's messages can wrap.
        click.echo(f"stakecheck: {' '.join(exc.format_message().split())}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
