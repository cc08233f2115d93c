"""A Word document's HTML, as mammoth writes it, turned into the contract's Markdown, block by block.

mammoth reads the `.docx` (styles, lists, tables, links, tracked changes); this module only writes what it
made as Markdown blocks (paragraphs, lists, tables, each footnote after the block that cites it) whose text
`inline.py` writes so that Python-Markdown (with the `tables` and `sane_lists` extensions) reads it back as
the same text. Headings stay apart (`WordHeading`) for `sections.py` to map onto the steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

from generator.authoring.word.inline import CELL_BLOCKS, REFERENCE, Context, append, escape, inline, paragraph, plain

_NOTES = "starts-with(@id, 'footnote-') or starts-with(@id, 'endnote-')"
_BACKLINK = re.compile(r"^#(?:footnote|endnote)-ref-")
_LISTS = ("ul", "ol")


@dataclass(frozen=True)
class WordHeading:
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


Block = WordHeading | Prose | Table


def blocks(markup: str) -> list[Block]:
    """The document's blocks in order; a footnote follows the block that cites it, where its reader needs it."""
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    notes = _footnotes(root)
    found: list[Block] = []
    for element in root:
        context = Context(notes)
        found += _block(element, context)
        for note, label in context.cited.items():
            if note in notes:
                markdown, text = notes[note]
                found.append(Prose(paragraph(f"{escape(label)} {markdown}"), f"{label} {text}"))
    return found


def _footnotes(root: lxml_html.HtmlElement) -> dict[str, tuple[str, str]]:
    """Footnotes and endnotes by id, as Markdown and as text, out of the list mammoth puts at the end (less its ↑ links)."""
    notes = {}
    for item in root.xpath(f".//li[{_NOTES}]"):
        for link in item.xpath(".//a[@href]"):
            if _BACKLINK.match(link.get("href")):
                link.drop_tree()
        context = Context({})
        paragraphs = item.findall("p") or [item]
        notes[item.get("id")] = (" ".join(inline(p, context).strip() for p in paragraphs), plain(item))
    for listing in root.xpath(f"./ol[li[{_NOTES}]]"):
        listing.drop_tree()
    return notes


def _block(element: lxml_html.HtmlElement, context: Context) -> list[Block]:
    tag = element.tag
    if not isinstance(tag, str):
        return []
    if re.fullmatch(r"h[1-6]", tag):
        for link in element.iter("a"):
            if REFERENCE.match(link.get("href", "")):  # a heading's footnote still follows it
                context.cited.setdefault(link.get("href")[1:], plain(link))
        text = plain(element)
        return [WordHeading(int(tag[1]), text, "title" in element.get("class", "").split())] if text else []
    if tag in _LISTS:
        lines, _ = _list(element, context, 0)
        previous = element.getprevious()
        if lines and tag == "ol" and previous is not None and previous.tag == "ol":  # Markdown would join the two lists
            lines = ["<!-- a new list -->", "", *lines]
        return [Prose("\n".join(lines), plain(element))] if lines else []
    if tag == "table":
        return _table(element, context)
    markdown = paragraph(inline(element, context))
    return [Prose(markdown, plain(element), _bold_only(element))] if markdown else []


def _list(element: lxml_html.HtmlElement, context: Context, depth: int, number: int = 0) -> tuple[list[str], int]:
    """Markdown list lines, numbered on from `number`, and the last number; a nested list is indented four spaces, as
    Python-Markdown requires. An item with no words of its own (a list that starts at its second level) lends its
    place to its sub-list, whose items the list's numbering then counts: the page shows them as one list."""
    lines: list[str] = []
    for item in element.iterchildren("li"):
        inline = escape(item.text or "")
        for child in item:
            inline = inline + escape(child.tail or "") if child.tag in _LISTS else append(inline, child, context)
        text = paragraph(inline)
        if text:
            number += 1
            marker = f"{number}." if element.tag == "ol" else "-"
            first, *rest = text.split("\n")
            lines.append(f"{'    ' * depth}{marker} {first}")
            lines += [f"{'    ' * (depth + 1)}{line}" for line in rest]
        for child in item.iterchildren(*_LISTS):
            if text:
                lines += _list(child, context, depth + 1)[0]
            else:
                lent, last = _list(child, context, depth, number if child.tag == element.tag == "ol" else 0)
                lines, number = lines + lent, last if child.tag == element.tag == "ol" else number
    return lines, number


def _table(element: lxml_html.HtmlElement, context: Context) -> list[Block]:
    context.cell = True
    rows = element.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
    grid = _grid(
        [[(cell, int(cell.get("colspan", 1)), int(cell.get("rowspan", 1))) for cell in row.xpath("./td | ./th")] for row in rows]
    )
    markdown = [[_cell(cell, context) if cell is not None else "" for cell in row] for row in grid]
    if not any(cell for row in markdown for cell in row):
        return []
    text = [[plain(cell, addresses=True) if cell is not None else "" for cell in row] for row in grid]
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


def _cell(element: lxml_html.HtmlElement, context: Context) -> str:
    """A table cell on one line: its paragraphs and list items parted by `<br>`, list items marked `•`."""
    lines = [line.strip() for line in _cell_lines(element, context)]
    return "<br>".join(line for line in lines if line)


def _cell_lines(element: lxml_html.HtmlElement, context: Context) -> list[str]:
    lines = [escape(element.text or "")]
    for child in element:
        if child.tag in CELL_BLOCKS:
            inner = _cell_lines(child, context)
            lines += ["• " + inner[0], *inner[1:]] if child.tag == "li" else inner
            lines.append("")
            lines[-1] += escape(child.tail or "")
        else:
            lines[-1] = append(lines[-1], child, context)
    return lines


def _bold_only(element: lxml_html.HtmlElement) -> bool:
    """True when every word of the paragraph is in bold."""
    children = [child for child in element if isinstance(child.tag, str)]
    return (
        not (element.text or "").strip()
        and any(child.tag in ("strong", "b") for child in children)
        and all(child.tag in ("strong", "b", "br") and not (child.tail or "").strip() for child in children)
    )
