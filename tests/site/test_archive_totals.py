"""Archive totals by type: one set of expected numbers, checked on every page and file that shows them."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup

from tests.support import build_site, make_project

STEPS = "\n".join(
    f"## {step}\n\n{step} of the {{slug}} audit.\n"
    for step in (
        "Background",
        "Why it matters",
        "What worked well",
        "What we are worried about",
        "What needs to happen",
    )
)

AUDITS = {
    # slug: (type, date, cases, children)
    "spring-maca": ("maca", "2016-05-10", 6, 5),
    "autumn-maca-one": ("maca", "2016-09-12", 6, 4),
    "third-maca-of-the-year": ("maca", "2017-02-20", 6, 6),
    "records-single-agency": ("single-agency", "2016-11-01", 150, None),
    "thematic-no-counts": ("thematic", "2018-06-01", None, None),
    "later-maca": ("maca", "2019-01-15", 4, 7),
}
EXPECTED = [
    {"reporting_year": "2016/17", "type": "maca", "audits": 3, "cases": 18, "children": 15, "not_recorded": 0},
    {"reporting_year": "2016/17", "type": "single-agency", "audits": 1, "cases": 150, "children": None, "not_recorded": 1},
    {"reporting_year": "2018/19", "type": "maca", "audits": 1, "cases": 4, "children": 7, "not_recorded": 0},
    {"reporting_year": "2018/19", "type": "thematic", "audits": 1, "cases": None, "children": None, "not_recorded": 1},
]
for _row, _missing in zip(EXPECTED, [(0, 0), (0, 1), (0, 0), (1, 1)], strict=True):
    _row |= dict(zip(("cases_not_recorded", "children_not_recorded"), _missing, strict=True))
"""The one set of expected figures: 2017/18 has no audit, single-agency and thematic audits never add to a MACA total."""
IN_WORDS = {
    "2016/17": [
        "Multi-agency case audit: 3 audits, 18 cases and 15 children",
        "Single-agency audit: 1 audit, 150 cases and children not recorded",
    ],
    "2018/19": [
        "Multi-agency case audit: 1 audit, 4 cases and 7 children",
        "Thematic audit: 1 audit, cases not recorded and children not recorded",
    ],
}


def audit(slug: str, kind: str, day: str, cases: int | None, children: int | None) -> str:
    counts = "".join(f"{name}: {value}\n" for name, value in (("cases", cases), ("children", children)) if value is not None)
    return (
        f"---\ntitle: {slug.replace('-', ' ').capitalize()}\ntype: {kind}\ndate: {day}\nstatus: published\n{counts}"
        f"agencies: [police, health]\nthemes: [neglect]\nsummary: What the {slug.replace('-', ' ')} found.\n---\n\n"
        + STEPS.format(slug=slug)
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("totals") / "project")
    shutil.rmtree(root / "content/audits")
    (root / "content/audits").mkdir()
    for slug, fields in AUDITS.items():
        (root / "content/audits" / f"{slug}.md").write_text(audit(slug, *fields))
    taxonomy = root / "content/taxonomy.yml"
    taxonomy.write_text(
        taxonomy.read_text().replace(
            "  thematic: Thematic audit\n", "  thematic: Thematic audit\n  single-agency: Single-agency audit\n"
        )
    )
    return build_site(root, "--pdf", "skip")


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def cells(table) -> dict[str, list[str]]:
    return {
        row.th.get_text(" ", strip=True): [td.get_text(" ", strip=True) for td in row.select("td")]
        for row in table.select("tbody tr")
    }


def test_open_data_holds_the_totals_by_type(site: Path) -> None:
    assert json.loads((site / "archive.json").read_text())["totals"] == EXPECTED
    rows = list(csv.DictReader(io.StringIO((site / "archive-totals.csv").read_text())))
    assert rows == [{key: "" if value is None else str(value) for key, value in row.items()} for row in EXPECTED]
    per_audit = list(csv.DictReader(io.StringIO((site / "archive.csv").read_text())))
    assert len(per_audit) == len(AUDITS)  # still one row per audit


def test_open_data_says_which_count_each_audit_left_out(tmp_path: Path) -> None:
    """Two thematic audits of a year, one without its children's count and one without its cases': `not_recorded` said 2,
    as for two audits without either, and a spreadsheet could not tell that both sums were partial."""
    root = make_project(tmp_path / "project")
    shutil.rmtree(root / "content/audits")
    (root / "content/audits").mkdir()
    for slug, fields in {
        "cases-only": ("thematic", "2024-05-01", 6, None),
        "children-only": ("thematic", "2024-06-01", None, 5),
    }.items():
        (root / "content/audits" / f"{slug}.md").write_text(audit(slug, *fields))
    site = build_site(root, "--pdf", "skip")
    row = {"reporting_year": "2024/25", "type": "thematic", "audits": 2, "cases": 6, "children": 5, "not_recorded": 2}
    row |= {"cases_not_recorded": 1, "children_not_recorded": 1}
    assert json.loads((site / "archive.json").read_text())["totals"] == [row]
    assert list(csv.DictReader(io.StringIO((site / "archive-totals.csv").read_text()))) == [
        {key: str(value) for key, value in row.items()}
    ]


def test_the_archive_states_each_type_apart_and_charts_every_year(site: Path) -> None:
    page = soup(site, "archive/")
    stated = {
        h2.get_text(strip=True).rstrip("¶"): [li.get_text() for li in h2.find_next("ul", class_="year-totals").select("li")]
        for h2 in page.select("h2[id^=year-2]")
    }
    assert stated == IN_WORDS
    audits_table, maca_table = page.select(".chart-data table")
    assert [th.get_text() for th in audits_table.select("thead th")] == [
        "Reporting year",
        "Multi-agency case audit",
        "Thematic audit",
        "Single-agency audit",
    ]
    assert cells(audits_table) == {"2016/17": ["3", "0", "1"], "2017/18": ["0", "0", "0"], "2018/19": ["1", "1", "0"]}
    assert cells(maca_table) == {"2016/17": ["3", "18", "15"], "2017/18": ["0", "0", "0"], "2018/19": ["1", "4", "7"]}
    for svg, table in ((page.select_one("svg#chart-audits"), audits_table), (page.select_one("svg#chart-macas"), maca_table)):
        assert [t.get_text() for t in svg.select("text.chart-label")][:3] == [
            "2016/17",
            "2017/18",
            "2018/19",
        ]  # the empty year too
        drawn = sorted(int(t.get_text()) for t in svg.select("text.chart-value"))
        counted = [row[1:] for row in cells(table).values()] if svg["id"] == "chart-macas" else list(cells(table).values())
        assert drawn == sorted(int(n) for row in counted for n in row if n != "0")


def test_the_home_page_counts_macas_apart(site: Path) -> None:
    ways_in = soup(site, "").select_one(".home-ways-in").get_text(" ", strip=True)
    assert "MACA archive : 4 MACAs with 22 cases and 22 children, and 2 other audits, by reporting year" in ways_in


def test_a_year_page_reports_like_an_annual_report(site: Path) -> None:
    page = soup(site, "archive/by-year/2016-17/")
    assert [li.get_text() for li in page.select(".year-totals li")] == IN_WORDS["2016/17"]
    macas, others = page.select(".archive-year table")
    assert cells(macas) == {
        "Spring maca": ["10 May 2016", "6", "5", "Neglect"],
        "Autumn maca one": ["12 September 2016", "6", "4", "Neglect"],
        "Third maca of the year": ["20 February 2017", "6", "6", "Neglect"],
        "Total: 3 MACAs": ["", "18", "15", ""],
    }
    assert list(cells(others).values())[-1] == ["150", "not recorded", ""]
    assert "published audits only" in page.select_one(".year-report-intro").get_text()
    assert not (site / "archive/by-year/2017-18").exists()  # no audits, no page


def test_the_year_report_downloads_match_the_page(site: Path) -> None:
    page = soup(site, "archive/by-year/2016-17/")
    document = docx.Document(site / "archive/by-year/2016-17.docx")
    page_tables = [
        [[c.get_text(" ", strip=True) for c in row.select("th, td")] for row in t.select("tr")]
        for t in page.select(".archive-year table")
    ]
    word_tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    assert [row[:4] for row in word_tables[0]] == [
        ["Audit", "Date", "Cases", "Children"],
        *[row[:4] for row in page_tables[0][1:]],
    ]
    assert word_tables[0][-1][0] == "Total: 3 MACAs" and word_tables[0][-1][2:4] == ["18", "15"]
    texts = [(p.style.name, p.text) for p in document.paragraphs]
    totals = texts[texts.index(("Heading 2", "Totals")) + 1 : texts.index(("Heading 2", "Themes"))]
    assert totals == [("List Bullet", line) for line in IN_WORDS["2016/17"]]  # after the tables, as on the page
    headings = [text for style, text in texts if style == "Heading 2"]
    assert headings == ["Multi-agency case audits", "Other audits", "Totals", "Themes", "Actions", "Key learning"]
    assert document.core_properties.author and "python" not in document.core_properties.author.lower()
    rows = list(csv.DictReader(io.StringIO((site / "archive/by-year/2016-17.csv").read_text())))
    assert sorted(r["slug"] for r in rows) == [
        "autumn-maca-one",
        "records-single-agency",
        "spring-maca",
        "third-maca-of-the-year",
    ]


def test_a_year_not_over_says_its_figures_are_so_far_and_a_themes_totals_say_whose_they_are(tmp_path: Path) -> None:
    """A year's totals read as a whole year's while the year was still under way (the 2024/25 page, built in March 2025,
    said nothing of it), and a theme's archive page headed its totals "Totals for 2024/25" though they counted only that
    theme's audits."""
    site = build_site(make_project(tmp_path / "project"), "--pdf", "skip", "--build-date", "2025-03-01")
    so_far = "The year is not over: its figures are those of the audits published by 1 March 2025."
    assert so_far in soup(site, "archive/by-year/2024-25/").select_one(".year-report-intro").get_text()
    assert so_far in [p.text for p in docx.Document(site / "archive/by-year/2024-25.docx").paragraphs][1]
    archive = soup(site, "archive/")
    notes = [note.get_text() for note in archive.select(".year-totals-note")]
    assert notes == [so_far], notes  # 2024/25 alone: 2023/24 is over
    heading = soup(site, "archive/by-theme/neglect/").select_one(".year-totals-heading").get_text()
    assert heading == "Totals for 2024/25 of the audits on Neglect alone, by type of audit:"
    over = build_site(make_project(tmp_path / "later"), "--pdf", "skip", "--build-date", "2025-06-01")
    assert not soup(over, "archive/").select(".year-totals-note")
    assert "not over" not in soup(over, "archive/by-year/2024-25/").get_text()


def test_large_counts_are_shown_with_thousands_parted(tmp_path: Path) -> None:
    """ "1000027 cases" was hard to read at a glance; a records audit of 1,250 cases reads as a practitioner writes it."""
    root = make_project(tmp_path / "project")
    (root / "content/audits/records-audit.md").write_text(audit("records-audit", "thematic", "2024-09-01", 1250, 1300))
    site = build_site(root, "--pdf", "skip")
    archive = soup(site, "archive/")
    assert "Thematic audit: 1 audit, 1,250 cases and 1,300 children" in [
        li.get_text() for li in archive.select(".year-totals li")
    ]
    row = next(tr for tr in archive.select(".archive-year tr") if "Records audit" in tr.get_text())
    assert [td.get_text() for td in row.select("td")][2:4] == ["1,250", "1,300"]
    assert "1,250" in [
        c.text for t in docx.Document(site / "archive/by-year/2024-25.docx").tables for r in t.rows for c in r.cells
    ]
    facts = [dd.get_text() for dd in soup(site, "briefings/records-audit/").select("dd")]
    assert "1,250" in facts and "1,300" in facts
    assert "Cases audited: 1,250" in (site / "briefings/records-audit.txt").read_text()
