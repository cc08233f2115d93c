"""The built site: URL layout, briefing structure, archive totals, search, feed and leak tests."""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.model import STEPS
from tests.support import DRAFT_MARKERS, PUBLISHED, RESTRICTED_MARKERS, article, build_site, make_project, page

STEP_HEADINGS = [f"{n} {title}" for n, (_, title) in enumerate(STEPS, start=1)]
ATOM = "{http://www.w3.org/2005/Atom}"


def h2_texts(soup: BeautifulSoup) -> list[str]:
    return [h.get_text(" ", strip=True).removesuffix("¶").strip() for h in soup.select("article h2")]


def site_texts(site: Path) -> dict[str, str]:
    """Every file's text, including inside the gzipped sitemap and search index; other binaries are skipped."""
    texts = {}
    for file in site.rglob("*"):
        if file.suffix in {".html", ".json", ".xml", ".txt", ".js", ".css", ".csv"}:
            texts[file.relative_to(site).as_posix()] = file.read_text(encoding="utf-8", errors="replace")
        elif file.suffix == ".gz" or file.suffix.startswith(".pf_"):
            texts[file.relative_to(site).as_posix()] = gzip.decompress(file.read_bytes()).decode("utf-8", errors="replace")
    return texts


def search_fragments(site: Path) -> dict[str, str]:
    """What the Pagefind index holds for each page: URL -> indexed text."""
    fragments = {}
    for file in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(file.read_bytes()).removeprefix(b"pagefind_dcd"))
        fragments[data["url"]] = data["content"] + " " + json.dumps(data["meta"])
    return fragments


def test_every_page_of_the_url_layout_exists(public_site: Path) -> None:
    expected = ["", "briefings/", "archive/", "showcase/", "themes/", "about/"]
    expected += [f"briefings/{slug}/" for slug in PUBLISHED]
    expected += [f"themes/{key}/" for key in ("voice-of-the-child", "neglect", "domestic-abuse", "information-sharing")]
    missing = [url for url in expected if not (public_site / url / "index.html").is_file()]
    assert missing == []
    assert (public_site / "feed.xml").is_file()


@pytest.mark.parametrize("slug", PUBLISHED)
def test_briefing_shows_six_numbered_steps_in_contract_order(public_site: Path, slug: str) -> None:
    soup = page(public_site, f"briefings/{slug}/")
    assert h2_texts(soup)[:6] == STEP_HEADINGS
    assert len(soup.select("h1")) == 1


def test_a_briefing_has_its_title_description_and_table_of_contents(public_site: Path) -> None:
    """The core hands MkDocs finished HTML: what MkDocs would have taken from Markdown comes from the page's outline."""
    soup = page(public_site, "briefings/autumn-maca/")
    title = soup.select_one("article h1").get_text(strip=True).removesuffix("¶")
    assert soup.title is not None and soup.title.get_text().startswith(f"{title} - ")
    summary = soup.select_one(".briefing-summary").get_text()
    assert soup.select_one('meta[name="description"]')["content"] == summary
    contents = [link["href"] for link in soup.select("nav.md-nav--secondary a.md-nav__link")]
    assert contents[:7] == [f"#{anchor}" for anchor, _ in STEPS[:5]] + ["#action-plan", f"#{STEPS[5][0]}"]


def test_briefing_facts_panel(public_site: Path) -> None:
    facts = article(public_site, "briefings/year-start-maca/").select_one("dl.briefing-facts")
    pairs = {dt.get_text(strip=True): " ".join(dt.find_next_sibling("dd").get_text().split()) for dt in facts.select("dt")}
    assert pairs["Type"] == "Multi-agency case audit"
    assert pairs["Audit date"] == "1 April 2024 (reporting year 2024/25)"
    assert pairs["Cases audited"] == "4"
    assert pairs["Children"] == "7"
    assert pairs["Agencies"] == "Police, Health"
    assert pairs["Themes"] == "Neglect"


def test_step_six_uses_theme_questions_only_when_the_author_wrote_none(public_site: Path) -> None:
    defaults = article(public_site, "briefings/year-end-maca/").select_one("#questions-for-reflection + div")
    assert [li.get_text() for li in defaults.select("li")] == [
        "What does the child's day look like?",
        "How do you record what the child has told you, in their words?",
    ]
    own = article(public_site, "briefings/year-start-maca/").select_one("#questions-for-reflection + div")
    assert [li.get_text() for li in own.select("li")] == ["Did the April audit ask its own question?"]


def test_review_notice_once_review_date_has_passed(public_site: Path) -> None:
    notice = article(public_site, "briefings/standalone-review/").select_one(".briefing-notice--review")
    assert "due for review on 1 January 2025" in notice.get_text(" ", strip=True)
    assert article(public_site, "briefings/year-end-maca/").select_one(".briefing-notice--review") is None


