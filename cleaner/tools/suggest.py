"""Mining pages for boilerplate (``cleaner rules suggest``) and turning lines into
ready-to-paste drop entries: escaped, anchored patterns, ids, a first category.
"""
from __future__ import annotations

import math
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import regex

from ..api import Cleaner

# Characters with a meaning in a pattern; everything else is itself.
_SPECIAL = set("\\.^$*+?{}[]()|")


def _escaped(text: str) -> str:
    """The text as a pattern body: special characters escaped, every number \\d+."""
    body = "".join(r"\d+" if regex.fullmatch("[0-9]+", part) else
                   "".join("\\" + ch if ch in _SPECIAL else ch for ch in part)
                   for part in regex.split(r"([0-9]+)", text) if part)
    return regex.sub(r"(?:\\d\+)+", r"\\d+", body)


def line_pattern(variants: list[str]) -> str:
    """An anchored pattern that matches each variant (digits become \\d+; case-insensitive
    when the variants differ in case, with full case folding where simple folding does
    not cover them: "Straße" / "STRASSE"; an alternation of the forms where neither does),
    checked with the engine the rule loader compiles patterns with."""
    text = Counter(variants).most_common(1)[0][0]
    body = _escaped(text)
    forms = sorted({regex.sub(r"[0-9]+", "0", v) for v in variants})
    if len(forms) == 1:
        return f"^{body}$"
    for flags in ("(?i)", "(?fi)"):
        pattern = f"{flags}^{body}$"
        compiled = regex.compile(pattern, regex.V0)
        if all(compiled.fullmatch(v) for v in set(variants)):
            return pattern
    return "^(?:" + "|".join(sorted({_escaped(v) for v in variants})) + ")$"


# Curly and straight quotes: one site prints “Ikuti”, another page of it "Ikuti".
_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′"} | {c: '"' for c in "“”„‟″"})


def line_key(text: str) -> str:
    """The key lines are counted by: spaces, case and quote marks folded, every number made 0."""
    return regex.sub(r"[0-9]+", "0", " ".join(text.split()).casefold().translate(_QUOTES))


def slug(text: str, words: int = 4) -> str:
    """A rule id from the first words of a line."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    parts = regex.findall(r"[a-z0-9]+", ascii_text)
    parts = [p for p in parts if not p.isdigit()] or parts
    return "-".join(parts[:words]) or "line"


def yaml_quote(text: str) -> str:
    """The text as a single-quoted YAML scalar."""
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
    """A likely category for a repeated line, by its words."""
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
    # rule id -> pages on which that rule drops the same line: a rule to widen, perhaps,
    # rather than a new one
    dropped_elsewhere: dict[str, int] = field(default_factory=dict)


def unique_ids(cands: list[Candidate], taken: set[str]) -> None:
    """Give each candidate a rule id not yet taken."""
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
         min_share: float = MIN_SHARE, already: Counter | None = None) -> tuple[int, list[Candidate], list[str]]:
    """Body lines that repeat across pages, by document frequency (pages that keep
    them, or on which only the structure passes dropped them; kept on one page at
    least), most frequent first. Returns (pages read, candidates, errors). ``already``
    (with a cleaner that keeps dropped lines) receives, per rule, the pages on which it
    dropped a line that repeats as often (dropped on that many pages, by whatever rule):
    the boilerplate the rules cover today. The structure passes are named only for
    lines no rule drops anywhere."""
    df: Counter = Counter()
    dropped_df: Counter = Counter()
    # pages on which only the structure passes dropped the line: a guess by its place
    # on the page, which the same line elsewhere on the site may escape (a rule is sure)
    guessed_df: Counter = Counter()
    # line key -> rule -> pages on which that rule dropped the line
    dropped_by: dict[str, Counter] = defaultdict(Counter)
    # line key -> its texts (a page's text once per page), at most MAX_FORMS distinct ones
    variants: dict[str, Counter] = defaultdict(Counter)
    n, errors, bodies = 0, [], set()
    for source, rec, error in cleaner.clean_paths(paths):
        if error:
            errors.append(f"{source}: {error}")
            continue
        # The same article saved twice would count its sentences as repeats (pages
        # whose body comes out empty are not the same article).
        body = hash(rec.text)
        if rec.text and body in bodies:
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
                _add_form(variants[key], para)
        # Each dropped line's key once per page, with the rules that dropped it there.
        dropped: dict[str, tuple[set[str], str]] = {}
        for d in rec.metadata.dropped_lines or ():
            key = line_key(d.text)
            rules, text = dropped.get(key, (set(), " ".join(d.text.split())))
            dropped[key] = (rules | {d.rule}, text)
        for key, (rules, text) in dropped.items():
            dropped_df[key] += 1
            dropped_by[key].update(rules)
            if key not in seen and all(r.startswith("structure:") for r in rules):
                guessed_df[key] += 1
                _add_form(variants[key], text)
    floor = page_floor(n, min_pages, min_share)
    out, suggested = [], set()
    counts = {key: kept + guessed_df[key] for key, kept in df.items()}
    for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if count < floor:
            break
        forms = variants[key]
        text = forms.most_common(1)[0][0]
        ruled = {r: k for r, k in sorted(dropped_by.get(key, {}).items()) if not r.startswith("structure:")}
        out.append(Candidate(text, count, guess_category(text), line_pattern(list(forms.elements())),
                             dropped_elsewhere=ruled))
        suggested.add(key)
    if already is not None:
        for key, count in dropped_df.items():
            if count < floor or len(key) < 3 or key in suggested:
                continue
            by = dropped_by[key]
            # a rule's own pages; the structure passes only where no rule drops the line
            ruled = any(not r.startswith("structure:") for r in by)
            for rule, pages in by.items():
                if not (ruled and rule.startswith("structure:")):
                    already[rule] = max(already[rule], pages)
    unique_ids(out, set())
    return n, out, errors


# Distinct texts kept per line key: enough for every case and number form a site prints
# (the pattern must match each), few enough for a crawl of many pages.
MAX_FORMS = 20


def _add_form(forms: Counter, text: str) -> None:
    """Count one page's text of a line (a new form only while fewer than MAX_FORMS)."""
    if text in forms or len(forms) < MAX_FORMS:
        forms[text] += 1


def page_floor(n: int, min_pages: int = MIN_PAGES, min_share: float = MIN_SHARE) -> int:
    """On how many pages no rule may drop a line for it to be suggested."""
    return max(min_pages, math.ceil(min_share * n))


def drop_entries(cands: list[Candidate], total: int | None = None, indent: str = "  ") -> list[str]:
    """The candidates as YAML drop entries, ready to paste."""
    lines = []
    for c in cands:
        shown = c.text if len(c.text) <= 100 else c.text[:97] + "..."
        where = f"{c.pages}/{total} pages" if total else f"{c.pages} page{'s' * (c.pages != 1)}"
        lines.append(f"{indent}# {where}: {shown}")
        if c.dropped_elsewhere:
            rules = ", ".join(f"{r} on {k}" for r, k in c.dropped_elsewhere.items())
            lines.append(f"{indent}# (dropped elsewhere by {rules}: that rule may need widening instead)")
        lines += [f"{indent}- id: {c.id}",
                  f"{indent}  category: {c.category}",
                  f"{indent}  pattern: {yaml_quote(c.pattern)}"]
    return lines
