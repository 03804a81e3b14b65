"""The cleaning stages, one screen: each stage is a plain function of the document.

    detect outlet -> segment -> mark by rules -> structure -> zone rules -> metadata

:data:`STAGES` lists them in order; :func:`run_stages` runs them on one text
(``cleaner.api.Cleaner`` reads the page before and assembles the record after).
Adding a stage: a function ``(doc, rs, opts) -> None`` here, placed in ``STAGES``.
"""
from __future__ import annotations

from ..model.document import Doc, Line
from ..ruleset.detect import detected_outlet
from ..ruleset.model import RuleSet
from ..text.rewrap import may_be_wrapped, wrapped_runs
from ..text.signals import SignalMemo
from .marking import apply_rules, guarded
from .metadata import collect_metadata
from .structure import run_passes
from .structure.shapes import EXTRACTION_PREFIX


def detect_outlet(doc: Doc, rs: RuleSet, opts) -> None:
    """The outlet whose rules the page gets (ruleset/detect.py)."""
    doc.outlet = detected_outlet(rs, doc.url, doc.text, opts.outlet)


def segment(doc: Doc, rs: RuleSet, opts) -> None:
    """One Line per non-blank line of the text, its spaces folded. An extraction tool's
    " date 2019-06 " glued before the first line is cut off it here, before any rule or
    structure step reads the line ("date 2021-11 Laporan Reporter POS-KUPANG.COM, Name" is a
    byline, "date 2024-04 Iklan" an ad label: unseen Pos Kupang and Tempo pages of R); its
    date is the metadata stage's (doc.prefix_date)."""
    lines = doc.lines
    raws = doc.text.splitlines()
    heads = None
    if not doc.extracted and may_be_wrapped(doc.text):
        heads = wrapped_runs([" ".join(raw.split()) or None for raw in raws])
    for i, raw in enumerate(raws):
        text = " ".join(raw.split())
        if not text:
            continue
        if heads is not None and heads[i] != i:
            last = lines[-1]         # the rest of a hard-wrapped paragraph (text/rewrap.py)
            last.raw, last.text = f"{last.raw}\n{raw}", f"{last.text} {text}"
            doc.joined += 1
        else:
            lines.append(Line(len(lines), raw, text))
    if lines and lines[0].text.startswith("date "):
        first = lines[0]
        m = EXTRACTION_PREFIX.match(first.text)
        if m is not None:
            doc.prefix_date = m.group(1)
            first.cut += ((m.group(0).strip(), "date", "structure:extraction-prefix"),)
            first.text = first.text[m.end():]


# The zones of the rules each marking stage applies (RuleSet.dispatch keys).
ANY_ZONE, KNOWN_ZONES = ("any",), ("header", "body", "tail")


def mark_rules(doc: Doc, rs: RuleSet, opts) -> None:
    """The outlet's rules, then _common's, whose zone is ``any``."""
    apply_rules(doc, rs.dispatch(doc.outlet, ANY_ZONE))


def find_structure(doc: Doc, rs: RuleSet, opts) -> None:
    """Header, body and tail (core/structure/); the headline, standfirst and dateline found."""
    inputs = rs.structure_inputs(doc.outlet)
    page = run_passes(doc, inputs, guarded(doc, inputs.datelines, "datelines"),
                      guarded(doc, inputs.body_start, "body_start"))
    doc.title_idx, doc.lead_idx, doc.dateline_idx = page.title_idx, page.lead_idx, page.dateline_idx
    doc.writer_credit = page.writer_credit


def mark_zone_rules(doc: Doc, rs: RuleSet, opts) -> None:
    """Rules that apply only in the header, body or tail, now that the zones are known."""
    apply_rules(doc, rs.dispatch(doc.outlet, KNOWN_ZONES))


STAGES = (detect_outlet, segment, mark_rules, find_structure, mark_zone_rules, collect_metadata)


def prepare(rs: RuleSet) -> None:
    """Build now what the stages build on first use, for every outlet and for none: the
    rule dispatches, the structure inputs, outlet detection's index. The command's
    forkserver does it once (run/pool.py, warm_up), so each worker shares them instead
    of building them itself (~0.2 s a worker)."""
    for outlet in (None, *rs.outlets.values()):
        rs.dispatch(outlet, ANY_ZONE)
        rs.dispatch(outlet, KNOWN_ZONES)
        rs.structure_inputs(outlet)
    detected_outlet(rs, None, "")


def run_stages(doc: Doc, rs: RuleSet, opts, memo: SignalMemo) -> Doc:
    """Every stage on the document, the line signals answering from ``memo``."""
    with memo.active():
        for stage in STAGES:
            stage(doc, rs, opts)
    return doc
