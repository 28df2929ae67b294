"""The filing model: what a parser reads out of a Schedule 13D/13G.

Every value that comes from the filing carries the line it came from (1-based, in the file
the user gave). A value the filing does not state is ``None``: never 0. A value the parser
could not read with confidence is also ``None``, and the parser records a ``ParseIssue``
for it, which becomes a ``parse`` finding.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

Schedule = Literal["13D", "13G"]


class TextValue(BaseModel):
    value: str
    line: int | None = None


class DateValue(BaseModel):
    value: dt.date
    raw: str = ""
    line: int | None = None


class Component(BaseModel):
    """One part of an amount: '(ii) 433,266 shares ... issuable upon conversion of ... Notes'."""

    label: str  # "i", "ii", ...
    shares: int | Decimal  # a fraction kept exactly, as in Amount
    description: str = ""
    # "issuable upon conversion/exercise": shares the person has the right to acquire and
    # that are not yet outstanding (Rule 13d-3(d)(1)(i)).
    issuable: bool = False


class Amount(BaseModel):
    """A number of shares as printed in a cover-page row, with its breakdown if stated."""

    # Whole shares are an int; EDGAR XML allows two decimals (DECIMAL_TYPE14_2), kept exactly.
    shares: int | Decimal
    raw: str = ""
    line: int | None = None
    components: list[Component] = Field(default_factory=list)
    # "collectively owned by A and B" / "owned by A": the entities whose holdings this is.
    owners: list[str] = Field(default_factory=list)


class Percent(BaseModel):
    value: Decimal
    decimals: int  # digits printed after the point, for the rounding tolerance
    raw: str = ""
    line: int | None = None


class Flag(BaseModel):
    value: bool | None
    raw: str = ""
    line: int | None = None


class Codes(BaseModel):
    """Row 4 (source of funds) or row 14/12 (type of reporting person): a list of codes."""

    codes: list[str]
    raw: str = ""
    line: int | None = None


class CoverPage(BaseModel):
    """One reporting person's cover page. 13D rows 1-14; 13G rows 1-12 (mapped to the same fields)."""

    index: int
    line: int  # where the page starts
    layout: str = ""  # which cover-page layout the parser recognised
    fragment: bool = False  # only the tail of a page survived (no row 1)
    name: TextValue | None = None
    irs_number: TextValue | None = None
    cik: TextValue | None = None
    cusip: TextValue | None = None
    group_box: Literal["a", "b", "ab"] | None = None  # None: neither box checked or row absent
    group_line: int | None = None
    source_of_funds: Codes | None = None  # 13D row 4
    legal_proceedings: Flag | None = None  # 13D row 5
    citizenship: TextValue | None = None
    sole_voting: Amount | None = None
    shared_voting: Amount | None = None
    sole_dispositive: Amount | None = None
    shared_dispositive: Amount | None = None
    aggregate: Amount | None = None
    excludes_shares: Flag | None = None
    percent: Percent | None = None
    type_codes: Codes | None = None
    # Row numbers whose label (or XML element) was present, to tell "row missing" from "row blank".
    rows_seen: list[int] = Field(default_factory=list)
    # Row numbers that were present but whose value could not be read with confidence
    # (reported as parse findings; not reported again as blank rows).
    unread_rows: list[int] = Field(default_factory=list)
    comments: str | None = None
    # Several persons reported on one cover page ("Austin W. Marxe and David M. Greenhouse"):
    # each is a reporting person with these same figures. Empty for the usual one-person page.
    joint_names: list[str] = Field(default_factory=list)
    # The names of a page printed for an entity and another person together ('Acme, Ltd. and Jane
    # Roe'): one reporting person as printed, but each part is covered (not a missing cover page).
    name_parts: list[str] = Field(default_factory=list)


