"""Which schedule the filing may use and whether it is an exit: rule boxes, 5 % exits, and
original filings that report nothing."""
from __future__ import annotations

from checker.facts.common import named_pages
from checker.facts.holdings import pct_text
from checker.model import Filing


def eligibility_facts(filing: Filing) -> list[dict]:
    facts = []
    boxes = sorted({d.value.replace(" ", "") for d in filing.rule_designations})
    if filing.schedule == "13G" and len(boxes) > 1:
        facts.append({"t": "rule_boxes", "boxes": ", ".join(boxes), "count": len(boxes),
                      "line": filing.rule_designations[0].line or 1, "key": ",".join(boxes)})
    pages = [p for p in named_pages(filing) if p.percent is not None]
    if not pages:
        return facts
    top = max(pages, key=lambda p: p.percent.value)
    amended = filing.amendment_no is not None or (filing.form_type or "").upper().endswith("/A")
    exit_checked = bool(filing.exit_box and filing.exit_box.value)
    facts.append({"t": "exit_status", "schedule": filing.schedule or "13D", "amended": amended,
                  "exit_box": exit_checked, "all_at_or_below_5": float(top.percent.value) <= 5,
                  "top_person": top.name.value, "top_pct": pct_text(top.percent),
                  "line": (filing.exit_box.line if filing.exit_box and exit_checked else top.percent.line),
                  "key": "exit"})
    aggregates = [p.aggregate.shares for p in named_pages(filing) if p.aggregate is not None]
    if not amended and not exit_checked and aggregates and all(a == 0 for a in aggregates) \
            and all(p.percent.value == 0 for p in pages):
        facts.append({"t": "all_zero_original", "persons": len(aggregates), "line": pages[0].line,
                      "key": "all-zero"})
    return facts
