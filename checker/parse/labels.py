"""Cover-page row labels, as printed on legacy 13D and 13G forms, and their row numbers.

Labels are matched by their distinctive head words, not their full wording: legacy filings wrap
long labels over two or three lines ("Check the Appropriate Box" / "if a Member of a Group") and
shorten or reword them ("Sole Power to Vote"). The rest of a wrapped label is label vocabulary,
which ``is_label_text`` recognises so that it is never read as a value.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Row keys in the order a 13D prints them; 13G has no source-of-funds or legal-proceedings row.
ROW_KEYS = ("name", "group", "sec", "funds", "legal", "citizenship", "sole_voting", "shared_voting",
            "sole_dispositive", "shared_dispositive", "aggregate", "excludes", "percent", "type")
ROW_ORDER = {k: i for i, k in enumerate(ROW_KEYS)}
ROW_NUMBER = {
    "13D": {k: i + 1 for i, k in enumerate(ROW_KEYS)},
    "13G": {"name": 1, "group": 2, "sec": 3, "citizenship": 4, "sole_voting": 5, "shared_voting": 6,
            "sole_dispositive": 7, "shared_dispositive": 8, "aggregate": 9, "excludes": 10,
            "percent": 11, "type": 12},
}
ROW_KEY = {schedule: {n: k for k, n in numbers.items()} for schedule, numbers in ROW_NUMBER.items()}
ROW_TITLE = {
    "name": "name of reporting person", "group": "member of a group (a)/(b)", "sec": "SEC use only",
    "funds": "source of funds", "legal": "legal proceedings box", "citizenship": "citizenship or place of organization",
    "sole_voting": "sole voting power", "shared_voting": "shared voting power",
    "sole_dispositive": "sole dispositive power", "shared_dispositive": "shared dispositive power",
    "aggregate": "aggregate amount beneficially owned", "excludes": "excludes certain shares box",
    "percent": "percent of class", "type": "type of reporting person",
}
AMOUNT_KEYS = ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive", "aggregate")
POWER_KEYS = AMOUNT_KEYS[:4]

# '(See Instructions)' after a label, with or without a colon before it ('Excludes Certain Shares:
# (See Instructions)'): either way the words are the label's, not its value.
_SEE = r"(?:\s*:?\s*\(?\s*see\s+instructions?\s*\)?)?"
# 'in Row (11)': one or two digits, not the first of a decimal value printed right after a label
# whose row number the filer left out ('AMOUNT IN ROW 9.2%' is 9.2 percent, not row 9 and .2).
_ROW_REF = r"\s*\(?\s*\d{1,2}(?!\d|[.,]\d)\s*\)?"
_IRS = (r"(?:[\s.:]*(?:S\.?S\.?\s+or\s+)?I\.?R\.?S\.?\s+Identification\s+Nos?\.?\s+of\s+(?:the\s+)?above\s+persons?"
        r"(?:\s*\((?:entities\s+only)\)\s*)?)?")
# The group label needs more than "check the appropriate box": the title page's "check the
# appropriate box to designate the rule" starts the same way. What follows tells them apart: the
# rest of the label, the (a) box, or the end of a wrapped line.
# 'dispositive' as printed, or misspelt with a letter or two dropped ('dispotive', 'dispositve');
# 'disposition power' (a reworded label).
_DISPO = r"dispo(?:siti|sit|sti|ti)(?:ve|on)"
_GROUP = r"check\s+the\s+appropriate\s+box(?=\s+if\s+a\s+member|\s*\(\s*a\s*\)|\s*\**\s*$)"
LABELS: dict[str, re.Pattern] = {k: re.compile(p, re.I) for k, p in {
    "name": r"names?\s+of\s+reporting\s+persons?(?:\s*\(\s*s\s*\))?" + _IRS,
    "group": _GROUP + r"(?:\s+if\s+a\s+member\s+of\s+a\s+group)?\**" + _SEE,
    "sec": r"sec\s+use\s+only",
    "funds": r"source\s+of\s+funds(?:\s+or\s+other\s+consideration)?\**" + _SEE,
    "legal": r"check\s+(?:the\s+)?(?:box\s+)?if\s+disclosure\s+of\s+legal(?:\s+proceedings?)?(?:\s+is\s+required)?"
             r"(?:\s+pursuant(?:\s+to\s+items?\s+2\s*\(?\s*d\s*\)?\s+or\s+2\s*\(?\s*e\s*\)?)?)?",
    # "CITIZENSHIP OF PLACE OF ORGANIZATION" (a template typo filed for years by large managers) is row 4/6
    "citizenship": r"citizenship\s+o[rf]\s+place(?:\s+of\s+organi[sz]ation)?",
    "sole_voting": r"sole\s+(?:voting\s+power|power\s+to\s+vote)",
    "shared_voting": r"shared\s+(?:voting\s+power|power\s+to\s+vote)",
    # 'DISPOTIVE', 'DISPOSITVE' (misspellings printed on real covers: a letter or two dropped)
    # are the same label: 'dispo' and a short tail before 'power'
    "sole_dispositive": r"sole\s+(?:" + _DISPO + r"\s+power|power\s+to\s+dispose)",
    "shared_dispositive": r"shared\s+(?:" + _DISPO + r"\s+power|power\s+to\s+dispose)",
    # 'BY EACH REPORTING PARTY' (a reworded label) is the same row
    "aggregate": r"aggregate\s+amount\s+beneficially(?:\s+owned(?:\s+by(?:\s+each(?:\s+reporting"
                 r"(?:\s+(?:person|party))?)?)?)?)?",
    "excludes": r"check\s+(?:box\s+)?if\s+(?:the\s+)?aggregate\s+amount(?:\s+in\s+(?:row|line)(?:" + _ROW_REF + r")?)?"
                r"(?:\s+excludes(?:\s+certain(?:\s+shares)?)?)?\**" + _SEE,
    "percent": r"percent\s+of\s+class(?:\s+represented(?:\s+by(?:\s+(?:the\s+)?amount)?(?:\s+(?:in\s+)?(?:row|line)"
               r"(?:" + _ROW_REF + r")?)?)?)?",
    "type": r"type\s+of\s+reporting\s+persons?\**" + _SEE,
}.items()}

# The row-number prefix that may stand before a label in a cell: "- 11 ", "(7)", "7.", "7\t",
# a rule glued to the number ("_____2."), and the typist's "l." for "1." ("L." where the text is in capitals).
ROW_PREFIX = re.compile(r"[\s\-–*#_=]*\(?(?:(?P<num>\d{1,2})|(?P<ell>[lIL])(?=[.)]))?\)?[.:)]?\s*")
# A printed row number standing alone in a cell or segment: "7", "7.", "(7)", "7)".
ROW_NUMBER_CELL = re.compile(r"^\(?(\d{1,2})[.)]?\)?$")
# The stub printed beside rows 7-10: "Number of Shares Beneficially Owned By Each Reporting Person With".
STUB_WORDS = {"number", "of", "shares", "beneficially", "owned", "by", "each", "reporting", "person", "with"}
IRS_PHRASE = re.compile(r"(?:S\.?S\.?\s+or\s+)?I\.?R\.?S\.?\s+Identification\s+(?:Nos?\.?|Numbers?)\s+of\s+(?:the\s+)?"
                        r"above\s+persons?|\(\s*entities\s+only\s*\)", re.I)
# Every word of every label, and the instructions printed with them: a line made of these words
# only is the tail of a wrapped label (or the stub), never a value.
LABEL_WORDS = STUB_WORDS | {
    "name", "names", "persons", "s", "ss", "or", "irs", "i", "r", "identification", "no", "nos", "above",
    "the", "entities", "only", "check", "appropriate", "box", "if", "a", "member", "group", "sec", "use",
    "source", "funds", "other", "consideration", "disclosure", "legal", "proceeding", "proceedings",
    "is", "required", "pursuant", "to", "items", "item", "d", "e", "citizenship", "place", "organization",
    "organisation", "sole", "shared", "voting", "dispositive", "dispotive", "power", "vote", "dispose", "aggregate",
    "amount", "in", "row", "line", "excludes", "certain", "percent", "class", "represented", "type",
    "see", "instructions", "instruction", "before", "filling", "out", "and", "party",
    "dispositve", "dispostive",
}
_LABEL_TOKEN = re.compile(r"\d{1,2}\s*\(\s*[a-e]\s*\)|\(\s*\d{1,2}\s*\)|[a-z]+", re.I)
_SHORT_WORD = re.compile(r"\W*[A-Za-z]{1,3}\W*")
_ALNUM = re.compile(r"[A-Za-z0-9]")
# A check box, printed as a glyph ('☒', 'þ' and '¨' in Wingdings, '■'): a value, even with a
# footnote reference beside it ('þ(4)', '☒ (1)'), which alone would read as a row reference.
_BOX_GLYPH = re.compile(r"[☒☐☑✓✔■□þý¨]")
_WORDS = re.compile(r"[a-z]+")



# Cached: the same label tails and stub lines recur on every cover page of a filing.
@lru_cache(maxsize=8192)
def is_label_text(text: str) -> bool:
    """Only label vocabulary: 'if a Member of a Group', 'PERSON WITH', '(See Instructions)'.

    A lone short word is a value, not label text: 'IN' and 'OO' are codes.
    """
    if _SHORT_WORD.fullmatch(text):
        return False
    text = _STUB_TAIL.sub("", text)
    rest = _LABEL_TOKEN.sub(_blank_label_token, text)
    if "\x00" in rest or _ALNUM.search(rest) or _BOX_GLYPH.search(rest):
        return False
    return bool(_LABEL_TOKEN.search(text))


def _blank_label_token(m: re.Match) -> str:
    """A label token becomes a space; anything else a NUL, which marks the text as not a label."""
    return " " if _label_token(m.group(0)) else "\x00"


def _label_token(token: str) -> bool:
    if token[0].isdigit() or token[0] == "(":
        return True  # "2(d)", "(11)": row and item references inside a label
    low = token.lower()
    return low in LABEL_WORDS or _stub_fragment(low)


_STUB_LONG = tuple(w for w in STUB_WORDS if len(w) >= 6)


def _stub_fragment(low: str) -> bool:
    """A piece of a stub word broken in a narrow column: its head without a hyphen
    ('BENEFICIALL', 5 letters or more; the tail 'Y OWNED BY' is taken off by is_label_text), or
    the tail of a word hyphenated across two lines ('Shares Bene-' / 'ficially')."""
    return len(low) >= 5 and low.isalpha() and any(w.startswith(low) or w.endswith(low) for w in _STUB_LONG)


# The tail of a broken stub word, before the stub words that follow it: 'Y OWNED BY', 'G PERSON',
# 'ing Person' (after 'Each Report-').
_STUB_TAIL = re.compile(r"^(?:y|ly|g|ng|ing)\s+(?=(?:owned|person|by)\b)", re.I)


# A numbered row whose label is cut down to its first word ("(9) Aggregate"): trusted only when
# the printed number is that row's number on the 13D or the 13G.
_HEAD_WORD = {"names": "name", "name": "name", "source": "funds", "citizenship": "citizenship",
              "aggregate": "aggregate", "percent": "percent", "type": "type"}
_SHORT = re.compile(r"[\s\-–*#_=]*\(?(\d{1,2})[.)]?\)?\s+([A-Za-z]+)\W{0,3}$")


def may_hold_label(line: str) -> bool:
    """False when no cell of the line can start a label (``match_label`` or ``short_label``): it
    has no label word, nor the 'Name' that only a short label is headed by."""
    if not line.isascii():
        return True  # let the per-cell tests decide
    low = line.lower()
    return "name" in low or _label_word_in(low)


def short_label(cell: str) -> tuple[str, int, int] | None:
    m = _SHORT.match(cell)
    key = _HEAD_WORD.get(m.group(2).lower()) if m else None
    if not key or int(m.group(1)) not in (ROW_NUMBER["13D"][key], ROW_NUMBER["13G"].get(key)):
        return None
    return key, int(m.group(1)), len(cell)


def row_key(number: int, schedule: str) -> str | None:
    return ROW_KEY[schedule].get(number)


# A word every row label contains; a cheap test before the fourteen label patterns.
_LABEL_WORD_SOURCE = (r"report|group|appropriate|sec\s+use|source|legal|citizen|voting|power|dispositi|dispoti|aggregate|"
                      r"percent|type")
_LABEL_WORD = re.compile(_LABEL_WORD_SOURCE, re.I)
# The same words without IGNORECASE, for ASCII text lowered first: several times faster, and the
# same answer (IGNORECASE folds a few non-ASCII letters, such as the long s, which lower() keeps).
_LABEL_WORD_LOWER = re.compile(_LABEL_WORD_SOURCE)
_LABEL_GAP = re.compile(r"\s{3,}|\t")
_SEC_USE = re.compile(r"sec\s+use")


def _label_word_in(low: str) -> bool:
    """_LABEL_WORD_LOWER.search(low) is not None, by substring tests: the regex's alternation is
    tried at every position of the line, a substring test skips through it in C (tests check it)."""
    return ("report" in low or "group" in low or "appropriate" in low or "source" in low or "legal" in low
            or "citizen" in low or "voting" in low or "power" in low or "dispositi" in low or "dispoti" in low
            or "aggregate" in low or "percent" in low or "type" in low
            or ("sec" in low and _SEC_USE.search(low) is not None))


def has_label_word(cell: str) -> bool:
    if cell.isascii():
        return _label_word_in(cell.lower())
    return _LABEL_WORD.search(cell) is not None


def match_label(cell: str) -> tuple[str, int | None, int] | None:
    """(row key, printed row number, end offset of the label) when the cell starts with a label.

    A stub printed to the left of the label ("NUMBER OF    5   SOLE VOTING POWER") is skipped:
    the label is tried again after each wide gap whose left side is stub or label text.
    """
    if not has_label_word(cell):
        return None  # most lines of a filing: no label word at all
    hit = _match_at(cell, 0)
    if hit:
        return hit
    for gap in _LABEL_GAP.finditer(cell):
        left = cell[:gap.start()]
        if not left.strip():
            continue  # indentation, not a stub
        if not is_label_text(left):
            break
        hit = _match_at(cell, gap.end())
        if hit:
            return hit
    # HTML folds the gap to one space: 'Beneficially 8. Shared Voting Power' (stub, then a numbered label).
    m = _STUB_THEN_NUMBER.match(cell)
    if m and is_label_text(m.group(1)):
        return _match_at(cell, m.end(1))
    return None


_STUB_THEN_NUMBER = re.compile(r"^\s*([A-Za-z][A-Za-z :]{1,80}?)\s(?=\(?\d{1,2}[.)]?\)?\s+[A-Za-z])")


# The labels by the letter they start with: a cell starting with "S" is tried against the six
# "sole/shared/sec/source" patterns only. (For an ASCII first letter IGNORECASE folds nothing
# but the other case; any other first character is tried against all the patterns.)
_LABELS_BY_LETTER: dict[str, list[tuple[str, re.Pattern]]] = {}
for _key, _rx in LABELS.items():
    assert _rx.pattern[0].isascii() and _rx.pattern[0].islower(), _key  # a literal first letter
    _LABELS_BY_LETTER.setdefault(_rx.pattern[0], []).append((_key, _rx))


def _match_at(cell: str, pos: int) -> tuple[str, int | None, int] | None:
    m = ROW_PREFIX.match(cell, pos)
    start = m.end() if m else pos
    first = cell[start:start + 1]
    candidates = _LABELS_BY_LETTER.get(first.lower(), ()) if first.isascii() else LABELS.items()
    for key, rx in candidates:
        lm = rx.match(cell, start)
        if lm:
            num = None
            if m and m.group("num"):
                num = int(m.group("num"))
            elif m and m.group("ell"):
                num = 1
            return key, num, lm.end()
    return None
