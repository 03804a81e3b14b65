"""Leave one rule file out: the generic layer on an outlet it has no rule file for.

    python benchmarks/leave_one_out.py             # every outlet file with dev pages, and all files out
    python benchmarks/leave_one_out.py --no-url    # pages without their URL (outlets found by text markers)

The team judges ``cleaner`` on pages of outlets nobody wrote rules for. The dev pages of
an outlet that has a rule file tell how well the file works, not how well the shared
layer would do without it. For each built-in outlet file that is used on some dev pages
(``../shared/devset``, each page with its manifest URL), this cleans those pages twice:
with every rule file, and with that file (and any file that ``extends`` it) left out,
so the pages get ``_common.yaml`` and the structure passes only, as an unknown outlet's
would. The last row leaves every outlet file out, on all the dev pages. Both runs are
scored with the corpus scorer (``../shared/eval/score.py``): body F1, lost and leaked
lines, each metadata field the gold gives (correct / pages that have it) and the
metadata false positives (a value where the gold has none).

Pages the layer was developed on stay dev pages: a row here says how much an outlet's
file adds, and where the shared layer falls short on that outlet's layout (run
``cleaner explain`` on a page, with ``CLEANER_RULES_PATH`` unset, to see why). It is
not an estimate on unseen pages (for that, score new pages before reading them:
docs/quality-log.md). A benchmark, not a test: it prints a table and asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIELDS = ("title", "lead", "date", "authors", "editor", "dateline")
WIDTH = {f: max(len(f), 7) for f in FIELDS}


def cleaner_without(left_out: set[str]):
    """A Cleaner (dropped lines kept) whose rule set lacks the outlets ``left_out``."""
    from cleaner import Cleaner
    from cleaner.ruleset.loader import load_rule_file, rule_dirs, rule_files, ruleset_from
    c = Cleaner(keep_dropped=True)
    if left_out:
        kept = [o for o in map(load_rule_file, rule_files(rule_dirs())) if o.id not in left_out]
        c.ruleset = ruleset_from(kept)
    return c


def family(rs, outlet_id: str) -> set[str]:
    """The outlet and every outlet that extends it (directly or not)."""
    return {o for o, outlet in rs.outlets.items() if outlet_id in {x.id for x in rs.chain(outlet)}}


def score(scorer: pathlib.Path, gold: pathlib.Path, ids: list[str], records: dict[str, dict],
          work: pathlib.Path, name: str) -> dict:
    """The scorer's JSON figures for these pages' records."""
    sub = work / f"gold-{name}"
    sub.mkdir()
    for i in ids:
        (sub / f"{i}.json").write_bytes((gold / f"{i}.json").read_bytes())
    pred = work / f"{name}.jsonl"
    pred.write_text("".join(json.dumps(records[i], ensure_ascii=False) + "\n" for i in ids), encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), "--gold", str(sub), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def clean_all(c, raw: pathlib.Path, ids: list[str], urls: dict[str, str | None]) -> dict[str, dict]:
    return {i: c.clean_file(raw / f"{i}.txt", url=urls.get(i)).to_dict() for i in ids}


def cells(s: dict) -> str:
    md = s["metadata"]
    meta = " ".join(f"{md[f].get('correct', 0)}/{md[f]['gold']}".rjust(WIDTH[f]) if md.get(f, {}).get("gold")
                    else "-".rjust(WIDTH[f])
                    for f in FIELDS)
    fp = sum(v.get("false_positive", 0) for v in md.values() if isinstance(v, dict))
    return f"{s['f1']:.3f} {s['lost_lines']:>4} {s['leaked_lines']:>6} {meta} {fp:>3}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=pathlib.Path, default=SHARED, help="the shared folder (default: ../shared)")
    ap.add_argument("--no-url", action="store_true", help="clean the pages without their URL")
    args = ap.parse_args(argv)
    dev, scorer = args.shared / "devset", args.shared / "eval" / "score.py"
    if not (dev / "raw").is_dir() or not scorer.is_file():
        print(f"no dev set in {dev} (or no scorer {scorer}): nothing to measure")
        return 0
    manifest = [json.loads(line) for line in open(dev / "manifest.jsonl", encoding="utf-8") if line.strip()]
    ids = [m["id"] for m in manifest if (dev / "raw" / f"{m['id']}.txt").is_file()]
    urls = {} if args.no_url else {m["id"]: m.get("url") for m in manifest}
    full = cleaner_without(set())
    with_all = clean_all(full, dev / "raw", ids, urls)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        for oid in sorted(full.ruleset.outlets):
            gone = family(full.ruleset, oid)
            pages = [i for i in ids if with_all[i]["metadata"]["outlet"] in gone]
            if not pages:
                rows.append((oid, 0, None, None))
                continue
            without = clean_all(cleaner_without(gone), dev / "raw", pages, urls)
            rows.append((oid, len(pages), score(scorer, dev / "gold", pages, with_all, work, f"{oid}-with"),
                         score(scorer, dev / "gold", pages, without, work, f"{oid}-without")))
        bare = clean_all(cleaner_without(set(full.ruleset.outlets)), dev / "raw", ids, urls)
        rows.append(("(every outlet file)", len(ids), score(scorer, dev / "gold", ids, with_all, work, "all-with"),
                     score(scorer, dev / "gold", ids, bare, work, "all-without")))
    head = "F1     lost leaked " + " ".join(f.rjust(WIDTH[f]) for f in FIELDS) + "  fp"
    print(f"{'left out':22} {'pages':>5}  {'with the file':{len(head)}}  without it ({'no URL' if args.no_url else 'URL given'})")
    print(f"{'':22} {'':>5}  {head}  {head}")
    for oid, n, with_, without in rows:
        if with_ is None:
            print(f"{oid:22} {n:>5}  no dev page gets this file")
            continue
        print(f"{oid:22} {n:>5}  {cells(with_)}  {cells(without)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
