"""What a line looks like to the structure passes: thresholds (each says how it was
chosen) and shape tests of one line (a photo credit, a caption, a name, a label).
Nothing here knows an outlet's strings or the lines around a line."""
# size: a flat table of thresholds and one-line shape tests, each a few lines and
# independent of the others; split by kind (captions, credits, headlines) if it grows on.
from __future__ import annotations

import regex

from ...ruleset.matcher import may_match
from ...text import dates
from ...text.byline import PLACE_WORDS, RUBRIC_WORDS
from ...text.signals import (
    PROSE_MIN_WORDS,
    TITLE_SMALL_WORDS,
    count_words,
    ends_sentence,
    folded_line,
    headline_like,
    lowercase_content_words,
    memo,
    prose_like,
    same_text,
    sentence_case,
    starts_with_text,
    stopword_density,
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
# What opens a list's item, with or without a space after it (BULLET wants one).
LIST_MARKS = frozenset("-–—•·▪►»*")
# "2. Rekor Apik Bojan Hodak ...": a listicle's numbered subheading, body text.
NUMBERED = regex.compile(r"^\s*\d{1,2}[.)]\s+\S")
# "date 2019-06 " prefix some extraction tools put before the text.
EXTRACTION_PREFIX = regex.compile(r"^\s*date (\d{4}-\d{2}(?:-\d{2})?)\s+")
CREDIT_WORD = regex.compile(r"^(?:foto|photo|dok(?:umentasi)?|sumber foto|ilustrasi)\s*[:.]", regex.I)
# A photo's source label alone on its line ("Sumber :", "Photo :"), the credit on the next.
PHOTO_LABEL = regex.compile(r"(?i)^(?:sumber|foto|photo)\s*:?$")
# A credit printed without a label, by the words photo desks use for one: "Istimewa"
# (courtesy of; d108's "• Istimewa"), "Kolase WIKEN.ID" (a collage; d129), "Tangkapan
# layar ..." (a screenshot), "Dok. Pribadi".
CREDIT_ALONE = regex.compile(r"^[•·*\s-]*(?:istimewa|kolase\b.{0,40}|tangkapan layar\b.{0,40}|"
                             r"dok(?:umentasi)?\.?\s+(?:pribadi|istimewa)\b.{0,30})$", regex.I)
# A site's bare domain ("www.site.co.id"): a photo credit when alone on its line.
BARE_DOMAIN = regex.compile(r"(?:www\.)?[\w.-]+\.[a-z]{2,}(?:\.[a-z]{2})?", regex.I)
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
DOMAIN = regex.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|co|net|org|or\.id|go\.id|tv)\b", regex.I)
# "... (Foto: Dede F)", "... (Sumber foto : Ist)", "... Foto: Instagram", "... foto - Antara", "... (Istimewa)",
# "Dokumentasi: Kpfm Samarinda" (CREDIT_WORD's label: an unseen radio portal of R), "... pasar
# tradisional. Foto/SINDOnews/Arif Budianto" (a slash for the colon before the outlet and the name: AE)
# closing a caption, a table cell's bar after it ("| ... (Foto:Tiyas) |"); the word doubled
# ("foto-foto", a plural in a quote: d128) is not a credit. In brackets, an underscore may
# join the word and the name ("(foto_sriyadi)": BX).
CAPTION_TAIL = regex.compile(r"(?:\(\s*(?:sumber\s+)?(?:foto|photo|dok|istimewa)(?:\b|_)[^()]{0,80}\)|\b(?:foto|photo|dok(?:umentasi)?)(?:\s*:\s*|\s+[-–]\s*|\s*[-–]\s+|/(?=\S+/))"
                             r"[^\s()]{2,60}(?:\s[^\s()]{1,30}){0,4})\.?\s*\|?\s*$", regex.I)
# A credit glued to the caption's end with a dash, after a date or a full stop:
# "... Selasa, 8 April 2025--Wahyu Sulistiyawan" (d119), "... Otonomi Baru.-Palpos.id-Dokumen
# Palpos.id" (d120). Only names, a site and "Dokumen"/"Dok" may follow the dash. The
# number is a year standing alone: a licence plate's "F-3367-FBR." ends no caption.
GLUED_CREDIT = regex.compile(r"(?:[.!?)]|(?<![-\p{L}\p{N}])(?:19|20)\d\d)-{1,2}(?:[\p{Lu}][\p{L}.]*|dok(?:umen)?\.?)"
                             r"(?:[\s-]+(?:[\p{Lu}][\p{L}.]*|dok(?:umen)?\.?)){0,5}"
                             r"(?:-[\p{Ll}\p{N}-]+\.(?:com|co\.id|id|net))?$")
# A photo word and a slash glued to the caption's end with a dash, the Disway network's:
# "... tanpa lantai 2.-Foto/Hasyim Ashari-" (disway.id, AK), "... penurunan. --Dok/KORANRB.ID"
# (Rakyat Bengkulu, AS). A paragraph's own closing credit names no photo.
GLUED_PHOTO_CREDIT = regex.compile(r"[.!?)]\s?-{1,2}\s?(?i:foto|photo|dok)\s?/\s?[^\s/]+(?:\s[^\s]+){0,3}-?$")
# A courtesy or file credit glued after a slash: "... Ridwan Kamil/Ist", "... diwarnai
# interupsi/Istimewa", "... Polda Metro Jaya/Net", "(Suara NTB/dok)", "(foto;mb/ist)".
SLASH_COURTESY = regex.compile(r"(?i)\S\s?/\s?(?:istimewa|ist|dok|dokumentasi|net|humas)\.?\)?\s*$")
# A credit after a space and a slash closing a caption, as the PRMN platform's sites print
# it: "... 12 September 2020. /Akbar Nugroho Gumay/ANTARA FOTO" (d030), "... media sosial.
# /Unsplash/Markus Spiske" (d034), "... Paskibraka /Instagram @jokowi" (d023), "... 2021.
# /Prokopim Setda Kota Bandung/" (d093). The credit starts with a capital or "@" ("/kg"
# after a price is no credit).
SLASH_TAIL_CREDIT = regex.compile(r"\s/\s?[\p{Lu}@][\p{L}\p{N}@._ -]{1,50}(?:/[\p{L}\p{N}@._ -]{1,50}){0,2}/?\s*$")
# An outlet and a name in round brackets after a word or a comma, with no full stop before
# (a caption's credit): "(IDN Times/Siti Fatimah)", "(MI/BENNY BASTIANDY)", "... Kamis
# (8/8/2019), (Tribun Jabar/Name)".
PAREN_SLASH_CREDIT = regex.compile(r"(?<=[\p{L}\p{N},])\s?\(\s?\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,3}\s?/\s?"
                                   r"[\p{Lu}@][\p{L}.@]{2,}(?:\s\p{Lu}[\p{L}.]*){0,3}\s?\)\s*$")
# A photographer's full name and the outlet's domain in brackets after the caption's full
# stop: "... Kamis (2/3/2023). (Sumargo Pangestu/Skor.id)", "... (kanan). (Suci Surya
# Dewi/Akurasi.id)" (two small outlets of AA). A paragraph's closing credit gives the outlet
# first, or initials ("(GaluhID/Uus)"): it stays.
NAME_DOMAIN_CREDIT = regex.compile(r"[.!?)]\s?\(\p{Lu}\p{Ll}+(?:\s\p{Lu}[\p{Ll}.]*){1,3}\s?/\s?"
                                   r"[\p{L}\p{N}-]+\.(?:co\.id|id|com|net|co)\)\s*$")
# A credit after the caption's full stop, no brackets: "... Senin (31/5/2021) siang.
# TRIBUNKALTIM.CO/DWI ARDIANTO", "... Selasa, 2 Juli 2019. TEMPO/Francisca Christy Rosana",
# "... Rabu (16/7/2025). ANTARA/Siti Nurhaliza" (five outlets, never a paragraph's end);
# a handout's "ANTARA/HO-Polsek Jagakarsa" (an unseen page of S).
SENTENCE_SLASH_CREDIT = regex.compile(r"[.!?)]\s+\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2}\s?/\s?"
                                      r"\p{Lu}[\p{L}.]{1,}(?:-\p{Lu}[\p{L}.]*)?(?:\s\p{Lu}[\p{L}.]*){0,3}\)?\s*$")
