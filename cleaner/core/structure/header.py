"""The header pass: walk the top of the page, line by line, until the body opens.

Each kept line meets the steps of :data:`HEADER_STEPS` in order; the first step that takes the line
decides it (``NEXT``: go on with the next line; ``STOP``: the header ends here). A line no step takes ends
the header too. Each step is named after the ``structure:*`` rule id it gives (catalogue.py lists them
all); the order is the order of decisions and must not change without a new baseline.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...model.document import Line
from ...text import dates
from ...text.byline import parse_closing_credit
from ...text.signals import (
    QUOTE_START,
    count_words,
    ends_sentence,
    glued_row,
    headline_like,
    prose_like,
    same_text,
    sentence_case,
    starts_with_text,
    title_like,
)
from .credits import dashed_name, header_credit, person_name, record_credit
from .frame import lone_dateline_story, settle_standfirst, site_line_over_headline
from .shapes import (
    BRACKET_CREDIT,
    BULLET,
    CAPTION_LABEL_OPEN,
    CAPTION_MARK_END,
    CAPTION_OPENERS,
    CREDIT_WORD,
    DOMAIN,
    HEADER_CATS,
    HEADER_MAX_LINES,
    INJECTED_MIN_WORDS,
    LABEL_CAPTION,
    LABEL_MAX_WORDS,
    NAME_AND_OUTLET,
    NUMBERED,
    OUTLET_DATELINE_WINDOW,
    OUTLET_MAX_WORDS,
    SENTENCE_THEN_CREDIT,
    STANDFIRST_MIN_WORDS,
    TITLE_CLOSERS,
    breadcrumb_prefixed,
    caption_like,
    count_list_item,
    credit_suffix,
    cut_off,
    fragment_line,
    headline_copy,
    headline_slug,
    kicker_headline,
    kicker_over,
    lowered_words,
    menu_row,
    named_dateline,
    paragraph_after,
    photo_credit_like,
    replaces_headline,
    site_suffixed,
    slash_credit,
    ticker_row,
    timestamp_shaped,
)
from .state import Page

NEXT, STOP = "next", "stop"
# Lines that do not confirm a standfirst above them (links, ads, widgets: printed between paragraphs too);
# any other header line (a byline, the date, a photo credit or caption, a label) says the header goes on.
NOT_LEAD_CONFIRMERS = frozenset({"crosslink", "recommendation", "ad", "social", "nav"})


@dataclass(slots=True)
class HeaderScan:
    """Where the header scan is: what it has seen so far and the line it is on."""
    last_hdr: int = -1               # the last header line
    title_closed: bool = False       # a line that comes after the headline was seen
    prev_kind: str | None = None     # category of the last header line
    lead_cand: int | None = None     # a standfirst, kept only if the header goes on
    lead_confirmed: bool = False     # a byline, date, caption or credit came after it
    i: int = 0                       # the line looked at
    line: Line | None = None
    t: str = ""
    dl: str | None = None            # the dateline opening it
    j: int | None = None             # the next kept line after it

    def took(self, i: int, kind: str | None, closes: bool = False, category: str | None = None) -> str:
        """Line i is header (of ``kind``, which the next line sees as prev_kind; its
        ``category`` when the step leaves prev_kind as it was)."""
        self.last_hdr = i
        category = category or kind
        if self.lead_cand is not None and i > self.lead_cand and category is not None \
                and category not in NOT_LEAD_CONFIRMERS:
            self.lead_confirmed = True
        if kind is not None:
            self.prev_kind = kind
        if closes:
            self.title_closed = True
        return NEXT


def dateline_opens_body(p: Page, s: HeaderScan) -> str | None:
    """A paragraph opening with the dateline ends the header (not right under a photo
    credit, where an upper-case caption label looks like one, unless it names the site
    or the outlet's rule file gives it as a dateline or its body_start)."""
    dl, t = s.dl, s.t
    if dl and (count_words(t) >= 6 or p.own_line_dateline(s.i)) and not (
            s.prev_kind == "photo_credit" and not opens_body_under_credit(p, s)) \
            and not kicker_headline(dl, t):
        if not named_dateline(dl) and s.j is not None and named_dateline(p.dateline_of(p.lines[s.j].text) or ""):
            # a caption's label over the dateline that names the site ("TUNJUKKAN - ..." / "BATANG, RADAR PEKALONGAN -")
            s.line.drop("caption", "structure:header-caption")
            return s.took(s.i, "caption")
        return STOP
    return None


def opens_body_under_credit(p: Page, s: HeaderScan) -> bool:
    """Right under a photo credit, the line opens the body only with a dateline that names
    the site ("TRIBUNNEWS.COM -", "Jakarta, CNBC Indonesia -"), the outlet's own dateline or
    body_start marker, a dateline alone on its line ("Jakarta -" above the first paragraph: no
    caption is only that) or one no other dateline follows (frame.lone_dateline_story)."""
    return bool(s.dl and (named_dateline(s.dl) or lone_dateline_story(p, s.i, s.dl, s.last_hdr)
                          or s.dl.strip() == s.t.strip() and p.own_line_dateline(s.i))) \
        or p.outlet_opens_body(s.t)


def date_line(p: Page, s: HeaderScan) -> str | None:
    """A line that is only a date, or mostly dates (structure:date-line); one that names
    its writer too ("Wisnu CiptoWisnu Cipto - Kamis, 15 Mei 2025") is the credit line's."""
    if not dates.mostly_date(s.t) or getattr(header_credit(p, s.t), "authors", None):
        return None
    s.line.drop("date", "structure:date-line")
    return s.took(s.i, "date", closes=p.title_idx is not None)


def timestamp_line(p: Page, s: HeaderScan) -> str | None:
    """A short line (no sentence) carrying a date with its clock time that no credit
    step read: "Chris Davies - Nov 19, 2019, 10:31 pm CST", "KAMIS, 18 APRIL 2024 |
    03:06 WIB | LAPORAN: NAME" (structure:date-line): a headline has none."""
    if not timestamp_shaped(s.t):
        return None
    s.line.drop("date", "structure:date-line")
    return s.took(s.i, "date", closes=p.title_idx is not None)


def credit_line(p: Page, s: HeaderScan) -> str | None:
    """A credit line the rules did not know (structure:credit-line): "Laporan Name |
    Place" (d070), "Name , Jurnalis-<date>" (d107), "oleh Name diperbarui <date>"
    (d116). Above the headline, a bare "Label Name" could be the headline itself."""
    credit = header_credit(p, s.t)
    if credit is None:
        return None
    kind = record_credit(p, credit, "structure:credit-line")
    s.line.drop(kind, "structure:credit-line")
    # (a date line naming its writer by a short name, loose: the scan reads on as under a date line)
    return s.took(s.i, "date" if credit.loose and kind == "byline" and dates.mostly_date(s.t) else kind,
                  closes=p.title_idx is not None)


def name_with_outlet(p: Page, s: HeaderScan) -> str | None:
    """A person's name and the outlet's, comma or bar between, right under the headline,
    its date or its standfirst (structure:name-line): the author ("Tasya Natalia, CNBC Indonesia" over
    "Jakarta, CNBC Indonesia - ..." on CNBC Indonesia's pages; "Irwan Febri Rialdi |
    BolaTimes.com" under the standfirst). The outlet is a domain, or the name a dateline
    below opens with."""
    if p.title_idx is None or s.prev_kind not in ("title", "date", "lead"):
        return None
    m = NAME_AND_OUTLET.match(s.t.strip())
    if m is None or not person_name(m.group(1)):
        return None
    outlet = m.group(2)
    if count_words(outlet) > OUTLET_MAX_WORDS or not outlet[:1].isupper():
        return None
    if DOMAIN.fullmatch(outlet) is None:
        folded = outlet.casefold()
        below = p.lines[s.i + 1:s.i + 1 + OUTLET_DATELINE_WINDOW]
        if not any(folded in ln.text[:40].casefold() for ln in below if ln.text.strip() != s.t.strip()):
            return None
    s.line.drop("byline", "structure:name-line")
    p.doc.set_meta("authors", [m.group(1).strip()], "structure:name-line")
    return s.took(s.i, "byline", closes=True)


def name_line(p: Page, s: HeaderScan) -> str | None:
    """A person's name alone right under the headline or its date, or right above the editor's line
    (structure:name-line): the author ("Dede Febriansyah" d113, "Teguh Kurniawan" over "Editor: ..." d127,
    "TSALIS NUR SHOLIKHAH" under the date d097; after a dash, "- Daud", "- Redaksi"). Under the headline,
    one the story names is the person in the photo: its caption ("Indra Sjafri", "Sri Wahyuni": AK)."""
    name = dashed if (dashed := dashed_name(s.t)) is not None else s.t.strip() if person_name(s.t) else None
    if p.title_idx is None or name is None:
        return None
    below = p.lines[s.i + 1] if s.i + 1 < len(p.lines) else None
    above_credit = below is not None and below.category in ("editor", "byline")
    if s.prev_kind not in ("title", "date") and not above_credit or below is not None and BULLET.match(below.text) \
            and prose_like(below.text):     # (over a bulleted sentence: a summary box's heading, "Poin Penting")
        return None
    pictured = s.prev_kind == "title" and bool(name) and p.named_below(s.i, name)     # (the scan goes on alike)
    s.line.drop("caption" if pictured else "byline", "structure:header-caption" if pictured else "structure:name-line")
    if name and not pictured:
        p.doc.set_meta("authors", [name], "structure:name-line")
    return s.took(s.i, "byline", closes=True)


def title_repeat(p: Page, s: HeaderScan) -> str | None:
    """The headline printed again under itself (structure:title-repeat); printed first with the site's name
    after a dash ("... - Kabar Indo") or after a breadcrumb and then bare, the bare one (p.bare_headline)."""
    if p.title_idx is None:
        return None
    title = p.lines[p.title_idx].text
    if site_suffixed(title, s.t) or breadcrumb_prefixed(title, s.t):
        p.bare_headline(s.i)     # printed twice, it is the headline: no later line replaces it
        return s.took(s.i, "title", closes=True)
    # (or a copy under it after a few words: "Thumbnail <headline>", an image's alt text, AA)
    if not headline_copy(s.t, title):
        return None
    if p.story_glued_to_headline(s.i):
        return STOP
    # A photo's credit after it makes a caption; the site's name after it ("- JPNN.com Jatim": d061) a title.
    kind = "caption" if caption_like(s.t) or credit_suffix(title, s.t) and not site_suffixed(s.t, title) \
        else "title"
    s.line.drop(kind, "structure:title-repeat")
    # Printed twice in a row, a headline longer than a label stays: no title-case standfirst replaces it.
    twice = kind == "title" and s.prev_kind == "title" and same_text(s.t, title) and count_words(title) > LABEL_MAX_WORDS
    return s.took(s.i, kind, closes=twice)


def caption_after_credit(p: Page, s: HeaderScan) -> str | None:
    """After a photo credit comes its caption, even one that opens with an upper-case
    label ("KIM DAN PUTIN - Foto diambil ..."), unless the line opens the body there
    (opens_body_under_credit)."""
    if s.prev_kind != "photo_credit" or opens_body_under_credit(p, s):
        return None
    s.line.drop("caption", "structure:caption-after-credit")
    return s.took(s.i, "caption", closes=True)


def repeated_paragraph(p: Page, s: HeaderScan) -> str | None:
    """A paragraph printed twice at the top: the standfirst and the first paragraph (further copies go too)."""
    lines, j, t = p.lines, s.j, s.t
    if j is None or not same_text(lines[j].text, t) or not prose_like(t) or p.dateline_follows(j) \
            or SENTENCE_THEN_CREDIT.search(t) or caption_like(t):
        return None     # (a credit closes a caption printed twice: harianbhirawa, T; rmolaceh, AD)
    lines[j].drop("lead" if p.title_idx is not None else "other", "structure:repeated-paragraph")
    if p.title_idx is not None and p.lead_idx is None:
        p.lead_idx = j
    k = p.next_kept(j)
    while k is not None and same_text(lines[k].text, t):
        lines[k].drop("other", "structure:repeated-paragraph")
        k = p.next_kept(k)
    return STOP


def caption_repeat(p: Page, s: HeaderScan) -> str | None:
    """A caption and its longer copy (with the credit), or printed twice."""
    lines, j, t = p.lines, s.j, s.t
    if j is not None and (p.title_idx is None or replaces_headline(lines[p.title_idx].text, t)) and title_like(t) \
            and lines[j].text != t and (same_text(lines[j].text.rstrip(" ."), t) or starts_with_text(lines[j].text, t)) \
            and (sentence_case(lines[j].text) or lowered_words(t, lines[j].text) >= 2):
        return None     # the headline, then its standfirst in sentence case, maybe longer (Tribun Kaltim, S, AC)
    if j is not None and cut_off(t) and starts_with_text(lines[j].text, t) and paragraph_after(t, lines[j].text):
        # The first paragraph cut short by an ellipsis over the whole of it ("BIMA,KS.- Sesuai
        # ... Komisi P...", BL): the standfirst's excerpt, as frame.find_dateline's with a dateline.
        s.line.drop("lead", "structure:lead-repeats-body")
        if p.lead_idx is None:
            p.lead_idx = s.i
        return STOP
    if j is None or not (starts_with_text(lines[j].text, t) and not p.story_after(lines[j].text, t)
                         and not paragraph_after(t, lines[j].text) or (
            same_text(lines[j].text, t) and count_words(t) >= 3 and (s.title_closed or not title_like(t)
                                                                        and not p.headline_over_furniture(s.i)))):
        return None
    if p.title_idx is None and count_words(t) <= LABEL_MAX_WORDS and title_like(lines[j].text):
        # A kicker whose words open the headline ("Berita Arema" / "BERITA AREMA POPULER
        # Hari Ini, ...": d073) is a label above it, not a caption and its copy.
        return None
    if p.title_idx is None and count_words(t) > LABEL_MAX_WORDS and title_like(t) and not caption_like(t) \
            and not same_text(lines[j].text, t) and (caption_like(lines[j].text) or credit_suffix(t, lines[j].text)):
        # The headline first, then the photo's copy of it with a credit ("... Tak Pernah Padam" /
        # "... Tak Pernah Padam--screenshot dari web"): the title and its caption (title_repeat's).
        return None
    s.line.drop("caption", "structure:caption-repeat")
    lines[j].drop("caption", "structure:caption-repeat")
    return s.took(j, "caption", closes=True)


def photo_credit_word(p: Page, s: HeaderScan) -> str | None:
    """"Foto: ..." under the headline (structure:photo-credit)."""
    if p.title_idx is None or not CREDIT_WORD.match(s.t) or not photo_credit_like(s.t):
        return None
    s.line.drop("photo_credit", "structure:photo-credit")
    return s.took(s.i, "photo_credit", closes=True)


def caption_credit(p: Page, s: HeaderScan) -> str | None:
    """A caption ending with its credit: under the headline, right after a date or
    credit, or (a sentence closed by a bracketed credit) right above the headline."""
    t = s.t
    credited = BRACKET_CREDIT.search(t) or SENTENCE_THEN_CREDIT.search(t)
    if not ((caption_like(t) and p.title_idx is not None)
            or credited and s.prev_kind in ("title", "date", "byline", "photo_credit")
            or SENTENCE_THEN_CREDIT.search(t) and p.title_idx is None and s.j is not None
            and title_like(p.lines[s.j].text)):
        return None
    s.line.drop("caption", "structure:caption-credit")
    # A caption above the headline does not close it: the headline is still to come.
    return s.took(s.i, "caption", closes=p.title_idx is not None)


def caption_opener(p: Page, s: HeaderScan) -> str | None:
    """Under the headline, a line that says it is a caption ("Ilustrasi titik pusat gempa
    menurut USGS.", "Foto: ...", "Tangkapan layar ..."; in the labelled pages such a line
    is never the story's nor a standfirst) (structure:caption-credit)."""
    if p.title_idx is None or not s.t.lstrip().lower().startswith(CAPTION_OPENERS):
        return None
    s.line.drop("caption", "structure:caption-credit")
    return s.took(s.i, "caption", closes=True)


def header_list(p: Page, s: HeaderScan) -> str | None:
    """A bulleted headline in the header: a recommendation list."""
    if not (BULLET.match(s.t) and headline_like(BULLET.sub("", s.t))):
        return None
    s.line.drop("recommendation", "structure:header-list")
    return s.took(s.i, "recommendation")


def title(p: Page, s: HeaderScan) -> str | None:
    """The headline (structure:title). Under it, a second headline is its subtitle
    (structure:subtitle, the standfirst) or another headline (structure:second-headline);
    a longer headline under a label replaces it (the label: structure:label-above-title)."""
    t = s.t
    if s.title_closed or not (title_like(t) or p.headline_over_furniture(s.i)) \
            or slash_credit(t) or LABEL_CAPTION.match(t) or NUMBERED.match(t) or fragment_line(t) \
            or SENTENCE_THEN_CREDIT.search(t) or caption_like(t) or t.casefold().startswith("logo ") or menu_row(t) \
            or count_list_item(p.lines, s.i) or p.title_idx is not None and p.name_above_date(s.i):
        return None     # (an image's alt text: "Logo Jowonews Brown"; a writer over the date line)
    if p.title_idx is not None and not replaces_headline(p.lines[p.title_idx].text, t):
        if p.over_photo_label(s.i):     # (a caption in title case over "Sumber :": VIVA's sites, T, AB, AE)
            s.line.drop("caption", "structure:header-caption")
        elif p.lead_idx is None and s.lead_cand is None and count_words(t) >= STANDFIRST_MIN_WORDS:
            s.lead_cand = s.i
            s.line.drop("lead", "structure:subtitle")
        else:
            s.line.drop("other", "structure:second-headline")
            if count_words(t) <= LABEL_MAX_WORDS and s.j is not None and kicker_over(p.lines[p.title_idx].text, p.lines[s.j].text):
                return s.took(s.i, "lead")      # (the candidate above: a slogan's banner)
        return s.took(s.i, "lead", closes=True)
    if p.title_idx is not None:
        p.lines[p.title_idx].drop("section", "structure:label-above-title", force=True)
    p.title_idx = s.i
    s.line.drop("title", "structure:title")
    return s.took(s.i, "title")


def photo_credit(p: Page, s: HeaderScan) -> str | None:
    """A credit-shaped line under the headline."""
    if p.title_idx is None or not photo_credit_like(s.t):
        return None
    s.line.drop("photo_credit", "structure:photo-credit")
    return s.took(s.i, "photo_credit", closes=True)


def name_above_date(p: Page, s: HeaderScan) -> str | None:
    """Title, author, date: the blog layout ("wartapalapa" / "Rabu, 28 Desember 2022").
    With no headline on the page, only above a date with a time (an AMP page's header
    "Galih Prasetyo" / "Rabu, 26 April 2023 | 20:55 WIB": d114; a site bar's date has none)."""
    if not p.name_above_date(s.i):
        return None
    if p.title_idx is None:
        found = dates.find_date(p.lines[s.i + 1].text)
        if found is None or not found.has_time:
            return None
    s.line.drop("byline", "structure:name-above-date")
    p.doc.set_meta("authors", [s.t.strip()], "structure:name-above-date")
    return s.took(s.i, "byline", closes=p.title_idx is not None)


def label(p: Page, s: HeaderScan) -> str | None:
    """Three words or fewer: a section label above the headline, else a caption or other."""
    t = s.t
    if count_words(t) > 3 or BULLET.match(t) and p.title_idx is not None or QUOTE_START.match(t) or NUMBERED.match(t) \
            or s.lead_cand is not None and t[:1] in "([" and parse_closing_credit(t):
        return None     # ("• Beranda" above the headline: a menu's; "(Name)" under a paragraph: its credit, T)
    kind = "section" if p.title_idx is None else "caption" if ends_sentence(t) else "other"
    s.line.drop(kind, "structure:label")
    return s.took(s.i, None, category=kind)


def glued_links(p: Page, s: HeaderScan) -> str | None:
    """Link labels run together into one line ("Tentang KamiPedoman Media SiberKetentuan ...", "Bagikan
    Ke WhatsAppBagikan Ke Facebook..."): a menu or share row, whatever its length (signals.glued_row); a
    menu's rubrics printed with spaces (shapes.menu_row); a news ticker (shapes.ticker_row)."""
    if ticker_row(s.t):
        s.line.drop("recommendation", "structure:ticker")
        return s.took(s.i, None, category="recommendation")
    spaced = menu_row(s.t)
    if not (spaced or glued_row(s.t)) or prose_like(s.t):
        return None
    s.line.drop("nav", "structure:menu-row" if spaced else "structure:glued-links")
    return s.took(s.i, None, category="nav")


def injected_headline(p: Page, s: HeaderScan) -> str | None:
    """Another story's headline (with a comma) after the header's headline block."""
    t = s.t
    if not (s.title_closed and ", " in t and headline_like(t) and count_words(t) >= INJECTED_MIN_WORDS):
        return None
    s.line.drop("recommendation", "structure:injected-headline")
    p.doc.set_meta("related", t, "structure:injected-headline")
    return s.took(s.i, None, category="recommendation")


def lead(p: Page, s: HeaderScan) -> str | None:
    """A line of five words or more right under the headline or its date: the standfirst (kept
    as one only when the header goes on after it); one that opens with a caption's label ("TERIMA
    MASUKAN: ...", "Foto. Wali Kota ...", "ILUSTRASI. PT ...": three outlets of R), stands over a
    photo's source label ("Sumber :" / "• Foto dokumentasi istimewa", R), is printed again under its
    credit ("Foto: Republika/Name") or is the headline in lower case (headline_slug) is a caption."""
    if not (p.title_idx is not None and p.lead_idx is None and s.lead_cand is None
            and s.prev_kind in ("title", "date") and count_words(s.t) >= 5 and not CAPTION_MARK_END.search(s.t)):
        return None
    below = p.lines[s.i + 1: s.i + 3]
    if CAPTION_LABEL_OPEN.match(s.t) or CREDIT_WORD.match(s.t) or headline_slug(p.lines[p.title_idx].text, s.t) or below and (
            p.over_photo_label(s.i)
            or len(below) == 2 and CREDIT_WORD.match(below[0].text) and same_text(below[1].text, s.t)):
        s.line.drop("caption", "structure:header-caption")
        return s.took(s.i, "caption")
    s.lead_cand = s.i
    s.line.drop("lead", "structure:lead")
    return s.took(s.i, "lead", closes=True)


def header_caption(p: Page, s: HeaderScan) -> str | None:
    """Between the byline (or text-size widget) and a byline or dateline that
    follows, a sentence is the photo's caption."""
    if not (p.title_idx is not None and prose_like(s.t)
            and s.prev_kind in ("byline", "editor", "other", "widget") and (p.header_continues(s.i + 1)
                or p.inputs.header_caption and s.prev_kind == "widget" and not s.dl)):
        return None
    s.line.drop("caption", "structure:header-caption")
    return s.took(s.i, "caption")


# (rule id, step), in the order every kept header line meets them.
HEADER_STEPS = (
    ("structure:dateline", dateline_opens_body),
    ("structure:date-line", date_line),
    ("structure:credit-line", credit_line),
    ("structure:date-line", timestamp_line),
    ("structure:title-repeat", title_repeat),
    ("structure:caption-after-credit", caption_after_credit),
    ("structure:repeated-paragraph", repeated_paragraph),
    ("structure:caption-repeat", caption_repeat),
    ("structure:photo-credit", photo_credit_word),
    ("structure:caption-credit", caption_credit),
    ("structure:caption-credit", caption_opener),
    ("structure:header-list", header_list),
    ("structure:name-line", name_with_outlet),
    ("structure:title", title),
    ("structure:photo-credit", photo_credit),
    ("structure:name-above-date", name_above_date),
    ("structure:name-line", name_line),
    ("structure:glued-links", glued_links),
    ("structure:label", label),
    ("structure:injected-headline", injected_headline),
    ("structure:lead", lead),
    ("structure:header-caption", header_caption),
)
_STEPS = tuple(step for _, step in HEADER_STEPS)


def scan_header(p: Page) -> int:
    """Walk the top of the page; returns the index of the first body line."""
    s = HeaderScan(last_hdr=p.top - 1)
    for i in range(p.top, min(len(p.lines), p.top + HEADER_MAX_LINES)):
        line = p.lines[i]
        if line.category is not None:
            # Dropped lines are not there for a reader (nor on a second pass): the scan goes past them.
            if line.category in HEADER_CATS:
                s.took(i, line.category, closes=p.title_idx is not None and line.category in TITLE_CLOSERS)
            continue
        s.i, s.line, s.t = i, line, line.text
        s.dl = p.dateline_of(s.t)
        s.j = p.next_kept(i)
        verdict = None
        for step in _STEPS:
            verdict = step(p, s)
            if verdict is not None:
                break
        if verdict != NEXT:
            if verdict is None and site_line_over_headline(p, i):
                continue
            break
    return settle_standfirst(p, s.lead_cand, s.lead_confirmed, s.last_hdr + 1)
