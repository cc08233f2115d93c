"""Dates of birth in a reader's text: after a DOB keyword, before one, under a label, or in a column headed DOB.

A date alone is no detail (a meeting, a deadline): it identifies a child only where the text says it is a birth
date. Every run of spacing and every skipped line here has a bound, so no text makes a pattern backtrack at length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.anchored import anchored
from generator.privacy.asides import ASIDE
from generator.privacy.birthcolumns import in_columns, other_column
from generator.privacy.birthdays import LABEL_WIDTH, NO_YEAR, age_reached, alone, birthday_word, labels, reached, without_year
from generator.privacy.birthevents import (
    GAVE_BIRTH,
    birth_near,
    born_to,
    child_near,
    mother_near,
    named_child_before,
)
from generator.privacy.dates import (
    AGE,
    BIRTH,
    DATE,
    FILLER,
    ITEM_END,
    ITEM_SEP,
    KEYWORD_START,
    MARKER,
    NAMED,
    NOT_A_RANGE,
    NOT_BIRTH,
    NOTE,
    OTHER_NAMED,
    PLACEHOLDER,
    SPACE,
    TRAILER,
    WHOSE,
    line_end,
)

_MARK = re.escape(ASIDE.strip())
"""What starts a link's target or a comment read beside the text (`reading.ASIDE`)."""
_DOB_WORD = (
    rf"(?:{BIRTH}|born|delivered|b\.(?=[ \t]{{0,3}}\d)|(?-i:b)(?=[ \t]{{1,3}}\d)(?:(?<=[,(:]b)|(?<=[,(:][ \t]b))|{GAVE_BIRTH}|(?<!-)birth(?={SPACE}{{1,3}}on\b)"
    rf"|(?:turn(?:s|ed|ing)?|bec(?:ame|omes?)|reach(?:es|ed)?|attain(?:s|ed)?|(?:will|would){SPACE}{{1,3}}be){SPACE}{{1,3}}{AGE}"
    rf"(?:{SPACE}{{1,3}}years?{SPACE}{{1,3}}old)?(?={SPACE}{{1,3}}on\b))"
)
"""What names a date of birth: a label's words, "born", a baby "delivered", "b. 3/4/12", "Child A, b 3/4/12" (a bare b only after a comma, a bracket or a colon), a mother who "gave birth", a
"birth on" a date, the day a child "turned 7 on", "became 18 on", "reached 18 on" or "will be 18 on" (a birthday)."""
_TAIL = (
    rf"(?:\]?{SPACE}{{0,3}}\([^()\n]{{0,40}}\)|\[\^?\w{{1,3}}\]|\d{{1,2}}(?={SPACE}{{0,3}}(?:[:)\n]|\Z))|{SPACE}{{0,3}}[†‡*]"
    rf"|{SPACE}{{0,3}}(?:/|&|,|and|or|-){SPACE}{{0,3}}(?:age|EDD|gender|sex)\b"
    rf"|{SPACE}{{1,3}}(?:on\b|(?!(?:[\w'’]{{1,20}}{SPACE}{{1,3}}){{0,2}}{NOT_BIRTH}\b)[\w'’]{{1,20}}(?:{SPACE}{{1,3}}[\w'’]{{1,20}}){{0,2}}"
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
    rf"({DATE}|{NO_YEAR}){NOT_A_RANGE}",
    re.I,
)
"""A date after a label's words on the same line: "Date of birth (DD/MM/YYYY): 03/04/2012", "| DOB | … |"; a day and a
month there without the year too ("DOB: 12 March", beside a child's age, is the whole date)."""
_LOOSE_AFTER = re.compile(rf"[ \t:,\-\u2013\u2014()]{{0,8}}{FILLER}({DATE}){NOT_A_RANGE}", re.I)
"""A date after "born" or "delivered": "born on Tuesday 3 April 2012", never past a table's cell."""
_BEFORE = re.compile(rf"{DATE}{SPACE}{{0,3}}(\()?{SPACE}{{0,3}}{_DOB_WORD}(?![A-Za-z])(?(1){SPACE}{{0,3}}\))", re.I)
"""A date before its keyword: "03/04/2012 (DOB)", not "31/03/2024 (DOB, NHS number)", a list of fields."""
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
_PICTURE = re.compile(rf"[ \t]*(?:{_MARK}.*|!?\[[^\]\n]*\]\([^)\n]*\)[ \t]*)")
_DIGIT = re.compile(r"\d")
_STAND_IN = re.compile(PLACEHOLDER, re.I)
_LOOK_DOWN = 12
"""Lines looked at below a label for its value: blank lines, and what a reader passes over, may come between."""
_BIRTH_ONLY = re.compile(BIRTH, re.I)
_NO_ONE_ALIVE = re.compile(r"(?<!\d)(?:1[0-8]\d\d|1900)(?!\d)")
_IN_PLACE = re.compile(r"\b(?:in|at)[ \t]+[A-Z]")
"""A place a child was born in, before the date: "born in Northbrook General Hospital on 3 April 2011"."""


