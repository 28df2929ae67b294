"""The rule catalogue: one YAML file per family in ``rules/`` (plus a firm's own files), validated
against the fact schemas when it loads.

Each rule carries its metadata (the contract in DESIGN.md: code, name, category, severity,
summary, docs, citation), its durable-rules condition over the neutral facts of
``checker/facts/schema.py`` and a message template. Loading checks every field a condition tests
and every ``{alias.field}`` of a message against those schemas, so a typo, or a message field
that may be absent and has no default (``{m.field|default}``), fails here with the rule's code.
"""
from __future__ import annotations

import functools
import hashlib
import re
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError, field_validator

from checker.conditions import MESSAGE_FIELD, check_operators, cond_text, fields, guaranteed, pattern_type
from checker.facts.schema import FACT_TYPES, Field, field_spec
from checker.findings import CATEGORIES, Severity

# libyaml's loader when PyYAML was built with it: the catalogue loads on every run.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CODE_RE = re.compile(r"^[A-Z]{2,4}\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
class CatalogueError(ValueError):
    """A rule file that cannot be used: its message names the file and the rule code."""


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
    # Alternative conditions (the rule also fires where one of these holds); same aliases.
    or_when: list[dict[str, dict]] = []
    message: str
    # Which matched fact gives the finding its person, line, evidence and fingerprint key.
    subject: str | None = None
    person_field: str = "person"  # the subject's field that names the finding's person
    line_field: str = "line"  # the subject's field that gives the finding's line
    key: str | None = None  # a message-style template for the fingerprint key (default: the fact's key)
    source: str = ""  # the file the rule came from

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

    def fact_types(self) -> dict[str, str]:
        """alias -> the fact type its pattern tests."""
        return {alias: pattern_type(cond) for alias, cond in self.when.items()}

    def alternatives(self) -> list["Rule"]:
        """The rule once per alternative condition (``when`` first, then each of ``or_when``)."""
        return [self.model_copy(update={"when": w, "or_when": []}) for w in (self.when, *self.or_when)]

    def condition_text(self) -> str:
        """The condition in readable form, one line per matched fact; alternatives joined by 'or'."""
        if self.or_when:
            return "\nor\n".join(r.condition_text() for r in self.alternatives())
        types = self.fact_types()
        lines = []
        for n, (alias, cond) in enumerate(self.when.items()):
            head = "a" if n == 0 else "and a"
            text = cond_text(cond, alias)
            lines.append(f"{head} {types[alias]} fact {alias}" + (f" where {text}" if text else ""))
        return "\n".join(lines)

    def derived_fields(self) -> list[tuple[str, str, Field]]:
        """(fact type, field, spec) of every derived field the condition or the message reads."""
        if self.or_when:
            merged = {(t, f): spec for r in self.alternatives() for t, f, spec in r.derived_fields()}
            return [(t, f, s) for (t, f), s in sorted(merged.items())]
        types = self.fact_types()
        out: dict[tuple[str, str], Field] = {}
        for alias, cond in self.when.items():
            for ref_alias, name in fields(cond, alias):
                spec = field_spec(types.get(ref_alias, ""), name)
                if spec and spec.derived:
                    out[(types[ref_alias], name)] = spec
        for alias, name, _ in MESSAGE_FIELD.findall(self.message + (self.key or "")):
            spec = field_spec(types.get(alias, ""), name)
            if spec and spec.derived:
                out[(types[alias], name)] = spec
        return [(t, f, s) for (t, f), s in sorted(out.items())]

    def render(self, template: str, matched: dict) -> str:
        """A message (or key) template filled from the matched facts; absent fields get their default."""
        def field(m: re.Match) -> str:
            alias, name, default = m.groups()
            value = matched.get(alias, {}).get(name)
            if value is None:
                if default is None:
                    raise KeyError(f"{alias}.{name}")
                return default
            return str(value)
        return MESSAGE_FIELD.sub(field, template)


class RuleFamily(BaseModel):
    family: str
    prefix: str
    lists: dict[str, list] = {}  # shared lists (YAML anchors) the conditions refer to
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


def _rule_files(extra: tuple[str, ...]) -> list[Path]:
    files = sorted(rules_dir().glob("*.yaml"))
    for raw in extra:
        p = Path(raw)
        if p.is_dir():
            files += sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml"))
        elif p.is_file():
            files.append(p)
        else:
            raise CatalogueError(f"{raw}: no such rule file or folder")
    return files


