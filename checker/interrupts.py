"""Ctrl-C: stop cleanly with exit code 130 and one line on stderr.

click turns a KeyboardInterrupt into ``Abort`` (exit code 2, the code for a configuration
error, after a blank line). The run's body converts it into ``Interrupted`` instead, which
click passes through untouched to ``checker.cli.main``.
"""
from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for a stopped command


class Interrupted(Exception):
    """The user stopped the run (Ctrl-C / SIGINT)."""


def report_and_exit() -> None:
    sys.stderr.write("stakecheck: interrupted; no report written\n")
    sys.stderr.flush()
    sys.exit(EXIT_INTERRUPTED)
