"""A comment (`<!-- … -->`) an author leaves open: Markdown shows it, and all that follows it in its paragraph, as
written, a note to themselves published on the page and in its plain-text copy."""

from __future__ import annotations

import re

from generator.privacy.reading import blanked

UNCLOSED = (
    "this comment (<!--) is never closed, so the page would show it as text, a note to yourself too; end it with --> "
    "(in the same paragraph, unless the comment starts its line), or remove it"
)


def unclosed_comment(visible: str) -> int | None:
    """The line (from 0) of a comment opened outside code and not closed where Markdown closes it: a comment that starts
    a line may run on over blank lines; one inside a line's text ends with its paragraph. Markdown shows the rest as
    written."""
    visible = _INDENTED_CODE.sub(blanked, visible)
    opened = visible.find("<!--")
    while opened >= 0:
        end, starts_block = visible.find("-->", opened + 4), _BLOCK_START.search(visible, 0, opened) is not None
        paragraph = _PARAGRAPH_END.search(visible, opened)
        if end < 0 or (not starts_block and paragraph is not None and paragraph.start() < end):
            return visible.count("\n", 0, opened)
        opened = visible.find("<!--", end + 3)
    return None


def left_open(line: str) -> bool:
    """Whether a comment opened in `line` (a heading's) is left open: the heading ends with its line."""
    return "<!--" in line and "-->" not in line.split("<!--", 1)[1]


_BLOCK_START = re.compile(r"(?:\A|\n) {0,3}\Z")
"""What stands before a comment that Markdown reads as a block of its own: a line's start, and at most three spaces."""
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
_INDENTED_CODE = re.compile(r"(?:\A|(?<=\n\n))(?:(?: {4}|\t)[^\n]*(?:\n|\Z))+")
"""A code block indented by four spaces, after a blank line: Markdown shows it as written."""


NOTE = re.compile(r"^ {0,3}<!--(?!-?>)(?:(?!--!?>).)*?-->", re.S | re.M)
"""An HTML comment, which the site never shows: a note to link a briefing once it is published is no link."""
_CODE = re.compile(r"^[ \t>]*(?:`{3,}|~{3,})|<(?:textarea|xmp|noscript|noembed|noframes|title|plaintext|pre|code)\b", re.M | re.I)


def notes_blanked(text: str) -> str:
    """A Markdown text without the notes it never shows: HTML comments whole, from the start of a line, before any
    code fence or raw-text element. In code, or in an element whose text is shown as written (`<textarea>`), a
    comment is shown; one a browser ends early (`<!-->`, `--!>`) shows what follows it: all are read."""
    code = _CODE.search(text)
    return lines_kept(NOTE, text[: code.start()]) + text[code.start() :] if code else lines_kept(NOTE, text)


def lines_kept(pattern: re.Pattern[str], text: str) -> str:
    """`text` with what `pattern` finds blanked, its lines kept."""
    return pattern.sub(lambda found: "\n" * found.group().count("\n"), text)
