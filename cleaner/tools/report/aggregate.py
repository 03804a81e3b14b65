"""One streaming pass over cleaned records: everything the report shows.

Memory is bounded whatever the number of records: per-outlet and per-network
aggregates are counters and sparse histograms (:mod:`.sketch`), the most
frequent lines are Space-Saving summaries of fixed size, the page sample is a
fixed-size reservoir, the outliers are bounded heaps. Nothing keeps a list of
every record, every line or every id.

Units:

- network: ``metadata.outlet``, the rule file that matched the page (``tribun``
  for the Tribun Network's sites, ``galamedia`` for the Pikiran Rakyat Media
  Network, ``kompas``, ...); ``(none)`` when no outlet's rules matched (the
  shared rules only).
- outlet: ``metadata.site`` (the host, ``tribunkaltim.co``) within its network;
  ``(no site)`` when the record has none (a text dump without a URL or a
  dateline naming the site). The first :data:`MAX_OUTLETS` distinct outlets are
  tracked one by one, later new ones together as ``(untracked)``.

Lines: the record's text is paragraphs joined by a blank line; a *short kept
line* is a paragraph of fewer than :data:`SHORT_LINE_WORDS` words (headings,
leftover labels, promos that no rule caught). Dropped lines come from
``metadata.dropped_lines`` (only in records made with ``--keep-dropped``).
The most frequent of both are counted per network.
"""
from __future__ import annotations

import math
import os
from collections import Counter
from dataclasses import dataclass, field

from ...io.records import read_lines
from .sketch import LogHistogram, Reservoir, SpaceSaving, TopN

# Metadata fields whose completeness the outlet table shows.
FIELDS = ("title", "published", "authors", "editor", "dateline", "lead")
SHORT_LINE_WORDS = 8        # a kept paragraph under this many words is a "short kept line"
SHORT_BODY_WORDS = 50       # a body under this many words (and not empty) is "very short"
MAX_OUTLETS = 10_000        # outlets tracked one by one; later new ones count as "(untracked)"
MAX_NETWORKS = 200          # the same for networks (rule files: a handful)
MAX_LANGUAGES = 300
SKETCH_SIZE = 2_000         # Space-Saving counters per network and kind of line
LINE_CHARS = 200            # a counted line is cut to this many characters
SITES_PER_LINE = 3          # sites remembered for each counted line
BODY_BIN = 50               # body-length chart: bins of 50 words ...
BODY_MAX = 2_000            # ... up to 2,000, then one bin for longer bodies
OUTLIERS = 10               # longest pages, and empty or very short ones, listed
BAD_LINES_SHOWN = 20        # bad input lines quoted in the report and on stderr
SAMPLE_PARAGRAPHS = 300     # a sampled page keeps at most this many paragraphs / dropped lines
SAMPLE_CHARS = 4_000        # and each one cut to this many characters
NO_NETWORK, NO_SITE, UNTRACKED, OTHER = "(none)", "(no site)", "(untracked)", "(other)"


def line_key(text: str) -> str:
    """A line as counted: whitespace collapsed, cut to LINE_CHARS."""
    s = " ".join(text.split())
    return s if len(s) <= LINE_CHARS else s[: LINE_CHARS - 1] + "…"


def _present(value) -> bool:
    return value not in (None, "", [], {})


def _int(value, default: int = 0) -> int:
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return int(value)
    return default


