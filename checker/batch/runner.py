"""One batch: what is already done, the pool for the rest, the store and the JSON Lines file.

The JSON Lines file holds committed rows only and is in input order: at start it is rewritten
from the store (so a run killed between a commit and a write leaves no trace), then each file's
line is appended once it is committed and every file before it is. A killed and restarted batch
therefore ends with exactly the store and JSONL of one uninterrupted run.
"""
from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from dataclasses import dataclass, field

FLUSH_EVERY = 64      # records per store transaction
FLUSH_SECONDS = 1.0   # ... or this long, whichever first


def sha256_of(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return ""


@dataclass
class Summary:
    files: int = 0
    checked: int = 0
    skipped: int = 0
    seconds: float = 0.0
    by_severity: Counter = field(default_factory=Counter)
    by_category: Counter = field(default_factory=Counter)
    unreadable: list[str] = field(default_factory=list)
    timed_out: list[str] = field(default_factory=list)
    crashed: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def add(self, line: str, status: str, path: str) -> None:
        obj = json.loads(line)
        for f in obj.get("findings", []):
            self.by_severity[f["severity"]] += 1
            self.by_category[f["category"]] += 1
        {"unreadable": self.unreadable, "timeout": self.timed_out,
         "crash": self.crashed}.get(status, []).append(path)


class _Jsonl:
    """Lines in input order, each written once the file's row is committed."""

    def __init__(self, path: str | None, order: list[str]):
        self.fh = open(path, "w", encoding="utf-8") if path else None
        self.order, self.next, self.ready = order, 0, {}

    def committed(self, path: str, line: str) -> None:
        self.ready[path] = line
        while self.next < len(self.order) and self.order[self.next] in self.ready:
            line = self.ready.pop(self.order[self.next])
            if self.fh:
                self.fh.write(line + "\n")
            self.next += 1
        if self.fh:
            self.fh.flush()

    def close(self) -> None:
        if self.fh:
            self.fh.close()


# Stored statuses that --retry-failed checks again: the file itself may be fine (a loaded machine,
# a worker killed from outside); an unreadable file stays unreadable until its bytes change.
RETRYABLE = frozenset({"timeout", "crash"})


def run_batch(paths: list[str], options, store_path: str, jsonl_path: str | None, workers: int,
              timeout: float | None, progress=None, runner=None, retry_failed: bool = False) -> Summary:
    from checker.batch.pool import run_pool
    from checker.batch.store import Store
    from checker import __version__
    from checker.rulebook import catalogue_version

    # A result is reused only from the same stakecheck release and the same rule files: a new
    # parser can read a filing differently even where no rule changed.
    catalogue = f"{__version__}/{catalogue_version()}"
    store = Store(store_path)
    out = _Jsonl(jsonl_path, paths)
    summary = Summary(files=len(paths))
    start = time.monotonic()
    todo, shas = [], {}
    try:
        for p in paths:
            shas[p] = sha256_of(p)
            stored = store.done(p, shas[p], catalogue, RETRYABLE if retry_failed else frozenset())
            if stored is None:
                todo.append(p)
            else:
                line, status = stored
                summary.skipped += 1
                summary.add(line, status, p)  # a resumed run sums up like one uninterrupted run
                out.committed(p, line)
        if progress:
            progress(summary.skipped, summary)
        pending, last = [], time.monotonic()
        results = (runner or run_pool)(todo, options, workers, timeout)
        for rec in results:
            rec["sha256"] = shas.get(rec["path"], "")
            pending.append(rec)
            summary.checked += 1
            summary.add(rec["line"], rec["status"], rec["path"])
            if len(pending) >= FLUSH_EVERY or time.monotonic() - last > FLUSH_SECONDS:
                _flush(store, out, pending, catalogue)
                pending, last = [], time.monotonic()
            if progress:
                progress(summary.skipped + summary.checked, summary)
        _flush(store, out, pending, catalogue)
    finally:
        out.close()
        store.close()
        summary.seconds = time.monotonic() - start
    return summary


def _flush(store, out, records, catalogue) -> None:
    if not records:
        return
    store.write(records, catalogue)
    for rec in records:
        out.committed(rec["path"], rec["line"])