def dates_of_birth(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each date of birth in `text`, but one no one alive was born on (a system's default, 01/01/1900)."""
    found = [*_near_keywords(text), *in_columns(text)] if next(_keywords(text), None) else list(in_columns(text))
    yield from ((start, end) for start, end in found if not _NO_ONE_ALIVE.search(text, start, end))


def _keywords(text: str) -> Iterator[re.Match[str]]:
    return anchored(_KEYWORD, KEYWORD_START, text, (0,))


def _near_keywords(text: str) -> Iterator[tuple[int, int]]:
    """A date just after or just before each keyword, or starting the paragraph after a label (the patterns run
    only there: they are costly). A keyword within a list already read starts no list of its own."""
    reach = 0
    for keyword in _keywords(text):
        strict, word = _BIRTH_ONLY.fullmatch(keyword.group()) is not None, keyword.group().lower()
        if (word in ("b.", "b") and _starts_item(text, keyword.start()) and not named_child_before(text, keyword.start())) or (
            word == "delivered" and not birth_near(text, keyword.start())
        ):
            continue  # "a. …; b. 5 May 2024 review" is a list; "the training was delivered on 12 March 2024" no birth
        near = age_reached(text, keyword.start()) if reached(word) else child_near(text, keyword.start())
        if birthday_word(word) and not near and not labels(text, keyword, strict):
            continue  # "the partnership turned 5 on …", "its tenth birthday on …" (not "Birthday: …", a label)
        if word.startswith("g") and not mother_near(text, keyword.start()):
            continue  # "the review gave birth to a protocol, launched on …"
        after = _DIGIT.search(text, keyword.end(), keyword.end() + 400)  # every date has a digit: else none within reach
        match = after and ((_AFTER if strict else _LOOSE_AFTER).match(text, keyword.end()) or born_to(text, keyword.end(), word))
        if not match and after and (word in ("born", "b.", "b") or birthday_word(word)):
            match = without_year(text, keyword, word)
        if (
            match
            and word == "born"
            and _IN_PLACE.search(text, keyword.end(), match.start(1))
            and not child_near(text, keyword.start())
        ):
            match = None  # "Born in Bradford on 12 March 2024 published …", "the campaign was born in Manchester on …"
        if match:
            yield keyword.start(), match.end(1)
        elif after and strict and keyword.start() >= reach:
            match = _HOLE.match(text, keyword.end())
        if match and keyword.start() >= reach:
            dates, reach = _further(text, match.end(1) if match.lastindex else match.end())
            yield from dates
        if _DIGIT.search(text, max(0, keyword.start() - 40), keyword.start()):
            for match in _BEFORE.finditer(text, max(0, keyword.start() - 40), keyword.end() + 4):
                yield match.start(), match.end()
        if strict or word == "born":
            yield from _under_label(text, keyword, strict)


def _below(text: str, end: int) -> Iterator[tuple[int, int]]:
    """The dates of the lines of a list below a label's first value (which ended at `end`): siblings' dates of
    birth, written a line each, blank lines or what a reader passes over between."""
    gap = 0
    for _ in range(_LIST_LENGTH):
        if text[end : line_end(text, end)].strip() or end >= len(text):
            return  # the line goes on with something else: the list has ended
        start = end + 1
        end = line_end(text, start)
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
    while (more := _ANOTHER.match(text, end)) and not other_column(text, end, more.start(1), headers):
        if OTHER_NAMED.search(text, more.end(1), more.end()):
            break  # "12/03/2024 (re-audit)": a note naming another date
        dates.append(more.span(1))
        end = more.end()
    finish = _CHAIN_END.match(text, end)
    return (dates, finish.end()) if finish else ([], start)


def _under_label(text: str, keyword: re.Match[str], strict: bool) -> Iterator[tuple[int, int]]:
    """The date that starts the paragraph after a DOB label ends its own line: a definition list, or a
    two-column table pasted from Word as a line each ("Date of birth" ⏎ "12/03/2015"). Between them may
    stand blank lines and what a reader passes over: a link's target, a comment, an image, a rule."""
    window = max(0, keyword.start() - LABEL_WIDTH)
    line_start = text.rfind("\n", window, keyword.start()) + 1
    before = text[line_start : keyword.start()]
    if (line_start == 0 and window > 0) or ":" in before or not (strict or alone(before)):
        return
    end = (_LABEL_END if strict else _BORN_LABEL_END).match(text, keyword.end())
    position = end.end() if end else -1
    for _ in range(_LOOK_DOWN if end else 0):
        following = line_end(text, position + 1)
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


def _a_value(rest: str) -> bool:
    """Whether what follows the date in its paragraph reads as a value's note ("(aged 5 years 3 months)"), not
    prose: no colon, no sentence ("12 March 2024: panel met", "On 12 March 2024 the panel agreed to it.")."""
    words = rest.split()
    short = ":" not in rest and len(words) <= 6 and not (len(words) >= 3 and rest.rstrip()[-1:] in ".!?")
    return short and OTHER_NAMED.search(rest) is None  # "12 March 2024 workshop" names another date


def leads_on(block: str) -> bool:
    """Whether a block of a page may say what the next one holds (a table row, a DOB label), so that it is read
    with it every time rather than passed once for all pages. A table's label ("Dates of births:") says it of the table
    however far below, past what a reader passes over (`birthcolumns.in_columns`)."""
    return "|" in block or _KEYWORD.search(block) is not None


def passed_over(line: str) -> bool:
    """Whether a reader passes over a line or a page's block between a label and its value: blank, a rule or an
    invisible character (no letter or digit shown), a picture or link alone, a comment or link target read beside
    the text."""
    return not any(c.isalnum() for c in line) or _PICTURE.fullmatch(line) is not None


def listed(line: str) -> bool:
    """Whether a line reads as a label's value or a further item of a list of dates of birth under a label
    ("05/06/2014", "Child B: 05/06/2014", "- [redacted]", "circa 03/04/2012", "on 3 April 2012"): a page's block that
    does, read after the label's, is read with it every time, and so is the next (the list may go on under it)."""
    return _ITEM.match(line) is not None or _VALUE.match(line) is not None
