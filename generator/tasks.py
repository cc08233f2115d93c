"""Serial and parallel work behind one interface: `shared_out(function, items, workers)`; and work that must end,
`processor_limit(seconds)`.

With one worker, or too few items to be worth a process, the results are computed here, lazily. With
more, forked processes compute them: a fork starts at once and shares this process's memory (the site
model) without pickling it; only the results travel back. Forked workers are short-lived (each exits as soon as
the work runs out): one that lived on would keep its own copy of every page of memory this process changes
meanwhile, and of every page its own collections touch. Where processes cannot be forked (Windows), and in a preview
(whose server threads make forking unsafe), work is serial.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.pool import Pool
from typing import TypeVar

from generator.memory import give_back

T = TypeVar("T")
R = TypeVar("R")

SLICE = 50
"""Items a worker takes at a time by default (and sends back together); fewer than two are not worth a worker."""

_job: tuple[Callable[[object], object], Sequence[object]] | None = None
"""The function and items of the work being shared out, as the forked workers inherit them."""


def cores() -> int:
    """Cores this process may use, or 1 where processes cannot be forked."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@contextmanager
def shared_out(function: Callable[[T], R], items: Sequence[T], workers: int, chunk: int | None = None) -> Iterator[Iterator[R]]:
    """`function` over `items`, in order, handed to workers `chunk` at a time. The work starts on entry (in
    workers) or as the results are read (serial), so the caller can do other work before it reads them."""
    global _job
    chunk = chunk or SLICE
    processes = min(workers, -(-len(items) // chunk))
    if processes < 2:
        yield map(function, items)
        return
    give_back()  # else the workers would share memory this process has freed, and keep a copy of each page it reuses
    try:
        _job = (function, items)  # type: ignore[assignment]
        pool = fork_pool(processes)
        _job = None
        try:
            results = pool.imap(_run_one, range(len(items)), chunksize=chunk)
            pool.close()  # each worker exits once the work runs out, not when the caller has read every result: it would
            # hold its copies of this process's pages while this process, collecting results, holds the most
            yield results
        except BaseException:
            pool.terminate()
            raise
        pool.join()  # the work left is finished, not cut short: CPython's `terminate` amid the work can wait for ever
    finally:
        _job = None


_ENDING = {getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)}  # Windows has no SIGHUP


def fork_pool(processes: int) -> Pool:
    """Workers are forked with SIGTERM and SIGHUP held back until they take them as the system does: one sent to a
    worker still starting (a pool ended at once) reached its parent's handler."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _ENDING)  # the pool's threads, which fork later workers, inherit it
    try:
        return multiprocessing.get_context("fork").Pool(processes, initializer=_stopped_at_once)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _stopped_at_once() -> None:
    """A worker ends at once on SIGTERM or SIGHUP (the pool's `terminate`), whatever its parent made of them: a
    preview stops on them as on Ctrl-C, and a worker raising that while it waited for work hung the pool's end; a
    worker that inherited them blocked never ended, nor the pool's end."""
    for number in _ENDING:
        signal.signal(number, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _ENDING)


def _run_one(index: int) -> object:
    assert _job is not None, "set before the workers were forked"
    function, items = _job
    return function(items[index])


class OutOfTime(BaseException):
    """Work past its `processor_limit`. Not an `Exception`: a library that passes over any error it meets (a picture's
    reader does) does not pass over this one."""


@contextmanager
def processor_limit(seconds: float) -> Iterator[bool]:
    """`OutOfTime` in the block once this process has spent `seconds` of processor time in it, and again every second
    after: work that reads a hostile file at length ends, as a failure, rather than hold a build, and the worker it runs
    in, for ever. Processor time, not the clock's: a loaded machine takes longer, not more. Only where a timer's signal
    can reach the block (the main thread, on Unix) and no timer of its kind runs already (an outer limit, a profiler's);
    elsewhere (a preview's threads, Windows) it runs unlimited. It yields whether it set the limit: an `OutOfTime` in a
    block it did not limit is an outer limit's."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_PROF) != (0.0, 0.0)
        or signal.getsignal(signal.SIGPROF) is None  # a handler set outside Python: it could not be put back
    ):
        yield False
        return

    message, fired = f"not finished within {seconds:g} s of processor time", []

    def expired(signum: int, frame: object) -> None:
        fired.append(signum)
        raise OutOfTime(message)

    previous = signal.signal(signal.SIGPROF, expired)
    try:
        signal.setitimer(signal.ITIMER_PROF, seconds, 1.0)
        yield True
        if fired:  # raised where it was passed over (a collector's callback, a finaliser), and the block ended first
            raise OutOfTime(message)
    finally:
        try:
            signal.setitimer(signal.ITIMER_PROF, 0)
        finally:
            signal.signal(signal.SIGPROF, previous)
