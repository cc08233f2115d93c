"""Numbers that identify a person only by what their label says they are: a passport's, a bank account's and its sort
code, a learner's unique number, a pupil's number written in groups, and a date of birth written as eight digits.

Without its label each is just a number ("123456789"); after it, it is as identifying as a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.dates import SPACE as _S
from generator.privacy.references import word_starts

_NUMBER_WORDS = rf"(?:{_S}{{1,3}}(?:no\.?|nos\.?|number|num\.?|#))?"
_THEN = rf"(?:{_S}{{1,3}}(?:is|was|of))?{_S}{{0,3}}[:#=\-]?{_S}{{0,3}}"
_DIGIT = r"[ \t\-.]?\d"
"""A digit after at most one space, hyphen or dot: groups as a number's are written (123 456 789, 1234-5678)."""
_LABELLED = (
    ("passport", rf"passport{_NUMBER_WORDS}{_THEN}(?:\d(?:{_DIGIT}){{8}}|[A-Z]{{1,2}}\d{{6,8}})(?![\w/])"),
    ("bank-account", rf"sort[ \t\-]?code{_THEN}\d\d(?P<s>[\-. \t]?)\d\d(?P=s)\d\d(?![\w/\-])"),
    ("bank-account", rf"(?:bank{_S}{{1,3}})?account{_NUMBER_WORDS}{_THEN}\d(?:{_DIGIT}){{7}}(?![\w/\-]|[ \t]\d)"),
    ("learner-number", rf"(?-i:ULN){_NUMBER_WORDS}{_THEN}\d(?:{_DIGIT}){{9}}(?![\w/\-]|[ \t]\d)"),
    ("pupil-number", rf"(?-i:UPN){_NUMBER_WORDS}{_THEN}[A-HJ-NP-TV-Z](?:{_DIGIT}){{11}}(?:[ \t\-]?[A-HJ-NP-TV-Z\d])(?![\w/\-])"),
    (
        "date-of-birth",
        rf"(?:dob|d\.{_S}?o\.{_S}?b\.?|date{_S}of{_S}birth){_THEN}(?:[0-3]\d[01]\d(?:19|20)\d\d|(?:19|20)\d\d[01]\d[0-3]\d)"
        r"(?![\w/\-])",
    ),
)
_YEARS = re.compile(r"(?:19|20)\d\d[ \t\-.](?:19|20)\d\d$")
"""Two years ("the account 2023 2024 figures"): no account's number."""
_PATTERNS = [(kind, re.compile(pattern, re.I)) for kind, pattern in _LABELLED]
_FIRST_WORDS = frozenset(["passport", "sort", "sortcode", "sort-code", "account", "bank", "uln", "upn", "dob", "d.o.b", "date"])


def labelled_numbers(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of each number its label names (see the module's docstring), label included."""
    for start in word_starts(_FIRST_WORDS, text):
        for kind, pattern in _PATTERNS:
            if (match := pattern.match(text, start)) and not _YEARS.search(match.group()):
                yield match.start(), match.end(), kind
                break
