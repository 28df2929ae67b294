"""stakecheck command line: check, report, rules, explain.

Exit codes (contract): 0 nothing at or above --fail-on; 1 findings at or above it;
2 usage or configuration error, or a file that cannot be read at all.

One run: configuration (file, then command line) -> check every file -> waivers -> baseline
-> one report. Waived and baselined findings leave the exit-code gate but are still counted.
"""
from __future__ import annotations

import datetime as dt
import os
import sys

import click

from checker import __version__
from checker.findings import SEVERITY_RANK, FileResult
from checker.report import AUDIT_FORMATS, FORMATS, STREAMED, ReportContext, open_writer
from checker.runstate import one_line_summary, run_state

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
        click.option("--color/--no-color", default=None,
                     help="Colour in text output (default: NO_COLOR off, FORCE_COLOR on, else when a terminal)."),
        click.option("--rules", multiple=True, type=click.Path(),
                     help="A firm's rule file or folder (YAML, like rules/); repeatable; adds to config `rules`."),
        click.option("--extend-exclude", multiple=True, help="More gitignore-style globs to skip in folders."),
        click.option("--skip-unreadable", is_flag=True,
                     help="Unreadable folders, dangling links and loops are warnings, not exit 2."),
        click.option("--stdin-filename", help="With '-': the name findings and configuration use for stdin."),
        click.option("--timestamp", is_flag=True, help="State the run date in the report (output then differs per run)."),
        click.option("--verbose", "-v", is_flag=True, help="List the files skipped in folders, and why."),
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


def run(*args, **kwargs) -> int:
    from checker.interrupts import Interrupted
    try:
        return _run(*args, **kwargs)
    except KeyboardInterrupt:
        printed = kwargs.get("fmt") in STREAMED and not kwargs.get("output")
        raise Interrupted(printed) from None  # click would turn it into Abort (exit 2)


def _run(paths, fmt, output, fail_on, select, ignore, severity, config_file, no_config, waivers,
         baseline, write_baseline, filed, previous, as_of, color, default_fail_on, rules=(),
         verbose=False, skip_unreadable=False, stdin_filename=None, timestamp=False,
         extend_exclude=()) -> int:
    from checker.baseline import BaselineError
    from checker.config import ConfigError
    from checker.output import report_sink
    from checker.runplan import ConfigResolver, gate_inputs, plan
    from checker.stream import Run, between_files
    from checker.waivers import WaiverError

    for p in paths:
        if p != "-" and not os.path.lexists(p):
            _fail(f"{p}: no such file or directory")
    if list(paths).count("-") > 1:
        _fail("'-' (standard input) can be given once")
    _STDIN_NAME[0] = stdin_filename
    overrides = dict(select=select, ignore=ignore, severity=severity, fail_on=fail_on, waivers=waivers,
                     baseline=baseline, default_fail_on=default_fail_on, rules=rules)
    try:
        configs = ConfigResolver(config_file, no_config, stdin_filename)
        groups, problems = plan(list(paths), configs, overrides, extend_exclude, verbose)
        loaded = [(s, files, *gate_inputs(s)) for s, files in groups]
    except (ConfigError, WaiverError, BaselineError) as exc:
        _fail(str(exc))
    if not groups and not problems:
        _fail("no filings found under " + ", ".join(paths))

    prev = _previous(previous)
    if output:
        from checker.output import remove_stale
        remove_stale(output)  # a stopped run leaves no report, never the previous one
    ctx = _context(fmt, color, output, loaded, default_fail_on, filed, as_of, previous, timestamp)
    try:
        with report_sink(output, streamed=fmt in STREAMED) as write, between_files():
            state = Run(open_writer(fmt, write, ctx), ctx, save_baseline=bool(write_baseline))
            # Output streaming onto a terminal is its own progress: no bar drawn through it.
            _PROGRESS[0] = not (fmt in STREAMED and not output and sys.stdout.isatty())
            for settings, files, wset, known in loaded:
                checks = run_checks([str(f) for f in files], settings, filed, as_of, prev)
                state.group(checks, settings, wset, known, as_of)
            for problem in _problem_results(problems, skip_unreadable):
                state.unchecked(problem)
            if write_baseline:
                _save_baseline(write_baseline, state.to_save, loaded)
            state.close()
    except OSError as exc:  # the pipeline reports unreadable files itself: this is the report's file
        if output:
            _fail(f"cannot write {output}: {exc.strerror}")
        raise
    tally = state.tally
    for _, _, error in tally.errors:
        click.echo(f"stakecheck: {error}", err=True)
    final = 2 if tally.errors else tally.code
    if write_baseline and not tally.errors:
        final = 0  # every current finding is now accepted: adopting a baseline must not fail the job
    if output:
        click.echo(f"stakecheck: {one_line_summary(tally, ctx, final)}; report in {output}", err=True)
    return final


