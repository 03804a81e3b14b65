"""Where the header ends and the body starts: field labels split over two lines, the
dateline paragraph, an outlet's body-start marker, and the leftover header lines."""
from __future__ import annotations

from collections import Counter

from ...text import dates
from ...text.byline import flatten_table
from ...text.signals import count_words, ends_sentence, link_like, prose_like, starts_with_text, title_like
from .credits import header_credit, record_credit
from .shapes import (
    BULLET,
    CAPTION_LABEL_OPEN,
    CAPTION_OPENERS,
    CREDIT_WORD,
    HEADER_MAX_LINES,
    LABEL_MAX_WORDS,
    NAME_LINE,
    SENTENCE_THEN_CREDIT,
    SITE_DATELINE_GAP,
    SPLIT_LABELS,
    caption_like,
    caption_shaped,
    caption_words,
    content_words,
    cut_off,
    kicker_headline,
    photo_credit_like,
    site_suffixed,
    strong_dateline,
    timestamp_shaped,
    topic_words,
    word_overlap,
)
from .state import Page

# A label line is short: the longest label and a dozen characters of list mark, bars and
# colon ("- Ditulis Oleh :", "Reporter | : |"); longer lines are not looked at.
SPLIT_LABEL_MAX_CHARS = max(map(len, SPLIT_LABELS)) + 12
# After a brand's dash, a date line's date and time: "27 Juni 2022, 00:45 WIB" (23), "Senin,
# 27 Juni 2022 - 00:45:00 WIB" (35); a story's first sentence runs longer.
DATE_REST_MAX_CHARS = 48
# A leftover header line longer than this is no credit line (parse_credit is not tried).
CREDIT_LINE_MAX_CHARS = 120


def split_label(p: Page) -> None:
    """A field label alone on its line and the name on the next ("Reporter" /
    "Ashaq Lupito"), as AMP and app layouts print them; as list items too ("- Penulis :"
    / "- Gian Barani"), the colon on the name's line too ("Editor" / ": Bantors Sihombing": AX)."""
    lines = p.lines
    for i in range(len(lines)):
        line, nxt = lines[i], lines[i + 1] if i + 1 < len(lines) else None
        if line.category is not None or len(line.text) > SPLIT_LABEL_MAX_CHARS:
            continue
        label = BULLET.sub("", line.text)
        field = SPLIT_LABELS.get(flatten_table(label).strip(" :").casefold())
        if field is None:
            continue
        category = "editor" if field == "editor" else "byline"
        name = BULLET.sub("", nxt.text).strip() if nxt is not None and nxt.category is None else ""
        if name[:1] in ":：" and ":" not in label:
            name = name[1:].strip()
        if not NAME_LINE.match(name) or name.strip(" :").casefold() in SPLIT_LABELS or caption_words(name):
            if ":" in label:
                # The label and its colon, no name after ("Pewarta :", "Reporter | : |"): a
                # credit naming nobody (the site left the field empty).
                line.drop(category, "structure:split-label")
            continue
        line.drop(category, "structure:split-label")
        nxt.drop(category, "structure:split-label")
        p.doc.set_meta(field, [name] if field == "authors" else name, "structure:split-label")


def find_dateline(p: Page, limit: int) -> int | None:
    """The first paragraph (of the first ``limit`` lines) opening with the dateline; a
    standfirst that opens with it and repeats the next one is dropped as the lead
    (structure:lead-repeats-body). Other stories' teasers above the story open with their
    datelines too and are cut off with an ellipsis ("Pekan Baru-- Keberangkatan ... oleh
    Dinas...", four of them above the headline on an unseen page): the first paragraph
    that is no such excerpt, if there is one."""
    first_cut = None
    for i in range(p.top, limit):
        line = p.lines[i]
        if line.category is not None:
            continue
        dl = p.dateline_of(line.text)
        if not dl:
            continue
        if count_words(line.text) < 6 and not p.own_line_dateline(i) or kicker_headline(dl, line.text):
            continue
        rest = line.text[len(dl):]
        if len(rest) <= DATE_REST_MAX_CHARS and dates.mostly_date(rest):
            continue        # "Kompas.tv - 27 Juni 2022, 00:45 WIB": the site's date line (kompastv, nusantaratv)
        nxt = p.next_dateline(i)
        if nxt is not None and word_overlap(line.text, p.lines[nxt].text) > 0.6:
            line.drop("lead", "structure:lead-repeats-body")
            p.lead_idx = i
            continue
        if cut_off(line.text):
            if first_cut is None:
                first_cut = (i, dl)
            continue
        return site_dateline_below(p, i, dl, limit)
    return site_dateline_below(p, *first_cut, limit) if first_cut is not None else None


