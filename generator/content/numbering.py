"""Numbered list items the page would show with another number than the author wrote: a browser numbers a list's
items in order from its first, so `1. 2. 5.` is shown 1, 2, 3, and a paragraph starting `2019. The year…` just after a
list is shown as its next item. A list written `1. 1. 1.` leaves the numbering to the page. Found as Python-Markdown
parses the list (`unshown` renders each text once)."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from weakref import WeakKeyDictionary

import markdown
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneOListProcessor

from generator.model import Problem

Numbered = tuple[str, int, int, bool]
"""Each numbered item, in the order the list parser reads them: its line as the parser read it (tabs expanded), the
number written, the number shown, and whether that differs where it matters (not in `1. 1. 1.`)."""


class _NumbersSeen(SaneOListProcessor):
    """The `sane_lists` extension's numbered lists, noting each item with the number it is shown with."""

    def __init__(self, parser: markdown.blockparser.BlockParser, numbered: list[Numbered]) -> None:
        super().__init__(parser)
        self.numbered = numbered
        self.repeats: WeakKeyDictionary[etree.Element, int | None] = WeakKeyDictionary()
        """The number each list's items have all been written with so far (`1. 1. 1.`: the numbering is left to the
        page), or None once they differ."""

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        lines = [(line, int(found.group(2)[:-1])) for line in blocks[0].split("\n") if (found := self.CHILD_RE.match(line))]
        numbers = {written for _, written in lines}
        sibling = self.lastChild(parent)
        joined = sibling if sibling is not None and sibling.tag in self.SIBLING_TAGS else None
        joined = parent if joined is None and parent.tag == "ol" else joined  # as the parser itself decides
        if joined is None:
            first = lines[0][1] if lines else 1
            repeated = first if numbers == {first} else None
        else:
            first, repeated = int(joined.get("start", "1")) + len(joined), self.repeats.get(joined)
            repeated = repeated if numbers <= {repeated} else None
        self.numbered += [
            (line, written, first + at, written not in (first + at, repeated)) for at, (line, written) in enumerate(lines)
        ]
        super().run(parent, blocks)
        made = joined if joined is not None else self.lastChild(parent)
        if made is not None and made.tag == self.TAG:
            self.repeats[made] = repeated


class NumbersSeen(Extension):
    """Puts `_NumbersSeen` in the place of the `sane_lists` extension's numbered lists (load it after that)."""

    def __init__(self, numbered: list[Numbered]) -> None:
        super().__init__()
        self.numbered = numbered

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.parser.blockprocessors.register(_NumbersSeen(md.parser, self.numbered), "olist", 40)


def renumbered_problems(path: str, visible: str, first_line: int, numbered: list[Numbered]) -> list[Problem]:
    """Each numbered item the page would show with another number, at its line. An item is looked for from where the
    last item with the same line was found (the parser reads a list's items before those of the lists inside them)."""
    problems, expanded, after = [], visible.expandtabs(4), {}  # the parser reads a tab as spaces to the next stop of 4
    for line, written, shown, wrong in numbered:
        text = line.strip()
        where = expanded.find(text, after.get(text, 0))
        if where < 0:
            continue
        after[text] = where + len(text)
        if not wrong:
            continue
        nested = " (a list inside an item is indented by four spaces)" if line[:1] == " " else ""
        message = (
            f"this item is numbered {written}, but the page would show it as {shown}: a numbered list is shown "
            "numbered in order from its first item, and lists parted only by blank lines are one list; number the items "
            f"in order{nested}, put a line of text between two lists, or, if this is not a list item, write "
            f"'{written}\\.' (a backslash before the full stop)"
        )
        problems.append(Problem(path, first_line + expanded.count("\n", 0, where), message))
    return problems
