"""Indonesian date/time parsing for scraped news pages.

Finds date expressions such as ``Kamis, 2 Oktober 2025``, ``- 14 September 2023, 16:22 WIB``,
``Rabu (13/9/2023)``, ``Jumat, Mei 3, 2024`` or ISO ``2023-09-13T10:15:00+07:00`` and returns
them as ISO 8601 strings with their span, so callers can both read and strip them.

Design choices (why):
* One combined pattern, compiled once at import, with every repetition bounded and
  whitespace limited to the same line, so a search is linear in the input and cannot
  backtrack catastrophically on adversarial text.
* Years must have four digits (1945..2100).  Two-digit years ("13/9/23") collide with
  scores, ratios, page numbers and verse references far more often than they mark dates.
* Numeric dates are read day-first (dd/mm/yyyy) as Indonesian outlets write them; an
  impossible day-first reading is rejected rather than reinterpreted as month-first, unless
  a 12-hour clock follows ("11/29/2019 11:13:00 AM": Blogger's timestamp, US order).
* A time written with a dot ("20.10") is only accepted after "pukul"/"jam" or before a
  zone/AM-PM marker, because bare "12.50" after a date is usually a number, not a time.
* Impossible dates or times (31 Februari, month 13, 25:00) are simply not matched; an
  invalid time never discards the valid date in front of it.
Choosing which date is the publication date is the caller's job.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

import regex

from .signals import memo

TZ_OFFSETS = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"}

_MONTHS = {
    1: "januari jan january", 2: "februari feb pebruari peb february", 3: "maret mar mrt march",
    4: "april apr", 5: "mei may", 6: "juni jun june", 7: "juli jul july",
    8: "agustus agu agt ags agust august aug", 9: "september sep sept",
    10: "oktober okt october oct", 11: "november nov nopember nop",
    12: "desember des december dec",
}
_MONTH_NUM = {name: num for num, names in _MONTHS.items() for name in names.split()}
# Longest names first so "Mar" never wins over "Maret" inside the alternation.
_MON = "(?:" + "|".join(sorted(_MONTH_NUM, key=len, reverse=True)) + ")"
WEEKDAY = (r"(?:senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad"
            r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_ZONE = r"(?:wita|wib|wit)"
_HS = r"[^\S\r\n]"      # horizontal whitespace: a date never continues onto the next line
_NL = r"(?!\p{L})"      # end of a word
_NUM_END = r"(?!\d)"
_CLOCK = r"(?<!\d)(?:[01]?\d|2[0-3])[:.][0-5]\d"  # a valid HH:MM / HH.MM

# Date bodies; group names repeat across branches (allowed by `regex`) so the builder
# can read y/m/d (or y/mon/d) without knowing which branch matched.
_DMY_NAME = (rf"(?<!\d)(?P<d>[0-3]?\d)(?:{_HS}{{0,3}}[-/.–]{_HS}{{0,3}}|{_HS}{{1,3}})"
             rf"(?<!\p{{L}})(?P<mon>{_MON}){_NL}\.?"
             rf"(?:{_HS}{{0,3}}[-/.,–]{_HS}{{0,3}}|{_HS}{{1,3}})(?P<y>\d{{4}}){_NUM_END}")
_MDY_NAME = (rf"(?<!\p{{L}})(?P<mon>{_MON}){_NL}\.?{_HS}{{1,3}}(?P<d>[0-3]?\d){_NUM_END}"
             rf"(?:st|nd|rd|th)?(?:,{_HS}{{0,3}}|{_HS}{{1,3}})(?P<y>\d{{4}}){_NUM_END}")
_DMY_NUM = r"(?<![\d/])(?P<d>[0-3]?\d)(?P<sep>[-/.])(?P<m>[0-3]?\d)(?P=sep)(?P<y>\d{4})(?![\d/])"
_ISO = rf"(?P<iso>(?<![\d/.-])(?P<y>\d{{4}})-(?P<m>[01]\d)-(?P<d>[0-3]\d){_NUM_END})"
_MONTH_ONLY = (rf"(?P<monthonly>(?:(?<!\p{{L}})date{_HS}{{1,3}})?(?<![\d/.-])"
               rf"(?P<y>\d{{4}})-(?P<m>0[1-9]|1[0-2])(?!\d|[-/.:]\d))")

_TIME = (
    # separator between date and time: punctuation/spaces (a slash too: "Minggu, 12 Oktober
    # 2014 / 13:04 WIB", "Kamis, 12 Februari 2026  /  7:22 pm", "November 20, 2019 / 1:07 AM":
    # three Indonesian outlets and CBS News), "pukul"/"jam"/"at", or ISO "T"
    rf"(?:(?:{_HS}|[,|•·/\-–—]){{0,6}}(?:(?P<pukul>pukul|pkl\.?|jam|at){_HS}{{0,3}})?|T)"
    rf"(?<!\d)(?P<H>[01]?\d|2[0-3])(?P<c>[:.])(?P<M>[0-5]\d)"
    rf"(?:(?P=c)(?P<S>[0-5]\d)(?:[.,]\d{{1,9}})?)?{_NUM_END}"
    rf"(?:{_HS}{{0,2}}(?P<ampm>[ap]\.?m\.?){_NL})?"
    # a time range ("13:30-14:00 WIB") keeps its start time and still finds the zone
    rf"(?(iso)|(?:{_HS}{{0,2}}(?:[-–—]|s\.?[d/]\.?|sampai|hingga){_HS}{{0,2}}{_CLOCK}{_NUM_END})?)"
    # numeric offsets only after ISO dates: elsewhere "13:30-14:00" is a time range
    rf"(?:{_HS}{{0,2}}(?P<zone>{_ZONE}){_NL}"
    rf"|(?(iso)(?P<off>z(?!\p{{L}})|[+-](?:[01]\d|2[0-3]):?[0-5]\d{_NUM_END})|(?!)))?"
)
_DATE_RE = regex.compile(
    rf"(?P<dt>(?:(?<!\p{{L}}){WEEKDAY}{_NL}(?:{_HS}|,){{0,3}})?(?P<lp>\({_HS}{{0,2}})?"
    rf"(?:{_ISO}|{_DMY_NAME}|{_MDY_NAME}|{_DMY_NUM})(?(lp){_HS}{{0,2}}\)))(?:{_TIME})?"
    rf"|{_MONTH_ONLY}",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    """One date expression: ISO ``value`` and the ``[start, end)`` span it came from.

    ``tz`` is the zone name printed in the text (upper case), never the default zone.
    """

    value: str
    start: int
    end: int
    has_time: bool
    tz: str | None


def _offset_for(default_tz: str | None) -> str | None:
    if default_tz is None:
        return None
    try:
        return TZ_OFFSETS[default_tz.upper()]
    except KeyError:
        raise ValueError(f"default_tz must be one of {sorted(TZ_OFFSETS)}, got {default_tz!r}") from None


def _build(m: regex.Match, default_offset: str | None) -> FoundDate | None:
    """Turn a raw match into a FoundDate, or None when the calendar says it is impossible."""
    year = int(m["y"])
    if not 1945 <= year <= 2100:
        return None
    month = _MONTH_NUM[m["mon"].lower()] if m["mon"] else int(m["m"])
    if m["monthonly"]:
        return FoundDate(f"{year:04d}-{month:02d}", m.start(), m.end(), False, None)
    try:
        date = _dt.date(year, month, int(m["d"]))
    except ValueError:
        if not (m["sep"] and m["ampm"]):
            return None
        try:    # a 12-hour clock after it: US order ("11/29/2019 11:13:00 AM")
            date = _dt.date(year, int(m["d"]), month)
        except ValueError:
            return None
    hour = int(m["H"]) if m["H"] else None
    if hour is not None and m["ampm"]:
        # 12-hour clock ("10:00 PM"); an impossible one ("15:00 PM") keeps the date only
        hour = hour % 12 + (12 if m["ampm"][0] in "pP" else 0) if 1 <= hour <= 12 else None
    if m["c"] == "." and not (m["pukul"] or m["zone"] or m["ampm"]):
        hour = None  # "2 Mei 2024 12.50" is more likely a number than a time
    if hour is None:  # date only: span ends after the date (and its closing parenthesis)
        return FoundDate(date.isoformat(), m.start(), m.end("dt"), False, None)
    value = f"{date.isoformat()}T{hour:02d}:{int(m['M']):02d}:{int(m['S'] or 0):02d}"
    zone = m["zone"].upper() if m["zone"] else None
    if zone:
        value += TZ_OFFSETS[zone]
    elif m["off"]:
        off = m["off"].upper().replace(":", "")
        value += "+00:00" if off == "Z" else f"{off[:3]}:{off[3:]}"
    elif default_offset:
        value += default_offset
    return FoundDate(value, m.start(), m.end(), True, zone)


# Searching a long line with the full pattern costs ~1 us per character (the large
# case-insensitive alternations are tried at every letter), so the scan is steered by a
# cheap search for the 4-digit year that every date expression contains: a match starts
# at most _BEFORE characters before its year (weekday, parenthesis, day, month and their
# bounded separators), so only the few word starts in that window are tried, in order.
# Anchored `match` calls read the real text on both sides, so results equal a full scan.
_YEAR_HINT = regex.compile(r"(?<!\d)\d{4}(?!\d)")
_START = regex.compile(r"(?<!\p{L})\p{L}|(?<!\d)\d|\(")  # where any match can begin
_BEFORE = 48


def _first_match(text: str, pos: int) -> regex.Match | None:
    """Leftmost `_DATE_RE` match starting at or after `pos` (same result as `search`)."""
    while (hint := _YEAR_HINT.search(text, pos)) is not None:
        for start in _START.finditer(text, max(pos, hint.start() - _BEFORE), hint.start() + 1):
            if (m := _DATE_RE.match(text, start.start())) is not None:
                return m
        pos = hint.start() + 1  # later starts belong to later years
    return None


def _iter_dates(text: str, default_tz: str | None):
    default_offset = _offset_for(default_tz)
    pos = 0
    while (m := _first_match(text, pos)) is not None:
        found = _build(m, default_offset)
        if found is None:
            # Impossible date (31 Februari): retry just after its start so that a valid
            # date overlapping it is not swallowed.
            pos = m.start() + 1
            continue
        yield found
        pos = found.end


def page_zone(outlet_tz: str | None, host: str | None = None, lang: str | None = None) -> str | None:
    """The zone of a time a page prints (or tags) without one, the same for text and HTML:
    the outlet's (its rule file's ``timezone``); on a page of no known outlet, WIB when the
    page is Indonesian (an ``.id`` host, or HTML that declares ``lang="id"``); else none."""
    if outlet_tz:
        return outlet_tz
    host = (host or "").lower().rstrip(".")
    if host == "id" or host.endswith(".id") or (lang or "").strip().lower().split("-")[0] == "id":
        return "WIB"
    return None


_NAIVE_TIME = regex.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?")


def with_zone(value: str | None, tz: str | None) -> str | None:
    """An ISO 8601 date-time without an offset gets ``tz``'s ("WIB" -> +07:00); a date,
    a value that has an offset, or no ``tz`` leaves it as it is."""
    if value and tz and _NAIVE_TIME.fullmatch(value):
        return value + _offset_for(tz)
    return value


def find_date(text: str, *, default_tz: str | None = None) -> FoundDate | None:
    """First date expression in `text` (anywhere), or None.

    `default_tz` ("WIB"/"WITA"/"WIT") supplies the offset for a time printed without a zone;
    it never adds an offset to a date without time, and does not set ``FoundDate.tz``.
    """
    return next(_iter_dates(text, default_tz), None)


def find_dates(text: str, *, default_tz: str | None = None) -> list[FoundDate]:
    """All non-overlapping date expressions, in order (see `find_date`)."""
    return list(_iter_dates(text, default_tz))


# --- date lines -------------------------------------------------------------------------
_SEP = r"[\s\-–—|,:;/•·()\[\].]"
# Leftovers allowed around a date: separators, a bare time, a zone, a weekday name, and
# the same day again in a theme's short form with a two-digit year ("Kamis, 20 Februari
# 2025, 20.2.25 WIB"; "1 Maret 2019 | 1.3.19 WIB Last Updated ..."), which is no date alone.
_SHORT_DAY = r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])[./]\d\d(?![\d./])"
_FILLER = rf"(?:{_SEP}|{_SHORT_DAY}|{_CLOCK}(?:[:.][0-5]\d)?{_NUM_END}|{_ZONE}{_NL}|{WEEKDAY}{_NL})"
# Known labels may stand bare ("Diperbarui Kamis, ..."); any other short label of <= 3
# words ("Kompas.com -", "Krismanto -", "Tanggal:") must end in ':' or a dash/bar, so a
# sentence start such as "Pertandingan berlangsung 13 September 2023" is not a label. A rubric
# before a middle dot is one ("News · 18 Apr 2022 WITA ·": a WordPress theme of two outlets of AL).
_KNOWN_LABEL = (r"(?:diperbarui|dipublikasikan|diterbitkan|dipublish|diposting|diunggah|ditulis"
                r"|terbit|tayang|updated?|last\s+updated|published|posted|tanggal|tgl\.?)"
                r"(?:\s+(?:pada|on|at))?")
_WORD = r"\p{L}[\p{L}\p{N}.'’&]*"
_LABEL = rf"(?:{_KNOWN_LABEL}{_NL}|{_WORD}(?:\s+{_WORD}){{0,2}}\s*(?::|\s[-–—|·•]))"
_PREFIX_RE = regex.compile(rf"{_FILLER}*(?:{_LABEL}{_FILLER}*)?", regex.IGNORECASE)
_SUFFIX_RE = regex.compile(rf"{_FILLER}*", regex.IGNORECASE)
_MAX_DATE_LINE = 200  # a date line is short; longer lines are prose or page furniture


@memo
def is_date_line(line: str) -> bool:
    """True when the whole line is essentially a date/timestamp line.

    The line may hold, besides one or more dates (with time/zone): separators, weekday
    names, bare times/zones, and before each date one short label ('Diperbarui:',
    'Kompas.com -').  Any other word (a sentence, a headline with a year) makes it False.
    """
    if len(line) > _MAX_DATE_LINE:
        return False
    found = find_dates(line)
    if not found:
        return False
    pos = 0
    for fd in found:
        if not _PREFIX_RE.fullmatch(line, pos, fd.start):
            return False
        pos = fd.end
    return _SUFFIX_RE.fullmatch(line, pos) is not None


def filler_only(text: str) -> bool:
    """The text holds only what may stand around a date: a weekday, a time, a zone,
    separators ("Senin", "16:26 WIB |"): half a date line split over two lines."""
    return _SUFFIX_RE.fullmatch(text) is not None


# A line whose dates make up this share of its characters (spaces aside) is a date line
# for the header, whatever else it holds: "on 18 Jun 2015 at 06:25 WIB", or a date run
# with a counter ("6 Oktober 2024 05:09 ... Diperbarui: 6 Oktober 2024 12:05 60").
MOSTLY_DATE_SHARE = 0.6
# The page's view counter printed beside its date counts with the date: "Create By 22
# January 2021 1 Views" (a village portal of AF), "Berita 20 Agustus 2024 Dilihat 255 Orang"
# (a university's news page), "Sabtu, 06 Januari 2024 Jayapura 198 Pengunjung" (a Papua
# outlet; both AK), "Selasa, 7 Februari 2017 12:16 WIB | 2.793 Views" (a whole-page dump).
VIEW_COUNTER = regex.compile(r"(?i)(?<![\p{L}\p{N}])(?:(?:dilihat|dibaca)\s*:?\s*\d[\d.,]{0,12}(?:\s*(?:kali|orang|x))?"
                             r"|\d[\d.,]{0,12}\s*(?:views?|pengunjung|pembaca|kali\s+di(?:lihat|baca)))(?![\p{L}\p{N}])")


@memo
def mostly_date(line: str) -> bool:
    """:func:`is_date_line`, or dates that make up most of the line (:data:`MOSTLY_DATE_SHARE`
    of its characters, spaces aside): the header's date line with a word or a number
    around it that :func:`is_date_line` does not allow. Not a headline."""
    if len(line) > _MAX_DATE_LINE:
        return False
    if is_date_line(line):
        return True
    found = find_dates(line)
    if not found:
        return False
    covered = sum(len(line[f.start:f.end].replace(" ", "")) for f in found)
    if any(c.isdigit() for c in line[found[-1].end:]):
        covered += sum(len(m.group().replace(" ", "")) for m in VIEW_COUNTER.finditer(line, found[-1].end))
    return covered >= MOSTLY_DATE_SHARE * len(line.replace(" ", ""))
