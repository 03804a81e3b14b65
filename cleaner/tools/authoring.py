"""Writing rule files: check (``rules check``), test (``rules test``) and scaffold
(``rules new``). Mining pages is ``suggest.py``; the editor schema ``rules_schema.py``.

The command layer (``cmd_rules.py``) only parses arguments and prints; everything
here returns data, so the tests and other tools can call it directly.
"""
from __future__ import annotations

import datetime
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from .. import ruleset as rs_mod
from ..api import Cleaner, Options
from ..core.structure.shapes import DOMAIN
from ..html import html_rules
from ..html.fast import rule_selectors
from ..model.page import Page
from ..ruleset import COMMON_ID, Outlet, RuleError, RuleSet, load_rule_file, ruleset_from
from ..ruleset.detect import host_of, safe_search
from ..ruleset.lexbor_css import Unsupported, fast_selector
from ..ruleset.schema import schema_line
from ..text.normalise import folded_line
from ..text.signals import prose_like
from .explain import explain_page
from .ruletests import case_input, run_case
from .suggest import (
    Candidate,
    drop_entries,
    guess_category,
    line_key,
    line_pattern,
    slug,
    unique_ids,
    yaml_quote,
)


# ------------------------------------------------------------------ loading for the commands
@dataclass
class Finding:
    level: str          # "error" | "warning"
    message: str        # "file:line: key: problem"

    def __str__(self) -> str:
        return f"{self.level}: {self.message}"


def rule_paths(files: list[str], dirs: list[str]) -> list[Path]:
    """The files named, or every rule file of the built-in and user folders."""
    if files:   # a folder stands for its rule files
        return [q for f in map(Path, files) for q in (rs_mod.rule_files([f]) if f.is_dir() else [f])]
    return rs_mod.rule_files(rs_mod.rule_dirs(dirs))


def load_with(files: list[Path], dirs: list[str]) -> tuple[Cleaner | None, list[Outlet], list[Finding]]:
    """A cleaner whose rules are the folders' plus ``files`` (overriding by id), the
    outlets the files define, and one error per file that does not load."""
    findings, mine = [], []
    for path in files:
        try:
            mine.append(load_rule_file(path))
        except RuleError as exc:
            findings.append(Finding("error", str(exc)))
    base = []
    for path in rs_mod.rule_files(rs_mod.rule_dirs(dirs)):
        if any(path.resolve() == f.resolve() for f in files):
            continue
        try:
            base.append(load_rule_file(path))
        except RuleError as exc:     # a broken file beside them breaks every real run too
            findings.append(Finding("error", str(exc)))
    ids = {o.id for o in base + mine}
    for o in base + mine:
        if o.extends and o.extends not in ids:
            findings.append(Finding("error", f"{o.where('extends')}: extends: unknown outlet {o.extends!r}; "
                                             f"known: {', '.join(sorted(ids - {COMMON_ID}))}"))
    usable = [o for o in base + mine if not o.extends or o.extends in ids]
    try:
        ruleset = ruleset_from(usable)
    except RuleError as exc:
        findings.append(Finding("error", str(exc)))
        return None, mine, findings
    return _cleaner(ruleset), [o for o in mine if o in usable], findings


def _cleaner(ruleset: RuleSet, **opts) -> Cleaner:
    c = Cleaner.__new__(Cleaner)
    c.options, c.ruleset = Options(**opts), ruleset
    return c


# ------------------------------------------------------------------ rules check
def anchored(pattern: str) -> bool:
    """Does every alternative of the pattern start at the line's start (^ or \\A)?
    Leading inline flags are skipped; a group whose alternatives are all anchored
    counts as anchored."""
    p = regex.sub(r"^\(\?[a-zA-Z]+\)", "", pattern)
    return all(_branch_anchored(b) for b in _top_branches(p))


