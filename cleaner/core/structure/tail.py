"""The tail pass: where the story ends (a to_end rule, the credits under it, a second
dateline opening a teaser, a reporter's sign-off, an FAQ block) and what follows."""
from __future__ import annotations

import regex

from ...text import dates
from ...text.signals import HEADLINE_CAPS, capitalized_ratio, count_words, ends_sentence, prose_like, words
from .shapes import (
    DATE_CLOSED,
    FAQ_ITEM,
    FAQ_LOOSE,
    FAQ_MIN_RUN,
    HEADLINE_RUN_MIN,
    INJECTED_MAX_SHARED,
    LABEL_MAX_WORDS,
    META_END_CATS,
    cut_off,
    dateline_brand,
    dateline_domain,
    list_headline,
    sentence_closed,
    slash_credit,
    teaser_snippet,
    uniform_list,
)
from .state import Page


def find_end(p: Page, start: int) -> int:
    """Index of the first tail line; everything from there on is dropped."""
    lines, n = p.lines, len(p.lines)
    own = p.dateline_of_line(p.dateline_idx) if p.dateline_idx is not None else None
    brand = dateline_brand(own)
    hint = brand_hint(own)
    seen_body = seen_prose = 0
    soft_end = None
    for i in range(start, n):
        line = lines[i]
        if line.category is not None:
            if line.rule in p.inputs.end_rules and seen_body and ends_story(p, i, seen_prose, soft_end is not None):
                # structure's reading of a to_end rule: the rule's line and all after it
                drop_rest(p, i + 1, line.category, line.rule)
                return i
            if line.category in META_END_CATS and seen_prose >= 2 and soft_end is None:
                soft_end = i
            continue
        if soft_end is not None:
            if lines[soft_end].rule == "structure:teaser-excerpts" and cut_off(line.text):
                line.drop("recommendation", "structure:teaser-excerpts")
                continue
            if p.body_resumes(i):
                if lines[soft_end].rule == "structure:end-credit":
                    lines[soft_end].category = "photo_credit"
                    p.writer_credit = []
                soft_end = None
            else:
                line.drop("footer", "structure:after-credits")
                continue
        if seen_body >= 1 and p.dateline_idx is not None and i > p.dateline_idx \
                and hint in line.text[:80].lower() and dateline_brand(p.dateline_of(line.text)) == brand:
            # A second dateline opens another article: a teaser list. Its headline (and a
            # heading) printed right above it go with it ("Ladang Ganja di Hutan ... Sekali" /
            # "Lumajang - Ladang ganja di kawasan ...").
            line.drop("recommendation", "structure:teaser-dateline")
            soft_end = teaser_headlines(p, i, start)
            continue
        if seen_prose >= 2 and soft_end is None and cut_off(line.text) \
                and (j := p.next_kept(i)) is not None and cut_off(lines[j].text):
            # Other stories' excerpts in a row under the story, each cut off with an ellipsis,
            # without their headlines (R r003: five; the dev pages' KUTIPAN and PASJABAR lists
            # open theirs with a dateline, teaser-dateline's case): the story has ended.
            line.drop("recommendation", "structure:teaser-excerpts")
            soft_end = i
            continue
        if seen_prose >= 2 and soft_end is None and (headline_run(p, i, start) or list_heading(p, i, start)):
            soft_end = i
            continue
        if seen_prose >= 2 and soft_end is None and i + 1 < n and ")" in line.text \
                and DESK_MARK_END.search(line.text):
            # A paragraph closed by the desk's code ("... katanya. (R-1)", "... Bung
            # Hatta.(HJ/N-3)", "... Ujarnya.(KT-09)": Media Indonesia, pojok6): the story's
            # last; what follows (the summaries of other stories) is the page's.
            drop_rest(p, i + 1, "recommendation", "structure:after-desk-mark")
            return faq_block(p, start, i + 1)
        if seen_prose >= 2 and soft_end is None and END_MARK_ALONE.match(line.text) and i + 1 < n:
            # Initials alone under the story ("(hds/hds)", "(kpl/gum/dar)"): an end mark the
            # body keeps; what follows is the page's, unless the story goes on.
            seen_body += 1
            soft_end = i + 1
            continue
        if seen_prose >= 2 and soft_end is None and slash_credit(line.text) \
                and not line.text.startswith("("):
            # "Pujiansyah/Lampung" under the story: the reporter's sign-off, the reporter then the
            # city (d069; a photo credit when the story goes on: State.body_resumes; photo_slash)
            if photo_slash(line):
                continue
            line.drop("byline", "structure:end-credit")
            p.writer_credit = [line.text.split("/")[0].strip(" (")]
            soft_end = i
            continue
        seen_body += 1
        seen_prose += prose_like(line.text)
    end = soft_end if soft_end is not None else n
    return faq_block(p, start, end)


