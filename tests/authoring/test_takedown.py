"""When something must come down: withdrawn and superseded briefings, addresses that last, `briefings takedown`."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator.authoring.takedown import PLACEHOLDER_ORIGIN, TakedownRefused, Withdrawn, remote_steps, withdraw_text
from generator.cli import main
from generator.output.pdf import PDF_CACHE
from generator.pipeline import check
from tests.support import (
    BASE,
    BRIEFING,
    BUILD_DATE,
    CHROMIUM,
    REPO,
    WCAG_TAGS,
    build_site,
    every_text,
    make_project,
    nu_html_check,
    rebuild,
    served,
    write,
)

WITHDRAWN = "content/audits/withdrawn-maca.md"
TITLE = "Cold weather audit of neglect"
REASON = "A detail that could identify a family was published."
CANARIES = ["Zebrafinch", "Quillwort", "Lanternfish", "Peppermoth", "Gorsebloom", "Marbleglow", "Tinderbark"]
"""Words only the withdrawn briefing ever said: one in each place its text could reach a reader."""
WITHDRAWN_TEXT = f"""---
title: {TITLE}
type: maca
date: 2024-12-02
status: withdrawn
withdrawn_on: 2025-05-20
withdrawn_reason: {REASON}
superseded_by: standalone-review
previous_slugs: [cold-weather-maca]
cases: 3
children: 4
agencies: [police, health]
themes: [neglect, domestic-abuse]
summary: The Zebrafinch summary.
---

## Background

Quillwort background.

## Why it matters

Lanternfish matters.

## What worked well

It worked.

## What we are worried about

Peppermoth worries.

## What needs to happen

It happens.

## Good practice

### Gorsebloom practice
Agency: police
Themes: neglect

Marbleglow practice was seen.

## Action plan

| Action | Owner | Due | Status |
|---|---|---|---|
| Tinderbark action | police | 2025-01-31 | In progress |
"""
SUPERSEDED = "content/briefings/superseded-review.md"
RENAMED = "content/briefings/renamed-review.md"


def briefing(title: str, *extra: str) -> str:
    return BRIEFING.replace("title: Valid briefing", "\n".join([f"title: {title}", *extra]))


def takedown_content(root: Path) -> None:
    write(root, WITHDRAWN, WITHDRAWN_TEXT)
    write(root, SUPERSEDED, briefing("An older review of neglect", "superseded_by: standalone-review"))
    write(root, RENAMED, briefing("A renamed review of neglect", "previous_slugs: [old-review-name, older-name]"))


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = make_project(tmp_path_factory.mktemp("takedown") / "project")
    takedown_content(root)
    return {"public": build_site(root), "partners": build_site(root, "--audience", "partners", "--pdf", "skip")}


def all_texts(site: Path) -> dict[str, str]:
    """Every file as a reader gets it (see `every_text`), and each Word document's parts unzipped."""
    texts = every_text(site)
    for name in [n for n in texts if n.endswith(".docx")]:
        with zipfile.ZipFile(io.BytesIO((site / name).read_bytes())) as document:
            texts[name] = "\n".join(document.read(part).decode("utf-8", errors="replace") for part in document.namelist())
    return texts


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


# --- the contract -----------------------------------------------------------------------------


def test_the_sample_checks_and_the_takedown_content_is_valid(project: Path) -> None:
    takedown_content(project)
    checked = check(project, "content")
    assert checked.problems == []
    gone = next(b for b in checked.briefings if b.slug == "withdrawn-maca")
    assert (gone.summary, gone.steps, gone.good_practice, gone.actions, gone.themes) == ("", ("",) * 6, (), (), ())


