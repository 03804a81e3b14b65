"""The structure stage: where the article starts and ends, and what sits in between.

A news page is a header (labels, headline, standfirst, byline, photo credit and
caption), a body that opens with the dateline, and a tail (credits, related
lists, footers). The rules mark what they know; these passes read the shape of
what is left. Nothing here knows an outlet's strings: datelines come from the
rule files, the rest is position and the signals in ``text/signals.py``.

The passes, in order (:func:`run_passes`):

    page.page_top         a whole page's dump: what stands above the article's header goes
    frame.split_label     "Reporter" / "Name" printed on two lines
    header.scan_header    the header's steps, line by line (header.HEADER_STEPS)
    frame.body_opening    the dateline paragraph and the outlet's body_start marker
    dateline.place_brand_alone  no dateline yet: a place and the outlet's name alone over the story
    frame.header_line     header lines no step took
    frame.title_from_leftovers  no headline yet: the leftover header line that speaks of the story
    frame.title_on_topic  a headline of another story over the one that speaks of this one
    credits.credit_lines  credit lines after the header that the rules missed
    tail.find_end         where the story ends; the tail's lines (page.page_bottom on a
                          whole page: a run of non-prose lines after the article ends it)
    credits.closing_credit    a writer credit in brackets closing the story
    tail.summary_after_body   (outlets with summary_after_body)
    body.mark_body        the body's steps (body.LINE_STEPS), then runs of lines

Every ``structure:*`` rule id they give is listed in ``catalogue.py``.
"""
from __future__ import annotations

from ...model.document import Doc
from ...ruleset.model import StructureInputs
from . import body, credits, dateline, frame, header, page, tail
from .state import Page

__all__ = ["Page", "run_passes"]


def run_passes(doc: Doc, inputs: StructureInputs, datelines=None, body_start=None) -> Page:
    """Mark the document's header, body and tail; the returned page holds the
    headline, standfirst and dateline indexes found. ``datelines``/``body_start``:
    the inputs' patterns as the stage guards them (default: as they are)."""
    p = Page(doc, inputs, datelines, body_start)
    lines = p.lines
    n = len(lines)
    page.page_top(p)
    frame.split_label(p)
    start = header.scan_header(p)
    start = frame.body_opening(p, start)
    start = dateline.place_brand_alone(p, start)
    for k in range(start):
        frame.header_line(p, k)
        lines[k].zone = "header"
    frame.title_from_leftovers(p, start)
    frame.title_on_topic(p, start)
    credits.credit_lines(p, start)
    end = page.page_bottom(p, start, tail.find_end(p, start))
    for k in range(end, n):
        lines[k].zone = "tail"
    credits.closing_credit(p, start, end)
    tail.keyword_line(p, start, end)
    if p.inputs.summary_after_body:
        tail.summary_after_body(p, start, end)
    body.mark_body(p, start, end)
    frame.empty_body(p)
    return p
