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
from .io.sources import Fields, describe, iter_pages, page_of
from .model.document import Doc
from .model.options import HTML_ENGINES, Options
from .model.page import Page, PageError
from .model.record import Record, record_id
from .ruleset.loader import load_ruleset
from .text.encoding import check_bytes, decode_page
from .text.normalise import line_count, page_text
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
                                     warnings=rec.metadata.warnings, memo=doc.memo, extracted=doc.extracted)
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
        del again, nxt          # one pass's document at a time (a page of many lines)
    return rec


class Cleaner:
    """Loads the rules once; cleans texts, files and whole batches.

    >>> Cleaner().clean_text("...", url="https://www.tribunnews.com/...")  # doctest: +SKIP
    """

    def __init__(self, rules_dirs: list[str | os.PathLike] | None = None, *,
                 options: Options | None = None, **kwargs):
        self.options = options or Options(**kwargs)
        for name in ("max_bytes", "max_lines"):
            value = getattr(self.options, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number >= 1, not {value!r}")
        if rules_dirs:
            self.options.rules_dirs = [str(d) for d in rules_dirs]
        if self.options.html_engine not in HTML_ENGINES:
            raise ValueError(f"unknown html engine {self.options.html_engine!r}; known: {', '.join(HTML_ENGINES)}")
        self.ruleset = load_ruleset(self.options.rules_dirs)
        if self.options.outlet and self.options.outlet not in self.ruleset.outlets:
            raise ValueError(f"unknown outlet {self.options.outlet!r}; known: "
                             f"{', '.join(sorted(self.ruleset.outlets))}")

    def clean_text(self, text: str | bytes, *, url: str | None = None, source: str | None = None,
                   outlet: str | None = None, extracted: bool = False) -> Record:
        """The record of one page's text (bytes: decoded as the command decodes a page file).
        ``extracted``: the text is an extractor's main content (the HTML path), not a
        page's dump: it is not searched for the article (core/structure/page.py)."""
        return self._clean_decoded(page_input(text, "Cleaner.clean_text"), url=url, source=source,
                                   outlet=outlet, extracted=extracted)

    def _clean_decoded(self, decoded: tuple[str, str | None, list[str]], **kwargs) -> Record:
        text, encoding, warnings = decoded
        record = self._clean_str(text, **kwargs)
        if encoding is not None:
            record.metadata.encoding = encoding
            record.metadata.warnings += warnings
        return record

    def _clean_str(self, text: str, *, url: str | None = None, source: str | None = None,
                   outlet: str | None = None, extracted: bool = False) -> Record:
        doc, opts = self.run_stages(text, url=url, source=source, outlet=outlet, extracted=extracted)
        if not doc.lines:
            raise PageError("no text on the page")
        rec = assemble(doc, self.ruleset, opts, finish=False)
        self.release_lines(doc)
        return finish_record(settle(self, rec, doc, outlet))

    def release_lines(self, doc: Doc) -> None:
        """The record is assembled: the page's lines go before the later passes over its
        body (half the memory of a page of many lines); settle reads the page's URL,
        source and memo only. ``cleaner explain`` keeps them."""
        doc.lines = []

    def run_stages(self, text: str, *, url: str | None = None, source: str | None = None,
                   outlet: str | None = None, extracted: bool = False) -> tuple[Doc, Options]:
        """Every stage on one text; the marked document (``cleaner explain`` reads it).
        A page of more than ``max_lines`` lines is a PageError, found before any copy of
        it or list of its lines is made (the later passes of :func:`settle` read the
        body, blank lines between its paragraphs: not counted again)."""
        lines = line_count(text)
        if lines > self.options.max_lines:
            raise PageError(f"page has {lines} lines, over the limit of {self.options.max_lines} (--max-lines)")
        return self.stages(text, url=url, source=source, outlet=outlet, extracted=extracted)

    def stages(self, text: str, *, url: str | None = None, source: str | None = None,
               outlet: str | None = None, warnings: list[str] | None = None,
               memo: SignalMemo | None = None, extracted: bool = False) -> tuple[Doc, Options]:
        """:meth:`run_stages`, for the later passes too: ``warnings`` (the page's so
        far) and ``memo`` (the first pass's signal memo) are given by :func:`settle`
        only; a new page gets a new memo."""
        opts = self.options
        if outlet:
            if outlet not in self.ruleset.outlets:
                raise ValueError(f"unknown outlet {outlet!r}")
            opts = Options(**{**opts.__dict__, "outlet": outlet})
        text, repaired = page_text(text)
        doc = Doc(source=source, text=text, url=url, memo=memo if memo is not None else SignalMemo(),
                  extracted=extracted)
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
        decoded = decode_page(page.data)
        if not decoded[0].strip():
            raise PageError("empty page (whitespace only)")
        return self._clean_decoded(decoded, url=page.url, source=page.source)

    def clean_file(self, path: str | os.PathLike, *, url: str | None = None,
                   fields: Fields | None = None) -> Record:
        """The record of the one page a file holds, read as the command reads it
        (io/sources.py): a page file, plain or ``.gz``/``.zst``, or a JSONL or WARC
        file of one page. Raises PageError for a page that cannot be cleaned (a file
        that is not there included) and ValueError for a file of several pages
        (:meth:`clean_paths` reads those)."""
        pages = iter_pages([str(path)], self.options.max_bytes, url=url)
        page = next(pages, None)
        if page is None:
            raise PageError("no page in the file")
        if next(pages, None) is not None:
            raise ValueError(f"{path} holds more than one page: use Cleaner.clean_paths")
        page = page_of(page, fields)
        if url:
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
            return self.clean_page(page_of(page, fields)), None
        except Exception as exc:  # noqa: BLE001 - one bad page never stops a batch
            return None, failure_reason(exc)


def failure_reason(exc: Exception) -> str:
    """The one-line reason a page failed, as the run reports it."""
    if isinstance(exc, PageError):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "page too deeply nested"
    return f"internal error: {type(exc).__name__}: {exc}"


_DEFAULT: Cleaner | None = None


def clean(text: str | bytes, *, url: str | None = None, outlet: str | None = None) -> Record:
    """Clean one page's text with the built-in rules (loaded once per process); bytes
    are decoded as the command decodes a page file."""
    global _DEFAULT
    decoded = page_input(text, "clean")
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT._clean_decoded(decoded, url=url, outlet=outlet)


def page_input(page, caller: str) -> tuple[str, str | None, list[str]]:
    """(text, encoding, warnings) of a page given to the library: a str as it is (no
    encoding), bytes decoded as the command decodes a page file (text/encoding.py);
    anything else a TypeError naming ``caller``."""
    if isinstance(page, str):
        return page, None, []
    if isinstance(page, (bytes, bytearray, memoryview)):
        return decode_page(bytes(page))
    hint = f"; for a file, Cleaner().clean_file({page!r})" if isinstance(page, os.PathLike) else ""
    raise TypeError(f"{caller}() takes the page's text as str (or its bytes), not {type(page).__name__}{hint}")
