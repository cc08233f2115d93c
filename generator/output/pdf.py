"""Downloadable PDFs, printed by headless Chromium from the briefing pages already built.

Printing the page itself (with the site's print stylesheet) keeps the web page, the printout and
the PDF identical. Chromium writes tagged PDFs with an outline, which screen readers can follow.
The link, with the file's size, is written into the page only after the file exists, so a build
without Chromium has no link rather than a broken one. A briefing whose printout cannot have changed since
an earlier build gets that build's PDF from the cache (`pdfcache.py`); the others are printed several at a
time, one page for each core.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from pypdf import PdfWriter

from generator.output.pdfcache import PdfCache, printing_context

if TYPE_CHECKING:
    from playwright.async_api import Browser, Route

MARKER = "<!-- briefings:pdf-link -->"
PDF_CACHE = ".briefings-cache/pdf"
"""Where printed PDFs are kept between builds (`pdfcache.py`), relative to the project root, a folder for each
audience: `briefings takedown` empties it whole."""
DATA_REQUESTS = frozenset({"xhr", "fetch", "eventsource"})
CREATOR = "Briefings generator"
CHROMIUM_ENV = "BRIEFINGS_CHROMIUM"
LAUNCH_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find_chromium() -> Path | None:
    """Debian's chromium (or the browser named by BRIEFINGS_CHROMIUM); never a downloaded one."""
    path = Path(os.environ.get(CHROMIUM_ENV) or "/usr/bin/chromium")  # set empty (a workflow's blank input): unset
    return path if path.exists() else None


def unusable_chromium() -> str | None:
    """Why the browser BRIEFINGS_CHROMIUM names cannot be Chromium, if it cannot: whoever set it wants PDFs, and a
    build that left them out for it would not say why."""
    named = os.environ.get(CHROMIUM_ENV)
    if not named or (Path(named).is_file() and os.access(named, os.X_OK)):
        return None
    what = "no program" if Path(named).exists() else "not there"
    return f"{CHROMIUM_ENV} names {named}, which is {what}: set it to Chromium's path (/usr/bin/chromium), or unset it"


def size_label(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} KB"


@dataclass(frozen=True)
class Printed:
    """The PDFs of one build: each briefing's file size, and how many were printed rather than reused."""

    sizes: dict[str, int]
    printed: int
    reused: int


def print_pdfs(site: Path, site_url: str, slugs: list[str], chromium: Path, author: str, cache: Path, workers: int) -> Printed:
    """Print `briefings/<slug>/` to `briefings/<slug>.pdf` for each slug, `author` its author, reusing the PDF
    kept in the `cache` folder where the printout could not have changed (`pdfcache.py`).

    The rest are printed `workers` at a time in one Chromium. Each page is opened at its published address
    (`site_url`), answered from the built folder, so that the links in the PDF lead to the published site;
    every other request is refused, so printing loads nothing from outside. Runs in its own thread:
    Playwright refuses a thread that already runs an event loop.
    """
    base = site_url.rstrip("/") + "/"
    store = PdfCache(cache, site, printing_context(browser_version(chromium), base, author))
    sizes: dict[str, int] = {}
    todo: dict[str, str] = {}
    for slug in slugs:
        key = store.key(slug)
        size = store.reuse(key, site / "briefings" / f"{slug}.pdf")
        if size is None:
            todo[slug] = key
        else:
            sizes[slug] = size

    def done(slug: str, files: set[str]) -> None:
        target = site / "briefings" / f"{slug}.pdf"
        store.store(todo[slug], target, files - {f"briefings/{slug}/index.html"})  # the page itself is in the key
        sizes[slug] = target.stat().st_size

    if todo:
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, _print(site, base, list(todo), chromium, author, workers, done)).result()
    store.prune()
    return Printed({slug: sizes[slug] for slug in slugs}, printed=len(todo), reused=len(slugs) - len(todo))


def browser_version(chromium: Path) -> str:
    """The browser's version (a new one may print differently), or else the identity of its file."""
    try:
        found = subprocess.run([str(chromium), "--version"], capture_output=True, text=True, timeout=60)
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    stat = chromium.resolve().stat()
    return f"{chromium.resolve()} {stat.st_size} {stat.st_mtime_ns}"


def site_file(site: Path, base: str, url: str) -> str | None:
    """The file of the built site that answers `url` (relative to the site, `index.html` for a folder),
    or None for an address outside the site."""
    relative = unquote(urlsplit(url).path).removeprefix(urlsplit(base).path)
    file = (site / relative).resolve()
    if file.is_dir():
        file = file / "index.html"
    return file.relative_to(site.resolve()).as_posix() if file.is_relative_to(site.resolve()) else None


def _from_folder(site: Path, base: str, loaded: set[str]) -> Callable[[Route], Awaitable[None]]:
    """Answer requests for the published site from the built folder, adding each file asked for to `loaded`.
    Requests for data (fetch, XMLHttpRequest) are refused: they draw nothing on the printed page, and what
    they ask for (the sitemap, whose dates change every day) would make every printout look changed."""

    async def answer(route: Route) -> None:
        relative = site_file(site, base, route.request.url)
        if route.request.resource_type in DATA_REQUESTS or relative is None:
            await route.abort()
            return
        loaded.add(relative)
        if (site / relative).is_file():
            await route.fulfill(path=str(site / relative))
        else:
            await route.fulfill(status=404, body="")

    return answer


async def _print(
    site: Path, base: str, slugs: list[str], chromium: Path, author: str, workers: int, done: Callable[[str, set[str]], None]
) -> None:
    """Print `slugs` with `workers` pages at a time, each in a context of its own, which records the files it
    loads; `done(slug, files)` is called as each PDF is finished."""
    from playwright.async_api import Error, async_playwright

    queue = iter(slugs)  # shared: each page takes the next briefing when it has finished one

    async def printer(browser: Browser) -> None:
        loaded: set[str] = set()
        context = await browser.new_context()
        await context.route("**/*", lambda route: route.abort())  # nothing from anywhere else (routes match newest first)
        await context.route(f"{base}**", _from_folder(site, base, loaded))
        page = await context.new_page()
        for slug in queue:
            target = site / "briefings" / f"{slug}.pdf"
            loaded.clear()
            await page.goto(f"{base}briefings/{slug}/")
            await page.pdf(
                path=str(target), format="A4", print_background=True, prefer_css_page_size=True, tagged=True, outline=True
            )
            files = set(loaded)
            await asyncio.to_thread(write_metadata, target, await page.evaluate(TITLE), author)
            done(slug, files)
        await context.close()

    async with async_playwright() as playwright:
        try:
            browser = await playwright.chromium.launch(executable_path=str(chromium), args=LAUNCH_ARGS)
        except Error as error:  # its message goes on with the browser's flags and a call log, for Playwright's authors
            fix = f"install Debian's chromium (apt-get install chromium), set {CHROMIUM_ENV} to one that works, or --pdf skip"
            raise RuntimeError(f"Chromium ({chromium}) did not start: {str(error).splitlines()[0]}; {fix}") from None
        await asyncio.gather(*(printer(browser) for _ in range(max(1, min(workers, len(slugs))))))
        await browser.close()


TITLE = """() => [...document.querySelector("h1").childNodes]
  .filter(node => !(node.classList && node.classList.contains("headerlink")))
  .map(node => node.textContent).join("").trim()"""
"""The briefing's title, as its page's heading shows it (without the heading's permalink)."""


def write_metadata(pdf: Path, title: str, author: str) -> None:
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
