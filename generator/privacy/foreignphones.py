"""Phone numbers from other countries, written with their international prefix: "+48 512 345 678", "+353 87 123 4567",
"0040 721 234 567", "+1 (555) 010-0199" (families from abroad keep their numbers).

A run of digit groups after "+" or "00" is a number only where Google's libphonenumber (`phonenumbers`) finds its
country code and reads the digits as a valid number of that country (a number's length and ranges for each country):
a score or a change ("+48 points", "+12.5%"), a range ("00 40"), money or a year is too short or no number there.
A number whose area code is written in brackets ("+1 (555) 010-0199") needs only the right length: the brackets make
it a phone's, even in a range kept for examples. UK numbers (+44) are `detectors`' (one finding per number).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_RUN = re.compile(
    r"(?=[+0])(?:\+|(?<![\w+.,:/£$€])00[ \t]?)(?=[1-9])\d(?:(?:[ \t]|[ \t]?[.\-/\u2013][ \t]?|[ \t]?\([ \t]?|[ \t]?\)[ \t]?)?\d)*"
)
""""+" or "00" and then digit groups parted by a space, a dot, a hyphen, a slash or an area code's brackets; the
plus may follow a word ("tel+48…"), "00" only a space or a bracket (not "10:00 40", "£1,00")."""
_DIGITS = re.compile(r"\d+")
_UK = "44"
_GOES_ON = re.compile(r"[.,]?\d|\w")
"""A run that goes on past its end as a decimal, a longer number or a word is none: "+48.5", "+48kg"."""


def foreign_phones(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each phone number written with another country's code than the UK's."""
    for match in _RUN.finditer(text):
        if sum(map(str.isdigit, match.group())) < 9 or _GOES_ON.match(text, match.end()):
            continue
        if end := _number_end(match):
            yield match.start(), end


def _number_end(match: re.Match[str]) -> int | None:
    """Where the number that `match` starts ends: its whole run, or the run less groups after it ("+48 512 345 678 2
    children"), at most two groups less."""
    import phonenumbers  # read only where a run of digits has an international prefix: most text has none

    possible = phonenumbers.ValidationResult.IS_POSSIBLE
    run = match.group()
    digits = run[2:] if run.startswith("00") else run[1:]
    if digits.lstrip().startswith(_UK):
        return None
    groups = list(_DIGITS.finditer(run))
    for last in range(len(groups), max(0, len(groups) - 3), -1):
        written = run[: groups[last - 1].end()]
        joined = "".join(group.group() for group in groups[:last])
        number = "+" + (joined[2:] if run.startswith("00") else joined)
        try:
            parsed = phonenumbers.parse(number, None)
        except phonenumbers.NumberParseException:
            return None
        bracketed = "(" in written and ")" in written
        if phonenumbers.is_valid_number(parsed) or (
            bracketed and phonenumbers.is_possible_number_with_reason(parsed) == possible
        ):
            return match.start() + len(written)
    return None
