"""Schedule 13D/13G XML (EDGAR, required since 18 Dec 2024) -> ``Filing``.

Element names follow the EDGAR 13D/13G XML technical specification (reference notes §7),
matched by local name and case-insensitively: the 13D namespace is spelt ``schedule13D`` in
live filings and ``schedule13d`` elsewhere, and the spec writes ``Item2`` where filings write
``item2``. A value the XML does not state stays ``None`` (never 0); a value that is there but
unreadable is ``None`` plus a ``ParseIssue``. Every value carries its line in the user's file.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from checker.model import (Amount, Codes, CoverPage, DateValue, Exhibit, Filing, Flag, Item, ItemHolding, NameRef,
                           ParseIssue, Percent, Signature, TextValue)
from checker.parse.item_holdings import read_xml_item5_parts, xml_item4_by_name
from checker.parse.xml_safe import elements, find, find_all, is_leaf, kid, kids, lname, load_tree, text_of
from checker.sources import Document

# Cover-page rows: (row number on the 13D, on the 13G) -> element names (lower case).
ROWS = [
    ("name", (1, 1), ("reportingpersonname",)),
    ("group", (2, 2), ("memberofgroup", "membergroup")),
    ("source_of_funds", (4, None), ("fundtype",)),
    ("legal_proceedings", (5, None), ("legalproceedings",)),
    ("citizenship", (6, 4), ("citizenshipororganization",)),
    ("sole_voting", (7, 5), ("solevotingpower",)),
    ("shared_voting", (8, 6), ("sharedvotingpower",)),
    ("sole_dispositive", (9, 7), ("soledispositivepower",)),
    ("shared_dispositive", (10, 8), ("shareddispositivepower",)),
    ("aggregate", (11, 9), ("aggregateamountowned",
                            "reportingpersonbeneficiallyownedaggregatenumberofshares")),
    ("excludes_shares", (12, 10), ("isaggregateexcludeshares",
                                   "aggregateamountexcludescertainsharesflag")),
    ("percent", (13, 11), ("percentofclass", "classpercent")),
    ("type_codes", (14, 12), ("typeofreportingperson",)),
]
PERSON_TAGS = ("reportingpersoninfo", "coverpageheaderreportingpersondetails")
# Rows the XML cannot omit: row 3 (SEC use only) has no element, and an unchecked box (group,
# legal proceedings, excludes certain shares) may be written by leaving its element out. On
# the form these rows are always there (blank), so they count as seen; their values stay None.
ALWAYS_SEEN = ({2, 3, 5, 12}, {2, 3, 10})
# Flag-like children of 13G items: summarised in Item.title, not in Item.text.
ITEM_FLAGS = ("notapplicableflag", "classownership5percentorless", "typeofpersonfiling")


def parse_xml(doc: Document) -> Filing:
    filing = Filing(path=doc.path, format=doc.format, sha256=doc.sha256)
    reader = _Parser(doc, filing)
    root, issues = load_tree(doc.xml or b"", reader.base)
    filing.issues.extend(issues)
    if root is not None:
        if lname(root) != "edgarsubmission":
            filing.issues.append(ParseIssue(
                kind="not-a-filing", line=reader.line(root),
                message=f"XML root is <{lname(root) or '?'}>, not a Schedule 13D/13G edgarSubmission"))
        else:
            reader.read(root)
    return filing  # EDGAR header facts are added by the dispatcher, parse.parse_document


class _Parser:
    def __init__(self, doc: Document, filing: Filing) -> None:
        self.f = filing
        data = doc.xml or b""
        lead = data[: len(data) - len(data.lstrip())].count(b"\n")
        # Sources give the line where the XML's first character is; a bare XML string given
        # with leading blank lines (xml_first_line left at 1) starts after those lines.
        self.base = doc.xml_first_line if doc.xml_first_line > 1 else 1 + lead
        self.schedule_idx = 0  # 0: 13D row numbers, 1: 13G row numbers

    def line(self, el) -> int | None:
        return el.sourceline + self.base - 1 if el is not None and el.sourceline else None

    def issue(self, kind: str, el, message: str, person: str | None = None, raw: str = "") -> None:
        self.f.issues.append(ParseIssue(kind=kind, message=message, line=self.line(el),
                                        person=person, evidence=raw[:200] or None))

    # -- the document ------------------------------------------------------------------------
    def read(self, root) -> None:
        f = self.f
        sub = find(kid(root, "headerdata"), "submissiontype")
        if sub is not None and text_of(sub):
            f.form_type, f.form_type_line = text_of(sub), self.line(sub)
        f.schedule = _schedule(f.form_type or "") or _schedule(root.tag)
        if f.schedule is None:
            self.issue("not-a-filing", sub if sub is not None else root,
                       "XML is neither a Schedule 13D nor a Schedule 13G "
                       f"(submission type {f.form_type or 'missing'})")
            return
        self.schedule_idx = 0 if f.schedule == "13D" else 1
        form = kid(root, "formdata")
        if form is None:
            self.issue("truncated", root, "XML has no <formData>: no cover pages or items")
            return
        self.read_header(kid(form, "coverpageheader"))
        for i, el in enumerate(find_all(form, *PERSON_TAGS)):
            f.cover_pages.append(self.read_person(el, i))
        self.read_items(form)
        self.read_signatures(form)
        self.read_documents(root)

    def read_header(self, head) -> None:
        if head is None:
            return
        f = self.f
        amend = kid(head, "amendmentno")
        if amend is not None and text_of(amend):
            raw = text_of(amend)
            if raw.isdigit():
                f.amendment_no = int(raw)
            else:
                self.issue("unreadable-number", amend, f"amendment number {raw!r} is not a number", raw=raw)
        f.security_class = self.text(kid(head, "securitiesclasstitle"))
        date_el = kid(head, "dateofevent", "eventdaterequiresfilingthisstatement")
        f.event_date = self.date(date_el, "date of event")
        info = kid(head, "issuerinfo")
        f.issuer = self.text(kid(info, "issuername"))
        f.issuer_cik = self.text(kid(info, "issuercik"))
        cusip = kid(info, "issuercusip")
        if cusip is None:  # X0202 layout: <issuerCusips><issuerCusipNumber>... (several allowed)
            cusip = find(kid(info, "issuercusips"), "issuercusipnumber")
        f.cusip = self.text(cusip)
        every = [cusip] if kid(info, "issuercusip") is not None else find_all(kid(info, "issuercusips"), "issuercusipnumber")
        f.cusips = [tv for tv in map(self.text, every) if tv is not None]
        f.previously_filed_13g = self.flag(kid(head, "previouslyfiledflag"))
        rules = find_all(head, "designaterulepursuantthisschedulefiled")
        f.rule_designations = [tv for tv in map(self.text, rules) if tv is not None]

    def read_person(self, el, index: int) -> CoverPage:
        page = CoverPage(index=index, line=self.line(el) or 1,
                         layout="xml-13d" if self.schedule_idx == 0 else "xml-13g")
        found = {}
        index: dict[str, list] = {}  # one walk of the person's subtree, not one per field
        for d in el.iterdescendants():
            index.setdefault(lname(d), []).append(d)
        for field, rows, names in ROWS:
            hits = [h for n in names for h in index.get(n, ())]
            if hits:
                found[field] = hits
                row = rows[self.schedule_idx]
                if row is not None:
                    page.rows_seen.append(row)
        page.name = self.text(_first(found.get("name")))
        who = page.name.value if page.name else None
        page.cik = self.text(find(el, "reportingpersoncik", "reportingcik"))
        page.citizenship = self.text(_first(found.get("citizenship")))
        if "group" in found:
            boxes = "".join(sorted({text_of(g).lower() for g in found["group"]} & {"a", "b"}))
            page.group_box = boxes or None  # type: ignore[assignment]
            page.group_line = self.line(found["group"][0])
        page.source_of_funds = self.codes(found.get("source_of_funds"))
        page.type_codes = self.codes(found.get("type_codes"))
        page.legal_proceedings = self.flag(_first(found.get("legal_proceedings")))
        page.excludes_shares = self.flag(_first(found.get("excludes_shares")))
        for field in ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive",
                      "aggregate"):
            setattr(page, field, self.amount(_first(found.get(field)), who))
        page.percent = self.percent(_first(found.get("percent")), who)
        comments = find(el, "commentcontent", "comments")
        page.comments = text_of(comments) or None
        page.rows_seen = sorted(set(page.rows_seen) | ALWAYS_SEEN[self.schedule_idx])
        return page

    def read_items(self, form) -> None:
        box = kid(form, "items1to7", "items")
        for el in list(box) if box is not None else []:
            m = re.fullmatch(r"item(\d{1,2})", lname(el))
            if not m:
                continue
            leaves = [c for c in elements(el) if is_leaf(c) and lname(c) not in ITEM_FLAGS]
            texts = [t for t in map(text_of, leaves) if t]
            self.f.items.append(Item(number=str(int(m.group(1))), title=_item_title(el),
                                     text="\n".join(texts), line=self.line(el)))
            if m.group(1) == "5" and self.schedule_idx == 0:  # each 13D Item 5 element on its own
                read_xml_item5_parts(self.f, [Item(number="5", text=text_of(c), line=self.line(c))
                                              for c in leaves if text_of(c)])
            self._read_13g_item_flags(m.group(1), el)
            if m.group(1) == "1":
                self.f.item1_issuer = self.text(kid(el, "issuername"))
        # The spec's own 13G sample puts <certifications> under <formData>, not item 10.
        cert = kid(form, "certifications")
        if cert is not None and self.f.item("10") is None:
            self.f.items.append(Item(number="10", text=text_of(cert), line=self.line(cert)))

    def _read_13g_item_flags(self, number: str, el) -> None:
        """13G Item 3 (type of person filing) and Item 5 (5 percent or less) as model fields."""
        if number == "3":
            types = [t for t in kids(el, "typeofpersonfiling") if text_of(t)]
            if types:
                self.f.filer_types = Codes(codes=[text_of(t).upper() for t in types],
                                           raw=",".join(text_of(t) for t in types), line=self.line(types[0]))
        elif number == "4" and self.schedule_idx == 1:
            self._read_13g_item4(el)
        elif number == "5":
            flag = kid(el, "classownership5percentorless")
            if flag is not None and text_of(flag):
                self.f.exit_box = self.flag(flag)

    # 13G Item 4 restates the cover's figures as elements (amountBeneficiallyOwned, classPercent,
    # numberOfSharesPersonHas/...): the same ItemHolding the text parser fills from Item 4's words.
    _ITEM4_AMOUNTS = {"aggregate": "amountbeneficiallyowned", "sole_voting": "solepowerordirecttovote",
                      "shared_voting": "sharedpowerordirecttovote", "sole_dispositive": "solepowerordirecttodispose",
                      "shared_dispositive": "sharedpowerordirecttodispose"}

    def _read_13g_item4(self, el) -> None:
        held = ItemHolding(item="4", line=self.line(el))
        for field, tag in self._ITEM4_AMOUNTS.items():
            setattr(held, field, self.amount(_numeric(find(el, tag)), None))
        held.percent = self.percent(_numeric(find(el, "classpercent")), None)
        # Elements that list a figure per person, not one plain figure: read by name.
        tags = {**self._ITEM4_AMOUNTS, "percent": "classpercent"}
        listed = {f: (text_of(e), self.line(e)) for f, e in ((f, find(el, t)) for f, t in tags.items())
                  if e is not None and text_of(e) and _numeric(e) is None}
        if listed:
            xml_item4_by_name(self.f, listed)
        if any(getattr(held, f) is not None for f in (*self._ITEM4_AMOUNTS, "percent")):
            self.f.item_holdings.append(held)  # about the only person where there is one (facts)

    def read_signatures(self, form) -> None:
        for block in find_all(form, "signatureperson", "signatureinformation"):
            who = kid(block, "signaturereportingperson", "reportingpersonname")
            name = text_of(who)
            if name:  # a person who signs is a reporting person: COV001 looks for its cover page
                self.f.named_persons.append(NameRef(name=name, source="signature", line=self.line(who)))
            for det in kids(block, "signaturedetails"):
                signer = text_of(kid(det, "signature")) or None
                self.f.signatures.append(Signature(
                    name=name, signer=signer, capacity=text_of(kid(det, "title")) or None,
                    date=self.date(kid(det, "date"), "signature date", name),
                    line=self.line(det if who is None else who)))

    def read_documents(self, root) -> None:
        # Attached exhibits are base64 in <contents>: described, never decoded.
        for d in find_all(kid(root, "documents"), "document"):
            kind_ = text_of(kid(d, "conformeddocumenttype"))
            title = text_of(kid(d, "description")) or text_of(kid(d, "conformedname"))
            joint = re.search(r"joint\s+filing", title, re.I)
            self.f.exhibits.append(Exhibit(
                label=re.sub(r"^EX-", "", kind_, flags=re.I) or "?", title=title,
                kind="joint-filing-agreement" if joint else "other", line=self.line(d)))

    # -- values --------------------------------------------------------------------------------
    def text(self, el) -> TextValue | None:
        value = text_of(el)
        return TextValue(value=value, line=self.line(el)) if value else None

    def codes(self, els) -> Codes | None:
        codes = [c for c in (text_of(e).upper() for e in els or []) if c]
        if not codes:
            return None
        return Codes(codes=codes, raw=", ".join(codes), line=self.line(els[0]))

    def flag(self, el) -> Flag | None:
        raw = text_of(el)
        if el is None or not raw:
            return None
        value = {"y": True, "true": True, "1": True, "n": False, "false": False, "0": False}
        return Flag(value=value.get(raw.lower()), raw=raw, line=self.line(el))

    def amount(self, el, who: str | None) -> Amount | None:
        raw = text_of(el)
        if not raw:
            return None
        # Plain digits only: no sign, no exponent (a "1e999999" must not become a huge int).
        if not re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d*)?|\d{1,18}(\.\d*)?", raw):
            self.issue("unreadable-number", el, f"share amount {raw!r} is not a number", who, raw)
            return None
        number = Decimal(raw.replace(",", ""))
        # 7207424.40 is a valid XML amount (two decimals allowed): kept as printed, not truncated.
        shares = int(number) if number == number.to_integral_value() else number.normalize()
        return Amount(shares=shares, raw=raw, line=self.line(el))

    def percent(self, el, who: str | None) -> Percent | None:
        raw = text_of(el)
        if not raw:
            return None
        m = re.fullmatch(r"\s*(\d{1,3}(?:\.(\d*))?|\.(\d+))\s*%?\s*", raw)
        if not m:
            self.issue("unreadable-number", el, f"percent of class {raw!r} is not a number", who, raw)
            return None
        digits = m.group(2) if m.group(2) is not None else (m.group(3) or "")
        return Percent(value=Decimal(m.group(1)), decimals=len(digits), raw=raw, line=self.line(el))

    def date(self, el, what: str, who: str | None = None) -> DateValue | None:
        raw = text_of(el)
        if not raw:
            return None
        value = _parse_date(raw)
        if value is None:
            self.issue("unreadable-date", el, f"{what} {raw!r} is not a date (MM/DD/YYYY)", who, raw)
            return None
        return DateValue(value=value, raw=raw, line=self.line(el))


def _numeric(el):
    """An Item 4 element only where it holds a plain figure: the item may answer in words
    ('set forth in Row 9 of the cover page'), which is allowed and is no figure to compare."""
    return el if el is not None and re.fullmatch(r"\s*[\d,]+(\.\d+)?\s*%?\s*", text_of(el) or "") else None


def _first(els):
    return els[0] if els else None


def _schedule(s: str):
    m = re.search(r"13\s*([DG])\b|schedule13([dg])", s, re.I)
    return f"13{(m.group(1) or m.group(2)).upper()}" if m else None


def _parse_date(raw: str) -> dt.date | None:
    for fmt in ("%m/%d/%Y", "%m-%d-%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(raw.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _item_title(item) -> str:
    """13G flags as 'name=value' (brief's convention, no model field for them)."""
    exit_flag = kid(item, "classownership5percentorless")
    if exit_flag is not None and text_of(exit_flag):
        return f"classOwnership5PercentOrLess={text_of(exit_flag).upper()}"
    types = [text_of(t).upper() for t in kids(item, "typeofpersonfiling") if text_of(t)]
    if types:
        return "typeOfPersonFiling=" + ",".join(types)
    na = kid(item, "notapplicableflag")
    if na is not None and text_of(na).upper() in ("Y", "TRUE", "1"):
        return "notApplicableFlag=Y"
    return ""
