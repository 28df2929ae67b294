"""The JSON, SARIF and JUnit reporters as they were before check streamed (commit cfdb91f): one
document built from the whole list of results, then dumped. The streamed writers must give these
bytes; this copy is the oracle (tests/test_streaming.py), so it does not change with them."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from types import SimpleNamespace

from checker.findings import SEVERITY_RANK
from checker.report import junit, sarif


def referenced_rules(results, ctx) -> list:
    rules = {r.code: r for r in ctx.rule_list()}
    findings = [f for r in results for f in r.findings] + [w.finding for w in ctx.waived]
    for f in sorted(findings, key=lambda f: f.rule_id):
        if f.rule_id not in rules:
            docs = SimpleNamespace(what=f.rule.replace("-", " "), why="", example="", reference="")
            rules[f.rule_id] = SimpleNamespace(code=f.rule_id, name=f.rule, category=f.category,
                                               severity=f.severity, summary=f.rule.replace("-", " "),
                                               citation=f.citation, docs=docs)
    return [rules[k] for k in sorted(rules)]


def waived_by_path(ctx) -> dict:
    out: dict = {}
    for w in ctx.waived:
        out.setdefault(w.path, []).append(w)
    return out


def json_render(results, ctx) -> str:
    checked = [r for r in results if r.error is None]
    errors = [{"path": r.path, "reason": r.error} for r in results if r.error is not None]
    summary = {"files": len(checked), "errors": len(errors)}
    for sev in ("error", "warning", "info"):
        summary[sev] = sum(r.count(sev) for r in checked)
    summary["waived"] = len(ctx.waived)
    summary["baselined"] = ctx.baselined
    doc = {"schema": "stakecheck/v1", "tool": {"name": "stakecheck", "version": ctx.tool_version},
           "files": [r.contract() for r in checked], "errors": errors, "summary": summary,
           "waived": [w.to_json() for w in ctx.waived]}
    run = ctx.extra.get("run") or {}
    if run.get("in_json"):
        doc["run"] = {k: v for k, v in run.items() if k != "in_json"}
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def sarif_render(results, ctx) -> str:
    rules = referenced_rules(results, ctx)
    index = {r.code: i for i, r in enumerate(rules)}
    artifacts, out, notes = [], [], []
    waived = waived_by_path(ctx)
    for r in results:
        uri, base = sarif._uri(ctx.relpath(r.path))
        art = {"location": sarif._artifact_location(uri, base)}
        if r.sha256:
            art["hashes"] = {"sha-256": r.sha256}
        art_index = len(artifacts)
        artifacts.append(art)
        if r.error:
            notes.append({"level": "error", "message": {"text": f"cannot read {r.path}: {r.error}"},
                          "locations": [{"physicalLocation": {
                              "artifactLocation": sarif._artifact_location(uri, base, art_index)}}]})
            continue
        items = [(f, None) for f in r.findings] + [(w.finding, w.waiver) for w in waived.get(r.path, [])]
        for f, waiver in sorted(items, key=lambda it: it[0].sort_key()):
            out.append(sarif._result(f, waiver, index, uri, base, art_index))
    driver = {"name": "stakecheck", "version": ctx.tool_version, "semanticVersion": ctx.tool_version,
              "rules": [sarif._descriptor(rule, ctx.extra.get("docs_url")) for rule in rules],
              "properties": {"catalogueVersion": ctx.catalogue()}}
    invocation = {"executionSuccessful": not notes}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    run = {"tool": {"driver": driver}, "invocations": [invocation], "artifacts": artifacts,
           "columnKind": "unicodeCodePoints", "results": out}
    if ctx.baselined:
        run["properties"] = {"baselined": ctx.baselined}
    doc = {"$schema": sarif.SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def junit_render(results, ctx) -> str:
    floor = SEVERITY_RANK.get(ctx.fail_on, 99)
    waived = waived_by_path(ctx)
    root = ET.Element("testsuites", name="stakecheck")
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for r in results:
        suite = junit._suite(r, ctx, floor, waived.get(r.path, []))
        root.append(suite)
        for k in totals:
            totals[k] += int(suite.get(k))
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


LEGACY = {"json": json_render, "sarif": sarif_render, "junit": junit_render}
