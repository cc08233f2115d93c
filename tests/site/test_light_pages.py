"""Light pages for a phone on a slow network: what a page view fetches, and what blocks its first paint."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support import build_site, served

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


@pytest.mark.browser
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


@pytest.mark.browser
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


@pytest.mark.browser
def test_a_query_in_the_address_loads_the_search_and_runs_it(browser, public_site: Path) -> None:
    """The "Page not found" page's form sends ?q=words to the home page, which searches at once."""
    with served(public_site) as base:
        page = browser.new_page()
        page.goto(base + "?q=first+day")
        page.wait_for_selector(".pagefind-ui__result-link")
        assert page.locator("#site-search input").input_value() == "first day"
        assert "Audit on the first day of April" in page.locator(".pagefind-ui__result-link").all_inner_texts()
        page.close()


# --- long listings, in pages of plain links ----------------------------------------------------------

LISTINGS = {
    "briefings/": ".briefing-card__title a",
    "briefings/by-theme/neglect/": ".briefing-card__title a",
    "showcase/": ".practice-card__title a",
    "showcase/by-agency/children-social-care/": ".practice-card__title a",
    "actions/": ".action-plan tbody tr",
    "archive/": ".archive-year tbody tr",
    "archive/by-type/maca/": ".archive-year tbody tr",
}
PAGE_SIZE = 4


def synthetic_site(root: Path, page_size: int | None) -> Path:
    from benchmarks.synthetic import make_project

    project = make_project(root, 30)
    if page_size is not None:
        config = project / "mkdocs.yml"
        setting = f"  - briefings:\n      listing_page_size: {page_size}\n"
        config.write_text(config.read_text().replace("  - briefings:\n", setting, 1))
    return build_site(project, "--pdf", "skip")


