"""Handing freed memory back to the system during a long build.

CPython frees what a build no longer needs (a page once it is written, the workers' results once
read), but the C library keeps most of it for later use instead of returning it. Returned before
workers are forked, it is not shared with them (the parent reusing it would leave each worker its own
copy of every page it touches); returned before the search indexer starts, it is the indexer's to use.
"""

from __future__ import annotations

import ctypes
import sys


def give_back() -> None:
    """Return free memory to the system where the C library can (glibc's `malloc_trim`); elsewhere do nothing."""
    if sys.platform.startswith("linux"):
        trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
        if trim is not None:
            trim(0)
