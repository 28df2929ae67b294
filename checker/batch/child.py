"""A worker process: `python -m checker.batch.child FD`, talking to its parent over one socket.

Started with subprocess rather than multiprocessing so that any process can own workers,
a Dask worker included (Dask runs its workers as daemons, and a daemonic multiprocessing
process may not have children). The first message is the check options; then chunks of
paths arrive and one record per path goes back, until None or the parent goes away.
"""
from __future__ import annotations

import ctypes
import signal
import socket
import sys
from multiprocessing.connection import Connection


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker when its parent dies (even by SIGKILL),
    so that a worker stuck in a file never outlives the batch."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def serve(conn: Connection) -> None:
    from checker.batch.work import check_path, warm_up
    try:
        options = conn.recv()
    except (EOFError, OSError):
        return
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


def main() -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    sock = socket.socket(fileno=int(sys.argv[1]))
    serve(Connection(sock.detach()))


if __name__ == "__main__":
    main()
