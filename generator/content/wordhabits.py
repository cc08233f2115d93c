"""Front-matter text that YAML reads otherwise than its author meant: Word's curly quotes, a ' #' that starts a
comment, an invisible control character (an `&` that starts a value is `yamlread`'s)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.content.parse import Document
from generator.model import Problem
from generator.privacy.reading import strings

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
"""Characters no page, feed or Word document can hold, or that break a line where none shows: control
characters (C0 and C1), line and paragraph separators and lone surrogates, which only an
escape in a double-quoted YAML value (`\\a`, `\\ud800`) or a paste from another program can write."""
TEXT_FIELDS = ("title", "summary", "source", "withdrawn_reason")
CURLY = {"\u201c": "\u201d", "\u2018": "\u2019", "\u201e": "\u201c"}
"""Word's opening quote marks and their closing ones: to YAML they are ordinary letters."""
_COMMENT_CUT = re.compile(r"(?:^[ \t]*|(?<=\S) )#(?![ \t]*privacy[ \t]*:)")
"""A `#` that cuts a plain value short: one space after the text, or at the start of a continuation line.
A comment the author means has two spaces before it, as `briefings new` writes them (and yamllint asks),
or is the privacy marker."""


def word_habits(doc: Document) -> list[Problem]:
    """Text fields that YAML reads otherwise than the author meant, each said plainly: never a silent change."""
    lines = doc.text.split("\n")
    problems = [
        Problem(
            doc.path,
            found.line,
            f"{key}: holds an invisible control character (often an escape such as \\a in double quotes, or pasted from "
            f"another program): {text!r}; remove it",
        )
        for key, found in doc.fields.items()
        for text in [key, *strings(found.value)]
        if CONTROL.search(text)
    ]
    for key in TEXT_FIELDS:
        found = doc.fields.get(key)
        if found is None or not isinstance(found.value, str):
            continue
        value = found.value.strip()
        written = _written_value(lines, found.line, key)
        opening = written or next((t.strip() for _, t in _continued(lines, found.line)), "")  # the value may start below
        if opening and opening[0] not in "\"'|>" and (cut := _cut_at(lines, found.line, written)):
            problems.append(
                Problem(
                    doc.path,
                    cut,
                    f"{key}: YAML reads everything after ' #' as a comment, so this would publish as {value!r}; "
                    f"put the whole {key} in straight double quotes, e.g. {key}: {_quoted(_example(lines, found.line, key))} "
                    "(a comment needs two spaces before its '#')",
                )
            )
        elif value[:1] in CURLY and value[-1:] in CURLY.values():
            problems.append(
                Problem(
                    doc.path,
                    found.line,
                    f"{key}: is wrapped in curly quotes ({value[0]} {value[-1]}, as Word types them), which YAML keeps as part "
                    f"of the text; use straight quotes instead: {key}: {_quoted(value[1:-1])}",
                )
            )
    return problems + _cut_notes(doc, lines)


_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')


def _cut_notes(doc: Document, lines: list[str]) -> list[Problem]:
    """A note after one space and `#` on any other field's line (`cases: 12 # of which 3 re-audits`): YAML drops it
    as a comment, so it would never be shown, though its author may well have meant it to be."""
    problems = []
    for key, found in doc.fields.items():
        value = _written_value(lines, found.line, key)
        written = _QUOTED.sub(lambda m: "x" * len(m.group()), value)  # a '#' inside quotes is text
        cut = _COMMENT_CUT.search(written) if key not in TEXT_FIELDS and written[:1] not in "#|>" else None
        if cut:
            note = value[cut.start() :].strip()
            problems.append(
                Problem(
                    doc.path,
                    found.line,
                    f"{key}: YAML reads {note!r} as a comment, so it would not be published; write the note in the briefing's "
                    "text, or, if it is only for you, put two spaces before its '#'",
                )
            )
    return problems


def _written_value(lines: list[str], line: int, key: str) -> str:
    """What follows `key:` on its line, as written."""
    return lines[line - 1].split(":", 1)[1].strip() if ":" in lines[line - 1] else ""


def _cut_at(lines: list[str], line: int, written: str) -> int | None:
    """The line where a plain (unquoted) value is cut short by a comment, if it is: the first line, or one of the
    indented lines that continue it."""
    if _COMMENT_CUT.search(written):
        return line
    return next((number for number, text in _continued(lines, line) if _COMMENT_CUT.search(text)), None)


def _continued(lines: list[str], line: int) -> Iterator[tuple[int, str]]:
    """The indented lines (numbered from 1) that continue the value on `line`."""
    number = line
    while number < len(lines) and lines[number][:1] in " \t" and lines[number].strip():
        yield number + 1, lines[number]
        number += 1


def _example(lines: list[str], line: int, key: str) -> str:
    """The value as the author typed it, continuation lines joined, for the message's example."""
    parts = [_written_value(lines, line, key), *(text.strip() for _, text in _continued(lines, line))]
    return " ".join(part for part in parts if part)


def _quoted(text: str) -> str:
    """`text` as a double-quoted YAML value that reads back as exactly this text."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
