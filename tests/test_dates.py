"""Tests for cleaner.text.dates: Indonesian date/time parsing and date-line detection."""
import contextlib
import random
import signal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.text import dates
from cleaner.text.dates import TZ_OFFSETS, FoundDate, find_date, find_dates, is_date_line, mostly_date

# (id, text, value, has_time, tz, text[start:end]) -- every shape seen on real pages.
SHAPES = [
    ("weekday-full-month", "Kamis, 2 Oktober 2025", "2025-10-02", False, None, "Kamis, 2 Oktober 2025"),
    ("dash-lead-comma-time", "- 14 September 2023, 16:22 WIB", "2023-09-14T16:22:00+07:00", True, "WIB",
     "14 September 2023, 16:22 WIB"),
    ("kompas-numeric", "Kompas.com - 20/02/2021, 13:30 WIB", "2021-02-20T13:30:00+07:00", True, "WIB",
     "20/02/2021, 13:30 WIB"),
    ("short-month-space-time", "Rabu, 06 Mar 2019 22:44 WIB", "2019-03-06T22:44:00+07:00", True, "WIB",
     "Rabu, 06 Mar 2019 22:44 WIB"),
    ("bar-time", "Kamis, 04 Mei 2023 | 11:07 WIB", "2023-05-04T11:07:00+07:00", True, "WIB",
     "Kamis, 04 Mei 2023 | 11:07 WIB"),
    ("no-comma-weekday", "Selasa 11 Mar 2025, 06:59 WIB", "2025-03-11T06:59:00+07:00", True, "WIB",
     "Selasa 11 Mar 2025, 06:59 WIB"),
    ("seconds", "Jumat, 10 Mei 2024 - 12:54:00 WIB", "2024-05-10T12:54:00+07:00", True, "WIB",
     "Jumat, 10 Mei 2024 - 12:54:00 WIB"),
    ("short-sep", "Rabu 02 Sep 2015 14:12 WIB", "2015-09-02T14:12:00+07:00", True, "WIB",
     "Rabu 02 Sep 2015 14:12 WIB"),
    ("dashed-english-month", "08 - Dec - 2020, 11:52", "2020-12-08T11:52:00", True, None,
     "08 - Dec - 2020, 11:52"),
    ("dash-lead-bar-time", "- Sabtu, 28 Mei 2022 | 08:00 WIB", "2022-05-28T08:00:00+07:00", True, "WIB",
     "Sabtu, 28 Mei 2022 | 08:00 WIB"),
    ("en-dash", "Minggu, 21 November 2021 – 17:47 WIB", "2021-11-21T17:47:00+07:00", True, "WIB",
     "Minggu, 21 November 2021 – 17:47 WIB"),
    ("januari", "Sabtu 10 Januari 2026 13:23 WIB", "2026-01-10T13:23:00+07:00", True, "WIB",
     "Sabtu 10 Januari 2026 13:23 WIB"),
    ("maret-bar", "Selasa, 07 Maret 2023 | 12:30 WIB", "2023-03-07T12:30:00+07:00", True, "WIB",
     "Selasa, 07 Maret 2023 | 12:30 WIB"),
    ("month-first", "Jumat, Mei 3, 2024", "2024-05-03", False, None, "Jumat, Mei 3, 2024"),
    ("us-order-12-hour-clock", "11/29/2019 11:13:00 AM", "2019-11-29T11:13:00", True, None,
     "11/29/2019 11:13:00 AM"),
    ("us-order-dots-pm", "11.14.2019 09:00 PM", "2019-11-14T21:00:00", True, None, "11.14.2019 09:00 PM"),
    ("author-dash-date", "Krismanto - 27 November 2024", "2024-11-27", False, None, "27 November 2024"),
    ("dash-seconds", "Selasa, 19 Mei 2009 - 02:43:20 WIB", "2009-05-19T02:43:20+07:00", True, "WIB",
     "Selasa, 19 Mei 2009 - 02:43:20 WIB"),
    ("mixed-case-zone-trailing-word", "Kamis, 26 Juni 2025 - 13:49:45 Wib Lingkungan",
     "2025-06-26T13:49:45+07:00", True, "WIB", "Kamis, 26 Juni 2025 - 13:49:45 Wib"),
    ("iso-offset", "2023-09-13T10:15:00+07:00", "2023-09-13T10:15:00+07:00", True, None,
     "2023-09-13T10:15:00+07:00"),
    ("iso-space", "2023-09-13 10:15", "2023-09-13T10:15:00", True, None, "2023-09-13 10:15"),
    ("iso-date-only", "terbit 2023-09-13.", "2023-09-13", False, None, "2023-09-13"),
    ("extraction-prefix-month", " date 2019-06 BANJARMASINPOST.CO.ID, ...", "2019-06", False, None,
     "date 2019-06"),
    ("iso-month", "arsip 2019-06", "2019-06", False, None, "2019-06"),
    ("senin-september", "Senin, 8 September 2025", "2025-09-08", False, None, "Senin, 8 September 2025"),
    ("agustus-time", "17 Agustus 2022, 09:02 WIB", "2022-08-17T09:02:00+07:00", True, "WIB",
     "17 Agustus 2022, 09:02 WIB"),
    ("parens-pukul-dot-wit", "Senin (2/10/2023) pukul 20.10 WIT", "2023-10-02T20:10:00+09:00", True, "WIT",
     "Senin (2/10/2023) pukul 20.10 WIT"),
    ("parens-in-sentence", "kata Kim Jong Un saat berkunjung ke Rusia, Rabu (13/9/2023).", "2023-09-13",
     False, None, "Rabu (13/9/2023)"),
    ("wita-lower", "Kamis, 2 Oktober 2025 10:00 wita", "2025-10-02T10:00:00+08:00", True, "WITA",
     "Kamis, 2 Oktober 2025 10:00 wita"),
    ("wit", "2 Oktober 2025 10:00 WIT.", "2025-10-02T10:00:00+09:00", True, "WIT", "2 Oktober 2025 10:00 WIT"),
    ("jumat-apostrophe", "Jum'at, 3 Mei 2024", "2024-05-03", False, None, "Jum'at, 3 Mei 2024"),
    ("time-range-keeps-zone", "Kamis, 2 Okt 2025, 13:30-14:00 WIB", "2025-10-02T13:30:00+07:00", True, "WIB",
     "Kamis, 2 Okt 2025, 13:30-14:00 WIB"),
    ("english-pm", "May 3rd, 2024 at 10:00 PM", "2024-05-03T22:00:00", True, None, "May 3rd, 2024 at 10:00 PM"),
    ("iso-zulu", "2023-09-13T10:15:00Z", "2023-09-13T10:15:00+00:00", True, None, "2023-09-13T10:15:00Z"),
    ("iso-compact-offset", "2023-09-13T10:15+0800", "2023-09-13T10:15:00+08:00", True, None,
     "2023-09-13T10:15+0800"),
    ("slash-time", "Minggu, 12 Oktober 2014 / 13:04 WIB", "2014-10-12T13:04:00+07:00", True, "WIB",
     "Minggu, 12 Oktober 2014 / 13:04 WIB"),
    ("slash-time-pm", "Kamis, 12 Februari 2026  /  7:22 pm", "2026-02-12T19:22:00", True, None,
     "Kamis, 12 Februari 2026  /  7:22 pm"),
    ("slash-then-amount-is-not-time", "5/10/2019 / 12.000 ton", "2019-10-05", False, None, "5/10/2019"),
    ("dashed-numeric", "20-02-2021", "2021-02-20", False, None, "20-02-2021"),
    ("bare-dot-number-is-not-time", "pada 2 Mei 2024 12.50 persen", "2024-05-02", False, None, "2 Mei 2024"),
    ("time-not-joined-across-lines", "2 Mei 2024\n10:00 WIB", "2024-05-02", False, None, "2 Mei 2024"),
    ("leap-day", "29 Februari 2024", "2024-02-29", False, None, "29 Februari 2024"),
]


