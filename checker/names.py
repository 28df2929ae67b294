"""Entity names: compare 'Acme Capital, Inc.' with 'ACME CAPITAL INC' as one entity."""
from __future__ import annotations

import collections
import functools
import re

# Legal-form suffixes that filers write with and without punctuation.
_SUFFIXES = {
    "LP": "LP", "L P": "LP", "LLC": "LLC", "L L C": "LLC", "INC": "INC", "INCORPORATED": "INC",
    "LTD": "LTD", "LIMITED": "LTD", "CORP": "CORP", "CORPORATION": "CORP", "CO": "CO",
    "COMPANY": "CO", "LLP": "LLP", "PLC": "PLC", "NA": "NA", "N A": "NA", "SA": "SA", "AG": "AG",
}
_SUFFIX_WORDS = {"L.P.", "LP", "LLC", "L.L.C.", "INC", "INC.", "LTD", "LTD.", "CORP", "CORP.",
                 "CO", "CO.", "LLP", "PLC", "N.A.", "S.A.", "AG", "LIMITED", "INCORPORATED"}


@functools.lru_cache(maxsize=8192)
def normalize(name: str) -> str:
    """Upper case, punctuation dropped, legal-form suffixes unified, spaces folded."""
    s = re.sub(r"[*_]", " ", name.upper())
    s = re.sub(r"\bL\.\s*P\b\.?", "LP", s)
    s = re.sub(r"\bL\.\s*L\.\s*C\b\.?", "LLC", s)
    s = re.sub(r"\bN\.\s*A\.", "NA", s)
    s = re.sub(r"[^A-Z0-9& ]+", " ", s)
    words = s.split()
    if words and words[0] == "THE":
        words = words[1:]
    words = [_SUFFIXES.get(w, w) for w in words]
    return " ".join(words)


# EDGAR's conformed names end in a qualifier the filer never prints: the state of incorporation
# or a mark that tells two registrants of one name apart ('CRANE CO /DE/', 'HANNA M A CO/DE',
# 'APPLE INC /CA/', 'ACME CORP /NEW/').
_CONFORMED_QUALIFIER = re.compile(r"\s*[/\\]\s*[A-Z]{2,3}\s*[/\\]?\s*$")


def without_conformed_qualifier(conformed: str) -> str:
    """An EDGAR conformed name without its trailing '/DE/'-style qualifier."""
    return _CONFORMED_QUALIFIER.sub("", conformed)


def same_entity(a: str, b: str) -> bool:
    return normalize(a) == normalize(b)


def split_names(text: str) -> list[str]:
    """'A, L.P., B LP I and C, Ltd.' -> ['A, L.P.', 'B LP I', 'C, Ltd.'].

    Commas also separate a name from its legal form ('Acme Capital, Inc.'), so a piece
    that is only a legal-form suffix is glued back onto the name before it.
    """
    text = re.sub(r"\s+", " ", text).strip().rstrip(".;:")
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*;\s*", text, flags=re.I)  # 'AND' in a text in capitals
    names: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if names and _is_legal_form(part):
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return names


def _is_legal_form(part: str) -> bool:
    """'Inc.', 'L.P.', 'L.P. I', 'Ltd' (a legal form, maybe with a series numeral)."""
    words = part.split()
    return (len(words) <= 2 and words[0].upper().rstrip(".") in {w.rstrip(".") for w in _SUFFIX_WORDS}
            and (len(words) == 1 or re.fullmatch(r"[IVX]+|[0-9]+", words[1]) is not None))


# -- names as printed on cover pages, signatures and agreements ------------------------------
# What follows a name on row 1 and is not part of it: identification numbers and their captions.
_ID_CAPTION = re.compile(
    r"\b(?:tax\s+id\b|tin\b|ein\b|i\.?r\.?s\.?\s*(?:no\b|number|#|identification)|s\.?s\.?\s*(?:no\b|#|number)"
    r"|social\s+security|no\s+s\.?s\.?\s+or\s+i\.?r\.?s|i\.?\s?d\.?\s*(?:no\b|number|#))", re.I)
