"""Why each line of a page was kept or dropped: the data behind ``cleaner explain``,
and its text and HTML renderings (the page view's markup is tools/report/markup.py's).

The stages mark every line instead of deleting it (``model/document.py``), so an
explanation is the marked document read back: each line's verdict (kept, or
dropped with category and rule id), the spans cut out of kept lines, what the
HTML rules took out before extraction, and each metadata value with the rule
or stage that found it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..api import Cleaner, Options
from ..core.structure.catalogue import RULE_IDS
from ..io.sources import describe, page_of
from ..model.document import Doc
from ..model.fields import DOC_FIELD_NAMES
from ..model.page import Page
from ..model.record import Record
from ..ruleset.detect import host_of
from ..ruleset.detect import outlet_reason as detection_reason
from .report.markup import page_document

# Record fields shown under "metadata", in the record's order (model/fields.py).
META_FIELDS = DOC_FIELD_NAMES


@dataclass
class Cut:
    text: str
    category: str
    rule: str


@dataclass
class LineVerdict:
    n: int                          # 1-based line number in the text the rules saw
    text: str
    verdict: str                    # "keep" | "drop"
    category: str | None = None
    rule: str | None = None
    zone: str = "body"
    cuts: list[Cut] = field(default_factory=list)


@dataclass
class MetaValue:
    field: str
    value: object
    rule: str
    stage: str


@dataclass
class Explanation:
    source: str
    kind: str                       # "text" | "html"
    url: str | None
    outlet: str | None
    outlet_source: str | None       # the rule file
    outlet_reason: str
    lines: list[LineVerdict]
    html_stripped: list[Cut]        # elements the outlet's html rules took out
    metadata: list[MetaValue]
    dropped: dict
    warnings: list[str]
    record: Record = field(repr=False, default=None)

    def to_dict(self) -> dict:
        """The explanation as a plain dict (``--json``), without the record."""
        out = asdict(self)
        out.pop("record")
        return out


class _Recording(Cleaner):
    """A cleaner sharing another's loaded rules that keeps the last marked document."""

    def __init__(self, base: Cleaner):  # noqa: D107 - no rule reload
        self.options = Options(**{**base.options.__dict__, "keep_dropped": True})
        self.ruleset = base.ruleset
        self.doc: Doc | None = None

    def run_stages(self, text, **kw):
        doc, opts = super().run_stages(text, **kw)
        self.doc = doc
        return doc, opts

    def release_lines(self, doc: Doc) -> None:
        """Keep them: explain shows every line."""


def stage_of(rule: str) -> str:
    """The stage that gives a rule id: structure (catalogue.py), html or rules."""
    if rule in RULE_IDS or rule.startswith("structure:"):
        return "structure"
    if rule.startswith("html") or ":html." in rule:
        return "html"
    return "rules"


def outlet_reason(doc: Doc, cleaner: Cleaner, forced: str | None) -> str:
    """How the outlet was detected (ruleset/detect.py, the same code that chose it)."""
    return detection_reason(doc.outlet, doc.url, doc.text, forced)