@pytest.mark.parametrize(("text", "value", "has_time", "tz", "span"),
                         [pytest.param(*row[1:], id=row[0]) for row in SHAPES])
def test_shapes(text, value, has_time, tz, span):
    found = find_date(text)
    assert found is not None
    assert (found.value, found.has_time, found.tz) == (value, has_time, tz)
    assert text[found.start:found.end] == span


MONTH_NAMES = {
    1: "Januari Jan January", 2: "Februari Feb Pebruari Peb February", 3: "Maret Mar Mrt March",
    4: "April Apr", 5: "Mei May", 6: "Juni Jun June", 7: "Juli Jul July",
    8: "Agustus Agu Agt Ags August Aug", 9: "September Sep Sept", 10: "Oktober Okt October Oct",
    11: "November Nov Nopember Nop", 12: "Desember Des December Dec",
}
MONTH_CASES = [(name, num) for num, names in MONTH_NAMES.items() for name in names.split()]


@pytest.mark.parametrize(("name", "num"), MONTH_CASES, ids=[n for n, _ in MONTH_CASES])
def test_month_names_any_case(name, num):
    for variant in (name, name.lower(), name.upper(), name + "."):
        found = find_date(f"12 {variant} 2020")
        assert found is not None and found.value == f"2020-{num:02d}-12", variant


WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu", "Ahad",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.mark.parametrize("weekday", WEEKDAYS)
def test_weekday_is_part_of_span(weekday):
    text = f"{weekday}, 2 Oktober 2025"
    found = find_date(text)
    assert found is not None and (found.start, found.end) == (0, len(text))


@pytest.mark.parametrize(("text", "default_tz", "value", "tz"), [
    pytest.param("2 Mei 2024 10:00", "WIB", "2024-05-02T10:00:00+07:00", None, id="default-applies"),
    pytest.param("2 Mei 2024 10:00", "wita", "2024-05-02T10:00:00+08:00", None, id="default-any-case"),
    pytest.param("2 Mei 2024 10:00 WIT", "WIB", "2024-05-02T10:00:00+09:00", "WIT", id="printed-zone-wins"),
    pytest.param("2 Mei 2024", "WIB", "2024-05-02", None, id="date-only-no-offset"),
    pytest.param("2023-09-13T10:15:00+00:00", "WIB", "2023-09-13T10:15:00+00:00", None, id="iso-offset-wins"),
])
def test_default_tz(text, default_tz, value, tz):
    found = find_date(text, default_tz=default_tz)
    assert found is not None and (found.value, found.tz) == (value, tz)


def test_unknown_default_tz_raises():
    with pytest.raises(ValueError):
        find_date("2 Mei 2024 10:00", default_tz="+07:00")


def test_find_dates_in_order():
    text = "Diterbitkan Rabu (13/9/2023), diperbarui 14 September 2023 16:22 WIB; arsip 2019-06."
    assert [f.value for f in find_dates(text)] == ["2023-09-13", "2023-09-14T16:22:00+07:00", "2019-06"]
    assert find_dates("tanpa tanggal") == []
    assert find_date("tanpa tanggal") is None


@pytest.mark.parametrize("text", [
    pytest.param("31 Februari 2023", id="31-feb"),
    pytest.param("29 Februari 2023", id="29-feb-non-leap"),
    pytest.param("32 Mei 2023", id="day-32"),
    pytest.param("0 Mei 2023", id="day-0"),
    pytest.param("13/13/2023", id="month-13"),
    pytest.param("9/13/2023", id="us-order-not-reinterpreted"),
    pytest.param("9/13/2023 10:00", id="us-order-24-hour-clock-not-reinterpreted"),
    pytest.param("13/13/2023 10:00 AM", id="month-13-either-order"),
    pytest.param("2019-13", id="iso-month-13"),
    pytest.param("2 Mei 1944", id="year-too-early"),
    pytest.param("2 Mei 2101", id="year-too-late"),
    pytest.param("Rabu (13/9/23)", id="two-digit-year-numeric"),
    pytest.param("2 Mei 23", id="two-digit-year-named"),
    pytest.param("Juni 2019", id="month-year-alone"),
    pytest.param("Pada Juli 2022, Korea Utara", id="month-year-in-sentence"),
    pytest.param("WASHINGTON, DC - JUNI 06: Koordinator", id="month-day-no-year"),
    pytest.param("skor 2019-2020", id="year-range"),
    pytest.param("Rp 12.000.000", id="money"),
])
def test_invalid_or_not_dates(text):
    assert find_date(text) is None


@pytest.mark.parametrize(("text", "value"), [
    pytest.param("2 Mei 2024 25:10 WIB", "2024-05-02", id="hour-25"),
    pytest.param("2 Mei 2024 10:60 WIB", "2024-05-02", id="minute-60"),
    pytest.param("2 Mei 2024 15:00 PM", "2024-05-02", id="pm-hour-15"),
])
def test_invalid_time_keeps_date_only(text, value):
    found = find_date(text)
    assert found is not None and (found.value, found.has_time, found.end) == (value, False, 10)


