"""A child's birthday: a birthday's word as a label ("Birthday: 12/03/2015"), and a day and a month written without the
year, which beside a child's age is the whole date of birth ("DOB: 12 March (aged 7)", "Child A was born on 12 March").
`birthdates` finds the keywords; this says when such a day is a child's, not a partnership's or a cohort's. A whole
date in brackets after a child's stand-in ("Child A (12/03/2015)") is one too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.birthevents import someone_near
from generator.privacy.dates import DATE, DAY_MONTH, FILLER, LEAVING_AGE, OTHER_NAMED, SPACE
from generator.privacy.namelists import TIMES, everyday, given_names, places
from generator.privacy.references import word_starts

LABEL_WIDTH = 40
"""At most this much may come before the keyword on a label's line ("Child B's date of birth")."""
NO_YEAR = rf"{DAY_MONTH}(?={SPACE}{{0,3}}(?:[.;,:)\]|(\n\-\u2013]|$|(?:and|or|aged?|twenty|two|nineteen)\b))"
"""A day and a month without the year, where a label's value ends ("DOB: 12 March (aged 7)", "DOB: 12 March - aged
7"): beside a child's age, the whole date (not "DOB: 12 May training for staff")."""
_BORN_NO_YEAR = re.compile(rf"[ \t:,\-\u2013\u2014()]{{0,8}}{FILLER}({NO_YEAR})", re.I)
"""A day and a month after a "Born" label: "Born: 12 March"."""
_SOMEONES_DAY = re.compile(rf"[ \t:,\-\u2013\u2014()]{{0,8}}{FILLER}({DAY_MONTH})", re.I)
"""A day and a month after "born", "b." or a birthday's word, where a child is named just before: "Child A was born on
12 March at 34 weeks", "Child A turns 16 on 12 March", "her 8th birthday on 12 March with her carers"."""
_BIRTHDAY_LABEL = re.compile(r"[ \t]{0,3}(?:[:|=\-\u2013\u2014]|\d)")
_LINE_OR_CELL = re.compile(r"[\n|]")


_STAND_IN = r"(?:Child|Sibling|Twin|Baby|Infant|Young[ \t]+[Pp]erson)[ \t]+(?-i:[A-Z0-9]{1,2})\b"
"""A stand-in for a child, its letter or number in capitals: "Child A", "Young person 2"."""
_REACHED = ("bec", "reach", "attain", "will", "would", "turning")
_SUBJECT = re.compile(
    rf"(?:\b{_STAND_IN}(?:{SPACE}*,{SPACE}*who)?"
    rf"|\b(?i:he|she)|\b(?i:the|a){SPACE}+(?i:young{SPACE}+(?:person|man|woman)|care{SPACE}+leaver|teenager|child|girl|boy))"
    rf"(?:{SPACE}*,[^,\n]{{0,60}},)?{SPACE}+(?:(?:is|was){SPACE}+)?$"
)
"""Who reaches an age, just before the words: a child's stand-in (perhaps with "who"), "he" or "she", a young person or
a care leaver ("Child A became 18 on", "Child A, who will be 18 on", "The care leaver became 18 on", "Child A is turning
18 on"; not "the number of children who reached 18 on", "Care leavers who will be 21 on", "they will be 12 on")."""


def reached(word: str) -> bool:
    """Whether a keyword tells of an age reached ("became 18 on"), which is a birthday only with a child's words just
    before it: counts reach numbers too."""
    return word.startswith(_REACHED)


def age_reached(text: str, start: int) -> bool:
    if _SUBJECT.search(text, max(0, start - 80), start) is not None:
        return True
    named = _NAMED_SUBJECT.search(text, max(0, start - 100), start)  # a pseudonym's too: "Kayden became 18 on"
    word = named.group(1) if named else ""
    lowered = word.lower()
    return word in given_names() and lowered not in everyday() and lowered not in places() and lowered not in TIMES


_NAMED_SUBJECT = re.compile(
    rf"(?<![Ii]n )(?<![Tt]o )(?<!for )\b([A-Z][a-z]+)(?:{SPACE}*,[^,\n]{{0,60}},)?{SPACE}+(?:(?:is|was){SPACE}+)?$"
)
"""A person's given name just before the words, as for `_SUBJECT`'s stand-ins ("Kayden, who is in care, will be 18 on";
not a count's place or time: "Referrals in June reached 45 on", "Allocations to Jordan reached 19 on")."""


