"""The inline HTML walk (checker.sources.html) gives exactly what the plainer reference walk
(tests/html_walk_reference.py) gives: the same text and the same line map, on synthetic HTML with
every construct the walk treats specially, and on every HTML document of the corpus."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from checker import sources
from checker.sources import edgar
from checker.sources import html_tables
from checker.sources.html import _clean as mod_clean
from checker.sources.html import html_to_text
from html_walk_reference import reference_html_to_text

CASES = [
    "<p>plain</p>",
    "<html><body><p>a <b>bold\n<i>nested</i></b>\ntail</p><p>b&amp;c&nbsp;d&#8203;e</p></body></html>",
    "<div>one<br>two<br/>three<br>\n</div><div><font>\n\n  four </font></div>",
    "<p>x<!-- a comment\nover lines -->y</p><script>var a = '<p>no</p>';\n</script><p>z</p>",
    "<style>p {}</style><title>t</title><noscript>n</noscript><p>after</p>",
    "<table><tr><td>1</td><td>NAME OF <b>REPORTING</b><br>PERSON</td><td colspan=2>Acme</td></tr>"
    "<tr><td colspan='x'>2</td><td><p>CHECK</p><div>(a) ☐ (b) ☒</div></td></tr></table><p>after</p>",
    "<table><tr><td>1</td><td>x<table><tr><td>in</td><td>ner</td></tr></table></td></tr></table>",
    "<pre>a\n<table><tr><td><pre>x\ny</pre></td><td>c</td></tr></table>b\n\nd</pre><p>after  <b>it</b></p>",
    "<pre>\n\n  col1   col2\n\n\n  <b>x</b>   y\n</pre><pre>second\n</pre>",
    "<table><tr><td>ACME FUND, L.P.</td><td></td><td>ACME GP, LLC</td></tr>"
    "<tr><td>By:</td><td>/s/ Jane Roe</td><td>By:</td><td>/S/ John Doe</td></tr>"
    "<tr><td>Name: Jane Roe</td><td></td><td colspan='2'>Name: John Doe</td></tr></table><p>Date</p>",
    "<table><tr><td>/s/ A</td><td>/s/ B</td></tr></table><table><tr><td>/s/ C</td><td>d</td></tr></table>",
    "<table><tr><th>ACME FUND, L.P.</th><th>ACME GP, LLC</th></tr><tr><th>/s/ Jane Roe</th><th>/s/ John Doe</th></tr>"
    "<tr><th>Name: Jane Roe</th><th>Name: John Doe</th></tr></table>",  # every cell a <th>
    "<pre>\n" + "typed line\n\n" * 60 + "</pre>",  # a typed text in <pre>, double-spaced
    "<table><tr><td><table><tr><td>/s/ A</td><td>/s/ B</td></tr></table></td></tr></table>",
    "<table><tr><td>" + "long prose " * 300 + "</td><td>cell</td></tr></table>",
    "<h1>Title</h1><hr><ul><li>one</li><li>two\u00a0\u2003three</li></ul><h2>\u200b</h2><p>\u3000end\x1f x</p>",
    "<p>a</p>\n\n\n<p>  </p>\n<p>b</p><center><font>c</font></center><p></p><div></div>",
    "text before any tag<p>then a block</p>tail text",
    "<table><tr><td>a<tr><td>b</td></tr></td></tr></table>",  # broken nesting, repaired by libxml2
    "<p>crlf\r\nline</p>\r\n<table>\r\n<tr><td>1\r\n</td><td>a</td></tr></table>",
    "<body><p>x\u2028y\u0085z\ftab\tend</p></body>",
    # a signature grid with every row a table of its own, a blank paragraph between two of them
    "<table><tr><td>ACME FUND, L.P.</td><td>ACME GP, LLC</td></tr></table>\n<table><tr><td>By: /s/ Jane Roe</td>"
    "<td>By: /s/ John Doe</td></tr></table><p>&nbsp;</p><table><tr><td>Name: Jane Roe</td><td>Name: John Doe</td>"
    "</tr></table><table><tr><td>Dated: May 1, 2020</td></tr></table><p>after</p>",
    "<table><tr><td>1</td><td>a</td></tr></table> <table><tr><td>2</td><td>b</td></tr></table><p>x</p><table>"
    "<tr><td>3</td></tr></table>",  # tables one under the other, then one after a paragraph
    "<p>500000<sup>1</sup> on December 31<sup>st</sup></p><table><tr><td>11</td><td>500000"
    "<font style='FONT-SIZE: 70%; VERTICAL-ALIGN: text-top'>2</font></td></tr></table>",
]


@pytest.mark.parametrize("html", CASES)
def test_same_as_reference_walk(html):
    assert html_to_text(html) == reference_html_to_text(html)


def test_same_as_reference_walk_past_the_line_cap():
    """libxml2 reports at most line 65535; past it both walks count newlines themselves."""
    html = "<div>\n" * 3 + "<p>x</p>\n" * 70000 + "<table><tr><td>1</td><td>a\nb</td></tr></table><pre>p\nq</pre>"
    fast = html_to_text(html)
    assert fast == reference_html_to_text(html)
    assert fast[1][-1] > 65535


def test_signature_grids_same_as_one_xpath():
    xpath = etree.XPath("//table[not(descendant::table)]"
                        "[.//tr[count(*[self::td or self::th][contains(translate(., 'S', 's'), '/s/')]) >= 2]]")
    parser = etree.HTMLParser(recover=True)
    for html in CASES:
        root = etree.fromstring(html.encode(), parser)
        assert html_tables.signature_grids(root) == set(xpath(root))


def html_documents(corpus: Path) -> list[str]:
    """Every HTML document of the corpus: the HTML files and the HTML inside EDGAR submissions."""
    found: list[str] = []
    real = edgar.html_to_text
    edgar.html_to_text = lambda text: found.append(text) or real(text)
    try:
        for path in sorted(corpus.rglob("*")):
            if path.suffix.lower() in (".htm", ".html", ".txt", ".xml") and path.is_file():
                data = path.read_bytes()
                if path.suffix.lower() in (".htm", ".html") and b"<SEC-HEADER>" not in data[:20000]:
                    found.append(sources.decode(data))
                else:
                    sources.load(path)
    finally:
        edgar.html_to_text = real
    return found


def test_same_as_reference_walk_on_the_corpus(corpus):
    docs = html_documents(corpus)
    assert len(docs) > 20
    for html in docs:
        assert html_to_text(html) == reference_html_to_text(html)


def test_a_raised_footnote_after_a_figure_is_read_apart_from_it():
    # '1000000<sup>1</sup>' is 1,000,000 and note 1: glued, the text would read 10000001
    import html as htmllib
    from checker.api import check_bytes
    lines = (Path(__file__).parent / "cases" / "bases" / "13d.txt").read_text().split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("11.")) + 1
    assert lines[at].strip() == "1,000,000"
    body = "".join(f"<p>{htmllib.escape(line)}</p>\n" if i != at else "<p>1000000<sup>1</sup></p>\n"
                   for i, line in enumerate(lines))
    result = check_bytes(f"<html><body>{body}</body></html>".encode(), "cover.htm")
    assert result.reporting_persons[0].aggregate == 1000000
    assert "10000001" not in html_to_text(body)[0]


def test_a_signature_grid_of_header_cells_reads_as_one_of_data_cells():
    grid = ("<table><tr><td>ACME FUND, L.P.</td><td>ACME GP, LLC</td></tr><tr><td>By: /s/ Jane Roe</td>"
            "<td>By: /s/ John Doe</td></tr><tr><td>Name: Jane Roe</td><td>Name: John Doe</td></tr></table>")
    text = html_to_text(grid)[0]
    assert text.index("ACME GP, LLC") > text.index("Name: Jane Roe")  # the blocks one under the other
    assert html_to_text(grid.replace("<td>", "<th>").replace("</td>", "</th>")) == html_to_text(grid)


def test_tables_printed_one_under_the_other_read_as_one_table():
    # A browser draws adjacent tables with no gap: no blank line between their rows, as in one table.
    one = "<table><tr><td>1</td><td>a</td></tr><tr><td>2</td><td>b</td></tr></table><p>x</p>"
    split = "<table><tr><td>1</td><td>a</td></tr></table>\n<table><tr><td>2</td><td>b</td></tr></table><p>x</p>"
    assert html_to_text(split)[0] == html_to_text(one)[0] == "1 | a\n2 | b\n\nx"
    # a paragraph between them is a break
    apart = "<table><tr><td>1</td><td>a</td></tr></table><p>x</p><table><tr><td>2</td><td>b</td></tr></table>"
    assert html_to_text(apart)[0] == "1 | a\n\nx\n\n2 | b"


def test_a_signature_grid_printed_one_table_per_row_reads_as_one_grid():
    grid = ("<table><tr><td>ACME FUND, L.P.</td><td>ACME GP, LLC</td></tr><tr><td>By: /s/ Jane Roe</td>"
            "<td>By: /s/ John Doe</td></tr><tr><td>Name: Jane Roe</td><td>Name: John Doe</td></tr></table>")
    per_row = grid.replace("</tr><tr>", "</tr></table>\n<table><tr>")
    assert html_to_text(per_row)[0] == html_to_text(grid)[0]
    assert html_to_text(grid)[0].splitlines() == ["ACME FUND, L.P.", "By: /s/ Jane Roe", "Name: Jane Roe", "",
                                                 "ACME GP, LLC", "By: /s/ John Doe", "Name: John Doe"]
    # a one-cell line after the grid (a date) is not part of it: it stays after both blocks
    dated = per_row + "<table><tr><td>Dated: May 1, 2020</td></tr></table>"
    assert html_to_text(dated)[0].splitlines()[-1] == "Dated: May 1, 2020"


@pytest.mark.parametrize("s", ["", " ", "\u00a0\n\t", "\u200b \ufeff", "\u2003\u3000\x1f\u1680", "\u00ad", "a", " x ",
                               "\u200bx", "&nbsp;"])
def test_the_tables_blank_test_is_the_walks_empty_text(s):
    # html_tables cannot call html._clean (html imports it); its own test must agree with it
    assert html_tables._blank_text(s) == (not mod_clean(s))
