"""Parallel runs: input order, compressed outputs, timeouts, dead workers, --errors, stream filters."""
import gzip
import json
import os
import pickle
import subprocess
import sys

import faulty
import pytest
import zstandard
from runhelp import SEEDS, cli, faulty_code, seed_corpus

from cleaner.api import clean
from cleaner.model.options import Options
from cleaner.model.page import Page
from cleaner.run import job as runner_job
from cleaner.run import pool
from cleaner.run.job import Job, run
from cleaner.run.pool import WorkerPool


@pytest.fixture
def corpus(tmp_path, root):
    """24 pages: the seeds again and again, one JSONL line each."""
    return seed_corpus(tmp_path / "corpus.jsonl", root, 24)


def with_lines(corpus, tmp_path, extra):
    """The corpus with extra pages put in at given lines: {line: text}."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    for at, text in sorted(extra.items()):
        lines.insert(at - 1, json.dumps({"text": text}))
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_clean_is_picklable():
    assert pickle.loads(pickle.dumps(clean)) is clean


def test_two_jobs_write_the_same_bytes_as_one(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(pool, "BATCH_PAGES", 3)           # many batches, several in flight
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert cli([str(corpus), "-o", str(one), "-j", "1"], capsys)[0] == 0
    code, _, err = cli([str(corpus), "-o", str(two), "-j", "2"], capsys)
    assert code == 0 and "24 pages read, 24 written, 0 failed" in err
    assert one.read_bytes() == two.read_bytes()
    assert [json.loads(x)["metadata"]["source_line"] for x in one.read_text().splitlines()] == list(range(1, 25))
    assert cli([str(corpus), "-o", str(tmp_path / "all.jsonl"), "-j", "0", "-q"], capsys) == (0, "", "")
    assert (tmp_path / "all.jsonl").read_bytes() == one.read_bytes()


@pytest.mark.parametrize("ext,decompress", [(".jsonl.gz", gzip.decompress),
                                            (".jsonl.zst", lambda b: zstandard.ZstdDecompressor().decompressobj()
                                             .decompress(b))])
def test_compressed_outputs_round_trip(corpus, tmp_path, capsys, ext, decompress):
    plain, packed = tmp_path / "o.jsonl", tmp_path / f"o{ext}"
    assert cli([str(corpus), "-o", str(plain)], capsys)[0] == 0
    assert cli([str(corpus), "-o", str(packed)], capsys)[0] == 0
    assert decompress(packed.read_bytes()) == plain.read_bytes()
    # and read back as an input: the same pages again
    again = tmp_path / "again.jsonl"
    assert cli([str(packed), "-o", str(again)], capsys)[0] == 0
    assert len(again.read_text().splitlines()) == 24


def test_a_hanging_page_is_stopped_and_the_rest_written(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(pool, "clean_to_json", faulty.faulty_work)
    monkeypatch.setattr(pool, "BATCH_PAGES", 4)
    src = with_lines(corpus, tmp_path, {6: "HANG-HERE forever"})
    out, errors = tmp_path / "o.jsonl", tmp_path / "errors.jsonl"
    code, _, err = cli([str(src), "-o", str(out), "--timeout", "1", "-j", "2", "--errors", str(errors)], capsys)
    assert code == 1
    assert f"cleaner: {src}:6: timed out after 1 s of CPU time (its worker was stopped and replaced)\n" in err
    assert "25 pages read, 24 written, 1 failed" in err
    lines = [json.loads(x)["metadata"]["source_line"] for x in out.read_text().splitlines()]
    assert lines == [n for n in range(1, 26) if n != 6]          # the rest, in order
    assert [json.loads(x) for x in errors.read_text().splitlines()] == [
        {"source": f"{src}:6", "reason": "timed out after 1 s of CPU time (its worker was stopped and replaced)",
         "path": str(src), "line": 6, "warc_record_id": None, "url": None}]


def test_dead_workers_cost_only_their_page(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(pool, "clean_to_json", faulty.faulty_work)
    monkeypatch.setattr(pool, "BATCH_PAGES", 5)
    src = with_lines(corpus, tmp_path, {3: "CRASH-HERE", 4: "EXIT-HERE", 20: "CRASH-HERE"})
    out = tmp_path / "o.jsonl"
    code, _, err = cli([str(src), "-o", str(out), "-j", "1"], capsys)
    assert code == 1
    assert f"cleaner: {src}:3: worker process died (killed by SIGSEGV) while cleaning this page" in err
    assert f"cleaner: {src}:4: worker process died (exit status 7) while cleaning this page" in err
    assert f"cleaner: {src}:20: worker process died (killed by SIGSEGV)" in err
    assert "27 pages read, 24 written, 3 failed" in err
    assert len(out.read_text().splitlines()) == 24


def test_stream_filters_run_in_order_before_writing(corpus, tmp_path):
    seen = []

    def drop_odd(records):
        for rec in records:
            seen.append(rec["metadata"]["source_line"])
            if rec["metadata"]["source_line"] % 2 == 0:
                yield rec

    def mark(records):
        for i, rec in enumerate(records):
            rec["metadata"]["position"] = i
            yield rec

    out = tmp_path / "o.jsonl"
    summary = run(Job([str(corpus)], str(out), jobs=2, filters=[drop_odd, mark], report=lambda m: None))
    recs = [json.loads(x) for x in out.read_text().splitlines()]
    assert seen == list(range(1, 25))
    assert [r["metadata"]["source_line"] for r in recs] == list(range(2, 25, 2))
    assert [r["metadata"]["position"] for r in recs] == list(range(12))
    assert (summary.read, summary.written, summary.filtered, summary.failed) == (24, 12, 12, 0)


def test_pool_keeps_input_order_with_a_bounded_window(root):
    text = (root / SEEDS[0]).read_bytes()
    pool = WorkerPool(Options(), jobs=2, batch_pages=2)
    pulled = []

    def pages():
        for i in range(40):
            pulled.append(i)
            yield Page(f"p{i}.txt", data=text)

    got = []
    for res in pool.results(pages()):
        got.append(res.page.source)
        # never more than the window ahead of what has been handed back
        assert len(pulled) - len(got) <= pool.window + pool.batch_pages
    assert got == [f"p{i}.txt" for i in range(40)]


def test_progress_bar_when_asked(root, tmp_path, capsys):
    summary = run(Job([str(root / "seeds")], str(tmp_path / "o.jsonl"), progress=True))
    err = capsys.readouterr().err
    assert summary.written == 5
    assert "0/5 [00:00<?, ?page/s]" in err                    # the total is known for a folder
    run(Job([str(root / "seeds")], str(tmp_path / "o.jsonl")))   # stderr is no terminal here: no bar
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("files, quota", [
    ({"cpu.max": "max 100000\n"}, None),                                   # cgroup v2, no limit
    ({"cpu.max": "200000 100000\n"}, 2.0),                                 # v2: 2 CPUs
    ({"cpu.max": "150000 100000\n"}, 1.5),
    ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),   # v1, no limit
    ({"cpu/cpu.cfs_quota_us": "50000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 0.5),
    ({"cpu.max": "garbage\n"}, None),
    ({}, None),                                                            # no cgroup files at all
])
def test_cgroup_cpu_quota(tmp_path, files, quota):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert runner_job.cgroup_cpu_quota(str(tmp_path)) == quota


def test_jobs_default_to_every_usable_core(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    (tmp_path / "cpu.max").write_text("max 100000\n")
    assert runner_job.usable_cores(str(tmp_path)) == 64
    (tmp_path / "cpu.max").write_text("150000 100000\n")         # a container given 1.5 CPUs: 2 workers
    assert runner_job.usable_cores(str(tmp_path)) == 2
    (tmp_path / "cpu.max").write_text("50000 100000\n")          # half a CPU: still one worker
    assert runner_job.usable_cores(str(tmp_path)) == 1
    assert runner_job.effective_jobs(3) == 3
    from cleaner.cli import build_parser
    assert build_parser().parse_args(["x"]).jobs == 0                 # the command's default: -j 0


# ------------------------------------------------------------------ issue 18: -j never changes the output
def run_pinned(args, cwd, **env):
    """The command (tests/faulty.py's run_cli) in a subprocess pinned to one CPU."""
    one = min(os.sched_getaffinity(0))
    return subprocess.run([sys.executable, "-c", faulty_code(args)], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env}, preexec_fn=lambda: os.sched_setaffinity(0, {one}))


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "sched_setaffinity") or not os.path.exists("/proc/self/stat"),
                    reason="needs CPU affinity and /proc")
