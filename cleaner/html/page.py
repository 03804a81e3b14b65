"""HTML pages -> Record: the HTML is only a better way into the same text path.

    decode -> parse -> page metadata -> outlet (from the page's URLs)
      -> select the body, take out what the outlet's ``html:`` rules name
      -> the engine's extraction -> one paragraph per line
      -> cleaner.clean_text (the same rules as text dumps) -> fill metadata gaps
         (core.metadata.fill_html_gaps)

Two engines (``Options.html_engine``): "fast" parses with lexbor and extracts with
resiliparse (fast.py), "trafilatura" parses with libxml2 and extracts with
trafilatura (classic.py); ``metadata.html_engine`` names the one that cleaned the page.
``clean_html`` takes the :class:`cleaner.api.Cleaner` as an argument: the api
imports this package, never the other way round.
"""
from __future__ import annotations

from ..model.page import PageError
from ..model.record import Record
from .classic import clean_trafilatura
from .decode import ATTRIBUTES_CUT, cap_attributes, decode_html_page
from .fast import clean_fast

ENGINES = {"fast": clean_fast, "trafilatura": clean_trafilatura}


def clean_html(cleaner, html: str | bytes, *, url: str | None = None, source: str | None = None) -> Record:
    """One HTML page (bytes: decoded here, honouring its declared charset; a UTF-8 page
    with a few bad bytes stays UTF-8, with a warning), with the engine the cleaner's
    options name."""
    text, encoding, warnings = decode_html_page(html) if isinstance(html, bytes) else (html, None, [])
    text, cut = cap_attributes(text)        # for both engines: libxml2 is quadratic in them
    if cut:
        warnings.append(ATTRIBUTES_CUT)
    try:
        record = ENGINES[cleaner.options.html_engine](cleaner, text, url, source)
    except RecursionError:
        raise PageError("page too deeply nested to extract (RecursionError)") from None
    record.metadata.encoding = encoding
    record.metadata.warnings += warnings
    return record
