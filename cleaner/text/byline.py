"""A grammar for credit lines: who wrote, edited and sourced the article.

Indonesian news pages print their credits in a handful of shapes, whatever the site:

    Penulis: Rita Lavenia | Editor: Budi Susilo        labels, one or several per line
    PENULIS Ashaq Lupito                               no colon, any case
    Penulis | : | Okki Margaretha |                    a table row flattened to text
    Reporter: A, Editor: B    Penulis: A - Editor: B   other separators between pairs
    Laporan Indra Wijaya | Banda Aceh                  label, name, place
    oleh Putu Merta Surya Putra diperbarui 27 Mei 2019, 13:40 WIB     name, then a date
    Achmad Al Fiqri , Jurnalis-Jum'at, 06 Maret 2026 |00:09 WIB      name, role, date
    (Tribunnews.com/Daryono)   (Nesiana Yuko Argina)   [Eko Isdiyanto]  closing credits

:func:`parse_credit` reads a labelled line (or a name with its role) into
:class:`Credit`; :func:`parse_closing_credit` reads the bracketed writer credit
that closes an article. Both are pure functions of the text; where a line sits on
the page (header, tail) is the structure stage's business. A name is a short run
of letters (initials, apostrophes, hyphens), never digits; a site name in the
author slot ("Kompas.com", "CNN Indonesia", "Tim Tribun Manado") is kept as
printed, as a team. Anything else on the line (a date, a place after ``|``, a role
word) must be recognised, or the line is not a credit: a sentence that happens
to start with "Oleh" or "Penulis" stays a sentence.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from . import dates
from .signals import memo, stopword_density

# Label words and the field they fill. Longest first in the pattern, so
# "laporan wartawan" wins over "laporan" and "video editor" over "editor".
LABELS = {
    "penulis": "authors", "ditulis oleh": "authors", "reporter": "authors", "wartawan": "authors",
    "laporan wartawan": "authors", "laporan reporter": "authors", "laporan jurnalis": "authors",
    "laporan kontributor": "authors", "laporan oleh": "authors", "laporan": "authors", "pewarta": "authors", "peliput": "authors",
    "liputan": "authors",
    "kontributor": "authors", "koresponden": "authors", "jurnalis": "authors", "oleh": "authors",
    "writer": "authors", "author": "authors", "by": "authors", "reportase": "authors",
    "editor": "editor", "redaktur": "editor", "penyunting": "editor", "video editor": "editor",
    "editor video": "editor", "redaktur pelaksana": "editor",
    "sumber": "source",
    # Read so that a line carrying them is understood, but they name no author.
    "foto": "photo", "fotografer": "photo", "pewarta foto": "photo", "ilustrasi": "photo",
    "grafis": "photo", "videografer": "photo", "kameramen": "photo",
}
# Labels that are a credit only with their colon: "Liputan : Yatiman" names the reporter,
# "Liputan Khusus" under a headline is a rubric.
COLON_ONLY = frozenset({"liputan"})
# Labels naming two roles at once: "Redaktur & Reporter : X" sets both.
DOUBLE_LABELS = {"redaktur & reporter": ("authors", "editor"), "reporter & redaktur": ("authors", "editor"),
                 "penulis & editor": ("authors", "editor"), "editor & penulis": ("authors", "editor"),
                 "penulis dan editor": ("authors", "editor")}
# Role words printed after a name ("Miftahul Ghani, Jurnalis").
ROLE_WORDS = ("jurnalis", "wartawan", "reporter", "kontributor", "penulis", "editor", "redaktur")

_ALL_LABELS = sorted([*LABELS, *DOUBLE_LABELS], key=len, reverse=True)


def _label_pattern(label: str) -> str:
    """The pattern of one label: its words joined by any space, "&" with or without spaces."""
    parts = [r"\s+".join(regex.escape(w) for w in part.split()) for part in label.split("&")]
    return r"\s*&\s*".join(parts)


_LABEL = "|".join(_label_pattern(lb) for lb in _ALL_LABELS)
# A label opening a segment; the value follows after a colon, a dash, or only a space.
LABEL_RE = regex.compile(rf"(?i)^(?P<label>{_LABEL})(?![\p{{L}}\p{{N}}])\s*(?P<colon>[:：]|[-–—](?=\s))?\s*(?P<value>.*)$")
# Where a second labelled pair starts inside a line ("... , Editor: B", "... - Editor: B",
# or after a space only once a labelled value came before: "Editor : A   Reporter : B";
# not "Redaktur & Reporter : A", "Video Editor: A").
_PAIR_BREAK = regex.compile(rf"(?i)(?:\s*(?:[,;]|\s[-–—/])\s*|(?<=[:：][^:：]*\S)\s+)(?=(?:{_LABEL})\s*[:：])")

# One name: words of letters joined by spaces; initials with dots ("M. Nur", "A.R."),
# apostrophes and hyphens inside words; a lower-case word only for names printed
# all in lower case. No digits, at most six words.
NAME_WORD = r"\p{L}[\p{L}'’.-]*"
NAME_RE = regex.compile(rf"^{NAME_WORD}(?:\s{NAME_WORD}){{0,5}}$")
# A site or team in the author slot: a domain, or "Tim ..."/"Redaksi ..."/"Newswire".
TEAM_RE = regex.compile(r"(?i)^(?:[\p{L}0-9-]+(?:\.[\p{L}0-9-]+)*\.(?:com|co\.id|id|co|net|tv|news)"
                        r"|(?:tim|redaksi|admin)\b.{0,40}|newswire)$")
# Words that never belong to a person's name: they mean the value is a sentence.
NOT_NAME_WORDS = frozenset(
    "yang dan di ke dari untuk dengan pada ini itu adalah akan telah sudah karena tidak bisa "
    "juga atau saat oleh dalam para kata mengatakan menurut bahwa jadi agar sebagai dapat".split())
# What may follow a name: a date ("pada 06 March 2018, 21:30 WIB", "diperbarui ...",
# "- 27 November 2024", "-Jum'at, 06 Maret 2026 |00:09 WIB") is cut off by its span;
# the connecting words before it go too, a theme's English ones as well ("Rahmat Hidayat
# Published Saturday, 15 March 2025"; "by : On Januari 05, 2019", the name left empty: two
# small sites of AX).
DATE_LEAD = regex.compile(r"(?i)(?:^|\s*[-–—|,]\s*|\s+)(?:pada|diperbarui|diperbaharui|diterbitkan|"
                          r"update[d]?|dipublikasikan|terbit|(?:published|posted)(?:\s+on)?|on)?\s*$")
# A place after the name, past a separator: "| Banda Aceh".
PLACE_RE = regex.compile(r"^\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+){0,2}$")
NAME_SPLIT = regex.compile(r"\s*(?:,|/|&|\bdan\b)\s*")
# Compiled once here (``regex``'s module functions look each pattern up in its cache
# on every call, ~1.5 us).
_TABLE_COLON = regex.compile(r"\s*\|\s*:\s*\|\s*")
_BAR = regex.compile(r"\s*\|\s*")
_NAME_ROLE = regex.compile(rf"(?i)^(?P<name>[^,]{{2,60}}?)\s*,\s*(?P<role>{'|'.join(ROLE_WORDS)})\b(?P<rest>.*)$")
_DATE_WORDS = regex.compile(r"(?i)\b(?:wib|wita|wit|pukul|jam|pada|diperbarui|update|terbit)\b|[\s|,.:\-–—]")
_NOT_LETTER = regex.compile(r"\P{L}")
_OUTLET_END = regex.compile(r"\.(?:com|co\.id|id|co|net|tv|news)\b", regex.I)
MAX_LINE_CHARS = 200
# A label without a colon and nothing else on the line ("PENULIS Ashaq Lupito") takes a
# name of at most this many words: "Wartawan Dirikan Posko Peduli Korban Banjir" is a
# headline (d016). The dev corpus names have 1-4 words.
NO_COLON_MAX_WORDS = 4
# A credited source ("Sumber: Warta Kota, Antara") is a name or two, not a sentence.
SOURCE_MAX_WORDS = 8


@dataclass
class Credit:
    """What one credit line says."""
    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    source: str | None = None
    # A label without a colon and nothing else on the line ("PENULIS Ashaq Lupito"):
    # a headline can look the same ("Wartawan Tribun Ditangkap"); callers weigh position.
    loose: bool = False

    def empty(self) -> bool:
        """Nothing named: no author, editor or source."""
        return not (self.authors or self.editor or self.source)


@memo
def parse_credit(text: str) -> Credit | None:
    """The credit a line prints (authors, editor, source), or None when the line is
    not a credit line: every segment must be a label with a valid value, a place,
    or a date, and at least one label must name someone."""
    # A pure function of the text, asked of the same lines by the header and credit
    # passes and again by the later passes over the page: remembered in the page's
    # signal memo. The Credit is shared: callers read it, never change it.
    return _parse_credit(text)


def _parse_credit(text: str) -> Credit | None:
    text = flatten_table(" ".join(text.split()))
    if not text or len(text) > MAX_LINE_CHARS:
        return None
    credit = _labelled(text)
    if credit is None:
        credit = _name_with_role(text)
    if credit is None:
        credit = _doubled_name(text)
    if credit is None:
        credit = _name_and_date(text)
    return None if credit is None or credit.empty() else credit


def flatten_table(text: str) -> str:
    """"Penulis | : | Okki Margaretha |" -> "Penulis: Okki Margaretha"."""
    if "|" not in text:
        return text
    text = _TABLE_COLON.sub(": ", text)
    return text.strip(" |")


def _labelled(text: str) -> Credit | None:
    credit = Credit()
    segments = [s for s in _BAR.split(text) if s]
    # The page's date (and time) first, then the labels: "SENIN, 07 SEPTEMBER 2020 |
    # 15:41 WIB | LAPORAN: AHMAD ALFIAN" (dates may stand after the labels already).
    while len(segments) > 1 and segments[0][:1].isalnum() and _no_label_first(segments) \
            and _is_date_or_time(segments[0]):
        segments = segments[1:]
    if _no_label_first(segments):
        return None
    parts: list[str] = []
    for seg in segments:
        parts.extend(p for p in _PAIR_BREAK.split(seg) if p)
    named = False
    for k, part in enumerate(parts):
        m = LABEL_RE.match(part)
        if m is None:
            if k == 0 or not _is_place_or_date(part):
                return None
            continue
        label = " ".join(m.group("label").lower().split()).replace(" & ", "&").replace("&", " & ")
        raw_value = m.group("value").strip(" :：-–—")
        value = _strip_place(strip_date(raw_value))
        roles = DOUBLE_LABELS.get(label) or (LABELS.get(label),)
        colon = m.group("colon") is not None
        if label in COLON_ONLY and not colon:
            return None
        if not value:
            if not colon and len(parts) == 1:
                return None                 # a bare word ("Editor") is the split-label's case
            continue
        if roles == ("source",):
            # "Sumber: Tribun Kaltim": with its colon and short; "Sumber air di desa itu ..."
            # is a sentence.
            if not colon or len(value.split()) > SOURCE_MAX_WORDS:
                return None
            credit.source = credit.source or value
            named = True
            continue
        if roles == ("photo",):
            continue
        names = _names(value, lenient=colon)
        if names is None or not colon and len(parts) == 1 and len(value.split()) > NO_COLON_MAX_WORDS:
            return None
        if not colon and len(parts) == 1 and value == raw_value:
            credit.loose = True
        people = [n for n in names if not TEAM_RE.match(n)]
        names = people or names         # "Laporan Wartawan Tribunnews.com, X": the site employs X
        for role in roles:
            if role == "authors":
                credit.authors.extend(n for n in names if n not in credit.authors)
            elif role == "editor" and credit.editor is None:
                credit.editor = ", ".join(names)
        named = True
    return credit if named else None


def _no_label_first(segments: list[str]) -> bool:
    """True when the first part cannot open with a label, so :func:`_labelled` gives
    None without splitting every segment at its pair breaks (~5 us a line). The first
    part opens the first segment unless that segment opens with a pair break ("," or
    ";"), and a first part LABEL_RE matches makes the segment it opens match too: a
    part ends where a break's comma, semicolon or space begins, no letter or digit,
    so the label's look-ahead holds in the segment as well."""
    return bool(segments) and segments[0][:1] not in ",;" and LABEL_RE.match(segments[0]) is None


