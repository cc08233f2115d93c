"""Author Markdown to HTML that is safe to publish: author HTML is untrusted."""

from __future__ import annotations

from functools import lru_cache, partial
from urllib.parse import urlsplit

import markdown
import nh3

from generator.content.unshown import EXTENSIONS, SHOWN_ATTRIBUTES, SHOWN_TAGS, UNSEEN_TAGS, kept_value
from generator.content.wordbullets import word_bullets
from generator.site.tables import label_cells

TAGS = set(SHOWN_TAGS)
"""Headings h1 and h2 belong to the page structure (title and steps), never to author text; the content check
reports every other tag this removes (`generator.content.unshown`)."""

_converter = markdown.Markdown(extensions=EXTENSIONS, output_format="html")


PAGE_ATTRIBUTES = {**SHOWN_ATTRIBUTES, "*": {"id", "class", "title"}}
"""A hand-written page keeps the ids, classes and titles its engine gives headings, permalinks and admonitions."""
PAGE_TAGS = set(nh3.ALLOWED_TAGS - UNSEEN_TAGS)
"""A hand-written page keeps its own headings h1 and h2."""


PAGE_CLASSES = frozenset(
    [
        *("admonition", "admonition-title", "headerlink", "md-button", "md-button--primary", "note", "abstract"),
        *("summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check", "done", "question", "help"),
        *("faq", "warning", "caution", "attention", "failure", "fail", "missing", "danger", "error", "bug", "example"),
        *("quote", "cite"),
    ]
)
"""The classes a hand-written page keeps: those its Markdown extensions give (admonitions, permalinks) and Material's
buttons. No other: the theme's own classes hide what they mark (`md-toggle`, `print-url`), so a class could hide a
piece of a number from the reader that the checks read with the rest."""


def _page_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute != "class":
        return kept_value(tag, attribute, value)
    return " ".join(name for name in value.split() if name in PAGE_CLASSES) or None


def sanitise_page(html: str) -> str:
    """A hand-written page's HTML (content/pages/, rendered by the engine), cleaned as briefing bodies are:
    nothing that could run script or hide words, whatever its author wrote."""
    return nh3.clean(html, tags=PAGE_TAGS, attributes=PAGE_ATTRIBUTES, attribute_filter=_page_attribute)


def hand_written_page(html: str) -> str:
    """A hand-written page's HTML as the site shows it: sanitised, and its table cells labelled for phones."""
    return label_cells(sanitise_page(html))


@lru_cache(maxsize=64)
def to_html(text: str, up: str = "") -> str:
    """Render Markdown and strip anything that could run script (tags, handlers, `javascript:`/`data:` URLs); on a page
    other than the briefing's own (its team record, a folder deeper; the showcase), `up` is the way from that page to the
    briefing's folder (`../`, `../briefings/x/`), and each relative link and picture is followed from there as from the
    briefing's page, as its author wrote it and the checks read it (`../other/` is `../../other/` on the team record).

    Cached: the page, its plain-text version and its team record render the same Markdown, one briefing
    after another, so a few dozen entries are enough.
    """
    html = _converter.reset().convert(word_bullets(text))
    kept = partial(_rebased, up)
    return nh3.clean(html, tags=TAGS, attributes=SHOWN_ATTRIBUTES, attribute_filter=kept)


def _rebased(up: str, tag: str, attribute: str, value: str) -> str | None:
    """`kept_value`, with a relative address (`../x/`, `#x`, `?x`) followed from `up`, without the spaces written about it
    (a browser drops them, the link check of the built site does not)."""
    kept = kept_value(tag, attribute, value)
    address = kept.strip() if kept and attribute in ("href", "src") else ""
    if address and not address.startswith("/") and not urlsplit(address).scheme:
        return up + address  # an anchor too: "#background" is the briefing's section
    return kept
