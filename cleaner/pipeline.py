"""Kept for one release: ``cleaner.pipeline`` is now ``cleaner.api`` (Cleaner, clean,
settle), ``cleaner.core.stages`` (the stages), ``cleaner.core.assemble`` and
``cleaner.text.normalise``. Import from those."""
from .api import SETTLE_PASSES, Cleaner, Options, clean, settle
from .core.assemble import assemble, finish_record
from .core.metadata import collect_metadata
from .core.stages import STAGES, detect_outlet, find_structure, mark_rules, mark_zone_rules, segment
from .model.page import PageError
from .ruleset.loader import load_ruleset
from .text.normalise import page_text as normalise_input
from .text.normalise import printable_path
from .text.normalise import scrubbed_text as prepare_text

__all__ = ["SETTLE_PASSES", "STAGES", "Cleaner", "Options", "PageError", "assemble", "clean", "collect_metadata",
           "detect_outlet", "find_structure", "finish_record", "load_ruleset", "mark_rules", "mark_zone_rules",
           "normalise_input", "prepare_text", "printable_path", "segment", "settle"]
