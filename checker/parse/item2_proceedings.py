"""What 13D Item 2(d) and 2(e) say about the last five years: (d) a criminal conviction, (e) a
civil proceeding ending in a judgment, decree or final order about securities laws. Each part is
read as 'none' (nothing to disclose: 'Not Applicable', 'None', 'has not been convicted', 'neither
... nor ... has been') or left unread (a disclosure, a reference elsewhere, an exception, words
this reader does not know). Only 'none' is a reading; a disclosure is never inferred.
"""
from __future__ import annotations

import re

# '(d)', '(d) and (e)', '(d)-(e)', '(d) & (e)' at a line's start or after a cell separator
_PART = re.compile(r"(?:^|\n|\|)\s*\(\s*(?P<a>[a-f])\s*\)(?:\s*(?:[-\u2013\u2014]|and|&|through)\s*\(\s*(?P<b>[a-f])\s*\))?",
                   re.I)
_CAPTION = re.compile(r"^[^.:;\n]{0,60}:\s*")  # 'Criminal Conviction: Not Applicable.'
_SHORT_NONE = re.compile(r"^\W*(?:not\s+applicable|none|n\s*/\s*a|no)\W*$", re.I)
_NEGATIVE = re.compile(
    r"\b(?:has|have|had)\s+not(?:\s+\w+){0,2}?\s+been\b"
    r"|\bneither\b[^.]{0,400}\bnor\b[^.]{0,300}\b(?:has|have|had|was|were)\s+(?:\w+\s+)?been\b"
    r"|\bnone\s+of\b[^.]{0,400}\b(?:has|have|had)\s+(?:\w+\s+)?been\b", re.I)
# what may stand for a disclosure, or put it elsewhere: not 'none'
_UNSURE = re.compile(r"\bexcept\b|\bother\s+than\b|\bunless\b|\bsee\b|\bdescribed\b|\bset\s+forth\b|\bfollows?\b"
                     r"|\bschedule\b|\bannex\b|\bexhibit\b|\bappendix\b", re.I)


def proceedings_parts(item2: str) -> dict[str, tuple[int, int]]:
    """For 'd' and 'e': (how many parts of Item 2 carry that letter, how many of them say there
    is nothing to disclose)."""
    parts = _parts(item2)
    out = {}
    for letter in "de":
        answers = [text for letters, text in parts if letter in letters]
        out[letter] = (len(answers), sum(_says_none(a) for a in answers))
    return out


def _parts(text: str) -> list[tuple[str, str]]:
    """(letters, text) of each labelled part, in order; a part runs to the next label."""
    hits = list(_PART.finditer(text))
    out = []
    for k, m in enumerate(hits):
        a = m.group("a").lower()
        b = (m.group("b") or a).lower()
        letters = "".join(chr(c) for c in range(ord(a), ord(b) + 1)) if a <= b else a
        end = hits[k + 1].start() if k + 1 < len(hits) else len(text)
        out.append((letters, text[m.end():end].strip(" |\n")))
    return out


def _says_none(part: str) -> bool:
    answer = " ".join(_CAPTION.sub("", part, count=1).split())
    if not answer or _UNSURE.search(answer):
        return False
    return bool(_SHORT_NONE.match(answer) or _NEGATIVE.search(answer))
