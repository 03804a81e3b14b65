"""What both HTML engines share around their own extraction: the page's outlet (from
the URLs it gives), the body rule's verdict, and the extracted paragraphs through the
text rules, with the HTML metadata filling what those leave empty."""
from __future__ import annotations

import itertools

from ..core.metadata import fill_html_gaps
from ..model.page import PageError
from ..model.record import Record
from ..ruleset.detect import detected_outlet, host_of
from ..text import dates
from .extract import Taken, html_rules, join_url
from .meta import PageMeta, clean_title, page_people, site_keys


def canonical_of(meta: PageMeta, url: str | None) -> str | None:
    """The page's own <link rel=canonical>, made absolute against the URL it came with
    (or og:url); None when it has none."""
    base = url or meta.og_url
    return join_url(base, meta.canonical) if base and meta.canonical else meta.canonical


def page_outlet(cleaner, meta: PageMeta, url: str | None):
    """(outlet, the page's URL, the outlet's html rules): the text path's own detection,
    on each URL the page gives (canonical, og:url, the one it came with)."""
    canonical = canonical_of(meta, url)
    urls = [u for u in (canonical, meta.og_url, url) if u and u.startswith(("http://", "https://"))]
    page_url = urls[0] if urls else url
    outlet = None
    for u in urls:
        outlet = detected_outlet(cleaner.ruleset, u, "", cleaner.options.outlet)
        if outlet is not None:
            break
    return outlet, page_url, html_rules(cleaner, outlet) if outlet else {}


def check_body(rules: dict, body, outlet, warnings: list[str]) -> None:
    """An outlet whose body selectors all missed: a PageError (``fallback: none``) or a warning."""
    if rules.get("body") and body is None:
        if rules.get("fallback") == "none":
            raise PageError(f"no html.body selector of outlet {outlet.id!r} matched (fallback: none)")
        warnings.append(f"html: no body selector of {outlet.id} matched; extracted from the whole page")


def finish(cleaner, meta: PageMeta, outlet, page_url: str | None, source: str | None, has_body: bool,
           taken: Taken, lines: list[str], warnings: list[str], url: str | None = None) -> Record:
    """The extracted paragraphs through the text rules, then the HTML metadata. The
    record's url (and id) is the one the caller gave (``url``: --url, a WARC record's
    target URI, --url-field); only a page given without one takes the page's own."""
    host = host_of(page_url)
    keys = site_keys(meta, host)
    title = clean_title(meta, keys)
    # The title line anchors the text rules' header (title repeats, date lines)
    # when the whole page was extracted. Above a rule-selected body it would only
    # invent a header: the first paragraph would be taken for a standfirst.
    head = [title] if title and not has_body and title not in lines[:5] else []
    record = cleaner.clean_text("\n".join(head + taken.above + lines + taken.below), url=url or page_url,
                                source=source, outlet=outlet.id if outlet else None, extracted=True)
    canonical = canonical_of(meta, url)
    record.metadata.canonical_url = canonical if canonical and canonical.startswith(("http://", "https://")) \
        else None
    tz = dates.page_zone(cleaner.ruleset.timezone_for(outlet), host, meta.lang)
    _fill(record, meta, title, taken, keys, tz)
    record.metadata.warnings += warnings
    return record


def _fill(record: Record, meta: PageMeta, title: str | None, taken: Taken, keys: set[str],
          tz: str | None) -> None:
    """HTML metadata where the text rules found nothing (core.metadata decides);
    what the html rules took out is counted and listed."""
    md = record.metadata
    found = (dates.find_date(line, default_tz=tz) for line in taken.dates)
    fill_html_gaps(md, title=title, published=itertools.chain((dates.with_zone(meta.published, tz),),
                                                              (d.value for d in found if d)),
                   section=taken.section, authors=page_people(meta, keys), tags=meta.keywords,
                   captions=taken.captions, related=taken.related)
    for line in taken.dropped:
        md.dropped[line.category] = md.dropped.get(line.category, 0) + 1
    md.dropped = dict(sorted(md.dropped.items()))
    if md.dropped_lines is not None:      # keep_dropped: every stripped element accounted for
        md.dropped_lines = taken.dropped + md.dropped_lines