def test_invalid_date_does_not_hide_next_one():
    assert [f.value for f in find_dates("31/02/2023 atau 1/03/2023")] == ["2023-03-01"]


DATE_LINES = [
    "Kamis, 2 Oktober 2025",
    "- 14 September 2023, 16:22 WIB",
    "- Sabtu, 28 Mei 2022 | 08:00 WIB",
    "Rabu 02 Sep 2015 14:12 WIB",
    "08 - Dec - 2020, 11:52",
    "Jumat, Mei 3, 2024",
    "Selasa, 19 Mei 2009 - 02:43:20 WIB",
    "Minggu, 21 November 2021 – 17:47 WIB",
    "Diperbarui: Kamis, 2 Oktober 2025 10:00 WIB",
    "Kompas.com - 20/02/2021, 13:30 WIB",
    "Dipublikasikan 2 Oktober 2025",
    "Updated: 2023-09-13 10:15",
    "Published on May 3, 2024",
    "  Senin, 8 September 2025  ",
    "Rabu, 2 Okt 2025 | Diperbarui: Kamis, 3 Okt 2025 10:00 WIB",
    "Kamis | 2 Oktober 2025 | 10:00 WIB",
    "Senin, 3 Maret 2025, 3.3.25 WIB",
    "4 Mei 2020 | 4.5.20 WIB Last Updated 2020-05-04T09:10:11Z",
]
NOT_DATE_LINES = [
    "3.3.25 WIB",
    "Edisi 4 Mei 2020 4.5.20",
    "Senin, 3 Maret 2025, 3.3.25.1",
    "Kim bertemu Putin pada Rabu 13 September 2023, di mana mereka membahas masalah militer",
    "HUT Kemerdekaan RI ke-77, 17 Agustus 2022",
    "HUT Kemerdekaan RI, 17 Agustus 2022",
    "Kamis, 26 Juni 2025 - 13:49:45 Wib Lingkungan",
    "kata Kim Jong Un saat berkunjung ke Rusia, Rabu (13/9/2023).",
    "Pada 24 Februari 2022, Putin menginstruksikan serangan terhadap Ukraina.",
    "Pertandingan berlangsung 13 September 2023",
    "Rabu 13 September 2023 dan 14 September 2023",
    "Juni 2019",
    "16:22 WIB",
    "",
    "Berita Internasional Terkini",
    "2 Mei 2024 25:10 WIB",
    "Kamis, 2 Oktober 2025 " + "x" * 300,
]


@pytest.mark.parametrize("line", DATE_LINES)
def test_is_date_line_true(line):
    assert is_date_line(line)


@pytest.mark.parametrize("line", NOT_DATE_LINES)
def test_is_date_line_false(line):
    assert not is_date_line(line)


@pytest.mark.parametrize("line", [
    *DATE_LINES,
    "on 4 Mar 2024 at 10:15 WIB",                                            # a word before the date
    "4 Maret 2024 10:15 4 Maret 2024 10:15 Diperbarui: 4 Maret 2024 12:05 73",   # a counter after it
    "Kamis, 26 Juni 2025 - 13:49:45 Wib Lingkungan",                          # a section label after it
    "News · 18 Apr 2022 WITA ·",                                               # a rubric and a middle dot
    # the page's view counter beside the date (three outlets)
    "Create By 22 January 2021 1 Views",
    "Berita 20 Agustus 2024 Dilihat 255 Orang",
    "Sabtu, 06 Januari 2024 Jayapura 198 Pengunjung",
])
def test_mostly_date(line):
    assert mostly_date(line)


@pytest.mark.parametrize("line", [
    "HUT Kemerdekaan RI ke-77, 17 Agustus 2022",
    "Jadwal Imsakiyah Kota Bandung 18 Juni 2015",
    "Pada 24 Februari 2022, Putin menginstruksikan serangan terhadap Ukraina.",
    "Pertandingan berlangsung 13 September 2023",
    "Rapat 12 Mei 2024 dihadiri 255 orang",          # a count of people, no view counter
    "Dibaca 12 Mei 2024 oleh 1.255 pembaca setia kami",
    "Berita Internasional Terkini", "16:22 WIB", "",
    "4 Maret 2024 " + "x" * 300,
])
def test_not_mostly_date(line):
    assert not mostly_date(line)


WATCHDOG_SECONDS = 30


