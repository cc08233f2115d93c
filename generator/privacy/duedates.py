"""An unborn child's due date: "EDD: 14 June", "due date 14/06/24", "baby due on 14 June". In a pre-birth case it
identifies the family as a date of birth does, and it is often written without its year.

A label naming only a delivery ("EDD", "expected date of delivery") is read by `birthdates` as a date of birth's
label, with a full date after it; here it takes a day and a month too. "Due date" takes a date where its line and
sentence speak of a pregnancy ("Mum's due date 14/06/24", "her due date"), unless it is a task's ("the report's due
date", "due date for returns"); "due" takes one only after a baby ("the baby is due on 14 June"), never after anything
else ("the review was due on 14 June 2024", "report due 14/06/2024").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.dates import DATE, DAY_MONTH, EDD, NOT_A_RANGE, SPACE

_EDD = re.compile(rf"\b{EDD}", re.I)
_EDD_CUES = ("edd", "e.d", "e d d", "deliver", "confinement")
"""What a delivery's label holds, looked for first (cheaply, in lower case) so that its pattern runs only where one is."""
_DUE_WORDS = ("due", "Due", "DUE")
""""Due" as it is written: each is looked for as a string (a pattern looked for at every character costs more)."""
_DUE_DATE = re.compile(rf"due{SPACE}{{1,3}}dates?\b", re.I)
"""A due date's label, matched at its "due"."""
_BABY_DUE = re.compile(
    rf"\b(?:bab(?:y|ies)|twins|triplets|unborn(?:{SPACE}{{1,3}}(?:child|baby))?)(?:['’]s)?"
    rf"(?:{SPACE}{{1,3}}(?:is|was|were|are|had|has|have|been|now|then|originally|initially|first)){{0,3}}{SPACE}{{1,3}}$",
    re.I,
)
"""A baby before its "due", read back from "due" only (anchored at it): "the baby is due", "Child A's unborn baby was due"."""
_AFTER = re.compile(
    rf"(?:{SPACE}{{1,3}}date\b)?[ \t:,=|(\-\u2013]{{0,8}}(?:(?:is|was|on|of|the|given|as|approx|approximately|around|about|estimated|revised|now|to"
    rf"|be|born|delivered|recorded|set|at|c|ca)\b\.?[ \t,:]{{1,4}}){{0,6}}"
    rf"(?:({DATE}){NOT_A_RANGE}|({DAY_MONTH}|\d{{1,2}}/\d{{1,2}}(?![/\d])))",
    re.I,
)
"""The date after a due date's words, its year or not (group 1 with its year, group 2 without)."""
_TASK = re.compile(
    r"\b(?:actions?|reviews?|reports?|plans?|recommendations?|returns?|submissions?|completion|deadlines?|targets?|payments?"
    r"|invoices?|assessments?|audits?|tasks?|responses?|updates?|referrals?|projects?|documents?|papers?|forms?"
    r"|applications?|consultations?|work|rent|bills?|fees?|homework|coursework|essays?|assignments?|meetings?|training"
    r"|visits?|checks?|appointments?|renewals?|minutes|letters?|evaluations?|milestones?|owners?|leads?|status)\b",
    re.I,
)
"""What else has a due date: before "due date" in its line or sentence, the date is a task's."""
_FOR = re.compile(r"[ \t]{1,3}for\b(?![ \t]{1,3}(?:the[ \t]{1,3}|her[ \t]{1,3})?(?:bab(?:y|ies)|twins|unborn)\b)", re.I)
"""A due date "for" something other than a baby ("due date for returns")."""
_BABY_CUES = ("bab", "twin", "triplet", "unborn")
_LOOK_BACK = 60
"""Characters looked back over, in the same line and sentence, for a task."""


def due_dates(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each due date: after a delivery's label (its year or not), after "due date" (unless a task's)
    or after a baby "due"."""
    lowered = text.lower()
    if any(cue in lowered for cue in _EDD_CUES):
        for label in _EDD.finditer(text):
            if after := _AFTER.match(text, label.end()):
                yield label.start(), after.end()
    for word in _DUE_WORDS:
        at = text.find(word)
        while at >= 0:
            yield from _due_at(text, at)
            at = text.find(word, at + 3)


def _due_at(text: str, at: int) -> Iterator[tuple[int, int]]:
    """The due date told by the "due" at `at`, if any."""
    if (at and text[at - 1].isalnum()) or text[at + 3 : at + 4].isalnum():
        return  # "residue", "overdue", "dues"
    if label := _DUE_DATE.match(text, at):
        if _FOR.match(text, label.end()) or _tasks(text, at) or not _expecting(text, at):
            return
        start, end = at, label.end()
    elif _baby_cue(text[max(0, at - _LOOK_BACK) : at]) and (baby := _BABY_DUE.search(text, max(0, at - _LOOK_BACK), at)):
        start, end = baby.start(), at + 3
    else:
        return
    if after := _AFTER.match(text, end):
        yield start, after.end()


def _baby_cue(before: str) -> bool:
    """Whether a baby's word may stand in `before` (looked for as strings first: most "due" is "due to")."""
    lowered = before.lower()
    return any(word in lowered for word in _BABY_CUES)


_EXPECTING = ("bab", "twin", "triplet", "unborn", "pregnan", "midwi", "antenatal", "ante-natal", "gestation")
_EXPECTING += ("expecting", "mum", "mother", "maternity", "deliver", "born", "birth", "edd", "scan", "weeks", "her due")
"""Words that make "due date" a baby's, looked for in its own line and sentence: without one it is a task's or a plan's
("1. Refresh the toolkit. Due date: 30/06/2025")."""


def _expecting(text: str, at: int) -> bool:
    """Whether the line and sentence of the "due date" at `at` speak of a pregnancy, before or after it."""
    start = _sentence_start(text, at)
    end = min(len(text), at + _LOOK_BACK)
    for stop in (text.find("\n", at), text.find(". ", at + 8)):
        end = min(end, stop) if stop >= 0 else end
    sentence = text[start:end].lower()
    return any(word in sentence for word in _EXPECTING)


def _tasks(text: str, start: int) -> bool:
    """Whether a task stands before "due date" at `start`, in its line and sentence."""
    return _TASK.search(text, _sentence_start(text, start), start) is not None


def _sentence_start(text: str, at: int) -> int:
    """Where the line and sentence of `at` start, at most `_LOOK_BACK` characters back."""
    return max(0, at - _LOOK_BACK, text.rfind("\n", 0, at) + 1, text.rfind(". ", 0, at) + 1)
