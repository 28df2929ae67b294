"""The same work on a Dask distributed cluster: chunks go to Dask workers, records come back
to the client, which writes the store and JSONL exactly as with the local pool.

Each Dask worker process checks its chunks through a one-process Pool of its own (kept for the
life of that Dask worker), so a file that hangs or crashes the C engine is timed out or recorded
there exactly as in a local batch, and the Dask worker itself never dies of a filing.
"""
from __future__ import annotations

import atexit
import pickle
import threading

_pools: dict[bytes, object] = {}
_lock = threading.Lock()


def _pool_for(options, timeout):
    """This process's pool for these options (one worker: Dask already runs one task per core)."""
    from checker.batch.pool import Pool
    key = pickle.dumps((options, timeout))
    with _lock:
        if key not in _pools:
            if not _pools:
                atexit.register(_close_pools)
            _pools[key] = Pool(options, 1, timeout)
        return _pools[key]


def _close_pools() -> None:
    for pool in _pools.values():
        pool.close()
    _pools.clear()


def _check_chunk(paths: list[str], options, timeout) -> list[dict]:
    pool = _pool_for(options, timeout)
    with _lock:  # one worker process: tasks on a threaded Dask worker take turns
        return list(pool.run(paths))


def dask_runner(address: str | None, local_workers: int = 1, processes: bool = True, cluster=None):
    """A runner for run_batch: `address` of a scheduler, or None for a LocalCluster."""

    def run(paths, options, workers, timeout):
        from dask.distributed import Client, LocalCluster, as_completed

        from checker.batch.pool import chunks
        own = None
        if cluster is None and address is None:
            own = LocalCluster(n_workers=local_workers or workers, threads_per_worker=1,
                               processes=processes, dashboard_address=None)
        client = Client(address or cluster or own)
        try:
            futures = [client.submit(_check_chunk, c, options, timeout, pure=False) for c in chunks(paths)]
            for fut in as_completed(futures):
                yield from fut.result()
        finally:
            client.close()
            if own is not None:
                own.close()
    return run
