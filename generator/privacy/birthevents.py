"""A birth told as an event rather than under a label: a child "born to" its parents, a mother who "gave birth to" a
child, a baby "delivered", the day a child "turned 7". A birth told with its hour or weight ("born at 2am on", "born weighing 3lb on") counts where a child is near.
`birthdates` finds the keyword; this says whether what is
around it tells of a person's birth (not a partnership's, a campaign's or a training session's), and reads past the
parents or the child named between the keyword and its date.
"""

from __future__ import annotations

import re

from generator.privacy.dates import DATE, FILLER, NOT_A_RANGE, SPACE
from generator.privacy.familynames import FAMILY_SERVICE

GAVE_BIRTH = rf"(?:gave|gives|giving|given){SPACE}{{1,3}}birth"
"""A mother's giving birth: a birth whatever words come after it ("gave birth to Child A on …")."""
_PARENT = (
    rf"(?:mother|father|parents?|mum|dad|mom|teenagers?|couple|woman|girl|family(?!{FAMILY_SERVICE})"
    r"|care[ \t\-]leaver|\w{1,10}[ \-]year[ \-]old|(?:Mr|Mrs|Ms|Miss)\.?[ \t](?:[A-Z]\.[ \t]?)?\w+)"
)
_BORN_TO = re.compile(
    rf"{SPACE}{{1,3}}to{SPACE}{{1,3}}(?:(?:a|an|the|same|her|his|their|two|young|teenage|single|child|baby|[\w'’]{{1,20}}['’]s"
    rf"|[\w\-]{{1,20}}-\w{{1,12}}){SPACE}{{1,3}}){{0,3}}{_PARENT}\b"
    rf"(?:{SPACE}{{1,3}}(?:aged{SPACE}{{1,3}}\d{{1,2}}|\([^()\n]{{0,30}}\)|at{SPACE}{{1,3}}\d{{1,2}}[.:]\d{{2}}{SPACE}?(?:[ap]m)?"
    rf"|in{SPACE}{{1,3}}hospital|at{SPACE}{{1,3}}home)|,[^,.;:|\n]{{1,40}},){{0,3}}{SPACE}{{1,3}}(?=on\b){FILLER}({DATE}){NOT_A_RANGE}",
    re.I,
)
"""A date after the parents a child was born to: "born to a mother aged 16 on 3 April 2012"."""
_BORN_DETAIL = re.compile(
    rf"(?:[ \t,]{{1,3}}(?:at{SPACE}{{1,3}}\d{{1,2}}(?:[.:]\d{{2}})?{SPACE}{{0,2}}(?:[ap]\.?m\b\.?|hrs\b|hours\b)?"
    rf"|at{SPACE}{{1,3}}(?:full{SPACE}{{1,3}})?term|at{SPACE}{{1,3}}\d{{2}}(?:\+\d)?{SPACE}{{1,3}}weeks(?:{SPACE}{{1,3}}gestation)?"
    rf"|weighing{SPACE}{{1,3}}\d{{1,2}}(?:\.\d{{1,3}})?{SPACE}{{0,2}}(?:lbs?|kg|g|grams|pounds?)\b"
    rf"(?:{SPACE}{{0,3}}\d{{1,2}}{SPACE}{{0,2}}(?:oz|ounces?)\b)?)){{1,3}}[ \t,]{{1,3}}(?=on\b){FILLER}({DATE}){NOT_A_RANGE}",
    re.I,
)
"""A date after what a child was born at or weighing: "born at 2am on 3 April 2011", "born weighing 3lb 4oz on …",
"born at 32 weeks on …" (only with a child or a person near: "the project was born at 9am on …" is none)."""
_GIVEN_BIRTH_TO = re.compile(
    rf"{SPACE}{{1,3}}to{SPACE}{{1,3}}(?:[\w'’\-]{{1,20}},?{SPACE}{{1,3}}){{1,6}}(?=on\b){FILLER}({DATE}){NOT_A_RANGE}", re.I
)
"""A date after the child a mother gave birth to, a few words at most: "gave birth to Child A on 3 March 2021", "gave
birth to a baby boy, Child B, on …", "gave birth to twins at 32 weeks on …"."""
_DELIVERED_THING = re.compile(
    r"\b(?:training|sessions?|briefings?|courses?|workshops?|seminars?|webinars?|modules?|lectures?|talks?|presentations?"
    r"|programmes?|reports?|letters?|leaflets?|parcels?|packages?|services?|plans?|interventions?|support|meetings?)\b",
    re.I,
)
"""What else is delivered ("the training was delivered on …"): before "delivered", it is no birth."""
_BABY = re.compile(
    r"\b(?:bab(?:y|ies)|child(?:ren)?|infants?|twins?|triplets?|son|daughter|boy|girl|newborn|neonate|mother)\b", re.I
)
"""Who is delivered, when "delivered" tells of a birth: "the baby was delivered", "Child B was delivered"."""
_PERSON = re.compile(r"\b(?:he|she|they|his|her|their|him|them)\b", re.I)
_MOTHER = re.compile(rf"\b{_PARENT}\b", re.I)
"""Who gives birth: "Mum gave birth …", "Mrs A gave birth …", "a 16-year-old gave birth …"."""
_PSEUDONYM_BEFORE = re.compile(r"\b(?:child|baby|sibling|twin|infant|young[ \t]person)[ \t]+[A-Z0-9]{1,2}[ \t]*:[ \t]*$", re.I)
"""A child's pseudonym and a colon just before "b.": "Child A: b. 3.4.11" is a birth, not a list's item b."""
_NEAR = 60
"""Characters looked back over for the child, the person or the mother a birth needs."""


