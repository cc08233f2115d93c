"""Vehicle registration plates as authors write them: the current style however spaced ("AB12 CDE", "AB 12 CDE",
"AB12-CDE"), and the older styles ("R123 ABC", "ABC 123D") after a word naming a vehicle or its plate.

A car a family is known by (the van outside the school, a perpetrator's car) finds them as surely as their address.
The older styles look like a quarter's and a measure's names ("Q1 KPI"), so they count only after a vehicle's word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.anchored import anchored

CURRENT = re.compile(r"\b[A-Z]{2}[ \t]?\d{2}[ \t\-]?[A-Z]{3}\b")
"""A current-style registration (AB12 CDE), in capitals as plates are written, spaced as authors type it."""
_CURRENT_DIGIT = re.compile(r"\d(?:(?<=\b[A-Z]{2}\d)|(?<=\b[A-Z]{2}[ \t]\d))")
"""Where a current-style registration's digits start: looked for first (`anchored.anchored`), as a pattern starting with
a capital would be tried at every one."""
_OLDER = re.compile(r"\b(?:[A-Z]\d{1,3}[ \t\-]?[A-Z]{3}|[A-Z]{3}[ \t\-]?\d{1,3}[A-Z])\b")
"""A prefix-style ("R123 ABC") or suffix-style ("ABC 123D") registration."""
_VEHICLE_BEFORE = re.compile(
    r"\b(?i:reg(?:istration)?|plates?|vehicle|car|van|lorry|truck|moped|motorbike|motorcycle|bike|scooter|taxi|cab|4x4"
    r"|BMW|Audi|Ford|Vauxhall|Mercedes|Toyota|Nissan|Volkswagen|VW|Honda|Peugeot|Renault|Kia|Hyundai|Fiat|Seat|Skoda"
    r"|Range[ \t]Rover|Land[ \t]Rover|Corsa|Fiesta|Golf|Astra|Focus|Transit)\b"
)
_NEAR = 40


def plates(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each registration in `text`."""
    yield from (match.span() for match in anchored(CURRENT, _CURRENT_DIGIT, text, (3, 2)))
    if _VEHICLE_BEFORE.search(text):
        for match in _OLDER.finditer(text):
            if _VEHICLE_BEFORE.search(text, max(0, match.start() - _NEAR), match.start()):
                yield match.start(), match.end()
