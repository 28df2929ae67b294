"""The view model shared by the Markdown and HTML audit reports.

An audit report answers: what was checked (file, sha256, tool and rule catalogue version),
what the filing says (holdings per reporting person, and a chart against the 5/10/20 % lines),
and what is wrong with it (findings with the filing's own words, the line and the rule's
source), including what was waived and by whom. Both templates render this same dict, so
the two formats cannot drift apart.
"""
from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from checker.findings import SEVERITY_RANK, FileResult
from checker.report import chart
from checker.report.common import rules_for, totals, waived_by_path
from checker.report.spool import ObjectSpool
from checker.report.tally import tally_of

TEMPLATES = Path(__file__).resolve().parent / "templates"
EVIDENCE_CHARS = 600  # an excerpt, not the filing: long evidence is cut with an ellipsis


def amount(v) -> str:
    return "—" if v is None else f"{v:,}"


def percent(v) -> str:
    return "—" if v is None else f"{v:.2f}".rstrip("0").rstrip(".") + " %"


def excerpt(text: str | None) -> str | None:
    if not text:
        return None
    text = text.strip()
    return text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 1].rstrip() + "…"


def environment(autoescape: bool) -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=autoescape,
                      undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(amount=amount, percent=percent)
    return env


def build(results: list[FileResult], ctx) -> dict:
    """The whole view model of a list of results (the files' views built as they are read)."""
    waived = waived_by_path(ctx)
    files = [(r, waived.get(r.path, [])) for r in results]
    used = {f.rule_id for r, ws in files for f in list(r.findings) + [w.finding for w in ws]}
    return model(Files(files, ctx), tally_of(results), used, ctx)


def model(files, tally, used_codes: set, ctx) -> dict:
    """``files``: the per-file views in order (a Files sequence); the rest from the run's tally."""
    # `stakecheck report` does not gate its exit code (--fail-on never), but an auditor still wants
    # to know whether `stakecheck check` would pass: judge at its default level then.
    gate_level = ctx.fail_on if ctx.fail_on in SEVERITY_RANK else "error"
    rules = [r for r in rules_for(tally, ctx) if r.code in used_codes]
    return {"tool_version": ctx.tool_version, "catalogue_version": ctx.catalogue(),
            "rule_count": len(ctx.rule_list()), "fail_on": gate_level, "gated": ctx.fail_on != "never",
            "totals": totals(tally, ctx),
            "gate_fails": tally.max_rank >= SEVERITY_RANK[gate_level], "unreadable": len(tally.errors),
            "files": files, "rules": rules, "run": run_rows(ctx.extra.get("run") or {})}


class Files:
    """The files' views, built one at a time as a template reads them: ``items`` is a sequence
    of (result, waived) that can be read more than once (a list, or an ObjectSpool)."""

    def __init__(self, items, ctx, finish=lambda view: view):
        self.items, self.ctx, self.finish = items, ctx, finish

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        for r, waived in self.items:
            yield self.finish(_file(r, self.ctx, waived))

    def __getitem__(self, i: int) -> dict:
        i = i + len(self) if i < 0 else i
        for n, view in enumerate(self):
            if n == i:
                return view
        raise IndexError(i)