def child_near(text: str, start: int) -> bool:
    """Whether a child or a person is named just before `start`, as "turned 7 on", "birth on" and "born in <place> on"
    need to tell of a birth ("Child A turned 7 on …", "his birth on …"), not of a partnership's or a campaign's."""
    before = max(0, start - _NEAR)
    return _BABY.search(text, before, start) is not None or _PERSON.search(text, before, start) is not None


_SOMEONE = re.compile(
    r"\b(?:(?i:child|baby|sibling|twin|infant|young[ \t]person)[ \t]+[A-Z0-9]{1,2}(?:['’]s)?\b|(?i:he|she|his|her|him)\b)"
)
"""A child named by a pseudonym, or a person by a pronoun: a particular child, not a cohort ("a child born on …")."""


def someone_near(text: str, start: int) -> bool:
    """Whether a particular child or person is named just before `start`, as a birthday without its year needs."""
    return _SOMEONE.search(text, max(0, start - _NEAR), start) is not None


def mother_near(text: str, start: int) -> bool:
    """Whether "gave birth" is told of a mother or a person ("Mum gave birth …", "she gave birth …"), not of a review
    or a partnership ("the review gave birth to a new protocol, launched on …")."""
    return child_near(text, start) or _MOTHER.search(text, max(0, start - _NEAR), start) is not None


def birth_near(text: str, start: int) -> bool:
    """Whether "delivered" at `start` tells of a birth: a baby named just before it, and no other thing delivered."""
    before = max(0, start - _NEAR)
    return _BABY.search(text, before, start) is not None and _DELIVERED_THING.search(text, before, start) is None


def born_to(text: str, end: int, word: str) -> re.Match[str] | None:
    """The date after the parents a child was "born to", or after the child a mother "gave birth to" (the keyword
    `word` ends at `end`), its group 1 the date."""
    if word == "born":
        detail = _BORN_DETAIL.match(text, end) if child_near(text, end - len(word)) else None
        return _BORN_TO.match(text, end) or detail
    return _GIVEN_BIRTH_TO.match(text, end) if word.endswith("birth") and word[:1] == "g" else None


def named_child_before(text: str, start: int) -> bool:
    """Whether a child's pseudonym and a colon stand just before `start` ("Child A: b. 3.4.11")."""
    return _PSEUDONYM_BEFORE.search(text, max(0, start - 30), start) is not None
