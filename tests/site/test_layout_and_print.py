"""Phones, laptops and paper, in the real browser: nothing cut off at any width, a phone header that reads whole,
and printouts a team can use. One site is built for the module: the sample content, plus a briefing of about
600 words and a standalone briefing with a wide table pasted from Word (no-break spaces, a long address)."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from generator.content.writing import word_count
from generator.model import STEPS, Status
from generator.output.pdf import CREATOR
from generator.pipeline import check
from tests.support import CHROMIUM, FIXTURES, PAGE_TYPES, REPO, WCAG_TAGS, build_site, make_project, served

pytestmark = pytest.mark.browser  # every test here drives Chromium, or reads the PDFs it printed

WIDTHS = (320, 375, 768, 1280)
STACKED_BELOW = 600
PARTNERSHIP = "Northbrook Safeguarding Children Partnership"
SITE_URL = "https://example.github.io/briefings/"
LONG = "2024-09-six-hundred-words"
PASTED = "escalation-routes-pasted-table"
PAGES = {
    **PAGE_TYPES,
    "a reporting year, other audits": "archive/by-year/2024-25/",
    "briefing of about 600 words": f"briefings/{LONG}/",
    "briefing with a pasted wide table": f"briefings/{PASTED}/",
    "team record of it": f"briefings/{LONG}/record/",
}

LAYOUT = """() => {
  const width = document.documentElement.clientWidth;
  const column = document.querySelector(".md-content__inner").getBoundingClientRect();
  const body = parseFloat(getComputedStyle(document.querySelector(".md-content .md-typeset")).fontSize);
  const outside = [], small = [], unlabelled = [];
  for (const cell of document.querySelectorAll(".md-content td, .md-content th")) {
    const box = cell.getBoundingClientRect();
    if (!box.width) continue;  /* a visually hidden header row on a phone */
    if (box.left < Math.max(0, column.left) - 0.5 || box.right > Math.min(width, column.right) + 0.5)
      outside.push(cell.textContent.trim().slice(0, 40));
    if (parseFloat(getComputedStyle(cell).fontSize) < body) small.push(cell.textContent.trim().slice(0, 40));
    if (cell.tagName === "TD" && cell.textContent.trim() && width < STACKED_BELOW) {
      const label = getComputedStyle(cell, "::before").content;
      if (getComputedStyle(cell).display !== "block" || !cell.dataset.label || !label.includes(cell.dataset.label))
        unlabelled.push(cell.textContent.trim().slice(0, 40));
    }
  }
  const rewrapped = [];  /* each table wrapped once, by the build: Material's script left it where it was */
  for (const table of document.querySelectorAll(".md-content table")) {
    let wraps = 0;
    for (let e = table.parentElement; e; e = e.parentElement) wraps += e.classList.contains("md-typeset__scrollwrap");
    if (wraps !== 1 || !table.classList.contains("data-table")) rewrapped.push(table.textContent.trim().slice(0, 40));
  }
  return {sideways: document.documentElement.scrollWidth > width, outside, small, unlabelled, rewrapped,
          tables: document.querySelectorAll(".md-content table").length};
}""".replace("STACKED_BELOW", str(STACKED_BELOW))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content and the two print fixtures, built with a PDF of every briefing."""
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    project = make_project(tmp_path_factory.mktemp("layout") / "project", REPO / "content")
    shutil.copytree(FIXTURES / "print", project / "content", dirs_exist_ok=True)
    return build_site(project, "--pdf", "require")


@pytest.fixture(scope="module")
def site_url(site: Path):
    with served(site) as base:
        yield base


