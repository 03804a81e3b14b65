"""A datatrove pipeline step: clean the documents of a datatrove pipeline with cleaner.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerStep

    LocalPipelineExecutor(pipeline=[
        JsonlReader("pages/", text_key="html"),      # or WarcReader, ParquetReader, ...
        CleanerStep(),                                # HTML or text, detected per document
        JsonlWriter("clean/"),
    ], tasks=8, logging_dir="logs/").run()

Each document's ``text`` (a page's HTML or its text dump) is replaced by the cleaned
body, and our record's metadata is merged into ``doc.metadata`` as flat keys (the same
keys and JSON types in every document, so ``JsonlWriter(expand_metadata=True)`` and
``datasets`` get stable columns). ``doc.id`` is kept. A page that fails, or whose body
comes out empty, is dropped and counted (``dropped_<reason>`` in the step's stats);
the step never raises for one page. Rules are loaded once per task, not per document.

Needs datatrove's core install (``pip install 'cleaner[datatrove]'``), not its
``processing`` extra, which pins an old trafilatura.
"""
from __future__ import annotations

import contextlib
import re

try:
    from datatrove.pipeline.base import PipelineStep
except ImportError as exc:  # pragma: no cover - exercised only without datatrove
    raise ImportError("cleaner.integrations.datatrove needs datatrove: "
                      "pip install 'cleaner[datatrove]'") from exc
from loguru import logger  # a dependency of datatrove itself

from ..api import Cleaner, Options
from ..html import clean_html
from ..model.options import DEFAULT_HTML_ENGINE
from ..model.page import PageError
from ..model.record import Record
from ..ruleset import CATEGORIES

