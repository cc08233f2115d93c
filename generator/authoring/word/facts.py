"""Facts a document states in words, read the way people write them: dates, counts of cases and children,
the taxonomy's agencies and themes, an action's owner and status. Each finder returns the text it read, so
that the author can be told where a value came from."""

from __future__ import annotations

import re
from datetime import date

from generator.content.slugs import slugify
from generator.privacy import detectors

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATES = (
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})([/.-])(?P<month>\d{1,2})\2(?P<year>\d{4}|\d{2})\b"),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
)
"""Day first, as British documents write dates: 12 June 2024, 12th of June 2024, June 12, 2024, 12/06/2024,
12.06.24, 2024-06-12."""
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?,?$", re.I)
_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = "|".join(word for word, number in _NUMBER_WORDS.items() if 0 < number < 10)
_GROUP = "[\u2009\u202f]"
"""A thin space, which parts a number's thousands in typeset reports (`1 200`); an ordinary space may part two numbers
(`Section 47 120 children`), so a number after one is none (see `_NUMBER`)."""
_NUMBER = (
    rf"(?<![\w,.\u2010-\u2015-])(?<!\d[ \u00a0\u2009\u202f])(?<!hundred )(?<!hundred and )(?<!thousand )(?<!thousand and )"
    rf"(?P<number>\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:{_GROUP}\d{{3}})+(?!\d)|\d+"
    rf"|(?:{'|'.join(_TENS)})(?:[- \u2010\u2011](?:{_UNITS}))?|{'|'.join(_NUMBER_WORDS)})(?![\w,.]\d)"
    r"(?!\s+(?:hundred|thousand|million|dozen)\b)"
)
"""A whole number and never a piece of one: `1,200` and `1 200` with a thin space (not their `200`), `twenty-one`
(not its `one`), `45,000`; `1 200` with a space, and `one hundred and twelve`, are none (not their `200`, `one` or
`twelve`). Nothing may come right before it that
would make it part of another number or word."""
_COUNTS = {
    "cases": re.compile(rf"\b{_NUMBER}\s+(?:[a-z-]+\s+)?(?:cases?|case files?)\b", re.I),
    "children": re.compile(rf"\b{_NUMBER}\s+(?:[a-z-]+\s+)?(?:child(?:ren)?|young people)\b(?!['’])", re.I),
}
"""`6 cases`, `six multi-agency cases`, `11 children`, `eleven young people` (not `3 children's services`)."""
STATUSES = {
    "Not started": ("not started", "not yet started", "to do", "todo", "not begun", "planned", "pending"),
    "In progress": (
        "in progress",
        "ongoing",
        "on going",
        "underway",
        "under way",
        "started",
        "in hand",
        "on track",
        "partially complete",
        "partly complete",
        "partially completed",
    ),
    "Complete": ("complete", "completed", "done", "achieved", "closed", "finished"),
}
"""The contract's statuses and the words action plans use for them. RAG colours are not among them: green
can mean "on track" as well as "done", so a colour is kept as written for the author to decide."""
_PSEUDONYM = re.compile(r"\b(?:Child|Young [Pp]erson|Sibling|Baby|Parent|Adult|Family)\s[A-Z]\b(?![\w-])")


def first_date(text: str) -> tuple[date, str] | None:
    """The first real date written in `text`, with the words it was read from, that is not a date of birth:
    a date the privacy scan flags (`DOB 03/04/2011`) is never an audit's date, wherever else it is written."""
    found = sorted(
        (match.start(), match.end(), match.group(), day)
        for pattern in _DATES
        for match in pattern.finditer(text)
        if (day := _day(match)) is not None
    )
    flagged = [(start, end) for start, end, _ in detectors.detect(text)]
    births = {day for start, end, _, day in found if any(s < end and start < e for s, e in flagged)}
    usable = [(day, words) for _, _, words, day in found if day not in births]
    return usable[0] if usable else None


def as_date(text: str) -> date | None:
    """`text` read as one date (a table's Due cell), or None if it says more or less than a date."""
    found = first_date(text)
    if found is None:
        return None
    rest = text.replace(found[1], " ", 1).split()
    return found[0] if all(_WEEKDAY.match(word) for word in rest) else None


def _day(match: re.Match[str]) -> date | None:
    month = match["month"]
    year = int(match["year"])
    try:
        return date(
            year + 2000 if year < 100 else year, int(month) if month.isdigit() else _MONTHS[month.lower()], int(match["day"])
        )
    except ValueError:
        return None


def count(text: str, what: str) -> tuple[int, str] | None:
    """The first number of `what` ("cases" or "children") that `text` states, with the words it was read from."""
    match = _COUNTS[what].search(text)
    if match is None:
        return None
    return _number_value(match["number"]), match.group()


def _number_value(written: str) -> int:
    """The value of a number as `_NUMBER` reads it: digits with or without thousands' commas, or words."""
    if written[0].isdigit():
        return int(re.sub(r"\D", "", written))
    words = re.split(r"[- \u2010\u2011]", written.lower())
    if words[0] in _TENS:
        return _TENS[words[0]] + (_NUMBER_WORDS[words[1]] if len(words) > 1 else 0)
    return _NUMBER_WORDS[words[0]]


def _folded(text: str) -> str:
    """Lower case, curly apostrophes straight, hyphens and runs of spaces as one space: `Multi-agency` is
    `multi agency`, `Children’s` is `children's`."""
    return " " + " ".join(re.sub(r"[-\u2010-\u2015]", " ", text.lower().replace("\u2019", "'")).split()) + " "


def _mentions(folded: str, phrase: str) -> int:
    """Where `phrase` appears as whole words in already folded text, or -1."""
    match = re.search(rf"(?<![\w']){re.escape(_folded(phrase).strip())}(?![\w'])", folded)
    return match.start() if match else -1


def named(text: str, vocabulary: dict[str, str]) -> list[str]:
    """Keys of `vocabulary` (key: label) whose label, or key read as words, `text` names; in the vocabulary's order."""
    folded = _folded(text)
    return [key for key, label in vocabulary.items() if _mentions(folded, label) >= 0 or _mentions(folded, key) >= 0]


def first_named(text: str, vocabulary: dict[str, str]) -> str | None:
    """The key of `vocabulary` that `text` names first (for one value, such as the audit type)."""
    folded = _folded(text)
    places = [
        (min(p for p in (_mentions(folded, label), _mentions(folded, key)) if p >= 0), key)
        for key, label in vocabulary.items()
        if max(_mentions(folded, label), _mentions(folded, key)) >= 0
    ]
    return min(places)[1] if places else None


def owner_key(text: str, owners: dict[str, str]) -> str | None:
    """The agency or group key a cell names by its key or label, in any case (`Children's Social Care`)."""
    wanted = slugify(re.sub(r"^\s*the\s+", "", text, flags=re.I))
    return next((key for key, label in owners.items() if wanted in (key, slugify(label))), None)


def status(text: str) -> str | None:
    """The contract's status for an action plan's words (`Completed`, `Ongoing`), or None."""
    words = " ".join(re.sub(r"[^a-z]+", " ", text.lower()).split())
    return next((name for name, wordings in STATUSES.items() if words in wordings), None)


def pseudonyms(text: str) -> list[str]:
    """Invented names of the kind audits use (`Child A`, `Young person B`), once each, in order."""
    return list(dict.fromkeys(match.group() for match in _PSEUDONYM.finditer(text)))
