"""What a practitioner needs besides the briefings (issue 22): how to report a concern on every page, British
English, a page for each agency, the showcase's practice and filters, theme guidance and a helpful home page."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from generator.diagnostics import written_line
from generator.model import STEPS
from generator.sitemodel import ReportConcern
from tests.support import (
    BASE,
    DRAFT_MARKERS,
    PUBLISHED,
    RESTRICTED_MARKERS,
    WCAG_TAGS,
    QuietHandler,
    article,
    build_site,
    make_project,
    page,
    served,
    write,
)

CONCERN_PHONE = "0113 496 0000"
CONCERN_TEL = "tel:+441134960000"
CONCERN_URL = "https://www.northbrook.example/report-a-concern-about-a-child"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def config_line(project: Path, written: str) -> int:
    """The line of mkdocs.yml that starts (after its indent) with `written`."""
    lines = (project / "mkdocs.yml").read_text().splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.lstrip().startswith(written))


# --- report a concern ---------------------------------------------------------------------------------


def test_every_page_says_how_to_report_a_concern_before_its_content(public_site: Path) -> None:
    pages = html_pages(public_site)
    assert len(pages) > 30 and public_site / "404.html" in pages
    for file in pages:
        html = file.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        panel = soup.select_one("aside.report-concern")
        assert panel is not None, file
        text = " ".join(panel.get_text(" ").split())
        assert "Worried about a child" in text and CONCERN_PHONE in text and "In an emergency call 999" in text, file
        links = {a.get_text(strip=True): a["href"] for a in panel.select("a")}
        assert links == {CONCERN_PHONE: CONCERN_TEL, "report online": CONCERN_URL, "999": "tel:999"}, file
        # in the first screen: straight after the header, before the tabs, the navigation and the page's own text
        assert html.index('class="report-concern"') < html.index('class="md-main"'), file
        assert html.index("</header>") < html.index('class="report-concern"'), file


def test_the_home_page_shows_how_to_report_a_concern_in_its_content(public_site: Path) -> None:
    panel = article(public_site, "").select_one(".concern-panel")
    text = " ".join(panel.get_text(" ").split())
    assert text.startswith("Worried about a child?") and "report a concern online" in text and "In an emergency call 999" in text
    assert [a["href"] for a in panel.select("a")] == [CONCERN_TEL, CONCERN_URL, "tel:999"]


REPORT_CONCERN_BLOCK = re.compile(r"    report_concern:.*?\n(?=    \w)", re.S)


@pytest.mark.parametrize(
    ("change", "at", "message"),
    [
        (
            lambda text: REPORT_CONCERN_BLOCK.sub("", text),
            "briefings:",
            "extra.briefings.report_concern is missing: every page shows how to report a concern about a child",
        ),
        (
            lambda text: text.replace("      phone: 0113 496 0000", "      phone: 999"),
            "phone:",
            "extra.briefings.report_concern.phone must be the service's UK phone number, such as 0113 496 0000, never a mobile's",
        ),
        (
            lambda text: text.replace("      phone: 0113 496 0000", "      phone: 07700 90012"),  # a digit short
            "phone:",
            "extra.briefings.report_concern.phone must be the service's UK phone number",
        ),
        (
            lambda text: text.replace("      phone: 0113 496 0000", "      phone: 07700 900123"),  # on every page
            "phone:",
            "extra.briefings.report_concern.phone must be the service's UK phone number, such as 0113 496 0000, never a "
            "mobile's (it is '07700 900123')",
        ),
        (
            lambda text: text.replace("      phone: 0113 496 0000", "      phone: call 0113 496 0000"),
            "phone:",
            "extra.briefings.report_concern.phone must be the service's UK phone number",
        ),
        (
            lambda text: text.replace("      url: https://www.northbrook", "      url: http://www.northbrook"),
            "url: http://www.northbrook",
            "extra.briefings.report_concern.url must be a web address starting https://",
        ),
        (
            lambda text: text.replace("      url: https://www.northbrook", "      url: javascript:alert(1)//www.northbrook"),
            "url: javascript",
            "extra.briefings.report_concern.url must be a web address starting https://",
        ),
        (
            lambda text: text.replace("      text: Worried", "      text: <b>Worried</b>"),
            "text: <b>",
            "extra.briefings.report_concern.text must be plain text, without HTML tags or entities",
        ),
        (
            lambda text: text.replace("      text: Worried about a child?\n", ""),
            "report_concern:",
            "extra.briefings.report_concern.text is missing",
        ),
        (
            lambda text: text.replace("      phone: 0113", "      fax: 0113 496 0001\n      phone: 0113"),
            "fax:",
            "extra.briefings.report_concern: unknown key 'fax'; use text, phone, url",
        ),
    ],
)
def test_a_missing_or_wrong_report_concern_setting_is_refused_at_its_line(
    project: Path, cli: Callable, change: Callable[[str], str], at: str, message: str
) -> None:
    config = project / "mkdocs.yml"
    changed = change(config.read_text())
    assert changed != config.read_text()
    config.write_text(changed)
    run = cli("build", "--pdf", "skip")
    assert run.code == 1
    assert f"mkdocs.yml:{config_line(project, at)}: {message}" in run.out + run.err
    assert not (project / "site").exists()


@pytest.mark.parametrize(
    ("written", "line"),
    [
        ("extra:\n  briefings:\n    report_concern:\n      phone: 1\n", 4),
        ("extra:\n  briefings:\n    # report_concern: not this one\n    report_concern: {phone: 1}\n", 4),
        ("extra:\n  briefings:\n    report_concern:\n      text: x\n", 3),  # no phone: its mapping's line
        ("extra:\n  briefings:\n    exit_url: x\nnav:\n  phone: 1\n", 2),  # phone elsewhere is not it
        ("site_name: x\n", 1),
    ],
)
def test_a_setting_is_found_at_the_line_it_is_written_on(written: str, line: int) -> None:
    assert written_line(written, ("extra", "briefings", "report_concern", "phone")) == line


def test_short_uk_numbers_are_accepted_where_they_exist(project: Path, cli: Callable) -> None:
    """Childline's 0800 1111 and a ten-digit number of an 01 area are real numbers a partnership may give."""
    config = project / "mkdocs.yml"
    original = config.read_text()
    for number in ("0800 1111", "016977 4123"):
        config.write_text(original.replace("      phone: 0113 496 0000", f"      phone: {number}"))
        run = cli("build", "--pdf", "skip")
        assert run.code == 0, run.out + run.err
        assert f'<a href="tel:+44{number.replace(" ", "")[1:]}">{number}</a>' in (project / "site/index.html").read_text()


