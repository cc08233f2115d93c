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
from typing import Any

from generator.memory import give_back
from generator.output.search import Indexing, indexing
from generator.output.sitescan import Answer, Sighting, check_site, checked_file


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

    def answers(self) -> list[Answer]:
        """Each file checked since the last answers: its path, its bytes' digest and what its checks found (None
        where the bytes were those `known`). `RuntimeError` if the worker stopped."""
        self._send(None)
        return _answered(self._answer())

    def halt(self) -> tuple[list[Answer], list[str]]:
        """The answers so far, and the paths sent that the worker had not reached: it drops them, and takes new ones."""
        self._send(_HALT)
        checked, left = self._answer()
        return _answered(checked), left

    def _answer(self) -> Any:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.endswith("\n"):  # none, or cut short: the worker stopped as it answered
            self.errors.seek(0)
            raise RuntimeError(f"the page checks stopped: {self.errors.read().decode(errors='replace').strip()[-2000:]}")
        return json.loads(line)

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
        self.checked: dict[str, int] = {}
        """Each page sent to the worker, with its place in the order written: findings are reported in that order."""
        self.worker = Checker(site, own_host, label)

    def written(self, relative: str) -> None:
        """Check the page just written at `relative` (a path in the site)."""
        self.checked.setdefault(relative, len(self.checked))
        self.worker.check(relative)

    def finish(self) -> list[Sighting]:
        """The findings of every page, then of every other file in the site (feeds, data, static files): this
        process checks those while the worker finishes the pages, then shares the pages the worker has not reached."""
        try:
            others = check_site(self.site, self.own_host, checked=set(self.checked), label=self.label)
            latest = {relative: found for relative, _, found in self.shared()}  # a page written twice: its later answer
            pages = [item for relative in self.checked if relative in latest for item in latest[relative] or ()]
        finally:
            self.close()  # the worker too, if that failed: nothing will wait for it now
        return pages + others

    def shared(self) -> list[Answer]:
        """Every page's answer. The engine's write is over, so a core is free: this process halts the worker, leaves it
        the first half of the pages it had not reached, checks the second half itself, and halts it again, until no
        page is left; each page is checked once, by one of them."""
        answers: list[Answer] = []
        seen: set[str] = set()
        while True:
            checked, left = self.worker.halt()
            answers += checked
            if not left:
                return answers
            mine = left[len(left) // 2 :] if len(left) > 2 else left  # the last few: not handed back and forth
            for relative in left[: len(left) - len(mine)]:
                self.worker.check(relative)
            answers += filter(None, (checked_file(self.site, relative, self.label, self.own_host, seen) for relative in mine))

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


def _answered(checked: list) -> list[Answer]:
    return [
        (relative, bytes.fromhex(digest), None if found is None else tuple(Sighting(*item) for item in found))
        for relative, digest, found in checked
    ]


_HALT = "halt"
_HALT_LINE = json.dumps(_HALT)


def _serve(site: Path, own_host: str, label: str) -> None:
    """The worker: on each line of stdin a file's path in the site, with the digest its bytes had when last
    checked or null (JSON); a line `null` asks for what was checked since, answered as a line of JSON on stdout;
    a line `"halt"` asks for that and for the paths not yet reached, which are dropped, at once. It ends with stdin."""
    seen: set[str] = set()
    checked: list[tuple[str, str, list | None]] = []
    requests, halting = _drained(sys.stdin)
    for line in iter(requests.get, None):
        request = json.loads(line)
        if request is None:
            _answer(checked)
            checked = []
        elif halting.is_set() or request == _HALT:
            left = _until_halt(requests, request, checked)
            halting.clear()
            _answer([checked, left])
            checked = []
        else:
            checked += _checked(site, request, label, own_host, seen)


def _checked(site: Path, request: list, label: str, own_host: str, seen: set[str]) -> list[tuple[str, str, list | None]]:
    """A page request's answer, as the worker sends it (none where the engine skipped writing the page)."""
    relative, known = request
    if not (answer := checked_file(site, relative, label, own_host, seen, None if known is None else bytes.fromhex(known))):
        return []
    _, digest, found = answer
    return [(relative, digest.hex(), None if found is None else [astuple(item) for item in found])]


def _until_halt(requests: SimpleQueue[str | None], request: object, checked: list) -> list[str]:
    """The paths of the page requests queued up to the halt (from `request`, taken already): the pages not reached,
    left to others. An answers request among them is answered in its turn (with what was checked, which it empties)."""
    left = []
    while request != _HALT:
        if request is None:
            _answer(checked)
            checked.clear()
        else:
            left.append(request[0])  # type: ignore[index]
        line = requests.get()
        if line is None:  # the input ended before its halt: the worker ends too
            requests.put(None)
            break
        request = json.loads(line)
    return left


def _answer(value: object) -> None:
    sys.stdout.write(json.dumps(value) + "\n")
    sys.stdout.flush()


def _drained(stream: Iterator[str]) -> tuple[SimpleQueue[str | None], threading.Event]:
    """The lines of `stream`, read as they come, whatever is being checked (a preview hands its worker a whole share
    of pages before it checks its own, and a full pipe would hold it until the worker had checked nearly all of them),
    and an event set as soon as a halt is read, so that the pages queued before it are not checked first."""
    lines: SimpleQueue[str | None] = SimpleQueue()
    halting = threading.Event()

    def read() -> None:
        try:
            for line in stream:
                if line.strip() == _HALT_LINE:
                    halting.set()  # before the halt is queued: the worker, taking it, clears the event for the next one
                lines.put(line)
        finally:
            lines.put(None)  # whatever stopped the reading, the worker ends rather than waits

    threading.Thread(target=read, daemon=True).start()
    return lines, halting


if __name__ == "__main__":
    _serve(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