def year_headings(soup: BeautifulSoup) -> list:
    """The archive's reporting-year sections (ids like year-2024-25)."""
    return [h2 for h2 in soup.select("h2") if re.fullmatch(r"year-\d{4}-\d{2}", h2.get("id", ""))]


def archive_totals(site: Path) -> dict[str, list[str]]:
    soup = article(site, "archive/")
    return {
        h2.get_text(" ", strip=True).removesuffix("¶").strip(): [
            li.get_text(" ", strip=True) for li in h2.find_next("ul", class_="year-totals").select("li")
        ]
        for h2 in year_headings(soup)
    }


def test_archive_groups_by_reporting_year_at_31_march_and_1_april(public_site: Path) -> None:
    soup = article(public_site, "archive/")
    rows = {
        h2.get_text(" ", strip=True).removesuffix("¶").strip(): [a.get_text() for a in h2.find_next("table").select("tbody th a")]
        for h2 in year_headings(soup)
    }
    assert rows == {
        "2024/25": ["Autumn audit of domestic abuse", "Audit on the first day of April"],
        "2023/24": ["Audit on the last day of March", "Thematic survey on information sharing"],
    }
    assert archive_totals(public_site) == {
        "2024/25": ["Multi-agency case audit: 2 audits, 6 cases and 9 children"],
        "2023/24": [
            "Multi-agency case audit: 1 audit, 3 cases and 5 children",
            "Thematic audit: 1 audit, 12 cases and 0 children",
        ],
    }


def test_partners_archive_counts_the_restricted_audit(partners_site: Path) -> None:
    assert archive_totals(partners_site)["2024/25"] == ["Multi-agency case audit: 3 audits, 7 cases and 10 children"]


def test_showcase_links_each_entry_to_its_anchor_on_the_briefing(public_site: Path) -> None:
    links = [a["href"] for a in article(public_site, "showcase/").select(".practice-card__title a")]
    assert links == [
        "../briefings/year-start-maca/#gp-health-visitor-noticed-the-pattern",
        "../briefings/year-start-maca/#gp-police-officer-spoke-to-the-child-alone",
    ]
    briefing = page(public_site, "briefings/year-start-maca/")
    assert briefing.select_one("#gp-health-visitor-noticed-the-pattern").name == "h3"


def test_theme_page_lists_briefings_and_good_practice(public_site: Path) -> None:
    soup = article(public_site, "themes/information-sharing/")
    briefings = [a.get_text() for a in soup.select(".briefing-card__title a")]
    entries = [a.get_text() for a in soup.select(".practice-card__title a")]
    assert briefings == ["Learning from a standalone review", "Thematic survey on information sharing"]
    assert entries == ["Health visitor noticed the pattern"]


def test_briefings_list_is_newest_first(public_site: Path) -> None:
    titles = [a.get_text() for a in article(public_site, "briefings/").select(".briefing-card__title a")]
    assert titles == [
        "Autumn audit of domestic abuse",
        "Learning from a standalone review",
        "Audit on the first day of April",
        "Audit on the last day of March",
        "Thematic survey on information sharing",
    ]


