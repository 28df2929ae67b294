"""Regenerate the example audit reports in reports/ from the seed filing.

    python reports/regenerate.py            # rewrite reports/*.md and *.html in place
    python reports/regenerate.py --out DIR  # write them to DIR instead (the staleness test does)

The reports are deterministic (no timestamps), so a test regenerates them into a temporary
folder and fails when the bytes differ from the committed ones: a change to the parser, the
rules or the templates then shows up in review as a change to these files.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (input, report stem): paths relative to the repository root, as they appear in the reports.
SOURCES = [("examples/sc13da-liquidmetal-2008-09-30.txt", "seed-audit")]
FORMATS = {"markdown": ".md", "html": ".html"}


def regenerate(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for source, stem in SOURCES:
        for fmt, suffix in FORMATS.items():
            target = (out / f"{stem}{suffix}").resolve()
            # --no-config: a developer's own stakecheck.toml must not change the committed reports.
            # The working directory is the repository root so the report names the file as above.
            cmd = [sys.executable, "-m", "checker.cli", "report", source, "--format", fmt,
                   "--no-config", "--fail-on", "never", "--output", str(target)]
            proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
            if proc.returncode != 0:
                raise SystemExit(f"regenerate: {' '.join(cmd[1:])} exited {proc.returncode}: {proc.stderr.strip()}")
            written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "reports", help="folder to write to")
    for path in regenerate(parser.parse_args().out):
        print(path)


if __name__ == "__main__":
    main()
