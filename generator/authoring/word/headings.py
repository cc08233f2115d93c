"""The wordings Word documents use for the contract's sections and an action plan's columns, and the
headings and table headers read by them."""

from __future__ import annotations

import re

from generator.content.body import ACTION_PLAN, GOOD_PRACTICE
from generator.model import STEPS

STEP_TITLES = dict(STEPS) | {GOOD_PRACTICE: "Good practice", ACTION_PLAN: "Action plan"}
WORDINGS: dict[str, tuple[str, ...]] = {
    "background": (
        "background",
        "context",
        "introduction",
        "overview",
        "about the audit",
        "about this audit",
        "about the review",
        "about this review",
        "the audit",
        "audit background",
        "background and context",
        "context and background",
        "scope",
        "scope of the audit",
        "purpose of the audit",
        "methodology",
    ),
    "why-it-matters": (
        "why it matters",
        "why this matters",
        "why does it matter",
        "why does this matter",
        "why is this important",
        "why this is important",
        "why it is important",
        "key issues",
        "the issues",
        "rationale",
    ),
    "what-worked-well": (
        "what worked well",
        "what went well",
        "what is working well",
        "what's working well",
        "what was working well",
        "strengths",
        "key strengths",
        "areas of strength",
        "positive practice",
    ),
    "what-we-are-worried-about": (
        "what we are worried about",
        "what we're worried about",
        "what are we worried about",
        "worries",
        "concerns",
        "areas of concern",
        "key concerns",
        "areas for development",
        "areas of development",
        "areas for improvement",
        "development areas",
        "learning",
        "key learning",
        "learning points",
        "what did not work well",
        "what didn't work well",
        "what could be better",
        "what could have been better",
        "what needs to improve",
        "even better if",
    ),
    "what-needs-to-happen": (
        "what needs to happen",
        "what needs to happen next",
        "recommendations",
        "next steps",
        "actions",
        "actions required",
        "what needs to change",
        "what happens next",
        "what happens now",
        "recommendations and next steps",
    ),
    "questions-for-reflection": (
        "questions for reflection",
        "reflective questions",
        "questions to consider",
        "reflection questions",
        "questions for practitioners",
        "questions for teams",
        "questions for supervision",
        "points for reflection",
        "things to think about",
    ),
    GOOD_PRACTICE: (
        "good practice",
        "good practice examples",
        "examples of good practice",
        "good practice identified",
        "good practice highlights",
        "spotlight on good practice",
    ),
    ACTION_PLAN: (
        "action plan",
        "audit action plan",
        "multi agency action plan",
        "improvement plan",
        "action log",
        "action tracker",
    ),
}
"""A heading names a step when, in lower case and without numbering or a closing colon, it is one of these."""
COLUMN_WORDINGS: dict[str, tuple[str, ...]] = {
    "Action": (
        "action",
        "actions",
        "action required",
        "actions required",
        "action to be taken",
        "agreed action",
        "actions agreed",
        "recommendation",
        "recommendations",
        "task",
        "what",
        "what will be done",
    ),
    "Owner": (
        "owner",
        "action owner",
        "lead",
        "lead agency",
        "responsible",
        "responsible agency",
        "responsibility",
        "who",
        "by whom",
        "agency",
    ),
    "Due": (
        "due",
        "due date",
        "date due",
        "by when",
        "when",
        "deadline",
        "target date",
        "timescale",
        "timescales",
        "completion date",
        "by",
    ),
    "Status": ("status", "progress", "rag", "rag rating", "rag status", "current status", "progress update", "update"),
}
"""An action plan's columns as documents head them; a table is an action plan when it has an Action column and two of the others."""
_NUMBERING = re.compile(
    r"^(?:(?:step|section|part)\s+)?(?:\d+(?:\.\d+)*|[ivx]+|[a-z])\s*[.):\u2013\u2014-]?\s+|(?:\[\d+\]|[:.?!\s])+$", re.I
)
"""Numbering before a heading's words (`1.`, `2.3`, `iv)`, `b.`, `Step 1:`, `Section 2 –`), and punctuation or
a footnote's mark (`[1]`) after them."""


def step_of(heading: str) -> str | None:
    """The step (or good practice, or action plan) a heading's wording names, if any."""
    words = " ".join(_NUMBERING.sub("", heading.replace("\u2019", "'").replace("&", "and")).lower().split())
    words = words.replace("-", " ")
    return next((key for key, wordings in WORDINGS.items() if words in wordings), None)


def action_columns(header: list[str]) -> dict[int, str] | None:
    """Which of a table's columns are the action plan's (by index), if its header makes it an action plan."""
    columns: dict[int, str] = {}
    for index, cell in enumerate(header):
        words = " ".join(re.sub(r"[^a-z0-9]+", " ", re.sub(r"\(.*?\)", "", cell.lower())).split())
        name = next((n for n, wordings in COLUMN_WORDINGS.items() if words in wordings), None)
        if name and name not in columns.values():
            columns[index] = name
    named = set(columns.values())
    return columns if "Action" in named and len(named) >= 3 else None
