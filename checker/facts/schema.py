"""The fact types the engine sees, each declared once: its fields, their types, which may be absent.

The catalogue loader validates every rule condition and every ``{alias.field}`` of a message
against this table (checker/rulebook.py), and a test checks that the fact builders emit only
what is declared here. A *derived* field is arithmetic over what the filing says (a sum, a
rounding interval, a business-day deadline, a check digit); its doc says how it is computed so
that `stakecheck explain CODE` can show it. No field is a verdict named after one rule.
"""
from __future__ import annotations

from dataclasses import dataclass, field

NUMBER = (int, float)
TYPES = {"int": (int,), "number": NUMBER, "str": (str,), "bool": (bool,)}


@dataclass(frozen=True)
class Field:
    type: str  # int | number | str | bool
    doc: str
    optional: bool = False  # may be absent from a fact of this type
    derived: bool = False  # computed from what the filing says, not read from it


@dataclass(frozen=True)
class FactType:
    doc: str
    fields: dict[str, Field] = field(default_factory=dict)


def F(type_: str, doc: str, optional: bool = False) -> Field:
    return Field(type_, doc, optional)


def D(type_: str, doc: str, optional: bool = False) -> Field:
    return Field(type_, doc, optional, derived=True)


# Fields every fact may carry: where it is and whom it concerns. fid/sid/id are the engine's.
COMMON = {
    "t": F("str", "the fact type"),
    "person": F("str", "the reporting person the fact concerns", optional=True),
    "line": F("int", "the line in the user's file", optional=True),
    "evidence": F("str", "the text the fact was read from", optional=True),
    "key": F("str", "a line-independent key for the finding's fingerprint", optional=True),
    "fid": F("str", "the filing's id in the engine session (every fact of a filing has the same)"),
}

