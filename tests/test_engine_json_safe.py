"""engine._json_safe passes a fact through untouched when no float needs rounding; that shortcut
relies on a float's repr holding an 'e' exactly when it is in exponent notation."""
from __future__ import annotations

import random

from checker.engine import _EXPONENT, _json_safe


def test_e_in_repr_is_exponent_notation():
    rng = random.Random(1)
    values = [0.1, 1e-7, 1e22, 1.5e300, float("inf"), -float("inf"), 0.0, -0.0, 12.5, 1e16, 1e15, 5e-5, 1e-4]
    values += [rng.uniform(-1e20, 1e20) for _ in range(2000)] + [10 ** rng.uniform(-12, 25) for _ in range(2000)]
    for v in values:
        assert ("e" in repr(v)) == bool(_EXPONENT.search(repr(v))), v


def test_clean_fact_untouched_and_others_rounded():
    clean = {"t": "page", "percent": 12.5, "shares": 10, "name": "e-Acme"}
    assert _json_safe(clean) is clean
    assert _json_safe({"a": 1e-7, "b": float("nan"), "c": 2.0}) == {"a": 0.0, "c": 2.0}