@pytest.mark.parametrize(
    ("written", "digits"),
    [
        *[
            (form, "01134960000")
            for form in ("0113 496 0000", "01134960000", "+44 113 496 0000", "+44 (0)113 496 0000", "0044 113 496 0000")
        ],
        ("(0113) 496 0000", "01134960000"),
        ("016977 4123", "0169774123"),
        ("+44 16977 4123", "0169774123"),
        ("0800 1111", "08001111"),
    ],
)
def test_a_uk_number_is_read_as_dialled_within_the_uk_however_written(written: str, digits: str) -> None:
    concern = ReportConcern("Worried?", written, "https://example.org/")
    assert concern.digits == digits and concern.tel == "tel:+44" + digits[1:]


def test_the_concern_number_passes_the_output_scan_in_any_written_form_and_no_other_number_does(
    project: Path, cli: Callable
) -> None:
    footer = project / "overrides/partials/copyright.html"
    original = footer.read_text()
    forms = ["0113 496 0000", "01134960000", "+44 113 496 0000", "+44 (0)113 496 0000", "0113-496-0000", "tel:+441134960000"]
    footer.write_text(original + "".join(f"<p>Front door: {form}</p>\n" for form in forms))
    assert cli("build", "--pdf", "skip").code == 0
    footer.write_text(original + "<p>Out of hours: 0113 496 0999</p>\n")
    run = cli("build", "--pdf", "skip")
    assert run.code == 1
    line = len(original.splitlines()) + 1
    assert f"overrides/partials/copyright.html:{line}: privacy: phone: 01•• ••• ••99 reached the built site" in run.out


