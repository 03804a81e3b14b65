"""``cleaner.dedup.NearDuplicates`` (README, "Corpus hygiene"); the code is in
``cleaner.tools.dedup``."""
from .tools.dedup import NUM_PERM, THRESHOLD, NearDuplicates, bands_for, shingles

__all__ = ["NUM_PERM", "THRESHOLD", "NearDuplicates", "bands_for", "shingles"]
