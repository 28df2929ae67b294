"""The ownership chart of the audit reports: each reporting person's percent of the class
against the regulatory lines, as inline SVG (no scripts, fonts or files to fetch) and as a
plain-text chart for readers of the raw Markdown.
"""
from __future__ import annotations

import math
from xml.sax.saxutils import escape

# (percent, short label, what crossing it means) -- see reference/sec-13dg-rules.md.
LINES = (
    (5.0, "5 %", "Schedule 13D/13G filing threshold (more than 5 %, Rule 13d-1)"),
    (10.0, "10 %", "Section 16 insider (more than 10 %)"),
    (20.0, "20 %", "passive 13G filers must switch to 13D at 20 % (Rule 13d-1(c))"),
)

WIDTH = 900
LABEL_W = 330  # names on the left
VALUE_W = 80  # the printed percent on the right
ROW_H = 34
TOP = 34  # room for the line labels
BOTTOM = 26  # the axis ticks
NAME_CHARS = 48  # the text chart's name column


def scale_max(percents: list[float]) -> float:
    """At least 25 % so all three lines always show; 10 % headroom over the largest holder."""
    top = max([25.0] + [p * 1.1 for p in percents if p is not None])
    return float(math.ceil(top / 5.0) * 5)


def _fmt(p: float) -> str:
    return f"{p:.2f}".rstrip("0").rstrip(".") + " %"


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1].rstrip() + "…"


def _text_width(text: str, size: float) -> float:
    """Rough Helvetica advance widths: SVG has no text measuring without a script, and
    "ACME VALUE OFFSHORE INTERNATIONAL FUND, LTD." is half again as wide as its lower case."""
    em = 0.0
    for ch in text:
        if ch.isupper() or ch in "mwMW@%":
            em += 0.70
        elif ch.isdigit():
            em += 0.56
        elif ch in " .,:;'|!iIljft()[]":
            em += 0.28
        else:
            em += 0.53
    return em * size


def _label_lines(name: str, room: float) -> tuple[list[str], float]:
    """One line at 12 px if it fits, else two at 11 px (word-wrapped, the second cut with '…').
    Never cut a single line: "… Value LP" and "… Value LP I" are different reporting persons."""
    if _text_width(name, 12) <= room:
        return [name], 12
    words, first = name.split(), ""
    while words and _text_width((first + " " + words[0]).strip(), 11) <= room:
        first = (first + " " + words.pop(0)).strip()
    if not first:  # one enormous word
        first, words = "", [name]
    second = " ".join(words)
    while second and _text_width(second, 11) > room:
        second = second[:-2].rstrip() + "…"
    return [x for x in (first, second) if x], 11


def _band(p: float) -> str:
    """Bar colour by the highest line crossed: the chart should be readable at a glance."""
    if p > 20:
        return "#b42318"
    if p > 10:
        return "#c4320a"
    if p > 5:
        return "#1f5fa8"
    return "#6b7f99"


def svg(persons) -> str:
    """``persons``: objects with ``name`` and ``percent`` (None when the filing states none)."""
    top = scale_max([p.percent for p in persons])
    plot_w = WIDTH - LABEL_W - VALUE_W
    height = TOP + ROW_H * max(1, len(persons)) + BOTTOM

    def x(p: float) -> float:
        return round(LABEL_W + plot_w * min(p, top) / top, 1)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="Percent of class per reporting person" '
           'font-family="Helvetica, Arial, sans-serif" font-size="12">',
           "<title>Percent of class per reporting person, against the 5 %, 10 % and 20 % lines</title>",
           f'<rect x="{LABEL_W}" y="{TOP - 6}" width="{plot_w}" height="{ROW_H * max(1, len(persons)) + 6}" '
           'fill="#f6f8fa"/>']
    for i, person in enumerate(persons):
        y = TOP + i * ROW_H
        lines, size = _label_lines(person.name, LABEL_W - 14)
        if len(lines) == 1:
            spans = escape(lines[0])
        else:
            spans = "".join(f'<tspan x="{LABEL_W - 8}" y="{y + dy}">{escape(t)}</tspan>'
                            for t, dy in zip(lines, (14, 28)))
        out.append(f'<text x="{LABEL_W - 8}" y="{y + 21}" text-anchor="end" fill="#1b1f24" font-size="{size}">'
                   f"<title>{escape(person.name)}</title>{spans}</text>")
        if person.percent is None:
            # In the value column, not the plot: no bar at all (never a zero bar), and the
            # dashed regulatory lines would run through text placed in the plot.
            out.append(f'<text x="{WIDTH - VALUE_W + 8}" y="{y + 21}" fill="#6e7781" font-style="italic">'
                       "not stated</text>")
            continue
        w = max(x(person.percent) - LABEL_W, 1.0)
        out.append(f'<rect x="{LABEL_W}" y="{y + 7}" width="{round(w, 1)}" height="{ROW_H - 14}" '
                   f'fill="{_band(person.percent)}"/>')
        out.append(f'<text x="{WIDTH - VALUE_W + 8}" y="{y + 21}" fill="#1b1f24" font-weight="bold">'
                   f"{escape(getattr(person, 'percent_text', None) or _fmt(person.percent))}</text>")
    bottom = TOP + ROW_H * max(1, len(persons))
    for pct, label, meaning in LINES:
        lx = x(pct)
        out.append(f'<line x1="{lx}" y1="{TOP - 8}" x2="{lx}" y2="{bottom}" stroke="#cf222e" '
                   'stroke-width="1.5" stroke-dasharray="5,3"><title>' + escape(meaning) + "</title></line>")
        out.append(f'<text x="{lx}" y="{TOP - 12}" text-anchor="middle" fill="#cf222e" '
                   f'font-weight="bold">{escape(label)}</text>')
    step = 5 if top <= 50 else 10
    for tick in range(0, int(top) + 1, step):
        tx = x(float(tick))
        out.append(f'<line x1="{tx}" y1="{bottom}" x2="{tx}" y2="{bottom + 4}" stroke="#57606a"/>')
        out.append(f'<text x="{tx}" y="{bottom + 16}" text-anchor="middle" fill="#57606a" '
                   f'font-size="10">{tick}</text>')
    out.append(f'<line x1="{LABEL_W}" y1="{bottom}" x2="{LABEL_W + plot_w}" y2="{bottom}" stroke="#57606a"/>')
    out.append("</svg>")
    # One line per element and no blank lines: Markdown ends an HTML block at a blank line.
    return "\n".join(out)


def text_chart(persons, width: int = 50) -> str:
    """The same chart in characters: '█' bars, '¦' at each regulatory line."""
    top = scale_max([p.percent for p in persons])
    marks = {round(width * pct / top): label for pct, label, _ in LINES}
    name_w = min(NAME_CHARS, max([len(_short(p.name)) for p in persons] + [4]))
    header = [" "] * (width + 1)
    for col, label in marks.items():
        for k, ch in enumerate(label.replace(" ", "")):
            if col + k < len(header):
                header[col + k] = ch
    rows = [" " * (name_w + 2) + "".join(header).rstrip()]
    for p in persons:
        cells = [" "] * (width + 1)
        filled = 0 if p.percent is None else round(width * min(p.percent, top) / top)
        for c in range(filled):
            cells[c] = "█"
        for col in marks:
            if cells[col] == " ":
                cells[col] = "¦"
        value = "not stated" if p.percent is None else (getattr(p, "percent_text", None) or _fmt(p.percent))
        rows.append(f"{_short(p.name):<{name_w}}  {''.join(cells)} {value}")
    return "\n".join(rows)
