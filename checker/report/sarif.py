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
from checker.report.common import SARIF_LEVEL, render_all, rules_for
from checker.report.spool import JsonList, TextSpool, mark, split_document

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "stakecheck/v1"


def render(results: list[FileResult], ctx) -> str:
    return render_all(Writer, results, ctx)


def document(results: list[FileResult], ctx) -> dict:
    return json.loads(render(results, ctx))


class Writer:
    """Artifacts and results are spooled as each file is checked; the rule list (which a finding
    outside the catalogue extends, moving every ruleIndex) and the notes come first in the log,
    so the document is written at the end, one artifact and one result at a time."""

    def __init__(self, write, ctx):
        self.write, self.ctx = write, ctx
        self.artifacts, self.results = TextSpool(), TextSpool()
        self.n = 0

    def file(self, r: FileResult, waived) -> None:
        uri, base = _uri(self.ctx.relpath(r.path))
        art = {"location": _artifact_location(uri, base)}
        if r.sha256:
            art["hashes"] = {"sha-256": r.sha256}
        self.artifacts.write(json.dumps(art) + "\n")  # ASCII: one object a line
        art_index, self.n = self.n, self.n + 1
        if r.error:
            return
        items = [(f, None) for f in r.findings] + [(w.finding, w.waiver) for w in waived]
        for f, waiver in sorted(items, key=lambda it: it[0].sort_key()):
            self.results.write(json.dumps(_result(f, waiver, {}, uri, base, art_index)) + "\n")

    def close(self, tally) -> None:
        ctx = self.ctx
        rules = rules_for(tally, ctx)
        index = {r.code: i for i, r in enumerate(rules)}
        notes = []
        for art_index, path, why in tally.errors:
            uri, base = _uri(ctx.relpath(path))
            notes.append({"level": "error", "message": {"text": f"cannot read {path}: {why}"},
                          "locations": [{"physicalLocation": {
                              "artifactLocation": _artifact_location(uri, base, art_index)}}]})
        driver = {"name": "stakecheck", "version": ctx.tool_version, "semanticVersion": ctx.tool_version,
                  "rules": [_descriptor(rule, ctx.extra.get("docs_url")) for rule in rules],
                  "properties": {"catalogueVersion": ctx.catalogue()}}
        invocation = {"executionSuccessful": not notes}
        if notes:
            invocation["toolExecutionNotifications"] = notes
        run = {"tool": {"driver": driver}, "invocations": [invocation], "artifacts": mark(),
               "columnKind": "unicodeCodePoints", "results": mark()}
        if ctx.baselined:
            run["properties"] = {"baselined": ctx.baselined}
        head, middle, tail = split_document({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]},
                                            ensure_ascii=False)
        self.write(head)
        self._list(self.artifacts, lambda obj: obj)
        self.write(middle)
        self._list(self.results, lambda obj: {**obj, "ruleIndex": index[obj["ruleId"]]})
        self.write(tail + "\n")

    def _list(self, spool, finish) -> None:
        out = JsonList(self.write, 3, ensure_ascii=False)
        for line in spool.lines():
            out.item(finish(json.loads(line)))
        out.end()


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
    # ruleIndex: None while the run goes on; the writer sets it once the rule list is known.
    res = {"ruleId": f.rule_id, "ruleIndex": index.get(f.rule_id), "level": SARIF_LEVEL[f.severity],
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
