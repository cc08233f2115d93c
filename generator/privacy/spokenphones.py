"""UK phone numbers written in words, as an author reads one out or dodges a filter: "zero seven seven zero zero, nine
zero zero, one two three", "oh seven seven double oh …", "plus four four seven seven …", or words and digits mixed.

A run counts where its digits, read as written (each "double" and "triple" repeating the next), are a UK number's:
eleven from 01, 02 or 07, or "plus four four" and ten; or a mobile's ten from 7 after a phone's word ("mobile seven
seven zero zero …", as `mobiles` reads digits). Counting in words ("one, two, three …") is no number's shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.mobiles import after_phone_word

_DIGIT_WORDS = {
    **{"zero": "0", "oh": "0", "nought": "0", "nil": "0"},
    **{"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"},
}
_TIMES = {"double": 2, "triple": 3, "treble": 3}
_TOKEN = rf"(?:(?:{'|'.join(_TIMES)})[ \t\-]{{1,3}})?(?:{'|'.join(_DIGIT_WORDS)}|\d{{1,5}})"
_SEP = r"(?:[ \t]{0,3}[,\-–.][ \t]{0,3}|[ \t]{1,3})"
_FIRST = r"(?:zero|oh|nought|nil|seven|plus[ \t]{1,3}four|[07]\d{0,4})"
"""How a UK number starts: its 0, its +44, or a mobile's 7 where the 0 is left out."""
_RUN = re.compile(rf"(?=[zonsp07])(?<![\w\-]){_FIRST}(?:{_SEP}{_TOKEN}){{6,16}}(?![\w\-])", re.I)
"""A number's start and six or more further digit words or digits, parted by spaces, commas, hyphens or stops (the
look-ahead first lets the engine skip to a letter or digit a number starts with)."""
_PART = re.compile(rf"(?:({'|'.join(_TIMES)})[ \t\-]*)?({'|'.join(_DIGIT_WORDS)}|\d{{1,5}})", re.I)
_ORGANISATIONS = ("0800", "0808", "0500", "03")
"""As `detectors.ORGANISATION_NUMBERS`: freephone and 03 numbers, never a family's."""


_STARTS = ("zero", "oh", "nought", "nil", "seven", "plus")


def spoken_phones(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each UK phone number written in words (at least three of them)."""
    lowered = text.lower()
    if not any(word in lowered for word in _STARTS):
        return  # the run is looked for only where a number's first word is: most texts have none
    for match in _RUN.finditer(text):
        run = match.group()
        parts = _PART.findall(run)
        if sum(not digit.isdigit() for _, digit in parts) < 3:
            continue  # digits alone are `detectors`'
        digits = "".join(_DIGIT_WORDS.get(digit.lower(), digit) * _TIMES.get(times.lower(), 1) for times, digit in parts)
        if run[:4].lower() == "plus":  # "plus four four …": the +44 of a UK number
            digits = "0" + digits[2:] if digits.startswith("44") else ""
        national = len(digits) == 11 and digits[0] == "0" and digits[1] in "127" and not digits.startswith(_ORGANISATIONS)
        mobile = len(digits) == 10 and digits[0] == "7" and after_phone_word(text, match.start())
        if national or mobile:
            yield match.start(), match.end()
