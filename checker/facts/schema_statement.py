"""Fact types of the statement in its own words (checker/facts/statement.py, eligibility.py):
signing dates, the Item 10 certification, joint filing, the rule boxes, Item 5's prose, legal
forms, the header's CIKs and the Rule 13d-1(b)(2) deadline. Added to ``schema.FACT_TYPES``."""
from __future__ import annotations

from checker.facts.schema import FACT_TYPES, D, F, FactType


FACT_TYPES.update({
    "statement": FactType("what the statement says of itself: signing dates, certification, joint filing", {
        "schedule": F("str", "13D or 13G"),
        "amended": D("bool", "the form ends in /A or an amendment number is printed"),
        "structured": D("bool", "read from EDGAR's Schedule 13D/G XML (alone or in a full submission)"),
        "format": F("str", "text, html, xml or edgar-submission"),
        "persons": D("int", "distinct reporting persons with a cover page"),
        "joint_stated": D("bool", "a joint filing agreement or a sentence saying the statement is filed "
                                  "jointly (on behalf of each person) was found"),
        "rule_box_count": D("int", "how many different Rule 13d-1 boxes are checked (13G)"),
        "rule_box": F("str", "the one checked Rule 13d-1 box: '13d-1(b)', '13d-1(c)' or '13d-1(d)'",
                      optional=True),
        "rule_box_line": F("int", "its line", optional=True),
        "rule_lines": D("int", "Rule 13d-1(b)/(c)/(d) lines the title page prints as a checklist (13G)"),
        "filer_type_count": D("int", "13G Item 3 types checked"),
        "statement_signatures": D("int", "signature blocks on the statement itself"),
        "blank_signature_slots": D("int", "signature lines of the statement left blank (no typed or conformed "
                                          "signature)"),
        "signature_page_line": F("int", "where the statement's signature page starts (text and HTML)", optional=True),
        "certification": D("str", "the Item 10 wording: '13d-1(b)' (ordinary course of business), "
                                  "'13d-1(c)' (passive only) or 'both'", optional=True),
        "certification_line": F("int", "line of Item 10", optional=True),
        "signature_dated": D("bool", "a date was read on the signature page"),
        "signed": F("str", "the latest signature date (ISO)", optional=True),
        "signed_day": D("int", "its ordinal day", optional=True),
        "signed_line": F("int", "its line", optional=True),
        "filed": F("str", "the filing date of the EDGAR header (ISO)", optional=True),
        "filed_day": D("int", "its ordinal day", optional=True),
        "amends_line": F("int", "a line saying the statement amends an earlier statement", optional=True),
    }),
    "power_words": FactType("13D Item 5's prose about powers beside the cover pages' power rows", {
        "item5_sole": D("bool", "Item 5 says a sole power (to vote or dispose) is held"),
        "item5_shared": D("bool", "Item 5 says a shared power is held"),
        "cover_sole_max": D("number", "the largest sole voting or dispositive row of any cover page"),
        "cover_shared_max": D("number", "the largest shared voting or dispositive row of any cover page"),
    }),
    "item5_sole": FactType("13D Item 5's statements that a named person has sole power over a number of shares, beside "
                           "that person's sole row for the power", {
        "person": F("str", "the reporting person the statement names"),
        "power": D("str", "'voting' (row 7) or 'dispositive' (row 9)"),
        "stated": F("str", "the share counts stated, comma-separated"),
        "row": F("str", "the person's cover row for the power"),
        "row_shares": F("number", "that row's share count"),
        "stated_sum": D("number", "the stated counts added up"),
        "stated_max": D("number", "the largest stated count"),
        "stated_nearest": D("number", "the stated count nearest the row (the smaller on a tie)"),
        "parts_only": D("bool", "every count is said of shares the person holds through another ('FMR, "
                                "through its control of FMTC, ... has sole power') or with others ('A and "
                                "its accounts each has'): parts of its power, which need not add up to the row"),
    }),
    "legal_form": FactType("a cover page's name's legal form beside its type-of-person codes", {
        "person": F("str", "the reporting person"),
        "form": D("str", "'partnership' (L.P., Limited Partnership) or 'corporation' (Inc., Corporation)"),
        "codes": F("str", "the row 14 (13G row 12) codes, comma-separated"),
        "has_pn": D("bool", "the codes include PN"),
        "has_co": D("bool", "the codes include CO"),
    }),
})

FACT_TYPES["filing"].fields["structured"] = D(
    "bool", "read from EDGAR's Schedule 13D/G XML (alone or in a full submission)")
