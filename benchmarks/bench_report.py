"""Time and memory of `cleaner report` on a large corpus of records.

    python benchmarks/bench_report.py                      # 100,000 records
    python benchmarks/bench_report.py --records 1000000 --compress zst

Builds the records once: the seeds and ../shared/devset/raw (when there)
cleaned in this process with --keep-dropped, then replicated to --records with
varied ids, networks and sites (701 sites in 6 networks and none), months
(2015-2025), body lengths (paragraphs dropped or repeated), languages and
duplicate marks. Then runs `cleaner report` in a child process: wall time, its
CPU time (os.wait4) and its peak RSS (VmHWM, read by the child at the end).
Targets for 100,000 records: under 60 s and under 300 MB. Not a test: the
figures depend on the machine and its load.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import pathlib
import random
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = pathlib.Path(os.environ.get("CLEANER_SHARED") or ROOT.parent / "shared")
NETWORKS = {"tribun": 80, "galamedia": 150, "kompas": 6, "jpnn": 12, "mediaindonesia": 2, "klikwartaku": 1, None: 450}


def base_records() -> list[dict]:
    sys.path.insert(0, str(ROOT))
    from cleaner import Cleaner
    paths = [str(ROOT / "seeds")] + ([str(SHARED / "devset" / "raw")] if (SHARED / "devset" / "raw").is_dir() else [])
    c = Cleaner(keep_dropped=True)
    out = []
    for _, record, _ in c.clean_paths(paths):
        if record is not None:
            out.append(record.to_dict())
    return out


def synthesise(base: list[dict], n: int, seed: int = 1):
    rng = random.Random(seed)
    sites = [(net, f"{net or 'situs'}{i}.{'co.id' if i % 3 else 'com'}") for net, k in NETWORKS.items()
             for i in range(k)]
    weights = [1 / (i + 1) ** 0.7 for i in range(len(sites))]
    for i in range(n):
        rec = json.loads(json.dumps(base[i % len(base)]))
        md = rec["metadata"]
        net, site = rng.choices(sites, weights)[0]
        paras = rec["text"].split("\n\n")
        if rng.random() < 0.3 and len(paras) > 2:
            paras = paras[: rng.randint(1, len(paras))]
        elif rng.random() < 0.2:
            paras = paras * rng.randint(2, 4)
        rec["text"] = "\n\n".join(paras)
        rec["id"] = hashlib.sha1(f"{i}".encode()).hexdigest()[:16]
        rec["url"] = f"https://{site}/read/{i}"
        md.update(outlet=net, site=site, word_count=len(rec["text"].split()), paragraph_count=len(paras),
                  published=f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:00:00+07:00"
                  if rng.random() < 0.8 else None,
                  language=rng.choices(["id", "ms", "en", None], [90, 5, 4, 1])[0],
                  duplicate_of=rec["id"] if rng.random() < 0.05 else None,
                  source_path=f"crawl/{i // 1000:04d}.jsonl", source_line=i % 1000 + 1)
        yield rec


def write_corpus(path: pathlib.Path, n: int) -> None:
    base = base_records()
    opener = gzip.open if path.suffix == ".gz" else open
    if path.suffix == ".zst":
        import zstandard
        f = zstandard.open(path, "wt", encoding="utf-8")
    else:
        f = opener(path, "wt", encoding="utf-8")
    with f:
        for rec in synthesise(base, n):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


# The child runs the command in-process, then reads its own peak RSS (VmHWM): ru_maxrss from
# wait4 would also count what the child held between fork and exec, a copy of this process.
CHILD = """
import sys
from cleaner.cli import main
code = main(["report", *sys.argv[1:]])
try:
    with open("/proc/self/status") as f:
        peak = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = -1
print(code, peak)
"""


def measure(corpus: pathlib.Path, out: pathlib.Path, extra: list[str]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(corpus), "-o", str(out), "-q", *extra],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    said, err = proc.stdout.read().decode().split(), proc.stderr.read().decode()
    if proc.returncode != 0 or len(said) != 2 or said[0] != "0":
        raise SystemExit(f"cleaner report failed ({proc.returncode}, {said}): {err}")
    peak_kb = int(said[1]) if int(said[1]) > 0 else usage.ru_maxrss      # no /proc: the rusage figure
    return {"seconds": round(wall, 1), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
            "peak_mb": round(peak_kb / 1024), "report_mb": round(out.stat().st_size / 1e6, 2)}


def run(records: int = 100_000, compress: str = "none", workdir: str | None = None) -> dict:
    """Build the corpus (or reuse it in ``workdir``), report it, return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(workdir or tmp)
        work.mkdir(parents=True, exist_ok=True)
        suffix = "" if compress == "none" else "." + compress
        corpus = work / f"records-{records}.jsonl{suffix}"
        if not corpus.exists():
            t = time.perf_counter()
            write_corpus(corpus, records)
            print(f"corpus: {records:,} records, {corpus.stat().st_size / 1e6:.0f} MB, "
                  f"written in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        r = {"records": records, "input_mb": round(corpus.stat().st_size / 1e6)}
        r.update(measure(corpus, work / "report.html", []))
    r["records_per_s"] = round(records / max(r["seconds"], 0.001))
    r["targets"] = ("met" if r["seconds"] < 60 and r["peak_mb"] < 300 else "MISSED") \
        if records == 100_000 else "(set for 100,000 records)"
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--compress", choices=("none", "gz", "zst"), default="none")
    ap.add_argument("--workdir", help="keep the corpus and the report here (default: a temporary folder)")
    args = ap.parse_args()
    print(json.dumps(run(args.records, args.compress, args.workdir)))


if __name__ == "__main__":
    main()
