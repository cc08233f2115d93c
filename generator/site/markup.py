"""Author Markdown to HTML that is safe to publish: author HTML is untrusted."""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3

from generator.content.unshown import EXTENSIONS, SHOWN_ATTRIBUTES, SHOWN_TAGS, UNSEEN_TAGS, kept_value
from generator.privacy.reading import WORD_BULLETS
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


_WORD_BULLET = re.compile(r"^[ \t]*([" + "".join(WORD_BULLETS) + r"])[ \t\u00a0]+(?=\S)", re.M)


def word_bullets(text: str) -> str:
    """Lines pasted from Word's bulleted lists (`•` then a tab) as the Markdown list their author meant: each
    level under the one before (never skipping one), set apart by blank lines from the paragraphs around it,
    which Word shows as paragraphs of their own."""
    lines, level = text.split("\n"), -1
    kept = _kept(lines)
    for index, line in enumerate(lines):
        bullet = _WORD_BULLET.match(line) if index not in kept else None
        if bullet:
            first, level = level < 0, min(WORD_BULLETS[bullet.group(1)], level + 1)
            item = "    " * level + "- " + line[bullet.end() :]
            lines[index] = "\n" + item if first and index else item
        elif level >= 0:
            lines[index], level = ("\n" + line if line.strip() else line), -1
    return "\n".join(lines)


_FENCE = re.compile(r"^(`{3,}|~{3,})")
_HTML_BLOCK = re.compile(r"^<(?:(!--)|([A-Za-z][\w-]*))")


def _kept(lines: list[str]) -> frozenset[int]:
    """Lines Python-Markdown shows as written: a fenced code block's, to the same fence on a line of its own
    (an unclosed fence is no block), and an HTML block's, to its element's closing tag (or `-->`), blank lines
    included; a block starts after a blank line."""
    kept: set[int] = set()
    index = 0
    while index < len(lines):
        line, after_blank = lines[index], index == 0 or not lines[index - 1].strip()
        fence, html = _FENCE.match(line), _HTML_BLOCK.match(line) if after_blank else None
        end = None
        if fence:
            end = next((i for i in range(index + 1, len(lines)) if lines[i].rstrip() == fence.group(1)), None)
        elif html and (html.group(1) or (html.group(2) or "").lower() in _converter.block_level_elements):
            closing = "-->" if html.group(1) else f"</{html.group(2).lower()}>"
            end = next((i for i in range(index, len(lines)) if closing in lines[i].lower()), None)
            end = end if end is not None else next((i for i in range(index, len(lines)) if not lines[i].strip()), len(lines)) - 1
        if end is not None:
            kept.update(range(index, end + 1))
            index = end
        index += 1
    return frozenset(kept)


@lru_cache(maxsize=64)
def to_html(text: str) -> str:
    """Render Markdown and strip anything that could run script (tags, handlers, `javascript:`/`data:` URLs).

    Cached: the page, its plain-text version and its team record render the same Markdown, one briefing
    after another, so a few dozen entries are enough.
    """
    html = _converter.reset().convert(word_bullets(text))
    return nh3.clean(html, tags=TAGS, attributes=SHOWN_ATTRIBUTES, attribute_filter=kept_value)
