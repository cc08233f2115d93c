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
_LABELLED = (
    ("passport", rf"passport{_NUMBER_WORDS}{_THEN}(?:\d{{9}}|[A-Z]{{1,2}}\d{{6,8}})(?![\w/])"),
    ("bank-account", rf"sort{_S}?code{_THEN}\d\d(?P<s>[\-{_S[1:-1]}]?)\d\d(?P=s)\d\d(?![\w/\-])"),
    ("bank-account", rf"(?:bank{_S}{{1,3}})?account{_NUMBER_WORDS}{_THEN}\d{{8}}(?![\w/\-])"),
    ("learner-number", rf"(?-i:ULN){_NUMBER_WORDS}{_THEN}\d{{10}}(?![\w/\-])"),
    ("pupil-number", rf"(?-i:UPN){_NUMBER_WORDS}{_THEN}[A-HJ-NP-TV-Z](?:{_S}?\d){{11}}[A-HJ-NP-TV-Z\d](?![\w/\-])"),
    ("date-of-birth", rf"(?:dob|d\.{_S}?o\.{_S}?b\.?|date{_S}of{_S}birth){_THEN}[0-3]\d[01]\d(?:19|20)\d\d(?![\w/\-])"),
)
_PATTERNS = [(kind, re.compile(pattern, re.I)) for kind, pattern in _LABELLED]
_FIRST_WORDS = frozenset(["passport", "sort", "sortcode", "account", "bank", "uln", "upn", "dob", "d.o.b", "date"])


def labelled_numbers(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of each number its label names (see the module's docstring), label included."""
    for start in word_starts(_FIRST_WORDS, text):
        for kind, pattern in _PATTERNS:
            if match := pattern.match(text, start):
                yield match.start(), match.end(), kind
                break
