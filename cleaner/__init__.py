"""cleaner: Indonesian news pages -> clean, corpus-ready JSONL.

    from cleaner import clean, Cleaner
    record = clean(page_text, url="https://www.tribunnews.com/...")
    record.text, record.metadata.title, record.to_dict()

The package is in layers, each importing only those below it (README, "How it is
built"): cli -> tools, integrations -> run -> api -> html, io -> core -> ruleset
-> text -> model.
"""
from ._version import __version__
from .api import Cleaner, Options, clean
from .model.page import PageError
from .model.record import Metadata, Record
from .ruleset import RuleError

__all__ = ["Cleaner", "Metadata", "Options", "PageError", "Record", "RuleError", "clean", "__version__"]
