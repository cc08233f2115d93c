"""Links and pictures in a briefing's text that lead to no page or file of the site, refused at their line.

A picture never copied in or saved under another name, a page since renamed, one `../` too few: readers got a broken
picture or a page that is not there, and nothing said so before the publish workflow's link check of the built site,
which names a built page rather than the line to mend. Each relative address, followed from the briefing's page
(`briefings/<slug>/`) as a browser follows it, must reach a file the build makes, a file of the pages folder or one of
the theme's own (`overrides/`) that the engine copies. Addresses into the engine's and the search's own files
(`assets/`, `pagefind/`), and a link's anchor (`#background`), are left to that link check.
"""

from __future__ import annotations

import difflib
import fnmatch
import posixpath
import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from generator.config import Project
from generator.content.pagemeta import PAGES
from generator.content.settingsfile import nav_problems, pages_files, published_pages
from generator.content.surroundings import theme_folders
from generator.content.unshown import addresses
from generator.model import Briefing, Problem, Status
from generator.sitemodel import Output

_ENGINES_OWN = ("assets/", "pagefind/")
"""Where the engine's theme and the search put their own files, which no check here lists."""
_ENGINE_MADE = ("404.html", "sitemap.xml", "sitemap.xml.gz")
_INDEXES = ("index", "README")
"""A folder's own page in the pages folder, served at the folder's address."""
_NOT_COPIED = (".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*", "*.md", "*.markdown")
_NOT_COPIED += ("*.mdown", "*.mkdn", "*.mkd")
"""A theme's files the engine does not copy into the site (MkDocs' `Files.add_files_from_theme`, and its pages' kinds)."""


def links_to_nowhere(project: Project, briefings: Sequence[Briefing], outputs: Sequence[Output], site_url: str) -> list[Problem]:
    """Each entry of the navigation and each link or picture of `briefings` that leads to no page or file of the site
    made as `outputs`, at its line."""
    present = site_files([out.dest for out in outputs], project)
    problems = nav_problems(project.root, project.config_file, project.pages_dir, [out.path for out in outputs])
    return problems + dead_links(briefings, present, project.root, site_url)


def site_files(generated: Iterable[str], project: Project) -> set[str]:
    """Every file of the site by its path in the site folder: the files the build and the engine make, those of the
    pages folder the engine publishes (a page's Markdown at its folder's address), and those of the theme's folders
    the engine copies."""
    pages = {_served(name) for name in published_pages(project.root, project.config_file, project.pages_dir)}
    theme = {name for folder in theme_folders(project) for name in pages_files(project.root / folder) if not _never_copied(name)}
    return {*generated, *_ENGINE_MADE, *pages, *theme}


def _served(name: str) -> str:
    """Where the engine writes the pages folder's file `name`: `about.md` at `about/index.html`."""
    file = PurePosixPath(name)
    if file.suffix not in PAGES:
        return name
    folder = file.parent if file.stem in _INDEXES else file.with_suffix("")
    return (folder / "index.html").as_posix().removeprefix("./")


def _never_copied(name: str) -> bool:
    return any(fnmatch.fnmatch(name.lower(), pattern) for pattern in _NOT_COPIED)


def dead_links(briefings: Sequence[Briefing], present: Collection[str], root: Path, site_url: str) -> list[Problem]:
    """Each link or picture in a published briefing's steps and good-practice entries that leads to no file in
    `present` (see `site_files`), at its line. An address starting with `/` is followed from the site's address."""
    base_path, host, problems = unquote(urlsplit(site_url).path).rstrip("/") + "/", urlsplit(site_url).netloc.lower(), []
    shown = [b for b in briefings if b.status is not Status.WITHDRAWN and f"{b.url}index.html" in present]  # not a notice
    present = {*present, *(f"briefings/{b.slug}.pdf" for b in shown)}  # printed after the checks, where Chromium is
    for b in shown:
        found = [
            (index, text, name, address, target)
            for index, text in enumerate((*b.steps, *(entry.body for entry in b.good_practice)))
            for name, address in addresses(text)
            if (target := _target(b.url, address, base_path, host)) is not None and not _reaches(target, present)
        ]
        if found:
            problems += _at_lines(root, b, found, present)
    return problems


