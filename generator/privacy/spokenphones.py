"""UK phone numbers written in words, as an author reads one out or dodges a filter: "zero seven seven zero zero, nine
zero zero, one two three", "oh seven seven double oh …", "O seven seven O O …", "plus four four seven seven …", or words
and digits mixed ("07700 nine zero zero one two three"), "hundred" after a digit as its two zeros ("oh seven seven
hundred, nine hundred, one two three").

A run counts where its digits, read as written (each "double" and "triple" repeating the next), are a UK number's:
eleven from 01, 02 or 07, or +44 and ten; or a mobile's ten from 7 after a phone's word ("mobile seven seven zero zero
…", as `mobiles` reads digits), but not a count with a word between each pair of commas ("contacts: seven, eight, nine,
…"). A count in words is seldom eleven digits from 01, 02 or 07.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.mobiles import after_phone_word, family_number

_DIGIT_WORDS = {
    **{"zero": "0", "oh": "0", "o": "0", "nought": "0", "naught": "0"},
    **{"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"},
}
_TIMES = {"double": 2, "triple": 3, "treble": 3}
_SPOKEN = "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True))
"""The digits' words, longest first: "one" is tried before "o"."""
_TOKEN = rf"(?:(?:{'|'.join(_TIMES)})[ \t\-]{{1,3}})?(?:{_SPOKEN}|\d{{1,5}})(?:[ \t\-]{{1,3}}hundred)?"
_SEP = r"(?:[ \t]{0,3}[,\-–./;…][ \t]{0,3}|[ \t]{1,3}(?:and[ \t]{1,3})?)"
_ZERO_KEPT = r"[ \t]{0,3}\((?:0|zero|oh|nought)\)"
"""The national 0 in brackets after +44, which is not dialled: "+44 (0) seven seven …"."""
_FURTHER = rf"(?:{_SEP}{_TOKEN}){{2,16}}(?![\w\-])"
_FROM_WORD = re.compile(
    rf"(?=[zonsp+])(?<![\w\-+])(?:zero|oh|o|nought|naught|seven|(?:plus|\+)[ \t]{{0,3}}(?:four|44)(?:{_ZERO_KEPT})?){_FURTHER}",
    re.I,
)
"""A number's first word (its 0, a mobile's 7 where the 0 is left out, its +44), then further digit words or digits,
parted by spaces, commas, hyphens, stops, slashes or semicolons (the look-ahead first lets the engine skip to a letter a
number's word starts with)."""
_FROM_DIGIT = re.compile(rf"[07](?<![\w\-+][07])\d{{0,4}}{_FURTHER}")
"""The same from a number's first digits ("07700 nine zero zero …"): a pattern starting with a digit skips the rest."""
_PART = re.compile(rf"(?:({'|'.join(_TIMES)})[ \t\-]*)?({_SPOKEN}|\d{{1,5}})(?:[ \t\-]*(hundred))?", re.I)
_ZERO_DROPPED = re.compile(_ZERO_KEPT, re.I)
_ENOUGH_WORDS = 2
_AND = re.compile(r"\band\b", re.I)
_FIRST_WORDS = ("zero", " oh", "nought", "naught", "seven", "plus", "+44")
_LATER_WORDS = (" one", " two", " three", " four", " five", " six", " eight", " nine")
"""What a text must hold for a number in words to start in it, or to go on in it after digits: looked for first (most
texts hold none), as the patterns would be tried at each letter or digit. "O" as a word stands in a run with "seven" (a
mobile's) or after another's first word."""


def spoken_phones(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each UK phone number written in words (two of them at least: fewer among digits are `detectors`')."""
    lowered = text.lower()
    first = any(word in lowered for word in _FIRST_WORDS) or lowered.startswith("oh")
    later = first or any(word in lowered for word in _LATER_WORDS)
    runs = [*(_FROM_WORD.finditer(text) if first else ()), *(_FROM_DIGIT.finditer(text) if later else ())]
    for match in sorted(runs, key=lambda run: run.start()):
        run = _ZERO_DROPPED.sub("", match.group(), count=1)
        if "hundred" in run.lower() and _AND.search(run):
            continue  # "seven hundred and two children": a count
        parts = _PART.findall(run)
        if sum(not digit.isdigit() for _, digit, _ in parts) < _ENOUGH_WORDS:
            continue  # digits alone, or with one word, are `detectors`' ("07700 900 one")
        digits = "".join(
            _DIGIT_WORDS.get(digit.lower(), digit) * _TIMES.get(times.lower(), 1) + "00" * bool(hundred)
            for times, digit, hundred in parts
        )
        if run[0] == "+" or run[:4].lower() == "plus":  # the +44 of a UK number
            digits = "0" + digits[2:] if digits.startswith("44") else ""
        national = family_number(digits)
        counted = run.count(",") >= len(parts) - 1  # a word between each pair of commas: a count, without its 0
        mobile = len(digits) == 10 and digits[0] == "7" and not counted and after_phone_word(text, match.start())
        if national or mobile:
            yield match.start(), match.end()
