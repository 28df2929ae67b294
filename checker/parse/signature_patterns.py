"""The line patterns of signature blocks (checker/parse/signatures.py reads with them): conformed
signatures, 'By:' chains, captions, dates, capacity lines, legal forms."""
from __future__ import annotations

import re

# A conformed signature: '/s/ Jane Roe', '--//Brian P. Hillery//--', or the name typed after the
# form's caption ('Signature:  Spencer Fleming', BlackRock's layout). The name is group 1.
# Older filings drop the first slash ('By s/ Fredric H. Gould') or type a backslash ('S\\DEBORAH R. GATZEK').
_SLASH_S = re.compile(r"(?:/s/|(?<![\w/\\])s/(?!/)|(?<![\w\\])s\\(?=(?-i:[A-Z]))|(?<!-)-{0,4}//(?=(?-i:[A-Z])[^/]*//)"
                      r"|^\s*signature\s*:\s*\*?(?=(?-i:[A-Z][a-z])))\s*_*\s*(.*?)(?://-*)?\s*$", re.I)
_BY = re.compile(r"^by\b\s*:?\s*(.*)$", re.I)
_META = re.compile(r"^(?:name\s*/\s*title|name\s*(?:and|&)\s*title|name|title|its)\s*:\s*(.*)$", re.I)
_CAPTION = re.compile(r"^(?:date|dated|signature|name\s*/\s*title|name|title|\(?signature\)?)\s*:?$", re.I)
_DATED = re.compile(r"^\s*(?:dated?|date)\b\s*(?:as\s+of\s*)?:?\s*(.+)$", re.I)
# A line that is a date alone: 'February 14, 2020', 'Feb. 2020', '14 February 2020', '14th February, 2020'.
_MONTH_YEAR = re.compile(r"^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?"
                         r"\s+[\d\s,]*(?:st|nd|rd|th)?,?\s*(?:19|20)\d\d$", re.I)
_NOISE = re.compile(r"^(?:cusip\s*(?:no|number|#)|page\s+\d+|\(?page\s+\d+|\d{1,3}$|\*?signed\s+pursuant)", re.I)
_RULE = re.compile(r"^[-_=\s.]*$")
_ROLE_RX = re.compile(
    r"^(?:(?:co-|vice\s+|senior\s+|executive\s+|assistant\s+|global\s+|general\s+|chief\s+|managing\s+|sole\s+"
    r"|compliance\s+|legal\s+|financial\s+|operating\s+|investment\s+|portfolio\s+|deputy\s+|associate\s+"
    r"|corporate\s+|first\s+|head\s+of\s+)*"
    r"(?:president|partner|member|manager|director|officer|secretary|treasurer|counsel|trustee|chairman|ceo|cfo|coo"
    r"|attorney(?:-|\s+)in(?:-|\s+)fact|authorized\s+(?:signatory|person|officer)|individual(?:ly)?|adviser|advisor"
    r"|investment\s+(?:manager|adviser|advisor)|signatory|controller|principal|custodian|executor))\b", re.I)
# What may follow a role: nothing, punctuation, 'of/for/to ...', or 'and' with another role
# ('President and Chief Executive Officer'); 'PRESIDENT AND FELLOWS OF HARVARD COLLEGE' is a name.
_ROLE_FOLLOW = re.compile(r"^(?:s\b)?\s*(?:$|[,;:/(\-–—]|(?:of|for|to|on|as|in|at)\b|(?:and|&)\s+(?:as\b|co-|vice|senior|"
                          r"executive|assistant|general|chief|managing|sole|secretary|treasurer|director|member|"
                          r"manager|president|officer|partner|trustee|attorney|authorized|portfolio))", re.I)


# A title of its own on a line ('Head of Corporate Affairs', 'Head of Legal'): the office, whatever
# its department is called (the whole line, so that an entity after it is not taken in).
_HEAD_OF = re.compile(r"head\s+of\s+[A-Za-z&]+(?:\s+[A-Za-z&]+){0,3}", re.I)


class _Role:
    """A capacity line ('Managing Member', 'Chief Compliance Officer', 'Vice President and Secretary',
    'Head of Corporate Affairs')."""

    @staticmethod
    def match(t: str):
        m = _ROLE_RX.match(t)
        return m if m and _ROLE_FOLLOW.match(t[m.end():]) else _HEAD_OF.fullmatch(t)


_ROLE = _Role()
_DEGREE = re.compile(r"(?:Ph\.?\s?D|M\.?\s?D|J\.?\s?D|Esq|Jr|Sr|CFA|CPA|MBA)\.?", re.I)
_MARKER_BY = re.compile(r"^[\^*†‡]+\s*(?=by\b|signature\b)", re.I)
_CONNECTOR = re.compile(r"^(?:a|an|as|its|on\s+(?:its|his|her|their)\s+own|on\s+behalf|and|for|each\s+of|duly|by\s+and)\b",
                        re.I)
_PROSE = re.compile(r"\b(?:hereby|certif(?:y|ies)|agree[sd]?|undersigned|pursuant|is|are|was|were|shall|will|"
                    r"have|has|this|information|statement|behalf\s+of|"
                    # a power of attorney's prose, in capitals as often as not ('... MAY LAWFULLY DO OR
                    # CAUSE TO' / 'BE DONE BY VIRTUE HEREOF.'); not 'may' ('The May Department Stores')
                    r"might|could|would|should|does|done|said|lawfully|hereof|herein|hereunder|thereof|therein|whereof)\b",
                    re.I)
_LEGAL_END = re.compile(r"\b(?:L\.?\s?L\.?\s?C|L\.?\s?P|Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLP|plc|N\.?A|S\.?A"
                        r"|S\.?\s?p\.?\s?A|N\.?\s?V"
                        r"|AG|GmbH|KG|Trust|Fund|Partnership)\.?\s*$", re.I)
# ', a Delaware limited partnership' after an entity's name; in capitals (', A DELAWARE LIMITED
# PARTNERSHIP') only after a comma, since 'FUND A LIMITED PARTNERSHIP' may be a name.
_DESCRIPTOR = re.compile(r"(?:,?\s+an?|,\s*(?:A|AN))\s+[A-Z][\w.\-]*(?:\s+[\w.\-]+){0,5}\s*$")
_WIDE_GAP = re.compile(r" {4,}")
_CELLS = re.compile(r"\s{3,}| \| ")  # the cells of a signature line: a wide gap or a table's ' | '
_PIPE = re.compile(r" *\| *")
# The conformed mark alone, for quick tests: '/s/', or 's/' with the first slash dropped.
_MARK = r"(?:/s/|(?<![\w/\\])s/(?!/))"
CONFORMED_MARK = re.compile(_MARK, re.I)
_PIPE_GLUE = re.compile(r"(?<=:) \| | \| (?=" + _MARK + ")", re.I)  # '/S/' as often as '/s/'
_BARE_BY_LINE = re.compile(r"^by\s*:?\s*_+$", re.I)
# 'Signature: /s/ Jane Roe' (the form's own caption before the mark) is 'By: /s/ Jane Roe': the
# label of the signature line, neither a name nor a heading; 'Signature: *' is 'By: *'.
SIGNATURE_LABEL = re.compile(r"^signature\s*:?\s*(?=" + _MARK + r"|\*+$)", re.I)
