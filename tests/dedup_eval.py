"""The near-duplicate evaluation: the seeds and the dev pages, plus two edited
copies of each, all cleaned, then deduplicated in one stream.

- ``edit``: the same page with one body sentence replaced by another.
- ``rewrap``: the article's body lines (the gold body on dev pages, the cleaned
  paragraphs on seeds) inside another site's header and footer, with "Baca juga"
  cross-links between paragraphs, a syndication notice at the end, and one
  sentence replaced as well.

Every copy must be flagged with its original's id; no original may be.
``python tests/dedup_eval.py`` prints the figures (similarity of copies and of
distinct pairs) that ``cleaner/tools/dedup.py``'s THRESHOLD comment quotes; the test
suite runs the same evaluation (tests/test_dedup.py).
"""
from __future__ import annotations

import itertools
import json
import os
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# CI has ../shared beside the clone; CLEANER_SHARED points elsewhere (a worktree).
SHARED = pathlib.Path(os.environ.get("CLEANER_SHARED") or ROOT.parent / "shared")

REPLACEMENTS = [
    "Sementara itu, warga sekitar mengaku belum mendapat penjelasan resmi dari pihak terkait hingga sore ini.",
    "Hal tersebut disampaikan dalam keterangan tertulis yang diterima redaksi pada Selasa malam.",
    "Pihak kepolisian menyebut penyelidikan masih berlangsung dan belum ada tersangka yang ditetapkan.",
    "Menurutnya, langkah itu diambil setelah mempertimbangkan masukan dari berbagai pihak di daerah.",
]
WRAPPERS = [
    (["Beranda", "Nasional", "Daerah", "Olahraga", "Indeks", "{title}",
      "Oleh Redaksi - Senin, 12 Februari 2024 | 10:15 WIB", "Bagikan:"],
     ["Tags: berita, daerah, terkini", "Bagikan artikel ini", "Baca berita menarik lainnya di Google News",
      "© 2024 Warta Nusantara. All Rights Reserved."]),
    (["Home > Regional", "{title}", "Penulis: Dewi Lestari | Editor: Agus Salim",
      "Laporan Wartawan Kabar Timur, Dewi Lestari"],
     ["Artikel ini telah tayang di KabarTimur.com dengan judul {title}",
      "Rekomendasi untuk Anda", "Tiga Daerah Siaga Banjir Pekan Ini", "Harga Cabai Naik Lagi di Pasar Induk",
      "Copyright © 2024 Kabar Timur"]),
]
CROSSLINKS = ["Baca juga: Gubernur Tinjau Lokasi Banjir di Pesisir Utara",
              "Baca Juga: Jadwal Lengkap Pertandingan Akhir Pekan Ini"]


def pages() -> list[tuple[str, str, list[str] | None, str | None]]:
    """(name, raw text, gold body lines or None, gold title or None): seeds, then dev pages."""
    out = []
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        out.append((f.stem, f.read_text(encoding="utf-8"), None, None))
    raw = SHARED / "devset" / "raw"
    if raw.is_dir():
        for f in sorted(raw.glob("*.txt")):
            gold = json.loads((SHARED / "devset" / "gold" / (f.stem + ".json")).read_text(encoding="utf-8"))
            out.append((f.stem, f.read_text(encoding="utf-8"), gold["body"], gold.get("title")))
    return out


# An edit copy changes one sentence: a small edit only on a body of at least three
# paragraphs (d061's body is two sentences: one replaced is half the article).
EDIT_MIN_PARAGRAPHS = 3


def _replace_sentence(lines: list[str], rng: random.Random) -> list[str]:
    """Replace one sentence (a long line's first sentence, avoiding the first line,
    which carries the dateline) by another."""
    idx = [i for i, ln in enumerate(lines) if len(ln.split()) >= 8 and i > 0] or \
          [i for i, ln in enumerate(lines) if len(ln.split()) >= 8]
    if not idx:
        return lines
    i = rng.choice(idx)
    line = lines[i]
    cut = line.find(". ")
    rest = line[cut + 2:] if 0 < cut < len(line) - 2 else ""
    new = rng.choice(REPLACEMENTS) + (" " + rest if rest else "")
    return lines[:i] + [new] + lines[i + 1:]


def edited_copy(raw: str, body: list[str], rng: random.Random) -> str:
    """The raw page with one sentence of one article line (not the first) replaced."""
    lines = raw.splitlines()
    wanted = {" ".join(b.split()) for b in body[1:] if len(b.split()) >= 8}
    idx = [i for i, ln in enumerate(lines) if " ".join(ln.split()) in wanted]
    if idx:
        i = rng.choice(idx)
        lines[i] = _replace_sentence(["", lines[i].strip()], rng)[1]
    return "\n".join(lines) + "\n"


def rewrapped_copy(body: list[str], title: str | None, dateline: str | None, rng: random.Random,
                   n: int) -> str:
    head, foot = WRAPPERS[n % len(WRAPPERS)]
    title = title or "Kabar Terkini dari Daerah"
    body = list(body)
    if n % 2:   # a network copy: the republishing site's own dateline
        first = body[0][len(dateline):].lstrip() if dateline and body[0].startswith(dateline) else body[0]
        body[0] = "KABARTIMUR.COM - " + first
    mid = body[:2] + [CROSSLINKS[n % 2]] + body[2:4] + [CROSSLINKS[(n + 1) % 2]] + body[4:]
    return "\n".join([h.format(title=title) for h in head] + mid + [f.format(title=title) for f in foot]) + "\n"


