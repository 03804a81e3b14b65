"""HTML engines side by side, in one run: pages per CPU second on the same pages for the
cleaner's fast and trafilatura engines, trafilatura.extract and jusText, with quality
beside speed (the Indonesian samples' reference F1, ScrapingHub's F1 by its own
measure), and WARC reading speed with FastWARC and warcio.

    python benchmarks/bench_html.py                 # ~4 min on 2 idle cores
    python benchmarks/bench_html.py --repeat 3      # each speed row: the best of 3 runs
    python benchmarks/bench_html.py --no-quality    # speed only

bench.py runs it too (its "HTML engines" table). Every measurement is its own process.
Speed: each tool cleans the HTML samples (``../shared/html-samples``, 28 pages; the test
fixtures without them) ``--rounds`` times over, after one untimed page (imports, rules);
"pages/CPU s" counts the process CPU time of the extraction calls only. WARC: a .warc.gz
of ``--warc-records`` responses cycling the same pages, read through the command's own
reader (``cleaner.io.sources.iter_pages``: every page's bytes, no cleaning).
"""
from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from html_tools import LABELS, TOOLS, extractor  # noqa: E402


def html_pages(shared: pathlib.Path) -> list[pathlib.Path]:
    """The HTML samples (the test fixtures when they are missing)."""
    return sorted((shared / "html-samples").glob("*/*.html")) or sorted((ROOT / "tests/fixtures/html").glob("*.html"))


# ------------------------------------------------------------------ workers (one process each)
def speed_worker(tool: str, listing: str, rounds: int) -> dict:
    """CPU seconds of the tool's calls on every page of listing, rounds times over."""
    pages = [pathlib.Path(f).read_bytes() for f in pathlib.Path(listing).read_text().splitlines()]
    extract = extractor(tool)
    extract(pages[0], None)
    cpu = 0.0
    for data in pages * rounds:
        t = time.process_time()
        extract(data, None)
        cpu += time.process_time() - t
    return {"pages": len(pages) * rounds, "cpu": cpu}


def quality_worker(tool: str, shared: str) -> dict:
    """The samples' reference F1 and ScrapingHub's F1 of one tool."""
    import samples
    import scrapinghub
    out = {}
    if samples.references(pathlib.Path(shared)):
        out["samples_f1"] = samples.run(tool, pathlib.Path(shared))["f1"]
    where = scrapinghub.folder(pathlib.Path(shared))
    if (where / "ground-truth.json").is_file():
        r = scrapinghub.run(tool, where)
        out.update(sh_f1=r["f1"], sh_std=r["f1_std"], sh_ppc=r["pages"] / r["cpu"])
    return out


def warc_worker(reader: str, path: str) -> dict:
    """Pages, bytes and CPU seconds of reading every page of a WARC with one reader."""
    os.environ["CLEANER_WARC_READER"] = reader
    from cleaner.io.sources import iter_pages, warc_reader
    assert warc_reader() == reader, f"{reader} is not available"
    t = time.process_time()
    pages = size = 0
    for page in iter_pages([path], 20_000_000):
        pages += 1
        size += len(page.data or b"")
    return {"pages": pages, "bytes": size, "cpu": time.process_time() - t}


