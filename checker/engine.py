"""The rule engine: durable-rules behind one small interface, ``Engine.run(facts) -> findings``.

durable-rules 2.0.28 crashes the process in exactly our usage pattern unless three C-level
bugs are worked around (../shared/reference/durable-rules-notes.md §3.1). All of that lives here:

A. ``delete_state`` on a session where no action fired frees garbage: every filing asserts an
   ``$end`` fact that a no-op rule matches, so one action always fires.
B. A join whose last cross-fact test is false reads out of bounds: every pattern after the first
   gets an always-true last test ``fid == <first alias>.fid``. (Never compare ``sid`` across facts.)
C. The default Host's dispatcher thread walks freed sessions: ``SyncHost`` has no threads, so
   actions run synchronously on the caller's thread.

Semantics respected: rulesets registered once per process; one batch assert on the C API with
actions always run (the stock ``assert_facts`` skips them when any fact is unmatched); unique
fact ids, with a salted retry on the rare 32-bit id-hash collision; one session per filing,
deleted afterwards; exceptions in actions raised, not swallowed; findings sorted by us.
"""
from __future__ import annotations

import copy
import itertools
import json
import re
import textwrap
import threading

import durable_rules_engine
from durable import engine as durable_engine

from checker.findings import Finding, fingerprint
from checker.conditions import pattern_type
from checker.rulebook import Rule, load_catalogue

RULESET = "stakecheck"
RULE_ERROR = "PAR006"  # the finding for a rule that failed on one filing
END_FACT = "$end"


class EngineError(RuntimeError):
    """An action raised, or the engine refused a filing's facts."""


class SyncHost(durable_engine.Host):
    """A Host without the background dispatcher/timer threads (bug C); named actions."""

    def __init__(self, ruleset_definitions=None, actions=None):
        self._actions_by_name = dict(actions or {})
        super().__init__(ruleset_definitions)

    def _run(self):  # the stock Host starts its timer threads here
        pass

    def get_action(self, action_name):
        return self._actions_by_name[action_name]


def compile_rule(rule: Rule) -> dict:
    """A catalogue rule -> a durable-rules rule definition: the catalogue's $in/$notin shorthand
    expanded, and the bug-B padding applied to every pattern after the first."""
    patterns = []
    aliases = list(rule.when)
    for n, alias in enumerate(aliases):
        cond = _expand(copy.deepcopy(rule.when[alias]))
        _require_type_test(rule.code, cond)
        if n > 0:
            terms = cond["$and"] if "$and" in cond else [cond]
            cond = {"$and": [*terms, {"fid": {aliases[0]: "fid"}}]}
        patterns.append({alias: cond})
    return {"all": patterns, "run": rule.code}


def _expand(cond):
    """{f: {$in: [a, b]}} -> {$or: [{f: a}, {f: b}]}; {f: {$notin: [...]}} -> {$and: [{$neq: ...}]}."""
    if isinstance(cond, list):
        return [_expand(c) for c in cond]
    if not isinstance(cond, dict):
        return cond
    out = {}
    terms = []
    for key, value in cond.items():
        if isinstance(value, dict) and "$in" in value:
            terms.append({"$or": [{key: v} for v in value["$in"]]})
        elif isinstance(value, dict) and "$notin" in value:
            terms.append({"$and": [{"$neq": {key: v}} for v in value["$notin"]]})
        elif key in ("$and", "$or"):
            out[key] = _expand(value)
        else:
            out[key] = value
    if not terms:
        return out
    if len(out) == 1 and "$and" in out:
        return {"$and": out["$and"] + terms}
    rest = [{k: v} for k, v in out.items()]
    return {"$and": rest + terms} if len(rest) + len(terms) > 1 else terms[0]


def _require_type_test(code: str, cond: dict) -> None:
    # A pattern that can match the engine's own state fact loops forever (notes §3.2).
    if pattern_type(cond) is None:
        raise ValueError(f"{code}: every pattern must test the fact type 't'")


