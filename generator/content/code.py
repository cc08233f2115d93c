"""What of a script or a stylesheet is text: its comments and strings, as they read once their escapes are decoded.

The theme's scripts and stylesheets are published as they are, comments and all, and no check of the built site reads
them but for what a stylesheet shows; their code itself is no one's text. A source map's text is that of the sources
it holds. A page folder's scripts and stylesheets are read whole, their syntax aside.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.model import Problem

_STRINGS = r""""(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'"""
_CSS_PIECES = re.compile(rf"/\*.*?\*/|{_STRINGS}", re.S)
_JS_PIECES = re.compile(rf"/\*.*?\*/|//[^\n]*|{_STRINGS}|`(?:\\.|[^`\\])*`", re.S)
_JS_ESCAPE = re.compile(r"\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([\s\S]))")
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n]?|([\s\S]))")
_SYNTAX = re.compile(
    r"(?<![\w.+-])@[\w/.-]+|#[0-9a-fA-F]{3,8}\b|^[\"'`]?data:.*|\$\{[^{}]*\}|(?<![\d.])\d{1,3}\.\d{4,}(?![\d.])", re.S
)
"""What code writes in its comments and strings that is no one's detail: a documentation tag or at-rule (`@param`,
`@media`), a package's scope (`@babel/runtime`), a colour (`#df41fb`), inline data (`data:image/png;base64,…`), a
template's expression (`${width}`), a fraction worked out to many places (`33.33333333`, `0.6666666667`)."""
_ESCAPED = {"n": " ", "r": " ", "t": "\t", "\n": ""}
"""A string's escaped line breaks read as spaces (the lines of the file stay where they are); a line continued."""


_AT_RULE = re.compile(
    r"@(?:-[a-z]+-)?(?:media|page|import|font-face|supports|keyframes|charset|namespace|layer|container|property|scope"
    r"|counter-style|font-feature-values|font-palette-values|starting-style|document|viewport|view-transition"
    r"|position-try|custom-media|scroll-timeline|styleset|stylistic|swash|ornaments|annotation|character-variant"
    r"|(?:top|bottom)-(?:left|center|right)(?:-corner)?|(?:left|right)-(?:top|middle|bottom))(?![\w-])",
    re.I,
)


def code_read(text: str, suffix: str) -> str:
    """A page folder's script or stylesheet as its details are looked for, read whole (what its code writes is
    published too): a stylesheet's at-rules (`@media`, `@page`) are its syntax, not anyone's handle."""
    return _AT_RULE.sub(lambda rule: " " * len(rule.group()), text) if suffix == ".css" else text


def code_text(text: str, suffix: str) -> str:
    """The comments and strings of a script (or, for `.css`, a stylesheet), each at its line, decoded as they read
    (`\\u0030` is 0); the rest blanked, its lines kept."""
    css = suffix == ".css"
    pieces, last = [], 0
    for match in (_CSS_PIECES if css else _JS_PIECES).finditer(text):
        piece = match.group()
        read = _CSS_ESCAPE.sub(_css_character, piece) if css else _JS_ESCAPE.sub(_js_character, piece)
        read = read.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # `\ud83d\ude00` is one character
        pieces += [
            "\n" * text.count("\n", last, match.start()),
            _SYNTAX.sub(" ", read.replace("\n", " ")),
            "\n" * piece.count("\n"),
            " ",
        ]
        last = match.end()
    return "".join(pieces) + "\n" * text.count("\n", last)


def _js_character(escape: re.Match[str]) -> str:
    code = escape.group(1) or escape.group(2) or escape.group(3)
    return _character(int(code, 16)) if code else _ESCAPED.get(escape.group(4), escape.group(4))


def _css_character(escape: re.Match[str]) -> str:
    return _character(int(escape.group(1), 16)) if escape.group(1) else _ESCAPED.get(escape.group(2), escape.group(2))


def _character(code: int) -> str:
    character = chr(min(code, 0x10FFFF) or 0xFFFD)
    return " " if character in "\n\r" else character


def read_code(file: Path, path: str) -> tuple[str | None, list[Problem]]:
    """The text of the script, stylesheet or source map at `file`, however long its lines (minified), or None with
    the problem that stops it being read."""
    try:
        text = file.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None, [Problem(path, 1, f"{_UNREAD}: it is not UTF-8 text; save it as UTF-8")]
    if file.suffix.lower() != ".map":
        return code_text(text, file.suffix.lower()), []
    try:
        sources = json.loads(text).get("sourcesContent") or []
        kind = ".css" if ".css" in file.name else ".js"
        return "\n".join(code_text(source, kind) for source in sources if isinstance(source, str)), []
    except (ValueError, AttributeError, TypeError):
        return None, [Problem(path, 1, f"{_UNREAD}: it is no source map (JSON with sourcesContent); fix it or remove it")]


_UNREAD = "the privacy checks cannot read this file, which is published as it is"
