"""Near-duplicate bodies in a stream of records: MinHash + LSH (datasketch).

One pass, in input order. Each body becomes the set of its word 5-grams
(shingles of the text normalised by :func:`cleaner.text.normalise.hash_form`), summarised by a MinHash
signature of ``num_perm`` values. The LSH index answers "which earlier bodies
may share at least ``threshold`` of their shingles"; each candidate's estimated
Jaccard similarity is checked against the threshold. A record that matches is
marked ``duplicate_of`` = the id of the earlier record it copies (the most
similar one; the earliest on a tie) with ``duplicate_similarity``; otherwise it
is an original and enters the index. Only originals are indexed, so a copy of a
copy points to the original, and memory grows with the number of distinct
bodies, never with their length: per original, its LSH band keys (``b`` bands,
one int key and one bucket entry each; ``b`` = 64 at the default threshold),
its signature (``num_perm`` x 4 bytes, kept to give the similarity) and its
id: about 6 KB per original. The texts are never kept. Measured
(``benchmarks/bench_dedup.py``, 100,000 synthetic records, 20% near copies):
70 s of CPU, peak RSS +438 MB for 79,961 originals (5.7 KB each).

THRESHOLD was chosen by measurement (``python tests/dedup_eval.py``; the test
suite runs the same evaluation): the 5 seeds and the 69 dev pages, each
cleaned, plus two copies of each, cleaned again: ``edit`` (one sentence of the
article replaced by an unrelated one) and ``rewrap`` (the same body inside
another site's header, footer, "Baca juga" lines and syndication notice, with
another dateline). Estimated Jaccard with 128 permutations:

    copies, edit    n=70   min 0.37  p5 0.54  median 0.77
    copies, rewrap  n=74   min 0.91  p5 0.94  median 1.00
    distinct pairs  n=13,213 (originals with each other, copies with the other
                    originals): median 0.00, p99.9 0.016, max 0.039

(An edit copy is made of bodies of three paragraphs or more: on a shorter one a
sentence is half the article.) The lowest copies are dev excerpts of ~50 words
with one of three sentences replaced; on the full-length seeds (340-840 words)
an edit copy scores 0.88-0.95. 0.25 leaves a margin of 0.12 below the lowest
copy (three standard errors of the estimate there) and 0.21 above the highest
distinct pair: all 144 copies flagged with the right original, no distinct
article flagged. The dev set holds no real syndicated pair (one page per
article by design); the real pairs at hand, ten HTML samples and a reference
text of the same article from another extractor (../shared/html-samples),
score 0.94-1.0 and are all flagged, with nothing else among those 112 pages.
A body of fewer than MIN_WORDS words is never compared (too short to call a
copy; ``text_hash`` still matches exact copies).
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

from ..text.normalise import hash_form

THRESHOLD = 0.25
NUM_PERM = 128
SHINGLE_WORDS = 5
MIN_WORDS = 20
# The LSH bands are chosen so that a pair at exactly THRESHOLD becomes a
# candidate with this probability (more similar pairs: higher still).
RECALL_AT_THRESHOLD = 0.98
_BLOCK = 4096          # signatures are stored in blocks of this many rows


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """Word k-grams of the normalised text (the whole text when shorter)."""
    words = hash_form(text).split()
    if len(words) <= k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def bands_for(threshold: float, num_perm: int, recall: float = RECALL_AT_THRESHOLD) -> tuple[int, int]:
    """``(b, r)``: the most rows per band (fewest false candidates) such that a
    pair of similarity ``threshold`` shares at least one band with probability
    ``recall``: 1 - (1 - t^r)^b >= recall, b = num_perm // r."""
    for r in range(num_perm // 2, 0, -1):
        b = num_perm // r
        if b >= 2 and 1 - (1 - threshold ** r) ** b >= recall:
            return b, r
    return num_perm // 1, 1


class _Buckets:
    """One band's table for datasketch's MinHashLSH: band key -> index key, or a
    set of them when bodies collide. Most buckets hold one body; datasketch's
    default (a set per bucket) costs ~200 bytes more per band and record."""
    __slots__ = ("_dict",)

    def __init__(self):
        self._dict: dict = {}

    def get(self, key):
        v = self._dict.get(key, ())
        return (v,) if isinstance(v, int) else v

    def insert(self, key, *vals, **_kwargs):
        cur = self._dict.get(key)
        if cur is None and len(vals) == 1:
            self._dict[key] = vals[0]
            return
        merged = set(vals)
        if cur is not None:
            merged.update((cur,) if isinstance(cur, int) else cur)
        self._dict[key] = merged


class _NoKeys:
    """MinHashLSH keeps key -> band keys only to remove keys; a stream never does."""
    def insert(self, *_args, **_kwargs):
        pass


class NearDuplicates:
    """Stream filter marking (or dropping) near-duplicate records.

    >>> nd = NearDuplicates(threshold=0.5)                       # doctest: +SKIP
    >>> for rec in nd.filter(records): ...                       # marked in place
    >>> for rec in NearDuplicates(drop=True).filter(records): ... # copies left out

    Records are :class:`~cleaner.model.record.Record` objects or their dicts
    (``{"id", "text", "metadata": {...}}``). ``seen``, ``duplicates`` and
    ``indexed`` count what went through.
    """

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, *,
                 shingle_words: int = SHINGLE_WORDS, min_words: int = MIN_WORDS, drop: bool = False):
        # numpy and datasketch load with the first index: `cleaner PATH` without --dedup never pays.
        import numpy as np
        from datasketch import MinHash, MinHashLSH
        self._np = np
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        if not 16 <= num_perm <= 1024:
            raise ValueError(f"num_perm must be in 16..1024, got {num_perm}")
        self.threshold, self.num_perm, self.drop = threshold, num_perm, drop
        self.shingle_words, self.min_words = shingle_words, min_words
        self.bands, self.rows = bands_for(threshold, num_perm)
        # Band keys: Python's own 64-bit hash of the band's r values (an int, not r*8
        # bytes). It is salted per process, which changes nothing here: the index lives
        # and dies with the pass; a collision (2^-64) only adds a candidate to check.
        self._lsh = MinHashLSH(num_perm=num_perm, params=(self.bands, self.rows), hashfunc=hash)
        # datasketch's storage interface (get/insert), made compact for a one-pass stream.
        self._lsh.hashtables = [_Buckets() for _ in range(self.bands)]
        self._lsh.keys = _NoKeys()
        # One MinHash's permutations, shared by all: drawing them per record costs more
        # than hashing a short body. Shingles are hashed with CRC-32 (zlib, C speed,
        # deterministic); SHA-1, datasketch's default, was 40% of the time per record.
        self._proto = MinHash(num_perm=num_perm, seed=1)
        self._MinHash = MinHash
        self._ids: list[str] = []                 # index key (int) -> record id
        self._sigs: list = []                      # blocks of uint32 signatures (numpy arrays)
        self.seen = self.duplicates = self.indexed = 0

    def signature(self, text: str):
        """The body's MinHash, or None for a body too short to compare."""
        sh = shingles(text, self.shingle_words)
        if len(sh) < max(1, self.min_words - self.shingle_words + 1):
            return None
        m = self._MinHash(num_perm=self.num_perm, seed=1, hashfunc=zlib.crc32,
                          permutations=self._proto.permutations, scheme=self._proto.scheme)
        m.update_batch(sh)
        return m

    def similarity(self, a: str, b: str) -> float:
        """Estimated Jaccard similarity of two bodies' shingles (0.0 if either is too short)."""
        ma, mb = self.signature(a), self.signature(b)
        return ma.jaccard(mb) if ma is not None and mb is not None else 0.0

    def check(self, record_id: str, text: str) -> tuple[str | None, float | None]:
        """``(duplicate_of, similarity)`` for the next body of the stream; an
        original (``(None, None)``) enters the index."""
        self.seen += 1
        m = self.signature(text)
        if m is None:
            return None, None
        np = self._np
        values = m.hashvalues.astype(np.uint32)
        best, best_sim = None, 0.0
        for key in self._lsh.query(m):
            stored = self._sigs[key // _BLOCK][key % _BLOCK]
            sim = float(np.count_nonzero(stored == values)) / self.num_perm
            if sim > best_sim or (sim == best_sim and best is not None and key < best):
                best, best_sim = key, sim
        if best is not None and best_sim >= self.threshold:
            self.duplicates += 1
            return self._ids[best], round(best_sim, 4)
        key = len(self._ids)
        if key % _BLOCK == 0:
            self._sigs.append(np.empty((_BLOCK, self.num_perm), dtype=np.uint32))
        self._sigs[-1][key % _BLOCK] = values
        self._ids.append(record_id)
        self._lsh.insert(key, m, check_duplication=False)
        self.indexed += 1
        return None, None

    def filter(self, records: Iterable) -> Iterator:
        """Yield the records with ``duplicate_of``/``duplicate_similarity`` set,
        or, with ``drop=True``, only the originals."""
        for rec in records:
            if isinstance(rec, dict):
                md = rec.setdefault("metadata", {})
                dup, sim = self.check(str(rec.get("id")), rec.get("text") or "")
                md["duplicate_of"], md["duplicate_similarity"] = dup, sim
            else:
                dup, sim = self.check(rec.id, rec.text)
                rec.metadata.duplicate_of, rec.metadata.duplicate_similarity = dup, sim
            if dup is None or not self.drop:
                yield rec

    __call__ = filter
