"""Work limited in processor time (`generator.tasks.processor_limit`): a check that reads at length ends as a failure."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import threading
import time

import pytest

from generator.tasks import OutOfTime, processor_limit
from tests.support import REPO


def _busy(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_work_past_its_processor_time_stops() -> None:
    with pytest.raises(OutOfTime, match=r"not finished within 0\.2 s of processor time"), processor_limit(0.2):
        _busy(5)


def test_a_library_that_passes_over_any_error_does_not_pass_over_the_limit() -> None:
    """A picture's reader passes over any `Exception` it meets in a file's segments (`except Exception: pass`)."""
    started = time.process_time()
    with pytest.raises(OutOfTime), processor_limit(0.2), contextlib.suppress(Exception):  # as such a library does
        _busy(5)
    assert time.process_time() - started < 1


def test_a_limit_passed_over_even_so_comes_again() -> None:
    with pytest.raises(OutOfTime), processor_limit(0.1):
        with contextlib.suppress(BaseException):  # as a careless `except:` does
            _busy(5)
        _busy(5)


def test_a_limit_passed_over_where_the_work_then_ends_is_still_past_its_limit() -> None:
    """The signal may fall in a collector's callback or a finaliser, which passes over what it raises; if the work ends
    before the next one, it still ran past its limit."""
    with pytest.raises(OutOfTime, match=r"within 0\.1 s"), processor_limit(0.1), contextlib.suppress(BaseException):
        _busy(0.5)  # the suppression: as Python passes over what a finaliser raises


def test_work_within_its_time_runs_and_leaves_no_timer_or_handler_behind() -> None:
    before = signal.getsignal(signal.SIGPROF)
    with processor_limit(0.5):
        _busy(0.05)
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGPROF) is before
    _busy(0.6)  # no timer left to fire


def test_a_timer_already_running_stays_in_charge() -> None:
    """A profiler's timer of the same kind, or an outer limit, is neither stopped nor put off by an inner one."""
    ticks: list[int] = []
    before = signal.signal(signal.SIGPROF, lambda signum, frame: ticks.append(signum))
    try:
        signal.setitimer(signal.ITIMER_PROF, 0.01, 0.01)
        with processor_limit(300):
            _busy(0.1)
        assert signal.getitimer(signal.ITIMER_PROF) != (0.0, 0.0)
        _busy(0.1)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, before)
    assert len(ticks) > 10
    started = time.process_time()
    with pytest.raises(OutOfTime), processor_limit(0.2) as outer, processor_limit(5) as inner:
        assert (outer, inner) == (True, False)  # the inner one says it set no limit: an out of time is the outer's
        _busy(3)
    assert time.process_time() - started < 1


def test_waiting_is_no_processor_time() -> None:
    """A loaded machine makes a check take longer, not fail: only the time this process works counts."""
    with processor_limit(0.2):
        time.sleep(0.5)


def test_outside_the_main_thread_work_runs_unlimited() -> None:
    """A timer's signal reaches only the main thread (a preview checks in its own threads)."""
    failures: list[BaseException] = []

    def work() -> None:
        try:
            with processor_limit(0.05):
                _busy(0.3)
        except BaseException as error:
            failures.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert failures == []


LEFT_EARLY = """
import signal, sys
from generator import tasks
from generator.preview import stop_on_sigterm
stop_on_sigterm()  # as a preview does: SIGTERM raises KeyboardInterrupt, in every worker it forks too
for _ in range(100):
    with tasks.shared_out(abs, list(range(-6, 0)), workers=2, chunk=1) as results:
        next(iter(results))  # one result read, then the pool is ended while its workers wait for work
print("ended")
"""


def _blocked() -> None:
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGHUP})


def test_a_pool_ended_early_under_a_preview_ends(tmp_path) -> None:
    """Its workers raised KeyboardInterrupt at the pool's SIGTERM while one held the queue's lock: the other waited for
    that lock for ever, and the pool's end for it (a preview's rebuild, or a test run, hung). Then one sent to a worker
    still starting, before it could take SIGTERM as the system does, raised there; and workers of a process that
    inherited SIGTERM blocked never ended (a test run hung); and CPython's `terminate` amid the work could wait for ever
    (the task handler waiting for the queue's lock): a pool left early now finishes its work. Two run at once."""
    pipe = subprocess.PIPE
    runs = [
        subprocess.Popen([sys.executable, "-c", LEFT_EARLY], cwd=REPO, stdout=pipe, stderr=pipe, text=True, preexec_fn=before)
        for before in (None, _blocked)
    ]
    try:
        for run in runs:
            out, err = run.communicate(timeout=120)
            assert run.returncode == 0 and out.strip() == "ended" and "KeyboardInterrupt" not in err, err
    finally:
        for run in runs:
            run.kill()
