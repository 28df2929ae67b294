"""Small helpers shared by the fact builders."""
from __future__ import annotations

import datetime as dt

from checker.model import CoverPage, Filing
from checker.names import same_entity


def day(d: dt.date | None) -> int | None:
    """Dates go into the engine as ordinal day numbers, so conditions can compare them."""
    return d.toordinal() if d else None


def named_pages(filing: Filing) -> list[CoverPage]:
    return [p for p in filing.cover_pages if p.name is not None and not p.fragment]


def page_names(page: CoverPage) -> list[str]:
    """The reporting persons a cover page is for: its name, or each name of a joint page."""
    return list(page.joint_names) or [page.name.value]


def page_for(filing: Filing, name: str) -> CoverPage | None:
    return next((p for p in named_pages(filing) if same_entity(p.name.value, name)), None)


def preferred_spelling_first(refs: list) -> list:
    """Named persons with the names as typed ('Acme ... Fund, Ltd.') before all-capitals
    signature headings ('ACME ... FUND, LTD.'), so a person is shown the way it reads best."""
    return sorted(refs, key=lambda r: r.name.isupper())


def cover_name(filing: Filing, name: str) -> str:
    """A name as its cover page prints it, so findings group under the reporting person."""
    from checker.names import same_name
    return next((p.name.value for p in named_pages(filing) if same_name(p.name.value, name)), name)


def share_sum(counts) -> int | float:
    """A sum of share counts for the percent arithmetic, which is done in floats: an int where
    the counts are whole, else a float (a fractional unit count is a Decimal, which does not mix
    with floats)."""
    total = sum(counts)
    return total if isinstance(total, int) else float(total)


def fmt_shares(n: int | None) -> str:
    return "—" if n is None else f"{n:,}"


def fmt_date(d: dt.date | None) -> str:
    return d.isoformat() if d else "unknown"


def is_amendment(filing: Filing) -> bool:
    """An amendment: the form ends in /A, or an amendment number is printed."""
    return filing.amendment_no is not None or (filing.form_type or "").upper().endswith("/A")


def is_passive(filing: Filing) -> bool:
    """A 13G filed under Rule 13d-1(c) (passive investor)."""
    return any("13d-1(c)" in d.value.replace(" ", "").lower() for d in filing.rule_designations)


def form_key(form: str) -> str:
    """'SC 13D/A' and 'SCHEDULE 13D/A' are the same form: schedule letter and '/A'."""
    f = form.upper().replace(" ", "")
    letter = "G" if "13G" in f else "D" if "13D" in f else f
    return letter + ("/A" if f.endswith("/A") else "")
