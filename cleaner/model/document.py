"""The document every stage works on: the page's lines, each with its verdict.

Mark, don't delete: a line is never removed from ``Doc.lines``; stages set its
``category``/``rule`` (dropped) or leave it as body. The record is assembled
from these marks at the end, so every input line is accounted for.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .fields import LIST_FIELDS, PERSON_FIELDS, placeholder_name

if TYPE_CHECKING:                  # a type only: the rule set is a layer above
    from ..ruleset.model import Outlet


@dataclass(slots=True)
class Line:
    idx: int
    raw: str
    text: str                      # stripped; what the body gets (spans may be cut out)
    category: str | None = None    # None = body
    rule: str | None = None
    zone: str = "body"             # header / body / tail, set by the structure stage
    # (text, category, rule) spans removed; a tuple, empty on most lines (an empty list
    # per line cost 56 bytes of a page's lines: see README, "Bad input")
    cut: tuple[tuple[str, str, str], ...] = ()

    @property
    def dropped(self) -> bool:
        """True when a stage dropped the line."""
        return self.category is not None

    def drop(self, category: str, rule: str, *, force: bool = False) -> bool:
        """Mark the line dropped unless an earlier, more specific mark exists."""
        if self.category is not None and not force:
            return False
        self.category, self.rule = category, rule
        return True


def _name_prefix(short: str, full: str) -> bool:
    """``short`` is ``full``'s first two words or more, and shorter ("Wanti Puspa", "Wanti
    Puspa Gustiningsih")."""
    a, b = short.casefold().split(), full.casefold().split()
    return 2 <= len(a) < len(b) and b[:len(a)] == a


@dataclass
class Doc:
    source: str
    text: str
    url: str | None = None
    outlet: Outlet | None = None
    site: str | None = None
    lines: list[Line] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    # where each metadata value came from: field -> rule id (for `explain`)
    meta_rules: dict = field(default_factory=dict)
    # what the structure stage found (indexes into lines), read by the metadata stage
    title_idx: int | None = None
    lead_idx: int | None = None
    dateline_idx: int | None = None
    # the text is an extractor's main content (the HTML path), not a whole page's dump
    extracted: bool = False
    # the date of an extraction tool's " date 2019-06 " prefix cut off the first line (segment)
    prefix_date: str | None = None
    # input lines joined to the line above them (a hard-wrapped paragraph's: text/rewrap.py)
    joined: int = 0
    # the names of a writer credit closing the story: authors when nothing else names one
    writer_credit: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # The line signals' memo (text.signals.SignalMemo) the stages answer from: one per
    # page, shared by the later passes over its body (cleaner.api.settle).
    memo: object = None

    def set_meta(self, name: str, value, rule: str, *, override: bool = False) -> None:
        """Record a metadata value found by ``rule``: a list field adds the new values,
        any other keeps the first value found (unless ``override``)."""
        if value in (None, "", []):
            return
        if name in PERSON_FIELDS and isinstance(value, str) and placeholder_name(value):
            return
        if name in LIST_FIELDS:
            values = value if isinstance(value, list) else [value]
            have = self.meta.setdefault(name, [])
            for v in values:
                if name in PERSON_FIELDS and (placeholder_name(v)
                                              or any(v.casefold() == h.casefold() for h in have)):
                    continue        # "mildaniati" and "Mildaniati" (two credit lines) are one
                if name in PERSON_FIELDS and v:
                    # "Wanti Puspa" and "Wanti Puspa Gustiningsih" (two credit lines, o130): one
                    # person, named in full once (two words or more in common, from the first)
                    longer = next((h for h in have if _name_prefix(v, h)), None)
                    if longer is not None:
                        continue
                    have[:] = [h for h in have if not _name_prefix(h, v)]
                if v and v not in have:
                    have.append(v)
            self.meta_rules.setdefault(name, rule)
            return
        if override or self.meta.get(name) in (None, ""):
            self.meta[name] = value
            self.meta_rules[name] = rule