FACT_TYPES: dict[str, FactType] = {
    "parse_issue": FactType("something the parser could not read with confidence", {
        "kind": F("str", "not-a-filing, fragment, unplaced-value, unreadable-number, malformed-xml, ..."),
        "message": F("str", "the parser's description"),
    }),
    "rule_error": FactType("a rule that could not be evaluated on this filing (raised by the engine itself)", {
        "message": F("str", "what failed"),
    }),
    "waiver": FactType("a waiver of the --waivers file (raised by checker/waivers.py, not asserted)", {}),
    "filing": FactType("the document as a whole: form, title page, and what is present in it", {
        "schedule": F("str", "13D or 13G (13D where the parser could not tell)"),
        "form": F("str", "the form type the document (or else the header) states", optional=True),
        "form_key": D("str", "the form reduced to schedule letter and /A: 'D', 'D/A', 'G', 'G/A'", optional=True),
        "header_form": F("str", "the EDGAR header's form type", optional=True),
        "header_form_key": D("str", "the header's form reduced like form_key", optional=True),
        "document_form": F("str", "the form type the document itself states", optional=True),
        "document_form_key": D("str", "the document's form reduced like form_key", optional=True),
        "amended": D("bool", "the form ends in /A or an amendment number is printed"),
        "form_amended": D("bool", "the form type ends in /A"),
        "amendment_no": F("int", "the amendment number printed", optional=True),
        "passive": D("bool", "a 13G checked Rule 13d-1(c) (passive investor)"),
        "rule_box_count": D("int", "how many different Rule 13d-1 boxes are checked"),
        "rule_boxes": F("str", "the checked Rule 13d-1 boxes, comma-separated"),
        "rule_boxes_key": F("str", "the checked boxes, comma-separated without spaces (fingerprint key)"),
        "rule_box_line": F("int", "line of the first checked box", optional=True),
        "format": F("str", "text, html, xml or edgar-submission"),
        "is_filing": D("bool", "the parser recognised a Schedule 13D/13G (no not-a-filing issue)"),
        "cover_page_count": D("int", "cover pages with a reporting person's name"),
        "cover_block_count": D("int", "cover-page structures of any kind (named, nameless or a fragment)"),
        "cusip_count": D("int", "CUSIPs found on the title page and the cover pages"),
        "has_event_date": D("bool", "a date of event was read from the title page"),
        "has_class_title": D("bool", "a title of the class of securities was read"),
        "has_issuer_name": D("bool", "an issuer name was read from the title page"),
        "has_issuer_cik": D("bool", "an issuer CIK was read (XML issuerCIK, or the EDGAR header)"),
        "title_page_missing": D("str", "XML title-page elements marked mandatory that are absent, comma-separated"),
        "signature_count": D("int", "signature blocks found (statement, agreement or exhibit)"),
        "statement_signatures": D("int", "signature blocks on the statement itself"),
        "item4_chars": D("int", "characters of text under Item 4 (0: item absent or empty)"),
        "item5_chars": D("int", "characters of text under Item 5 (0: item absent or empty)"),
    }),
    "cover_page": FactType("one named cover page", {
        "person": F("str", "the reporting person"),
        "norm": D("str", "the name normalised (case, punctuation, legal-form words): equal means same entity"),
        "occurrence": D("int", "1 for the first page with this normalised name, 2 for the next, ..."),
    }),
    "cover_person": FactType("a reporting person a cover page is for (each name of a page several share)", {
        "person": F("str", "the reporting person"),
        "signatures": D("int", "statement signature blocks whose name matches the person"),
    }),
    "cover_row": FactType("a cover-page row that is not there or carries no value", {
        "person": F("str", "the reporting person"),
        "row": F("int", "the row number on the form"),
        "title": F("str", "the row's title"),
        "state": D("str", "'missing' (label absent) or 'blank' (label present, no value, not a parse issue)"),
    }),
    "type_code": FactType("one type-of-reporting-person code of a cover page", {
        "person": F("str", "the reporting person"),
        "code": F("str", "the code as printed, one code (a row listing several gives one fact each)"),
        "schedule": F("str", "13D or 13G"),
    }),
    "fund_code": FactType("one source-of-funds code of a 13D cover page (row 4)", {
        "person": F("str", "the reporting person"),
        "code": F("str", "the code as printed"),
        "hint": D("str", "a reading hint for the message ('' or the note that 00 is OO)"),
    }),
    "cusip": FactType("a CUSIP on the title page or a cover page", {
        "where": F("str", "'title page' or 'cover page'"),
        "value": F("str", "the CUSIP without spaces and hyphens, upper case"),
        "length": D("int", "number of characters"),
        "printed_digit": D("int", "the ninth character, where it is a digit", optional=True),
        "computed_digit": D("int", "the modulus-10 double-add-double check digit of the first eight "
                                   "characters, where they are all CUSIP characters", optional=True),
        "occurrence": D("int", "1 the first time this value appears in the filing"),
    }),
    "ein": FactType("an IRS identification number of a cover page", {
        "person": F("str", "the reporting person"),
        "value": F("str", "as printed"),
        "shape": D("str", "the value with every digit written 0: '00-0000000' is the form's shape"),
        "prefix": D("str", "the first two characters"),
        "digits": D("str", "the value without hyphens"),
    }),
    "group_boxes": FactType("row 2 (member of a group) across the cover pages that print it", {
        "distinct": D("int", "how many different answers ((a), (b), both, neither) the pages give"),
        "summary": D("str", "which persons gave which answer"),
    }),
    "uncovered_name": FactType("a person named in the joint filing agreement, a signature or the header "
                               "group list whom no cover page names", {
        "person": F("str", "the reporting person"),
        "sources": F("str", "where the name appears ('joint filing agreement and signature')"),
        "closest": D("str", "the most similar cover-page name", optional=True),
        "similarity": D("number", "difflib ratio of the normalised names to closest (0 when none)"),
    }),
    "legal_box": FactType("a 13D cover page's row 5 box (legal proceedings) as read, beside Item 2(d) and 2(e)", {
        "person": F("str", "the reporting person"),
        "checked": F("bool", "row 5's box is checked"),
        "d_parts": D("int", "how many parts of Item 2 are labelled (d) (criminal convictions), '(d)-(e)' counted for both"),
        "d_none": D("int", "how many of them say there is nothing to disclose ('Not Applicable', 'has not been convicted')"),
        "e_parts": D("int", "the same count of (e) parts (civil proceedings, judgments, decrees, final orders)"),
        "e_none": D("int", "how many of them say there is nothing to disclose"),
        "item_line": F("int", "Item 2's heading line", optional=True),
    }),
    "issuer_name": FactType("the issuer as another part of the filing names it", {
        "cover": F("str", "the issuer on the title page"),
        "other": F("str", "the issuer as named there"),
        "where": F("str", "'EDGAR header (subject company)' or 'Item 1'"),
        "similarity": D("number", "1 when one normalised name contains the other, else difflib ratio"),
    }),
    "signing_route": FactType("an entity's signature through another entity that differs from its first one", {
        "person": F("str", "the reporting person"),
        "by": F("str", "the first route (statement first, then earliest)"),
        "where": F("str", "where the first route signs"),
        "where_line": F("int", "its line", optional=True),
        "other_by": F("str", "this route"),
        "other_where": F("str", "where this route signs"),
        "contexts": D("int", "in how many different places (statement, agreement, exhibit) the entity signs by proxy"),
    }),
    "person": FactType("a reporting person's percent of class and what it implies", {
        "person": F("str", "the reporting person"),
        "pct": F("number", "row 13 / 13G row 11, as printed"),
        "pct_s": F("str", "the percent as printed, with %"),
        "decimals": F("int", "decimals printed"),
        "schedule": F("str", "13D or 13G"),
        "passive": D("bool", "the filing checked Rule 13d-1(c)"),
        "early_warning": F("number", "the house early-warning line (configuration thresholds.early_warning)",
                           optional=True),
        "class_key": D("str", "the class the page reports on (its CUSIP, or '' where none is printed)"),
        "agg": F("number", "row 11 / 13G row 9", optional=True),
        "agg_s": F("str", "row 11 formatted", optional=True),
        "issuable": D("number", "the part of row 11 stated as issuable on conversion or exercise", optional=True),
        "implied_lo": D("number", "lowest outstanding count the printed percent allows: agg*100/(pct+half a "
                                  "printed unit)", optional=True),
        "implied_hi": D("number", "highest outstanding count the printed percent allows", optional=True),
        "implied_lo_add": D("number", "implied_lo less the person's own issuable shares", optional=True),
        "implied_hi_add": D("number", "implied_hi less the person's own issuable shares", optional=True),
        "implied_s": D("str", "the midpoint of [implied_lo, implied_hi], formatted", optional=True),
        "in_sets": D("int", "in how many of the class's largest sets of persons whose implied intervals share a "
                            "point the person is (consensus.sets; 0: in none)", optional=True),
        "in_sets_add": D("int", "as in_sets, each interval less the person's own issuable shares", optional=True),
        "missed_mid_s": D("str", "midpoint of the common interval of the first such set the person is not in, "
                                 "formatted", optional=True),
    }),
    "consensus": FactType("the outstanding count most reporting persons' percents agree on (one per class)", {
        "class_key": D("str", "the class (see person.class_key)"),
        "persons": D("int", "persons of the class with a positive amount and percent"),
        "size": D("int", "the largest number of them whose implied intervals share a point"),
        "lo": D("number", "that common interval's low end"),
        "hi": D("number", "its high end"),
        "size_add": D("int", "as size, each interval less the person's own issuable shares"),
        "lo_add": D("number", "as lo, with the add-back"),
        "hi_add": D("number", "as hi, with the add-back"),
        "issuable_persons": D("int", "persons with shares issuable on conversion or exercise"),
        "sets": D("int", "how many different sets of persons are that large (more than one: the percents split)"),
        "sets_add": D("int", "as sets, with the add-back"),
        "mid_s": D("str", "midpoint of [lo, hi], formatted"),
        "ref_mid_s": D("str", "midpoint of the implied interval of the alphabetically first member, formatted"),
    }),
    "holding_summary": FactType("the filing's holdings at a glance (pages with a percent)", {
        "top_person": F("str", "the person with the highest percent"),
        "top_pct": F("number", "that percent"),
        "top_pct_s": F("str", "that percent as printed"),
        "percent_count": D("int", "pages with a percent"),
        "pages": D("int", "cover pages naming a reporting person (with or without a percent)"),
        "group_a": F("bool", "a cover page checks row 2's box (a), member of a group"),
        "percent_max": D("number", "the highest percent (= top_pct)"),
        "aggregate_count": D("int", "pages with an aggregate amount"),
        "aggregate_max": D("number", "the largest aggregate amount", optional=True),
        "amended": D("bool", "the filing is an amendment"),
        "exit_box": F("bool", "13G Item 5 (5 percent or less) is checked"),
        "schedule": F("str", "13D or 13G"),
        "first_page_line": F("int", "line of the first page with a percent", optional=True),
    }),
    "components": FactType("a stated breakdown of a row ('consisting of (i) ... (ii) ...')", {
        "person": F("str", "the reporting person"),
        "row": F("str", "which row"),
        "stated": F("number", "the row's amount"),
        "stated_s": F("str", "formatted"),
        "sum": D("number", "the sum of the components"),
        "sum_s": D("str", "formatted"),
        "parts": F("str", "the components as printed"),
    }),
    "text_breakdown": FactType("a breakdown an Item states in words ('owns 2,050,000 shares, consisting of (i) ... (ii) ...')", {
        "person": F("str", "the reporting person, where certain", optional=True),
        "item": F("str", "the Item the sentence is in"),
        "stated": F("number", "the total printed before 'consisting of'"),
        "stated_s": F("str", "formatted"),
        "sum": D("number", "the sum of the parts"),
        "sum_s": D("str", "formatted"),
        "parts": F("str", "the parts as printed"),
    }),
    "powers": FactType("a cover page's power rows and aggregate (all four rows read)", {
        "person": F("str", "the reporting person"),
        "agg": F("number", "row 11"),
        "voting": D("number", "sole + shared voting power (rows 7 + 8)"),
        "dispositive": D("number", "sole + shared dispositive power (rows 9 + 10)"),
        "agg_s": F("str", "formatted"), "voting_s": D("str", "formatted"), "dispositive_s": D("str", "formatted"),
        "low_s": D("str", "max(voting, dispositive), formatted"),
        "high_s": D("str", "voting + dispositive, formatted"),
    }),
    "restated": FactType("a cover-page figure that 13G Item 4 or 13D Item 5(a) states again in words", {
        "person": F("str", "the reporting person"),
        "item": F("str", "the item that restates it: '4' or '5'"),
        "what": F("str", "the figure: 'aggregate amount', 'percent of class', 'sole voting power', ..."),
        "cover_s": F("str", "the cover page's figure as printed"),
        "item_s": F("str", "the item's figure as printed"),
        "cover_line": F("int", "the cover page row's line", optional=True),
        "cover_lo": D("number", "the cover's figure; for a percent printed to another precision than the "
                                "item's, the lowest value its printed digits allow (half a unit of the last digit below)"),
        "cover_hi": D("number", "the cover's figure; for a percent the highest value its printed digits "
                                "allow (a whole unit above, so that a truncated print also fits)"),
        "item_lo": D("number", "the item's figure, or its lowest value as cover_lo"),
        "item_hi": D("number", "the item's figure, or its highest value as cover_hi"),
    }),
    "group_figure": FactType("an amount 13G Item 4 or 13D Item 5 states once for no person in particular "
                             "(the aggregate, or one of the four powers), where the persons' rows differ", {
        "person": F("str", "the reporting person whose row is closest to the amount"),
        "item": F("str", "the item: '4' or '5'"),
        "what": F("str", "the figure: 'the amount beneficially owned', 'the shared voting power', ..."),
        "row": F("str", "the cover row it is compared with: 'row 11', 'row 7' ... 'row 10' (13D numbers)"),
        "item_n": F("number", "the item's amount"),
        "closest_n": D("number", "of every person's row and every sum of some persons' rows, the one closest to the "
                                 "item's amount (the amount itself where it is one)"),
        "item_s": F("str", "the item's amount as printed"),
        "cover_s": F("str", "that person's row"),
        "cover_line": F("int", "that row's line", optional=True),
        "persons": F("int", "how many persons' rows were compared"),
        "rows_s": F("str", "the persons' rows, the distinct figures, formatted"),
    }),
    "held_part": FactType("shares 13D Item 5 or 13G Item 4 says a person holds as a part of its holding "
                          "(directly, of record, through a wholly-owned subsidiary, by a voting or dispositive power)", {
        "person": F("str", "the reporting person the sentence names as the holder"),
        "item": F("str", "the item: '4' or '5'"),
        "part_s": F("str", "the item's count as printed"),
        "part_n": D("number", "the item's count"),
        "cover_s": F("str", "the person's row 11, formatted"),
        "cover_n": D("number", "the person's row 11"),
        "cover_line": F("int", "that row's line", optional=True),
    }),
    "power_row": FactType("one power row that was read (rows 7-10 of a 13D, 5-8 of a 13G), beside row 11", {
        "person": F("str", "the reporting person"),
        "row": F("int", "the row number on the form"),
        "title": F("str", "the row's title ('shared voting power')"),
        "shares": F("number", "the row's amount"), "shares_s": F("str", "formatted"),
        "agg": F("number", "the aggregate amount (row 11 of a 13D, row 9 of a 13G)"), "agg_s": F("str", "formatted"),
        "rows_read": D("int", "how many of the four power rows of the page were read (4: see the 'powers' fact)"),
    }),
    "power_total": FactType("the voting (rows 7 + 8) or dispositive (rows 9 + 10) total beside row 11 (the row read, where the other is blank)", {
        "person": F("str", "the reporting person"),
        "kind": F("str", "'voting' or 'dispositive'"),
        "rows": F("str", "the row numbers added, '7 + 8', or '7, 8 blank'"),
        "total": D("number", "the two rows added"), "total_s": D("str", "formatted"),
        "agg": F("number", "the aggregate amount"), "agg_s": F("str", "formatted"),
        "digits_apart": D("int", "digit positions in which total and aggregate differ (99: different lengths)"),
        "swapped": D("bool", "they differ by two adjacent digits swapped"),
        "rows_nonzero": D("int", "how many of the total's two rows were read as a whole number above 0"),
        "row_fixes": D("str", "of two non-zero rows, the one(s) closest in digits to its balance, the aggregate less "
                              "the other row (the figure that would make the total the aggregate): 'row 8 (shared "
                              "voting power) 72,760 would be 72,780'", optional=True),
        "row_digits_apart": D("int", "the fewest digit positions in which a row and its balance differ (99: different "
                                     "lengths; 1 for two adjacent digits swapped)", optional=True),
        "row_swapped": D("bool", "a closest row and its balance differ by two adjacent digits swapped", optional=True),
    }),
    "powers_partial": FactType("a cover page with one or more power rows blank (none unread) and a row of each kind read, beside row 11", {
        "person": F("str", "the reporting person"),
        "agg": F("number", "row 11 (13G row 9)"), "agg_s": F("str", "formatted"),
        "voting": D("number", "the voting rows read, added (a blank row adds nothing)"), "voting_s": D("str", "formatted"),
        "dispositive": D("number", "the dispositive rows read, added"), "dispositive_s": D("str", "formatted"),
        "blank": F("str", "the blank rows: '8 (shared voting power), 10 (shared dispositive power)'"),
        "same_agg": D("int", "how many other persons of the same class report the same aggregate"),
        "group_voting": D("number", "the voting rows read of every person of the class, added"),
        "group_dispositive": D("number", "the dispositive rows read of every person of the class, added"),
    }),
    "group_row": FactType("a sole power row of one person of a joint filing whose persons all report the same aggregate and sole power only, where that kind's rows of all the persons do not add up to the aggregate", {
        "person": F("str", "the reporting person"),
        "kind": F("str", "'voting' or 'dispositive'"),
        "other": F("str", "the other kind"),
        "row": F("int", "the row number on the form"),
        "title": F("str", "the row's title"),
        "shares": F("number", "the row's amount"), "shares_s": F("str", "formatted"),
        "balance": D("number", "the aggregate less the other persons' rows of this kind: the figure that would make them add up"),
        "balance_s": D("str", "formatted"),
        "agg": F("number", "the aggregate every person reports"), "agg_s": F("str", "formatted"),
        "persons": D("int", "how many persons"),
        "sum": D("number", "this kind's sole rows of all the persons, added"), "sum_s": D("str", "formatted"),
        "other_sum": D("number", "the other kind's sole rows of all the persons, added"),
        "digits_apart": D("int", "digit positions in which the row and its balance differ (99: different lengths)"),
        "swapped": D("bool", "they differ by two adjacent digits swapped"),
    }),
    "peer_aggregate": FactType("a person's aggregate beside another aggregate that two or more other persons of the same class report alike", {
        "person": F("str", "the reporting person"),
        "agg": F("number", "the person's row 11"), "agg_s": F("str", "formatted"),
        "peer_agg": F("number", "the aggregate the other persons report"), "peer_agg_s": F("str", "formatted"),
        "peers": D("int", "how many other persons report it"),
        "peer_names": F("str", "those persons"),
        "digits_apart": D("int", "digit positions in which the two aggregates differ (99: different lengths)"),
        "swapped": D("bool", "they differ by two adjacent digits swapped"),
        "diff": D("number", "the person's aggregate less the others'"),
        "rows_differ": D("int", "how many of the person's rows 7-10 and percent differ from those persons' (a row "
                                "read on one page and not on another differs)"),
    }),
    "collective": FactType("an amount stated as owned by several named entities", {
        "person": F("str", "the reporting person"),
        "owners": F("str", "the owners named"),
        "stated": F("number", "the amount stated"), "stated_s": F("str", "formatted"),
        "sum": D("number", "the owners' own aggregates added"), "sum_s": D("str", "formatted"),
        "component_diffs": D("int", "components whose owners' figures do not add up"),
        "details": D("str", "which components differ, and owners counted through another page"),
    }),
    "collective_pct": FactType("a percent stated for shares owned by several named entities", {
        "person": F("str", "the reporting person"),
        "pct": F("number", "the percent stated"), "pct_s": F("str", "as printed"),
        "owners": F("str", "the owners named"),
        "sum_s": D("str", "the owners' own percents added"),
        "low": D("number", "that sum less the rounding of every percent involved"),
        "high": D("number", "that sum plus the rounding of every percent involved"),
        "issuable": D("int", "owners' components issuable on conversion or exercise"),
    }),
    "outstanding_fit": FactType("a person's percent against the outstanding count(s) the filing states", {
        "person": F("str", "the reporting person"),
        "pct": F("number", "the person's percent"), "pct_s": F("str", "as printed"),
        "decimals": F("int", "decimals printed"),
        "low": D("number", "100*agg/(count + own issuable, or + agg where rights to acquire are mentioned but not broken out), for the "
                           "stated count that comes closest to the percent"),
        "high": D("number", "100*agg/count for that count"),
        "below": D("number", "how far below low the printed percent may lie: one printed step (truncation)"),
        "above": D("number", "how far above high it may lie: 0.55 of a printed step (rounding, also twice)"),
        "agg_s": F("str", "row 11 formatted"),
        "outstanding_s": F("str", "the first count stated, formatted"),
        "computed": D("str", "100*agg/first count, two decimals"),
        "where_line": F("int", "line of the first count", optional=True),
    }),
    "count_fit": FactType("an outstanding count the filing says its percents are based on, against the percent that comes closest", {
        "person": F("str", "the reporting person whose percent comes closest to the count"),
        "pct": F("number", "that person's percent"), "pct_s": F("str", "as printed"),
        "low": D("number", "100*agg/(count + the person's issuable shares the cover breaks out)"),
        "high": D("number", "100*agg/count"),
        "below": D("number", "one printed step (truncation)"),
        "above": D("number", "0.55 of a printed step (rounding, also twice)"),
        "agg_s": F("str", "the person's amount formatted"),
        "outstanding_s": F("str", "the count, formatted"),
        "computed": D("str", "100*agg/count, two decimals"),
        "counts": D("int", "how many different counts the filing says its percents are based on"),
        "others_fit": D("int", "how many of the other such counts some person's percent follows from (same tolerances)"),
    }),
    "included_rights_fit": FactType("a person's percent against the one outstanding count the filing states, with and without the shares "
                                    "the person may acquire that its amount is said to include", {
        "person": F("str", "the reporting person"),
        "pct": F("number", "the person's percent"), "pct_s": F("str", "as printed"),
        "decimals": F("int", "decimals printed"),
        "agg_s": F("str", "row 11 formatted"),
        "rights": D("number", "the shares the person may acquire that its amount includes: row 11's components marked issuable, "
                           "where they add up to row 11, or the rights parts of an items' breakdown whose parts add up to the "
                           "amount (one person's alone)"),
        "rights_s": F("str", "those shares formatted"),
        "outstanding_s": F("str", "the count, formatted"),
        "plain": D("number", "100*agg/count"), "plain_s": D("str", "the same, two decimals"),
        "addback": D("number", "100*agg/(count + rights)"), "addback_s": D("str", "the same, two decimals"),
        "below": D("number", "how far below a computed percent the printed one may lie: one printed step (truncation)"),
        "above": D("number", "how far above it may lie: 0.55 of a printed step (rounding, also twice)"),
        "count_adds": D("bool", "the words around the count (its sentence, from 100 characters before it) speak of adding "
                                "shares or of rights to acquire ('plus', 'assuming', 'including', 'issuable', 'exercise'), "
                                "or the count is printed nowhere in the items or the cover pages' notes"),
        "adds_these": D("bool", "the count's sentence adds this very figure to it ('the sum of the 19,256,251 shares outstanding "
                                "plus the 259,487 shares issuable upon conversion'): the filing says its percent is of count + rights"),
        "parts_where": F("str", "where the filing says the amount includes them: 'row 11' (its components) or 'Item N' (a breakdown in that item)"),
        "parts_line": F("int", "line of row 11, or of the item's heading", optional=True),
    }),
    "pct_change": FactType("a person's percent against its percent in the previous filing (--previous)", {
        "person": F("str", "the reporting person"),
        "before": F("str", "previous percent as printed"), "after": F("str", "this percent as printed"),
        "delta": D("number", "after - before, in points of the class"),
        "points": D("str", "delta with its sign"),
        "amended": D("bool", "this filing is an amendment"),
    }),
    "deadline": FactType("the filing deadline from the date of event, per schedule and regime", {
        "event": F("str", "date of event"), "event_day": D("int", "its ordinal day"),
        "regime": D("str", "which rule and period applies"),
        "due": D("str", "the last timely day, or 'promptly'"),
        "due_day": D("int", "ordinal of the last timely day (absent where the rule says 'promptly')",
                     optional=True),
        "filed": F("str", "the filing date (EDGAR header, --filed) or --as-of"),
        "filed_day": D("int", "its ordinal day"),
        "basis": F("str", "'filed' or 'as of'"),
        "lag": D("int", "business days from the event to filed"),
    }),
    "event_date": FactType("the title page's date of event", {
        "date": F("str", "ISO date"), "day": D("int", "ordinal day"),
    }),
    "default_notice": FactType("a notice of default with its date", {
        "date": F("str", "ISO date"), "day": D("int", "ordinal day"),
        "item": D("str", "the item the sentence stands in ('' outside the items)"),
    }),
    "cure_period": FactType("a cure period", {
        "count": F("int", "the number"), "unit": F("str", "days or business days"),
        "anchor": F("str", "what it runs from"),
        "start": D("str", "its first day", optional=True), "start_day": D("int", "ordinal", optional=True),
        "end": D("str", "its last day (business-day calendar)", optional=True),
        "end_day": D("int", "ordinal", optional=True),
    }),
    "default_assertion": FactType("a statement that a default has occurred", {
        "date": F("str", "as of (the statement's date where the sentence gives none)"),
        "day": D("int", "ordinal"),
    }),
    "period_group": FactType("the same period (count and anchor) wherever the filing describes it", {
        "count": F("int", "the number"), "anchor": F("str", "what it runs from"),
        "units": D("int", "in how many units (days, business days) it is described"),
        "lines": F("str", "the lines"), "detail": D("str", "both readings' last days where a start is given"),
    }),
    "covenant_period": FactType("a period with a start date and a last day the filing states", {
        "count": F("int", "the number"), "unit": F("str", "days or business days"),
        "anchor_date": F("str", "the start"), "stated": F("str", "the last day stated"),
        "stated_day": D("int", "its ordinal"), "computed": D("str", "the last day by the calendar"),
        "end_day": D("int", "its ordinal"),
        "note": D("str", "'' or the note that the stated day fits the other unit"),
    }),
    "clause": FactType("a default-related passage: default interest, an election, a pledge", {
        "kind": F("str", "default-interest, election or pledge"),
        "rates": F("str", "interest rates stated, comma-separated", optional=True),
    }),
}


def field_spec(fact_type: str, name: str) -> Field | None:
    ft = FACT_TYPES.get(fact_type)
    if ft is None:
        return None
    return ft.fields.get(name) or COMMON.get(name)


def check_fact(fact: dict) -> list[str]:
    """Problems of one emitted fact against its schema (used by the tests on the whole corpus)."""
    ft = FACT_TYPES.get(fact.get("t"))
    if ft is None:
        return [f"undeclared fact type {fact.get('t')!r}"]
    problems = []
    for name, value in fact.items():
        spec = field_spec(fact["t"], name)
        if spec is None:
            problems.append(f"{fact['t']}.{name} is not declared")
        elif not isinstance(value, TYPES[spec.type]) or (spec.type != "bool" and isinstance(value, bool)):
            problems.append(f"{fact['t']}.{name} is {type(value).__name__}, declared {spec.type}")
    for name, spec in ft.fields.items():
        if not spec.optional and name not in fact:
            problems.append(f"{fact['t']}.{name} is absent but not optional")
    return problems


# The statement's own words (signing dates, certification, joint filing, ...): declared beside.
from checker.facts import schema_statement  # noqa: E402,F401  (adds to FACT_TYPES)
