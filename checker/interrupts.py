"""Ctrl-C: stop cleanly with exit code 130 and one line on stderr.

click turns a KeyboardInterrupt into ``Abort`` (exit code 2, the code for a configuration
error, after a blank line). The run's body converts it into ``Interrupted`` instead, which
click passes through untouched to ``checker.cli.main``.
"""
from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for a stopped command


class Interrupted(Exception):
    """The user stopped the run (Ctrl-C / SIGINT). ``printed``: a streamed format was going to
    stdout, so the files checked before the stop are already there."""

    def __init__(self, printed: bool = False):
        super().__init__()
        self.printed = printed


def report_and_exit(printed: bool = False) -> None:
    what = "the output above ends with the last file checked" if printed else "no report written"
    sys.stderr.write(f"stakecheck: interrupted; {what}\n")
    sys.stderr.flush()
    sys.exit(EXIT_INTERRUPTED)
