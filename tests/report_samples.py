"""Synthetic results for the reporter and CLI tests: no parser or engine involved, and every
awkward character a filing can throw at a reporter (markup, commas, colons, %, newlines)."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from checker.findings import FileResult, Finding, PersonSummary, fingerprint
from checker.report import ReportContext
from checker.rulebook import Rule, RuleDocs

SEED_NAME = "sc13da-sample.txt"


def rule(code: str, name: str, category: str, severity: str) -> Rule:
    return Rule(code=code, name=name, category=category, severity=severity,
                summary=f"{name.replace('-', ' ')} summary.", citation=f"17 CFR 240.13d-101, {code}",
                docs=RuleDocs(what=f"What {code} checks.", why="Why it matters.",
                              example="An example.", reference="Rule 13d-3."),
                when={"m": {"t": "never"}}, message="x")


RULES = (
    rule("COV001", "missing-cover-page", "cover-pages", "error"),
    rule("DEF001", "default-notice-found", "default-triggers", "info"),
    rule("SUM001", "aggregate-components-mismatch", "sums", "error"),
    rule("THR001", "percent-inconsistent", "thresholds", "warning"),
    rule("THR002", "exactly-five-percent", "thresholds", "info"),
)


def finding(code: str, severity: str, line: int | None, person: str | None, message: str,
            evidence: str | None = None, path_name: str = SEED_NAME) -> Finding:
    r = next((x for x in RULES if x.code == code), None)
    return Finding(rule_id=code, rule=r.name if r else code.lower(), category=r.category if r else "parse",
                   severity=severity, message=message, person=person, line=line, evidence=evidence,
                   citation=r.citation if r else "", fingerprint=fingerprint(code, path_name, person, message))


PERSONS = [
    PersonSummary(name="Wynnefield Partners Small Cap Value LP", aggregate=1019531, percent=2.28,
                  sole_voting=1019531, shared_voting=0, sole_dispositive=1019531, shared_dispositive=0, line=62),
    PersonSummary(name="Wynnefield Capital, Inc. <Profit Sharing & Money Purchase Plan>", aggregate=3480000,
                  percent=7.5, sole_voting=3480000, shared_voting=None, sole_dispositive=3480000,
                  shared_dispositive=None, line=140),
    PersonSummary(name="Nelson Obus", aggregate=None, percent=None, line=300),
    PersonSummary(name="Channel Partnership II, L.P.", aggregate=9999999, percent=21.4,
                  sole_voting=0, shared_voting=9999999, sole_dispositive=0, shared_dispositive=9999999, line=410),
]


def sample_result(path: str = f"filings/{SEED_NAME}") -> FileResult:
    name = Path(path).name
    findings = [
        finding("SUM001", "error", 233, PERSONS[0].name,
                "stated components 275,355 + 433,266 + 310,910 = 1,019,531 but row 11 says 1,019,532",
                evidence="1,019,532 shares of common stock, consisting of (i) 275,355 <shares> & `code`",
                path_name=name),
        finding("THR001", "warning", 140, PERSONS[1].name,
                "percent 7.5% is inconsistent: 100%, or 50,25 : odd\nsecond line", path_name=name),
        finding("DEF001", "info", None, None, "notice of default dated 2008-09-15 | ten Business Days",
                evidence="| table | cell |\n```\nfence", path_name=name),
        finding("COV001", "error", 12, "Nelson Obus", "Nelson Obus signs but has no cover page", path_name=name),
    ]
    return FileResult(path=path, sha256="ab" * 32, format="text", form_type="SC 13D/A", amendment_no=2,
                      issuer="Liquidmetal Technologies, Inc.", cusip="53634X100", event_date="2008-09-30",
                      reporting_persons=PERSONS, findings=sorted(findings, key=Finding.sort_key))


def clean_result(path: str = "filings/clean.txt") -> FileResult:
    return FileResult(path=path, sha256="cd" * 32, form_type="SC 13G", issuer="Acme Corp",
                      cusip="000360206", event_date="2024-01-02",
                      reporting_persons=[PersonSummary(name="Acme Holder LLC", aggregate=100, percent=5.0, line=20)])


def context(**kw) -> ReportContext:
    kw.setdefault("rules", RULES)
    kw.setdefault("catalogue_version", "test-catalog")
    kw.setdefault("tool_version", "0.1.0")
    kw.setdefault("root", "/nonexistent-root")
    return ReportContext(**kw)


def waived_entry(result: FileResult, code: str):
    from checker.waivers import WaivedFinding, Waiver
    f = next(x for x in result.findings if x.rule_id == code)
    w = Waiver(rule=code, path="filings/*.txt", justification="Counsel accepted, memo 2024-17.",
               approved_by="J. Smith, GC", expires=dt.date(2099, 1, 1), line=1)
    return WaivedFinding(path=result.path, finding=f, waiver=w)


# --- driving the console entry in-process -----------------------------------------------

def invoke(monkeypatch, capsys, *args) -> tuple[int, str, str]:
    """Run ``stakecheck ARGS`` through checker.cli.main; return (exit code, stdout, stderr)."""
    from checker import cli
    monkeypatch.setattr(sys, "argv", ["stakecheck", *map(str, args)])
    try:
        cli.main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    out = capsys.readouterr()
    return code, out.out, out.err


def fake_pipeline(monkeypatch, by_name: dict[str, FileResult]) -> list:
    """Replace the parser+engine with canned results per file name, keeping what the real
    pipeline does to them (select/ignore by code or prefix, per-rule severity). Returns the
    list of settings each run received."""
    from checker import cli
    calls: list = []

    def run_checks(paths, settings, filed, as_of, previous=None):
        calls.append(settings)
        files = []
        for p in map(Path, paths):
            files.extend(sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p])
        out = []
        for f in files:
            base = by_name[f.name]
            kept = [x.model_copy(update={"severity": settings.severity.get(x.rule_id, x.severity)})
                    for x in base.findings if settings.selected(x.rule_id)]
            out.append(base.model_copy(update={"path": str(f), "findings": kept}))
        return out

    monkeypatch.setattr(cli, "run_checks", run_checks)
    return calls
