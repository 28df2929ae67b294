"""13D Item 5(a) in sentences: 'Mr. Mody beneficially owns 2,050,000 shares, representing
approximately 18.1%', 'the combined holdings of A and its subsidiaries are N shares, or P%', 'the
aggregate number of shares beneficially owned by X is N', 'The Trust holds N shares, as to which
it may be deemed to have shared voting and dispositive power', and the same said of each person
in turn. Only a sentence about the person (its name, a term defined for it, its surname, a
pronoun) gives the person a figure; two different figures for one person give none.
"""
from __future__ import annotations

import re

from checker.model import Amount, Item, ItemHolding
from checker.parse import values as V
from checker.parse.item_passive import passive_holdings
from checker.parse.item_persons import per_person_holdings
from checker.parse.item_text import flatten as _flatten
from checker.parse.item_text import line_of as _line
from checker.parse.item_text import printed_percent as _printed_percent

# 13D Item 5(a): one sentence with the amount and the percent, and no other number between them
# ('2,398,434 shares of Common Stock and 1,666,667 Warrants or 27.8%' is not an aggregate). The
# verbs filers use: 'beneficially owns', 'owns', 'is (deemed to be) the beneficial owner of', 'the
# aggregate number ... is N, which constitutes'; the links: 'representing', 'constituting', 'or',
# 'which represents/constitutes'.
_VERB_WORDS = (r"(?P<verb>beneficially\s+own(?:s|ed)?|own(?:s|ed)?\s+beneficially|\bown(?:s|ed)?|\bh(?:eld|olds)|"
               r"beneficial\s+owners?\s+of|\bis)[\"“”'’]?\s+(?:as\s+of\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d\d,?\s+)?"
               r"(?:in\s+the\s+aggregate\s+)?"
               r"(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+|approximately\s+|all\s+)?")
_COUNT = r"\d{1,3}(?:,\d{3})+|\d+"
_VERB = _VERB_WORDS + rf"(?P<n>{_COUNT})"


_OWNS = re.compile(
    _VERB + r"(?:\s+(?:shares|units)\b)?(?=[\s,(])[^.;%\d]{0,160}?"
    r"(?:representing|represent(?:s|ed)|constitut(?:ing|es?|ed)|\bor|"
    r"which\s+(?:represents?|represented|constitutes?|constituted|is)|\()\s*(?:approximately\s+|about\s+)?"
    r"(?P<p>\d{1,3}(?:\.\d+)?|\.\d+)" + V.PCT_SIGN, re.I)


# A holding of another security stated with the shares of the class it converts into, which are
# what the person beneficially owns of that class (Rule 13d-3(d)(1)): 'Intermodal beneficially
# owns 120,000 Preferred Shares, which are convertible ... into 256,487 Common Shares, representing
# approximately 1.3%'. Only words (no figure) between the two counts and before the percent.
_OWNS_CONVERTIBLE = re.compile(
    _VERB_WORDS + rf"(?P<security>{_COUNT})\s+(?:shares\s+of\s+)?(?:[A-Za-z][\w\-]*\s+){{0,5}}?"
    r"(?:preferred|warrants?|notes?|debentures?|options?)\b[^.;%\d]{0,120}?\b(?:convertible|exercisable)\b"
    rf"[^.;%\d]{{0,80}}?\b(?:into|for)\s+(?:an\s+aggregate\s+of\s+)?(?P<n>{_COUNT})\s+(?:shares|common)\b[^.;%\d]{{0,80}}?"
    r"(?:representing|represent(?:s|ed)|constitut(?:ing|es?|ed)|which\s+(?:represents?|constitutes?|is))\s*"
    r"(?:approximately\s+|about\s+)?(?P<p>\d{1,3}(?:\.\d+)?|\.\d+)" + V.PCT_SIGN, re.I)


# The amount alone ('Mr. Mody beneficially owns 2,050,000 shares of Common Stock, consisting of
# ...'), not of another security ('owns 10,000 shares of Series A Preferred').
_OWNS_AMOUNT = re.compile(
    _VERB + r"\s+(?:shares|units)\b(?!\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?"
    r"(?:preferred|warrants?|options?|notes?|debentures?|units))"
    # nor one part of a compound holding ('2,398,434 shares of Common Stock and 1,666,667 Warrants')
    r"(?!(?:\s+of(?:\s+[A-Za-z][\w\-]*){1,4})?\s*(?:,\s*)?(?:and|plus)\s+\d)"
    # nor the first of two holdings of one subject ('Goldman Sachs beneficially owns 96,539 shares
    # of Common Stock and, as the general partner of Water Street, may be deemed to be the
    # beneficial owner of the 9,418,231 shares ... held by Water Street')
    r"(?!(?:\s+of(?:\s+[A-Za-z][\w\-]*){1,4})?\s*,?\s*and\s*,?\s*(?:[^.;,]{0,80},\s*)?"
    r"(?:may\s+be\s+deemed\s+to\s+(?:be\s+)?|is\s+(?:also\s+)?|also\s+)?"
    r"(?:the\s+beneficial\s+owner|beneficially\s+own|own|hold))", re.I)


