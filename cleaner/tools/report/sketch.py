"""Bounded-memory summaries of a stream, for ``cleaner report``.

Pure Python, no dependencies; each one is deterministic (same input in the same
order, same seed: same result).

- :class:`SpaceSaving`: the most frequent items with at most ``k`` counters
  (Metwally, Agrawal, El Abbadi 2005). After ``n`` items each reported count is
  at most ``n / k`` above the true count (the entry's ``err`` says how much it
  may be over: true count in ``[count - err, count]``), and every item seen more
  than ``n / k`` times is in the summary.
- :class:`LogHistogram`: counts of non-negative integers in log-linear bins,
  exact below 128 and 64 bins per power of two above (a bin is at most 1/64 of
  its value wide), stored sparsely; quantiles from it.
- :class:`Reservoir`: a uniform random sample of fixed size (Algorithm R) from
  a seeded generator.
- :class:`TopN`: the ``n`` largest items by a key (a bounded heap).
"""
from __future__ import annotations

import heapq
import math
import random
from dataclasses import dataclass


@dataclass
class Entry:
    item: str
    count: int
    err: int          # the count may be this much above the true count
    info: object      # what the first sighting carried (category, rule, sites...)

    @property
    def lower(self) -> int:
        """A guaranteed lower bound of the true count."""
        return self.count - self.err


class SpaceSaving:
    """Heavy hitters in ``k`` counters: a new item, when all counters are taken,
    replaces the item with the smallest count and inherits that count (its
    ``err``). A min-heap finds that item; counts only grow, so a heap entry that
    is stale (its item was counted since) is refreshed when it reaches the top."""

    def __init__(self, k: int):
        if k < 1:
            raise ValueError("k must be at least 1")
        self.k = k
        self.n = 0                                  # items added
        self._entries: dict[str, list] = {}         # item -> [count, err, info]
        self._heap: list[tuple[int, str]] = []      # (count when pushed, item), one per item

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, item: str, info: object = None) -> list:
        """Count one sighting of ``item``; ``info`` is kept from the sighting that
        created its counter. Returns the counter ``[count, err, info]``."""
        self.n += 1
        entry = self._entries.get(item)
        if entry is not None:
            entry[0] += 1
            return entry
        if len(self._entries) < self.k:
            entry = self._entries[item] = [1, 0, info]
            heapq.heappush(self._heap, (1, item))
            return entry
        heap, entries = self._heap, self._entries
        while True:
            count, victim = heap[0]
            current = entries[victim][0]
            if current == count:
                break
            heapq.heapreplace(heap, (current, victim))
        del entries[victim]
        entry = entries[item] = [count + 1, count, info]
        heapq.heapreplace(heap, (count + 1, item))
        return entry

    @property
    def bound(self) -> float:
        """No count is more than this above the truth (n / k)."""
        return self.n / self.k

    def top(self, m: int) -> list[Entry]:
        """The ``m`` largest counts, ties by item."""
        best = heapq.nsmallest(m, self._entries.items(), key=lambda kv: (-kv[1][0], kv[0]))
        return [Entry(item, c, e, info) for item, (c, e, info) in best]


class LogHistogram:
    """Counts of non-negative integers. Bin of ``v``: ``v`` itself below 128;
    above, ``64 * s + (v >> s)`` with ``s = v.bit_length() - 7``, so a bin spans
    ``2**s`` values, at most 1/64 of the values in it. Sparse: only the bins used."""

    EXACT = 128

    def __init__(self):
        self.bins: dict[int, int] = {}
        self.n = 0

    @staticmethod
    def bin_of(v: int) -> int:
        """The bin that counts ``v``."""
        if v < LogHistogram.EXACT:
            return v
        s = v.bit_length() - 7
        return 64 * s + (v >> s)

    @staticmethod
    def bounds(b: int) -> tuple[int, int]:
        """[low, high) of the values in bin ``b``."""
        if b < LogHistogram.EXACT:
            return b, b + 1
        s = b // 64 - 1
        low = (b - 64 * s) << s
        return low, low + (1 << s)

    def add(self, v: int, times: int = 1) -> None:
        """Count ``v`` (negative values count as 0) ``times`` times."""
        v = max(0, int(v))
        b = self.bin_of(v)
        self.bins[b] = self.bins.get(b, 0) + times
        self.n += times

    def merge(self, other: LogHistogram) -> None:
        """Add another histogram's counts to this one."""
        for b, c in other.bins.items():
            self.bins[b] = self.bins.get(b, 0) + c
        self.n += other.n

    def quantile(self, q: float) -> float | None:
        """The value of rank ``ceil(q * n)`` (1-based; the lower median for q=0.5
        and an even n): exact below 128, else its bin's midpoint (within 1/128)."""
        if not self.n:
            return None
        rank = min(self.n, max(1, math.ceil(q * self.n)))
        seen = 0
        for b in sorted(self.bins):
            seen += self.bins[b]
            if seen >= rank:
                low, high = self.bounds(b)
                return float(low) if high - low == 1 else (low + high - 1) / 2
        raise AssertionError("unreachable")

    def median(self) -> float | None:
        """The lower median (None when empty)."""
        return self.quantile(0.5)


class Reservoir:
    """A uniform sample of ``size`` items from a stream of unknown length
    (Algorithm R), drawn with ``random.Random(seed)``: the same stream and seed
    give the same sample. Items are kept with their 0-based stream position."""

    def __init__(self, size: int, seed: int | str = 0):
        self.size = size
        self.seen = 0
        self.items: list[tuple[int, object]] = []
        self._rng = random.Random(seed)

    def offer(self, make) -> bool:
        """Count one stream item; ``make()`` builds what to keep, called only when
        the item is taken (so a page is copied only when sampled). True if taken."""
        i = self.seen
        self.seen += 1
        if i < self.size:
            self.items.append((i, make()))
            return True
        if not self.size:
            return False
        j = self._rng.randrange(i + 1)
        if j < self.size:
            self.items[j] = (i, make())
            return True
        return False

    def sample(self) -> list[tuple[int, object]]:
        """(position, item), in stream order."""
        return sorted(self.items, key=lambda x: x[0])


class TopN:
    """The ``n`` items with the largest key seen; ties keep the earlier item."""

    def __init__(self, n: int):
        self.n = n
        self._heap: list[tuple] = []
        self._seq = 0

    def offer(self, key, make) -> None:
        """Count one item of ``key``; ``make()`` builds it, only when it is kept."""
        self._seq += 1
        entry = (key, -self._seq)
        if len(self._heap) < self.n:
            heapq.heappush(self._heap, (entry, make()))
        elif self.n and entry > self._heap[0][0]:
            heapq.heapreplace(self._heap, (entry, make()))

    def items(self) -> list:
        """Largest first."""
        return [item for _, item in sorted(self._heap, key=lambda x: x[0], reverse=True)]