def test_a_withdrawn_file_needs_only_what_its_notice_shows(project: Path) -> None:
    write(project, WITHDRAWN, WITHDRAWN_TEXT.split("cases:")[0] + "---\n")  # its text deleted, as the runbook says
    assert check(project, "content").problems == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("withdrawn_reason: " + REASON + "\n", ""),
            [
                f"{WITHDRAWN}:1: missing required field 'withdrawn_reason': add 'withdrawn_reason:' to the front matter; write "
                "why it was withdrawn as one plain-text paragraph of at most 500 characters"
            ],
        ),
        (
            ("withdrawn_on: 2025-05-20\n", ""),
            [
                f"{WITHDRAWN}:1: missing required field 'withdrawn_on': add 'withdrawn_on:' to the front matter; write an ISO "
                "date YYYY-MM-DD, e.g. 2024-03-31"
            ],
        ),
        (
            ("withdrawn_on: 2025-05-20", "withdrawn_on: 2024-11-30"),
            [f"{WITHDRAWN}:6: withdrawn_on: 2024-11-30 is before its date 2024-12-02; check for a typing slip"],
        ),
        (
            (REASON, "It said <b>too much</b>."),
            [
                f"{WITHDRAWN}:7: withdrawn_reason: has HTML or more than one paragraph; write why it was withdrawn as one "
                "plain-text paragraph of at most 500 characters"
            ],
        ),
        (
            (REASON, "\u201cIt said too much\u201d"),
            [
                f"{WITHDRAWN}:7: withdrawn_reason: is wrapped in curly quotes (\u201c \u201d, as Word types them), which YAML "
                'keeps as part of the text; use straight quotes instead: withdrawn_reason: "It said too much"'
            ],
        ),
        (
            (REASON, "The detail was #2 on the list"),
            [
                f"{WITHDRAWN}:7: withdrawn_reason: YAML reads everything after ' #' as a comment, so this would publish as "
                "'The detail was'; put the whole withdrawn_reason in straight double quotes, e.g. "
                "withdrawn_reason: \"The detail was #2 on the list\" (a comment needs two spaces before its '#')"
            ],
        ),
        (
            ("superseded_by: standalone-review", "superseded_by: standalone-reveiw"),
            [
                f"{WITHDRAWN}:8: superseded_by: no briefing has the slug 'standalone-reveiw' (did you mean "
                "'standalone-review'?); write the newer file's name without .md"
            ],
        ),
        (
            ("superseded_by: standalone-review", "superseded_by: withdrawn-maca"),
            [f"{WITHDRAWN}:8: superseded_by: a briefing cannot supersede itself; name the briefing that replaces it"],
        ),
        (
            ("superseded_by: standalone-review", "superseded_by: quokka-draft"),
            [f"{WITHDRAWN}:8: superseded_by: 'quokka-draft' is a draft, so the link would lead nowhere; publish it first"],
        ),
        (
            ("superseded_by: standalone-review", "superseded_by: narwhal-restricted"),
            [
                f"{WITHDRAWN}:8: superseded_by: 'narwhal-restricted' is restricted, so the public site would link to a page "
                "it does not have"
            ],
        ),
        (
            ("superseded_by: standalone-review", "superseded_by: Standalone Review"),
            [
                f"{WITHDRAWN}:8: superseded_by: 'Standalone Review' is not a slug (lowercase letters, digits and hyphens); write the slug (file name without .md) "
                "of the briefing that replaces this one"
            ],
        ),
        (
            ("previous_slugs: [cold-weather-maca]", "previous_slugs: [autumn-maca]"),
            [
                f"{WITHDRAWN}:9: previous_slugs: 'autumn-maca' is the address of content/audits/autumn-maca.md; an old "
                "address cannot be a current one"
            ],
        ),
        (
            ("previous_slugs: [cold-weather-maca]", "previous_slugs: [withdrawn-maca]"),
            [f"{WITHDRAWN}:9: previous_slugs: 'withdrawn-maca' is this file's own name, not an earlier one; remove it"],
        ),
        (
            ("previous_slugs: [cold-weather-maca]", "previous_slugs: [by-theme]"),
            [f"{WITHDRAWN}:9: previous_slugs: 'by-theme' is reserved for the site's filter pages, never a briefing's address"],
        ),
        (
            ("previous_slugs: [cold-weather-maca]", "previous_slugs: [old-review-name]"),
            [
                f"{RENAMED}:3: previous_slugs: 'old-review-name' is also a previous slug of {WITHDRAWN}; an old address "
                "can lead to one briefing only"
            ],
        ),
        (
            ("previous_slugs: [cold-weather-maca]", "previous_slugs: [Cold Weather.md]"),
            [
                f"{WITHDRAWN}:9: previous_slugs: item 1: 'Cold Weather.md' is not a slug (lowercase letters, digits and hyphens); write a list of the file names "
                "(without .md) this briefing was published under, e.g. [old-name]"
            ],
        ),
        (
            ("previous_slugs: [cold-weather-maca]", "previous_slugs: cold-weather-maca"),
            [
                f"{WITHDRAWN}:9: previous_slugs: must be a list; write a list of the file names (without .md) this briefing "
                "was published under, e.g. [old-name]"
            ],
        ),
        (
            ("superseded_by: standalone-review", "superseded_by: [standalone-review, autumn-maca]"),
            [
                f"{WITHDRAWN}:8: superseded_by: must be text; write the slug (file name without .md) of the briefing that "
                "replaces this one"
            ],
        ),
        (
            ("status: withdrawn", "status: published"),
            [
                f"{WITHDRAWN}:6: withdrawn_on: only a withdrawn briefing has it; set 'status: withdrawn' (see "
                "docs/takedown.md) or remove this line",
                f"{WITHDRAWN}:7: withdrawn_reason: only a withdrawn briefing has it; set 'status: withdrawn' (see "
                "docs/takedown.md) or remove this line",
            ],
        ),
    ],
    ids=[
        "no reason",
        "no date",
        "withdrawn before its date",
        "html reason",
        "curly quotes",
        "reason cut by a comment",
        "unknown successor",
        "itself",
        "draft successor",
        "restricted successor",
        "not a slug",
        "another's address",
        "its own address",
        "reserved",
        "claimed twice",
        "previous slug not a slug",
        "previous slugs not a list",
        "two successors",
        "withdrawal fields on a published file",
    ],
)
def test_withdrawal_and_address_rules(project: Path, change: tuple[str, str], expected: list[str]) -> None:
    takedown_content(project)
    write(project, WITHDRAWN, WITHDRAWN_TEXT.replace(*change))
    assert [str(p) for p in check(project, "content").problems] == expected


