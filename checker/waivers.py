"""Waivers: findings a named person accepted, with a reason and an expiry date.

A waiver takes a finding out of the exit-code gate, never out of the record: every reporter
still lists waived findings (JSON: the top-level "waived" list). Waivers rot, so an expired
waiver (WAV001) and a waiver that no longer matches anything it covers (WAV002) are findings
themselves, reported against the waiver file's own lines, where the user has to act.

File format, TOML (``[[waiver]]`` tables) or YAML (a list, or ``waivers:`` holding one)::

    [[waiver]]
    rule = "THR001"                  # the rule code (or kebab-case name)
    path = "filings/**/*.txt"        # scope: at least one of path / cusip / person / fingerprint
    cusip = "037833100"
    person = "Acme Partners Value LP"
    justification = "Percent is of the class as of the issuer's 10-Q; counsel reviewed."
    approved_by = "J. Smith (GC)"
    expires = 2026-12-31             # the waiver holds through this day
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError, field_validator, model_validator

from checker.findings import FileResult, Finding, fingerprint
from checker.textfiles import decode_utf8

CITATION = "stakecheck waiver file"
SCOPE_KEYS = ("path", "cusip", "person", "fingerprint")


class WaiverError(Exception):
    """The waiver file cannot be used (exit code 2, one line)."""


class Waiver(BaseModel, extra="forbid"):
    rule: str
    path: str | None = None
    cusip: str | None = None
    person: str | None = None
    fingerprint: str | None = None
    justification: str
    approved_by: str
    expires: dt.date
    line: int | None = None  # where the entry starts in the waiver file (filled in by the loader)

    @field_validator("rule")
    @classmethod
    def _rule(cls, v: str) -> str:
        v = v.strip()
        # A code is stored upper-case so "thr001" matches; a kebab-case name stays as written.
        return v.upper() if re.fullmatch(r"[A-Za-z]{2,4}\d{3}", v) else v

    @field_validator("justification", "approved_by")
    @classmethod
    def _non_empty(cls, v: str) -> str:
        # An empty reason defeats the point of a waiver: an auditor must see who accepted what, and why.
        if not v.strip():
            raise ValueError("must not be empty")
        return v.strip()

    @model_validator(mode="after")
    def _scoped(self) -> "Waiver":
        # A waiver without a scope would silence a rule everywhere: that is --ignore, not a waiver.
        if not any(getattr(self, k) for k in SCOPE_KEYS):
            raise ValueError(f"needs a scope: one of {', '.join(SCOPE_KEYS)}")
        return self

    def describe(self) -> str:
        scope = ", ".join(f"{k} {getattr(self, k)!r}" for k in SCOPE_KEYS if getattr(self, k))
        return f"{self.rule} ({scope})"

    def key(self) -> str:
        return "|".join([self.rule] + [getattr(self, k) or "" for k in SCOPE_KEYS] + [self.expires.isoformat()])


class WaivedFinding(BaseModel):
    """A finding a waiver accepted; JSON: one entry of the top-level "waived" list."""

    path: str
    finding: Finding
    waiver: Waiver

    def to_json(self) -> dict:
        waiver = self.waiver.model_dump(mode="json", exclude_none=True)
        return {"path": self.path, **self.finding.model_dump(), "waiver": waiver}


class WaiverSet:
    def __init__(self, path: str, waivers: list[Waiver], sha256: str = ""):
        self.path = path
        self.waivers = waivers
        self.sha256 = sha256


# --- loading -------------------------------------------------------------------------------

def load_waivers(path: str | Path) -> WaiverSet:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise WaiverError(f"cannot read waiver file {p}: {exc.strerror}") from None
    text = _decode(raw, p)
    entries, lines = (_load_toml(p, text) if p.suffix.lower() == ".toml" else _load_yaml(p, text))
    waivers = []
    for n, (entry, line) in enumerate(zip(entries, lines), start=1):
        if not isinstance(entry, dict):
            raise WaiverError(f"{p}: waiver {n} is not a table of keys")
        try:
            waivers.append(Waiver.model_validate({**entry, "line": line}))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"]) or "entry"
            at = f" (line {line})" if line else ""
            raise WaiverError(f"{p}: waiver {n}{at}: {where}: {err['msg']}") from None
    return WaiverSet(str(path), waivers, hashlib.sha256(raw).hexdigest())


MAX_BYTES = 1 << 20  # a waiver file of a megabyte is not one a person reviewed
MAX_DEPTH = 20  # a waiver entry is a flat table; deeper nesting is an attack or an accident


def _decode(raw: bytes, p: Path) -> str:
    return decode_utf8(raw, p, "a waiver file", WaiverError, MAX_BYTES)


def _load_toml(p: Path, text: str) -> tuple[list, list]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise WaiverError(f"{p}: not valid TOML: {exc}") from None
    except RecursionError:
        raise WaiverError(f"{p}: not valid TOML: nested too deeply") from None
    except ValueError as exc:  # an integer of 100,000 digits
        raise WaiverError(f"{p}: not valid TOML: {str(exc).splitlines()[0]}") from None
    unknown = set(data) - {"waiver", "waivers"}
    if unknown:
        raise WaiverError(f"{p}: unknown top-level key {sorted(unknown)[0]!r} (expected [[waiver]] tables)")
    entries = data.get("waiver", data.get("waivers", []))
    if not isinstance(entries, list):
        raise WaiverError(f"{p}: 'waiver' must be an array of tables ([[waiver]])")
    # tomllib keeps no positions; the n-th [[waiver]] header is the n-th entry.
    heads = [i + 1 for i, ln in enumerate(text.splitlines()) if re.match(r"\s*\[\[\s*waivers?\s*\]\]", ln)]
    lines = heads if len(heads) == len(entries) else [None] * len(entries)
    return entries, lines


def _check_events(p: Path, text: str) -> None:
    """Aliases refused (100,000 of them hang a loader: "billion laughs"), nesting bounded,
    before anything is built from the document."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            line = event.start_mark.line + 1
            raise WaiverError(f"{p}: YAML anchors and aliases are not allowed in a waiver file (line {line})")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise WaiverError(f"{p}: nested deeper than {MAX_DEPTH} levels; not a waiver file")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _load_yaml(p: Path, text: str) -> tuple[list, list]:
    try:
        _check_events(p, text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except (ValueError, OverflowError) as exc:  # e.g. the date 2027-02-30, a huge number
        raise WaiverError(f"{p}: not valid YAML: {' '.join(str(exc).split())[:200]}") from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "syntax error"
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise WaiverError(f"{p}: not valid YAML{at}: {first}") from None
    if data is None:
        return [], []
    if isinstance(data, dict) and set(data) <= {"waivers", "waiver"}:
        key = "waivers" if "waivers" in data else "waiver"
        data = data[key] or []
        node = next((v for k, v in node.value if k.value == key), None)
    if not isinstance(data, list):
        raise WaiverError(f"{p}: expected a list of waivers (or 'waivers:' holding one)")
    items = node.value if node is not None and isinstance(node, yaml.SequenceNode) else []
    lines = [n.start_mark.line + 1 for n in items] if len(items) == len(data) else [None] * len(data)
    return data, lines


# --- matching ------------------------------------------------------------------------------

def _glob_regex(pattern: str) -> re.Pattern:
    """gitignore-style: ``**`` crosses folders, ``*`` and ``?`` do not."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def path_matches(pattern: str, path: str, base: Path | None = None) -> bool:
    pattern = pattern.replace("\\", "/").removeprefix("./")
    p = Path(path)
    candidates = {p.as_posix().removeprefix("./")}
    for root in (base, Path.cwd()):
        if root is None:
            continue
        try:
            candidates.add(p.resolve().relative_to(root.resolve()).as_posix())
        except (ValueError, OSError):
            pass
    if "/" not in pattern:  # a bare pattern matches the file name in any folder, as in .gitignore
        candidates = {c.rsplit("/", 1)[-1] for c in candidates}
    rx = _glob_regex(pattern)
    return any(rx.match(c) for c in candidates)


def _norm_cusip(v: str | None) -> str:
    return re.sub(r"[\s-]", "", v or "").upper()


def _norm_name(v: str | None) -> str:
    return " ".join((v or "").split()).casefold()


def _covers_file(w: Waiver, result: FileResult, base: Path) -> bool:
    """The waiver's scope includes this file (whatever its findings are)."""
    if w.path and not path_matches(w.path, result.path, base):
        return False
    if w.cusip and _norm_cusip(w.cusip) != _norm_cusip(result.cusip):
        return False
    if w.person and not any(_norm_name(w.person) == _norm_name(p.name) for p in result.reporting_persons) \
            and not any(_norm_name(w.person) == _norm_name(f.person) for f in result.findings):
        return False
    return True


def _covers_finding(w: Waiver, f: Finding) -> bool:
    if w.rule not in (f.rule_id, f.rule):
        return False
    if w.person and _norm_name(w.person) != _norm_name(f.person):
        return False
    return not (w.fingerprint and w.fingerprint != f.fingerprint)


# --- applying ------------------------------------------------------------------------------

def apply_waivers(results: list[FileResult], wset: WaiverSet, today: dt.date,
                  selected=lambda code: True) -> tuple[list[FileResult], list[WaivedFinding], list[Finding]]:
    """Split waived findings out of ``results``.

    Returns the results without waived findings, the waived findings, and the WAV findings
    about the waiver file itself. ``selected(code)`` says whether a rule ran in this run: a
    waiver for a rule the user ignored is not "unused".
    """
    wpass = WaiverPass(wset, today, selected)
    out: list[FileResult] = []
    waived: list[WaivedFinding] = []
    for result in results:
        kept, hits = wpass.apply(result)
        out.append(kept)
        waived.extend(hits)
    return out, waived, wpass.housekeeping()


class WaiverPass:
    """apply_waivers one file at a time (a streamed run holds no list of results): ``apply`` each
    result as it is checked, then ``housekeeping`` for the waiver file's own findings."""

    def __init__(self, wset: WaiverSet, today: dt.date, selected=lambda code: True):
        self.wset, self.today, self.selected = wset, today, selected
        self.base = Path(wset.path).resolve().parent
        self.active = [w for w in wset.waivers if w.expires >= today]
        self.used: set[int] = set()
        self.in_scope: set[int] = set()

    def apply(self, result: FileResult) -> tuple[FileResult, list[WaivedFinding]]:
        if result.error:
            return result, []
        covering = [(i, w) for i, w in enumerate(self.active) if _covers_file(w, result, self.base)]
        self.in_scope.update(i for i, _ in covering)
        kept, waived = [], []
        for f in result.findings:
            hit = next(((i, w) for i, w in covering if _covers_finding(w, f)), None)
            if hit is None:
                kept.append(f)
            else:
                self.used.add(hit[0])
                waived.append(WaivedFinding(path=result.path, finding=f, waiver=hit[1]))
        return result.model_copy(update={"findings": kept}), waived

    def housekeeping(self) -> list[Finding]:
        return _housekeeping(self.wset, self.active, self.used, self.in_scope, self.today, self.selected)


def _housekeeping(wset: WaiverSet, active: list[Waiver], used: set[int], in_scope: set[int],
                  today: dt.date, selected) -> list[Finding]:
    name = Path(wset.path).name
    findings = []
    for w in wset.waivers:
        if w.expires < today:
            findings.append(_finding(
                "WAV001", "expired-waiver", w, name,
                f"waiver for {w.describe()} expired on {w.expires.isoformat()} (approved by "
                f"{w.approved_by}); the findings it covered count again: renew it or fix them"))
    for i, w in enumerate(active):
        # Only a waiver whose scope was checked in this run, for a rule that ran, can be called unused.
        if i in in_scope and i not in used and _rule_ran(w.rule, selected):
            findings.append(_finding(
                "WAV002", "unused-waiver", w, name,
                f"waiver for {w.describe()} matched no finding; the problem may be fixed: remove the waiver"))
    return sorted(findings, key=Finding.sort_key)


def _rule_ran(rule: str, selected) -> bool:
    return selected(rule) if re.fullmatch(r"[A-Z]{2,4}\d{3}", rule) else True


def _finding(code: str, name: str, w: Waiver, file_name: str, message: str) -> Finding:
    return Finding(rule_id=code, rule=name, category="consistency", severity="warning",
                   message=message, person=w.person, line=w.line,
                   evidence=f"rule = {w.rule!r}; justification: {w.justification}",
                   citation=CITATION, fingerprint=fingerprint(code, file_name, w.person, w.key()))


def waiver_file_result(wset: WaiverSet, findings: list[Finding]) -> FileResult | None:
    """The waiver file as a checked input, so its findings point at its own lines in every format."""
    if not findings:
        return None
    return FileResult(path=wset.path, sha256=wset.sha256, format="text", findings=findings)