@pytest.fixture(scope="module")
def briefings(site: Path):
    project = site.parent
    return [b for b in check(project, "content").briefings if b.status is Status.PUBLISHED]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_scrolls_sideways_or_hides_a_table_cell_at_any_width(browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems, tables = [], 0
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for kind, url in PAGES.items():
            page.goto(site_url + url)
            page.wait_for_load_state("load")
            found = page.evaluate(LAYOUT)
            tables += found["tables"]
            where = f"{kind} at {width}px ({scheme})"
            problems += [f"{where}: scrolls sideways"] * found["sideways"]
            problems += [f"{where}: cell outside the page's column: {c}" for c in found["outside"]]
            problems += [f"{where}: table text smaller than body text: {c}" for c in found["small"]]
            problems += [f"{where}: cell not stacked with its column's name: {c}" for c in found["unlabelled"]]
            problems += [f"{where}: table not wrapped once by the build: {c}" for c in found["rewrapped"]]
    context.close()
    assert tables > 50  # the check saw tables: archive, years, actions, action plans, the pasted one
    assert problems == []


def test_a_stacked_row_reads_column_name_then_value_and_is_still_a_table_for_screen_readers(browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 667})
    page.goto(site_url + f"briefings/{PASTED}/")
    cell = page.locator("td", has_text="Duty sergeant")
    assert cell.get_attribute("data-label") == "First contact"
    assert page.evaluate("getComputedStyle(document.querySelector('thead')).position") == "absolute"  # hidden, still read
    snapshot = page.locator("article table").first.aria_snapshot()
    assert "- table" in snapshot and 'columnheader "First contact"' in snapshot and 'cell "Duty sergeant"' in snapshot
    page.goto(site_url + "actions/")
    status = page.locator("td[data-label='Status']").first
    assert status.evaluate("c => getComputedStyle(c, '::before').content").startswith('"Status: "')
    page.close()