_IRS = re.compile(r"\b(\d{2})\s*-\s*(\d{7})\b|\b(\d{9})\b")
# An IRS number mistyped: a digit short or over, or the hyphen in the wrong place ('13-368849',
# '133-688497'); an SSN's three groups ('123-45-6789') and dates are not it.
_IRS_MALFORMED = re.compile(r"(?<![\d\-/.])(?:\d{2}-\d{6}|\d{2}-\d{8}|\d{3}-\d{6}|\d{1}-\d{8})(?![\d\-/.])")
_ID_NUMBER = re.compile(r"#{3}-#{2}-#{4}|\b\d{2,3}-\d{2,3}-\d{3,4}\b")
# Defined terms ('(“SVP VI”)'), bracketed notes ('[See Item 2]') and '(See ...)' references.
_NOTES = re.compile(r"\(\s*(?:the\s+)?[“\"‘'][^”\"’']{1,40}[”\"’']\s*\)|\[[^\]]{0,60}\]|\(\s*see\b[^)]{0,40}\)", re.I)
_LEAD = re.compile(r"^[\s.:;,*#\-–—]*(?:(?:\(1\)|1[.)]?)\s+(?=[A-Za-z]))?[\s.:;,*#\-–—]*")
_FOOTNOTE_END = re.compile(r"\(\s*\d\s*\)$")
_EMPTY_BRACKETS = re.compile(r"[(\[]\s*[)\]]")


def clean_name(text: str) -> tuple[str, str | None]:
    """A name as printed on row 1, and the IRS number printed with it (formatted NN-NNNNNNN).

    '1 THE CAPITAL GROUP, INC.' (the row number glued on), 'INVESCO PLC No SS or IRS
    Identification Number', 'Fredric H. Gould - ###-##-####' and 'Jason E. Moment [See Item 2]'
    all lose what is not the name.
    """
    irs = None
    m = _IRS.search(text)
    if m:
        irs = f"{m.group(1)}-{m.group(2)}" if m.group(1) else f"{m.group(3)[:2]}-{m.group(3)[2:]}"
    elif (bad := _IRS_MALFORMED.search(text)) is not None:
        irs = bad.group(0)  # kept as printed, so that the identifiers rules can say it is malformed
        text = text[:bad.start()] + " " + text[bad.end():]
    name = _ID_CAPTION.split(text)[0]
    name = _ID_NUMBER.sub(" ", _IRS.sub(" ", name))
    name = _EMPTY_BRACKETS.sub(" ", name)  # 'Acme LLC (06-1426360)': the brackets the number leaves
    name = re.sub(r"\s#+\s*[.:]?(?=\s|$)", " ", name)  # 'Ariel Investments, LLC # 02-0712...': the '#' left over
    name = _NOTES.sub(" ", name)
    name = re.sub(r"\s+", " ", name)
    return _strip_tail(_LEAD.sub("", name)), irs


def _strip_tail(name: str) -> str:
    """Trailing punctuation and footnote markers: 'Acme LLC -', 'Acme LLC (1)'."""
    while True:
        name = name.rstrip(" ,:;*-–—(")
        m = _FOOTNOTE_END.search(name)
        if not m:
            return name.strip()
        name = name[:m.start()]


_CORPORATE = re.compile(
    r"\b(?:L\.?L\.?C|L\.?P|Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLP|plc|N\.?A|S\.?A|AG|GmbH|KG|Fund|Funds"
    r"|Trust|Partners?|Partnership|Capital|Management|Group|Holdings?|Advisors?|Advisers?|Associates|Investments?"
    r"|Investors|Bank|Securities|Foundation|Estate|Family|Research|Ventures?|Equity|Asset|Master|Offshore)\b\.?", re.I)
_PERSON = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+)?[A-Z][A-Za-z'\-]+(?:\s+[A-Z]\.)*(?:\s+[A-Z][A-Za-z'\-]+){1,2}"
                     r"(?:,?\s+(?:Jr|Sr|JR|SR)\.?|\s+(?:II|III|IV|3d))?")


def split_joint_names(name: str) -> list[str]:
    """'Austin W. Marxe and David M. Greenhouse' -> both names; [] for one person or any entity.

    Only individuals' names are split: 'Capital Research and Management Company' is one entity,
    and a list that cannot be read as individuals is left as printed.
    """
    if _CORPORATE.search(name) or not re.search(r"\s(?:and|&)\s|;", name, re.I):
        return []
    # ", Jr." belongs to the name before it, not to the list.
    guarded = re.sub(r",\s*(Jr|Sr|JR|SR)\b", lambda m: "\x00" + m.group(1), name)
    parts = [p.strip(" ,").replace("\x00", ", ")
             for p in re.split(r"\s*;\s*|,\s*(?:and\s+)?|\s+(?:and|&)\s+", guarded, flags=re.I)]
    parts = [p for p in parts if p]
    if len(parts) < 2 or not all(_PERSON.fullmatch(p) for p in parts):
        return []
    return parts


_AFTER_FORM_AND = re.compile(r"(\b(?:Ltd|LLC|Inc|Corp|L\.P|LP|Co|plc|Limited|N\.A|S\.A)\.?),?\s+and\s+", re.I)