def ends_story(p: Page, i: int, seen_prose: int, credited: bool) -> bool:
    """Line i, a to_end rule's under some of the body, ends the story: not above any prose
    when the story is still to come (a site bar's "Copyright © Site" over the headline ends
    no story: story_ahead), not a related box the story goes on under (story_goes_on; not
    when the writer's or editor's credit closed the story right above it, ``credited``:
    "sumber : LSM ... / postsurabaya", then "Related Posts" and other stories' sentences),
    not a photo's copyright credit (photo_copyright)."""
    line = p.lines[i]
    if story_ahead(p, i, seen_prose):
        return False
    if seen_prose and not credited and line.category == "recommendation" and story_goes_on(p, i):
        return False
    if line.category == "copyright" and photo_copyright(p, i):
        line.drop("photo_credit", "structure:photo-credit", force=True)
        return False
    return True


TEASER_HEADLINES_MAX = 2
# Writer or editor initials alone on a line: "(bgs/rul)", "(ADW/NDI)", "(ant/*)".
END_MARK_ALONE = regex.compile(r"^\((?:[A-Za-z]{2,6}|\*{1,3})(?:\s?/\s?(?:[A-Za-z]{2,6}|\*{1,3}))+\)$")
# A desk's code closing a paragraph: letters, a dash, a number in brackets, after a writer's
# initials and a slash or not ("(R-1)", "(HJ/N-3)", "(OL-12)", "(Ant/P-2)", "(KT-09)").
DESK_MARK_END = regex.compile(r"\((?:[A-Za-z]{1,6}/)*[A-Z]{1,4}-\d{1,3}\)\s*$")
# A photo's credit with a slash: "Foto/Istimewa", "Dok/Humas".
PHOTO_SLASH = regex.compile(r"(?i)^(?:foto|photo|dok|dokumentasi)\s?/\s?\S")


def photo_slash(line) -> bool:
    """"Foto/PP PBVSI", "Foto/Istimewa" between paragraphs is a photo's credit, not the
    reporter's sign-off (the story went on under it: a sports site of AS; the header's
    "Foto/Net", "Foto/RMOLSumut": two more outlets, every such line a credit): dropped as one."""
    if PHOTO_SLASH.match(line.text) is None:
        return False
    line.drop("photo_credit", "structure:photo-credit")
    return True


# Prose lines after a to_end rule's line that show the story is still to come: with no
# prose above it, STORY_AHEAD_MIN; with one (the story's first paragraph, or a quoted
# headline read as prose), a run no one-paragraph story over its footer or comments gives.
# "© Amazon", a photo's credit under a quoted headline and over a story of fifty lines (a
# ScrapingHub page's dump; two more there: a credit under the byline, a site header's
# "... All rights reserved." under one line of small print), ends nothing.
STORY_AHEAD_MIN = 2
STORY_BELOW_ONE_MIN = 6


def story_ahead(p: Page, i: int, seen_prose: int) -> bool:
    """The story is still to come under line i, a to_end rule's (STORY_AHEAD_MIN,
    STORY_BELOW_ONE_MIN): the rule's line ends nothing."""
    if seen_prose == 0:
        return prose_follows(p, i, STORY_AHEAD_MIN)
    return seen_prose == 1 and prose_follows(p, i, STORY_BELOW_ONE_MIN)


