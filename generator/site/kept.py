"""Pages and files a preview keeps from one rebuild to the next, each made again only if what it was made from changed.

A page is made from its own arguments (its items, its pager, its filter) and from what its template reads of the
site and its indexes. Those reads are recorded as the page is made (`Watched`), each with the value read; at the
next rebuild the page is kept if its arguments are equal and every value it read is still equal. So saving a
briefing's title makes again the listings that show that briefing, not every listing of the site.

Values are compared by equality: the model's values are typed by validation (a count is never 5.0), and the
settings, taxonomy and audience, whose written form counts too, are the same for every rebuild that keeps pages
(`pipeline.Memo.pages_for`).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")

Read = tuple
"""What was read: (`site`, attribute), or (`index`, method, arguments, keyword arguments) for a call."""


@dataclass
class Made:
    """One page or file as made: what it was made from, and the result."""

    args: tuple
    reads: dict[Read, Any]
    result: Any


class Watched:
    """An object whose attribute reads and method calls are recorded, with their values, in `reads`."""

    __slots__ = ("_name", "_reads", "_target")

    def __init__(self, target: object, name: str, reads: dict[Read, Any]) -> None:
        self._target, self._name, self._reads = target, name, reads

    def __getattr__(self, attribute: str) -> Any:
        value = getattr(self._target, attribute)
        if inspect.ismethod(value):
            return partial(self._call, attribute)
        self._reads[(self._name, attribute)] = value
        return value

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        result = getattr(self._target, method)(*args, **kwargs)
        self._reads[(self._name, method, args, tuple(sorted(kwargs.items())))] = result
        return result


class Kept:
    """What the last render made, reused by this one where nothing it was made from changed."""

    def __init__(self, last: Mapping[str, Made], sources: Mapping[str, object]) -> None:
        self.last = last
        self.sources = sources
        """What a page may read besides its arguments, by the name it is read under (the site, its indexes)."""
        self.now: dict[str, Made] = {}

    def make(self, path: str, args: tuple, make: Callable[[Mapping[str, Any]], T]) -> T:
        """`make` given the watched sources, unless the last render made `path` from equal arguments and reads."""
        made = self.last.get(path)
        if made is None or made.args != args or not self._unchanged(made.reads):
            reads: dict[Read, Any] = {}
            made = Made(args, reads, make({name: Watched(source, name, reads) for name, source in self.sources.items()}))
        self.now[path] = made
        return made.result

    def _unchanged(self, reads: dict[Read, Any]) -> bool:
        return all(_same(self._read_again(read), value) for read, value in reads.items())

    def _read_again(self, read: Read) -> Any:
        value = getattr(self.sources[read[0]], read[1])
        return value(*read[2], **dict(read[3])) if len(read) > 2 else value


def _same(now: object, then: object) -> bool:
    return type(now) is type(then) and now == then