def _target(here: str, address: str, base_path: str, host: str) -> str | None:
    """The path in the site folder that `address`, followed from the page at `here`, leads to ("" for the site's root;
    starting ".." out of it); None for an address on another site or on the page itself (`#steps`, `?print=1`). A full
    address on the site's own `host` (copied from the address bar) is followed where it is in the site's path."""
    try:
        split = urlsplit(address.strip())
    except ValueError:  # no address a browser follows (`http://[x`)
        return None
    path = unquote(split.path)
    own = split.scheme.lower() in ("http", "https") and split.netloc.lower() == host and path.startswith(base_path)
    if ((split.scheme or split.netloc) and not own) or not path:
        return None
    if path.startswith("/"):  # from the host's root: the site starts at its own path
        path, here = (path[len(base_path) :], "") if path.startswith(base_path) else ("../" + path, "")
    target = posixpath.normpath(here + path)
    return "" if target == "." else target


def _reaches(target: str, present: Collection[str]) -> bool:
    if target == ".." or target.startswith("../"):
        return False
    return target.startswith(_ENGINES_OWN) or target in present or posixpath.join(target, "index.html") in present


def _at_lines(root: Path, b: Briefing, found: list[tuple[int, str, str, str, str]], present: Collection[str]) -> list[Problem]:
    """Each dead address at its line: where it is written as an address (`](x`, `="x`, `]: x`) in its step or entry
    (each found after the one before: the same sentence may be in two), after the last one's, or else the line where
    the step or entry starts."""
    source = (root / b.path).read_text(encoding="utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    problems, cursor, starts, after = [], 0, {}, 0
    for index, text, name, address, target in found:
        if index not in starts:  # after the step or entry before: a step's text may hold an entry's sentence
            starts[index] = at if (at := source.find(text, after)) >= 0 else max(source.find(text), 0)
            after = starts[index] + len(text)
        start = starts[index]
        written = re.compile(rf"(?:\]\(\s*<?|\]:[ \t]*<?|=[ \t]*[\"']?)\s*({_escaped(address.strip())})(?![^\s)>\"'])")
        at = written.search(source, max(cursor, start), start + len(text)) or written.search(source, start, start + len(text))
        where = at.start() if at else start
        cursor = where + 1
        kind = "picture" if name == "src" else "link"
        leads = "out of the site's folder" if target.startswith("..") else f"to {target or 'the home page'}"
        message = (
            f"the {kind} '{at.group(1) if at else address}' leads to no page or file of the site (followed from this briefing's page, it leads "
            f"{leads}){_suggestion(b.url, target, present)}: correct the address, or remove it. From a briefing, another "
            "briefing is ../its-file-name/, and a file of the pages folder (content/pages/images/chart.png) is "
            "../../images/chart.png"
        )
        problems.append(Problem(b.path, source.count("\n", 0, where) + 1, message))
    return problems


def _escaped(address: str) -> str:
    """A pattern of `address` as its author may have written it: Markdown reads a backslash before a mark as the mark
    (`..\\..\\about` is the address `....\\about`), so the message quotes what the author wrote."""
    return "".join(re.escape(c) if c.isalnum() else rf"\\?{re.escape(c)}" for c in address)


def _suggestion(here: str, target: str, present: Collection[str]) -> str:
    """A near address of the same kind (a page for a page, a picture for a picture), as it is written from `here`."""
    if "\\" in target:
        return " (an address's folders are divided by /, never \\)"
    if target.startswith(".."):
        return ""
    suffix = PurePosixPath(target).suffix.lower()
    if suffix in PAGES and (served := _served(target)) in present:  # a page's Markdown: the page is at its folder
        return f" (did you mean '{posixpath.relpath(served.removesuffix('index.html') or '.', here.rstrip('/'))}/'?)"
    own = here.rstrip("/")
    named = {name.removesuffix("index.html").rstrip("/") for name in present}
    alike = [name for name in named if PurePosixPath(name).suffix.lower() == suffix and name != own]
    same_name = sorted(name for name in alike if name.rsplit("/", 1)[-1] == target.rsplit("/", 1)[-1])  # one ../ off
    close = same_name[:1] or difflib.get_close_matches(target, alike, n=1, cutoff=0.75)
    if not close:
        return ""
    written = posixpath.relpath(close[0] or ".", own) + ("/" if not suffix else "")
    return f" (did you mean '{written}'?)"
