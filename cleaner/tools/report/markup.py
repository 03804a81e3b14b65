"""HTML pieces shared by the corpus report and the page view: the document shell
(inlined CSS and JS, no external resource), category colours, and the page views.

Needs nothing outside the standard library: ``cleaner explain --html`` works on
the main install; only the report's charts need the ``report`` extra.
"""
from __future__ import annotations

import json
from html import escape
from importlib import resources

from ...ruleset import CATEGORIES

# One colour per drop category (Tableau 20), the same in charts, badges and line
# backgrounds; a category a user's rules could not produce gets OTHER_COLOUR.
CATEGORY_COLOURS = dict(zip(CATEGORIES, (
    "#4e79a7", "#a0cbe8", "#f28e2b", "#ffbe7d", "#59a14f", "#8cd17d", "#b6992d", "#f1ce63", "#499894",
    "#e15759", "#ff9d9a", "#79706e", "#bab0ac", "#d37295", "#fabfd2", "#b07aa1", "#d4a6c8", "#9d7660")))
OTHER_COLOUR = "#777777"

# The report loads nothing from anywhere: inline scripts and styles, data: images.
# Plotly builds its charts with inline styles and needs no eval.
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data: blob:; font-src data:")


def colour(category: str | None) -> str:
    """A drop category's colour (OTHER_COLOUR for one the rules cannot produce)."""
    return CATEGORY_COLOURS.get(category or "", OTHER_COLOUR)


def asset(name: str) -> str:
    """The text of a file in assets/ (shipped as package data)."""
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def e(value) -> str:
    """Escaped text (None: empty)."""
    return "" if value is None else escape(str(value), quote=True)


