"""Syndication notices: where a republished article first appeared.

Networks print one line at the end of a copied story, in a few shapes:

    Artikel ini telah tayang di Tribunnews.com dengan judul Media Malaysia Ingatkan ...
    Artikel ini telah tayang di TribunJatim.com dengan judul "X", https://jatim.tribunnews.com/...
    Artikel ini telah tayang di Kompas.com dengan judul "X". Klik untuk baca: https://...
    Berita ini sudah terbit di Serambinews.com dengan judul: X
    Diolah dari berita tayang di Kompas.com
    Baca artikel detikjatim, "X" selengkapnya https://www.detik.com/jatim/...

The URL is on the notice line or on the next line ("Klik untuk baca: URL",
"Baca selengkapnya: URL", or the bare URL). The rules drop these lines
(``_common:syndication*``); :func:`find_notice` reads them back from the
document's dropped lines into ``{"outlet", "title", "url"}``, with null for
what the notice does not say. "Baca berita X lainnya di Google News" is a
channel promo, printed on an outlet's own articles too: not a notice.
"""
from __future__ import annotations

import regex

_URL = r"https?://[^\s\"'”<>)\]]+"
# "Artikel ini telah tayang di X dengan judul Y[, URL | . Klik untuk baca: URL]"
NOTICE = regex.compile(
    r"(?i)^(?:artikel|berita|tulisan|konten|naskah)\s+ini\s+"
    r"(?:(?:telah|sudah|sebelumnya|pertama\s+kali|pernah)\s+){0,2}"
    r"(?:tayang|terbit|dimuat|diterbitkan|ditayangkan|dipublikasikan)\s+(?:di|pada|dalam)\s+"
    r"(?:(?:laman|situs|website|portal|media|kanal)\s+)?"
    r"(?P<outlet>[^\s,]+(?:\s+[^\s,]+){0,3}?)"
    r"(?:,?\s+dengan\s+judul\s*:?\s*(?P<title>.+?))?"
    r"(?:[\s,.;:-]*(?:klik\s+untuk\s+baca|baca\s+selengkapnya|selengkapnya|link|tautan|url)?\s*:?\s*"
    r"(?P<url>" + _URL + r"))?"
    # Kompas sometimes prints the credits on the notice's line.
    r"(?:[\s.,;:]*(?:penulis|editor|reporter|kontributor)\s*:.*)?"
    r"[\s.,;:]*$")
# "Diolah dari berita tayang di Kompas.com"
DERIVED = regex.compile(
    r"(?i)^(?:diolah|disadur|dikutip|dilansir)\s+dari\s+(?:berita|artikel)\s+(?:yang\s+)?"
    r"(?:telah\s+)?(?:tayang|terbit|dimuat)\s+di\s+(?P<outlet>\S+?)[.\s]*$")
# detik network: 'Baca artikel detikjatim, "X" selengkapnya https://...'
READ_AT = regex.compile(
    r"(?i)^baca\s+artikel\s+(?P<outlet>[^\s,\"“]+(?:\s[^\s,\"“]+){0,2}?),?\s*"
    r"[\"“](?P<title>.+?)[\"”]\s*,?\s*selengkapnya\s*:?\s*(?P<url>" + _URL + r")?[\s.]*$")
# The line after a notice that carries its URL.
URL_LINE = regex.compile(
    r"(?i)^(?:(?:klik\s+untuk\s+baca|baca\s+selengkapnya|selengkapnya|link|tautan|url)\s*:?\s*)?"
    r"(?P<url>" + _URL + r")[\s.]*$")

PATTERNS = (NOTICE, READ_AT, DERIVED)
# A word every notice has: lines without one are skipped before the patterns run.
_HINT = regex.compile(r"(?i)tayang|terbit|dimuat|dipublikasikan|selengkapnya")
_QUOTES = "\"'“”‘’«»"


def parse_notice(line: str, next_line: str | None = None) -> dict | None:
    """``{"outlet", "title", "url"}`` from one notice line (and the line after it,
    for the URL), or None when the line is not a syndication notice."""
    line = " ".join(line.split())
    for pattern in PATTERNS:
        try:
            m = pattern.match(line, timeout=0.25)
        except TimeoutError:
            return None
        if m:
            break
    else:
        return None
    groups = m.groupdict()
    outlet = _tidy(groups.get("outlet"))
    title = _tidy(groups.get("title"))
    url = groups.get("url")
    if url is None and next_line:
        u = URL_LINE.match(" ".join(next_line.split()))
        url = u.group("url") if u else None
    return {"outlet": outlet, "title": title, "url": url.rstrip(".,;") if url else None}


def _tidy(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().rstrip(",;:").strip()
    # A quoted title loses its quotes; an unquoted one its final full stop.
    if len(value) > 1 and value[0] in _QUOTES:
        value = value.strip(_QUOTES + " ").rstrip(",;")
    else:
        value = value.rstrip(".").strip(_QUOTES + " ")
    return value or None


def find_notice(texts: list[str]) -> dict | None:
    """The first syndication notice among a page's dropped lines (in page order)."""
    for i, text in enumerate(texts):
        if len(text) > 600 or not text[:1].isalpha() or not _HINT.search(text):
            continue
        found = parse_notice(text, texts[i + 1] if i + 1 < len(texts) else None)
        if found:
            return found
    return None
