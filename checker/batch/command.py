"""`stakecheck batch`: check many filings with a pool of workers into a resumable store."""
from __future__ import annotations

import os
import sys

import click


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: CPU count].")
@click.option("--store", "store_path", type=click.Path(dir_okay=False), default="stakecheck-batch.sqlite",
              show_default=True, help="SQLite results store (resumes from it).")
@click.option("--jsonl", "jsonl_path", type=click.Path(dir_okay=False), default=None,
              help="Also write one JSON line per file here (the file/error lines of check --format jsonl).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds a single file may take before its worker is replaced.")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Run on this Dask scheduler (workers must see the same paths).")
@click.option("--dask", "dask_mode", type=click.Choice(["local"]), default=None,
              help="Run on a Dask LocalCluster of --workers processes.")
@click.option("--retry-failed", is_flag=True,
              help="Check again the files the store holds as timed out or crashed (by default a rerun keeps them).")
def batch(paths, workers, store_path, jsonl_path, timeout, scheduler, dask_mode, retry_failed):
    """Check every filing under PATHS with worker processes; results stream to a store."""
    from checker.batch.runner import run_batch
    from checker.pipeline import CheckOptions, expand_paths

    files = list(dict.fromkeys(str(p) for p in expand_paths(list(paths))))
    if not files:
        click.echo("stakecheck: no filings found under " + ", ".join(paths), err=True)
        sys.exit(2)
    workers = workers or os.cpu_count() or 1
    runner = None
    if scheduler or dask_mode:
        from checker.batch.dask_runner import dask_runner
        runner = dask_runner(scheduler, local_workers=workers)
    with _progress(len(files)) as progress:
        try:
            summary = run_batch(files, CheckOptions(), store_path, jsonl_path, workers, timeout, progress,
                                runner=runner, retry_failed=retry_failed)
        except KeyboardInterrupt:
            click.echo("stakecheck: interrupted; committed results are kept, run again to resume", err=True)
            sys.exit(130)
    click.echo(render_summary(summary))
    sys.exit(2 if summary.unreadable or summary.timed_out or summary.crashed else 0)


class _progress:
    """A rich bar on a terminal's stderr (files/s, ETA, errors so far); nothing in a pipe."""

    def __init__(self, total: int):
        self.total, self.bar = total, None

    def __enter__(self):
        if not sys.stderr.isatty():
            return None
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeRemainingColumn)
        self.bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]} files/s"),
                            TimeRemainingColumn(), TextColumn("errors {task.fields[errors]}"),
                            console=Console(stderr=True), transient=True)
        self.bar.start()
        self.task = self.bar.add_task("checking", total=self.total, errors=0, rate="-")
        return self.update

    def update(self, done, summary):
        errors = len(summary.unreadable) + len(summary.timed_out) + len(summary.crashed)
        rate = f"{summary.checked / summary.elapsed():.0f}" if summary.elapsed() > 0 else "-"
        self.bar.update(self.task, completed=done, errors=errors, rate=rate)

    def __exit__(self, *exc):
        if self.bar:
            self.bar.stop()
        return False


def render_summary(s) -> str:
    rate = s.checked / s.seconds if s.seconds else 0.0
    lines = [f"files: {s.files} ({s.checked} checked, {s.skipped} already in the store)",
             f"time: {s.seconds:.1f} s, {rate:.1f} files/s",
             "findings by severity: " + (", ".join(f"{k} {s.by_severity[k]}" for k in
                                                   ("error", "warning", "info") if s.by_severity[k]) or "none"),
             "findings by category: " + (", ".join(f"{k} {v}" for k, v in sorted(s.by_category.items())) or "none"),
             f"unreadable files: {len(s.unreadable)}",
             f"timed-out files: {len(s.timed_out)}",
             f"files whose worker died: {len(s.crashed)}"]
    for label, items in (("unreadable", s.unreadable), ("timed out", s.timed_out), ("worker died", s.crashed)):
        lines += [f"  {label}: {p}" for p in items]
    return "\n".join(lines)
