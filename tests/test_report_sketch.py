"""The report's bounded summaries (Space-Saving, log histogram, reservoir, top N)
and its one-pass aggregation of records: no plotly, no browser."""
import collections
import random

import pytest

from cleaner.tools.report import aggregate
from cleaner.tools.report.aggregate import Stats, line_key
from cleaner.tools.report.sketch import LogHistogram, Reservoir, SpaceSaving, TopN


# ---------------------------------------------------------------------- Space-Saving
def zipf_stream(n, distinct, seed):
    rng = random.Random(seed)
    weights = [1 / (i + 1) for i in range(distinct)]
    return [f"line {i}" for i in rng.choices(range(distinct), weights, k=n)]


def test_space_saving_is_exact_while_the_counters_suffice():
    ss = SpaceSaving(10)
    for item in "a b a c a b d".split():
        ss.add(item)
    assert [(x.item, x.count, x.err) for x in ss.top(3)] == [("a", 3, 0), ("b", 2, 0), ("c", 1, 0)]
    assert ss.n == 7 and len(ss) == 4


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_space_saving_error_bound_and_heavy_hitters(seed):
    stream = zipf_stream(20_000, 5_000, seed)
    truth = collections.Counter(stream)
    k = 100
    ss = SpaceSaving(k)
    for item in stream:
        ss.add(item)
    assert len(ss) == k and ss.bound == len(stream) / k
    for x in ss.top(k):
        assert x.lower <= truth[x.item] <= x.count          # the true count is in [count - err, count]
        assert x.err <= ss.bound
    listed = {x.item for x in ss.top(k)}
    heavy = {item for item, c in truth.items() if c > ss.bound}
    assert heavy and heavy <= listed                         # every item above n/k is there
    # the top of the list is the true top
    assert [x.item for x in ss.top(3)] == [item for item, _ in truth.most_common(3)]


def test_space_saving_keeps_the_info_of_the_first_sighting_and_is_deterministic():
    a, b = SpaceSaving(3), SpaceSaving(3)
    for i, item in enumerate("x x y z w x v".split()):
        a.add(item, i)
        b.add(item, i)
    assert [(x.item, x.count, x.err, x.info) for x in a.top(3)] == [(x.item, x.count, x.err, x.info) for x in b.top(3)]
    # y (a smallest, ties by item) made way for w, which inherited its count 1; then z for v
    assert [(x.item, x.count, x.err, x.info) for x in a.top(3)] == [("x", 3, 0, 0), ("v", 2, 1, 6), ("w", 2, 1, 4)]
    with pytest.raises(ValueError):
        SpaceSaving(0)


# ---------------------------------------------------------------------- histogram
def test_log_histogram_bins_cover_every_value_once():
    prev_high = 0
    for b in range(LogHistogram.bin_of(1 << 20) + 1):
        low, high = LogHistogram.bounds(b)
        assert low == prev_high                              # contiguous, no gap, no overlap
        assert high - low == 1 or (high - low) * 64 <= low   # at most 1/64 of the value wide
        prev_high = high
    for v in list(range(0, 3000)) + [10**5, 10**6 + 7]:
        low, high = LogHistogram.bounds(LogHistogram.bin_of(v))
        assert low <= v < high


def test_log_histogram_median_exact_low_and_close_high():
    h = LogHistogram()
    for v in [5, 1, 9, 7, 3, 100]:
        h.add(v)
    assert h.median() == 5.0                                 # the lower median of 1 3 5 7 9 100
    rng = random.Random(7)
    values = [rng.randint(0, 5000) for _ in range(2001)]
    h = LogHistogram()
    for v in values:
        h.add(v)
    true = sorted(values)[1000]
    assert abs(h.median() - true) <= true / 128 + 0.5
    assert LogHistogram().median() is None
    h.add(-3)                                                # never a negative bin
    assert LogHistogram.bin_of(0) in h.bins


def test_log_histogram_merge():
    a, b = LogHistogram(), LogHistogram()
    for v in range(10):
        a.add(v)
        b.add(v + 200)
    a.merge(b)
    assert a.n == 20 and a.quantile(1.0) >= 209 - 209 / 64


# ---------------------------------------------------------------------- reservoir, top N
def test_reservoir_is_reproducible_and_seeded():
    def draw(seed):
        r = Reservoir(5, seed)
        for i in range(1000):
            r.offer(lambda i=i: i)
        return [x for _, x in r.sample()]
    assert draw(1) == draw(1)
    assert draw(1) != draw(2)
    assert draw(1) == sorted(draw(1)) and len(draw(1)) == 5


def test_reservoir_is_uniform():
    hits = collections.Counter()
    for seed in range(2000):
        r = Reservoir(2, seed)
        for i in range(10):
            r.offer(lambda i=i: i)
        hits.update(x for _, x in r.sample())
    assert sum(hits.values()) == 4000
    assert all(320 <= hits[i] <= 480 for i in range(10)), hits   # 400 expected each


def test_reservoir_builds_only_what_it_keeps():
    built = []
    r = Reservoir(3, 0)
    for i in range(100):
        r.offer(lambda i=i: built.append(i) or i)
    assert len(built) < 30 and {x for _, x in r.sample()} <= set(built)
    assert not Reservoir(0, 0).offer(lambda: 1)


def test_top_n_keeps_the_largest_and_the_earlier_of_ties():
    t = TopN(2)
    for key, name in [(5, "a"), (9, "b"), (5, "c"), (9, "d"), (1, "e")]:
        t.offer(key, lambda name=name: name)
    assert t.items() == ["b", "d"]


