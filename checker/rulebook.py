"""The rule catalogue: one YAML file per family in ``rules/``, loaded once per process.

Each rule carries its metadata (the contract in DESIGN.md: code, name, category, severity,
summary, docs, citation), its durable-rules condition and a message template. The Python side
(checker/facts.py) computes every derived value first, so conditions stay plain comparisons
a reviewer can read.
"""
from __future__ import annotations

import functools
import hashlib
import re
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, field_validator

from checker.findings import CATEGORIES, Severity

# libyaml's loader when PyYAML was built with it: the catalogue loads on every run.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CODE_RE = re.compile(r"^[A-Z]{2,4}\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class RuleDocs(BaseModel):
    what: str
    why: str
    example: str
    reference: str


class Rule(BaseModel):
    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    citation: str
    docs: RuleDocs
    # alias -> durable-rules condition, in match order ({"m": {"$and": [{"t": "person"}, ...]}})
    when: dict[str, dict]
    message: str
    # Which matched fact gives the finding its person, line, evidence and fingerprint key.
    subject: str | None = None

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        if not CODE_RE.match(v):
            raise ValueError(f"rule code {v!r} is not a family prefix and three digits")
        return v

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not NAME_RE.match(v):
            raise ValueError(f"rule name {v!r} is not kebab-case")
        return v

    @field_validator("category")
    @classmethod
    def _category(cls, v: str) -> str:
        if v not in CATEGORIES:
            raise ValueError(f"unknown category {v!r}")
        return v

    @property
    def subject_alias(self) -> str:
        return self.subject or next(iter(self.when))


class RuleFamily(BaseModel):
    family: str
    prefix: str
    rules: list[Rule]


def rules_dir() -> Path:
    """Installed: checker/rules inside the package. From a source checkout: ./rules."""
    try:
        installed = resources.files("checker.rules")
        if installed.is_dir():
            return Path(str(installed))
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "rules"


@functools.lru_cache(maxsize=None)
def load_catalogue(extra_dir: str | None = None) -> tuple[Rule, ...]:
    """All rules, sorted by code. Raises ValueError on a malformed rule file or duplicate code."""
    folders = [rules_dir()] + ([Path(extra_dir)] if extra_dir else [])
    seen: dict[str, Rule] = {}
    for folder in folders:
        for path in sorted(folder.glob("*.yaml")):
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
            family = RuleFamily.model_validate(data)
            for rule in family.rules:
                if not rule.code.startswith(family.prefix):
                    raise ValueError(f"{path.name}: {rule.code} does not start with {family.prefix}")
                if rule.category != family.family:
                    raise ValueError(f"{path.name}: {rule.code} category {rule.category} != {family.family}")
                if rule.code in seen:
                    raise ValueError(f"{path.name}: duplicate rule code {rule.code}")
                seen[rule.code] = rule
    return tuple(sorted(seen.values(), key=lambda r: r.code))


def catalogue_version() -> str:
    """A short hash of the rule files, printed in reports so an audit names the rules it used."""
    digest = hashlib.sha256()
    for path in sorted(rules_dir().glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def find_rule(code: str) -> Rule | None:
    return next((r for r in load_catalogue() if r.code == code.upper() or r.name == code), None)
