"""The report and the page view in a real browser: headless Chromium (Debian's
package) driven by Playwright, every request that is not a file:// one refused
and recorded, so a pass proves they open offline.

Skipped, saying what to install, without Playwright for Python (`pip install
playwright`; no `playwright install`: the tests use the system's Chromium) or
without Chromium (`apt-get install chromium`, or CLEANER_CHROMIUM=/path/to/it).
CLEANER_SCREENSHOTS=DIR keeps the screenshots (docs/report.png comes from there).
"""
import base64
import json
import os
import shutil
import tempfile

import pytest
from conftest import SHARED

from cleaner.cli import main

pytest.importorskip("plotly", reason="the report extra: pip install '.[report]'")
try:
    from playwright.sync_api import sync_playwright
except ImportError:
    sync_playwright = None

CHROMIUM = os.environ.get("CLEANER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SECTIONS = ("totals", "networks", "outlets", "charts", "lines", "outliers", "failed", "sample", "notes")
CHARTS = ("chart-dropped", "chart-languages", "chart-dropped-outlets", "chart-lengths", "chart-published")


def _skip_without_a_browser():
    # .ci/run sets CLEANER_REQUIRE_BROWSER=1 once it has installed Chromium: there a skip would hide a failure.
    give_up = pytest.fail if os.environ.get("CLEANER_REQUIRE_BROWSER") == "1" else pytest.skip
    if sync_playwright is None:
        give_up("needs Playwright for Python: pip install playwright "
                "(not `playwright install`: the tests use Debian's chromium)")
    if not os.path.exists(CHROMIUM):
        give_up("needs Chromium: apt-get install chromium (or set CLEANER_CHROMIUM to its path)")


@pytest.fixture(scope="module")
def files(tmp_path_factory, root):
    """report.html from the seeds and the dev pages cleaned with --keep-dropped, and
    page.html from `cleaner explain --html` on a seed (and an HTML sample)."""
    _skip_without_a_browser()
    d = tmp_path_factory.mktemp("browser")
    inputs = [str(root / "seeds")]
    if (SHARED / "devset" / "raw").is_dir():
        inputs.append(str(SHARED / "devset" / "raw"))
    clean, errors = d / "clean.jsonl", d / "errors.jsonl"
    assert main(inputs + ["-o", str(clean), "--keep-dropped", "-q", "--errors", str(errors)]) == 0
    report = d / "report.html"
    assert main(["report", str(clean), "--errors", str(errors), "-o", str(report), "-q", "--top", "12"]) == 0
    pages = [str(root / "seeds" / "002_a2fd3394869bcc12.txt")]
    samples = sorted((SHARED / "html-samples").glob("*/*.html")) if (SHARED / "html-samples").is_dir() else []
    pages += [str(p) for p in samples[:1]]
    page = d / "page.html"
    assert main(["explain", *pages, "--html", "-o", str(page)]) == 0
    explained = [json.loads(line) for line in _capture_json(pages)]
    return {"report": report, "page": page, "explained": explained, "dev": len(inputs) > 1}


def _capture_json(pages):
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["explain", *pages, "--json"]) == 0
    return buf.getvalue().splitlines()


@pytest.fixture(scope="module")
def browser(files):
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        ctx = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS, headless=True,
                                                   viewport={"width": 1280, "height": 1000})
        try:
            yield ctx
        finally:
            ctx.close()


class Opened:
    def __init__(self, ctx, path):
        self.errors, self.blocked = [], []
        self.page = ctx.new_page()
        self.page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri(), wait_until="load")

    def _route(self, route):
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


@pytest.fixture(scope="module")
def report_page(browser, files):
    opened = Opened(browser, files["report"])
    opened.page.wait_for_function(
        f"document.querySelectorAll('div.chart .main-svg').length >= {len(CHARTS)}", timeout=30_000)
    yield opened
    opened.page.close()


@pytest.fixture(scope="module")
def page_view(browser, files):
    opened = Opened(browser, files["page"])
    yield opened
    opened.page.close()


def colours(ctx, png: bytes) -> set:
    """The distinct colours of a PNG, counted by the browser (canvas) in a blank page."""
    page = ctx.new_page()
    try:
        return set(page.evaluate("""async (src) => {
            const img = new Image(); img.src = src; await img.decode();
            const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
            const g = c.getContext('2d'); g.drawImage(img, 0, 0);
            const d = g.getImageData(0, 0, c.width, c.height).data, seen = new Set();
            for (let i = 0; i < d.length; i += 4) {
                seen.add('#' + [d[i], d[i + 1], d[i + 2]].map(v => v.toString(16).padStart(2, '0')).join(''));
            }
            return Array.from(seen);
        }""", "data:image/png;base64," + base64.b64encode(png).decode()))
    finally:
        page.close()


