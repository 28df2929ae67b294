"""Small helpers the reporters share: the rules a report refers to, totals, SARIF levels."""
from __future__ import annotations

from types import SimpleNamespace

from checker.findings import FileResult

SEVERITIES = ("error", "warning", "info")
# SARIF and GitHub have no "info"; "note" / "notice" is their name for it.
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def referenced_rules(results: list[FileResult], ctx) -> list:
    """The catalogue, plus a stand-in for any code a finding uses that the catalogue lacks.

    A finding can come from outside the catalogue (a waiver finding before its rule file
    lands, a firm's extra rules folder); the report must still describe it rather than fail.
    """
    rules = {r.code: r for r in ctx.rule_list()}
    findings = [f for r in results for f in r.findings] + [w.finding for w in ctx.waived]
    for f in sorted(findings, key=lambda f: f.rule_id):
        if f.rule_id not in rules:
            docs = SimpleNamespace(what=f.rule.replace("-", " "), why="", example="", reference="")
            rules[f.rule_id] = SimpleNamespace(code=f.rule_id, name=f.rule, category=f.category,
                                               severity=f.severity, summary=f.rule.replace("-", " "),
                                               citation=f.citation, docs=docs)
    return [rules[k] for k in sorted(rules)]


def totals(results: list[FileResult], ctx) -> dict:
    out = {"files": len(results)}
    for sev in SEVERITIES:
        out[sev] = sum(r.count(sev) for r in results)
    out["waived"] = len(ctx.waived)
    out["baselined"] = ctx.baselined
    return out


def waived_by_path(ctx) -> dict[str, list]:
    out: dict[str, list] = {}
    for w in ctx.waived:
        out.setdefault(w.path, []).append(w)
    return out
