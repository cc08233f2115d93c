"""A preview's output checks shared with its worker: every finding is reported at every rebuild, whoever checked it."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from generator.output import sitescan
from generator.output.postbuild import Checker
from generator.output.sitescan import check_site
from generator.tasks import OutOfTime, processor_limit


class Watched:
    """A worker beside the preview, recording what it is handed."""

    def __init__(self, worker: Checker) -> None:
        self.worker, self.handed = worker, []

    def check(self, relative: str, known: bytes | None) -> None:
        self.handed.append((relative, known))
        self.worker.check(relative, known)

    def answers(self) -> list:
        return self.worker.answers()


def _site(site: Path) -> list[str]:
    names = []
    for number in range(1, 5):
        (site / f"p{number}").mkdir()
        (site / f"p{number}/index.html").write_text(f"<p>Ring 07700 90046{number}.</p>")
        names.append(f"p{number}/index.html")
    (site / "notes.txt").write_text("Fine.\n")
    for name in [*names, "notes.txt"]:  # written well before the check: no file is "racily clean"
        os.utime(site / name, ns=(0, (site / name).stat().st_mtime_ns - 10_000_000_000))
    return names


def _later(file: Path, data: bytes | None = None) -> None:
    """Write `file` again (the same bytes unless `data`), with a time of its own well before the next check."""
    file.write_bytes(file.read_bytes() if data is None else data)
    os.utime(file, ns=(0, file.stat().st_mtime_ns - 5_000_000_000))


def test_whoever_checks_a_file_the_findings_are_those_a_build_reports(tmp_path: Path) -> None:
    _site(tmp_path)
    (tmp_path / "data.json").write_text('{"note": "Or 07700 900469."}')
    alone = check_site(tmp_path, "example.org")
    worker = Checker(tmp_path, "example.org")
    try:
        shared = check_site(tmp_path, "example.org", {}, beside=worker)
    finally:
        worker.close()
    assert shared == alone and len(alone) == 5


def test_a_page_the_worker_finds_unchanged_still_reports_what_it_held_and_is_remembered(tmp_path: Path) -> None:
    names = _site(tmp_path)
    worker = Checker(tmp_path, "example.org")
    passed: dict = {}
    try:
        assert len(check_site(tmp_path, "example.org", passed, beside=worker)) == 4
        for name in names[:2]:
            _later(tmp_path / name)
        watched = Watched(worker)
        found = check_site(tmp_path, "example.org", passed, beside=watched)
        assert [f.text for f in found] == [f"07700 90046{n}" for n in range(1, 5)]
        [(relative, known)] = watched.handed  # one of the two pages; the worker answers "unchanged"
        assert known is not None
        stat = (tmp_path / relative).stat()
        assert passed[relative][:2] == (stat.st_mtime_ns, stat.st_size)
        assert [f.text for f in passed[relative][4]] == [f"07700 90046{names.index(relative) + 1}"]
        watched = Watched(worker)
        assert len(check_site(tmp_path, "example.org", passed, beside=watched)) == 4
        assert watched.handed == []  # remembered: nothing read again
    finally:
        worker.close()


def test_a_file_gone_when_the_preview_reads_it_is_read_again_when_it_comes_back(tmp_path: Path, monkeypatch) -> None:
    """A plugin moves a file aside and back (keeping its old time) just as the preview reads it: it is not remembered
    as passed, so the next rebuild reads it and reports what it holds."""
    notes, aside = tmp_path / "notes.txt", tmp_path.parent / "notes.aside"
    notes.write_text("Ring 07700 900461.\n")
    old = notes.stat().st_mtime_ns - 10_000_000_000
    os.utime(notes, ns=(old, old))
    shipped = sitescan.checked_file

    def moved_aside(site: Path, relative: str, *rest):
        notes.rename(aside)
        return shipped(site, relative, *rest)

    passed: dict = {}
    monkeypatch.setattr(sitescan, "checked_file", moved_aside)
    assert check_site(tmp_path, "example.org", passed) == []
    monkeypatch.setattr(sitescan, "checked_file", shipped)
    aside.rename(notes)
    assert [f.text for f in check_site(tmp_path, "example.org", passed)] == ["07700 900461"]


def test_a_page_the_worker_checks_again_reports_its_new_finding(tmp_path: Path) -> None:
    names = _site(tmp_path)
    worker = Checker(tmp_path, "example.org")
    passed: dict = {}
    try:
        check_site(tmp_path, "example.org", passed, beside=worker)
        _later(tmp_path / names[0], b"<p>Fine now.</p>")
        _later(tmp_path / names[1], b"<p>Ring 07700 900999, and 07700 900998.</p>")
        watched = Watched(worker)
        found = check_site(tmp_path, "example.org", passed, beside=watched)
        assert [relative for relative, _ in watched.handed] == [names[1]]
        assert [f.text for f in found] == ["07700 900999", "07700 900998", "07700 900463", "07700 900464"]
        assert [f.text for f in passed[names[1]][4]] == ["07700 900999", "07700 900998"]
        assert passed[names[0]][4] == ()
    finally:
        worker.close()


def test_a_worker_stopped_before_it_answers_fails_the_checks_of_the_pages_it_was_handed(tmp_path: Path) -> None:
    names = _site(tmp_path)
    (tmp_path / "notes.txt").unlink()  # pages only
    worker = Checker(tmp_path, "example.org")
    passed: dict = {}
    try:
        check_site(tmp_path, "example.org", passed, beside=worker)
        worker.process.kill()
        worker.process.wait()
        for name in names:
            _later(tmp_path / name, b"<p>Fine.</p>")
        with pytest.raises(RuntimeError, match="the page checks stopped"):
            check_site(tmp_path, "example.org", passed, beside=worker)
    finally:
        worker.close()


def test_a_preview_shares_its_pages_with_its_worker_and_reports_every_finding_in_the_folders_order(tmp_path: Path) -> None:
    """Rewritten pages are dealt between the preview and its worker (a title appears in dozens of listings): what
    each checks is reported, whoever checked it, and a page the worker checked is remembered as one checked here."""
    for number in range(1, 7):
        (tmp_path / f"p{number}").mkdir()
        (tmp_path / f"p{number}/index.html").write_text(f"<p>Ring 07700 90046{number}.</p>")
    (tmp_path / "feed.xml").write_text("<feed><title>Fine</title></feed>")
    worker = Checker(tmp_path, "example.org")
    watched = Watched(worker)
    passed: dict = {}
    try:
        found = check_site(tmp_path, "example.org", passed, beside=watched)
        assert [(f.path, f.text) for f in found] == [(f"site/p{n}/index.html", f"07700 90046{n}") for n in range(1, 7)]
        handed = [relative for relative, _ in watched.handed]
        pages = [relative for relative in handed if relative.endswith(".html")]
        assert "feed.xml" in handed and 0 < len(pages) < 6
        assert set(passed) == {"feed.xml", *(f"p{n}/index.html" for n in range(1, 7))}
        (tmp_path / pages[0]).write_bytes((tmp_path / pages[0]).read_bytes())  # written again, the same bytes
        assert len(check_site(tmp_path, "example.org", passed, beside=Watched(worker))) == 6
    finally:
        worker.close()


PASSED_OVER_LIMIT = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
"""The limit's signal may land in another library's finaliser (asyncio's event loop, hypothesis' collector callback),
which passes over any exception and says so: `processor_limit` fires again and raises it when its block ends."""


@PASSED_OVER_LIMIT
def test_a_file_whose_checks_run_past_their_limit_is_reported_unreadable_not_passed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file made to be read at length (a pattern reading it for ever) fails the build, named, rather than hold it."""
    (tmp_path / "long").mkdir()
    (tmp_path / "long/index.html").write_text(
        "".join(f"<p>Paragraph {n} of a long page, read word by word.</p>\n" for n in range(60_000))
    )
    (tmp_path / "short.txt").write_text("Fine.\n")
    monkeypatch.setattr(sitescan, "CHECK_LIMIT", 0.05)
    found = check_site(tmp_path, "example.org")
    assert [(item.path, item.kind) for item in found] == [("site/long/index.html", sitescan.UNREADABLE)]
    assert "not finished within 0.05 s of processor time" in found[0].message()


