"""Markdown and HTML audit reports, and the ownership chart they embed."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from checker.findings import FileResult
from checker.report import chart, render
from report_samples import PERSONS, clean_result, context, sample_result, waived_entry


def test_markdown_has_every_part():
    md = render("markdown", [sample_result()], context())
    assert md.startswith("# stakecheck audit report\n")
    assert "| Rule catalogue | version `test-catalog` (5 rules) |" in md
    assert "| SHA-256 | `" + "ab" * 32 + "` |" in md
    # Holdings: absent values are a dash, never 0; zero stays 0.
    assert "| Wynnefield Partners Small Cap Value LP | 1,019,531 | 2.28 % | 1,019,531 | 0 | 1,019,531 | 0 | 62 |" in md
    assert "| Nelson Obus | — | — | — | — | — | — | 300 |" in md
    # Markup in filing text is escaped; a table cell stays on one line.
    assert r"Wynnefield Capital, Inc. \<Profit Sharing & Money Purchase Plan\>" in md
    assert r"notice of default dated 2008-09-15 \| ten Business Days" in md
    # The chart: inline SVG without blank lines (Markdown would end the HTML block), plus text.
    svg = re.search(r"<svg.*?</svg>", md, re.S).group(0)
    assert "\n\n" not in svg
    assert "¦" in md and "█" in md
    # Findings with evidence, line and citation; a fence that evidence cannot close.
    assert "#### 1. error · COV001 missing-cover-page" in md
    assert "- Citation: 17 CFR 240.13d-101, SUM001" in md
    assert "````text\n| table | cell |\n```\nfence\n````" in md
    assert "## Rules referenced" in md and "**THR001 percent-inconsistent**" in md
    assert "\n\n\n" not in md
    assert "| Gate (`--fail-on error`) | **fails**: findings at or above error |" in md


def test_markdown_waived_and_clean_gate():
    result = clean_result()
    md = render("markdown", [result], context())
    assert "No findings." in md and "| Gate (`--fail-on error`) | passes |" in md
    full = sample_result()
    entry = waived_entry(full, "SUM001")
    md = render("markdown", [full], context(waived=[entry]))
    assert "### Waived findings" in md and "J. Smith, GC" in md and "2099-01-01" in md


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.refs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for k, v in attrs:
            if k in ("src", "href") or (k == "xlink:href"):
                self.refs.append(v)


def test_html_is_self_contained_and_escaped():
    html = render("html", [sample_result(), FileResult(path="bad.pdf", error="a PDF")], context())
    p = _Collector()
    p.feed(html)
    assert "script" not in p.tags and "link" not in p.tags and "img" not in p.tags
    assert p.refs == []
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
    assert "&lt;Profit Sharing &amp; Money Purchase Plan&gt;" in html
    assert "<Profit" not in html
    assert "ab" * 32 in html and "test-catalog" in html
    assert html.count('class="finding ') == 4
    assert "a PDF" in html
    # The embedded SVG is well-formed XML.
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    ET.fromstring(svg)


def test_reports_are_deterministic():
    for fmt in ("markdown", "html"):
        assert render(fmt, [sample_result()], context()) == render(fmt, [sample_result()], context())


def test_chart_lines_and_bars():
    svg = chart.svg(PERSONS)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    labels = [t.text for t in root.iter(ns + "text")]
    for line in ("5 %", "10 %", "20 %"):
        assert line in labels
    assert "21.4 %" in labels and "7.5 %" in labels
    assert "not stated" in labels
    bars = [r for r in root.iter(ns + "rect") if r.get("fill") != "#f6f8fa"]
    assert len(bars) == 3  # Nelson Obus states no percent: no bar, never a zero bar
    widths = sorted(float(b.get("width")) for b in bars)
    assert widths[0] < widths[1] < widths[2]
    assert chart.scale_max([2.28]) == 25.0 and chart.scale_max([60.0]) == 70.0


def test_text_chart_marks_the_lines():
    text = chart.text_chart(PERSONS)
    first = text.splitlines()[0]
    assert "5%" in first and "10%" in first and "20%" in first
    assert "not stated" in text
