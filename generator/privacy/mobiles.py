"""UK mobile numbers written without their leading 0 ("Mother's mobile 7700 900123", "mob 7700 900 123"), and a
landline's local number without its area code after a phone's word ("Nan's landline 496 0123").

Ten digits from 7 are a mobile only where a reader would take them for one: after a phone's word ("mobile:",
"tel no.", "contact number is"), or grouped as a mobile is written (7700 900123, 7700 900 123, 7700-900-123) from a
mobile's range (71 to 75, 77 to 79). A count ("7,700 children"), a year or a longer run of digits is none.

What digits a family's number has (`family_number`, and the organisations' ranges) is said here once, for every
detector that reads a number written otherwise (`disguisedphones`, `spokenphones`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ORGANISATION_NUMBERS = ("0800", "0808", "0500", "03")
"""Freephone numbers and 03 numbers (non-geographic lines that organisations, councils and helplines use): never a family's."""


def family_number(digits: str) -> bool:
    """Whether `digits`, as dialled within the UK, are a number a family could have: eleven from 01, 02 or 07, and no
    organisation's."""
    return len(digits) == 11 and digits[:2] in ("01", "02", "07") and not digits.startswith(ORGANISATION_NUMBERS)


_TEN = re.compile(r"7(?:\d{3}[ .\-]?\d{3}[ .\-]?\d{3}|\d{4}[ .\-]\d{5})")
"""Ten digits from 7 in any grouping a phone's digits are written in (looked for from the 7: no look-behind tried at
every character)."""
_MOBILE_SHAPE = re.compile(r"7[1-57-9]\d\d(?: \d{3} \d{3}| \d{6}|-\d{3}-\d{3})")
"""A mobile's grouping, from a mobile's range: enough alone, without a phone's word before it."""
_PHONE_WORD = re.compile(
    r"\b(?:mobile|mob|phone|telephone|tel|(?<!case[ \t])(?<!crime[ \t])(?<!ref[ \t])(?<!reference[ \t])number|contact|call|ring"
    r"|text|whatsapp|sms)(?:s|['’]s)?\.?"
    r"(?:[ \t]{0,3}(?:[:#=|\-\u2013(]|(?:no|nos|number|num|is|was|on|given|as|now)\b\.?)){0,4}[ \t]{0,3}$",
    re.I,
)
"""A phone's word just before the digits, perhaps with "no.", "number is", a colon or a cell's bar (not a case's or a
crime's number: a reference): read back from the digits only (anchored at them)."""
_LOOK_BACK = 40
"""Characters looked back over for a phone's word."""
_GOES_ON = re.compile(r"\w|[ .,\-/]\d")
"""What continues a run of digits past ten (a longer number, a reference, a decimal)."""


def bare_mobiles(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each mobile number written without its 0, after a phone's word or in a mobile's grouping."""
    for match in _TEN.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else "\n"  # the text's start is a line's ("" is `in` every string)
        if before.isdigit() or before in "+/" or _GOES_ON.match(text, end):
            continue
        shaped = not before.isalnum() and before not in ".,:-_" and _MOBILE_SHAPE.fullmatch(match.group()) is not None
        if shaped or after_phone_word(text, start):
            yield start, end


def after_phone_word(text: str, start: int) -> bool:
    """Whether a phone's word stands just before `start` ("mobile:", "tel no.", "contact number is")."""
    return _PHONE_WORD.search(text, max(0, start - _LOOK_BACK), start) is not None


_LOCAL = re.compile(r"[2-9](?<![\d+][2-9])\d{2,3}[ .\-]?\d{4}(?![\d]|[ .,\-/]\d)")
"""A landline's local number, without its area code (496 0123, 4960 1234): from 2 to 9, as local numbers start (the
look-behind after that first digit, so the engine skips to the next digit rather than try it at every character)."""


def local_numbers(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each landline's local number written without its area code straight after a phone's word
    ("Nan's landline 496 0123", "tel: 4960123"); a number alone ("4960 visits") is none."""
    for match in _LOCAL.finditer(text):
        start = match.start()
        if _YEARS.fullmatch(match.group()):
            continue  # "text 2023 2024": two years
        if _LANDLINE.search(text, max(0, start - _LOOK_BACK), start):
            yield start, match.end()


_YEARS = re.compile(r"(?:19|20)\d\d[ .\-]?(?:19|20)\d\d")
_LANDLINE = re.compile(
    r"\b(?:landline|phone|telephone|tel|ring|call)(?:s|['’]s)?\.?(?:[ \t]{0,3}(?:[:#=(]|(?:no|number|num|is|was|on)\b\.?)){0,4}"
    r"[ \t]{0,3}$",
    re.I,
)
"""A phone's own word just before a local number (not "number" alone, nor "text": a reference's, a document's)."""


def leads_on(block: str) -> bool:
    """Whether a block of a page ends in a phone's word ("Mobile", "Call"), which makes the ten digits starting the
    next block a mobile's number: read with it every time, as a DOB label is."""
    return _PHONE_WORD.search(block, max(0, len(block) - _LOOK_BACK)) is not None
