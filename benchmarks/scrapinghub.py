"""ScrapingHub's article-extraction benchmark (../shared/benchmarks/scrapinghub: 181 mostly
English pages, hand-made article bodies, MIT): F1 of the cleaner's two HTML engines and
trafilatura, with the benchmark's own measure (its evaluate.py: 4-word shingles, precision
and recall averaged over pages), and pages per CPU second.

    python benchmarks/scrapinghub.py                       # cleaner-fast, cleaner-trafilatura, trafilatura
    python benchmarks/scrapinghub.py --tools cleaner-fast justext resiliparse
    python benchmarks/scrapinghub.py --save /tmp/sh        # also output/<tool>.json for evaluate.py

A no-regression check for the generic HTML layer on pages no rule file knows; not a
set to tune rules or thresholds on.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import pathlib
import statistics
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from html_tools import LABELS, extractor  # noqa: E402

DEFAULT = ("cleaner-fast", "cleaner-trafilatura", "trafilatura")


def folder(shared: pathlib.Path) -> pathlib.Path:
    """The benchmark's folder."""
    return shared / "benchmarks" / "scrapinghub"


def scorer(where: pathlib.Path):
    """The benchmark's own evaluate.py, as a module."""
    spec = importlib.util.spec_from_file_location("scrapinghub_evaluate", where / "evaluate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def evaluate(mod, truth: dict, out: dict, n_bootstrap: int) -> dict:
    """evaluate.py's metrics, its bootstrap seeded (the same ± on every run). A resample can
    hold no page a near-empty extractor got right (jusText on these English pages), where
    evaluate.py divides by zero: then the metrics without the bootstrap, the ± as nan."""
    state = mod.random.getstate()
    mod.random.seed(0)
    try:
        return mod.evaluate(truth, out, n_bootstrap)
    except (ZeroDivisionError, statistics.StatisticsError):
        metrics = mod.evaluate(truth, out, 0)
        metrics["f1_std"] = float("nan")
        return metrics
    finally:
        mod.random.setstate(state)


def run(tool: str, where: pathlib.Path, n_bootstrap: int = 100) -> dict:
    """One tool over every page: F1, precision, recall (the benchmark's measure), the
    bootstrap's standard deviation of F1, pages, CPU seconds and the texts."""
    truth = json.loads((where / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((where / "html" / f"{key}.html.gz").read_bytes()) for key in truth}
    extract = extractor(tool)
    extract(pages[next(iter(pages))], None)          # set-up (imports, rules) not timed
    out, cpu = {}, 0.0
    for key, data in pages.items():
        t = time.process_time()
        out[key] = {"articleBody": extract(data, truth[key].get("url"))}
        cpu += time.process_time() - t
    metrics = evaluate(scorer(where), truth, out, n_bootstrap)
    return {"tool": tool, "f1": metrics["f1"], "precision": metrics["precision"], "recall": metrics["recall"],
            "f1_std": metrics["f1_std"], "pages": len(pages), "cpu": cpu, "output": out}


def main(argv: list[str] | None = None) -> int:
    """Score the tools; print one line each."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tools", nargs="+", default=list(DEFAULT), choices=sorted(LABELS))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder")
    ap.add_argument("--save", metavar="DIR", help="write DIR/output/<tool>.json (evaluate.py's input)")
    a = ap.parse_args(argv)
    where = folder(pathlib.Path(a.shared))
    if not (where / "ground-truth.json").is_file():
        print(f"scrapinghub: error: no benchmark in {where}", file=sys.stderr)
        return 2
    print(f"{'tool':<30} {'F1':>6} {'± std':>6} {'precision':>9} {'recall':>6} {'pages/CPU s':>11}")
    for tool in a.tools:
        r = run(tool, where)
        print(f"{LABELS[tool]:<30} {r['f1']:>6.4f} {r['f1_std']:>6.3f} {r['precision']:>9.4f} {r['recall']:>6.4f} "
              f"{r['pages'] / r['cpu']:>11.1f}", flush=True)
        if a.save:
            dest = pathlib.Path(a.save) / "output"
            dest.mkdir(parents=True, exist_ok=True)
            (dest / f"{tool}.json").write_text(json.dumps(r["output"], ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
