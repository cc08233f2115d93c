"""Dates of birth in tables: a column headed DOB, and whether a column is headed for some other date.

`birthdates` asks `other_column` of a date further along a row after a DOB cell ("| Field | Value | Checked |").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from generator.privacy.anchored import anchored
from generator.privacy.asides import ASIDE
from generator.privacy.dates import BIRTH, DATE, KEYWORD_START, NOT_BIRTH, OTHER_NAMED, SPACE, line_end
from generator.privacy.reading import CELLS, table_rows

_HEADER_DEPTH = 30
"""Rows above a date looked through for its table's header, at most."""
_ROW_WIDTH = 2_000
"""Characters of a table's row whose cells are counted to find a date's column header, at most."""
_HEADER = re.compile(rf"\b(?:{BIRTH}|born)s?\b", re.I)
_BIRTH = re.compile(rf"\b{BIRTH}", re.I)
_LABEL_WORDS = 8
"""Words a line over a table may hold and still be the table's label, at most."""
_FULL_DATE = re.compile(DATE, re.I)
_NOT_BIRTHS = re.compile(rf"\b(?:from|to|after|before|between|range|cohort|into|{NOT_BIRTH})\b", re.I)
_JUST_DATE = re.compile(r"[^\w]*dates?[^\w]*", re.I)
"""A column headed "Date" alone: under a DOB label, in a table naming whose dates they are, the label's dates."""
_WHOSE = re.compile(
    r"\b(?:child(?:ren)?|bab(?:y|ies)|siblings?|twins?|infants?|young[ \t]+(?:person|people)|names?|pseudonyms?|who"
    r"|sons?|daughters?|brothers?|sisters?)\b",
    re.I,
)
"""A column's header naming whose dates a table holds: "| Child | Date |" (not "| Finding | Date |")."""
_RANGE_CELL = re.compile(rf"{DATE}{SPACE}{{0,3}}(?:-|\u2013|\u2014|to\b|until\b){SPACE}{{0,3}}{DATE}", re.I)
"""A cell holding a range of dates: a cohort's bounds ("01/04/2020 – 31/03/2021"), not a child's birth."""


def other_column(text: str, end: int, date: int, headers: dict[int, list[str]]) -> bool:
    """Whether the date at `date`, in a table cell after `end`, stands in a column headed by another date's name
    ("| Field | Value | Checked |"): the header is the first of the rows just above (looked for a short way up,
    and once for each table: `headers`)."""
    if "|" not in text[end:date] and "\t" not in text[end:date]:
        return False
    top = start = text.rfind("\n", 0, date) + 1
    if date - start > _ROW_WIDTH:
        return False  # too far along a row to count its cells
    row = text[start:date].lstrip(" ").removeprefix("|")
    column = row.count("|") + row.count("\t")
    for _ in range(_HEADER_DEPTH):
        above = text.rfind("\n", 0, top - 1) + 1
        if top == 0 or not any(c in "|\t" for c in text[above : top - 1]):
            break
        top = above
    if top not in headers:
        line = text[top : min(line_end(text, top), top + _ROW_WIDTH)]
        headers[top] = [cell.group() for cell in CELLS.finditer(line.strip().strip("|"))] if top < start else []
    header = headers[top][column] if column < len(headers[top]) else ""
    return OTHER_NAMED.search(header) is not None and _HEADER.search(header) is None


def _births_column(header: str) -> bool:
    """Whether a column's header says its dates are births: "DOB", "Dates of birth", not a cohort's bounds ("Born
    from", "Date of birth range"), a check of them ("DOB check date") or a programme ("Born into Care")."""
    rest = _HEADER.sub(" ", header)
    return rest != header and _NOT_BIRTHS.search(rest) is None and OTHER_NAMED.search(rest) is None


def in_columns(text: str) -> Iterator[tuple[int, int]]:
    """Dates in a table column headed DOB or date of birth (a Markdown, pasted or tab-separated table, one row a
    line), and every date of a table just under a label saying it holds dates of birth (`_births_label`) but in a
    column its first row names for another date."""
    if not next(anchored(_HEADER, KEYWORD_START, text, (0,)), None):  # a column headed "DOBs" or "Birth dates" too
        return
    wanted: Callable[[int], bool] | None = None  # which columns of the table being read hold births, once known
    labelled = False
    for row, shift, cells in table_rows(text):
        if row.lstrip().startswith(ASIDE.strip()):
            pass  # a link's target or a comment between rows, read beside the table
        elif cells is None:
            wanted = None
            labelled = _births_label(row) or (labelled and not any(c.isalnum() for c in row))
        elif wanted is None:
            if cells and not row.lstrip().startswith("|") and "|" in row and _births_label(cells[0].group()):
                labelled, cells = True, cells[1:]  # "Dates of birth:" ⏎ "| Child | Date |": the label reads into the header
            wanted = _wanted([cell.group() for cell in cells], labelled)
            if labelled and wanted:  # its first row may be a row of dates: a table pasted from Word has no header
                yield from _dates(cells, wanted, shift)
            labelled = False
        else:
            yield from _dates(cells, wanted, shift)


def _births_label(line: str) -> bool:
    """Whether a line says, alone, that the table under it holds dates of birth: a heading, a caption or a label
    ("Children's dates of birth:", "Table 1: Dates of birth"), not a check of them or a cohort's bounds."""
    return _BIRTH.search(line) is not None and len(line.split()) <= _LABEL_WORDS and _births_column(line)


def _wanted(header: list[str], labelled: bool) -> Callable[[int], bool] | None:
    """The columns of a table that hold births, by a row taken as its header: the one headed DOB (None: there is
    none, and the next row is taken as the header); under a label, every one not headed for another date
    ("| Child | Date of referral |"; "| Child | Date |" names none but the label's)."""
    if labelled:
        rests = [_HEADER.sub(" ", cell) for cell in header]  # "| Date of birth |" names no other date
        whose = any(_WHOSE.search(cell) for cell in header)  # "| Child | Date |": "Date" is the label's
        others = {
            i
            for i, rest in enumerate(rests)
            if (OTHER_NAMED.search(rest) or _NOT_BIRTHS.search(rest)) and not (whose and _JUST_DATE.fullmatch(rest))
        }
        return lambda column: column not in others
    births = next((i for i, cell in enumerate(header) if _births_column(cell)), None)
    return None if births is None else lambda column: column == births


def _dates(cells: list[re.Match[str]], wanted: Callable[[int], bool], shift: int) -> Iterator[tuple[int, int]]:
    """The dates of a row's cells in the columns `wanted`, but a cell's range (a cohort's bounds)."""
    for column, cell in enumerate(cells):
        if wanted(column) and not _RANGE_CELL.search(cell.group()):
            at = shift + cell.start()
            yield from ((at + date.start(), at + date.end()) for date in _FULL_DATE.finditer(cell.group()))