def prose_follows(p: Page, i: int, need: int) -> bool:
    """At least ``need`` kept prose lines come after line i."""
    n = 0
    for line in p.lines[i + 1:]:
        if line.category is None and prose_like(line.text):
            n += 1
            if n >= need:
                return True
    return False


# A photo's credit with the copyright mark: the mark, then a name or a site, no year, no rights
# reserved ("© dream.co.id" between two paragraphs, twice on a page of BR; "© Herry
# Ibrahim/Football265.com" under a byline: BP; "(c) Amazon" over a ScrapingHub page's story).
PHOTO_COPYRIGHT = regex.compile(r"^(?:©|\([cC]\))\s*\p{L}[\p{L}.\-/ ]{1,50}$")
PHOTO_COPYRIGHT_MAX_WORDS = 4
NO_CREDIT = regex.compile(r"(?i)\b(?:hak cipta|rights|reserved|copyright|dilindungi)\b")


def photo_copyright(p: Page, i: int) -> bool:
    """Line i, a copyright rule's, is a photo's credit: its shape (PHOTO_COPYRIGHT), and the
    story goes on under it (two prose paragraphs): no footer's "© Site" has the story below."""
    t = p.lines[i].text
    return PHOTO_COPYRIGHT.match(t) is not None and count_words(t) <= PHOTO_COPYRIGHT_MAX_WORDS \
        and NO_CREDIT.search(t) is None and i + 1 < len(p.lines) and p.body_resumes(i + 1)


# A link alone on its line ("https://www.site.id/2021/10/judul.html?m=1").
LINK_ALONE = regex.compile(r"^https?://\S+$")


# Headlines (and their dates) a related-stories box between two paragraphs may print.
RELATED_ITEMS_MAX = 6


def story_goes_on(p: Page, i: int) -> bool:
    """Inside the story, a related-stories heading whose items are not in the text (or
    are one link, or a few headlines) and two sentences of the story right under it: the
    story goes on, the heading and its items are dropped (Tribun's "Berita Rekomendasi"
    between paragraphs, g001 and l122; "Artikel Terkait :" and a link, l008; "BERITA
    TERKAIT :" and two headlines, n103; "Berita Lainnya" and two headlines, each printed
    twice with its date, x028). Teasers under a heading are headlines, title case even
    when closed by "!" or "?" (f111), excerpts cut off with an ellipsis, or open with
    another story's dateline."""
    lines = p.lines
    j = p.next_kept(i)
    items: list[int] = []
    while j is not None and len(items) < RELATED_ITEMS_MAX and (
            list_headline(lines[j].text) or items and dates.mostly_date(lines[j].text)):
        items.append(j)
        j = p.next_kept(j)
    link = j if j is not None and not items and LINK_ALONE.match(lines[j].text) else None
    if link is not None:
        j = p.next_kept(link)
    k = p.next_kept(j) if j is not None else None
    if k is None:
        return False
    for t in (lines[j].text, lines[k].text):
        if not ((sentence_closed(t) or DATE_CLOSED.search(t)) and prose_like(t)) \
                or list_headline(t) or teaser_snippet(t) \
                or p.dateline_of(t) is not None:
            return False
    if link is not None:
        lines[link].drop("crosslink", "structure:related-link")
    for m in items:
        lines[m].drop("recommendation", "structure:related-items")
    return True


def teaser_headlines(p: Page, i: int, start: int) -> int:
    """The teaser at ``i``'s headline and heading above it (title case, no sentence, not
    the dateline paragraph): dropped with it; returns where the tail starts."""
    first = i
    for _ in range(TEASER_HEADLINES_MAX):
        k = first - 1
        while k > start and p.lines[k].category not in (None, "recommendation"):
            k -= 1
        line = p.lines[k]
        if k <= start or k == p.dateline_idx or line.category is not None or not list_headline(line.text):
            break
        line.drop("recommendation", "structure:teaser-dateline")
        p.doc.set_meta("related", line.text, "structure:teaser-dateline")
        first = k
    return first


