"""The search index: built from the finished pages, and kept up to date in the background while previewing."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

from generator.search import BackgroundIndex


def indexed_text(site: Path) -> str:
    """Every page's indexed content, as Pagefind's fragments hold it."""
    return "".join(gzip.decompress(f.read_bytes()).decode("utf-8") for f in (site / "pagefind/fragment").iterdir())


def test_background_index_covers_every_page_rewritten_before_wait(public_site: Path, tmp_path: Path) -> None:
    site = shutil.copytree(public_site, tmp_path / "site")
    shutil.rmtree(site / "pagefind")
    reports: list[str] = []
    index = BackgroundIndex(site, reports.append)
    index.request()
    page = site / "briefings/year-end-maca/index.html"
    page.write_text(page.read_text().replace("Background of", "Zanzibar background of"))
    index.request()
    index.wait()
    assert reports == []
    assert "Zanzibar background of" in indexed_text(site)
    assert "Quokka" not in indexed_text(site)


def test_background_index_reports_a_failure_instead_of_raising(tmp_path: Path) -> None:
    reports: list[str] = []
    index = BackgroundIndex(tmp_path / "missing", reports.append)
    index.request()
    index.wait()
    assert len(reports) == 1 and reports[0].startswith("pagefind could not index the site: ")
