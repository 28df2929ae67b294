"""Small helpers the reporters share: the rules a report refers to, totals, SARIF levels."""
from __future__ import annotations

import io
from types import SimpleNamespace

from checker.findings import FileResult
from checker.report.tally import Tally, tally_of

SEVERITIES = ("error", "warning", "info")
# SARIF and GitHub have no "info"; "note" / "notice" is their name for it.
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def referenced_rules(results: list[FileResult], ctx) -> list:
    """The catalogue, plus a stand-in for any code a finding uses that the catalogue lacks.

    A finding can come from outside the catalogue (a waiver finding before its rule file
    lands, a firm's extra rules folder); the report must still describe it rather than fail.
    """
    return rules_for(tally_of(results), ctx)


def rules_for(tally, ctx) -> list:
    """referenced_rules from a run's tally (its first finding of each rule) and ctx.waived."""
    rules = {r.code: r for r in ctx.rule_list()}
    seen = dict(tally.first)
    for w in ctx.waived:
        seen.setdefault(w.finding.rule_id, w.finding)
    for code in sorted(seen):
        f = seen[code]
        if code not in rules:
            docs = SimpleNamespace(what=f.rule.replace("-", " "), why="", example="", reference="")
            rules[code] = SimpleNamespace(code=code, name=f.rule, category=f.category,
                                          severity=f.severity, summary=f.rule.replace("-", " "),
                                          citation=f.citation, docs=docs)
    return [rules[k] for k in sorted(rules)]


def totals(results, ctx) -> dict:
    """Counts over every result; ``results`` is a list or a run's Tally."""
    t = results if isinstance(results, Tally) else tally_of(results)
    out = {"files": t.files}
    for sev in SEVERITIES:
        out[sev] = t.counts[sev]
    out["waived"] = len(ctx.waived)
    out["baselined"] = ctx.baselined
    return out


def waived_by_path(ctx) -> dict[str, list]:
    out: dict[str, list] = {}
    for w in ctx.waived:
        out.setdefault(w.path, []).append(w)
    return out


def render_all(writer_class, results, ctx) -> str:
    """A whole list of results through a streaming writer, as one string (the reporters' render)."""
    buf = io.StringIO()
    writer = writer_class(buf.write, ctx)
    waived = waived_by_path(ctx)
    for r in results:
        writer.file(r, waived.get(r.path, []))
    writer.close(tally_of(results))
    return buf.getvalue()
