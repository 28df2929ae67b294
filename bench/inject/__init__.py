"""Defect injection: plant one real-world defect in a real filing and see whether stakecheck
notices (issue 8 §1).

operators.py  the defects (each a textual edit of the raw file, located with the parser's lines)
locate.py     finding the bytes to edit: line offsets, numbers, names, box markers
runner.py     untouched baseline, mutants, the caught / missed decision, the corpus walk
report.py     the recall table and the false alarms on untouched files
"""
