"""The evaluation of issue 9: glosscheck's recall on planted faults, its restraint on
correct rewrites (traps) and its false positives on real catalogs, beside pofilter.

`python -m tests.eval` prints the table; `tests/eval/test_eval.py` asserts the targets.
"""
