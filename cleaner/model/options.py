"""What a run can be told; the command line, the library and the runner share it."""
from __future__ import annotations

from dataclasses import dataclass, field

from .page import DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES

# How HTML pages are read (cleaner/html/page.py): "fast" parses with lexbor and
# extracts with resiliparse (html/fast.py); "trafilatura" parses with libxml2 and
# extracts with trafilatura (html/classic.py).
HTML_ENGINES = ("fast", "trafilatura")
DEFAULT_HTML_ENGINE = "fast"


@dataclass
class Options:
    """Everything a run can be told; the CLI and the library share it."""
    keep_dropped: bool = False
    outlet: str | None = None           # force one outlet id
    rules_dirs: list[str] = field(default_factory=list)
    max_bytes: int = DEFAULT_MAX_BYTES
    html_engine: str = DEFAULT_HTML_ENGINE    # one of HTML_ENGINES
    max_lines: int = DEFAULT_MAX_LINES     # a page with more lines is refused (PageError)
