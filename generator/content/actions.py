"""The `## Action plan` section: one Markdown table `Action | Owner | Due | Status`, checked cell by cell."""

from __future__ import annotations

import re
from datetime import date

from generator.content.aswritten import AS_WRITTEN, MARKDOWN_LINK
from generator.content.parse import Section
from generator.diagnostics import did_you_mean
from generator.model import Action, Problem

COLUMNS = ("Action", "Owner", "Due", "Status")
STATUSES = ("Not started", "In progress", "Complete")
_SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COMMENT = re.compile(r"^<!--.*-->$")


_NAME_IT = "name the page or document instead, and link to it under '## What needs to happen'"
_MARKUP = re.compile(AS_WRITTEN)
"""An action is shown as written (on the briefing, agency and archive pages, in the open data and the year's Word
document), so its tags and marks would show."""
_PLAIN = "write the action as plain text (the table's own columns say who, when and how far)"


def _cells(line: str) -> list[str]:
    """Cells of a Markdown table row; `\\|` is a literal bar inside a cell."""
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)]


def _iso_date(text: str) -> date | None:
    if not _ISO.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _header_problems(path: str, line: int, header: list[str]) -> list[Problem]:
    problems = []
    for name in COLUMNS:
        if name.lower() not in [h.lower() for h in header]:
            problems.append(
                Problem(path, line, f"action plan: missing column '{name}'; the columns are exactly: {' | '.join(COLUMNS)}")
            )
    for name in header:
        if name.lower() not in [c.lower() for c in COLUMNS]:
            problems.append(
                Problem(path, line, f"action plan: extra column '{name}'; the columns are exactly: {' | '.join(COLUMNS)}")
            )
    if not problems and [h.lower() for h in header] != [c.lower() for c in COLUMNS]:
        problems.append(Problem(path, line, f"action plan: put the columns in this order: {' | '.join(COLUMNS)}"))
    return problems


def _row(path: str, line: int, cells: list[str], owners: dict[str, str]) -> tuple[Action | None, list[Problem]]:
    if len(cells) != len(COLUMNS):
        return None, [Problem(path, line, f"action plan: this row has {len(cells)} cells; give exactly 4: {' | '.join(COLUMNS)}")]
    text, owner, due_text, status = cells
    problems = []
    if not text:
        problems.append(Problem(path, line, "action plan: Action is empty; say what will be done"))
    elif link := re.search(MARKDOWN_LINK, text):
        problems.append(
            Problem(path, line, f"action plan: {link[0]} is shown as written in the table, brackets and all: {_NAME_IT}")
        )
    elif mark := _MARKUP.search(text):
        problems.append(Problem(path, line, f"action plan: {mark[0]} is shown as written in the table, marks and all: {_PLAIN}"))
    if owner not in owners:
        problems.append(
            Problem(
                path,
                line,
                f"action plan: Owner '{owner}' is not an agency or group key{did_you_mean(owner, list(owners))}; "
                f"use one of: {', '.join(owners)} (agencies and groups in taxonomy.yml)",
            )
        )
    due = _iso_date(due_text)
    if due is None:
        problems.append(Problem(path, line, f"action plan: Due '{due_text}' is not a date; write YYYY-MM-DD, e.g. 2025-03-31"))
    if status not in STATUSES:
        problems.append(Problem(path, line, f"action plan: Status '{status}' is not allowed; use one of: {', '.join(STATUSES)}"))
    if problems or due is None:
        return None, problems
    return Action(text, owner, due, status), []


def parse_action_plan(path: str, section: Section, owners: dict[str, str]) -> tuple[tuple[Action, ...], list[Problem]]:
    """Actions from the section's one table; any other text in the section is an error, never dropped."""
    lines = [(section.body_line + offset, line) for offset, line in enumerate(section.body.split("\n"))]
    table = [(n, line) for n, line in lines if "|" in line]
    stray = [n for n, line in lines if line.strip() and "|" not in line and not _COMMENT.match(line.strip())]
    problems = [
        Problem(
            path, n, "action plan: only the action table may be in this section; move other text to '## What needs to happen'"
        )
        for n in stray
    ]
    if len(table) < 2 or not all(_SEPARATOR_CELL.match(c) for c in _cells(table[1][1])):
        return (), [
            *problems,
            Problem(
                path,
                section.line,
                f"action plan: write one table with the header row '| {' | '.join(COLUMNS)} |' and a '|---|---|---|---|' row under it",
            ),
        ]
    header_line, header = table[0][0], _cells(table[0][1])
    problems += _header_problems(path, header_line, header)
    if problems:
        return (), problems
    actions = []
    for number, line in table[2:]:
        action, found = _row(path, number, _cells(line), owners)
        problems += found
        if action:
            actions.append(action)
    if not table[2:]:
        problems.append(Problem(path, section.line, "action plan: the table has no actions; add rows or remove the section"))
    return tuple(actions), problems
