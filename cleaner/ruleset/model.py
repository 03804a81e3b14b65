"""What a loaded rule file is: outlets, their rules and test cases, and the rule set
(the shared layer plus every outlet, ``extends`` resolved) that the stages read."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from ..model.fields import CAPTURE_FIELDS  # noqa: F401 - re-exported: what a pattern may capture
from .matcher import Dispatch

CATEGORIES = (
    "nav", "section", "title", "lead", "byline", "editor", "date", "caption", "photo_credit",
    "crosslink", "recommendation", "tags", "social", "ad", "footer", "copyright", "widget", "other",
)
SCOPES = ("line", "span", "to_end")
ZONES = ("any", "header", "body", "tail")
TIMEZONES = ("WIB", "WITA", "WIT")
# Seconds one pattern may run on one line before it is abandoned for that page.
PATTERN_TIMEOUT = 0.25
COMMON_ID = "_common"


class RuleError(Exception):
    """A rule file that cannot be used; the message names file, line and key."""


@dataclass(frozen=True)
class Rule:
    id: str
    outlet: str
    pattern: regex.Pattern
    category: str
    scope: str = "line"
    zone: str = "any"
    source: str = ""
    label: bool = False         # a link box's label: the headlines printed below it go with it

    @property
    def qualified_id(self) -> str:
        """``outlet:id``, as reported in dropped_lines."""
        return f"{self.outlet}:{self.id}"


@dataclass(frozen=True)
class RuleCase:
    outlet: str
    name: str
    input: str | None
    seed: str | None
    url: str | None
    expect: dict
    source: str


@dataclass
class Outlet:
    id: str
    name: str
    source: str
    extends: str | None = None
    timezone: str | None = None
    hosts: list[str] = field(default_factory=list)
    url_patterns: list[regex.Pattern] = field(default_factory=list)
    text_markers: list[regex.Pattern] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    datelines: list[regex.Pattern] = field(default_factory=list)
    body_start: list[regex.Pattern] = field(default_factory=list)
    header_caption: bool = False
    summary_after_body: bool = False
    html: dict = field(default_factory=dict)
    cases: list[RuleCase] = field(default_factory=list)
    digest: str = ""
    lines: dict = field(default_factory=dict, repr=False)   # key path -> line in the file ("extends", "tests[0]")

    def where(self, key: str) -> str:
        """``file:line`` of a key of this outlet's rule file (the file alone if unknown)."""
        return f"{self.source}:{self.lines[key]}" if key in self.lines else self.source


class StructureInputs(NamedTuple):
    """What the structure stage (and the metadata stage after it) takes from an outlet's
    rule files (and its parents'), computed once per outlet."""
    datelines: list            # patterns of the prefix that opens the body, then _common's
    end_rules: frozenset       # qualified ids of to_end rules
    body_start: list           # patterns of the line where the body starts
    header_caption: bool
    summary_after_body: bool
    label_rules: frozenset     # qualified ids of label rules (a link box's label)
    own_datelines: int = 0     # how many of ``datelines`` are the outlet's own (the first ones)
    caption_rules: frozenset = frozenset()   # qualified ids of rules with a captions group (metadata stage)


@dataclass
class RuleSet:
    """The shared layer plus every outlet, after ``extends`` and overrides are resolved."""
    common: Outlet
    outlets: dict[str, Outlet]
    version: str
    # id -> the files (of earlier folders) that the winning file of that id overrides
    overridden: dict[str, list[str]] = field(default_factory=dict, compare=False)
    # (outlet id, zones) -> matcher.Dispatch over that outlet's rules, built on first use
    _dispatch: dict = field(default_factory=dict, repr=False, compare=False)
    # outlet id -> StructureInputs, built on first use
    _structure: dict = field(default_factory=dict, repr=False, compare=False)
    # outlet detection's index of hosts and text markers (ruleset/detect.py), built on first use
    _detect: dict = field(default_factory=dict, repr=False, compare=False)

    def get(self, oid: str) -> Outlet:
        """The outlet of that id."""
        return self.outlets[oid]

    def dispatch(self, outlet: Outlet | None, zones: tuple[str, ...]):
        """The outlet's rules whose zone is in ``zones``, indexed for ``marking.apply_rules``."""
        key = (outlet.id if outlet is not None else None, zones)
        got = self._dispatch.get(key)
        if got is None:
            got = self._dispatch[key] = Dispatch([r for r in self.rules_for(outlet) if r.zone in zones])
        return got

    def rules_for(self, outlet: Outlet | None) -> list[Rule]:
        """Outlet rules first (more specific), then its parents', then the shared layer."""
        chain = self.chain(outlet)
        return [r for o in chain for r in o.rules] + self.common.rules

    def chain(self, outlet: Outlet | None) -> list[Outlet]:
        """The outlet, then the outlets it ``extends``, in order (no loop)."""
        out, seen = [], set()
        while outlet is not None and outlet.id not in seen:
            out.append(outlet)
            seen.add(outlet.id)
            outlet = self.outlets.get(outlet.extends) if outlet.extends else None
        return out

    def structure_inputs(self, outlet: Outlet | None) -> StructureInputs:
        """What the structure stage takes from the outlet's rule files; computed once per outlet."""
        key = outlet.id if outlet is not None else None
        got = self._structure.get(key)
        if got is None:
            got = self._structure[key] = StructureInputs(
                self.datelines_for(outlet),
                frozenset(r.qualified_id for r in self.rules_for(outlet) if r.scope == "to_end"),
                [p for o in self.chain(outlet) for p in o.body_start],
                any(o.header_caption for o in self.chain(outlet)),
                any(o.summary_after_body for o in self.chain(outlet)),
                frozenset(r.qualified_id for r in self.rules_for(outlet) if r.label),
                sum(len(o.datelines) for o in self.chain(outlet)),
                frozenset(r.qualified_id for r in self.rules_for(outlet) if "captions" in r.pattern.groupindex))
        return got

    def timezone_for(self, outlet: Outlet | None) -> str | None:
        """The nearest ``timezone`` along the outlet's ``extends`` chain (None: no outlet or none set)."""
        return next((o.timezone for o in self.chain(outlet) if o.timezone), None)

    def datelines_for(self, outlet: Outlet | None) -> list[regex.Pattern]:
        """The outlet's dateline patterns (its parents' after it), then _common's."""
        return [p for o in self.chain(outlet) for p in o.datelines] + self.common.datelines


