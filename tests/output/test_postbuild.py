"""The page checks' worker: it never outlives a build that fails around it."""

from __future__ import annotations

import array
import fcntl
import json
import termios
import time
from pathlib import Path

import pytest

from generator.output import postbuild
from generator.output.postbuild import Checker, PageChecks
from generator.output.sitescan import check_site


def test_the_checking_worker_is_ended_when_checking_the_other_files_fails(tmp_path: Path, monkeypatch) -> None:
    """The build process checks the site's other files while the worker finishes the pages; if that fails (here,
    memory runs out reading a JSON file), the worker is stopped with it, not left running."""
    (tmp_path / "page.html").write_text("<p>Fine.</p>")
    (tmp_path / "data.json").write_text("{}")
    monkeypatch.setattr(json, "loads", lambda _: (_ for _ in ()).throw(MemoryError))
    checks = PageChecks(tmp_path, "example.org")
    checks.written("page.html")
    with pytest.raises(MemoryError):
        checks.finish()
    assert not checks.worker.alive()


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


def test_a_page_written_twice_is_reported_once_as_last_written(tmp_path: Path) -> None:
    """An engine may write a page again (another plugin's, or a hook's): its findings are its final bytes', once."""
    names = _pages(tmp_path, 3)
    checks = PageChecks(tmp_path, "example.org")
    for name in names:
        checks.written(name)
    (tmp_path / names[0]).write_text("<p>Ring 07700 900999.</p>")
    checks.written(names[0])
    assert [(f.path, f.text) for f in checks.finish()] == [
        (f"site/{names[0]}", "07700 900999"),
        (f"site/{names[1]}", "07700 900001"),
        (f"site/{names[2]}", "07700 900002"),
    ]


def test_a_halted_worker_answers_for_each_page_it_checked_and_gives_back_each_one_it_had_not(tmp_path: Path) -> None:
    names = _pages(tmp_path, 300)
    worker = Checker(tmp_path, "example.org")
    try:
        for name in names:
            worker.check(name)
        answered, left = worker.halt()
        again, rest = worker.halt()  # a second halt: nothing was sent since, so nothing is left
    finally:
        worker.close()
    checked = [relative for relative, _, _ in answered + again]
    assert left and sorted(checked + left) == sorted(names)  # each page once: checked or given back, never both
    assert rest == []


def test_pages_the_worker_has_not_reached_are_shared_and_each_is_checked_once(tmp_path: Path, monkeypatch) -> None:
    """Once the engine has written every page, this process checks half of the pages the worker has not reached, then
    half of what is left, and so on: every page is checked by one of them and reported once, in the order written."""
    names = _pages(tmp_path, 300)
    here: list[str] = []
    shipped = postbuild.checked_file
    monkeypatch.setattr(
        postbuild, "checked_file", lambda site, relative, *rest: here.append(relative) or shipped(site, relative, *rest)
    )
    checks = PageChecks(tmp_path, "example.org")
    for name in names:
        checks.written(name)
    assert [(f.path, f.text) for f in checks.finish()] == [
        (f"site/{name}", f"07700 9{number:05}") for number, name in enumerate(names)
    ]
    assert here and len(here) == len(set(here)) < len(names)  # this process took a share, the worker the rest


@pytest.mark.timeout(60)
def test_a_worker_sent_a_garbled_request_fails_the_checks_rather_than_wait(tmp_path: Path) -> None:
    names = _pages(tmp_path, 3)
    worker = Checker(tmp_path, "example.org")
    try:
        worker.check(names[0])
        assert worker.process.stdin is not None
        worker.process.stdin.write("not json\n")
        worker.process.stdin.flush()
        with pytest.raises(RuntimeError, match="the page checks stopped"):
            worker.halt()
    finally:
        worker.close()


def test_a_worker_that_stops_midway_fails_the_checks_rather_than_leave_pages_unchecked(tmp_path: Path) -> None:
    names = _pages(tmp_path, 20)
    checks = PageChecks(tmp_path, "example.org")
    checks.written(names[0])
    checks.worker.process.kill()
    checks.worker.process.wait()
    for name in names[1:]:
        checks.written(name)
    with pytest.raises(RuntimeError, match="the page checks stopped"):
        checks.finish()


