"""The body pass: between the first body line and the tail, what is not the story
(captions printed twice, headline repeats, embedded posts, a header block printed
late, headline lists, link boxes, injected headlines). Each step is named after the
``structure:*`` rule id it gives (catalogue.py)."""
from __future__ import annotations

from collections import Counter

import regex

from ...model.document import Line
from ...ruleset.matcher import may_match
from ...text import dates
from ...text.signals import (
    count_words,
    ends_sentence,
    folded_line,
    headline_like,
    link_like,
    lowercase_content_words,
    prose_like,
    same_text,
    starts_with_text,
    title_like,
)
from .shapes import (
    BULLET,
    BULLET_RUN,
    CLOSED_BY_END_MARK,
    CREDIT_MAX_WORDS,
    CROSSLINK_LABEL_RUN,
    CUT_WORD,
    INJECTED_MAX_SHARED,
    INJECTED_MIN_WORDS,
    INJECTED_MIN_WORDS_NO_COMMA,
    LABEL_MAX_WORDS,
    LIST_MARKS,
    LOWER_LAST_WORD,
    NUMBERED,
    PHOTO_LABEL,
    SENTENCE_THEN_CREDIT,
    TWEET,
    caption_like,
    glued_twice,
    name_line,
    paragraph_after,
    photo_credit_like,
    speaks_of_below,
    uniform_list,
)
from .state import Page

# A paragraph printed twice in a row that quotes someone (it opens with a quotation mark or
# reports speech) is no caption: the labelled pages' captions printed twice have 5-9 words
# and quote nobody; the pull quotes of S's ayosemarang page have 19-25.
PULL_QUOTE_MIN_WORDS = 12
QUOTE_OPENERS = frozenset('"“‘\'')
SPEECH = regex.compile(r"(?i)\b(?:ujar|ujarnya|kata|katanya|ucap|ucapnya|tuturnya|jelasnya|tegasnya|"
                       r"(?:me)?(?:nyebutkan|ngatakan|njelaskan|nuturkan|ngungkapkan|negaskan))\b")


def caption_repeat(p: Page, i: int, line: Line, nxt: Line | None, title: str | None) -> bool:
    """A caption followed by its longer copy (with the credit), printed twice in a row, or
    printed again under its photo credit: all go (a story does not print a line twice in
    a row; a standfirst printed again as the first paragraph is the header's:
    header.repeated_paragraph)."""
    if nxt is None:
        return False
    t = line.text
    low, low_next = folded_line(t), folded_line(nxt.text)
    if low_next == low and count_words(t) >= PULL_QUOTE_MIN_WORDS and not caption_like(t) \
            and (t[:1] in QUOTE_OPENERS or SPEECH.search(t) is not None):
        # A quote or someone's words printed again as a pull quote (three on an unseen
        # ayosemarang page of S): the story's paragraph, and a copy of it.
        nxt.drop("other", "structure:repeated-paragraph")
        return True
    # (a copy starts alike: most pairs of lines differ in their first 20 folded characters;
    # a copy adds a credit, not a paragraph: "Sejarah Kota Pontianak" over "Sejarah Kota
    # Pontianak berawal dari kesultanan. ...", a subheading and its section's first, Z)
    if low_next[:20] == low[:20] and starts_with_text(nxt.text, t, 20) and not paragraph_after(t, nxt.text) \
            or low_next[:10] == low[:10] and starts_with_text(nxt.text, t, 10) and caption_like(nxt.text):
        # (a short caption: its copy reads as one, "Cuitan X." / "Cuitan X. Twitter @x")
        line.drop("caption", "structure:caption-repeat")
        nxt.drop("caption", "structure:caption-repeat")
        return True
    twice = low_next == low
    k = None
    if not twice:
        # Under its photo credit (short: a dozen words at most), the same caption again.
        if count_words(nxt.text) > CREDIT_MAX_WORDS:
            return False
        k = p.next_kept(p.next_kept(i))
        if k is None or folded_line(p.lines[k].text) != low:
            return False
    if i == p.dateline_idx or count_words(t) < 3 or title and same_text(t, title):
        return False
    if twice:
        line.drop("caption", "structure:caption-repeat")
        nxt.drop("caption", "structure:caption-repeat")
        return True
    if p.lines[k].zone == "tail" or k == p.dateline_idx or not photo_credit_like(nxt.text):
        return False
    # "Caption (date)." / "NAME/OUTLET.COM" / "Caption (date)." (x022-like): the credit between.
    line.drop("caption", "structure:caption-repeat")
    nxt.drop("photo_credit", "structure:caption-repeat")
    p.lines[k].drop("caption", "structure:caption-repeat")
    return True


