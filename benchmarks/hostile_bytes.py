"""Time and peak memory of cleaning hostile-sized pages (a benchmark, not a test).

    python benchmarks/hostile_bytes.py            # 5 and 50 MB single-line pages
    python benchmarks/hostile_bytes.py --mb 5 20  # other sizes

Each size runs in a fresh process (so its peak RSS is its own) on a generated
single-line text page of Indonesian words, with --max-bytes raised above it.
Time that grows with the size by more than the size's factor means a stage
went quadratic.
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
c = Cleaner(max_bytes=10**10)
t, cpu = time.perf_counter(), time.process_time()
rec = c.clean_file(path)
print(json.dumps({"seconds": round(time.perf_counter() - t, 2), "cpu": round(time.process_time() - cpu, 2),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  "text_chars": len(rec.text), "warnings": rec.metadata.warnings}))
"""

WORDS = ("yang dan di ke dari ini itu untuk dengan pada tidak akan juga sudah pemerintah kota warga "
         "jalan berita Jakarta kata menurut").split()


def make_page(path: str, size: int) -> None:
    rnd = random.Random(size)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("JAKARTA, KOMPAS.com - ")
        written = 0
        while written < size:
            chunk = " ".join(rnd.choice(WORDS) for _ in range(20000)) + " "
            fh.write(chunk)
            written += len(chunk)
        fh.write("selesai.\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[5, 50])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.mb:
            path = os.path.join(tmp, f"line-{mb}mb.txt")
            make_page(path, int(mb * 1024 * 1024))
            proc = subprocess.run([sys.executable, "-c", CHILD, path], capture_output=True, text=True)
            if proc.returncode:
                print(f"{mb:>6} MB: failed\n{proc.stderr}")
                continue
            r = json.loads(proc.stdout)
            print(f"{mb:>6} MB single line: {r['seconds']:>6} s ({r['cpu']} s CPU), peak RSS {r['peak_rss_mb']} MB, "
                  f"{r['text_chars']} chars out, warnings: {r['warnings'] or 'none'}")


if __name__ == "__main__":
    main()
