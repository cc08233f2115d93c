"""Downloadable PDFs, printed by headless Chromium from the briefing pages already built.

Printing the page itself (with the site's print stylesheet) keeps the web page, the printout and
the PDF identical. Chromium writes tagged PDFs with an outline, which screen readers can follow.
The link, with the file's size, is written into the page only after the file exists, so a build
without Chromium has no link rather than a broken one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from pypdf import PdfWriter

from .model import Settings

if TYPE_CHECKING:
    from playwright.sync_api import Route

MARKER = "<!-- briefings:pdf-link -->"
PDF_CACHE = ".briefings-cache/pdf"
"""Where printed PDFs are to be kept between builds, relative to the project root, once they are cached:
`briefings takedown` empties it (nothing is cached yet, so there it finds nothing)."""
PRINT_STYLESHEET = "assets/stylesheets/print.css"
"""Written by each build: the partnership's name and logo at the top of every printed page (see briefings.css)."""
CREATOR = "Briefings generator"
CHROMIUM_ENV = "BRIEFINGS_CHROMIUM"
LAUNCH_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def print_stylesheet(settings: Settings) -> str:
    """The top of every printed page, from the settings: the partnership's name, after its logo if it has one."""
    rules = [f"content: {css_string(settings.partnership_name)};"]
    if settings.logo:
        logo = css_string("../../" + settings.logo)  # from assets/stylesheets/ to the logo's place in the site
        rules += ["padding-left: 14mm;", f"background: url({logo}) no-repeat left center / auto 9mm;"]
    lines = "\n    ".join(rules)
    return f"/* Written by the build from mkdocs.yml. */\n@page {{\n  @top-left {{\n    {lines}\n  }}\n}}\n"


def css_string(text: str) -> str:
    """`text` as a quoted CSS string: quotes, backslashes, line breaks and `<` escaped, so no setting can end it."""
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\<>' or ord(c) < 32 else c for c in text) + '"'


def find_chromium() -> Path | None:
    """Debian's chromium (or the browser named by BRIEFINGS_CHROMIUM); never a downloaded one."""
    path = Path(os.environ.get(CHROMIUM_ENV, "/usr/bin/chromium"))
    return path if path.exists() else None


def size_label(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} KB"


def print_pdfs(site: Path, site_url: str, slugs: list[str], chromium: Path, author: str) -> dict[str, int]:
    """Print `briefings/<slug>/` to `briefings/<slug>.pdf` for each slug, `author` its author; returns the file sizes.

    Each page is opened at its published address (`site_url`), answered from the built folder, so that the
    links in the PDF lead to the published site; every other request is refused, so printing loads nothing
    from outside. Runs in its own thread: Playwright's sync API refuses a thread that already runs an event loop.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_print, site, site_url.rstrip("/") + "/", slugs, chromium, author).result()


def _from_folder(site: Path, base: str) -> Callable[[Route], None]:
    """Answer requests for the published site from the built folder."""

    def answer(route: Route) -> None:
        relative = unquote(urlsplit(route.request.url).path).removeprefix(urlsplit(base).path)
        file = (site / relative).resolve()
        if file.is_dir():
            file = file / "index.html"
        if file.is_relative_to(site.resolve()) and file.is_file():
            route.fulfill(path=str(file))
        else:
            route.fulfill(status=404, body="")

    return answer


def _print(site: Path, base: str, slugs: list[str], chromium: Path, author: str) -> dict[str, int]:
    from playwright.sync_api import sync_playwright

    sizes = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=LAUNCH_ARGS)
        context = browser.new_context()
        context.route("**/*", lambda route: route.abort())  # nothing from anywhere else (routes match newest first)
        context.route(f"{base}**", _from_folder(site, base))
        page = context.new_page()
        for slug in slugs:
            target = site / "briefings" / f"{slug}.pdf"
            page.goto(f"{base}briefings/{slug}/")
            page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True, tagged=True, outline=True)
            describe(target, page.evaluate(TITLE), author)
            sizes[slug] = target.stat().st_size
        browser.close()
    return sizes


TITLE = """() => [...document.querySelector("h1").childNodes]
  .filter(node => !(node.classList && node.classList.contains("headerlink")))
  .map(node => node.textContent).join("").trim()"""
"""The briefing's title, as its page's heading shows it (without the heading's permalink)."""


def describe(pdf: Path, title: str, author: str) -> None:
    """Set the PDF's title, author and creator (Chromium names itself, a headless browser, as the creator).

    Written as an incremental update: what Chromium wrote, its tags and outline included, stays as it was.
    """
    writer = PdfWriter(pdf, incremental=True)
    writer.add_metadata({"/Title": title, "/Author": author, "/Creator": CREATOR})
    with pdf.open("wb") as out:
        writer.write(out)


def link_pdfs(site: Path, sizes: dict[str, int]) -> None:
    for slug, size in sizes.items():
        page = site / "briefings" / slug / "index.html"
        link = f'<li><a href="../{slug}.pdf" download>Download this briefing as a PDF (A4, {size_label(size)})</a></li>'
        page.write_text(page.read_text(encoding="utf-8").replace(MARKER, link, 1), encoding="utf-8")