# 'owns 10,000 shares of Class B Common Stock': another class than the one reported, unless the
# statement is about that class ('Swoosh is deemed to own beneficially 128,500,000 shares of the
# NIKE Class B Stock' where the title page names the Class B Stock).
_OF_CLASS_LETTER = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?class\s+([a-z])\b", re.I)


def class_letter(security_class) -> str | None:
    """'b' for 'Class B Common Stock': the letter of the class the title page names."""
    m = re.search(r"\bclass\s+([a-z])\b", security_class.value if security_class else "", re.I)
    return m.group(1).lower() if m else None


def _of_own_class(flat: str, m: re.Match, own: str | None) -> bool:
    """The count is of the class reported: no 'Class B' after it, 'Class A' (often the class
    itself), or the class letter the title page names."""
    c = _OF_CLASS_LETTER.match(flat, m.end())
    letter = c.group(1).lower() if c else None
    return letter is None or letter == own or (letter == "a" and own is None)


# Only the percent: 'the shares ... beneficially owned by the Reporting Person constitute 15.3% of
# the Issuer's outstanding Common Stock'.
# Also 'which represents 5.02% of the total number of shares' (not '... of the shares held by the
# Fund', a part of the holding), and 'The percentage of the class of Common Stock owned by Mr.
# Neubauer is approximately 20%'.
_PCT_OF_CLASS = re.compile(
    r"(?:constitut(?:e|es|ing)|represent(?:s|ing)?|equal(?:s|ling)?)\s+(?:approximately\s+|about\s+)?"
    r"(?P<p>\d{1,3}(?:\.\d+)?|\.\d+)" + V.PCT_SIGN + r"\s+of\s+(?:the\s+)?(?:(?:[\w’'\-]+\s+){0,3}?(?:issued\s+and\s+)?"
    r"outstanding\b|total\s+number\s+of\s+(?:issued\s+|outstanding\s+)?(?:shares|units)\b"
    r"(?!\s+(?:held|owned|purchased|acquired|sold|under|in|of\s+the\s+(?:fund|account|trust)))"
    r")|percentage\s+of\s+(?:the\s+)?class(?:\s+of\s+[\w\s]{1,30}?)?\s+(?:beneficially\s+)?owned\s+by\s+"
    r"[^;%\d]{2,60}?\s+is\s+(?:approximately\s+|about\s+)?(?P<p2>\d{1,3}(?:\.\d+)?|\.\d+)" + V.PCT_SIGN, re.I)


def per_person_sentences(item: Item, names: set[str], terms: dict[str, str] | None = None,
                          own: str | None = None, family: dict[str, str] | None = None) -> list[ItemHolding]:
    """One sentence per reporting person ('Capital World Investors is deemed to be the beneficial
    owner of 13,280,530 shares or 22.4% ...', or by its defined term: 'AVF XII beneficially owns
    ...'): the amount with its percent, else the amount alone with the words of beneficial ownership."""
    flat, starts = _flatten(item.text)
    found = per_person_holdings(item, flat, starts, sorted(names), _OWNS, _line, terms=terms, surnames=family)
    told = {h.person for h in found}
    found += [h for h in per_person_holdings(item, flat, starts, sorted(names), _OWNS_CONVERTIBLE, _line,
                                             keep=_beneficial, terms=terms, surnames=family) if h.person not in told]
    told = {h.person for h in found}
    found += [h for h in per_person_holdings(item, flat, starts, sorted(names), _OWNS_AMOUNT, _line,
                                             keep=lambda m: _beneficial(m) and _of_own_class(flat, m, own),
                                             terms=terms, surnames=family) if h.person not in told]
    told = {h.person for h in found}
    return found + [h for h in passive_holdings(item, flat, starts, sorted(names), _line, _printed_percent, terms)
                    if h.person not in told]


def _beneficial(m: re.Match) -> bool:
    """An amount stated alone counts only with the words of beneficial ownership ('beneficially
    owns', 'owned beneficially', 'the beneficial owner of'), not a bare 'holds' or 'owns' (record
    holdings of one entity, shares one person holds directly)."""
    return "benefic" in m.group("verb").lower()


