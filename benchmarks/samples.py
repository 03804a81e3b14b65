"""The Indonesian HTML samples' reference texts (../shared/html-samples, 10 pages with a
reference body): word-overlap precision, recall and F1 per page and their mean, for the
cleaner's two HTML engines and the baselines (the measure of tests/test_html.py).

    python benchmarks/samples.py                      # cleaner-fast, cleaner-trafilatura, trafilatura
    python benchmarks/samples.py --tools cleaner-fast --pages
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import sys
from collections import Counter

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from html_tools import LABELS, extractor  # noqa: E402

DEFAULT = ("cleaner-fast", "cleaner-trafilatura", "trafilatura")


def entries(shared: pathlib.Path) -> list[dict]:
    """Every entry of the HTML samples' manifest (none without it)."""
    manifest = shared / "html-samples" / "manifest.jsonl"
    if not manifest.is_file():
        return []
    return [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]


def references(shared: pathlib.Path) -> list[dict]:
    """The manifest's entries that have a reference text."""
    return [e for e in entries(shared) if e.get("expected_text")]


def overlap(pred: str, gold: str) -> tuple[float, float]:
    """Word-overlap precision and recall (bags of lower-cased words)."""
    p, g = Counter(re.findall(r"\w+", pred.lower())), Counter(re.findall(r"\w+", gold.lower()))
    common = sum((p & g).values())
    return common / max(1, sum(p.values())), common / max(1, sum(g.values()))


def run(tool: str, shared: pathlib.Path) -> dict:
    """Per-page (precision, recall, F1) and the mean F1 of one tool."""
    extract, pages = extractor(tool), {}
    for e in references(shared):
        data = (shared / "html-samples" / e["file"]).read_bytes()
        gold = (shared / "html-samples" / e["expected_text"]).read_text(encoding="utf-8")
        p, r = overlap(extract(data, None), gold)
        pages[e["file"]] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return {"tool": tool, "pages": pages, "f1": sum(v[2] for v in pages.values()) / max(1, len(pages))}


def main(argv: list[str] | None = None) -> int:
    """Score the tools; print the mean F1 of each (and every page with --pages)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tools", nargs="+", default=list(DEFAULT), choices=sorted(LABELS))
    ap.add_argument("--pages", action="store_true", help="every page's precision, recall and F1")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder")
    a = ap.parse_args(argv)
    shared = pathlib.Path(a.shared)
    if not references(shared):
        print(f"samples: error: no reference texts in {shared}/html-samples", file=sys.stderr)
        return 2
    for tool in a.tools:
        r = run(tool, shared)
        print(f"{LABELS[tool]:<30} mean F1 {r['f1']:.4f}")
        if a.pages:
            for name, (p, rec, f1) in r["pages"].items():
                print(f"    {name:<50} P {p:.3f} R {rec:.3f} F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
