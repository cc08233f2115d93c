"""Offline link check of a built site: every internal link, anchor and asset must exist.

External links are collected and listed, never fetched, so the check is fast, repeatable and
needs no network (CI here has none).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

from generator.model import Problem

LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src")}


@dataclass
class _Page:
    ids: set[str]
    links: list[tuple[int, str]]


def _read_page(data: bytes) -> _Page:
    """Anchors and links of one page, parsed with lxml (a C parser: fast at archive scale)."""
    page = _Page(set(), [])
    for element in lxml.html.fromstring(data).iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("id"):
            page.ids.add(element.get("id"))
        if element.tag == "a" and element.get("name"):
            page.ids.add(element.get("name"))
        for tag, attribute in LINK_ATTRIBUTES:
            if element.tag == tag and element.get(attribute):
                page.links.append((element.sourceline or 1, element.get(attribute)))
    return page


@dataclass
class LinkReport:
    problems: list[Problem] = field(default_factory=list)
    external: set[str] = field(default_factory=set)
    checked: int = 0


def _read(site: Path) -> dict[str, _Page]:
    return {file.relative_to(site).as_posix(): _read_page(file.read_bytes()) for file in sorted(site.rglob("*.html"))}


def _target(site: Path, page: str, path: str, base_path: str) -> str | None:
    """The site-relative file a link points at, or None when nothing is there."""
    if path.startswith("/"):  # the canonical link and the feed's: a page named café is at caf%C3%A9/
        path = unquote(path)
        if not path.startswith(unquote(base_path)):
            return None
        resolved = posixpath.normpath(path[len(unquote(base_path)) :])
        if resolved.startswith(".."):
            return None
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(path)))
        if resolved.startswith(".."):
            return None
    resolved = "" if resolved == "." else resolved
    candidate = site / resolved
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate.relative_to(site).as_posix() if candidate.is_file() else None


def check_links(site: Path, site_url: str, folder: str) -> LinkReport:
    """Broken internal links and missing anchors as `<folder>/<page>:line` problems (`folder`: the site's, as the
    command names it); external links listed.

    Absolute links to `site_url` itself (canonical links, the feed's) count as internal.
    """
    own = urlsplit(site_url)
    base_path = own.path or "/"
    pages = _read(site)
    report = LinkReport()
    for page, reader in pages.items():
        where = f"{folder}/{page}"
        for line, url in reader.links:
            parts = urlsplit(url)
            if (parts.scheme or parts.netloc) and parts.netloc != own.netloc:
                if parts.scheme in ("http", "https", "mailto"):
                    report.external.add(url)
                continue
            report.checked += 1
            target = _target(site, page, parts.path, base_path) if parts.path else page
            if target is None:
                report.problems.append(Problem(where, line, f"broken link: {url} points at nothing in the site"))
            elif parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
                report.problems.append(Problem(where, line, f"missing anchor: {url} has no element with id '{parts.fragment}'"))
    return report
