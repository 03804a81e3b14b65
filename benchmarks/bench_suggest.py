"""Speed of `cleaner rules suggest` (and `rules new`) on a folder of pages, one run.

    python benchmarks/bench_suggest.py [--pages N] [--shared ../shared]

Writes N pages to a temporary folder (the dev pages, each copy's longest
line made unique, so few bodies are skipped as duplicates), then times mining
them (`suggest.mine`, what `rules suggest` runs) and scaffolding from the
first 20 (`authoring.scaffold`). Prints pages/s.
A benchmark, not a test: nothing here asserts.
"""
from __future__ import annotations

import argparse
import itertools
import pathlib
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    from cleaner import Cleaner
    from cleaner.io.sources import iter_pages
    from cleaner.tools import authoring, suggest

    files = sorted((pathlib.Path(args.shared) / "devset" / "raw").glob("*.txt"))
    if not files:
        sys.exit(f"no pages under {args.shared}/devset/raw")
    cleaner = Cleaner()
    with tempfile.TemporaryDirectory() as tmp:
        for i, f in zip(range(args.pages), itertools.cycle(files)):
            text = f.read_text(encoding="utf-8")
            longest = max(text.splitlines(), key=len)       # a body paragraph: made unique
            text = text.replace(longest, f"{longest} (salinan {i})", 1)
            (pathlib.Path(tmp) / f"{i:05}.txt").write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        n, cands, errors = suggest.mine(cleaner, [tmp])
        t1 = time.perf_counter()
        pages = list(iter_pages([tmp]))[:20]
        t2 = time.perf_counter()
        authoring.scaffold(cleaner, "bench", pages)
        t3 = time.perf_counter()
    print(f"suggest: {n} pages in {t1 - t0:.2f} s ({n / (t1 - t0):.0f} pages/s), "
          f"{len(cands)} candidates, {len(errors)} skipped")
    print(f"new:     {len(pages)} pages in {t3 - t2:.2f} s")


if __name__ == "__main__":
    main()
