"""Closing the loop: action plans, progress, /actions/, charts, recurring themes and open data."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from generator.pipeline import check
from tests.support import BASE, article, build_site, make_project, page, write

PLAN_HEADER = "\n## Action plan\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n"
GOOD_ROW = "| Do the thing | police | 2025-01-31 | In progress |\n"
ROW_LINE = 37  # the first table row after BASE + PLAN_HEADER


def plan(rows: str, header: str = PLAN_HEADER) -> str:
    return BASE + header + rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            plan("| Do the thing | polise | 2025-01-31 | In progress |\n"),
            f"{ROW_LINE}: action plan: Owner 'polise' is not an agency or group key (did you mean 'police'?); use one of: police, "
            "health, children-social-care, education, qa-subgroup (agencies and groups in taxonomy.yml)",
        ),
        (
            plan("| Do the thing | police | 31/01/2025 | In progress |\n"),
            f"{ROW_LINE}: action plan: Due '31/01/2025' is not a date; write YYYY-MM-DD, e.g. 2025-03-31",
        ),
        (
            plan("| Do the thing | police | 2025-02-30 | In progress |\n"),
            f"{ROW_LINE}: action plan: Due '2025-02-30' is not a date; write YYYY-MM-DD, e.g. 2025-03-31",
        ),
        (
            plan("| Do the thing | police | 2025-01-31 | Done |\n"),
            f"{ROW_LINE}: action plan: Status 'Done' is not allowed; use one of: Not started, In progress, Complete",
        ),
        (plan("|  | police | 2025-01-31 | Complete |\n"), f"{ROW_LINE}: action plan: Action is empty; say what will be done"),
        (
            plan("| Use [the toolkit](https://example.org/t) at every visit | police | 2025-01-31 | Complete |\n"),
            f"{ROW_LINE}: action plan: [the toolkit](https://example.org/t) is shown as written in the table, brackets and "
            "all: name the page or document instead, and link to it under '## What needs to happen'",
        ),
        (
            plan("| Add the flowchart ![flow](flow.png) | police | 2025-01-31 | Complete |\n"),
            f"{ROW_LINE}: action plan: ![flow](flow.png) is shown as written in the table, brackets and all: name the page "
            "or document instead, and link to it under '## What needs to happen'",
        ),
        (
            plan("| Read [the toolkit [2024]](https://example.org/t) again | police | 2025-01-31 | Complete |\n"),
            f"{ROW_LINE}: action plan: [the toolkit [2024]](https://example.org/t) is shown as written in the table, "
            "brackets and all: name the page or document instead, and link to it under '## What needs to happen'",
        ),
        (
            plan("| Use <b>the</b> toolkit | police | 2025-01-31 | Complete |\n"),
            f"{ROW_LINE}: action plan: <b> is shown as written in the table, marks and all: write the action as plain text "
            "(the table's own columns say who, when and how far)",
        ),
        (
            plan("| Use the toolkit **every** time | police | 2025-01-31 | Complete |\n"),
            f"{ROW_LINE}: action plan: **every** is shown as written in the table, marks and all: write the action as plain "
            "text (the table's own columns say who, when and how far)",
        ),
        (
            plan("| Tell A&amp;E | police | 2025-01-31 | Complete |\n"),
            f"{ROW_LINE}: action plan: &amp; is shown as written in the table, marks and all: write the action as plain text "
            "(the table's own columns say who, when and how far)",
        ),
        (
            plan("| Do the thing | police | 2025-01-31 |\n"),
            f"{ROW_LINE}: action plan: this row has 3 cells; give exactly 4: Action | Owner | Due | Status",
        ),
        (
            plan(GOOD_ROW, "\n## Action plan\n\n| Action | Owner | Status |\n|---|---|---|\n"),
            "35: action plan: missing column 'Due'; the columns are exactly: Action | Owner | Due | Status",
        ),
        (
            plan(GOOD_ROW, "\n## Action plan\n\n| Action | Owner | Due | Status | Notes |\n|---|---|---|---|---|\n"),
            "35: action plan: extra column 'Notes'; the columns are exactly: Action | Owner | Due | Status",
        ),
        (
            plan(GOOD_ROW, "\n## Action plan\n\n| Owner | Action | Due | Status |\n|---|---|---|---|\n"),
            "35: action plan: put the columns in this order: Action | Owner | Due | Status",
        ),
        (
            plan(GOOD_ROW + "\nSee the board minutes.\n"),
            "39: action plan: only the action table may be in this section; move other text to '## What needs to happen'",
        ),
        (plan(""), "33: action plan: the table has no actions; add rows or remove the section"),
        (
            BASE + "\n## Action plan\n\nTo be agreed.\n",
            "35: action plan: only the action table may be in this section; move other text to '## What needs to happen'",
        ),
    ],
    ids=[
        "unknown owner",
        "bad date",
        "impossible date",
        "unknown status",
        "empty action",
        "link in an action",
        "picture in an action",
        "link with brackets in its words in an action",
        "html in an action",
        "bold in an action",
        "entity in an action",
        "missing cell",
        "missing column",
        "extra column",
        "column order",
        "stray text",
        "no rows",
        "no table",
    ],
)
def test_every_bad_action_cell_names_its_line(project: Path, text: str, expected: str) -> None:
    write(project, "content/audits/bad.md", text)
    found = [str(p) for p in check(project, "content").problems]
    assert f"content/audits/bad.md:{expected}" in found


def test_brackets_and_marks_that_are_no_markup_pass_in_an_action(project: Path) -> None:
    rows = [
        "Review [all] plans (quarterly) at A&E, 5* homes, x < y & 2 * 3",
        "Share the findings with A&E; publish a Q&A; raise grades from ** to ***",
        "Add 'Seen by ____ on ____' and [Yes][No] tick boxes to the template",
        "Audit cases of babies <one year old; update the children`s guide and the parents` leaflet",
        "End the use of B&Bs; for 16-17 year olds; actions marked (*) are new, (**) carried over",
        "*Provisional: move 12 children from 3* to 5* homes; add a <Date seen> field to the referral form",
        "Read [the guide] [1] again and note the [Yes][No] answers",
        "Add <S.47 date> and <Table 3>; review date: __/__/2025; re-referrals 22%*, England 18%*",
    ]
    write(project, "content/audits/ok.md", plan("".join(f"| {row} | police | 2025-01-31 | Complete |\n" for row in rows)))
    assert check(project, "content").problems == []


@pytest.mark.parametrize(
    "markup",
    ["<script>alert(1)</script>", "<https://example.org/guide>", "<!-- hidden -->", "**Priority 1**", "(*Good*)", "&ge;"],
)
def test_markup_a_reader_would_see_in_an_action_is_refused(project: Path, markup: str) -> None:
    write(project, "content/audits/bad.md", plan(f"| Agree {markup} actions | police | 2025-01-31 | Complete |\n"))
    found = [str(p) for p in check(project, "content").problems]
    assert len(found) == 1 and found[0].startswith(f"content/audits/bad.md:{ROW_LINE}: action plan: "), found
    assert "is shown as written in the table" in found[0]


def test_several_bad_cells_are_all_reported(project: Path) -> None:
    write(project, "content/audits/bad.md", plan("| A | nobody | 2025-01-31 | Done |\n| B | police | soon | Complete |\n"))
    assert [str(p).split(": action plan: ")[1].split(" ")[0] for p in check(project, "content").problems] == [
        "Owner",
        "Status",
        "Due",
    ]


def test_action_plan_is_only_for_audits(project: Path) -> None:
    briefing = (project / "content/briefings/standalone-review.md").read_text()
    write(project, "content/briefings/standalone-review.md", briefing + PLAN_HEADER + GOOD_ROW)
    assert any("'## Action plan' is only for audits" in str(p) for p in check(project, "content").problems)


def test_briefing_shows_progress_and_overdue_under_step_five(public_site: Path) -> None:
    soup = article(public_site, "briefings/year-start-maca/")
    heading = soup.select_one("#action-plan")
    assert heading.find_previous("h2").get("id") == "what-needs-to-happen"
    assert soup.select_one(".action-progress").get_text(" ", strip=True) == "Progress: 1 of 5 complete, 2 overdue."
    overdue = [
        row.select_one("td").get_text() for row in soup.select(".action-plan tbody tr") if row.select_one(".status-tag--overdue")
    ]
    assert overdue == ["Train officers to speak to children alone", "Audit chronologies"]


def test_archive_has_a_progress_column(public_site: Path) -> None:
    soup = article(public_site, "archive/")
    progress = {
        row.select_one("th a").get_text(): row.select("td")[-1].get_text() for row in soup.select(".archive-year tbody tr")
    }
    assert progress == {
        "Autumn audit of domestic abuse": "1 of 2 complete",
        "Audit on the first day of April": "1 of 5 complete, 2 overdue",
        "Audit on the last day of March": "None recorded",
        "Thematic survey on information sharing": "None recorded",
    }


def open_actions(site: Path) -> dict[str, list[tuple[str, bool]]]:
    soup = article(site, "actions/")
    return {
        h2.get_text(" ", strip=True).removesuffix("¶").strip(): [
            (row.select_one("td").get_text(), row.select_one(".status-tag--overdue") is not None)
            for row in h2.find_next("table").select("tbody tr")
        ]
        for h2 in soup.select("h2")
    }


def test_actions_page_groups_open_actions_by_owner_overdue_first(public_site: Path) -> None:
    assert open_actions(public_site) == {
        "Children's social care": [("Review the neglect toolkit", False)],
        "Health": [("Refresh the health visiting pathway", False)],
        "Police": [("Train officers to speak to children alone", True), ("Notify nurseries after police call-outs", False)],
        "Quality assurance sub-group": [("Audit chronologies", True)],
    }


def test_a_group_owns_an_action_shown_by_its_label(public_site: Path) -> None:
    """Boards and sub-groups own actions too (taxonomy.yml `groups:`): readers see the group's name, never its key."""
    rows = article(public_site, "briefings/year-start-maca/").select(
        "#action-plan ~ div table tbody tr, #action-plan ~ table tbody tr"
    )
    owners = {row.select("td")[0].get_text(): row.select("td")[1].get_text() for row in rows}
    assert owners["Audit chronologies"] == "Quality assurance sub-group"
    text = (public_site / "briefings/year-start-maca.txt").read_text()
    assert "Audit chronologies (Quality assurance sub-group, due 2025-05-31, Not started, OVERDUE)" in text
    assert "Share growth charts with the GP (Health, due 2024-09-30, Complete)" in text  # complete: never overdue


