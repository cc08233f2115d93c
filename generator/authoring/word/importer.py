"""`briefings import FILE.docx`: a Word report becomes a draft shaped like the contract, nothing dropped.

The document is read (`docx.py`), its blocks are placed in the six steps, good-practice entries and the
action plan (`sections.py`), the front matter it states is filled in (`facts.py`), and the draft is written
on `briefings new`'s template (`draft.py`). What could not be placed is kept in the draft and listed to the
author at its line; what was not imported, and what is left to do, is told in words (`notes.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.authoring.scaffold import Found, draft_text, short_slug, target_file, write_new
from generator.authoring.word import facts
from generator.authoring.word.docx import Word, read_docx
from generator.authoring.word.draft import draft
from generator.authoring.word.inline import IMAGE
from generator.authoring.word.notes import IMAGE_NOTE, steps_left
from generator.authoring.word.sections import PREAMBLE, Placed, place, plain_text
from generator.model import Problem, Taxonomy


def front_matter(word: Word, placed: Placed, kind: str, taxonomy: Taxonomy) -> Found:
    """The front matter the document states: a date, counts, type, agencies, themes and pseudonyms, each with
    a note of where it came from. The opening and the background are read first for dates and counts."""
    opening = "\n".join(placed.texts[PREAMBLE] + placed.texts.get("background", []))
    everything = "\n".join(plain_text(block) for block in word.blocks)
    found = Found()
    day = facts.first_date(opening) or facts.first_date(everything)
    if day:
        found.date = day[0].isoformat()
        found.notes["date"] = f'; read from "{day[1]}" in the document: check it'
    if kind == "audit":
        for what in ("cases", "children"):
            counted = facts.count(opening, what) or facts.count(everything, what)
            if counted:
                setattr(found, what, counted[0])
                found.notes[what] = f'; read from "{counted[1]}" in the document: check it'
        found.audit_type = facts.first_named(everything, taxonomy.audit_types) or ""
        if found.audit_type:
            found.notes["type"] = f"; '{taxonomy.audit_types[found.audit_type]}' is named in the document: check it"
    found.agencies = facts.named(everything, taxonomy.agencies)
    found.themes = facts.named(everything, {key: theme.label for key, theme in taxonomy.themes.items()})
    found.pseudonyms = facts.pseudonyms(everything)
    for name, what in (("agencies", "keep those that took part"), ("themes", "keep the main ones"), ("pseudonyms", "")):
        if getattr(found, name):
            found.notes[name] = f"; named in the document{': ' + what if what else ''}"
    return found


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
    placed = place(word.blocks, kind, taxonomy)
    found = front_matter(word, placed, kind, taxonomy)
    title = placed.title or " ".join(re.sub(r"[_-]+", " ", file.stem).split()) or "Imported document"
    found.notes["title"] = (
        f"  # from {placed.title_from}" if placed.title else "  # the document has no title or heading: taken from its file name"
    )
    target = target_file(root, content_dir, kind, slug or short_slug(title))
    written = draft(draft_text(kind, title, taxonomy, found), placed, taxonomy)
    write_new(target, "\n".join(written.lines) + "\n")
    path = target.relative_to(root).as_posix()
    notes = [(n, IMAGE_NOTE) for n, line in enumerate(written.lines, start=1) if IMAGE in line] + written.notes
    return Imported(
        path, [Problem(path, n, f"import: {message}") for n, message in sorted(notes)], steps_left(word, placed, found, kind)
    )