def brand_hint(dateline: str | None) -> str:
    """What a line opening with a dateline of the same brand (shapes.dateline_brand) holds
    in its first 80 characters, lower-cased: the site's name before its first dot, or the
    dateline's first word (a brand without a domain is all of its words). Most lines are
    ruled out without trying the dateline patterns on them."""
    if not dateline:
        return ""
    domain = dateline_domain(dateline)
    if domain:
        return domain.split(".")[0].lower()
    return next(iter(words(dateline)), "").lower()


def headline_run(p: Page, i: int, start: int) -> bool:
    """Three or more headlines in a row that close the story, whatever their heading says
    (an unknown "Terpopuler Minggu Ini", or none): another stories' list
    (structure:headline-run; d045, d046, d048, d083, d087, d088 print such lists under
    known and unknown headings). Each is title case and speaks of another story (shares
    few words with the body); they do not all open alike (a tour's "June 10 -- ...",
    "June 14 -- ..." is the story's own list), and the story does not go on after them."""
    lines, run = p.lines, []
    for k in range(i, len(lines)):
        if lines[k].category is not None:
            continue
        if not list_headline(lines[k].text) or p.shared_words(lines[k].text, start, i) > INJECTED_MAX_SHARED:
            break
        run.append(k)
    if len(run) < HEADLINE_RUN_MIN or uniform_list([lines[k].text for k in run]) or announced(p, i):
        return False
    after = p.next_kept(run[-1])
    if after is not None and (p.body_resumes(after) or under_link_label(p, i) and prose_like(lines[after].text)):
        return False
    for k in run:
        lines[k].drop("recommendation", "structure:headline-run")
        p.doc.set_meta("related", lines[k].text, "structure:headline-run")
    return True


def under_link_label(p: Page, i: int) -> bool:
    """Line i comes right under a link box's label ("Baca Juga" alone on its line, a rule with
    ``label: true``): the headlines are the box's links (body.link_box), and one paragraph after
    them is the story going on, even the excerpt's last (the JNews theme's box: two outlets of
    AR and one of BB lost that paragraph)."""
    return i > 0 and p.lines[i - 1].rule in p.inputs.label_rules


def announced(p: Page, i: int) -> bool:
    """The story's sentence right above line i announces a list with its colon ("Berikut
    daftar harga mobil listrik terbaru ..., dimulai dari segmen menengah hingga premium:"
    over a price list's heading and rows: an unseen page): what follows is the story's. It
    may name the items rather than read as prose ("Berikut daftar harga TBS (dalam satuan /kg)
    di 15 sentra perkebunan sawit di Sumut:", BE: few small words), in sentence case still."""
    k = p.prev_kept(i)
    for _ in range(ANNOUNCED_ITEMS_MAX):        # the list's items above line i
        if k is None or not list_headline(p.lines[k].text):
            break
        k = p.prev_kept(k)
    if k is not None and count_words(p.lines[k].text) <= LABEL_MAX_WORDS and not ends_sentence(p.lines[k].text):
        k = p.prev_kept(k)                      # the list's heading
    if k is None:
        return False
    t = p.lines[k].text.rstrip()
    return t.endswith(":") and count_words(t) >= ANNOUNCING_MIN_WORDS and (
        prose_like(t) or capitalized_ratio(t) < HEADLINE_CAPS)


# A sentence announcing a list has at least this many words ("Berita terkait:" is a heading);
# the items looked back over, from a later one.
ANNOUNCING_MIN_WORDS = 6
ANNOUNCED_ITEMS_MAX = 12


def list_heading(p: Page, i: int, start: int) -> bool:
    """A short line that is no sentence right above such a list is its heading
    ("Jangan Lewatkan Cerita Ini"): it goes with the list."""
    t = p.lines[i].text
    j = p.next_kept(i)
    if j is None or count_words(t) > LABEL_MAX_WORDS or ends_sentence(t) or not headline_run(p, j, start):
        return False
    p.lines[i].drop("recommendation", "structure:headline-run")
    return True


