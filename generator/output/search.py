"""Site search: a Pagefind index of the built site, so a reader downloads only the chunks a query needs.

Pagefind (its binary ships in the `pagefind[bin]` wheel and runs offline) reads the finished HTML,
so only what a build publishes can ever be found: drafts and restricted items never reach it.

Pagefind holds a whole index in memory while writing it, about 200 MB per 1,000 briefings, so a large
archive is indexed in parts of `part_size` briefings, one after another: `pagefind/`, `pagefind-2/`, …
The search box merges the parts (Pagefind's mergeIndex), ranking all results together.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Collection
from contextlib import suppress
from pathlib import Path

from generator.sitemodel import BUNDLE_DIR


class SearchIndexError(RuntimeError):
    pass


DEFAULT_PART_SIZE = 1000


def part_count(briefings: int, part_size: int) -> int:
    """Parts of the index for this many briefings: none at all before the first is published."""
    return -(-briefings // part_size)


def _commands(site: Path, slugs: list[str], part_size: int, into: Path) -> list[list[str]]:
    """One Pagefind run per part, each writing its bundle into the folder `into`. Only briefing pages
    (`briefings/<slug>/`) are read: they alone are marked data-pagefind-body, and reading every other page
    as well would more than double the time."""
    base = [sys.executable, "-m", "pagefind", "--site", str(site), "--exclude-selectors", ".headerlink", "--quiet"]
    if part_count(len(slugs), part_size) == 1:
        return [[*base, "--glob", "briefings/*/index.html", "--output-path", str(into / _bundle(1))]]
    slugs = sorted(slugs)
    parts = [slugs[start : start + part_size] for start in range(0, len(slugs), part_size)]
    return [  # slugs are [a-z0-9-] only (validated), so they are safe in a glob
        [*base, "--glob", "briefings/{" + ",".join(part) + "}/index.html", "--output-path", str(into / _bundle(number))]
        for number, part in enumerate(parts, start=1)
    ]


def _bundle(number: int) -> str:
    return "pagefind" if number == 1 else f"pagefind-{number}"


class Indexing(threading.Thread):
    """Pagefind writing the index of a site's briefings, from `indexing` until the `with` block around it ends.

    Its runs (one per part) go one after another, never together: their memory would add up. If the
    block raises, Pagefind is stopped at once; otherwise the index is complete when the block ends.
    """

    def __init__(self, commands: list[list[str]], own_group: bool) -> None:
        """`own_group` keeps a background run out of reach of the terminal's Ctrl-C (a process group of its own), so that it can finish."""
        super().__init__(daemon=True)
        self.commands, self.own_group = commands, own_group
        self.lock = threading.Lock()
        self.process: subprocess.Popen[str] | None = None
        self.stopped = False
        self.held = False
        self.error: str | None = None

    def run(self) -> None:
        for command in self.commands:
            with self.lock:
                if self.stopped:
                    return
                self.process = subprocess.Popen(  # a group of its own: the terminal's Ctrl-C reaches only the foreground
                    command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **self._group()
                )
                self._signal()
            out, err = self.process.communicate()
            if self.process.returncode != 0:
                self.error = err.strip() or out.strip() or f"it stopped with exit status {self.process.returncode}"
                return

    def _group(self) -> dict[str, int]:
        """A process group of its own, in the preview's session (not a session of its own): if the preview dies while
        the index is paused, the system sends the orphaned, stopped group SIGHUP and SIGCONT, and it ends (or goes on,
        where SIGHUP is ignored, as under `nohup`) instead of staying stopped forever."""
        return {"process_group": 0} if self.own_group and hasattr(os, "setpgid") else {}

    def hold(self, held: bool) -> None:
        """Pause Pagefind where it is, or let it go on (where the system can pause a process)."""
        with self.lock:
            self.held = held
            self._signal()

    def _signal(self) -> None:
        if self.own_group and self.process and self.process.poll() is None and hasattr(signal, "SIGSTOP"):
            with suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGSTOP if self.held else signal.SIGCONT)

    def stop(self) -> None:
        with self.lock:
            self.stopped = True
            if self.process and self.process.poll() is None:
                self.process.kill()
        self.join()

    def __enter__(self) -> Indexing:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        if kind is not None:
            self.stop()
            return
        self.join()
        if self.error is not None:
            raise SearchIndexError(f"pagefind could not index the site: {self.error}")