def explain_page(cleaner: Cleaner, page: Page) -> Explanation:
    """Clean one page and read back every verdict. Raises PageError like ``clean_page``."""
    rec_cleaner = _Recording(cleaner)
    where = describe(page)              # file, file:line (JSONL) or file and WARC record
    page = page_of(page)                # a raw JSONL line: the page it holds
    record = rec_cleaner.clean_page(page)
    doc = rec_cleaner.doc
    # Paragraphs the later passes dropped (api.settle), found by their text.
    settled = {d.text: d for d in record.settled}
    lines, from_doc = [], 0
    for ln in doc.lines:
        cuts = [Cut(*c) for c in ln.cut]
        from_doc += len(cuts) + ln.dropped
        later = None if ln.dropped else settled.get(ln.text)
        category, rule = (later.category, later.rule) if later else (ln.category, ln.rule)
        lines.append(LineVerdict(
            n=ln.idx + 1, text=" ".join(ln.raw.split()), verdict="drop" if ln.dropped or later else "keep",
            category=category, rule=rule, zone=ln.zone, cuts=cuts))
    md = record.metadata
    # dropped_lines: what the HTML rules took out, then this pass's lines, then later passes'.
    listed = md.dropped_lines or []
    stripped = [Cut(d.text, d.category, d.rule) for d in listed[:len(listed) - len(record.settled) - from_doc]]
    meta = []
    for name in META_FIELDS:
        value = getattr(md, name)
        if value in (None, "", []):
            continue
        # A value the text stages did not set came from the page's HTML (meta tags,
        # JSON-LD, elements the outlet's html rules took out).
        mine = doc.meta.get(name)
        same = bool(mine) if isinstance(value, list) else mine == value
        rule = doc.meta_rules[name] if same and name in doc.meta_rules else "html:page-metadata"
        meta.append(MetaValue(name, value, rule, stage_of(rule)))
    if md.site:
        how = "structure:dateline" if not host_of(doc.url) else "url:host"
        meta.append(MetaValue("site", md.site, how, "url" if how == "url:host" else "structure"))
    return Explanation(
        source=where, kind=page.kind, url=record.url, outlet=md.outlet,
        outlet_source=doc.outlet.source if doc.outlet else None,
        outlet_reason=outlet_reason(doc, cleaner, cleaner.options.outlet),
        lines=lines, html_stripped=stripped, metadata=meta, dropped=dict(md.dropped),
        warnings=list(md.warnings), record=record)


# ------------------------------------------------------------------ rendering
def render_html(views: list[dict]) -> str:
    """``--html``: one self-contained page (opens offline) with a page view per
    explanation, given as :meth:`Explanation.to_dict` (the same data as ``--json``)."""
    return page_document(views)



COLOURS = {"keep": "32", "drop": "31", "cut": "33", "dim": "2", "head": "1"}


def render(ex: Explanation, colour: bool = False) -> str:
    """The explanation as text lines (ANSI colours when ``colour``)."""
    def c(kind: str, text: str) -> str:
        return f"\x1b[{COLOURS[kind]}m{text}\x1b[0m" if colour and text else text

    rules = [ln.rule or "" for ln in ex.lines] + [x.rule for ln in ex.lines for x in ln.cuts] \
        + [x.rule for x in ex.html_stripped]
    rw = min(max((len(r) for r in rules), default=4), 40)
    out = [c("head", ex.source) + (f"  ({ex.kind}, {ex.url})" if ex.url else f"  ({ex.kind})")]
    where = f"; {ex.outlet_source}" if ex.outlet_source else ""
    out.append(f"outlet: {ex.outlet or 'none'} ({ex.outlet_reason}{where})")
    if ex.html_stripped:
        out.append("taken out of the HTML before extraction:")
        for x in ex.html_stripped:
            out.append(f"     {c('drop', 'drop')} {x.category:<14} {x.rule:<{rw}} | {c('dim', x.text)}")
    out.append("lines:")
    for ln in ex.lines:
        if ln.verdict == "keep":
            out.append(f"{ln.n:>4} {c('keep', 'keep')} {'':<14} {'':<{rw}} | {ln.text}")
        else:
            out.append(f"{ln.n:>4} {c('drop', 'drop')} {ln.category:<14} {ln.rule:<{rw}} | "
                       f"{c('dim', ln.text)}")
        for x in ln.cuts:
            out.append(f"     {c('cut', 'cut ')} {x.category:<14} {x.rule:<{rw}} | {c('dim', x.text)}")
    out.append("metadata:")
    width = max((len(m.field) for m in ex.metadata), default=0)
    for m in ex.metadata:
        value = "; ".join(m.value) if isinstance(m.value, list) else str(m.value)
        out.append(f"  {m.field:<{width}}  {value}  {c('dim', '<- ' + m.rule)}")
    if not ex.metadata:
        out.append("  (none found)")
    cats = ", ".join(f"{k} {v}" for k, v in sorted(ex.dropped.items(), key=lambda kv: (-kv[1], kv[0])))
    kept = sum(ln.verdict == "keep" for ln in ex.lines)
    out.append(f"kept {kept} of {len(ex.lines)} lines; dropped: {cats or 'none'}")
    for w in ex.warnings:
        out.append(f"warning: {w}")
    return "\n".join(out)
