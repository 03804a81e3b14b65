"""The generic HTML layer on ScrapingHub's article-extraction benchmark
(../shared/benchmarks/scrapinghub: 181 mostly English pages no rule file knows, MIT): the
default engine keeps issue 16's floor, F1 >= 0.95 by the benchmark's own measure. A change
made for Indonesian page tops once took it to 0.9487 unnoticed (a ranked standings table
dropped as a headline list); benchmarks/scrapinghub.py prints the full table. Skips when
../shared is not beside the checkout (README command 2)."""
from __future__ import annotations

import importlib.util
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "benchmarks" / "scrapinghub"
FLOOR = 0.95

pytestmark = pytest.mark.skipif(not (BENCH / "ground-truth.json").is_file(), reason=f"{BENCH} not found")


def _benchmark_module():
    spec = importlib.util.spec_from_file_location("bench_scrapinghub", ROOT / "benchmarks" / "scrapinghub.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_default_html_engine_keeps_its_scrapinghub_floor():
    result = _benchmark_module().run("cleaner-fast", BENCH, n_bootstrap=2)
    assert result["pages"] == 181
    assert result["f1"] >= FLOOR, f"ScrapingHub F1 {result['f1']:.4f} under {FLOOR}"


def test_a_bootstrap_that_divides_by_zero_leaves_the_metrics():
    """A resample holding no page a near-empty extractor got right makes evaluate.py divide
    by zero (jusText on these pages, a run of bench.py): the metrics stay, the ± is nan; the
    bootstrap is seeded, so its ± is the same on every run."""
    import math
    import random as random_module
    import types

    class Scorer(types.SimpleNamespace):
        def evaluate(self, truth, out, n_bootstrap):
            if n_bootstrap:
                raise ZeroDivisionError("float division by zero")
            return {"f1": 0.02, "precision": 0.8, "recall": 0.01, "f1_std": 0.0}

    bench = _benchmark_module()
    metrics = bench.evaluate(Scorer(random=random_module), {}, {}, 100)
    assert metrics["f1"] == 0.02 and math.isnan(metrics["f1_std"])
    real = bench.scorer(BENCH)
    words = [f"w{i}" for i in range(40)]
    truth = {f"p{k}": {"articleBody": " ".join(words[k:k + 30])} for k in range(6)}
    out = {f"p{k}": {"articleBody": " ".join(words[k:k + 20 + k])} for k in range(6)}
    first, again = bench.evaluate(real, truth, out, 20), bench.evaluate(real, truth, out, 20)
    assert first["f1_std"] > 0 and first["f1_std"] == again["f1_std"]