def test_the_concern_number_in_a_briefing_still_needs_an_allowance(project: Path, cli: Callable) -> None:
    """The setting lets the number through the output scan only: an author's text is scanned as before."""
    audit = project / "content/audits/autumn-maca.md"
    audit.write_text(audit.read_text().replace("## Background\n", "## Background\n\nRing 0113 496 0000 today.\n", 1))
    run = cli("build", "--pdf", "skip")
    assert run.code == 1 and "content/audits/autumn-maca.md:" in run.out and "privacy: phone:" in run.out


# --- British English ----------------------------------------------------------------------------------

MATERIAL_KEYS = re.compile(
    r">\s*(?:action|search|header|footer|nav|toc|top|select|clipboard)\.[a-z.]+\s*<|:\s*\"(?:action|search|clipboard)\.[a-z.]+\""
)
"""A translation key shown instead of its text (Material shows the key when a language lacks it)."""


def test_every_page_is_british_english_and_every_translated_string_still_shows(public_site: Path) -> None:
    for file in html_pages(public_site):
        html = file.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert soup.html["lang"] == "en-GB", file
        assert not MATERIAL_KEYS.search(html), file
        assert all(label.strip() for label in (e["aria-label"] for e in soup.select("[aria-label]"))), file
        assert soup.select_one("nav.md-header__inner")["aria-label"] == "Header", file
        assert soup.select_one("nav.md-footer__inner, footer .md-copyright") is not None, file
        assert soup.select_one(".md-top").get_text(strip=True) == "Back to top", file
    briefing = page(public_site, "briefings/autumn-maca/")
    assert briefing.select_one("a.md-skip").get_text(strip=True) == "Skip to content"
    assert briefing.select_one("[data-md-component=toc] label, nav.md-nav--secondary label").get_text(" ", strip=True) == (
        "Table of contents"
    )
    script = (public_site / "assets/javascripts/search.js").read_text()
    assert 'var label = "Search briefings";' in script and "placeholder: label" in script  # the box before and after it loads