# A sentence closed by a credit in brackets: "... Effendi.(humas)" (d103), "... Minggu
# (23/4/2023). (Egiabdulmugni/Suarabogor.id)" (d114). A caption or a paragraph, never a
# headline (which has no full stop before its last bracket). A full stop may follow the
# bracket too: "... di Subang. (Instagram/@memomedsos)." (indozone, AF), "... Bantul. (Foto:
# Hariane/Andi May)." (AE), "... Ciamis. (Foto: Humas Pemkab Ciamis)." (d039).
SENTENCE_THEN_CREDIT = regex.compile(r"[.!?]\s*[(\[][^()\[\]]{2,60}[)\]]\.?\s*$")
# A caption closed by the star some outlets print after it ("... Kamis, 6 Februari
# 2020.*": seven captions of six outlets on the labelled pages, no standfirst; three story
# paragraphs end with the star too, so it marks no caption alone).
CAPTION_MARK_END = regex.compile(r"[.!?]\*$")
# The star, then the photo's credit after a slash ("ILUSTRASI banjir bandang.* /ANTARA",
# "Cabai.* /NAME/ANTARA": six captions of the labelled pages), or a credit in brackets
# ("Banjir di Samarinda. *(ist)": an unseen page of S): a caption wherever it stands
# (caption_like).
STAR_CREDIT = regex.compile(r"[.!?]\*\s*/+\s*\S.{0,80}$|[.!?]\s?\*\s?\(\s*\p{L}[\p{L}. ]{1,30}\)$")
# A social account as the photo's credit, after a slash or a full stop: "Pernikahan Raffi
# Ahmad/instagram@_rans17" (matamata), "Cuitan Said Didu. Twitter @msaid_didu" (a PRMN site);
# "... melalui akun Instagram @x" (no slash, no full stop before it) is a sentence.
HANDLE_CREDIT = regex.compile(r"(?i)(?:/\s?|[.!?)]\s)(?:twitter|instagram|ig|tiktok|facebook|youtube)\s?:?\s?@[\w.]+$")
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
# Next to such a run, an item whose question does not open with its question word.
FAQ_LOOSE = regex.compile(r"^[^?]{10,150}\?\s+\S.{10,}")
# A teaser's excerpt, cut off by the site with an ellipsis right after a word ("... warga
# di…", "... Pangeran ..."): the text of another story, not a paragraph of this one.
TEASER_SNIPPET = regex.compile(r"\w{2}\s?(?:…|\.{3})$")
TEASER_SNIPPET_MIN_WORDS = 8
# The last word of a text cut off mid-word: one or two letters, not an acronym or number
# ("menilai, Ca", "Kota B").
CUT_WORD = regex.compile(r"(?:^|\s)(?:\p{Lu}\p{Ll}?|\p{Ll}{1,2})$")
# A line whose last word is in lower case (three letters or more).
LOWER_LAST_WORD = regex.compile(r"\s\p{Ll}{3,}$")
# Consecutive bullet headlines that make a related-articles list.
BULLET_RUN = 2
# Unbulleted headlines in a row after the story that make one: in the dev corpus such
# lists hold 4-5 items (d045, d046, d048, d083, d087, d088), and no run of three
# headline-shaped lines stands inside a story (checked on the 129 gold bodies).
HEADLINE_RUN_MIN = 3
# A listed headline has five words or more: shorter title-case lines in a row are
# data ("Anies-Muhaimin: 21,51 persen", d018) or menus.
LIST_HEADLINE_MIN_WORDS = 5
# Section labels and kickers above a headline: the dev corpus ones have 1-4 words
# ("Harga Cabai Meroket", "Breaking News Masalah Proyek"); headlines have more.
LABEL_MAX_WORDS = 4
# A link box's label alone on its line ("Baca juga:") takes at most this many
# headline lines below it (the "Baca juga" boxes in the HTML samples hold 1-3 links).
CROSSLINK_LABEL_RUN = 3
# Lines between a standfirst that opens with the dateline and the paragraph it
# repeats: an image placeholder, a caption and its credit at most.
STANDFIRST_GAP = 5
# A standfirst has four words or more: the labelled pages' 160 standfirsts have 4 at the
# fewest (two of them); a title-case line of three words under the headline ("Ayu Ting Ting",
# "Kabar Daerah News", "Banjir di Bogor--": four outlets) is a name, a label or a kicker.
STANDFIRST_MIN_WORDS = 4


# The source and the site that took it over, the slash credit's other spelling ("Al
# Jazeera via Tribunnews.com", "Istimewa via TribunJakarta.com").
VIA_SITE = regex.compile(r"(?i)\svia\s+(?:www\.)?[\p{L}\p{N}-]+(?:\.\p{L}{2,})+\s*$")


# Two kinds of place joined by a slash ("Tujuh Kabupaten/Kota Rampungkan Pleno Rekapitulasi", a
# headline of BF; "Desa/Kelurahan"): the administrative pair Indonesian news writes so, no credit's slash.
PLACE_PAIR = regex.compile(r"(?i)(?<![\p{L}])(\p{L}+)/(\p{L}+)(?![\p{L}])")


def place_pair(text: str) -> bool:
    """The line's slash joins two place words (PLACE_PAIR, byline.PLACE_WORDS)."""
    return any(a.casefold() in PLACE_WORDS and b.casefold() in PLACE_WORDS for a, b in PLACE_PAIR.findall(text))


# A line of a sentence's length whose first word is in lower case goes on from the line
# above ("bandang Kabupaten Garut menghuni Markas Komando Resort Militer 062" under
# "Sedikitnya 433 korban bencana banjir": a page cut in a paragraph, CA): no headline of the
# labelled pages starts in lower case (a brand in camel case, "iPhone", does not). A short
# one is a label the header reads as before ("by Tom Rogan", "dok Pemda Purwakarta"). A word and a
# space: a style sheet's residue ('text-align: left;"> KAMPUNG MEDIA ...', a Blogger page of CH) is none.
LOWER_WORD_START = regex.compile(r"\s*\p{Ll}+ ")


# A place and a date, nothing else ("Pariaman, 11 Juni 2010", CA; "Kendari, 8 Juli 2024 —"
# opens a paragraph on BX, BZ, CC, CD pages): the story's dateline alone on its line.
PLACE_THEN_DATE = regex.compile(r"^\p{Lu}[\p{L}.'-]*(?: \p{L}[\p{L}.'-]*){0,2}\s*,\s*(?=\S)")


def fragment_line(text: str) -> bool:
    """A piece of the story's text, never a headline: the rest of a sentence cut at a line end
    (PROSE_MIN_WORDS+ words, the first in lower case), or a dateline of a place and a date."""
    return LOWER_WORD_START.match(text) is not None and count_words(text) >= PROSE_MIN_WORDS \
        or place_and_date(text)


def place_and_date(text: str) -> bool:
    """A place, a comma and a date, nothing after but a stop or a dash (PLACE_THEN_DATE)."""
    m = PLACE_THEN_DATE.match(text)
    found = dates.find_date(text) if m is not None else None
    return found is not None and found.start == m.end() and not text[found.end:].strip(" .,-–—")


def headline_copy(text: str, title: str) -> bool:
    """``text`` is the headline again, alone, after a few words or with more after it (a credit,
    the site's name), or after a breadcrumb; not the first paragraph opening with its words."""
    return (same_text(text, title) or starts_with_text(text, title, 20) or breadcrumb_prefixed(text, title)) \
        and not sentence_goes_on(text, title)


def sentence_goes_on(text: str, head: str) -> bool:
    """``text`` opens with the headline's words and a sentence goes on from them in lower case
    ("Mengenal Kota Weda ... Tengah harus mengetahui terlebih dahulu ...": the story's first
    paragraph, cf028), a paragraph's length after them: no copy of the headline."""
    rest = text[len(head):].lstrip(" ,") if text.startswith(head) else ""
    return rest[:1].islower() and count_words(rest) >= PROSE_MIN_WORDS and prose_like(text)


