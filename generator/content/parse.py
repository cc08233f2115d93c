"""Parse a content file's text into line-numbered structures, judging nothing but what cannot be parsed.

Line numbers are kept for every front-matter key, heading and body so that every later
problem can name `path:line`. Headings are found the way Python-Markdown finds them (ATX
`#` at column 0, outside fenced code), so what we split is what will be rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from generator.model import Problem

_BOUNDARY = YAMLHandler.FM_BOUNDARY
_ATX = re.compile(r"^(#{1,6})(?!#)(.*?)#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CURLY_QUOTES = re.compile("[\u201c\u201d\u2018\u2019\u201e]")
_YAML_FIXES = {
    "mapping values are not allowed here": "a value containing ': ' must be put in straight quotes, e.g. title: \"Neglect: what we learned\"",
    "found character '\\t' that cannot start any token": "use spaces, not tabs, to indent",
}


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


def parse_yaml(
    text: str, path: str, first_line: int, what: str = "front matter", tags: re.Pattern[str] | None = None
) -> tuple[yaml.Node | None, list[Problem]]:
    """Compose YAML into nodes (which carry line numbers); a syntax error becomes a Problem. Plain values only, and
    the `tags` that match.

    libyaml (C) parses when it is available; on an error the pure-Python parser runs again, so the
    message an author reads is always the same, whichever is installed.
    """
    if _UNREADABLE.search(text):
        return None, _unreadable_characters(text, path, first_line, what)
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
        return (node, []) if node is None else _bounded(node, path, first_line, what, tags)
    except (yaml.YAMLError, RecursionError):
        pass
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        return (node, []) if node is None else _bounded(node, path, first_line, what, tags)
    except RecursionError:
        line = first_line + _deepest_line(text)
        return None, [Problem(path, line, f"{what} is nested more than {MAX_DEPTH} levels deep; write plain values and lists")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = error.problem or "it could not be read"
        fix = _YAML_FIXES.get(problem, "check quotes, colons and indentation")
        source = text.split("\n")
        if _CURLY_QUOTES.search(source[line - first_line] if line - first_line < len(source) else ""):
            fix = f"curly quotes (\u201c \u201d, as Word types them) are not quotes to YAML; {fix}"
        return None, [Problem(path, line, f"{what} is not valid YAML: {problem}; {fix}")]


_BREAKS = "\x85\u2028\u2029"
_UNREADABLE = re.compile(f"{yaml.reader.Reader.NON_PRINTABLE.pattern}|[{_BREAKS}]")
"""A character YAML refuses anywhere (comments included), or a line break it reads and an editor shows none of (Word's
manual line break pasted as U+2028), after which every line YAML names would be one off."""


def _unreadable_characters(text: str, path: str, first_line: int, what: str) -> list[Problem]:
    """Each line holding a character of `_UNREADABLE`, at once, naming its first."""
    found: dict[int, Problem] = {}
    for match in _UNREADABLE.finditer(text):
        line, character = first_line + text.count("\n", 0, match.start()), match.group()
        if line not in found:
            kind, reading = ("line break", "reads as a new line") if character in _BREAKS else ("control character", "refuses")
            found[line] = Problem(
                path,
                line,
                f"{what} holds an invisible {kind} (U+{ord(character):04X}) on this line, which YAML {reading}; delete it",
            )
    return list(found.values())


MAX_DEPTH = 20
"""Lists and mappings nested deeper than this are refused: no field needs more than two."""
MAX_ALIASES = 10
"""YAML aliases (`*name`) allowed in one file: more could expand without end ("billion laughs")."""
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}


def _bounded(
    root: yaml.Node, path: str, first_line: int, what: str, tags: re.Pattern[str] | None
) -> tuple[yaml.Node | None, list[Problem]]:
    """Refuse what plain fields never need and a hostile file could use: tags that build Python objects (or
    any other tag), aliases beyond a few, and deep nesting. Walked without expanding aliases."""
    seen: set[int] = set()
    aliases = 0
    tagged: list[Problem] = []  # every tag at once: none is read
    todo: list[tuple[yaml.Node, int]] = [(root, 1)]
    while todo:
        node, depth = todo.pop()
        line = first_line + node.start_mark.line
        if id(node) in seen:
            aliases += 1
            if aliases > MAX_ALIASES:
                return None, [
                    Problem(path, line, f"{what} uses more than {MAX_ALIASES} YAML aliases (*name); write the values out")
                ]
            continue
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS and not (tags and tags.fullmatch(node.tag)):
            tagged.append(Problem(path, line, f"{what} uses the YAML tag {node.tag!r}; remove it and write a plain value"))
            continue
        if depth > MAX_DEPTH:
            return None, [
                Problem(path, line, f"{what} is nested more than {MAX_DEPTH} levels deep; write plain values and lists")
            ]
        if isinstance(node, yaml.SequenceNode):
            todo += [(item, depth + 1) for item in node.value]
        elif isinstance(node, yaml.MappingNode):
            todo += [(item, depth + 1) for pair in node.value for item in pair]
    return (None, sorted(tagged, key=lambda problem: problem.line)) if tagged else (root, [])


def _deepest_line(text: str) -> int:
    """The line (from 0) where brackets first nest deeper than `MAX_DEPTH`: too deep for the parser to say."""
    depth = 0
    for number, line in enumerate(text.split("\n")):
        for char in line:
            depth += (char in "[{") - (char in "]}")
            if depth > MAX_DEPTH:
                return number
    return 0


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


def front_matter(text: str) -> tuple[int, str] | None:
    """A file's front matter (the YAML between its first two `---` lines) and the line it starts on; None when the
    file does not start with one, or leaves it open."""
    boundaries = list(islice(_BOUNDARY.finditer(text), 2))
    if len(boundaries) < 2 or boundaries[0].start() != 0:
        return None
    return line_of(text, boundaries[0].end()), text[boundaries[0].end() : boundaries[1].start()]


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
