"""Writing rule files: check, test, scaffold (``rules new``), mine (``rules suggest``),
and the JSON Schema that editors use, generated from the loader's own schema.

The command layer (``cmd_rules.py``) only parses arguments and prints; everything
here returns data, so the tests and other tools can call it directly.
"""
from __future__ import annotations

import datetime
import math
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import regex
import yaml

from . import ruleset as rs_mod
from .explain import explain_page
from .pipeline import Cleaner, Options, _host
from .readers import Page
from .ruleset import COMMON_ID, Outlet, RuleError, RuleSet, load_rule_file, ruleset_from
from .ruletests import case_input, run_case
from .signals import prose_like
from .structure import DOMAIN

# ------------------------------------------------------------------ JSON Schema
# Hover text for editors, by dotted key path ("drop.scope" is every drop entry's scope).
DESCRIPTIONS = {
    "": "A cleaner rule file: one outlet's patterns (or _common, the shared layer) and its tests.",
    "id": "Outlet id: lower case letters, digits, - or _. A user file with a built-in id overrides it.",
    "name": "Human name of the outlet.",
    "description": "Free text: what the site is, its template.",
    "extends": "Build on another outlet's rules (its drop rules, datelines, body_start, html, timezone).",
    "timezone": "Zone of printed times that carry none.",
    "match": "How a page is recognised: URL host, URL regex, or text markers (pages without a URL).",
    "match.hosts": "Hosts; each also matches its subdomains (www., m., amp. are ignored).",
    "match.url_patterns": "Regexes searched in the URL.",
    "match.text_markers": "Regexes searched in the first and last 3000 characters; the outlet with most hits wins.",
    "drop": "Drop rules: outlet rules run before the shared ones; first matching line rule wins.",
    "drop.id": "Rule id, unique in the file; reported as <outlet>:<id>.",
    "drop.pattern": "regex-module pattern searched in one whitespace-normalised line. Named groups fill "
                    "the record: " + ", ".join(rs_mod.CAPTURE_FIELDS) + ".",
    "drop.category": "What the dropped text is.",
    "drop.scope": "line: drop the line; span: cut the match out of the line; to_end: drop the line "
                  "and everything after it once the body has started.",
    "drop.zone": "Where the rule applies: any (before structure), header, body or tail.",
    "drop.note": "Free text: why the rule exists.",
    "datelines": "Regexes for the prefix that opens the body (\"KOMPAS.com -\").",
    "body_start": "Regexes for the line where the body starts.",
    "html": "HTML pages only: selectors (CSS or XPath) applied before extraction.",
    "html.checked": "When the selectors were last checked against live pages.",
    "html.body": "Selectors of the article body; the first that matches exactly one element wins.",
    "html.strip": "Category -> selectors of elements taken out (their text is accounted for).",
    "html.fallback": "generic: extract from the whole page when no body selector matches; none: fail.",
    "html.captions": "Selectors of photo captions (go to metadata.captions).",
    "html.related": "Selectors of related-article blocks (go to metadata.related).",
    "tests": "Test cases run by `cleaner rules test` and the test suite.",
    "tests.name": "Case name; the test id is <outlet>::<name>.",
    "tests.input": "The page text (keep it short: the lines that matter).",
    "tests.seed": "A page file, relative to the project root.",
    "tests.url": "The page's URL (outlet detection by host).",
    "tests.expect": "What must hold for the cleaned record.",
    "tests.expect.contains": "Texts the body must contain.",
    "tests.expect.excludes": "Texts the body must not contain.",
    "tests.expect.text": "The whole body, paragraph per line.",
    "tests.expect.dropped": "Dropped line counts by category ({} = nothing dropped).",
    "tests.expect.metadata": "Metadata values (null for none).",
    "tests.expect.outlet": "The outlet the page must be detected as.",
}


