"""Where each cell of a page's tables stands, as a browser lays them out: a cell beside one that spans rows above
(`rowspan`) is moved along to its column, so that a row reads as a reader sees it."""

from __future__ import annotations

import re

from lxml import etree

_WIDEST = 20
"""Columns a cell may span (`colspan`), or be moved along by cells spanning rows above: a reader's text stays small."""
_NUMBER = re.compile(r"[ \t\n\f\r]*\+?(\d+)")


class _Table:
    def __init__(self) -> None:
        self.below: dict[int, int] = {}
        """Rows still to be spanned by a cell above, by column."""
        self.covered: set[int] = set()
        """The columns of the current row that a cell above spans."""
        self.column = 0


class Tables:
    """The open tables (one inside another's cell too), so that a cell beside one spanning rows above (`rowspan`)
    keeps its column: the spanned column is read as an empty cell."""

    def __init__(self) -> None:
        self.open: list[_Table] = []

    def enter(self) -> None:
        self.open.append(_Table())

    def leave(self) -> None:
        if self.open:
            self.open.pop()

    def section(self) -> None:
        """A table's head, body or foot: a cell spans rows to the end of its section at most."""
        if self.open:
            self.open[-1].below.clear()

    def row(self) -> None:
        if self.open:
            table = self.open[-1]
            table.covered = {column for column, rows in table.below.items() if rows > 0}
            for column in table.covered:
                table.below[column] -= 1
            table.column = 0

    def cell(self, element: etree._Element) -> int:
        """How many columns the cell takes, with those spanned from above just before it."""
        span, rows = _number(element.get("colspan"), 1), _number(element.get("rowspan"), 1)
        span = min(max(span, 1), _WIDEST)
        if not self.open:
            return span
        table, skipped = self.open[-1], 0
        while table.column in table.covered and skipped < _WIDEST:
            table.column, skipped = table.column + 1, skipped + 1
        if rows != 1:  # 0: to the end of the section
            table.below.update(dict.fromkeys(range(table.column, table.column + span), min(rows or 65_534, 65_534) - 1))
        table.column += span
        return skipped + span


def _number(value: str | None, default: int) -> int:
    """A cell's span as a browser reads it: digits after spaces or a plus sign, whatever follows ("2;", " 2")."""
    found = _NUMBER.match(value or "")
    return int(found.group(1)[:6]) if found else default