class Item(BaseModel):
    number: str  # "4", "5", "10"
    title: str = ""
    text: str = ""
    line: int | None = None  # the heading's line
    # The file line of each line of ``text`` where the reader knows it (the text starts after the
    # heading and any blank lines; in HTML one text line may stand for several source lines).
    text_lines: list[int] = Field(default_factory=list)

    def text_line(self, k: int) -> int | None:
        """The file line of line ``k`` (0-based) of ``text``."""
        if 0 <= k < len(self.text_lines):
            return self.text_lines[k]
        return None if self.line is None else self.line + k


class Exhibit(BaseModel):
    label: str  # "A", "99.1", "B"
    title: str = ""
    kind: Literal["joint-filing-agreement", "notice", "letter", "other"] = "other"
    line: int | None = None
    text: str = ""
    date: DateValue | None = None


class Signature(BaseModel):
    name: str  # the reporting person the block signs for
    signer: str | None = None  # "/s/ Jane Roe"
    capacity: str | None = None  # "President", "Individually"
    by: str | None = None  # the entity signing for it: "By: Acme Capital Management, LLC, General Partner"
    # False: the block names the entity only in the signer's office ('/s/ X' / 'X, as director of
    # Acme Ltd, general partner of Acme LP': Acme Ltd signs through its director), not as a party
    # of its own; it counts as signed, but is not listed among the persons the filing names.
    party: bool = True
    date: DateValue | None = None
    line: int | None = None
    context: Literal["statement", "agreement", "exhibit"] = "statement"  # exhibit: a notice or letter


class NameRef(BaseModel):
    """A reporting person named somewhere other than a cover page."""

    name: str
    source: Literal["joint-filing-agreement", "signature", "header-group", "filed-by"]
    line: int | None = None


class ParseIssue(BaseModel):
    """Something the parser could not read with confidence. Becomes a `parse` finding.

    kind selects the parse rule: not-a-filing, fragment, unplaced-value, unreadable-number,
    truncated, unreadable-date, ...
    """

    kind: str
    message: str
    line: int | None = None
    person: str | None = None
    evidence: str | None = None


class DefaultClause(BaseModel):
    """A sentence about a default: a notice, a cure or covenant period, an assertion that a
    default has occurred, default interest, or a redemption/acceleration election."""

    kind: Literal["notice", "cure-period", "covenant-period", "assertion", "default-interest", "election",
                  "pledge"]
    text: str
    line: int | None = None
    date: dt.date | None = None  # the notice's or the assertion's date, where the text gives one
    count: int | None = None  # "ten Business Days" -> 10
    unit: Literal["days", "business-days"] | None = None
    anchor: str | None = None  # what the period runs from: "notice", "closing", ...
    anchor_date: dt.date | None = None  # "the Closing occurred on January 3, 2007"
    stated_deadline: dt.date | None = None  # "not later than January 10, 2007"
    rates: list[str] = Field(default_factory=list)  # "12.00%", "15%"


class OutstandingCount(BaseModel):
    """'based on 36,282,883 shares of Common Stock outstanding as of ...' (Item 5(a) / 13G Item 4)."""

    shares: int
    text: str = ""
    line: int | None = None


class ItemHolding(BaseModel):
    """The figures 13G Item 4 or 13D Item 5(a) states in words, for comparison with the cover pages.
    A figure the text does not state (or states once per person) is None."""

    item: str  # "4" or "5"
    person: str | None = None  # the reporting person it is about; None where the filing has several
    aggregate: Amount | None = None
    percent: Percent | None = None
    sole_voting: Amount | None = None
    shared_voting: Amount | None = None
    sole_dispositive: Amount | None = None
    shared_dispositive: Amount | None = None
    line: int | None = None


