"""Preloaded by the forkserver that starts a run's workers (see pool.py): cleans two
tiny pages there, so what loads on first use (trafilatura's first call, the language-ID
model: ~0.25 s together) sits in
the server's memory once, shared copy-on-write by every worker it forks, instead of
being loaded again, and charged to a page's --timeout, in each worker."""
from .pool import warm_up

try:
    warm_up()
except Exception:  # noqa: BLE001 - a failed warm-up only costs each worker a first-page load
    pass