def _schema_node(kind: str, extra, path: str) -> dict:
    if kind in ("str", "pattern"):
        node = {"type": "string"}
    elif kind == "choice":
        node = {"enum": list(extra)}
    elif kind == "bool":
        node = {"type": "boolean"}
    elif kind.startswith("list["):
        node = {"type": "array", "items": _schema_node(kind[5:-1], extra, path)}
    elif kind == "map":
        node = _schema_object(extra, path)
    elif kind.startswith("map["):
        inner = {"type": "integer", "minimum": 0} if kind == "map[int]" else _schema_node(kind[4:-1], None, path)
        node = {"type": "object", "additionalProperties": inner}
        if extra:
            node["propertyNames"] = {"enum": list(extra)}
    elif kind == "any":
        node = {}
    else:
        raise AssertionError(kind)
    if path in DESCRIPTIONS:
        node = {"description": DESCRIPTIONS[path], **node}
    return node


def _schema_object(schema: dict, path: str) -> dict:
    props = {k: _schema_node(kind, extra, f"{path}.{k}" if path else k)
             for k, (kind, _req, extra) in schema.items()}
    node = {"type": "object", "properties": props, "additionalProperties": False}
    required = [k for k, (_kind, req, _extra) in schema.items() if req]
    if required:
        node["required"] = required
    return node


def json_schema() -> dict:
    """The rule-file schema for editors, built from the loader's own (``ruleset._FILE``)."""
    top = _schema_object(rs_mod._FILE, "")
    top["properties"]["id"]["pattern"] = r"^_?[a-z0-9][a-z0-9_-]*$"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "cleaner rule file", "description": DESCRIPTIONS[""], **top}


def schema_path() -> Path:
    return Path(__file__).resolve().parent / "schema" / "rules.schema.json"


