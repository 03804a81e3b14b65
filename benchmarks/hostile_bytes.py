"""Time and peak memory of cleaning hostile-sized pages (a benchmark, not a test).

    python benchmarks/hostile_bytes.py                    # 5 and 50 MB single lines; 20,000 and 200,000 short lines
    python benchmarks/hostile_bytes.py --mb 5 20          # other sizes
    python benchmarks/hostile_bytes.py --lines 2000000    # a 6 MB page of 2M lines (--max-lines raised for it)

Each page runs in a fresh process (so its peak RSS is its own), with --max-bytes and
--max-lines raised above it: a generated single-line text page of Indonesian words
(memory per MB of a line), and pages of short lines ("ab", "Warga kota", "Baca juga:
y"...: memory per line). The baseline is the same process cleaning a one-line page
(the rules, the language model). Time that grows with the size by more than the
size's factor means a stage went quadratic.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

CHILD = r"""
import json, resource, sys, time
from cleaner import Cleaner
path = sys.argv[1]
c = Cleaner(max_bytes=10**10, max_lines=10**9)
c.clean_text("JAKARTA - Warga menyambut baik kebijakan itu.")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t, cpu = time.perf_counter(), time.process_time()
rec = c.clean_file(path)
print(json.dumps({"seconds": round(time.perf_counter() - t, 2), "cpu": round(time.process_time() - cpu, 2),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  "base_rss_mb": round(base), "text_chars": len(rec.text), "warnings": rec.metadata.warnings}))
"""

WORDS = ("yang dan di ke dari ini itu untuk dengan pada tidak akan juga sudah pemerintah kota warga "
         "jalan berita Jakarta kata menurut").split()
SHORT_LINES = ["ab", "cd", "Warga kota", "x1", "Baca juga: y"]


def make_page(path: str, size: int) -> None:
    """One line of ``size`` bytes."""
    rnd = random.Random(size)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("JAKARTA, KOMPAS.com - ")
        written = 0
        while written < size:
            chunk = " ".join(rnd.choice(WORDS) for _ in range(20000)) + " "
            fh.write(chunk)
            written += len(chunk)
        fh.write("selesai.\n")


def make_lines(path: str, n: int) -> None:
    """``n`` short lines."""
    rnd = random.Random(n)
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range(n):
            fh.write(rnd.choice(SHORT_LINES) + "\n")


def measure(path: str) -> dict | None:
    proc = subprocess.run([sys.executable, "-c", CHILD, path], capture_output=True, text=True)
    if proc.returncode:
        print(f"{os.path.basename(path)}: failed\n{proc.stderr}")
        return None
    return json.loads(proc.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, nargs="*", default=[5, 50], help="single-line pages of these sizes")
    ap.add_argument("--lines", type=int, nargs="*", default=[20_000, 200_000], help="pages of this many short lines")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.mb:
            path = os.path.join(tmp, f"line-{mb}mb.txt")
            make_page(path, int(mb * 1024 * 1024))
            r = measure(path)
            if r:
                per_mb = (r["peak_rss_mb"] - r["base_rss_mb"]) / mb
                print(f"{mb:>8} MB single line: {r['seconds']:>6} s ({r['cpu']} s CPU), peak RSS {r['peak_rss_mb']} MB "
                      f"({per_mb:.0f} MB per MB over the {r['base_rss_mb']} MB baseline), {r['text_chars']} chars "
                      f"out, warnings: {r['warnings'] or 'none'}")
        for n in args.lines:
            path = os.path.join(tmp, f"lines-{n}.txt")
            make_lines(path, n)
            r = measure(path)
            if r:
                size = os.path.getsize(path)
                per_line = (r["peak_rss_mb"] - r["base_rss_mb"]) * 1024 * 1024 / n
                print(f"{n:>8} short lines ({size / 1e6:.1f} MB): {r['seconds']:>6} s ({r['cpu']} s CPU, "
                      f"{r['cpu'] / n * 1e6:.0f} us a line), peak RSS {r['peak_rss_mb']} MB ({per_line:.0f} bytes "
                      f"a line over the {r['base_rss_mb']} MB baseline)")


if __name__ == "__main__":
    main()
