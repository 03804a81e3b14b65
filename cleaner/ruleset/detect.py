"""Which outlet's rules a page gets: the URL's host, then URL patterns, then the
text's own markers (the outlet with the most hits wins). ``cleaner explain`` says
which of these decided, through :func:`outlet_reason`."""
from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urlsplit

from .matcher import cached_prefilter, fold
from .model import PATTERN_TIMEOUT, Outlet, RuleSet

# Characters of the page's start and end searched for text markers.
MARKER_SPAN = 3000


def host_of(url: str | None) -> str | None:
    """The URL's host, lower case, without www., m. or amp.; None without one."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    for prefix in ("www.", "m.", "amp."):
        host = host.removeprefix(prefix)
    return host or None


def safe_search(pattern, text: str) -> bool:
    """The pattern is found in the text within PATTERN_TIMEOUT (a timeout counts as not found)."""
    try:
        return pattern.search(text, timeout=PATTERN_TIMEOUT) is not None
    except TimeoutError:
        return False


def _head_tail(text: str) -> str:
    return text[:MARKER_SPAN] + "\n" + text[-MARKER_SPAN:]


class _Index(NamedTuple):
    """What detection reads of a rule set, precomputed once: each host (and so each
    host suffix) to the first outlet naming it, and every outlet's text markers
    with their prefilters."""
    outlets: tuple[Outlet, ...]
    hosts: dict[str, int]                 # host -> index of the first outlet listing it
    markers: tuple[tuple[Outlet, tuple], ...]   # (outlet, ((pattern, Prefilter or None, line-break free), ...))
    most_later: tuple[int, ...]           # for each outlet, the most markers of an outlet after it


def _index(rs: RuleSet) -> _Index:
    key = tuple(map(id, rs.outlets.values()))   # rebuilt if the outlets change
    got = rs._detect.get(key)
    if got is None:
        outlets = tuple(rs.outlets.values())
        hosts: dict[str, int] = {}
        for i, outlet in enumerate(outlets):
            for h in outlet.hosts:
                hosts.setdefault(h, i)
        markers = tuple((o, tuple((p, pf, _line_break_free(pf)) for p in o.text_markers
                                  for pf in (cached_prefilter(p),)))
                        for o in outlets)
        most_later = tuple(max((len(o.text_markers) for o in outlets[i + 1:]), default=0)
                           for i in range(len(outlets)))
        rs._detect.clear()
        got = rs._detect[key] = _Index(outlets, hosts, markers, most_later)
    return got


def _line_break_free(pf) -> bool:
    """No string of the prefilter holds a line break: it may read a short text alone
    instead of the span that holds it twice (detected_outlet)."""
    return pf is None or not any("\n" in x for x in (*pf.prefixes, *pf.contains))


def _host_match(index: _Index, host: str) -> Outlet | None:
    """The first outlet with a host equal to ``host`` or a domain it is under: the
    same as trying each outlet's hosts in order, one dict look-up per suffix."""
    best = index.hosts.get(host)
    dot = host.find(".")
    while dot >= 0:
        i = index.hosts.get(host[dot + 1:])
        if i is not None and (best is None or i < best):
            best = i
        dot = host.find(".", dot + 1)
    return index.outlets[best] if best is not None else None


def detected_outlet(rs: RuleSet, url: str | None, text: str, forced: str | None = None) -> Outlet | None:
    """The outlet whose rules the page gets (``forced``: that one, unknown ids give None)."""
    if forced:
        return rs.outlets.get(forced)
    index = _index(rs)
    host = host_of(url)
    if host:
        found = _host_match(index, host)
        if found is not None:
            return found
        for outlet in index.outlets:
            if any(safe_search(p, url) for p in outlet.url_patterns):
                return outlet
    # No URL (or an unknown host): the text's own markers, the strongest wins. The
    # span is folded once for the case-insensitive prefilters (may_match's ``low``).
    head_tail = _head_tail(text)
    # A text of MARKER_SPAN characters or fewer is in the span twice, around a line
    # break: a prefilter whose strings hold no line break says the same of the text
    # alone (what the span starts and ends with, the strings it contains, the
    # characters it holds), at half the cost. The patterns themselves read the span.
    probe = text if len(text) <= MARKER_SPAN else head_tail
    low = fold(probe)
    best, best_hits = None, 0
    for (outlet, markers), most_later in zip(index.markers, index.most_later):
        if len(markers) <= best_hits:     # cannot have more hits than the best so far
            continue
        hits = 0
        for p, pf, on_text in markers:
            if pf is not None and not (pf.passes(probe, low) if on_text or probe is head_tail
                                       else pf.passes(head_tail, fold(head_tail))):
                continue
            if safe_search(p, head_tail):
                hits += 1
                # Ahead of the best so far, and no later outlet has as many markers:
                # this outlet wins, however many more of its markers are found.
                if hits > best_hits and hits >= most_later:
                    return outlet
        if hits > best_hits:
            best, best_hits = outlet, hits
    return best


def outlet_reason(outlet: Outlet | None, url: str | None, text: str, forced: str | None) -> str:
    """How :func:`detected_outlet` chose ``outlet``, in words, for ``cleaner explain``."""
    if forced:
        return "forced with --outlet"
    if outlet is None:
        return "no outlet matched: shared rules (_common) only"
    host = host_of(url)
    if host:
        for h in outlet.hosts:
            if host == h or host.endswith("." + h):
                return f"host {host} matches {h}"
        for p in outlet.url_patterns:
            if safe_search(p, url):
                return f"URL matches {p.pattern}"
    hits = [p.pattern for p in outlet.text_markers if safe_search(p, _head_tail(text))]
    return "text marker " + ", ".join(hits)
