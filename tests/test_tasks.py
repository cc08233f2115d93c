"""Work limited in processor time (`generator.tasks.processor_limit`): a check that reads at length ends as a failure."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from generator.tasks import processor_limit


def _busy(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_work_past_its_processor_time_stops_with_a_timeout() -> None:
    with pytest.raises(TimeoutError, match=r"not finished within 0\.2 s of processor time"), processor_limit(0.2):
        _busy(5)


def test_work_within_its_time_runs_and_leaves_no_timer_or_handler_behind() -> None:
    before = signal.getsignal(signal.SIGPROF)
    with processor_limit(0.5):
        _busy(0.05)
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGPROF) is before
    _busy(0.6)  # no timer left to fire


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