def test_a_withdrawn_successor_is_refused_and_a_draft_keeps_its_own_problem(project: Path) -> None:
    takedown_content(project)
    write(project, SUPERSEDED, briefing("An older review", "superseded_by: withdrawn-maca"))
    assert [str(p) for p in check(project, "content").problems] == [
        f"{SUPERSEDED}:3: superseded_by: 'withdrawn-maca' is withdrawn; name the briefing that replaces it now"
    ]
    write(project, SUPERSEDED, briefing("An older review", "superseded_by: withdrawn-maca").replace("published", "draft"))
    checked = check(project, "content")
    assert checked.problems == [] and [p.line for p in checked.draft_problems if p.path == SUPERSEDED] == [3]


def test_briefings_that_supersede_each_other_in_a_loop_are_refused(project: Path) -> None:
    takedown_content(project)
    edit(
        project, "content/briefings/standalone-review.md", "status: published", "status: published\nsuperseded_by: renamed-review"
    )
    edit(project, RENAMED, "status: published", "status: published\nsuperseded_by: superseded-review")
    # standalone-review → renamed-review → superseded-review → standalone-review: each is told (withdrawn-maca,
    # outside the loop, is not)
    assert [str(p) for p in check(project, "content").problems] == [
        f"{RENAMED}:6: superseded_by: 'superseded-review' is superseded, in turn, by this briefing; name the newest briefing",
        "content/briefings/standalone-review.md:5: superseded_by: 'renamed-review' is superseded, in turn, by this "
        "briefing; name the newest briefing",
        f"{SUPERSEDED}:3: superseded_by: 'standalone-review' is superseded, in turn, by this briefing; name the newest briefing",
    ]


def test_a_previous_slug_that_a_draft_uses_as_its_name_is_refused(project: Path) -> None:
    takedown_content(project)
    write(project, "content/audits/cold-weather-maca.md", BASE.replace("published", "draft"))
    assert [str(p) for p in check(project, "content").problems] == [
        f"{WITHDRAWN}:9: previous_slugs: 'cold-weather-maca' is the address of content/audits/cold-weather-maca.md; an "
        "old address cannot be a current one"
    ]


# --- the built sites ----------------------------------------------------------------------------


@pytest.mark.parametrize("audience", ["public", "partners"])
def test_no_file_of_either_site_holds_any_of_the_withdrawn_text(sites: dict[str, Path], audience: str) -> None:
    texts = all_texts(sites[audience])
    kinds = {Path(name).suffix for name in texts}
    assert {".html", ".xml", ".csv", ".json", ".txt", ".docx", ".pf_fragment", ".gz"} <= kinds, kinds
    if audience == "public" and CHROMIUM.exists():
        assert ".pdf" in kinds
    found = [(name, word) for name, text in texts.items() for word in CANARIES if word.lower() in text.lower()]
    assert found == []
    # the title stays only where the notice is, and the addresses that lead to it
    holding_title = sorted(name for name, text in texts.items() if TITLE in text)
    assert holding_title == [
        "briefings/cold-weather-maca/index.html",
        "briefings/cold-weather-maca/record/index.html",
        "briefings/withdrawn-maca/index.html",
        "briefings/withdrawn-maca/record/index.html",
    ]
    assert not [name for name in texts if name.startswith("briefings/withdrawn-maca.")]  # no .txt, no .pdf
    indexed = "".join(text for name, text in texts.items() if name.startswith("pagefind"))
    assert "withdrawn-maca" not in indexed and "superseded-review" in indexed