FACT_TYPES["header_ciks"] = FactType("the EDGAR header's subject company and filer CIKs", {
    "subject_cik": F("str", "SUBJECT COMPANY CENTRAL INDEX KEY, without leading zeros"),
    "filer_cik": F("str", "FILED BY CENTRAL INDEX KEY, without leading zeros"),
})
FACT_TYPES["year_end_deadline"] = FactType(
    "Rule 13d-2(b): a 13G amendment with no date of event whose items state holdings as of a year's end", {
        "holding": F("str", "the year end the holdings are stated as of (the latest the items name)"),
        "due": D("str", "45 days after that year end (the next business day if closed)"),
        "due_day": D("int", "its ordinal day"),
        "filed": F("str", "the filing date (EDGAR header or --filed)"), "filed_day": D("int", "its ordinal day"),
    })
FACT_TYPES["as_of_deadline"] = FactType(
    "Rule 13d-1(c): an original 13G (13d-1(c) box alone, no date of event) whose cover dates its percent", {
        "as_of": F("str", "the date the cover gives the percent as of (the latest)"),
        "due": D("str", "10 days after it (next business day), or 5 business days from 30 Sep 2024"),
        "due_day": D("int", "its ordinal day"),
        "filed": F("str", "the filing date (EDGAR header or --filed)"), "filed_day": D("int", "its ordinal day"),
        "regime": D("str", "which version of the rule applies"),
    })
FACT_TYPES["recited_deadline"] = FactType(
    "Rule 13d-1(a): the items' history of a 5 % crossing and of the first Schedule 13D's filing", {
        "item": F("str", "the item that says both"),
        "crossed": F("str", "the date the item says a person became owner of more than 5 %"),
        "first_filed": F("str", "the date it says the Schedule 13D was filed"),
        "first_filed_day": D("int", "its ordinal day"),
        "due": D("str", "10 days after the crossing (next business day), or 5 business days from 5 Feb 2024"),
        "due_day": D("int", "its ordinal day"),
        "regime": D("str", "which version of the rule applies"),
    })
FACT_TYPES["institution_deadline"] = FactType(
    "Rule 13d-1(b)(2): an original 13G (13d-1(b) box alone) dated at a month end, with its highest percent", {
        "person": F("str", "the reporting person with the highest percent"),
        "pct": F("number", "that percent"), "pct_s": F("str", "the percent as printed"),
        "event": F("str", "date of event (the last day of a month)"),
        "due": D("str", "10 days after the month end (next business day), or 5 business days from 30 Sep 2024"),
        "due_day": D("int", "its ordinal day"),
        "filed": F("str", "the filing date (EDGAR header or --filed)"), "filed_day": D("int", "its ordinal day"),
        "regime": D("str", "which version of the rule applies"),
    })
FACT_TYPES["statement"].fields.update({
    "has_event_date": D("bool", "a date of event was read from the title page"),
    "event_caption_line": F("int", "line of the title page's 'Date of Event Which Requires Filing' caption",
                            optional=True),
})
FACT_TYPES["statement"].fields["event_date_blank"] = D(
    "bool", "the title page prints the 'Date of Event' caption with nothing filled in above or beside it")
FACT_TYPES["statement"].fields.update({
    "claimed_rule": F("str", "the rule the filing says its persons may use Schedule 13G under "
                             "('entitled to use Schedule 13G pursuant to Rule 13d-1(c)')", optional=True),
    "claim_line": F("int", "its line", optional=True),
})
FACT_TYPES["statement"].fields.update({
    "item5_figures": D("bool", "Item 5 states some figure (a digit other than a subparagraph label)", optional=True),
    "item5_not_applicable": D("bool", "Item 5 answers 'Not applicable', 'N/A' or 'None' somewhere", optional=True),
    "item5_line": F("int", "line of Item 5", optional=True),
    "cover_aggregate_max": D("number", "the largest row 11 (13G row 9) of the cover pages (0 where none is read)"),
})
FACT_TYPES["statement"].fields.update({
    "excludes_box_checked": D("bool", "some cover page checks the row 12 (13G row 10) box: the amount excludes shares"),
    "excludes_box_read": D("int", "cover pages whose row 12 box was read (checked or not)"),
    "excludes_note_line": F("int", "a note among the cover pages saying the amount excludes shares ('Excludes "
                                   "784,512 shares held by ...')", optional=True),
})
FACT_TYPES["signature_slot"] = FactType(
    "a signature slot of a text or HTML statement: a conformed signature ('/s/ ...') or the form's "
    "'Signature' caption under a rule; person: the statement's only reporting person, where it has one", {
        "typed_chars": F("int", "characters typed in the slot: after '/s/' up to a rule, or on the line over "
                                "the caption's rule (0 when that line is another caption or the page heading)"),
    })