def title_repeat(p: Page, i: int, line: Line, nxt: Line | None, title: str | None) -> bool:
    """The headline printed again inside the body; not a paragraph that goes on after it
    (shapes.paragraph_after: a whole story on one line under its cut-off excerpt, which the
    header took for the headline, BS)."""
    t = line.text
    if not title or not (same_text(t, title) or starts_with_text(t, title, 20)) or paragraph_after(title, t):
        return False
    line.drop("caption" if caption_like(t) else "title", "structure:title-repeat")
    return True


# A short sentence closed by a credit in brackets with a slash, the story going on under it:
# a caption ("Konferensi pers Polresta Cirebon. (Metrotvnews.com/Rofahan)", "... mengikuti pawai
# tumpeng. (deny/MVoice)": two small sites of BO; every such line of 20 words or fewer in dev and
# BK-BO is a caption, or the story's last paragraph with the writer's credit).
# A short sentence closed by a bracketed credit with a slash ("... pawai tumpeng. (deny/MVoice)":
# two small sites of BO) or by the courtesy credit's short form ("Sidik Notonegoro. (ist)",
# "Kasat Lantas Polres Bitung ... Restika.(ist)", "Bandara DEO Kota Sorong. (IST)": three outlets
# of BK-BQ, every such short line a caption; "... pungkasnya. (Ist)" closing a story stays).
CREDITED_SENTENCE = regex.compile(r"[.!?]\s*\((?:[^()/]{1,30}/[^()]{1,30}|(?i:ist))\)\.?\s*$")
CREDITED_SENTENCE_MAX_WORDS = 20


def caption_credit(p: Page, i: int, line: Line, nxt: Line | None, title: str | None) -> bool:
    """A caption ending with its credit, not the dateline paragraph; a short sentence closed
    by a bracketed credit (a slash in it, or "ist") inside the story (CREDITED_SENTENCE). A
    cell over an image's cell is a teaser's headline (teaser_cells), not a caption."""
    t = line.text
    if i == p.dateline_idx or not (caption_like(t) and count_words(t) <= 60 or credited_sentence(p, t, nxt)):
        return False
    if t.endswith("|") and i + 1 < len(p.lines) and IMAGE_CELL.match(p.lines[i + 1].text):
        return False
    line.drop("caption", "structure:caption-credit")
    return True


def credited_sentence(p: Page, t: str, nxt: Line | None) -> bool:
    """CREDITED_SENTENCE, the story going on under the line; the bracket's close is looked at
    first (this runs on every body line no caption shape took)."""
    return t.rstrip(" .").endswith(")") and count_words(t) <= CREDITED_SENTENCE_MAX_WORDS \
        and CREDITED_SENTENCE.search(t) is not None and nxt is not None and p.body_resumes(nxt.idx)


def glued_copy(p: Page, i: int, line: Line, nxt: Line | None, title: str | None) -> bool:
    """A line that is one text printed twice glued (shapes.glued_twice): no paragraph of the
    story; a caption when the text reads as one."""
    once = glued_twice(line.text)
    if once is None or i == p.dateline_idx:
        return False
    line.drop("caption" if caption_like(once) or SENTENCE_THEN_CREDIT.search(once) else "other",
              "structure:glued-twice")
    return True


def embedded_post(p: Page, i: int, line: Line, nxt: Line | None, title: str | None) -> bool:
    """An embedded tweet's text or its signature line."""
    if not (may_match(TWEET, line.text) and TWEET.search(line.text)):
        return False
    line.drop("social", "structure:embedded-post")
    return True


def date_line_in_body(p: Page, i: int, line: Line, nxt: Line | None, title: str | None, start: int) -> None:
    """A timestamp line inside the body: the page printed its header block
    (headline, author, date) after some paragraphs. Drop the block."""
    t = line.text
    if not dates.is_date_line(t):
        return
    found = dates.find_date(t)
    if found is None or not found.has_time:
        return
    lines = p.lines
    line.drop("date", "structure:date-line-in-body")
    prev = [k for k in range(i - 1, start - 1, -1) if lines[k].category is None][:2]
    if prev and prev[0] == i - 1 and name_line(lines[prev[0]].text):
        name = lines[prev[0]]
        name.drop("byline", "structure:name-above-date")
        p.doc.set_meta("authors", [name.text.strip()], "structure:name-above-date")
        prev = prev[1:]
    if prev and title_like(lines[prev[0]].text):
        head = lines[prev[0]]
        if p.title_idx is None:
            p.title_idx = prev[0]
            head.drop("title", "structure:title")
        elif same_text(head.text, lines[p.title_idx].text):
            head.drop("title", "structure:title-repeat")


