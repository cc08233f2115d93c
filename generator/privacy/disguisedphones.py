"""UK phone numbers written so that digits are not read as one number: the letter O for a zero ("O7700 900123",
"077OO 9OO123") or l or I for a one ("07700 9001l3"), or groups parted by a mark no number is written with ("07700,900,123", "07700∙900∙123",
"07700 : 900444", "07700 – 900444", "07700|900444"), spaces about it or not.

A run counts only where, read with each O as 0, each l or I as 1, and without its separators, it is a UK phone's shape: eleven digits
from 01, 02 or 07 (or +44 and ten), in groups of three digits or more, with four real digits at least. "O2" (the
network), "CO2", "NO2" and counts ("7,700") are far too short; freephone and 03 numbers are organisations'.
Runs with neither a letter O nor such a separator are `detectors`' (one finding per number).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.mobiles import family_number

_MARKS = ",\u2219:;\\\\|~*+=#&>\u2013\u2014\u2012\u2015\u2212\u25aa\u25cf\u25e6\u2027\u22c5\u2605\u00a6\u2016\u2192"
"""Marks that part a phone's digit groups for a reader but not for `detectors`: a comma, a colon or semicolon, a
backslash, a bar, a tilde, an asterisk, a plus, an equals sign, a hash, an ampersand, an arrow, dashes and the minus
sign, a bullet operator, a dot operator, square, round, white and hyphenation bullets, a star, broken and double bars."""
_RUN = re.compile(
    rf"(?=[+0Oo])(?<![\w+])(?:\+44[ \t]?(?:\([0O]\)[ \t]?)?|[0Oo])[0-9OlI]"
    rf"(?:(?:(?:[ \t]{{0,3}}[.\-·•{_MARKS}]){{1,3}}[ \t]{{0,3}}|[ \t]{{1,3}})?[0-9OolI]){{8,11}}(?!\w)"
)
"""From a 0 or an O (or +44) that no word goes before: digits and Os, parted by up to three spaces, or up to three marks
with up to three spaces about each (the look-ahead first lets the engine skip to the next 0, O or plus rather than try the look-behind
at every character)."""
_GROUP = re.compile(r"[0-9OolI]+")
_DISGUISED = re.compile(rf"[OolI{_MARKS}]|-[ \t]+-")
"""What `detectors` does not read as a number's: a letter O, l or I, one of the marks, or hyphens spaced apart."""
_AS_DIGITS = str.maketrans("OolI", "0011")
"""The letters that stand in for a digit: O and o for 0, l and I for 1 ("07700 9001l3")."""
_REAL_DIGITS = 4


def disguised_phones(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each UK phone number written with O for 0 or l for 1, or parted by commas or bullet operators."""
    for match in _RUN.finditer(text):
        run = match.group()
        national = run[3:].lstrip(" \t") if run.startswith("+44") else run
        if national.startswith("("):  # +44 (0)7700 …
            national = national[national.index(")") + 1 :].lstrip(" \t")
        groups = _GROUP.findall(national)
        digits = "".join(groups).translate(_AS_DIGITS)
        if run.startswith("+44"):
            digits = "0" + digits
        if (
            _DISGUISED.search(run)
            and family_number(digits)
            and all(len(group) >= 3 for group in groups)
            and sum(map(str.isdigit, run)) >= _REAL_DIGITS + (2 if run.startswith("+44") else 0)
        ):
            yield match.start(), match.end()