NUMBER_SLASH = regex.compile(r"(?<=\d)/(?=\d)")


@memo
def photo_credit_like(text: str) -> bool:
    """A photo credit: short, "Foto:"-like, a slash between names, or a bare domain. It
    names someone: a line without a letter ("86 / 100", a theme's score over the story of
    a small site of V) is none."""
    ws = words(text)
    # A sentence is none, unless a slash names its photographer; a date's slashes do not
    # ("..., Kamis, (25/1/2024).": a caption's end, cut by the page's top).
    if not ws or len(ws) > CREDIT_MAX_WORDS or not any(map(str.isalpha, text)) \
            or ends_sentence(text.rstrip("/ ")) and "/" not in NUMBER_SLASH.sub("", text):
        return False
    if CREDIT_WORD.match(text) or CREDIT_ALONE.match(text):
        return True
    if "/" in text and not text.startswith("(") and "://" not in text and not place_pair(text) or VIA_SITE.search(text):
        return True
    return bool(DOMAIN.fullmatch(text.strip().removeprefix("www.")) or
                BARE_DOMAIN.fullmatch(text.strip()))


# "Pos Belitung/Dede", "TRIBUNJOGJA.COM / Miftahul Huda", "Pujiansyah/Lampung":
# two short name parts around one slash, nothing else. Never a headline. A Roman numeral
# before the slash numbers a military command or an event ("Pangdam XVIII/ Kasuari Tinjau
# Lokasi TMMD", a headline of a Papua regency's portal, AI; "Pangdam IX/Udayana", "PON
# XXI/Aceh" on two more outlets' pages): no credit.
SLASH_CREDIT = regex.compile(r"^\(?[\p{L}.][\p{L}.'’ -]{1,40}?\s?(?<!(?:^|[\s(])[IVX]{1,5}\s?)/\s?"
                             r"[\p{L}][\p{L}.'’ -]{1,40}\)?$")
SLASH_CREDIT_MAX_WORDS = 6
# An author's name printed alone between the headline and the date.
NAME_MAX_WORDS = 3
_ONE_DIGIT = regex.compile(r"\d")


def timestamped(t: str) -> bool:
    """The line carries a date with its clock time ("KAMIS, 18 APRIL 2024 | 03:06 WIB |
    LAPORAN: NAME"): a date or credit line, not a headline."""
    if _ONE_DIGIT.search(t) is None:
        return False
    found = dates.find_date(t)
    return found is not None and found.has_time


# A header line carrying a date and its time, and at most this many words, is a date line.
TIMESTAMP_LINE_MAX_WORDS = 14


def timestamp_shaped(t: str) -> bool:
    """A short line, no sentence, carrying a date with its clock time: "Chris Davies - Nov 19,
    2019, 10:31 pm CST", "LHOKSEUMAWE · 27 Dec 2018 06:58 WIB ·" (a date line)."""
    return timestamped(t) and count_words(t) <= TIMESTAMP_LINE_MAX_WORDS and not ends_sentence(t)


# The caption style "TEMPAT SAMPAH BARU: Warga berjalan ... Sabtu (8/8)." at the
# top of a page: an upper-case label, a colon, a sentence. Not a headline.
LABEL_CAPTION = regex.compile(r"^\p{Lu}[\p{Lu}\p{N} ]{2,40}:\s+\p{Lu}.{20,}[.!?)]$")
# The same label opening any line ("SAMPAIKAN: Kepala Bidang ...--RU", "DISAHKAN: DPRD ...
# -Foto IST -", "BANGUN SINERGITAS : Plt. ...": Jawa Pos group and small sites): a caption's,
# never a standfirst's.
CAPTION_LABEL_OPEN = regex.compile(r"^\p{Lu}{2,}(?:[ ]\p{Lu}{2,}){0,3}\s?:\s+\p{Lu}")


# A photo credit in square brackets closing the caption: "... malam WIB. [Twitter/@PSSI]".
# (Round brackets close body paragraphs too: "(Tribunnews.com/Daryono)" stays.)
BRACKET_CREDIT = regex.compile(r"\[[^\[\]]{1,60}/[^\[\]]{1,60}\]\s*$")


# Field labels printed alone on a line, the value on the next one.
SPLIT_LABELS = {"reporter": "authors", "penulis": "authors", "pewarta": "authors",
                "wartawan": "authors", "kontributor": "authors", "ditulis oleh": "authors",
                "artikel ini ditulis oleh": "authors",     # the same label in a sentence (Aktual, AA)
                "oleh": "authors", "editor": "editor",
                "redaktur": "editor", "penyunting": "editor"}
# A person's name: 1-5 words of letters (initials, apostrophes, hyphens), no digits.
NAME_LINE = regex.compile(r"^\p{L}[\p{L}.'’-]*(?: \p{L}[\p{L}.'’-]*){0,4}$")


def mostly_stopwords(text: str) -> bool:
    """More than half of the line's words are in jusText's Indonesian stoplist ("Nasional",
    "Muda dan Menginspirasi"): common words, not a person's name."""
    return stopword_density(text) > 0.5


# Words of a site's furniture, never of a person's name: "Cari Berita" (a search box's
# label, H h043) or "Berita Kriminal" (a rubric, A w002) under the headline is no author,
# nor the date's label above the date ("Publish" / "16 March 2026": an unseen page).
SITE_WORDS = frozenset({"berita", "cari", "artikel", "terkini", "terbaru", "terpopuler", "populer",
                        "kategori", "indeks", "beranda", "lainnya", "pencarian", "publish", "published",
                        "posted", "diposting", "diterbitkan", "dipublikasikan", "terbit", "updated", "diperbarui",
                        # a theme's English labels: "MORE ARTICLES" over the story (ecobiz, AE)
                        "article", "articles", "news", "latest", "search",
                        # its buttons, slots and placeholders: "Mobile Menu", "Iklan Ucapan" (a
                        # greetings ad slot), "Image Description" (an image's empty alt text), two
                        # outlets of BF; "Daftar Isi" (a table of contents' button, BH). (A colour
                        # switch, "Mode Gelap", is _common's dark-mode-toggle.)
                        "menu", "iklan", "image", "description", "thumbnail", "banner", "widget",
                        "login", "share", "bagikan", "loading", "navigasi", "navigation", "sidebar", "daftar"})


def site_words(text: str) -> bool:
    """The line holds a word of a site's furniture (SITE_WORDS)."""
    return any(w.casefold() in SITE_WORDS for w in text.split())


# A site's menu printed as one line: its rubrics ("News Politik Kriminal Olahraga Opini Berita
# Nasional", a Kalimantan outlet of AH; "News Bola Daerah Sulawesi Sumatera Jabar Banten ...",
# one outlet's pages in Y, AB and AC; "News Ekbis Sosok Halal Pelesir Olahraga ...", Y) and its
# regions' short names (byline.RUBRIC_WORDS). A headline names a rubric or a region among other words.
MENU_MIN_WORDS, MENU_SHARE = 5, 0.6


def menu_row(text: str) -> bool:
    """A line of MENU_MIN_WORDS or more words, no small word ("di", "dan") among them, most
    of them (MENU_SHARE) rubrics or regions of RUBRIC_WORDS: a site's menu, not a headline."""
    ws = text.split()     # (small words in lower case: a menu's "DI Yogya" is a region)
    return len(ws) >= MENU_MIN_WORDS and not any(w in TITLE_SMALL_WORDS for w in ws) \
        and sum(w.casefold() in RUBRIC_WORDS for w in ws) >= MENU_SHARE * len(ws)


# A region's name ends with its compass word: "Sumatra Utara", "Nusa Tenggara Timur", "Jawa Barat"
# (a province over the date line had been read as the writer: a Medan outlet of Y).
COMPASS_WORDS = frozenset({"utara", "selatan", "barat", "timur", "tengah", "tenggara"})