def build(cleaner):
    """Records in stream order (originals, then the copies shuffled) and the
    expected ``duplicate_of`` of each copy."""
    rng = random.Random(8)
    originals, copies, expected = [], [], {}
    for n, (name, raw, gold_body, gold_title) in enumerate(pages()):
        rec = cleaner.clean_text(raw, source=f"orig/{name}")
        originals.append(rec)
        body = rec.text.split("\n\n")
        title = gold_title or rec.metadata.title
        kinds = [("rewrap", rewrapped_copy(body, title, rec.metadata.dateline, rng, n))]
        if len(gold_body or body) >= EDIT_MIN_PARAGRAPHS:
            kinds.insert(0, ("edit", edited_copy(raw, gold_body or body, rng)))
        for kind, text in kinds:
            cp = cleaner.clean_text(text, source=f"{kind}/{name}")
            copies.append(cp)
            expected[cp.id] = rec.id
    rng.shuffle(copies)
    return originals + copies, expected


def similarities(records, expected):
    """Estimated Jaccard (the dedup's own MinHash) of every copy with its original,
    by kind of copy, and of every pair of distinct articles (originals with each
    other, and each copy with the originals it does not copy)."""
    from cleaner.tools.dedup import NearDuplicates
    nd = NearDuplicates()
    sig = {r.id: nd.signature(r.text) for r in records}
    kind = {r.id: r.metadata.source_path.split("/")[0] for r in records}
    originals = [r for r in records if r.id not in expected]

    def sim(a, b):
        return sig[a].jaccard(sig[b]) if sig[a] is not None and sig[b] is not None else 0.0
    copies: dict[str, list[float]] = {}
    for c, o in expected.items():
        copies.setdefault(kind[c], []).append(sim(c, o))
    distinct = [sim(a.id, b.id) for a, b in itertools.combinations(originals, 2)]
    distinct += [sim(c, o.id) for c in expected for o in originals if o.id != expected[c]]
    return {k: sorted(v) for k, v in copies.items()}, sorted(distinct)


def run(threshold=None):
    from cleaner import Cleaner
    from cleaner.tools.dedup import NearDuplicates
    records, expected = build(Cleaner())
    nd = NearDuplicates() if threshold is None else NearDuplicates(threshold=threshold)
    flagged = {r.id: r.metadata.duplicate_of for r in nd.filter(records) if r.metadata.duplicate_of}
    right = sum(1 for c, o in expected.items() if flagged.get(c) == o)
    false = [r for r in flagged if r not in expected or flagged[r] != expected[r]]
    return {"records": len(records), "copies": len(expected), "flagged_right": right,
            "false_flags": false, "missed": [c for c in expected if c not in flagged],
            "threshold": nd.threshold, "bands_rows": (nd._lsh.b, nd._lsh.r)}, records, expected


def real_pairs():
    """Real pairs: the HTML samples (../shared/html-samples) with, for ten of them,
    a reference text of the same article from another extractor (``.expected.txt``):
    the same body in another wrapper. Deduplicated together with the seeds and dev
    pages; returns ``(flags, expected)`` as ``{source path: source path}``."""
    from cleaner import Cleaner
    from cleaner.tools.dedup import NearDuplicates
    samples = SHARED / "html-samples"
    paths = [str(ROOT / "seeds"), str(SHARED / "devset" / "raw"), str(samples)]
    records = [rec for _src, rec, err in Cleaner().clean_paths(paths) if err is None]
    by_id = {r.id: r.metadata.source_path for r in records}
    flags = {r.metadata.source_path: by_id[r.metadata.duplicate_of]
             for r in NearDuplicates().filter(records) if r.metadata.duplicate_of}
    expected = {str(t.with_name(t.name.replace(".expected.txt", ".html"))): str(t)
                for t in sorted(samples.glob("*/*.expected.txt"))}
    return flags, expected


def _q(values, p):
    return values[min(len(values) - 1, int(p * len(values)))]


if __name__ == "__main__":
    threshold = float(sys.argv[1]) if len(sys.argv) > 1 else None
    result, records, expected = run(threshold)
    print(json.dumps(result))
    by_kind, distinct = similarities(records, expected)
    for kind, copies in [*by_kind.items(), ("all", sorted(x for v in by_kind.values() for x in v))]:
        print(f"copies {kind:7} n={len(copies)} min={copies[0]:.3f} p5={_q(copies, .05):.3f} "
              f"p25={_q(copies, .25):.3f} median={_q(copies, .5):.3f} max={copies[-1]:.3f}")
    print(f"distinct pairs n={len(distinct)} median={_q(distinct, .5):.3f} p99={_q(distinct, .99):.3f} "
          f"p99.9={_q(distinct, .999):.3f} max={distinct[-1]:.3f}")
    print("lowest copies:", sorted(round(x, 3) for v in by_kind.values() for x in v)[:8])
    print("highest distinct:", [round(d, 3) for d in distinct[-8:]])
    if (SHARED / "html-samples").is_dir():
        flags, pairs = real_pairs()
        right = sum(1 for h, t in pairs.items() if flags.get(h) == t)
        print(f"real pairs (html page ~ reference text of the same article): {right}/{len(pairs)} flagged, "
              f"{len([f for f in flags if f not in pairs])} other flags")
