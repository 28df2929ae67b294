"""The install story (issue 9 §7-8): version ranges, an exact constraints file CI installs from,
the README saying what is needed before the first command, a LICENSE."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_dependencies_are_ranges_except_the_measured_engine():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pinned = [d for d in deps if "==" in d]
    assert pinned == ["durable-rules==2.0.28"]  # its work-arounds are measured against this release


def test_constraints_pin_every_dependency_and_ci_installs_them():
    pins = dict(line.split("==") for line in (ROOT / "constraints.txt").read_text().splitlines()
                if line and not line.startswith("#"))
    names = {re.split(r"[<>=!~ []", d)[0].lower().replace("-", "_")  # "dask[distributed]>=..." -> dask
             for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    assert names <= {k.lower().replace("-", "_") for k in pins}
    assert "-c constraints.txt" in (ROOT / ".ci" / "run").read_text()


def test_readme_says_what_is_needed_before_the_first_command():
    text = (ROOT / "README.md").read_text()
    before = text[:text.index("```bash")]
    assert "Python 3.11 or 3.12" in before and "C compiler" in before and "3.13" in before
    block = re.search(r"```bash\n(.*?)```", text, re.S).group(1).strip().splitlines()
    assert len(block) == 2 and block[1] in (ROOT / ".ci" / "run").read_text()


def test_license_is_apache_2():
    text = (ROOT / "LICENSE").read_text()
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert 'license = { text = "Apache-2.0" }' in (ROOT / "pyproject.toml").read_text()
