"""JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure, CircleCI).

One <testsuite> per file. In it, one <testcase> per finding and one passing <testcase> per
rule that ran and found nothing, so the dashboard shows what was checked, not only what
failed. A finding at or above --fail-on is a <failure> (so the XML fails exactly when the exit
code does); one below it passes with its text in <system-out>; a waived one is <skipped>.
A file that could not be read is an <error>.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.findings import SEVERITY_RANK, FileResult, Finding
from checker.report.common import render_all
from checker.report.spool import TextSpool

# XML 1.0 cannot carry these at all, not even escaped; a filing's bytes can contain them.
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Waiver rules are about the waiver file, not about filings: no per-filing "passed" case.
_NOT_PER_FILING = ("WAV",)


def _clean(text) -> str:
    return _BAD_XML.sub("?", str(text))


def render(results: list[FileResult], ctx) -> str:
    return render_all(Writer, results, ctx)


class Writer:
    """Each file's <testsuite> is serialised as it is checked and spooled; the root element's
    totals come first in the XML, so the document is written at the end."""

    def __init__(self, write, ctx):
        self.write, self.ctx = write, ctx
        self.floor = SEVERITY_RANK.get(ctx.fail_on, 99)  # "never": nothing fails
        self.totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
        self.suites = TextSpool()
        self.n = 0

    def file(self, r: FileResult, waived) -> None:
        suite = _suite(r, self.ctx, self.floor, waived)
        for k in self.totals:
            self.totals[k] += int(suite.get(k))
        ET.indent(suite, level=1)  # as ET.indent of the whole tree would
        self.suites.write("\n  " + ET.tostring(suite, encoding="unicode"))
        self.n += 1

    def close(self, tally) -> None:
        root = ET.Element("testsuites", name="stakecheck")
        for k, v in self.totals.items():
            root.set(k, str(v))
        empty = ET.tostring(root, encoding="unicode")  # <testsuites ... />
        self.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not self.n:
            self.write(empty + "\n")
            return
        self.write(empty[: -len(" />")] + ">")
        self.suites.copy_to(self.write)
        self.write("\n</testsuites>\n")


def _suite(r: FileResult, ctx, floor: int, waived: list) -> ET.Element:
    path = ctx.relpath(r.path)
    suite = ET.Element("testsuite", name=_clean(path))
    props = ET.SubElement(suite, "properties")
    for key in ("sha256", "format", "form_type", "issuer", "cusip", "event_date"):
        value = getattr(r, key)
        if value:
            ET.SubElement(props, "property", name=key, value=_clean(value))
    counts = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    if r.error:
        case = ET.SubElement(suite, "testcase", classname="stakecheck.read", name="read the file", file=path)
        ET.SubElement(case, "error", type="unreadable", message=_clean(r.error)).text = _clean(r.error)
        counts.update(tests=1, errors=1)
    else:
        seen = set()
        for f in r.findings:
            seen.add(f.rule_id)
            case = _case(suite, f, path)
            counts["tests"] += 1
            if SEVERITY_RANK[f.severity] >= floor:
                ET.SubElement(case, "failure", type=f.rule_id,
                              message=_clean(f"{f.severity}: {f.message}")).text = _details(f)
                counts["failures"] += 1
            else:
                ET.SubElement(case, "system-out").text = _details(f)
        for w in waived:
            seen.add(w.finding.rule_id)
            case = _case(suite, w.finding, path)
            ET.SubElement(case, "skipped", message=_clean(
                f"waived by {w.waiver.approved_by} until {w.waiver.expires.isoformat()}: "
                f"{w.waiver.justification}"))
            counts["tests"] += 1
            counts["skipped"] += 1
        for rule in ctx.rule_list():
            if rule.code not in seen and not rule.code.startswith(_NOT_PER_FILING):
                ET.SubElement(suite, "testcase", classname=f"stakecheck.{rule.category}",
                              name=f"{rule.code} {rule.name}", file=path)
                counts["tests"] += 1
    for k, v in counts.items():
        suite.set(k, str(v))
    return suite


def _case(suite: ET.Element, f: Finding, path: str) -> ET.Element:
    name = f"{f.rule_id} {f.rule}" + (f" [{f.person}]" if f.person else "") \
        + (f" line {f.line}" if f.line is not None else "")
    attrs = {"classname": f"stakecheck.{f.category}", "name": _clean(name), "file": path}
    if f.line is not None:
        attrs["line"] = str(f.line)
    return ET.SubElement(suite, "testcase", attrs)


def _details(f: Finding) -> str:
    lines = [f"{f.severity} {f.rule_id} {f.rule}: {f.message}"]
    if f.person:
        lines.append(f"person: {f.person}")
    if f.line is not None:
        lines.append(f"line: {f.line}")
    if f.evidence:
        lines.append(f"evidence: {f.evidence}")
    if f.citation:
        lines.append(f"citation: {f.citation}")
    lines.append(f"fingerprint: {f.fingerprint}")
    return _clean("\n".join(lines))