def name_parts(name: str) -> list[str]:
    """'Eurocredit Investments, Ltd. and Richard C.W. Mauran' -> both names: one cover page printed
    for an entity and another person together. Split only after a legal form ('Ltd. and'), so that
    'Capital Research and Management Company' stays one name. [] where nothing is split."""
    parts = _AFTER_FORM_AND.sub(lambda m: m.group(1) + "\x00", name).split("\x00")
    parts = [p.strip(" ,") for p in parts if p.strip(" ,")]
    return parts if len(parts) >= 2 else []


_ROLE_TAIL = re.compile(r",\s*(?:as\s+)?(?:trustee|co-trustee|custodian|general\s+partner|executor|individually)\b.*$",
                        re.I)
VARIANT_RATIO = 0.85  # the ratio the cover-page facts use for a name variant


@functools.lru_cache(maxsize=16384)  # a pure function of two strings, asked again and again per filing
def same_name(a: str, b: str) -> bool:
    """The same name written another way: punctuation and legal-form spelling, a trailing role
    ('THE DUNN FAMILY TRUST, DAVID J. DUNN, TRUSTEE' is the trust), or the words in another
    order ('GASTON DON F', as EDGAR headers print people, is 'Don F. Gaston')."""
    if same_entity(a, b):
        return True
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return False
    if different_legal_form(a, b):
        return False  # 'Centaurus Capital LP' is not 'Centaurus Capital Limited'
    (ca, fa), (cb, fb) = _core_and_form(na), _core_and_form(nb)
    if sorted(_core(na).split()) == sorted(_core(nb).split()) \
            or sorted(ca.split()) == sorted(cb.split()) and (len(ca.split()) >= 2 or fa is not None and fa == fb):
        return True  # word order ('CRAMER J J & CO INC' = 'J.J. Cramer & Co.'), legal form dropped
    for x, y in ((a, b), (b, a)):
        head = x.split(",")[0]
        if _ROLE_TAIL.search(x) and len(head.split()) >= 2 and normalize(head) == normalize(y):
            return True
    # Both with a role: 'WACHOVIA BANK ..., N.A., TRUSTEE' and 'Wachovia Bank ..., N.A., as Trustee for ...'
    ra, rb = _ROLE_TAIL.sub("", a), _ROLE_TAIL.sub("", b)
    return ra != a and rb != b and len(ra.split()) >= 2 and normalize(ra) == normalize(rb)


# Legal forms that make two entities of one name: 'Centaurus Capital LP' and 'Centaurus Capital
# Limited' are a partnership and a company, two entities (an LP's general partner is often a Ltd or
# LLC of the same name). Spelt out ('Limited Partnership', 'Incorporated', 'Corporation') a form is
# its abbreviation. 'Co.' is left out: it is as often part of the name ('Goldman Sachs & Co. LLC').
_DECISIVE_FORMS = {"LP", "LLP", "LLC", "LTD", "INC", "CORP", "PLC"}
# Spelt-out forms after normalize() ('LIMITED' -> 'LTD', 'COMPANY' -> 'CO').
_SPELT_FORMS = (("LTD LIABILITY PARTNERSHIP", "LLP"), ("LTD LIABILITY CO", "LLC"), ("LTD PARTNERSHIP", "LP"))


@functools.lru_cache(maxsize=8192)
def _core_and_form(norm: str) -> tuple[str, str | None]:
    """A normalised name without its trailing legal forms, and the last decisive form printed:
    'ALPHA CAPITAL LTD PARTNERSHIP' -> ('ALPHA CAPITAL', 'LP'); 'GOLDMAN SACHS & CO LLC' ->
    ('GOLDMAN SACHS &', 'LLC'); 'ALPHA FUND' -> ('ALPHA FUND', None)."""
    words = norm.split()
    forms: list[str] = []
    while len(words) > 1:
        for spelt, form in _SPELT_FORMS:
            n = len(spelt.split())
            if len(words) > n and " ".join(words[-n:]) == spelt:
                forms.insert(0, form)
                del words[-n:]
                break
        else:
            if words[-1] not in _LEGAL_FORMS:
                break
            forms.insert(0, words.pop())
    decisive = [f for f in forms if f in _DECISIVE_FORMS]
    return " ".join(words), (decisive[-1] if decisive else None)


def different_legal_form(a: str, b: str) -> bool:
    """Both names print a legal form and the forms differ ('Centaurus Capital LP' / 'Centaurus
    Capital Limited', 'Acme Holdings LLC' / 'Acme Holdings, Inc.'): two entities. A form spelt out
    is its abbreviation ('L.P.' = 'LP' = 'Limited Partnership', 'Ltd' = 'Limited', 'Inc.' =
    'Incorporated', 'Corp.' = 'Corporation'), and a name printed once with its form and once
    without names one entity."""
    fa, fb = _core_and_form(normalize(a))[1], _core_and_form(normalize(b))[1]
    return fa is not None and fb is not None and fa != fb


