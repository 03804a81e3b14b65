"""Speed and memory benchmark: cleaner (text and HTML paths, -j 1 and -j 2) vs trafilatura
and jusText on the same pages, in one run, one table.

    python benchmarks/bench.py                  # 20,000 text pages, 2,000 HTML pages (~5 min on 2 idle cores)
    python benchmarks/bench.py --quick          # a short run (~1 min), same table
    python benchmarks/bench.py --pages 50000 --html-pages 20000 --workdir /big/tmp
    python benchmarks/bench.py --repeat 3       # each row: the fastest of 3 runs (a busy or shared machine)
    python benchmarks/bench.py --compare ../old # another checkout's text path in the same rounds
                                                # (its own code and rule files: checkout.py)

The corpus is written once to a temporary folder (hard links to the source pages where
the file system allows, copies otherwise): text pages cycle through the repo's seeds and
the dev pages (``../shared/devset/raw``; the seeds alone without it), HTML pages through
``../shared/html-samples`` (the repo's test fixtures without it). Every measured run is
its own process, which streams the files: cleaner through its command line
(``python -m cleaner DIR -o OUT -j N -q``; wall time, start-up included), the baselines
through a worker mode of this script (time of the extractor calls only). trafilatura and
jusText get each text page as HTML paragraphs (as the scorer's baselines do) and each HTML
page raw; their rate is per page, so they run on a sample (``--baseline-pages``).

Memory: "peak MB" is the highest sum of the memory of the run's whole process tree (parent
and workers; PSS, so pages shared after a fork count once), sampled every 0.2 s from /proc;
"max proc MB" is its largest single process (RSS). "CPU s" is the tree's CPU time. A benchmark, not a test: nothing here
asserts. The hooks: if ``benchmarks/bench_dedup.py`` exists (``run(n) -> dict``), its
near-duplicate timing over ``--dedup-records`` synthetic records is added; then
``benchmarks/bench_html.py``'s table (the two HTML engines, trafilatura.extract and jusText
on the same pages, pages per CPU second with F1 beside it, and WARC reading with FastWARC
and warcio; ``--no-html-engines`` skips it). The ``cleaner HTML`` rows use the default engine.
"""
from __future__ import annotations

import argparse
import html
import itertools
import json
import os
import pathlib
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
HERE = pathlib.Path(__file__).resolve().parent
PER_FOLDER = 1000          # files per corpus sub-folder
COMPARED = "cleaner text -j 1, --compare"
TARGETS = {"text_vs_baseline": 2.0, "j2_vs_j1": 1.7, "peak_mb": 300.0}
# The text path's pages per CPU second at -j 1 on this script's text corpus when issue 16
# ("a text path twice as fast") was filed: main at ce1e310 with its own rule files, run
# by this script's --compare (benchmarks/checkout.py) in a run of 20,000 pages,
# --repeat 2, 2026-12-05, this project's 2-core machine at a load of ~0.4 (main: 660 in
# the same run). The figure used before, 487, was taken with PYTHONPATH alone, which ran
# ce1e310's code with main's rule files (see checkout.py), on a busier machine. CPU time
# per page moves with the machine and its load: for a figure that means something,
# measure the old checkout in the same run with --compare (its row then replaces this constant).
# That run gave 538; the same measurement later that day on an idle machine (load 0.08),
# main at 19ed83f: 665 against main's 689, the figure used now.
TEXT_BASELINE_PPC = 665.0


# ------------------------------------------------------------------ corpus
def sources(shared: pathlib.Path) -> tuple[list[pathlib.Path], list[pathlib.Path], list[str]]:
    """Text and HTML source pages, and notes on what was missing."""
    notes = []
    text = sorted((ROOT / "seeds").glob("*.txt"))
    dev = sorted((shared / "devset" / "raw").glob("*.txt"))
    if not dev:
        notes.append(f"no dev pages in {shared}/devset/raw: text corpus cycles the {len(text)} seeds only")
    htmls = sorted(p for p in (shared / "html-samples").glob("*/*.html"))
    if not htmls:
        htmls = sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))
        notes.append(f"no {shared}/html-samples: HTML corpus cycles the {len(htmls)} test fixtures")
    return text + dev, htmls, notes


