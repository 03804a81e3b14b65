"""Whole pages: where the article sits when the text is a full page's dump.

The other passes read a page from its top: the header (labels, headline, byline) in
its first lines, then the body. A scraper's dump of a whole page (a browser's
innerText, a WET record, a text extraction without main-content detection) starts
with the site's menus, sidebars and teaser lists, sometimes a hundred lines and more,
and the article comes after them; a "Terkini" or "Tag" heading in that menu would end
a body that has not started. This pass finds the article first.

The article is the densest run of prose on the page: every kept line scores its word
count when it reads as prose (text/signals.prose_like) and a fixed cost when it does
not; the run with the highest sum (Kadane's maximum subarray, as boilerplate
detectors since Finn et al.'s body-text extraction do) is the article's body. When more
than :data:`PAGE_TOP_MIN_LINES` kept lines stand above it, the page is a whole page:
the headline block right above the run is kept for the header scan, and every line
above that block is dropped (``structure:page-top``); after the run, a stretch of
non-prose lines ends the story (``structure:page-bottom``). Dumps of a page's top
(the dev corpus: the article starts within its first 14 kept lines) are left as they
are, and so is the HTML path's text (``Doc.extracted``: an HTML engine already chose the
main content; a table above its story is no menu).
"""
from __future__ import annotations

from ...text import dates
from ...text.byline import parse_credit
from ...text.signals import count_words, prose_like, same_text, title_like
from .shapes import (
    BULLET,
    CAPTION_MARK_END,
    CROSSLINK_LABEL_RUN,
    LABEL_MAX_WORDS,
    SENTENCE_THEN_CREDIT,
    caption_like,
    photo_credit_like,
)
from .state import Page

# What a kept line that is not prose costs the run it sits in, against a prose line's
# word count: a subheading or two between paragraphs (8+ words each) keep a run
# together; a menu or teaser list of five items or more breaks it.
NOT_PROSE_COST = 5
# Kept lines above the article before a text counts as a whole page's dump: the dev
# corpus's excerpts of a page's top have at most 14, the ten full-page dumps of the
# HTML samples 28 to 183.
PAGE_TOP_MIN_LINES = 20
# How far above the article's first paragraph its header block may reach (headline,
# standfirst, byline, date, photo credit and caption): the longest dev header has 25
# lines with its menu; without the menu, a dozen.
HEADER_BLOCK_MAX = 12
# After the article, this many non-prose lines in a row end the story on a whole page.
PAGE_BOTTOM_RUN = 3
# Lines a rule dropped that weigh against a run of prose being the article: the page's
# furniture, not what a story carries inside it (captions, crosslinks, ads, credits).
FURNITURE_CATS = frozenset({"social", "widget", "nav", "footer", "tags", "copyright"})


def article_run(p: Page) -> tuple[int, int] | None:
    """(first, last) index of the densest run of prose among the kept lines, or None."""
    best, best_run = 0, None
    total, first = 0, None
    for line in p.lines:
        if line.category is not None:
            if line.category not in FURNITURE_CATS:
                continue
            value = -NOT_PROSE_COST     # a widget a rule took ("Komentar Anda"): no article there
        else:
            value = count_words(line.text) if prose_like(line.text) else -NOT_PROSE_COST
        if total <= 0:
            total, first = 0, line.idx
        total += value
        if total > best:
            best, best_run = total, (first, line.idx)
    return best_run


def page_top(p: Page) -> None:
    """On a whole page's dump, drop what stands above the article's header block and
    remember where the article runs (``p.top``, ``p.article_end``)."""
    if p.doc.extracted:
        return                  # an HTML engine already chose the page's main content
    if sum(1 for ln in p.lines if ln.category is None) <= PAGE_TOP_MIN_LINES + 1:
        return                  # too few kept lines for that many above the article's first
    run = article_run(p)
    if run is None:
        return
    first, last = run
    kept_above = [ln.idx for ln in p.lines[:first] if ln.category is None]
    if len(kept_above) <= PAGE_TOP_MIN_LINES:
        return
    top = header_block_start(p, kept_above)
    for line in p.lines[:top]:
        if line.category is None:
            kind = "recommendation" if count_words(line.text) > LABEL_MAX_WORDS else "nav"
            line.drop(kind, "structure:page-top")
    p.top, p.article_end = top, last


def header_block_start(p: Page, kept_above: list[int]) -> int:
    """Where the article's header block starts: walking up from the first paragraph over
    header-shaped lines (a date, a credit line, a photo credit, a caption, a short label,
    dropped lines) to the headline, and over the labels and date right above the headline.
    A caption is known by its credit before it is taken for the headline: under the
    byline, "Ilustrasi tes cepat Covid-19. (Foto: Antara)" reads as title case too, and
    a sentence closed by a bracketed credit ("... di Bangkok. (REUTERS/Name)") is one."""
    lines, start = p.lines, kept_above[-1] + 1
    title_seen = None
    block = kept_above[-HEADER_BLOCK_MAX:]
    for pos in range(len(block) - 1, -1, -1):
        k = block[pos]
        t = lines[k].text
        if title_seen is not None:
            if BULLET.match(t):
                break                        # a menu's item, no kicker
            if count_words(t) <= LABEL_MAX_WORDS or dates.is_date_line(t):
                start = k                    # a section label or the date above the headline
                continue
            if same_text(t, title_seen) or (parse_credit(t) is not None
                                            and _copy_above(lines, block[:pos], title_seen)):
                start = k                    # the headline's first copy, or the byline under it
                continue
            break
        if dates.mostly_date(t) or photo_credit_like(t) or caption_like(t) or SENTENCE_THEN_CREDIT.search(t) \
                or CAPTION_MARK_END.search(t) or parse_credit(t) is not None:
            start = k
            continue
        if title_like(t) and count_words(t) > LABEL_MAX_WORDS:
            start, title_seen = k, t
            continue
        if prose_like(t) or count_words(t) <= LABEL_MAX_WORDS:
            start = k
            continue
        break
    return start


def _copy_above(lines, above: list[int], title: str) -> bool:
    """True when the headline ``title`` (signals.same_text) stands above, with only dates,
    credit lines and short labels between: a theme printing the headline, its byline and
    date, then the headline again over the photo (its alt text)."""
    for k in reversed(above):
        t = lines[k].text
        if same_text(t, title):
            return True
        if not (count_words(t) <= LABEL_MAX_WORDS or dates.is_date_line(t) or parse_credit(t) is not None):
            return False
    return False


def page_bottom(p: Page, start: int, end: int) -> int:
    """On a whole page, the first line of a run of non-prose lines after the article's
    densest run: the story ends there (the lines up to ``end`` go as structure:page-bottom).
    The headlines under a link box's label ("Baca Juga" and up to CROSSLINK_LABEL_RUN links:
    body.link_box's) are no such run: the story may go on under them (ce029: its last paragraph had gone)."""
    if p.article_end is None:
        return end
    lines, streak, box = p.lines, [], 0
    for k in range(p.article_end + 1, end):
        if lines[k].category is not None:
            box = CROSSLINK_LABEL_RUN if lines[k].rule in p.inputs.label_rules else box
            continue
        if prose_like(lines[k].text):
            streak, box = [], 0
            continue
        if box:
            box -= 1
            continue
        streak.append(k)
        if len(streak) >= PAGE_BOTTOM_RUN:
            cut = streak[0]
            for line in lines[cut:end]:
                line.drop("footer", "structure:page-bottom")
            return cut
    return end