def different_word(a: str, b: str) -> bool:
    """'Ellington Capital Management LLC' / 'Ellington Financial Management LLC': the same number
    of words, one word put for another that is no spelling of it ('Capital' / 'Financial'): two
    entities of one family, however alike the rest reads. A word spelt another way ('Advisers' /
    'Advisors', 'Partner' / 'Partners') or shortened ('Mgmt' / 'Management', 'Intl' /
    'International') is the same word."""
    wa, wb = _core_and_form(normalize(a))[0].split(), _core_and_form(normalize(b))[0].split()
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    only_a = [w for w in wa if w not in wb]
    only_b = [w for w in wb if w not in wa]
    if len(only_a) != 1 or len(only_b) != 1:
        return False
    x, y = only_a[0], only_b[0]
    if not (x.isalpha() and y.isalpha()) or min(len(x), len(y)) < 4:
        return False
    return not (_abbreviates(x, y) or _abbreviates(y, x) or near_spelling(x, y, 0.75))


def _abbreviates(short: str, long: str) -> bool:
    """'MGMT' shortens 'MANAGEMENT': its letters in order, starting with the same letter."""
    if len(short) >= len(long) or short[0] != long[0]:
        return False
    it = iter(long)
    return all(c in it for c in short)


def _core(norm: str) -> str:
    """A normalised name without its trailing legal form: 'SOFINNOVA MANAGEMENT VI LLC' and a
    signature block's 'SOFINNOVA MANAGEMENT VI' name one entity."""
    words = norm.split()
    while len(words) > 2 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return " ".join(words)


_LEGAL_FORMS = {"LP", "LLC", "INC", "LTD", "CORP", "CO", "LLP", "PLC", "NA", "SA", "AG"}


@functools.lru_cache(maxsize=16384)
def same_person(a: str, b: str) -> bool:
    """same_name, or a near spelling ('Advisers' / 'Advisors'). Names that differ in a number
    ('Partners II' / 'Partners III') are different persons."""
    if same_name(a, b):
        return True
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return False
    if different_entities(a, b):
        return False
    return near_spelling(na, nb)


def near_spelling(na: str, nb: str, ratio: float = VARIANT_RATIO) -> bool:
    """SequenceMatcher(None, na, nb).ratio() >= VARIANT_RATIO, with the matcher built only where
    the answer is not already known: ratio() is 2 * matches / (len(na) + len(nb)), and matches is
    at most the shorter length and at most the characters the two have in common (difflib's own
    real_quick_ratio and quick_ratio bounds), so a pair under either bound is under the ratio too.
    Same divisor, same float arithmetic: the decision is the one ratio() gives."""
    total = len(na) + len(nb)
    if 2.0 * min(len(na), len(nb)) / total < ratio:
        return False
    common = sum((collections.Counter(na) & collections.Counter(nb)).values())
    if 2.0 * common / total < ratio:
        return False
    import difflib
    return difflib.SequenceMatcher(None, na, nb).ratio() >= ratio


def same_but_form(a: str, b: str) -> bool:
    """The same name but for its legal form ('Acme Capital LP' / 'ACME CAPITAL LLC'): for names the
    EDGAR header gives, which are the registrant's conformed name, not what the filer printed (an
    entity converted from a partnership to an LLC keeps its CIK and often its old conformed name)."""
    ca, cb = _core_and_form(normalize(a))[0].split(), _core_and_form(normalize(b))[0].split()
    return len(ca) >= 2 and sorted(ca) == sorted(cb)


def different_entities(a: str, b: str) -> bool:
    """Names that cannot be one entity spelt two ways: a series mark, a legal form or a word of
    their own tells them apart."""
    return different_series(a, b) or different_legal_form(a, b) or different_word(a, b)


def different_series(a: str, b: str) -> bool:
    """'Fund II' / 'Fund', 'Partners L.P.' / 'Partners II L.P.', 'Fund A' / 'Fund B': names that
    differ in a series mark (a number, a roman numeral, a trailing letter) are different entities,
    however alike the rest of the name reads."""
    return _series(normalize(a)) != _series(normalize(b))


@functools.lru_cache(maxsize=8192)
def _series(norm: str) -> frozenset[str]:
    marks = {w for w in norm.split() if w.isdigit() or re.fullmatch(r"[IVX]+", w)}
    words = _core(norm).split()
    if len(words) >= 2 and re.fullmatch(r"[A-Z]", words[-1]) and not re.fullmatch(r"[A-Z]", words[-2]):
        marks.add("#" + words[-1])  # a trailing series letter, not the last of a run of initials
    return frozenset(marks)  # cached: never handed out mutable
