"""Check a document's body: its headings, its sections (the contract's steps, and an audit's good practice
and action plan) and, where it gives no questions of its own, its themes' default questions."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from generator.content.parse import Document, Section
from generator.content.slugs import slugify
from generator.content.wordhabits import CONTROL
from generator.diagnostics import did_you_mean
from generator.model import STEPS, GoodPractice, Problem, Taxonomy

GOOD_PRACTICE = "good practice"
ACTION_PLAN = "action plan"
AUDIT_ONLY = {GOOD_PRACTICE: "Good practice", ACTION_PLAN: "Action plan"}
SECTION_KEYS = {title.lower(): key for key, title in STEPS} | {key: key for key in AUDIT_ONLY}
REQUIRED_STEPS = [title for _, title in STEPS[:5]]
COMMENT = re.compile(r"<!--.*?-->", re.S)
"""An HTML comment in an author's Markdown, which no page shows."""
_META = re.compile(r"^(agency|themes)\s*:\s*(.*)$", re.I)
_ENTRY_KEYS = {
    "agency": ("an agency key", "agencies", "an 'Agency: <key>'"),
    "themes": ("a theme key", "themes", "a 'Themes: <key>, <key>'"),
}
"""The metadata lines of a good-practice entry: what each key is, where keys come from, the line to write."""


def _has_text(markdown: str) -> bool:
    return bool(COMMENT.sub("", markdown).strip())


def _first_text_line(markdown: str, first_line: int) -> int:
    for offset, line in enumerate(COMMENT.sub(lambda m: "\n" * m.group().count("\n"), markdown).split("\n")):
        if line.strip():
            return first_line + offset
    return first_line


def control_characters(doc: Document) -> list[Problem]:
    """An invisible control character in the body (the front matter's are judged with its fields)."""
    return control_lines(doc.path, "\n".join(doc.text.split("\n")[doc.body_line - 1 :]), doc.body_line)


def control_lines(path: str, text: str, first_line: int = 1, notes: bool = True) -> list[Problem]:
    """An invisible control character in `text`: Word's line break within a paragraph (Shift+Enter) pastes as U+000B,
    its page break as U+000C. A page shows nothing or a box for it, and the year's Word document cannot hold it (the
    build stopped without naming a file). An audit's HTML comments (`notes`), which its page never shows, are not read."""
    lines = (COMMENT.sub(lambda comment: "\n" * comment.group().count("\n"), text) if notes else text).split("\n")
    return [
        Problem(path, first_line + number, f"holds {_named(found)}: replace it with a space, or start a new line")
        for number, line in enumerate(lines)
        if (found := sorted(set(CONTROL.findall(line))))
    ]


def _named(found: list[str]) -> str:
    names = ", ".join(f"U+{ord(character):04X}" for character in found)
    breaks = " (Word's line break, Shift+Enter, pastes as one)" if "\x0b" in found else ""
    return f"an invisible control character, {names}{breaks}, that no page or Word document shows"


def check_headings(doc: Document) -> list[Problem]:
    problems = []
    for heading in doc.headings:
        if heading.setext:
            problems.append(
                Problem(
                    doc.path,
                    heading.line,
                    f"'{heading.title}' is underlined to make a heading; "
                    f"write it as '{'#' * heading.level} {heading.title}' instead",
                )
            )
        elif heading.level == 1:
            problems.append(
                Problem(
                    doc.path,
                    heading.line,
                    f"'# {heading.title}' is a top-level heading; the title comes "
                    "from the front matter, so use '## ' for a section or '### ' inside one",
                )
            )
    preamble = "\n".join("" if line.startswith("#") else line for line in doc.preamble.split("\n"))
    if _has_text(preamble):
        problems.append(
            Problem(
                doc.path,
                _first_text_line(preamble, doc.body_line),
                "text before the first '## ' section would not be published; move it into a section such as '## Background'",
            )
        )
    return problems


