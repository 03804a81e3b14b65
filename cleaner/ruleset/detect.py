"""Which outlet's rules a page gets: the URL's host, then URL patterns, then the
text's own markers (the outlet with the most hits wins). ``cleaner explain`` says
which of these decided, through :func:`outlet_reason`."""
from __future__ import annotations

from urllib.parse import urlsplit

from .matcher import may_match
from .model import Outlet, RuleSet

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
    """The pattern is found in the text within 0.25 s (a timeout counts as not found)."""
    try:
        return pattern.search(text, timeout=0.25) is not None
    except TimeoutError:
        return False


def _head_tail(text: str) -> str:
    return text[:MARKER_SPAN] + "\n" + text[-MARKER_SPAN:]


def detected_outlet(rs: RuleSet, url: str | None, text: str, forced: str | None = None) -> Outlet | None:
    """The outlet whose rules the page gets (``forced``: that one, unknown ids give None)."""
    if forced:
        return rs.outlets.get(forced)
    host = host_of(url)
    if host:
        for outlet in rs.outlets.values():
            if any(host == h or host.endswith("." + h) for h in outlet.hosts):
                return outlet
        for outlet in rs.outlets.values():
            if any(safe_search(p, url) for p in outlet.url_patterns):
                return outlet
    # No URL (or an unknown host): the text's own markers, the strongest wins.
    head_tail = _head_tail(text)
    best, best_hits = None, 0
    for outlet in rs.outlets.values():
        hits = sum(1 for p in outlet.text_markers
                   if may_match(p, head_tail, can_fold=False) and safe_search(p, head_tail))
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
