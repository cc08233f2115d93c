"""The partners site: its own folder and address, marked on every page and file, never deployed by mistake."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.model import PARTNERS_MARKER
from tests.support import (
    BUILD_DATE,
    CHROMIUM,
    ENGINE,
    FIXTURES,
    REPO,
    Run,
    build_site,
    env,
    every_text,
    make_project,
    tree_digest,
)

PUBLIC_URL = "https://example.github.io/briefings/"
PARTNERS_URL = "https://partners.northbrook.example/briefings/"
RESTRICTED = [
    "narwhal restricted",
    "narwhal-restricted",
    "narwhal practice",
    "partners only",
    "partners-only",
    PARTNERS_MARKER.lower(),
    "noindex",
]
BANNER = "Partners only: do not share outside the partnership."


def test_public_and_partners_builds_never_touch_each_others_folder(project: Path) -> None:
    public = build_site(project)
    before = tree_digest(public)
    partners = build_site(project, "--audience", "partners")
    assert partners == project / "site-partners" and (partners / PARTNERS_MARKER).is_file()
    assert tree_digest(public) == before
    partners_before = tree_digest(partners)
    build_site(project)
    assert tree_digest(partners) == partners_before
    assert not (public / PARTNERS_MARKER).exists()


def test_nothing_in_any_file_of_the_public_build_marks_or_names_a_restricted_item(public_site: Path) -> None:
    texts = every_text(public_site)
    assert any(name.endswith(".pdf") for name in texts) or not CHROMIUM.exists()
    assert any(name.startswith("pagefind/fragment/") for name in texts) and "sitemap.xml.gz" in texts
    found = [(name, marker) for name, text in texts.items() for marker in RESTRICTED if marker in text.lower()]
    assert found == []


def test_every_partners_page_carries_the_banner_and_noindex(partners_site: Path) -> None:
    pages = sorted(partners_site.rglob("*.html"))
    assert len(pages) > 20 and partners_site / "404.html" in pages
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        robots = soup.find("meta", attrs={"name": "robots"})
        assert robots is not None and "noindex" in robots["content"], page
        banner = soup.select_one(".md-banner .partners-banner")
        assert banner is not None and banner.get_text(" ", strip=True) == BANNER, page


def test_the_partners_build_marks_restricted_items_in_every_kind_of_file(partners_site: Path) -> None:
    text = (partners_site / "briefings/narwhal-restricted.txt").read_text()
    assert text.startswith("PARTNERS ONLY: DO NOT SHARE OUTSIDE THE PARTNERSHIP.")
    assert "PARTNERS ONLY" not in (partners_site / "briefings/year-end-maca.txt").read_text()
    record = BeautifulSoup((partners_site / "briefings/narwhal-restricted/record/index.html").read_text(), "html.parser")
    assert "Partners only" in record.select_one("article").get_text()
    rows = {r["slug"]: r for r in csv.DictReader(io.StringIO((partners_site / "archive.csv").read_text()))}
    assert rows["narwhal-restricted"]["access"] == "partners-only" and rows["year-end-maca"]["access"] == "public"
    audits = {a["slug"]: a for a in json.loads((partners_site / "archive.json").read_text())["audits"]}
    assert audits["narwhal-restricted"]["access"] == "partners-only"
    atom = "{http://www.w3.org/2005/Atom}"
    entries = {
        e.find(f"{atom}link").get("href"): e
        for e in ET.fromstring((partners_site / "feed.xml").read_bytes()).iter(f"{atom}entry")
    }
    restricted = entries[PARTNERS_URL + "briefings/narwhal-restricted/"]
    assert restricted.find(f"{atom}title").text.startswith("Partners only: ")
    assert "partners-only" in [c.get("term") for c in restricted.iter(f"{atom}category")]
    assert (partners_site / PARTNERS_MARKER).read_text().startswith(BANNER)


def test_every_absolute_url_of_a_partners_build_is_on_its_own_address(partners_site: Path) -> None:
    texts = every_text(partners_site)
    urls = {(name, url) for name, text in texts.items() for url in re.findall(r"https?://[^\s\"'<>)]+", text)}
    assert [(name, url) for name, url in urls if url.startswith(PUBLIC_URL) or "example.github.io" in url] == []
    soup = BeautifulSoup(texts["briefings/year-end-maca/index.html"], "html.parser")
    assert soup.find("link", rel="canonical")["href"] == PARTNERS_URL + "briefings/year-end-maca/"
    assert PARTNERS_URL + "briefings/narwhal-restricted/" in texts["sitemap.xml"]
    assert all(a["briefing_url"].startswith(PARTNERS_URL) for a in json.loads(texts["archive.json"])["audits"])
    if "briefings/year-end-maca.pdf" in texts:  # printed where Chromium is installed (always in CI)
        assert PARTNERS_URL + "briefings/year-end-maca/" in texts["briefings/year-end-maca.pdf"]


def test_assert_public_refuses_a_partners_folder_and_passes_a_public_one(
    public_site: Path, partners_site: Path, cli, monkeypatch
) -> None:
    monkeypatch.chdir(partners_site.parent)
    refused = cli("assert-public", "site-partners")
    assert refused.code == 1
    assert "site-partners/ is not a public build (PARTNERS-ONLY.txt is there;" in refused.err and "must never" in refused.err
    careless = shutil.copytree(partners_site, partners_site.parent / "site-copy")
    (careless / PARTNERS_MARKER).unlink()  # a careless copy without the marker, its tags rewritten, is still refused
    for page in careless.rglob("*.html"):
        page.write_text(
            page.read_text().replace(
                '<meta name="robots" content="noindex, nofollow">', '<meta content="noindex"  name="robots">'
            )
        )
    assert cli("assert-public", "site-copy").code == 1
    mixed = shutil.copytree(public_site, partners_site.parent / "site-mixed")
    shutil.copytree(partners_site / "briefings/narwhal-restricted", mixed / "briefings/narwhal-restricted")
    assert "briefings/narwhal-restricted/index.html has the partners-only banner" in cli("assert-public", "site-mixed").err
    monkeypatch.chdir(public_site.parent)
    passed = cli("assert-public", "site")
    assert passed.code == 0 and passed.out == "site/ is a public build: safe to deploy.\n"


def test_assert_public_refuses_a_build_with_drafts(project: Path, cli) -> None:
    built = cli("build", "--drafts", "--pdf", "skip")
    assert "Built the public site with drafts (marked DRAFT: a local preview, never to be deployed) into site/" in built.out
    refused = cli("assert-public", "site")
    assert refused.code == 1 and "DRAFTS-INCLUDED.txt is there" in refused.err


def test_a_partners_build_is_never_written_into_or_inside_the_public_folder(project: Path) -> None:
    for folder in ("site/partners", "site/briefings", "./site/"):
        refused = subprocess.run(
            [sys.executable, "-m", ENGINE, "build", "-d", folder],
            cwd=project,
            env=env(BRIEFINGS_AUDIENCE="partners"),
            capture_output=True,
            text=True,
        )
        assert refused.returncode == 1 and "the partners site is never built into site/ or inside it" in refused.stderr
    assert not (project / "site").exists()


def test_plain_engine_build_for_partners_refuses_the_public_folder(project: Path) -> None:
    command = [sys.executable, "-m", ENGINE, "build"]
    refused = subprocess.run(command, cwd=project, env=env(BRIEFINGS_AUDIENCE="partners"), capture_output=True, text=True)
    assert refused.returncode == 1
    assert "the partners site is never built into site/" in refused.stderr
    assert not (project / "site").exists()
    built = subprocess.run(
        [*command, "-d", "site-partners"], cwd=project, env=env(BRIEFINGS_AUDIENCE="partners"), capture_output=True, text=True
    )
    assert built.returncode == 0, built.stderr
    assert (project / "site-partners" / PARTNERS_MARKER).is_file()


def test_a_partners_build_never_replaces_a_public_site_whatever_its_folders_name(project: Path) -> None:
    """`site_dir: public` in mkdocs.yml: the public site is built into public/, and a partners build of the same
    settings would replace it there."""
    config = project / "mkdocs.yml"
    config.write_text("site_dir: public\n" + config.read_text())
    command = [sys.executable, "-m", ENGINE, "build"]
    assert subprocess.run(command, cwd=project, env=env(), capture_output=True, text=True).returncode == 0
    before = tree_digest(project / "public")
    refused = subprocess.run(command, cwd=project, env=env(BRIEFINGS_AUDIENCE="partners"), capture_output=True, text=True)
    assert refused.returncode == 1
    assert "the partners site is never built into site/ or inside it, nor where a public site is" in refused.stderr
    assert tree_digest(project / "public") == before
    (project / "public").rename(project / ".public-old-0123456789abcdef")  # as a build killed mid-swap leaves it
    refused = subprocess.run(command, cwd=project, env=env(BRIEFINGS_AUDIENCE="partners"), capture_output=True, text=True)
    assert refused.returncode == 1, "the public site, put back, was replaced by the partners site"
    assert "nor where a public site is" in refused.stderr
    (project / ".public-old-0123456789abcdef").rename(project / "public")
    built = subprocess.run(
        [*command, "-d", "site-partners"], cwd=project, env=env(BRIEFINGS_AUDIENCE="partners"), capture_output=True, text=True
    )
    assert built.returncode == 0, built.stderr
    rebuilt = subprocess.run(
        [*command, "-d", "site-partners"], cwd=project, env=env(BRIEFINGS_AUDIENCE="partners"), capture_output=True, text=True
    )
    assert rebuilt.returncode == 0, rebuilt.stderr  # its own folder, a partners build already: replaced


def test_a_partners_build_needs_its_own_address(project: Path, cli) -> None:
    config = project / "mkdocs.yml"
    original = config.read_text()
    config.write_text(re.sub(r"\n\s*partners_site_url: .*", "", original))
    run = cli("build", "--audience", "partners", "--build-date", BUILD_DATE)
    assert run.code == 1
    assert "mkdocs.yml:1: a partners build needs 'partners_site_url' under the briefings plugin" in run.out
    config.write_text(original.replace(PARTNERS_URL, PUBLIC_URL))
    assert "'partners_site_url' must not be the public site_url" in cli("build", "--audience", "partners").out
    assert not (project / "site-partners").exists()


@pytest.mark.parametrize(
    "written",
    [
        "https://EXAMPLE.github.io/briefings",
        "http://www.example.github.io/%62riefings/",
        "https://example.github.io/./briefings/",
        "https://example.github.io/briefings/../briefings/index.html",
        "https://%65xample.github.io/briefings/",
        "https://\uff45xample.github.io/briefings/",  # a full-width e, which IDNA maps to e
    ],
)
def test_a_partners_address_that_is_the_public_site_written_otherwise_is_refused(project: Path, cli, written: str) -> None:
    """The same site in capitals, with `www.`, an escape, a dot segment, its home page's file or the other scheme passed:
    the partners site, restricted briefings and all, would have been published over the public one."""
    assert urlsplit(PUBLIC_URL).netloc == "example.github.io" and written.rstrip("/") != PUBLIC_URL.rstrip("/")
    for said, run in refused_partners_address(project, cli, written):
        refusal = f"{said} 'partners_site_url' must not be the public site_url"
        assert run.code == 1 and refusal in run.out + run.err, run.out + run.err
    assert not (project / "site-partners").exists()


@pytest.mark.parametrize(
    "written",
    [
        "https://[partners.northbrook.example/briefings/",
        "https://partners.north brook.example/",
        "https://partners\u00a0northbrook.example/",
        "https://partners.example:99999/",
        "https://[v1.a\\]/",
        "https://example.github.io\\briefings\\",  # a browser reads it as the public site; the engine would not
    ],
)
def test_a_partners_address_no_browser_can_follow_is_refused_at_its_line(project: Path, cli, written: str) -> None:
    """An unclosed bracket (`https://[partners…`) stopped `check` with a traceback, and the build naming no line; a
    space in the host or a port past the last passed, and the site was built for an address no one can reach."""
    for said, run in refused_partners_address(project, cli, written):
        said = f"{said} plugins.briefings.partners_site_url must be a web address"
        assert run.code == 1 and said in run.out + run.err and "Traceback" not in run.err, run.out + run.err


def refused_partners_address(project: Path, cli, written: str) -> list[tuple[str, Run]]:
    """The settings' `partners_site_url` set to `written`; its line (`mkdocs.yml:N:`) and what `check` and the partners
    build said of it."""
    config = project / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text.replace(PARTNERS_URL, written))
    said = f"mkdocs.yml:{text[: text.index(PARTNERS_URL)].count(chr(10)) + 1}:"
    return [(said, run) for run in (cli("check"), cli("build", "--audience", "partners", "--pdf", "skip"))]


def test_a_public_repository_refuses_restricted_items_where_they_are_written(tmp_path: Path, cli, monkeypatch) -> None:
    """The sample content keeps none (a fresh public fork passes its own workflow); the item moved out of it is refused."""
    project = make_project(tmp_path / "sample", REPO / "content")
    monkeypatch.chdir(project)
    assert cli("check", "--public-repository").code == 0
    restricted = FIXTURES / "partners/2025-09-pre-birth-assessment.md"
    shutil.copy(restricted, project / "content/audits" / restricted.name)
    run = cli("check", "--public-repository")
    assert run.code == 1
    assert run.lines[0] == (
        "content/audits/2025-09-pre-birth-assessment.md:6: status: restricted, but this repository is public, so this file is "
        "public already: move restricted items to a private content repository (docs/publishing.md: The partners site), or publish this one"
    )
    assert cli("check").code == 0


@pytest.mark.parametrize(("args", "folder"), [((), "site"), (("--audience", "partners"), "site-partners")])
def test_linkcheck_checks_the_folder_of_its_audience(project: Path, cli, args: tuple[str, ...], folder: str) -> None:
    build_site(project, *args)
    run = cli("linkcheck", *args)
    assert run.code == 0, run.out
    assert re.match(r"\d+ internal links checked: 0 problems\.", run.lines[-1])
    about = project / folder / "about/index.html"  # a page named as its folder is (it said site/ for either)
    about.write_text(about.read_text().replace("</main>", '<a href="../nowhere/">gone</a></main>', 1))
    line = next(n for n, text in enumerate(about.read_text().split("\n"), 1) if "../nowhere/" in text)
    run = cli("linkcheck", *args)
    assert (
        run.code == 1
        and run.lines[0] == f"{folder}/about/index.html:{line}: broken link: ../nowhere/ points at nothing in the site"
    )
    shutil.rmtree(project / folder)
    assert f"{folder}/ holds no built site" in cli("linkcheck", *args).err


def test_a_public_repository_refuses_a_restricted_item_however_written_and_whatever_else_is_wrong(project: Path, cli) -> None:
    audit = project / "content/audits/narwhal-restricted.md"
    audit.write_text(audit.read_text().replace("status: restricted", "status :   restricted").replace("date: 20", "date: x20", 1))
    run = cli("check", "--public-repository")
    assert run.code == 1
    assert any(
        line.startswith("content/audits/narwhal-restricted.md:5: status: restricted, but this repository is public")
        for line in run.lines
    )


def test_the_partners_site_lists_the_briefings_due_for_review(partners_site: Path, public_site: Path) -> None:
    page = BeautifulSoup((partners_site / "reviews/index.html").read_text(), "html.parser")
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("th, td")] for row in page.select("article tbody tr")]
    assert rows == [["Learning from a standalone review", "1 January 2025", "Overdue by 151 days", "Information sharing"]]
    home = BeautifulSoup((partners_site / "index.html").read_text(), "html.parser")
    assert "Due for review : 1 briefing whose review date" in home.select_one(".home-ways-in").get_text(" ", strip=True)
    assert not (public_site / "reviews").exists()
    assert "Due for review" not in (public_site / "index.html").read_text().split("home-ways-in")[1].split("</ul>")[0]


def test_a_year_report_says_what_it_holds_in_each_build(partners_site: Path, public_site: Path) -> None:
    import docx

    for site, scope, restricted in (
        (public_site, "published audits only", False),
        (partners_site, "including audits restricted to partners", True),
    ):
        intro = BeautifulSoup((site / "archive/by-year/2024-25/index.html").read_text(), "html.parser").select_one(
            ".year-report-intro"
        )
        assert scope in intro.get_text()
        words = " ".join(p.text for p in docx.Document(site / "archive/by-year/2024-25.docx").paragraphs)
        assert scope in words
        cells = " ".join(
            c.text for t in docx.Document(site / "archive/by-year/2024-25.docx").tables for r in t.rows for c in r.cells
        )
        assert ("Narwhal restricted audit (partners only)" in cells) is restricted
        assert ("narwhal-restricted" in (site / "archive/by-year/2024-25.csv").read_text()) is restricted


def test_the_partners_totals_say_they_count_partners_only_audits(partners_site: Path, public_site: Path) -> None:
    """The partners archive said "Every published audit" and its home page gave the MACA totals as the public site's, and
    its open data said nothing either: a partner copying them into a public report gave away a restricted audit."""
    for site in (public_site, partners_site):
        partners = site == partners_site
        archive = BeautifulSoup((site / "archive/index.html").read_text(), "html.parser").select_one("article").get_text()
        home = BeautifulSoup((site / "index.html").read_text(), "html.parser").select_one(".home-ways-in").get_text()
        assert ("every audit restricted to partners (its totals count them" in archive) is partners
        assert ("(partners-only audits counted)" in home) is partners
        narrowed = BeautifulSoup((site / "archive/by-theme/neglect/index.html").read_text(), "html.parser").get_text()
        assert ("(they count partners-only audits: never copy them into a public report)" in narrowed) is partners
        scope = json.loads((site / "archive.json").read_text())["scope"]
        assert scope == ("public and partners-only" if partners else "public")