def test_search_index_covers_every_published_briefing_and_nothing_else(public_site: Path) -> None:
    fragments = search_fragments(public_site)
    assert sorted(fragments) == sorted(f"/briefings/{slug}/" for slug in PUBLISHED)
    for slug in ("year-end-maca", "autumn-maca"):
        text = fragments[f"/briefings/{slug}/"]
        assert "Summary of" in text and '"summary": "Summary of' in text
        assert "Voice of the child" in text
        for _, heading in STEPS:
            assert heading in text
    assert "Worries in Autumn audit of domestic abuse" in fragments["/briefings/autumn-maca/"]
    entry = json.loads((public_site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en-gb"]["page_count"] == len(PUBLISHED)


def test_feed_lists_published_briefings_with_absolute_links(public_site: Path) -> None:
    feed = ET.fromstring((public_site / "feed.xml").read_bytes())
    links = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
    assert links == [
        f"https://example.github.io/briefings/briefings/{slug}/"
        for slug in ("autumn-maca", "standalone-review", "year-start-maca", "year-end-maca", "thematic-survey")
    ]
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Northbrook Safeguarding Children Partnership"  # Atom needs one


def test_public_build_leaks_nothing_from_drafts_or_restricted_items(public_site: Path) -> None:
    texts = site_texts(public_site)
    assert {"sitemap.xml", "sitemap.xml.gz", "feed.xml", "index.html", "archive.csv", "archive.json"} <= set(texts)
    assert any(name.startswith("pagefind/fragment/") for name in texts)
    leaks = [name for name, text in texts.items() for marker in DRAFT_MARKERS + RESTRICTED_MARKERS if marker in text.lower()]
    assert leaks == []


def test_partners_build_has_restricted_but_never_drafts(partners_site: Path) -> None:
    texts = site_texts(partners_site)
    assert "Narwhal practice text" in texts["briefings/narwhal-restricted/index.html"]
    assert "/briefings/narwhal-restricted/" in search_fragments(partners_site)
    assert "narwhal-restricted" in texts["sitemap.xml"]
    assert [name for name, text in texts.items() for marker in DRAFT_MARKERS if marker in text.lower()] == []


def test_every_internal_link_resolves(public_site: Path) -> None:
    """Pages link relatively; only the page not found links from the root of site_url's path (/briefings/), as
    it is served at any depth of a missing address."""
    broken = []
    for file in public_site.rglob("*.html"):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for a in soup.select("article a[href]"):
            href = a["href"]
            if href.startswith(("http:", "https:", "mailto:", "tel:", "#")):
                continue
            base = public_site if href.startswith("/briefings/") else file.parent
            target = (base / href.removeprefix("/briefings/").split("#")[0]).resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{file.relative_to(public_site)} -> {href}")
    assert broken == []


def test_bullets_pasted_from_word_are_a_list_on_the_page_and_in_the_text(public_site: Path) -> None:
    page = article(public_site, "briefings/autumn-maca/")
    items = [
        li.get_text(" ", strip=True)
        for li in page.select_one("#what-worked-well + .step-body > ul").find_all("li", recursive=False)
    ]
    assert items[:2] == [
        "Police shared the call-out within hours with the school’s safeguarding lead",
        "Health visitors asked about the incident",
    ]
    assert "•" not in page.get_text() and "◦" not in page.get_text()
    text = (public_site / "briefings/autumn-maca.txt").read_text()
    assert "-  Police shared the call-out within hours\n\n   -  with the school’s safeguarding lead" in text


def test_lists_flag_a_briefing_due_for_review(public_site: Path) -> None:
    cards = {
        card.select_one(".briefing-card__title a").get_text(): card.select_one(".status-tag--review") is not None
        for card in article(public_site, "briefings/").select(".briefing-card")
    }
    assert cards["Learning from a standalone review"] is True  # review date 2025-01-01, built on 2025-06-01
    assert sum(cards.values()) == 1


@pytest.mark.parametrize("section", ["archive", "briefings"])
def test_type_and_year_combine_as_plain_links(public_site: Path, section: str) -> None:
    """MACAs in one reporting year: a type's page links each year it occurs in, and back to all years."""
    narrowed = article(public_site, f"{section}/by-type/maca/2024-25/")
    titles = sorted(a.get_text() for a in narrowed.select("tbody th a, .briefing-list h3 a, .briefing-list a"))
    assert titles == ["Audit on the first day of April", "Autumn audit of domestic abuse"]
    rows = narrowed.select(".filters__row")
    by_year = rows[-1]
    assert by_year.select_one(".filters__label").get_text() == "Multi-agency case audit by year:"
    assert [a.get_text() for a in by_year.select("a")] == ["All years", "2024/25", "2023/24"]
    assert by_year.select_one("[aria-current=page]").get_text() == "2024/25"
    assert (
        next(r for r in rows if "Type:" in r.get_text()).select_one("[aria-current=page]").get_text() == "Multi-agency case audit"
    )
    whole_type = article(public_site, f"{section}/by-type/maca/")
    assert whole_type.select(".filters__row")[-1].select_one("[aria-current=page]").get_text() == "All years"
    assert (public_site / section / "by-type/maca/2023-24/index.html").is_file()
    assert not (public_site / section / "by-type/thematic/2024-25").exists()


def test_a_shared_link_shows_the_page_title_and_summary(public_site: Path, tmp_path: Path) -> None:
    meta = {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in page(public_site, "briefings/autumn-maca/").select("meta[property^='og:'], meta[name^='twitter:']")
    }
    assert meta["og:title"] == meta["twitter:title"] == "Autumn audit of domestic abuse"
    assert meta["og:description"] == "Summary of Autumn audit of domestic abuse for testing."
    assert meta["og:url"] == "https://example.github.io/briefings/briefings/autumn-maca/"
    assert meta["og:type"] == "article" and meta["og:locale"] == "en_GB" and meta["og:site_name"]
    root = make_project(tmp_path / "hostile")
    audit = root / "content/audits/autumn-maca.md"
    hostile = 'x" http-equiv="refresh" content="0;url=https://evil.example'
    audit.write_text(audit.read_text().replace("title: Autumn audit of domestic abuse", f"title: '{hostile}'"))
    built = page(build_site(root, "--pdf", "skip"), "briefings/autumn-maca/")
    assert not built.select("meta[http-equiv=refresh]")
    assert built.select_one("meta[property='og:title']")["content"] == hostile
