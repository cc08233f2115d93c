"""Dates of birth in a reader's text: after a DOB keyword, before one, under a label, or in a column headed DOB.

A date alone is no detail (a meeting, a deadline): it identifies a child only where the text says it is a birth
date. Every run of spacing and every skipped line here has a bound, so no text makes a pattern backtrack at length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.reading import ASIDE

_MARK = re.escape(ASIDE.strip())
"""What starts a link's target or a comment read beside the text (`reading.ASIDE`)."""
_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_S = r"[ \t]"
"""Spacing inside one paragraph: a pattern never spans two paragraphs but where it says so."""
_ORDINAL = r"(?:st|nd|rd|th)"
_DAY_WORDS = (
    r"(?:(?:twenty|thirty)[ \-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)
_DAY = rf"(?:\d{{1,2}}{_ORDINAL}?|{_DAY_WORDS})"
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})(?!\d)|\d{{1,2}} ?/ ?\d{{1,2}} ?/ ?\d{{4}}(?!\d)"
    rf"|\d{{1,2}} \d{{1,2}} \d{{4}}|\d{{4}}[-/]\d{{2}}[-/]\d{{2}}"
    rf"|\d{{1,2}}[-/ ]{_MONTHS}[-/ ](?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|{_DAY}{_S}{{1,3}}(?:of{_S}{{1,3}})?{_MONTHS}\.?,?{_S}{{1,3}}(?:\d{{4}}|'?\d{{2}}\b)"
    rf"|{_MONTHS}\.?{_S}{{1,3}}(?:the{_S}{{1,3}})?{_DAY},?{_S}{{1,3}}(?:\d{{4}}|'?\d{{2}}\b))"
)
_BIRTH = r"(?:D\.?[ \t]?O\.?[ \t]?B(?:s|'s)?(?![A-Za-z])\.?|dates?[ \t\-]+of[ \t\-]+birth|birth[ \t\-]?(?:dates?|days?))"
"""The words that only ever name a date of birth (a label's words); "born" and "delivered" end other phrases too."""
_DOB_WORD = rf"(?:{_BIRTH}|born|delivered|b\.(?=[ \t]{{0,3}}\d))"
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
_FILLER = (
    rf"(?:(?:on|the|is|was|of|at|about|around|approx|approximately|circa|estimated|prematurely|early|late|safely|"
    rf"thought|believed|recorded|given|stated|said|to|be|as|in{_S}{{1,3}}(?:the{_S}{{1,3}})?hospital|at{_S}{{1,3}}home|"
    rf"hospital|home|{_WEEKDAY}|\d{{1,2}}{_S}{{1,3}}weeks?)\b[ \t,:\-]{{0,4}}){{0,6}}(?:(?:c|ca|est|approx)\.{_S}{{0,3}})?"
)
"""What may stand between "born" and the date: "on Tuesday", "prematurely on", "is thought to be", "c.". Never
"between", "after", "in", "by" or "up to", which start a cohort or a deadline."""
_RANGE = rf"(?!{_S}{{0,3}}(?:-|to\b|until\b|till\b|through\b){_S}{{0,3}}(?:the{_S}{{1,3}})?{_DATE})"
"""Not the start of a range of dates: "born 1 April 2020 to 31 March 2021" is a cohort, not a child."""
_TAIL = (
    rf"(?:\]?{_S}{{0,3}}\([^()\n]{{0,40}}\)|\[\^?\w{{1,3}}\]|\d{{1,2}}(?={_S}{{0,3}}(?:[:)\n]|\Z))|{_S}{{0,3}}[†‡*]"
    rf"|{_S}{{0,3}}(?:/|&|,|and|or|-){_S}{{0,3}}(?:age|EDD|gender|sex)\b"
    rf"|{_S}{{1,3}}(?:on\b|[\w'’]{{1,20}}(?:{_S}{{1,3}}[\w'’]{{1,20}}){{0,2}}(?={_S}{{0,3}}[:\-\u2013])))"
)
"""What may follow a label's words: "(DD/MM/YYYY)", a link's target, a footnote mark, "/ age", "or EDD", a few
words before a colon ("of child:", "Child A –")."""
_SEPARATORS = r"(?:[ \t:,;=?\-\u2013\u2014)|\\→»\"“”‘’'\ufffd_…]|\.{2,80}+){0,80}+"
"""What parts a label from its value: a colon, dashes, a cell's bar, quotes, Word's alignment, a form's leader dots
or line (never an opening bracket, so that it and the bracketed words after a label cannot be read two ways)."""
_NAMED = rf"(?:[\w'’]{{1,20}}(?:{_S}[\w'’]{{1,20}}){{0,2}}{_S}{{0,3}}[:\-\u2013]{_S}{{0,3}})?"
"""Whose date it is, before it: "Child A: 03/04/2012", "Child A – 03/04/2012"."""
_WHOSE_CELL = rf"(?:(?:child|baby|sibling|infant|young{_S}person)\b[^|\n]{{0,12}}\|{_S}{{0,3}})?"
"""A cell naming whose date the next one holds: `| DOB | Child A | 03/04/2012 |` (not `| DOB | Complete | … |`)."""
_AFTER = re.compile(
    rf"{_TAIL}{{0,3}}{_SEPARATORS}(?:\([^()\n]{{0,40}}\){_SEPARATORS})?{_WHOSE_CELL}{_NAMED}[\[(]?{_FILLER}[\[(]?"
    rf"({_DATE}){_RANGE}",
    re.I,
)
"""A date after a label's words on the same line: "Date of birth (DD/MM/YYYY): 03/04/2012", "| DOB | … |"."""
_LOOSE_AFTER = re.compile(rf"[ \t:,\-\u2013\u2014()]{{0,8}}{_FILLER}({_DATE}){_RANGE}", re.I)
"""A date after "born" or "delivered": "born on Tuesday 3 April 2012", never past a table's cell."""
_PARENT = r"(?:mother|father|parents?|mum|dad|mom|teenager|couple|woman|girl|care[ \t]leaver)"
_BORN_TO = re.compile(
    rf"{_S}{{1,3}}to{_S}{{1,3}}(?=[^.;:|\n]{{0,40}}?\b{_PARENT}\b)[^.;:|\n]{{0,60}}?{_S}on{_S}{{1,3}}(?:the{_S}{{1,3}})?({_DATE}){_RANGE}",
    re.I,
)
"""A date after the parents a child was born to: "born to a mother aged 16 on 3 April 2012"."""
_BEFORE = re.compile(rf"{_DATE}{_S}{{0,3}}\(?{_S}{{0,3}}{_DOB_WORD}(?![A-Za-z])", re.I)
_KEYWORD = re.compile(rf"\b{_DOB_WORD}(?![A-Za-z])", re.I)
_LABEL_END = re.compile(rf"{_TAIL}{{0,3}}{_SEPARATORS}(?:{_S}{{0,3}}{_MARK}[^\n]*)?(?=\n)", re.I)
"""The rest of a label's line: its own words, a colon, what stands beside it (`reading.ASIDE`)."""
_VALUE = re.compile(
    rf"[ \t]{{0,40}}(?:{_MARK}[ \t]{{0,3}})?(?:[-*+•][ \t]{{1,3}}|\d{{1,2}}[.)][ \t]{{1,3}})?"
    rf"(?:!?\[[^\]\n]{{0,80}}\]\([^)\n]{{0,200}}\)[ \t]{{0,3}})?{_NAMED}[\[(\"“]?{_FILLER}({_DATE}){_RANGE}",
    re.I,
)
"""A paragraph that starts with a date, after a list marker, an image or link, or whose date it is."""
_ANOTHER = re.compile(
    rf"(?:{_S}{{0,3}}(?:[,;&|\t]|and\b)|{_S}(?=[ \t\d]))[ \t|]{{0,6}}{_NAMED}({_DATE}){_RANGE}"
    rf"(?={_S}{{0,3}}(?:[,;&|\t.)\d]|and\b|$))",
    re.I | re.M,
)
"""A further date in a list of them after the first: "03/04/2012 and 05/06/2014", "| 03/04/2012 | 05/06/2014 |",
tab-separated cells as a browser shows them ("03/04/2012 05/06/2014")."""
_PICTURE = re.compile(rf"[ \t]*(?:{_MARK}.*|!?\[[^\]\n]*\]\([^)\n]*\)[ \t]*)")
_DIGIT = re.compile(r"\d")
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
_FULL_DATE = re.compile(_DATE, re.I)
_CELLS = re.compile(r"(?:[^|\\\t]|\\.)+")


