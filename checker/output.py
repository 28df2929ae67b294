"""Writing reports so that a stopped run never leaves a truncated or stale one.

``--output`` is written to a temporary file in the same folder (same file system, so the
rename is atomic) and renamed over the target only once complete. The previous run's report
at that path is removed when a new run starts checking (``remove_stale``): a run that is
stopped or fails leaves no report rather than an old one that reads as new.

A run writes its report while it checks (issue 10 §6): ``report_sink`` gives the function the
reporter writes through. To --output that is the temporary file; to stdout, a format written
as each file finishes goes straight out (flushed), any other is spooled to an anonymous
temporary file and copied out once complete, so stdout never holds half a document.
"""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path


def remove_stale(path: str | Path) -> None:
    """Remove a previous report at ``path`` (a regular file only; anything else is left)."""
    p = Path(path)
    if p.is_file() and not p.is_symlink():
        p.unlink()


@contextlib.contextmanager
def atomic_file(path: str | Path):
    """A text file (UTF-8, LF) that becomes ``path`` by a rename when the block ends normally and
    is removed when it does not (raises OSError when it cannot be created or written)."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".",
                               prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:  # also KeyboardInterrupt: never leave the partial file behind
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8, LF) to ``path`` via a temporary file and a rename (raises OSError)."""
    with atomic_file(path) as fh:
        fh.write(text)


def _echo(text: str) -> None:
    import click
    click.echo(text, nl=False)  # flushes: the reader sees each file as it is done


@contextlib.contextmanager
def report_sink(output: str | None, streamed: bool):
    """The ``write(text)`` function a report goes through (see the module's docstring)."""
    if output:
        with atomic_file(output) as fh:
            if not streamed:
                yield fh.write
                return

            def write(text: str) -> None:  # each file's part reaches the temporary file at once
                fh.write(text)
                fh.flush()
            yield write
    elif streamed:
        yield _echo
    else:
        with tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass", newline="\n") as fh:
            yield fh.write
            fh.seek(0)
            while chunk := fh.read(1 << 20):
                _echo(chunk)
            sys.stdout.flush()