def site_dateline_below(p: Page, i: int, dl: str, limit: int) -> int:
    """A caption opens like a dateline too ("SEJARAH BALIKPAPAN - Akademisi ...", an
    upper-case label): when a paragraph a few lines below opens with one that names the
    site ("TRIBUNKALTIM.CO - ..."), with no other paragraph between, that one opens the
    story (Tribun's captions above the story on unseen tribunkaltim and tribunjateng
    pages). A caption may print the site's own dateline too ("SOLOPOS.COM - Ilustrasi
    perbaikan jalan ... (Solopos.com-Humas)": unseen solopos page, whose story was then
    taken for a teaser): a line that reads as a caption gives way to the next one."""
    caption = caption_after_dateline(p.lines[i].text, dl)
    if strong_dateline(dl) and not caption:
        return i
    k = i
    for _ in range(SITE_DATELINE_GAP):
        k = p.next_kept(k)
        if k is None or k >= limit:
            break
        text = p.lines[k].text
        found = p.dateline_of(text)
        if found and (strong_dateline(found) or caption) and count_words(text) >= 6:
            p.caption_dateline_idx = i
            return k
        if prose_like(text) and not BULLET.match(text):
            # a second paragraph: the label's line is the story's first (a teaser
            # naming the site may follow the story); a bulleted line is a summary
            # box's, between the caption and the story (Tribun's "Poin Penting:")
            break
    return i


def lone_dateline_story(p: Page, i: int, dl: str, credit: int) -> bool:
    """Line i, under the photo credit line ``credit``, opens with a dateline and is the
    story's first paragraph: the credit is labelled ("Foto : Istimewa", "Foto. TKP
    Kebakaran": shapes.CREDIT_WORD; it carries what the photo shows itself), the line reads as prose and not
    as a caption, and no other paragraph a few lines on opens with a dateline
    (journaltelegraf, an Aceh police portal, a Kubu Raya community site). Under a bare
    credit ("TRIBUNKALTARA.COM/NAME") an upper-case label and a dash open the caption
    ("LONGSOR - Kondisi longsor ..."), on a page 2 with no dateline paragraph after it too."""
    text = p.lines[i].text
    return bool(CREDIT_WORD.match(p.lines[credit].text)) and p.next_dateline(i) is None \
        and prose_like(text) and not caption_after_dateline(text, dl)


def settle_standfirst(p: Page, cand: int | None, confirmed: bool, start: int) -> int:
    """The header scan's standfirst candidate line ``cand``, settled once the scan is done;
    returns the first body line (``start``, or the candidate when it opens the story)."""
    if cand is None:
        return start
    lines = p.lines
    if not confirmed and ends_sentence(lines[cand].text) and not p.dateline_follows(cand):
        # A standfirst is printed above the byline, date, photo or dateline paragraph (there, 13 more
        # standfirsts than captions: d104 one, d052 not); else it is the first paragraph (d089, d099).
        lines[cand].category = lines[cand].rule = None
        return cand
    if caption_shaped(lines[cand].text) or p.caption_over_story(cand):   # a caption's shape or place
        lines[cand].drop("caption", "structure:header-caption", force=True)
    elif p.title_idx is not None and cand < p.title_idx:
        # Above the headline's last copy (the scan took the bare copy for the headline: p.bare_headline),
        # it stood between the two copies: the site's furniture ("Whatshop - Tema WhatsApp Toko Online
        # Store Blogger Template", an ad, between "<headline> - Warta Global Jateng" and the headline: BF)
        lines[cand].drop("other", "structure:header-label", force=True)
    else:
        p.lead_idx = cand
    return start


