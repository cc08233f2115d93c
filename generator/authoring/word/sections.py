"""Mapping a Word document's blocks onto the contract: its six steps, good-practice entries and action plan.

Headings are read by their wording (`wordheadings`); what cannot be placed is kept where it was and noted for
the author at its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.authoring.word import facts
from generator.authoring.word.blocks import Block, Prose, Table, WordHeading
from generator.authoring.word.headings import STEP_TITLES, action_columns, step_of
from generator.authoring.word.inline import escape
from generator.content.actions import COLUMNS
from generator.content.body import ACTION_PLAN, GOOD_PRACTICE
from generator.model import Taxonomy

PREAMBLE = ""
"""Where text before the first recognised heading waits, until it is put at the start of Background."""
REDIRECT = {GOOD_PRACTICE: "what-worked-well", ACTION_PLAN: "what-needs-to-happen"}
"""Where text that cannot stay under these headings goes: good-practice text outside an entry, anything in an action plan but its table."""


@dataclass
class Part:
    """One piece of a section, with what the author must be told about it (at its line in the draft)."""

    markdown: str
    note: str = ""


@dataclass
class Entry:
    title: str
    parts: list[Part] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


@dataclass
class Placed:
    """The document mapped onto the contract: sections by key (PREAMBLE for what came first), entries, actions."""

    title: str | None
    title_from: str
    sections: dict[str, list[Part]]
    entries: list[Entry]
    actions: list[list[str]]
    plan_notes: list[str]
    texts: dict[str, list[str]]
    """Plain text by section key: the opening's and Background's are read first for the front matter."""


class _Placer:
    """Walks the document's blocks once, putting each where its heading says; headings it does not know, and
    text it cannot place, are kept where they were and noted."""

    def __init__(self, kind: str, taxonomy: Taxonomy, found: list[Block]) -> None:
        self.kind, self.taxonomy, self.found = kind, taxonomy, found
        self.sections: dict[str, list[Part]] = {PREAMBLE: []}
        self.texts: dict[str, list[str]] = {PREAMBLE: []}
        self.entries: list[Entry] = []
        self.actions: list[list[str]] = []
        self.plan_notes: list[str] = []
        self.top = min((b.level for b in found if isinstance(b, WordHeading) and not b.title), default=1)
        self.key = PREAMBLE
        self.level = self.top - 1
        """The level of the heading that opened the current step (or the sub-heading that stands for it)."""
        self.depth = 2
        """The Markdown level that heading has in the draft: 2 for a step, 3 for a sub-heading."""
        self.loose = True
        """True once a heading that names no step stood at a step's level: any step heading then starts its step."""
        self.entry_level: int | None = None
        self.told: set[str] = set()
        """The sections whose moved text the author has been told about (once each)."""

    def place(self) -> Placed:
        title, title_from, start = self._title()
        for index in range(start, len(self.found)):
            block = self.found[index]
            if isinstance(block, Prose) and block.bold and step_of(block.text):
                block = WordHeading(self.top, block.text)
            if isinstance(block, WordHeading):
                self._heading(block, index)
            elif isinstance(block, Table):
                self._table(block)
            else:
                self._add(Part(block.markdown), block.text)
        return Placed(title, title_from, self.sections, self.entries, self.actions, self.plan_notes, self.texts)

    def _title(self) -> tuple[str | None, str, int]:
        """Word's Title style, else the first block if it is a heading that names no step."""
        for index, block in enumerate(self.found):
            if isinstance(block, WordHeading) and block.title:
                self.found = self.found[:index] + self.found[index + 1 :]
                return block.text, "the document's Title", 0
        first = self.found[0] if self.found else None
        if isinstance(first, WordHeading) and not step_of(first.text):
            return first.text, "the document's first heading", 1
        return None, "", 0

    def _heading(self, heading: WordHeading, index: int) -> None:
        if self.entry_level is not None and heading.level > self.entry_level:
            self._entry_heading(heading)
            return
        key = step_of(heading.text)
        if key == GOOD_PRACTICE and self.kind == "audit" and not self._has_sub_headings(index, heading.level):
            key = "what-worked-well"  # a good-practice narrative without entries is what worked well
        if self.kind != "audit" and key in REDIRECT:
            key = REDIRECT[key]
        opens = self.loose or heading.level <= self.level
        if key and opens:
            self._open(key, heading)
        else:
            self._sub_heading(heading)

    def _has_sub_headings(self, index: int, level: int) -> bool:
        for block in self.found[index + 1 :]:
            if isinstance(block, WordHeading):
                return block.level > level
        return False

    def _open(self, key: str, heading: WordHeading) -> None:
        """Start the step `key`. A step the document names twice goes on, and a section only audits have goes
        into its step in a briefing: their headings are kept as sub-headings."""
        note = ""
        if self.kind != "audit" and step_of(heading.text) in REDIRECT:
            note = f"'{heading.text}' sections are only for audits: kept here as a sub-heading of '## {STEP_TITLES[key]}'"
        elif key in self.sections and key != self.key and key not in (GOOD_PRACTICE, ACTION_PLAN):
            note = f"the document's heading '{heading.text}' is a second part of '## {STEP_TITLES[key]}': its text was added here"
        kept = bool(note) or (key == self.key and key not in (GOOD_PRACTICE, ACTION_PLAN))
        if kept:
            self.sections[key].append(Part(f"### {escape(heading.text)}", note))
        self.sections.setdefault(key, [])
        self.key, self.level, self.depth, self.loose = key, heading.level, 3 if kept else 2, False
        self.entry_level = heading.level if key == GOOD_PRACTICE else None

    def _sub_heading(self, heading: WordHeading) -> None:
        """A heading that opens no step stays as a sub-heading where it is. One at a step's level would have been
        a section of its own: it is noted, and from there on any step heading starts its step."""
        section_level = heading.level <= self.level
        if section_level:
            if self.key in REDIRECT:
                self.key, self.entry_level = REDIRECT[self.key], None
            self.level, self.depth, self.loose = heading.level, 3, True
        note = ""
        if section_level and self.key != PREAMBLE:
            note = (
                f"the document's heading '{heading.text}' names none of the steps: it and its text were kept here, "
                f"in '## {STEP_TITLES[self.key]}'; keep it as a sub-heading, or move it"
            )
        level = min(6, max(3, self.depth + heading.level - self.level))
        self._add(Part(f"{'#' * level} {escape(heading.text)}", note), heading.text)

    def _entry_heading(self, heading: WordHeading) -> None:
        assert self.entry_level is not None
        if heading.level == self.entry_level + 1 or not self.entries:
            self.entries.append(Entry(heading.text, text=[heading.text]))
        else:
            level = min(6, 2 + heading.level - self.entry_level)
            self.entries[-1].parts.append(Part(f"{'#' * level} {escape(heading.text)}"))
            self.entries[-1].text.append(heading.text)

    def _add(self, part: Part, text: str) -> None:
        key = self.key
        if key == GOOD_PRACTICE and self.entries:
            self.entries[-1].parts.append(part)
            self.entries[-1].text.append(text)
            return
        if key in REDIRECT:
            key = REDIRECT[key]
            where = STEP_TITLES[self.key]
            if self.key not in self.told and not part.note:
                self.told.add(self.key)
                part.note = (
                    f"the document had this under '{where}', which holds only "
                    + ("its entries" if self.key == GOOD_PRACTICE else "the action table (Action, Owner, Due, Status)")
                    + f": it was put at the end of '## {STEP_TITLES[key]}'; keep it or move it"
                )
        self.sections.setdefault(key, []).append(part)
        self.texts.setdefault(key, []).append(text)

    def _table(self, table: Table) -> None:
        columns = action_columns(table.text[0])
        if self.kind == "audit" and columns and len(table.text) > 1:
            self._actions(table, columns)
        else:
            self._add(Part(pipe_table(table.markdown)), plain_text(table))

    def _actions(self, table: Table, columns: dict[int, str]) -> None:
        """Rows of an action table in the contract's columns; other columns' text goes into Action, in brackets."""
        header = table.text[0]
        extra = [i for i in range(len(header)) if i not in columns]
        if extra:
            self.plan_notes.append(
                f"the document's action table also has the column(s) {', '.join(repr(header[i]) for i in extra)}: "
                "their text was added to each Action in brackets; keep it, shorten it or move it to '## What needs to happen'"
            )
        bracketed = [header[i] for i in columns if re.search(r"\(.*?\)", header[i])]
        if bracketed:
            self.plan_notes.append(
                f"the action table's column(s) {', '.join(map(repr, bracketed))} were read as "
                f"{', '.join(columns[header.index(h)] for h in bracketed)}; the words in brackets are not in the draft: "
                "add them to '## What needs to happen' if readers need them"
            )
        by_name = {name: i for i, name in columns.items()}
        for row in table.text[1:]:
            if not any(row):
                continue
            cells = {name: row[by_name[name]] if name in by_name else "" for name in COLUMNS}
            more = "; ".join(f"{header[i] or 'more'}: {row[i]}" for i in extra if row[i])
            action = f"{cells['Action']} ({more})" if more else cells["Action"]
            owner = facts.owner_key(cells["Owner"], self.taxonomy.owners) or cells["Owner"]
            due = facts.as_date(cells["Due"])
            status = facts.status(cells["Status"]) or cells["Status"]
            self.actions.append([action, owner, due.isoformat() if due else cells["Due"], status])


def pipe_table(cells: list[list[str]]) -> str:
    """A Markdown table; its first row is the header, as in the document."""
    rows = [f"| {' | '.join(row)} |" for row in cells]
    return "\n".join([rows[0], "|" + "---|" * len(cells[0]), *rows[1:]])


def place(found: list[Block], kind: str, taxonomy: Taxonomy) -> Placed:
    return _Placer(kind, taxonomy, found).place()


def plain_text(block: Block) -> str:
    """A table as Markdown-like rows: a column headed DOB is still a column to the privacy scan, and a count never
    runs from one cell into the next."""
    if isinstance(block, Table):
        return "\n".join("| " + " | ".join(row) + " |" for row in block.text)
    return block.text
