"""The keys of a rule file (``FILE_SCHEMA``, what the loader checks) and the JSON
Schema editors use, generated from the same table, so editor and loader cannot disagree. The package ships a
copy beside the built-in rule files (``rules/rules.schema.json``, ``cleaner/rules/`` once installed, written
by ``cleaner rules schema``), so their ``$schema=rules.schema.json`` line resolves in a checkout and in an
installed package alike; a test keeps it equal to what this module generates.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..model.fields import CAPTURE_FIELDS
from .model import CATEGORIES, SCOPES, TIMEZONES, ZONES

# The shipped JSON Schema's file name, beside the built-in rule files; their first line names it.
SCHEMA_FILE = "rules.schema.json"

# ---------------------------------------------------------------- schema
# Each schema entry: key -> (kind, required, extra). kinds: str, bool, list[str],
# pattern, list[pattern], map (nested schema), list[map] (nested schema), any.
_RULE = {
    "id": ("str", True, None), "pattern": ("pattern", True, None),
    "category": ("choice", True, CATEGORIES), "scope": ("choice", False, SCOPES),
    "zone": ("choice", False, ZONES), "label": ("bool", False, None), "note": ("str", False, None),
}
_CASE_EXPECT = {
    "contains": ("list[str]", False, None), "excludes": ("list[str]", False, None),
    "text": ("str", False, None), "dropped": ("map[int]", False, CATEGORIES),
    "metadata": ("any", False, None), "outlet": ("str", False, None),
}
_CASE = {
    "name": ("str", True, None), "input": ("str", False, None), "seed": ("str", False, None),
    "url": ("str", False, None), "expect": ("map", True, _CASE_EXPECT),
}
_HTML = {
    "checked": ("str", False, None), "body": ("list[selector]", False, None),
    "strip": ("map[list[selector]]", False, CATEGORIES), "fallback": ("choice", False, ("generic", "none")),
    "captions": ("list[selector]", False, None), "related": ("list[selector]", False, None),
}
FILE_SCHEMA = {
    "id": ("str", True, None), "name": ("str", False, None), "description": ("str", False, None),
    "extends": ("str", False, None), "timezone": ("choice", False, TIMEZONES),
    "match": ("map", False, {"hosts": ("list[str]", False, None),
                             "url_patterns": ("list[pattern]", False, None),
                             "text_markers": ("list[pattern]", False, None)}),
    "drop": ("list[map]", False, _RULE),
    "datelines": ("list[pattern]", False, None),
    "body_start": ("list[pattern]", False, None),
    "header_caption": ("bool", False, None),
    "summary_after_body": ("bool", False, None),
    "html": ("map", False, _HTML),
    "tests": ("list[map]", False, _CASE),
}

# Hover text for editors, by dotted key path ("drop.scope" is every drop entry's scope).
DESCRIPTIONS = {
    "": "A cleaner rule file: one outlet's patterns (or _common, the shared layer) and its tests.",
    "id": "Outlet id: lower case letters, digits, - or _. A user file with a built-in id overrides it.",
    "name": "Human name of the outlet.",
    "description": "Free text: what the site is, its template.",
    "extends": "Build on another outlet's rules (its drop rules, datelines, body_start, html, timezone).",
    "timezone": "Zone of printed times that carry none.",
    "match": "How a page is recognised: URL host, URL regex, or text markers (pages without a URL).",
    "match.hosts": "Hosts; each also matches its subdomains (www., m., amp. are ignored).",
    "match.url_patterns": "Regexes searched in the URL.",
    "match.text_markers": "Regexes searched in the first and last 3000 characters; the outlet with most hits wins.",
    "drop": "Drop rules: outlet rules run before the shared ones; first matching line rule wins.",
    "drop.id": "Rule id, unique in the file; reported as <outlet>:<id>.",
    "drop.pattern": "regex-module pattern searched in one whitespace-normalised line. Named groups fill "
                    "the record: " + ", ".join(CAPTURE_FIELDS) + ".",
    "drop.category": "What the dropped text is.",
    "drop.scope": "line: drop the line; span: cut the match out of the line; to_end: drop the line "
                  "and everything after it once the body has started.",
    "drop.zone": "Where the rule applies: any (before structure), header, body or tail.",
    "drop.label": "The line is a link box's label (\"Baca juga:\" alone on its line): up to 3 "
                  "headline-like lines right below it are dropped with it, as related headlines.",
    "drop.note": "Free text: why the rule exists.",
    "datelines": "Regexes for the prefix that opens the body (\"KOMPAS.com -\").",
    "body_start": "Regexes for the line where the body starts.",
    "header_caption": "true: the template prints the lead photo's caption right under the header's widgets (text-size widget).",
    "summary_after_body": "true: the template prints the article's summary as the last paragraph before the credits that close the body (JPNN).",
    "html": "HTML pages only: selectors (CSS or XPath) applied before extraction.",
    "html.checked": "When the selectors were last checked against live pages.",
    "html.body": "Selectors of the article body; the first that matches exactly one element wins.",
    "html.strip": "Category -> selectors of elements taken out (their text is accounted for).",
    "html.fallback": "generic: extract from the whole page when no body selector matches; none: fail.",
    "html.captions": "Selectors of photo captions (go to metadata.captions).",
    "html.related": "Selectors of related-article blocks (go to metadata.related).",
    "tests": "Test cases run by `cleaner rules test` and the test suite.",
    "tests.name": "Case name; the test id is <outlet>::<name>.",
    "tests.input": "The page text (keep it short: the lines that matter).",
    "tests.seed": "A page file, relative to the folder of this rule file.",
    "tests.url": "The page's URL (outlet detection by host).",
    "tests.expect": "What must hold for the cleaned record.",
    "tests.expect.contains": "Texts the body must contain.",
    "tests.expect.excludes": "Texts the body must not contain.",
    "tests.expect.text": "The whole body, paragraph per line.",
    "tests.expect.dropped": "Dropped line counts by category ({} = nothing dropped).",
    "tests.expect.metadata": "Metadata values (null for none).",
    "tests.expect.outlet": "The outlet the page must be detected as.",
}


def _schema_node(kind: str, extra, path: str) -> dict:
    if kind in ("str", "pattern", "selector"):
        node = {"type": "string"}
    elif kind == "choice":
        node = {"enum": list(extra)}
    elif kind == "bool":
        node = {"type": "boolean"}
    elif kind.startswith("list["):
        node = {"type": "array", "items": _schema_node(kind[5:-1], extra, path)}
    elif kind == "map":
        node = _schema_object(extra, path)
    elif kind.startswith("map["):
        inner = {"type": "integer", "minimum": 0} if kind == "map[int]" else _schema_node(kind[4:-1], None, path)
        node = {"type": "object", "additionalProperties": inner}
        if extra:
            node["propertyNames"] = {"enum": list(extra)}
    elif kind == "any":
        node = {}
    else:
        raise AssertionError(kind)
    if path in DESCRIPTIONS:
        node = {"description": DESCRIPTIONS[path], **node}
    return node


def _schema_object(schema: dict, path: str) -> dict:
    props = {k: _schema_node(kind, extra, f"{path}.{k}" if path else k)
             for k, (kind, _req, extra) in schema.items()}
    node = {"type": "object", "properties": props, "additionalProperties": False}
    required = [k for k, (_kind, req, _extra) in schema.items() if req]
    if required:
        node["required"] = required
    return node


def json_schema() -> dict:
    """The rule-file schema for editors, built from the loader's own (``FILE_SCHEMA``)."""
    top = _schema_object(FILE_SCHEMA, "")
    top["properties"]["id"]["pattern"] = r"^_?[a-z0-9][a-z0-9_-]*$"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "cleaner rule file", "description": DESCRIPTIONS[""], **top}