class Engine:
    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = {r.code: r for r in rules}
        self._hits: list[tuple[str, dict]] = []
        self._interrupt: BaseException | None = None
        definitions = {}
        for r in rules:  # one durable-rules rule per alternative condition, all with the rule's action
            for n, alt in enumerate(r.alternatives()):
                definitions[r.code if n == 0 else f"{r.code}~{n}"] = compile_rule(alt)
        definitions["zz_end"] = {"all": [{"m": {"t": END_FACT}}], "run": "noop"}
        actions = {code: self._guarded(self._collector(code)) for code in self.rules}
        actions["noop"] = lambda c: None
        self.host = SyncHost({RULESET: definitions}, actions)
        self._counter = itertools.count()
        self._lock = threading.Lock()

    def _guarded(self, action):
        """durable-rules catches BaseException in actions and keeps only a string: remember a
        KeyboardInterrupt or SystemExit so that run() raises it as it is, never as a rule error."""
        def run(c):
            try:
                action(c)
            except BaseException as exc:
                if not isinstance(exc, Exception):
                    self._interrupt = exc
                raise
        return run

    def _collector(self, code: str):
        def action(c):
            # c._m is the match durable-rules has just decoded from the C core's JSON for this
            # action alone (json.loads in Ruleset._flush_actions), plain JSON values that nothing
            # else holds or changes: it is kept as it is (a JSON round trip gave an equal copy).
            self._hits.append((code, c._m))
        return action

    def run(self, facts: list[dict], path_name: str = "") -> list[Finding]:
        """Assert one filing's facts in a fresh session; return its findings, sorted."""
        with self._lock:  # the C calls hold the GIL anyway; this keeps _hits per filing
            for salt in range(3):
                hits = self._run_session(facts, salt)
                if hits is not None:
                    break
            else:
                raise EngineError("durable-rules rejected the facts as already observed three times")
        findings = [self._finding(code, matched, path_name) for code, matched in hits]
        unique = {(f.rule_id, f.fingerprint, f.line, f.message): f for f in findings}
        return sorted(unique.values(), key=Finding.sort_key)

    def _run_session(self, facts: list[dict], salt: int) -> list | None:
        sid = f"f{next(self._counter)}"
        batch = [dict(_json_safe(f), sid=sid, fid=sid, id=f"{sid}:{salt}:{i}")
                 for i, f in enumerate(facts)]
        batch.append({"sid": sid, "fid": sid, "t": END_FACT, "id": f"{sid}:{salt}:end"})
        ruleset = self.host.get_ruleset(RULESET)
        self._hits = []
        self._interrupt = None
        errors: list = []
        try:
            code, state_offset = durable_rules_engine.assert_facts(
                ruleset._handle, json.dumps(batch, ensure_ascii=False))
            ruleset.do_actions(state_offset, lambda e, state: errors.append(e) if e else None)
            state = self.host.get_state(RULESET, sid)
        finally:
            self.host.delete_state(RULESET, sid)
        if self._interrupt is not None:
            raise self._interrupt
        if errors:
            raise EngineError(f"a rule action failed: {errors[0]}")
        if state and state.get("exception"):
            raise EngineError(f"a rule action failed: {state['exception']}")
        if code == 2:  # a 32-bit id-hash collision (notes §3.2): retry with salted ids
            return None
        return self._hits

    def _finding(self, code: str, matched: dict, path_name: str) -> Finding:
        """A match -> a finding. A rule whose message cannot be built on this filing becomes a
        PAR006 finding for that rule; the file's other findings stay."""
        rule = self.rules[code]
        subject = matched.get(rule.subject_alias, {})
        try:
            message = rule.render(rule.message, matched).strip()
            key = rule.render(rule.key, matched) if rule.key else subject.get("key") or message
        except Exception as exc:  # noqa: BLE001 - one rule's defect must not lose the file's findings
            return self._rule_error(rule, subject, f"{type(exc).__name__}: {exc}", path_name)
        person = subject.get(rule.person_field)
        return Finding(
            rule_id=rule.code, rule=rule.name, category=rule.category, severity=rule.severity,
            message=message, person=person, line=subject.get(rule.line_field),
            evidence=_excerpt(subject.get("evidence")), citation=rule.citation,
            fingerprint=fingerprint(rule.code, path_name, person, key),
        )

    def _rule_error(self, rule: Rule, subject: dict, reason: str, path_name: str) -> Finding:
        meta = self.rules.get(RULE_ERROR)
        message = f"rule {rule.code} could not be applied to this filing ({reason}); please report it"
        return Finding(
            rule_id=RULE_ERROR, rule=meta.name if meta else "rule-error", category="parse",
            severity=meta.severity if meta else "error", message=message, person=subject.get("person"),
            line=subject.get("line"), evidence=None, citation=meta.citation if meta else "",
            fingerprint=fingerprint(RULE_ERROR, path_name, subject.get("person"), f"{rule.code}:{reason}"),
        )


def _excerpt(text: str | None, width: int = 240) -> str | None:
    """Evidence cut at a word boundary, with an ellipsis when something was left out."""
    if not text:
        return None
    return textwrap.shorten(text, width=width, placeholder=" …")


_EXPONENT = re.compile(r"e[+-]?\d", re.I)


def _json_safe(fact: dict) -> dict:
    """The C JSON parser rejects exponent notation and NaN (notes §3.2): round such floats.
    A fact whose floats are all finite and printed without an exponent is returned as it is (the
    caller copies it): a float's repr has an 'e' exactly when it is in exponent notation."""
    for value in fact.values():
        if isinstance(value, float) and (value != value or "e" in repr(value)):
            break
    else:
        return fact
    out = {}
    for key, value in fact.items():
        if isinstance(value, float):
            if value != value:  # NaN
                continue
            if _EXPONENT.search(repr(value)):
                value = round(value, 6) if abs(value) < 1 else float(int(value))
                if _EXPONENT.search(repr(value)):
                    value = 0.0 if abs(value) < 1 else str(value)
        out[key] = value
    return out


_ENGINES: dict[tuple[str, ...], Engine] = {}


def get_engine(extra: tuple[str, ...] = ()) -> Engine:
    """The engine for the built-in catalogue plus the firm rule files ``extra``. Rulesets can be
    registered only once per Host, so there is one engine (and Host) per distinct ``extra``."""
    extra = tuple(extra)
    if extra not in _ENGINES:
        _ENGINES[extra] = Engine(load_catalogue(extra))
    return _ENGINES[extra]