def test_good_practice_may_name_several_agencies(public_site: Path) -> None:
    page = article(public_site, "briefings/year-start-maca/")
    meta = page.select_one("#gp-police-officer-spoke-to-the-child-alone").find_next("p", class_="practice-meta")
    assert meta.get_text().startswith("Police, Children's social care ·")
    card = article(public_site, "showcase/").find(string="Police officer spoke to the child alone").find_parent("li")
    assert "Police, Children's social care" in " ".join(card.get_text().split())


def test_overdue_is_computed_from_the_injected_build_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path / "later")
    monkeypatch.chdir(root)
    from generator.cli import main

    assert main(["build", "--build-date", "2026-06-01"]) == 0
    assert all(overdue for items in open_actions(root / "site").values() for _, overdue in items)
    assert article(root / "site", "briefings/year-start-maca/").select_one(".action-progress").get_text(" ", strip=True) == (
        "Progress: 1 of 5 complete, 4 overdue."
    )


def maca_totals_table(site: Path) -> dict[str, tuple[int, int, int]]:
    rows = article(site, "archive/").select(".chart-data table")[1].select("tbody tr")
    return {r.th.get_text(): tuple(int(td.get_text()) for td in r.select("td")) for r in rows}


def test_open_data_parses_and_agrees_with_itself_and_the_archive(public_site: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((public_site / "archive.csv").read_text(encoding="utf-8"))))
    data = json.loads((public_site / "archive.json").read_text(encoding="utf-8"))
    assert (
        [r["slug"] for r in rows]
        == [a["slug"] for a in data["audits"]]
        == ["thematic-survey", "year-end-maca", "year-start-maca", "autumn-maca"]
    )
    for row, item in zip(rows, data["audits"], strict=True):
        assert row["title"] == item["title"] and row["reporting_year"] == item["reporting_year"]
        assert row["agencies"].split(";") == item["agencies"] and row["themes"].split(";") == item["themes"]
        assert int(row["actions_overdue"]) == item["actions_overdue"] and int(row["actions_total"]) == item["actions_total"]
        assert row["briefing_url"] == item["briefing_url"] == f"https://example.github.io/briefings/briefings/{item['slug']}/"
    totals: dict[tuple[str, str], list[int]] = {}
    for item in data["audits"]:
        year = totals.setdefault((item["reporting_year"], item["type"]), [0, 0, 0])
        year[0] += 1
        year[1] += item["cases"]
        year[2] += item["children"]
    assert {(t["reporting_year"], t["type"]): [t["audits"], t["cases"], t["children"]] for t in data["totals"]} == totals
    macas = {year: tuple(values) for (year, kind), values in totals.items() if kind == "maca"}
    assert macas == maca_totals_table(public_site)
    year_start = next(a for a in data["audits"] if a["slug"] == "year-start-maca")
    assert (year_start["actions_total"], year_start["actions_complete"], year_start["actions_overdue"]) == (5, 1, 2)


