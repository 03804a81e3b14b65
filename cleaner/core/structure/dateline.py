"""The dateline: the prefix that opens the body ("TRIBUNNEWS.COM -", "Jakarta (ANTARA) -"),
by the outlet's patterns (rule files' ``datelines``, then _common's)."""
from __future__ import annotations

from ...ruleset.matcher import cached_prefilter, fold
from ...text.signals import MEMO_MAX, active_cache, memo_slot

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
