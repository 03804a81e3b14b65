"""A page as read from the inputs, and the error a page that cannot be cleaned raises."""
from __future__ import annotations

from dataclasses import dataclass

# Default cap on one page's size; a news page dump is a few hundred kB at most.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Default cap on one page's lines (blank ones too): each line costs ~260 bytes and
# ~45 us while a page is cleaned; the longest seed or dev page has 129 lines, the text
# extracted from the longest HTML sample 30 (see README, "Bad input").
DEFAULT_MAX_LINES = 20_000


class PageError(Exception):
    """A page that cannot be cleaned; the message says why (the caller adds the file)."""


@dataclass
class Page:
    source: str                 # path as given, or "<stdin>"
    data: bytes | None = None
    url: str | None = None
    kind: str = "text"          # "text" or "html" ("jsonl": one raw JSONL line, see io/sources.py)
    error: str | None = None
    line: int | None = None             # line number in a JSONL input
    warc_record_id: str | None = None   # WARC-Record-ID in a WARC input