def faq_block(p: Page, start: int, end: int) -> int:
    """A run of question-and-answer paragraphs closing the body is an FAQ
    block the site appends, not the story: it starts the tail. Inside the story, such a run
    between paragraphs is the site's box too (Merdeka's, its items parted by "-" lines: an
    unseen page of S; d064's stands at the page's end), with the items next to it whose
    question does not open with its word ("Kerusakan mobil seperti apa ...? ...")."""
    kept = [i for i in range(start, end) if p.lines[i].category is None]
    run = 0
    while run < len(kept) and FAQ_ITEM.match(p.lines[kept[-1 - run]].text):
        run += 1
    if FAQ_MIN_RUN <= run < len(kept):
        first = kept[-run]
        for k in range(first, end):
            p.lines[k].drop("other", "structure:faq-block")
        end, kept = first, kept[:-run]
    items = ["?" in p.lines[k].text and FAQ_ITEM.match(p.lines[k].text) is not None for k in kept]
    i = 0
    while i < len(kept):
        j = i
        while j < len(kept) and items[j]:
            j += 1
        if j - i >= FAQ_MIN_RUN and 0 < i:
            while j < len(kept) - 1 and FAQ_LOOSE.match(p.lines[kept[j]].text):
                j += 1
            for k in kept[i:j]:
                p.lines[k].drop("other", "structure:faq-block")
        i = j + 1
    return end


def drop_rest(p: Page, i: int, category: str, rule: str) -> None:
    """Every line from i on is dropped with the to_end rule's category and id, in the tail."""
    for line in p.lines[i:]:
        line.drop(category, rule)
        line.zone = "tail"


# A bracketed code or credit closing a paragraph: "(mcr35/jpnn)", "(esy)".
END_CODE = regex.compile(r"\([^()]{1,40}\)\s*$")


def summary_after_body(p: Page, start: int, end: int) -> None:
    """The outlet prints its summary as the last paragraph before the credits
    that close the body: the standfirst, when the header had none. The credits may
    be the body's last dropped lines (a rule's "Redaktur & Reporter : X" above the
    related list the body ends at: JPNN, AD). The story's own last paragraph, closed
    by the desk's code ("... tutup Lerida. (mcr35/jpnn)"), is no summary."""
    lines = p.lines
    if p.lead_idx is not None or end >= len(lines):
        return
    kept = [k for k in range(start, end) if lines[k].category is None]
    if len(kept) < 2 or not any(line.category in META_END_CATS for line in lines[kept[-1] + 1:end + 1]):
        return
    text = lines[kept[-1]].text
    if prose_like(text) and not END_CODE.search(text):
        lines[kept[-1]].drop("lead", "structure:summary-after-body")
        p.lead_idx = kept[-1]


# The site's keywords printed as the story's last line, with no label: names and places in a
# row, commas between, none a sentence ("Polda Jateng, Kapolda Jateng, Irjen Pol Ribut Hari
# Wibowo, Wakapolda Jateng, ...": two outlets of BU and BZ). A story's list has a conjunction
# ("..., Alex Suhendra, dan Marissa") or ends a sentence.
KEYWORD_ITEMS_MIN, KEYWORD_ITEM_MAX_WORDS = 6, 5
_LIST_WORDS = frozenset("dan atau serta yakni yaitu antara lain seperti oleh di ke dari yang untuk".split())
_NOT_KEYWORDS = regex.compile(r"[.!?:;\"“”()\d]")


def keyword_line(p: Page, start: int, end: int) -> None:
    """The body's last kept line, when it is such a keyword row (and two kept lines at least
    above it): tags. The row's shape is asked first; most last lines have few commas."""
    lines = p.lines
    last = next((k for k in range(min(end, len(lines)) - 1, start - 1, -1) if lines[k].category is None), None)
    if last is None:
        return
    line = lines[last]
    t = line.text
    if t.count(",") + 1 < KEYWORD_ITEMS_MIN or _NOT_KEYWORDS.search(t):
        return
    items = [x.strip() for x in t.split(",")]
    if any(not x or count_words(x) > KEYWORD_ITEM_MAX_WORDS for x in items) \
            or any(w.lower() in _LIST_WORDS for w in t.replace(",", " ").split()) \
            or sum(1 for k in range(start, last) if lines[k].category is None) < 2:
        return
    line.drop("tags", "structure:keyword-line")
    p.doc.set_meta("tags", items, "structure:keyword-line")