def _top_branches(p: str) -> list[str]:
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(p):
        ch = p[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if p[i + 1:i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(p[start:i])
            start = i + 1
        i += 1
    return out + [p[start:]]


def _branch_anchored(b: str) -> bool:
    if b.startswith(("^", "\\A")):
        return True
    m = regex.match(r"\((?:\?:|\?[a-zA-Z]+:|\?P<\w+>)?", b)
    if b.startswith("(") and m and not b.startswith(("(?=", "(?!", "(?<")):
        depth, i = 0, 0
        while i < len(b):          # the group's own text, to its closing parenthesis
            if b[i] == "\\":
                i += 2
                continue
            depth += b[i] == "("
            depth -= b[i] == ")"
            if depth == 0:
                break
            i += 1
        return anchored(b[m.end():i])
    return False


def check_files(files: list[str], dirs: list[str], pages: list[str] | None = None
                ) -> tuple[list[Finding], int]:
    """Errors (file, line, key, nearest valid key) and warnings for rule files."""
    paths = rule_paths(files, dirs)
    cleaner, outlets, findings = load_with(paths, dirs)
    for outlet in outlets:
        findings += _check_outlet(cleaner, outlet, pages or [])
    return findings, len(paths)


def untranslated(html: dict) -> list[str]:
    """Why each html selector that the fast engine cannot run (XPath outside what
    ruleset/lexbor_css.py translates) sends the outlet's pages to the trafilatura engine."""
    found = []
    for sel in rule_selectors(html):
        try:
            fast_selector(sel)
        except Unsupported as exc:
            found.append(f"{sel!r}: the fast HTML engine cannot run it ({exc}); this outlet's pages "
                         "are read by the trafilatura engine")
    return found


def _check_outlet(cleaner: Cleaner | None, outlet: Outlet, pages: list[str]) -> list[Finding]:
    out, src = [], outlet.source
    lines = outlet.lines
    if cleaner is None:
        return out
    rs = cleaner.ruleset
    if outlet.id != COMMON_ID:
        seen, o = [], outlet
        while o is not None and o.extends:
            if o.id in seen:
                out.append(Finding("error", f"{outlet.where('extends')}: extends: the chain "
                                            f"{' -> '.join(seen + [o.id])} "
                                            "comes back to itself"))
                break
            seen.append(o.id)
            o = rs.outlets.get(o.extends)
        if outlet.html:
            try:
                html_rules(cleaner, outlet)
            except RuleError as exc:
                out.append(Finding("error", str(exc)))
            out += [Finding("warning", f"{src}: html: {why}") for why in untranslated(outlet.html)]
    for i, rule in enumerate(outlet.rules):
        if rule.scope in ("line", "to_end") and not anchored(rule.pattern.pattern):
            out.append(Finding("warning", f"{src}:{lines.get(f'drop[{i}]', '?')}: drop[{i}] {rule.id}: "
                                          f"{rule.scope} pattern is not anchored (no ^ at its start): "
                                          "it drops any line that merely contains it"))
    # What the file's own cases exercise.
    hit, inputs = set(), []
    for i, case in enumerate(outlet.cases):
        where = outlet.where(f"tests[{i}]")
        try:
            text = case_input(case)
        except (OSError, ValueError) as exc:
            out.append(Finding("error", f"{where}: tests: case {case.name!r}: {exc}"))
            continue
        inputs.append(text)
        c = _cleaner(rs, keep_dropped=True)
        try:
            rec = c.clean_text(text, url=case.url, source=f"<{case.name}>")
        except Exception as exc:  # noqa: BLE001 - reported, the check goes on
            out.append(Finding("error", f"{where}: tests: case {case.name!r}: {exc}"))
            continue
        hit |= {d.rule for d in rec.metadata.dropped_lines or []}
        if not rec.text.strip():
            out.append(Finding("warning", f"{where}: tests: case {case.name!r}: the rules drop every "
                                          "line of its input"))
    if not outlet.cases:
        out.append(Finding("warning", f"{src}: tests: no test case; `cleaner rules new` writes one per page"))
    for i, rule in enumerate(outlet.rules):
        if outlet.cases and rule.qualified_id not in hit:
            out.append(Finding("warning", f"{src}:{lines.get(f'drop[{i}]', '?')}: drop[{i}] {rule.id}: "
                                          "no test case exercises this pattern"))
    text_lines = [" ".join(ln.split()) for t in inputs for ln in t.splitlines() if ln.strip()]
    for key, pats, hay in (("datelines", outlet.datelines, text_lines),
                           ("body_start", outlet.body_start, text_lines),
                           ("match.text_markers", outlet.text_markers, inputs)):
        for i, pat in enumerate(pats):
            if outlet.cases and not any(safe_search(pat, h) for h in hay):
                out.append(Finding("warning", f"{src}:{lines.get(f'{key}[{i}]', '?')}: {key}[{i}]: "
                                              "no test case input matches this pattern"))
    if pages and outlet.id != COMMON_ID:
        c = _cleaner(rs, outlet=outlet.id)
        for source, rec, error in c.clean_paths(pages):
            if error is None and not rec.text.strip():
                out.append(Finding("warning", f"{src}: the rules drop every line of page {source}"))
    return out


# ------------------------------------------------------------------ rules test
@dataclass
class CaseResult:
    outlet: str
    name: str
    source: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        """True when the case passed."""
        return not self.problems


def test_files(files: list[str], dirs: list[str]) -> tuple[list[CaseResult], list[Finding]]:
    """Run the cases of the rule files (every loaded file when none given)."""
    paths = rule_paths(files, dirs)
    cleaner, outlets, findings = load_with(paths, dirs)
    results = []
    if cleaner is None:
        return results, findings
    for outlet in outlets:
        for case in outlet.cases:
            try:
                problems = run_case(cleaner, case)
            except Exception as exc:  # noqa: BLE001 - a broken case is a failed case
                problems = [f"{type(exc).__name__}: {exc}"]
            results.append(CaseResult(outlet.id, case.name, outlet.source, problems))
    return results, findings


# ------------------------------------------------------------------ rules new
# Public suffixes with two labels common on Indonesian sites: the outlet's host
# is the label before them (news.detik.com -> detik.com, x.go.id stays).
TWO_LABEL_SUFFIXES = ("co.id", "or.id", "ac.id", "go.id", "web.id", "my.id", "sch.id", "net.id",
                      "biz.id", "co.uk")
# Categories worth an explicit outlet rule when the generic layer found them by
# structure alone: site furniture, not the article's own title, lead or byline.
FURNITURE = ("nav", "footer", "copyright", "social", "ad", "widget", "recommendation", "tags", "other")


def site_host(host: str) -> str:
    """The host a site's rule file should match (its registrable part)."""
    labels = host.split(".")
    keep = 3 if ".".join(labels[-2:]) in TWO_LABEL_SUFFIXES else 2
    return ".".join(labels[-keep:])


def _marker_for_dateline(dateline: str) -> str | None:
    m = DOMAIN.search(dateline)
    brand = m.group(0) if m else regex.match(r"[\p{Lu}][\p{Lu}0-9]{2,}", dateline)
    brand = brand if isinstance(brand, str) else (brand.group(0) if brand else None)
    if not brand:
        return None
    return r"(?m)^(?:[\p{Lu}][\p{L}. ]{1,30},\s*)?" + line_pattern([brand])[1:-1] + r"\s*[-–—]"


@dataclass
class Scaffold:
    text: str
    pages: list[str]
    errors: list[str]


def _line_frequencies(explained) -> tuple[Counter, dict[str, tuple[str, str | None, str | None]]]:
    """Lines by document frequency, with the verdict the generic layer gave them."""
    df: Counter = Counter()
    info: dict[str, tuple[str, str | None, str | None]] = {}
    for e in explained:
        seen = set()
        for ln in e.lines:
            key = line_key(ln.text)
            if key in seen or len(ln.text) < 3:
                continue
            seen.add(key)
            df[key] += 1
            info.setdefault(key, (ln.text, ln.category, ln.rule))
    return df, info


def _proposals(df: Counter, info: dict, n: int) -> tuple[list[Candidate], Counter]:
    """Drop entries proposed from the lines' frequencies and verdicts, and how often
    existing rules already dropped lines."""
    proposals, common_hits = [], Counter()
    for key, count in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])):
        text, cat, rule = info[key]
        if rule and not rule.startswith("structure:"):
            common_hits[rule] += count
            continue
        repeated = count >= 2 or n == 1
        if rule and rule.startswith("structure:") and cat in FURNITURE and repeated:
            proposals.append(Candidate(text, count, cat, line_pattern([text])))
        elif rule and rule.startswith("structure:") and cat == "section" and n >= 2 and count == n:
            # the same "section" label above every headline is the site's menu
            proposals.append(Candidate(text, count, "nav", line_pattern([text])))
        elif rule is None and n >= 2 and count >= max(2, math.ceil(n / 2)) and not prose_like(text):
            # (prose that repeats is left to `rules suggest`, where the author sees the ranking)
            proposals.append(Candidate(text, count, guess_category(text), line_pattern([text])))
    unique_ids(proposals, set())
    return proposals, common_hits


