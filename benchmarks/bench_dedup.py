"""Near-duplicate detection at scale: time and memory of one streaming pass.

    python benchmarks/bench_dedup.py [N]        # default 100,000 synthetic records

Synthetic bodies of 250-400 words drawn from a Zipf-distributed vocabulary of
20,000 words (news-like: a few very common words, a long tail); one record in
five is a near copy of an earlier one (one 15-word sentence replaced, the words
of another sentence shuffled). ``run(n)`` returns the records, seconds and peak
memory (growth of the process's peak RSS during the pass: the index, since the
records are generated one at a time), plus what was found;
``benchmarks/bench.py`` can call it.
"""
from __future__ import annotations

import json
import os
import pathlib
import resource
import sys
import time

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from cleaner.tools.dedup import NearDuplicates  # noqa: E402

COPY_SHARE = 0.2


def synthetic(n: int, seed: int = 8):
    """Yield ``n`` records (dicts as ``cleaner`` writes them), one at a time; a
    copy's id is ``c<i>-of-o<j>``. Originals are regenerated from their seed, so
    the generator itself holds no bodies."""
    rng = np.random.default_rng(seed)
    vocab = np.array([f"kata{i}" for i in range(20000)])
    p = 1.0 / np.arange(1, len(vocab) + 1) ** 1.05
    p /= p.sum()

    def original(j: int) -> list[str]:
        r = np.random.default_rng((seed, j))
        return vocab[r.choice(len(vocab), int(r.integers(250, 400)), p=p)].tolist()
    made = 0
    for i in range(n):
        if made and rng.random() < COPY_SHARE:
            j = int(rng.integers(made))
            words = original(j)
            k = int(rng.integers(0, max(1, len(words) - 30)))
            words[k:k + 15] = vocab[rng.choice(len(vocab), 15, p=p)].tolist()
            seg = words[k + 15:k + 30]
            rng.shuffle(seg)
            words[k + 15:k + 30] = seg
            rid = f"c{i}-of-o{j}"
        else:
            words = original(made)
            rid = f"o{made}"
            made += 1
        yield {"id": rid, "text": " ".join(words), "metadata": {}}


def _peak_rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    # Linux: writing 5 to clear_refs resets VmHWM to the current RSS.
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
    except OSError:
        pass


def run(n: int) -> dict:
    """One streaming pass over ``n`` synthetic records: the dedup's own time, wall
    and CPU (generation timed apart and taken off; on a shared machine the CPU
    time is the steadier figure), and the growth of peak RSS."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in synthetic(n):
        pass
    gen_seconds, gen_cpu = time.perf_counter() - started, time.process_time() - cpu
    nd = NearDuplicates()
    nd.signature(" ".join(f"w{i}" for i in range(30)))      # imports and first-call costs
    _reset_peak()
    before = _peak_rss_mb()
    copies = right = false = 0
    started, cpu = time.perf_counter(), time.process_time()
    for rec in nd.filter(synthetic(n)):
        rid, dup = rec["id"], rec["metadata"]["duplicate_of"]
        if rid.startswith("c"):
            copies += 1
            right += dup == rid.split("-of-")[1]
        elif dup:
            false += 1
    seconds = time.perf_counter() - started - gen_seconds
    cpu_seconds = time.process_time() - cpu - gen_cpu
    peak = _peak_rss_mb() - before
    return {"records": n, "seconds": round(seconds, 2), "peak_mb": round(peak, 1),
            "cpu_seconds": round(cpu_seconds, 2),
            "records_per_s": round(n / seconds), "indexed": nd.indexed,
            "bytes_per_indexed": round(peak * 2 ** 20 / max(1, nd.indexed)),
            "copies": copies, "copies_flagged": right, "false_flags": false,
            "threshold": nd.threshold, "bands_rows": [nd.bands, nd.rows], "num_perm": nd.num_perm,
            "generation_seconds": round(gen_seconds, 2), "cpu": os.cpu_count()}


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)))