# (rule id, step) each kept body line meets in order; the first that takes it decides.
LINE_STEPS = (
    ("structure:caption-repeat", caption_repeat),
    ("structure:title-repeat", title_repeat),
    ("structure:caption-credit", caption_credit),
    ("structure:glued-twice", glued_copy),
    ("structure:embedded-post", embedded_post),
)
_LINE_STEPS = tuple(step for _, step in LINE_STEPS)


def mark_body(p: Page, start: int, end: int) -> None:
    """Every body line through :data:`LINE_STEPS` (then ``date_line_in_body``), then the
    passes over runs of lines: ad slots, headline lists, link boxes, injected headlines; last,
    a phrase printed three times or more."""
    lines = p.lines
    title = lines[p.title_idx].text if p.title_idx is not None else None
    photo_labels(p, start, end)
    for i in range(start, end):
        line = lines[i]
        if line.category is not None:
            continue
        j = p.next_kept(i, end)
        nxt = lines[j] if j is not None else None
        for step in _LINE_STEPS:
            if step(p, i, line, nxt, title):
                break
        else:
            date_line_in_body(p, i, line, nxt, title, start)
    ad_slot(p, start, end)
    headline_list(p, start, end)
    link_box(p, start, end)
    injected_headline(p, start, end)
    teaser_cells(p, start, end)
    printed_thrice(p, start, end)


def ad_slot(p: Page, start: int, end: int) -> None:
    """A word or three between two ad lines is the ad slot's too: "ADVERTISEMENT" / "ads" /
    "SCROLL TO RESUME CONTENT" (two outlets of AG and AL), "Advertisement" / "Koran Banjar" /
    "Scroll ke bawah untuk melanjutkan" (the site's name in the slot: AN) (structure:ad-slot)."""
    lines = p.lines
    for k in range(max(start, 1), min(end, len(lines) - 1)):
        line = lines[k]
        if lines[k - 1].category == "ad" and line.category is None and lines[k + 1].category == "ad" \
                and count_words(line.text) <= LABEL_MAX_WORDS and not ends_sentence(line.text):
            line.drop("ad", "structure:ad-slot")


# The caption printed above such a label is a phrase, not a paragraph.
LABELLED_CAPTION_MAX_WORDS = 20


def photo_labels(p: Page, start: int, end: int) -> None:
    """A photo between paragraphs printed as caption / "Photo :" / "• VIVA/Name" (viva,
    tvonenews and three more outlets print it so in the header): the label's next line is
    the credit, a short line under it (no sentence); its line above, a phrase that no
    sentence ends and no list number opens, the caption."""
    lines = p.lines
    for k in range(max(start, 1), end - 1):
        if not (lines[k].category == "photo_credit" and PHOTO_LABEL.match(lines[k].text)):
            continue
        value, above = lines[k + 1], lines[k - 1]
        if value.category is not None or count_words(value.text) > LABEL_MAX_WORDS + 2 or ends_sentence(value.text):
            continue
        value.drop("photo_credit", "structure:photo-label-value")
        t = above.text
        if k - 1 >= start and above.category is None and count_words(t) <= LABELLED_CAPTION_MAX_WORDS \
                and not ends_sentence(t) and not NUMBERED.match(t):
            above.drop("caption", "structure:photo-label-value")


# A phrase of this many words at most, printed three times or more on the page.
PRINTED_THRICE_WORDS = (4, 20)


