"""What a run can be told; the command line, the library and the runner share it."""
from __future__ import annotations

from dataclasses import dataclass, field

from .page import DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES


@dataclass
class Options:
    """Everything a run can be told; the CLI and the library share it."""
    keep_dropped: bool = False
    outlet: str | None = None           # force one outlet id
    rules_dirs: list[str] = field(default_factory=list)
    max_bytes: int = DEFAULT_MAX_BYTES
    max_lines: int = DEFAULT_MAX_LINES     # a page with more lines is refused (PageError)