def birthday_word(word: str) -> bool:
    """Whether a keyword may name a partnership's day as well as a child's: "turned 5 on", "became 18 on", "birth on",
    "birthday"."""
    return word.startswith(("turn", "birth", *_REACHED)) or word.endswith(("day", "days"))


def labels(text: str, keyword: re.Match[str], strict: bool) -> bool:
    """Whether a birthday's or birth's word labels what follows: written first on its line or in its cell, with a colon,
    a bar or a dash after it, or (a label's words only) the date ("Birthday 12/03/2015"; not "NHS 75th birthday – 5 July",
    "Birthday Bank launch: 3 June")."""
    start = keyword.start()
    window = text[max(0, start - LABEL_WIDTH) : start]
    parts = _LINE_OR_CELL.split(window)
    if len(parts) == 1 and start > LABEL_WIDTH:
        return False  # a long line's words before it
    after = _BIRTHDAY_LABEL.match(text, keyword.end())
    return alone(parts[-1]) and after is not None and (strict or not after.group().strip().isdigit())


def without_year(text: str, keyword: re.Match[str], word: str) -> re.Match[str] | None:
    """A day and a month without the year after "born", "b." or a birthday's word: where a child is named just before
    (not "a child born on 31 August", a cohort), or after a "Born" label."""
    if someone_near(text, keyword.start()):
        return _SOMEONES_DAY.match(text, keyword.end())
    return _BORN_NO_YEAR.match(text, keyword.end()) if word == "born" and labels(text, keyword, False) else None


def alone(before: str) -> bool:
    """ "Born" labels a line only with nothing written before it ("How the panel was born" is prose)."""
    return not any(c.isalpha() for c in before)


_STAND_IN_DATE = re.compile(
    rf"{_STAND_IN}(?:[ \t]*\([ \t]*(?:{LEAVING_AGE}{SPACE}+on{SPACE}+)?({DATE})[ \t]*\)"
    rf"|[ \t]*[:,\-\u2013\u2014][ \t]*{LEAVING_AGE}{SPACE}+on{SPACE}+({DATE})(?={SPACE}*+(?:\.{SPACE}*+)?(?:$|\n|\|)))",
    re.I,
)
"""A stand-in for a child and a whole date in brackets after it, as a case file lists children: "Child A (12/03/2015)";
or the day an age of leaving care is reached, in brackets or as a line's or a cell's last words after a colon, a comma or a dash:
"Child A (18 on 12/03/2025)", "Child A: 18 on 12/03/2025" (not an age or a score on an event's day, which goes on:
"Child A, 17 on 03/02/2024 when she was reported missing", "Child A – 18 on 12/03/2025; Child B – 14 on …")."""
_AGE_ON_A_DAY = re.compile(r"\b(?:ages?|aged|scores?|scored|totals?|ratings?|points|levels?|caseloads?|counts?)\b", re.I)
"""A line about an age or a score on a day ("Age when notified: Child A – 16 on 04/07/2023", "Risk score: Child A – 18 on
12/03/2025"), not a birthday."""
_STAND_IN_WORDS = frozenset({"child", "sibling", "twin", "baby", "infant", "young"})


def stand_in_dates(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each date just after a child's stand-in: its date of birth, or the day it reaches an age of leaving
    care. What comes before on its line is read back `_LINE_BACK` characters at most: a long line is read in linear time."""
    for match in filter(None, (_STAND_IN_DATE.match(text, start) for start in word_starts(_STAND_IN_WORDS, text))):
        back = max(0, match.start() - _LINE_BACK)
        line = text.rfind("\n", back, match.start()) + 1 or back
        if match.lastindex == 2 and _AGE_ON_A_DAY.search(text, line, match.start()):
            continue
        if not OTHER_NAMED.search(text, line, match.start()):  # not "Referrals in the sample: Child A (12/03/2024)"
            yield match.span(match.lastindex or 1)


_LINE_BACK = 120
