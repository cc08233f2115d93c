"""Markup in text shown as written: a title, a summary, a withdrawal's reason and an action plan's cell are shown as the
author wrote them (escaped), so a link, a tag or emphasis there reaches readers as brackets and marks, linking nothing."""

from __future__ import annotations

import re

MARKDOWN_LINK = r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\((?:[^()\n]|\([^()\n]*\))*\)"
"""A Markdown link or picture (`[the guide](../x/)`, `[the toolkit [2024]](x)`, `[A](https://…/A_(b))`): each bracket
read once, so a long run of `[](` is read in linear time."""
_TAGS = r"a|b|i|u|s|em|strong|span|div|p|br|hr|sup|sub|small|mark|code|font|img|ul|ol|li|table|tr|td|th|h[1-6]|blockquote|del|ins|abbr"
_ENTITIES = (
    r"amp|lt|gt|quot|apos|nbsp|ndash|mdash|hellip|pound|euro|copy|reg|trade|[lr]squo|[lr]dquo|bull|middot|times|divide"
    r"|deg|frac1[24]|frac34|shy|zwn?j|thinsp|ensp|emsp|[aeiou](?:acute|grave|circ|uml)|ccedil"
)
AS_WRITTEN = (
    rf"{MARKDOWN_LINK}|</?(?i:{_TAGS})\b[^<>\n]*>|&(?:#\d+|#[xX][0-9a-fA-F]+|{_ENTITIES});"
    r"|(?<![\w*(])\*{1,2}(?=[^\s*)])[^*\n]+(?<=[^\s*(\d])\*{1,2}(?![\w*])|(?<!\w)_{1,2}(?=[^\s_])[^_\n]+(?<=[^\s_])_{1,2}(?!\w)"
    r"|~~(?=\S)[^~\n]+(?<=\S)~~|(?<!\w)`[^`\n]+`(?!\w)"
)
"""Markup in text shown as written (a title, a summary, an action plan's cell): a link, an HTML tag, an entity, emphasis,
strike-through or code, whose brackets and marks readers would see, and nothing would link ("5* homes", "(*) new",
"A&E; then", "B&Bs;", "<20%", "<Date seen>", "Q&A", "the children`s guide" are no markup)."""


def unplain(value: object) -> str:
    """Why a text meant to be shown as written is not plain: each of its markup and its paragraphs."""
    text = value if isinstance(value, str) else ""
    marks = re.search(AS_WRITTEN, text)
    if marks is None or re.match(r"<[A-Za-z/!?]", marks[0]):
        return "has HTML or more than one paragraph"
    said = f"has {marks[0]}, shown as written here, marks and all: write plain text, and name a page rather than link"
    return said + (", in one paragraph" if re.search(r"\n\s*\n", text) else "")
