"""Links to a briefing lead only to a page its readers can open.

A link to a draft leads nowhere once published, and a public page's link to a restricted briefing leads nowhere
too, while its address, made from the restricted briefing's title, says what that briefing is about. Briefings'
bodies, hand-written pages and the taxonomy (a theme's links) are read.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.content.frontmatter import status_of
from generator.content.pages import TEXT
from generator.content.parse import Document
from generator.content.slugs import previous_slugs
from generator.model import Problem, Status

_DESTINATION = re.compile(r"""(?=[\]hHsS<])(?:\][(:]|\b(?:href|src)\s*=|<)[\s>]*["'<]?([^\s()"'<>]+)""", re.I)
"""Where a link leads: `[text](here)`, `[name]: here` (in a list or a quote too), `href="here"`, `src="here"`, `<here>`; the address
may start on the next line (in a quote, after its `>`). The look-ahead lets the engine skip to the next character
that can start one."""
_NAMED = re.compile(r"briefings/+(?=([a-z0-9-]+))")
"""A briefing's address in any text, once read as a browser reads it (`briefings/slug`, `briefings&#47;slug`). The
slug is looked ahead at, not taken: a site published under `/briefings/` has `briefings/briefings/slug` in every
full address."""
_SUFFIX = re.compile(r"\.(?:md|html?|txt|pdf)$")
"""A briefing's page written as its source (`slug.md`), its plain-text copy (`slug.txt`) or its PDF."""
_MARKERS = ("](", "]:", "<", "briefings")
"""What every link or address holds: a body without any has none (most bodies, read at every check)."""
_COMMENT = re.compile(r"<!--.*?-->", re.S)
"""An HTML comment, which the site never shows: a note to link a briefing once it is published is no link."""
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
"""Markdown's backslash before punctuation (`2024\\-11`), which it removes."""

Unopenable = dict[str, dict[Status, str]]
"""Each slug (or earlier slug) some readers cannot open, with why, by the status of what links to it."""


def unopenable(docs: list[Document], with_drafts: bool = False) -> Unopenable:
    """What no reader, or only the partners, can open; a preview `with_drafts` shows the drafts too."""
    found: Unopenable = {}
    for doc in docs:
        status = status_of(doc) if doc.parsed else None
        if status is Status.DRAFT and not with_drafts:
            why = "a draft, so the link would lead nowhere once published; publish it first, or remove the link"
            reasons = {Status.PUBLISHED: why, Status.RESTRICTED: why}
        elif status is Status.RESTRICTED:
            reasons = {
                Status.PUBLISHED: "restricted: the public site does not have it, and the link's address, made from its "
                "title, would say what it is about there; remove the link"
            }
        else:
            continue
        for slug in (doc.slug, *previous_slugs(doc)):
            found[slug] = reasons
    return found


def check_links(docs: list[Document], closed: Unopenable) -> list[Problem]:
    """Every link in a body (or a draft's, reported as the draft's) to a briefing its readers could not open."""
    problems: list[Problem] = []
    for doc in docs if closed else ():
        status = status_of(doc) if doc.parsed else None
        if status is Status.WITHDRAWN or status is None or not any(marker in doc.text for marker in _MARKERS):
            continue
        reader = Status.PUBLISHED if status is Status.DRAFT else status  # a draft is checked as it will be published
        for line, target in _linked(doc.text, ["briefings", doc.slug]):  # front matter too: a summary is shown
            if target != doc.slug and (why := closed.get(target, {}).get(reader)):
                problems.append(Problem(doc.path, line, f"links to '{target}', which is {why}"))
    return problems


def check_files(root: Path, paths: list[str], closed: Unopenable) -> list[Problem]:
    """Every link or address in the hand-written pages and files at `paths` (each on every site) to a briefing some
    readers could not open."""
    problems: list[Problem] = []
    for path in paths if closed else ():
        text = (root / path).read_text(encoding="utf-8-sig", errors="replace")
        for line, target in _linked(text, _address(path)):
            if why := closed.get(target, {}).get(Status.PUBLISHED):
                problems.append(Problem(path, line, f"links to '{target}', which is {why}"))
    return problems


def pages_read(root: Path, content_dir: str, refused: Collection[Path]) -> list[str]:
    """The hand-written pages and every text published with them (data, scripts, styles), and the taxonomy, as
    `check_files` reads them (never a file `refused`)."""
    files = [*sorted((root / content_dir / "pages").rglob("*")), root / content_dir / "taxonomy.yml"]
    kept = [file for file in files if file.suffix.lower() in TEXT and file not in refused and file.is_file()]
    return [file.relative_to(root).as_posix() for file in kept]


def _address(path: str) -> list[str]:
    """The folders of a hand-written page's address (`content/pages/briefings/older.md` is at `briefings/older/`), from
    which its relative links are followed; a taxonomy's links are on theme pages, followed from the site's root."""
    parts = path.split("/pages/", 1)[1].split("/") if "/pages/" in path else [""]
    stem = parts[-1].rsplit(".", 1)[0]
    own = path.endswith((".md", ".markdown")) and stem.lower() not in ("index", "readme")  # a page is a folder of its own
    return parts[:-1] + ([stem] if own else [])


def _linked(text: str, here: list[str]) -> list[tuple[int, str]]:
    """Each briefing a link in `text` leads to, or an address in it names, at its line: a link's address as a browser
    reads it (Markdown's escapes, entities, `%2D`, `\\` for `/`, any case), followed from `here` (a briefing's page:
    `../slug/`). Comments are passed over."""
    text = _COMMENT.sub(lambda comment: "\n" * comment.group().count("\n"), text)
    found, line, counted = [], 1, 0
    for match in _DESTINATION.finditer(text):
        line, counted = line + text.count("\n", counted, match.start(1)), match.start(1)
        found += [(line, slug) for slug in _followed(_as_read(match.group(1)), here)]
    for number, written in enumerate(text.split("\n"), start=1):
        if "briefings" in written.lower() or "&" in written or "%" in written:  # else no address there, however read
            found += [(number, _SUFFIX.sub("", slug)) for slug in _NAMED.findall(_as_read(written))]
    return list(dict.fromkeys(found))


def _as_read(address: str) -> str:
    return unquote(html.unescape(_ESCAPE.sub(r"\1", address))).replace("\\", "/").lower()


def _followed(address: str, here: list[str]) -> list[str]:
    """The briefings an address leads to: the part after `briefings/`, once `..` is followed from `here`."""
    try:
        split = urlsplit(address)
    except ValueError:  # no address a browser reads (`http://[x`)
        return []
    relative = not (split.scheme or split.netloc or split.path.startswith("/"))
    parts = list(here) if relative else []
    for part in split.path.split("/"):
        if part == "..":
            parts = parts[:-1]
        elif part and part != ".":
            parts.append(_SUFFIX.sub("", part))
    return [part for before, part in pairwise(parts) if before == "briefings"]
