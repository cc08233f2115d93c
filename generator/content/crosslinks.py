"""Links from one briefing to another lead only to a page its readers can open.

A link to a draft leads nowhere once published, and a public page's link to a restricted briefing leads nowhere
too, while its address, made from the restricted briefing's title, says what that briefing is about.
"""

from __future__ import annotations

import re
from itertools import pairwise
from urllib.parse import unquote, urlsplit

from generator.content.frontmatter import status_of
from generator.content.parse import Document
from generator.model import Problem, Status

_DESTINATION = re.compile(
    r"""(?=[\]\[hH<])(?:\]\(|(?<![^\n])[ ]{0,3}\[[^\]\n]+\]:|\bhref\s*=|<)[ \t]*["'<]?([^\s()"'<>]+)""", re.I
)
"""Where a link leads: `[text](here)`, `[name]: here` (at a line's start), `href="here"`, `<here>`. The look-ahead lets
the engine skip to the next character that can start one."""
_MARKERS = ("](", "]:", "<")
"""What every link holds: a body without any has none (most bodies, read at every check)."""


def _unopenable(docs: list[Document]) -> dict[str, dict[Status, str]]:
    """Each slug some readers cannot open, with why, by the status of the briefing that links to it."""
    found: dict[str, dict[Status, str]] = {}
    for doc in docs:
        status = status_of(doc) if doc.parsed else None
        if status is Status.DRAFT:
            why = "a draft, so the link would lead nowhere once published; publish it first, or remove the link"
            found[doc.slug] = {Status.PUBLISHED: why, Status.RESTRICTED: why}
        elif status is Status.RESTRICTED:
            found[doc.slug] = {
                Status.PUBLISHED: "restricted: the public site does not have it, and the link's address, made from its "
                "title, would say what it is about there; remove the link"
            }
    return found


def check_links(docs: list[Document]) -> list[Problem]:
    """Every link in a body (or a draft's, reported as the draft's) to a briefing its readers could not open."""
    unopenable = _unopenable(docs)
    problems: list[Problem] = []
    if not unopenable:
        return problems
    for doc in docs:
        status = status_of(doc) if doc.parsed else None
        if status is Status.WITHDRAWN or status is None or not any(marker in doc.text for marker in _MARKERS):
            continue
        reader = Status.PUBLISHED if status is Status.DRAFT else status  # a draft is checked as it will be published
        for line, target in dict.fromkeys(_slugs_linked(doc)):
            if target != doc.slug and (why := unopenable.get(target, {}).get(reader)):
                problems.append(Problem(doc.path, line, f"links to '{target}', which is {why}"))
    return problems


def _slugs_linked(doc: Document) -> list[tuple[int, str]]:
    """Each briefing each link in the body leads to (`_briefings_in`), at its line."""
    lines = doc.text.split("\n")
    body = "\n".join(lines[doc.body_line - 1 :])
    parts = []
    for match in _DESTINATION.finditer(body):
        try:
            path = unquote(urlsplit(match.group(1)).path)
        except ValueError:  # no address a browser reads (`http://[x`)
            continue
        line = doc.body_line + body.count("\n", 0, match.start(1))
        parts += [(line, slug) for slug in _briefings_in(path)]
    return parts


def _briefings_in(path: str) -> list[str]:
    """The parts of a link's path that name a briefing, as a briefing's page links to another: after `briefings/`
    (`/briefings/slug/`), or after the steps up from the page (`../slug/`, `../slug.md`); not a theme's
    (`/themes/slug/`)."""
    parts = [re.sub(r"\.(?:md|html?)$", "", part, flags=re.I) for part in path.split("/") if part and part != "."]
    up = next((index for index, part in enumerate(parts) if part != ".."), len(parts))
    named = [part for before, part in pairwise(parts) if before.lower() == "briefings"]
    return named + (parts[up : up + 1] if up else [])
