"""The speed mechanisms of the text path change no output: what a later pass over a
page reuses from the earlier ones (the signal memo: dateline answers, credit lines,
lines no rule touched), checked on made-up pages and by hypothesis on the generated
pages of test_properties.py."""
from __future__ import annotations

import dataclasses
import json
import threading
import unicodedata
from functools import lru_cache

import regex
from conftest import ROOT, SHARED
from hypothesis import given
from hypothesis import strategies as st
from madeup import A, D
from test_matcher import CORPUS
from test_properties import pages

from cleaner import Cleaner, PageError
from cleaner.core.marking import Guarded
from cleaner.core.stages import prepare
from cleaner.core.structure.dateline import match_dateline, patterns_key
from cleaner.model.document import Doc
from cleaner.model.page import Page
from cleaner.ruleset.detect import MARKER_SPAN, detected_outlet, host_of, safe_search
from cleaner.ruleset.matcher import fold
from cleaner.ruleset.model import Outlet, RuleSet
from cleaner.run.pool import DEFAULT_FIELDS, clean_batch_to_json, clean_to_json
from cleaner.text import byline, normalise
from cleaner.text.hygiene import DeferredLanguages
from cleaner.text.signals import SignalMemo


class FreshMemoCleaner(Cleaner):
    """Every pass over a page with a memo of its own: nothing carried from one pass
    to the next (what the text path did before the passes shared one)."""

    def stages(self, text, *, memo=None, **kwargs):
        """:meth:`Cleaner.stages` with a new memo, whatever is passed."""
        return super().stages(text, memo=SignalMemo(), **kwargs)


@lru_cache(maxsize=1)
def shared() -> Cleaner:
    return Cleaner(keep_dropped=True)


@lru_cache(maxsize=1)
def fresh() -> Cleaner:
    return FreshMemoCleaner(keep_dropped=True)


def record_or_error(cleaner: Cleaner, text: str, url: str | None):
    try:
        return cleaner.clean_text(text, url=url).to_dict()
    except PageError as exc:
        return str(exc)


@given(pages())
def test_later_passes_sharing_the_memo_change_nothing(page_url):
    page, url = page_url
    assert record_or_error(shared(), page, url) == record_or_error(fresh(), page, url)


MADE_UP = {
    # a span cut: the rest of the line meets the earlier rules only on the later pass
    "cut": D + "\nIni kata dia (Baca juga: Harga Cabai Turun Lagi) kemarin sore di Jakarta.\n" + A,
    # a credit line and a caption printed twice, then their copies on the later pass
    "credit": "Penulis: Budi Santoso | Editor: Ani\n" + D + "\n" + A + "\nADVERTISEMENT\n" + A,
    # the header's dateline paragraph once its header is gone
    "dateline": "Kim Jong Un Bertemu Putin di Vladivostok Rusia\n" + D + "\n" + A,
}


def test_made_up_pages_alike_with_and_without_the_shared_memo():
    for name, page in MADE_UP.items():
        assert record_or_error(shared(), page, None) == record_or_error(fresh(), page, None), name


def test_dateline_answers_keyed_by_pattern_not_by_guard():
    pattern = regex.compile(r"^[\p{Lu}.]+\s*-")
    doc = Doc(source=None, text="")
    one, two = Guarded(doc, pattern, "datelines"), Guarded(doc, pattern, "datelines")
    assert patterns_key([one]) == patterns_key([two]) == ((pattern, False),)
    memo = SignalMemo()
    with memo.active():
        assert match_dateline("TRIBUNNEWS.COM - Isi", [one]) == "TRIBUNNEWS.COM -"
        assert match_dateline("TRIBUNNEWS.COM - Isi", [two]) == "TRIBUNNEWS.COM -"


def test_a_pattern_off_for_the_page_gets_answers_of_its_own():
    pattern = regex.compile(r"^[\p{Lu}.]+\s*-")
    doc = Doc(source=None, text="")
    memo = SignalMemo()
    with memo.active():
        on = Guarded(doc, pattern, "datelines")
        assert match_dateline("TRIBUNNEWS.COM - Isi", [on], patterns_key([on])) == "TRIBUNNEWS.COM -"
        doc.warnings.append(on.msg)          # then it timed out on this page
        off = Guarded(doc, pattern, "datelines")     # the later pass's guard
        assert patterns_key([on]) != patterns_key([off])
        # the later pass, with the pattern off, does not reuse the earlier answer
        assert match_dateline("TRIBUNNEWS.COM - Isi", [off], patterns_key([off])) is None


# ------------------------------------------------------------------ outlet detection
def naive_outlet(rs, url, text):
    """Outlet detection as it was: every outlet's hosts in order, then URL patterns,
    then every marker of every outlet (prefiltered on the unfolded span only)."""
    host = host_of(url)
    if host:
        for outlet in rs.outlets.values():
            if any(host == h or host.endswith("." + h) for h in outlet.hosts):
                return outlet
        for outlet in rs.outlets.values():
            if any(safe_search(p, url) for p in outlet.url_patterns):
                return outlet
    span = text[:MARKER_SPAN] + "\n" + text[-MARKER_SPAN:]
    best, best_hits = None, 0
    for outlet in rs.outlets.values():
        hits = sum(1 for p in outlet.text_markers if safe_search(p, span))
        if hits > best_hits:
            best, best_hits = outlet, hits
    return best


