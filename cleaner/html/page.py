"""HTML pages -> Record: the HTML is only a better way into the same text path.

    decode -> parse -> page metadata -> outlet (from the page's URLs)
      -> select the body, take out what the outlet's ``html:`` rules name
      -> trafilatura (jusText if it finds nothing) -> one paragraph per line
      -> cleaner.clean_text (the same rules as text dumps) -> fill metadata gaps
         (core.metadata.fill_html_gaps)

``clean_html`` takes the :class:`cleaner.api.Cleaner` as an argument: the api
imports this package, never the other way round.
"""
from __future__ import annotations

import itertools

from lxml import etree

from ..core.metadata import fill_html_gaps
from ..model.page import PageError
from ..model.record import Record
from ..ruleset.detect import detected_outlet, host_of
from ..text import dates
from .decode import ATTRIBUTES_CUT, FLATTENED, decode_html_page, parse_html
from .extract import Taken, extract_lines, html_rules, join_url, select_body, take_out
from .meta import PageMeta, clean_title, page_people, read_meta, site_keys


def clean_html(cleaner, html: str | bytes, *, url: str | None = None, source: str | None = None) -> Record:
    """One HTML page (bytes: decoded here, honouring its declared charset)."""
    text, encoding, warnings = decode_html_page(html) if isinstance(html, bytes) else (html, None, [])
    try:
        record = _clean(cleaner, text, url, source)
    except RecursionError:
        raise PageError("page too deeply nested to extract (RecursionError)") from None
    record.metadata.encoding = encoding
    record.metadata.warnings += warnings
    return record


def _clean(cleaner, text: str, url: str | None, source: str | None) -> Record:
    root, parse_errors = parse_html(text)
    meta = read_meta(root)
    base = url or meta.og_url
    canonical = join_url(base, meta.canonical) if base and meta.canonical else meta.canonical
    urls = [u for u in (canonical, meta.og_url, url) if u and u.startswith(("http://", "https://"))]
    page_url = urls[0] if urls else url
    outlet = None
    for u in urls:               # the text path's own detection, on each URL the page gives
        outlet = detected_outlet(cleaner.ruleset, u, "", cleaner.options.outlet)
        if outlet is not None:
            break
    rules = html_rules(cleaner, outlet) if outlet else {}
    etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)
    body, warnings = select_body(root, rules), []
    if rules.get("body") and body is None:
        if rules.get("fallback") == "none":
            raise PageError(f"no html.body selector of outlet {outlet.id!r} matched (fallback: none)")
        warnings.append(f"html: no body selector of {outlet.id} matched; extracted from the whole page")
    taken = take_out(root, body, rules, outlet.id if outlet else "html")
    lines, extractor = extract_lines(body if body is not None else root, page_url)
    if not lines:
        raise PageError("no article text found (trafilatura and jusText both empty)")
    warnings += [e for e in (FLATTENED, ATTRIBUTES_CUT) if e in parse_errors]
    if extractor != "trafilatura":
        warnings.append("html: trafilatura found no text; paragraphs from jusText")
    keys = site_keys(meta, host_of(page_url))
    title = clean_title(meta, keys)
    # The title line anchors the text rules' header (title repeats, date lines)
    # when the whole page was extracted. Above a rule-selected body it would only
    # invent a header: the first paragraph would be taken for a standfirst.
    head = [title] if title and body is None and title not in lines[:5] else []
    record = cleaner.clean_text("\n".join(head + taken.above + lines + taken.below), url=page_url,
                                source=source, outlet=outlet.id if outlet else None)
    _fill(record, meta, title, taken, keys, outlet.timezone if outlet else None)
    record.metadata.warnings += warnings
    return record


def _fill(record: Record, meta: PageMeta, title: str | None, taken: Taken, keys: set[str],
          tz: str | None) -> None:
    """HTML metadata where the text rules found nothing (core.metadata decides);
    what the html rules took out is counted and listed."""
    md = record.metadata
    found = (dates.find_date(line, default_tz=tz) for line in taken.dates)
    fill_html_gaps(md, title=title, published=itertools.chain((meta.published,), (d.value for d in found if d)),
                   section=taken.section, authors=page_people(meta, keys), tags=meta.keywords,
                   captions=taken.captions, related=taken.related)
    for line in taken.dropped:
        md.dropped[line.category] = md.dropped.get(line.category, 0) + 1
    md.dropped = dict(sorted(md.dropped.items()))
    if md.dropped_lines is not None:      # keep_dropped: every stripped element accounted for
        md.dropped_lines = taken.dropped + md.dropped_lines
