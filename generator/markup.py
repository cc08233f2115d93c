"""Author Markdown to HTML that is safe to publish: author HTML is untrusted."""

from __future__ import annotations

from functools import lru_cache

import markdown
import nh3

EXTENSIONS = ["tables", "fenced_code", "sane_lists"]
TAGS = nh3.ALLOWED_TAGS - {"h1", "h2"}
"""Headings h1 and h2 belong to the page structure (title and steps), never to author text."""

_converter = markdown.Markdown(extensions=EXTENSIONS, output_format="html")


PAGE_ATTRIBUTES = {**nh3.ALLOWED_ATTRIBUTES, "*": {"id", "class", "title"}}
"""A hand-written page keeps the ids, classes and titles its engine gives headings, permalinks and admonitions."""


def sanitise_page(html: str) -> str:
    """A hand-written page's HTML (content/pages/, rendered by the engine), cleaned as briefing bodies are:
    nothing that could run script, whatever its author wrote."""
    return nh3.clean(html, attributes=PAGE_ATTRIBUTES)


@lru_cache(maxsize=64)
def to_html(text: str) -> str:
    """Render Markdown and strip anything that could run script (tags, handlers, `javascript:`/`data:` URLs).

    Cached: the page, its plain-text version and its team record render the same Markdown, one briefing
    after another, so a few dozen entries are enough.
    """
    html = _converter.reset().convert(text)
    return nh3.clean(html, tags=TAGS)