def place_words(text: str) -> bool:
    """The line holds a word of a place's name (byline.PLACE_WORDS: "Pantai", "Gedung"), or
    names a region by its compass word (COMPASS_WORDS, after another word)."""
    ws = text.split()
    return any(w.casefold() in PLACE_WORDS for w in ws) or len(ws) >= 2 and ws[-1].casefold() in COMPASS_WORDS


@memo
def name_line(text: str) -> bool:
    """A short person's name alone on its line ("Kiki", "wartapalapa"); not a line whose
    words are mostly common words (a section label "Nasional", a slogan "Muda dan ..."),
    a site's furniture ("Cari Berita"), a place ("Pantai Ancol") or a weekday ("Senin" over
    "09-02-2026 /": a date line split in two, AL) or a rubric's name ("Entertainment" over the date
    line, AQ; "Olahraga", "Lifestyle": byline.RUBRIC_WORDS)."""
    return count_words(text) <= NAME_MAX_WORDS and bool(NAME_LINE.match(text)) and \
        text.strip(" :").casefold() not in SPLIT_LABELS and not mostly_stopwords(text) and not site_words(text) \
        and not place_words(text) and not dates.filler_only(text) \
        and not all(w.casefold() in RUBRIC_WORDS for w in words(text))


@memo
def slash_credit(text: str) -> bool:
    """Two short name parts around one slash ("Pos Belitung/Dede"): a credit, never a headline."""
    return count_words(text) <= SLASH_CREDIT_MAX_WORDS and bool(SLASH_CREDIT.match(text.strip())) and not place_pair(text)


@memo
def list_headline(text: str) -> bool:
    """A headline as related-story lists print them: title case (at most one lower-case
    content word), 5-30 words, no bullet or number, no date."""
    return count_words(text) >= LIST_HEADLINE_MIN_WORDS and headline_like(text) \
        and lowercase_content_words(text) <= 1 and not BULLET.match(text) and not NUMBERED.match(text) \
        and "://" not in text and dates.find_date(text) is None


# A sentence closed, then an empty table cell's bar: the caption cell of a photo table whose
# credit cell is empty ("kondisi banjir di Perbatasan Badau. |", "... (14/7/2020). |"); every
# such line of the labelled pages (six outlets) is a caption, none the story's. Unclosed too
# when the bar is the line's only one, after a space ("Perahu kayu motor ke Pulau Ende |": five
# more outlets of BO-BZ, none a story line; a table's row holds more bars, a dateline "X||" two).
EMPTY_CELL_CAPTION = regex.compile(r"[.!?)]\s*\|\s*$")


# A news ticker's headlines run together on one line with spaces: a long line of title-case
# words and no sentence's end ("Bupati Lumajang Tegaskan Larangan ... Pemkot Probolinggo Digerojok
# Anggaran ... Hari Buruh Internasional, ..."): the page top's of three outlets of AL, where the
# header scan stopped at it; four more such lines of the labelled pages (AA, AD, AG, AJ) are all
# other stories' headlines, none the story's. In capitals, it is a notice ("TERIMA KASIH TELAH
# MENGIKUTI ...", S) as often as a ticker.
TICKER_MIN_WORDS = 25
TICKER_CAPITALISED = 0.8
# A full stop ends a sentence; "!" and "?" end headlines too ("... Berantas Korupsi!": AY).
_SENTENCE_END = regex.compile(r"\.[\"”’']?(?:\s|$)")
# A sentence closed by its date in brackets, no full stop after: "...,” imbuhnya,Selasa
# (10/11/2020)" (seven body lines of seven outlets in dev and BK-BO; one caption); no run of
# headlines ends so ("... Wilayah Pineleng, Minggu (06/10/2019)": a paragraph of names, CD).
DATE_CLOSED = regex.compile(r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)\s*$")


def ticker_row(text: str) -> bool:
    """A run of headlines printed as one line (see above)."""
    ws = text.split()
    if len(ws) < TICKER_MIN_WORDS or text.isupper() or _SENTENCE_END.search(text) or DATE_CLOSED.search(text):
        return False
    content = [w for w in ws if w[:1].isalpha() and w.lower() not in TITLE_SMALL_WORDS]
    return bool(content) and sum(w[0].isupper() for w in content) >= TICKER_CAPITALISED * len(content)


# A caption names people and places; a standfirst says something. A short line of parts
# joined by commas with no verb in it ("Pj Sekretaris Daerah Kabupaten Probolinggo, Heri
# Sulistyanto.", "Fitra Hergyana, dokter spesialis kulit dan kelamin", "Jalan rusak di Desa
# Tanjung Agung, Kecamatan ..., Lampung.", "Kepala Desa Tumpeng, bersama Forkopimcam ...":
# five outlets of U-AK, each read as the standfirst) is the photo's caption; no standfirst of
# the labelled pages is one. A verb: a word with a verb's prefix (me-, ber-, di-, ter-, per-;
# nouns such as "Direktur" count too, on the safe side) or one that asserts ("akan", "tidak").
# A headline in title case ("..., Bersama Ustadz ... Dari Pringsewu") is no caption, nor is
# a line with a date ("Jember, 11 Juli 2017": a dateline's or date line's) or a label and a dash
# ("News - Name, CNBC Indonesia": a credit line's), nor a place and the outlet's name alone
# ("KabarTV, Penajam Paser Utara": a dateline alone, dateline.place_brand_alone).
VERBLESS_MAX_WORDS = 12
_VERB_PREFIXES = ("me", "ber", "di", "ter", "per")
_NOT_VERBS = frozenset({"bersama", "beserta"})
_ASSERTING = frozenset("akan sudah telah tidak belum bisa dapat harus adalah merupakan ialah".split())


def verbless_caption(text: str) -> bool:
    """A short line of comma-joined names, titles and places with no verb (see above)."""
    if "," not in text or "?" in text or "!" in text or " - " in text or PLACE_BRAND_ALONE.match(text):
        return False
    split = text.split()
    if len(split) > VERBLESS_MAX_WORDS or any(w.lower() in TITLE_SMALL_WORDS for w in split[1:] if w[:1].isupper()):
        return False
    return not any(map(_verb_like, _bare_words(split))) and dates.find_date(text) is None


def _bare_words(split: list[str]) -> list[str]:
    return [w.strip(".,;:()\"“”'’").lower() for w in split]


def _verb_like(w: str) -> bool:
    """A verb by its prefix (me-, ber-, di-, ter-, per-; five letters or more) or an asserting word."""
    return w in _ASSERTING or len(w) >= 5 and w.isalpha() and w.startswith(_VERB_PREFIXES) and w not in _NOT_VERBS


# A photo's moment: who, then "saat" and what they do, and no other verb ("Bupati Maluku
# Tenggara M.Thaher Hanubun saat memantau langsung pemeriksaan ...": BC; "Wakil Bupati Mimika,
# Emanuel Kemong saat bertatap muka ...": BE): nine such lines of eight outlets in the labelled
# sets, every one a caption, and one line of a hard-wrapped story. No one's words: '"...,"
# katanya saat ditemui' is the story's (a name in quotes is a caption's too).
MOMENT_MAX_WORDS = 30
SPOKEN = regex.compile(r'^\s*["“]|[,.!?]\s*["”]')


def moment_caption(text: str) -> bool:
    """A caption of the shape "<who> saat <verb> <what>" (see above)."""
    split = text.split()
    if len(split) > MOMENT_MAX_WORDS or "saat" not in text.lower() or SPOKEN.search(text):
        return False
    words = _bare_words(split)
    if "saat" not in words:
        return False
    i = words.index("saat")
    return i >= 2 and i + 1 < len(words) and _verb_like(words[i + 1]) \
        and not any(map(_verb_like, words[:i] + words[i + 2:]))


def caption_shaped(text: str) -> bool:
    """A standfirst candidate shaped as a photo's caption: verbless_caption or moment_caption,
    or closed by a bar, a photo table's cell (seven captions of six outlets in the labelled
    sets end so, "Kapolres memberikan pengarahan kepada para Bhabinkamtibmas |": BG; credits
    and labels too, never a standfirst or a paragraph)."""
    return verbless_caption(text) or moment_caption(text) or text.rstrip().endswith("|")


