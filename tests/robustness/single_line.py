"""Check one single-line file of N megabytes; print seconds and peak RSS as JSON.

Run by hand for the documented 50 MB numbers:
    python -m tests.robustness.single_line 50
and by test_encodings.py at 1 and 5 MB, each in a fresh process so that the
peak resident size belongs to that run alone.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import checker
from checker.config import Config

UNIT = "Click Save to keep your settings, see https://example.com/a.b and %(name)s 10,000. "


def measure(megabytes: float) -> dict[str, float]:
    """Write the file, check it with every default rule, and measure."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "line.en.txt"
        path.write_text(UNIT * int(megabytes * 1_000_000 // len(UNIT)), encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        report = checker.check([str(path)], config=Config(jobs=1))
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {
        "megabytes": megabytes,
        "seconds": round(elapsed, 2),
        "peak_rss_mb": round(peak / 1024, 1),
        "rss_before_mb": round(before / 1024, 1),
        "errors": len(report.errors),
        "segments": report.segments,
    }


if __name__ == "__main__":
    print(json.dumps(measure(float(sys.argv[1]))))
