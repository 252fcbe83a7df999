"""System comparison with sacrebleu's paired tests, results made plain.

sacrebleu's `PairedTest` runs paired bootstrap resampling (Koehn 2004, as
in Moses' bootstrap-hypothesis-difference-significance.pl) or paired
approximate randomization (Riezler and Maxwell 2005, as in multeval) of
every system against the first. We call it unchanged, on the same metric
objects that produced the scores (term metrics included: they are sacrebleu
metrics too), and convert what it returns: its bootstrap means and
intervals are numpy float32 values, which `json` cannot write (sacrebleu's
own JSON output crashes on them for chrF).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from sacrebleu.metrics.base import Metric

from checker.scoring.result import Comparison, PairedResult

__all__ = ["DEFAULT_SAMPLES", "paired_test"]

DEFAULT_SAMPLES = {"bs": 1000, "ar": 10000}  # sacrebleu's defaults


def paired_test(
    systems: Sequence[tuple[str, Sequence[str]]],
    metrics: Mapping[str, Metric],
    score_names: Mapping[str, str],
    test: str,
    samples: int = 0,
) -> Comparison:
    """Compare each system with `systems[0]` on every metric (keyed as in `metrics`).

    `score_names` maps each key to the name of the metric's Score (BLEU,
    chrF2, …): PairedTest reports results under that name.

    The seed is sacrebleu's: 12345, or the SACREBLEU_SEED environment variable.
    With approximate randomization, sacrebleu's bootstrap (1000 resamples)
    still gives each system a confidence interval.
    """
    from sacrebleu.significance import PairedTest

    samples = samples or DEFAULT_SAMPLES[test]
    named: list[tuple[str, Sequence[str]]] = [(name, list(texts)) for name, texts in systems]
    # n_ar_confidence=0: sacrebleu's 1000 bootstrap resamples give approximate
    # randomization a confidence interval too (its p-values are not affected).
    run = PairedTest(
        named, dict(metrics), None, test_type=test, n_samples=samples, n_ar_confidence=0
    )
    signatures, columns = run()
    keys = {score_names[key]: key for key in metrics}
    results: dict[str, dict[str, PairedResult]] = {name: {} for name, _ in named}
    for score_name, column in columns.items():
        if score_name == "System":
            continue
        for (name, _), result in zip(named, column, strict=True):
            assert not isinstance(result, str)
            results[name][keys[score_name]] = PairedResult(
                score=float(result.score),
                p_value=None if result.p_value is None else float(result.p_value),
                mean=None if result.mean is None else float(result.mean),
                ci=None if result.ci is None else float(result.ci),
            )
    return Comparison(
        test=test,
        samples=samples,
        seed=os.environ.get("SACREBLEU_SEED", "12345").lower(),
        baseline=named[0][0],
        signatures={keys[n]: s.format(short=False) for n, s in signatures.items()},
        results=results,
    )