@functools.lru_cache(maxsize=None)
def load_catalogue(extra: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """All rules (the built-in families, then the firm's files in ``extra``), sorted by code.
    Raises CatalogueError naming the file and the rule code on anything that cannot be used."""
    seen: dict[str, Rule] = {}
    for path in _rule_files(tuple(extra)):
        for rule in _load_file(path):
            if rule.code in seen:
                raise CatalogueError(f"{path.name}: {rule.code}: duplicate rule code (also in {seen[rule.code].source})")
            seen[rule.code] = rule
    return tuple(sorted(seen.values(), key=lambda r: r.code))


def _load_file(path: Path) -> list[Rule]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CatalogueError(f"{path}: cannot read the rule file: {exc}") from None
    if not isinstance(data, dict):
        raise CatalogueError(f"{path}: not a rule family (family, prefix, rules)")
    for n, raw in enumerate(data.get("rules") or []):
        if isinstance(raw, dict):
            raw.setdefault("source", path.name)
    try:
        family = RuleFamily.model_validate(data)
    except ValidationError as exc:
        raise CatalogueError(f"{path}: {_failing_code(data, exc)}: {exc.errors()[0]['msg']} "
                             f"(at {'.'.join(str(x) for x in exc.errors()[0]['loc'])})") from None
    for rule in family.rules:
        if not rule.code.startswith(family.prefix):
            raise CatalogueError(f"{path}: {rule.code} does not start with {family.prefix}")
        if rule.category != family.family:
            raise CatalogueError(f"{path}: {rule.code} category {rule.category} != {family.family}")
        problems = validate_rule(rule)
        if problems:
            raise CatalogueError(f"{path}: {rule.code}: " + "; ".join(problems))
    return family.rules


def _failing_code(data: dict, exc: ValidationError) -> str:
    loc = exc.errors()[0]["loc"]
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rule = (data.get("rules") or [])[loc[1]]
        if isinstance(rule, dict):
            return str(rule.get("code", f"rule #{loc[1] + 1}"))
    return "family"


# ---------------------------------------------------------------------------------------------
# Validation of conditions and messages against the fact schemas


def validate_rule(rule: Rule) -> list[str]:
    if rule.or_when:
        return [p for alt in rule.alternatives() for p in validate_rule(alt)]
    problems = []
    types = rule.fact_types()
    aliases = list(rule.when)
    for alias, fact_type in types.items():
        if fact_type is None:
            problems.append(f"pattern {alias} does not test the fact type 't'")
        elif fact_type not in FACT_TYPES:
            problems.append(f"pattern {alias} tests unknown fact type {fact_type!r}")
    if problems:
        return problems
    for n, (alias, cond) in enumerate(rule.when.items()):
        problems += check_operators(cond, alias)
        for ref_alias, name in fields(cond, alias):
            if ref_alias not in types:
                problems.append(f"pattern {alias} refers to unknown alias {ref_alias!r}")
            elif ref_alias != alias and aliases.index(ref_alias) > n:
                problems.append(f"pattern {alias} refers to {ref_alias}, which is matched after it")
            elif field_spec(types[ref_alias], name) is None:
                problems.append(f"{types[ref_alias]} has no field {name!r} (pattern {alias})")
    if rule.subject_alias not in types:
        problems.append(f"subject {rule.subject_alias!r} is not an alias of the condition")
    problems += _check_template(rule, rule.message, "message", types)
    if rule.key:
        problems += _check_template(rule, rule.key, "key", types)
    subject_type = types.get(rule.subject_alias)
    for what in (rule.person_field, rule.line_field):
        if subject_type and field_spec(subject_type, what) is None:
            problems.append(f"{subject_type} has no field {what!r} (person_field/line_field)")
    return problems


def _check_template(rule: Rule, template: str, what: str, types: dict) -> list[str]:
    problems = []
    present = {alias: guaranteed(cond) for alias, cond in rule.when.items()}
    for alias, name, default in MESSAGE_FIELD.findall(template):
        has_default = f"{{{alias}.{name}|" in template
        if alias not in types:
            problems.append(f"{what} field {{{alias}.{name}}}: unknown alias {alias!r}")
            continue
        spec = field_spec(types[alias], name)
        if spec is None:
            problems.append(f"{what} field {{{alias}.{name}}}: {types[alias]} has no field {name!r}")
        elif spec.optional and name not in present[alias] and not has_default:
            problems.append(f"{what} field {{{alias}.{name}}} may be absent from {types[alias]}: "
                            f"test it in the condition or give a default {{{alias}.{name}|...}}")
    rest = MESSAGE_FIELD.sub("", template)
    if "{" in rest or "}" in rest:
        problems.append(f"{what} has a brace that is not an {{alias.field}}")
    return problems


def catalogue_version(extra: tuple[str, ...] = ()) -> str:
    """A short hash of the rule files (the built-in ones, then a firm's ``extra`` files), printed
    in reports so an audit names the rules it used."""
    digest = hashlib.sha256()
    for path in _rule_files(tuple(extra)):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def find_rule(code: str, extra: tuple[str, ...] = ()) -> Rule | None:
    return next((r for r in load_catalogue(tuple(extra)) if r.code == code.upper() or r.name == code), None)
