"""A full build's checks over its site folder, run as the engine writes the pages, beside the search index.

The checks themselves are `sitescan`'s; here they run in a worker interpreter while the pages are
written, so that the finished folder need not be read again.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import astuple
from pathlib import Path

from generator.memory import give_back
from generator.output.search import Indexing, indexing
from generator.output.sitescan import Sighting, check_html, check_site

LARGE_PAGE = 1_000_000
"""Bytes: a page this large (a long listing) takes tens of MB to parse."""


class PageChecks:
    """A full build's page checks, made by a worker process as the pages are written.

    Building pages keeps one core busy; checking them as they come uses another one, instead of reading
    every page again once the build is done. It is a new interpreter (`python -m generator.output.postbuild`), not
    a fork, because it lives as long as the build (see `tasks`); it reads each page from disk, just
    written, so the build holds none for it.
    """

    def __init__(self, site: Path, own_host: str, label: str = "site") -> None:
        self.site, self.own_host, self.label = site, own_host, label
        self.checked: set[str] = set()
        self.worker = subprocess.Popen(
            [sys.executable, "-m", "generator.output.postbuild", str(site), own_host, label],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def _send(self, value: object) -> None:
        assert self.worker.stdin is not None
        self.worker.stdin.write(json.dumps(value) + "\n")

    def written(self, relative: str) -> None:
        """Check the page just written at `relative` (a path in the site)."""
        self.checked.add(relative)
        self._send(relative)

    def finish(self) -> list[Sighting]:
        """The findings of every page, then of every other file in the site (feeds, data, static files): this
        process checks those while the worker finishes the pages."""
        try:
            others = check_site(self.site, self.own_host, checked=self.checked, label=self.label)
        except BaseException:
            self.close()  # the worker too: nothing will wait for it now
            raise
        out, err = self.worker.communicate()
        if self.worker.returncode != 0:
            raise RuntimeError(f"the page checks stopped: {err.strip()[-2000:]}")
        return [Sighting(*item) for item in json.loads(out)] + others

    def close(self) -> None:
        self.worker.kill()
        self.worker.communicate()


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


def _check_written_pages(site: Path, own_host: str, label: str) -> None:
    """The worker: one page path per line (JSON) on stdin; what it found as JSON on stdout."""
    seen: set[str] = set()
    found: list[Sighting] = []
    for line in sys.stdin:
        file = site / json.loads(line)
        if file.is_file():  # an engine may skip writing an empty page
            found += check_html(f"{label}/{file.relative_to(site).as_posix()}", file.read_bytes(), own_host, seen)
            if file.stat().st_size > LARGE_PAGE:
                give_back()  # its parse: this worker runs beside Pagefind
    sys.stdout.write(json.dumps([astuple(item) for item in found]))


if __name__ == "__main__":
    _check_written_pages(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
