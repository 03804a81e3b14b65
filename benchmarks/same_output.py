"""Is the output the same as before? A check for changes that must not change it.

    python benchmarks/same_output.py --save /tmp/base-out      # on the code before the change
    python benchmarks/same_output.py --compare /tmp/base-out   # after it: exit 1 on any difference
    python benchmarks/same_output.py --save /tmp/base-out --checkout ../old   # the baseline from another checkout

Runs ``python -m cleaner`` with ``--keep-dropped -j 1`` in this checkout's folder (so its
own ``cleaner`` package; ``--checkout DIR`` runs another checkout's, in that folder, with
its own rule files: benchmarks/checkout.py) on each input set:

    seeds      the checkout's seeds/
    dev        ../shared/devset/raw (text dumps, no URL)
    html       every HTML file under ../shared/html-samples (no URL)
    html-urls  the same HTML pages as JSONL lines with the manifest's URL
    dev-urls   the dev pages as JSONL lines with the manifest's URL
    fixtures   tests/fixtures (HTML snippets)

plus ``cleaner explain --json`` on a few pages, and writes each set's output and a
sha256 digest per set into the folder. ``--compare`` prints the first differing
record and field of each set that differs. Inputs built here (the JSONL sets) are
written to a fixed folder (``--work``), so the ``source_path`` in the records is the
same on every run.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import pathlib
import subprocess
import sys

from checkout import checkout_env, holds_cleaner  # this folder's script: another checkout's code and rules

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
EXPLAIN_PAGES = ("seeds/000_4f9533bd8fb762ef.txt", "{shared}/devset/raw/d001.txt", "{shared}/devset/raw/d070.txt",
                 "{shared}/html-samples/kompas", "{shared}/html-samples/tribunsolo")


def _jsonl_set(target: pathlib.Path, manifest: pathlib.Path, folder: pathlib.Path, field: str,
               name_of) -> None:
    lines = []
    for row in map(json.loads, manifest.read_text(encoding="utf-8").splitlines()):
        path = folder / name_of(row)
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        lines.append(json.dumps({field: text, "url": row.get("url")}, ensure_ascii=False))
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def input_sets(shared: pathlib.Path, work: pathlib.Path) -> dict[str, list[str]]:
    """Name -> the cleaner arguments (paths) of each input set."""
    work.mkdir(parents=True, exist_ok=True)
    html_urls, dev_urls = work / "html-urls.jsonl", work / "dev-urls.jsonl"
    _jsonl_set(html_urls, shared / "html-samples" / "manifest.jsonl", shared / "html-samples", "html",
               lambda row: row["file"])
    _jsonl_set(dev_urls, shared / "devset" / "manifest.jsonl", shared / "devset" / "raw", "text",
               lambda row: row["id"] + ".txt")
    return {"seeds": ["seeds"], "dev": [str(shared / "devset" / "raw")],
            "html": [str(shared / "html-samples")], "html-urls": [str(html_urls)],
            "dev-urls": [str(dev_urls)], "fixtures": ["tests/fixtures"]}


def run_cleaner(args: list[str], checkout: pathlib.Path | None = None) -> bytes:
    """``python -m cleaner ARGS`` in the checkout's folder (the working folder comes first
    on the import path): this one's, or ``checkout``'s with its own rule files."""
    env = checkout_env(checkout) if checkout is not None else None
    proc = subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=checkout or ROOT, env=env,
                          capture_output=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"cleaner {' '.join(args)}: exit {proc.returncode}\n{proc.stderr.decode()}")
    return proc.stdout


def produce(shared: pathlib.Path, work: pathlib.Path, checkout: pathlib.Path | None = None) -> dict[str, bytes]:
    out = {}
    for name, paths in input_sets(shared, work).items():
        out[name] = run_cleaner([*paths, "--keep-dropped", "-j", "1", "-q"], checkout)
    pages = [p.format(shared=shared) for p in EXPLAIN_PAGES]
    explained = run_cleaner(["explain", "--json", "--color", "never", *pages], checkout)
    # explain names the rule file of each rule: the same file in any checkout
    rules = json.dumps(str((checkout or ROOT) / "rules"))[1:-1].encode()
    out["explain"] = explained.replace(rules + b"/", b"<rules>/")
    return out


def first_difference(old: bytes, new: bytes) -> str:
    a, b = old.splitlines(), new.splitlines()
    if len(a) != len(b):
        head = f"{len(a)} records before, {len(b)} now; "
    else:
        head = ""
    for n, (x, y) in enumerate(zip(a, b), 1):
        if x == y:
            continue
        try:
            rx, ry = json.loads(x), json.loads(y)
        except ValueError:
            return f"{head}line {n} differs"
        where = _field_diff(rx, ry, "")
        md = rx.get("metadata") if isinstance(rx, dict) else None
        name = (md.get("source_path") if isinstance(md, dict) else None) or (
            rx.get("source") if isinstance(rx, dict) else None)
        return f"{head}record {n} ({name}): {where}"
    return head + "a record is missing at the end"


def _field_diff(x, y, path: str) -> str:
    if isinstance(x, dict) and isinstance(y, dict):
        for key in list(x) + [k for k in y if k not in x]:
            if x.get(key, "<absent>") != y.get(key, "<absent>"):
                return _field_diff(x.get(key, "<absent>"), y.get(key, "<absent>"), f"{path}.{key}")
        return f"{path}: key order differs"
    if isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
        for i, (p, q) in enumerate(zip(x, y)):
            if p != q:
                return _field_diff(p, q, f"{path}[{i}]")
    return f"{path}: {json.dumps(x, ensure_ascii=False)[:300]} -> {json.dumps(y, ensure_ascii=False)[:300]}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", metavar="DIR", help="store the outputs and digests here (the baseline)")
    group.add_argument("--compare", metavar="DIR", help="compare with the baseline stored here")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder")
    ap.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "cleaner-same-output"),
                    help="fixed folder for the JSONL inputs built here")
    ap.add_argument("--checkout", metavar="DIR",
                    help="run another checkout's cleaner (in DIR, with DIR's rule files), e.g. the "
                         "commit before a change, for --save")
    args = ap.parse_args(argv)
    checkout = pathlib.Path(args.checkout).resolve() if args.checkout else None
    if checkout is not None and not holds_cleaner(checkout):
        ap.error(f"--checkout {args.checkout}: no cleaner package there")
    outputs = produce(pathlib.Path(args.shared).resolve(), pathlib.Path(args.work).resolve(), checkout)
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in outputs.items()}
    counts = {name: len(data.splitlines()) for name, data in outputs.items()}
    if args.save:
        folder = pathlib.Path(args.save)
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in outputs.items():
            (folder / f"{name}.jsonl").write_bytes(data)
        (folder / "digests.json").write_text(json.dumps(digests, indent=1) + "\n")
        for name in outputs:
            print(f"{name:<10} {counts[name]:>4} records  {digests[name]}")
        return 0
    folder = pathlib.Path(args.compare)
    before = json.loads((folder / "digests.json").read_text())
    failed = False
    for name, data in outputs.items():
        same = before.get(name) == digests[name]
        print(f"{name:<10} {counts[name]:>4} records  {'identical' if same else 'DIFFERENT'}")
        if not same:
            failed = True
            old = (folder / f"{name}.jsonl").read_bytes() if (folder / f"{name}.jsonl").exists() else b""
            print(f"    {first_difference(old, data)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
