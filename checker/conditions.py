"""Reading a catalogue condition (durable-rules JSON form): which fact type each pattern tests,
which fields it reads (on its own fact and on others), which fields a match guarantees present,
which operators it uses, and the condition as readable text (`stakecheck explain`, rule pages).
"""
from __future__ import annotations

import re

# {alias.field} or {alias.field|default}: the default is printed where the field is absent.
MESSAGE_FIELD = re.compile(r"\{(\w+)\.(\w+)(?:\|([^{}]*))?\}")
COMPARISONS = {"$lt": "<", "$lte": "<=", "$gt": ">", "$gte": ">=", "$neq": "!=", "$eq": "=="}
ARITHMETIC = {"$add": "+", "$sub": "-", "$mul": "*", "$div": "/"}
SETS = {"$in": "in", "$notin": "not in"}  # catalogue shorthand, expanded by the engine's compiler


def pattern_type(cond) -> str | None:
    """The fact type a pattern tests ({t: X} directly, in its $and, or in every $or branch)."""
    if not isinstance(cond, dict):
        return None
    if isinstance(cond.get("t"), str):
        return cond["t"]
    if "$and" in cond:
        for term in cond["$and"]:
            t = pattern_type(term)
            if t:
                return t
    if "$or" in cond:
        kinds = {pattern_type(term) for term in cond["$or"]}
        if len(kinds) == 1:
            return kinds.pop()
    return None


def fields(cond, alias: str):
    """(alias, field) of every field a condition reads, on its own fact and on others."""
    if isinstance(cond, list):
        for c in cond:
            yield from fields(c, alias)
        return
    if not isinstance(cond, dict):
        return
    for key, value in cond.items():
        if key in ("$and", "$or"):
            yield from fields(value, alias)
        elif key in COMPARISONS or key in ("$ex", "$nex"):
            for name, right in value.items():
                yield alias, name
                yield from refs(right, alias)
        elif key.startswith("$"):
            continue
        else:
            yield alias, key
            if isinstance(value, dict) and not (set(value) & set(SETS)):
                yield from refs(value, alias)


def refs(value, alias: str):
    """Field references on the right of a comparison: {$m: f} (own fact), {other: f}, arithmetic."""
    if not isinstance(value, dict):
        return
    for key, inner in value.items():
        if key in ARITHMETIC:
            yield from refs(inner.get("$l"), alias)
            yield from refs(inner.get("$r"), alias)
        elif key == "$m" and isinstance(inner, str):
            yield alias, inner
        elif isinstance(inner, str) and not key.startswith("$"):
            yield key, inner


def guaranteed(cond) -> set[str]:
    """Own fields a match guarantees present: tested (not under $nex) on every path."""
    if not isinstance(cond, dict):
        return set()
    out: set[str] = set()
    for key, value in cond.items():
        if key == "$and":
            for term in value:
                out |= guaranteed(term)
        elif key == "$or":
            branches = [guaranteed(term) for term in value]
            out |= set.intersection(*branches) if branches else set()
        elif key in COMPARISONS or key == "$ex":
            for name, right in value.items():
                out.add(name)
                out |= {f for a, f in refs(right, "\0") if a == "\0"}
        elif not key.startswith("$"):
            out.add(key)
    return out


def check_operators(cond, alias: str) -> list[str]:
    problems = []
    if isinstance(cond, list):
        for c in cond:
            problems += check_operators(c, alias)
    elif isinstance(cond, dict):
        for key, value in cond.items():
            if key in ("$and", "$or"):
                if not isinstance(value, list) or not value:
                    problems.append(f"{key} in pattern {alias} needs a non-empty list")
                else:
                    problems += check_operators(value, alias)
            elif key.startswith("$") and key not in COMPARISONS and key not in ("$ex", "$nex", "$mt", "$imt"):
                problems.append(f"unknown operator {key} in pattern {alias}")
            elif isinstance(value, float) and "e" in repr(value).lower():
                problems.append(f"{value!r} in pattern {alias}: the engine rejects exponent notation")
            elif isinstance(value, dict) and set(value) & set(SETS) and not isinstance(
                    next(iter(value.values())), list):
                problems.append(f"{key}: $in/$notin in pattern {alias} needs a list")
    return problems


def cond_text(cond, alias: str) -> str:
    if isinstance(cond, list):
        return " and ".join(cond_text(c, alias) for c in cond)
    parts = []
    for key, value in cond.items():
        if key == "t":
            continue
        if key == "$and":
            inner = [cond_text(c, alias) for c in value]
            parts.append(" and ".join(i for i in inner if i))
        elif key == "$or":
            inner = [cond_text(c, alias) for c in value]
            parts.append("(" + " or ".join(f"({i})" if " and " in i else i for i in inner if i) + ")")
        elif key in COMPARISONS:
            for name, right in value.items():
                parts.append(f"{alias}.{name} {COMPARISONS[key]} {value_text(right, alias)}")
        elif key == "$ex":
            parts.append(" and ".join(f"{alias}.{n} is present" for n in value))
        elif key == "$nex":
            parts.append(" and ".join(f"{alias}.{n} is absent" for n in value))
        elif key in ("$mt", "$imt"):
            for name, pattern in value.items():
                parts.append(f"{alias}.{name} matches /{pattern}/")
        elif isinstance(value, dict) and set(value) & set(SETS):
            op = next(k for k in value if k in SETS)
            parts.append(f"{alias}.{key} {SETS[op]} [{', '.join(map(str, value[op]))}]")
        else:
            parts.append(f"{alias}.{key} == {value_text(value, alias)}")
    return " and ".join(p for p in parts if p)


def value_text(value, alias: str) -> str:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in ARITHMETIC:
                return f"({value_text(inner['$l'], alias)} {ARITHMETIC[key]} {value_text(inner['$r'], alias)})"
            if key == "$m":
                return f"{alias}.{inner}"
            return f"{key}.{inner}"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return repr(value)
    return str(value)
