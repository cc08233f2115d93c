"""Dates of birth in a reader's text: after a DOB keyword, before one, under a label, or in a column headed DOB.

A date alone is no detail (a meeting, a deadline): it identifies a child only where the text says it is a birth
date. Every run of spacing and every skipped line here has a bound, so no text makes a pattern backtrack at length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.dates import (
    DATE,
    FILLER,
    ITEM_END,
    ITEM_SEP,
    MARKER,
    NAMED,
    NOT_A_RANGE,
    NOT_BIRTH,
    NOTE,
    OTHER_DATE,
    PLACEHOLDER,
    SPACE,
    TRAILER,
    WHOSE,
)
from generator.privacy.reading import ASIDE

_MARK = re.escape(ASIDE.strip())
"""What starts a link's target or a comment read beside the text (`reading.ASIDE`)."""
_BIRTH = r"(?:D\.?[ \t]?O\.?[ \t]?B(?:s|'s)?(?![A-Za-z])\.?|dates?[ \t\-]+of[ \t\-]+birth|birth[ \t\-]?(?:dates?|days?))"
"""The words that only ever name a date of birth (a label's words); "born" and "delivered" end other phrases too."""
_DOB_WORD = rf"(?:{_BIRTH}|born|delivered|b\.(?=[ \t]{{0,3}}\d))"
_TAIL = (
    rf"(?:\]?{SPACE}{{0,3}}\([^()\n]{{0,40}}\)|\[\^?\w{{1,3}}\]|\d{{1,2}}(?={SPACE}{{0,3}}(?:[:)\n]|\Z))|{SPACE}{{0,3}}[†‡*]"
    rf"|{SPACE}{{0,3}}(?:/|&|,|and|or|-){SPACE}{{0,3}}(?:age|EDD|gender|sex)\b"
    rf"|{SPACE}{{1,3}}(?:on\b|(?!{NOT_BIRTH}\b)[\w'’]{{1,20}}(?:{SPACE}{{1,3}}[\w'’]{{1,20}}){{0,2}}"
    rf"(?={SPACE}{{0,3}}(?:[:\-\u2013_…·∙⋯]|\.[ \t]{{0,2}}\.))))"
)
"""What may follow a label's words: "(DD/MM/YYYY)", a link's target, a footnote mark, "/ age", "or EDD", a few
words before a colon ("of child:", "Child A –")."""
_SEPARATORS = r"(?:[ \t:,;=?\-\u2013\u2014)|\\→»\"“”‘’'\ufffd_…·∙⋯]|\.(?:[ \t]{0,2}\.){1,80}+){0,80}+"
"""What parts a label from its value: a colon, dashes, a cell's bar, quotes, Word's alignment, a form's leader dots
or line (never an opening bracket, so that it and the bracketed words after a label cannot be read two ways)."""
_WHOSE_CELL = rf"(?:(?:child|baby|sibling|infant|young{SPACE}person)\b[^|\n]{{0,12}}\|{SPACE}{{0,3}})?"
"""A cell naming whose date the next one holds: `| DOB | Child A | 03/04/2012 |` (not `| DOB | Complete | … |`)."""
_AFTER = re.compile(
    rf"{_TAIL}{{0,3}}{_SEPARATORS}(?:\([^()\n]{{0,40}}\){_SEPARATORS})?{_WHOSE_CELL}(?:{WHOSE}|{NAMED})[\[(]?{FILLER}[\[(]?"
    rf"({DATE}){NOT_A_RANGE}",
    re.I,
)
"""A date after a label's words on the same line: "Date of birth (DD/MM/YYYY): 03/04/2012", "| DOB | … |"."""
_LOOSE_AFTER = re.compile(rf"[ \t:,\-\u2013\u2014()]{{0,8}}{FILLER}({DATE}){NOT_A_RANGE}", re.I)
"""A date after "born" or "delivered": "born on Tuesday 3 April 2012", never past a table's cell."""
_PARENT = (
    r"(?:mother|father|parents?|mum|dad|mom|teenagers?|couple|woman|girl|family(?![ \t]+(?:hubs?|centres?|support|services?|team))"
    r"|care[ \t\-]leaver|\w{1,10}[ \-]year[ \-]old|(?:Mr|Mrs|Ms|Miss)\.?[ \t](?:[A-Z]\.[ \t]?)?\w+)"
)
_BORN_TO = re.compile(
    rf"{SPACE}{{1,3}}to{SPACE}{{1,3}}(?:(?:a|an|the|same|her|his|their|two|young|teenage|single|child|baby|[\w'’]{{1,20}}['’]s"
    rf"|[\w\-]{{1,20}}-\w{{1,12}}){SPACE}{{1,3}}){{0,3}}{_PARENT}\b"
    rf"(?:[^.;:|()\n]|\([^()\n]{{0,30}}\)|(?<=\d)[.:](?=\d)|(?<=\b[A-Z])\.){{0,60}}?{SPACE}(?=on\b){FILLER}({DATE}){NOT_A_RANGE}",
    re.I,
)
"""A date after the parents a child was born to: "born to a mother aged 16 on 3 April 2012"."""
_BEFORE = re.compile(rf"{DATE}{SPACE}{{0,3}}\(?{SPACE}{{0,3}}{_DOB_WORD}(?![A-Za-z])", re.I)
_KEYWORD = re.compile(rf"\b{_DOB_WORD}(?![A-Za-z])", re.I)
_LABEL_END = re.compile(rf"{_TAIL}{{0,3}}{_SEPARATORS}(?:{SPACE}{{0,3}}{_MARK}[^\n]*)?(?=\n)", re.I)
"""The rest of a label's line: its own words, a colon, what stands beside it (`reading.ASIDE`)."""
_BORN_LABEL_END = re.compile(rf"(?:{SPACE}{{1,3}}on\b)?{_SEPARATORS}(?=\n)", re.I)
"""The rest of a line that "Born" labels: "on", a colon ("Born in Bradford:" labels no date)."""
_VALUE = re.compile(
    rf"[ \t]{{0,40}}(?:{_MARK}[ \t]{{0,3}})?{MARKER}?"
    rf"(?:!?\[[^\]\n]{{0,80}}\]\([^)\n]{{0,200}}\)[ \t]{{0,3}})?(?:{WHOSE}|{NAMED})[\[(\"“]?{FILLER}({DATE}){NOT_A_RANGE}",
    re.I,
)
"""A paragraph that starts with a date, after a list marker, an image or link, or whose date it is."""
_CHAIN_END = re.compile(
    rf"{NOTE}(?:{ITEM_SEP}[\"“‘'(\[]?{PLACEHOLDER}[\"”’')\]]?{NOTE}){{0,3}}{SPACE}{{0,3}}[\"”’'*]?{SPACE}{{0,3}}"
    rf"(?:{TRAILER}[^|\n]{{0,60}})?"
    rf"{SPACE}{{0,3}}(?:[.;|)\t!:✓]|$)",
    re.I | re.M,
)
"""How a list of dates of birth ends: its line, cell or sentence, or "respectively", "both confirmed by health". A
list that runs on into other words ("… and 14 June 2024 strategy meetings") is a list of something else."""
_ANOTHER = re.compile(
    rf"[\"”’')\]]?{NOTE}(?:{ITEM_SEP}{MARKER}?{WHOSE}?[\"“‘'(\[]?{PLACEHOLDER}[\"”’')\]]?{NOTE}){{0,3}}{ITEM_SEP}{MARKER}?{WHOSE}?"
    rf"[\"“‘'(\[]?{FILLER}"
    rf"({DATE}){NOT_A_RANGE}[\"”’')\]]?{NOTE}{ITEM_END}",
    re.I | re.M,
)
"""A further date in a list of them, past items that hold none: "03/04/2012 and 05/06/2014", "| n/k | 05/06/2014 |",
"Child B: 05/06/2014", tab-separated cells as a browser shows them ("03/04/2012 05/06/2014")."""
_HOLE = re.compile(
    rf"{_TAIL}{{0,3}}{_SEPARATORS}{_WHOSE_CELL}(?:{WHOSE}|{NAMED})[\"“‘'(\[]?{PLACEHOLDER}[\"”’')\]]?{NOTE}{ITEM_END}",
    re.I | re.M,
)
"""A label's first value that is no date ("Dates of birth: withheld, 05/06/2014"): the dates after it still count."""
_ITEM = re.compile(
    rf"[ \t]{{0,40}}(?:{_MARK}[ \t]{{0,3}})?{MARKER}?(?:{WHOSE}|{NAMED})[\"“‘'(\[]?"
    rf"(?:({DATE}){NOT_A_RANGE}|{PLACEHOLDER})[\"”’')\]]?{NOTE}{ITEM_END}",
    re.I | re.M,
)
"""A line of a list of dates of birth, or of their stand-ins: "- 05/06/2014", "Child B: 05/06/2014", "- [redacted]"."""
_LIST_LENGTH = 30
"""Lines of a list of dates looked at, at most."""
_ROW_WIDTH = 2_000
"""Characters of a table's row whose cells are counted to find a date's column header, at most."""
_PICTURE = re.compile(rf"[ \t]*(?:{_MARK}.*|!?\[[^\]\n]*\]\([^)\n]*\)[ \t]*)")
_DIGIT = re.compile(r"\d")
_STAND_IN = re.compile(PLACEHOLDER, re.I)
_DELIVERED_THING = re.compile(
    r"\b(?:training|sessions?|briefings?|courses?|workshops?|seminars?|webinars?|modules?|lectures?|talks?|presentations?"
    r"|programmes?|reports?|letters?|leaflets?|parcels?|packages?|services?|plans?|interventions?|support|meetings?)\b",
    re.I,
)
"""What else is delivered ("the training was delivered on …"): before "delivered", it is no birth."""
_LOOK_DOWN = 12
"""Lines looked at below a label for its value: blank lines, and what a reader passes over, may come between."""
_LABEL_WIDTH = 40
"""At most this much may come before the keyword on a label's line ("Child B's date of birth")."""
_BIRTH_ONLY = re.compile(_BIRTH, re.I)
_HEADER = re.compile(rf"\b(?:{_BIRTH}|born)s?\b", re.I)
_FULL_DATE = re.compile(DATE, re.I)
_CELLS = re.compile(r"(?:[^|\\\t]|\\.)+")
_OTHER_HEADER = re.compile(rf"\b{OTHER_DATE}", re.I)