def caption_after_dateline(text: str, dl: str) -> bool:
    """What follows the dateline reads as a photo caption: it opens with "Ilustrasi" or
    "Foto", or it ends with the photo's credit (shapes.caption_like)."""
    rest = text[len(dl):].lstrip(" -–—:,")
    return rest.lower().startswith(CAPTION_OPENERS) or caption_like(text)


def body_start(p: Page) -> int | None:
    """An outlet's own body-start marker (``body_start`` in its rule file) wins
    over the header scan: the body starts at the first line it matches, or
    after it when a rule dropped that line (a "Laporan Wartawan" byline)."""
    for i in range(p.top, min(len(p.lines), p.top + HEADER_MAX_LINES)):
        line = p.lines[i]
        for pat in p.body_start:
            if pat.search(line.text):
                return i + 1 if line.category is not None else i
    return None


# A site's line atop the page is this short; the headline may stand this many kept lines under it.
SITE_LINE_MAX_WORDS = 8
SITE_LINE_REACH = 2


def site_line_over_headline(p: Page, i: int) -> bool:
    """Line i, the page's first line, which no header step takes, is the site's when it is short
    and no prose, a headline right under it (past a label): a skip link ('Press "Enter" to skip to
    content'), an ad pitch ("pasang iklan anda di situs ...": BM, BN, whose headers had gone
    unread). The scan goes on; header_line takes the line. Not in an HTML engine's main content:
    its first line is the headline, in an English sentence case no step takes (two ScrapingHub
    pages: "Bike & Style book with soundtrack review" over "Tested by: ...")."""
    lines = p.lines
    t = lines[i].text
    if i != p.top or p.doc.extracted or p.title_idx is not None or prose_like(t) or count_words(t) > SITE_LINE_MAX_WORDS:
        return False
    j = p.next_kept(i)
    for _ in range(SITE_LINE_REACH):
        if j is None:
            return False
        if len(lines[j].text.split()) > LABEL_MAX_WORDS:     # (words between spaces: no CJK run)
            return title_like(lines[j].text)
        j = p.next_kept(j)
    return False


def header_line(p: Page, k: int) -> None:
    """A header line no step took: a credit (structure:header-credit), text
    (structure:header-text) or a label (structure:header-label)."""
    line = p.lines[k]
    if line.category is not None:
        return
    t = line.text
    credit = header_credit(p, BULLET.sub("", t)) if len(t) <= CREDIT_LINE_MAX_CHARS else None
    if (dates.mostly_date(t) or timestamp_shaped(t)) and not (credit is not None and credit.authors):
        # "• 30 Januari 2019 - 20:46 WIB" under a byline the scan stopped above; one that
        # names its writer is a credit line, as in the scan (date_line): "Catrine Mega -
        # August 23, 2021" (vivagoal, AD)
        line.drop("date", "structure:date-line")
        return
    if credit is not None:
        # "• Oleh Abdul Gofur": the same credit line the header scan reads
        line.drop(record_credit(p, credit, "structure:credit-line"), "structure:credit-line")
    elif photo_credit_like(t):
        line.drop("photo_credit", "structure:header-credit")
    elif p.title_idx is not None and k > p.title_idx and site_suffixed(p.lines[p.title_idx].text, t):
        # The headline bare under its copy with the site's name after a dash ("... - SUARAKPK",
        # a small site of AK), further down than the scan reached: the headline, as in
        # header.title_repeat
        p.bare_headline(k)
    elif prose_like(t) or count_words(t) > 8:
        line.drop("caption" if p.title_idx is not None and k > p.title_idx else "recommendation",
                  "structure:header-text")
    elif p.title_idx is not None and k < p.title_idx:
        line.drop("section", "structure:header-label")
    else:
        line.drop("other", "structure:header-label")


