"""A pool of worker processes with a per-file time limit and crash isolation.

Each worker has its own pipe, so the parent always knows which file a worker is on: a worker
that exceeds the limit is killed, one that dies is noticed through its sentinel; either way the
file gets an engine-error record, a fresh worker takes its place and the batch goes on.
A worker that dies is given the file once more in a fresh process (a kill from outside is not
the file's fault); a second death is recorded. Chunks are small and sized by bytes, so workers
balance by work, not by file count.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections import deque
from multiprocessing.connection import wait

CHUNK_BYTES = 200_000
CHUNK_FILES = 8


def _worker_main(conn, options) -> None:
    from checker.batch.work import check_path, warm_up
    warm_up()
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if chunk is None:
            return
        for path in chunk:
            try:
                conn.send(check_path(path, options))
            except (BrokenPipeError, OSError):
                return


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
    def __init__(self, ctx, options):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, options), daemon=True)
        self.proc.start()
        child.close()
        self.pending: deque = deque()
        self.since = time.monotonic()

    def give(self, chunk: list[str]) -> None:
        self.pending = deque(chunk)
        self.since = time.monotonic()
        self.conn.send(list(chunk))

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.conn.close()


def run_pool(paths: list[str], options, workers: int, timeout: float | None):
    """Yield one record per path (in completion order)."""
    from checker.batch.work import failed_record
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["checker.pipeline", "checker.batch.work"])
    queue = chunks(paths)
    retried: set[str] = set()
    slots = [_Slot(ctx, options) for _ in range(max(1, min(workers, len(queue))))]
    try:
        for s in slots:
            if queue:
                s.give(queue.popleft())
        while any(s.pending for s in slots):
            busy = [s for s in slots if s.pending]
            ready = wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], timeout=_tick(busy, timeout))
            for i, s in enumerate(slots):
                if not s.pending:
                    continue
                failure = None
                if s.conn in ready:
                    try:
                        rec = s.conn.recv()
                    except (EOFError, OSError):
                        rec = None
                    if rec is not None:
                        s.pending.popleft()
                        s.since = time.monotonic()
                        yield rec
                        if not s.pending and queue:
                            s.give(queue.popleft())
                        continue
                if s.proc.sentinel in ready or not s.proc.is_alive():
                    failure = "died"
                elif timeout and time.monotonic() - s.since > timeout:
                    failure = "timeout"
                if failure is None:
                    continue
                path, rest = s.pending[0], list(s.pending)[1:]
                s.kill()
                if failure == "timeout":
                    yield failed_record(path, "timeout", f"engine error: timed out after {timeout:g} s")
                elif path in retried:
                    yield failed_record(path, "crash", "engine error: the worker died while checking this file")
                else:
                    retried.add(path)
                    rest = [path] + rest
                if rest:
                    queue.appendleft(rest)
                slots[i] = _Slot(ctx, options)
                if queue:
                    slots[i].give(queue.popleft())
    finally:
        for s in slots:
            try:
                s.conn.send(None)
            except OSError:
                pass
        for s in slots:
            s.proc.join(timeout=1)
            if s.proc.is_alive():
                s.proc.kill()


def _tick(busy, timeout):
    if not timeout:
        return None
    now = time.monotonic()
    return max(0.01, min(timeout - (now - s.since) for s in busy))
