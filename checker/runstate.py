"""What a run was, for the people reading its output: the one-line summary on stderr and the
run record (tool and catalogue version, configuration, selection, overrides, waivers, baseline,
dates) that audit reports always show and the JSON shows for a configured run."""
from __future__ import annotations

import datetime as dt

from checker import __version__
from checker.findings import fingerprint_path


def one_line_summary(tally, ctx, code: int) -> str:
    """``tally``: the run's checker.report.tally.Tally (a list of results is counted first)."""
    if not hasattr(tally, "counts"):
        from checker.report.tally import tally_of
        tally = tally_of(tally)
    n = tally.counts
    unread = len(tally.errors)
    parts = [f"{tally.files - unread} file(s) checked", f"{n['error']} error(s)", f"{n['warning']} warning(s)",
             f"{n['info']} info"]
    if unread:
        parts.append(f"{unread} not readable")
    if ctx.waived:
        parts.append(f"{len(ctx.waived)} waived")
    if ctx.baselined:
        parts.append(f"{ctx.baselined} in baseline")
    return ", ".join(parts) + f"; exit {code} (fail-on {ctx.fail_on})"


def run_state(loaded, filed, as_of, previous, timestamp) -> dict:
    """What this run was: the audit report always shows it, the JSON when the run was configured
    (so an unconfigured run's JSON stays byte-identical). The run date only with --timestamp."""
    from checker.rulebook import catalogue_version
    settings = [s for s, *_ in loaded]

    def rel(path: str) -> str:  # paths as seen from the working directory: the same on every checkout
        return fingerprint_path(path, None)

    state = {
        "tool_version": __version__,
        "catalogue_version": catalogue_version(tuple(sorted({r for s in settings for r in s.rules}))),
        "config_files": sorted({rel(s.config_path) for s in settings if s.config_path}),
        "select": sorted({c for s in settings for c in s.select}),
        "ignore": sorted({c for s in settings for c in s.ignore}),
        "severity": dict(sorted({k: v for s in settings for k, v in s.severity.items()}.items())),
        "fail_on": sorted({s.fail_on for s in settings}),
        "thresholds": dict(sorted({k: v for s in settings for k, v in s.thresholds.items()}.items())),
        "rules": sorted({rel(r) for s in settings for r in s.rules}),
        "waivers": sorted({rel(s.waivers) for s in settings if s.waivers}),
        "baseline": sorted({rel(s.baseline) for s in settings if s.baseline}),
        "filed": filed.isoformat() if filed else None, "as_of": as_of.isoformat() if as_of else None,
        "previous": previous,
    }
    configured = any(state[k] for k in ("config_files", "select", "ignore", "severity", "thresholds", "rules",
                                        "waivers", "baseline", "filed", "as_of", "previous")) or timestamp
    if timestamp:
        state["run_at"] = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    state["in_json"] = bool(configured)
    return state
