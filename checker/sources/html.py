"""HTML filings to text with a line map (placeholder: a real lxml-based reader replaces this)."""
from __future__ import annotations

import re


def html_to_text(html: str) -> tuple[str, list[int]]:
    out_lines: list[str] = []
    line_map: list[int] = []
    for n, raw in enumerate(html.splitlines(), start=1):
        text = re.sub(r"<[^>]+>", " ", raw)
        out_lines.append(text)
        line_map.append(n)
    return "\n".join(out_lines), line_map
