"""What the structure passes share about one document: its lines, the outlet's
structure inputs, and what has been found so far (headline, standfirst, dateline)."""
from __future__ import annotations

import regex

from ...model.document import Doc
from ...ruleset.model import StructureInputs
from ...text import dates
from ...text.signals import count_words, prose_like
from .dateline import match_dateline, patterns_key
from .shapes import PHOTO_LABEL, STANDFIRST_GAP, content_words, name_line, teaser_snippet, topic_words

# A headline in sentence case: this many words (a label has fewer, a paragraph more), its
# last character a letter or a figure (no sentence's end, no table cell's bar).
SENTENCE_HEADLINE_WORDS = (6, 25)

# A line over the dateline paragraph sharing fewer of its words with it is a caption (caption_over_story).
CAPTION_SHARED_MAX = 0.5

# A credit's label or mark right before a name: "Foto: Name", "Written by Name", "(Name".
CREDIT_BEFORE_NAME = regex.compile(r"(?i)(?:\b(?:by|oleh|foto|photo|penulis|reporter|editor|laporan|dok)\b\s*:?|[(/:])\s*$")


class Page:
    """One document under the structure passes. ``title_idx``, ``lead_idx`` and
    ``dateline_idx`` (indexes into ``lines``) are set by the passes and read by the
    metadata stage."""

    def __init__(self, doc: Doc, inputs: StructureInputs, datelines=None, body_start=None):
        self.doc, self.lines = doc, doc.lines
        # The outlet's rule-file inputs (ruleset.model.StructureInputs): to_end and
        # label rule ids, header_caption (the lead photo's caption printed under the
        # header's widgets: Tribun AMP), summary_after_body (the summary printed above
        # the credits: JPNN), ...
        self.inputs = inputs
        # The dateline and body-start patterns, as given (the stage passes them
        # guarded: each switched off for the page after a timeout).
        self.datelines = inputs.datelines if datelines is None else datelines
        self._datelines_key = patterns_key(self.datelines)
        self.body_start = list(inputs.body_start if body_start is None else body_start)
        # The outlet's own dateline patterns (its rule files', before _common's).
        self._own_datelines = self.datelines[:inputs.own_datelines]
        self._own_key = patterns_key(self._own_datelines)
        self.title_idx: int | None = None
        self.lead_idx: int | None = None
        self.dateline_idx: int | None = None
        # The first body line the outlet's body_start marker gave (frame.body_opening).
        self.marked_idx: int | None = None
        # A caption opening like a dateline, passed for the site's dateline below it.
        self.caption_dateline_idx: int | None = None
        # A whole page's dump (page.page_top): the article's header block starts at
        # ``top`` (lines above it dropped) and its densest prose run ends at ``article_end``.
        self.top = 0
        self.article_end: int | None = None
        # The names of a writer credit closing the story (credits.closing_credit).
        self.writer_credit: list[str] = []

    def story_glued_to_headline(self, i: int) -> bool:
        """Line i is the headline with the story's opening paragraph run into it, no space
        or line break between ("... RSUD JayapuraJAYAPURA, LELEMUKU.COM - Pencatatan ...": AX):
        the headline is cut off the line (structure:title-repeat) and the rest opens the body."""
        line, title = self.lines[i], self.lines[self.title_idx].text
        if not self.story_after(line.text, title):
            return False
        line.cut += ((title, "title", "structure:title-repeat"),)
        line.text = line.text[len(title):].strip()
        return True

    def story_after(self, longer: str, head: str) -> bool:
        """``longer`` is ``head`` with the story's dateline paragraph run into it (6+ words
        after the dateline, as dateline_opens_body reads one); a caption's copy adds a credit or a
        sentence on the photo ("... M Iqbal dalam jumpa pers di Gedung BNN, Jakarta, Rabu (6/3).")."""
        rest = longer[len(head):].strip() if longer.startswith(head) else ""
        return count_words(rest) >= 6 and self.dateline_of(rest) is not None

    def bare_headline(self, k: int) -> None:
        """Line k is the headline printed bare under its first copy (with the site's name after
        a dash, or after a breadcrumb): it is the title, the first copy its repeat."""
        self.lines[self.title_idx].drop("title", "structure:title-repeat", force=True)
        self.title_idx = k
        self.lines[k].drop("title", "structure:title")

    def over_photo_label(self, i: int) -> bool:
        """The line after line i is a photo's source label ("Sumber :", dropped as a credit):
        line i is the photo's caption."""
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        return nxt is not None and nxt.category == "photo_credit" and PHOTO_LABEL.match(nxt.text) is not None

    def next_kept(self, i: int, end: int | None = None) -> int | None:
        """The next line after i that is not dropped (before ``end``)."""
        lines = self.lines
        for j in range(i + 1, len(lines) if end is None else end):
            if lines[j].category is None:
                return j
        return None

    def prev_kept(self, i: int) -> int | None:
        """The last line before i that is not dropped."""
        lines = self.lines
        for j in range(i - 1, -1, -1):
            if lines[j].category is None:
                return j
        return None

    def dateline_of_line(self, i: int) -> str:
        """The dateline of the story's dateline line i: what a pattern reads, or the whole
        line (a place and the outlet's name alone: dateline.place_brand_alone)."""
        text = self.lines[i].text
        return self.dateline_of(text) or text

    def dateline_of(self, text: str) -> str | None:
        """The dateline opening ``text``, by this outlet's patterns."""
        return match_dateline(text, self.datelines, self._datelines_key)

    def outlet_opens_body(self, text: str) -> bool:
        """``text`` opens with one of the outlet's own datelines, or is its body_start
        marker: the outlet's rule file says the body starts here, and that wins over
        the generic header signals (a caption under a photo credit)."""
        return bool(self._own_datelines and match_dateline(text, self._own_datelines, self._own_key)
                    or any(pat.search(text) for pat in self.body_start))

    def own_line_dateline(self, i: int) -> bool:
        """"Kintamani, baliilu.com" alone on its line, the paragraph following; not when that
        paragraph opens with a dateline of its own ("mediaterobos.com" over "Bekasi- Satgas
        ...", AF: the site's name is a label there, as in dateline.place_brand_alone), unless the
        line ends with its dash: the dateline's first half ("ESQ-NEWS.com -" / "MAGELANG – ...", AC)."""
        nxt = self.next_kept(i)
        t = self.lines[i].text
        return nxt is not None and count_words(t) <= 5 and (
            prose_like(self.lines[nxt].text) or self.lines[nxt].text[:1] in "-–—") \
            and (t.rstrip()[-1:] in "-–—" or not self.dateline_of(self.lines[nxt].text))

    def dateline_follows(self, i: int) -> bool:
        """The paragraph after line i opens with the dateline: line i is not the
        body's first paragraph (a sentence printed twice there is a caption)."""
        j = self.next_kept(i)
        return j is not None and bool(self.dateline_of(self.lines[j].text))

    def next_dateline(self, i: int) -> int | None:
        """The next paragraph opening with a dateline, a few lines on (an image
        and its caption may sit between a standfirst and the first paragraph); not past two
        paragraphs of prose (the story's: a teaser repeating its first paragraph under them, AY)."""
        prose = 0
        for j in range(i + 1, min(len(self.lines), i + 1 + STANDFIRST_GAP)):
            line = self.lines[j]
            if line.category is None and self.dateline_of(line.text):
                return j
            if line.category is None and prose_like(line.text):
                prose += 1
                if prose == 2:
                    break
        return None

    def header_continues(self, i: int) -> bool:
        """The header goes on after line i-1: a byline or a dateline paragraph follows, before
        a paragraph of the story (a short story's editor line under it: an iNews site of AM)."""
        for line in self.lines[i:i + 3]:
            if line.category in ("byline", "editor", "photo_credit"):
                return True
            if self.dateline_of(line.text):
                return True
            if line.category is None and prose_like(line.text):
                return False
        return False

    def named_below(self, i: int, name: str) -> bool:
        """A kept sentence after line i names ``name`` as the story names a person, not as a
        credit ("(Sri Wahyuni)", "Foto: Erni Yanti/Telisik", "Written by Admin Tekno"): the
        story is about that person."""
        for line in self.lines[i + 1:]:
            t = line.text
            k = t.find(name) if line.category is None else -1
            if k >= 0 and prose_like(t) and t[k + len(name):k + len(name) + 1] not in ")/" \
                    and not CREDIT_BEFORE_NAME.search(t, 0, k):
                return True
        return False

    def name_above_date(self, i: int) -> bool:
        """Line i is a short name and the next line a date line."""
        j = self.next_kept(i)
        return name_line(self.lines[i].text) and j == i + 1 and dates.is_date_line(self.lines[j].text)

    def headline_over_furniture(self, i: int) -> bool:
        """Line i, on a page with no headline yet, is a headline in sentence case: a line of
        SENTENCE_HEADLINE_WORDS closed by a word, under it a date line, a bare count, or
        the line itself again within three kept lines ("Warga poros tidak terima hakim ..." over
        "Kamis, 18 September 2025 | ...", BT; "Puluhan warga Cianjur tanam pohon pisang ..."
        printed twice, BS; a view count's "0" under one, BN, whose headline ends in a full stop
        and is left; two English headlines of ScrapingHub dumps over their date lines). A
        story's paragraph ends its sentence, and no date line follows it."""
        t = self.lines[i].text
        lo, hi = SENTENCE_HEADLINE_WORDS
        if self.title_idx is not None or not lo <= count_words(t) <= hi or not t.rstrip()[-1:].isalnum() \
                or i + 1 >= len(self.lines):
            return False
        nxt = self.lines[i + 1].text        # (kept or not: a counter's "0" is a rule's)
        if nxt.isdigit() or dates.mostly_date(nxt):
            return True
        j = self.next_kept(i)
        for _ in range(3):
            if j is None:
                return False
            if self.lines[j].text == t:
                return True
            j = self.next_kept(j)
        return False

    def body_resumes(self, i: int) -> bool:
        """Two prose paragraphs follow from line i on: the story goes on. Two teasers'
        excerpts cut off with an ellipsis are another stories' list, not the story (f113:
        a site's teasers under the credits)."""
        j = i if self.lines[i].category is None else self.next_kept(i)
        k = self.next_kept(j) if j is not None else None
        if k is None:
            return False
        a, b = self.lines[j].text, self.lines[k].text
        return prose_like(a) and prose_like(b) and not (teaser_snippet(a) and teaser_snippet(b))

    def caption_over_story(self, i: int) -> bool:
        """Line i stands right over the dateline paragraph (nothing between), on a page of no outlet with a
        rule file, and fewer than half of its words are in that paragraph: the photo's
        caption, not a standfirst summing the paragraph up ("Rektor Unila ... memindahkan
        tali pada topi toga ..." over "SMARTNEWS.ID – Universitas Lampung menggelar
        wisuda ..."). On the labelled pages of such outlets the line there was a caption
        24 times and a standfirst 15 times; fewer than half of its words in the paragraph:
        17 captions, 5 standfirsts. Tribun's standfirst is often a quote or a sentence from
        further on, so an outlet's own file decides (none reads this yet)."""
        j = i + 1
        if self.doc.outlet is not None or j >= len(self.lines) or self.lines[j].category is not None:
            return False
        text = self.lines[j].text
        dl = self.dateline_of(text)
        own = topic_words(self.lines[i].text)
        return bool(dl) and bool(own) and len(own & topic_words(text[len(dl):])) < CAPTION_SHARED_MAX * len(own)

    def shared_words(self, t: str, start: int, end: int) -> float:
        """Share of the line's content words found elsewhere in the body."""
        own = content_words(t)
        if not own:
            return 0.0
        rest: set[str] = set()
        for line in self.lines[start:end]:
            if line.category is None and line.text != t:
                rest |= content_words(line.text)
        return len(own & rest) / len(own)
