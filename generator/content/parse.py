"""Parse a content file's text into line-numbered structures, judging nothing but what cannot be parsed.

Line numbers are kept for every front-matter key, heading and body so that every later
problem can name `path:line`. Headings are found the way Python-Markdown finds them (ATX
`#` at column 0, outside fenced code), so what we split is what will be rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from generator.content.yamlread import parse_yaml
from generator.model import Problem

_BOUNDARY = YAMLHandler.FM_BOUNDARY
_ATX = re.compile(r"^(#{1,6})(?!#)(.*?)#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_FENCE = re.compile(r"^(`{3,}|~{3,})")


@dataclass(frozen=True)
class Field:
    value: Any
    line: int
    text: str | None = None
    """The scalar exactly as written, for rules about spelling (dates)."""
    lines: dict[str, int] = field(default_factory=dict)
    """For a mapping, the line of each of its keys, so that a problem with one entry names that entry's line."""


@dataclass(frozen=True)
class Section:
    title: str
    line: int
    body: str
    body_line: int
    level: int = 2
    entries: tuple[Section, ...] = ()
    """H3 sub-sections (used for good-practice entries)."""
    preamble: str = ""
    """Text between the heading and its first H3."""


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    line: int
    setext: bool = False


@dataclass
class Document:
    path: str
    kind: str
    slug: str
    fields: dict[str, Field] = field(default_factory=dict)
    body_line: int = 1
    preamble: str = ""
    """Text before the first H2."""
    sections: list[Section] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    """Every heading in the body, for rules about levels and style."""
    parsed: bool = True
    """False when the front matter could not be read at all."""
    text: str = ""
    """The whole file, for scans that must see every line (privacy)."""

    def without_body(self) -> Document:
        """This document without its preamble, sections and headings, once checked: they are most of its size.

        What a worker sends back: the parent, checking across files, reads only its path, slug, status, text and `parsed`.
        """
        return replace(self, preamble="", sections=[], headings=[])


def line_of(text: str, pos: int, first_line: int = 1) -> int:
    return first_line + text.count("\n", 0, pos)


def find_headings(text: str, first_line: int) -> list[Heading]:
    """Every heading outside fenced code, as Python-Markdown will see it."""
    found: list[Heading] = []
    fence: str | None = None
    previous = ""
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        opening = _FENCE.match(line)
        if fence is not None:
            if line.rstrip() == fence:
                fence = None
        elif opening:
            fence = opening.group(1)
        elif atx := _ATX.match(line):
            found.append(Heading(len(atx.group(1)), atx.group(2).strip(), number))
        elif _SETEXT.match(line) and previous.strip() and not previous.startswith(("#", " ", "\t")):
            level = 1 if line.startswith("=") else 2
            found.append(Heading(level, previous.strip(), number - 1, setext=True))
        previous = line if fence is None else ""
    return found


def split_sections(text: str, first_line: int, level: int, headings: list[Heading]) -> tuple[str, list[Section]]:
    """Split `text` at ATX headings of exactly `level` (and each part at the next level, down to H3).

    Returns the text before the first such heading, and the sections.
    """
    lines = text.split("\n")
    starts = [h for h in headings if h.level == level and not h.setext]
    if not starts:
        return text, []
    ends = [h.line for h in starts[1:]] + [first_line + len(lines)]
    preamble = "\n".join(lines[: starts[0].line - first_line])
    sections = []
    for heading, end in zip(starts, ends, strict=True):
        body = "\n".join(lines[heading.line - first_line + 1 : end - first_line])
        inner = [h for h in headings if heading.line < h.line < end]
        intro, entries = split_sections(body, heading.line + 1, level + 1, inner) if level < 3 else (body, [])
        sections.append(Section(heading.title, heading.line, body, heading.line + 1, level, tuple(entries), intro))
    return preamble, sections


def construct(node: yaml.Node) -> Any:
    return yaml.SafeLoader("").construct_object(node, deep=True)


def mapping_fields(node: yaml.MappingNode, path: str, first_line: int) -> tuple[dict[str, Field], list[Problem]]:
    """Keys of a YAML mapping with their lines; a repeated key is reported, not silently overwritten."""
    fields: dict[str, Field] = {}
    problems = []
    for key_node, value_node in node.value:
        key = str(key_node.value)
        line = first_line + key_node.start_mark.line
        if key in fields:
            problems.append(Problem(path, line, f"'{key}' is given twice (first on line {fields[key].line}); keep one"))
            continue
        text = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        try:
            value = construct(value_node)
        except ValueError:  # e.g. 2024-02-30 looks like a date to YAML; the rules judge the text
            value = text
        lines = (
            {str(k.value): first_line + k.start_mark.line for k, _ in value_node.value}
            if isinstance(value_node, yaml.MappingNode)
            else {}
        )
        fields[key] = Field(value, line, text, lines)
    return fields, problems


def parse_document(text: str, path: str, kind: str, slug: str) -> tuple[Document, list[Problem]]:
    """Parse one content file's text: front matter fields with lines, then its heading structure."""
    doc = Document(path=path, kind=kind, slug=slug, parsed=False, text=text)
    boundaries = list(_BOUNDARY.finditer(text))
    if not boundaries or boundaries[0].start() != 0:
        return doc, [Problem(path, 1, "file must start with front matter: a line '---', the fields, then another '---'")]
    if len(boundaries) < 2:
        return doc, [Problem(path, 1, "front matter is not closed: add a line '---' after the last field")]
    opening, closing = boundaries[0], boundaries[1]
    fm_line = line_of(text, opening.end())
    node, problems = parse_yaml(text[opening.end() : closing.start()], path, fm_line)
    if problems:
        return doc, problems
    if not isinstance(node, yaml.MappingNode):
        line = fm_line + (node.start_mark.line if node else 1)
        return doc, [Problem(path, line, "front matter must be 'field: value' lines")]
    doc.fields, problems = mapping_fields(node, path, fm_line)
    doc.parsed = True
    body = text[closing.end() :]
    body_line = line_of(text, closing.end())
    if body.startswith("\n"):
        body, body_line = body[1:], body_line + 1
    doc.body_line = body_line
    doc.headings = find_headings(body, body_line)
    doc.preamble, doc.sections = split_sections(body, body_line, 2, doc.headings)
    return doc, problems