def test_published_the_same_file_reaches_every_kind_of_output_so_the_search_above_can_fail(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    takedown_content(root)
    text = re.sub(r"withdrawn_on: .*\nwithdrawn_reason: .*\n", "", WITHDRAWN_TEXT).replace(
        "status: withdrawn", "status: published"
    )
    write(root, WITHDRAWN, text)
    texts = all_texts(build_site(root, "--pdf", "skip"))
    said = [*CANARIES, TITLE]  # the title, which the notice keeps, must leave every other file
    reached = {name for name, text in texts.items() if any(word.lower() in text.lower() for word in said)}
    for expected in [
        "briefings/withdrawn-maca/index.html",
        "briefings/withdrawn-maca.txt",
        "archive/by-year/2024-25.docx",
        "archive/by-year/2024-25.csv",
        "archive.json",
        "feed.xml",
        "themes/neglect/index.html",
        "actions/index.html",
        "showcase/index.html",
    ]:
        assert expected in reached, expected
    assert any(name.startswith("pagefind/fragment/") for name in reached)
    assert all(any(word.lower() in text.lower() for text in texts.values()) for word in CANARIES)


def test_the_notice_says_what_happened_and_where_to_go_and_nothing_more(sites: dict[str, Path]) -> None:
    page = soup(sites["public"], "briefings/withdrawn-maca/index.html")
    article = page.select_one("article")
    assert article.h1.get_text(strip=True).removesuffix("¶") == f"Withdrawn: {TITLE}"
    notice = article.select_one(".briefing-notice--withdrawn")
    assert notice.select_one("time")["datetime"] == "2025-05-20" and "20 May 2025" in notice.get_text()
    assert f"Why: {REASON}" in notice.get_text(" ", strip=True)
    successor = notice.find("a")
    assert (successor["href"], successor.get_text()) == ("../standalone-review/", "Learning from a standalone review")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.select_one("[data-pagefind-body]") is None
    assert page.find("meta", attrs={"name": "description"})["content"] == "This briefing was withdrawn on 20 May 2025."
    assert page.find("meta", property="og:description")["content"] == "This briefing was withdrawn on 20 May 2025."
    assert "briefing-downloads" not in str(article) and "record/" not in str(article)


def test_a_superseded_briefing_says_so_at_the_top_in_every_version(sites: dict[str, Path]) -> None:
    page = soup(sites["public"], "briefings/superseded-review/index.html")
    first = page.select_one("article h1").find_next_sibling()
    assert "briefing-notice--superseded" in first["class"]
    link = first.find("a")
    assert (link["href"], link.get_text()) == ("../standalone-review/", "Learning from a standalone review")
    text = (sites["public"] / "briefings/superseded-review.txt").read_text(encoding="utf-8")
    assert " ".join(text.split("\n\n")[0].split()) == (
        "SUPERSEDED: this briefing has been replaced by Learning from a standalone review: "
        "https://example.github.io/briefings/briefings/standalone-review/"
    )
    if CHROMIUM.exists():  # the PDF is the printed page: the notice comes first there too
        printed = " ".join(every_text(sites["public"])["briefings/superseded-review.pdf"].split())
        assert printed.index("This briefing has been replaced by Learning from a standalone review") < printed.index(
            "A valid summary."
        )
    listed = soup(sites["public"], "briefings/index.html").select_one("article").get_text()
    assert "An older review of neglect" in listed and TITLE not in listed


@pytest.mark.parametrize(
    ("old", "target", "title"),
    [
        ("old-review-name", "../renamed-review/", "A renamed review of neglect"),
        ("older-name", "../renamed-review/", "A renamed review of neglect"),
        ("old-review-name/record", "../../renamed-review/record/", "A renamed review of neglect"),
        ("cold-weather-maca", "../withdrawn-maca/", f"Withdrawn: {TITLE}"),
        ("cold-weather-maca/record", "../../withdrawn-maca/", f"Withdrawn: {TITLE}"),
        ("withdrawn-maca/record", "../", f"Withdrawn: {TITLE}"),
    ],
)
def test_each_old_address_is_a_small_redirect_page(sites: dict[str, Path], old: str, target: str, title: str) -> None:
    for audience, robots in (("public", "noindex"), ("partners", "noindex, nofollow")):
        site = sites[audience]
        page = soup(site, f"briefings/{old}/index.html")
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
        assert page.find("meta", attrs={"name": "robots"})["content"] == robots
        assert page.find("meta", attrs={"http-equiv": "Content-Security-Policy"}) is not None
        link = page.select_one("main a")
        assert (link["href"], link.get_text()) == (target, title)
        assert (site / f"briefings/{old}" / target / "index.html").resolve().is_file()
    assert "Partners only" in soup(sites["partners"], f"briefings/{old}/index.html").main.get_text()


def test_the_notice_and_redirect_pages_are_valid_html(sites: dict[str, Path]) -> None:
    pages = [
        sites[audience] / "briefings" / page / "index.html"
        for audience in ("public", "partners")
        for page in (
            "withdrawn-maca",
            "withdrawn-maca/record",
            "superseded-review",
            "old-review-name",
            "cold-weather-maca/record",
        )
    ]
    assert nu_html_check(*map(str, pages)).unexplained == []


def test_the_sites_pass_the_link_check(sites: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(sites["public"].parent)
    assert main(["linkcheck"]) == 0
    assert main(["linkcheck", "--audience", "partners"]) == 0
    assert ": 0 problems." in capsys.readouterr().out


@pytest.mark.browser
def test_notice_superseded_and_redirect_pages_pass_axe_and_the_redirect_leads_on(browser, sites: dict[str, Path]) -> None:
    with served(sites["public"]) as base:
        context = browser.new_context()
        page = context.new_page()
        failures = []
        for url in ("briefings/withdrawn-maca/", "briefings/superseded-review/"):
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}).response["violations"]
            failures += [f"{url}: {v['id']}" for v in violations]
        page.goto(base + "briefings/old-review-name/")
        page.wait_for_url(base + "briefings/renamed-review/")
        assert page.locator("article h1").inner_text().startswith("A renamed review of neglect")
        # held on the redirect page itself (a 204 answer leaves a page where it is), axe reads it too
        page.route(re.compile(r".*/briefings/renamed-review/$"), lambda route: route.fulfill(status=204))
        page.goto(base + "briefings/older-name/")
        page.wait_for_timeout(300)
        assert page.url == base + "briefings/older-name/" and page.title() == "Moved: A renamed review of neglect"
        result = Axe().run(
            page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations", "passes"]}
        )
        failures += [f"redirect: {v['id']}" for v in result.response["violations"]]
        assert "meta-refresh" in [rule["id"] for rule in result.response["passes"]]
        context.close()
    assert failures == []


