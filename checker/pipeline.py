"""One file through the whole pipeline: sources -> parse -> facts -> engine -> FileResult."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from checker import sources
from checker.discovery import FILING_SUFFIXES, expand_paths  # noqa: F401  (moved; kept importable)
from checker.engine import get_engine
from checker.facts import FactContext, build_facts
from checker.facts.common import preferred_spelling_first
from checker.facts.holdings import pct_text
from checker.findings import FileResult, Finding, PersonSummary, fingerprint_path
from checker.model import Filing
from checker.parse import parse_document



@dataclass
class CheckOptions:
    select: tuple[str, ...] = ()  # rule codes or prefixes; empty = all
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # per-rule severity override
    filed: dt.date | None = None  # filing date for deadline rules on drafts
    as_of: dt.date | None = None  # "today" for deadline rules
    thresholds: dict[str, float] = field(default_factory=dict)  # house lines, e.g. early_warning
    previous: Filing | None = None  # the reporting persons' last filing, for the 1 % line
    rules: tuple[str, ...] = ()  # firm rule files or folders (--rules, config `rules`)
    root: str | None = None  # project root: fingerprints hold the path relative to it


def load_previous(path: str | Path) -> Filing:
    """The previous filing, parsed like any other (raises sources.UnreadableInput)."""
    return parse_document(sources.load(path))


def rule_selected(code: str, options: CheckOptions) -> bool:
    if options.select and not any(code.startswith(s.upper()) for s in options.select):
        return False
    return not any(code.startswith(s.upper()) for s in options.ignore)


def check_file(path: str | Path, options: CheckOptions | None = None) -> FileResult:
    options = options or CheckOptions()
    try:
        doc = sources.load(path)
    except sources.UnreadableInput as exc:
        return FileResult(path=str(path), error=str(exc))
    try:
        filing = parse_document(doc)
        return check_filing(filing, options)
    except RecursionError:
        return FileResult(path=str(path), error=f"{path}: too deeply nested to read")
    except Exception as exc:  # a bug of ours: one line for this file, and the batch goes on
        return FileResult(path=str(path), error=f"{path}: internal error ({type(exc).__name__}: {exc}); "
                                                "please report it with this file")


def check_filing(filing: Filing, options: CheckOptions) -> FileResult:
    facts = build_facts(filing, FactContext(filed=options.filed, as_of=options.as_of,
                                            thresholds=options.thresholds, previous=options.previous))
    engine = get_engine(tuple(options.rules))
    findings = engine.run(facts, path_name=fingerprint_path(filing.path, options.root))
    findings = [_with_severity(f, options) for f in findings if rule_selected(f.rule_id, options)]
    return FileResult(
        path=filing.path, sha256=filing.sha256, format=filing.format,
        form_type=filing.form_type or filing.header_form_type, amendment_no=filing.amendment_no,
        issuer=filing.issuer.value if filing.issuer else None,
        cusip=filing.cusip.value if filing.cusip else None,
        event_date=filing.event_date.value.isoformat() if filing.event_date else None,
        filed_date=filing.filing_date.value.isoformat() if filing.filing_date else None,
        reporting_persons=summarise_persons(filing),
        findings=sorted(findings, key=Finding.sort_key),
    )


def _with_severity(finding: Finding, options: CheckOptions) -> Finding:
    override = options.severity.get(finding.rule_id)
    return finding.model_copy(update={"severity": override}) if override else finding


def summarise_persons(filing: Filing) -> list[PersonSummary]:
    """Every reporting person: one per cover page (one per name on a page several persons share),
    then the persons the joint filing agreement or a statement signature names who have none.

    The EDGAR header's group members are not listed here: old filing agents listed affiliates
    there that file no cover page. They are still checked against the cover pages (COV001).
    """
    from checker.names import same_person

    def shares(a):
        if a is None:
            return None
        return a.shares if isinstance(a.shares, int) else float(a.shares)

    out = []
    for page in filing.cover_pages:
        if page.name is None:
            continue  # a nameless fragment is reported as a parse finding, not a person
        for name in page.joint_names or [page.name.value]:
            out.append(PersonSummary(
                name=name, aggregate=shares(page.aggregate),
                percent=float(page.percent.value) if page.percent else None,
                percent_text=pct_text(page.percent) if page.percent else None,
                sole_voting=shares(page.sole_voting), shared_voting=shares(page.shared_voting),
                sole_dispositive=shares(page.sole_dispositive),
                shared_dispositive=shares(page.shared_dispositive), line=page.line))
    for ref in preferred_spelling_first(filing.named_persons):
        if ref.source == "header-group":
            continue
        parts = [n for page in filing.cover_pages for n in page.name_parts]
        if not any(same_person(ref.name, p.name) for p in out) and not any(same_person(ref.name, n) for n in parts):
            out.append(PersonSummary(name=ref.name, cover_page=False, line=ref.line))
    return out
