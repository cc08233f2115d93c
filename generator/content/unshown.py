"""Author Markdown that a page would not show, found by rendering it as the page does: text the sanitiser takes
for an HTML tag (`<name of school>`), HTML it removes (`<iframe>`) or takes off a tag it keeps (`onclick=`, a
`javascript:` address), a line Markdown takes for a link's address (`[1]: Ibid.`), a table row's cells beyond its
header's, and a numbered item shown with another number (`numbering.py`). Each is reported at its line, never lost in
silence."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from html.parser import HTMLParser

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.tables import TableProcessor

from generator.content.comments import UNCLOSED, unclosed_comment
from generator.content.numbering import Numbered, NumbersSeen, renumbered_problems
from generator.content.wordbullets import word_bullets
from generator.model import Problem
from generator.privacy.reading import blanked

EXTENSIONS = ["tables", "fenced_code", "sane_lists"]
"""The Markdown every briefing's text is rendered with (`generator.site.markup`)."""
UNSEEN_TAGS = frozenset({"rp", "rt", "rtc", "ruby", "bdo", "bdi", "map", "area"})
"""Tags whose words a browser hides, moves or reorders (a ruby's parentheses, a reversed run): words split by them
read as one number to a reader and as two to the checks. No page keeps them."""
SHOWN_TAGS = frozenset(nh3.ALLOWED_TAGS - {"h1", "h2"} - UNSEEN_TAGS)
"""HTML tags a briefing's text keeps: headings h1 and h2 belong to the page structure (title and steps)."""
_UNREAD_ATTRIBUTES = {"cite", "datetime", "hreflang", "char", "charoff", "summary", "headers", "dir"}
"""Attributes that hold words no reader sees on the page, and no check reads (a table's `summary`, a quotation's
`cite`), or that reverse a run of words (`dir`)."""
SHOWN_ATTRIBUTES = {tag: set(kept) - _UNREAD_ATTRIBUTES for tag, kept in nh3.ALLOWED_ATTRIBUTES.items()}
SHOWN_ATTRIBUTES["*"] = {"title", "lang"}
"""The attributes the page keeps on each tag (see `_UNREAD_ATTRIBUTES`): on any tag, a title (shown on hover, and read
by the checks) and a language's code (`<span lang="cy">`: a screen reader speaks Welsh as Welsh), never other words
in a `lang` (`kept_value`)."""
_EMPTIED = {"script", "style"}
"""Tags the sanitiser removes with everything inside them (nh3's `clean_content_tags`)."""
_HTML_ELEMENTS = SHOWN_TAGS | {"h1", "h2", "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet"}
_HTML_ELEMENTS |= {"form", "input", "button", "textarea", "select", "option", "label", "fieldset", "legend", "link", "meta"}
_HTML_ELEMENTS |= {"base", "svg", "math", "video", "audio", "source", "track", "canvas", "noscript", "template", "font"}
_HTML_ELEMENTS |= {"marquee", "blink", "param", "html", "head", "body", "title", "dialog", "picture", "main", "section"}
_HTML_ELEMENTS |= UNSEEN_TAGS | {
    "circle",
    "rect",
    "path",
    "g",
    "line",
    "polyline",
    "polygon",
    "ellipse",
    "text",
    "use",
    "image",
    "animate",
}
_WORD_MARKUP = re.compile(r"(?:o|w|v|m|st\d):[a-z][\w-]*")
"""Word's own tags in pasted text (`<o:p>`, `<st1:place>`): they hold no words, and the text between them stays."""
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[ \t]*$|\Z)", re.S | re.M)
_DEFINITION = re.compile(r"^[ \t>*+\-\d.]*\[([^\[\]]*)\]:[ \t]*(.*)$", re.M)


class _RowsSeen(TableProcessor):
    """Python-Markdown's own tables, noting each row with more cells than its header: those cells are dropped."""

    def __init__(
        self, parser: markdown.blockparser.BlockParser, config: dict[str, object], overflow: list[tuple[str, str, str]]
    ) -> None:
        super().__init__(parser, config)
        self.overflow = overflow

    def _build_row(self, row: str, parent: etree.Element, align: Sequence[str | None]) -> None:
        cells = self._split_row(row)
        if len(cells) > len(align):
            self.overflow.append(
                (row, f"{len(cells)} cells and its header {len(align)}", " | ".join(cell.strip() for cell in cells[len(align) :]))
            )
        super()._build_row(row, parent, align)


