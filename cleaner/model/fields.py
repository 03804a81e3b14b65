"""The metadata fields the text stages fill: one registry for every place that
lists them.

``Doc.set_meta`` (list or single value), the rule loader (which named groups a
pattern may capture), ``core.assemble`` (the record's fields), ``core.metadata``
(what a later cleaning pass may fill) and ``tools.explain`` (what it shows, in
this order) all read :data:`DOC_FIELDS`. The record's own schema is
:class:`cleaner.model.record.Metadata`; a test checks that every field here is
one of its fields. Adding a field a rule may capture: one entry here and one
field on ``Metadata``.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MetaField:
    """One metadata field the text stages fill (``Doc.meta``)."""
    name: str
    is_list: bool = False
    # Position among the named groups a rule pattern may use (None: no rule captures
    # it); the order of the rule loader's error message and the rule-file schema.
    capture: int | None = None


# In the record's order (Metadata, `cleaner explain`).
DOC_FIELDS = (
    MetaField("title", capture=9),
    MetaField("lead", capture=10),
    MetaField("published", capture=11),
    MetaField("page_date"),
    MetaField("authors", is_list=True, capture=1),
    MetaField("editor", capture=2),
    MetaField("dateline", capture=8),
    MetaField("credited_source", capture=3),
    MetaField("section", capture=4),
    MetaField("tags", is_list=True, capture=5),
    MetaField("captions", is_list=True, capture=7),
    MetaField("related", is_list=True, capture=6),
)
DOC_FIELD_NAMES = tuple(f.name for f in DOC_FIELDS)
# Fields holding a list of values: a new value is added, never replaces.
LIST_FIELDS = frozenset(f.name for f in DOC_FIELDS if f.is_list)
# The fields that name people, and what a CMS prints in them when the field is empty
# ("By None", "Editor: null") or hidden ("Penulis: ***", a Riau outlet of AI): no name,
# never recorded (placeholder_name).
PERSON_FIELDS = frozenset({"authors", "editor"})
PLACEHOLDER_NAMES = frozenset({"none", "null", "undefined", "nan", "n/a"})


def placeholder_name(value: str) -> bool:
    """A person field's value that names nobody: a placeholder word or no letter at all."""
    return value.casefold() in PLACEHOLDER_NAMES or not any(ch.isalpha() for ch in value)


# Named groups a rule pattern may capture, each filling the field of its name.
CAPTURE_FIELDS = tuple(f.name for f in sorted((f for f in DOC_FIELDS if f.capture), key=lambda f: f.capture))
# Record fields besides DOC_FIELDS that a later cleaning pass of the body may add to
# (core.metadata.merge_later_pass): the syndication notice, the page's warnings.
LATER_PASS_SCALARS = tuple(f.name for f in DOC_FIELDS if not f.is_list) + ("syndicated_from",)
LATER_PASS_LISTS = tuple(f.name for f in DOC_FIELDS if f.is_list) + ("warnings",)
