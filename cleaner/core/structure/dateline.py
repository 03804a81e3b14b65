"""The dateline: the prefix that opens the body ("TRIBUNNEWS.COM -", "Jakarta (ANTARA) -"),
by the outlet's patterns (rule files' ``datelines``, then _common's); a dateline alone on
its line by its shape (:func:`place_brand_alone`)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...ruleset.matcher import cached_prefilter, fold
from ...text.signals import HEADLINE_MAX_WORDS, MEMO_MAX, active_cache, count_words, memo_slot, prose_like
from .shapes import PLACE_BRAND_MAX_WORDS, PLACE_BRAND_TITLE_MAX_WORDS, dateline_alone

if TYPE_CHECKING:
    from .state import Page

# (text, patterns) -> match_dateline's answer, in the document's signal memo.
_DATELINES = memo_slot("match_dateline")
_MISS = object()


def patterns_key(patterns) -> tuple:
    """What :func:`match_dateline`'s answers depend on besides the text: each pattern's
    ``key`` (marking.Guarded: the pattern, and whether it was off for the page), not
    the Guarded objects, which each pass makes anew."""
    return tuple(getattr(p, "key", p) for p in patterns)


def match_dateline(text: str, patterns, patterns_key_: tuple | None = None) -> str | None:
    """The dateline opening ``text``, by the first of ``patterns`` (marking.Guarded:
    each runs with its timeout) that matches; None when none does. ``patterns_key_``:
    :func:`patterns_key` of them, when the caller keeps it."""
    cache = active_cache(_DATELINES)
    pkey = patterns_key(patterns) if patterns_key_ is None else patterns_key_
    key = (text, pkey)
    found = cache.get(key, _MISS)       # not try/except KeyError: most look-ups miss
    if found is not _MISS:
        return found
    if len(cache) >= MEMO_MAX:
        cache.clear()
    found = cache[key] = _match_dateline(text, patterns, pkey)
    return found


def _match_dateline(text: str, patterns, key: tuple) -> str | None:
    low = fold(text)
    for pat, pf in zip(patterns, _prefilters(key)):
        if pf is not None and not pf.passes(text, low):
            continue
        m = pat.match(text)
        if m and m.end() > 0:
            return m.group(0).strip()
    return None


# patterns_key -> each pattern's prefilter (or None): may_match's answers without its
# look-up per pattern per line. A pure function of the patterns; kept small.
_PREFILTERS: dict = {}


def _prefilters(key: tuple) -> tuple:
    got = _PREFILTERS.get(key)
    if got is None:
        if len(_PREFILTERS) >= 64:
            _PREFILTERS.clear()
        # a Guarded pattern's key is (pattern, off for the page); a plain pattern is itself
        got = _PREFILTERS[key] = tuple(cached_prefilter(k[0] if isinstance(k, tuple) else k) for k in key)
    return got


# Header steps that drop a short line above the story as a label or a second headline.
LABEL_RULES = frozenset({"structure:label", "structure:header-label", "structure:subtitle",
                         "structure:second-headline"})


def place_brand_alone(p: Page, start: int) -> int:
    """No dateline found, and the line right above the first paragraph (or the first
    paragraph itself) is a place and the outlet's name alone ("Ternate, Haliyora",
    "Cirebon, NU Online", "PASURUAN, pojok kiri", "TVRINews, Penajam Paser Utara": unseen
    pages of five outlets): the dateline alone on its line, which opens the body (the
    header scan had dropped it as a label, or under the headline as its subtitle). Not
    when the paragraph under it opens with a dateline of its own (then it is a label), nor
    when it was taken for a headline of more than PLACE_BRAND_TITLE_MAX_WORDS words (a page
    atop its first paragraph, "Bitung, Sulut | Tribuneindonesia.com", "mTv Jateng | Kudus",
    "DELI SERDANG, BERSAMA": three outlets of BQ-BR; no headline labelled of that shape is so short).
    Its other shapes: shapes.dateline_alone (a place and a date, "Pariaman, 11 Juni 2010"; a place
    and the site's domain; the dateline's first half closed by its separator). The paragraph under
    it may be a line longer than any headline that no sentence end closes (a date in brackets, CD)."""
    if p.dateline_idx is not None or start >= len(p.lines):
        return start
    lines = p.lines
    # (the paragraph under it taken for the standfirst: "LKI-CHANNEL , CIANJUR", BS)
    under = start - 2 >= p.top and lines[start - 1].rule == "structure:lead" and lines[start - 2].rule in LABEL_RULES
    k = start - 1 - under
    if k < p.top or not (lines[k].rule in LABEL_RULES
                         or k == p.title_idx and count_words(lines[k].text) <= PLACE_BRAND_TITLE_MAX_WORDS):
        k = start
    line = lines[k]
    if k == start and line.category is not None:
        return start
    t = line.text
    if count_words(t) > PLACE_BRAND_MAX_WORDS or not dateline_alone(t):
        return start
    nxt = k + 1 if k < start else p.next_kept(k)
    if nxt is None or lines[nxt].category is not None and not under or p.dateline_of(lines[nxt].text) \
            or not (prose_like(lines[nxt].text) or count_words(lines[nxt].text) > HEADLINE_MAX_WORDS):
        return start
    line.category = line.rule = lines[nxt].category = lines[nxt].rule = None
    p.lead_idx, p.title_idx = (None if i in (k, nxt) else i for i in (p.lead_idx, p.title_idx))
    p.dateline_idx = k
    return k
