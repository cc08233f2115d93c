"""`briefings import FILE.docx`: a Word report becomes a draft shaped like the contract, nothing dropped.

mammoth reads the document (never its images or comments; tracked insertions are kept as text and tracked
deletions left out), `htmlmarkdown` writes its blocks as Markdown, and this module maps the headings onto
the six steps, good-practice entries and the action plan, fills the front matter the document states
(`wordfacts`), and writes the draft on `briefings new`'s template. What it cannot place is kept in the draft
and listed to the author at its line.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import wordfacts
from .actions import COLUMNS
from .body import ACTION_PLAN, GOOD_PRACTICE
from .htmlmarkdown import IMAGE, Block, Heading, Prose, Table, blocks, escape
from .model import STEPS, Problem, Taxonomy
from .report import plural
from .scaffold import Found, render, short_slug, target_file, write_new
from .wordparts import BODY, Survey, UnreadablePart, missing_words, prepare

PREAMBLE = ""
"""Where text before the first recognised heading waits, until it is put at the start of Background."""
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
REDIRECT = {GOOD_PRACTICE: "what-worked-well", ACTION_PLAN: "what-needs-to-happen"}
"""Where text that cannot stay under these headings goes: good-practice text outside an entry, anything in an action plan but its table."""
STYLE_MAP = """
p[style-name='Title'] => h1.title:fresh
r[style-name='Emphasis'] => em
r[style-name='Strong Emphasis'] => strong
"""
"""Besides mammoth's own map: Word's and LibreOffice's Title style marks the title; their emphasis styles are
italic and bold."""
_NUMBERING = re.compile(
    r"^(?:(?:step|section|part)\s+)?(?:\d+(?:\.\d+)*|[ivx]+|[a-z])\s*[.):\u2013\u2014-]?\s+|(?:\[\d+\]|[:.?!\s])+$", re.I
)
"""Numbering before a heading's words (`1.`, `2.3`, `iv)`, `b.`, `Step 1:`, `Section 2 –`), and punctuation or
a footnote's mark (`[1]`) after them."""


_STYLE_ONLY = re.compile(r"Unrecognised (?:paragraph|run|table) style")
"""mammoth's word for a style it has no mapping for: the text is imported, only its look is not."""


class ImportRefused(Exception):
    """The file could not be imported; the message says why and what to do."""


@dataclass
class Word:
    """What mammoth read from a .docx, and what it did not show."""

    blocks: list[Block]
    images: int
    survey: Survey
    missing: list[str]
    """Words of the document that are in none of the blocks."""
    unread: list[str]
    """What mammoth says it could not read, in its words."""


def read_docx(file: Path) -> Word:
    """The document's blocks; refused with the reason when the file is missing or not a Word document."""
    if not file.is_file():
        raise ImportRefused(f"{file} does not exist" if not file.exists() else f"{file} is not a file")
    if not zipfile.is_zipfile(file):
        raise ImportRefused(
            f"{file} is not a .docx file (a Word 97-2003 .doc, or a password-protected document, is not readable): "
            "open it in Word and save it as a Word Document (.docx) without a password"
        )
    images = 0

    def no_image(image: object) -> dict[str, str]:
        nonlocal images
        images += 1
        return {}

    import mammoth  # here, not at the top: it takes a fifth of a second to import, and only this command needs it

    try:
        with zipfile.ZipFile(file) as archive:
            if BODY not in archive.namelist():
                raise ImportRefused(f"{file} is a zip file but not a Word document (it has no {BODY})")
            prepared, survey = prepare(archive)
        result = mammoth.convert_to_html(
            io.BytesIO(prepared), style_map=STYLE_MAP, convert_image=mammoth.images.img_element(no_image)
        )
    except ImportRefused:
        raise
    except UnreadablePart as error:
        raise ImportRefused(f"{file} is too large to import: {error}") from error
    except Exception as error:  # a damaged archive or XML: mammoth and zipfile raise many kinds
        raise ImportRefused(f"{file} could not be read as a Word document ({type(error).__name__}: {error})") from error
    unread = [m.message for m in result.messages if m.type in ("warning", "error") and not _STYLE_ONLY.match(m.message)]
    return Word(blocks(result.value), images, survey, missing_words(survey, result.value), list(dict.fromkeys(unread)))