@pytest.fixture(scope="module")
def paged_and_whole(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same 30 synthetic audits built twice: with pages of four items, and with every listing on one page."""
    return (
        synthetic_site(tmp_path_factory.mktemp("paged") / "project", PAGE_SIZE),
        synthetic_site(tmp_path_factory.mktemp("whole") / "project", None),
    )


def rows(html: BeautifulSoup, selector: str) -> list[str]:
    """Each item of a listing page, as its text and link: what a reader would find."""
    return [
        " ".join(row.get_text(" ").split()) + " " + str([a["href"] for a in [row, *row.select("a")] if a.name == "a"])
        for row in html.select(selector)
    ]


def follow_pages(site: Path, listing: str, selector: str) -> list[list[str]]:
    """A listing's items page by page, reached as a reader without JavaScript would: by its "Next page" links."""
    pages, url = [], listing
    while True:
        html = BeautifulSoup((site / url / "index.html").read_text(), "html.parser")
        pages.append([item.replace("../", "") for item in rows(html, selector)])
        following = html.select_one('nav.pager a[rel="next"]')
        if following is None:
            return pages
        url = os.path.normpath(os.path.join(url, following["href"])) + "/"
        assert len(pages) < 50, "the pages go round in a circle"


@pytest.mark.parametrize("listing", LISTINGS)
def test_a_long_listing_is_split_into_pages_with_every_item_on_exactly_one(
    paged_and_whole: tuple[Path, Path], listing: str
) -> None:
    paged, whole = paged_and_whole
    selector = LISTINGS[listing]
    pages = follow_pages(paged, listing, selector)
    (everything,) = follow_pages(whole, listing, selector)  # with the default page size, one page
    assert len(everything) > PAGE_SIZE, everything  # enough items to need more than one page
    assert [item for page in pages for item in page] == [item.replace("../", "") for item in everything]
    assert len(pages) > 1 and all(page for page in pages)
    if not listing.startswith("archive/"):  # the archive keeps each reporting year whole on one page
        assert all(len(page) <= PAGE_SIZE for page in pages), [len(page) for page in pages]


def test_each_page_of_a_listing_links_to_every_other_and_says_which_it_is(paged_and_whole: tuple[Path, Path]) -> None:
    paged, _ = paged_and_whole
    first = BeautifulSoup((paged / "briefings/index.html").read_text(), "html.parser")
    count = len(first.select("nav.pager .pager__pages a:not([rel])"))
    assert count == -(-30 // PAGE_SIZE)
    for number in range(1, count + 1):
        here = paged / "briefings" / ("" if number == 1 else f"page/{number}") / "index.html"
        html = BeautifulSoup(here.read_text(), "html.parser")
        assert html.select_one("nav.pager .pager__where").get_text() == f"Page {number} of {count}"
        assert html.select_one('nav.pager [aria-current="page"]').get_text() == str(number)
        title = html.select_one("h1").get_text().removesuffix("¶")
        assert title == ("Briefings" if number == 1 else f"Briefings (page {number} of {count})")
        for link in html.select("nav.pager a"):
            assert (here.parent / link["href"] / "index.html").resolve().is_file(), link
    assert not (paged / "briefings/page/1").exists()  # the first page keeps the listing's own address
    assert not (paged / f"briefings/page/{count + 1}").exists()


def test_an_agency_page_shows_the_first_few_of_each_kind_and_links_to_all_of_them(paged_and_whole: tuple[Path, Path]) -> None:
    paged, whole = paged_and_whole
    agency = max(
        (p.parent for p in paged.glob("agencies/*/index.html")),
        key=lambda folder: len(list(paged.glob(f"briefings/by-agency/{folder.name}/**/index.html"))),
    ).name
    html = BeautifulSoup((paged / "agencies" / agency / "index.html").read_text(), "html.parser")
    assert len(html.select(".briefing-card")) == 10 and len(html.select(".action-plan tbody tr")) == 10
    see_all = {os.path.normpath(f"agencies/{agency}/" + a["href"]) + "/" for a in html.select(".see-all a")}
    assert see_all >= {f"briefings/by-agency/{agency}/", f"agencies/{agency}/actions/"}, see_all
    for listing, selector in (
        (f"briefings/by-agency/{agency}/", ".briefing-card__title a"),
        (f"agencies/{agency}/actions/", "tbody tr"),
    ):
        pages = follow_pages(paged, listing, selector)
        (everything,) = follow_pages(whole, listing, selector)
        assert len(pages) > 1 and [item for page in pages for item in page] == [i.replace("../", "") for i in everything]
        assert len(everything) > 10


def test_a_years_many_actions_are_listed_on_pages_of_their_own(paged_and_whole: tuple[Path, Path]) -> None:
    paged, whole = paged_and_whole
    year = sorted(p.parent.parent.name for p in paged.glob("archive/by-year/*/actions/index.html"))[0]
    report = BeautifulSoup((paged / "archive/by-year" / year / "index.html").read_text(), "html.parser")
    assert report.select(".action-plan") == []  # the report links to them instead
    assert report.select_one(".see-all a")["href"] == "actions/"
    pages = follow_pages(paged, f"archive/by-year/{year}/actions/", ".action-plan tbody tr")
    whole_report = BeautifulSoup((whole / "archive/by-year" / year / "index.html").read_text(), "html.parser")
    everything = [item.replace("../", "") for item in rows(whole_report, ".action-plan tbody tr")]  # inline: few enough
    assert len(pages) > 1 and [item for page in pages for item in page] == everything


@pytest.mark.parametrize("name", ["page", "by-agency"])
def test_a_briefing_cannot_take_the_address_of_a_lists_pages(project: Path, cli, name: str) -> None:
    """`briefings/page/2/` is the list's second page and `briefings/by-agency/…` an agency's briefings."""
    (project / f"content/briefings/{name}.md").write_text((project / "content/briefings/standalone-review.md").read_text())
    result = cli("check")
    assert result.code == 1
    assert f"content/briefings/{name}.md:1: file name '{name}.md' is reserved for the site's filter pages" in result.out


@pytest.mark.browser
def test_the_pages_of_a_list_pass_axe_and_are_followed_without_javascript(browser, paged_and_whole: tuple[Path, Path]) -> None:
    from axe_playwright_python.sync_playwright import Axe

    paged, _ = paged_and_whole
    with served(paged) as base:
        context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 667})
        page = context.new_page()
        page.goto(base + "actions/")
        page.get_by_role("link", name="Next page").click()
        page.wait_for_url("**/actions/page/2/")
        assert page.locator('nav.pager [aria-current="page"]').inner_text() == "2"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        context.close()
        page = browser.new_page()
        failures = []
        for url in ("briefings/page/2/", "archive/page/2/", "actions/page/2/"):
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
            result = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
            failures += [f"{url}: {v['id']}" for v in result.response["violations"]]
        page.close()
    assert failures == []


@pytest.mark.parametrize("size", ["0", "-3"])
def test_a_listing_page_size_below_one_is_refused_naming_the_setting(project: Path, cli, size: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - briefings:\n", f"  - briefings:\n      listing_page_size: {size}\n", 1))
    run = cli("build", "--pdf", "skip")
    assert run.code == 1 and f"plugins.briefings.listing_page_size must be 1 or more (it is {size})" in run.out + run.err
    assert not (project / "site").exists()