HOSTS = ["tribunnews.com", "jatim.tribunnews.com", "www.kompas.com", "m.kompas.com", "nasional.kompas.com",
         "xkompas.com", "kompas.com.", "galamedianews.com", "jpnn.com", "example.com", "a.b.c.jpnn.com",
         "tribunnews.com.evil.example", "mediaindonesia.com", "klikwartaku.com", "localhost", "127.0.0.1"]


def test_detection_by_host_as_before(cleaner):
    for host in HOSTS:
        for url in (f"https://{host}/a/b", host, f"http://{host.upper()}/x"):
            assert detected_outlet(cleaner.ruleset, url, "") is naive_outlet(cleaner.ruleset, url, ""), url


@given(pages())
def test_detection_by_text_as_before(page_url):
    page, _url = page_url
    rs = shared().ruleset
    assert detected_outlet(rs, None, page) is naive_outlet(rs, None, page)


def test_detection_of_the_dev_and_seed_pages_as_before(cleaner):
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((SHARED / "devset" / "raw").glob("*.txt"))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert detected_outlet(cleaner.ruleset, None, text) is naive_outlet(cleaner.ruleset, None, text), path


# ------------------------------------------------------------------ language IDs after the batch
def test_a_batch_with_its_language_ids_after_it_gives_the_same_lines(cleaner):
    paths = sorted((ROOT / "seeds").glob("*.txt"))[:3] + sorted((SHARED / "devset" / "raw").glob("*.txt"))[:5]
    pages = [Page(str(p), data=p.read_bytes()) for p in paths]
    pages += [Page("empty.txt", data=b"   \n"), Page("binary.txt", data=bytes(range(32)) * 10),
              Page("a.html", data=b"<html><body><p>" + D.encode() + b"</p><p>" + A.encode() + b"</p></body></html>",
                   kind="html"),
              Page("english.txt", data=b"The president opened a new toll road in Central Java on Monday, "
                                        b"and the minister said it would ease the holiday traffic this year.")]
    batch = list(enumerate(pages))
    state = [0.0, 0.0, 0.0]          # seq, clock, CPU time at the start (run/pool.py)
    assert clean_batch_to_json(cleaner, batch, DEFAULT_FIELDS, state) == \
        [clean_to_json(cleaner, page, DEFAULT_FIELDS) for page in pages]
    assert state[0] == len(pages) - 1      # the last page's language ID was charged to it


def test_deferred_languages_fill_the_fields_when_resolved(cleaner):
    with DeferredLanguages() as later:
        rec = cleaner.clean_text(D + "\n" + A)
        assert rec.metadata.language is None and len(later.pending) == 1
        later.resolve(0)
    assert (rec.metadata.language, rec.metadata.language_score) == \
        (cleaner.clean_text(D + "\n" + A).metadata.language, cleaner.clean_text(D + "\n" + A).metadata.language_score)
    assert rec.metadata.language == "id"


# ------------------------------------------------------------------ prepared rule sets, records as dicts
def test_prepare_builds_what_the_stages_would_build_on_first_use():
    c = Cleaner()
    prepare(c.ruleset)
    built = dict(c.ruleset._dispatch)
    assert len(built) == 2 * (len(c.ruleset.outlets) + 1)
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        c.clean_file(path)
    assert c.ruleset._dispatch == built          # nothing more was built, nothing replaced
    assert all(c.ruleset._dispatch[k] is v for k, v in built.items())


def test_to_dict_is_asdict(cleaner):
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((SHARED / "devset" / "raw").glob("*.txt"))[:20]
    for keep in (False, True):
        c = Cleaner(keep_dropped=keep)
        for path in paths:
            rec = c.clean_file(path)
            expected = dataclasses.asdict(rec)
            if expected["metadata"]["dropped_lines"] is None:
                del expected["metadata"]["dropped_lines"]
            got = rec.to_dict()
            assert json.dumps(got, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)


def test_detection_stops_only_when_no_later_outlet_can_win():
    def outlet(oid, *markers):
        return Outlet(id=oid, name=oid, source="", text_markers=[regex.compile(m) for m in markers])
    rs = RuleSet(common=outlet("_common"), version="t", outlets={
        "a": outlet("a", "alpha"), "b": outlet("b", "beta", "(?i)gamma"), "c": outlet("c", "delta", "alpha"),
        "d": outlet("d", "(?m)^eps$", "zeta", "eta")})
    texts = ["alpha", "beta", "alpha beta", "alpha beta GAMMA", "delta alpha", "alpha delta beta gamma",
             "eps\nzeta", "eps\nzeta eta alpha delta", "nothing", "beta gamma delta alpha eps"]
    for text in texts:
        assert detected_outlet(rs, None, text) is naive_outlet(rs, None, text), text