def step_of(heading: str) -> str | None:
    """The step (or good practice, or action plan) a heading's wording names, if any."""
    words = " ".join(_NUMBERING.sub("", heading.replace("\u2019", "'").replace("&", "and")).lower().split())
    words = words.replace("-", " ")
    return next((key for key, wordings in WORDINGS.items() if words in wordings), None)


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
        self.top = min((b.level for b in found if isinstance(b, Heading) and not b.title), default=1)
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
                block = Heading(self.top, block.text)
            if isinstance(block, Heading):
                self._heading(block, index)
            elif isinstance(block, Table):
                self._table(block)
            else:
                self._add(Part(block.markdown), block.text)
        return Placed(title, title_from, self.sections, self.entries, self.actions, self.plan_notes, self.texts)

    def _title(self) -> tuple[str | None, str, int]:
        """Word's Title style, else the first block if it is a heading that names no step."""
        for index, block in enumerate(self.found):
            if isinstance(block, Heading) and block.title:
                self.found = self.found[:index] + self.found[index + 1 :]
                return block.text, "the document's Title", 0
        first = self.found[0] if self.found else None
        if isinstance(first, Heading) and not step_of(first.text):
            return first.text, "the document's first heading", 1
        return None, "", 0

    def _heading(self, heading: Heading, index: int) -> None:
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
            if isinstance(block, Heading):
                return block.level > level
        return False

    def _open(self, key: str, heading: Heading) -> None:
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

    def _sub_heading(self, heading: Heading) -> None:
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

    def _entry_heading(self, heading: Heading) -> None:
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
            self._add(Part(pipe_table(table.markdown)), _text(table))

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
            owner = wordfacts.owner_key(cells["Owner"], self.taxonomy.owners) or cells["Owner"]
            due = wordfacts.as_date(cells["Due"])
            status = wordfacts.status(cells["Status"]) or cells["Status"]
            self.actions.append([action, owner, due.isoformat() if due else cells["Due"], status])


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


def pipe_table(cells: list[list[str]]) -> str:
    """A Markdown table; its first row is the header, as in the document."""
    rows = [f"| {' | '.join(row)} |" for row in cells]
    return "\n".join([rows[0], "|" + "---|" * len(cells[0]), *rows[1:]])


def place(word: Word, kind: str, taxonomy: Taxonomy) -> Placed:
    return _Placer(kind, taxonomy, word.blocks).place()


def facts(word: Word, placed: Placed, kind: str, taxonomy: Taxonomy) -> Found:
    """The front matter the document states: a date, counts, type, agencies, themes and pseudonyms, each with
    a note of where it came from. The opening and the background are read first for dates and counts."""
    opening = "\n".join(placed.texts[PREAMBLE] + placed.texts.get("background", []))
    everything = "\n".join(_text(block) for block in word.blocks)
    found = Found()
    day = wordfacts.first_date(opening) or wordfacts.first_date(everything)
    if day:
        found.date = day[0].isoformat()
        found.notes["date"] = f'; read from "{day[1]}" in the document: check it'
    if kind == "audit":
        for what in ("cases", "children"):
            counted = wordfacts.count(opening, what) or wordfacts.count(everything, what)
            if counted:
                setattr(found, what, counted[0])
                found.notes[what] = f'; read from "{counted[1]}" in the document: check it'
        found.audit_type = wordfacts.first_named(everything, taxonomy.audit_types) or ""
        if found.audit_type:
            found.notes["type"] = f"; '{taxonomy.audit_types[found.audit_type]}' is named in the document: check it"
    found.agencies = wordfacts.named(everything, taxonomy.agencies)
    found.themes = wordfacts.named(everything, {key: theme.label for key, theme in taxonomy.themes.items()})
    found.pseudonyms = wordfacts.pseudonyms(everything)
    for name, what in (("agencies", "keep those that took part"), ("themes", "keep the main ones"), ("pseudonyms", "")):
        if getattr(found, name):
            found.notes[name] = f"; named in the document{': ' + what if what else ''}"
    return found