def _about_the_person(flat: str, m: re.Match, name: str | None) -> bool:
    """'beneficially owns' speaks of the reporting person; a bare 'owns' or 'is' must have it (its
    name, 'the Reporting Person', a pronoun) before the verb in the same sentence: 'Cayman owns
    520,067 shares, or 4.0%' is about one of the funds, not the person who reports."""
    if m.group("verb").lower().startswith("beneficially"):
        return True
    start = max(flat.rfind(".", 0, m.start()), flat.rfind(";", 0, m.start()), 0)
    subject = flat[start:m.start()].lower()
    words = [w for w in re.findall(r"[a-z]{4,}", (name or "").lower())
             if w not in ("company", "corporation", "limited", "partners", "capital", "group", "fund", "trust")]
    return bool(re.search(r"reporting\s+person|\b(?:he|she|it|they)\b", subject)) or any(w in subject for w in words)


# 'The combined holdings of FMR, Fidelity, FVA, FVAL, and FMTC, are 903,691 Shares, or
# approximately 12.12% of the outstanding Shares': the one person's holding with its
# subsidiaries', where the holders it lists name the person.
_COMBINED = re.compile(r"\b(?:combined|aggregate|total)\s+holdings?\s+of\s+(?P<subj>[^.;%\d]{2,100}?),?\s+"
                       r"(?:are|is|were|was)\s+(?:approximately\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:shares|units)\b,?\s+"
                       r"(?:or|representing|constituting)\s+(?:approximately\s+|about\s+)?(?P<p>\d{1,3}(?:\.\d+)?|\.\d+)" + V.PCT_SIGN, re.I)


def _combined(item: Item, flat: str, starts: list[int], name: str) -> ItemHolding | None:
    hits = [m for m in _COMBINED.finditer(flat) if _names(m.group("subj"), name)]
    if len({(m.group("n"), m.group("p")) for m in hits}) != 1:
        return None
    m = hits[0]
    shares = V.read_number(m.group("n"))
    line = _line(item, starts, m.start("n"))
    return ItemHolding(item=item.number, line=item.line, aggregate=Amount(shares=shares, raw=m.group("n"), line=line),
                       percent=_printed_percent(m.group("p"), line)) if shares is not None else None


# 'The aggregate number of shares of Common Stock beneficially owned by Mr. Neubauer as of
# December 31, 1993 is 4,935,312 shares': the holder named after the verb.
_OWNED_BY = re.compile(r"\bbeneficially\s+owned\s+by\s+(?P<subj>[^;:%\d]{2,80}?)(?:\s+as\s+of\s+[^.;:%]{3,40}?)?"
                       r"\s+(?:is|was|are|were)\s+(?:approximately\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:shares|units)\b", re.I)


def sentence_holding(item: Item, name: str | None = None, own: str | None = None) -> ItemHolding | None:
    flat, starts = _flatten(item.text)
    hits = [m for m in _OWNS.finditer(flat) if _about_the_person(flat, m, name)]
    combined = _combined(item, flat, starts, name) if name and not hits else None
    if combined is not None:
        got = _sentence_figures(item, flat, starts, hits, name, own)
        if got is None:
            return combined
        if got.percent is None and got.aggregate is not None and got.aggregate.shares == combined.aggregate.shares:
            got.percent = combined.percent  # the same holding: its percent
        return got
    return _sentence_figures(item, flat, starts, hits, name, own)


# 'The Trust holds 3,114,570 shares of Common Stock, as to which it may be deemed to have shared
# voting and dispositive power': the shares over which the one reporting person (a trustee for
# the trust, named by the trust) has both powers. Read only where nothing else states a figure.
_HELD_WITH_POWERS = re.compile(
    r"\b(?:holds|held|owns|owned)\s+(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:shares|units)\b"
    r"(?P<mid>[^.;\d]{0,60}?),?\s*as\s+to\s+which\s+(?:it|he|she|they|the\s+\w+)\s+(?:may\s+be\s+deemed\s+to\s+)?"
    r"(?:has|have|had|possess(?:es)?)\s+(?:the\s+)?(?:sole|shared)?\s*(?:voting\s+and\s+dispositive|dispositive\s+and\s+voting|"
    r"voting\s+and\s+investment)\s+powers?\b", re.I)


def _held_with_powers(item: Item, flat: str, starts: list[int], name: str) -> ItemHolding | None:
    hits, prev = [], 0
    for m in _HELD_WITH_POWERS.finditer(flat):
        # the subject: the words before the verb in its clause, at most 80 characters (found
        # from the verb back: a leading lazy group tried at every offset was quadratic on a
        # long line)
        begin = max(prev, m.start() - 80, max(flat.rfind(".", 0, m.start()), flat.rfind(";", 0, m.start())) + 1)
        prev = m.end()
        if _names_holder(flat[begin:m.start()], name):
            hits.append(m)
    if len({m.group("n") for m in hits}) != 1:
        return None
    m = hits[0]
    shares = V.read_number(m.group("n"))
    line = _line(item, starts, m.start("n"))
    return ItemHolding(item=item.number, line=item.line,
                       aggregate=Amount(shares=shares, raw=m.group("n"), line=line)) if shares is not None else None