def builtin_rules_dir() -> Path:
    """The rules shipped with this code: the package's own ``rules/`` (an installed wheel),
    else the ``rules/`` folder of the source checkout the package was imported from, else
    wherever the import system finds ``cleaner.rules``.

    The checkout comes before the import system: an editable install maps ``cleaner.rules``
    to *its* checkout, so a second checkout put first on ``PYTHONPATH`` (a worktree, or an
    old commit a benchmark compares with) would otherwise run its own code with the
    installed checkout's rule files."""
    package = Path(__file__).resolve().parent.parent
    checkout = package.parent
    for path, is_ours in ((package / "rules", True),
                          (checkout / "rules", (checkout / "pyproject.toml").is_file())):
        if is_ours and path.is_dir() and any(path.glob("*.yaml")):
            return path
    try:
        path = Path(str(resources.files("cleaner.rules")))
        if path.is_dir() and any(path.glob("*.yaml")):
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return checkout / "rules"


def schema_path() -> Path:
    """The JSON Schema file the package ships, beside the built-in rule files."""
    return builtin_rules_dir() / SCHEMA_FILE


def schema_line() -> str:
    """First line of a rule file: the installed schema, for yaml-language-server."""
    return f"# yaml-language-server: $schema={schema_path().as_uri()}"