FORMATS = ("auto", "html", "text")
# A page is HTML when it opens with a tag, or names html/body near its top.
_OPENS_WITH_TAG = re.compile(r"\s*<[a-zA-Z!?]")
_HTML_MARKER = re.compile(r"<(?:!doctype\s+html|html|body)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True for an HTML page or fragment, False for a plain-text dump."""
    head = text[:4096]
    return bool(_OPENS_WITH_TAG.match(head) or _HTML_MARKER.search(head))


def record_metadata(record: Record, prefix: str = "") -> dict:
    """Our record as flat, JSON-serialisable metadata: the record's ``url`` and ``id``
    (as ``cleaner_id``) and every metadata field; ``dropped`` counts every category
    (0 when none), so each document has the same keys and types."""
    d = record.to_dict()
    md = d["metadata"]
    md["dropped"] = {c: md["dropped"].get(c, 0) for c in CATEGORIES} | md["dropped"]
    flat = {"url": d["url"], "cleaner_id": d["id"], **md}
    return {prefix + k: v for k, v in flat.items()} if prefix else flat


class CleanerStep(PipelineStep):
    """Clean datatrove ``Document``s holding HTML or text.

    Args:
        input_format: "auto" (detect per document: HTML when the text opens with a tag or
            names html/body near its top), "html" or "text".
        rules_dirs: extra rule folders (a file with a built-in id overrides it).
        outlet: force one outlet's rules for every document.
        keep_dropped: add ``dropped_lines`` (every dropped line, its category and rule).
        url_key: the ``doc.metadata`` key holding the page's URL (outlet detection, id).
        html_engine: how HTML documents are read: "fast" (lexbor and resiliparse) or
            "trafilatura" (lxml and trafilatura); default: the command's default.
        timeout: seconds per document; when set, pages are cleaned in a child process
            (datatrove's ExtractorSandbox) and one that takes longer is dropped as
            ``timeout``. None (default) cleans in the task's own process.
        metadata_prefix: prefix for our metadata keys (e.g. "cleaner_") when the
            documents already carry keys such as ``title`` that should not be replaced.
        exclusion_writer: a datatrove writer that receives the dropped documents, with
            the reason in ``metadata["cleaner_error"]``.
    """

    name = "🧹 cleaner"
    type = "🛢 - EXTRAC"

    def __init__(self, input_format: str = "auto", rules_dirs: list[str] | tuple[str, ...] = (),
                 outlet: str | None = None, keep_dropped: bool = False, url_key: str = "url",
                 timeout: float | None = None, metadata_prefix: str = "", exclusion_writer=None,
                 html_engine: str = DEFAULT_HTML_ENGINE):
        super().__init__()
        if input_format not in FORMATS:
            raise ValueError(f"input_format must be one of {', '.join(FORMATS)}, not {input_format!r}")
        self.input_format = input_format
        self.options = Options(keep_dropped=keep_dropped, outlet=outlet,
                               rules_dirs=[str(d) for d in rules_dirs], html_engine=html_engine)
        self.url_key = url_key
        self.timeout = timeout
        self.metadata_prefix = metadata_prefix
        self.exclusion_writer = exclusion_writer
        self._warned: set[str] = set()
        # Loaded here so a bad rule file fails at once, on the launching machine; not
        # pickled to the workers (see __getstate__), where run() loads it once per task.
        self._cleaner: Cleaner | None = Cleaner(options=self.options)

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_cleaner"] = None
        return state

    @property
    def cleaner(self) -> Cleaner:
        """The Cleaner of this task, loading the rules on first use."""
        if self._cleaner is None:
            self._cleaner = Cleaner(options=self.options)
        return self._cleaner

    # ------------------------------------------------------------ one page
    def clean_one(self, text: str, url: str | None, source: str | None) -> tuple:
        """``(kind, record)`` with kind "html" or "text", or ``("error", reason, message)``.
        Never raises."""
        try:
            if not text or not text.strip():
                return "error", "empty_input", "empty document"
            is_html = self.input_format == "html" or (self.input_format == "auto" and looks_like_html(text))
            if is_html:
                record = clean_html(self.cleaner, text, url=url, source=source)
            else:
                record = self.cleaner.clean_text(text, url=url, source=source)
            if not record.text.strip():
                return "error", "empty_body", "every line of the page was dropped"
            return ("html" if is_html else "text"), record
        except PageError as exc:
            msg = str(exc)
            return "error", ("no_text" if "no text" in msg or "no article text" in msg else "page_error"), msg
        except RecursionError:
            return "error", "page_error", "page too deeply nested"
        except Exception as exc:  # noqa: BLE001 - one bad page never stops a task
            return "error", "internal_error", f"{type(exc).__name__}: {exc}"

    def _sandboxed(self, job):
        """The child-process side of ``timeout``: a dict in, a tuple out (warm-up: a str)."""
        if not isinstance(job, dict):
            _ = self.cleaner
            return None
        return self.clean_one(job["text"], job["url"], job["source"])

    # ------------------------------------------------------------ the step
    def run(self, data, rank: int = 0, world_size: int = 1):
        """datatrove's entry point: the cleaned documents of ``data``."""
        if data is None:
            return
        _ = self.cleaner        # rules loaded once per task, before the first page
        sandbox = contextlib.nullcontext()
        if self.timeout:
            from datatrove.pipeline.extractors.base import ExtractorSandbox
            sandbox = ExtractorSandbox(timeout=self.timeout, warmup_text="")
        exclusions = self.exclusion_writer or contextlib.nullcontext()
        with sandbox as box, exclusions as writer:
            for doc in data:
                self.stat_update("total")
                url = doc.metadata.get(self.url_key) if self.url_key else None
                url = url if isinstance(url, str) and url else None
                with self.track_time():
                    result = self._clean_doc(box, doc.text, url, doc.id)
                if result[0] == "error":
                    _, reason, message = result
                    self._drop(doc, reason, message, writer, rank)
                    continue
                kind, record = result
                doc.text = record.text
                doc.metadata.update(record_metadata(record, self.metadata_prefix))
                self.stat_update("forwarded", kind)
                self.stat_update("lines_dropped", value=sum(record.metadata.dropped.values()))
                self.update_doc_stats(doc)
                yield doc

    def _clean_doc(self, box, text, url, source) -> tuple:
        if box is None:
            return self.clean_one(text, url, source)
        try:
            return box.process_document({"text": text, "url": url, "source": source}, self._sandboxed)
        except TimeoutError:
            return "error", "timeout", f"took longer than {self.timeout} s; its process was replaced"
        except EOFError:
            return "error", "broken_process", "the cleaning process died (out of memory?); replaced"

    def _drop(self, doc, reason: str, message: str, writer, rank: int) -> None:
        self.stat_update("dropped", f"dropped_{reason}")
        if reason not in self._warned:       # datatrove's habit: one warning per kind, not per page
            self._warned.add(reason)
            logger.warning(f"cleaner: dropped {doc.id}: {message} (dropped_{reason}; "
                           "further pages dropped for this reason are counted in the stats)")
        if writer is not None:
            doc.metadata["cleaner_error"] = reason
            writer.write(doc, rank)
