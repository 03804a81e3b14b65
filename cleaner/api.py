"""The library: :class:`Cleaner` loads the rules once and cleans texts, files,
pages (text or HTML) and batches; :func:`clean` is the one-call form.

    page -> text (decoded) or HTML (html/: extraction, then the same text path)
         -> core.stages -> core.assemble -> settle (the body cleaned again until
            it comes out unchanged) -> the hygiene fields
"""
from __future__ import annotations

import os

from .core.assemble import assemble, body_paragraphs, dropped_of, finish_record
from .core.metadata import merge_later_pass
from .core.stages import run_stages
from .html import clean_html
from .io.pages import read_page
from .io.sources import Fields, describe, iter_pages, parse_jsonl
from .model.document import Doc
from .model.options import Options
from .model.page import Page, PageError
from .model.record import Record, record_id
from .ruleset.loader import load_ruleset
from .text.encoding import check_bytes, decode
from .text.normalise import page_text
from .text.signals import SignalMemo

__all__ = ["Cleaner", "Options", "PageError", "Record", "clean", "settle"]

# Cleaning is idempotent: the body is cleaned again, as a page of its own, until
# nothing more goes. A second pass sees no header and no dropped lines, so the
# structure stage can decide otherwise (a numbered heading first in the body is
# a headline there; a caption repeat once an ad between the copies is gone).
# Each pass only drops, so this ends; on the dev and sample pages one extra pass
# changes 2 pages in 100 and a third pass nothing.
SETTLE_PASSES = 3


def settle(cleaner: Cleaner, rec: Record, doc: Doc, outlet: str | None) -> Record:
    """Clean the record's body again, exactly as a new call would (same URL and
    options), until it comes out unchanged; what later passes drop is counted
    and listed like any dropped line."""
    for _ in range(SETTLE_PASSES):
        if not rec.text:
            break
        again, opts = cleaner.stages(rec.text, url=doc.url, source=doc.source, outlet=outlet,
                                     warnings=rec.metadata.warnings, memo=doc.memo)
        # The body first: the whole record only when it differs (most pages: it does not).
        if "\n\n".join(body_paragraphs(again)) == rec.text:
            break
        nxt = assemble(again, cleaner.ruleset, opts, finish=False)
        md, new = rec.metadata, nxt.metadata
        merge_later_pass(md, new)
        for cat, n in new.dropped.items():
            md.dropped[cat] = md.dropped.get(cat, 0) + n
        md.dropped = dict(sorted(md.dropped.items()))
        later = dropped_of(again)
        rec.settled = (*rec.settled, *later)
        if md.dropped_lines is not None:
            md.dropped_lines.extend(later)
        rec.lines_dropped += nxt.lines_dropped
        rec.text = nxt.text
    return rec


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
        """The record of one page's text."""
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
               outlet: str | None = None, warnings: list[str] | None = None,
               memo: SignalMemo | None = None) -> tuple[Doc, Options]:
        """:meth:`run_stages`, for the later passes too: ``warnings`` (the page's so
        far) and ``memo`` (the first pass's signal memo) are given by :func:`settle`
        only; a new page gets a new memo."""
        opts = self.options
        if outlet:
            if outlet not in self.ruleset.outlets:
                raise ValueError(f"unknown outlet {outlet!r}")
            opts = Options(**{**opts.__dict__, "outlet": outlet})
        text, repaired = page_text(text)
        doc = Doc(source=source, text=text, url=url, memo=memo if memo is not None else SignalMemo())
        # A later pass over the same page keeps its warnings: a pattern that timed
        # out stays off for the whole page.
        doc.warnings.extend(warnings or ())
        if repaired:
            doc.warnings.append(f"encoding: mojibake repaired on {repaired} line(s) "
                                "(UTF-8 that was read as windows-1252 or latin-1)")
        run_stages(doc, self.ruleset, opts, doc.memo)
        return doc, opts

    def clean_page(self, page: Page) -> Record:
        """The record of a page read from the inputs (text or HTML), with its provenance."""
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
            check_bytes(page.data)
            # The raw bytes: html/ decodes them itself, honouring the declared charset.
            return clean_html(self, page.data, url=page.url, source=page.source)
        text, encoding = decode(page.data)
        if not text.strip():
            raise PageError("empty page (whitespace only)")
        record = self.clean_text(text, url=page.url, source=page.source)
        record.metadata.encoding = encoding
        return record

    def clean_file(self, path: str | os.PathLike, *, url: str | None = None) -> Record:
        """The record of one page file."""
        page = read_page(str(path), self.options.max_bytes)
        page.url = url
        return self.clean_page(page)

    def clean_paths(self, paths: list[str], fields=None):
        """Yield ``(source, record, error)`` for every page, in input order; never raises
        for one bad page. Reads every input the command reads (see io/sources.py)."""
        for page in iter_pages([str(p) for p in paths], self.options.max_bytes):
            record, error = self.try_clean(page, fields)
            yield describe(page), record, error

    def try_clean(self, page: Page, fields=None) -> tuple[Record | None, str | None]:
        """``(record, None)``, or ``(None, reason)`` for a page that cannot be cleaned.
        A raw JSONL line (``page.kind == "jsonl"``) is parsed with ``fields`` first."""
        try:
            if page.kind == "jsonl" and not page.error:
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