def sort_sections(doc: Document) -> tuple[dict[str, Section], list[Problem]]:
    """Sections by contract key; unknown or repeated headings are errors, never dropped."""
    found: dict[str, Section] = {}
    problems = []
    for section in doc.sections:
        key = SECTION_KEYS.get(" ".join(section.title.lower().split()))
        allowed = [t for _, t in STEPS] + (list(AUDIT_ONLY.values()) if doc.kind == "audit" else [])
        if key is None or (key in AUDIT_ONLY and doc.kind != "audit"):
            extra = f" ('## {AUDIT_ONLY[key]}' is only for audits)" if key in AUDIT_ONLY else did_you_mean(section.title, allowed)
            problems.append(
                Problem(
                    doc.path,
                    section.line,
                    f"'## {section.title}' is not a section of a briefing{extra}; "
                    f"use one of: {', '.join(allowed)}, or make it a '### ' sub-heading inside one",
                )
            )
        elif key in found:
            problems.append(
                Problem(
                    doc.path, section.line, f"'## {section.title}' appears twice (first on line {found[key].line}); merge the two"
                )
            )
        else:
            found[key] = section
    for key, title in STEPS[:5]:
        if key not in found:
            problems.append(
                Problem(
                    doc.path,
                    doc.body_line,
                    f"missing section '## {title}': add it with its text (required: {', '.join(REQUIRED_STEPS)})",
                )
            )
        elif not _has_text(found[key].body):
            problems.append(Problem(doc.path, found[key].line, f"section '## {title}' is empty; write its text"))
    reflection = found.get("questions-for-reflection")
    if reflection and not _has_text(reflection.body):
        problems.append(
            Problem(
                doc.path,
                reflection.line,
                "section '## Questions for reflection' is empty; write questions "
                "or remove the heading to use the themes' default questions",
            )
        )
    return found, problems


def default_questions(doc: Document, themes: tuple[str, ...], taxonomy: Taxonomy) -> tuple[tuple[str, ...], list[Problem]]:
    questions = tuple(dict.fromkeys(q for key in themes for q in taxonomy.themes[key].questions))
    if questions:
        return questions, []
    return (), [
        Problem(
            doc.path,
            doc.body_line,
            "no '## Questions for reflection' section and none of this briefing's "
            "themes has default questions in taxonomy.yml; add the section with your questions",
        )
    ]


def good_practice(doc: Document, section: Section, taxonomy: Taxonomy) -> tuple[list[GoodPractice], list[Problem]]:
    problems = []
    if _has_text(section.preamble):
        problems.append(
            Problem(
                doc.path,
                _first_text_line(section.preamble, section.body_line),
                "text under '## Good practice' must belong to an entry: start each entry with a '### ' heading",
            )
        )
    if not section.entries:
        problems.append(
            Problem(doc.path, section.line, "'## Good practice' has no entries; add '### ' entries or remove the heading")
        )
    entries, anchors = [], set()
    for entry in section.entries:
        item, found = _entry(doc, entry, taxonomy)
        problems += found
        if item:
            anchor, n = item.anchor, 2
            while anchor in anchors:
                anchor, n = f"{item.anchor}-{n}", n + 1
            anchors.add(anchor)
            entries.append(replace(item, anchor=anchor))
    return entries, problems


def _entry(doc: Document, entry: Section, taxonomy: Taxonomy) -> tuple[GoodPractice | None, list[Problem]]:
    lines = entry.body.split("\n")
    meta: dict[str, tuple[str, int]] = {}
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    problems = []
    while index < len(lines) and (match := _META.match(lines[index].strip())):
        name, line = match.group(1).lower(), entry.body_line + index
        if name in meta:
            problems.append(
                Problem(doc.path, line, f"'{match.group(1)}:' is given twice (first on line {meta[name][1]}); keep one line")
            )
        meta[name] = (match.group(2).strip(), line)
        index += 1
    name = f"good-practice entry '{entry.title}'"
    agencies, found = _keys(doc.path, meta, "agency", entry, taxonomy.agencies)
    problems += found
    themes, found = _keys(doc.path, meta, "themes", entry, taxonomy.themes)
    problems += found
    text = "\n".join(lines[index:])
    if not _has_text(text):
        problems.append(Problem(doc.path, entry.line, f"{name} has no text; describe the practice under its metadata lines"))
    if problems:
        return None, problems
    return GoodPractice(entry.title, "gp-" + slugify(entry.title), agencies, themes, text.strip()), []


def _keys(
    path: str, meta: dict[str, tuple[str, int]], name: str, entry: Section, known: dict[str, Any]
) -> tuple[tuple[str, ...], list[Problem]]:
    """The keys on an entry's `Agency:` or `Themes:` line: one or several, separated by commas."""
    label = name.capitalize()
    what, section, wanted = _ENTRY_KEYS[name]
    text, line = meta.get(name, ("", entry.line))
    written = [key.strip() for key in text.split(",") if key.strip()]
    keys = tuple(dict.fromkeys(written))
    if not keys:
        return (), [
            Problem(
                path,
                line,
                f"good-practice entry '{entry.title}' needs {wanted} line right under its heading "
                f"(several keys are separated by commas, e.g. '{label}: {', '.join(list(known)[:2])}')",
            )
        ]
    return keys, [
        Problem(
            path,
            line,
            f"{label}: '{key}' is not {what}{did_you_mean(key, list(known))}; use keys from taxonomy.yml {section}: "
            f"{', '.join(known)}",
        )
        for key in keys
        if key not in known
    ] + [Problem(path, line, f"{label}: '{key}' is given twice; keep one") for key in keys if written.count(key) > 1]