# A caption's own label: "Keterangan foto ...", "Ket. foto ..."; the label alone before its
# colon ("Keterangan: Kegiatan penyaluran BLT DD ...", "Ket: Sekcam Lepas Kafilah MTQ ...": V, AL;
# every such line of the labelled sets is a caption); "Ket." and a space ("Ket. suasana Istiqlal",
# AQ: the abbreviation opens no sentence); the English word ("Caption : Nampak Suasana Rapat
# ...", "Caption : Kapal Isap Produksi ...": BO, BU).
CAPTION_LABELS = ("keterangan gambar", "keterangan foto", "ket foto", "ket. ", "ket gambar",
                  "keterangan:", "keterangan :", "ket:", "ket :", "ket.:", "caption:", "caption :")

# "Foto: <the photo's caption>" of any length (CAPTION_TAIL reads a short one as the credit it
# closes): "Foto: Peserta Grebek Suro 201 Ponorogo. (ar)" between two paragraphs (AT); sixteen
# such lines of six words or more in the labelled sets, of fourteen outlets, none a story's.
# The label may say which photo ("Foto bawah: Suasana warga jemaat ...", CB; "Foto ilustrasi: Saat
# Acara Keraton Kanoman ...", BS).
PHOTO_LABELLED = regex.compile(r"(?i)^(?:foto|photo)(?:\s+(?:atas|bawah|kiri|kanan|tengah|utama|ilustrasi))?\s*:\s*\S")
PHOTO_LABELLED_MIN_WORDS = 6


def photo_labelled(text: str) -> bool:
    """A caption under its "Foto:" label (PHOTO_LABELLED)."""
    return PHOTO_LABELLED.match(text) is not None and count_words(text) >= PHOTO_LABELLED_MIN_WORDS


# "Ilustrasi ..." closed by a bracket, its source's ("Ilustrasi Inflasi (hariansinggalang.com)",
# "Ilustrasi (pexels)", "Ilustrasi banjir (IDN Times/Aditya Pratama)": sixteen such lines of
# thirteen outlets in the labelled sets, every one a caption).
ILLUSTRATION_CAPTION = regex.compile(r"(?i)^(?:foto\s+)?ilustrasi\b.*\)\s*$")


@memo
def caption_like(text: str) -> bool:
    """A photo caption: it ends with its credit ("(Foto: ...)") or says it is one ("Perbesar"
    after it: the image's zoom button, four outlets)."""
    return (may_match(CAPTION_TAIL, text) and bool(CAPTION_TAIL.search(text))) or \
        bool(GLUED_CREDIT.search(text)) or "/" in text and GLUED_PHOTO_CREDIT.search(text) is not None \
        or slash_tail_caption(text) or paren_slash_caption(text) \
        or sentence_slash_caption(text) or courtesy_caption(text) or empty_cell_caption(text) \
        or copyright_caption(text) or text[:1] in "IiFf" and ILLUSTRATION_CAPTION.match(text) is not None \
        or "*" in text and STAR_CREDIT.search(text) is not None \
        or "@" in text and HANDLE_CREDIT.search(text) is not None \
        or text.lower().startswith(CAPTION_LABELS) or text[:1] in "FfPp" and photo_labelled(text) \
        or text.endswith(" Perbesar") and count_words(text) >= 4 \
        or "(" in text and photo_position(text)


# Where a person stands in the photo, in brackets after their name: "Lesty (kiri) saat berduet
# ...", "Eduardo Perez (tengah) bersama ...", "Watmin (kiri pakai topi) bersama tim ...", "Sandiaga
# Uno (kanan)", "(kedua dari kanan)", "(ki-ka: Name, Name)" (not "Partai (Kiri Baru)"): fifteen
# caption lines of fourteen pages (R to AQ) and the whole-page dumps' captions; no paragraph of a
# story in the labelled sets. A line of a caption's length: a long paragraph may describe a photo
# in passing.
PHOTO_POSITION = regex.compile(
    r"(?i)(?<=\p{L}[.,]?[ ]?)\((?:(?:paling|kedua|ketiga|keempat|kelima|dua|tiga|empat|lima)[ ]+)?"
    r"(?:dari[ ]+)?(?:kiri|kanan|tengah|ki-ka|ka-ki)(?:[ ]+(?-i:\p{Ll})[^()]{0,30}|[ ]?:[^()]{2,80})?\)")
PHOTO_POSITION_MAX_WORDS = 50


def photo_position(text: str) -> bool:
    """The line names where someone stands in the photo (PHOTO_POSITION): a caption."""
    return PHOTO_POSITION.search(text) is not None and count_words(text) <= PHOTO_POSITION_MAX_WORDS


# The same text printed twice with nothing between ("Ilustrasi narkoba jenis sabu.
# [Istimewa]Ilustrasi narkoba jenis sabu. [Istimewa]": an image's alt text and its caption,
# Medan outlet of Y; teasers' alt text and title on merdeka's and kabarislamia's whole pages).
# A copy is a caption's or a headline's length; one that is itself a text printed twice is a
# sentence repeated over and over (a test page's filler), not alt text and caption.
GLUED_TWICE_MIN_CHARS, GLUED_TWICE_MAX_CHARS = 15, 300


def glued_twice(text: str) -> str | None:
    """The text printed once, when ``text`` is it printed twice in a row (a space between
    allowed); None otherwise."""
    if not 2 * GLUED_TWICE_MIN_CHARS <= len(text) <= 2 * GLUED_TWICE_MAX_CHARS + 1:
        return None
    once = _first_half_if_twice(text)
    return None if once is None or _first_half_if_twice(once) is not None else once


def _first_half_if_twice(text: str) -> str | None:
    n = len(text)
    half = n // 2
    if n % 2 == 0 and text[:half] == text[half:] or n % 2 == 1 and text[half] == " " and text[:half] == text[half + 1:]:
        return text[:half]
    return None


# A sidebar's list of categories or archive months with their post counts ("Sejarah (1)",
# "Uncategorized (51)", "• Novembro (113)": WordPress and Blogger widgets on the whole-page
# dumps of five outlets): such a line beside another one is no headline (a series' part,
# "Kisah Nabi Musa (1)", stands alone).
COUNT_ITEM = regex.compile(r"^(?:[-•·▪►»*]\s+)?[^()]{1,60}\s\(\d{1,6}\)$")


def count_list_item(lines: list, i: int) -> bool:
    """Line ``i`` and a neighbour are both a list item with its count (COUNT_ITEM)."""
    if not lines[i].text.endswith(")") or not COUNT_ITEM.match(lines[i].text):
        return False
    return any(0 <= k < len(lines) and COUNT_ITEM.match(lines[k].text) for k in (i - 1, i + 1))


# The story's last sentence with its end mark glued ("... Bravo Warta Kota.(*)", "...
# katanya. (uby)": Warta Kota, V; "... Ali Rahmat Harahap.***(adv)", the "***" end mark
# before the desk's code: a small site of BK): a sentence's end too, and no headline's.
CLOSED_BY_END_MARK = regex.compile(r"[.!?][”\"]?(?:\*{1,3})?\s?\((?:\*{1,3}|[A-Za-z]{2,6}(?:/[A-Za-z]{2,6})*)\)$")


def sentence_closed(text: str) -> bool:
    """The line ends a sentence, the story's end mark after it or not ("... katanya. (uby)")."""
    return ends_sentence(text) or CLOSED_BY_END_MARK.search(text) is not None


# A caption closed by its photographer's copyright mark: "... vs Semen Padang (c) Fitri Apriani"
# (bola.net, R), "Terry Holdbrooks. ©witnesstoguantanamo.com" (merdeka, an HTML sample's
# whole-page dump). A year after the mark is a copyright line's ("© 2025 Site").
COPYRIGHT_CREDIT = regex.compile(r"(?:\([cC]\)|©)\s*\p{L}[^()©]{1,60}$")


