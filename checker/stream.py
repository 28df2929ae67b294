"""One `check` run, one file at a time (issue 10 §6).

Each file's result goes through waivers, the baseline and the gate as soon as it is checked,
is handed to the reporter, and is dropped: the run keeps a compact tally (checker.report.tally),
the waived findings, and, with --write-baseline, one small record per finding. Memory stays flat
with the number of files.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import signal
import threading
from collections import namedtuple

from checker.baseline import apply_baseline
from checker.report.tally import Tally

# What --write-baseline needs of a finding (checker.baseline.document reads these attributes).
_Saved = namedtuple("_Saved", "path findings")
_SavedFinding = namedtuple("_SavedFinding", "fingerprint rule_id message")


class Run:
    """The state of a run while its files are checked."""

    def __init__(self, writer, ctx, save_baseline: bool = False):
        self.writer, self.ctx = writer, ctx
        self.tally = Tally()
        self.to_save: list[_Saved] | None = [] if save_baseline else None

    def group(self, results, settings, wset, known, as_of) -> None:
        """One configuration's files: ``results`` is an iterable that checks them one by one."""
        wpass = None
        if wset is not None:
            from checker.waivers import WaiverPass
            wpass = WaiverPass(wset, as_of or dt.date.today(), selected=settings.selected)
        for result in results:
            _STOP.raise_if_asked()
            waived = []
            if wpass is not None:
                result, waived = wpass.apply(result)
            self._emit(result, waived, settings, known)
        if wpass is not None:
            extra = _waiver_file_result(wpass, settings)
            if extra is not None:
                self._emit(extra, [], settings, known)

    def unchecked(self, result) -> None:
        """A folder, link or loop that could not be walked: counts against the gate (exit 2)."""
        self.tally.add(result)
        self.writer.file(result, [])

    def _emit(self, result, waived, settings, known) -> None:
        self.ctx.waived.extend(waived)
        if self.to_save is not None and result.findings:  # after waivers, before the baseline
            self.to_save.append(_Saved(result.path, tuple(
                _SavedFinding(f.fingerprint, f.rule_id, f.message) for f in result.findings)))
        if known is not None:
            (result,), dropped = apply_baseline([result], known)
            self.ctx.baselined += dropped
        self.tally.add(result, settings.fail_on)
        self.writer.file(result, waived)

    def close(self) -> None:
        self.writer.close(self.tally)


def _waiver_file_result(wpass, settings):
    """The waiver file's own findings (selected, severities applied) as a checked input."""
    from checker.waivers import waiver_file_result
    own = [f.model_copy(update={"severity": settings.severity.get(f.rule_id, f.severity)})
           for f in wpass.housekeeping() if settings.selected(f.rule_id)]
    return waiver_file_result(wpass.wset, own)


class _Stop:
    """Ctrl-C during a check stops the run between two files. Raised in the middle of the C engine,
    a KeyboardInterrupt can come back as a rule error, and the run would go on and exit 2; so the
    first SIGINT is noted and raised before the next file, a second one at once (a hung file)."""

    def __init__(self):
        self.asked = False

    def _handler(self, signum, frame):
        if self.asked:
            raise KeyboardInterrupt
        self.asked = True

    def raise_if_asked(self) -> None:
        if self.asked:
            self.asked = False
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def between_files(self):
        if threading.current_thread() is not threading.main_thread():
            yield  # signals reach the main thread only; nothing to defer
            return
        self.asked = False
        old = signal.signal(signal.SIGINT, self._handler)
        try:
            yield
            self.raise_if_asked()  # asked during the last file or while writing the end
        finally:
            signal.signal(signal.SIGINT, old if old is not None else signal.SIG_DFL)


_STOP = _Stop()
between_files = _STOP.between_files
