"""Using every core: forked worker processes, where the system can fork.

A fork starts at once and shares the parent's memory (the site model) without pickling it; only
results travel back. Forked workers are short-lived: one that lived on would keep its own copy of
every page of memory the parent changes meanwhile (a long-lived worker is a new interpreter instead,
see `postbuild.PageChecks`). Only full builds use workers: a preview's server threads make forking unsafe.
"""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.pool import Pool

from .memory import give_back

SLICE = 50
"""Items a worker takes at a time (and sends back together); fewer than two slices are not worth a worker."""


def cores() -> int:
    """Cores this process may use, or 1 where processes cannot be forked (Windows)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def worth_sharing(workers: int, items: int) -> bool:
    return workers > 1 and items >= 2 * SLICE


def fork_pool(workers: int, items: int) -> Pool:
    """At most `workers` forked processes for `items` (no more than there are slices to share)."""
    give_back()  # else the workers would share memory the parent has freed, and keep a copy of each page it reuses
    return multiprocessing.get_context("fork").Pool(min(workers, -(-items // SLICE)))