def build(folder: pathlib.Path, pages: list[pathlib.Path], n: int, suffix: str) -> int:
    """n files in folder (sub-folders of PER_FOLDER, names in input order), cycling pages.
    Returns their total size in bytes."""
    total = 0
    for i, src in enumerate(itertools.islice(itertools.cycle(pages), n)):
        sub = folder / f"{i // PER_FOLDER:04d}"
        if i % PER_FOLDER == 0:
            sub.mkdir(parents=True)
        dst = sub / f"{i:07d}{suffix}"
        try:
            os.link(src, dst)
        except OSError:
            shutil.copyfile(src, dst)
        total += src.stat().st_size
    return total


def iter_files(folder: pathlib.Path, n: int):
    """The first n files of a corpus folder, in order, streamed."""
    count = 0
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        for f in sorted(sub.iterdir()):
            if count == n:
                return
            yield f
            count += 1


# ------------------------------------------------------------------ measuring
class TreeSampler(threading.Thread):
    """Samples a process and all its descendants from /proc every `interval` seconds:
    the peak of their summed memory (PSS, so pages shared after a fork count once; RSS
    where PSS is unreadable), the largest single process (RSS), and their CPU time (worker
    processes that nobody waits for escape getrusage)."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = self.proc_peak = 0
        self.cpu: dict[int, float] = {}
        self.done = threading.Event()
        self.page, self.tick = os.sysconf("SC_PAGE_SIZE"), os.sysconf("SC_CLK_TCK")

    def sample(self) -> None:
        children: dict[int, list[int]] = {}
        stats: dict[int, list[bytes]] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    with open(f"/proc/{entry.name}/stat", "rb") as f:
                        stat = f.read()
                except OSError:
                    continue
                fields = stat[stat.rindex(b")") + 2:].split()    # fields from the 3rd (state) on
                stats[int(entry.name)] = fields
                children.setdefault(int(fields[1]), []).append(int(entry.name))
        total, todo = 0, [self.pid]
        while todo:
            pid = todo.pop()
            todo.extend(children.get(pid, []))
            if pid not in stats:
                continue
            fields = stats[pid]
            self.cpu[pid] = (int(fields[11]) + int(fields[12])) / self.tick     # utime + stime
            rss = int(fields[21]) * self.page
            self.proc_peak = max(self.proc_peak, rss)
            total += self._pss(pid, rss)
        self.peak = max(self.peak, total)

    @staticmethod
    def _pss(pid: int, rss: int) -> int:
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Pss:"):
                        return int(line.split()[1]) * 1024
        except (OSError, ValueError):
            pass
        return rss

    def run(self):
        while not self.done.is_set():
            self.sample()
            self.done.wait(self.interval)


def run_measured(cmd: list[str], env: dict) -> dict:
    """Run cmd; wall seconds, CPU seconds, peak memory of its process tree and of its largest
    process (MB), exit code, output. Waits with os.wait4, so the rusage is this run's own."""
    t = time.perf_counter()
    with tempfile.TemporaryFile() as fout, tempfile.TemporaryFile() as ferr:
        proc = subprocess.Popen(cmd, env=env, stdout=fout, stderr=ferr, cwd=tempfile.gettempdir())
        sampler = TreeSampler(proc.pid) if os.path.isdir("/proc") else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t
        if sampler:
            sampler.done.set()
            sampler.join()
        fout.seek(0)
        ferr.seek(0)
        out, err = fout.read(), ferr.read()
    proc_mb, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    if sampler:
        proc_mb = max(proc_mb, sampler.proc_peak / 2**20)
        cpu = max(cpu, sum(sampler.cpu.values()))
    return {"seconds": wall, "cpu": cpu, "peak_mb": sampler.peak / 2**20 if sampler and sampler.peak else proc_mb,
            "proc_mb": proc_mb, "code": proc.returncode,
            "stdout": out.decode("utf-8", "replace"), "stderr": err.decode("utf-8", "replace")}


# ------------------------------------------------------------------ worker mode
def as_html(text: str) -> str:
    return "<html><body>" + "".join(f"<p>{html.escape(x)}</p>" for x in text.splitlines() if x.strip()) + \
        "</body></html>"


