"""Every metadata field, and which source wins: the one place that decides.

A field is filled by the first source, in this order, that has a value; a list
field (authors, tags, captions, related) collects from every source in this order,
without repeats, unless a source says "only when empty".

    title            1. a rule's ``title`` capture   2. the headline line (structure:title),
                     without an extraction tool's " date 2023-11-04 " prefix
                     3. a later pass over the body (settle)   4. HTML: JSON-LD headline, og:title,
                     <title> without the " - Site" suffix
    lead             1. a rule's ``lead`` capture   2. the standfirst line (structure:lead,
                     subtitle, repeated-paragraph, lead-repeats-body, summary-after-body), its
                     extraction prefix cut
                     3. a later pass
    published        1. a rule's ``published`` capture (as printed)   2. the first date on a
                     dropped byline/editor line outside the body (a credit line the structure
                     stage read: anywhere), or on a ``date`` line that
                     is not the site bar's (page order)   3. the extraction prefix ("date 2019-06 ")
                     on the headline or the first kept line   4. a later pass   5. HTML: JSON-LD datePublished,
                     article:published_time   6. HTML: a date element the outlet's html rules strip
    page_date        a date line without a time above the headline (the site bar's "today"),
                     then a later pass; never ``published``
    dateline         1. a rule's ``dateline`` capture   2. the dateline that opens the first
                     kept line (structure:dateline)   3. a later pass
    authors          rule captures, structure (split-label, credit-line, name-line,
                     name-above-date), a later pass; only when still empty: 1. the writer
                     credit closing the story (structure:closing-credit: where the page names
                     an author elsewhere, it may be an editor's) 2. HTML JSON-LD author, author
                     meta tags (the site's own name and CMS accounts left out)
    editor, credited_source
                     rule captures, structure (split-label and credit-line for the editor,
                     credit-line for a "Sumber:" it reads), a later pass
    section          1. a rule's capture   2. a later pass   3. HTML: a section element the
                     html rules strip
    tags             rule captures, a later pass; only when still empty: HTML keywords
    captions         rule captures, then caption lines and caption spans (a caption printed
                     twice keeps its longer copy; not the lines of a rule that captures
                     captions itself), a later pass, HTML caption elements
    related          rule captures and structure (headline lists, link boxes, injected
                     headlines) in page order, a later pass, HTML related-link elements
    site             the URL's host, else the domain a dateline names
    syndicated_from  the first syndication notice among the dropped lines, then a later pass

"A rule's capture" comes first because ``zone: any`` rules run before the structure
stage (``core.stages``) and ``Doc.set_meta`` keeps a single value's first finding; a
``header``/``body``/``tail`` rule runs after the structure stage, so its captures come
after structure's values (authors, editor and related are the only ones it sets).
"A later pass" is the settle loop (``cleaner.api.settle``): the body cleaned again
as a page fills only what is still empty (:func:`merge_later_pass`). The HTML
sources come last (:func:`fill_html_gaps`), after the text path has run on the
extracted text.
"""
from __future__ import annotations

import regex

from ..model.document import Doc, Line
from ..model.fields import LATER_PASS_LISTS, LATER_PASS_SCALARS
from ..model.record import Metadata
from ..ruleset.detect import host_of
from ..ruleset.model import RuleSet
from ..text import dates
from .marking import guarded
from .structure.dateline import match_dateline
from .structure.shapes import dateline_domain, site_unsuffixed


def collect_metadata(doc: Doc, rs: RuleSet, opts) -> None:
    """The metadata stage: the structure stage's lines and the page's dates read into
    ``doc.meta`` (after every rule capture, which it never replaces)."""
    lines, inputs = doc.lines, rs.structure_inputs(doc.outlet)
    title_idx, lead_idx, dateline_idx = doc.title_idx, doc.lead_idx, doc.dateline_idx
    tz = dates.page_zone(rs.timezone_for(doc.outlet), host_of(doc.url))
    if title_idx is not None:
        # An HTML comment's close left after the headline by a template ("Judul -->":
        # two Blogger outlets' page tops) is markup, not the headline's; so is the site's
        # domain after a dash, as a page's <title> gives it (shapes.site_unsuffixed).
        title = lines[title_idx].text
        doc.set_meta("title", site_unsuffixed(title.removesuffix("-->").rstrip() or title), "structure:title")
    if lead_idx is not None:
        doc.set_meta("lead", lines[lead_idx].text, "structure:lead")
    _header_dates(doc, tz)
    # (an extraction tool's " date 2023-11 " prefix, cut off the first line by segment: the
    # page's own date line comes first)
    doc.set_meta("published", doc.prefix_date, "structure:extraction-prefix")
    first = next((ln for ln in lines if ln.category is None), None)
    if dateline_idx is not None and first is lines[dateline_idx]:
        # (no pattern reads a place and the outlet's name alone: the line is the dateline)
        dl = match_dateline(first.text, guarded(doc, inputs.datelines, "datelines")) or first.text
        doc.set_meta("dateline", dl.rstrip(), "structure:dateline")
    if doc.writer_credit and not doc.meta.get("authors"):
        doc.set_meta("authors", doc.writer_credit, "structure:closing-credit")
    doc.site = host_of(doc.url) or site_from_dateline(doc.meta.get("dateline"))
    # A rule with a captions group has filled captions with what it captured: its
    # whole line ("Keterangan: ...") is not a caption a second time.
    doc.set_meta("captions", _captions(lines, inputs.caption_rules), "structure:caption")