# --- briefings takedown -------------------------------------------------------------------------

SURVEY = "content/audits/thematic-survey.md"
BUILD_DATE_ON = date.fromisoformat(BUILD_DATE)


def test_takedown_withdraws_rebuilds_purges_and_prints_the_remote_steps(project: Path, cli) -> None:
    before = (project / SURVEY).read_text(encoding="utf-8")
    build_site(project, "--pdf", "skip")
    survey_text = "Summary of Thematic survey on information sharing"
    assert survey_text in (project / "site/briefings/thematic-survey/index.html").read_text(encoding="utf-8")
    reason = 'It named a school: "Oak" & more'
    run = cli("takedown", "thematic-survey", "--reason", reason, "--pdf", "skip", "--build-date", BUILD_DATE)
    assert run.code == 0, run.err
    after = (project / SURVEY).read_text(encoding="utf-8")
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    at = old.index("status: published\n")
    assert new[:at] + new[at + 3 :] == old[:at] + old[at + 1 :]
    assert new[at : at + 3] == [
        "status: withdrawn\n",
        f"withdrawn_on: {BUILD_DATE}\n",
        'withdrawn_reason: "It named a school: \\"Oak\\" & more"\n',
    ]
    texts = all_texts(project / "site")
    assert [name for name, text in texts.items() if survey_text in text] == []
    notice = soup(project / "site", "briefings/thematic-survey/index.html").select_one(".briefing-notice--withdrawn")
    assert f"Why: {reason}" in notice.get_text(" ", strip=True)
    assert f"PDF cache: none at {PDF_CACHE}/, nothing to purge." in run.lines
    for command in [
        f"git add {SURVEY}",
        "gh run list --workflow publish.yml --limit 100",
        '| while read -r id; do gh api -X DELETE "repos/{owner}/{repo}/actions/artifacts/$id"; done',
        "gh cache delete --all",
        "git filter-repo --replace-text ../takedown-expressions.txt",
        f"git filter-repo --path {SURVEY} --invert-paths",
        "git push --force --all",
        "git push --force --tags",
        "git clone https://github.com/OWNER/REPO.git takedown-clean && cd takedown-clean",  # no origin: a placeholder
    ]:
        assert command in [line.strip() for line in run.lines], command
    assert "https://search.google.com/search-console/removals" in run.out
    assert "https://example.github.io/briefings/briefings/thematic-survey/" in run.out
    assert re.search(r'\.created_at < "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"', run.out)