def test_open_data_of_a_public_build_has_no_restricted_or_draft_audit(public_site: Path, partners_site: Path) -> None:
    for name in ("archive.csv", "archive.json"):
        public = (public_site / name).read_text().lower()
        assert "narwhal" not in public and "quokka" not in public
        partners = (partners_site / name).read_text().lower()
        assert "narwhal-restricted" in partners and "quokka" not in partners


@pytest.mark.parametrize(
    ("url", "chart"), [("archive/", "chart-audits"), ("archive/", "chart-macas"), ("themes/", "chart-themes")]
)
def test_each_chart_is_named_and_has_a_table_with_the_same_numbers(public_site: Path, url: str, chart: str) -> None:
    soup = page(public_site, url)
    svg = soup.select_one(f"svg#{chart}")
    assert svg["role"] == "img"
    title, desc = svg["aria-labelledby"].split()
    assert soup.select_one(f"#{title}").name == "title" and soup.select_one(f"#{title}").get_text()
    assert soup.select_one(f"#{desc}").name == "desc"
    table = svg.find_next("table")
    columns = slice(1, None) if chart == "chart-macas" else slice(None)  # its table also counts the MACAs
    table_numbers = sorted(
        int(n) for row in table.select("tbody tr") for n in [td.get_text() for td in row.select("td")][columns] if n != "0"
    )
    chart_numbers = sorted(int(t.get_text()) for t in svg.select("text.chart-value") if t.get_text() != "0")
    assert chart_numbers == table_numbers