def write_warc(path: pathlib.Path, pages: list[pathlib.Path], n: int) -> None:
    """n gzipped response records cycling pages."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for i, src in enumerate(itertools.islice(itertools.cycle(pages), n)):
            hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=UTF-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://example.com/{i}", "response",
                                                payload=io.BytesIO(src.read_bytes()), http_headers=hh))


def _call(*args: str) -> dict:
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", str(ROOT))
    r = subprocess.run([sys.executable, str(HERE / "bench_html.py"), *args], env=env, capture_output=True,
                       text=True, cwd=tempfile.gettempdir())
    if r.returncode != 0:
        return {"error": (r.stderr.strip().splitlines() or ["?"])[-1][:200]}
    return json.loads(r.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ the run
def measure(shared: pathlib.Path, repeat: int = 1, rounds: int = 5, quality: bool = True,
            warc_records: int = 1000, tools=TOOLS) -> dict:
    """Every row (speed per tool, best of repeat; quality per tool; WARC per reader)."""
    files = html_pages(shared)
    out: dict = {"pages": len(files), "rounds": rounds, "speed": {}, "quality": {}, "warc": {}}
    with tempfile.TemporaryDirectory() as tmp:
        listing = pathlib.Path(tmp) / "pages.txt"
        listing.write_text("\n".join(str(f) for f in files))
        warc = pathlib.Path(tmp) / "crawl.warc.gz"
        write_warc(warc, files, warc_records)
        for _ in range(repeat):          # in rounds: a slow spell of the machine hits every tool alike
            for tool in tools:
                print(f"bench_html: {tool} ...", file=sys.stderr)
                r = _call("--_speed", tool, str(listing), str(rounds))
                best = out["speed"].get(tool)
                if best is None or "error" in best or "error" not in r and r["cpu"] / r["pages"] < best["cpu"] / best["pages"]:
                    out["speed"][tool] = r
            for reader in ("fastwarc", "warcio"):
                r = _call("--_warc", reader, str(warc))
                best = out["warc"].get(reader)
                if best is None or "error" in best or "error" not in r and r["cpu"] < best["cpu"]:
                    out["warc"][reader] = r
        if quality:
            for tool in tools:
                print(f"bench_html: quality of {tool} ...", file=sys.stderr)
                out["quality"][tool] = _call("--_quality", tool, str(shared))
    return out


def report(res: dict) -> None:
    """The HTML engines table, the ratios the issue asks for, the WARC rows."""
    print(f"HTML engines: {res['pages']} pages x {res['rounds']} rounds, the same pages for every tool")
    print(f"{'tool':<30} {'pages/CPU s':>11} {'vs trafilatura':>14} {'samples F1':>10} {'ScrapingHub F1':>15}")
    speed, quality = res["speed"], res["quality"]
    base = speed.get("trafilatura", {})
    base_ppc = base["pages"] / base["cpu"] if "cpu" in base else None
    for tool, r in speed.items():
        q = quality.get(tool, {})
        if "error" in r:
            print(f"{LABELS[tool]:<30} n/a: {r['error']}")
            continue
        ppc = r["pages"] / r["cpu"]
        sh = f"{q['sh_f1']:.4f} ±{q['sh_std']:.3f}" if "sh_f1" in q else "-"
        print(f"{LABELS[tool]:<30} {ppc:>11.1f} {ppc / base_ppc if base_ppc else 0:>13.2f}x "
              f"{q.get('samples_f1', float('nan')):>10.4f} {sh:>15}")
        if "error" in q:
            print(f"  {LABELS[tool]}: quality not measured: {q['error']}")
    print("pages/CPU s: process CPU time of the extraction calls (best run); samples F1: word overlap with the")
    print("10 reference texts (tests/test_html.py's measure); ScrapingHub F1: 181 pages, its evaluate.py (± bootstrap).")
    print()
    print(f"{'WARC reader':<30} {'pages':>7} {'MB':>7} {'CPU s':>7} {'pages/CPU s':>11} {'MB/CPU s':>9}")
    for reader, r in res["warc"].items():
        if "error" in r:
            print(f"{reader:<30} n/a: {r['error']}")
            continue
        print(f"{reader:<30} {r['pages']:>7} {r['bytes'] / 1e6:>7.1f} {r['cpu']:>7.2f} {r['pages'] / r['cpu']:>11.0f} "
              f"{r['bytes'] / 1e6 / r['cpu']:>9.1f}")
    print("WARC: a .warc.gz of the same pages read through cleaner.io.sources.iter_pages (no cleaning).")


def main(argv: list[str] | None = None) -> int:
    """Measure and print the tables."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=1, metavar="N", help="speed: the best of N runs (default 1)")
    ap.add_argument("--rounds", type=int, default=5, help="times each tool cleans every page (default 5)")
    ap.add_argument("--warc-records", type=int, default=1000, help="records in the WARC (default 1000)")
    ap.add_argument("--no-quality", action="store_true", help="speed only")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder")
    ap.add_argument("--_speed", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--_quality", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--_warc", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a._speed:
        print(json.dumps(speed_worker(a._speed[0], a._speed[1], int(a._speed[2]))))
        return 0
    if a._quality:
        print(json.dumps(quality_worker(*a._quality)))
        return 0
    if a._warc:
        print(json.dumps(warc_worker(*a._warc)))
        return 0
    load0 = os.getloadavg()
    res = measure(pathlib.Path(a.shared), max(1, a.repeat), a.rounds, not a.no_quality, a.warc_records)
    report(res)
    print(f"machine: {os.cpu_count()} CPUs, load average {load0[0]:.2f} at start, {os.getloadavg()[0]:.2f} at end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