def test_takedown_empties_a_pdf_cache_and_rebuilds_the_partners_site_too(project: Path, cli) -> None:
    git(project, "init", "-q")
    git(project, "remote", "add", "origin", "git@github.com:northbrook/briefings.git")
    build_site(project, "--audience", "partners", "--pdf", "skip")
    cache = project / PDF_CACHE
    (cache / "ab").mkdir(parents=True)
    (cache / "ab/cd.pdf").write_bytes(b"%PDF-1.7")
    (cache / "index.json").write_text("{}")
    run = cli(
        "takedown", "year-end-maca", "--reason", "Superseded.", "--superseded-by", "autumn-maca", "--pdf", "skip",
        "--build-date", BUILD_DATE,
    )  # fmt: skip
    assert run.code == 0, run.err
    assert f"PDF cache: removed {PDF_CACHE}/ (2 files)." in run.lines and not cache.exists()
    partners = soup(project / "site-partners", "briefings/year-end-maca/index.html")
    assert partners.select_one(".briefing-notice--withdrawn a")["href"] == "../autumn-maca/"
    assert "     git remote add origin git@github.com:northbrook/briefings.git" in run.lines
    assert "superseded_by: autumn-maca\n" in (project / "content/audits/year-end-maca.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("slug", "status"), [("narwhal-restricted", "restricted"), ("quokka-draft", "draft")])
def test_takedown_refuses_what_never_was_public(project: Path, cli, slug: str, status: str) -> None:
    """A notice would put a restricted briefing's or a draft's title on the public site."""
    before = {p: p.read_bytes() for p in (project / "content").rglob("*.md")}
    run = cli("takedown", slug, "--reason", "x", "--pdf", "skip", "--build-date", BUILD_DATE)
    assert run.code == 1 and f"is {status}: it was never on the public site" in run.err, run.err
    assert {p: p.read_bytes() for p in (project / "content").rglob("*.md")} == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-briefing", "--reason", "x"], "no file in content/audits or content/briefings is named no-such-briefing.md"),
        (["autumn-maca", "--reason", "  \u00a0 "], "give the reason readers will see"),
        (["autumn-maca"], "give the reason with --reason TEXT"),
        (["autumn-maca", "--reason", "x", "--superseded-by", "../etc"], "--superseded-by '../etc' is not a slug"),
        (["autumn-maca", "--reason", "x", "--on", "2024-10-01"], "--on 2024-10-01 is before the briefing's date, 2024-10-02"),
        (["autumn-maca", "--reason", "x", "--on", "2024-13-01"], "--on='2024-13-01': there is no such day"),
        (
            ["autumn-maca", "--reason", "x", "--on", "2099-01-01", "--build-date", "2025-06-01"],
            "--on 2099-01-01 is after today (2025-06-01): give the day it was withdrawn, today or earlier",
        ),
    ],
)
def test_takedown_refuses_and_changes_nothing(project: Path, cli, args: list[str], message: str) -> None:
    before = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}
    run = cli("takedown", *args)
    assert run.code == 1 and message in run.err and "nothing was changed" in run.err
    assert {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()} == before
    assert not (project / "site").exists()


def test_a_file_saved_by_windows_keeps_its_byte_order_mark_and_line_endings(project: Path, cli) -> None:
    original = ("\ufeff" + BASE).replace("\n", "\r\n").encode("utf-8")
    (project / "content/audits/windows.md").write_bytes(original)
    run = cli("takedown", "windows", "--reason", "Out of date.", "--pdf", "skip", "--build-date", BUILD_DATE)
    assert run.code == 0, run.err
    expected = original.replace(
        b"status: published\r\n",
        b'status: withdrawn\r\nwithdrawn_on: 2025-06-01\r\nwithdrawn_reason: "Out of date."\r\n',
    )
    assert (project / "content/audits/windows.md").read_bytes() == expected