def printed_thrice(p: Page, start: int, end: int) -> None:
    """A phrase that no sentence ends, printed three times or more on one page (a gallery's
    one caption under each photo: "Pemain Persib Bandung berlatih di Stadion ..." four times
    on a VIVA page, "Keterangan: Kegiatan penyaluran BLT DD ..." three times on a small site
    of V): no copy is the story's, which never prints a line three times. Last, so that the
    steps before name what they know (a headline's repeat, a related list's item); a date
    line printed so is a date (a sidebar's). A list's recurring item ("- See it now: Amazon"
    under each product, "Eat every 2-3 hours" in each day's plan) is the story's, and so is
    whatever an extractor kept as the main content (the HTML path): ScrapingHub's references
    hold them."""
    if p.doc.extracted:
        return
    lines = p.lines
    # (the same text, as segment left it: counted in one pass of C, most pages have no such line)
    seen = Counter(line.text for line in lines)
    if not seen or max(seen.values()) < 3:
        return
    for i in range(start, end):
        line = lines[i]
        if line.category is None and seen[line.text] >= 3 and not ends_sentence(line.text) \
                and line.text[0] not in LIST_MARKS and not NUMBERED.match(line.text) \
                and PRINTED_THRICE_WORDS[0] <= count_words(line.text) <= PRINTED_THRICE_WORDS[1]:
            line.drop("date" if dates.mostly_date(line.text) else "caption", "structure:printed-thrice")


def headline_list(p: Page, start: int, end: int) -> None:
    """Consecutive bulleted headlines: a related-articles list."""
    lines, i = p.lines, start
    while i < end:
        j = i
        while j < end and lines[j].category is None and BULLET.match(lines[j].text) \
                and headline_like(BULLET.sub("", lines[j].text)):
            j += 1
        if j - i >= BULLET_RUN and not uniform_list([BULLET.sub("", lines[k].text) for k in range(i, j)], ends=True) \
                and not introduced_list(p, i, start):
            cat = "crosslink" if lines[i].text.lstrip()[:1] == "•" else "recommendation"
            for k in range(i, j):
                lines[k].drop(cat, "structure:headline-list")
                p.doc.set_meta("related", BULLET.sub("", lines[k].text).strip(), "structure:headline-list")
        i = max(j, i + 1)


def introduced_list(p: Page, i: int, start: int) -> bool:
    """The story's sentence right above the list announces it ("Berikut cara mengaktifkan
    ... bagi pengguna Android dan iPhone:", "... sebagai berikut:"): its items are the
    story's steps, not links; a link box's label ("Baca juga:") is a few words."""
    k = i - 1
    if k < start or p.lines[k].category is not None:
        return False
    t = p.lines[k].text.rstrip()
    return t.endswith(":") and count_words(t) > LABEL_MAX_WORDS


# A sentence's end inside the line: a lower-case word, its full stop, the next sentence
# ('... seperti semula. "Bukan hanya ...': a paragraph cut off at the page's end, which no
# closing mark shows to be one: n110).
SENTENCE_INSIDE = regex.compile(r"(?<!\S)\p{Ll}{3,}\.\s+[\"“]?\p{Lu}")


def link_box(p: Page, start: int, end: int) -> None:
    """A link box's label alone on its line ("Baca juga:", dropped by a rule with
    ``label: true``) and the linked headlines on the lines below it, as text dumps
    print a link box: up to CROSSLINK_LABEL_RUN headline-like lines right after the
    label go with it, in its category (all of them when no paragraph follows). A sentence
    (or two in one line), a date, or a line sharing most of its words with the story with a
    paragraph after it (a subheading: the links were lost) ends the box."""
    lines = p.lines
    for i in range(start, end):
        label = lines[i]
        if label.rule not in p.inputs.label_rules:
            continue
        for j in range(i + 1, end):
            line = lines[j]
            if line.category is not None or j > i + CROSSLINK_LABEL_RUN and _story_after(p, j - 1, end):
                break
            t = line.text
            if not link_like(t) or dates.find_date(t) or SENTENCE_INSIDE.search(t):
                break
            # A subheading of the story shares most of its words with the body
            # (the links were lost in scraping); another story's headline does not. A
            # bulleted line is no subheading ("- Harga dan Spesifikasi Redmi K20 Pro" under
            # "Baca Juga:" in a story about that phone: a technology site of AM).
            # No subheading closes the story: under the label, headlines with no paragraph
            # after them are links, on the story's topic or not (an104: four "BNN ..." links
            # under a story about the BNN).
            if not BULLET.match(t) and p.shared_words(t, start, end) > INJECTED_MAX_SHARED \
                    and _story_after(p, j, end):
                break
            line.drop(label.category, "structure:link-box")
            p.doc.set_meta("related", BULLET.sub("", t).strip(), "structure:link-box")   # (as headline_list)


def _story_after(p: Page, j: int, end: int) -> bool:
    """A paragraph of the story (prose) follows line j before the body's end."""
    return any(line.category is None and prose_like(line.text) for line in p.lines[j + 1:end])


