"""Markup in text shown as written: a title, a summary, a withdrawal's reason and an action plan's cell are shown as the
author wrote them (escaped), so a link, a tag or emphasis there reaches readers as brackets and marks, linking nothing."""

from __future__ import annotations

import re
from html.entities import html5

MARKDOWN_LINK = r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\((?:[^()\n]|\([^()\n]*\))*\)"
"""A Markdown link or picture (`[the guide](../x/)`, `[the toolkit [2024]](x)`, `[A](https://…/A_(b))`): each bracket
read once, so a long run of `[](` is read in linear time."""
_TAGS = (
    r"a|b|i|u|s|q|em|strong|span|div|p|br|hr|sup|sub|small|big|mark|code|kbd|samp|var|cite|font|center|strike|tt|img|ul|ol"
    r"|li|dl|dt|dd|table|caption|thead|tbody|tfoot|tr|td|th|h[1-6]|blockquote|pre|del|ins|abbr|time|script|style|iframe"
    r"|object|embed|video|audio|source|svg|math|section|article|nav|header|footer|main|aside|form|input|button|label"
    r"|select|option|textarea|details|summary|figure|figcaption|link|meta|base|html|head|body|title"
)
_ENTITIES = "|".join(sorted({name.rstrip(";") for name in html5 if name.endswith(";")}, key=len, reverse=True))
AS_WRITTEN = (
    rf"{MARKDOWN_LINK}|</?(?:{_TAGS})(?:[ \t]+[a-z-]+(?:[ \t]*=[ \t]*[^<>\n]*)?)*[ \t]*/?>|<!--|<(?i:https?://|mailto:)[^<>\s]*>"
    rf"|&(?:#\d+|#[xX][0-9a-fA-F]+|(?:{_ENTITIES}));"
    r"|(?<![^\s(\[\"'‘“])(?:\*\*(?=\w)[^*\n]+(?<=[\w.!?)])\*\*|\*(?=\w)[^*\n]+(?<=[^\W\d_]|[.!?)])\*)(?!\w)"
    r"|(?<!\w)_{1,2}(?=[^\W_])[^_\n]+(?<=[^\W_])_{1,2}(?!\w)|~~(?=\S)[^~\n]+(?<=\S)~~|(?<!\w)`[^`\n]+`(?!\w)"
)
"""Markup in text shown as written (a title, a summary, an action plan's cell): a link, an HTML tag, a comment, an
entity, emphasis, strike-through or code, whose brackets and marks readers would see, and nothing would link ("5*
homes", "(*) new", "22%*", "A&E; then", "B&Bs;", "<20%", "<Date seen>", "Q&A", "the children`s guide" are no markup)."""


def unplain(value: object) -> str:
    """Why a text meant to be shown as written is not plain: each of its markup and its paragraphs."""
    text = value if isinstance(value, str) else ""
    marks = re.search(AS_WRITTEN, text)
    if marks is None or re.match(r"<[A-Za-z/!?]", marks[0]):
        return "has HTML or more than one paragraph"
    said = f"has {marks[0]}, shown as written here, marks and all: write plain text, and name a page rather than link"
    return said + (", in one paragraph" if re.search(r"\n\s*\n", text) else "")
