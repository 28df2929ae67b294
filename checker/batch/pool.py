"""A pool of worker processes with a per-file time limit and crash isolation.

Each worker (checker/batch/child.py) has its own socket, so the parent always knows which file
a worker is on: a worker that exceeds the limit is killed, one that dies is noticed when its
socket closes; either way the file gets an engine-error record, a fresh worker takes its place
and the batch goes on. A worker that dies is given the file once more in a fresh process (a kill
from outside is not the file's fault); a second death is recorded. Chunks are small and sized by
bytes, so workers balance by work, not by file count. The same Pool runs inside each Dask worker,
so a cluster run has the same time limit and isolation as a local one.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections import deque
from multiprocessing.connection import Connection, wait

CHUNK_BYTES = 200_000
CHUNK_FILES = 8

def chunks(paths: list[str]) -> deque:
    """Consecutive files grouped up to CHUNK_BYTES or CHUNK_FILES, whichever comes first."""
    out, cur, size = deque(), [], 0
    for p in paths:
        try:
            n = os.path.getsize(p)
        except OSError:
            n = 0
        if cur and (size + n > CHUNK_BYTES or len(cur) >= CHUNK_FILES):
            out.append(cur)
            cur, size = [], 0
        cur.append(p)
        size += n
    if cur:
        out.append(cur)
    return out


class _Slot:
    """One worker process and the parent's end of its socket."""

    def __init__(self, options):
        mine, theirs = socket.socketpair()
        self.proc = subprocess.Popen([sys.executable, "-m", "checker.batch.child", str(theirs.fileno())],
                                     pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        theirs.close()
        self.conn = Connection(mine.detach())
        self.conn.send(options)
        self.pending: deque = deque()
        self.since = time.monotonic()

    def give(self, chunk: list[str]) -> None:
        self.pending = deque(chunk)
        self.since = time.monotonic()
        self.conn.send(list(chunk))

    def receive(self):
        """The next record, or None when the worker has died."""
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            return None

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass

    def reap(self) -> None:
        try:
            self.proc.wait(timeout=1)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.conn.close()


class Pool:
    """Worker processes that outlive one run: `run` yields one record per path, in completion order."""

    def __init__(self, options, workers: int, timeout: float | None):
        self.options, self.workers, self.timeout = options, max(1, workers), timeout
        self.slots: list[_Slot] = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def run(self, paths: list[str]):
        from checker.batch.work import failed_record
        queue = chunks(paths)
        while len(self.slots) < min(self.workers, len(queue)):
            self.slots.append(_Slot(self.options))
        retried: set[str] = set()
        for s in self.slots:
            if queue:
                s.give(queue.popleft())
        while any(s.pending for s in self.slots):
            busy = [s for s in self.slots if s.pending]
            ready = wait([s.conn for s in busy], timeout=_tick(busy, self.timeout))
            for i, s in enumerate(self.slots):
                if not s.pending:
                    continue
                rec = s.receive() if s.conn in ready else None
                if rec is not None:
                    s.pending.popleft()
                    s.since = time.monotonic()
                    yield rec
                    if not s.pending and queue:
                        s.give(queue.popleft())
                    continue
                if s.conn in ready or s.proc.poll() is not None:
                    failure = "died"
                elif self.timeout and time.monotonic() - s.since > self.timeout:
                    failure = "timeout"
                else:
                    continue
                path, rest = s.pending[0], list(s.pending)[1:]
                s.kill()
                if failure == "timeout":
                    yield failed_record(path, "timeout", f"engine error: timed out after {self.timeout:g} s")
                elif path in retried:
                    yield failed_record(path, "crash", "engine error: the worker died while checking this file")
                else:
                    retried.add(path)
                    rest = [path] + rest
                if rest:
                    queue.appendleft(rest)
                self.slots[i] = _Slot(self.options)
                if queue:
                    self.slots[i].give(queue.popleft())

    def close(self) -> None:
        for s in self.slots:
            s.stop()
        for s in self.slots:
            s.reap()
        self.slots = []


def run_pool(paths: list[str], options, workers: int, timeout: float | None):
    """Yield one record per path (in completion order) from a pool that lives for this run."""
    with Pool(options, workers, timeout) as pool:
        yield from pool.run(paths)


def _tick(busy, timeout):
    if not timeout:
        return None
    now = time.monotonic()
    return max(0.01, min(timeout - (now - s.since) for s in busy))
