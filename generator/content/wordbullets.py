"""Lines pasted from Word's bulleted lists as the Markdown list their author meant: the page renders a briefing's
text so (`site.markup.to_html`), and the content check reads it so (`unshown`)."""

from __future__ import annotations

import re

from markdown.util import BLOCK_LEVEL_ELEMENTS

from generator.privacy.reading import WORD_BULLETS

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
        elif html and (html.group(1) or (html.group(2) or "").lower() in BLOCK_LEVEL_ELEMENTS):
            closing = "-->" if html.group(1) else f"</{html.group(2).lower()}>"
            end = next((i for i in range(index, len(lines)) if closing in lines[i].lower()), None)
            end = end if end is not None else next((i for i in range(index, len(lines)) if not lines[i].strip()), len(lines)) - 1
        if end is not None:
            kept.update(range(index, end + 1))
            index = end
        index += 1
    return frozenset(kept)