def body_opening(p: Page, start: int) -> int:
    """The first body line, the header scan's ``start`` and the dateline reconciled:
    lines between the scan's end and the dateline are header too (unless prose);
    a scan that ran past the dateline is rolled back to it."""
    lines, n = p.lines, len(p.lines)
    dl = find_dateline(p, min(n, p.top + HEADER_MAX_LINES))
    if dl is not None and dl >= start - 1:
        # Lines between the header scan and the dateline are header too
        # (second captions, "Laporan Wartawan ..."), unless they are prose; a bulleted
        # line there is a summary box's (IDN Times' "Intinya sih...", Tribun's key
        # points) or a teaser list's, and an excerpt cut off with an ellipsis another
        # story's teaser: not the story, which opens at the dateline.
        # A caption above the site's dateline (site_dateline_below): what stands above the
        # caption is header (a standfirst, the photo's credit).
        cap = p.caption_dateline_idx
        first = cap + 1 if cap is not None and start <= cap < dl else start
        kept = [k for k in range(first, dl) if lines[k].category is None]
        # (a caption opening with its upper-case label, "TAK MELAUT : Seratusan boat ...", is
        # no story paragraph either: Rakyat Aceh, AG)
        if len(kept) <= 2 or all(not prose_like(lines[k].text) or BULLET.match(lines[k].text)
                                 or cut_off(lines[k].text) or CAPTION_LABEL_OPEN.match(lines[k].text) for k in kept):
            for k in range(start, dl):
                header_line(p, k)
            start = dl
        p.dateline_idx = dl
    elif dl is not None and dl < start:
        # The scan ran past the dateline (it took the dateline paragraph's
        # neighbours for header lines): the dateline wins.
        for k in range(dl, start):
            if lines[k].rule and lines[k].rule.startswith("structure:"):
                lines[k].category = lines[k].rule = None
        start = dl
        p.dateline_idx = dl
    marked = p.marked_idx = body_start(p)
    return marked if marked is not None else start


# Header steps that take a paragraph for something else (a standfirst, a caption): on a
# page whose body comes out empty, that paragraph was the story.
STORY_IN_HEADER = frozenset({"structure:lead", "structure:caption-credit", "structure:header-text",
                             "structure:header-caption", "structure:caption-after-credit"})
# A paragraph opening with a dateline, this long, is the story's when nothing else is kept.
EMPTY_DATELINED_MIN_WORDS = 8


def empty_body(p: Page) -> None:
    """A one-paragraph story read as the standfirst (credits printed under it) or as a
    caption (closed by the writer's initials in brackets): no paragraph is kept (at most
    a teaser list's headlines), so the paragraphs the header steps took are the body
    again (unseen TVRI and koranmandala pages came out empty)."""
    lines = p.lines
    if any(line.category is None and prose_like(line.text) for line in lines):
        return
    for k, line in enumerate(lines):
        if line.rule not in STORY_IN_HEADER:
            continue
        # (or the story's dateline paragraph cut short, its names' capitals no prose's: "YOGYA –
        # Pimpinan Wilayah Muhammadiyah (PWM) DIY melakukan audiensi dengan Pemerintah Daerah
        # Istimewa Yogyak" under "Dok. Harian Jogja", a page top of BM)
        prose = prose_like(line.text)
        dl = None if prose else p.dateline_of(line.text)
        if not prose and (dl is None or count_words(line.text) < EMPTY_DATELINED_MIN_WORDS):
            continue
        line.category = line.rule = None
        line.zone = "body"
        if p.lead_idx == k:
            p.lead_idx = None
        if dl is not None and p.dateline_idx is None:
            p.dateline_idx = k


