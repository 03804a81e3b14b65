"""Speed benchmark: cleaner vs trafilatura vs jusText on the same pages, one run.

    python benchmarks/bench.py [--pages N] [--shared ../shared]

Builds a corpus of N text pages by cycling the seeds and the dev pages, then
times each tool on the same inputs (trafilatura and jusText get each page as
HTML paragraphs, as the scorer's baselines do) and prints pages/s, MB/s and
the process's peak memory. A benchmark, not a test: nothing here asserts.
"""
from __future__ import annotations

import argparse
import html
import itertools
import pathlib
import resource
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus(shared: pathlib.Path, n: int) -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((shared / "devset" / "raw").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    return list(itertools.islice(itertools.cycle(texts), n))


def as_html(text: str) -> str:
    return "<html><body>" + "".join(f"<p>{html.escape(x)}</p>" for x in text.splitlines() if x.strip()) + \
        "</body></html>"


def timed(name: str, fn, pages: list[str]) -> tuple[str, float, float]:
    size = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    t = time.perf_counter()
    for p in pages:
        fn(p)
    dt = time.perf_counter() - t
    return name, len(pages) / dt, size / dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--baseline-pages", type=int, default=300,
                    help="pages for the slower baselines (their rate is per page, so a sample suffices)")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    a = ap.parse_args()
    pages = corpus(pathlib.Path(a.shared), a.pages)
    from cleaner import Cleaner
    c = Cleaner()
    rows = [timed("cleaner (text path)", c.clean_text, pages)]
    sample = pages[:a.baseline_pages]
    import justext
    import trafilatura
    stop = justext.get_stoplist("Indonesian")
    htmls = {p: as_html(p) for p in sample}
    rows.append(timed("trafilatura.extract", lambda p: trafilatura.extract(htmls[p]), sample))
    rows.append(timed("jusText (Indonesian)", lambda p: justext.justext(htmls[p].encode(), stop), sample))
    print(f"{'tool':<24} {'pages/s':>10} {'MB/s':>8}")
    for name, pps, mbs in rows:
        print(f"{name:<24} {pps:>10.1f} {mbs:>8.2f}")
    print(f"cleaner vs trafilatura: {rows[0][1] / rows[1][1]:.1f}x pages/s")
    print(f"peak memory (whole run): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