def _text(block: Block) -> str:
    """A table as Markdown-like rows: a column headed DOB is still a column to the privacy scan, and a count never
    runs from one cell into the next."""
    if isinstance(block, Table):
        return "\n".join("| " + " | ".join(row) + " |" for row in block.text)
    return block.text


@dataclass
class Draft:
    """The draft's lines as they are written, and notes for the author at the lines they concern."""

    lines: list[str]
    notes: list[tuple[int, str]] = field(default_factory=list)

    def add(self, markdown: str, note: str = "") -> int:
        """Add a block after a blank line; its first line's number."""
        if self.lines and self.lines[-1]:
            self.lines.append("")
        line = len(self.lines) + 1
        if note:
            self.notes.append((line, note))
        self.lines += markdown.split("\n")
        return line


REQUIRED = [key for key, _ in STEPS[:5]]


def draft(skeleton: str, placed: Placed, taxonomy: Taxonomy) -> Draft:
    """The document's sections written into `briefings new`'s template: its placeholder is kept for a required
    step the document lacks; an optional section it lacks is left out (the themes' questions are then used)."""
    head, _, body = skeleton.partition("\n## ")
    out = Draft(head.rstrip("\n").split("\n"))
    for section in ("## " + body).split("\n## "):
        title, _, placeholder = section.removeprefix("## ").partition("\n")
        key = next(k for k, t in STEP_TITLES.items() if t == title)
        comment = "\n".join(line for line in placeholder.split("\n") if line.startswith("<!--"))
        if key == ACTION_PLAN:
            if placed.actions:
                out.add(f"## {title}")
                out.add(comment)
                _action_plan(out, placed)
        elif key == GOOD_PRACTICE:
            if placed.entries:
                out.add(f"## {title}")
                out.add(comment)
                for entry in placed.entries:
                    _entry(out, entry, taxonomy)
        else:
            parts = placed.sections.get(key, [])
            opening = placed.sections[PREAMBLE] if key == "background" else []
            if parts or opening or key in REQUIRED:
                out.add(f"## {title}")
                _opening(out, opening)
                for part in parts:
                    out.add(part.markdown, part.note)
                if not parts and not opening:
                    out.add(comment)
    return out


def _opening(out: Draft, parts: list[Part]) -> None:
    """Text from before the document's first recognised heading, at the start of Background, noted with its extent."""
    if not parts:
        return
    first = out.add(parts[0].markdown)
    for part in parts[1:]:
        out.add(part.markdown)
    lines = f"line {first}" if first == len(out.lines) else f"lines {first}-{len(out.lines)}"
    out.notes.append(
        (
            first,
            f"{lines}: text from before the document's first heading that names a step, put at the start of "
            "'## Background'; keep it, move it or delete what the briefing does not need",
        )
    )


def _entry(out: Draft, entry: Entry, taxonomy: Taxonomy) -> None:
    """A good-practice entry; its Agency and Themes lines name what its text names, or say TODO for the author."""
    text = " ".join(entry.text)
    agencies = wordfacts.named(text, taxonomy.agencies)
    themes = wordfacts.named(text, {key: theme.label for key, theme in taxonomy.themes.items()})
    out.add(f"### {escape(entry.title)}\nAgency: {', '.join(agencies) or 'TODO'}\nThemes: {', '.join(themes) or 'TODO'}")
    for part in entry.parts:
        out.add(part.markdown, part.note)


def _action_plan(out: Draft, placed: Placed) -> None:
    rows = [" | ".join(COLUMNS), *(" | ".join(cell.replace("|", "\\|") for cell in row) for row in placed.actions)]
    first = out.add("\n".join([f"| {rows[0]} |", "|---|---|---|---|", *(f"| {row} |" for row in rows[1:])]))
    out.notes += [(first, note) for note in placed.plan_notes]


@dataclass
class Imported:
    path: str
    notes: list[Problem]
    """What the author must check, at its line in the draft."""
    left: list[str]
    """The manual steps left, in words."""