# A headline the header scan did not reach shares this many content words with the story's
# opening paragraph, and this share of its own.
LEFTOVER_TITLE_SHARED = 2
LEFTOVER_TITLE_SHARE = 0.3
LEFTOVER_TITLE_WORDS = (3, 30)
# A headline sharing fewer of its topic words with the opening paragraph may be another story's.
OFF_TOPIC_SHARE = 0.25
# A leftover line printed twice (the headline and its repeat: the image's alt text, an AMP
# title) is the headline with one word of the opening paragraph and four words or more.
REPEATED_TITLE_MIN_WORDS = 4
# A headline in sentence case (a standfirst's or a caption's shape too) speaks of the story
# more closely: this many topic words shared with the opening paragraph, this share of its own.
SENTENCE_TITLE_SHARED = 3
SENTENCE_TITLE_SHARE = 0.4
SENTENCE_TITLE_MAX_WORDS = 16


def title_from_leftovers(p: Page, start: int) -> None:
    """No headline found, but the dateline (or the outlet's body_start marker: Media
    Indonesia's e-paper card over a 2016 page of R) opens the story: the header scan stopped above
    the headline (a menu, a search box, share buttons), and the leftover header lines hold
    it. The headline is the one that speaks of the story: it shares words with the dateline
    paragraph (a teaser or a menu does not); title case (a standfirst or a caption in
    sentence case shares them too), no caption, date line or bulleted item. Printed twice
    among the leftovers, one shared word is enough ("Jalan Rusak di Indonesia Makin Panjang"
    twice over "... mengabaikan rusaknya jalan provinsi ...": unseen solopos and gotimes pages).
    With none in title case, one in sentence case that speaks of it more closely
    (_sentence_case_headline)."""
    opens = p.dateline_idx if p.dateline_idx is not None else p.marked_idx
    if p.title_idx is not None or opens is None or opens >= len(p.lines):
        return
    leftovers = [k for k in range(p.top, start)
                 if p.lines[k].rule in ("structure:header-label", "structure:header-text")]
    seen = Counter(p.lines[k].text for k in leftovers)
    opening = _opening_words(p, opens, content_words)
    best, best_share = None, 0.0
    for k in leftovers:
        t = p.lines[k].text
        shared, share = _speaks_of(t, opening, content_words)
        # (its copy may have the photo's caption glued on: "<headline> Ket Foto : ...", BE)
        repeated = (seen[t] > 1 or any(starts_with_text(p.lines[j].text, t, 20) for j in leftovers)) \
            and count_words(t) >= REPEATED_TITLE_MIN_WORDS and shared >= 1
        if (repeated or shared >= LEFTOVER_TITLE_SHARED and share >= LEFTOVER_TITLE_SHARE) and share > best_share:
            best, best_share = k, share
    if best is None:
        best = _sentence_case_headline(p, leftovers, opens)
    if best is not None:
        p.lines[best].drop("title", "structure:title", force=True)
        p.title_idx = best


def _sentence_case_headline(p: Page, leftovers: list[int], opens: int) -> int | None:
    """No leftover in title case speaks of the story: the first one in sentence case that
    speaks of it more closely is the headline (ANTARA's sites print headlines so: "386 keluarga
    mengungsi akibat banjir di Cilacap" over "Cilacap (ANTARA News) - Sebanyak 386 keluarga ...";
    three of its regional sites and two other outlets in AC-AM). A headline's shape (no closing
    punctuation, at most SENTENCE_TITLE_MAX_WORDS words), no caption: none closed by a bracket
    ("... Puncak Suroloyo (PM- Roberto Gusta)", a credit) or a bar ("Atlit pencak silat Ponorogo
    ketika bertanding di Porprov IX Jatim |", AO: its credit cut off) or holding a date; a
    standfirst closes with its full stop."""
    opening = None
    for k in leftovers:
        t = p.lines[k].text
        if not LEFTOVER_TITLE_WORDS[0] <= count_words(t) <= SENTENCE_TITLE_MAX_WORDS or t.rstrip().endswith((")", "|")) \
                or not link_like(t) or _listed_or_credited(t) or dates.find_date(t) is not None:
            continue
        if opening is None:
            opening = _opening_words(p, opens, topic_words)
        own = topic_words(t)
        shared = len(own & opening)
        if shared >= SENTENCE_TITLE_SHARED and shared / len(own) >= SENTENCE_TITLE_SHARE:
            return k
    return None


