"""Tables that a phone can show whole: each data cell labelled with its column's name.

On a narrow screen the stylesheet shows each row as a block of "Column: value" lines (`data-label`), so
nothing sits off-screen behind a sideways scroll. Each table also comes already wrapped as Material's script
would wrap it (`md-typeset__scrollwrap`), with its own class, so that script leaves it alone: moving every
table after the first layout blocks a phone's main thread (Lighthouse's figures are in benchmarks/RESULTS.md).
Applied to every generated page's HTML, template tables
and tables written in Markdown alike, and to hand-written pages. (No ARIA roles are added to keep the table's
meaning for screen readers where CSS changes its `display`: HTML forbids roles on a native table's rows
and cells, and current browsers keep a table's semantics when it is displayed as blocks.)
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_TAG = re.compile(r"<(/?)(table|thead|tbody|tfoot|tr|th|td)\b([^>]*)>", re.I)
"""Table tags. Attribute values never hold `>` here: Jinja and the sanitiser escape it in every one."""
_COLSPAN = re.compile(r"""\bcolspan\s*=\s*["']?(\d+)""", re.I)
_MARKUP = re.compile(r"<[^>]*>")
_CLASS = re.compile(r"""(?:^|\s)class\s*=""", re.I)
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
"""Attribute values, left out when looking for a `class` attribute: `title="pupils class=7"` is not one."""
TABLE_CLASS = "data-table"
"""The class of the tables this module wraps; the stylesheets give it Material's table look."""
_OPEN = f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="{TABLE_CLASS}"'


@dataclass
class _Table:
    names: list[str] = field(default_factory=list)
    """Column names, from the header row, in order."""
    in_head: bool = False
    column: int = 0
    header_from: int = -1
    """Where the text of the header cell being read starts (-1: none is being read)."""
    wrapped: bool = False


def label_cells(page: str) -> str:
    """`page` with each body cell's column name (from its table's `thead`) as its `data-label`, and each
    table without a class wrapped and classed."""
    out: list[str] = []
    tables: list[_Table] = []
    last = 0
    for tag in _TAG.finditer(page):
        closing, name, attributes = tag.group(1), tag.group(2).lower(), tag.group(3)
        table = tables[-1] if tables else None
        if name == "table":
            if closing and tables:
                if tables.pop().wrapped:
                    out += [page[last : tag.end()], "</div></div>"]
                    last = tag.end()
            elif not closing:
                tables.append(_Table(wrapped=not _CLASS.search(_QUOTED.sub("", attributes))))
                if tables[-1].wrapped:
                    out += [page[last : tag.start()], _OPEN, attributes, ">"]
                    last = tag.end()
        elif table is None:
            continue
        elif name == "thead":
            table.in_head = not closing
        elif name == "tr" and not closing:
            table.column = 0
        elif name == "th" and closing and table.header_from >= 0:
            table.names.append(_text(page[table.header_from : tag.start()]))
            table.header_from = -1
        elif name in ("th", "td") and not closing:
            label = _cell(table, name, attributes, tag.end())
            if label:
                out += [page[last : tag.end() - 1], f' data-label="{html.escape(label)}">']
                last = tag.end()
    return "".join(out) + page[last:]


def _cell(table: _Table, name: str, attributes: str, content_from: int) -> str:
    """The label a `th` or `td` start tag gets ("" for none), moving the table on to the next column."""
    column, span = table.column, int(m.group(1)) if (m := _COLSPAN.search(attributes)) else 1
    table.column += span
    if name == "th":
        if table.in_head:
            table.header_from = content_from
        return ""  # a header cell names itself
    if "data-label" in attributes or column >= len(table.names):
        return ""
    return table.names[column]


def _text(cell: str) -> str:
    """A header cell's words, as plain text on one line."""
    return " ".join(html.unescape(_MARKUP.sub("", cell)).split())