class _Overflow(Extension):
    """Puts `_RowsSeen` in the place of the tables extension's processor."""

    def __init__(self, overflow: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.overflow = overflow

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.parser.blockprocessors.register(_RowsSeen(md.parser, {"use_align_attribute": False}, self.overflow), "table", 75)


class _Tags(HTMLParser):
    """Rendered HTML's tags as written, and the addresses its links and images lead to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, str, list[tuple[str, str | None]]]] = []
        self.targets: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, self.get_starttag_text() or "", attrs))
        self.targets.update(value for name, value in attrs if name in ("href", "src") and value)


_OVERFLOW: list[tuple[str, str, str]] = []
_NUMBERED: list[Numbered] = []
_CONVERTER = markdown.Markdown(extensions=[*EXTENSIONS, _Overflow(_OVERFLOW), NumbersSeen(_NUMBERED)], output_format="html")
_NUMBERED_LINE = re.compile(r"^[ \t>]*\d+\.[ \t]", re.M)


def unshown(path: str, text: str, first_line: int) -> list[Problem]:
    """What of `text` (one step's or entry's Markdown, from `first_line`) the page would not show, each at its line."""
    if not ("<" in text or "]:" in text or "|" in text or "](" in text or _NUMBERED_LINE.search(text)):
        return []  # nothing to drop: most sections, without rendering them twice
    if (opened := unclosed_comment(_masked(text))) is not None:
        return [Problem(path, first_line + opened, UNCLOSED)]  # what follows it is shown as text: read nothing further
    parsed = _rendered(text)
    visible = _masked(text)
    problems = [*_tag_problems(path, visible, first_line, parsed.tags), *_row_problems(path, visible, first_line)]
    problems += _definition_problems(path, visible, first_line, dict(_CONVERTER.references), parsed.targets)
    problems += renumbered_problems(path, visible, first_line, _NUMBERED)
    return sorted(problems, key=lambda p: p.line)


def addresses(text: str) -> list[tuple[str, str]]:
    """Where the links and pictures of `text` (one step's or entry's Markdown) lead, as its page renders it, each after
    its attribute's name (`href` or `src`): in code, a comment or plain words, `[x](y)` is no link."""
    lowered = text.lower()
    if "](" not in text and "]:" not in text and "href" not in lowered and "src" not in lowered:
        return []  # no link or picture: most texts, without rendering them
    return [(name, value) for _, _, attrs in _rendered(text).tags for name, value in attrs if name in ("href", "src") and value]


def _rendered(text: str) -> _Tags:
    """The tags of `text` rendered as its page renders it."""
    _OVERFLOW.clear()
    _NUMBERED.clear()
    parsed = _Tags()
    parsed.feed(_CONVERTER.reset().convert(word_bullets(text)))
    return parsed


def _masked(text: str) -> str:
    """`text` with its code blocks and spans blanked (same length, lines kept): Markdown shows them as written."""
    return _CODE_SPAN.sub(blanked, _FENCE.sub(blanked, text))


def _tag_problems(
    path: str, visible: str, first_line: int, tags: list[tuple[str, str, list[tuple[str, str | None]]]]
) -> list[Problem]:
    """Each tag the author wrote (found as written outside code) that the sanitiser drops, or whose words it drops."""
    problems, cursor = [], 0
    for name, written, attrs in tags:
        kept = SHOWN_ATTRIBUTES.get(name, set()) | SHOWN_ATTRIBUTES.get("*", set())
        words_lost = any(value is None and attr not in kept and attr not in _SWITCHES for attr, value in attrs)
        removed = _removed(name, attrs, kept) if name in SHOWN_TAGS and not words_lost else []
        if (name in SHOWN_TAGS and not words_lost and not removed) or _WORD_MARKUP.fullmatch(name):
            continue
        where = visible.find(written, cursor)
        if where < 0:  # a tag Markdown wrote (a table's alignment is its own): only a link's or image's address is the author's
            removed = [(attr, value) for attr, value in removed if attr in ("href", "src")]
            written_as = [re.compile(rf"(?:\(|\]:[ \t]*)<?{re.escape(value)}") for _, value in removed]  # inline, by reference
            at = [found.start() for address in written_as if (found := address.search(visible, cursor))]
            where = min(at, default=cursor) if removed else -1  # the address as written, else the text's first line
        if where < 0:
            continue
        cursor = max(cursor, where + (len(written) if visible.startswith(written, where) else 1))
        message = _removed_message(written, removed) if removed else _tag_message(name, written)
        problems.append(Problem(path, first_line + visible.count("\n", 0, where), message))
    return problems


_SWITCHES = frozenset(
    "open hidden inert disabled checked selected required readonly multiple reversed autofocus autoplay controls loop "  # noqa: SIM905
    "muted playsinline novalidate async defer nomodule itemscope allowfullscreen default ismap nowrap noshade compact".split()
)
"""HTML's attributes written without a value (`<details open>`): an attribute, not words in angle brackets."""


def _removed(name: str, attrs: list[tuple[str, str | None]], kept: set[str]) -> list[tuple[str, str]]:
    """The attributes of a tag the page keeps that the sanitiser takes off it, `kept` the ones it may keep (an event
    handler, a style, a `javascript:` or `data:` address, a `lang` that is no language's code); an address as the
    sanitiser judges it."""
    switches = [(attr, "") for attr, value in attrs if value is None and attr in _SWITCHES and attr not in kept]
    return switches + [
        (attr, value)
        for attr, value in attrs
        if value is not None
        and (
            attr not in kept or (attr in ("href", "src") and not _address_kept(attr, value)) or not kept_value(name, attr, value)
        )
    ]


def _address_kept(attr: str, value: str) -> bool:
    after = _Tags()
    after.feed(nh3.clean(f'<{"a" if attr == "href" else "img"} {attr}="{html.escape(value)}">'))
    return any(name == attr for _, _, attrs in after.tags[:1] for name, _ in attrs)


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
"""A language's code (`cy`, `ur`, `en-GB`): what a `lang` may hold, so it holds no words."""


def kept_value(tag: str, attribute: str, value: str) -> str | None:
    """An attribute's value as the page keeps it: a `lang` only as a language's code."""
    return value if attribute != "lang" or _LANGUAGE.fullmatch(value) else None


_SHOWN_LENGTH = 80
"""Characters of a tag quoted in a message, at most: a `data:` address can run to thousands."""


def _removed_message(written: str, removed: list[tuple[str, str]]) -> str:
    """Says what the page takes off a tag, and what to write instead."""
    shown = " ".join(written.split())
    shown = shown if len(shown) <= _SHOWN_LENGTH else shown[: _SHOWN_LENGTH - 1] + "…"
    attributes = {attr for attr, _ in removed}
    if "href" in attributes or "src" in attributes:
        lost = "the link would lead nowhere" if "href" in attributes else "the picture would not be shown"
        return (
            f"'{shown}': the page removes this address (it keeps web, e-mail and phone addresses and the site's own "
            f"files), so {lost}; give a web address (https://…) or a file of the site, or remove it"
        )
    names = ", ".join(attr for attr, _ in removed)
    return f"'{shown}': the page removes its {names} (a briefing runs no script, has no look of its own, and holds no words a reader cannot see); remove it"


def _tag_message(name: str, written: str) -> str:
    """Says what would be lost and how to write what was meant: words in angle brackets, or HTML."""
    shown = " ".join(written.split())
    if name in _HTML_ELEMENTS and (re.fullmatch(r"</?\w+\s*/?>", written) or "=" in written):  # not <section 47 enquiry>
        if name in ("h1", "h2"):
            return f"'{shown}' would not make a heading: h1 and h2 belong to the page, which removes them; write '### ' instead"
        inside = ", with everything inside it," if name in _EMPTIED else ""
        return f"'{shown}' is HTML that the page removes{inside} so it would not be shown; remove it"
    words = shown[1:-1].strip()
    return (
        f"'{shown}' would not be shown: the page takes text in angle brackets for an HTML tag and removes it; "
        f"write it in square brackets, [{words}], or as &lt;{words}&gt;"
    )


def _row_problems(path: str, visible: str, first_line: int) -> list[Problem]:
    """Each table row with more cells than its header, whose extra cells the page drops."""
    problems, cursor = [], 0
    for row, counts, dropped in _OVERFLOW:
        where = visible.find(row, cursor)
        if where < 0:
            continue
        cursor = where + len(row)
        problems.append(
            Problem(
                path,
                first_line + visible.count("\n", 0, where),
                f"this table row has {counts}, so the page would not show '{dropped}'; add a "
                "column to the header row, or write a '|' inside a cell as '\\|'",
            )
        )
    return problems


def _definition_problems(
    path: str, visible: str, first_line: int, references: dict[str, tuple[str, str | None]], targets: set[str]
) -> list[Problem]:
    """Each line Markdown takes for a link's address (`[1]: Ibid.`) that no link of the text uses: it shows nothing."""
    problems = []
    for match in _DEFINITION.finditer(visible):
        label = match.group(1)
        found = references.get(label.strip().lower()) or references.get(" ".join(label.lower().split()))
        if found is None or found[0] in targets:
            continue
        problems.append(
            Problem(
                path,
                first_line + visible.count("\n", 0, match.start()),
                f"'{match.group().strip()}' would not be shown: Markdown reads a line starting '[{label}]:' as a link's "
                f"address, not as text; write '\\[{label}\\]:' (a backslash before each bracket) to show it as written",
            )
        )
    return problems
