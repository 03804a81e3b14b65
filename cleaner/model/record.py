"""The output record: one JSON object per page, the same keys and types in every record."""
from __future__ import annotations

import hashlib
from copy import deepcopy
from dataclasses import dataclass, field, fields, is_dataclass
from typing import ClassVar


@dataclass
class DroppedLine:
    text: str
    category: str
    rule: str


@dataclass
class Metadata:
    source_path: str | None = None
    source_line: int | None = None     # line number in a JSONL input
    warc_record_id: str | None = None  # WARC-Record-ID in a WARC input (the URL is the target URI)
    outlet: str | None = None
    site: str | None = None
    canonical_url: str | None = None   # HTML: the page's <link rel="canonical"> (resolved); null otherwise
    title: str | None = None
    lead: str | None = None
    published: str | None = None       # ISO 8601, offset of WIB/WITA/WIT when printed
    page_date: str | None = None       # the site bar's date (today's date on Tribun pages)
    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    dateline: str | None = None
    credited_source: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    rules_version: str = ""
    cleaner_version: str = ""
    encoding: str | None = None        # how the input bytes were decoded (None: text given as str)
    html_engine: str | None = None     # "fast" or "trafilatura": what read an HTML page; None for text
    dropped_lines: list[DroppedLine] | None = None   # only with keep_dropped
    # Corpus hygiene (text/hygiene.py, text/provenance.py, tools/dedup.py)
    syndicated_from: dict | None = None    # {"outlet", "title", "url"}: all three keys, null when not printed
    text_hash: str = ""                    # of the normalised body (hygiene.normalise)
    word_count: int = 0
    paragraph_count: int = 0
    dropped_share: float = 0.0             # share of the page's text lines dropped
    language: str | None = None            # ISO 639-1; ms read as id on Indonesian sources
    language_score: float | None = None    # probability, 0..1
    duplicate_of: str | None = None        # id of the first record this body nearly copies (dedup)
    duplicate_similarity: float | None = None   # estimated Jaccard of the two bodies' shingles


@dataclass
class Record:
    id: str
    text: str
    url: str | None
    metadata: Metadata
    # Line counts behind metadata.dropped_share (not part of the JSON record).
    lines_read: ClassVar[int] = 0
    lines_dropped: ClassVar[int] = 0
    # Paragraphs dropped when the body was cleaned again (api.settle).
    settled: ClassVar[tuple] = ()

    def to_dict(self) -> dict:
        """The record as written: a plain dict (dropped_lines only with keep_dropped)."""
        out = _plain(self)
        if out["metadata"]["dropped_lines"] is None:
            del out["metadata"]["dropped_lines"]
        return out


# class -> its field names, in order (dataclasses.fields, looked up once per class)
_FIELDS: dict[type, tuple[str, ...]] = {}
# the leaves, returned as they are (the exact types: a subclass is deep-copied)
_LEAVES = frozenset((str, int, float, bool, type(None)))


def _plain(value):
    """``dataclasses.asdict`` for what a record holds (dataclasses, lists, tuples, dicts
    of them, and immutable leaves: str, int, float, bool, None), at a fraction of its
    cost: asdict deep-copies every leaf, which for these returns the leaf itself."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    names = _FIELDS.get(kind)
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if kind is list or kind is tuple:
        return kind(_plain(v) for v in value)
    if kind is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[kind] = tuple(f.name for f in fields(value))
        return {name: _plain(getattr(value, name)) for name in names}
    return deepcopy(value)


def record_id(url: str | None, source: str | None) -> str:
    """Stable id: a hash of the URL when known, else of the input's path."""
    key = f"url:{url}" if url else f"path:{source or ''}"
    # surrogatepass: a file name that is not valid UTF-8 still has an id.
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
