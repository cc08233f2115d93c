"""Long listings split into pages of plain links, so that no page grows without bound on a phone.

The first page keeps the listing's own address (`briefings/`); the next are `briefings/page/2/`, … Every
item is on exactly one page. A reporting year is never split (its totals are the year's, whole).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Pager:
    """Where one page of a listing sits among its pages."""

    base: str
    """The listing's own (first) page, site-relative: `briefings/by-theme/neglect/`."""
    number: int
    count: int

    def url(self, number: int) -> str:
        return self.base if number == 1 else f"{self.base}page/{number}/"

    @property
    def numbers(self) -> range:
        return range(1, self.count + 1)


def split(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Pages of at most `size` items; an empty listing still has its one (empty) page."""
    return [items[start : start + size] for start in range(0, len(items), size)] or [items[:0]]


def split_whole(groups: Sequence[T], size: int, weight: Callable[[T], int]) -> list[Sequence[T]]:
    """Pages of whole groups, starting a new page before one would pass `size` items (a group larger than
    `size` has a page of its own)."""
    pages: list[list[T]] = [[]]
    held = 0
    for group in groups:
        if pages[-1] and held + weight(group) > size:
            pages.append([])
            held = 0
        pages[-1].append(group)
        held += weight(group)
    return [tuple(page) for page in pages]


def page_path(path: str, number: int) -> str:
    """The source path of page `number` of the listing at `path` (`briefings/index.md` → `briefings/page/2.md`)."""
    if number == 1:
        return path
    return f"{path.removesuffix('.md').removesuffix('/index')}/page/{number}.md"