def import_docx(root: Path, content_dir: str, file: Path, kind: str, taxonomy: Taxonomy, slug: str | None = None) -> Imported:
    """Write the draft for `file`; never overwrite a file or reuse a slug (`ImportRefused` or `ScaffoldError` says why)."""
    word = read_docx(file)
    placed = place(word, kind, taxonomy)
    found = facts(word, placed, kind, taxonomy)
    title = placed.title or " ".join(re.sub(r"[_-]+", " ", file.stem).split()) or "Imported document"
    found.notes["title"] = (
        f"  # from {placed.title_from}" if placed.title else "  # the document has no title or heading: taken from its file name"
    )
    target = target_file(root, content_dir, kind, slug or short_slug(title))
    written = draft(render(kind, title, taxonomy, found), placed, taxonomy)
    write_new(target, "\n".join(written.lines) + "\n")
    path = target.relative_to(root).as_posix()
    notes = [(n, IMAGE_NOTE) for n, line in enumerate(written.lines, start=1) if IMAGE in line] + written.notes
    return Imported(
        path, [Problem(path, n, f"import: {message}") for n, message in sorted(notes)], _left(word, placed, found, kind)
    )


IMAGE_NOTE = "an image was here: images are not imported; say in words what it showed, if the briefing needs it"


def _left(word: Word, placed: Placed, found: Found, kind: str) -> list[str]:
    """The manual steps, in the order an author does them."""
    missing = ["summary"] + [
        name
        for name, value in (
            ("date", found.date),
            *((("cases", found.cases), ("children", found.children)) if kind == "audit" else ()),
            ("agencies", found.agencies),
            ("themes", found.themes),
        )
        if value in (None, "", [])
    ]
    left = [
        f"fill in the front matter the document did not give: {', '.join(missing)} (the comment on each line says what it holds)"
    ]
    left.append("check the values the import filled in: each line's comment says which words of the document it read")
    if not placed.sections.get("questions-for-reflection"):
        left.append(
            "the document has no reflective questions, so the briefing will show its themes' default questions; "
            "add '## Questions for reflection' to write your own (you must if its themes have none)"
        )
    left += _not_imported(word)
    left.append(
        "fix each line listed above, run 'briefings check --drafts' until it names no problem in this file, "
        "then change 'status: draft' to 'status: published'"
    )
    return left


def _not_imported(word: Word) -> list[str]:
    """What the draft does not show of the document, each said once, with what to do about it."""
    survey = word.survey
    told = []
    skipped = [
        plural(n, what)
        for n, what in (
            (word.images, "image"),
            (survey.charts, "chart or diagram"),
            (survey.embedded, "embedded document"),
            (survey.comments, "comment"),
            (survey.deletions, "tracked deletion"),
            (survey.moves, "tracked move's old place"),
        )
        if n
    ]
    if skipped:
        told.append(
            f"not imported from the document: {', '.join(skipped)} (tracked insertions were kept as text); read the draft beside it"
        )
    if survey.hidden:
        told.append(
            f"left out: {plural(len(survey.hidden), 'passage')} in Word's Hidden font, which Word does not show or print "
            f"({_quoted(survey.hidden)}); if it should be published, unhide it in Word and import again"
        )
    if survey.margins:
        told.append(
            f"not imported: the document's headers and footers ({_quoted(survey.margins)}); "
            "if they carry a protective marking (OFFICIAL-SENSITIVE), check that the briefing may be published"
        )
    if survey.equations:
        told.append(f"{plural(survey.equations, 'equation')} imported as plain text: check how they read")
    if survey.text_boxes:
        told.append(f"{plural(survey.text_boxes, 'text box', 'text boxes')} imported after the paragraph each was anchored in")
    if word.missing:
        told.append(
            f"{plural(len(word.missing), 'word')} of the document did not come through ({_quoted(word.missing)}): "
            "Word holds them where import cannot read (a shape, chart, form field or embedded object, or a footnote cited "
            "only from hidden text); find them in the document and copy them in where they belong"
        )
    told += [f"import could not read part of the document ({message}): compare the draft with it" for message in word.unread]
    return told


def _quoted(texts: list[str], most: int = 5) -> str:
    shown = ", ".join(repr(t if len(t) <= 60 else t[:57] + "...") for t in texts[:most])
    return shown + (f" and {len(texts) - most} more" if len(texts) > most else "")
