"""Running the test cases that rule files carry (``tests:`` in each YAML file).

A case gives an input (inline text, or a ``seed:`` page file named relative to the
rule file that declares it) and what must hold: text it contains / excludes,
dropped counts by category, metadata values, the outlet. ``run_case`` returns the
list of differences; empty means the case passes.
"""
from __future__ import annotations

import difflib
from pathlib import Path

from ..api import Cleaner
from ..ruleset.model import RuleCase
from ..text.normalise import folded_line


def seed_path(case: RuleCase) -> Path:
    """The case's seed file: relative to the rule file's folder (absolute as written), so a
    rule file's cases run alike from any folder, in a checkout or an installed package."""
    return Path(case.source).parent / Path(case.seed).expanduser()


def case_input(case: RuleCase) -> str:
    """The case's page text: inline, or the seed file it names (FileNotFoundError
    naming the seed and where it was looked for)."""
    if case.input is not None:
        return case.input
    if case.seed:
        path = seed_path(case)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise FileNotFoundError(f"seed {case.seed} not found (no file {path}; a seed is "
                                    "relative to its rule file)") from None
    raise ValueError("the case has neither input nor seed")


def run_case(cleaner: Cleaner, case: RuleCase) -> list[str]:
    """The differences between the case's expectations and the cleaned record (empty: it passes)."""
    rec = cleaner.clean_text(case_input(case), url=case.url, source=case.seed or f"<{case.name}>")
    md = rec.to_dict()["metadata"]
    text = folded_line(rec.text)
    exp, problems = case.expect, []
    for s in exp.get("contains", []):
        if folded_line(s) not in text:
            near = difflib.get_close_matches(s, rec.text.split("\n\n"), n=1, cutoff=0.3)
            problems.append(f"text lacks {s!r}" + (f"; nearest paragraph: {near[0]!r}" if near else ""))
    for s in exp.get("excludes", []):
        if folded_line(s) in text:
            problems.append(f"text still has {s!r}")
    if "text" in exp and folded_line(exp["text"]) != text:
        diff = difflib.unified_diff(_paragraphs(exp["text"]), _paragraphs(rec.text),
                                    "want", "got", lineterm="", n=1)
        problems.append("text differs:\n    " + "\n    ".join(diff))
    if "dropped" in exp:
        want = exp["dropped"]
        if not want and md["dropped"]:
            problems.append(f"nothing should be dropped, got {md['dropped']}")
        for cat, n in want.items():
            if md["dropped"].get(cat, 0) != n:
                problems.append(f"dropped {cat}: want {n}, got {md['dropped'].get(cat, 0)}")
    if "outlet" in exp and md["outlet"] != exp["outlet"]:
        problems.append(f"outlet: want {exp['outlet']!r}, got {md['outlet']!r}")
    for key, want in (exp.get("metadata") or {}).items():
        if key not in md:
            problems.append(f"metadata has no field {key!r}")
            continue
        got = md[key]
        if want in ("null", "~"):
            want = None
        if isinstance(want, list) and isinstance(got, list):
            ok = [folded_line(w) for w in want] == [folded_line(g) for g in got]
        elif isinstance(want, dict):
            ok = {k: str(v) for k, v in want.items()} == {k: str(got.get(k)) for k in want}
        elif want is None or got is None:
            ok = want is None and got is None
        else:
            ok = folded_line(str(got)) == folded_line(str(want))
        if not ok:
            problems.append(f"metadata {key}: want {want!r}, got {got!r}")
    return problems


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.splitlines() if p.strip()]
