"""The practitioner's experience, proven in a real browser on the sample site: accessible, printable, findable."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from generator.model import STEPS, Status
from generator.pipeline import check
from tests.support import PAGE_TYPES, REPO, WCAG_TAGS, nu_html_check, served
from tests.support import SAMPLE_BRIEFING as BRIEFING

ARTIFACTS = REPO / "test-artifacts"
STEP_TITLES = [title for _, title in STEPS]


@pytest.fixture(scope="module")
def site_url(sample_site: Path):
    with served(sample_site) as base:
        yield base


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_a_or_aa_violation_on_any_page_type(browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    report, failures = [], []
    for kind, url in PAGE_TYPES.items():
        page.goto(site_url + url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
        result = Axe().run(
            page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations", "passes"]}
        )
        violations = result.response["violations"]
        report.append(
            f"{scheme:5} {kind:26} /{url:45} {len(result.response['passes']):3} rules passed, {len(violations)} violations"
        )
        failures += [f"{kind} ({scheme}): {v['id']} on {[n['target'] for n in v['nodes']]}" for v in violations]
    context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{scheme}.txt").write_text("\n".join(report) + "\n")
    print("\n".join(report))
    assert failures == []


@pytest.mark.browser
def test_keyboard_skip_link_then_search_then_enter_opens_a_briefing(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('pagefind-ui__search-input')")
    page.keyboard.type("chronology")
    page.wait_for_selector(".pagefind-ui__result-link")
    while not page.evaluate("document.activeElement.classList.contains('pagefind-ui__result-link')"):
        page.keyboard.press("Tab")  # past the Clear button, to the first result
    page.keyboard.press("Enter")
    page.wait_for_url("**/briefings/*/")
    assert (
        page.locator("h1").first.inner_text().strip().startswith(("Neglect of children under five", "Children missing education"))
    )
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Parental mental health", "Parental mental health and the child"),
        ("exploited", "Adolescents at risk"),
        ("chronologies", "Neglect of children under five"),
    ],
    ids=["theme label", "stem: exploited finds exploitation", "stem: chronologies finds chronology"],
)
def test_search_finds_theme_labels_and_word_stems_and_shows_the_summary(
    browser, site_url: str, query: str, expected: str
) -> None:
    page = browser.new_page()
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.click(".pagefind-ui__search-input")
    page.keyboard.type(query)
    page.wait_for_selector(".pagefind-ui__result")
    results = page.locator(".pagefind-ui__result").all_inner_texts()
    hit = next(r for r in results if expected in r)
    briefing = next(b for b in check(REPO, "content").briefings if b.title.startswith(expected))
    assert " ".join(briefing.summary.split()) in " ".join(hit.split())  # each result shows the briefing's summary
    page.close()


@pytest.mark.browser
def test_search_never_offers_drafts_restricted_items_or_listings(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    urls = page.evaluate(
        "async () => { const pf = await import('./pagefind/pagefind.js'); const r = await pf.search(null, {}); "
        "return Promise.all(r.results.map(x => x.data().then(d => d.url))); }"
    )
    page.close()
    published = sorted(f"/briefings/{b.slug}/" for b in check(REPO, "content").briefings if b.status is Status.PUBLISHED)
    assert sorted(urls) == published


@pytest.mark.browser
def test_no_page_scrolls_sideways_at_375px_and_screenshots_are_saved(browser, site_url: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    wide = []
    for width in (375, 1280):
        page = browser.new_page(viewport={"width": width, "height": 800})
        for kind, url in PAGE_TYPES.items():
            page.goto(site_url + url)
            page.wait_for_load_state("networkidle")
            if width == 375 and page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
                wide.append(kind)
        page.goto(site_url + BRIEFING)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(ARTIFACTS / f"briefing-{width}px.png"), full_page=True)
        page.close()
    assert wide == []
    assert (ARTIFACTS / "briefing-375px.png").stat().st_size > 10_000


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


@pytest.mark.browser
@pytest.mark.parametrize("url", ["archive/by-year/2023-24/", "archive/"])
def test_an_archive_year_prints_its_totals_after_its_rows(browser, site_url: str, url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + url)
    page.wait_for_load_state("networkidle")
    _, text = pdf_text(page.pdf(format="A4", print_background=True, prefer_css_page_size=True))
    page.close()
    text = " ".join(text.split())
    year = text[text.index("2023/24") :] if url == "archive/" else text
    rows = ["When police attend domestic abuse", "Hearing the child in", "Adolescents at risk of"]
    last_row = max(year.index(" ".join(title.split()[:3])) for title in rows)
    assert year.index("Multi-agency case audit: 3 audits") > last_row
    if url != "archive/":
        assert year.index("Total: 3 MACAs") > last_row


@pytest.mark.browser
def test_a_briefing_prints_on_at_most_two_a4_pages_with_all_six_steps(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + BRIEFING)
    page.wait_for_load_state("networkidle")
    pages, text = pdf_text(page.pdf(format="A4", print_background=True, prefer_css_page_size=True))
    page.close()
    assert pages <= 2
    for title in STEP_TITLES:
        assert title in text
    assert "Exit this page" not in text and "Search" not in text.split("\n")[0]
    assert "Published" in text and "example.github.io/briefings/" + BRIEFING in text.replace("\n", "")


@pytest.mark.browser
def test_downloadable_pdf_for_every_published_briefing_and_none_for_drafts_or_restricted(sample_site: Path) -> None:
    everything = check(REPO, "content", include_drafts=True).briefings
    published = [b for b in everything if b.status is Status.PUBLISHED]
    hidden = [b for b in everything if b.status is not Status.PUBLISHED]
    assert hidden
    for b in published:
        pdf = sample_site / "briefings" / f"{b.slug}.pdf"
        pages, text = pdf_text(pdf.read_bytes())
        assert pages >= 1 and b.title.split(":")[0] in text.replace("\n", " ")
        link = re.search(
            r'href="../[^"]+\.pdf" download>Download this briefing as a PDF \(A4, (\d+) KB\)',
            (sample_site / "briefings" / b.slug / "index.html").read_text(),
        )
        assert link and int(link.group(1)) == round(pdf.stat().st_size / 1000)
        assert PdfReader(pdf).trailer["/Root"].get("/MarkInfo", {}).get("/Marked")  # a tagged PDF
    for b in hidden:
        assert not (sample_site / "briefings" / f"{b.slug}.pdf").exists()


def test_plain_text_and_team_record_come_from_the_same_source(sample_site: Path) -> None:
    text = (sample_site / "briefings/2024-06-neglect-under-fives.txt").read_text()
    for number, title in enumerate(STEP_TITLES, start=1):
        assert f"{number}. {title.upper()}" in text
    assert "Action plan: 1 of 4 complete" in text
    record = (sample_site / BRIEFING / "record/index.html").read_text()
    assert (
        "What does the child&#39;s day look like from getting up to going to bed?" in record
        or "What does the child's day look like" in record
    )
    assert "What our team will do" in record
    briefing = (sample_site / BRIEFING / "index.html").read_text()
    assert 'href="../2024-06-neglect-under-fives.txt"' in briefing and 'href="record/"' in briefing
    assert "Using this briefing in your team" in briefing


def test_every_page_has_exit_control_footer_statement_and_feedback(sample_site: Path) -> None:
    for url in PAGE_TYPES.values():
        html = (sample_site / url / "index.html").read_text()
        assert 'href="https://www.bbc.co.uk/weather" rel="nofollow noreferrer" data-exit-this-page' in html, url
        assert re.search(r'href="(?:[./]*accessibility/|\./)">Accessibility statement</a>', html), url
        assert "Give feedback or suggest a topic" in html, url


@pytest.mark.browser
def test_exit_this_page_replaces_the_page_on_shift_three_times(browser, site_url: str) -> None:
    page = browser.new_page()
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"))
    page.goto(site_url + BRIEFING)
    page.wait_for_load_state("networkidle")
    before = page.evaluate("history.length")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("https://www.bbc.co.uk/weather")
    assert page.evaluate("history.length") == before  # replaced, so Back does not return to the briefing
    page.close()


@pytest.mark.browser
def test_filters_are_plain_links_that_narrow_the_lists(browser, site_url: str, sample_site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "briefings/")
    page.click(".filters a:text-is('2023/24')")
    assert page.url.endswith("/briefings/by-year/2023-24/")
    titles = page.locator(".briefing-card__title a").all_inner_texts()
    expected = [
        b.title for b in check(REPO, "content").briefings if b.reporting_year == "2023/24" and b.status is Status.PUBLISHED
    ]
    assert sorted(titles) == sorted(expected)
    page.goto(site_url + "archive/")
    page.click(".filters a:text-is('Thematic audit')")
    assert page.locator("tbody th a").all_inner_texts() == ["Escalation and professional challenge across the partnership"]
    context.close()


def test_every_page_passes_the_nu_html_checker_with_listed_ignores(sample_site: Path) -> None:
    checked = nu_html_check("--skip-non-html", str(sample_site))
    messages, ignored = checked.messages, checked.ignored
    assert len(list(sample_site.rglob("*.html"))) > 40
    assert checked.unexplained == []
    assert all(any(i in m["message"] for m in messages) for i in ignored), "an ignore no longer matches anything: remove it"