# ------------------------------------------------------------------ credit lines
NO_LABEL_FIRST = byline._no_label_first
CREDIT_PIECES = [*byline.LABELS, *byline.DOUBLE_LABELS, *(w.upper() for w in list(byline.LABELS)[:8]),
                 ":", "：", ", ", "; ", " - ", " – ", " / ", " | ", "|", ",", ";", " ", "Budi Santoso", "Ani",
                 "Jakarta", "12 Maret 2023", "14:05 WIB", "pada", "diperbarui", "Foto", "tribunnews.com", "x"]


@given(st.lists(st.sampled_from(CREDIT_PIECES), min_size=1, max_size=9).map("".join))
def test_credit_lines_read_alike_without_the_label_shortcut(text):
    text = byline.flatten_table(" ".join(text.split()))
    with_shortcut = repr(byline._labelled(text))
    try:
        byline._no_label_first = lambda segments: False
        assert repr(byline._labelled(text)) == with_shortcut
    finally:
        byline._no_label_first = NO_LABEL_FIRST


def test_credit_lines_of_the_dev_pages_read_alike_without_the_label_shortcut():
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((SHARED / "devset" / "raw").glob("*.txt"))
    lines = [" ".join(x.split()) for p in paths for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    got = [repr(byline._labelled(x)) for x in lines]
    try:
        byline._no_label_first = lambda segments: False
        assert [repr(byline._labelled(x)) for x in lines] == got
    finally:
        byline._no_label_first = NO_LABEL_FIRST


# ------------------------------------------------------------------ the standard library's engine where it means the same
def test_control_class_is_the_regex_class_on_every_code_point():
    theirs = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
    text = "".join(map(chr, range(0x110000)))
    assert [m.start() for m in normalise.CONTROL.finditer(text)] == [m.start() for m in theirs.finditer(text)]


@given(st.text(st.one_of(st.characters(), st.sampled_from(" .,;:-—“”'\"()[]/|\n\t0123456789abcXYZ"))))
def test_hash_form_as_with_regex_alone(text):
    expected = regex.sub(r"[^\p{L}\p{N}]+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()
    assert normalise.hash_form(text) == expected


def test_a_prefix_check_is_startswith_first(cleaner):
    prepare(cleaner.ruleset)
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((SHARED / "devset" / "raw").glob("*.txt"))
    lines = [" ".join(x.split()) for p in paths for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    lines += ["Baca juga: X", "BACA JUGA", "baca", "(Baca", "Foto: A", "\u212a", "İstanbul", "ſimak"]
    entries = {e for d in cleaner.ruleset._dispatch.values() for e, *_ in d.entries if e.starts is not None}
    assert entries
    for e in entries:
        for text in lines:
            low = fold(text)
            starts = (low if e.two_folded else text).startswith(e.starts)
            assert e.check.passes(text, low) == (starts and (not e.more or e.check.passes(text, low)))
            if not e.more:
                assert e.check.passes(text, low) == starts


def test_deferred_languages_are_this_threads_only(cleaner):
    got = {}
    with DeferredLanguages() as later:
        worker = threading.Thread(target=lambda: got.update(rec=cleaner.clean_text(D + "\n" + A)))
        worker.start()
        worker.join()
        assert not later.pending
    assert got["rec"].metadata.language == "id"


def test_brand_hint_is_in_every_line_with_a_dateline_of_the_same_brand():
    # tail.find_end rules a line out as a teaser opening with the article's dateline
    # when the brand's hint is not in its first 80 characters, without the patterns;
    # checked over every pair of dateline lines of the seeds, rule-file cases and dev
    # pages (test_matcher's corpus, in three casings), and the
    # shapes that share a brand with another place or case.
    from cleaner.core.structure.dateline import match_dateline
    from cleaner.core.structure.shapes import dateline_brand
    from cleaner.core.structure.tail import brand_hint
    from cleaner.ruleset import load_ruleset
    pats = load_ruleset().common.datelines
    lines = CORPUS + ["JAKARTA, KOMPAS.com - Satu.", "BANDUNG, KOMPAS.com - Dua.", "Jakarta, IDN Times - Tiga orang tewas.",
                      "jakarta, idn times - empat.", "TRIBUNJATIM.COM, MALANG - Lima.", "Tribunjatim.com - Enam."]
    found = [(ln, match_dateline(ln, pats)) for ln in lines]
    found = [(ln, dl) for ln, dl in found if dl]
    assert len(found) > (50 if (SHARED / "devset" / "raw").is_dir() else 5)
    for _, own in found:
        brand, hint = dateline_brand(own), brand_hint(own)
        for ln, dl in found:
            if dateline_brand(dl) == brand:
                assert hint in ln[:80].lower(), (own, ln)