def test_a_picture_whose_reader_passes_over_errors_is_unreadable_past_the_limit_not_passed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pillow's JPEG reader passes over any error in a JFIF segment: a picture of a hundred thousand of them is read
    past the limit, and must not pass for that."""
    picture = io.BytesIO()
    Image.new("RGB", (1, 1)).save(picture, "JPEG")
    segment = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    data = picture.getvalue()
    (tmp_path / "photo.jpg").write_bytes(data[:2] + segment * 100_000 + data[2:])
    monkeypatch.setattr(sitescan, "CHECK_LIMIT", 0.01)
    found = check_site(tmp_path, "example.org")
    assert [(item.path, item.kind) for item in found] == [("site/photo.jpg", sitescan.UNREADABLE)]
    assert "not finished within 0.01 s of processor time" in found[0].message()


def test_each_entity_a_file_declares_is_reported_at_its_line() -> None:
    data = b"<?xml?>\n<!DOCTYPE svg [\n<!ENTITY a 'x'>\n\n<!ENTITY b 'y'><!ENTITY c 'z'>\n]>\n<svg/>"
    found = sitescan.check_file("site", "card.svg", data, "example.org", set())
    assert [(item.line, item.kind) for item in found] == [(3, sitescan.UNREAD), (5, sitescan.UNREAD), (5, sitescan.UNREAD)]


@PASSED_OVER_LIMIT
def test_an_outer_limit_running_out_during_a_file_s_checks_is_not_blamed_on_the_file() -> None:
    """Only a file's own limit makes it unreadable: an outer one (a caller's, over many files) ends the caller's work."""
    page = ("<p>Some ordinary text about the school year and its events.</p>\n" * 3000).encode()
    found = []
    with pytest.raises(OutOfTime), processor_limit(0.3):
        for number in range(40):
            found += sitescan.check_file("site", f"p{number}.html", page, "example.org", set())
    assert found == []
