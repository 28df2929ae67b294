"""Which schedule the filing may use and whether it is an exit: rule boxes, 5 % exits, and
original filings that report nothing."""
from __future__ import annotations

from checker.facts.common import named_pages, page_names
from checker.facts.holdings import pct_text
from checker.model import Filing
from checker.names import same_name


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


def change_facts(filing: Filing, previous: Filing | None) -> list[dict]:
    """Each person's percent against its percent in the previous filing (Rule 13d-2(a): a change
    of one percent of the class or more is material), in percentage points of the class."""
    if previous is None:
        return []
    before = {}
    for page in named_pages(previous):
        if page.percent is not None:
            for name in page_names(page):
                before[name] = page.percent
    facts = []
    for page in named_pages(filing):
        if page.percent is None:
            continue
        for name in page_names(page):
            prior = next((pct for n, pct in before.items() if same_name(n, name)), None)
            if prior is None:
                continue
            delta = page.percent.value - prior.value
            facts.append({"t": "pct_change", "person": name, "before": pct_text(prior),
                          "after": pct_text(page.percent), "delta": float(delta),
                          "points": f"{delta:+}", "material": abs(delta) >= 1,
                          "amended": filing.amendment_no is not None
                          or (filing.form_type or "").upper().endswith("/A"),
                          "line": page.percent.line, "key": f"change:{prior.value}:{page.percent.value}"})
    return facts
