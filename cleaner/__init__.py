"""cleaner: Indonesian news pages -> clean, corpus-ready JSONL.

    from cleaner import clean, Cleaner
    record = clean(page_text, url="https://www.tribunnews.com/...")
    record.text, record.metadata.title, record.to_dict()
"""
__version__ = "0.1.0"

from .pipeline import Cleaner, Options, clean  # noqa: E402
from .readers import PageError  # noqa: E402
from .record import Metadata, Record  # noqa: E402
from .ruleset import RuleError  # noqa: E402

__all__ = ["Cleaner", "Metadata", "Options", "PageError", "Record", "RuleError", "clean", "__version__"]