def indexing(site: Path, slugs: list[str], part_size: int = DEFAULT_PART_SIZE) -> Indexing:
    """Start indexing the briefings `slugs` of `site` (Pagefind is a separate process); see `Indexing`.

    The slugs are those the pages were told to expect (`part_count`).
    """
    runs = Indexing(_commands(site, slugs, part_size, site), own_group=False)
    runs.start()
    return runs


def replace_index(
    site: Path, slugs: list[str], part_size: int = DEFAULT_PART_SIZE, started: Callable[[Indexing], None] = lambda runs: None
) -> None:
    """Write a new index of `site` beside it, then put it in place of the old one, so that nothing of a
    page gone since (deleted, made a draft or restricted) can still be found or fetched."""
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-search-", dir=site.parent))
    try:
        nice = shutil.which("nice")  # behind the next rebuild: the author sees the page first, the search catches up
        behind = [nice, "-n", "10"] if nice else []  # where there is no `nice`, at the same priority
        commands = [[*behind, *command] for command in _commands(site, slugs, part_size, staging)] if slugs else []
        runs = Indexing(commands, own_group=True)
        started(runs)
        runs.run()  # here, in the preview's background thread
        if runs.error is not None:
            raise SearchIndexError(f"pagefind could not index the site: {runs.error}")
        for old in site.iterdir():
            if old.is_dir() and BUNDLE_DIR.fullmatch(old.name + "/"):
                shutil.rmtree(old)
        for new in staging.iterdir():
            new.rename(site / new.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


class BackgroundIndex:
    """A preview's search index, catching up with its rebuilds without making any of them wait.

    Rebuilds requested while an index is being written are covered by one more run when it ends.
    """

    def __init__(self, site: Path, part_size: int, report: Callable[[str], None]) -> None:
        self.site, self.part_size, self.report = site, part_size, report
        self.lock = threading.Condition()
        self.pending = False
        self.slugs: list[str] = []
        self.thread: threading.Thread | None = None
        self.runs: Indexing | None = None
        self.held = False
        self.gone: set[str] = set()
        """Pages removed since the index last covered them: their search entries go at once, and after every run."""

    def request(self, slugs: list[str]) -> None:
        with self.lock:
            self.pending, self.slugs = True, slugs
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, daemon=True)
                self.thread.start()

    def forget(self, pages: Collection[str]) -> None:
        """Drop the search entries of `pages`, removed from the site (their files, `briefings/x/index.html`): a run under
        way, which may have read them, drops them too when it is put in place."""
        with self.lock:
            self.gone |= set(pages)
        drop_fragments(self.site, pages)

    def hold(self, held: bool) -> None:
        """Pause the index while a rebuild runs, or let it go on: the author's page first. A rebuild that failed keeps it
        paused, with no new run started, until one passes: the folder holds pages the checks refused."""
        with self.lock:
            self.held = held
            if self.runs:
                self.runs.hold(held)
            self.lock.notify_all()

    def _started(self, runs: Indexing) -> None:
        with self.lock:
            self.runs = runs
            runs.held = self.held

    def wait(self) -> None:
        """Return once the index covers every request made so far."""
        self.hold(False)
        with self.lock:
            thread = self.thread
        if thread:
            thread.join()

    def _run(self) -> None:
        while True:
            with self.lock:
                self.lock.wait_for(lambda: not self.held)
                if not self.pending:
                    self.thread = None
                    return
                self.pending, slugs, covered = False, self.slugs, set(self.gone)  # gone before it reads the site
            try:
                replace_index(self.site, slugs, self.part_size, self._started)
            except SearchIndexError as error:
                self.report(str(error))
            with self.lock:  # only pages removed while it ran can be in the index it put in place
                self.gone = {page for page in self.gone - covered if not (self.site / page).exists()}
                gone = set(self.gone)
            drop_fragments(self.site, gone)


_FRAGMENT_START = b"pagefind_dcd"
"""What Pagefind writes before a fragment's JSON (a page's address and text), once the file is unzipped."""


def drop_fragments(site: Path, pages: Collection[str]) -> None:
    """Delete the search fragments of `pages` (their files in `site`) from its index: the search box can no longer
    show or fetch their text."""
    addresses = {"/" + page.removesuffix("index.html") for page in pages}
    if not addresses:
        return
    for fragment in site.glob("pagefind*/fragment/*.pf_fragment"):
        with suppress(OSError, ValueError, KeyError, TypeError):
            data = gzip.decompress(fragment.read_bytes()).removeprefix(_FRAGMENT_START)
            if json.loads(data)["url"] in addresses:
                fragment.unlink()
