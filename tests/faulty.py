"""Test-only worker functions that misbehave on cue (imported by worker processes by name).

A page whose bytes hold HANG-HERE loops forever in pure Python, CRASH-HERE kills its
worker with SIGSEGV, EXIT-HERE calls os._exit; every other page is cleaned normally.
``slow_work`` cleans every page after a short sleep, so a run lasts long enough to be
interrupted. Tests swap them in with ``monkeypatch.setattr(pool, "clean_to_json", ...)``.
"""
import os
import signal
import time

from cleaner.runner import clean_to_json as real_work


def faulty_work(cleaner, page, fields):
    data = page.data or b""
    if b"HANG-HERE" in data:
        while True:
            pass
    if b"CRASH-HERE" in data:
        os.kill(os.getpid(), signal.SIGSEGV)
    if b"EXIT-HERE" in data:
        os._exit(7)
    return real_work(cleaner, page, fields)


def slow_work(cleaner, page, fields):
    time.sleep(float(os.environ.get("FAULTY_SLEEP", "0.02")))
    return real_work(cleaner, page, fields)


def run_cli(argv):
    """A subprocess entry point: the command with slow workers, small batches and frequent checkpoints."""
    from cleaner import cli
    from cleaner.run import job, pool
    pool.clean_to_json = faulty_work if os.environ.get("FAULTY_WORK") == "faulty" else slow_work
    job.CHECKPOINT_SECONDS = float(os.environ.get("FAULTY_CHECKPOINT", "0.2"))
    pool.BATCH_PAGES = 2
    return cli.main(argv)
