"""A Word document's HTML, as mammoth writes it, turned into the contract's Markdown, block by block.

mammoth reads the `.docx` (styles, lists, tables, links, tracked changes); this module only writes what it
made as Markdown that Python-Markdown (with the `tables` and `sane_lists` extensions) reads back as the
same text: every character that Markdown would take as markup is escaped, so nothing the author wrote is
lost or turned into something else. Headings stay apart (`Heading`) for `wordimport` to map onto the steps.
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
_NOTES = "starts-with(@id, 'footnote-') or starts-with(@id, 'endnote-')"
_BACKLINK = re.compile(r"^#(?:footnote|endnote)-ref-")
_REFERENCE = re.compile(r"^#(?:footnote|endnote)-")
_LISTS = ("ul", "ol")
_EMPHASIS = {"strong": ("strong", "**"), "b": ("strong", "**"), "em": ("em", "*"), "i": ("em", "*")}
_CELL_BLOCKS = ("p", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    """Plain text, spaces collapsed: what the heading is matched by, and written as."""
    title: bool = False
    """Word's Title style."""


@dataclass(frozen=True)
class Prose:
    """Paragraphs or a list, as Markdown."""

    markdown: str
    text: str
    """Plain text, for finding dates, counts and names of agencies and themes."""
    bold: bool = False
    """A paragraph all in bold: many documents make their headings this way."""


@dataclass(frozen=True)
class Table:
    markdown: list[list[str]]
    """Cells as inline Markdown, rows padded to one width (merged cells repeat as empty ones)."""
    text: list[list[str]]
    """The same cells as plain text, for an action plan, whose cells are shown as written."""


Block = Heading | Prose | Table


@dataclass
class _Context:
    """What converting one block collects: the footnotes it cites, and whether it is inside a table cell."""

    notes: dict[str, tuple[str, str]]
    cited: dict[str, str] = field(default_factory=dict)
    """Footnote ids cited, with the label their reference shows (mammoth numbers ids and labels apart)."""
    cell: bool = False


def blocks(markup: str) -> list[Block]:
    """The document's blocks in order; a footnote follows the block that cites it, where its reader needs it."""
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    notes = _footnotes(root)
    found: list[Block] = []
    for element in root:
        context = _Context(notes)
        found += _block(element, context)
        for note, label in context.cited.items():
            if note in notes:
                markdown, text = notes[note]
                found.append(Prose(_paragraph(f"{escape(label)} {markdown}"), f"{label} {text}"))
    return found


def _footnotes(root: lxml_html.HtmlElement) -> dict[str, tuple[str, str]]:
    """Footnotes and endnotes by id, as Markdown and as text, out of the list mammoth puts at the end (less its ↑ links)."""
    notes = {}
    for item in root.xpath(f".//li[{_NOTES}]"):
        for link in item.xpath(".//a[@href]"):
            if _BACKLINK.match(link.get("href")):
                link.drop_tree()
        context = _Context({})
        paragraphs = item.findall("p") or [item]
        notes[item.get("id")] = (" ".join(_inline(p, context).strip() for p in paragraphs), _plain(item))
    for listing in root.xpath(f"./ol[li[{_NOTES}]]"):
        listing.drop_tree()
    return notes


def _block(element: lxml_html.HtmlElement, context: _Context) -> list[Block]:
    tag = element.tag
    if not isinstance(tag, str):
        return []
    if re.fullmatch(r"h[1-6]", tag):
        for link in element.iter("a"):
            if _REFERENCE.match(link.get("href", "")):  # a heading's footnote still follows it
                context.cited.setdefault(link.get("href")[1:], _plain(link))
        text = _plain(element)
        return [Heading(int(tag[1]), text, "title" in element.get("class", "").split())] if text else []
    if tag in _LISTS:
        lines = _list(element, context, 0)
        return [Prose("\n".join(lines), _plain(element))] if lines else []
    if tag == "table":
        return _table(element, context)
    markdown = _paragraph(_inline(element, context))
    return [Prose(markdown, _plain(element), _bold_only(element))] if markdown else []


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


def _paragraph(markdown: str) -> str:
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


def _inline(element: lxml_html.HtmlElement, context: _Context) -> str:
    out = escape(element.text or "")
    for child in element:
        out = _append(out, child, context)
    return out


def _append(out: str, child: lxml_html.HtmlElement, context: _Context) -> str:
    """`out` followed by `child` and its tail as Markdown, where marks that would run into each other are
    told apart: `*a**b*` is not two emphases, and `![…](…)` would be an image."""
    piece = _element(child, context)
    if piece.startswith("*") and out.endswith("*"):
        piece = _emphasis(child, context, tags=True)
    elif piece.startswith("[") and out.endswith("!"):
        out = out[:-1] + "\\!"
    return out + piece + escape(child.tail or "")


def _element(element: lxml_html.HtmlElement, context: _Context) -> str:
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
        return _inline(element, context) + " "
    return _inline(element, context)


