"""The page checks' worker: it never outlives a build that fails around it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.output.postbuild import PageChecks


def test_the_checking_worker_is_ended_when_checking_the_other_files_fails(tmp_path: Path) -> None:
    """The build process checks the site's other files while the worker finishes the pages; if that fails, the
    worker is stopped with it, not left running."""
    (tmp_path / "page.html").write_text("<p>Fine.</p>")
    (tmp_path / "data.json").write_text("{not json")
    checks = PageChecks(tmp_path, "example.org")
    checks.written("page.html")
    with pytest.raises(json.JSONDecodeError):
        checks.finish()
    assert checks.worker.poll() is not None


def test_the_checking_worker_reports_the_pages_and_this_process_the_other_files(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>Ring 07700 900461.</p>")
    (tmp_path / "notes.txt").write_text("Or 07700 900462.\n")
    checks = PageChecks(tmp_path, "example.org")
    checks.written("page.html")
    assert [(f.path, f.text) for f in checks.finish()] == [
        ("site/page.html", "07700 900461"),
        ("site/notes.txt", "07700 900462"),
    ]


def _pages(site: Path, count: int) -> list[str]:
    """Pages each with its own phone number, in the order a build writes them."""
    names = [f"p{number:02}/index.html" for number in range(count)]
    for number, name in enumerate(names):
        (site / name).parent.mkdir()
        (site / name).write_text(f"<html><head></head><body><p>Ring 07700 9{number:05}.</p></body></html>")
    return names


def test_every_page_is_reported_once_in_the_order_written(tmp_path: Path) -> None:
    names = _pages(tmp_path, 60)
    checks = PageChecks(tmp_path, "example.org")
    for name in names:
        checks.written(name)
    assert [(f.path, f.text) for f in checks.finish()] == [
        (f"site/{name}", f"07700 9{number:05}") for number, name in enumerate(names)
    ]


def test_a_worker_that_stops_midway_fails_the_checks_rather_than_leave_pages_unchecked(tmp_path: Path) -> None:
    names = _pages(tmp_path, 20)
    checks = PageChecks(tmp_path, "example.org")
    checks.written(names[0])
    checks.worker.kill()
    checks.worker.wait()
    for name in names[1:]:
        checks.written(name)
    with pytest.raises(RuntimeError, match="the page checks stopped"):
        checks.finish()
