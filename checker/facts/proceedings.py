"""Cover row 5 of a Schedule 13D (the legal proceedings box) beside what Item 2(d) and 2(e) say.

One ``legal_box`` fact per cover page whose row 5 box was read, where the filing has an Item 2:
the box as read and, for Item 2's (d) and (e), how many parts are printed and how many of them
say there is nothing to disclose (checker/parse/item2_proceedings.py). The catalogue (CON023)
compares.
"""
from __future__ import annotations

from checker.facts.common import named_pages
from checker.model import Filing
from checker.parse.item2_proceedings import proceedings_parts


def legal_box_facts(filing: Filing) -> list[dict]:
    item2 = [i for i in filing.items if i.number == "2" and i.text]
    if filing.schedule != "13D" or not item2:
        return []
    text = "\n".join(i.text for i in item2)
    (d_parts, d_none), (e_parts, e_none) = (proceedings_parts(text)[k] for k in "de")
    facts = []
    for page in named_pages(filing):
        box = page.legal_proceedings
        if box is None or box.value is None:
            continue
        facts.append({"t": "legal_box", "person": page.name.value, "checked": box.value,
                      "d_parts": d_parts, "d_none": d_none, "e_parts": e_parts, "e_none": e_none,
                      "item_line": item2[0].line, "line": box.line or page.line,
                      "evidence": box.raw or None, "key": "legal-box"})
    return facts
