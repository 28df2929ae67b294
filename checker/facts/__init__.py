"""A Filing flattened into neutral engine facts: what the filing says, and what follows from it
by arithmetic. Every fact type and field is declared in ``checker/facts/schema.py``.

Each fact is a dict with a type ``t`` and, where it concerns one reporting person, ``person``;
``line`` and ``evidence`` locate it in the user's file; ``key`` (optional) makes the finding's
fingerprint independent of line numbers. The decisions are the catalogue's conditions (rules/).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from checker.facts import cover, defaults, document, eligibility, holdings, proceedings, restated, rights_fit, statement
from checker.model import Filing


@dataclass
class FactContext:
    filed: dt.date | None = None
    as_of: dt.date | None = None
    thresholds: dict[str, float] = field(default_factory=dict)
    previous: Filing | None = None  # the last filing of the same persons (--previous)


def build_facts(filing: Filing, ctx: FactContext) -> list[dict]:
    facts: list[dict] = []
    facts += parse_issue_facts(filing)
    facts += document.filing_facts(filing)
    facts += cover.cover_page_facts(filing)
    facts += cover.identifier_facts(filing)
    facts += cover.consistency_facts(filing)
    facts += cover.header_facts(filing)
    facts += cover.signing_authority_facts(filing)
    facts += holdings.person_facts(filing, ctx.thresholds)
    facts += holdings.sum_facts(filing)
    facts += holdings.percent_facts(filing)
    facts += rights_fit.included_rights_facts(filing)
    facts += restated.restated_facts(filing)
    facts += eligibility.eligibility_facts(filing)
    facts += eligibility.change_facts(filing, ctx.previous)
    facts += eligibility.institution_deadline_facts(filing, ctx.filed)
    facts += statement.statement_facts(filing, ctx.filed)
    facts += statement.legal_form_facts(filing)
    facts += proceedings.legal_box_facts(filing)
    facts += defaults.default_facts(filing)
    facts += defaults.deadline_facts(filing, ctx.filed, ctx.as_of)
    return [{k: _plain(v) for k, v in f.items() if v is not None} for f in facts]


def _plain(value):
    """Facts cross into the engine as JSON: a fractional share count becomes a float."""
    return float(value) if isinstance(value, Decimal) else value


def parse_issue_facts(filing: Filing) -> list[dict]:
    return [{"t": "parse_issue", "kind": i.kind, "message": i.message, "line": i.line,
             "person": i.person, "evidence": i.evidence, "key": f"{i.kind}:{i.message}"}
            for i in filing.issues]
