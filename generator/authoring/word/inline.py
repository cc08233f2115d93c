"""A Word document's inline HTML, as mammoth writes it, as Markdown that reads back as the same text, and
as the plain text a reader reads.

Every character that Markdown would take as markup is escaped, so nothing the author wrote is lost or turned
into something else; marks that would run into each other are told apart.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from lxml import html as lxml_html

IMAGE = "<!-- image not imported -->"
"""Left where an image was, so that the author can see where it was and decide what to write instead."""
WRAP = 1_000
"""A paragraph longer than this is wrapped at words (files have a line limit; Markdown joins the lines)."""

_INLINE_ESCAPES = str.maketrans({"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|"})
"""Marks of emphasis, code and links, and the table's `|` (lines of a paragraph can look like a table's rows)."""
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY_LIKE = re.compile(r"&(?=#|\w+;|\w*$)")
_LINE_START = re.compile(r"^(?:[#>+-]|\d+(?=\.(?:\s|$)))")
_RULE = re.compile(r"^=+\s*$")
_SPACE = re.compile(r"[\t\n\r\v\f]")
REFERENCE = re.compile(r"^#(?:footnote|endnote)-")
"""A link to a footnote or endnote: the note follows the block that cites it, so the link keeps only its label."""
_EMPHASIS = {"strong": ("strong", "**"), "b": ("strong", "**"), "em": ("em", "*"), "i": ("em", "*")}
CELL_BLOCKS = ("p", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6")
"""Tags that start a line of their own: in a table cell they are parted by `<br>`, in plain text by a space."""


@dataclass
class Context:
    """What converting one block collects: the footnotes it cites, and whether it is inside a table cell."""

    notes: dict[str, tuple[str, str]]
    cited: dict[str, str] = field(default_factory=dict)
    """Footnote ids cited, with the label their reference shows (mammoth numbers ids and labels apart)."""
    cell: bool = False


def escape(text: str) -> str:
    """Text as Markdown that reads back as exactly this text."""
    text = _SPACE.sub(" ", text).translate(_INLINE_ESCAPES)
    return _TAG_START.sub("&lt;", _ENTITY_LIKE.sub("&amp;", text))


def _line_start(line: str) -> str:
    """Escape what would start a heading, quote, list or underline at the start of a line."""
    if _RULE.match(line):
        return "&#61;" + line[1:]
    if line.startswith("~~~"):
        return "&#126;" + line[1:]
    return _LINE_START.sub(lambda m: m.group() + "\\" if m.group().isdigit() else "\\" + m.group(), line, count=1)


def paragraph(markdown: str) -> str:
    """Inline Markdown as the lines of one paragraph: hard breaks kept, every line safe, long ones wrapped."""
    lines = []
    for line in markdown.split("\n"):
        hard = line.endswith("  ")
        line = line.strip()
        pieces = textwrap.wrap(line, WRAP, break_long_words=False, break_on_hyphens=False) if len(line) > WRAP else [line]
        lines += [_line_start(piece) for piece in pieces if piece]
        if hard and lines:
            lines[-1] += "  "
    return "\n".join(lines).strip()


def inline(element: lxml_html.HtmlElement, context: Context) -> str:
    out = escape(element.text or "")
    for child in element:
        out = append(out, child, context)
    return out


def append(out: str, child: lxml_html.HtmlElement, context: Context) -> str:
    """`out` followed by `child` and its tail as Markdown, where marks that would run into each other are
    told apart: `*a**b*` is not two emphases, and `![…](…)` would be an image."""
    piece = _element(child, context)
    if piece.startswith("*") and out.endswith("*"):
        piece = _emphasis(child, context, tags=True)
    elif piece.startswith("[") and out.endswith("!"):
        out = out[:-1] + "\\!"
    return out + piece + escape(child.tail or "")


def _element(element: lxml_html.HtmlElement, context: Context) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    if tag == "br":
        return "<br>" if context.cell else "  \n"
    if tag == "img":
        return IMAGE
    if tag == "input" and element.get("type") == "checkbox":
        return "\u2612" if element.get("checked") is not None else "\u2610"
    if tag in _EMPHASIS:
        return _emphasis(element, context)
    if tag == "a":
        return _link(element, context)
    if tag == "p":
        return inline(element, context) + " "
    return inline(element, context)


def _emphasis(element: lxml_html.HtmlElement, context: Context, tags: bool = False) -> str:
    """Bold as `**…**`, italic as `*…*`, or with `tags` as `<strong>`/`<em>` (where marks would touch others:
    `*a**b*` is not two emphases to Markdown). Spaces go outside the marks (`** bold **` is not emphasis);
    empty emphasis is noise."""
    inner = inline(element, context)
    words = inner.strip()
    if not words:
        return inner
    name, mark = _EMPHASIS[element.tag]
    opening, closing = (f"<{name}>", f"</{name}>") if tags else (mark, mark)
    return f"{inner[: len(inner) - len(inner.lstrip())]}{opening}{words}{closing}{inner[len(inner.rstrip()) :]}"


def _link(element: lxml_html.HtmlElement, context: Context) -> str:
    href = element.get("href", "")
    text = inline(element, context)
    if REFERENCE.match(href):
        context.cited.setdefault(href[1:], plain(element))
        return text
    if not href or href.startswith("#") or not text.strip():
        return text  # a bookmark, or a link within the document, which the draft does not have
    target = (
        href.replace(" ", "%20")
        .replace("(", "%28")
        .replace(")", "%29")
        .replace("<", "%3C")
        .replace(">", "%3E")
        .replace("|", "%7C")
    )
    words = text.replace("\\]", "&#93;")  # `[\\]: …` at a line's start would define a reference, not link
    return f"[{words}]({target})"


def plain(element: lxml_html.HtmlElement, addresses: bool = False) -> str:
    """The element's words as a reader reads them, spaces collapsed; with `addresses`, a link's address
    follows its words (an action plan's cells are shown as plain text, where a link would be lost)."""
    return " ".join(_words(element, addresses).split())


def _words(element: lxml_html.HtmlElement, addresses: bool) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            gap = " " if child.tag in (*CELL_BLOCKS, "br") else ""
            parts += [gap, _words(child, addresses), gap]
            href = child.get("href", "") if child.tag == "a" else ""
            if addresses and href and not href.startswith("#") and href not in child.text_content():
                parts.append(f" ({href})")
        parts.append(child.tail or "")
    return "".join(parts)
