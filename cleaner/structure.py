"""Structural signals: where the article starts and ends, and what sits in between.

A news page is a header (labels, headline, standfirst, byline, photo credit and
caption), a body that opens with the dateline, and a tail (credits, related
lists, footers). The rules mark what they know; this module reads the shape of
what is left. Nothing here knows an outlet's strings: datelines come from the
rule files, the rest is position and the signals in ``signals.py``.
"""
from __future__ import annotations

import regex

from . import dates
from .document import Doc
from .matcher import fold, may_match
from .signals import (
    QUOTE_START,
    TITLE_SMALL_WORDS,
    document_cache,
    ends_sentence,
    headline_like,
    link_like,
    normalize,
    prose_like,
    same_text,
    sentence_case,
    starts_with_text,
    title_like,
    words,
)

# Categories a rule may give a header line without the header ending there.
HEADER_CATS = frozenset({"nav", "section", "title", "lead", "byline", "editor", "date",
                         "caption", "photo_credit", "widget", "other", "ad", "social", "tags",
                         "recommendation", "crosslink"})
META_END_CATS = frozenset({"byline", "editor"})
# Header lines that come after the headline: once one is seen, no later line is the headline.
TITLE_CLOSERS = frozenset({"lead", "byline", "editor", "date", "caption", "photo_credit"})
BULLET = regex.compile(r"^\s*[-•·▪►»*]\s+")
# "2. Rekor Apik Bojan Hodak ...": a listicle's numbered subheading, body text.
NUMBERED = regex.compile(r"^\s*\d{1,2}[.)]\s+\S")
# "date 2019-06 " prefix some extraction tools put before the text.
EXTRACTION_PREFIX = regex.compile(r"^\s*date (\d{4}-\d{2}(?:-\d{2})?)\s+")
CREDIT_WORD = regex.compile(r"^(?:foto|photo|dok(?:umentasi)?|sumber foto|ilustrasi)\s*[:.]", regex.I)
DOMAIN = regex.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|co|net|org|or\.id|go\.id|tv)\b", regex.I)
CAPTION_TAIL = regex.compile(r"(?:\(\s*(?:foto|photo|dok)\b[^()]{0,80}\)|\b(?:foto|photo)\s*[:\-–]\s*[^\s()]{2,60}(?:\s[^\s()]{1,30}){0,4})\.?\s*$",
                             regex.I)
TWEET = regex.compile(r"(?:pic\.twitter\.com/|https?://t\.co/)|^[—–-]\s.{1,80}\(@\w{1,30}\)\s+\w+ \d{1,2}, \d{4}$")

# A photo credit is short: the longest in the dev corpus has 9 words.
CREDIT_MAX_WORDS = 12
# The header of a news page fits in its first lines; the longest dev header
# (a 13-item menu, headline, editor, widget, caption, byline) has 25.
HEADER_MAX_LINES = 40
# Injected headlines between paragraphs ("Modus Baru Begal, Pura-pura ...") have
# the comma of a news headline; article subheadings rarely do. Minimum words:
INJECTED_MIN_WORDS = 6
# Without a comma a headline-like line could be a subheading ("Kronologi Kejadian");
# the dev corpus subheadings have at most 5 words, injected headlines 8 and more.
INJECTED_MIN_WORDS_NO_COMMA = 8
# ... and a subheading shares most of its words with the story (seed 001's
# "AS Tuduh Korea Utara Pasok Senjata ke Rusia": 5 of 6), another story's headline
# few (d069's "Ibu Rumah Tangga Jual Ribuan 'Pil Setan' ke Begal": 1 of 8).
INJECTED_MAX_SHARED = 0.5
# An FAQ block appended to the story ("Apa itu Pilkada Serentak? Pilkada ...", one
# question and its answer per paragraph): at least this many in a row end the body.
FAQ_MIN_RUN = 3
FAQ_ITEM = regex.compile(
    r"^(?:apa|apakah|bagaimana|kapan|kenapa|mengapa|siapa|siapakah|di ?mana|ke ?mana|berapa|"
    r"bisakah|dapatkah|adakah|what|how|why|when|who|where)\b[^?]{3,150}\?\s+\S.{20,}", regex.I)
