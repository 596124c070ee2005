"""Ctrl-C stops a long call: the core asks Python's signal handlers while it works
(`pmkit::cancel`), so the handler's exception is raised in place of the result instead
of after the whole call."""

import signal
import time

import pmkit
import pytest


class Interrupted(Exception):
    pass


def _raise_interrupted(signum, frame):
    raise Interrupted()


def _long_forecast():
    # 20,000 trials of about 25,000 periods each: 5e8 history draws, the longest call
    # pmkit runs in normal use (about a second).
    return pmkit.forecast_when(49_999.0, [1.0, 2.0, 3.0], trials=20_000, seed=3)


def test_a_signal_during_a_long_call_raises_its_exception_at_once():
    started = time.perf_counter()
    whole = _long_forecast()
    uninterrupted = time.perf_counter() - started
    assert whole.trials == 20_000

    previous = signal.signal(signal.SIGALRM, _raise_interrupted)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        started = time.perf_counter()
        with pytest.raises(Interrupted):
            _long_forecast()
        interrupted = time.perf_counter() - started
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    # Raised while the call ran, not after it: well before the whole call's time.
    assert interrupted < uninterrupted / 2, (interrupted, uninterrupted)
    # The next call runs normally and gives the same seeded result.
    assert _long_forecast() == whole


def test_keyboard_interrupt_from_sigint_reaches_the_caller():
    signal.setitimer(signal.ITIMER_REAL, 0)
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: signal.raise_signal(signal.SIGINT))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        with pytest.raises(KeyboardInterrupt):
            _long_forecast()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_calls_that_end_normally_are_unaffected():
    assert pmkit.churn_rate(200, 5) == 0.025
    with pytest.raises(pmkit.PmkitError) as raised:
        pmkit.churn_rate(200, -1)
    assert raised.value.field == "customers_lost"
