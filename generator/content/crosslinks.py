"""Links to a briefing lead only to a page its readers can open.

A link to a draft leads nowhere once published, and a public page's link to a restricted briefing leads nowhere
too, while its address, made from the restricted briefing's title, says what that briefing is about. Briefings'
bodies, hand-written pages and the taxonomy (a theme's links) are read.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from functools import partial
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from generator.content.comments import lines_kept, notes_blanked
from generator.content.frontmatter import status_of
from generator.content.pagemeta import ENGINE_META, PAGES
from generator.content.pages import TEXT, decoded_values
from generator.content.parse import Document
from generator.content.slugs import previous_slugs
from generator.content.yamlread import comments_blanked, parse_yaml
from generator.diagnostics import JINJA_COMMENT
from generator.model import Problem, Status
from generator.privacy.characters import as_shown
from generator.sitemodel import plain_host, web_address

_DESTINATION = re.compile(r"""(?=[\]hHsS<])(?:\][(:]|\b(?:href|src)\s*=|<)[\s>]*["'<]?\s*([^\s()"'<>]+)""", re.I)
"""Where a link leads: `[text](here)`, `[name]: here` (in a list or a quote too), `href="here"`, `src="here"`, `<here>`; the address
may start on the next line (in a quote, after its `>`). The look-ahead lets the engine skip to the next character
that can start one."""
_FOLDERS = ("briefings", "audits")
"""The folders a briefing's address or its source file's is in."""
_NAMED = re.compile(rf"(?:{'|'.join(_FOLDERS)})/+(?=([a-z0-9-]+))")
"""A briefing's address in any text, once read as a browser reads it (`briefings/slug`, `briefings&#47;slug`). The
slug is looked ahead at, not taken: a site published under `/briefings/` has `briefings/briefings/slug` in every
full address. A link to a briefing's source file (`../audits/slug.md`) is published as written, slug and all."""
_SUFFIX = re.compile(r"\.(?:md|html?|txt|pdf)$")
"""A briefing's page written as its source (`slug.md`), its plain-text copy (`slug.txt`) or its PDF."""
_MARKERS = ("](", "]:", "<", *_FOLDERS)
"""What every link or address holds: a body without any has none (most bodies, read at every check)."""
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


def check_links(docs: list[Document], closed: Unopenable, hosts: Collection[str] = ()) -> Found:
    """Every link in a body (or a draft's, reported as the draft's) to a briefing its readers could not open. On
    another site's host (one not in `hosts`, the site's own) such an address is most likely that site's page, and
    only noted: a warning, to remove it if the host is the partnership's own under another name."""
    found: Found = ([], [])
    for doc in docs if closed else ():
        status = status_of(doc) if doc.parsed else None
        if status is None or not any(marker in doc.text for marker in _MARKERS):
            continue
        reader = Status.RESTRICTED if status is Status.RESTRICTED else Status.PUBLISHED  # a draft as it will be published
        meta = ENGINE_META.match(doc.text)  # front matter too
        shown = meta.group() if status is Status.WITHDRAWN and meta else doc.text  # a withdrawn notice shows its fields
        for line, target, host in _links_read(shown, ["briefings", doc.slug], hosts, _markdown_notes, meta and meta.group(1)):
            if target != doc.slug and (why := closed.get(target, {}).get(reader)):
                _add(found, Problem(doc.path, line, f"links to '{target}'"), why, host)
    return found


def check_files(root: Path, paths: list[str], closed: Unopenable, hosts: Collection[str] = ()) -> Found:
    """Every link or address in the hand-written pages and files at `paths` (each on every site) to a briefing some
    readers could not open (as `check_links`)."""
    found: Found = ([], [])
    for path in paths if closed else ():
        text = (root / path).read_text(encoding="utf-8-sig", errors="replace")
        yaml_text = text if path.endswith((".yml", ".yaml")) else None
        for line, target, host in _links_read(text, _address(path), hosts, _unpublished(path), yaml_text, first=1):
            if why := closed.get(target, {}).get(Status.PUBLISHED):
                _add(found, Problem(path, line, f"links to '{target}'"), why, host)
    return found


Found = tuple[list[Problem], list[Problem]]
"""Problems, and warnings (addresses on another site's host)."""


def _add(found: Found, link: Problem, why: str, host: str) -> None:
    """A link's problem, or on another site's `host` its warning."""
    if not host:
        found[0].append(replace(link, message=f"{link.message}, which is {why}"))
        return
    elsewhere = f" on {host}, most likely that site's own page; if {host} is this site's too, remove it: here that is {why}"
    found[1].append(replace(link, message=link.message + elsewhere))


def _unpublished(path: str) -> Callable[[str], str] | None:
    """What in the file at `path` is never published: comments of a Markdown page (the pages' HTML is cleaned of
    them, its front matter is read), of the settings and the taxonomy (read, never copied), of a theme template in Jinja's own syntax (its HTML
    comments are copied to every page); nothing of any other file (copied as it is)."""
    if "/pages/" in path:
        return _markdown_notes if path.endswith(PAGES) else None
    return comments_blanked if path.endswith((".yml", ".yaml")) else partial(lines_kept, JINJA_COMMENT)


def _markdown_notes(text: str) -> str:
    """A Markdown file without its notes: its front matter's YAML comments, where the engine reads it as settings
    (a mapping; else it shows the whole of it as text), and its HTML comments (`_notes`)."""
    meta = ENGINE_META.match(text)
    node, problems = parse_yaml(meta.group(1), "", 2) if meta else (None, [])
    if not meta or problems or not isinstance(node, yaml.MappingNode):
        return notes_blanked(text)
    return comments_blanked(meta.group()) + notes_blanked(text[meta.end() :])


def pages_read(root: Path, content_dir: str, refused: Collection[Path], shown: Sequence[str] = ()) -> list[str]:
    """The hand-written pages and every text published with them (data, scripts, styles), the taxonomy, and the files
    and folders `shown` on every page (the settings, the theme's templates), as `check_files` reads them (never a
    file `refused`)."""
    folders = [root / content_dir / "pages", *(root / path for path in shown if path and (root / path).is_dir())]
    files = [*(file for folder in folders for file in sorted(folder.rglob("*"))), root / content_dir / "taxonomy.yml"]
    files += [root / path for path in shown if path and (root / path).is_file()]
    kept = [file for file in files if file.suffix.lower() in TEXT and file not in refused and file.is_file()]
    return [file.relative_to(root).as_posix() for file in kept]


def _address(path: str) -> list[str]:
    """The folders of a hand-written page's address (`content/pages/briefings/older.md` is at `briefings/older/`), from
    which its relative links are followed; a taxonomy's links are on theme pages, followed from the site's root."""
    parts = path.split("/pages/", 1)[1].split("/") if "/pages/" in path else [""]
    stem = parts[-1].rsplit(".", 1)[0]
    own = path.endswith(PAGES) and stem.lower() not in ("index", "readme")  # a page is a folder of its own
    return parts[:-1] + ([stem] if own else [])


def hosts_of(*urls: str) -> tuple[str, ...]:
    """The hosts of the site's addresses (public and partners), as links are checked against them."""
    return tuple(plain_host(urlsplit(url).hostname or "") for url in urls if web_address(url))  # else refused as one


def _other_site(host: str, hosts: Collection[str]) -> str:
    """`host`, if it is another site's: not one of the site's own `hosts` (with none known, every host is), nor this
    machine's, where a preview of the site is (an address copied from it leads to the published site's page)."""
    own = not hosts or not host or host in hosts or host in ("localhost", "0.0.0.0", "::1") or host.startswith("127.")
    return "" if own else host


def _links_read(
    text: str,
    here: list[str],
    hosts: Collection[str],
    unpublished: Callable[[str], str] | None,
    values: str | None,
    first: int = 2,
) -> list[tuple[int, str, str]]:
    """`_linked` in `text`, and in each value of the YAML `values` (from line `first` of `text`: the file, or its front
    matter) as the site shows it: `\\x62riefings/` is `briefings/`, a quoted line's continuation runs on."""
    linked = _linked(text, here, hosts, unpublished)
    for line, value in decoded_values(values) if values else ():
        linked += _linked("\n" * (first + line - 2) + value, here, hosts, None)
    return list(dict.fromkeys(linked))


def _linked(
    text: str, here: list[str], hosts: Collection[str], unpublished: Callable[[str], str] | None
) -> list[tuple[int, str, str]]:
    """Each briefing a link in `text` leads to, or an address in it names, at its line, with the other site's host it
    is on ("" for the site's own, or with no `hosts` known): a link's address as a browser reads it (Markdown's
    escapes, entities, `%2D`, `\\` for `/`, any case), followed from `here` (a briefing's page: `../slug/`). What is
    `unpublished` (comments) is passed over."""
    if unpublished:
        text = unpublished(text)
    if not text.isascii():  # as shown: "briefings/\u200bslug", "briefings／slug", "slug‐restricted" are the address
        text = as_shown(text)
    found, line, counted = [], 1, 0
    for match in _DESTINATION.finditer(text):
        line, counted = line + text.count("\n", counted, match.start(1)), match.start(1)
        host, slugs = _followed(_as_read(match.group(1)), here, hosts)
        found += [(line, slug, host) for slug in slugs]
    for number, written in enumerate(text.split("\n"), start=1):
        lowered = written.lower()
        if any(folder in lowered for folder in _FOLDERS) or "&" in written or "%" in written:  # else no address there
            read = _as_read(written)
            named = [(m, _elsewhere(read[: m.start()], hosts)) for m in _NAMED.finditer(read)]
            found += [(number, _SUFFIX.sub("", m.group(1)), host) for m, host in named]
    return list(dict.fromkeys(found))


def _as_read(address: str) -> str:
    """As a browser reads it, and as a mail filter's wrapping gives it back (twice wrapped when forwarded: decoded
    until it stops changing)."""
    read = address
    for _ in range(_LAYERS):
        before, read = read, unquote(html.unescape(_ESCAPE.sub(r"\1", read)))
        if read == before:
            break
    read = read.replace("\\", "/").lower()
    return _PROOFPOINT.sub(
        lambda m: m.group(1) + _HEX.sub(lambda h: chr(int(h.group(1), 16)), m.group(2).replace("_", "/")), read
    )


_LAYERS = 5
_PROOFPOINT = re.compile(r"(urldefense\.proofpoint\.com/v2/url\?u=)([^&\s]+)")
"""A link Proofpoint's mail filter rewrote (v2): `https-3a__host_path` is `https://host/path`."""
_HEX = re.compile(r"-([0-9a-f]{2})")
_HOSTS = re.compile(r"//([^/?#\s]+)")


def _elsewhere(before: str, hosts: Collection[str]) -> str:
    """The other site's host that the address ending with `before` is on, or "": the last host it names (a mail
    filter's wrapping names its own first)."""
    named = _HOSTS.findall(re.split(r"[\s\"'<>()]", before)[-1])
    return _other_site(plain_host(named[-1]) if named else "", hosts)


def _followed(address: str, here: list[str], hosts: Collection[str]) -> tuple[str, list[str]]:
    """The briefings an address leads to (the part after `briefings/`, once `..` is followed from `here`), and the
    other site's host it is on, or ""."""
    try:
        split = urlsplit(address)
    except ValueError:  # no address a browser reads (`http://[x`)
        return "", []
    elsewhere = _other_site(plain_host(split.hostname or ""), hosts)
    relative = not (split.scheme or split.netloc or split.path.startswith("/"))
    parts = list(here) if relative else []
    for part in split.path.split("/"):
        if part == "..":
            parts = parts[:-1]
        elif part and part != ".":
            parts.append(_SUFFIX.sub("", part))
    return elsewhere, [part for before, part in pairwise(parts) if before in _FOLDERS]