class Filing(BaseModel):
    path: str
    format: Literal["text", "html", "xml", "edgar-submission"] = "text"
    sha256: str = ""
    schedule: Schedule | None = None
    form_type: str | None = None  # as the document states it: "SC 13D/A", "SCHEDULE 13G"
    form_type_line: int | None = None
    header_form_type: str | None = None  # from the EDGAR header, when there is one
    amendment_no: int | None = None
    issuer: TextValue | None = None
    header_issuer: TextValue | None = None  # SUBJECT COMPANY in the EDGAR header
    issuer_cik: TextValue | None = None
    item1_issuer: TextValue | None = None  # the issuer as Item 1 names it (XML item1/issuerName)
    security_class: TextValue | None = None
    cusip: TextValue | None = None  # title page
    event_date: DateValue | None = None
    filing_date: DateValue | None = None  # from the EDGAR header
    cusips: list[TextValue] = Field(default_factory=list)  # every CUSIP on the title page (XML may list several)
    rule_designations: list[TextValue] = Field(default_factory=list)  # 13G: the checked Rule 13d-1(b)/(c)/(d) boxes
    filer_types: Codes | None = None  # 13G Item 3 type of person filing (BD, BK, IA, HC, ...)
    exit_box: Flag | None = None  # 13G Item 5: ownership of 5 percent or less of a class
    previously_filed_13g: Flag | None = None  # 13D title-page box (Rules 13d-1(e), (f), (g))
    cover_pages: list[CoverPage] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    exhibits: list[Exhibit] = Field(default_factory=list)
    signatures: list[Signature] = Field(default_factory=list)
    named_persons: list[NameRef] = Field(default_factory=list)
    default_clauses: list[DefaultClause] = Field(default_factory=list)
    # What the statement says about itself in words (checker/parse/statements.py).
    signature_dates: list[DateValue] = Field(default_factory=list)  # dates printed on the signature page
    joint_filing_line: int | None = None  # a line saying it is filed jointly / naming the JFA
    amends_line: int | None = None  # a line saying the statement amends an earlier one
    rule_lines: int = 0  # 13G: Rule 13d-1(b)/(c)/(d) lines printed on the title page as a checklist
    # (line, characters typed) for each signature slot of the statement's signature page
    signature_slots: list[tuple[int, int]] = Field(default_factory=list)
    signature_page_line: int | None = None  # where the statement's signature page starts (text, HTML)
    event_caption_line: int | None = None  # the title page's 'Date of Event ...' caption
    event_date_blank: bool = False  # nothing filled in above (or beside) that caption
    eligibility_claim: TextValue | None = None  # 'entitled to use Schedule 13G pursuant to Rule 13d-1(c)'
    percent_as_of: DateValue | None = None  # a cover's row 11/13 percent dated: '8.2% as of November 9, 1998'
    excludes_note_line: int | None = None  # a cover-page note: 'Excludes 784,512 shares held by ...'
    header_subject_cik: TextValue | None = None  # EDGAR header SUBJECT COMPANY CIK
    header_filer_cik: TextValue | None = None  # EDGAR header FILED BY CIK
    outstanding: list[OutstandingCount] = Field(default_factory=list)  # counts the percents rest on
    # the short names the statement defines for its reporting persons ('... L.P. (the "Fund")'),
    # term -> person (checker/parse/defined_terms.py)
    defined_terms: dict[str, str] = Field(default_factory=dict)
    item_holdings: list[ItemHolding] = Field(default_factory=list)  # 13G Item 4 / 13D Item 5(a) figures
    # shares the item says a person holds as part of its holding (directly, of record, a power over)
    item_parts: list[ItemHolding] = Field(default_factory=list)
    # The text speaks of shares a person may acquire (warrants, options, conversion, 'issuable'):
    # only then may a percent's denominator include shares not yet outstanding (Rule 13d-3(d)(1)(i)).
    rights_to_acquire: bool = False
    # Where every such mention states how many shares ('59,333 shares issuable upon the exercise of
    # Warrants', 'warrants to purchase 500,000 shares'), the sum of the different figures; else None.
    rights_shares: int | Decimal | None = None
    issues: list[ParseIssue] = Field(default_factory=list)

    def item(self, number: str) -> Item | None:
        return next((i for i in self.items if i.number == number), None)