def baseline_extractor(tool: str):
    """The baseline's call on one page: trafilatura.extract, or jusText with its
    Indonesian stoplist (shared with benchmarks/instructions.py)."""
    if tool == "trafilatura":
        import trafilatura
        return trafilatura.extract
    import justext
    stop = justext.get_stoplist("Indonesian")

    def extract(doc):
        return justext.justext(doc.encode("utf-8") if isinstance(doc, str) else doc, stop)
    return extract


def baseline_input(tool: str, kind: str, data: bytes):
    """A page as the baselines get it: a text page as HTML paragraphs, an HTML page
    raw (trafilatura: decoded)."""
    doc = as_html(data.decode("utf-8", "replace")) if kind == "text" else data
    if tool == "trafilatura" and isinstance(doc, bytes):
        doc = doc.decode("utf-8", "replace")
    return doc


def worker(tool: str, kind: str, folder: str, n: int) -> None:
    """Run one baseline over the first n files of folder; print pages, bytes, seconds as JSON.
    Times the extractor calls only (not reading files nor wrapping text in HTML)."""
    extract = baseline_extractor(tool)
    pages = size = empty = 0
    spent = cpu = 0.0
    for f in iter_files(pathlib.Path(folder), n):
        data = f.read_bytes()
        doc = baseline_input(tool, kind, data)
        t, c = time.perf_counter(), time.process_time()
        out = extract(doc)
        spent += time.perf_counter() - t
        cpu += time.process_time() - c
        pages += 1
        size += len(data)
        empty += not out
    print(json.dumps({"pages": pages, "bytes": size, "seconds": spent, "cpu": cpu, "empty": empty}))


