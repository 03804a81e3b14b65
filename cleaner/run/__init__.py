"""Corpus runs: worker processes (pool.py) and the whole job the command runs
(job.py). Above the library (``cleaner.api``): each worker holds a Cleaner."""
from .job import Job, Summary, run
from .pool import Result, RunError, WorkerPool, clean_to_json

__all__ = ["Job", "Result", "RunError", "Summary", "WorkerPool", "clean_to_json", "run"]