def dates_of_birth(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each date of birth in `text`."""
    if _KEYWORD.search(text):
        yield from _near_keywords(text)
    if _HEADER.search(text):  # a column headed "DOBs" or "Birth dates" too
        yield from _in_columns(text)


def _near_keywords(text: str) -> Iterator[tuple[int, int]]:
    """A date just after or just before each keyword, or starting the paragraph after a label (the patterns run
    only there: they are costly). A keyword within a list already read starts no list of its own."""
    reach = 0
    for keyword in _KEYWORD.finditer(text):
        strict, word = _BIRTH_ONLY.fullmatch(keyword.group()) is not None, keyword.group().lower()
        if (word == "b." and _starts_item(text, keyword.start())) or (word == "delivered" and not _birth_near(text, keyword)):
            continue  # "a. …; b. 5 May 2024 review" is a list; "the training was delivered on 12 March 2024" no birth
        after = _DIGIT.search(text, keyword.end(), keyword.end() + 400)  # every date has a digit: else none within reach
        match = after and ((_AFTER if strict else _LOOSE_AFTER).match(text, keyword.end()) or _born_to(text, keyword, word))
        if match:
            yield keyword.start(), match.end(1)
        elif after and strict and keyword.start() >= reach:
            match = _HOLE.match(text, keyword.end())
        if match and keyword.start() >= reach:
            dates, reach = _further(text, match.end(1) if match.lastindex else match.end())
            yield from dates
        if _DIGIT.search(text, max(0, keyword.start() - 40), keyword.start()):
            for match in _BEFORE.finditer(text, max(0, keyword.start() - 40), keyword.end()):
                yield match.start(), match.end()
        if strict or word == "born":
            yield from _under_label(text, keyword, strict)


def _born_to(text: str, keyword: re.Match[str], word: str) -> re.Match[str] | None:
    return _BORN_TO.match(text, keyword.end()) if word == "born" else None


def _below(text: str, end: int) -> Iterator[tuple[int, int]]:
    """The dates of the lines of a list below a label's first value (which ended at `end`): siblings' dates of
    birth, written a line each, blank lines or what a reader passes over between."""
    gap = 0
    for _ in range(_LIST_LENGTH):
        if text[end : text.find("\n", end) % (len(text) + 1)].strip() or end >= len(text):
            return  # the line goes on with something else: the list has ended
        start = end + 1
        end = text.find("\n", start) % (len(text) + 1)
        if item := _ITEM.match(text, start, end):
            dates, end = _further(text, item.end())
            yield from ([item.span(1)] if item.group(1) else []) + dates
            gap = 0
        elif passed_over(text[start:end]) and gap < _LOOK_DOWN:
            gap += 1
        else:
            return


def _further(text: str, end: int) -> tuple[list[tuple[int, int]], int]:
    """The dates after `end` on its line, past items that hold none, and where they end: none unless the list
    ends there too (`_CHAIN_END`)."""
    dates, start, headers = [], end, {}
    while (more := _ANOTHER.match(text, end)) and not _other_column(text, end, more.start(1), headers):
        dates.append(more.span(1))
        end = more.end()
    finish = _CHAIN_END.match(text, end)
    return (dates, finish.end()) if finish else ([], start)


def _other_column(text: str, end: int, date: int, headers: dict[int, list[str]]) -> bool:
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
    for _ in range(_LIST_LENGTH):
        above = text.rfind("\n", 0, top - 1) + 1
        if top == 0 or not any(c in "|\t" for c in text[above : top - 1]):
            break
        top = above
    if top not in headers:
        line = text[top : min(text.find("\n", top) % (len(text) + 1), top + _ROW_WIDTH)]
        headers[top] = [cell.group() for cell in _CELLS.finditer(line.strip().strip("|"))] if top < start else []
    header = headers[top][column] if column < len(headers[top]) else ""
    return _OTHER_HEADER.search(header) is not None and _HEADER.search(header) is None


def _birth_near(text: str, keyword: re.Match[str]) -> bool:
    return _DELIVERED_THING.search(text, max(0, keyword.start() - 60), keyword.start()) is None


def _under_label(text: str, keyword: re.Match[str], strict: bool) -> Iterator[tuple[int, int]]:
    """The date that starts the paragraph after a DOB label ends its own line: a definition list, or a
    two-column table pasted from Word as a line each ("Date of birth" ⏎ "12/03/2015"). Between them may
    stand blank lines and what a reader passes over: a link's target, a comment, an image, a rule."""
    window = max(0, keyword.start() - _LABEL_WIDTH)
    line_start = text.rfind("\n", window, keyword.start()) + 1
    before = text[line_start : keyword.start()]
    if (line_start == 0 and window > 0) or ":" in before or not (strict or _alone(before)):
        return
    end = (_LABEL_END if strict else _BORN_LABEL_END).match(text, keyword.end())
    position = end.end() if end else -1
    for _ in range(_LOOK_DOWN if end else 0):
        following = text.find("\n", position + 1)
        following = len(text) if following < 0 else following
        worth = _DIGIT.search(text, position + 1, following) or _STAND_IN.search(text, position + 1, following)
        if worth and (value := _VALUE.match(text, position + 1, following) or _ITEM.match(text, position + 1, following)):
            dates, end = _further(text, value.end(1) if value.group(1) else value.end())
            end = max(end, value.end())
            if _a_value(text[end : min(following, end + 80)]):
                yield from ([value.span(1)] if value.group(1) else []) + dates
                yield from _below(text, end)
            return
        if not passed_over(text[position + 1 : following]) or following == len(text):
            return
        position = following


def _starts_item(text: str, start: int) -> bool:
    """Whether "b." starts the text, a line or a part after a colon or semicolon (looking back a short way only)."""
    before = text[max(0, start - 8) : start].rstrip(" \t")
    return before[-1:] in (";", ":", "\n") or (not before and start <= 8)


def _alone(before: str) -> bool:
    """ "Born" labels a line only with nothing written before it ("How the panel was born" is prose)."""
    return not any(c.isalpha() for c in before)


def _a_value(rest: str) -> bool:
    """Whether what follows the date in its paragraph reads as a value's note ("(aged 5 years 3 months)"), not
    prose: no colon, no sentence ("12 March 2024: panel met", "On 12 March 2024 the panel agreed to it.")."""
    words = rest.split()
    return ":" not in rest and len(words) <= 6 and not (len(words) >= 3 and rest.rstrip()[-1:] in ".!?")


def leads_on(block: str) -> bool:
    """Whether a block of a page may say what the next one holds (a table row, a DOB label), so that it is read
    with it every time rather than passed once for all pages."""
    return "|" in block or _KEYWORD.search(block) is not None


def passed_over(line: str) -> bool:
    """Whether a reader passes over a line or a page's block between a label and its value: blank, a rule or an
    invisible character (no letter or digit shown), a picture or link alone, a comment or link target read beside
    the text."""
    return not any(c.isalnum() for c in line) or _PICTURE.fullmatch(line) is not None


def _in_columns(text: str) -> Iterator[tuple[int, int]]:
    """Dates in a table column headed DOB or date of birth (a Markdown, pasted or tab-separated table, one row a
    line)."""
    column, offset = None, 0
    for row in text.split("\n"):
        table = "|" in row or "\t" in row
        cells = list(_CELLS.finditer(row.strip().strip("|"))) if table else None
        shift = offset + len(row) - len(row.lstrip()) + (1 if row.lstrip().startswith("|") else 0)
        if row.lstrip().startswith(ASIDE.strip()):
            pass  # a link's target or a comment between rows, read beside the table
        elif cells is None:
            column = None
        elif column is None:
            column = next((i for i, cell in enumerate(cells) if _HEADER.search(cell.group())), None)
        elif column < len(cells):
            at = shift + cells[column].start()
            yield from ((at + date.start(), at + date.end()) for date in _FULL_DATE.finditer(cells[column].group()))
        offset += len(row) + 1