def keep(name: str, png: bytes) -> None:
    folder = os.environ.get("CLEANER_SCREENSHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name), "wb") as f:
            f.write(png)


# ---------------------------------------------------------------------- the report
def test_report_opens_offline_with_no_console_errors(report_page):
    assert report_page.blocked == []            # nothing was even attempted off the file
    assert report_page.errors == []


def test_report_has_every_section(report_page, files):
    page = report_page.page
    for ident in SECTIONS:
        box = page.locator(f"section#{ident}").bounding_box()
        assert box and box["height"] > 40, ident
    records = int(page.inner_text("#total-records .v").replace(",", ""))
    assert records == (134 if files["dev"] else 5)
    assert page.inner_text("#total-failed .v") == "0"          # an --errors file was given, and empty
    # the sample: 12 pages, or every page of a smaller run (the seeds alone, without ../shared)
    assert page.locator("article.sample").count() == (12 if files["dev"] else 5)
    assert page.locator("table.lines-dropped tbody tr").count() > 5
    assert page.locator("table.lines-kept").count() == page.locator("#lines h3").count()


def test_report_charts_are_drawn(report_page):
    page = report_page.page
    for ident in CHARTS:
        size = page.evaluate("""(id) => {
            const svg = document.querySelector('#' + id + ' svg.main-svg');
            const r = svg.getBoundingClientRect();
            return [r.width, r.height, document.querySelectorAll('#' + id + ' g.point path').length];
        }""", ident)
        assert size[0] > 300 and size[1] > 200 and size[2] > 0, (ident, size)


def test_report_tables_sort_on_click(report_page, files):
    page = report_page.page

    def column(n):
        return page.eval_on_selector_all(
            "#outlet-table tbody tr:not(.rest)", f"rows => rows.map(r => parseFloat(r.cells[{n}].dataset.sort))")
    page.click("#outlet-table thead th:nth-child(4)")                     # median words
    first = column(3)
    assert first == sorted(first, reverse=True) and len(set(first)) > 1
    assert page.get_attribute("#outlet-table thead th:nth-child(4)", "aria-sort") == "descending"
    page.click("#outlet-table thead th:nth-child(4)")
    assert column(3) == sorted(first)
    page.click("#outlet-table thead th:nth-child(3)")                     # pages, back as it was
    if files["dev"]:            # more outlets than --top 12: the rest stays the last row
        assert page.locator("#outlet-table tbody tr").last.get_attribute("class") == "rest"


def test_report_screenshot_shows_tables_and_charts(report_page, browser):
    page = report_page.page
    page.evaluate("window.scrollTo(0, 0)")
    top = page.screenshot()
    assert top[:8] == b"\x89PNG\r\n\x1a\n" and len(colours(browser, top)) > 100
    chart = page.locator("#chart-dropped").screenshot()
    from cleaner.tools.report.markup import CATEGORY_COLOURS
    drawn = colours(browser, chart) & set(CATEGORY_COLOURS.values())
    assert len(drawn) >= 10, drawn                                        # the bars, in the categories' colours
    page.locator("#outlets").scroll_into_view_if_needed()
    y = page.evaluate("document.querySelector('#outlets').getBoundingClientRect().top + window.scrollY")
    view = page.screenshot(full_page=True, clip={"x": 0, "y": y - 10, "width": 1280, "height": 1500})
    assert len(colours(browser, view)) > 100
    keep("report-top.png", top)
    page.mouse.move(0, 0)                                                 # no hover effects in the picture
    keep("report.png", page.screenshot(full_page=True, clip={"x": 0, "y": 0, "width": 1280, "height": 2060}))


# ---------------------------------------------------------------------- the page view
def test_page_view_opens_offline_with_every_line(page_view, files):
    assert page_view.blocked == [] and page_view.errors == []
    page = page_view.page
    for i, ex in enumerate(files["explained"], 1):
        section = page.locator(f"#page-{i}")
        items = section.locator("h3:has-text('Lines') + ol > li.line")
        assert items.count() == len(ex["lines"])
        dropped = [ln for ln in ex["lines"] if ln["verdict"] == "drop"]
        titles = section.locator("h3:has-text('Lines') + ol > li.line.drop").evaluate_all(
            "els => els.map(e => e.title)")
        assert titles == [f"{ln['category']} · {ln['rule']} · zone {ln['zone']}" for ln in dropped]
        fields = section.locator("table.meta tbody tr").evaluate_all("rows => rows.map(r => r.dataset.field)")
        assert fields == [m["field"] for m in ex["metadata"]]


def test_page_view_colours_lines_by_category(page_view, browser):
    page = page_view.page
    line = page.locator("li.line.drop.cat-title").first
    before = line.evaluate("e => getComputedStyle(e).backgroundColor")
    border = line.evaluate("e => getComputedStyle(e).borderLeftColor")
    assert border == "rgb(242, 142, 43)"                                  # title's colour, #f28e2b
    line.hover()
    assert line.evaluate("e => getComputedStyle(e).backgroundColor") != before
    shot = page.screenshot()
    assert len(colours(browser, shot)) > 100
    keep("page.png", shot)