def test_the_search_index_is_british_english(public_site: Path) -> None:
    entry = json.loads((public_site / "pagefind/pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["en-gb"]
    assert entry["languages"]["en-gb"]["page_count"] == len(PUBLISHED)
    assert (public_site / "pagefind/wasm.en-gb.pagefind").is_file()


# --- agencies -----------------------------------------------------------------------------------------


def test_the_agencies_page_lists_each_agency_with_what_there_is_for_it(public_site: Path) -> None:
    items = {
        li.a.get_text(): (li.a["href"], li.select_one(".agency-count").get_text())
        for li in article(public_site, "agencies/").select(".agency-list li")
    }
    assert list(items) == ["Police", "Health", "Children's social care", "Education"]  # the taxonomy's order
    assert items["Police"] == ("police/", "4 briefings, 1 example of good practice, 2 open actions")
    assert items["Education"] == ("education/", "0 briefings, 0 examples of good practice, 0 open actions")
    nav = [a.get_text(strip=True) for a in page(public_site, "").select(".md-tabs__link")]
    assert "Agencies" in nav


def test_an_agency_page_gathers_its_briefings_practice_and_actions_open_ones_first(public_site: Path) -> None:
    police = article(public_site, "agencies/police/")
    assert [a["href"] for a in police.select(".briefing-card__title a")] == [
        f"../../briefings/{slug}/" for slug in ("autumn-maca", "year-start-maca", "year-end-maca", "thematic-survey")
    ]  # every audit names police; the standalone review names no agency
    assert [a.get_text() for a in police.select(".practice-card__title a")] == ["Police officer spoke to the child alone"]
    assert police.select_one(".practice-card__text").get_text(strip=True) != ""
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in police.select(".action-plan tbody tr")]
    assert [row[0] for row in rows] == ["Train officers to speak to children alone", "Notify nurseries after police call-outs"]
    assert rows[0][3] == "In progress Overdue" and rows[1][3] == "Not started"  # built on 2025-06-01
    health = article(public_site, "agencies/health/")
    statuses = [tr.select("td")[3].get_text(" ", strip=True) for tr in health.select(".action-plan tbody tr")]
    assert statuses == ["In progress", "Complete"]  # open first, then complete
    assert "2 of 3" not in health.get_text() and "1 of 2 actions still open" in " ".join(health.get_text(" ").split())


def test_the_facts_panel_links_each_agency_to_its_page(public_site: Path) -> None:
    soup = article(public_site, "briefings/year-start-maca/")
    facts = soup.select_one("dl.briefing-facts")
    agencies = next(div for div in facts.select("div") if div.dt.get_text() == "Agencies")
    assert [(a.get_text(), a["href"]) for a in agencies.select("a")] == [
        ("Police", "../../agencies/police/"),
        ("Health", "../../agencies/health/"),
    ]
    for a in agencies.select("a"):
        assert (public_site / "briefings/year-start-maca" / a["href"] / "index.html").resolve().is_file()


def visible_text(site: Path, folder: str) -> str:
    return "\n".join(file.read_text(encoding="utf-8").lower() for file in (site / folder).rglob("*.html"))


def test_drafts_and_restricted_items_never_reach_agency_or_showcase_pages_of_the_public_site(public_site: Path) -> None:
    for folder in ("agencies", "showcase"):
        text = visible_text(public_site, folder)
        assert not [marker for marker in DRAFT_MARKERS + RESTRICTED_MARKERS if marker in text], folder
    # the restricted audit's action and entry are education's only: in public, education has nothing open
    education = article(public_site, "agencies/education/")
    assert "Narwhal" not in education.get_text()
    assert not (public_site / "showcase/by-agency/education").exists()


def test_the_partners_site_shows_restricted_items_on_agency_pages_marked(partners_site: Path) -> None:
    education = article(partners_site, "agencies/education/")
    assert "Narwhal restricted action" in education.get_text()
    assert education.select_one(".action-plan .status-tag--restricted").get_text() == "Partners only"
    assert "quokka" not in visible_text(partners_site, "agencies")


# --- showcase, themes, home ---------------------------------------------------------------------------


def test_the_showcase_shows_each_practice_and_filters_by_agency_and_theme(public_site: Path) -> None:
    showcase = article(public_site, "showcase/")
    cards = showcase.select(".practice-card")
    assert len(cards) == 2 and all(card.select_one(".practice-card__text").get_text(strip=True) for card in cards)
    rows = {
        row.select_one(".filters__label").get_text(): [(a.get_text(), a["href"]) for a in row.select("a")]
        for row in showcase.select(".filters__row")
    }
    assert rows["Agency:"] == [
        ("All", "./"),
        ("Police", "by-agency/police/"),
        ("Health", "by-agency/health/"),
        ("Children's social care", "by-agency/children-social-care/"),
    ]
    assert rows["Theme:"][0] == ("All", "./") and all(href.startswith("by-theme/") for _, href in rows["Theme:"][1:])
    police = article(public_site, "showcase/by-agency/police/")
    assert [a.get_text() for a in police.select(".practice-card__title a")] == ["Police officer spoke to the child alone"]
    assert police.select_one('.filters a[aria-current="page"]').get_text() == "Police"
    assert "1 example of good practice by Police." in police.get_text()
    for _, href in rows["Theme:"][1:]:
        narrowed = article(public_site, "showcase/" + href)
        key = href.split("/")[1]
        cards = narrowed.select(".practice-card")
        assert cards and all(f"themes/{key}/" in " ".join(a["href"] for a in c.select(".practice-card__meta a")) for c in cards)


def test_a_theme_page_shows_its_description_and_guidance_links_escaped(public_site: Path) -> None:
    html = (public_site / "themes/neglect/index.html").read_text()
    assert "needs &amp; care, &lt; 5 &#34;day-to-day&#34; &gt; over time." in html
    soup = article(public_site, "themes/neglect/")
    assert soup.select_one(".theme-description").get_text() == (
        'Persistent failure to meet a child\'s basic needs & care, < 5 "day-to-day" > over time.'
    )
    assert [(a.get_text(), a["href"]) for a in soup.select(".theme-guidance a")] == [
        ("Neglect toolkit & guidance", "https://www.example.gov.uk/neglect-toolkit?a=1&b=2")
    ]
    assert article(public_site, "themes/domestic-abuse/").select_one(".theme-description, .theme-guidance") is None


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "    links:\n      - title: Toolkit\n        url: http://example.org/\n",
            "link 'Toolkit' must have a url starting https://",
        ),
        ("    links:\n      - title: Toolkit\n        url: javascript:alert(1)\n", "must have a url starting https://"),
        ("    links:\n      - url: https://example.org/\n", "each link needs exactly a title and a url"),
        ("    links:\n      - title: Toolkit\n        url: https://example.org/\n        note: x\n", "exactly a title and a url"),
        ("    links: https://example.org/\n", "'links' must be a list such as"),
        ("    description: [one, two]\n", "'description' must be text"),
        ("    description: <script>alert(1)</script>\n", "must be plain text, without HTML tags or entities"),
        ("    guidance: see the toolkit\n", "has unknown keys ['guidance']; use label, questions, description, links"),
    ],
)
def test_a_theme_description_or_link_written_wrong_is_refused_at_its_line(
    project: Path, cli: Callable, written: str, message: str
) -> None:
    taxonomy = project / "content/taxonomy.yml"
    text = taxonomy.read_text()
    anchor = "  domestic-abuse:\n    label: Domestic abuse\n"
    assert anchor in text
    taxonomy.write_text(text.replace(anchor, anchor + written))
    lines = taxonomy.read_text().splitlines()
    start = lines.index("    label: Domestic abuse") + 2
    expected = {start, start + 1}  # the key's line, or the list item's
    run = cli("check")
    assert run.code == 1
    found = [line for line in run.out.splitlines() if message in line]
    assert found, run.out
    assert int(found[0].split(":")[1]) in expected and found[0].startswith("content/taxonomy.yml:")


