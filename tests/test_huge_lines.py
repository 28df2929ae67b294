"""A huge line anywhere in a filing is read in linear time (issue 10: never a hang).

bench/fuzz.py found a 13D whose Item 3 held a line of 511,612 spaces: a backtracking '\\s*'
in the Item 3 option pattern tried every split of the run (quadratic), and the check hung.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BASE = Path(__file__).parent / "cases" / "bases" / "13g.txt"

SCRIPT = """
import sys
from pathlib import Path
from checker import sources
from checker.parse import parse_document
from checker.pipeline import CheckOptions, check_filing
ITEM3 = ("Item 3.  If this statement is filed pursuant to Rule 13d-1(b), check whether the person "
         "filing is a:\\n\\n(a) [ ] Broker or dealer registered under Section 15 of the Act.\\n"
         "(e) [ ] An investment adviser.\\n\\nItem 4.  Ownership.")
text = Path(sys.argv[1]).read_text(encoding="utf-8").replace("Item 4.  Ownership.", ITEM3)
lines = text.split("\\n")
start = next(n for n, line in enumerate(lines) if line.startswith("Item 3."))
for pos in [*range(0, len(lines), 7), start + 1, start + 3]:
    for filler in (" " * 500_000, "-" * 300_000, "1," * 100_000):
        text = "\\n".join(lines[:pos] + [filler] + lines[pos:])
        check_filing(parse_document(sources.load_bytes(text.encode(), "h.txt")), CheckOptions())
print("read")
"""


def test_huge_lines_anywhere_do_not_hang():
    # A subprocess with a generous limit: a quadratic pattern takes hours here, linear ones seconds.
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(BASE)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "read"