def _context(fmt, color, output, loaded, default_fail_on, filed, as_of, previous, timestamp) -> ReportContext:
    """Everything the reporters need that is known before the first file is checked."""
    from checker.runplan import load_rules
    ctx = ReportContext(fail_on=_strictest(s.fail_on for s, *_ in loaded) if loaded else default_fail_on)
    # The catalogue with every firm rule file of the run, so reporters describe firm rules too.
    catalogue = load_rules(tuple(sorted({x for s, *_ in loaded for x in s.rules}))) if loaded else ()
    selected = {r.code for s, *_ in loaded for r in catalogue if s.selected(r.code)}
    ctx.rules = tuple(r for r in catalogue if r.code in selected)
    ctx.color = fmt == "text" and use_color(color, output)
    ctx.extra["docs_url"] = next((s.docs_url for s, *_ in loaded if s.docs_url), None) \
        or os.environ.get("STAKECHECK_DOCS_URL") or None
    ctx.extra["run"] = run_state(loaded, filed, as_of, previous, timestamp)
    ctx.catalogue_version = ctx.extra["run"]["catalogue_version"]  # with the firm's rule files
    return ctx


def _save_baseline(path, results, loaded) -> None:
    from checker.baseline import BaselineError, write_baseline
    try:
        n = write_baseline(path, results, root=loaded[0][0].root if loaded else None)
    except BaselineError as exc:
        _fail(str(exc))
    click.echo(f"stakecheck: wrote {n} fingerprint(s) to {path}", err=True)


def _strictest(levels) -> str:
    order = ["info", "warning", "error", "never"]
    return min(levels, key=order.index)


def _problem_results(problems, skip_unreadable: bool) -> list[FileResult]:
    """Folders, links and loops that could not be walked: they count against the gate (exit 2)
    unless --skip-unreadable, and are always said on stderr."""
    if skip_unreadable:
        for path, why in problems:
            click.echo(f"stakecheck: warning: {path}: {why} (skipped: --skip-unreadable)", err=True)
        return []
    return [FileResult(path=str(path), error=f"{path}: {why}") for path, why in problems]