def test_the_home_page_explains_the_six_steps_and_lists_what_was_published_recently(public_site: Path) -> None:
    home = article(public_site, "")
    steps = " ".join(home.select_one(".home-steps").get_text(" ").split())
    assert steps.startswith("A 6 Step Briefing goes through 1 Background, 2 why it matters,")
    assert all(title.lower() in steps.lower() for _, title in STEPS)
    assert len(home.select_one(".home-steps").find_all("br")) == 1  # two lines
    heading = home.select_one("h2#recently-published")
    assert heading is not None and heading.get_text(strip=True).removesuffix("¶") == "Recently published"
    recent = [a["href"] for a in heading.find_next("ul").select(".briefing-card__title a")]
    assert recent == [
        f"briefings/{slug}/"
        for slug in ("autumn-maca", "standalone-review", "year-start-maca", "year-end-maca", "thematic-survey")
    ]


def test_a_site_with_more_briefings_lists_only_the_five_newest_on_its_home_page(tmp_path: Path) -> None:
    root = make_project(tmp_path / "many")
    source = (root / "content/audits/autumn-maca.md").read_text()
    for month in range(1, 4):
        (root / f"content/audits/extra-{month}.md").write_text(
            source.replace("date: 2024-10-02", f"date: 2025-0{month}-10")
            .replace("title: Autumn audit of domestic abuse", f"title: Extra audit {month}")
            .replace("## Background\n", f"## Background\n\nExtra audit {month} found more.\n")
        )
    site = build_site(root)
    heading = article(site, "").select_one("h2#recently-published")
    recent = [a["href"] for a in heading.find_next("ul").select(".briefing-card__title a")]
    assert recent == [f"briefings/{slug}/" for slug in ("extra-3", "extra-2", "extra-1", "autumn-maca", "standalone-review")]


def test_the_home_page_counts_one_theme_agency_and_example_in_the_singular(tmp_path: Path) -> None:
    root = make_project(tmp_path / "one")
    for old in [*root.glob("content/audits/*.md"), *root.glob("content/briefings/*.md")]:
        old.unlink()
    entry = "\n## Good practice\n\n### Shared at once\nAgency: health\nThemes: neglect\n\nThe nurse shared it.\n"
    write(root, "content/audits/only.md", BASE.replace("agencies: [police, health]", "agencies: [health]") + entry)
    ways_in = " ".join(article(build_site(root), "").select_one(".home-ways-in").get_text(" ").split())
    assert "Good practice showcase : 1 example of practice that helped children" in ways_in
    assert "Themes : briefings and good practice on 1 concern" in ways_in
    assert "Agencies : what there is for 1 agency" in ways_in
    assert "each of 1 " not in ways_in