def scaffold(cleaner: Cleaner, oid: str, pages: list[Page], url: str | None = None) -> Scaffold:
    """A rule file for outlet ``oid`` from sample pages, prefilled with today's output."""
    explained, errors, ok_pages = [], [], []
    for page in pages:
        if url and len(pages) == 1:
            page.url = url
        try:
            explained.append(explain_page(cleaner, page))
            ok_pages.append(page)
        except Exception as exc:  # noqa: BLE001 - one bad page never stops the others
            errors.append(f"{page.source}: {exc}")
    hosts = sorted({site_host(h) for h in (host_of(u) for u in [url, *(e.url for e in explained)]) if h})
    datelines = [e.record.metadata.dateline for e in explained if e.record.metadata.dateline]
    markers = list(dict.fromkeys(m for m in map(_marker_for_dateline, datelines) if m))
    n = len(explained)
    df, info = _line_frequencies(explained)
    # A footer marker: a line on every page (or most), dropped as copyright/footer.
    for key, count in df.most_common():
        text, cat, _rule = info[key]
        if count >= max(1, math.ceil(n / 2)) and cat in ("copyright", "footer") and len(markers) < 3:
            markers.append("(?m)" + line_pattern([text]))
    proposals, common_hits = _proposals(df, info, n)
    today = datetime.date.today().isoformat()
    out = [schema_line(),
           f"# {oid}: scaffolded by `cleaner rules new` on {today} from {n} page(s).",
           "# Correct it, then: cleaner rules test THIS_FILE; cleaner explain PAGE --rules THIS_FOLDER",
           f"id: {oid}",
           f"name: {oid}",
           "timezone: WIB                   # of printed times without a zone: WIB, WITA or WIT",
           "",
           "match:"]
    out.append(f"  hosts: [{', '.join(hosts)}]" if hosts else
               "  hosts: []                     # no URL given (--url): add the site's host")
    if markers:
        out.append("  text_markers:                 # for pages without a URL")
        out += [f"    - {yaml_quote(m)}" for m in markers]
    else:
        out.append("  # text_markers: []           # no dateline or footer found on the pages")
    out.append("")
    shared = [d for d in datelines]
    if shared:
        out.append("# The shared datelines already read this site's: " +
                   ", ".join(repr(d) for d in dict.fromkeys(shared)) + ".")
    else:
        out.append("# No dateline found on these pages: add datelines: ['^PATTERN'] if the body "
                   "opens with one.")
    if common_hits:
        out.append("# Already dropped by existing rules on these pages (lines): " +
                   ", ".join(f"{r} {k}" for r, k in common_hits.most_common(12)))
    out.append("drop:" if proposals else "drop: []")
    if proposals:
        out.append("  # Proposed from what the generic layer drops (or keeps on most pages);")
        out.append("  # check each category, generalise each pattern, delete what is not furniture.")
        out += drop_entries(proposals, n)
    # The cases hold the output with this very file in place, so they pass as
    # written; the author corrects what is still wrong and sees it fail.
    head = "\n".join(out) + "\n"
    new = rs_mod.build_outlet(rs_mod.parse_rule_text(head, f"{oid}.yaml"), f"{oid}.yaml")
    rs = cleaner.ruleset
    with_new = _cleaner(RuleSet(rs.common, {**rs.outlets, oid: new}, rs.version))
    explained = [explain_page(with_new, p) for p in ok_pages]
    out += ["", "tests:",
            "  # One case per page, prefilled with today's output: correct the expectations,",
            "  # then cut each input down to the lines that matter (header, first and last",
            "  # paragraphs, the furniture your rules drop)."]
    names: set[str] = set()
    for e in explained:
        out += _case_yaml(e, oid, names)
    return Scaffold("\n".join(out) + "\n", [e.source for e in explained], errors)