def copyright_caption(text: str) -> bool:
    """Two words or more closed by a copyright mark and a name (COPYRIGHT_CREDIT)."""
    m = COPYRIGHT_CREDIT.search(text) if "©" in text or "(c)" in text or "(C)" in text else None
    return m is not None and count_words(text[:m.start()]) >= 2


def empty_cell_caption(text: str) -> bool:
    """Three words or more closed by an empty cell's bar (EMPTY_CELL_CAPTION)."""
    return text.endswith("|") and count_words(text) >= 3 and (
        EMPTY_CELL_CAPTION.search(text) is not None or text.endswith(" |") and text.count("|") == 1)


def courtesy_caption(text: str) -> bool:
    """A caption of three words or more closed by a courtesy or file credit after a slash
    ("... Ridwan Kamil/Ist", "(Suara NTB/dok)")."""
    return "/" in text and SLASH_COURTESY.search(text) is not None and count_words(text) >= 3


def sentence_slash_caption(text: str) -> bool:
    """A caption sentence of four words or more, then its credit ("... (16/7/2025).
    ANTARA/Siti Nurhaliza"); "Amy K. Dragoo/AIMMEDIA" alone is a photo credit."""
    if "/" not in text:
        return False
    m = SENTENCE_SLASH_CREDIT.search(text)
    return m is not None and count_words(text[:m.start()]) >= 4


# A quotation's tag right before the bracket: the story's last paragraph and the writer's
# code ("... diantara mereka”. imbuhnya (RWK/Alba)", AG), not a caption and its credit.
SPEECH_TAG_END = regex.compile(r"(?i)\b(?:imbuh|ujar|kata|ucap|tutur|jelas|tegas|pungkas|tandas|ungkap|terang|"
                               r"sebut|papar|tambah|tutup|lanjut)nya\W{0,3}\([^()]*\)\s*$")


def paren_slash_caption(text: str) -> bool:
    """A caption of four words or more, not a sentence, closed by an outlet-and-name
    credit in brackets: "Kondisi pascabencana di Sukabumi (IDN Times/Siti Fatimah)",
    "... Kecamatan Waluran(MI/BENNY BASTIANDY)". A paragraph's closing credit comes
    after its full stop ("... Selasa (18/9). (GaluhID/Uus)") and stays, unless it is a
    person's full name and the outlet's domain (NAME_DOMAIN_CREDIT). An illustration's
    caption may be shorter: "Ilustrasi gaji (IDN Times/Name)" (IDN Times, U; "Ilustrasi. (f:
    ist/mistar)", mistar, S; "Ilustrasi begal. (Suara/Name)", a whole page of Suara)."""
    if not text.rstrip().endswith(")") or SPEECH_TAG_END.search(text):
        return False
    m = NAME_DOMAIN_CREDIT.search(text)
    if m is not None and count_words(text[:m.start()]) >= 4:
        return True
    m = PAREN_SLASH_CREDIT.search(text)
    return m is not None and (count_words(text[:m.start()]) >= 4 or text[:9].casefold() == "ilustrasi")


# A credit glued after the caption's last word with a slash and no full stop: "... saat
# memusnahkan narkoba dengan cara blender/Alam" (a Musi Rawas outlet of AH), "... resmi
# dibuka/Andy" (a Papua outlet of Z). A unit after a price ("Rp80 Ribu/Kg") is no credit,
# nor a link's path ("... at https://www.apnews.com/Brexit": the word before the slash is one
# of lower-case letters).
GLUED_SLASH_CREDIT = regex.compile(r"(?<=\s\p{Ll}+)/(?!(?i:kg|gram|liter|ton|jam|hari|bulan|tahun|orang|ekor|meter|unit)\b)"
                                   r"\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?$")
GLUED_SLASH_MIN_WORDS = 6


# A caption closed by a slash credit runs 27 words at most on the labelled pages (sixteen of
# them, mostly PRMN's); the story's paragraphs closed so, by the writer's credit ("... ujarnya.
# /Nur Rachmat", "... rawan bencana. / Larasati M") or a slash inside a phrase, 34 to 54: three
# outlets of BU-BV.
SLASH_TAIL_MAX_WORDS = 30


def slash_tail_caption(text: str) -> bool:
    """A caption of four words or more closed by a slash credit (six or more before one
    glued to the last word), SLASH_TAIL_MAX_WORDS at most; "TRIBUNJOGJA.COM / Miftahul Huda"
    alone is a photo credit."""
    if count_words(text) > SLASH_TAIL_MAX_WORDS:
        return False
    m = SLASH_TAIL_CREDIT.search(text)
    if m is None and "/" in text:
        m = GLUED_SLASH_CREDIT.search(text)
        return m is not None and count_words(text[:m.start()]) >= GLUED_SLASH_MIN_WORDS
    return m is not None and count_words(text[:m.start()]) >= 4


@memo
def content_words(text: str) -> frozenset[str]:
    """The line's folded words longer than two letters, small title words left out."""
    return frozenset(w for w in folded_line(text).split() if len(w) > 2 and w not in TITLE_SMALL_WORDS)


def topic_words(text: str) -> frozenset[str]:
    """:func:`content_words` with the punctuation left out ("Batam," is "batam": words are
    letters and digits), as title_on_topic compares a headline with the opening paragraph
    (content_words keeps it, and the passes that read it are pinned to what it gives)."""
    return frozenset(f for w in words(text) if len(w) > 2 and (f := w.casefold()) not in TITLE_SMALL_WORDS)


# A subheading speaks of the paragraph under it: a third of its words or more are there, and
# more than in the paragraph above ("Tanggul Marisa Jebol, Dampaknya Cukup Parah" over "...
# tanggul di Marisa jebol ...": BM, BP, BV, BX, BZ, CD and dev pages, ten subheadings taken for
# injected headlines); another story's headline between paragraphs shares at most a fifth with
# the paragraph under it in the labelled pages, and often more with the one above.
SUBHEADING_BELOW_MIN = 1 / 3


def speaks_of_below(text: str, above: str, below: str) -> bool:
    """The headline-shaped line shares SUBHEADING_BELOW_MIN of its words with ``below``, more than with ``above``."""
    own = topic_words(text)
    if not own:
        return False
    under = len(own & topic_words(below))
    return under >= SUBHEADING_BELOW_MIN * len(own) and under > len(own & topic_words(above))


# A caption's words, no name: "Ilustrasi tangan pria diborgol polisi." under an empty "oleh"
# (a small site of Y), a sentence closed by its full stop after a lower-case word.
_SENTENCE_END_WORD = regex.compile(r"\p{Ll}{3,}\.$")


def caption_words(text: str) -> bool:
    """The line opens as a caption does (CAPTION_OPENERS) or closes a sentence: no person's name."""
    return text.casefold().startswith(CAPTION_OPENERS) or _SENTENCE_END_WORD.search(text) is not None


# A list's numbers and marks ("10", "--"), and whether a word has a letter. Two
# headlines on one story's topic may end alike ("... Persija"); three items of which
# two thirds end with the same word are a table's rows.
UNIFORM_END_MIN = 3
_DIGITS, _LETTER = regex.compile(r"\d+"), regex.compile(r"\p{L}")
# A word that is a figure ("5040", "96,85", "15.00").
_NUMBERS = regex.compile(r"(?<!\S)\d[\d.,]*(?!\S)")


