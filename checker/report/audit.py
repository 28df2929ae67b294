"""The view model shared by the Markdown and HTML audit reports.

An audit report answers: what was checked (file, sha256, tool and rule catalogue version),
what the filing says (holdings per reporting person, and a chart against the 5/10/20 % lines),
and what is wrong with it (findings with the filing's own words, the line and the rule's
source), including what was waived and by whom. Both templates render this same dict, so
the two formats cannot drift apart.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from checker.findings import SEVERITY_RANK, FileResult
from checker.report import chart
from checker.report.common import referenced_rules, totals, waived_by_path

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
    waived = waived_by_path(ctx)
    # `stakecheck report` does not gate its exit code (--fail-on never), but an auditor still wants
    # to know whether `stakecheck check` would pass: judge at its default level then.
    gate_level = ctx.fail_on if ctx.fail_on in SEVERITY_RANK else "error"
    floor = SEVERITY_RANK[gate_level]
    used_codes = set()
    files = []
    for r in results:
        view = _file(r, ctx, waived.get(r.path, []))
        used_codes.update(f["rule_id"] for f in view["findings"] + view["waived"])
        files.append(view)
    gate = any(SEVERITY_RANK[f.severity] >= floor for r in results for f in r.findings)
    rules = [r for r in referenced_rules(results, ctx) if r.code in used_codes]
    return {"tool_version": ctx.tool_version, "catalogue_version": ctx.catalogue(),
            "rule_count": len(ctx.rule_list()), "fail_on": gate_level, "gated": ctx.fail_on != "never",
            "totals": totals(results, ctx),
            "gate_fails": gate, "unreadable": sum(1 for r in results if r.error),
            "files": files, "rules": rules, "run": run_rows(ctx.extra.get("run") or {})}


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
