"""Rewrites a reader would not notice: each must leave what stakecheck reads unchanged.

Each rewrite changes the form of every corpus filing it applies to (tabs expanded, the text in
capitals, double-spaced, boxes as glyphs, '-0-' as 'None', a percent as a word, a raised
footnote after a cover figure, ...) and not what it says. The bench checks every rewritten file
and reports those whose reading changed: the persons and their six numbers, and the error and
warning findings (rule and person, names compared in capitals). A change is a parser that reads
one layout of a class of filings and not its twin, the class of defect that unseen filings show.

    python bench/rewrites.py [--rewrite NAME ...] [--corpus DIR]

Exit code 0 whatever is found (a bench, not a gate); the figures go in bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.api import check_bytes  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
GLOBS = ("txt/*", "html/*", "labelled/*.txt", "html-more/*.htm*", "xml/*.xml")


def _html(t: str) -> bool:
    # '<p' alone would take a text filing's '<PAGE>' markers for HTML.
    return re.search(r"(?i)<(?:td|p|div)[\s>]", t[:20000]) is not None


_DOCUMENT = re.compile(r"(?is)(<DOCUMENT>.*?</DOCUMENT>)")


def _per_document(fn, html: bool):
    """``fn`` applied to each document of the kind (HTML or text) a rewrite is for: in a full
    submission a text statement may carry an HTML exhibit, or the reverse; an XML document is
    neither. A file that is no submission is one document."""
    def applies(doc: str) -> bool:
        body = doc[_body_start(doc):]
        return not re.match(r"(?is)\s*<XML>", body) and _html(body) == html

    def apply(t: str) -> str:
        parts = _DOCUMENT.split(t)
        if len(parts) == 1:
            return fn(t) if applies(t) else t
        return "".join(fn(p) if i % 2 and applies(p) else p for i, p in enumerate(parts))
    return apply


def _text_only(fn):
    return _per_document(fn, html=False)


def _html_only(fn):
    return _per_document(fn, html=True)


def _outside_xml(fn):
    """``fn`` applied to the text around a submission's <XML> documents, not to them: XML
    names are case-sensitive, so an XML document in capitals is another document."""
    def apply(t: str) -> str:
        parts = re.split(r"(?is)(<XML>.*?</XML>)", t)
        return "".join(p if i % 2 else fn(p) for i, p in enumerate(parts))
    return apply


def _body_start(t: str) -> int:
    m = re.search(r"(?i)<TEXT>", t)
    return m.end() if m else 0


_ROW_VALUE = re.compile(r"(?im)^(\s*(?:\(?\d{1,2}[.)]\)?)\s+(?:sole|shared)\s+(?:voting|dispositive)\s+power:?[ \t]+)0[ \t]*$")
_ROW_LINE = re.compile(r"(?im)^(\s*\(?\d{1,2}[.)]?\)?\s+(?:sole|shared|aggregate)\b[^\n]*?(?:power|person)\s*:?)[ \t]+(\S[^\n]*)$")

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_LONG_DATE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2}),\s+((?:19|20)\d\d)\b")
_CUSIP = re.compile(r"(?i)(cusip\s+(?:no\.?|number)?\s*:?\s*)([0-9A-Z]{6})([0-9A-Z]{2})([0-9])\b")


# A share figure grouped by commas (not a CUSIP, date or dollar amount: those have no commas in
# threes, or a '$' before).
_GROUPED = re.compile(r"(?<![\d,.$])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)")


# A cover row's label in capitals at a line's start ('7.   SOLE VOTING POWER'), and row 1's value
# on the line under its label.
_LABEL_LINE = re.compile(r"(?m)^(\s*\(?\d{1,2}[.)]?\)?\s+)((?:NAMES?|SOLE|SHARED|AGGREGATE|PERCENT|TYPE|SOURCE|CITIZENSHIP)"
                         r"\b[A-Z ]*?)(?=\s*(?::|$|\s{2}))")
_NAME_ROW = re.compile(r"(?im)^(\s*\(?1[.)]?\)?\s+names?\s+of\s+reporting\s+persons?[^\n]*\n\s*)([A-Za-z][^\n]*)$")


# Two reporting-person type or source-of-funds codes written 'IA, HC' ('the appropriate symbols').
_CODES = "BD|BK|IC|IV|IA|EP|HC|SA|CP|CO|PN|IN|OO|FI|AF|WC|PF|SC"
_CODE_PAIR = re.compile(r"(?<![\w,/])(" + _CODES + r")\s*,\s*(" + _CODES + r")(?![\w,/])")


def _rows_as_paragraphs(t: str) -> str:
    """Each table row a paragraph of its cells' text, as filers who type their cover pages
    without a table print them; tables of signatures side by side are left as tables (run
    together, two blocks' lines would mix for a reader too)."""
    def row(m: re.Match) -> str:
        cells = re.sub(r"(?is)<t[dh]\b[^>]*>", " ", m.group(1))
        return "<p>" + re.sub(r"(?is)</t[dh]\s*>", " ", cells) + "</p>"

    def table(m: re.Match) -> str:
        body = m.group(0)
        if len(re.findall(r"(?i)/s/", body)) >= 2:
            return body
        body = re.sub(r"(?is)<tr\b[^>]*>(.*?)</tr\s*>", row, body)
        return re.sub(r"(?is)</?(?:table|tbody|thead|tfoot|colgroup|col)\b[^>]*>", "", body)
    return re.sub(r"(?is)<table\b(?:(?!<table\b).)*?</table\s*>", table, t)


def _unexpand(line: str) -> str:
    """Runs of spaces that reach a tab stop (every 8 columns) written as tabs: the same columns
    once tabs are expanded. Lines that already hold a tab are left as they are."""
    if "\t" in line or "  " not in line:
        return line
    out, col = [], 0
    for chunk in re.findall(r" +|[^ ]+", line):
        if chunk.startswith(" ") and len(chunk) > 1:
            end = col + len(chunk)
            stop = (col // 8 + 1) * 8
            if stop <= end:
                tabs = 1 + (end - stop) // 8
                rest = end - (stop + 8 * (tabs - 1))
                out.append("\t" * tabs + " " * rest)
                col = end
                continue
        out.append(chunk)
        col += len(chunk)
    return "".join(out)


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _upper_text(s: str) -> str:
    """Text content in capitals, its entities untouched ('&nbsp;' stays lower case)."""
    return re.sub(r"&#?\w+;|[^&]+", lambda m: m.group(0) if m.group(0).startswith("&") else m.group(0).upper(), s)


def _numeric_date(m: re.Match) -> str:
    return f"{_MONTHS.index(m.group(1)) + 1:02d}/{int(m.group(2)):02d}/{m.group(3)}"


# Old EDGAR text markup: page markers and the SGML table tags (<TABLE>, <S>, <C>, <CAPTION>, <FN>)
# on lines of their own or before a column; an HTML document has none of them.
_SGML_MARKUP = re.compile(r"(?im)^[ \t]*<(?:PAGE|/?TABLE|CAPTION|/?FN)>[^\n]*\n?|<[SC]>")


def _as_pre_html(t: str) -> str:
    """A text statement as many filers' tools published it as HTML: the text inside <PRE>,
    its '&', '<' and '>' escaped, EDGAR's text markup gone."""
    body = _SGML_MARKUP.sub("", t)
    body = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "\n<HTML><BODY><PRE>\n" + body + "\n</PRE></BODY></HTML>\n"


def _in_body(fn):
    """``fn`` applied to a submission document's text (inside <TEXT>), or to the whole file."""
    def apply(t: str) -> str:
        m = re.search(r"(?is)(<TEXT>)(.*?)(</TEXT>)", t)
        return t[:m.start(2)] + fn(m.group(2)) + t[m.end(2):] if m else fn(t)
    return apply


def _tables_in_layout_table(t: str) -> str:
    """Every table inside a one-cell layout table, as word processors' HTML export prints it."""
    t = re.sub(r"(?i)<table\b", "<table width=\"100%\"><tr><td><table", t)
    return re.sub(r"(?i)</table\s*>", "</table></td></tr></table>", t)


# Row 1's name with a footnote mark after it ('Alpha Fund LP (1)', 'Alpha Fund LP*').
_NAME_VALUE_HTML = re.compile(r"(?is)(names?\s+of\s+reporting\s+persons?.{0,600}?>\s*(?:&nbsp;|&#160;|\s)*)"
                              r"([A-Z][A-Za-z.,&;'\- ]{3,80}?(?:LLC|L\.P\.|LP|Inc\.|Ltd\.|Corp\.|Trust|Fund))(?=\s*<)")


REWRITES = {
    "boxes-as-glyphs": lambda t: re.sub(r"\[\s\]", "☐", re.sub(r"\[\s*[xX]\s*\]", "☒", t)),
    "crlf": lambda t: t.replace("\r\n", "\n").replace("\n", "\r\n"),
    "tabs-expanded": lambda t: t.expandtabs(8),
    "nbsp-in-labels": lambda t: re.sub(r"(?i)(Aggregate|Sole|Shared|Percent|Type|Source)( )(Amount|Voting|Dispositive|of)",
                                       "\\1\xa0\\3", t),
    "dash-zero-unicode": lambda t: t.replace("-0-", "–0–"),
    "zero-as-dash-zero": _text_only(lambda t: _ROW_VALUE.sub("\\1-0-", t)),
    "dash-zero-as-none": lambda t: re.sub(r"(?<![\w-])-0-(?![\w-])", "None", t),
    "percent-spaced": lambda t: re.sub(r"(\d\.\d+)%", "\\1 %", t),
    "percent-as-word": lambda t: re.sub(r"(\d\.\d+)\s?%", "\\1 percent", t),
    "row-number-in-parentheses": _text_only(lambda t: re.sub(r"(?m)^(\s*)(\d{1,2})\.(\s+)(?=[A-Z])", "\\1(\\2)\\3", t)),
    "capitals": _text_only(_outside_xml(str.upper)),
    "double-spaced": _text_only(lambda t: t.replace("\n", "\n\n")),
    "indented": _text_only(lambda t: t[:_body_start(t)] + re.sub(r"(?m)^(?!<)", "    ", t[_body_start(t):])),
    "value-on-next-line": _text_only(lambda t: _ROW_LINE.sub(lambda m: m.group(1) + "\n          " + m.group(2), t)),
    "html-tags-in-capitals": _html_only(lambda t: re.sub(r"<(/?)(td|tr|table|p|div|font|b|br)\b",
                                                         lambda m: "<" + m.group(1) + m.group(2).upper(), t, flags=re.I)),
    "nbsp-as-number": lambda t: t.replace("&nbsp;", "&#160;"),
    "font-tags-dropped": _html_only(lambda t: re.sub(r"</?font\b[^>]*>", "", t, flags=re.I)),
    "footnote-after-aggregate": _html_only(lambda t: re.sub(
        r"(?is)(aggregate\s+amount\s+beneficially.{0,400}?>\s*(?:&nbsp;|&#160;|\s)*)(\d{1,3}(?:,\d{3})+)(?=\s*<)",
        "\\1\\2<sup>(1)</sup>", t, count=1)),
    "box-entities-as-glyphs": lambda t: t.replace("&#9746;", "☒").replace("&#9744;", "☐"),
    "figures-in-bold": _html_only(lambda t: re.sub(r"(>\s*)(\d{1,3}(?:,\d{3})+)(\s*<)", "\\1<b>\\2</b>\\3", t)),
    "br-as-paragraphs": _html_only(lambda t: re.sub(r"(?i)<br\s*/?>", "</p><p>", t)),
    "conformed-signature-in-capitals": lambda t: t.replace("/s/", "/S/"),
    "conformed-signature-unspaced": lambda t: t.replace("/s/ ", "/s/"),
    "dates-numeric": lambda t: t[:_body_start(t)] + _LONG_DATE.sub(_numeric_date, t[_body_start(t):]),
    "months-abbreviated": lambda t: t[:_body_start(t)] + _LONG_DATE.sub(lambda m: f"{m.group(1)[:3]}. {m.group(2)}, {m.group(3)}",
                                                                       t[_body_start(t):]),
    "cusip-grouped": lambda t: _CUSIP.sub(lambda m: f"{m.group(1)}{m.group(2)} {m.group(3)} {m.group(4)}", t),
    # Forms below here were added in session 9.
    "figures-ungrouped": lambda t: t[:_body_start(t)] + _GROUPED.sub(lambda m: m.group(0).replace(",", ""),
                                                                     t[_body_start(t):]),
    "rules-as-dashes": _text_only(lambda t: re.sub(r"(?m)^([ \t]*)_{10,}[ \t]*$", lambda m: m.group(1) + "-" * 60, t)),
    "rules-as-equals": _text_only(lambda t: re.sub(r"(?m)^([ \t]*)[-_]{10,}[ \t]*$", lambda m: m.group(1) + "=" * 60, t)),
    "label-colon": _text_only(lambda t: re.sub(r"(?im)^(\s*\(?\d{1,2}[.)]\)?\s+(?:sole|shared)\s+(?:voting|dispositive)\s+power)(?=[ \t]*$)",
                                               "\\1:", t)),
    "shares-after-row-figure": _text_only(lambda t: _ROW_LINE.sub(
        lambda m: m.group(0) + " shares" if re.fullmatch(r"\d{1,3}(?:,\d{3})+", m.group(2).strip()) else m.group(0), t)),
    "quotes-curly": lambda t: re.sub(r"(?<=\w)'(?=\w)", "\u2019", t),
    "trailing-spaces": _text_only(lambda t: re.sub(r"(?m)(?<=\S)$", "   ", t)),
    "nbsp-as-space": _html_only(lambda t: re.sub(r"(?i)&nbsp;|&#160;", " ", t)),
    "cells-as-th": _html_only(lambda t: re.sub(r"(?i)<(/?)td\b", "<\\1th", t)),
    "paragraphs-as-divs": _html_only(lambda t: re.sub(r"(?i)<(/?)p\b", "<\\1div", t)),
    "style-stripped": _html_only(lambda t: re.sub(r"(?i)\s+style=(\"[^\"]*\"|'[^']*')", "", t)),
    "conformed-signature-one-slash": lambda t: re.sub(r"/s/(?=\s*[A-Z])", "s/", t),
    "html-capitals": _html_only(lambda t: re.sub(r">([^<]+)<", lambda m: ">" + _upper_text(m.group(1)) + "<", t)),
    "labels-title-case": _text_only(lambda t: _LABEL_LINE.sub(lambda m: m.group(1) + m.group(2).title(), t)),
    "cover-names-in-capitals": _text_only(lambda t: _NAME_ROW.sub(lambda m: m.group(1) + m.group(2).upper(), t)),
    "spaces-as-tabs": _text_only(lambda t: "\n".join(_unexpand(ln) for ln in t.split("\n"))),
    "cr-line-endings": lambda t: t.replace("\r\n", "\n").replace("\n", "\r"),
    "byte-order-mark": lambda t: "\ufeff" + t,
    "nbsp-as-character": _html_only(lambda t: re.sub(r"(?i)&nbsp;|&#160;", "\xa0", t)),
    "apostrophes-as-entities": _html_only(lambda t: re.sub(r"(?<=\w)[’'](?=\w)", "&#8217;", t)),
    "html-shares-after-figure": _html_only(lambda t: re.sub(r"(>\s*)(\d{1,3}(?:,\d{3})+)(\s*<)", "\\1\\2 shares\\3", t)),
    "form-feeds-at-page-breaks": _text_only(lambda t: re.sub(r"(?m)^<PAGE>", "\f<PAGE>", t)),
    "page-markers-dropped": _text_only(lambda t: re.sub(r"(?m)^<PAGE>[ \t]*\d*[ \t]*$", "", t)),
    "figures-with-cents": lambda t: re.sub(r"(?<![\d,.$])(\d{1,3}(?:,\d{3})+)(?=\s*(?:shares\b|$|<|\s{2}))(?![\d,.])",
                                           "\\1.00", t, flags=re.M),
    "item-headings-without-period": lambda t: re.sub(r"(?m)^(\s*(?:<[^>]*>\s*)*(?i:item)\s+\d{1,2})\.(?=\s)", "\\1", t),
    "item-headings-with-colon": lambda t: re.sub(r"(?m)^(\s*(?:<[^>]*>\s*)*(?i:item)\s+\d{1,2})\.(?=\s)", "\\1:", t),
    "dates-ordinal": lambda t: t[:_body_start(t)] + _LONG_DATE.sub(lambda m: f"{m.group(1)} {m.group(2)}"
                                                                   f"{_ordinal(int(m.group(2)))}, {m.group(3)}",
                                                                   t[_body_start(t):]),
    "dates-day-first": lambda t: t[:_body_start(t)] + _LONG_DATE.sub(lambda m: f"{m.group(2)} {m.group(1)} {m.group(3)}",
                                                                     t[_body_start(t):]),
    "boxes-in-parentheses": _text_only(lambda t: re.sub(r"\[\s\]", "( )", re.sub(r"\[\s*[xX]\s*\]", "(X)", t))),
    "text-in-spans": _html_only(lambda t: re.sub(r">([^<>]*[A-Za-z0-9][^<>]*)<", "><span>\\1</span><", t)),
    "labels-broken-by-br": _html_only(lambda t: re.sub(r"(?i)\b(sole|shared|aggregate)\s+(voting|dispositive|amount)",
                                                       "\\1<br>\\2", t)),
    "percent-sign-dropped-on-its-own": lambda t: re.sub(r"(?m)(^\s*|>\s*)(\d{1,3}\.\d+)\s*%(?=\s*(?:$|<))", "\\1\\2", t),
    "empty-paragraphs-between": _html_only(lambda t: re.sub(r"(?i)</p>", "</p><p>&nbsp;</p>", t)),
    "row-number-cell-merged": _html_only(lambda t: re.sub(r"(?is)(<td[^>]*>)\s*(?:<[^>]+>\s*)*(\d{1,2}\.?)\s*(?:</[^>]+>\s*)*"
                                                         r"</td>\s*<td[^>]*>", "\\1\\2 ", t)),
    "signature-rules": lambda t: re.sub(r"(/s/\s*[A-Z][A-Za-z.\- ]{2,40}?)(?=\s*(?:<|$))", "\\1__________", t, flags=re.M),
    "rows-in-own-tables": _html_only(lambda t: re.sub(r"(?i)</tr>\s*<tr", "</tr></table><table><tr", t)),
    # A page break inside a cover page, before row 12, with the running header a printer adds.
    "page-break-inside-cover": _text_only(lambda t: re.sub(
        r"(?im)^(?=[ \t]*\(?12[.)]?\)?[ \t]+check)",
        "\n<PAGE>\n\n                                                            Page 99 of 99 Pages\n\n", t)),
    "html-page-break-inside-cover": _html_only(lambda t: re.sub(
        r"(?is)(<tr\b(?:(?!<tr\b).){0,400}?>\s*(?:<[^>]+>\s*)*\(?12[.)]?\)?\s*(?:<[^>]+>\s*)*check)",
        "<tr><td><p style=\"page-break-before:always\">Page 99 of 99 Pages</p></td></tr>\\1", t)),
    "signature-label": lambda t: re.sub(r"(?m)\bBy:(\s*(?:<[^>]+>\s*)*/s/)", "Signature:\\1", t),
    "percent-approximately": lambda t: re.sub(r"(?m)(^\s*|>\s*)(\d{1,3}\.\d+\s?%)(?=\s*(?:$|<))", "\\1approximately \\2", t),
    "codes-slash-separated": lambda t: _CODE_PAIR.sub("\\1/\\2", t),
    "labels-wrapped": _text_only(lambda t: re.sub(
        r"(?im)^([ \t]*\(?11[.)]?\)?[ \t]+aggregate[ \t]+amount[ \t]+beneficially[ \t]+owned)[ \t]+(by[ \t]+each)",
        "\\1\n        \\2", t)),
    "table-rows-as-paragraphs": _html_only(_rows_as_paragraphs),
    "percent-leading-zero-dropped": lambda t: re.sub(r"(?m)(^\s*|>\s*)0(\.\d+\s?%)(?=\s*(?:$|<))", "\\1\\2", t),
    "values-far-right": _text_only(lambda t: _ROW_LINE.sub(lambda m: m.group(1) + " " * 24 + m.group(2), t)),
    "item4-letters-dropped": lambda t: re.sub(
        r"(?i)\(\s*[a-c]\s*\)(\s*(?:<[^>]+>\s*)*)(?=amount\s+beneficially\s+owned|percent\s+of\s+class|number\s+of\s+shares\s+as)",
        "\\1", t),
    "item4-romans-as-numbers": lambda t: re.sub(
        r"(?i)\(\s*(i{1,3}|iv)\s*\)(\s*(?:<[^>]+>\s*)*)(?=(?:sole|shared)\s+power)",
        lambda m: "(" + str(("i", "ii", "iii", "iv").index(m.group(1).lower()) + 1) + ")" + m.group(2), t),
    "amendment-no-spelled": lambda t: re.sub(r"(?i)\(Amendment\s+No\.\s*(\d+)\)", lambda m: "(Amendment No. "
                                              + ("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine")[int(m.group(1)) - 1]
                                              + ")" if 1 <= int(m.group(1)) <= 9 else m.group(0), t),
    "cusip-number-spelled": lambda t: re.sub(r"(?i)\bcusip\s+no\.", "CUSIP Number", t),
    "schedule-hyphenated": lambda t: re.sub(r"(?i)\b(schedule\s+)13([DG])\b", "\\g<1>13-\\2", t),
    "text-as-pre-html": _text_only(_in_body(_as_pre_html)),
    "tables-in-layout-table": _html_only(_tables_in_layout_table),
    "name-footnote-mark": lambda t: _NAME_VALUE_HTML.sub("\\1\\2<sup>(1)</sup>", t) if _html(t)
    else _NAME_ROW.sub(lambda m: m.group(1) + m.group(2).rstrip() + " (1)", t),
    "by-on-its-own-line": _text_only(lambda t: re.sub(r"(?m)^(\s*)By:\s*(/s/)", "\\1By:\n\\1\\2", t)),
}


# ---------------------------------------------------------------- EDGAR XML (since Dec 2024)
# The same XML document written another way: what an XML parser hands a reader is unchanged, so
# what stakecheck reads must be too. Each rewrite parses and serialises with lxml (no regex on
# markup), for the corpus's XML documents only (is_xml).

def _xml_rewrite(fn):
    def apply(t: str) -> str:
        from lxml import etree
        root = etree.fromstring(t.lstrip("\ufeff \t\r\n").encode("utf-8"),
                                etree.XMLParser(resolve_entities=False, no_network=True))
        out = fn(root)
        return out if isinstance(out, str) else etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode()
    return apply


def _strip_blank(root) -> None:
    for el in root.iter():
        if el.text is not None and not el.text.strip() and len(el):
            el.text = None
        if el.tail is not None and not el.tail.strip():
            el.tail = None


def _minified(root):
    _strip_blank(root)


def _pretty(root):
    from lxml import etree
    _strip_blank(root)
    etree.indent(root, space="\t")


def _prefixes_renamed(root) -> str:
    """Every namespace under a prefix of its own (ns0, ns1, ...), declared once at the root,
    instead of the default namespace the SEC's samples use."""
    from lxml import etree
    uris = sorted({etree.QName(el).namespace for el in root.iter() if isinstance(el.tag, str)} - {None})
    nsmap = {f"ns{i}": u for i, u in enumerate(uris)}
    new_root = etree.Element(root.tag, nsmap=nsmap)
    pairs = [(root, new_root)]
    while pairs:
        old, new = pairs.pop()
        new.text, new.tail = old.text, old.tail
        for k, v in old.attrib.items():
            new.set(k, v)
        for child in old:
            if not isinstance(child.tag, str):
                continue
            made = etree.SubElement(new, child.tag)
            pairs.append((child, made))
    new_root.tail = None
    return etree.tostring(new_root, xml_declaration=True, encoding="UTF-8").decode()


def _comments_between(root):
    from lxml import etree
    for el in list(root.iter()):
        if el is not root and isinstance(el.tag, str):
            el.addprevious(etree.Comment(" generated "))


def _text_as_cdata(root):
    from lxml import etree
    for el in root.iter():
        if isinstance(el.tag, str) and not len(el) and el.text and el.text.strip():
            el.text = etree.CDATA(el.text)


def _ascii_char_refs(root) -> str:
    from lxml import etree
    return etree.tostring(root, xml_declaration=True, encoding="US-ASCII").decode("ascii")


def _empty_as_pairs(root) -> str:
    from lxml import etree
    for el in root.iter():
        if isinstance(el.tag, str) and not len(el) and el.text is None:
            el.text = ""  # serialised <a></a>, not <a/>
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode()


_XML_AMOUNT = re.compile(r"(?:sole|shared)(?:Voting|Dispositive)Power|(?:sole|shared)PowerOrDirectTo\w+|"
                         r"aggregateAmountOwned|amountBeneficiallyOwned|\w*AggregateNumberOfShares")


def _amounts_with_cents(root):
    """'1500000' written '1500000.00': the schema's amounts are decimals, and some filers' tools
    print two places."""
    from lxml import etree
    for el in root.iter():
        if isinstance(el.tag, str) and _XML_AMOUNT.fullmatch(etree.QName(el).localname) \
                and el.text and el.text.strip().isdigit():
            el.text = el.text.strip() + ".00"


XML_REWRITES = {
    "xml-amounts-with-cents": _xml_rewrite(_amounts_with_cents),
    "xml-minified": _xml_rewrite(_minified),
    "xml-pretty-printed": _xml_rewrite(_pretty),
    "xml-prefixes-renamed": _xml_rewrite(_prefixes_renamed),
    "xml-comments-between": _xml_rewrite(_comments_between),
    "xml-text-as-cdata": _xml_rewrite(_text_as_cdata),
    "xml-ascii-char-refs": _xml_rewrite(_ascii_char_refs),
    "xml-empty-as-pairs": _xml_rewrite(_empty_as_pairs),
    "xml-crlf": lambda t: t.replace("\r\n", "\n").replace("\n", "\r\n"),
    "xml-declaration-dropped": lambda t: re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", t),
}
REWRITES.update(XML_REWRITES)


def is_xml(text: str) -> bool:
    """An EDGAR XML document on its own (the xml/ folder), not a submission."""
    return re.match(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:\w+:)?edgarSubmission\b", text, re.S) is not None


def reading(data: bytes, name: str):
    res = check_bytes(data, name)
    persons = sorted([(p.name.upper(), p.aggregate, p.percent, p.sole_voting, p.shared_voting, p.sole_dispositive,
                      p.shared_dispositive) for p in res.reporting_persons], key=repr)  # ties at one line: any order
    findings = sorted({(f.rule_id, (f.person or "").upper(), f.severity) for f in res.findings
                       if f.severity in ("error", "warning")})
    return persons, findings, res.error


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def run(corpus: Path, names: list[str], out) -> dict[str, tuple[int, int]]:
    files = sorted(p for g in GLOBS for p in corpus.glob(g) if p.is_file() and p.suffix not in (".json", ".md", ".tsv"))
    totals = {n: [0, 0] for n in names}
    for path in files:
        data = path.read_bytes()
        text = _decode(data)
        base = reading(data, str(path))
        for name in names:
            if (name in XML_REWRITES) != is_xml(text):
                continue  # the text and HTML rewrites are not for XML, nor the reverse
            new = REWRITES[name](text)
            if new == text:
                continue
            totals[name][0] += 1
            got = reading(new.encode("utf-8"), str(path))
            if got != base:
                totals[name][1] += 1
                print(f"changed by {name}: {path.relative_to(corpus)}", file=out)
                _diff(base, got, out)
    return {n: (a, c) for n, (a, c) in totals.items()}


def _diff(base, got, out) -> None:
    for a, b in zip(base[0], got[0]):
        if a != b:
            print(f"    person {a} -> {b}", file=out)
    if len(base[0]) != len(got[0]):
        print(f"    persons {len(base[0])} -> {len(got[0])}", file=out)
    lost, new = sorted(set(base[1]) - set(got[1])), sorted(set(got[1]) - set(base[1]))
    if lost or new:
        print(f"    findings lost {lost}, new {new}", file=out)
    if base[2] != got[2]:
        print(f"    error {base[2]} -> {got[2]}", file=out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rewrite", action="append", choices=sorted(REWRITES), help="only this rewrite (repeatable)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args(argv)
    names = args.rewrite or list(REWRITES)
    totals = run(args.corpus, names, sys.stdout)
    print("\n| rewrite | files rewritten | reading changed |\n|---|---|---|")
    for name in names:
        applied, changed = totals[name]
        print(f"| {name} | {applied} | {changed} |")
    print(f"\n{sum(a for a, _ in totals.values())} rewritten files, "
          f"{sum(c for _, c in totals.values())} read differently")
    return 0


if __name__ == "__main__":
    sys.exit(main())