def dates_of_birth(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each date of birth in `text`."""
    if _KEYWORD.search(text):
        yield from _near_keywords(text)
    if _HEADER.search(text):  # a column headed "DOBs" or "Birth dates" too
        yield from _in_columns(text)


def _near_keywords(text: str) -> Iterator[tuple[int, int]]:
    """A date just after or just before each keyword, or starting the paragraph after a label (the patterns run
    only there: they are costly)."""
    for keyword in _KEYWORD.finditer(text):
        strict, word = _BIRTH_ONLY.fullmatch(keyword.group()) is not None, keyword.group().lower()
        if (word == "b." and _starts_item(text, keyword.start())) or (word == "delivered" and not _birth_near(text, keyword)):
            continue  # "a. …; b. 5 May 2024 review" is a list; "the training was delivered on 12 March 2024" no birth
        after = _DIGIT.search(text, keyword.end(), keyword.end() + 400)  # every date has a digit: else none within reach
        match = after and ((_AFTER if strict else _LOOSE_AFTER).match(text, keyword.end()) or _born_to(text, keyword, word))
        if match:
            yield keyword.start(), match.end(1)
            yield from _further(text, match.end(1))
        if _DIGIT.search(text, max(0, keyword.start() - 40), keyword.start()):
            for match in _BEFORE.finditer(text, max(0, keyword.start() - 40), keyword.end()):
                yield match.start(), match.end()
        if strict or word == "born":
            yield from _under_label(text, keyword, strict)


def _born_to(text: str, keyword: re.Match[str], word: str) -> re.Match[str] | None:
    return _BORN_TO.match(text, keyword.end()) if word == "born" else None


def _further(text: str, end: int) -> Iterator[tuple[int, int]]:
    """The dates that follow the first in a list or a table's row: siblings' dates of birth, written together."""
    while more := _ANOTHER.match(text, end):
        yield more.span(1)
        end = more.end(1)


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
    end = _LABEL_END.match(text, keyword.end())
    position = end.end() if end else -1
    for _ in range(_LOOK_DOWN if end else 0):
        following = text.find("\n", position + 1)
        following = len(text) if following < 0 else following
        if value := _VALUE.match(text, position + 1, following):
            more = list(_further(text, value.end(1)))
            end = more[-1][1] if more else value.end(1)
            if _a_value(text[end : min(following, end + 80)]):
                yield value.span(1)
                yield from more
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
        elif column < len(cells) and (date := _FULL_DATE.search(cells[column].group())):
            yield shift + cells[column].start() + date.start(), shift + cells[column].start() + date.end()
        offset += len(row) + 1
