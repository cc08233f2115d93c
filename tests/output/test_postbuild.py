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