def _names_holder(subject: str, name: str) -> bool:
    """The words before the verb name the person, or are 'the Trust' ('the Fund') where the
    person's name ends in that word ('Wachovia Bank, N.A., as Trustee for the ... Trust')."""
    last = re.findall(r"[A-Za-z]+", name)
    tail = re.sub(r"^[\W_]+", "", re.split(r"[,;:]", subject)[-1])  # a rule of dashes above the text
    if last and re.fullmatch(r"\s*(?:\w+\s+){0,8}?the\s+" + re.escape(last[-1]) + r"\s*", tail, re.I) \
            and last[-1].lower() in ("trust", "fund", "partnership", "plan"):
        return True
    return _names(tail, name)


def _sentence_figures(item: Item, flat: str, starts: list[int], hits: list, name: str | None,
                      own: str | None) -> ItemHolding | None:
    if len(hits) > 1 and name:
        # Sentences about several holders ('(i) Michael T. Kanarellis is the beneficial owner of ...
        # (ii) Robert J. Kecseg is the beneficial owner of ...'): the one whose subject names the person.
        named = per_person_holdings(item, flat, starts, [name], _OWNS, _line)
        if len(named) == 1:
            return named[0]
    if not hits and name:
        passive = {V.read_number(m.group("n")): m for m in _OWNED_BY.finditer(flat)
                   if _names(m.group("subj"), name)}
        if len(passive) == 1:
            (shares, m), = passive.items()
            pct = _percent_only(item, flat, starts)
            return ItemHolding(item=item.number, line=item.line, percent=pct.percent if pct else None,
                               aggregate=Amount(shares=shares, raw=m.group("n"), line=_line(item, starts, m.start("n"))))
    if not hits:
        amounts = [m for m in _OWNS_AMOUNT.finditer(flat) if _beneficial(m) and _about_the_person(flat, m, name)
                   and _of_own_class(flat, m, own)]
        if len({m.group("n") for m in amounts}) == 1:
            shares = V.read_number(amounts[0].group("n"))
            line = _line(item, starts, amounts[0].start())
            pct = _percent_only(item, flat, starts)
            return ItemHolding(item=item.number, line=item.line, percent=pct.percent if pct else None,
                               aggregate=Amount(shares=shares, raw=amounts[0].group("n"), line=line)) \
                if shares is not None else pct
    if not hits and name:
        held = _held_with_powers(item, flat, starts, name)
        if held is not None:
            pct = _percent_only(item, flat, starts)
            held.percent = pct.percent if pct else None
            return held
    if len(hits) != 1:
        return _percent_only(item, flat, starts) if not hits else None
    m = hits[0]
    line = _line(item, starts, m.start())
    shares = V.read_number(m.group("n"))
    if shares is None:
        return None
    return ItemHolding(item=item.number, line=item.line,
                       aggregate=Amount(shares=shares, raw=m.group("n"), line=line),
                       percent=_printed_percent(m.group("p"), line))


def _names(subject: str, name: str) -> bool:
    """The words name the person: 'the Reporting Person', or its name's distinctive words
    ('Mr. Neubauer' for 'Joseph Neubauer')."""
    if re.search(r"\breporting\s+person\b(?!s)", subject, re.I):
        return True
    words = [w for w in re.findall(r"[A-Za-z]{4,}", name)
             if w.lower() not in ("company", "corporation", "limited", "partners", "capital", "group", "fund", "trust",
                                  "corp")]
    # a short name in capitals ('FMR' of 'FMR Corp.'), as printed
    caps = [w for w in re.findall(r"\b[A-Z]{2,3}\b", name) if w not in ("LLC", "LP", "INC", "CO", "NA", "LTD", "PLC", "SA", "AG")]
    return any(re.search(r"\b" + re.escape(w) + r"\b", subject, re.I) for w in words) \
        or any(re.search(r"\b" + re.escape(w) + r"\b", subject) for w in caps)


def _percent_only(item: Item, flat: str, starts: list[int]) -> ItemHolding | None:
    """One percent of the outstanding class, stated once (maybe in several sentences)."""
    hits = list(_PCT_OF_CLASS.finditer(flat))
    printed = {h.group("p") or h.group("p2") for h in hits}
    if not hits or len(printed) != 1:
        return None
    line = _line(item, starts, hits[0].start())
    return ItemHolding(item=item.number, line=item.line, percent=_printed_percent(printed.pop(), line))
