"""An unborn child's due date: "EDD: 14 June", "due date 14/06/24", "baby due on 14 June". In a pre-birth case it
identifies the family as a date of birth does, and it is often written without its year.

A label naming only a delivery ("EDD", "expected date of delivery") is read by `birthdates` as a date of birth's
label, with a full date after it; here it takes a day and a month too. "Due date" takes a date unless it is a task's
("the report's due date", "action due date", "due date for returns"); "due" takes one only after a baby ("the baby
is due on 14 June"), never after anything else ("the review was due on 14 June 2024", "report due 14/06/2024").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.dates import DATE, DAY_MONTH, EDD, NOT_A_RANGE, SPACE

_DUE = re.compile(
    rf"\b(?:({EDD})|(due{SPACE}{{1,3}}dates?)\b|(?:bab(?:y|ies)|twins|triplets|unborn(?:{SPACE}{{1,3}}(?:child|baby))?)(?:['’]s)?"
    rf"(?:{SPACE}{{1,3}}(?:is|was|were|are|had|has|have|been|now|then|originally|initially|first)){{0,3}}{SPACE}{{1,3}}due\b"
    rf"(?:{SPACE}{{1,3}}date\b)?)",
    re.I,
)
"""A due date's words: group 1 a delivery's label, group 2 "due date", else a baby "due"."""
_AFTER = re.compile(
    rf"[ \t:,=|(\-\u2013]{{0,8}}(?:(?:is|was|on|of|the|given|as|approx|approximately|around|about|estimated|revised|now|to"
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
_LOOK_BACK = 60
"""Characters looked back over, in the same line and sentence, for a task."""


def due_dates(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each due date: after a delivery's label (its year or not), after "due date" (unless a task's)
    or after a baby "due"."""
    for due in _DUE.finditer(text):
        if due.group(2) and (_FOR.match(text, due.end()) or _tasks(text, due.start())):
            continue
        if after := _AFTER.match(text, due.end()):
            yield due.start(), after.end()


def _tasks(text: str, start: int) -> bool:
    """Whether a task stands before "due date" at `start`, in its line and sentence."""
    window = max(0, start - _LOOK_BACK, text.rfind("\n", 0, start) + 1, text.rfind(". ", 0, start) + 1)
    return _TASK.search(text, window, start) is not None