def use_color(flag, output) -> bool:
    """--color/--no-color, else NO_COLOR (https://no-color.org), else FORCE_COLOR, else a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return output is None and sys.stdout.isatty()


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


STDIN_LIMIT = 64 * 1024 * 1024


def run_checks(paths: list[str], settings, filed, as_of, previous=None):
    """Every file in ``paths`` through the pipeline, one result at a time as each is checked
    (imported here: it loads the engine)."""
    from checker.pipeline import CheckOptions, check_file

    options = CheckOptions(select=settings.select, ignore=settings.ignore, severity=settings.severity,
                           filed=filed, as_of=as_of, thresholds=settings.thresholds, previous=previous,
                           rules=settings.rules, root=settings.root)

    def one(p: str) -> FileResult:
        return _check_stdin(options) if p == "-" else check_file(p, options)

    if not _PROGRESS[0] or len(paths) < PROGRESS_FROM or not sys.stderr.isatty():
        yield from map(one, paths)
        return
    # A folder of many filings: a progress bar on the terminal's stderr (never in a pipe or a CI
    # log, never on stdout where it would corrupt the report, which it must not capture either).
    from rich.console import Console
    from rich.progress import Progress
    with Progress(console=Console(stderr=True), transient=True, redirect_stdout=False,
                  redirect_stderr=False) as bar:
        task = bar.add_task("checking", total=len(paths))
        for p in paths:
            yield one(p)
            bar.advance(task)


def _check_stdin(options) -> FileResult:
    """Standard input as one filing; locations name --stdin-filename (else '-')."""
    from checker import sources
    from checker.parse import parse_document
    from checker.pipeline import check_filing
    name = _STDIN_NAME[0] or "-"
    data = sys.stdin.buffer.read(STDIN_LIMIT + 1)
    if len(data) > STDIN_LIMIT:
        return FileResult(path=name, error=f"{name}: standard input is over the {STDIN_LIMIT:,}-byte limit")
    try:
        return check_filing(parse_document(sources.load_bytes(data, name)), options)
    except sources.UnreadableInput as exc:
        return FileResult(path=name, error=str(exc))


_STDIN_NAME: list = [None]
_PROGRESS: list = [True]  # False while the report streams onto the terminal


def exit_code(results, fail_on: str) -> int:
    if any(r.error for r in results):
        return 2
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    hit = any(SEVERITY_RANK[f.severity] >= floor for r in results for f in r.findings)
    return 1 if hit else 0


@cli.command("config")
@click.argument("path", default=".", required=False)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file to show.")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option("--select", multiple=True)
@click.option("--ignore", multiple=True)
@click.option("--severity", multiple=True, metavar="CODE=LEVEL")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None)
@click.option("--rules", multiple=True, type=click.Path())
def config_cmd(path, config_file, no_config, select, ignore, severity, fail_on, rules):
    """Print the effective settings for PATH (default: here) and where each came from."""
    from checker.config import ConfigError, resolve
    from checker.runplan import ConfigResolver, validate_codes
    try:
        cfg = ConfigResolver(config_file, no_config).for_path(path)
        s = resolve(cfg, select=select, ignore=ignore, severity=severity, fail_on=fail_on, rules=rules)
        validate_codes(s)
    except ConfigError as exc:
        _fail(str(exc))
    click.echo(f"# settings for {path}; configuration file: {s.config_path or 'none'}; root: {s.root}")
    values = {"select": list(s.select) or "all", "ignore": list(s.ignore), "severity": s.severity,
              "fail-on": s.fail_on, "thresholds": s.thresholds, "waivers": s.waivers, "baseline": s.baseline,
              "rules": list(s.rules), "exclude": list(s.exclude) if s.exclude is not None else "default",
              "extend-exclude": list(s.extend_exclude)}
    for key, value in values.items():
        click.echo(f"{key:<15}= {value!s:<40} # {s.origin.get(key, 'default')}")


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
@click.option("--rules", multiple=True, type=click.Path(), help="A firm's rule file or folder to look in too.")
def explain(code, rules):
    """Print one rule's documentation."""
    from checker.config import ConfigError, nearest
    from checker.runplan import load_rules

    try:
        catalogue = load_rules(tuple(rules))
    except ConfigError as exc:
        _fail(str(exc))
    rule = next((r for r in catalogue if r.code == code.upper() or r.name == code), None)
    if rule is None:
        _fail(f"unknown rule {code!r}{nearest(code.upper(), {r.code for r in catalogue})}; "
              "`stakecheck rules` lists them")
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


def _fail(message: str) -> None:
    click.echo(f"stakecheck: {message}", err=True)
    sys.exit(2)


from checker.batch import batch  # noqa: E402  (batch helper: the one registration line)
cli.add_command(batch)


def main() -> None:
    from checker.interrupts import Interrupted, report_and_exit
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except Interrupted as exc:
        report_and_exit(exc.printed)
    except KeyboardInterrupt:
        report_and_exit()
    except click.exceptions.Abort as exc:
        if isinstance(exc.__context__, KeyboardInterrupt):  # Ctrl-C outside a run
            report_and_exit()
        sys.exit(2)
    except click.ClickException as exc:
        # One line: CI logs and pre-commit show the first line; click's messages can wrap.
        click.echo(f"stakecheck: {' '.join(exc.format_message().split())}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
