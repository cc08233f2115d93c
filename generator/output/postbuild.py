"""A full build's checks over its site folder, run as the engine writes the pages, beside the search index.

The checks themselves are `sitescan`'s; here they run in a worker interpreter (`Checker`) while the pages are
written, so that the finished folder need not be read again. A preview's `Checker` checks the files other than
pages (the archive's data, the year's documents) and a share of the pages it rewrote, while the preview checks the
rest (`sitescan.check_site`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import astuple
from pathlib import Path
from queue import SimpleQueue

from generator.memory import give_back
from generator.output.search import Indexing, indexing
from generator.output.sitescan import Sighting, check_file, check_site, signature

LARGE_PAGE = 1_000_000
"""Bytes: a page this large (a long listing) takes tens of MB to parse."""


class Checker:
    """A worker interpreter that checks site files by their paths, beside this process (`python -m
    generator.output.postbuild`). It is a new interpreter, not a fork, because it may live as long as a build or a
    preview, whose server threads make forking unsafe (see `tasks`); it reads each file from disk, just written, so
    this process holds none for it."""

    def __init__(self, site: Path, own_host: str, label: str = "site") -> None:
        self.own_host = own_host
        """The host whose loads are the site's own, for as long as the worker lives."""
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 (open while the worker lives: `close` closes it)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator.output.postbuild", str(site), own_host, label],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
        )

    def check(self, relative: str, known: bytes | None = None) -> None:
        """Check the file at `relative` (a path in the site), unless its bytes still have the digest `known`."""
        self._send([relative, None if known is None else known.hex()])

    def answers(self) -> list[tuple[str, bytes, tuple[Sighting, ...] | None]]:
        """Each file checked since the last answers: its path, its bytes' digest and what its checks found (None
        where the bytes were those `known`). `RuntimeError` if the worker stopped."""
        self._send(None)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.endswith("\n"):  # none, or cut short: the worker stopped as it answered
            self.errors.seek(0)
            raise RuntimeError(f"the page checks stopped: {self.errors.read().decode(errors='replace').strip()[-2000:]}")
        return [
            (relative, bytes.fromhex(digest), None if found is None else tuple(Sighting(*item) for item in found))
            for relative, digest, found in json.loads(line)
        ]

    def _send(self, value: object) -> None:
        assert self.process.stdin is not None
        with suppress(BrokenPipeError):  # a worker that stopped is reported by `answers`
            self.process.stdin.write(json.dumps(value) + "\n")
            self.process.stdin.flush()  # the worker starts on it at once

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        with suppress(BrokenPipeError):
            self.process.stdin.close()  # type: ignore[union-attr]
        self.process.stdout.close()  # type: ignore[union-attr]
        self.errors.close()


class PageChecks:
    """A full build's page checks, made by a `Checker` as the pages are written.

    Building pages keeps one core busy; checking them as they come uses another one, instead of reading
    every page again once the build is done.
    """

    def __init__(self, site: Path, own_host: str, label: str = "site") -> None:
        self.site, self.own_host, self.label = site, own_host, label
        self.checked: set[str] = set()
        self.worker = Checker(site, own_host, label)

    def written(self, relative: str) -> None:
        """Check the page just written at `relative` (a path in the site)."""
        self.checked.add(relative)
        self.worker.check(relative)

    def finish(self) -> list[Sighting]:
        """The findings of every page, then of every other file in the site (feeds, data, static files): this
        process checks those while the worker finishes the pages."""
        try:
            others = check_site(self.site, self.own_host, checked=self.checked, label=self.label)
            pages = [item for _, _, found in self.worker.answers() for item in found or ()]
        finally:
            self.close()  # the worker too, if that failed: nothing will wait for it now
        return pages + others

    def close(self) -> None:
        self.worker.close()


class PostBuild:
    """A full build's checks and search index, started while the engine writes the pages.

    With more than one worker, each page is checked by `PageChecks` as soon as it is written; otherwise the
    whole folder is checked once written. The search index starts as soon as the last searchable page is
    on disk, so that Pagefind indexes while the engine writes the rest (see `build.writing_order`).
    """

    def __init__(
        self,
        folder: Path,
        own_host: str,
        searchable: list[str],
        slugs: list[str],
        part_size: int,
        label: str,
        workers: int,
    ) -> None:
        self.folder, self.own_host, self.label = folder, own_host, label
        self.slugs, self.part_size = slugs, part_size
        self.unwritten = set(searchable)
        self.page_checks = PageChecks(folder, own_host, label) if workers > 1 else None
        self.index: Indexing | nullcontext[None] | None = None
        self.protected: set[str] = set()
        """Pages written with their policies (see `Job.finish`)."""

    def written(self, dest: str) -> None:
        """The page at `dest` (a path in the folder) is on disk."""
        self.protected.add(dest)
        if self.page_checks:
            self.page_checks.written(dest)
        self.unwritten.discard(dest)
        if not self.unwritten and self.index is None and self.slugs:
            give_back()  # the pages written so far, for Pagefind
            self.index = indexing(self.folder, self.slugs, self.part_size)

    @contextmanager
    def search(self) -> Iterator[list[Sighting]]:
        """What the checks found in the whole folder; the search index is complete when the block ends
        (`SearchIndexError` if it failed), and stopped at once if the block raises."""
        if self.index is None:  # no page was written after the last briefing, or there is no briefing at all
            self.index = indexing(self.folder, self.slugs, self.part_size) if self.slugs else nullcontext()
        with self.index:
            if self.page_checks:
                checks, self.page_checks = self.page_checks, None
                yield checks.finish()
            else:
                yield check_site(self.folder, self.own_host, label=self.label)

    def stop(self) -> None:
        """End the workers after a failure: the page checks, and Pagefind if it started."""
        if self.page_checks:
            self.page_checks.close()
            self.page_checks = None
        if isinstance(self.index, Indexing):
            self.index.stop()


def _serve(site: Path, own_host: str, label: str) -> None:
    """The worker: on each line of stdin a file's path in the site, with the digest its bytes had when last
    checked or null (JSON); a line `null` asks for what was checked since, answered as a line of JSON on stdout.
    It ends with stdin."""
    seen: set[str] = set()
    checked: list[tuple[str, str, list | None]] = []
    for line in _drained(sys.stdin):
        request = json.loads(line)
        if request is None:
            sys.stdout.write(json.dumps(checked) + "\n")
            sys.stdout.flush()
            checked = []
            continue
        relative, known = request
        file = site / relative
        if not file.is_file():  # an engine may skip writing an empty page
            continue
        data = file.read_bytes()
        digest = signature(data).hex()
        found = None if digest == known else [astuple(item) for item in check_file(label, relative, data, own_host, seen)]
        checked.append((relative, digest, found))
        if len(data) > LARGE_PAGE:
            give_back()  # its parse: this worker runs beside Pagefind


def _drained(stream: Iterator[str]) -> Iterator[str]:
    """The lines of `stream`, read as they come, whatever is being checked: a preview hands its worker a whole share
    of pages before it checks its own, and a full pipe would hold it until the worker had checked nearly all of them."""
    lines: SimpleQueue[str | None] = SimpleQueue()

    def read() -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return iter(lines.get, None)


if __name__ == "__main__":
    _serve(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
