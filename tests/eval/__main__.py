"""`python -m tests.eval`: print the evaluation table (see tests/eval/evaluate.py)."""

import sys

from tests.eval.evaluate import main

sys.exit(main())
