"""How a cold index splits the files among its workers."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from reader.index import _sync


@pytest.mark.parametrize("count", [0, 1, 31, 128, 511, 640, 1000, 10_001])
def test_every_file_goes_to_one_task_in_order_and_the_last_in_small_ones(count: int) -> None:
    files: list[Any] = list(range(count))  # stand-ins for stamps: only their order counts
    chunks = _sync._chunks(files)
    assert list(itertools.chain.from_iterable(chunks)) == files
    sizes = [len(chunk) for chunk in chunks]
    assert all(size <= _sync.CHUNK for size in sizes)
    if count >= 5 * _sync.CHUNK:
        # The workers finish together: the last four chunks' files come in quarters.
        assert sizes[-16:-1] == [_sync.CHUNK // 4] * 15
        assert _sync.CHUNK in sizes
