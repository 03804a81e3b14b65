"""Instructions per page: cleaner vs trafilatura and jusText on the same pages, counted
by valgrind's callgrind, so the comparison does not move with the machine's load.

    python benchmarks/instructions.py              # text and HTML pages (~8 min on 2 cores)
    python benchmarks/instructions.py --text-only  # text pages only (~3 min)
    python benchmarks/instructions.py --html-only --html-tools cleaner-fast trafilatura
    python benchmarks/instructions.py --text-only --steady   # a second round over the pages, less the first

bench.py's wall-clock figures move by a third from one run to the next on a shared
virtual machine; an instruction count is the same on every run of the same code and
inputs. It is not a time (a cache miss or a slow system call costs more than an
instruction), but the ratio of two tools' counts is the load-free form of "how many
times faster". Pages: the repo's seeds and the dev pages (``../shared/devset/raw``) as
text, ``../shared/html-samples`` as HTML (the same sources as bench.py); trafilatura and
jusText get each text page as HTML paragraphs, as in bench.py.

Each tool runs twice under callgrind in its own process: once loading and cleaning
the first page only (imports, rules, models, first-call set-up), once cleaning every
page after that; the difference divided by the pages is its count per page. cleaner
is called in-process (``Cleaner.clean_text`` / ``clean_html``: the library path,
without the command's worker processes), like the baselines. Needs valgrind
(Debian: ``apt install valgrind``). A benchmark, not a test: nothing here asserts.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
COLLECTED = re.compile(rb"Collected\s*:\s*(\d+)")
TEXT_TOOLS = ("cleaner", "trafilatura", "justext")
HTML_TOOLS = ("cleaner-fast", "cleaner-trafilatura", "trafilatura", "justext")


def _bench():
    spec = importlib.util.spec_from_file_location("bench", HERE / "bench.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_tool(tool: str, kind: str, files: list[str], rounds: int) -> None:
    """The measured process: set up the tool, clean the first page, then every page
    ``rounds`` times."""
    if kind == "html":          # the HTML tools exactly as bench.py and scrapinghub.py call them
        sys.path.insert(0, str(HERE))
        from html_tools import extractor
        call = extractor(tool)

        def extract(data: bytes):
            return call(data, None)
    elif tool == "cleaner":
        from cleaner import Cleaner
        cleaner = Cleaner()

        def extract(data: bytes):
            return cleaner.clean_text(data.decode("utf-8", "replace"))
    else:       # the baselines exactly as bench.py calls them
        bench = _bench()
        call = bench.baseline_extractor(tool)

        def extract(data: bytes):
            return call(bench.baseline_input(tool, kind, data))
    pages = [pathlib.Path(f).read_bytes() for f in files]
    extract(pages[0])
    for _ in range(rounds):
        for data in pages:
            extract(data)


def count(tool: str, kind: str, listing: str, rounds: int, env: dict) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out",
               sys.executable, str(HERE / "instructions.py"), "--_run", tool, kind, listing, str(rounds)]
        r = subprocess.run(cmd, env=env, capture_output=True, cwd=tmp)
    found = COLLECTED.findall(r.stderr)
    if r.returncode != 0 or not found:
        raise RuntimeError(f"{tool} {kind}: valgrind run failed: {r.stderr.decode('utf-8', 'replace')[-300:]}")
    return int(found[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--text-only", action="store_true", help="text pages only")
    ap.add_argument("--html-only", action="store_true", help="HTML pages only")
    ap.add_argument("--html-tools", nargs="+", default=list(HTML_TOOLS), metavar="TOOL",
                    help=f"HTML tools to count (default: {' '.join(HTML_TOOLS)})")
    ap.add_argument("--steady", action="store_true",
                    help="count a second round over every page, less the first (what a page costs once "
                         "everything built on first use, e.g. an outlet's rule dispatch, is built)")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder")
    ap.add_argument("--_run", nargs=4, metavar=("TOOL", "KIND", "LISTING", "ALL"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a._run:
        tool, kind, listing, all_pages = a._run
        run_tool(tool, kind, pathlib.Path(listing).read_text().splitlines(), int(all_pages))
        return 0
    if not shutil.which("valgrind"):
        print("instructions: error: needs valgrind on PATH (Debian: apt install valgrind)", file=sys.stderr)
        return 2
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", str(ROOT))
    env["PYTHONHASHSEED"] = "0"      # set and dict orders fixed: the same count on every run
    text_src, html_src, notes = _bench().sources(pathlib.Path(a.shared))
    kinds = ([] if a.html_only else [("text", text_src)]) + ([] if a.text_only else [("html", html_src)])
    tools = {"text": TEXT_TOOLS, "html": tuple(a.html_tools)}
    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        for kind, files in kinds:
            listing = pathlib.Path(tmp) / f"{kind}.txt"
            listing.write_text("\n".join(str(f) for f in files))
            for tool in tools[kind]:
                jobs.append((tool, kind, str(listing), len(files)))
        print("counting instructions: " + ", ".join(f"{len(files)} {kind} pages" for kind, files in kinds)
              + ", 2 runs of each tool ...", file=sys.stderr)
        with ThreadPoolExecutor(max(1, min(2, os.cpu_count() or 1))) as pool:
            first = 1 if a.steady else 0
            futures = {(tool, kind, everything): pool.submit(count, tool, kind, listing, first + everything, env)
                       for tool, kind, listing, _ in jobs for everything in (False, True)}
            counts = {key: f.result() for key, f in futures.items()}
    names = {"cleaner": "cleaner (library call)", "trafilatura": "trafilatura.extract",
             "justext": "jusText (Indonesian)", "cleaner-fast": "cleaner, fast engine",
             "cleaner-trafilatura": "cleaner, trafilatura engine", "resiliparse": "resiliparse main_content"}
    print()
    print(f"{'tool':<30} {'pages':>5} {'kind':<12} {'M instructions/page':>20} {'vs first':>9}")
    for kind, files in kinds:
        per = {tool: (counts[(tool, kind, True)] - counts[(tool, kind, False)]) / len(files) for tool in tools[kind]}
        first = per[tools[kind][0]]
        for tool, value in per.items():
            label = "text as <p>" if kind == "text" and tool != "cleaner" else kind
            print(f"{names[tool]:<30} {len(files):>5} {label:<12} {value / 1e6:>20.2f} {value / first:>8.2f}x")
    print()
    if a.steady:
        print("M instructions/page (--steady): callgrind's count for cleaning every page twice, less the")
        print("count for cleaning them once, divided by the pages (nothing built on first use is counted).")
    else:
        print("M instructions/page: callgrind's count for cleaning every page, less the count for setting up")
        print("and cleaning the first page, divided by the pages (what the later pages build on first use,")
        print("e.g. another outlet's rule dispatch, is counted too: --steady leaves it out).")
    print("'vs first' > 1: that tool spends more")
    print("instructions per page than the first tool of its kind (which is that many times cheaper).")
    for n in notes:
        print("note: " + n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