# Consecutive bullet headlines that make a related-articles list.
BULLET_RUN = 2
# Section labels and kickers above a headline: the dev corpus ones have 1-4 words
# ("Harga Cabai Meroket", "Breaking News Masalah Proyek"); headlines have more.
LABEL_MAX_WORDS = 4
# A link box's label alone on its line ("Baca juga:") takes at most this many
# headline lines below it (the "Baca juga" boxes in the HTML samples hold 1-3 links).
CROSSLINK_LABEL_RUN = 3
# Lines between a standfirst that opens with the dateline and the paragraph it
# repeats: an image placeholder, a caption and its credit at most.
STANDFIRST_GAP = 5


def strip_prefix(text: str) -> tuple[str, str | None]:
    m = EXTRACTION_PREFIX.match(text) if "date " in text else None
    return (text[m.end():], m.group(1)) if m else (text, None)


_DATELINES = document_cache()   # (text, patterns) -> match_dateline's answer, per document


def match_dateline(text: str, patterns) -> str | None:
    """The dateline opening ``text``, by the first of ``patterns`` (marking.Guarded:
    each runs with its timeout) that matches; None when none does."""
    key = (text, tuple(patterns))
    try:
        return _DATELINES[key]
    except KeyError:
        pass
    if len(_DATELINES) > 4096:   # a caller outside the pipeline: keep it bounded
        _DATELINES.clear()
    found = _DATELINES[key] = _match_dateline(text, patterns)
    return found


def _match_dateline(text: str, patterns) -> str | None:
    text, _ = strip_prefix(text)
    low = fold(text)
    for pat in patterns:
        if not may_match(getattr(pat, "compiled", pat), text, low):
            continue
        m = pat.match(text)
        if m and m.end() > 0:
            return m.group(0).strip()
    return None


def photo_credit_like(text: str) -> bool:
    ws = words(text)
    if not ws or len(ws) > CREDIT_MAX_WORDS or ends_sentence(text.rstrip("/ ")) and "/" not in text:
        return False
    if CREDIT_WORD.match(text):
        return True
    if "/" in text and not text.startswith("(") and "://" not in text:
        return True
    return bool(DOMAIN.fullmatch(text.strip().removeprefix("www.")) or
                regex.fullmatch(r"(?:www\.)?[\w.-]+\.[a-z]{2,}(?:\.[a-z]{2})?", text.strip(), regex.I))


# "Pos Belitung/Dede", "TRIBUNJOGJA.COM / Miftahul Huda", "Pujiansyah/Lampung":
# two short name parts around one slash, nothing else. Never a headline.
SLASH_CREDIT = regex.compile(r"^\(?[\p{L}.][\p{L}.'’ -]{1,40}?\s?/\s?[\p{L}][\p{L}.'’ -]{1,40}\)?$")
SLASH_CREDIT_MAX_WORDS = 6
# An author's name printed alone between the headline and the date.
NAME_MAX_WORDS = 3
# The caption style "TEMPAT SAMPAH BARU: Warga berjalan ... Sabtu (8/8)." at the
# top of a page: an upper-case label, a colon, a sentence. Not a headline.
LABEL_CAPTION = regex.compile(r"^\p{Lu}[\p{Lu}\p{N} ]{2,40}:\s+\p{Lu}.{20,}[.!?)]$")


# A photo credit in square brackets closing the caption: "... malam WIB. [Twitter/@PSSI]".
# (Round brackets close body paragraphs too: "(Tribunnews.com/Daryono)" stays.)
BRACKET_CREDIT = regex.compile(r"\[[^\[\]]{1,60}/[^\[\]]{1,60}\]\s*$")


# Field labels printed alone on a line, the value on the next one.
SPLIT_LABELS = {"reporter": "authors", "penulis": "authors", "pewarta": "authors",
                "wartawan": "authors", "kontributor": "authors", "editor": "editor",
                "redaktur": "editor", "penyunting": "editor"}