def test_a_preview_worker_answers_each_rebuild_and_checks_again_only_bytes_that_changed(tmp_path: Path) -> None:
    """A preview keeps one worker for the session: it answers for each rebuild's files, and a file written again
    with the same bytes (the engine's sitemap, at every rebuild) is answered as unchanged, not checked again."""
    data = tmp_path / "archive.json"
    data.write_text('{"note": "Ring 07700 900461."}')
    worker = Checker(tmp_path, "example.org")
    try:
        worker.check("archive.json")
        [(path, digest, found)] = worker.answers()
        assert (path, [item.text for item in found or ()]) == ("archive.json", ["07700 900461"])
        worker.check("archive.json", digest)
        assert worker.answers() == [("archive.json", digest, None)]
        data.write_text('{"note": "Ring 07700 900462."}')  # the same size, other bytes
        worker.check("archive.json", digest)
        [(_, changed, found)] = worker.answers()
        assert changed != digest and [item.text for item in found or ()] == ["07700 900462"]
        assert worker.answers() == []  # nothing asked since
    finally:
        worker.close()


def test_a_preview_hands_the_files_other_than_pages_to_its_worker_and_reports_what_each_holds(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text("<p>Ring 07700 900461.</p>")
    (tmp_path / "archive.csv").write_text("slug,note\nx,Ring 07700 900462\n")
    (tmp_path / "feed.xml").write_text("<feed><title>Fine</title></feed>")
    passed: dict = {}
    worker = Checker(tmp_path, "example.org")
    try:
        found = check_site(tmp_path, "example.org", passed, beside=worker)
        assert [(f.path, f.text) for f in found] == [
            ("site/a/index.html", "07700 900461"),
            ("site/archive.csv", "07700 900462"),  # from the worker, in the folder's order
        ]
        assert set(passed) == {"a/index.html", "archive.csv", "feed.xml"}
        csv = tmp_path / "archive.csv"
        csv.write_bytes(csv.read_bytes())  # written again, the same bytes: what they hold is still reported
        assert [f.text for f in check_site(tmp_path, "example.org", passed, beside=worker)] == ["07700 900461", "07700 900462"]
        worker.process.kill()
        worker.process.wait()
        csv.write_text("slug,note\nx,Fine\n")
        with pytest.raises(RuntimeError, match="the page checks stopped"):
            check_site(tmp_path, "example.org", passed, beside=worker)
    finally:
        worker.close()


def _unread(worker: Checker) -> int:
    """Bytes the worker has written to its stdout that no one has read yet."""
    count = array.array("i", [0])
    fcntl.ioctl(worker.process.stdout.fileno(), termios.FIONREAD, count)  # type: ignore[union-attr]
    return count[0]


def test_a_worker_that_dies_while_it_answers_fails_the_checks_as_stopped(tmp_path: Path) -> None:
    """An answer cut short (the worker killed as it writes a long one) is a worker that stopped, not a reply."""
    (tmp_path / "numbers.txt").write_text("".join(f"Ring 07700 9{number:05}.\n\n" for number in range(3000)))
    worker = Checker(tmp_path, "example.org")
    try:
        worker.check("numbers.txt")
        worker.process.stdin.write("null\n")  # type: ignore[union-attr]
        worker.process.stdin.flush()  # type: ignore[union-attr]
        deadline = time.monotonic() + 60
        while _unread(worker) < 60_000 and time.monotonic() < deadline:
            time.sleep(0.05)  # the answer fills the pipe: the worker waits to write the rest
        worker.process.kill()
        worker.process.wait()
        with pytest.raises(RuntimeError, match="the page checks stopped"):
            worker.answers()
    finally:
        worker.close()


def test_handing_the_worker_many_files_does_not_wait_for_it_to_check_them(tmp_path: Path) -> None:
    """A preview hands the worker its whole share before checking its own (after a theme change, thousands of
    pages): were the worker to read its requests only as it checks them, a full pipe would hold the preview until
    the worker had nearly finished, and the two would not check side by side."""
    big = "".join(f"<p>Paragraph {n} of a long listing, fine.</p>\n" for n in range(40_000))
    for number in range(3):
        (tmp_path / f"big{number}.html").write_text(f"<html><body>{big}</body></html>")
    worker = Checker(tmp_path, "example.org")
    try:
        start = time.monotonic()
        for number in range(3):
            worker.check(f"big{number}.html")
        for number in range(3000):  # gone: the worker passes over them, but reads each request
            worker.check(f"briefings/a-fairly-ordinary-slug-{number:05}/index.html", b"\x01" * 16)
        handed = time.monotonic() - start
        assert len(worker.answers()) == 3
        checked = time.monotonic() - start
        assert handed < checked / 2, (handed, checked)  # held by a full pipe, handing would take nearly all of it
    finally:
        worker.close()
