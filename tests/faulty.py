"""Test-only worker functions that misbehave on cue (imported by worker processes by name).

A page whose bytes hold HANG-HERE loops forever in pure Python, CRASH-HERE kills its
worker with SIGSEGV, EXIT-HERE calls os._exit; every other page is cleaned normally.
``slow_work`` cleans every page after a short sleep, so a run lasts long enough to be
interrupted; ``burn_work`` after burning a known amount of CPU time; ``echo_work`` does
not clean at all. Tests swap them in with ``monkeypatch.setattr(pool, "clean_to_json", ...)``.
"""
import os
import signal
import time

from cleaner.run.pool import clean_to_json as real_work


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


def burn_work(cleaner, page, fields):
    """Every page first burns FAULTY_BURN seconds of CPU time: a page of a known cost."""
    end = time.process_time() + float(os.environ.get("FAULTY_BURN", "0.5"))
    while time.process_time() < end:
        pass
    return real_work(cleaner, page, fields)


def echo_work(cleaner, page, fields):
    """No cleaning: a line as long as the page, at once (HANG-HERE still hangs)."""
    if b"HANG-HERE" in (page.data or b""):
        while True:
            pass
    return b"x" * len(page.data or b""), {}, None


WORK = {"faulty": faulty_work, "burn": burn_work, "echo": echo_work}


def run_cli(argv):
    """A subprocess entry point: the command with slow workers (FAULTY_WORK: faulty or burn
    instead), small batches (FAULTY_BATCH) and frequent checkpoints; FAULTY_CORES: the
    cores the run takes itself to have."""
    from cleaner import cli
    from cleaner.run import job, pool
    pool.clean_to_json = WORK.get(os.environ.get("FAULTY_WORK"), slow_work)
    job.CHECKPOINT_SECONDS = float(os.environ.get("FAULTY_CHECKPOINT", "0.2"))
    pool.BATCH_PAGES = int(os.environ.get("FAULTY_BATCH", "2"))
    if os.environ.get("FAULTY_CORES"):
        job.usable_cores = lambda *args: int(os.environ["FAULTY_CORES"])
    return cli.main(argv)
