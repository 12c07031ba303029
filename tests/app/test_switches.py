"""The interpreter's switch interval is held quick by any holder, and put back after the last."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from reader.app.switches import QuickSwitches


@pytest.fixture
def before() -> Iterator[float]:
    """A known interval to start from, and CPython's put back afterwards."""
    sys.setswitchinterval(0.005)
    yield 0.005
    sys.setswitchinterval(0.005)


def test_overlapping_holders_keep_the_smallest_and_put_back_the_first_interval(
    before: float,
) -> None:
    """Two holders ending in the order they started (a load, then a view's job started during
    it and ending after it) leave the interval where it was before either: each putting back
    what it had found would leave the first's quick interval for good."""
    load, view = QuickSwitches(0.0002), QuickSwitches(0.0005)
    load.hold()
    assert sys.getswitchinterval() == pytest.approx(0.0002, abs=2e-6)
    view.hold()
    assert sys.getswitchinterval() == pytest.approx(0.0002, abs=2e-6)
    load.release()
    assert sys.getswitchinterval() == pytest.approx(0.0005, abs=2e-6)
    view.release()
    assert sys.getswitchinterval() == pytest.approx(before, abs=2e-6)


def test_holds_nest_and_a_block_holds_while_it_runs(before: float) -> None:
    quick = QuickSwitches(0.0005)
    with quick.held():
        with quick.held():
            assert sys.getswitchinterval() == pytest.approx(0.0005, abs=2e-6)
        assert sys.getswitchinterval() == pytest.approx(0.0005, abs=2e-6)
    assert sys.getswitchinterval() == pytest.approx(before, abs=2e-6)
    with pytest.raises(KeyError), quick.held():
        raise KeyError("the job failed")
    assert sys.getswitchinterval() == pytest.approx(before, abs=2e-6)


def test_a_hold_never_slows_an_interval_already_quicker(before: float) -> None:
    sys.setswitchinterval(0.0001)
    with QuickSwitches(0.0005).held():
        assert sys.getswitchinterval() == pytest.approx(0.0001, abs=2e-6)
    assert sys.getswitchinterval() == pytest.approx(0.0001, abs=2e-6)
