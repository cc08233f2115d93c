"""The PDF cache: a briefing's PDF is printed again only when what it is printed from changed.

Real builds of the fixture content (five public briefings) with Debian's Chromium, one after another in the
same project, its cache in `.briefings-cache/pdf/<audience>/`: what each build printed, what it reused, and
what the cache holds afterwards.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.output import pdf
from generator.output.pdf import PDF_CACHE
from tests.support import BUILD_DATE, CHROMIUM, Run

pytestmark = pytest.mark.browser  # every test here drives Chromium, or reads the PDFs it printed

PUBLIC = ("autumn-maca", "thematic-survey", "year-end-maca", "year-start-maca", "standalone-review")
COUNTS = re.compile(r"with a PDF of each briefing \((\d+) printed, (\d+) reused from (\S+)\)")


@pytest.fixture(autouse=True)
def chromium() -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing: .ci/run must install the Debian chromium package")
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")


@pytest.fixture
def build(cli: Callable[..., Run]) -> Callable[..., tuple[int, int]]:
    """`briefings build --pdf require` in the project: how many PDFs it printed, and how many it reused."""

    def run(*args: str) -> tuple[int, int]:
        result = cli("build", "--build-date", BUILD_DATE, "--pdf", "require", *args)
        assert result.code == 0, result.err
        found = COUNTS.search(result.out)
        assert found, result.out
        audience = "partners" if "partners" in args else "public"
        assert found.group(3) == f"{PDF_CACHE}/{audience}/"
        return int(found.group(1)), int(found.group(2))

    return run


def pdfs(site: Path) -> dict[str, bytes]:
    return {file.stem: file.read_bytes() for file in sorted((site / "briefings").glob("*.pdf"))}


def text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def cache(project: Path, audience: str = "public") -> Path:
    return project / PDF_CACHE / audience


def edit(file: Path, old: str, new: str) -> None:
    content = file.read_text(encoding="utf-8")
    assert old in content
    file.write_text(content.replace(old, new), encoding="utf-8")


def test_an_unchanged_briefing_reuses_its_pdf_and_one_changed_word_reprints_only_its_own(project: Path, build) -> None:
    assert build() == (5, 0)
    before = pdfs(project / "site")
    assert set(before) == set(PUBLIC)
    assert len(list(cache(project).glob("*.pdf"))) == 5
    assert not (project / "site" / ".briefings-cache").exists()  # the cache is never published

    assert build() == (0, 5)  # nothing changed: nothing printed
    assert pdfs(project / "site") == before

    edit(project / "content/audits/autumn-maca.md", "Worries in Autumn", "Concerns in Autumn")
    assert build() == (1, 4)
    after = pdfs(project / "site")
    assert "Concerns in Autumn" in text(after["autumn-maca"]) and "Worries in" not in text(after["autumn-maca"])
    assert {slug: after[slug] for slug in PUBLIC if slug != "autumn-maca"} == {
        slug: before[slug] for slug in PUBLIC if slug != "autumn-maca"
    }
    stored = [text(file.read_bytes()) for file in cache(project).glob("*.pdf")]
    assert len(stored) == 5 and not any("Worries in Autumn" in t for t in stored)  # the old text is pruned
    link = re.search(
        r"Download this briefing as a PDF \(A4, (\d+) KB\)", (project / "site/briefings/autumn-maca/index.html").read_text()
    )
    assert link and int(link.group(1)) == round(len(after["autumn-maca"]) / 1000)


def test_a_withdrawn_or_removed_briefing_has_no_pdf_and_leaves_the_cache(project: Path, build) -> None:
    assert build() == (5, 0)
    edit(
        project / "content/audits/thematic-survey.md",
        "status: published",
        "status: withdrawn\nwithdrawn_on: 2025-05-01\nwithdrawn_reason: A detail",
    )
    (project / "content/audits/year-start-maca.md").unlink()
    assert build() == (0, 3)
    assert set(pdfs(project / "site")) == {"autumn-maca", "year-end-maca", "standalone-review"}
    stored = [text(file.read_bytes()) for file in cache(project).iterdir() if file.suffix == ".pdf"]
    assert len(stored) == 3 and len(list(cache(project).iterdir())) == 6  # a PDF and its list of files each
    assert not any("Thematic survey" in t or "first day of April" in t for t in stored)


def test_a_truncated_tampered_or_unreadable_entry_is_printed_afresh_never_published(project: Path, build) -> None:
    assert build() == (5, 0)
    before = pdfs(project / "site")
    entries = {json.loads(f.read_text())["pdf"]: f.with_suffix("") for f in cache(project).glob("*.json")}
    by_slug = {slug: entries[hashlib.sha256(data).hexdigest()] for slug, data in before.items()}
    truncated = by_slug["autumn-maca"].with_suffix(".pdf")
    truncated.write_bytes(truncated.read_bytes()[: truncated.stat().st_size // 2])
    tampered = by_slug["thematic-survey"].with_suffix(".pdf")
    data, middle = tampered.read_bytes(), tampered.stat().st_size // 2
    tampered.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])  # same size, one bit changed
    by_slug["year-end-maca"].with_suffix(".json").write_text('{"files": {}, "pdf": ')
    (cache(project) / ".tmp-left-by-a-killed-build").write_bytes(b"%PDF-1.7 half")

    assert build() == (3, 2)
    after = pdfs(project / "site")
    for slug in ("autumn-maca", "thematic-survey", "year-end-maca"):
        assert text(after[slug]) == text(before[slug])  # whole again, from a new print
    assert not (cache(project) / ".tmp-left-by-a-killed-build").exists()
    assert build() == (0, 5)  # the entries were written whole again


def test_print_styles_partnership_browser_and_audience_each_key_the_pdf(
    project: Path, build, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert build() == (5, 0)
    assert build("--audience", "partners") == (6, 0)  # its own cache: other addresses, restricted items
    assert build() == (0, 5)  # the partners build did not evict the public one's entries
    assert build("--audience", "partners") == (0, 6)

    with (project / "overrides/assets/stylesheets/briefings.css").open("a", encoding="utf-8") as css:
        css.write("\n/* a stylesheet every page loads */\n")
    assert build() == (5, 0)

    edit(project / "mkdocs.yml", "partnership: the Northbrook", "partnership: the Southbrook")  # print.css and author
    assert build() == (5, 0)
    southbrook = pdfs(project / "site")

    version = pdf.browser_version(CHROMIUM)
    monkeypatch.setattr(pdf, "browser_version", lambda chromium: version + " (upgraded)")
    assert build() == (5, 0)  # a new browser may print differently
    assert build() == (0, 5)
    for slug, data in southbrook.items():
        assert "Southbrook" in text(data) and PdfReader(io.BytesIO(data)).metadata["/Author"].startswith("Southbrook"), slug
