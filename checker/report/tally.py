"""What a run keeps of its files once each is reported: counts, the unreadable files, the gate,
and the first finding of each rule (for reports that describe rules outside the catalogue).

A streamed run (issue 10 §6) holds this, never the FileResult objects: its size depends on the
number of rules and unreadable files, not on the number of files checked.
"""
from __future__ import annotations

from checker.findings import SEVERITY_RANK

SEVERITIES = ("error", "warning", "info")


class Tally:
    def __init__(self) -> None:
        self.files = 0  # every result, readable or not
        self.errors: list[tuple[int, str, str]] = []  # (position in the run, path, reason)
        self.counts = dict.fromkeys(SEVERITIES, 0)  # over every result (text, GitHub, audit)
        self.checked_counts = dict.fromkeys(SEVERITIES, 0)  # over readable ones (JSON)
        self.first: dict = {}  # rule_id -> the run's first Finding of that rule
        self.max_rank = 0  # the most severe finding's SEVERITY_RANK (0: none)
        self.code = 0  # exit code so far: 0, 1 (a finding at or above a file's --fail-on) or 2

    @property
    def checked(self) -> int:
        return self.files - len(self.errors)

    def add(self, result, fail_on: str | None = None) -> None:
        """Count one result; ``fail_on`` is its settings' gate (None: it does not gate)."""
        if result.error:
            self.errors.append((self.files, result.path, result.error))
            self.code = 2
        self.files += 1
        floor = SEVERITY_RANK.get(fail_on or "never", 99)
        for f in result.findings:
            self.counts[f.severity] += 1
            if not result.error:
                self.checked_counts[f.severity] += 1
            self.first.setdefault(f.rule_id, f)
            rank = SEVERITY_RANK[f.severity]
            self.max_rank = max(self.max_rank, rank)
            if rank >= floor:
                self.code = max(self.code, 1)


def tally_of(results) -> Tally:
    """The tally of a list of results (reporters called with the whole list, as in tests)."""
    t = Tally()
    for r in results:
        t.add(r)
    return t