def script_json(data) -> str:
    """JSON safe inside <script type="application/json">: no "</script>" can close it."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def category_css() -> str:
    """One class per category: ``.cat-caption`` sets --cat, which the stylesheet uses."""
    rules = [f".cat-{c}{{--cat:{v}}}" for c, v in CATEGORY_COLOURS.items()]
    return "\n".join(rules) + f"\n.cat-unknown{{--cat:{OTHER_COLOUR}}}\n"


def cat_class(category: str | None) -> str:
    """The CSS class that colours a category."""
    return f"cat-{category}" if category in CATEGORY_COLOURS else "cat-unknown"


def document(title: str, body: str, scripts: list[str] = ()) -> str:
    """A complete, self-contained HTML document."""
    parts = ["<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
             f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n",
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
             f"<title>{e(title)}</title>\n<style>\n", asset("report.css"), category_css(), "</style>\n",
             "</head>\n<body>\n", body]
    for js in scripts:
        parts += ["<script>\n", js, "\n</script>\n"]
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def legend(categories) -> str:
    """A row of category chips."""
    chips = "".join(f"<span class=\"chip {cat_class(c)}\">{e(c)}</span>" for c in categories)
    return f"<div class=\"legend\">{chips}</div>" if chips else ""


def _value(value) -> str:
    if isinstance(value, list):
        items = "".join(f"<li>{e(v)}</li>" for v in value)
        return f"<ul class=\"vals\">{items}</ul>" if value else "<span class=\"none\">none</span>"
    if value is None or value == "":
        return "<span class=\"none\">none</span>"
    return e(value)


# ---------------------------------------------------------------------- the page view
def _with_cuts(text: str, cuts: list[dict]) -> tuple[str, list[dict]]:
    """The line's text with each cut span marked where it is found; cuts not found
    in the text are returned to be listed under it."""
    out, pos, missing = [], 0, []
    for cut in cuts:
        at = text.find(cut["text"], pos) if cut.get("text") else -1
        if at < 0:
            missing.append(cut)
            continue
        out.append(e(text[pos:at]))
        out.append(f"<del class=\"cut {cat_class(cut.get('category'))}\" "
                   f"title=\"cut: {e(cut.get('category'))} · {e(cut.get('rule'))}\">{e(cut['text'])}</del>")
        pos = at + len(cut["text"])
    out.append(e(text[pos:]))
    return "".join(out), missing


def _line_item(n, text: str, verdict: str, category, rule, zone=None, cuts=()) -> str:
    if verdict == "keep":
        body, missing = _with_cuts(text, list(cuts))
        tip = "kept" + (f" · zone {zone}" if zone else "")
        extra = "".join(f"<div class=\"cut-note {cat_class(c.get('category'))}\" "
                        f"title=\"cut: {e(c.get('category'))} · {e(c.get('rule'))}\">cut: "
                        f"<del>{e(c.get('text'))}</del></div>" for c in missing)
        return (f"<li class=\"line keep\" title=\"{e(tip)}\"><span class=\"n\">{e(n)}</span>"
                f"<span class=\"verdict\">keep</span><span class=\"text\">{body}{extra}</span></li>")
    tip = f"{category} · {rule}" + (f" · zone {zone}" if zone else "")
    return (f"<li class=\"line drop {cat_class(category)}\" title=\"{e(tip)}\" data-rule=\"{e(rule)}\">"
            f"<span class=\"n\">{e(n)}</span><span class=\"verdict\">{e(category)}</span>"
            f"<span class=\"text\">{e(text)}</span><span class=\"rule\">{e(rule)}</span></li>")


def page_view(ex: dict, anchor: str = "page") -> str:
    """One page as ``cleaner explain --json`` describes it: every line kept or
    dropped, coloured by category, the rule on hover; the metadata panel with the
    rule and stage that set each field."""
    lines = ex.get("lines") or []
    stripped = ex.get("html_stripped") or []
    kept = sum(1 for ln in lines if ln.get("verdict") == "keep")
    cats = sorted({ln.get("category") for ln in lines if ln.get("verdict") != "keep"}
                  | {c.get("category") for ln in lines for c in ln.get("cuts") or []}
                  | {x.get("category") for x in stripped}, key=lambda c: (c not in CATEGORY_COLOURS, str(c)))
    out = [f"<section class=\"page-view\" id=\"{e(anchor)}\">",
           f"<h2>{e(ex.get('source'))}</h2><dl class=\"facts\">",
           f"<dt>kind</dt><dd>{e(ex.get('kind'))}</dd>"]
    if ex.get("url"):
        out.append(f"<dt>URL</dt><dd>{e(ex['url'])}</dd>")
    where = f"; {ex['outlet_source']}" if ex.get("outlet_source") else ""
    out.append(f"<dt>outlet</dt><dd>{e(ex.get('outlet') or 'none')} "
               f"<span class=\"how\">({e(ex.get('outlet_reason'))}{e(where)})</span></dd>")
    out.append(f"<dt>lines</dt><dd>{kept} kept of {len(lines)}</dd></dl>")
    out.append(legend(cats))
    out.append("<div class=\"pv-grid\"><div class=\"pv-lines\">")
    if stripped:
        out.append("<h3>Taken out of the HTML before extraction</h3><ol class=\"lines\">")
        out += [_line_item("", x.get("text", ""), "drop", x.get("category"), x.get("rule")) for x in stripped]
        out.append("</ol>")
    out.append("<h3>Lines</h3><ol class=\"lines\">")
    out += [_line_item(ln.get("n"), ln.get("text", ""), ln.get("verdict"), ln.get("category"), ln.get("rule"),
                       ln.get("zone"), ln.get("cuts") or []) for ln in lines]
    out.append("</ol></div><aside class=\"pv-meta\"><h3>Metadata</h3>"
               "<table class=\"meta\"><thead><tr><th>field</th><th>value, and the rule and stage that set it"
               "</th></tr></thead><tbody>")
    for m in ex.get("metadata") or []:
        out.append(f"<tr data-field=\"{e(m.get('field'))}\"><th>{e(m.get('field'))}</th><td>{_value(m.get('value'))}"
                   f"<div class=\"setby\">&larr; <code>{e(m.get('rule'))}</code> "
                   f"<span class=\"stage\">{e(m.get('stage'))}</span></div></td></tr>")
    if not ex.get("metadata"):
        out.append("<tr><td colspan=\"2\" class=\"none\">none found</td></tr>")
    out.append("</tbody></table><h3>Dropped</h3>")
    dropped = sorted((ex.get("dropped") or {}).items(), key=lambda kv: (-kv[1], kv[0]))
    out.append(_counts(dropped) if dropped else "<p class=\"none\">nothing</p>")
    for w in ex.get("warnings") or []:
        out.append(f"<p class=\"warning\">warning: {e(w)}</p>")
    out.append("</aside></div></section>")
    return "\n".join(out)


def _counts(pairs) -> str:
    rows = "".join(f"<li class=\"{cat_class(k)}\"><span class=\"chip {cat_class(k)}\">{e(k)}</span> {v:,}</li>"
                   for k, v in pairs)
    return f"<ul class=\"counts\">{rows}</ul>"


def page_document(explanations: list[dict]) -> str:
    """``cleaner explain --html``: one document with a page view per page."""
    title = explanations[0]["source"] if len(explanations) == 1 else f"{len(explanations)} pages"
    body = ["<header class=\"top\"><h1>cleaner explain</h1>"
            "<p>Every line of the page: kept, or dropped and coloured by category; hover a line "
            "for its rule. The metadata panel names the rule or stage that set each field.</p></header>",
            "<main>"]
    body += [page_view(ex, f"page-{i}") for i, ex in enumerate(explanations, 1)]
    body.append("</main>")
    return document(f"cleaner explain: {title}", "\n".join(body))


# ---------------------------------------------------------------------- a sampled record
def sample_view(s: dict, anchor: str) -> str:
    """A sampled record: kept paragraphs and dropped lines side by side. A record
    does not say where between the kept paragraphs a dropped line stood, so the
    two columns are each in page order but not aligned with each other."""
    md = s["metadata"]
    title = md.get("title") or s.get("id") or "(no title)"
    out = [f"<article class=\"sample\" id=\"{e(anchor)}\"><h3>{e(title)}</h3><dl class=\"facts\">"]
    facts = [("outlet", f"{s.get('site') or '(no site)'} · network {s.get('network')}"),
             ("id", s.get("id")), ("source", s.get("source")), ("URL", s.get("url")),
             ("body", f"{s['words']:,} words, {len(s['paragraphs']) + s['more_paragraphs']} paragraphs")]
    for k in ("published", "authors", "editor", "dateline", "lead", "language", "duplicate_of"):
        v = md.get(k)
        if v not in (None, "", []):
            facts.append((k, "; ".join(map(str, v)) if isinstance(v, list) else v))
    out += [f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in facts if v not in (None, "")]
    out.append("</dl>")
    if s.get("source_path") and s.get("source_line") is None:
        out.append(f"<p class=\"hint\">Every line with its rule: <code>cleaner explain "
                   f"{e(s['source_path'])} --html -o page.html</code></p>")
    out.append("<div class=\"side\"><div class=\"kept\">"
               f"<h4>Kept: {len(s['paragraphs']) + s['more_paragraphs']} paragraphs</h4><ol class=\"lines\">")
    out += [f"<li class=\"line keep\"><span class=\"text\">{e(p)}</span></li>" for p in s["paragraphs"]]
    if s["more_paragraphs"]:
        out.append(f"<li class=\"more\">... {s['more_paragraphs']} more</li>")
    out.append("</ol></div><div class=\"dropped\">")
    lines = s.get("dropped_lines")
    if lines is None:
        out.append("<h4>Dropped</h4><p class=\"none\">This record was made without --keep-dropped: "
                   "only the counts by category are known.</p>")
        pairs = sorted(s["dropped"].items(), key=lambda kv: (-kv[1], kv[0]))
        out.append(_counts(pairs) if pairs else "<p class=\"none\">nothing dropped</p>")
    else:
        out.append(f"<h4>Dropped: {len(lines) + s['more_dropped']} lines, in page order</h4><ol class=\"lines\">")
        out += [_line_item("", d["text"], "drop", d.get("category"), d.get("rule")) for d in lines]
        if s["more_dropped"]:
            out.append(f"<li class=\"more\">... {s['more_dropped']} more</li>")
        out.append("</ol>")
    out.append("</div></div></article>")
    return "\n".join(out)
