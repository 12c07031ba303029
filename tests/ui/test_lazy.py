"""A Lazy part is made on its first use, once; asking whether it was made makes nothing."""

from __future__ import annotations

from reader.ui.lazy import Lazy


def test_the_part_is_made_on_first_use_and_kept() -> None:
    made: list[object] = []

    def make() -> object:
        made.append(object())
        return made[-1]

    part = Lazy(make)
    assert part.made is None  # asking (as closing the window does) makes nothing
    assert made == []
    first = part()
    assert part() is first
    assert part.made is first
    assert len(made) == 1
