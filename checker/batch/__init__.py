"""Batch checking: a worker pool, a resumable SQLite store, JSON Lines output."""
from checker.batch.command import batch

__all__ = ["batch"]