def test_themes_index_lists_recurring_themes_first(public_site: Path) -> None:
    items = article(public_site, "themes/").select(".theme-list li")
    labels = [(li.a.get_text(), li.select_one(".status-tag--recurring") is not None) for li in items]
    assert labels == [("Neglect", True), ("Voice of the child", True), ("Domestic abuse", False), ("Information sharing", False)]


def test_theme_page_shows_its_history(public_site: Path) -> None:
    soup = article(public_site, "themes/neglect/")
    assert soup.select_one(".theme-history").get_text() == "Audited in 2 reporting years: a recurring theme."
    history = [li.get_text(" ", strip=True) for li in soup.select(".theme-history-list li")]
    assert history == ["2024/25 : Audit on the first day of April", "2023/24 : Audit on the last day of March"]


def test_sample_site_has_actions_page_and_open_data(sample_site: Path) -> None:
    assert article(sample_site, "actions/").select("h2")
    assert json.loads((sample_site / "archive.json").read_text())["audits"]
    assert page(sample_site, "themes/").select_one("svg#chart-themes title")


def test_partners_actions_include_restricted_audits(partners_site: Path) -> None:
    assert ("Narwhal restricted action", True) in open_actions(partners_site)["Education"]


@pytest.mark.parametrize("title", ['=HYPERLINK("http://evil.example/","Open")', "+SUM(1,2)", "-2+3 cases", "@SUM(A1:A2)"])
def test_open_data_csv_never_holds_a_formula_and_the_json_keeps_the_text(tmp_path: Path, title: str) -> None:
    root = make_project(tmp_path / "formula")
    source = root / "content/audits/year-end-maca.md"
    source.write_text(re.sub(r"(?m)^title: .*$", "title: " + json.dumps(title), source.read_text(), count=1))
    site = build_site(root, "--pdf", "skip")
    rows = {r["slug"]: r for r in csv.DictReader(io.StringIO((site / "archive.csv").read_text(encoding="utf-8")))}
    assert rows["year-end-maca"]["title"] == "'" + title  # shown as text, run as nothing
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows.values() for cell in row.values())
    audits = {a["slug"]: a for a in json.loads((site / "archive.json").read_text(encoding="utf-8"))["audits"]}
    assert audits["year-end-maca"]["title"] == title
