"""Writing a Word document's placed sections into `briefings new`'s template, with notes for the author."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.authoring.word import facts
from generator.authoring.word.headings import STEP_TITLES
from generator.authoring.word.inline import escape
from generator.authoring.word.sections import PREAMBLE, Entry, Part, Placed
from generator.content.actions import COLUMNS
from generator.content.body import ACTION_PLAN, GOOD_PRACTICE
from generator.model import STEPS, Taxonomy


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
    agencies = facts.named(text, taxonomy.agencies)
    themes = facts.named(text, {key: theme.label for key, theme in taxonomy.themes.items()})
    out.add(f"### {escape(entry.title)}\nAgency: {', '.join(agencies) or 'TODO'}\nThemes: {', '.join(themes) or 'TODO'}")
    for part in entry.parts:
        out.add(part.markdown, part.note)


def _action_plan(out: Draft, placed: Placed) -> None:
    rows = [" | ".join(COLUMNS), *(" | ".join(cell.replace("|", "\\|") for cell in row) for row in placed.actions)]
    first = out.add("\n".join([f"| {rows[0]} |", "|---|---|---|---|", *(f"| {row} |" for row in rows[1:])]))
    out.notes += [(first, note) for note in placed.plan_notes]
