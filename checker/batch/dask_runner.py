"""The same work on a Dask distributed cluster: chunks go to Dask workers, records come back
to the client, which writes the store and JSONL exactly as with the local pool.

Limits: no per-file --timeout here (Dask has no safe way to kill a task mid-run); a worker
that dies is retried by Dask itself on another worker.
"""
from __future__ import annotations


def _check_chunk(paths: list[str], options) -> list[dict]:
    from checker.batch.work import check_path, warm_up
    warm_up()
    return [check_path(p, options) for p in paths]


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
            futures = [client.submit(_check_chunk, c, options, pure=False) for c in chunks(paths)]
            for fut in as_completed(futures):
                yield from fut.result()
        finally:
            client.close()
            if own is not None:
                own.close()
    return run
