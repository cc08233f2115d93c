"""A hand-written page's front matter, as the engine reads it.

The engine (`mkdocs.utils.meta.get_data`) takes front matter only between a first line of exactly three dashes and a
line of three dashes or dots, and only if it reads as YAML names with values; anything else, it shows as the page's
text. Each such mistake is refused at its line, before anything is published.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from generator.content.yamlread import parse_yaml, unreadable_values
from generator.diagnostics import did_you_mean
from generator.model import CONTENT_FIELDS, Problem, Status

PAGES = (".md", ".markdown")
"""The pages folder's files the engine builds as pages."""
ENGINE_META = re.compile(r"-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
"""The front matter the engine finds (`mkdocs.utils.meta.YAML_RE`)."""
_BEGUN = re.compile(r"\s*-{3,}[ \t]*\n(?:[ \t]*#[^\n]*\n)*[ \t]*[a-z_][a-z0-9_-]*[ \t]*:")
"""What an author means as front matter: a line of dashes, then (after YAML comments) a name as the engine and its
theme write theirs, in small letters (`title:`). A rule before a paragraph (`---`, then `Note: …`) is none."""
SETTINGS = (
    "title",
    "description",
    "template",
    "hide",
    "icon",
    "status",
    "tags",
    "search",
    "subtitle",
    "summary",
    "date",
    "authors",
    "author",
    "robots",
)
"""What the engine and its theme read from a page's front matter."""

_NAMED = re.compile(rf"(?:[ \t]*#[^\n]*\n)*[ \t]*(?:{'|'.join(SETTINGS)})[ \t\u00a0]*[:\uff1a]", re.I)
"""Closed front matter that begins with a setting's name, however written (`Title:`, a no-break space or a
full-width colon after it): meant as settings, not as text between two rules (`Note: see the guidance: …`)."""
_SHOWN = "the engine would show it as the page's text"


def front_matter_problems(text: str, path: str) -> list[Problem]:
    """What in a page's front matter the engine could not read, each at its line."""
    if misplaced := written_as_content(text, path):
        return misplaced
    found = ENGINE_META.match(text)
    if found is None:
        if not _BEGUN.match(text):
            return _first_lines(text, path)
        line = text[: text.index("-")].count("\n") + 1
        fix = "start the page with a line of exactly three dashes (---); end the front matter with another, then a new line"
        return [Problem(path, line, f"this front matter is not where the engine looks for it, so {_SHOWN}: {fix}")]
    node, problems = parse_yaml(found.group(1), path, 2)
    if problems or not isinstance(node, yaml.MappingNode):  # no names: text between two rules, shown as written
        if not _NAMED.match(found.group(1)):
            return []
        fix = "write each as a name in small letters, a colon and a space, then its value (title: About us)"
        return problems or [Problem(path, 2, f"front matter must be names with their values, else {_SHOWN}: {fix}")]
    problems = unreadable_values(node, path, 2)
    for key, value in node.value:
        line = 2 + key.start_mark.line
        if isinstance(key, yaml.ScalarNode) and key.value == key.value.lower() and key.value not in SETTINGS:
            problems.append(Problem(path, line, _unknown(key.value)))
        elif not isinstance(key, yaml.ScalarNode):
            problems.append(Problem(path, line, f"a name in front matter must be a word (title:), not a list, else {_SHOWN}"))
        elif key.value != key.value.lower():
            problems.append(Problem(path, line, _unshown(key.value)))
        elif key.value == "title" and not isinstance(value, yaml.ScalarNode):
            problems.append(Problem(path, line, "title must be text (title: About us), not a list"))
        elif key.value == "hide" and not (isinstance(value, yaml.SequenceNode) or value.tag.endswith((":str", ":null"))):
            problems.append(Problem(path, line, "hide must be a list of what to hide, such as hide: [navigation, toc]"))
    return problems


_MISPLACED = (
    "this is written as an audit or a briefing, but every file in the pages folder is published as it is, whatever its "
    "status (a draft or a restricted one too): move it to the audits or briefings folder"
)


def written_as_content(text: str, path: str) -> list[Problem]:
    """An audit or a briefing saved among the pages (as `.md`, or as `.md.txt`, as Notepad names it): its front matter
    holds one of their own fields, or `status: draft` (the theme's own page statuses are other words), whether or not it
    reads as YAML. The engine would publish it whole, a draft's or a restricted one's too."""
    found = _FIELDS_BLOCK.match(text.lstrip("\ufeff"))
    field = _CONTENT_FIELD.search(found.group()) if found else None
    return [Problem(path, found.group().count("\n", 0, field.start()) + 1, _MISPLACED)] if found and field else []


_FIELDS_BLOCK = re.compile(r"-{3,}[ \t]*\r?\n.*?\n(?:\.{3}|-{3,})[ \t]*(?:\r?\n|$)", re.S)
_CONTENT_FIELD = re.compile(
    rf"^(?:(?:{'|'.join(sorted(CONTENT_FIELDS))})[ \t]*:|status[ \t]*:[ \t]*['\"]?(?i:{'|'.join(Status)})\b)", re.M
)


def _unknown(name: str) -> str:
    return (
        f"'{name}:' is no setting of a page{did_you_mean(name, SETTINGS)}, so the engine would ignore it; the settings are "
        f"{', '.join(SETTINGS)}"
    )


def _first_lines(text: str, path: str) -> list[Problem]:
    """The engine reads a page's first lines as its settings, and never shows them: each that names no setting (`Note:
    …`, `2025-26: …`, a bare address `https://…`) was meant as text."""
    return [
        Problem(path, number, _unshown(name))
        for number, name, _, named in first_line_settings(text)
        if named and name.lower() not in SETTINGS
    ]


def first_line_settings(text: str) -> Iterator[tuple[int, str, str, bool]]:
    """A page's settings as the engine reads them from its first lines without dashes, each `Name: value` up to a blank
    line (MultiMarkdown's meta-data, `mkdocs.utils.meta`): each line's number, its setting's name as written, its value,
    and whether it names the setting (else it goes on with the one above)."""
    name = ""
    for number, line in enumerate(text.split("\n"), start=1):
        named = _MULTIMARKDOWN.match(line)
        if not line.strip() or not (named or (name and _CONTINUED.match(line))):
            return
        name = named.group(1) if named else name
        yield number, name, (named.group(2) if named else line).strip(), named is not None


_MULTIMARKDOWN = re.compile(r" {0,3}([A-Za-z0-9_-]+):\s*(.*)")
"""A setting on a page's first lines (`mkdocs.utils.meta.META_RE`)."""
_CONTINUED = re.compile(r" {4}|\t")
"""A line that goes on with the setting above it (`mkdocs.utils.meta.META_MORE_RE`)."""


def _unshown(name: str) -> str:
    return (
        f"'{name}:' is read by the engine as a setting of the page, and the line is never shown (settings are named in "
        "small letters, title: About us); if it is text for the reader, start the page with its heading, or a blank line"
    )