def _name_with_role(text: str) -> Credit | None:
    """"Miftahul Ghani, Jurnalis", "Achmad Al Fiqri , Jurnalis-Jum'at, 06 Maret 2026 |00:09 WIB"."""
    m = _NAME_ROLE.match(text) if "," in text else None      # the pattern needs a comma
    if m is None or m.group("name")[:1].islower():
        return None
    rest = m.group("rest").strip()
    if rest and not _is_place_or_date(rest.lstrip("-–—, ")):
        return None
    # The role word is as plain as a label's colon: a later word in lower case is the name's
    # as typed ("Danandaya Arya putra , Jurnalis-Minggu, ...": Okezone, V).
    names = _names(m.group("name"), lenient=True)
    if names is None or len(names) != 1:
        return None
    role = m.group("role").lower()
    if role in ("editor", "redaktur"):
        return Credit(editor=names[0])
    return Credit(authors=names)


# The writer's name printed twice, glued (an avatar's alt text, then the name), then the
# date: "Wisnu CiptoWisnu Cipto - Kamis, 15 Mei 2025" (MerahPutih.com, BolaSkor.com); or
# the avatar's alt text, then "by" and the name: "Usman Anapia by Usman Anapia", "Redaksi by
# Redaksi" (a WordPress theme's author line: four outlets of the labelled batches).
_DOUBLED_NAME = regex.compile(r"^(?P<name>\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,3})(?P=name)"
                              r"\s*[-–—|•]\s*(?P<rest>.+)$")