@contextlib.contextmanager
def watchdog(seconds: int):
    """Fail (instead of hanging the suite) if the block runs past ``seconds``."""
    def _expired(signum, frame):
        raise AssertionError(f"still running after {seconds} s: catastrophic backtracking")
    old = signal.signal(signal.SIGALRM, _expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _adversarial(n: int, seed: int = 0) -> str:
    rnd = random.Random(seed)
    tokens = ["12", "31", "2023", "9999", "1", "0", "/", "-", "–", " ", ".", ":", ",", "(", ")",
              "Mei", "Februari", "Sept.", "Senin, ", "pukul ", "WIB", "2023-09", "T", "date "]
    return "".join(rnd.choice(tokens) for _ in range(n // 2))[:n]


@pytest.mark.parametrize("text", [
    pytest.param(_adversarial(100_000), id="random-tokens"),
    pytest.param("1/" * 50_000, id="slashes"),
    pytest.param("2023-" * 20_000, id="iso-dashes"),
    pytest.param("12 Mei " * 15_000, id="day-month-no-year"),
    pytest.param(("Senin, 31 Februari 2023 " * 5_000)[:100_000], id="invalid-dates"),
    pytest.param("Mei 2023 " * 12_000, id="dense-years"),
    pytest.param("(((2023 " * 13_000, id="parens-years"),
    pytest.param("1234567890" * 10_000, id="digits"),
])
def test_no_catastrophic_backtracking(text):
    # Not a timing test: linear work on 100 KB takes well under a second; the
    # watchdog only catches exponential backtracking (minutes to hours).
    with watchdog(WATCHDOG_SECONDS):
        find_dates(text)
        find_date(text)
        is_date_line(text)


def test_find_date_on_a_long_line():
    prose = ("Presiden Rusia Vladimir Putin bertemu pemimpin Korea Utara pada 2019 lalu, kata "
             "sumber di Moskwa. ") * 30
    line = prose[:1980] + " Rabu (13/9/2023)"
    with watchdog(WATCHDOG_SECONDS):
        assert find_date(line).value == "2023-09-13"


# Property tests: text built from date-ish fragments, so that matches actually happen.
_FRAGMENTS = st.sampled_from([
    "2", "13", "31", "9", "2023", "1944", "2024", "/", "-", "–", " ", ".", ":", ",", "(", ")", "|",
    "Mei", "mar", "Februari", "Sept.", "Kamis", "Jum'at", "pukul", "WIB", "wita", "PM", "T", "Z",
    "+07:00", "date", "2019-06", "10:15", "20.10", "\n", "x",
])
_TEXT = st.one_of(st.text(max_size=200), st.lists(_FRAGMENTS, max_size=60).map("".join))


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_never_raises_and_spans_hold_the_year(text):
    found_all = find_dates(text)
    first = find_date(text)
    is_date_line(text)
    assert (first is None) == (not found_all)
    assert first is None or first == found_all[0]
    previous_end = 0
    for f in found_all:
        assert isinstance(f, FoundDate)
        assert previous_end <= f.start < f.end <= len(text)
        assert f.value[:4] in text[f.start:f.end]
        assert f.tz is None or f.tz in TZ_OFFSETS
        previous_end = f.end


def _full_scan(text: str) -> list[FoundDate]:
    """Reference implementation without the year-window speed-up."""
    out, pos = [], 0
    while (m := dates._DATE_RE.search(text, pos)) is not None:
        found = dates._build(m, None)
        if found is None:
            pos = m.start() + 1
            continue
        out.append(found)
        pos = found.end
    return out


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_year_window_search_equals_full_scan(text):
    assert find_dates(text) == _full_scan(text)


def test_page_zone_and_with_zone_one_rule_for_text_and_html():
    from cleaner.text.dates import page_zone, with_zone
    assert page_zone("WITA", "example.com") == "WITA"              # the outlet's, first
    assert page_zone(None, "berita.contoh.id") == page_zone(None, None, "id-ID") == "WIB"
    assert page_zone(None, "example.com", "en") is None
    assert with_zone("2017-02-07T11:48:43", "WIB") == "2017-02-07T11:48:43+07:00"
    assert with_zone("2017-02-07T11:48", "WIT") == "2017-02-07T11:48+09:00"
    for kept in ("2017-02-07", "2017-02-07T11:48:43+08:00", "2017-02-07T11:48:43Z", None):
        assert with_zone(kept, "WIB") == kept
    assert with_zone("2017-02-07T11:48:43", None) == "2017-02-07T11:48:43"
