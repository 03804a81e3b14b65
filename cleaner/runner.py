"""Kept for one release: ``cleaner.runner`` is now ``cleaner.run`` (``run/job.py``:
Job, run; ``run/pool.py``: WorkerPool). Import from there."""
from .io.sinks import OutputError
from .run.job import (
    CHECKPOINT_SECONDS,
    Job,
    StreamFilter,
    Summary,
    cgroup_cpu_quota,
    effective_jobs,
    fingerprint,
    run,
    usable_cores,
)
from .run.pool import BATCH_PAGES, Result, RunError, WorkerPool, clean_to_json, warm_up

__all__ = ["BATCH_PAGES", "CHECKPOINT_SECONDS", "Job", "OutputError", "Result", "RunError", "StreamFilter", "Summary",
           "WorkerPool", "cgroup_cpu_quota", "clean_to_json", "effective_jobs", "fingerprint", "run",
           "usable_cores", "warm_up"]
