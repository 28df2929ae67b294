"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run. ``tool.driver.rules`` is the whole catalogue (sorted by code) so a viewer can show
a rule's docs even for rules that found nothing; each result points at its rule by id and
index. Waived findings are results with an external, accepted suppression carrying the
justification: code scanning then shows them as dismissed instead of losing them.
Paths are relative to the checkout (``%SRCROOT%``) so the log is the same on every machine.
"""
from __future__ import annotations

import json
from urllib.parse import quote

from checker.findings import FileResult, Finding
from checker.report.common import SARIF_LEVEL, referenced_rules

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "stakecheck/v1"


def render(results: list[FileResult], ctx) -> str:
    return json.dumps(document(results, ctx), indent=2, ensure_ascii=False) + "\n"


def document(results: list[FileResult], ctx) -> dict:
    rules = referenced_rules(results, ctx)
    index = {r.code: i for i, r in enumerate(rules)}
    artifacts, out, notes = [], [], []
    waived: dict[str, list] = {}
    for w in ctx.waived:
        waived.setdefault(w.path, []).append(w)
    for r in results:
        uri, base = _uri(ctx.relpath(r.path))
        art = {"location": _artifact_location(uri, base)}
        if r.sha256:
            art["hashes"] = {"sha-256": r.sha256}
        art_index = len(artifacts)
        artifacts.append(art)
        if r.error:
            notes.append({"level": "error", "message": {"text": f"cannot read {r.path}: {r.error}"},
                          "locations": [{"physicalLocation": {
                              "artifactLocation": _artifact_location(uri, base, art_index)}}]})
            continue
        items = [(f, None) for f in r.findings] + [(w.finding, w.waiver) for w in waived.get(r.path, [])]
        for f, waiver in sorted(items, key=lambda it: it[0].sort_key()):
            out.append(_result(f, waiver, index, uri, base, art_index))
    driver = {"name": "stakecheck", "version": ctx.tool_version, "semanticVersion": ctx.tool_version,
              "rules": [_descriptor(rule, ctx.extra.get("docs_url")) for rule in rules],
              "properties": {"catalogueVersion": ctx.catalogue()}}
    invocation = {"executionSuccessful": not notes}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    run = {"tool": {"driver": driver}, "invocations": [invocation], "artifacts": artifacts,
           "columnKind": "unicodeCodePoints", "results": out}
    if ctx.baselined:
        run["properties"] = {"baselined": ctx.baselined}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _uri(rel: str) -> tuple[str, str | None]:
    if rel.startswith("/"):
        return "file://" + quote(rel, safe="/"), None
    return quote(rel, safe="/"), "%SRCROOT%"


def _artifact_location(uri: str, base: str | None, index: int | None = None) -> dict:
    loc = {"uri": uri}
    if base:
        loc["uriBaseId"] = base
    if index is not None:
        loc["index"] = index
    return loc


def help_uri(base: str, code: str) -> str:
    """The rule's page under the configured docs base URL (docs/rules/CODE.md in this repository)."""
    return base.rstrip("/") + "/" + quote(code) + ".md"


def _descriptor(rule, docs_url: str | None = None) -> dict:
    docs = rule.docs
    parts = [("What it checks", docs.what), ("Why it matters", docs.why),
             ("Example", docs.example), ("Reference", docs.reference)]
    parts = [(t, b.strip()) for t, b in parts if b and b.strip()]
    text = "\n\n".join(f"{t}: {b}" for t, b in parts) + f"\n\nCitation: {rule.citation}"
    markdown = "\n\n".join(f"**{t}**\n\n{b}" for t, b in parts) + f"\n\n**Citation:** {rule.citation}"
    out = {"id": rule.code, "name": rule.name,
           "shortDescription": {"text": rule.summary},
           "fullDescription": {"text": (docs.what or rule.summary).strip()},
           "help": {"text": text.strip(), "markdown": markdown.strip()},
           "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
           "properties": {"category": rule.category, "tags": ["stakecheck", rule.category],
                          "citation": rule.citation}}
    if docs_url:  # only a configured base: a made-up default URL would send users nowhere
        out["helpUri"] = help_uri(docs_url, rule.code)
    return out


def _result(f: Finding, waiver, index: dict, uri: str, base: str | None, art_index: int) -> dict:
    physical = {"artifactLocation": _artifact_location(uri, base, art_index)}
    if f.line is not None and f.line >= 1:
        physical["region"] = {"startLine": f.line}
    location = {"physicalLocation": physical}
    if f.person:
        location["logicalLocations"] = [{"name": f.person, "kind": "member",
                                         "fullyQualifiedName": f"{uri}::{f.person}"}]
    res = {"ruleId": f.rule_id, "ruleIndex": index[f.rule_id], "level": SARIF_LEVEL[f.severity],
           "message": {"text": f.message + (f" ({f.person})" if f.person else "")},
           "locations": [location],
           "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint}}
    props = {"category": f.category, "citation": f.citation}
    if f.evidence:
        props["evidence"] = f.evidence
    if f.person:
        props["person"] = f.person
    res["properties"] = props
    if waiver is not None:
        res["suppressions"] = [{"kind": "external", "status": "accepted",
                                "justification": f"{waiver.justification} (approved by {waiver.approved_by}, "
                                                 f"expires {waiver.expires.isoformat()})"}]
    return res