_NAME_BY_NAME = regex.compile(r"^(?P<name>\p{L}[\p{L}0-9'’.-]*(?:\s\p{L}[\p{L}0-9'’.-]*){0,3}) by (?P=name)$")


def _doubled_name(text: str) -> Credit | None:
    """"Name" printed twice in a row, glued, then a date (and time); or "Name by Name":
    the author."""
    if not text[:1].isalpha() or text.find(text[:3], 3) < 0:
        return None
    m = _NAME_BY_NAME.match(text)
    if m is not None:
        return Credit(authors=[m.group("name")])
    m = _DOUBLED_NAME.match(text)
    if m is None or not dates.find_dates(m.group("rest")) or not all(
            _is_date_or_time(part) for part in _BAR.split(m.group("rest")) if part.strip()):
        return None
    names = _names(m.group("name"), lenient=False)
    return Credit(authors=names) if names is not None and len(names) == 1 else None


# A writer's name, then the date and time, no label: "Yudi Adiyatna | Selasa, 10 April 2018
# | 11:00" (TangerangNews), "Administrator • 2024-09-13 12:27:15" (a news theme's author
# bar); the dashed "Krismanto - 27 November 2024" is _common's name-date rule's.
_NAME_THEN_DATE = regex.compile(r"^(?P<name>\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,3})"
                                r"(?:\s*[|•·]|\s[-–—])\s*(?P<rest>\d.*|\p{L}+,?\s+\d.*)$")