def _name(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


@dataclass
class Group:
    """What the tables show for one outlet or one network."""
    pages: int = 0
    words: LogHistogram = field(default_factory=LogHistogram)
    share_sum: float = 0.0          # sum of metadata.dropped_share
    share_n: int = 0
    present: Counter = field(default_factory=Counter)   # field -> pages where it is set
    empty: int = 0
    short: int = 0
    dropped: Counter = field(default_factory=Counter)   # category -> lines

    def add(self, words: int, share, md: dict, dropped: dict) -> None:
        """One record: its body words, dropped share, metadata and dropped counts by category."""
        self.pages += 1
        self.words.add(words)
        if isinstance(share, (int, float)) and not isinstance(share, bool) and math.isfinite(share):
            self.share_sum += share
            self.share_n += 1
        for f in FIELDS:
            if _present(md.get(f)):
                self.present[f] += 1
        if words == 0:
            self.empty += 1
        elif words < SHORT_BODY_WORDS:
            self.short += 1
        for cat, n in dropped.items():
            self.dropped[cat] += n

    def merge(self, other: Group) -> None:
        """Add another group's figures to this one (the outlet table's rest row)."""
        self.pages += other.pages
        self.words.merge(other.words)
        self.share_sum += other.share_sum
        self.share_n += other.share_n
        self.present.update(other.present)
        self.empty += other.empty
        self.short += other.short
        self.dropped.update(other.dropped)

    @property
    def dropped_share(self) -> float | None:
        """The mean of metadata.dropped_share over the pages that have one."""
        return self.share_sum / self.share_n if self.share_n else None


@dataclass
class Network(Group):
    """A network's group, plus its lines, body lengths and months."""
    dropped_lines: SpaceSaving = field(default_factory=lambda: SpaceSaving(SKETCH_SIZE))
    short_lines: SpaceSaving = field(default_factory=lambda: SpaceSaving(SKETCH_SIZE))
    lengths: Counter = field(default_factory=Counter)   # BODY_BIN-wide bin -> pages
    months: Counter = field(default_factory=Counter)    # "YYYY-MM" -> pages


@dataclass
class InputFile:
    path: str
    records: int = 0
    bad: int = 0


class Stats:
    """Feed records (dicts) with :meth:`add`; read the results off the attributes."""

    def __init__(self, seed: int = 0, sample: int = 12):
        self.records = 0
        self.networks: dict[str, Network] = {}
        self.outlets: dict[tuple[str, str], Group] = {}
        self.untracked_outlets = 0        # records in outlets past MAX_OUTLETS
        self.languages: Counter = Counter()
        self.duplicates = 0
        self.with_dropped_lines = 0       # records that carry metadata.dropped_lines
        self.dropped: Counter = Counter()
        self.words_total = 0
        self.no_date = 0
        self.bad_date = 0
        self.longest = TopN(OUTLIERS)
        self.thin: list[dict] = []        # the first OUTLIERS empty or very short pages
        self.sample = Reservoir(sample, seed)
        self.inputs: list[InputFile] = []
        self.bad_lines = 0
        self.bad_examples: list[str] = []
        self.errors: ErrorStats | None = None

    # ------------------------------------------------------------------ one record
    def _network(self, name: str | None) -> tuple[str, Network]:
        key = name or NO_NETWORK
        net = self.networks.get(key)
        if net is None:
            if len(self.networks) >= MAX_NETWORKS:
                key = UNTRACKED
                net = self.networks.get(key)
            if net is None:
                net = self.networks[key] = Network()
        return key, net

    def _outlet(self, network: str, site: str | None) -> Group:
        key = (network, site or NO_SITE)
        group = self.outlets.get(key)
        if group is None:
            if len(self.outlets) >= MAX_OUTLETS:
                self.untracked_outlets += 1
                key = (network, UNTRACKED)
                group = self.outlets.get(key)
            if group is None:
                group = self.outlets[key] = Group()
        return group

    def add(self, rec: dict, position: str = "") -> None:
        """One record (already checked to be an object with a text string)."""
        md = rec.get("metadata")
        md = md if isinstance(md, dict) else {}
        text = rec["text"]
        self.records += 1
        net_name, net = self._network(_name(md.get("outlet")))
        site = _name(md.get("site"))
        words = _int(md.get("word_count"), -1)
        if words < 0:
            words = len(text.split())
        raw = md.get("dropped")
        dropped = {k: _int(v) for k, v in raw.items() if _int(v) > 0} if isinstance(raw, dict) else {}
        share = md.get("dropped_share")
        net.add(words, share, md, dropped)
        self._outlet(net_name, site).add(words, share, md, dropped)
        self.dropped.update(dropped)
        self.words_total += words

        lang = _name(md.get("language")) or "(none)"
        if lang in self.languages or len(self.languages) < MAX_LANGUAGES:
            self.languages[lang] += 1
        else:
            self.languages[OTHER] += 1
        if _present(md.get("duplicate_of")):
            self.duplicates += 1
        net.lengths[min(words // BODY_BIN, BODY_MAX // BODY_BIN)] += 1
        month = _month(md.get("published"))
        if month is None:
            self.no_date += 1
        elif month == "":
            self.bad_date += 1
        else:
            net.months[month] += 1

        where = site or (net_name if net_name != NO_NETWORK else None)
        for para in text.split("\n\n"):
            n = len(para.split())
            if 0 < n < SHORT_LINE_WORDS:
                entry = net.short_lines.add(line_key(para), [])
                if where and where not in entry[2] and len(entry[2]) < SITES_PER_LINE:
                    entry[2].append(where)
        lines = md.get("dropped_lines")
        if isinstance(lines, list):
            self.with_dropped_lines += 1
            for d in lines:
                if isinstance(d, dict) and isinstance(d.get("text"), str) and d["text"].strip():
                    entry = net.dropped_lines.add(line_key(d["text"]),
                                                  [_name(d.get("category")), _name(d.get("rule")), []])
                    if where and where not in entry[2][2] and len(entry[2][2]) < SITES_PER_LINE:
                        entry[2][2].append(where)

        def brief():
            return {"id": rec.get("id"), "network": net_name, "site": site, "words": words,
                    "title": _name(md.get("title")), "source": _source(md) or position,
                    "url": _name(rec.get("url"))}
        self.longest.offer(words, brief)
        if words < SHORT_BODY_WORDS and len(self.thin) < OUTLIERS:
            self.thin.append(brief())
        self.sample.offer(lambda: _sampled(rec, md, net_name, site, words, position))

    # ------------------------------------------------------------------ results
    def outlet_rows(self, top: int) -> tuple[list[tuple[str, str, Group]], tuple[int, Group] | None]:
        """The ``top`` outlets by pages (ties by name), and (how many, their sum) for the rest."""
        ranked = sorted(self.outlets.items(), key=lambda kv: (-kv[1].pages, kv[0]))
        rows = [(net, site, g) for (net, site), g in ranked[:top]]
        rest = ranked[top:]
        if not rest:
            return rows, None
        other = Group()
        for _, g in rest:
            other.merge(g)
        return rows, (len(rest), other)

    def network_rows(self) -> list[tuple[str, Network, int]]:
        """(name, network, outlets) by pages."""
        sites = Counter(net for net, _ in self.outlets)
        return [(name, net, sites[name])
                for name, net in sorted(self.networks.items(), key=lambda kv: (-kv[1].pages, kv[0]))]


def _month(value) -> str | None:
    """"YYYY-MM" of an ISO date; None when there is none, "" when it is not a
    plausible date (outside 1900-2100)."""
    if not isinstance(value, str) or not value:
        return None
    y, m = value[:4], value[5:7]
    if len(value) >= 7 and y.isdigit() and m.isdigit() and value[4] == "-" \
            and 1900 <= int(y) <= 2100 and 1 <= int(m) <= 12:
        return f"{y}-{m}"
    return ""


def _source(md: dict) -> str | None:
    path = _name(md.get("source_path"))
    if path is None:
        return None
    line = md.get("source_line")
    return f"{path}:{line}" if isinstance(line, int) and not isinstance(line, bool) else path


def _cut(s: str) -> str:
    return s if len(s) <= SAMPLE_CHARS else s[: SAMPLE_CHARS - 1] + "…"


def _sampled(rec: dict, md: dict, network: str, site: str | None, words: int, position: str) -> dict:
    """What the report shows of a sampled page, with its size bounded."""
    paras = [_cut(p) for p in rec["text"].split("\n\n") if p.strip()]
    lines = md.get("dropped_lines")
    dropped = None
    if isinstance(lines, list):
        dropped = [{"text": _cut(d["text"]), "category": _name(d.get("category")), "rule": _name(d.get("rule"))}
                   for d in lines if isinstance(d, dict) and isinstance(d.get("text"), str)]
    meta = {f: md.get(f) for f in FIELDS + ("section", "language", "duplicate_of")}
    counts = md.get("dropped") if isinstance(md.get("dropped"), dict) else {}
    return {"id": rec.get("id"), "url": _name(rec.get("url")), "network": network, "site": site,
            "words": words, "source": _source(md) or position, "source_path": _name(md.get("source_path")),
            "source_line": md.get("source_line"), "paragraphs": paras[:SAMPLE_PARAGRAPHS],
            "more_paragraphs": max(0, len(paras) - SAMPLE_PARAGRAPHS),
            "dropped_lines": None if dropped is None else dropped[:SAMPLE_PARAGRAPHS],
            "more_dropped": 0 if dropped is None else max(0, len(dropped) - SAMPLE_PARAGRAPHS),
            "dropped": {k: v for k, v in counts.items() if isinstance(v, int)}, "metadata": meta}


# ---------------------------------------------------------------------- reading
def read_into(stats: Stats, paths: list[str], on_bad=None) -> None:
    """Every record of the JSONL files (plain, .gz, .zst) into ``stats``, in order,
    read by io/records.py. A line that is not a record is counted, kept as an
    example (the first few) and passed to ``on_bad(message)``; a file that breaks
    off (truncated gzip) is one bad line. Raises ReadError for a file that cannot
    be opened."""
    for path in paths:
        info = InputFile(path)
        stats.inputs.append(info)
        for line, rec, problem in read_lines(path):
            where = f"{path}:{line}"
            if problem:
                info.bad += 1
                stats.bad_lines += 1
                message = f"{where}: {problem}"
                if len(stats.bad_examples) < BAD_LINES_SHOWN:
                    stats.bad_examples.append(message)
                if on_bad:
                    on_bad(message)
                continue
            info.records += 1
            stats.add(rec, where)


@dataclass
class ErrorStats:
    """The main command's ``--errors`` file: one JSON line per failed page."""
    path: str
    failed: int = 0
    bad: int = 0
    reasons: SpaceSaving = field(default_factory=lambda: SpaceSaving(200))
    examples: list[tuple[str, str]] = field(default_factory=list)


def not_a_failed_page(obj) -> str | None:
    """Why a parsed line of an ``--errors`` file is not a failed page, or None."""
    if not isinstance(obj, dict) or not isinstance(obj.get("reason"), str):
        return "not a failed page (no \"reason\")"
    return None


def read_errors(path: str, on_bad=None) -> ErrorStats:
    """The failed pages of the main command's ``--errors`` file: counted, their reasons summarised."""
    es = ErrorStats(path)
    for line, obj, problem in read_lines(path, not_a_failed_page):
        if problem:
            es.bad += 1
            if on_bad:
                on_bad(f"{path}:{line}: {problem}")
            continue
        es.failed += 1
        reason = line_key(obj["reason"])
        es.reasons.add(reason)
        if len(es.examples) < OUTLIERS:
            es.examples.append((str(obj.get("source") or obj.get("path") or "?"), reason))
    return es


def input_problem(path: str) -> str | None:
    """Why ``path`` cannot be read as an input, or None."""
    if not os.path.exists(path):
        return f"{path}: no such file"
    if not os.path.isfile(path):
        return f"{path}: not a file"
    if not os.access(path, os.R_OK):
        return f"{path}: permission denied"
    return None