def injected_headline(p: Page, start: int, end: int) -> None:
    """Another story's headline between two paragraphs (after a sentence's end)."""
    lines = p.lines
    for i in range(start, end):
        line = lines[i]
        if line.category is not None or i == p.dateline_idx:
            continue
        t = line.text
        n_words = count_words(t)
        if n_words < (INJECTED_MIN_WORDS if ", " in t else INJECTED_MIN_WORDS_NO_COMMA) \
                or not headline_like(t):
            continue
        if dates.find_date(t) or BULLET.match(t) or NUMBERED.match(t) or lowercase_content_words(t) >= 2 \
                or t[0] in LIST_MARKS or t[0] == "|" or CLOSED_BY_END_MARK.search(t):
            # (a list item's mark glued to its first word, "-Kecamatan Padang Batung; Desa ...",
            # between items that end with a full stop: an unseen Kalsel page of R; a table's
            # row, "| Jenis Bantuan / Program | Cakupan Sasaran | ... |": a Lombok outlet of AI;
            # a line closed by the story's end mark, a list of names: its last paragraph)
            continue
        if i == len(lines) - 1 and (CUT_WORD.search(t) or LOWER_LAST_WORD.search(t)):
            # The page's last line ends in a cut word ("... Teddy Tandaju menilai, Ca", "...
            # MS pun sependap": the scraper stopped mid-word; a headline in title case ends
            # in a capitalised word): a paragraph cut short, not a headline.
            continue
        if ", " not in t and p.shared_words(t, start, end) > INJECTED_MAX_SHARED:
            # A subheading speaks of the story around it; another story's
            # headline mostly does not.
            continue
        prev = next((lines[k] for k in range(i - 1, start - 1, -1) if lines[k].category is None), None)
        if prev is None or not ends_sentence(prev.text):
            continue
        nxt = p.next_kept(i)
        if nxt is not None and nxt < end and lines[nxt].text[:1].islower():
            # The sentence goes on on the next line, in lower case: a hard-wrapped paragraph's
            # line ("Disampaikan Ketua KPU OKI, M Irsan" / "rencananya debat publik ...",
            # "... Syaifudin HM. Kemudian juga hadir Kabag Iklan" / "Sutopoyuwono dan ...": BS, BT).
            continue
        if nxt is not None and nxt < end and speaks_of_below(t, prev.text, lines[nxt].text):
            continue    # (a subheading: shapes.SUBHEADING_BELOW_MIN)
        line.drop("recommendation", "structure:injected-headline")
        p.doc.set_meta("related", t, "structure:injected-headline")


# An image's cell of a markdown table, empty or not: "![]() |", "![alt](https://...) |".
IMAGE_CELL = regex.compile(r"^!\[[^\]]*\]\([^)]*\)\s?\|$")


def teaser_cells(p: Page, start: int, end: int) -> None:
    """A teaser grid a dump printed as a markdown table: a headline's cell ("Harga Cabai
    Naik Turun di Pasar Sentral Makale |") over its image's cell ("![]() |"), under the story
    (Tribun Toraja in AC, Tribun Lampung in V: the headlines without a comma, which
    injected_headline leaves). A story's own table has no image cell under each row. A cell
    under an image's cell is that photo's caption (structure:cell-caption)."""
    lines = p.lines
    for i in range(start, min(end, len(lines))):
        line = lines[i]
        t = line.text
        if line.category is not None or not t.endswith("|") or i == p.dateline_idx:
            continue
        if i + 1 == len(lines) or not IMAGE_CELL.match(lines[i + 1].text):
            # Under its image's cell, a cell alone on its line is the photo's caption or credit
            # ("![]() |" / "Cabai Rawit di Lapak Pedagang Pasar Legi Mojosari |": two outlets of BA),
            # its row's opening bar printed too ("| Plt. Kepala Dinas Kominfo ..., SE |": BG).
            if i > 0 and IMAGE_CELL.match(lines[i - 1].text) and "|" not in t.strip("| ") and count_words(t) >= 2:
                line.drop("caption", "structure:cell-caption")
            continue
        headline = t.rstrip(" |")
        if count_words(headline) < INJECTED_MIN_WORDS or not headline_like(headline):
            continue
        line.drop("recommendation", "structure:teaser-cell")
        p.doc.set_meta("related", headline, "structure:teaser-cell")
