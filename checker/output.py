"""Writing reports so that a stopped run never leaves a truncated or stale one.

``--output`` is written to a temporary file in the same folder (same file system, so the
rename is atomic) and renamed over the target only once complete. The previous run's report
at that path is removed when a new run starts checking (``remove_stale``): a run that is
stopped or fails leaves no report rather than an old one that reads as new.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def remove_stale(path: str | Path) -> None:
    """Remove a previous report at ``path`` (a regular file only; anything else is left)."""
    p = Path(path)
    if p.is_file() and not p.is_symlink():
        p.unlink()


def atomic_write(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8, LF) to ``path`` via a temporary file and a rename (raises OSError)."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".",
                               prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:  # also KeyboardInterrupt: never leave the partial file behind
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
