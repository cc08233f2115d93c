"""The text a reader gets from an author's file or a built page, for the privacy scan.

A reader does not see emphasis, tags, entities, a no-break space or a line an editor wrapped: they read
`0161 **496**⏎0123` as 0161 496 0123. Each text is reduced to what it reads as, line by line (so that a
finding still names the line it starts on), and then the lines of one paragraph are joined.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from generator.privacy.anchored import anchored
from generator.privacy.asides import beside
from generator.privacy.characters import BOTH_ORDERS, REORDERS, normalised

WORD_BULLETS = {"•": 0, "·": 0, "◦": 1, "▪": 2}
"""Bullets that come with text pasted from Word, and the list level each marks."""


INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
        "tspan",
    ]
)
"""HTML elements that run on in the line of text they are in: in a built page every other element (a paragraph, a
table cell, an SVG label) starts a new one for a reader."""
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_PERCENT = re.compile(r"%[2-7][0-9A-Fa-f]")
_MARKUP = re.compile(r"[*`~]{1,3}(?=\S)|(?<=\S)[*`~]{1,3}|(?<![A-Za-z0-9_])_+|_+(?![A-Za-z0-9_])|\\(?=[!-/:-@\[-`{-~])")
"""Emphasis, code, strike and highlight marks, and backslash escapes. A mark beside a space (` * `, `x = 1`)
is shown as written, so it stays, as do underscores within a word (`amir__patel`)."""
_MARK = re.compile(r"[*`~_\\]")
"""The character every piece of markup starts with (`anchored.anchored`)."""
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")
_BLOCK_START = re.compile(
    r"[ \t]*(?:#|["
    + "".join(WORD_BULLETS)
    + r"][ \t\u00a0]|`{3}|~{3}|-{3,}[ \t]*$|={3,}[ \t]*$|</?(?!(?:"
    + "|".join(sorted(INLINE))
    + r")\b)[A-Za-z])"
)
"""A line that starts a new block even straight after a paragraph's line (Python-Markdown needs a blank line
before a list, a quote or a table, so a wrapped "900123. She" or "- 12" continues the paragraph; a bullet
pasted from Word starts a list there, see `content.wordbullets`)."""


CELLS = re.compile(r"(?:[^|\\\t]|\\.)+")
"""The cells of a table's row, its outer bars taken off: parted by `|` (not an escaped `\\|`) or, pasted from Word,
by tabs."""


def table_rows(text: str) -> Iterator[tuple[str, int, list[re.Match[str]] | None]]:
    """Each line of `text` with where its cells' text starts in `text` and its cells (None: the line is no table's
    row, having neither a bar nor a tab): one row a line, as Markdown, pasted and tab-separated tables are written."""
    offset = 0
    for row in text.split("\n"):
        at = offset + len(row) - len(row.lstrip().lstrip("|"))  # past the spacing and bars before the first cell
        yield row, at, list(CELLS.finditer(row.strip().strip("|"))) if "|" in row or "\t" in row else None
        offset += len(row) + 1


def blanked(match: re.Match[str]) -> str:
    """A match made spaces, its line breaks kept, so that every line after it keeps its number."""
    return re.sub(r"[^\n]", " ", match.group())


def strings(value: object) -> Iterator[str]:
    """Every text in a value decoded from JSON or YAML, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def _entity(match: re.Match[str]) -> str:
    return html.unescape(match.group()).replace("\n", " ").replace("\r", " ")


def _percent(match: re.Match[str]) -> str:
    decoded = unquote(match.group())
    return decoded if decoded.isprintable() else match.group()


def as_read(text: str) -> str:
    """`text` as a reader gets it, one line for one line: tags, entities, percent escapes and emphasis gone,
    compatibility forms folded (full-width digits, ＠, no-break spaces), invisible characters removed and
    dashes read as hyphens. Nothing here makes or removes a line break."""
    if "<" in text or "[" in text or "{" in text:
        text = "\n".join(beside(line) if "<" in line or "[" in line or "{" in line else line for line in text.split("\n"))
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    if "%" in text:
        text = _PERCENT.sub(_percent, text)
    return normalised(_without_markup(text))