def uniform_list(texts: list[str], ends: bool = False) -> bool:
    """Lines that open alike: the same first word, or the same number or mark among the
    first three words of two thirds of them ("June 10 -- Arena, City", "July 2 -- ..."),
    or, with ``ends``, the same last word in two thirds of them ("- Jorge Martin
    (Pramac): 328 poin", "- Marco Bezzecchi (VR46): 283 poin": a standings table, as a
    bulleted list in the body; not for the lists after the story, where a teaser
    widget's "... 14 comments" rows end alike): the story's own list, not headlines of
    other stories, which differ. A running count as the first word ("- 1 Pasutri ...",
    "- 2 Buat ...": a ranked "popular" widget, printed once or twice) numbers the items;
    it is no mark they share, unless the rows are mostly figures (a ranked table)."""
    firsts = [t.split()[0] for t in texts]
    if len({f.casefold() for f in firsts}) == 1:
        return True
    skip = int(running_count(firsts))
    if skip and 3 * sum(len(_NUMBERS.findall(t)) > 2 for t in texts) >= 2 * len(texts):
        return True     # "1 Kyle Busch 5040 5 1 17 27": ranked rows of figures, a table
    counts: dict[str, int] = {}
    for t in texts:
        for mark in {_DIGITS.sub("9", w) for w in t.split()[skip:3] if not _LETTER.search(w)}:
            counts[mark] = counts.get(mark, 0) + 1
    last: dict[str, int] = {}
    for t in texts if ends and len(texts) >= UNIFORM_END_MIN else ():
        w = _NOT_ALNUM.sub("", t.split()[-1]).casefold()
        if w:
            last[w] = last.get(w, 0) + 1
    return any(3 * n >= 2 * len(texts) for n in (*counts.values(), *last.values()))


def running_count(words_: list[str]) -> bool:
    """The words are numbers counting up by one ("1", "2", "3"), starting again at
    one where the list is printed again."""
    if not all(w.isdigit() and len(w) <= 2 for w in words_):
        return False
    return all(int(b) == int(a) + 1 or int(b) == 1 for a, b in zip(words_, words_[1:]))


# A caption's first word after a dateline-like label ("SOLOPOS.COM - Ilustrasi ...").
CAPTION_OPENERS = ("ilustrasi", "foto:", "foto ", "tangkapan layar")


# How many kept lines below an upper-case label dateline a site's dateline may stand
# (a caption, then a summary box's label and its points: tribunkaltim).
SITE_DATELINE_GAP = 5


def strong_dateline(dateline: str) -> bool:
    """A dateline that names the site ("TRIBUNNEWS.COM -", "Jakarta (ANTARA) -"),
    not only an upper-case label, which captions use too ("KIM DAN PUTIN -")."""
    return bool(DOMAIN.search(dateline) or "(" in dateline)


def named_dateline(dl: str) -> bool:
    """The dateline names the site or the outlet (strong_dateline, place_and_brand)."""
    return bool(dl) and (strong_dateline(dl) or place_and_brand(dl))


# "Tasya Natalia, CNBC Indonesia", "Irwan Febri Rialdi | BolaTimes.com": a name, then the outlet.
NAME_AND_OUTLET = regex.compile(r"^([^,|]+?)\s*[,|]\s*([^,|]+?)\s*$")
OUTLET_MAX_WORDS = 3
# How far below the credit the dateline that names the same outlet may stand (lines).
OUTLET_DATELINE_WINDOW = 12


# A dateline of a place and the outlet's name, comma between, then a dash ("Jakarta, CNBC
# Indonesia -", "Sukabumi, IDN Times -", "Warta Ekonomi, Jakarta -"): an upper-case
# caption label ("KIM DAN PUTIN -") has no comma.
PLACE_AND_BRAND = regex.compile(r"^[\p{L}.'’]+(?: [\p{L}.'’]+){0,2}, [\p{L}.'’]+(?: [\p{L}.'’]+){0,2}\s?[-–—]{1,2}\s*$")


# A place and the outlet's name alone on a line, a comma or a spaced dash between, no dash
# after ("Ternate, Haliyora", "Cirebon, NU Online", "PASURUAN, pojok kiri", "Situsnews -
# USA"), or a bar ("Medan | Konstruktif. Id", "mTv Jateng | Kudus"), the place's region too
# ("Bitung, Sulut | Tribuneindonesia.com"; BQ-BR): at most five words, no figure. The
# outlet's name may open in lower case ("mTv"), its first word hold a hyphen ("LKI-CHANNEL , CIANJUR").
PLACE_BRAND_ALONE = regex.compile(
    r"^(?=.{4,45}$)(?:\p{Lu}|\p{Ll}+\p{Lu})[\p{L}.-]*(?:[ ]\p{L}[\p{L}.]*){0,2}"
    r"(?:(?:\s*[,|]\s*|\s+[-–—]\s+)\p{L}[\p{L}.-]*(?:[ ]\p{L}[\p{L}.]*){0,2}){1,2}$")
# The dateline's first half alone on its line, closed by its separator as it is when it opens a
# paragraph: a place or the outlet's name (or both, joined by a hyphen) and a dash or a colon ("LANGKAT
# -", "| Warta Sulteng –", "Papuanesia.id –", "DELISERDANG-BERITAGAMBAR :": four outlets of BN-BS),
# or a place and the outlet's name in brackets ("PEMATANGSIANTAR, (HarianSumut)", "IMPIANNEWS.COM
# (Padang Pariaman).": BM, CA); right over the first paragraph only (dateline.place_brand_alone).
DATELINE_HALF_ALONE = regex.compile(
    r"^(?=.{4,45}$)(?:\|\s*)?\p{L}[\p{L}\p{N}.&'’-]*(?:[ ]\p{L}[\p{L}\p{N}.&'’-]*){0,2}"
    r"(?:\s*[-–—:]|,?\s*\(\s*\p{L}[\p{L}.\- ]{1,30}\)\.?)$")
# A place and the site's domain joined by a dash with no spaces, a colon or a dash after
# ("Sumut-Intainew.com :", "Nias Selatan-LibasNias.Site.-": two outlets of CC).
PLACE_DOMAIN_ALONE = regex.compile(
    r"^(?=.{4,45}$)\p{Lu}\p{L}*(?:[ ]\p{L}+){0,2}\s*[-–—]\s*[\p{L}\p{N}-]+(?:\.\p{L}{2,6}){1,2}[\s.:–—-]*$")
PLACE_BRAND_MAX_WORDS = 5
PLACE_BRAND_TITLE_MAX_WORDS = 3


def dateline_alone(text: str) -> bool:
    """A dateline alone on its line, in any of the shapes above (PLACE_BRAND_ALONE,
    DATELINE_HALF_ALONE, PLACE_DOMAIN_ALONE) or a place and a date (place_and_date)."""
    return PLACE_BRAND_ALONE.match(text) is not None or DATELINE_HALF_ALONE.match(text) is not None \
        or PLACE_DOMAIN_ALONE.match(text) is not None or place_and_date(text)


def place_and_brand(dateline: str) -> bool:
    """The dateline is a place and a name with a comma between, closed by a dash."""
    return PLACE_AND_BRAND.match(dateline) is not None


def kicker_headline(dateline: str, text: str) -> bool:
    """A headline with an upper-case kicker and a dash ("BREAKING NEWS – 30 Juta Surat
    Suara Diperebutkan ...": unseen tribunlampung page): the label is no dateline (not
    the site's) and the line is a headline, not a paragraph. A dateline alone on its line
    ("Warta Ekonomi, Jakarta -") is none, nor a paragraph closed by its full stop that only
    title_like's strict title case would take ("NASAL - Kondisi memprihatinkan terjadi di
    SDN 115 Kaur di Desa Tebing Rambutan ..., Jumat 15 Agustus 2025.": an unseen Bengkulu
    outlet of S, whose first paragraph a later pass then took for the headline), nor one with
    two lower-case content words, a sentence's ("JURNAL MEDIA, TUBABA – Bupati ... bersama Wakil
    Bupati ..., beserta jajaran Forkopimda melakukan kunjungan ... “Ramadhan Bersedekah”": a small
    site of W, whose first three paragraphs went as standfirst, headline and standfirst); nor a
    place and a name, comma between (place_and_brand: "DISKOMINFO LAMSEL, Kalianda - Bupati
    Lampung Selatan Radityo Egi", a hard-wrapped story's first line, BE): a kicker has no comma."""
    return not named_dateline(dateline) and count_words(text[len(dateline):]) >= 3 \
        and headline_like(text) and not prose_like(text) and lowercase_content_words(text) < 2


def dateline_brand(dateline: str | None) -> str | None:
    """The site part of a dateline, to tell the article's from a teaser's."""
    if not dateline:
        return None
    return dateline_domain(dateline) or _NOT_ALNUM.sub("", dateline).lower()