def test_withdrawing_twice_is_refused(project: Path, cli) -> None:
    assert cli("takedown", "autumn-maca", "--reason", "x", "--pdf", "skip", "--build-date", BUILD_DATE).code == 0
    run = cli("takedown", "autumn-maca", "--reason", "y")
    assert run.code == 1 and "content/audits/autumn-maca.md is withdrawn already" in run.err


def test_only_the_status_lines_change_whatever_the_line_endings_or_a_missing_status() -> None:
    crlf = "---\r\ntitle: A\r\nstatus: published  # live\r\ndate: 2024-01-01\r\n---\r\n\r\nBody \u00a0text\r\n"
    assert withdraw_text(crlf, "content/audits/a.md", "Why", BUILD_DATE_ON, "b") == (
        '---\r\ntitle: A\r\nstatus: withdrawn\r\nwithdrawn_on: 2025-06-01\r\nwithdrawn_reason: "Why"\r\n'
        "superseded_by: b\r\ndate: 2024-01-01\r\n---\r\n\r\nBody \u00a0text\r\n"
    )
    draft = "---\ntitle: A\ndate: 2024-01-01\n---\n## Background\n"
    assert withdraw_text(draft, "content/audits/a.md", "Why \u2019quoted\u2019", BUILD_DATE_ON) == (
        '---\nstatus: withdrawn\nwithdrawn_on: 2025-06-01\nwithdrawn_reason: "Why \u2019quoted\u2019"\n'
        "title: A\ndate: 2024-01-01\n---\n## Background\n"
    )
    with pytest.raises(TakedownRefused, match="already has withdrawn_reason"):
        withdraw_text(draft.replace("title: A", "title: A\nwithdrawn_reason: x"), "content/audits/a.md", "Why", BUILD_DATE_ON)


# --- two people before publishing: what the reviewer is shown --------------------------------------

DUTY_LINE = 'The duty line is 0161 496 0000. <!-- privacy: allow "0161 496 0000" reason: the partnership\'s public duty line -->'


