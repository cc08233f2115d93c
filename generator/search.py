"""Site search: a Pagefind index of the built site, so a reader downloads only the chunks a query needs.

Pagefind (its binary ships in the `pagefind[bin]` wheel and runs offline) reads the finished HTML,
so only what a build publishes can ever be found: drafts and restricted items never reach it.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class SearchIndexError(RuntimeError):
    pass


@contextmanager
def indexing(site: Path, own_session: bool = False) -> Iterator[None]:
    """Index `site` while the block runs (Pagefind is a separate process); the index is complete when it ends.

    If the block raises, Pagefind is stopped. Only the briefing pages (`briefings/<slug>/`) are read: they
    alone are marked data-pagefind-body, and reading every other page as well would more than double the
    time. `own_session` keeps a background run out of reach of the terminal's Ctrl-C, so it can finish.
    """
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--glob",
        "briefings/*/index.html",
        "--exclude-selectors",
        ".headerlink",
        "--quiet",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=own_session)
    try:
        yield
    except BaseException:
        process.kill()
        process.communicate()
        raise
    out, err = process.communicate()
    if process.returncode != 0:
        reason = err.strip() or out.strip() or f"it stopped with exit status {process.returncode}"
        raise SearchIndexError(f"pagefind could not index the site: {reason}")


def index_site(site: Path, own_session: bool = False) -> None:
    """Write `pagefind/` into `site` (see `indexing`)."""
    with indexing(site, own_session):
        pass


class BackgroundIndex:
    """A preview's search index, catching up with its rebuilds without making any of them wait.

    Rebuilds requested while an index is being written are covered by one more run when it ends.
    """

    def __init__(self, site: Path, report: Callable[[str], None]) -> None:
        self.site, self.report = site, report
        self.lock = threading.Lock()
        self.pending = False
        self.thread: threading.Thread | None = None

    def request(self) -> None:
        with self.lock:
            self.pending = True
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, daemon=True)
                self.thread.start()

    def wait(self) -> None:
        """Return once the index covers every request made so far."""
        with self.lock:
            thread = self.thread
        if thread:
            thread.join()

    def _run(self) -> None:
        while True:
            with self.lock:
                if not self.pending:
                    self.thread = None
                    return
                self.pending = False
            try:
                index_site(self.site, own_session=True)
            except SearchIndexError as error:
                self.report(str(error))
