"""Links and pictures in a briefing's text that lead to no page or file of the site, refused at their line.

A picture never copied in or saved under another name, a page since renamed, one `../` too few: readers got a broken
picture or a page that is not there, and nothing said so before the publish workflow's link check of the built site,
which names a built page rather than the line to mend. Each relative address, followed from the briefing's page
(`briefings/<slug>/`) as a browser follows it, must reach a file the build makes, a file of the pages folder or one of
the theme's own (`overrides/`). An address into the engine's theme files (`assets/`) is left to that link check.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from generator.content.settingsfile import pages_files
from generator.content.unshown import addresses
from generator.diagnostics import did_you_mean
from generator.model import Briefing, Problem, Status

_THEME_ASSETS = "assets/"
"""Where the engine's theme puts its own files, which no check here lists."""
_INDEXES = ("index.md", "README.md")
"""A folder's own page in the pages folder, served at the folder's address."""


def site_files(generated: Iterable[str], root: Path, folders: Iterable[str]) -> set[str]:
    """Every file of the site by its path in the site folder: the files the build makes (`generated`, as written), and
    those of the pages folder and the theme's `folders` (a page's Markdown is served at its folder's address)."""
    return {*generated, *(_served(name) for folder in folders for name in pages_files(root / folder))}


def _served(name: str) -> str:
    """Where the engine writes the pages folder's file `name`: `about.md` at `about/index.html`."""
    file = PurePosixPath(name)
    if file.suffix != ".md":
        return name
    folder = file.parent if file.name in _INDEXES else file.with_suffix("")
    return (folder / "index.html").as_posix().removeprefix("./")


def dead_links(briefings: Sequence[Briefing], present: Collection[str], root: Path, site_url: str) -> list[Problem]:
    """Each link or picture in a published briefing's steps and good-practice entries that leads to no file in
    `present` (see `site_files`), at its line. An address starting with `/` is followed from the site's address."""
    base_path, problems = urlsplit(site_url).path.rstrip("/") + "/", []
    for b in briefings:
        if b.status is Status.WITHDRAWN or f"{b.url}index.html" not in present:  # a notice shows none of its text
            continue
        found = [
            (name, address, target)
            for text in (*b.steps, *(entry.body for entry in b.good_practice))
            for name, address in addresses(text)
            if (target := _target(b.url, address, base_path)) is not None and not _reaches(target, present)
        ]
        if found:
            problems += _at_lines(root, b.path, found, present)
    return problems


def _target(here: str, address: str, base_path: str) -> str | None:
    """The path in the site folder that `address`, followed from the page at `here`, leads to ("" for the site's root;
    starting ".." out of it); None for an address on another site or on the page itself (`#steps`, `?print=1`)."""
    try:
        split = urlsplit(address.strip())
    except ValueError:  # no address a browser follows (`http://[x`)
        return None
    path = unquote(split.path)
    if split.scheme or split.netloc or not path:
        return None
    if path.startswith("/"):  # from the host's root: the site starts at its own path
        path, here = (path[len(base_path) :], "") if path.startswith(base_path) else ("../" + path, "")
    target = posixpath.normpath(here + path)
    return "" if target == "." else target


def _reaches(target: str, present: Collection[str]) -> bool:
    if target == ".." or target.startswith("../"):
        return False
    if target.startswith(_THEME_ASSETS) or target in present or posixpath.join(target, "index.html") in present:
        return True
    pdf = re.fullmatch(r"briefings/([^/]+)\.pdf", target)  # printed after the checks, where Chromium is installed
    return pdf is not None and f"briefings/{pdf.group(1)}/index.html" in present


def _at_lines(root: Path, path: str, found: list[tuple[str, str, str]], present: Collection[str]) -> list[Problem]:
    """Each dead address at the first line after the last one's that holds it as written (the file's first otherwise)."""
    text = (root / path).read_text(encoding="utf-8-sig", errors="replace")  # checked: readable
    problems, cursor = [], 0
    named_as = sorted(name.removesuffix("index.html").removesuffix("/") for name in present)  # as `_target` names them
    suffixes = {name: PurePosixPath(name).suffix for name in named_as}
    for name, address, target in found:
        at = text.find(address, cursor)
        at = at if at >= 0 else text.find(address)
        cursor = max(cursor, at + 1)
        line = text.count("\n", 0, at) + 1 if at >= 0 else 1
        kind = "picture" if name == "src" else "link"
        where = "out of the site's folder" if target.startswith("..") else f"to {target or 'the home page'}"
        alike = [name for name in named_as if suffixes[name] == PurePosixPath(target).suffix]  # a picture for a picture
        named = did_you_mean(target, alike) if not target.startswith("..") else ""
        message = (
            f"the {kind} '{address}' leads to no page or file of the site (followed from this briefing's page, it leads "
            f"{where}){named}: correct the address, or remove it. From a briefing, another briefing is ../its-file-name/, "
            "and a file of the pages folder (content/pages/images/chart.png) is ../../images/chart.png"
        )
        problems.append(Problem(path, line, message))
    return problems