def _header_dates(doc: Doc, tz: str | None) -> None:
    """Dates: a date line above the headline without a time is the site bar's
    "today" (Tribun, PRMN platform sites); the article's own date comes with
    the headline block or the byline. Dates inside the story are never used."""
    lines, title_idx = doc.lines, doc.title_idx
    for i, line in enumerate(lines):
        is_date = line.category == "date"
        # A credit line the structure stage read keeps its date wherever it sits ("Oleh
        # Name pada 06 March 2018, 21:30 WIB" under a video story's text: d125).
        if not is_date and (line.category not in ("byline", "editor")
                            or line.zone == "body" and line.rule != "structure:credit-line"):
            continue
        found = _line_date(line.text, tz)
        if found is None:
            continue
        doc.set_meta("page_date" if is_date and _site_bar_date(lines, i, title_idx, found) else "published",
                     found.value, line.rule)


def _line_date(text: str, tz: str | None):
    """A line's first date; the same day printed again with its time after it gives the
    time ("Friday, November 29, 2019, 11/29/2019 11:13:00 AM": Blogger's date header and
    timestamp on one line)."""
    found = dates.find_dates(text, default_tz=tz)
    if not found:
        return None
    first = found[0]
    if not first.has_time:
        return next((f for f in found[1:] if f.has_time and f.value[:10] == first.value), first)
    return first


def _captions(lines: list[Line], capturing: frozenset[str]) -> list[str]:
    caps = [ln.text for ln in lines if ln.category == "caption" and ln.rule not in capturing]
    caps += [c[0] for ln in lines for c in ln.cut if c[1] == "caption" and c[2] not in capturing]
    # A caption printed twice keeps its longer copy (the one with the credit).
    return [c for c in caps if not any(o != c and o.startswith(c.rstrip(" .")) for o in caps)]


# A rubric and a dot or bar before the date: the article's meta line, not a site bar's day (the
# "Mode Gelap" theme's "Daerah · 15 Jul 2025": five outlets of AL, AY and BB print that line,
# bb101 without a time, where a related story's date below was taken instead).
# (A weekday there is the site bar's own: "Senin | 4 Maret 2024".)
RUBRIC_BEFORE = regex.compile(rf"(?<![\p{{L}}'’])(?!{dates.WEEKDAY}\s*[·•|])\p{{L}}+\s*[·•|]\s*$", regex.I)


def _site_bar_date(lines: list[Line], i: int, title_idx: int | None, found) -> bool:
    """A date without a time above the headline, above every copy of it (or first, above a
    section label); one printed with a view counter (dates.VIEW_COUNTER) or after a rubric
    (RUBRIC_BEFORE) is the article's: a site bar counts no views and names no rubric."""
    if found.has_time or dates.VIEW_COUNTER.search(lines[i].text, found.end) \
            or RUBRIC_BEFORE.search(lines[i].text, 0, found.start):
        return False
    if title_idx is not None:
        # (the headline printed first with the site's name after it, then bare under the
        # date line: the date is under the headline, ak001)
        return i < title_idx and not any(ln.category == "title" for ln in lines[:i])
    return i == 0 and dates.is_date_line(lines[0].text) and len(lines) > 1 \
        and lines[1].category in ("section", "title")


def site_from_dateline(dateline: str | None) -> str | None:
    """The domain a dateline names ("TRIBUNKALTIM.CO -" -> "tribunkaltim.co"), or None."""
    return dateline_domain(dateline or "")


def merge_later_pass(md: Metadata, new: Metadata) -> None:
    """What a later cleaning pass of the body found: fills the fields still empty,
    adds new list values (and warnings)."""
    for name in LATER_PASS_SCALARS:
        if getattr(md, name) in (None, "") and getattr(new, name) not in (None, ""):
            setattr(md, name, getattr(new, name))
    for name in LATER_PASS_LISTS:
        have = getattr(md, name)
        have.extend(v for v in getattr(new, name) if v not in have)


def fill_html_gaps(md: Metadata, *, title: str | None, published: list[str | None], section: list[str],
                   authors: list[str], tags: list[str], captions: list[str], related: list[str]) -> None:
    """The page's HTML metadata where the text path found nothing: ``published`` is
    the candidates in order (JSON-LD/meta, then the html rules' date elements, each
    None when absent; the first that is set wins), ``authors`` the page's people."""
    md.title = md.title or title
    md.published = md.published or next((p for p in published if p), None)
    md.section = md.section or next(iter(section), None)
    md.authors = md.authors or authors
    md.tags = md.tags or tags
    md.captions = list(dict.fromkeys(md.captions + captions))
    md.related = list(dict.fromkeys(md.related + related))