CONTRAST = """() => {
  const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const luminance = c => { const [r, g, b] = c.match(/[\\d.]+/g).map(Number); return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
  const body = parseFloat(getComputedStyle(document.querySelector(".md-content .md-typeset")).fontSize);
  return [...document.querySelectorAll(".status-tag")].map(tag => {
    const style = getComputedStyle(tag);
    const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
    return {word: tag.textContent.trim(), ratio: (a + 0.05) / (b + 0.05), size: parseFloat(style.fontSize) / body,
            background: style.backgroundColor};
  });
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_status_tags_say_their_word_legibly_on_their_own_colour(browser, site_url: str, scheme: str) -> None:
    page = browser.new_page(color_scheme=scheme)
    tags = []
    for url in ("actions/", "themes/", "briefings/", f"briefings/{LONG}/"):
        page.goto(site_url + url)
        tags += page.evaluate(CONTRAST)
    page.close()
    assert {"Overdue", "Recurring", "Due for review"} <= {t["word"] for t in tags}
    for tag in tags:
        assert tag["ratio"] >= 4.5, tag
        assert tag["size"] >= 0.85, tag
        assert tag["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), tag
    assert len({t["background"] for t in tags if t["word"] == "Overdue"}) == 1  # one colour for one meaning


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_stacked_tables_on_a_phone(browser, site_url: str, scheme: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 667}, color_scheme=scheme)
    failures = []
    for url in ("actions/", "archive/", "archive/by-year/2023-24/", f"briefings/{PASTED}/", f"briefings/{LONG}/"):
        page.goto(site_url + url)
        page.wait_for_load_state("networkidle")
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        failures += [f"{url}: {v['id']} on {[n['target'] for n in v['nodes']]}" for v in result.response["violations"]]
    page.close()
    assert failures == []


HEADER = """() => {
  const name = document.querySelector(".md-header__topic .md-ellipsis");
  const input = document.querySelector(".pagefind-ui__search-input");
  const style = getComputedStyle(input);
  const context = document.createElement("canvas").getContext("2d");
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const box = name.getBoundingClientRect();
  return {name: name.textContent.trim(), shown: box.width > 0 && name.scrollWidth <= name.clientWidth && box.right <= innerWidth,
          search: input.getBoundingClientRect().width, placeholder: input.placeholder,
          placeholderFits: context.measureText(input.placeholder).width <= room};
}"""


@pytest.mark.parametrize("width", [320, 375])
def test_a_phone_header_shows_the_site_name_whole_and_a_search_box_whose_placeholder_reads_whole(
    browser, site_url: str, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 667})
    page.goto(site_url)
    page.wait_for_selector(".pagefind-ui__search-input")
    header = page.evaluate(HEADER)
    page.close()
    assert header["name"] == PARTNERSHIP and header["shown"], header
    assert header["search"] >= 200, header
    assert header["placeholder"] == "Search briefings" and header["placeholderFits"], header


def test_step_1_of_every_briefing_starts_within_the_first_screen_of_a_phone(browser, site_url: str, briefings) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 667})
    late = {}
    for b in briefings:
        page.goto(site_url + b.url)
        top = page.locator(f"h2#{STEPS[0][0]}").evaluate("h => h.getBoundingClientRect().top")
        if top > 667 - 60:  # the heading itself must be on the screen, not just its top edge
            late[b.slug] = top
    page.close()
    assert len(briefings) >= 10 and late == {}


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def links(reader: PdfReader) -> list[str]:
    return [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    ]


def last_line(text: str) -> str:
    return " ".join(text.strip().splitlines()[-1].split())


def test_every_briefing_pdf_names_the_partnership_numbers_its_pages_and_links_to_the_published_site(
    site: Path, briefings
) -> None:
    words = {}
    for b in briefings:
        reader = PdfReader(site / "briefings" / f"{b.slug}.pdf")
        pages = [page.extract_text() for page in reader.pages]
        for number, text in enumerate(pages, start=1):
            assert PARTNERSHIP in text and f"Page {number} of {len(pages)}" in text, (b.slug, number)
        assert reader.metadata["/Title"] == b.title
        assert reader.metadata["/Author"] == PARTNERSHIP
        assert reader.metadata["/Creator"] == CREATOR
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] and "/Outlines" in root  # tags and outline kept
        targets = links(reader)
        assert targets and not [t for t in targets if t.startswith("file:")], b.slug
        assert [t for t in targets if t.startswith(SITE_URL)], b.slug  # the theme links lead to the published site
        words[b.slug] = word_count(b)  # as the reading time counts them
        if words[b.slug] <= 620:
            assert len(pages) <= 2, (b.slug, words[b.slug], len(pages))
    assert words[LONG] >= 550  # the test holds a briefing of about 600 words


def test_no_printed_page_ends_with_a_heading_a_caption_or_a_table_header_row(site: Path, briefings) -> None:
    from lxml import html

    ends = []
    for b in briefings:
        tree = html.parse(str(site / b.url / "index.html"))
        alone = {
            " ".join(e.text_content().replace("¶", "").split())
            for e in tree.xpath("//article//h1 | //article//h2 | //article//h3 | //article//caption")
        }
        alone |= {" ".join(" ".join(th.text_content().split()) for th in row) for row in tree.xpath("//article//thead/tr")}
        alone |= {" ".join(e.text_content().split()) for e in tree.xpath("//article//*[@class='action-progress']")}
        assert "Action Owner Due Status" in alone or not b.actions
        pages = pdf_pages((site / "briefings" / f"{b.slug}.pdf").read_bytes())
        ends += [(b.slug, last_line(text)) for text in pages[:-1] if last_line(text) in alone]
    assert ends == []


def test_printed_body_text_is_at_least_11pt(browser, site_url: str) -> None:
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto(site_url + f"briefings/{LONG}/")
    sizes = page.evaluate(
        "() => [...document.querySelectorAll('.md-content p, .md-content li, .md-content td')].map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    page.close()
    assert sizes and min(sizes) >= 11 * 96 / 72 - 0.01  # 11pt is 14.67 CSS px


def test_a_partners_pdf_links_to_the_partners_site(partners_site: Path) -> None:
    pdf = partners_site / "briefings" / "narwhal-restricted.pdf"
    if not pdf.exists():
        pytest.skip("Debian chromium is not installed: no PDFs")
    targets = links(PdfReader(pdf))
    assert targets and all(not t.startswith(("file:", SITE_URL)) for t in targets)
    assert any(t.startswith("https://partners.northbrook.example/briefings/") for t in targets)
    assert re.search(r"Page 1 of \d", pdf_pages(pdf.read_bytes())[0])