def _without_markup(text: str) -> str:
    """`_MARKUP.sub("", text)`, found from the marks' characters."""
    pieces, last = [], 0
    for mark in anchored(_MARKUP, _MARK, text, (0,)):
        pieces.append(text[last : mark.start()])
        last = mark.end()
    pieces.append(text[last:])
    return "".join(pieces)


@dataclass(frozen=True)
class Read:
    """Paragraphs of reader's text, one per line of `text`, with the source line each stretch came from."""

    text: str
    starts: list[int]
    lines: list[int]

    def line_at(self, offset: int) -> int:
        return self.lines[bisect_right(self.starts, offset) - 1]


def read_lines(lines: list[tuple[int, str]], gaps: list[str]) -> Read:
    """Numbered stretches of reader's text joined by their `gaps`: "\\n" between paragraphs, " " where an
    editor wrapped a line (the reader sees a space), "" where inline markup parted one word."""
    parts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    offset = 0
    for (number, line), gap in zip(lines, gaps, strict=True):
        if parts:
            parts.append(gap)
            offset += len(gap)
        starts.append(offset)
        numbers.append(number)
        parts.append(line)
        offset += len(line)
    return Read("".join(parts), starts, numbers)


def _unquoted(line: str) -> str:
    return _QUOTE.sub("", line) if ">" in line[:8] else line


def read_markdown(text: str, first_line: int = 1, body_line: int = 1, wraps: bool = True) -> Read:
    """A Markdown file (front matter before `body_line`) as its reader gets it. In the body a line continues
    its paragraph unless it starts a block (see `_BLOCK_START`; list items and table rows, parted by `|` or by
    tabs as Word pastes them, in a row stay apart); in front matter only an indented line continues a value.
    Quote marks are read away. Without `wraps` (a CSV file) every line stands alone."""
    raw = [_unquoted(line) for line in text.split("\n")]
    read = [_unquoted(line) for line in as_read(text).split("\n")]
    joined = [False]
    for index in range(1, len(raw)):
        line, previous = raw[index], raw[index - 1]
        if not wraps or not line.strip() or not previous.strip():
            joined.append(False)
        elif first_line + index < body_line:
            joined.append(line[:1] in " \t" and not line.lstrip().startswith("- "))
        elif _BLOCK_START.match(line):
            joined.append(False)
        else:
            list_items = _LIST_ITEM.match(line) and (_LIST_ITEM.match(previous) or previous[:1] in " \t")
            rows = ("|" in line and "|" in previous) or ("\t" in line.strip() and "\t" in previous.strip())
            joined.append(not (list_items or rows))
    if not text.isascii() or "&" in text:
        _shown_across_lines(raw, read, joined)
    lines = [
        (number, line.lstrip() if join else line)
        for (number, line), join in zip(enumerate(read, start=first_line), joined, strict=True)
    ]
    return read_lines([(number, line.rstrip()) for number, line in lines], [" " if join else "\n" for join in joined])


def _shown_across_lines(raw: list[str], read: list[str], joined: list[bool]) -> None:
    """A paragraph wrapped over lines is turned round as one line is (an override at the end of one line runs on
        into the next): where its words are shown in another order, the paragraph as shown is read after its first line, where
    a finding in it is reported."""
    first = 0
    for index in range(1, len(raw) + 1):
        if index < len(raw) and joined[index]:
            continue
        if index - first > 1 and any(map(_turns, raw[first:index])):
            whole = as_read(" ".join(raw[first:index]))
            if BOTH_ORDERS in whole:
                read[first] += BOTH_ORDERS + whole.split(BOTH_ORDERS, 1)[1] + BOTH_ORDERS
        first = index


def _turns(line: str) -> bool:
    """Whether a line holds what can turn its words round, written or as an entity (`&#x202E;`, `&rlm;`)."""
    return REORDERS.search(line) is not None or ("&" in line and REORDERS.search(_ENTITY.sub(_entity, line)) is not None)