def dateline_domain(dateline: str) -> str | None:
    """The domain a dateline names ("TRIBUNKALTIM.CO -" -> "tribunkaltim.co"), or None."""
    m = DOMAIN.search(dateline)
    return m.group(0).lower().removeprefix("www.") if m else None


def word_overlap(a: str, b: str) -> float:
    """Shared folded words over the shorter line's words (0..1)."""
    wa, wb = set(folded_line(a).split()), set(folded_line(b).split())
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def teaser_snippet(text: str) -> bool:
    """A teaser's excerpt: a sentence of 8+ words the site cut off with an ellipsis."""
    return TEASER_SNIPPET.search(text) is not None and len(text.split()) >= TEASER_SNIPPET_MIN_WORDS


def cut_off(text: str) -> bool:
    """:func:`teaser_snippet` whatever stands before the ellipsis ("... oleh Dinas...",
    "... Tata Ruang /..."): a teaser above the story (frame.find_dateline)."""
    return text.endswith(("...", "…")) and count_words(text) >= TEASER_SNIPPET_MIN_WORDS


def paragraph_after(head: str, longer: str) -> bool:
    """``longer`` goes on after ``head`` with a sentence of its own (more words than a credit
    has), not with a credit; its last sentence may carry the story's end mark ("... dan
    nelayan setempat. (an)": a whole story on one line under its cut-off excerpt, BS)."""
    return count_words(longer) - count_words(head) > CREDIT_MAX_WORDS \
        and sentence_closed(longer) and not caption_like(longer)


# The same headline printed with something before or after it on one line: the site's name
# after a dash ("Headline - Site Name", a page's <title>), a breadcrumb before it ("Beranda
# Bisnis <headline>", "BerandaBerita Jabar<headline>"), a photo credit after it ("--screenshot
# dari web", " | Foto: Antara", " (Instagram)"). A few words each.
SITE_SUFFIX = regex.compile(r"\s[-–|]\s\S.{0,40}$")
SITE_SUFFIX_MAX_WORDS = 6
BREADCRUMB_MAX_WORDS = 3
# A headline cut off by an ellipsis in a breadcrumb is found by its first characters.
BREADCRUMB_CUT_MIN_CHARS = 20
BREADCRUMB_MARKED_MAX_WORDS = 8
CREDIT_SUFFIX = regex.compile(r"^\s*(?:-{1,2}|[–—|/(])\s*\S")
CREDIT_SUFFIX_MAX_WORDS = 6


def _after(longer: str, bare: str) -> str:
    """What ``longer`` prints after ``bare`` when it opens with it ("" otherwise)."""
    return longer[len(bare):] if len(bare) < len(longer) and longer.startswith(bare) else ""


def _before(longer: str, bare: str) -> str:
    """What ``longer`` prints before ``bare`` when it closes with it ("" otherwise), or with
    its first half or more cut off by an ellipsis ("Beranda Berita Photo Relawan GPMN ...
    Bantuan Logistik..." over the whole headline: a breadcrumb's last crumb, AN)."""
    if len(bare) < len(longer) and longer.endswith(bare):
        return longer[:-len(bare)]
    if not longer.endswith(("...", "…")):
        return ""
    cut = longer.rstrip(".…").rstrip()
    k = cut.find(bare[:BREADCRUMB_CUT_MIN_CHARS])
    if k <= 0 or not bare.startswith(cut[k:]) or 2 * (len(cut) - k) < len(bare):
        return ""
    return cut[:k]


def site_suffixed(longer: str, bare: str) -> bool:
    """``longer`` is ``bare`` (a headline of 4+ words) with a site's name after a dash."""
    rest = _after(longer, bare)
    return bool(rest) and count_words(bare) >= 4 and SITE_SUFFIX.fullmatch(rest) is not None \
        and count_words(rest) <= SITE_SUFFIX_MAX_WORDS


def lowered_words(headline: str, copy: str) -> int:
    """How many of the headline's capitalised words its copy prints in lower case, word for
    word: a standfirst repeating a title-case headline lowers them ("Terjadi kebakaran ...
    tempat tinggal dua wartawan ...", Tribun Kaltim), a caption's copy with its credit does not."""
    return sum(a != b and a[0].isupper() and b[0].islower() and a.lower() == b.lower()
               for a, b in zip(words(headline), words(copy)))


def headline_slug(headline: str, line: str) -> bool:
    """``line`` is the image's alt text made of the headline: all in lower case, every word
    the headline's ("wni gagal kerja di malaysia" under "Ditangkap di Batam, WNI dan WN
    Bangladesh Gagal Kerja di Malaysia", gokepri, AD; mistar.id's, X). A lower-case standfirst
    says more than its headline (d019)."""
    return line.islower() and set(words(line)) <= set(words(headline.lower()))


def site_unsuffixed(headline: str) -> str:
    """The headline without the site's name after a dash when that name holds its domain
    ("... Bajol Ijo - JPNN.com Jatim", the only headline on a jpnn page of AA; d061 prints
    it so under the bare headline), as the HTML path cuts it off <title>."""
    m = SITE_SUFFIX.search(headline)
    bare = headline[:m.start()] if m is not None else headline
    return bare if m is not None and DOMAIN.search(m.group()) and site_suffixed(headline, bare) else headline


def breadcrumb_prefixed(longer: str, bare: str) -> bool:
    """``longer`` is ``bare`` (a headline of 4+ words) after a breadcrumb of a few words,
    in any case ("HOME » BERITA » DISIPLINKAN WARGA, ..." over "Disiplinkan Warga, ..."); one
    whose crumbs are marked by their separators may be longer ("Home » Daerah » Kutai
    Kartanegara » ...": a small site of V), and so may one that opens with the site's domain
    ("JPNN.com Jatim Jatim Terkini <headline>": jatim.jpnn.com, AA). Compared folded, as
    same_text compares: straight and curly quotes alike ("BaliBulelengPolisi Tangkap Warga
    \"Kerauhan\" ..." over "Polisi Tangkap Warga “Kerauhan” ...": AX)."""
    crumbs = _before(folded_line(longer), folded_line(bare))
    marked = "»" in crumbs or "›" in crumbs or DOMAIN.match(crumbs) is not None
    limit = BREADCRUMB_MARKED_MAX_WORDS if marked else BREADCRUMB_MAX_WORDS
    return bool(crumbs) and count_words(bare) >= 4 and 1 <= count_words(crumbs) <= limit


def credit_suffix(headline: str, copy: str) -> bool:
    """``copy`` is ``headline`` with a short credit after it."""
    rest = _after(copy, headline)
    return bool(rest) and CREDIT_SUFFIX.match(rest) is not None and count_words(rest) <= CREDIT_SUFFIX_MAX_WORDS


# Of the 669 headlines of the labelled pages (dev and the batches) the longest has 21
# words; a longer title-case line under a headline is a caption in title case ("Bupati
# ... Bersama ..., Saat Menyalurkan Bantuan ...": 24 words), not the headline.
REPLACING_HEADLINE_MAX_WORDS = 22


def replaces_headline(head: str, t: str) -> bool:
    """A later headline ``t`` replaces the headline candidate ``head`` when that one was only
    a label above it (a section, kicker or slogan: shorter than the headline); a
    sentence-case line, a shorter one, one longer than any headline, or one with more
    lower-case content words (a caption: "Kapolsek X, saat meninjau ...") is not."""
    current, n = count_words(head), count_words(t)
    if n > REPLACING_HEADLINE_MAX_WORDS or sentence_case(t) \
            or (current > LABEL_MAX_WORDS and lowercase_content_words(t) > lowercase_content_words(head)):
        return False
    return current <= LABEL_MAX_WORDS and n >= current or n > current


def kicker_over(head: str, nxt: str) -> bool:
    """A short line under the headline candidate ``head`` is a kicker over a longer headline
    ``nxt`` that replaces it ("Aksi Mahasiswa Makassar" / "Tuntutan Demo ...", the candidate
    a city's slogan banner: Tribun Timur, R; d014's kicker is a rule's heading): it does not
    close the headline block."""
    return title_like(nxt) and replaces_headline(head, nxt)
