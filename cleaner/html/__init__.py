"""HTML pages: decoding and parsing, page metadata, the outlet's ``html:`` rules,
extraction; then the same text path as text dumps (``clean_html``)."""
from ..ruleset.selectors import compile_selector
from .decode import decode_html, decode_html_as, flatten_deep, parse_html
from .extract import Taken, extract_lines, html_rules, select_body, take_out
from .meta import PageMeta, clean_title, read_meta
from .page import ENGINES, clean_html

__all__ = ["ENGINES", "PageMeta", "Taken", "clean_html", "clean_title", "compile_selector", "decode_html", "decode_html_as",
           "extract_lines", "flatten_deep", "html_rules", "parse_html", "read_meta", "select_body", "take_out"]