_DATE_PARTS = regex.compile(r"\s*[|•·]\s*")
# The accounts a site's author bar names when no writer is given.
ACCOUNT_NAMES = frozenset({"admin", "administrator", "redaksi"})
# Words of a newspaper's or a site's name, never of a person's: "Radar Bandung -
# 12/05/2021, 16:57 WIB" is the outlet's bar.
MEDIA_WORDS = frozenset({"radar", "harian", "tribun", "pos", "post", "suara", "kabar", "warta", "media",
                         "koran", "berita", "news", "times", "tv", "online", "portal", "jurnal", "info",
                         "metro", "daily", "channel", "redaksi", "tim"})
# Words of a place's name, never of a person's: "Kota Serang | <date>" is a dateline's bar,
# "Pantai Ancol" under a headline a caption's label, "Gedung Polda Metro Jaya" a photo's place.
PLACE_WORDS = frozenset({"kota", "kabupaten", "kab", "provinsi", "kecamatan", "kelurahan", "desa", "kampung",
                         "pulau", "pantai", "gunung", "danau", "sungai", "jalan", "jl", "pasar", "masjid",
                         "gereja", "stadion", "bandara", "pelabuhan", "terminal", "gedung", "kantor", "taman",
                         "istana", "hotel"})
NOT_PERSON_WORDS = MEDIA_WORDS | PLACE_WORDS
# A site's rubrics and its regions' short names (shapes.menu_row reads a menu of them): a
# rubric before the date ("Olahraga · 21 Sep 2023 19:11 WIB") is no writer's short name.
RUBRIC_WORDS = frozenset("""home beranda index indeks news berita terkini terbaru populer nasional internasional
    regional daerah nusantara metro politik pemerintahan pemerintah hukum kriminal peristiwa ekonomi ekbis bisnis
    keuangan olahraga sport bola otomotif tekno teknologi sains pendidikan kesehatan sehat hiburan seleb
    selebriti lifestyle gaya wisata travel kuliner religi opini esai sosok tokoh budaya video foto infografis
    entertainment showbiz sports health
    headline aceh sumut sumbar riau kepri jambi sumsel bengkulu lampung babel jakarta jabar
    banten jateng jatim diy yogya bali ntb ntt kalbar kalteng kalsel kaltim kaltara sulut sulteng sulsel sultra
    sulbar gorontalo maluku malut papua sumatera jawa kalimantan sulawesi""".split())