def _emphasis(element: lxml_html.HtmlElement, context: _Context, tags: bool = False) -> str:
    """Bold as `**…**`, italic as `*…*`, or with `tags` as `<strong>`/`<em>` (where marks would touch others:
    `*a**b*` is not two emphases to Markdown). Spaces go outside the marks (`** bold **` is not emphasis);
    empty emphasis is noise."""
    inner = _inline(element, context)
    words = inner.strip()
    if not words:
        return inner
    name, mark = _EMPHASIS[element.tag]
    opening, closing = (f"<{name}>", f"</{name}>") if tags else (mark, mark)
    return f"{inner[: len(inner) - len(inner.lstrip())]}{opening}{words}{closing}{inner[len(inner.rstrip()) :]}"


def _link(element: lxml_html.HtmlElement, context: _Context) -> str:
    href = element.get("href", "")
    text = _inline(element, context)
    if _REFERENCE.match(href):
        context.cited.setdefault(href[1:], _plain(element))
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


def _list(element: lxml_html.HtmlElement, context: _Context, depth: int) -> list[str]:
    """Markdown list lines; a nested list is indented four spaces, as Python-Markdown requires. An item
    with no words of its own (a list that starts at its second level) lends its place to its sub-list."""
    lines: list[str] = []
    number = 0
    for item in element.iterchildren("li"):
        inline = escape(item.text or "")
        for child in item:
            inline = inline + escape(child.tail or "") if child.tag in _LISTS else _append(inline, child, context)
        text = _paragraph(inline)
        if text:
            number += 1
            marker = f"{number}." if element.tag == "ol" else "-"
            first, *rest = text.split("\n")
            lines.append(f"{'    ' * depth}{marker} {first}")
            lines += [f"{'    ' * (depth + 1)}{line}" for line in rest]
        for child in item.iterchildren(*_LISTS):
            lines += _list(child, context, depth + 1 if text else depth)
    return lines


def _table(element: lxml_html.HtmlElement, context: _Context) -> list[Block]:
    context.cell = True
    rows = element.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
    grid = _grid(
        [[(cell, int(cell.get("colspan", 1)), int(cell.get("rowspan", 1))) for cell in row.xpath("./td | ./th")] for row in rows]
    )
    markdown = [[_cell(cell, context) if cell is not None else "" for cell in row] for row in grid]
    if not any(cell for row in markdown for cell in row):
        return []
    text = [[_plain(cell, addresses=True) if cell is not None else "" for cell in row] for row in grid]
    return [Table(markdown, text)]


def _grid(rows: list[list[tuple[lxml_html.HtmlElement, int, int]]]) -> list[list[lxml_html.HtmlElement | None]]:
    """Cells placed on a rectangular grid: a merged cell's text stays in its first place, the rest are empty."""
    taken: set[tuple[int, int]] = set()
    grid: list[list[lxml_html.HtmlElement | None]] = []
    for r, cells in enumerate(rows):
        line: list[lxml_html.HtmlElement | None] = []
        for cell, across, down in cells:
            while (r, len(line)) in taken:
                line.append(None)
            first = len(line)
            line += [cell] + [None] * (max(across, 1) - 1)
            taken |= {(r + d, c) for d in range(1, max(down, 1)) for c in range(first, len(line))}
        while (r, len(line)) in taken:
            line.append(None)
        grid.append(line)
    width = max((len(line) for line in grid), default=0)
    return [line + [None] * (width - len(line)) for line in grid]


def _cell(element: lxml_html.HtmlElement, context: _Context) -> str:
    """A table cell on one line: its paragraphs and list items parted by `<br>`, list items marked `•`."""
    lines = [line.strip() for line in _cell_lines(element, context)]
    return "<br>".join(line for line in lines if line)


def _cell_lines(element: lxml_html.HtmlElement, context: _Context) -> list[str]:
    lines = [escape(element.text or "")]
    for child in element:
        if child.tag in _CELL_BLOCKS:
            inner = _cell_lines(child, context)
            lines += ["• " + inner[0], *inner[1:]] if child.tag == "li" else inner
            lines.append("")
            lines[-1] += escape(child.tail or "")
        else:
            lines[-1] = _append(lines[-1], child, context)
    return lines


def _plain(element: lxml_html.HtmlElement, addresses: bool = False) -> str:
    """The element's words as a reader reads them, spaces collapsed; with `addresses`, a link's address
    follows its words (an action plan's cells are shown as plain text, where a link would be lost)."""
    return " ".join(_words(element, addresses).split())


def _words(element: lxml_html.HtmlElement, addresses: bool) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            gap = " " if child.tag in (*_CELL_BLOCKS, "br") else ""
            parts += [gap, _words(child, addresses), gap]
            href = child.get("href", "") if child.tag == "a" else ""
            if addresses and href and not href.startswith("#") and href not in child.text_content():
                parts.append(f" ({href})")
        parts.append(child.tail or "")
    return "".join(parts)


def _bold_only(element: lxml_html.HtmlElement) -> bool:
    """True when every word of the paragraph is in bold."""
    children = [child for child in element if isinstance(child.tag, str)]
    return (
        not (element.text or "").strip()
        and any(child.tag in ("strong", "b") for child in children)
        and all(child.tag in ("strong", "b", "br") and not (child.tail or "").strip() for child in children)
    )