def _case_yaml(e, oid: str, names: set[str]) -> list[str]:
    md = e.record.metadata
    name = slug(Path(e.source).stem, 6)
    base, k = name, 2
    while name in names:
        name, k = f"{base}-{k}", k + 1
    names.add(name)
    text = "\n".join(ln.text for ln in e.lines)
    text = regex.sub(r"[\u2028\u2029\x85]", " ", text)
    out = [f"  - name: {name}"]
    if e.kind == "html":
        out.append("    # the text extracted from the HTML page; check html: selectors with cleaner explain")
    if e.url:
        out.append(f"    url: {yaml_quote(e.url)}")
    out.append("    input: |")
    out += [f"      {ln}" for ln in text.splitlines()]
    out.append("    expect:")
    if md.outlet == oid:
        out.append(f"      outlet: {oid}")
    else:       # the case must pass as written: say why the outlet is not expected
        out.append(f"      # outlet: {oid}    (not detected: no url and no match.text_markers hit; add one, "
                   "then this line)")
    # Only what the text stages found: for an HTML page the input is its extracted
    # text, so values read from the markup (meta tags, html: selectors) cannot hold.
    from_text = {m.field for m in e.metadata if m.stage != "html"}
    meta = {k: getattr(md, k) for k in ("title", "published", "dateline", "editor", "authors")
            if getattr(md, k) and k in from_text}
    if meta:
        out.append("      metadata:")
        for k, v in meta.items():
            val = "[" + ", ".join(map(yaml_quote, v)) + "]" if isinstance(v, list) else yaml_quote(str(v))
            out.append(f"        {k}: {val}")
    paras = [p for p in e.record.text.split("\n\n") if p.strip()]
    if paras:
        picks = list(dict.fromkeys([paras[0][:80], paras[-1][:80]]))
        out.append("      contains: [" + ", ".join(map(yaml_quote, picks)) + "]")
    # A dropped line whose text the body still holds (kept elsewhere on the page, or
    # inside a kept paragraph) cannot be excluded: the case would fail as written.
    body = folded_line(e.record.text)
    gone = [ln.text[:80] for ln in e.lines if ln.verdict == "drop" and ln.category not in ("title", "lead")
            and folded_line(ln.text[:80]) not in body]
    if gone:
        out.append("      excludes: [" + ", ".join(map(yaml_quote, list(dict.fromkeys(gone))[:10])) + "]")
    counts = Counter(ln.category for ln in e.lines if ln.verdict == "drop")   # not html-stripped ones:
    counts.update(x.category for ln in e.lines for x in ln.cuts)          # the input is the text
    out.append("      dropped: {" + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) + "}")
    return out