# A writer's short name, one word: a capitalised word ("Ardy", "Ferdian") or initials ("AZ").
_SHORT_NAME = regex.compile(r"^(?:\p{Lu}\p{Ll}{2,}|\p{Lu}{2,3})$")
_DASH_AFTER_NAME = regex.compile(r"\s[-–—]\s")


def _name_and_date(text: str) -> Credit | None:
    """A name and the date it wrote on: the author (one word only when it is a site's
    account: "Admin", "Redaksi")."""
    if not ("|" in text or "•" in text or "·" in text or " -" in text or " –" in text or " —" in text):
        return None         # (most lines: the pattern costs ~1% of a page's time)
    m = _NAME_THEN_DATE.match(text)
    if m is None:
        return None
    rest = m.group("rest")
    if not dates.find_dates(rest) or not all(_is_date_or_time(part) for part in _DATE_PARTS.split(rest) if part):
        return None
    name = m.group("name")
    words = name.casefold().split()
    if len(words) == 1:
        if words[0] in ACCOUNT_NAMES:
            return Credit(authors=[name])
        # A writer's short name, then a dash and the date ("Ferdian - Sabtu, 14 Mei 2022 | 15:15
        # WIB", "AZ - Kamis, 18 Juli 2019 07:00 WIB": two outlets of Z and AM): loose, a credit
        # under the headline only. A rubric's bar ("Biografi | 02 Desember 2021, 05:00",
        # "Olahraga · 21 Sep 2023") is no dash; a weekday, a rubric or a place is no name.
        if _SHORT_NAME.match(name) and _DASH_AFTER_NAME.match(text, len(name)) and not dates.filler_only(name) \
                and words[0] not in RUBRIC_WORDS and words[0] not in NOT_PERSON_WORDS:
            return Credit(authors=[name], loose=True)
        return None
    if any(w in NOT_PERSON_WORDS for w in words) or dates.find_dates(name) or TEAM_RE.match(name) \
            or stopword_density(name) > 0.5:
        return None
    names = _names(name, lenient=False)
    return Credit(authors=names) if names is not None and len(names) == 1 else None