def dedup_worker(n: int) -> None:
    import importlib.util
    spec = importlib.util.spec_from_file_location("bench_dedup", HERE / "bench_dedup.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    print(json.dumps(mod.run(n)))


# ------------------------------------------------------------------ the run
def cleaner_env() -> dict:
    """The cleaner under test: the one on PYTHONPATH if set, else this repo's."""
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", str(ROOT))
    return env


def cleaner_info(env: dict) -> tuple[str, bool]:
    where = subprocess.run([sys.executable, "-c", "import cleaner; print(cleaner.__file__)"], env=env,
                           capture_output=True, text=True, cwd=tempfile.gettempdir()).stdout.strip()
    helptext = subprocess.run([sys.executable, "-m", "cleaner", "--help"], env=env, capture_output=True,
                              text=True, cwd=tempfile.gettempdir()).stdout
    return where, "--jobs" in helptext


def count_lines(path: pathlib.Path) -> int:
    if not path.exists():
        return 0
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=20000, help="text pages for cleaner (default 20000)")
    ap.add_argument("--html-pages", type=int, default=2000,
                    help="HTML pages for cleaner (default 2000: the HTML path is ~6x slower per page)")
    ap.add_argument("--baseline-pages", type=int, default=500,
                    help="text pages for each baseline (their rate is per page, so a sample suffices)")
    ap.add_argument("--html-baseline-pages", type=int, default=200, help="HTML pages for each baseline")
    ap.add_argument("--dedup-records", type=int, default=100000,
                    help="synthetic records for the near-duplicate timing (needs benchmarks/bench_dedup.py)")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="run everything N times (in rounds) and keep each row's fastest run (default 1)")
    ap.add_argument("--quick", action="store_true",
                    help="a short run: 1000 text, 100 HTML pages; baselines 100 and 40; dedup 10000")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder")
    ap.add_argument("--workdir", help="where to build the corpus (default: a temporary folder, removed)")
    ap.add_argument("--no-html-engines", action="store_true",
                    help="skip the HTML engines table (benchmarks/bench_html.py: both engines, trafilatura, "
                         "jusText on the same pages, F1 beside speed, WARC readers)")
    ap.add_argument("--text-baseline", type=float, default=TEXT_BASELINE_PPC, metavar="PPC",
                    help="the text path's pages per CPU second at -j 1 to compare with "
                         f"(default {TEXT_BASELINE_PPC:g}: main at ce1e310, when issue 16 was filed)")
    ap.add_argument("--compare", metavar="CHECKOUT",
                    help="another checkout of cleaner (a folder holding its cleaner/ package): its text "
                         "path at -j 1 runs in the same rounds as this one, and the target compares "
                         "with that row instead of --text-baseline")
    ap.add_argument("--_worker", nargs=4, metavar=("TOOL", "KIND", "DIR", "N"), help=argparse.SUPPRESS)
    ap.add_argument("--_dedup", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a._worker:
        worker(a._worker[0], a._worker[1], a._worker[2], int(a._worker[3]))
        return 0
    if a._dedup:
        dedup_worker(a._dedup)
        return 0
    if a.quick:
        a.pages, a.html_pages, a.baseline_pages, a.html_baseline_pages, a.dedup_records = 1000, 100, 100, 40, 10000
    a.repeat = max(1, a.repeat)
    a.baseline_pages = min(a.baseline_pages, a.pages)
    a.html_baseline_pages = min(a.html_baseline_pages, a.html_pages)

    env = cleaner_env()
    where, has_jobs = cleaner_info(env)
    if not where:
        print("bench: error: cannot import cleaner (pip install -e . or set PYTHONPATH)", file=sys.stderr)
        return 2
    compare_env, compare_jobs = None, False
    if a.compare:
        from checkout import checkout_env  # its own rule files too, past an editable install
        compare_env = checkout_env(a.compare)
        compared_where, compare_jobs = cleaner_info(compare_env)
        if not compared_where or not compared_where.startswith(str(pathlib.Path(a.compare).resolve())):
            print(f"bench: error: --compare {a.compare}: no cleaner package there", file=sys.stderr)
            return 2
    text_src, html_src, notes = sources(pathlib.Path(a.shared))
    work = pathlib.Path(a.workdir) if a.workdir else pathlib.Path(tempfile.mkdtemp(prefix="cleaner-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    load0 = os.getloadavg()
    try:
        t = time.perf_counter()
        text_dir, html_dir = work / "text", work / "html"
        shutil.rmtree(text_dir, ignore_errors=True)
        shutil.rmtree(html_dir, ignore_errors=True)
        text_bytes = build(text_dir, text_src, a.pages, ".txt")
        html_bytes = build(html_dir, html_src, a.html_pages, ".html")
        print(f"corpus: {a.pages} text pages ({text_bytes / 1e6:.1f} MB, {len(text_src)} distinct), "
              f"{a.html_pages} HTML pages ({html_bytes / 1e6:.1f} MB, {len(html_src)} distinct) "
              f"in {work} ({time.perf_counter() - t:.1f} s)", file=sys.stderr)
        rows = []

        def cleaner_row(label, folder, n, size, jobs, run_env=env, jobs_flag=has_jobs):
            out = work / f"out-{label.split()[1]}-j{jobs}.jsonl"
            cmd = [sys.executable, "-m", "cleaner", str(folder), "-o", str(out), "-q"]
            if jobs_flag:
                cmd += ["-j", str(jobs)]
            elif jobs != 1:
                return {"label": label, "missing": "installed cleaner has no -j"}
            print(f"running {label} ...", file=sys.stderr)
            r = run_measured(cmd, run_env)
            written = count_lines(out)
            out.unlink(missing_ok=True)
            if r["code"] not in (0, 1) or written == 0:
                return {"label": label, "missing": f"exit {r['code']}: {r['stderr'].strip()[-200:]}"}
            return {"label": label, "pages": n, "bytes": size, "written": written, **r, "cleaner": True}

        def baseline_row(label, tool, kind, folder, n):
            print(f"running {label} ...", file=sys.stderr)
            r = run_measured([sys.executable, str(HERE / "bench.py"), "--_worker", tool, kind, str(folder),
                              str(n)], os.environ)
            if r["code"] != 0:
                return {"label": label, "missing": r["stderr"].strip()[-200:]}
            res = json.loads(r["stdout"].strip().splitlines()[-1])
            return {"label": label, "pages": res["pages"], "bytes": res["bytes"], "seconds": res["seconds"],
                    "cpu": res["cpu"], "peak_mb": r["peak_mb"], "proc_mb": r["proc_mb"], "sample": True,
                    "empty": res["empty"]}

        runs = []
        for kind, folder, n, size in (("text", text_dir, a.pages, text_bytes), ("HTML", html_dir, a.html_pages, html_bytes)):
            for jobs in (1, 2):
                runs.append((cleaner_row, (f"cleaner {kind} -j {jobs}", folder, n, size, jobs)))
            if kind == "text" and a.compare:
                runs.append((cleaner_row, (COMPARED, folder, n, size, 1, compare_env, compare_jobs)))
        for tool, name in (("trafilatura", "trafilatura.extract"), ("justext", "jusText (Indonesian)")):
            for kind, folder, n in (("text", text_dir, a.baseline_pages), ("html", html_dir, a.html_baseline_pages)):
                runs.append((baseline_row, (f"{name}, {'text as <p>' if kind == 'text' else 'raw HTML'}",
                                            tool, kind, folder, n)))
        # --repeat N: every run N times, in rounds (so a slow spell of the machine hits
        # every run alike); each row keeps its fastest run, and the highest peak memory.
        tries: dict[str, list[dict]] = {}
        for _ in range(a.repeat):
            for fn, args in runs:
                r = fn(*args)
                tries.setdefault(r["label"], []).append(r)
        for got in tries.values():
            ok = [r for r in got if "missing" not in r]
            if not ok:
                rows.append(got[0])
                continue
            best = dict(min(ok, key=lambda r: r["seconds"]))
            best["peak_mb"] = max(r["peak_mb"] for r in ok)
            best["proc_mb"] = max(r["proc_mb"] for r in ok)
            rows.append(best)
        dedup = None
        if (HERE / "bench_dedup.py").exists():
            print(f"running near-duplicate detection over {a.dedup_records} records ...", file=sys.stderr)
            r = run_measured([sys.executable, str(HERE / "bench.py"), "--_dedup", str(a.dedup_records)], env)
            dedup = json.loads(r["stdout"].strip().splitlines()[-1]) if r["code"] == 0 else \
                {"error": r["stderr"].strip()[-200:]}
        engines = None
        if (HERE / "bench_html.py").exists() and not a.no_html_engines:
            sys.path.insert(0, str(HERE))
            import bench_html
            engines = bench_html.measure(pathlib.Path(a.shared), repeat=a.repeat, rounds=1 if a.quick else 5,
                                         quality=not a.quick, warc_records=200 if a.quick else 1000)
    finally:
        if not a.workdir:
            shutil.rmtree(work, ignore_errors=True)
    report(rows, dedup, a, where, has_jobs, notes, load0)
    if engines is not None:
        print()
        bench_html.report(engines)
    return 0


def report(rows, dedup, a, where, has_jobs, notes, load0) -> None:
    from importlib.metadata import version

    import justext  # noqa: F401 - versions only
    import trafilatura
    load1 = os.getloadavg()
    print()
    print(f"{'run':<36} {'pages':>7} {'MB':>6} {'seconds':>7} {'CPU s':>6} {'cores':>5} {'pages/s':>7} "
          f"{'MB/s':>5} {'pages/CPU s':>11} {'peak MB':>7} {'proc MB':>7}")
    by = {}
    for r in rows:
        if "missing" in r:
            print(f"{r['label']:<36} {'n/a: ' + r['missing']}")
            continue
        r["pps"], r["mbs"] = r["pages"] / r["seconds"], r["bytes"] / 1e6 / r["seconds"]
        by[r["label"]] = r
        flag = " *" if r.get("sample") else ""
        r["ppc"] = r["pages"] / r["cpu"]
        print(f"{r['label'] + flag:<36} {r['pages']:>7} {r['bytes'] / 1e6:>6.1f} {r['seconds']:>7.1f} {r['cpu']:>6.1f} "
              f"{r['cpu'] / r['seconds']:>5.2f} {r['pps']:>7.1f} {r['mbs']:>5.2f} {r['ppc']:>11.1f} "
              f"{r['peak_mb']:>7.0f} {r['proc_mb']:>7.0f}")
    if dedup is not None:
        if "error" in dedup:
            print(f"{'near-duplicates (bench_dedup)':<36} n/a: {dedup['error']}")
        else:
            print(f"{'near-duplicates (bench_dedup)':<36} {dedup['records']:>7} {'':>6} {dedup['seconds']:>7.1f} "
                  f"{'':>6} {'':>5} {dedup['records'] / dedup['seconds']:>7.0f} {'':>5} {'':>11} "
                  f"{dedup['peak_mb']:>7.0f}   (records, not pages)")
    print()
    if a.repeat > 1:
        print(f"every row: the fastest of {a.repeat} runs made in rounds; peak MB and proc MB: the highest of them.")
    print("* a sample: the baselines' rate is per page; their seconds and CPU s count the extractor")
    print("  calls only (not imports, reading files, wrapping text in <p>).")
    print("  cleaner rows: wall time of `python -m cleaner DIR -o OUT [-j N] -q`, start-up and writing included.")
    print("  MB = input bytes (text pages: the .txt; HTML pages: the .html). cores = CPU s / seconds.")
    print("  peak MB: the run's whole process tree (PSS summed, sampled every 0.2 s); proc MB: its")
    print("  largest process (RSS).")
    written = [f"{r['label']}: {r['written']}/{r['pages']}" for r in by.values() if r.get("cleaner")]
    print("  records written: " + "; ".join(written))
    print()

    def ratio(num, den, key="pps"):
        return by[num][key] / by[den][key] if num in by and den in by else None

    def line(name, value, target, fmt, good):
        if value is None:
            print(f"{name:<52} n/a")
        else:
            print(f"{name:<52} {fmt.format(value):>8}   target {target}: {'met' if good(value) else 'NOT met'}")

    text = by.get("cleaner text -j 1")
    if a.compare:
        old = by.get(COMPARED)
        line("text path -j 1 vs --compare's, pages per CPU s",
             text["ppc"] / old["ppc"] if text and old else None, ">= 2x", "{:.2f}x",
             lambda v: v >= TARGETS["text_vs_baseline"])
    else:
        line(f"text path -j 1 vs the baseline's {a.text_baseline:g} pages per CPU s",
             text["ppc"] / a.text_baseline if text and a.text_baseline > 0 else None, ">= 2x", "{:.2f}x",
             lambda v: v >= TARGETS["text_vs_baseline"])
    vs_trafilatura = ratio("cleaner text -j 1", "trafilatura.extract, text as <p>", "ppc")
    print(f"{'  for reference: text path vs trafilatura, pages per CPU s':<52} "
          + (f"{vs_trafilatura:>7.2f}x" if vs_trafilatura is not None else "n/a"))
    line("text path -j 2 vs -j 1", ratio("cleaner text -j 2", "cleaner text -j 1"), ">= 1.7x", "{:.2f}x",
         lambda v: v >= TARGETS["j2_vs_j1"])
    line("HTML path -j 2 vs -j 1", ratio("cleaner HTML -j 2", "cleaner HTML -j 1"), ">= 1.7x", "{:.2f}x",
         lambda v: v >= TARGETS["j2_vs_j1"])
    peaks = [r["peak_mb"] for r in by.values() if r.get("cleaner")]
    line("cleaner peak memory, any run (MB)", max(peaks) if peaks else None, "< 300 MB", "{:.0f}",
         lambda v: v < TARGETS["peak_mb"])
    print()
    print(f"machine: {os.cpu_count()} CPUs, load average {load0[0]:.2f} at start, {load1[0]:.2f} at end")
    # The load at the end counts this benchmark's own -j 2 runs: only the start tells
    # whether something else was running.
    if load0[0] > (os.cpu_count() or 1) / 2:
        print("warning: the machine was busy: wall-clock figures are low, and the -j 2 vs -j 1 ratio only")
        print("  means something when the `cores` column of the -j 2 run is near 2; pages/CPU s is less affected.")
    if a.compare:
        print(f"--compare: {COMPARED!r} is the cleaner in {pathlib.Path(a.compare).resolve()}")
    print(f"versions: python {platform.python_version()}, cleaner from {where}, "
          f"trafilatura {trafilatura.__version__}, jusText {version('jusText')}")
    if not has_jobs:
        print("note: the cleaner under test has no -j/--jobs: the -j 1 rows run it without -j, -j 2 is not measured")
    if dedup is None:
        print("note: no benchmarks/bench_dedup.py: near-duplicate timing skipped")
    for n in notes:
        print("note: " + n)


if __name__ == "__main__":
    sys.exit(main())
