"""The cleaning pipeline, one screen: each stage is a plain function of the document.

    read -> detect outlet -> segment -> mark by rules -> structure -> zone rules
         -> metadata -> assemble record

``STAGES`` lists them in order; :class:`Cleaner` runs them.
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import regex

from . import __version__, dates, hygiene, provenance, signals
from .document import Doc, Line
from .marking import apply_rules, guarded
from .matcher import may_match
from .readers import (
    DEFAULT_MAX_BYTES,
    Page,
    PageError,
    check_bytes,
    decode,
    read_page,
    repair_mojibake,
)
from .record import DroppedLine, Metadata, Record, record_id
from .ruleset import RuleSet, load_ruleset
from .structure import DOMAIN, EXTRACTION_PREFIX, Structure, match_dateline, strip_prefix

# Invisible characters that scraped text carries and that would stop patterns;
# direction marks and embeddings (U+200E/F, U+202A-E, U+2066-9) are invisible too.
_INVISIBLE_CHARS = tuple("\u200b\u200c\u200d\u2060\ufeff\u00ad"
                         "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# NEL and the Unicode line and paragraph separators end lines (str.splitlines).
_LINE_ENDS = ("\x85", "\u2028", "\u2029")
# C0 and C1 controls but tab and line ends (NEL, U+0085, is a line end to splitlines()).
CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Lone surrogates (a str from a careless caller) cannot be written as UTF-8.
SURROGATE = regex.compile(r"[\ud800-\udfff]")


@dataclass
class Options:
    """Everything a run can be told; the CLI and the library share it."""
    keep_dropped: bool = False
    outlet: str | None = None           # force one outlet id
    rules_dirs: list[str] = field(default_factory=list)
    max_bytes: int = DEFAULT_MAX_BYTES


# ------------------------------------------------------------------ stages
def detect_outlet(doc: Doc, rs: RuleSet, opts: Options) -> None:
    if opts.outlet:
        doc.outlet = rs.outlets.get(opts.outlet)
        return
    host = _host(doc.url)
    if host:
        for outlet in rs.outlets.values():
            if any(host == h or host.endswith("." + h) for h in outlet.hosts):
                doc.outlet = outlet
                return
        for outlet in rs.outlets.values():
            if any(_safe_search(p, doc.url) for p in outlet.url_patterns):
                doc.outlet = outlet
                return
    # No URL (or an unknown host): the text's own markers, the strongest wins.
    head_tail = doc.text[:3000] + "\n" + doc.text[-3000:]
    best, best_hits = None, 0
    for outlet in rs.outlets.values():
        hits = sum(1 for p in outlet.text_markers
                   if may_match(p, head_tail, can_fold=False) and _safe_search(p, head_tail))
        if hits > best_hits:
            best, best_hits = outlet, hits
    doc.outlet = best


def segment(doc: Doc, rs: RuleSet, opts: Options) -> None:
    lines = doc.lines
    for raw in doc.text.splitlines():
        text = " ".join(raw.split())
        if text:
            lines.append(Line(len(lines), raw, text))


def mark_rules(doc: Doc, rs: RuleSet, opts: Options) -> None:
    apply_rules(doc, rs.dispatch(doc.outlet, ("any",)))


def find_structure(doc: Doc, rs: RuleSet, opts: Options) -> None:
    datelines, end_rules, body_start, header_caption, summary_after, label_rules = \
        rs.structure_inputs(doc.outlet)
    st = Structure(doc, guarded(doc, datelines, "datelines"), end_rules,
                   guarded(doc, body_start, "body_start"), header_caption=header_caption,
                   summary_after_body=summary_after, label_rules=label_rules)
    st.run()
    doc.title_idx, doc.lead_idx, doc.dateline_idx = st.title_idx, st.lead_idx, st.dateline_idx


def mark_zone_rules(doc: Doc, rs: RuleSet, opts: Options) -> None:
    apply_rules(doc, rs.dispatch(doc.outlet, ("header", "body", "tail")))


def collect_metadata(doc: Doc, rs: RuleSet, opts: Options) -> None:
    lines = doc.lines
    title_idx, lead_idx, dateline_idx = doc.title_idx, doc.lead_idx, doc.dateline_idx
    tz = next((o.timezone for o in rs.chain(doc.outlet) if o.timezone), None)
    if title_idx is not None:
        doc.set_meta("title", lines[title_idx].text, "structure:title")
    if lead_idx is not None:
        lead = strip_prefix(lines[lead_idx].text)[0]
        doc.set_meta("lead", lead, "structure:lead")
    # Dates: a date line above the headline without a time is the site bar's
    # "today" (Tribun, PRMN platform sites); the article's own date comes with
    # the headline block or the byline. Dates inside the story are never used.
    for i, line in enumerate(lines):
        is_date = line.category == "date"
        if not is_date and (line.category not in ("byline", "editor") or line.zone == "body"):
            continue
        found = dates.find_date(line.text, default_tz=tz)
        if found is None:
            continue
        doc.set_meta("page_date" if is_date and _site_bar_date(lines, i, title_idx, found) else "published",
                     found.value, line.rule)
    first = next((ln for ln in lines if not ln.dropped), None)
    if first is not None:
        m = EXTRACTION_PREFIX.match(first.text)
        if m:
            doc.set_meta("published", m.group(1), "structure:extraction-prefix")
            first.cut.append((m.group(0).strip(), "date", "structure:extraction-prefix"))
            first.text = first.text[m.end():]
    if dateline_idx is not None and first is lines[dateline_idx]:
        dl = match_dateline(first.text, guarded(doc, rs.datelines_for(doc.outlet), "datelines"))
        doc.set_meta("dateline", dl.rstrip(), "structure:dateline")
    doc.site = _host(doc.url) or _site_from_dateline(doc.meta.get("dateline"))
    caps = [ln.text for ln in lines if ln.category == "caption"]
    caps += [c[0] for ln in lines for c in ln.cut if c[1] == "caption"]
    # A caption printed twice keeps its longer copy (the one with the credit).
    caps = [c for c in caps if not any(o != c and o.startswith(c.rstrip(" .")) for o in caps)]
    doc.set_meta("captions", caps, "structure:caption")


STAGES = (detect_outlet, segment, mark_rules, find_structure, mark_zone_rules, collect_metadata)


# ------------------------------------------------------------------ helpers
def _site_bar_date(lines: list[Line], i: int, title_idx: int | None, found) -> bool:
    """A date without a time above the headline (or first, above a section label)."""
    if found.has_time:
        return False
    if title_idx is not None:
        return i < title_idx
    return i == 0 and dates.is_date_line(lines[0].text) and len(lines) > 1 \
        and lines[1].category in ("section", "title")


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    for prefix in ("www.", "m.", "amp."):
        host = host.removeprefix(prefix)
    return host or None


def _site_from_dateline(dateline: str | None) -> str | None:
    m = DOMAIN.search(dateline or "")
    return m.group(0).lower().removeprefix("www.") if m else None


def _safe_search(pattern, text: str) -> bool:
    try:
        return pattern.search(text, timeout=0.25) is not None
    except TimeoutError:
        return False


def printable_path(path: str | None) -> str | None:
    """A file name that is not valid UTF-8 (its bytes kept by Python as lone
    surrogates) with those bytes written as \\xNN: JSON and UTF-8 can carry it."""
    if path is None or not SURROGATE.search(path):
        return path
    return SURROGATE.sub(lambda m: f"\\x{ord(m[0]) - 0xDC00:02x}" if "\udc80" <= m[0] <= "\udcff"
                         else f"\\u{ord(m[0]):04x}", path)


def prepare_text(text: str) -> str:
    """Line ends, invisible characters and controls that scraping leaves behind."""
    # (str.translate is slow on non-ASCII text: each character is deleted by replace,
    # and only when present; ASCII text has none and is already NFC)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    ascii_only = text.isascii()
    if not ascii_only:
        for char in _INVISIBLE_CHARS:
            if char in text:
                text = text.replace(char, "")
        for char in _LINE_ENDS:     # line ends to str.splitlines(): "\n" from here on
            if char in text:
                text = text.replace(char, "\n")
    if CONTROL.search(text):
        text = CONTROL.sub(" ", text)
    if ascii_only:
        return text
    if SURROGATE.search(text):
        text = SURROGATE.sub("\ufffd", text)
    return unicodedata.normalize("NFC", text)


def normalise_input(text: str) -> tuple[str, int]:
    """Mojibake repaired, then line ends, invisible characters and controls
    (:func:`prepare_text`), repeated until stable: a control character inside a
    mojibake pair blocks its repair until it is gone, and a second cleaning must
    find nothing left to repair. Returns the text and the lines repaired."""
    total = 0
    for _ in range(3):
        fixed, repaired = repair_mojibake(text)
        fixed = prepare_text(fixed)
        total += repaired
        if fixed == text:
            break
        text = fixed
    return text, total


def assemble(doc: Doc, rs: RuleSet, opts: Options, *, finish: bool = True) -> Record:
    """The record of a marked document. ``finish=False`` leaves the hygiene fields
    (computed from the final body) for :func:`finish_record`."""
    dropped_lines = _dropped_of(doc)
    dropped: dict[str, int] = {}
    for d in dropped_lines:
        dropped[d.category] = dropped.get(d.category, 0) + 1
    body, pending = [], None
    for line in doc.lines:
        if line.dropped:
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
    m = doc.meta
    md = Metadata(
        source_path=printable_path(doc.source), outlet=doc.outlet.id if doc.outlet else None, site=doc.site,
        title=m.get("title"), lead=m.get("lead"), published=m.get("published"),
        page_date=m.get("page_date"), authors=m.get("authors", []), editor=m.get("editor"),
        dateline=m.get("dateline"), credited_source=m.get("credited_source"),
        section=m.get("section"), tags=m.get("tags", []), captions=m.get("captions", []),
        related=m.get("related", []), dropped=dict(sorted(dropped.items())),
        warnings=list(doc.warnings), rules_version=rs.version, cleaner_version=__version__,
        dropped_lines=dropped_lines if opts.keep_dropped else None,
        syndicated_from=provenance.find_notice([d.text for d in dropped_lines]),
    )
    rec = Record(id=record_id(doc.url, doc.source), text="\n\n".join(body), url=doc.url, metadata=md)
    rec.lines_read = len(doc.lines)
    rec.lines_dropped = sum(1 for ln in doc.lines if ln.dropped)
    if finish:
        finish_record(rec)
    return rec


def finish_record(rec: Record) -> Record:
    body = rec.text.split("\n\n") if rec.text else []
    hygiene.fill(rec.metadata, body, rec.lines_read, rec.lines_dropped)
    return rec


# Cleaning is idempotent: the body is cleaned again, as a page of its own, until
# nothing more goes. A second pass sees no header and no dropped lines, so the
# structure stage can decide otherwise (a numbered heading first in the body is
# a headline there; a caption repeat once an ad between the copies is gone).
# Each pass only drops, so this ends; on the dev and sample pages one extra pass
# changes 2 pages in 100 and a third pass nothing.
SETTLE_PASSES = 3
MERGED_FIELDS = ("title", "lead", "published", "page_date", "editor", "dateline", "credited_source",
                 "section", "syndicated_from")
MERGED_LISTS = ("authors", "tags", "captions", "related", "warnings")


def _dropped_of(doc: Doc) -> list[DroppedLine]:
    out = []
    for line in doc.lines:
        out.extend(DroppedLine(*cut) for cut in line.cut)
        if line.dropped:
            out.append(DroppedLine(line.text, line.category, line.rule))
    return out


def settle(cleaner: Cleaner, rec: Record, doc: Doc, outlet: str | None) -> Record:
    """Clean the record's body again, exactly as a new call would (same URL and
    options), until it comes out unchanged; what later passes drop is counted
    and listed like any dropped line."""
    for _ in range(SETTLE_PASSES):
        if not rec.text:
            break
        again, opts = cleaner.stages(rec.text, url=doc.url, source=doc.source, outlet=outlet,
                                         warnings=rec.metadata.warnings)
        nxt = assemble(again, cleaner.ruleset, opts, finish=False)
        if nxt.text == rec.text:
            break
        md, new = rec.metadata, nxt.metadata
        for name in MERGED_FIELDS:
            if getattr(md, name) in (None, "") and getattr(new, name) not in (None, ""):
                setattr(md, name, getattr(new, name))
        for name in MERGED_LISTS:
            have = getattr(md, name)
            have.extend(v for v in getattr(new, name) if v not in have)
        for cat, n in new.dropped.items():
            md.dropped[cat] = md.dropped.get(cat, 0) + n
        md.dropped = dict(sorted(md.dropped.items()))
        later = _dropped_of(again)
        rec.settled = (*rec.settled, *later)
        if md.dropped_lines is not None:
            md.dropped_lines.extend(later)
        rec.lines_dropped += nxt.lines_dropped
        rec.text = nxt.text
    return rec


# ------------------------------------------------------------------ API
class Cleaner:
    """Loads the rules once; cleans texts, files and whole batches.

    >>> Cleaner().clean_text("...", url="https://www.tribunnews.com/...")  # doctest: +SKIP
    """

    def __init__(self, rules_dirs: list[str | os.PathLike] | None = None, *,
                 options: Options | None = None, **kwargs):
        self.options = options or Options(**kwargs)
        if rules_dirs:
            self.options.rules_dirs = [str(d) for d in rules_dirs]
        self.ruleset = load_ruleset(self.options.rules_dirs)
        if self.options.outlet and self.options.outlet not in self.ruleset.outlets:
            raise ValueError(f"unknown outlet {self.options.outlet!r}; known: "
                             f"{', '.join(sorted(self.ruleset.outlets))}")

    def clean_text(self, text: str, *, url: str | None = None, source: str | None = None,
                   outlet: str | None = None) -> Record:
        doc, opts = self.run_stages(text, url=url, source=source, outlet=outlet)
        if not doc.lines:
            raise PageError("no text on the page")
        rec = assemble(doc, self.ruleset, opts, finish=False)
        return finish_record(settle(self, rec, doc, outlet))

    def run_stages(self, text: str, *, url: str | None = None, source: str | None = None,
                   outlet: str | None = None) -> tuple[Doc, Options]:
        """Every stage on one text; the marked document (``cleaner explain`` reads it)."""
        return self.stages(text, url=url, source=source, outlet=outlet)

    def stages(self, text: str, *, url: str | None = None, source: str | None = None,
               outlet: str | None = None, warnings: list[str] | None = None) -> tuple[Doc, Options]:
        """:meth:`run_stages`, for the later passes too (``warnings``: the page's so
        far, given by pipeline.settle only)."""
        opts = self.options
        if outlet:
            if outlet not in self.ruleset.outlets:
                raise ValueError(f"unknown outlet {outlet!r}")
            opts = Options(**{**opts.__dict__, "outlet": outlet})
        text, repaired = normalise_input(text)
        doc = Doc(source=source, text=text, url=url)
        if warnings is None:
            # A new page: the signal memos forget the last one. A later pass over the
            # same page (settle) keeps them.
            signals.new_document()
        # A later pass over the same page keeps its warnings: a pattern that timed
        # out stays off for the whole page.
        doc.warnings.extend(warnings or ())
        if repaired:
            doc.warnings.append(f"encoding: mojibake repaired on {repaired} line(s) "
                                "(UTF-8 that was read as windows-1252 or latin-1)")
        for stage in STAGES:
            stage(doc, self.ruleset, opts)
        return doc, opts

    def clean_page(self, page: Page) -> Record:
        record = self._clean_page(page)
        md = record.metadata
        md.source_line, md.warc_record_id = page.line, page.warc_record_id
        if page.line is not None and not record.url:   # one id per JSONL line, not per file
            record.id = record_id(None, f"{page.source}:{page.line}")
        return record

    def _clean_page(self, page: Page) -> Record:
        if page.error:
            raise PageError(page.error)
        if page.kind == "html":
            from .html import clean_html
            check_bytes(page.data)
            # The raw bytes: html.py decodes them itself, honouring the declared charset.
            return clean_html(self, page.data, url=page.url, source=page.source)
        text, encoding = decode(page.data)
        if not text.strip():
            raise PageError("empty page (whitespace only)")
        record = self.clean_text(text, url=page.url, source=page.source)
        record.metadata.encoding = encoding
        return record

    def clean_file(self, path: str | os.PathLike, *, url: str | None = None) -> Record:
        page = read_page(str(path), self.options.max_bytes)
        page.url = url
        return self.clean_page(page)

    def clean_paths(self, paths: list[str], fields=None):
        """Yield ``(source, record, error)`` for every page, in input order; never raises
        for one bad page. Reads every input the command reads (see sources.py)."""
        from .sources import describe, iter_pages
        for page in iter_pages([str(p) for p in paths], self.options.max_bytes):
            record, error = self.try_clean(page, fields)
            yield describe(page), record, error

    def try_clean(self, page: Page, fields=None) -> tuple[Record | None, str | None]:
        """``(record, None)``, or ``(None, reason)`` for a page that cannot be cleaned.
        A raw JSONL line (``page.kind == "jsonl"``) is parsed with ``fields`` first."""
        try:
            if page.kind == "jsonl" and not page.error:
                from .sources import Fields, parse_jsonl
                page = parse_jsonl(page, fields or Fields())
            return self.clean_page(page), None
        except PageError as exc:
            return None, str(exc)
        except RecursionError:
            return None, "page too deeply nested"
        except Exception as exc:  # noqa: BLE001 - one bad page never stops a batch
            return None, f"internal error: {type(exc).__name__}: {exc}"


_DEFAULT: Cleaner | None = None


def clean(text: str, *, url: str | None = None, outlet: str | None = None) -> Record:
    """Clean one page's text with the built-in rules (loaded once per process)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT.clean_text(text, url=url, outlet=outlet)