def strip_date(value: str) -> str:
    """The value without a trailing date (and the words leading to it)."""
    found = dates.find_dates(value)
    if not found:
        return value
    first = found[0]
    if value[first.end:].strip(" .,|-–—") and not _is_place_or_date(value[first.end:].strip(" .,|-–—")):
        return value
    head = value[:first.start]
    return DATE_LEAD.sub("", head).strip(" ,|-–—")


# A place in brackets after the names: "Laporan: Dofi Iskandar (Pekanbaru)".
_BRACKET_TAIL = regex.compile(r"\s*\(([^()]{2,40})\)\s*$")


def _strip_place(value: str) -> str:
    """The value without a trailing place or date in brackets."""
    m = _BRACKET_TAIL.search(value)
    if m is None or m.start() == 0 or not _is_place_or_date(m.group(1)):
        return value
    return value[:m.start()]


def _is_place_or_date(text: str) -> bool:
    text = text.strip(" .,|-–—")
    if not text:
        return True
    if PLACE_RE.match(text) and len(text.split()) <= 3:
        return True
    return _is_date_or_time(text)


# A clock time alone, as a credit line's segment after its date: "15:41 WIB", "Pukul 09.30".
_CLOCK_ONLY = regex.compile(r"(?i)^(?:pukul\s*|jam\s*)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[:.][0-5]\d)?"
                            r"(?:\s*(?:WIB|WITA|WIT))?$")


def _is_date_or_time(text: str) -> bool:
    """A date (with its weekday, time and connecting words) or a clock time, nothing else."""
    text = text.strip(" .,|-–—")
    if _CLOCK_ONLY.match(text):
        return True
    found = dates.find_dates(text)
    if not found:
        return False
    rest = text[:found[0].start] + text[found[-1].end:]
    return not _DATE_WORDS.sub("", rest)


# The writer's social handle after the name, bracketed or glued on: "Oleh: M. Ryzki Wiryawan
# (@SadnessSystem)" (a Bandung blog, CA), "By Chaim Gartenberg@cgartenberg Nov 19, 2019"
# (The Verge, two pages of the ScrapingHub dumps): the name is before it.
HANDLE_AFTER = regex.compile(r"\s*\(?@[\p{L}\p{N}_.]{2,30}\)?(?=\s*(?:$|[,;&]))")


def _names(value: str, *, lenient: bool) -> list[str] | None:
    """The names a label's value lists, or None when it is not a list of names.
    ``lenient`` (a colon followed the label): lower-case names are names too."""
    value = value.strip(" .,;")
    if TEAM_RE.match(value):
        return [value]
    value = HANDLE_AFTER.sub("", value)
    parts = [p for p in NAME_SPLIT.split(value) if p]
    if not parts or len(parts) > 6:
        return None
    names = []
    for part in parts:
        part = part.strip(" .")
        if TEAM_RE.match(part):
            names.append(part)
            continue
        if not NAME_RE.match(part):
            return None
        ws = part.split()
        if any(w.lower() in NOT_NAME_WORDS for w in ws):
            return None
        if not lenient and not all(w[0].isupper() for w in ws):
            return None
        names.append(part)
    return names


