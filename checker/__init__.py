"""stakecheck: a rules-based compliance checker for Schedule 13D/13G filings.

Pipeline (one module or package per step):
    sources/  read bytes, detect the format, unwrap -> Document
    parse/    Document -> Filing (checker.model)
    facts.py  Filing -> facts for the engine, with derived values computed in Python
    engine.py durable-rules, rules/ catalogue -> Finding list
    report/   findings -> text, json, ...
"""
__version__ = "0.1.0"