# A person's name: 1-5 words of letters (initials, apostrophes, hyphens), no digits.
NAME_LINE = regex.compile(r"^\p{L}[\p{L}.'’-]*(?: \p{L}[\p{L}.'’-]*){0,4}$")


def name_line(text: str) -> bool:
    """A short person's name alone on its line ("Kiki", "wartapalapa")."""
    return len(words(text)) <= NAME_MAX_WORDS and bool(NAME_LINE.match(text)) and \
        text.strip(" :").casefold() not in SPLIT_LABELS


def slash_credit(text: str) -> bool:
    return len(words(text)) <= SLASH_CREDIT_MAX_WORDS and bool(SLASH_CREDIT.match(text.strip()))


def caption_like(text: str) -> bool:
    return (may_match(CAPTION_TAIL, text) and bool(CAPTION_TAIL.search(text))) or \
        text.lower().startswith(("keterangan gambar", "keterangan foto"))


class Structure:
    """Finds header, body and tail of one document and marks what they hold."""

    def __init__(self, doc: Doc, datelines, end_rules: set[str], body_start=(), header_caption=False,
                 summary_after_body=False, label_rules: frozenset[str] = frozenset()):
        self.doc, self.lines = doc, doc.lines
        # The outlet's template prints the lead photo's caption right under the
        # header's widgets (rule files' ``header_caption``: Tribun AMP pages).
        self.header_caption = header_caption
        # ... and prints the article's summary after the body, right above the
        # credits (``summary_after_body``: JPNN).
        self.summary_after_body = summary_after_body
        self.body_start = list(body_start)
        self.datelines = datelines
        self.end_rules = end_rules
        # Rules whose line is a link box's label (``label: true``): see _labelled_crosslinks.
        self.label_rules = label_rules
        self.title_idx: int | None = None
        self.lead_idx: int | None = None
        self.dateline_idx: int | None = None

    # ---------------------------------------------------------- header
    def scan_header(self) -> int:
        """Walk the top of the page; returns the index of the first body line."""
        lines = self.lines
        last_hdr, title_closed, prev_kind = -1, False, None
        lead_cand = None
        for i, line in enumerate(lines[:HEADER_MAX_LINES]):
            t = line.text
            if line.dropped:
                # Dropped lines are not there for a reader (nor on a second pass
                # over the output): the scan goes past them.
                if line.category in HEADER_CATS:
                    last_hdr = i
                    prev_kind = line.category
                    if self.title_idx is not None and line.category in TITLE_CLOSERS:
                        title_closed = True
                continue
            dl = match_dateline(t, self.datelines)
            if dl and (len(words(t)) >= 6 or self._own_line_dateline(i)) and not (
                    prev_kind == "photo_credit" and not _strong(dl)):
                break
            if dates.is_date_line(t):
                line.drop("date", "structure:date-line")
                last_hdr, prev_kind = i, "date"
                if self.title_idx is not None:
                    title_closed = True
                continue
            if self.title_idx is not None and (same_text(t, lines[self.title_idx].text)
                                               or starts_with_text(t, lines[self.title_idx].text, 20)):
                kind = "caption" if caption_like(t) else "title"
                line.drop(kind, "structure:title-repeat")
                last_hdr, prev_kind = i, kind
                continue
            if prev_kind == "photo_credit" and not (dl and _strong(dl)):
                # After a photo credit comes its caption, even one that opens with an
                # upper-case label ("KIM DAN PUTIN - Foto diambil ..."); only a
                # dateline naming the site ("TRIBUNNEWS.COM -") opens the body here.
                line.drop("caption", "structure:caption-after-credit")
                last_hdr, prev_kind, title_closed = i, "caption", True
                continue
            j = self._next_kept(i)
            if j is not None and same_text(lines[j].text, t) and prose_like(t) \
                    and not self._dateline_follows(j):
                # A paragraph printed twice at the top: the standfirst and the first
                # paragraph (further copies go too).
                lines[j].drop("lead" if self.title_idx is not None else "other",
                              "structure:repeated-paragraph")
                if self.title_idx is not None and self.lead_idx is None:
                    self.lead_idx = j
                k = self._next_kept(j)
                while k is not None and same_text(lines[k].text, t):
                    lines[k].drop("other", "structure:repeated-paragraph")
                    k = self._next_kept(k)
                break
            if j is not None and (starts_with_text(lines[j].text, t) or (
                    same_text(lines[j].text, t) and len(words(t)) >= 3
                    and (title_closed or not title_like(t)))):
                line.drop("caption", "structure:caption-repeat")
                lines[j].drop("caption", "structure:caption-repeat")
                last_hdr, prev_kind, title_closed = j, "caption", True
                continue
            if self.title_idx is not None and CREDIT_WORD.match(t) and photo_credit_like(t):
                line.drop("photo_credit", "structure:photo-credit")
                last_hdr, prev_kind, title_closed = i, "photo_credit", True
                continue
            if (caption_like(t) and self.title_idx is not None) or (
                    BRACKET_CREDIT.search(t) and prev_kind in ("title", "date", "photo_credit")):
                line.drop("caption", "structure:caption-credit")
                last_hdr, prev_kind, title_closed = i, "caption", True
                continue
            if BULLET.match(t) and headline_like(BULLET.sub("", t)):
                line.drop("recommendation", "structure:header-list")
                last_hdr, prev_kind = i, "recommendation"
                continue
            if not title_closed and title_like(t) and not slash_credit(t) and not LABEL_CAPTION.match(t) \
                    and not NUMBERED.match(t):
                if self.title_idx is not None and not self._replaces_title(t):
                    # A second headline under the title: its subtitle or standfirst.
                    if self.lead_idx is None and lead_cand is None:
                        lead_cand = i
                        line.drop("lead", "structure:subtitle")
                    else:
                        line.drop("other", "structure:second-headline")
                    last_hdr, prev_kind, title_closed = i, "lead", True
                    continue
                if self.title_idx is not None:
                    lines[self.title_idx].drop("section", "structure:label-above-title", force=True)
                self.title_idx = i
                line.drop("title", "structure:title")
                last_hdr, prev_kind = i, "title"
                continue
            if self.title_idx is not None and photo_credit_like(t):
                line.drop("photo_credit", "structure:photo-credit")
                last_hdr, prev_kind, title_closed = i, "photo_credit", True
                continue
            if self.title_idx is not None and self._name_above_date(i):
                # Title, author, date: the blog layout ("wartapalapa" / "Rabu, 28 Desember 2022").
                line.drop("byline", "structure:name-above-date")
                self.doc.set_meta("authors", [t.strip()], "structure:name-above-date")
                last_hdr, prev_kind, title_closed = i, "byline", True
                continue
            if len(words(t)) <= 3 and not BULLET.match(t) and not QUOTE_START.match(t):
                kind = "section" if self.title_idx is None else \
                    "caption" if ends_sentence(t) else "other"
                line.drop(kind, "structure:label")
                last_hdr = i
                continue
            if title_closed and ", " in t and headline_like(t) and len(words(t)) >= INJECTED_MIN_WORDS:
                line.drop("recommendation", "structure:injected-headline")
                self.doc.set_meta("related", t, "structure:injected-headline")
                last_hdr = i
                continue
            if (self.title_idx is not None and self.lead_idx is None and lead_cand is None
                    and prev_kind in ("title", "date") and len(words(t)) >= 5):
                lead_cand = i
                line.drop("lead", "structure:lead")
                last_hdr, prev_kind, title_closed = i, "lead", True
                continue
            if self.title_idx is not None and prose_like(t) and \
                    prev_kind in ("byline", "editor", "other", "widget") and (
                        self._header_continues(i + 1)
                        or self.header_caption and prev_kind == "widget" and not dl):
                # Between the byline (or text-size widget) and a byline or dateline
                # that follows, a sentence is the photo's caption.
                line.drop("caption", "structure:header-caption")
                last_hdr, prev_kind = i, "caption"
                continue
            break
        start = last_hdr + 1
        if lead_cand is not None:
            if lead_cand == last_hdr and ends_sentence(lines[lead_cand].text):
                # Nothing of the header follows: a full sentence here opens the body.
                lines[lead_cand].category = lines[lead_cand].rule = None
                start = lead_cand
            else:
                self.lead_idx = lead_cand
        return start

    def _replaces_title(self, t: str) -> bool:
        """A later headline replaces the title candidate when that one was only a
        label above it (a section, kicker or slogan: shorter than the headline);
        a sentence-case line or a shorter one under the title is its standfirst."""
        if sentence_case(t):
            return False
        current = words(self.lines[self.title_idx].text)
        return len(current) <= LABEL_MAX_WORDS or len(words(t)) > len(current)

    def _dateline_follows(self, i: int) -> bool:
        """The paragraph after line i opens with the dateline: line i is not the
        body's first paragraph (a sentence printed twice there is a caption)."""
        j = self._next_kept(i)
        return j is not None and bool(match_dateline(self.lines[j].text, self.datelines))

    def _name_above_date(self, i: int) -> bool:
        """Line i is a short name and the next line a date line."""
        j = self._next_kept(i)
        return name_line(self.lines[i].text) and j == i + 1 and dates.is_date_line(self.lines[j].text)

    def _header_block_in_body(self, i: int, start: int) -> None:
        """A timestamp line inside the body: the page printed its header block
        (headline, author, date) after some paragraphs. Drop the block."""
        line = self.lines[i]
        line.drop("date", "structure:date-line-in-body")
        prev = [k for k in range(i - 1, start - 1, -1) if not self.lines[k].dropped][:2]
        if prev and prev[0] == i - 1 and name_line(self.lines[prev[0]].text):
            name = self.lines[prev[0]]
            name.drop("byline", "structure:name-above-date")
            self.doc.set_meta("authors", [name.text.strip()], "structure:name-above-date")
            prev = prev[1:]
        if prev and title_like(self.lines[prev[0]].text):
            head = self.lines[prev[0]]
            if self.title_idx is None:
                self.title_idx = prev[0]
                head.drop("title", "structure:title")
            elif same_text(head.text, self.lines[self.title_idx].text):
                head.drop("title", "structure:title-repeat")

    def _header_continues(self, i: int) -> bool:
        """The header goes on after line i-1: a byline or a dateline paragraph follows."""
        for line in self.lines[i:i + 3]:
            if line.dropped and line.category in ("byline", "editor", "photo_credit"):
                return True
            if match_dateline(line.text, self.datelines):
                return True
        return False

    # ---------------------------------------------------------- dateline
    def find_dateline(self, limit: int) -> int | None:
        for i, line in enumerate(self.lines[:limit]):
            if line.dropped:
                continue
            dl = match_dateline(line.text, self.datelines)
            if not dl:
                continue
            if len(words(line.text)) < 6 and not self._own_line_dateline(i):
                continue
            # A standfirst that starts with the dateline and repeats the next paragraph.
            nxt = self._next_dateline(i)
            if nxt is not None and _overlap(line.text, self.lines[nxt].text) > 0.6:
                line.drop("lead", "structure:lead-repeats-body")
                self.lead_idx = i
                continue
            return i
        return None

    def _next_dateline(self, i: int) -> int | None:
        """The next paragraph opening with a dateline, a few lines on (an image
        and its caption may sit between a standfirst and the first paragraph)."""
        for j in range(i + 1, min(len(self.lines), i + 1 + STANDFIRST_GAP)):
            line = self.lines[j]
            if not line.dropped and match_dateline(line.text, self.datelines):
                return j
        return None

    def _own_line_dateline(self, i: int) -> bool:
        """"Kintamani, baliilu.com" alone on its line, the paragraph following."""
        nxt = self._next_kept(i)
        return nxt is not None and len(words(self.lines[i].text)) <= 5 and (
            prose_like(self.lines[nxt].text) or self.lines[nxt].text[:1] in "-–—")

    def _next_kept(self, i: int, end: int | None = None) -> int | None:
        """The next line after i that is not dropped (before ``end``)."""
        lines = self.lines
        for j in range(i + 1, len(lines) if end is None else end):
            if not lines[j].dropped:
                return j
        return None

    # ---------------------------------------------------------- whole page
    def run(self) -> None:
        lines = self.lines
        n = len(lines)
        self.split_labels()
        start = self.scan_header()
        dl = self.find_dateline(min(n, HEADER_MAX_LINES))
        if dl is not None and dl >= start - 1:
            # Lines between the header scan and the dateline are header too
            # (second captions, "Laporan Wartawan ..."), unless they are prose.
            kept = [k for k in range(start, dl) if not lines[k].dropped]
            if len(kept) <= 2 or all(not prose_like(lines[k].text) for k in kept):
                for k in range(start, dl):
                    self._label_header_line(k)
                start = dl
            self.dateline_idx = dl
        elif dl is not None and dl < start:
            # The scan ran past the dateline (it took the dateline paragraph's
            # neighbours for header lines): the dateline wins.
            for k in range(dl, start):
                if lines[k].rule and lines[k].rule.startswith("structure:"):
                    lines[k].category = lines[k].rule = None
            start = dl
            self.dateline_idx = dl
        marked = self.find_body_start()
        if marked is not None:
            start = marked
        for k in range(start):
            self._label_header_line(k)
            lines[k].zone = "header"
        end = self.find_end(start)
        for k in range(end, n):
            lines[k].zone = "tail"
        if self.summary_after_body:
            self._summary_above_credits(start, end)
        self.mark_body(start, end)

    def split_labels(self) -> None:
        """A field label alone on its line and the name on the next ("Reporter" /
        "Ashaq Lupito"), as AMP and app layouts print them."""
        lines = self.lines
        for i in range(len(lines) - 1):
            line, nxt = lines[i], lines[i + 1]
            if line.dropped or nxt.dropped:
                continue
            field = SPLIT_LABELS.get(line.text.strip(" :").casefold())
            if field is None or not NAME_LINE.match(nxt.text) or \
                    nxt.text.strip(" :").casefold() in SPLIT_LABELS:
                continue
            category = "editor" if field == "editor" else "byline"
            line.drop(category, "structure:split-label")
            nxt.drop(category, "structure:split-label")
            name = nxt.text.strip()
            self.doc.set_meta(field, [name] if field == "authors" else name, "structure:split-label")

    def find_body_start(self) -> int | None:
        """An outlet's own body-start marker (``body_start`` in its rule file) wins
        over the header scan: the body starts at the first line it matches, or
        after it when a rule dropped that line (a "Laporan Wartawan" byline)."""
        for i, line in enumerate(self.lines[:HEADER_MAX_LINES]):
            for pat in self.body_start:
                if pat.search(line.text):
                    return i + 1 if line.dropped else i
        return None

    def _label_header_line(self, k: int) -> None:
        line = self.lines[k]
        if line.dropped:
            return
        t = line.text
        if photo_credit_like(t):
            line.drop("photo_credit", "structure:header-credit")
        elif prose_like(t) or len(words(t)) > 8:
            line.drop("caption" if self.title_idx is not None and k > self.title_idx else "recommendation",
                      "structure:header-text")
        elif self.title_idx is not None and k < self.title_idx:
            line.drop("section", "structure:header-label")
        else:
            line.drop("other", "structure:header-label")

    def find_end(self, start: int) -> int:
        """Index of the first tail line; everything from there on is dropped."""
        lines, n = self.lines, len(self.lines)
        self.brand = _brand(match_dateline(lines[self.dateline_idx].text, self.datelines)) \
            if self.dateline_idx is not None else None
        seen_body = seen_prose = 0
        soft_end = None
        for i in range(start, n):
            line = lines[i]
            if line.dropped:
                if line.rule in self.end_rules and seen_body:
                    self._drop_rest(i + 1, line.category, line.rule)
                    return i
                if line.category in META_END_CATS and seen_prose >= 2 and soft_end is None:
                    soft_end = i
                continue
            if soft_end is not None:
                if self._body_resumes(i):
                    if lines[soft_end].rule == "structure:end-credit":
                        lines[soft_end].category = "photo_credit"
                    soft_end = None
                else:
                    line.drop("footer", "structure:after-credits")
                    continue
            if seen_body >= 1 and self.dateline_idx is not None and i > self.dateline_idx \
                    and _brand(match_dateline(line.text, self.datelines)) == self.brand:
                # A second dateline opens another article: a teaser list.
                line.drop("recommendation", "structure:teaser-dateline")
                soft_end = i
                continue
            if seen_prose >= 2 and soft_end is None and slash_credit(line.text) \
                    and not line.text.startswith("("):
                # "Pujiansyah/Lampung" under the story: the reporter's sign-off
                # (a photo credit when the story goes on: see _body_resumes).
                line.drop("byline", "structure:end-credit")
                soft_end = i
                continue
            seen_body += 1
            seen_prose += prose_like(line.text)
        end = soft_end if soft_end is not None else n
        return self._faq_block(start, end)

    def _faq_block(self, start: int, end: int) -> int:
        """A run of question-and-answer paragraphs closing the body is an FAQ
        block the site appends, not the story: it starts the tail."""
        kept = [i for i in range(start, end) if not self.lines[i].dropped]
        run = 0
        while run < len(kept) and FAQ_ITEM.match(self.lines[kept[-1 - run]].text):
            run += 1
        if run < FAQ_MIN_RUN or run == len(kept):
            return end
        first = kept[-run]
        for k in range(first, end):
            self.lines[k].drop("other", "structure:faq-block")
        return first

    def _drop_rest(self, i: int, category: str, rule: str) -> None:
        for line in self.lines[i:]:
            line.drop(category, rule)
            line.zone = "tail"

    def _summary_above_credits(self, start: int, end: int) -> None:
        """The outlet prints its summary as the last paragraph before the credits
        that close the body: the standfirst, when the header had none."""
        lines = self.lines
        if self.lead_idx is not None or end >= len(lines) or not lines[end].dropped \
                or lines[end].category not in META_END_CATS:
            return
        kept = [k for k in range(start, end) if not lines[k].dropped]
        if len(kept) >= 2 and prose_like(lines[kept[-1]].text):
            lines[kept[-1]].drop("lead", "structure:summary-after-body")
            self.lead_idx = kept[-1]

    def _body_resumes(self, i: int) -> bool:
        j = i if not self.lines[i].dropped else self._next_kept(i)
        k = self._next_kept(j) if j is not None else None
        return k is not None and prose_like(self.lines[j].text) and prose_like(self.lines[k].text)

    # ---------------------------------------------------------- body
    def mark_body(self, start: int, end: int) -> None:
        lines = self.lines
        title = lines[self.title_idx].text if self.title_idx is not None else None
        for i in range(start, end):
            line = lines[i]
            if line.dropped:
                continue
            t = line.text
            j = self._next_kept(i, end)
            nxt = lines[j] if j is not None else None
            if nxt is not None and starts_with_text(nxt.text, t, 20):
                line.drop("caption", "structure:caption-repeat")
                nxt.drop("caption", "structure:caption-repeat")
                continue
            if title and (same_text(t, title) or starts_with_text(t, title, 20)):
                line.drop("caption" if caption_like(t) else "title", "structure:title-repeat")
                continue
            if caption_like(t) and len(words(t)) <= 60 and i != self.dateline_idx:
                line.drop("caption", "structure:caption-credit")
                continue
            if may_match(TWEET, t) and TWEET.search(t):
                line.drop("social", "structure:embedded-post")
                continue
            if dates.is_date_line(t):
                found = dates.find_date(t)
                if found is not None and found.has_time:
                    self._header_block_in_body(i, start)
        self._bullet_runs(start, end)
        self._labelled_crosslinks(start, end)
        self._injected_headlines(start, end)

    def _bullet_runs(self, start: int, end: int) -> None:
        lines, i = self.lines, start
        while i < end:
            j = i
            while j < end and not lines[j].dropped and BULLET.match(lines[j].text) \
                    and headline_like(BULLET.sub("", lines[j].text)):
                j += 1
            if j - i >= BULLET_RUN:
                cat = "crosslink" if lines[i].text.lstrip()[:1] == "•" else "recommendation"
                for k in range(i, j):
                    lines[k].drop(cat, "structure:headline-list")
                    self.doc.set_meta("related", BULLET.sub("", lines[k].text).strip(),
                                      "structure:headline-list")
            i = max(j, i + 1)

    def _labelled_crosslinks(self, start: int, end: int) -> None:
        """A link box's label alone on its line ("Baca juga:", dropped by a rule with
        ``label: true``) and the linked headlines on the lines below it, as text dumps
        print a link box: up to CROSSLINK_LABEL_RUN headline-like lines right after the
        label go with it, in its category. A sentence, a date, or a line sharing most
        of its words with the story (a subheading: the links were lost) ends the box."""
        lines = self.lines
        for i in range(start, end):
            label = lines[i]
            if label.rule not in self.label_rules:
                continue
            for j in range(i + 1, min(end, i + 1 + CROSSLINK_LABEL_RUN)):
                line = lines[j]
                if line.dropped:
                    break
                t = line.text
                if not link_like(t) or dates.find_date(t):
                    break
                # A subheading of the story shares most of its words with the body
                # (the links were lost in scraping); another story's headline does not.
                if self._shared_words(t, start, end) > INJECTED_MAX_SHARED:
                    break
                line.drop(label.category, "structure:link-box")
                self.doc.set_meta("related", t, "structure:link-box")

    def _shared_words(self, t: str, start: int, end: int) -> float:
        """Share of the line's content words found elsewhere in the body."""
        own = _content_words(t)
        if not own:
            return 0.0
        rest: set[str] = set()
        for line in self.lines[start:end]:
            if not line.dropped and line.text != t:
                rest |= _content_words(line.text)
        return len(own & rest) / len(own)

    def _injected_headlines(self, start: int, end: int) -> None:
        lines = self.lines
        for i in range(start, end):
            line = lines[i]
            if line.dropped or i == self.dateline_idx:
                continue
            t = line.text
            n_words = len(words(t))
            if n_words < (INJECTED_MIN_WORDS if ", " in t else INJECTED_MIN_WORDS_NO_COMMA) \
                    or not headline_like(t):
                continue
            if dates.find_date(t) or BULLET.match(t) or NUMBERED.match(t):
                continue
            if ", " not in t and self._shared_words(t, start, end) > INJECTED_MAX_SHARED:
                # A subheading speaks of the story around it; another story's
                # headline mostly does not.
                continue
            prev = next((lines[k] for k in range(i - 1, start - 1, -1) if not lines[k].dropped), None)
            if prev is None or not ends_sentence(prev.text):
                continue
            line.drop("recommendation", "structure:injected-headline")
            self.doc.set_meta("related", t, "structure:injected-headline")


def _content_words(text: str) -> set[str]:
    return {w for w in normalize(text).split() if len(w) > 2 and w not in TITLE_SMALL_WORDS}


def _strong(dateline: str) -> bool:
    """A dateline that names the site ("TRIBUNNEWS.COM -", "Jakarta (ANTARA) -"),
    not only an upper-case label, which captions use too ("KIM DAN PUTIN -")."""
    return bool(DOMAIN.search(dateline) or "(" in dateline)


def _brand(dateline: str | None) -> str | None:
    """The site part of a dateline, to tell the article's from a teaser's."""
    if not dateline:
        return None
    m = DOMAIN.search(dateline)
    if m:
        return m.group(0).lower().removeprefix("www.")
    return regex.sub(r"[^\p{L}\p{N}]+", "", dateline).lower()


def _overlap(a: str, b: str) -> float:
    wa, wb = set(normalize(a).split()), set(normalize(b).split())
    return len(wa & wb) / max(1, min(len(wa), len(wb)))