# Header lines under the headline that may be the story's own headline after all: read as a
# standfirst, a second headline, an injected headline or a leftover label.
UNDER_TITLE_RULES = frozenset({"structure:subtitle", "structure:second-headline", "structure:injected-headline",
                               "structure:header-label", "structure:header-text"})


def title_on_topic(p: Page, start: int) -> None:
    """The headline found shares no word with the story's opening paragraph, and a headline
    under it speaks of the story (as title_from_leftovers reads it): the first was another
    story's, a sidebar's or an ad's ("Ketua PWI Riau Buka Resmi Agenda OKK ..." over "Jelang
    Ramadan, Satpol PP Pelalawan Intensifkan Razia ...", a menu row "News Bola Daerah Sulawesi
    ...", "Aplikasi Pilbup ... Pilkada Serentak 2024" over a Borneonews headline: three
    outlets of Y). The one under it is the headline (structure:off-topic-headline). One that
    shares under OFF_TOPIC_SHARE of its words gives way too, to a line sharing twice that share
    or more that no step took for its standfirst (a ticker's "Tanam Pohon di Riau, ... Pekanbaru
    ..." under "BREAKING NEWS :" over "PSPS Riau Kalah Lagi, ... di Pekanbaru": AZ; a standfirst
    in title case sharing more stays one, d040)."""
    opens = p.dateline_idx if p.dateline_idx is not None else p.marked_idx
    if opens is None:
        opens = p.next_kept(start - 1) if start > 0 else None
    if p.title_idx is None or opens is None or opens >= len(p.lines) or opens <= p.title_idx:
        return
    opening = _opening_words(p, opens, topic_words)
    own = topic_words(p.lines[p.title_idx].text)
    floor = len(own & opening) / len(own) if own else 0.0
    if floor >= OFF_TOPIC_SHARE:
        return
    best, best_share = None, floor * 2
    for k in range(p.title_idx + 1, min(start, opens)):
        if p.lines[k].rule not in UNDER_TITLE_RULES or floor and p.lines[k].rule == "structure:subtitle":
            continue
        shared, share = _speaks_of(p.lines[k].text, opening, topic_words)
        if shared >= LEFTOVER_TITLE_SHARED and share >= LEFTOVER_TITLE_SHARE and share > best_share:
            best, best_share = k, share
    if best is None:
        return
    p.lines[p.title_idx].drop("recommendation", "structure:off-topic-headline", force=True)
    p.lines[best].drop("title", "structure:title", force=True)
    p.title_idx = best
    if p.lead_idx == best:
        p.lead_idx = None


def _opening_words(p: Page, opens: int, of) -> frozenset[str]:
    """The words (``of``: content_words or topic_words) of the story's opening paragraph
    (and of the next one, under a dateline alone on its line)."""
    opening = of(p.lines[opens].text)
    nxt = p.next_kept(opens)
    if count_words(p.lines[opens].text) < 6 and nxt is not None:
        opening = opening | of(p.lines[nxt].text)
    return opening


def _listed_or_credited(t: str) -> bool:
    """A bulleted item, a caption or a sentence closed by its credit: no headline."""
    return bool(BULLET.match(t)) or caption_like(t) or SENTENCE_THEN_CREDIT.search(t) is not None


def _speaks_of(t: str, opening: frozenset[str], of) -> tuple[int, float]:
    """(shared words, their share of the line's) for a headline-shaped line, (0, 0.0) for
    any other (too short or long, bulleted, not title case, a caption or a date line)."""
    n = count_words(t)
    if not LEFTOVER_TITLE_WORDS[0] <= n <= LEFTOVER_TITLE_WORDS[1] or not title_like(t) or _listed_or_credited(t) \
            or dates.mostly_date(t):
        return 0, 0.0
    own = of(t)
    shared = len(own & opening)
    return shared, (shared / len(own) if own else 0.0)