# ------------------------------------------------------------------ closing credits
# "(Tribunnews.com/Daryono)", "(Nesiana Yuko Argina)", "[Eko Isdiyanto]",
# "(Tribunnews.com/A/B)(Tribun-Bali.com/C)": one or more bracketed groups, nothing else.
CLOSING_GROUP = regex.compile(r"[(\[]\s*([^()\[\]]{2,120}?)\s*[)\]]")
# End marks are not writer credits: initials and agency codes ("(uby)", "(Dny)",
# "(idh/imk)", "(antara/mcr13/jpnn)", "(ADW/NDI)"). A name part has a word of four
# letters or more and starts with a capital; one word alone only after an outlet.
NAME_PART_MIN_LETTERS = 4
# After a writer's full name, the editor's or the agency's code is no name: "(Abdul
# Fatah/ant)", "(Asfi Manar/RCTI/ugo)", "(ABDUL GOFUR/B-2)" (three outlets): a part of
# one to four letters, digits or hyphens beside a part of two words or more.
CLOSING_CODE = regex.compile(r"^[\p{L}\p{N}-]{1,4}$")
# Closing the story (``single``), one capitalised word alone is the writer's name too:
# "(Cahaya)" (a Bali site, S), "(Najamudin)" (a Sumsel site, T), "(Awaludin)" (Okezone, AB),
# "(L/Taufik)" after a desk code (a Pekanbaru site, Y), "... tandas Yusuf. (Sofyan)" (V).
# Not the words that close a story without naming anyone: an agency, a photo's
# courtesy, "to be continued", a release, a paid post.
# (a media or place word neither: NOT_PERSON_WORDS)
CLOSING_NOT_NAMES = NOT_PERSON_WORDS | frozenset(
    "antara reuters bernama xinhua anadolu kyodo yonhap istimewa ilustrasi foto video sumber "
    "dokumentasi dokumen internet bersambung selesai tamat habis rilis advertorial iklan "
    "humas kontributor penulis wartawan redaksi editor".split())
# A desk's code beside that one word: letters or digits, at most three ("L", "RD2").
CLOSING_DESK_CODE = regex.compile(r"^[\p{L}\p{N}]{1,3}$")


def parse_closing_credit(text: str, *, single: bool = False) -> list[str] | None:
    """The writers a closing credit names ("(Tribunnews.com/Daryono)" -> ["Daryono"]),
    or None when the line is not one (an end mark, a sentence, a caption).
    ``single``: the credit closes the story, where one word alone names a writer."""
    text = " ".join(text.split())
    groups = CLOSING_GROUP.findall(text)
    if not groups or CLOSING_GROUP.sub("", text).strip():
        return None
    names: list[str] = []
    for group in groups:
        parts = [p.strip() for p in group.split("/") if p.strip()]
        # A desk beside a writer is no second writer: "(Name/Redaksi NL)" (NokenLive, Y) as
        # "(Tribunnews.com/Name)"; a team alone ("(Tim Redaksi)") is still the credit's.
        teams = [p for p in parts if TEAM_RE.match(p)]
        desk = teams if 0 < len(teams) < len(parts) else []
        outlet: list[str] = []
        people: list[str] = []
        for p in parts:
            (outlet if p in desk or _outlet_like(p) else people).append(p)
        if any(len(p.split()) >= 2 for p in people):
            people = [p for p in people if not CLOSING_CODE.match(p)]
        elif single and not outlet:
            word = [p for p in people if not CLOSING_DESK_CODE.match(p)]
            if len(word) == 1 and _one_word_name(word[0]):
                names.append(word[0])
                continue
        for p in people:
            ws = p.split()
            # After the outlet, a full name in lower case is a name too ("(Banjarmasinpost.co.id/
            # nurholis huda)", "(tribunbatam.id/dewi haryati)"); one word ("istimewa") is no name.
            lower_ok = bool(outlet) and len(ws) >= 2 and p.islower()
            if not NAME_RE.match(p) or not (lower_ok or all(w[0].isupper() for w in ws)) or \
                    any(w.lower() in NOT_NAME_WORDS for w in ws) or LABEL_RE.match(p):
                return None     # "(Editor Jon Heri)" names an editor, not the writer
            longest = max(len(_NOT_LETTER.sub("", w)) for w in ws)
            if longest < NAME_PART_MIN_LETTERS or (len(ws) == 1 and not outlet) or p.isupper() and len(ws) == 1:
                return None
            names.append(p)
    return names or None


def _one_word_name(part: str) -> bool:
    """A capitalised word of letters, not an acronym, that names nobody else."""
    return part.isalpha() and part.istitle() and len(part) >= NAME_PART_MIN_LETTERS \
        and part.lower() not in CLOSING_NOT_NAMES


def _outlet_like(part: str) -> bool:
    """"Tribunnews.com", "Tribun-Bali.com", "Kompas.com": a site, not a person."""
    return bool(_OUTLET_END.search(part))