def test_the_timeout_is_cpu_time_so_jobs_never_change_the_output(tmp_path, root):
    # It was wall-clock time: heavy pages at -j 8 on 2 cores all timed out, -j 1 wrote them all.
    # Here 4 workers share one CPU; each page takes 0.4 s of CPU, 1.6 s on the clock.
    folder = tmp_path / "pages"
    folder.mkdir()
    for i, seed in enumerate(SEEDS[:4]):
        (folder / f"p{i}.txt").write_bytes((root / seed).read_bytes())
    env = {"FAULTY_WORK": "burn", "FAULTY_BURN": "0.4", "FAULTY_BATCH": "1", "FAULTY_CORES": "4"}
    outs = {}
    for jobs in ("1", "4"):
        out = tmp_path / f"j{jobs}.jsonl"
        proc = run_pinned([str(folder), "-o", str(out), "-j", jobs, "--timeout", "1"], root, **env)
        assert proc.returncode == 0, proc.stderr
        assert "4 pages read, 4 written, 0 failed" in proc.stderr
        outs[jobs] = out.read_bytes()
    assert outs["1"] == outs["4"]


def test_jobs_are_capped_at_the_usable_cores(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(runner_job, "usable_cores", lambda *a: 2)
    started = []
    real = WorkerPool.__init__

    def spy(self, *args, **kwargs):
        real(self, *args, **kwargs)
        started.append(self.jobs)
    monkeypatch.setattr(WorkerPool, "__init__", spy)
    code, _, err = cli([str(corpus), "-o", str(tmp_path / "o.jsonl"), "-j", "8"], capsys)
    assert code == 0 and started == [2]
    assert err.startswith("cleaner: -j 8 is more than the 2 cores this process may use: 2 workers\n")
    assert cli([str(corpus), "-o", str(tmp_path / "o.jsonl"), "-j", "8", "-q"], capsys)[2] == ""


def test_workers_start_as_pages_come(root, monkeypatch):
    # It was: -j 64 started 64 workers for one page.
    started = []

    class Counted(pool._Worker):
        def __init__(self, *args):
            started.append(1)
            super().__init__(*args)
    monkeypatch.setattr(pool, "_Worker", Counted)
    page = Page("p.txt", data=(root / SEEDS[0]).read_bytes())
    p = WorkerPool(Options(), jobs=6)
    assert [r.error for r in p.results([page])] == [None]
    assert len(started) == 1
    assert p.started == 1


@pytest.mark.slow
def test_a_stuck_page_holds_up_a_bounded_window_in_bytes():
    # It was bounded in pages only: 46 -> 465 MB in the parent behind a page stuck for 150 s.
    p = WorkerPool(Options(), jobs=2, timeout=2, work=faulty.echo_work)
    pulled = []

    def pages():
        yield Page("stuck.txt", data=b"HANG-HERE")
        for i in range(100):
            pulled.append(i)
            yield Page(f"p{i}.txt", data=b"y" * (1 << 20))      # 1 MB each

    results = p.results(pages())
    first = next(results)
    assert first.error.startswith("timed out after 2 s")
    held = len(pulled)                          # pages read while the stuck one held up the rest
    assert sum(1 for r in results if r.line) == 100
    assert held <= 2 * 16 + 4                   # 2 workers x WINDOW_BYTES (16 MB), and a batch
    assert p.peak_bytes <= p.window_bytes + pool.BATCH_BYTES + (1 << 20)


def test_the_rules_digest_is_the_rules_not_where_they_are(tmp_path):
    """--resume compares the rule files by name and bytes: the same files read from another
    folder (the built-in rules of a checkout and of an installed package) are the same run."""
    from cleaner.run.job import _rules_digest
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        d.mkdir()
        (d / "demo.yaml").write_text("id: demo\nname: Demo\n", encoding="utf-8")
    assert _rules_digest([str(a)]) == _rules_digest([str(b)]) is not None
    (b / "demo.yaml").write_text("id: demo\nname: Demo 2\n", encoding="utf-8")
    assert _rules_digest([str(a)]) != _rules_digest([str(b)])
