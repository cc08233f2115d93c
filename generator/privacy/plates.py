"""Vehicle registration plates as authors write them: the current style ("AB12 CDE", "AB12-CDE") anywhere; spaced
otherwise ("AB 12 CDE") and the older styles ("R123 ABC", "ABC 123D") where a plate is meant: after "reg",
"registration" or "plate", or in brackets after a word naming a vehicle ("a white van (R123 ABC)").

A car a family is known by (the van outside the school, a perpetrator's car) finds them as surely as their address.
Codes of those shapes are common otherwise (a quarter's measures "Q1 KPI", a year's "FY 24 YTD", a car's model "Audi A3
TDI", an Act's section "S165 RTA"), so those forms count only where a plate is meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.anchored import anchored, occurrences

CURRENT = re.compile(r"\b[A-Z]{2}\d{2}[ \t\-]?[A-Z]{3}\b")
"""A current-style registration (AB12 CDE), in capitals as plates are written."""
_CURRENT_DIGIT = re.compile(r"\d(?<=\b[A-Z]{2}\d)")
"""Where a current-style registration's digits start: looked for first (`anchored.anchored`), as a pattern starting with
a capital would be tried at every one."""
_OTHER_STYLES = re.compile(
    r"\b(?:[A-Z]{2}[ \t]\d{2}[ \t\-]?[A-Z]{3}|[A-Z]\d{1,3}[ \t\-]?[A-Z]{3}|[A-Z]{3}[ \t\-]?\d{1,3}[A-Z])\b"
)
"""A current-style registration spaced after its letters ("AB 12 CDE"), a prefix-style ("R123 ABC") or a suffix-style
("ABC 123D") one."""
_PLATE_BEFORE = re.compile(
    r"\b(?i:reg(?:istration)?(?:[ \t]+(?:no|number|mark|plate))?|(?:number[ \t]+)?plates?)\.?[ \t]*[:\-]?[ \t]*$"
)
_VEHICLE_BEFORE = re.compile(
    r"\b(?i:vehicle|car|van|lorry|truck|moped|motorbike|motorcycle|bike|scooter|taxi|cab|4x4|BMW|Audi|Ford|Vauxhall"
    r"|Mercedes|Toyota|Nissan|Volkswagen|VW|Honda|Peugeot|Renault|Kia|Hyundai|Fiat|Seat|Skoda|Range[ \t]Rover"
    r"|Land[ \t]Rover|Corsa|Fiesta|Golf|Astra|Focus|Transit)\b[^()\n]{0,20}\([ \t]*$"
)
"""A vehicle named, then a bracket opened: what the bracket holds is its plate ("a white van (R123 ABC)")."""
_NEAR = 40


def plates(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each registration in `text`."""
    yield from (match.span() for match in anchored(CURRENT, _CURRENT_DIGIT, text, (2,)))
    lowered = text.lower()
    ends = sorted(at + len(word) for word in ("reg", "plate") for at in occurrences(lowered, word))
    for end in ends + [at + 1 for at in occurrences(text, "(") if _VEHICLE_BEFORE.search(text, max(0, at - _NEAR), at + 1)]:
        match = _OTHER_STYLES.search(text, end, end + 32)  # where a plate is meant: the patterns are tried only there
        before = max(0, match.start() - _NEAR) if match else 0
        if match and (_PLATE_BEFORE.search(text, before, match.start()) or _VEHICLE_BEFORE.search(text, before, match.start())):
            yield match.start(), match.end()