def git(root: Path, *args: str) -> str:
    identity = ["-c", "user.name=QA officer", "-c", "user.email=qa@example.org", "-c", "commit.gpgsign=false"]
    done = subprocess.run(["git", "-C", str(root), *identity, *args], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def edit(root: Path, relative: str, old: str, new: str) -> None:
    file = root / relative
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_pull_request_summary_lists_allowances_status_changes_and_new_names(
    project: Path, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(project, "content/briefings/standalone-review.md", "Some things.", f"Some things.\n\n{DUTY_LINE}")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "base")
    base = git(project, "rev-parse", "HEAD")
    # the pull request: a draft and a restricted item go live, a file is renamed, a new one published, names allowed
    edit(project, "content/audits/quokka-draft.md", "status: draft", "status: published\npseudonyms: [Child Q, Jordan]")
    edit(
        project, "content/audits/quokka-draft.md", "Background of Quokka draft audit.", DUTY_LINE.replace("duty", "out-of-hours")
    )
    edit(project, "content/audits/narwhal-restricted.md", "status: restricted", "status: published")
    git(project, "mv", "content/audits/autumn-maca.md", "content/audits/autumn-maca-2024.md")
    edit(project, "content/audits/autumn-maca-2024.md", "status: published", "status: published\nprevious_slugs: [autumn-maca]")
    write(project, "content/briefings/new-review.md", briefing("A new review", "pseudonyms: [Child B]"))
    edit(
        project,
        "content/allowed_names.yml",
        "- name: Dr Barnardo's",
        "- name: Peter Connelly\n  reason: the review is named after him\n- name: Dr Barnardo's",
    )
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    run = cli("review", "--base", base)
    assert run.code == 0, run.err
    assert summary_file.read_text(encoding="utf-8") == run.out
    lines = run.lines
    assert lines[0] == f"### Before you approve: what this change publishes (compared with `{base}`)"
    assert section(lines, "**Status changes to `published` (3)**") == [
        "| file | line | status before |",
        "|---|---|---|",
        "| `content/audits/narwhal-restricted.md` | 5 | restricted |",
        "| `content/audits/quokka-draft.md` | 5 | draft |",
        "| `content/briefings/new-review.md` | 5 | new file |",
    ]
    assert section(lines, "**Privacy allowances in use (2, 1 new)**") == [
        "| where | allows | reason | new |",
        "|---|---|---|---|",
        "| `content/audits/quokka-draft.md:16` | 0161 496 0000 | the partnership's public out-of-hours line | new |",
        "| `content/briefings/standalone-review.md:23` | 0161 496 0000 | the partnership's public duty line |  |",
    ]
    assert section(lines, "**Names newly allowed (4)**") == [
        "| where | name | why |",
        "|---|---|---|",
        "| `content/audits/quokka-draft.md:6` | Child Q | declared as a pseudonym (an invented name) |",
        "| `content/audits/quokka-draft.md:6` | Jordan | declared as a pseudonym (an invented name) |",
        "| `content/briefings/new-review.md:3` | Child B | declared as a pseudonym (an invented name) |",
        "| `content/allowed_names.yml:6` | Peter Connelly | the review is named after him |",
    ]


def section(lines: list[str], heading: str) -> list[str]:
    """The table (or `None.`) under one heading of the summary."""
    start = lines.index(heading) + 2
    end = next((i for i in range(start, len(lines)) if not lines[i]), len(lines))
    return lines[start:end]


def test_the_review_refuses_a_base_the_clone_does_not_hold(project: Path, cli) -> None:
    git(project, "init", "-q")
    run = cli("review", "--base", "origin/main")
    assert run.code == 1 and "'origin/main' is not a commit in this clone" in run.err


def test_the_workflow_shows_the_review_on_pull_requests_and_content_has_code_owners() -> None:
    public = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text())["jobs"]["public"]
    assert public["steps"][0]["with"]["fetch-depth"] == 0  # the base commit is in the clone
    step = next(s for s in public["steps"] if "briefings review" in s.get("run", ""))
    assert step["if"] == "github.event_name == 'pull_request'"
    assert step["env"] == {"BASE_SHA": "${{ github.event.pull_request.base.sha }}"}
    assert step["run"] == 'briefings review --base "$BASE_SHA"'
    first_check = next(i for i, s in enumerate(public["steps"]) if s.get("run", "").startswith("briefings check"))
    assert public["steps"].index(step) < first_check  # shown even when the check fails
    rules = [line.split() for line in (REPO / ".github/CODEOWNERS").read_text().splitlines() if line and line[0] != "#"]
    assert rules == [["/content/", "@your-org/safeguarding-qa"]]


def test_the_runbook_gives_every_command_the_takedown_prints() -> None:
    done = Withdrawn("content/audits/SLUG.md", "SLUG", "published")
    printed = remote_steps(
        done, "https://example.github.io/briefings/", PLACEHOLDER_ORIGIN, datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
    )
    runbook = (REPO / "docs/takedown.md").read_text(encoding="utf-8")
    commands = [line.strip() for line in printed.splitlines() if re.match(r"\s+(git|gh|printf|--jq|\|) ", line)]
    assert len(commands) == 15
    for command in commands:
        assert command.replace("2026-12-02T09:30:00Z", "YYYY-MM-DDTHH:MM:SSZ") in runbook, command
    for service in ("https://search.google.com/search-console/removals", "https://www.bing.com/webmasters/tools/content-removal"):
        assert service in printed and service in runbook
    assert (
        "briefings takedown SLUG --reason" in runbook
        and "[the takedown runbook](docs/takedown.md)" in (REPO / "README.md").read_text()
    )


def test_a_preview_keeps_the_redirects_and_shows_a_withdrawal_on_the_next_save(project: Path, tmp_path: Path) -> None:
    takedown_content(project)
    site = tmp_path / "preview"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        mkdocs_build(config)
        assert (site / "briefings/old-review-name/index.html").is_file()
        assert (site / "briefings/cold-weather-maca/record/index.html").is_file()
        edit(project, RENAMED, "previous_slugs: [old-review-name, older-name]", "previous_slugs: [older-name]")
        edit(project, SUPERSEDED, "status: published", f"status: withdrawn\nwithdrawn_on: 2025-05-01\nwithdrawn_reason: {REASON}")
        rebuild(project, site)
        assert not (site / "briefings/old-review-name/index.html").exists()
        assert (site / "briefings/older-name/index.html").is_file()
        notice = soup(site, "briefings/superseded-review/index.html").select_one(".briefing-notice--withdrawn")
        assert REASON in notice.get_text() and not (site / "briefings/superseded-review.txt").exists()
    finally:
        config.plugins.on_shutdown()
