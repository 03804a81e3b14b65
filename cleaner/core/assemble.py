"""The record of a marked document: body paragraphs from the kept lines, metadata
from ``doc.meta``, every dropped line and span listed."""
from __future__ import annotations

from .._version import __version__
from ..model.document import Doc
from ..model.fields import DOC_FIELDS
from ..model.record import DroppedLine, Metadata, Record, record_id
from ..ruleset.model import RuleSet
from ..text import hygiene, provenance
from ..text.normalise import printable_path


def dropped_of(doc: Doc) -> list[DroppedLine]:
    """Every span cut and line dropped, in page order (a line's spans before the line)."""
    out = []
    for line in doc.lines:
        out.extend(DroppedLine(*cut) for cut in line.cut)
        if line.category is not None:
            out.append(DroppedLine(line.text, line.category, line.rule))
    return out


def body_paragraphs(doc: Doc) -> list[str]:
    """The kept lines; a dateline alone on its line opens the first paragraph."""
    body, pending = [], None
    for line in doc.lines:
        if line.category is not None:
            continue
        if pending is not None:
            body.append(f"{pending} {line.text}")
            pending = None
        elif doc.meta.get("dateline") and not body and line.text == doc.meta["dateline"]:
            pending = line.text      # a dateline alone on its line opens the first paragraph
        else:
            body.append(line.text)
    if pending is not None:
        body.append(pending)
    return body


def assemble(doc: Doc, rs: RuleSet, opts, *, finish: bool = True) -> Record:
    """The record of a marked document. ``finish=False`` leaves the hygiene fields
    (computed from the final body) for :func:`finish_record`."""
    dropped_lines = dropped_of(doc)
    dropped: dict[str, int] = {}
    for d in dropped_lines:
        dropped[d.category] = dropped.get(d.category, 0) + 1
    body = body_paragraphs(doc)
    m = doc.meta
    fields = {f.name: m.get(f.name, []) if f.is_list else m.get(f.name) for f in DOC_FIELDS}
    md = Metadata(
        source_path=printable_path(doc.source), outlet=doc.outlet.id if doc.outlet else None,
        site=printable_path(doc.site),
        **fields, dropped=dict(sorted(dropped.items())),
        warnings=list(doc.warnings), rules_version=rs.version, cleaner_version=__version__,
        dropped_lines=dropped_lines if opts.keep_dropped else None,
        syndicated_from=provenance.find_notice([d.text for d in dropped_lines]),
    )
    # A URL from a library caller or a JSONL line may hold lone surrogates: escaped as
    # in source_path, so the record stays valid UTF-8 (the id is of the URL as given).
    rec = Record(id=record_id(doc.url, doc.source), text="\n\n".join(body), url=printable_path(doc.url),
                 metadata=md)
    # input lines: a hard-wrapped paragraph's Line holds several (text/rewrap.py)
    rec.lines_read = len(doc.lines) + doc.joined
    rec.lines_dropped = sum(ln.raw.count("\n") + 1 for ln in doc.lines if ln.category is not None)
    if finish:
        finish_record(rec)
    return rec


def finish_record(rec: Record) -> Record:
    """The hygiene fields (hash, counts, language) from the record's final body."""
    body = rec.text.split("\n\n") if rec.text else []
    hygiene.fill(rec.metadata, body, rec.lines_read, rec.lines_dropped)
    return rec