def schema_line() -> str:
    """First line of a rule file: the installed schema, for yaml-language-server."""
    return f"# yaml-language-server: $schema={schema_path().as_uri()}"


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
            findings.append(Finding("error", f"{o.source}: extends: unknown outlet {o.extends!r}; "
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
def _node_lines(path: str) -> dict[str, int]:
    """'drop[3]', 'datelines[0]', 'match.text_markers[1]' -> line number (1-based)."""
    try:
        node = yaml.compose(Path(path).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return {}
    out = {}
    for k, v in getattr(node, "value", []):
        names = [(k.value, v)]
        if k.value == "match" and isinstance(v, yaml.MappingNode):
            names = [(f"match.{kk.value}", vv) for kk, vv in v.value]
        for name, seq in names:
            if isinstance(seq, yaml.SequenceNode):
                for i, item in enumerate(seq.value):
                    out[f"{name}[{i}]"] = item.start_mark.line + 1
    return out


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


def _check_outlet(cleaner: Cleaner | None, outlet: Outlet, pages: list[str]) -> list[Finding]:
    from .html import html_rules
    out, src = [], outlet.source
    lines = _node_lines(src)
    if cleaner is None:
        return out
    rs = cleaner.ruleset
    if outlet.id != COMMON_ID:
        seen, o = [], outlet
        while o is not None and o.extends:
            if o.id in seen:
                out.append(Finding("error", f"{src}: extends: the chain {' -> '.join(seen + [o.id])} "
                                            "comes back to itself"))
                break
            seen.append(o.id)
            o = rs.outlets.get(o.extends)
        if outlet.html:
            try:
                html_rules(cleaner, outlet)
            except RuleError as exc:
                out.append(Finding("error", str(exc)))
    for i, rule in enumerate(outlet.rules):
        if rule.scope in ("line", "to_end") and not anchored(rule.pattern.pattern):
            out.append(Finding("warning", f"{src}:{lines.get(f'drop[{i}]', '?')}: drop[{i}] {rule.id}: "
                                          f"{rule.scope} pattern is not anchored (no ^ at its start): "
                                          "it drops any line that merely contains it"))
    # What the file's own cases exercise.
    hit, inputs = set(), []
    for case in outlet.cases:
        try:
            text = case_input(case)
        except (OSError, ValueError) as exc:
            out.append(Finding("error", f"{src}: tests: case {case.name!r}: {exc}"))
            continue
        inputs.append(text)
        c = _cleaner(rs, keep_dropped=True)
        try:
            rec = c.clean_text(text, url=case.url, source=f"<{case.name}>")
        except Exception as exc:  # noqa: BLE001 - reported, the check goes on
            out.append(Finding("error", f"{src}: tests: case {case.name!r}: {exc}"))
            continue
        hit |= {d.rule for d in rec.metadata.dropped_lines or []}
        if not rec.text.strip():
            out.append(Finding("warning", f"{src}: tests: case {case.name!r}: the rules drop every "
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
            if outlet.cases and not any(pat.search(h, timeout=0.25) for h in hay):
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
        return not self.problems


def test_files(files: list[str], dirs: list[str]) -> tuple[list[CaseResult], list[Finding]]:
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


# ------------------------------------------------------------------ patterns from lines
# Characters with a meaning in a pattern; everything else is itself.
_SPECIAL = set("\\.^$*+?{}[]()|")


def line_pattern(variants: list[str]) -> str:
    """An anchored pattern that matches each variant (digits become \\d+; case-insensitive
    when the variants differ only in case)."""
    text = Counter(variants).most_common(1)[0][0]
    body = "".join(r"\d+" if regex.fullmatch("[0-9]+", part) else
                   "".join("\\" + ch if ch in _SPECIAL else ch for ch in part)
                   for part in regex.split(r"([0-9]+)", text) if part)
    body = regex.sub(r"(?:\\d\+)+", r"\\d+", body)
    flags = "(?i)" if len({v for v in variants}) > 1 and len({v.casefold() for v in variants}) == 1 else ""
    return f"{flags}^{body}$"


def line_key(text: str) -> str:
    return regex.sub(r"[0-9]+", "0", " ".join(text.split()).casefold())


def slug(text: str, words: int = 4) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    parts = regex.findall(r"[a-z0-9]+", ascii_text)
    parts = [p for p in parts if not p.isdigit()] or parts
    return "-".join(parts[:words]) or "line"


def yaml_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# Indonesian words that say what a repeated line is; a first guess for the author.
_GUESSES = (
    ("copyright", r"(?i)©|\bcopyright\b|hak cipta|all rights reserved"),
    ("crosslink", r"(?i)^(?:baca|simak|lihat)\b|berita terkait|artikel terkait"),
    ("social", r"(?i)\b(?:follow|ikuti|instagram|facebook|twitter|youtube|tiktok|whatsapp|telegram|"
               r"google news|bagikan|share)\b"),
    ("ad", r"(?i)\b(?:download|unduh|aplikasi|langganan|subscribe|iklan|advertisement|promo|dapatkan)\b"),
    ("editor", r"(?i)^editor\b"),
    ("byline", r"(?i)^(?:penulis|reporter|wartawan|pewarta)\b"),
    ("tags", r"(?i)^(?:tags?|topik)\b"),
    ("recommendation", r"(?i)\b(?:rekomendasi|terpopuler|terkini|pilihan|populer)\b"),
)


def guess_category(text: str) -> str:
    for cat, pat in _GUESSES:
        if regex.search(pat, text):
            return cat
    words = text.split()
    if len(words) <= 4 and not text.rstrip().endswith((".", "!", "?", '"', "”")):
        return "nav"
    return "other"


@dataclass
class Candidate:
    text: str
    pages: int
    category: str
    pattern: str
    id: str = ""
    variants: list[str] = field(default_factory=list)


def _unique_ids(cands: list[Candidate], taken: set[str]) -> None:
    for c in cands:
        base = c.id or slug(c.text)
        rid, n = base, 2
        while rid in taken:
            rid, n = f"{base}-{n}", n + 1
        taken.add(rid)
        c.id = rid


# ------------------------------------------------------------------ rules suggest
# Defaults of `rules suggest`: a line is a candidate when it stays in the body of
# at least MIN_PAGES pages and of MIN_SHARE of all pages. Menus, slogans and
# footers sit on nearly every page of a site; a real sentence repeats on two
# pages at most (a syndicated quote). Lower them on a small sample.
MIN_PAGES = 2
MIN_SHARE = 0.1


def mine(cleaner: Cleaner, paths: list[str], *, min_pages: int = MIN_PAGES,
         min_share: float = MIN_SHARE) -> tuple[int, list[Candidate], list[str]]:
    """Body lines that repeat across pages, by document frequency (pages that keep
    them), most frequent first. Returns (pages read, candidates, errors)."""
    df: Counter = Counter()
    variants: dict[str, list[str]] = defaultdict(list)
    n, errors, bodies = 0, [], set()
    for source, rec, error in cleaner.clean_paths(paths):
        if error:
            errors.append(f"{source}: {error}")
            continue
        # The same article saved twice would count its sentences as repeats.
        body = hash(rec.text)
        if body in bodies:
            errors.append(f"{source}: same body as an earlier page; skipped")
            continue
        bodies.add(body)
        n += 1
        seen = set()
        for para in rec.text.split("\n\n"):
            para = " ".join(para.split())
            if len(para) < 3:
                continue
            key = line_key(para)
            if key not in seen:
                seen.add(key)
                df[key] += 1
                if len(variants[key]) < 20:
                    variants[key].append(para)
    floor = page_floor(n, min_pages, min_share)
    out = []
    for key, count in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])):
        if count < floor:
            break
        vs = variants[key]
        text = Counter(vs).most_common(1)[0][0]
        out.append(Candidate(text, count, guess_category(text), line_pattern(vs), variants=vs))
    _unique_ids(out, set())
    return n, out, errors


def page_floor(n: int, min_pages: int = MIN_PAGES, min_share: float = MIN_SHARE) -> int:
    return max(min_pages, math.ceil(min_share * n))


def drop_entries(cands: list[Candidate], total: int | None = None, indent: str = "  ") -> list[str]:
    lines = []
    for c in cands:
        shown = c.text if len(c.text) <= 100 else c.text[:97] + "..."
        where = f"{c.pages}/{total} pages" if total else f"{c.pages} page{'s' * (c.pages != 1)}"
        lines += [f"{indent}# {where}: {shown}",
                  f"{indent}- id: {c.id}",
                  f"{indent}  category: {c.category}",
                  f"{indent}  pattern: {yaml_quote(c.pattern)}"]
    return lines


# ------------------------------------------------------------------ rules new
# Public suffixes with two labels common on Indonesian sites: the outlet's host
# is the label before them (news.detik.com -> detik.com, x.go.id stays).
TWO_LABEL_SUFFIXES = ("co.id", "or.id", "ac.id", "go.id", "web.id", "my.id", "sch.id", "net.id",
                      "biz.id", "co.uk")
# Categories worth an explicit outlet rule when the generic layer found them by
# structure alone: site furniture, not the article's own title, lead or byline.
FURNITURE = ("nav", "footer", "copyright", "social", "ad", "widget", "recommendation", "tags", "other")


def site_host(host: str) -> str:
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
    hosts = sorted({site_host(h) for h in (_host(u) for u in [url, *(e.url for e in explained)]) if h})
    datelines = [e.record.metadata.dateline for e in explained if e.record.metadata.dateline]
    markers = list(dict.fromkeys(m for m in map(_marker_for_dateline, datelines) if m))
    n = len(explained)
    # Lines by document frequency, with the verdict the generic layer gave them.
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
    # A footer marker: a line on every page (or most), dropped as copyright/footer.
    for key, count in df.most_common():
        text, cat, _rule = info[key]
        if count >= max(1, math.ceil(n / 2)) and cat in ("copyright", "footer") and len(markers) < 3:
            markers.append("(?m)" + line_pattern([text]))
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
    _unique_ids(proposals, set())
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
    out.append(f"      outlet: {oid}")
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
    gone = [ln.text[:80] for ln in e.lines if ln.verdict == "drop" and ln.category not in ("title", "lead")]
    if gone:
        out.append("      excludes: [" + ", ".join(map(yaml_quote, list(dict.fromkeys(gone))[:10])) + "]")
    counts = Counter(ln.category for ln in e.lines if ln.verdict == "drop")   # not html-stripped ones:
    counts.update(x.category for ln in e.lines for x in ln.cuts)          # the input is the text
    out.append("      dropped: {" + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) + "}")
    return out

