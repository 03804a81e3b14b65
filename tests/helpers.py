"""Files the tests write, shared by several test files: a text file (a rule file by
default) and WARCs of HTTP responses (warcio's writer); and the benchmark scripts loaded
as modules. The pieces of made-up pages are in madeup.py; the command in-process and its
outputs in runhelp.py."""
import importlib.util
import io

from conftest import ROOT
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def write(folder, text, name="site.yaml"):
    """``text`` as the file ``folder/name`` (UTF-8); its path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def add_response(writer, url, body: bytes, content_type="text/html", headers=(), status="200 OK") -> str:
    """One HTTP response record of ``body`` (with more HTTP ``headers``, pairs) written with a
    WARCWriter; its WARC-Record-ID."""
    http = StatusAndHeaders(status, [("Content-Type", content_type), *headers], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)
    return record.rec_headers.get_header("WARC-Record-ID")


def warc_of(responses, gz=False) -> tuple[bytes, list[str]]:
    """A WARC of HTTP responses, each the arguments of :func:`add_response` after the
    writer (url, body[, content_type[, headers]]), gzipped record by record with ``gz``;
    its bytes and the record ids."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    ids = [add_response(writer, *response) for response in responses]
    return buf.getvalue(), ids


def benchmark(stem: str):
    """``benchmarks/<stem>.py`` loaded as a module (the benchmarks are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(f"benchmarks_{stem}", ROOT / "benchmarks" / f"{stem}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
