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
