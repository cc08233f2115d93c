"""Light pages for a phone on a slow network: what a page view fetches, and what blocks its first paint."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import served

MATERIAL_CSS = ("main.", "palette.")
"""Material's own stylesheets (assets/stylesheets/main.<hash>.min.css, palette.<hash>.min.css)."""
BUDGET = 4 * 1024
"""What the site may add to Material's own render-blocking CSS, gzipped."""
SITE_PATH = "/briefings/"
"""The path of the fixture's site_url, from which the 404 page links its files."""
PAGE_TYPES = ("", "briefings/autumn-maca/", "archive/", "themes/neglect/", "showcase/", "actions/", "404.html")


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def render_blocking(site: Path, page: str) -> dict[str, int]:
    """The gzipped size of everything in the page's <head> that holds up its first paint: stylesheets for the
    screen, and scripts neither async, deferred nor modules (an inline script counts its own text)."""
    path = site / page / "index.html" if not page.endswith(".html") else site / page
    head = BeautifulSoup(path.read_text(), "html.parser").head
    assert head is not None

    def file(href: str) -> bytes:
        return (site / href.removeprefix(SITE_PATH) if href.startswith("/") else path.parent / href).resolve().read_bytes()

    blocking: dict[str, int] = {}
    for link in head.find_all("link", rel="stylesheet"):
        if link.get("media", "all") in ("all", "screen") or "screen" in link.get("media", ""):
            blocking[link["href"]] = gzipped(file(link["href"]))
    for number, script in enumerate(head.find_all("script")):
        if script.has_attr("async") or script.has_attr("defer") or script.get("type") in ("module", "application/json"):
            continue
        source = file(script["src"]) if script.has_attr("src") else script.string.encode()
        blocking[script.get("src", f"inline script {number}")] = gzipped(source)
    return blocking


@pytest.mark.parametrize("page", PAGE_TYPES, ids=lambda p: p or "home")
def test_render_blocking_bytes_stay_within_materials_own_css_plus_4_kb_gzipped(public_site: Path, page: str) -> None:
    blocking = render_blocking(public_site, page)
    material = sum(size for name, size in blocking.items() if Path(name).name.startswith(MATERIAL_CSS))
    assert material > 20_000, blocking  # Material's CSS was found, so the budget is measured against it
    added = {name: size for name, size in blocking.items() if not Path(name).name.startswith(MATERIAL_CSS)}
    assert sum(added.values()) <= BUDGET, added
    assert not any("pagefind" in name for name in blocking), blocking  # search loads only when used


def test_the_feed_is_announced_without_a_bare_alternate_link(public_site: Path) -> None:
    """Material fetches sitemap.xml for every link[rel=alternate] on every page view; "alternate feed" is not one."""
    head = BeautifulSoup((public_site / "index.html").read_text(), "html.parser").head
    assert head is not None
    feeds = head.find_all("link", type="application/atom+xml")
    assert [(link["rel"], link["href"]) for link in feeds] == [(["alternate", "feed"], "feed.xml")]
    assert head.select("link[rel=alternate]") == []


def requests_of(browser, url: str, then=None) -> tuple[list[str], object]:
    """The paths a page view asked for (and the page, for more); `then` acts on the page before they are read."""
    page = browser.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if then:
        then(page)
    return asked, page


@pytest.mark.parametrize("page_type", ("", "briefings/autumn-maca/", "archive/"), ids=("home", "briefing", "archive"))
def test_a_page_view_fetches_neither_the_sitemap_nor_the_search_until_the_reader_searches(
    browser, public_site: Path, page_type: str
) -> None:
    with served(public_site) as base:
        asked, page = requests_of(browser, base + page_type)
        assert not [url for url in asked if "sitemap" in url or "pagefind" in url], asked
        assert page.locator("#site-search input").get_attribute("placeholder") == "Search briefings"
        page.locator("#site-search input").focus()  # only now are Pagefind's script and styles fetched
        page.wait_for_selector(".pagefind-ui__form")
        page.keyboard.type("day")
        page.wait_for_selector(".pagefind-ui__result")
        page.wait_for_load_state("networkidle")
        assert page.locator("#site-search input").count() == 1
        assert page.locator("#site-search input").input_value() == "day"
        assert page.evaluate("document.activeElement.classList.contains('pagefind-ui__search-input')")
        page.close()
    fetched = {url.removeprefix(base) for url in asked}
    assert {"pagefind/pagefind-ui.js", "pagefind/pagefind-ui.css"} <= fetched, fetched
    assert "sitemap.xml" not in fetched


def test_words_typed_before_the_search_has_loaded_are_all_searched(browser, public_site: Path) -> None:
    """A reader who types at once (before Pagefind's script arrives) loses no letter."""
    with served(public_site) as base:
        page = browser.new_page()
        page.goto(base)
        page.wait_for_load_state("domcontentloaded")
        page.locator("#site-search input").click()
        page.keyboard.type("first day", delay=40)
        page.wait_for_selector(".pagefind-ui__result")
        assert page.locator("#site-search input").input_value() == "first day"
        titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
        page.close()
    assert "Audit on the first day of April" in titles


def test_a_query_in_the_address_loads_the_search_and_runs_it(browser, public_site: Path) -> None:
    """The "Page not found" page's form sends ?q=words to the home page, which searches at once."""
    with served(public_site) as base:
        page = browser.new_page()
        page.goto(base + "?q=first+day")
        page.wait_for_selector(".pagefind-ui__result-link")
        assert page.locator("#site-search input").input_value() == "first day"
        assert "Audit on the first day of April" in page.locator(".pagefind-ui__result-link").all_inner_texts()
        page.close()