class Writer:
    """Results spooled to disk as each file is checked; the template rendered at the end with the
    files' views built one at a time, its output written piece by piece (``stream_out``)."""

    template = ""
    autoescape = False

    def __init__(self, write, ctx):
        self.write, self.ctx = write, ctx
        self.spool = ObjectSpool()
        self.used: set[str] = set()

    def file(self, r: FileResult, waived) -> None:
        self.spool.add((r, list(waived)))
        self.used.update(f.rule_id for f in r.findings)
        self.used.update(w.finding.rule_id for w in waived)

    def close(self, tally) -> None:
        env = self.environment()
        view = model(Files(self.spool, self.ctx, self.finish), tally, self.used, self.ctx)
        self.stream_out(env.get_template(self.template).generate(view, lines=LINES))

    def environment(self):
        return environment(self.autoescape)

    def finish(self, view: dict) -> dict:
        return view

    def stream_out(self, chunks, collapse: bool = False) -> None:
        """The rendered text without trailing blank lines, ending in one LF; with ``collapse``, runs
        of blank lines as one (Jinja's whitespace control leaves them between optional blocks)."""
        pending = ""
        for chunk in chunks:
            text = "".join((pending, chunk))  # plain str: Markup + str would escape the str
            body = text.rstrip("\n")
            pending = text[len(body):]  # a run of LFs may go on in the next chunk: hold it back
            if body:
                self.write(re.sub(r"\n{3,}", "\n\n", body) if collapse else body)
        self.write("\n")


def run_rows(run: dict) -> list[tuple[str, str]]:
    """What this run was, so a report never hides what was switched off (checker.runstate.run_state)."""
    def listed(key, empty):
        return ", ".join(str(v) for v in run.get(key) or ()) or empty

    severity = ", ".join(f"{k} = {v}" for k, v in (run.get("severity") or {}).items()) or "none"
    thresholds = ", ".join(f"{k} = {v:g} %" for k, v in (run.get("thresholds") or {}).items()) or "none"
    rows = [("Configuration file", listed("config_files", "none")),
            ("Rules selected", listed("select", "all")), ("Rules ignored", listed("ignore", "none")),
            ("Severity overrides", severity), ("House thresholds", thresholds),
            ("Firm rule files", listed("rules", "none")), ("Waiver file", listed("waivers", "none")),
            ("Baseline", listed("baseline", "none")),
            ("Filing date (--filed)", run.get("filed") or "not given"),
            ("Today (--as-of)", run.get("as_of") or "not given (the run date)"),
            ("Previous filing (--previous)", run.get("previous") or "not given")]
    if run.get("run_at"):
        rows.append(("Run at", run["run_at"]))
    return rows


def _file(r: FileResult, ctx, waived: list) -> dict:
    findings = [_finding(f) for f in r.findings]
    persons = r.reporting_persons
    counts = {sev: r.count(sev) for sev in ("error", "warning", "info")}
    return {
        "path": ctx.relpath(r.path), "sha256": r.sha256, "format": r.format, "error": r.error,
        "form_type": r.form_type, "amendment_no": r.amendment_no, "issuer": r.issuer,
        "cusip": r.cusip, "event_date": r.event_date, "persons": persons,
        "chart_svg": chart.svg(persons) if persons else None,
        "chart_text": chart.text_chart(persons) if persons else None,
        "findings": findings, "counts": counts, "by_rule": _by_rule(r.findings),
        "waived": [dict(_finding(w.finding), waiver=w.waiver) for w in waived],
    }


def _by_rule(findings) -> list[dict]:
    """One row per rule, most severe first: the overview an auditor reads before the details."""
    rows: dict[str, dict] = {}
    for f in findings:
        row = rows.setdefault(f.rule_id, {"rule_id": f.rule_id, "rule": f.rule, "severity": f.severity,
                                          "count": 0, "lines": []})
        row["count"] += 1
        if SEVERITY_RANK[f.severity] > SEVERITY_RANK[row["severity"]]:
            row["severity"] = f.severity  # a per-rule override can differ between findings
        if f.line is not None and f.line not in row["lines"]:
            row["lines"].append(f.line)
    return sorted(rows.values(), key=lambda r: (-SEVERITY_RANK[r["severity"]], r["rule_id"]))


def _finding(f) -> dict:
    return {"severity": f.severity, "rule_id": f.rule_id, "rule": f.rule, "category": f.category,
            "person": f.person, "line": f.line, "message": f.message, "evidence": excerpt(f.evidence),
            "citation": f.citation, "fingerprint": f.fingerprint}


LINES = chart.LINES