# ---------------------------------------------------------------------- aggregation
def rec(i, outlet="tribun", site="tribunjatim.com", words=120, text=None, **md):
    text = text if text is not None else "\n\n".join(["kata " * 20] * (words // 20))
    meta = {"outlet": outlet, "site": site, "title": f"Judul {i}", "published": "2024-05-01T10:00:00+07:00",
            "authors": ["A"], "editor": None, "dateline": "X -", "lead": "", "word_count": words,
            "dropped": {"crosslink": 2, "ad": 1}, "dropped_share": 0.25, "language": "id", "duplicate_of": None}
    meta.update(md)
    return {"id": f"id{i}", "text": text, "url": None, "metadata": meta}


def test_stats_groups_networks_and_outlets():
    s = Stats()
    s.add(rec(1))
    s.add(rec(2, words=0, text="", published=None))
    s.add(rec(3, outlet="galamedia", site=None, language="en", duplicate_of="id1", published="1850-01-01"))
    s.add(rec(4, outlet=None, site=None, words=30, editor="Ed"))
    assert s.records == 4 and set(s.networks) == {"tribun", "galamedia", aggregate.NO_NETWORK}
    assert set(s.outlets) == {("tribun", "tribunjatim.com"), ("galamedia", aggregate.NO_SITE),
                              (aggregate.NO_NETWORK, aggregate.NO_SITE)}
    t = s.outlets[("tribun", "tribunjatim.com")]
    assert t.pages == 2 and t.empty == 1 and t.short == 0 and t.present["title"] == 2
    assert t.present["published"] == 1 and t.present["lead"] == 0 and t.dropped == {"crosslink": 4, "ad": 2}
    assert t.dropped_share == 0.25 and t.words.median() == 0.0
    assert s.outlets[(aggregate.NO_NETWORK, aggregate.NO_SITE)].short == 1
    assert s.outlets[(aggregate.NO_NETWORK, aggregate.NO_SITE)].present["editor"] == 1
    assert s.languages == {"id": 3, "en": 1} and s.duplicates == 1
    assert s.no_date == 1 and s.bad_date == 1 and s.networks["tribun"].months == {"2024-05": 1}
    assert s.dropped == {"crosslink": 8, "ad": 4} and s.words_total == 270
    assert [x["id"] for x in s.longest.items()][:2] == ["id1", "id3"]
    assert [x["id"] for x in s.thin] == ["id2", "id4"]


def test_stats_counts_short_kept_lines_and_dropped_lines_per_network():
    body = "TRIBUNJATIM.COM - Isi berita yang cukup panjang untuk sebuah paragraf.\n\nSimak berita lainnya\n\nKata"
    lines = [{"text": "Baca juga: A", "category": "crosslink", "rule": "_common:baca-juga"},
             {"text": "Editor:  X", "category": "editor", "rule": "_common:editor-label"}]
    s = Stats()
    for i in range(3):
        s.add(rec(i, text=body, dropped_lines=lines))
    s.add(rec(9, site="surya.co.id", text=body))
    net = s.networks["tribun"]
    short = {x.item: (x.count, x.info) for x in net.short_lines.top(10)}
    assert short == {"Simak berita lainnya": (4, ["tribunjatim.com", "surya.co.id"]),
                     "Kata": (4, ["tribunjatim.com", "surya.co.id"])}
    dropped = {x.item: (x.count, x.info) for x in net.dropped_lines.top(10)}
    assert dropped == {"Baca juga: A": (3, ["crosslink", "_common:baca-juga", ["tribunjatim.com"]]),
                       "Editor: X": (3, ["editor", "_common:editor-label", ["tribunjatim.com"]])}
    assert s.with_dropped_lines == 3


def test_stats_tolerates_odd_metadata():
    s = Stats()
    s.add({"text": "satu dua tiga", "metadata": None})
    s.add({"text": "satu", "metadata": {"word_count": "x", "dropped": {"ad": "many", "nav": 2.0},
                                        "dropped_share": float("nan"), "dropped_lines": [None, {"text": 3}],
                                        "outlet": 7, "published": "garbage"}})
    assert s.records == 2 and s.words_total == 4 and s.dropped == {"nav": 2} and s.bad_date == 1
    assert s.networks[aggregate.NO_NETWORK].share_n == 0


def test_outlets_past_the_cap_are_counted_together(monkeypatch):
    monkeypatch.setattr(aggregate, "MAX_OUTLETS", 3)
    s = Stats()
    for i in range(10):
        s.add(rec(i, site=f"site{i}.id"))
    assert len(s.outlets) == 4 and s.untracked_outlets == 7
    assert s.outlets[("tribun", aggregate.UNTRACKED)].pages == 7
    rows, rest = s.outlet_rows(2)
    assert [r[1] for r in rows] == [aggregate.UNTRACKED, "site0.id"]
    assert rest[0] == 2 and rest[1].pages == 2


def test_line_key_collapses_and_cuts():
    assert line_key("  a \t b\n") == "a b"
    long = line_key("x" * 500)
    assert len(long) == aggregate.LINE_CHARS and long.endswith("…")


def test_memory_stays_bounded_on_distinct_lines():
    s = Stats(sample=2)
    for i in range(3000):
        s.add(rec(i, site=f"s{i % 7}.id", text=f"unik {i}\n\nbaris {i} pendek", words=4,
                  dropped_lines=[{"text": f"drop {i}", "category": "ad", "rule": "r"}]))
    net = s.networks["tribun"]
    assert len(net.short_lines) <= aggregate.SKETCH_SIZE and len(net.dropped_lines) <= aggregate.SKETCH_SIZE
    assert net.short_lines.n == 6000 and len(s.sample.items) == 2 and len(s.thin) == aggregate.OUTLIERS