# --- in the browser -----------------------------------------------------------------------------------

BASE_PATH = "/team/briefings/"


class BasePathHandler(QuietHandler):
    """A host that serves the site under BASE_PATH and answers a missing address with the site's 404.html, as
    GitHub Pages, Netlify and most hosts do."""

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(BASE_PATH):
            return str(Path(self.directory) / "no-such-file")
        return super().translate_path("/" + path.removeprefix(BASE_PATH))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture site built for an address under a sub-path, served there on loopback."""
    root = make_project(tmp_path_factory.mktemp("subpath") / "project")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("site_url: https://example.github.io/briefings/", f"site_url: https://example.org{BASE_PATH}")
    )
    with served(build_site(root), BasePathHandler) as base:
        yield base.removesuffix("/") + BASE_PATH


@pytest.mark.browser
def test_the_page_not_found_works_at_any_depth_under_the_sites_base_path(browser, sub_path_site: str) -> None:
    page = browser.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on(  # the missing pages themselves are 404s, as they should be; nothing they load may be
        "response",
        lambda response: (
            failed.append(response.url) if response.status >= 400 and response.request.resource_type != "document" else None
        ),
    )
    response = page.goto(sub_path_site + "no/such/deep/page/")
    page.wait_for_load_state("networkidle")
    assert response is not None and response.status == 404
    assert page.locator("article h1").inner_text() == "Page not found"
    assert failed == []  # its stylesheets, scripts and search all load from the base path
    assert page.evaluate("getComputedStyle(document.querySelector('.report-concern')).borderBottomStyle") == "solid"
    assert page.evaluate("document.documentElement.lang") == "en-GB"
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert [v["id"] for v in result.response["violations"]] == []
    page.get_by_role("link", name="Go to the home page").click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == BASE_PATH and "Short, practical learning" in page.locator("article").inner_text()
    for link in ("Every briefing, newest first", "Briefings by theme", "Briefings by agency"):
        page.goto(sub_path_site + "still/missing/")
        page.get_by_role("link", name=link).click()
        page.wait_for_load_state("networkidle")
        assert page.locator("article h1").inner_text().removesuffix("¶") in ("Briefings", "Themes", "Agencies"), link
    page.goto(sub_path_site + "another/missing/page/")
    page.fill("#not-found-query", "growth charts")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**" + BASE_PATH + "?q=growth+charts")
    page.wait_for_selector(".pagefind-ui__result-link")  # the header's search, in British English, runs the query
    assert page.locator(".pagefind-ui__search-input").input_value() == "growth charts"
    assert "Audit on the first day of April" in page.locator(".pagefind-ui__result").all_inner_texts()[0]
    assert failed == []
    page.close()


@pytest.mark.browser
def test_the_concern_line_fits_the_first_screen_of_a_phone_and_search_works_in_british_english(
    browser, sub_path_site: str
) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 667})
    for url in ("", "briefings/autumn-maca/", "agencies/police/", "showcase/by-theme/neglect/"):
        page.goto(sub_path_site + url)
        page.wait_for_load_state("networkidle")
        box = page.locator(".report-concern").bounding_box()
        assert box is not None and box["y"] + box["height"] <= 667 / 3, url  # the top third, under the two-row header
        assert box["height"] <= 60, url  # two lines at most, so that a briefing's step 1 can start on the first screen
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
        assert page.locator(".report-concern").get_by_role("link", name="999").is_visible()
    search = page.locator(".pagefind-ui__search-input")
    assert search.get_attribute("placeholder") == "Search briefings"  # the box's own label, whole
    assert page.locator(".site-search").get_attribute("aria-label") == "Search the briefings"
    search.click()
    page.keyboard.type("chronologies")
    page.wait_for_selector(".pagefind-ui__result")
    assert page.locator(".pagefind-ui__result").count() >= 1
    page.close()
