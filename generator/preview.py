"""A live preview's rebuilds: the steps of `build.Build`, remembering what they can from one to the next.

Saving one audit redoes that audit: each file's parse, scan, validation and pages are kept (`Memo`), the
engine writes only the files whose content changed, the output checks read only the files written since
they passed, and the search index catches up in the background. The engine serves a folder of its own,
so nothing is swapped into place. A `Session` is what the engine's own hooks run: a `Build`, or a `Preview`.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import signal
import socket
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath

from generator.build import Build, BuildFailed, Job, built_site_problems, checked_content, host, site_made
from generator.config import BuildOptions, Project, options_from_env
from generator.content.pages import PagesState
from generator.diagnostics import Reporter, plural, report_template_error
from generator.model import Audience, Problem
from generator.output.postbuild import Checker
from generator.output.search import BackgroundIndex, part_count
from generator.output.sitedir import files_in
from generator.output.sitescan import Signatures, check_site
from generator.pipeline import Checked, Memo
from generator.privacy.scan import Allowance
from generator.site.jinja import ENV
from generator.sitemodel import Output
from generator.tasks import cores


class Preview:
    def __init__(self, options: BuildOptions, project: Project, reporter: Reporter) -> None:
        self.options, self.project, self.reporter = options, project, reporter
        self.memo = Memo()
        self.passed: Signatures = {}
        self.seen: set[str] = set()
        """Blocks of page text that passed the checks in earlier rebuilds (see `sitescan.check_site`)."""
        self.written: dict[str, Output] = {}
        """Every generated file on disk, as last written."""
        self.exact = False
        """Whether `written` is exactly what is on disk (not after a failed rebuild, which may have written some)."""
        self.current: dict[str, Output] = {}
        self.allowances: list[Allowance] = []
        self.pages_read: PagesState = {}
        self.folder = options.output
        """The engine's own folder, which it serves."""
        self.surroundings: tuple[tuple[str, int, int], ...] = ()
        self.index: BackgroundIndex | None = None
        self.job: Job | None = None
        self.checker: Checker | None = None
        """Checks the site's files other than pages, and a share of the pages, while this process checks the rest."""

    def _restart_if_surroundings_changed(self) -> None:
        """The settings and the theme shape every page: after a change to either, start from an empty folder."""
        places = [self.project.root / place for place in self.project.origins if place != self.project.content_dir]
        files = sorted(file for place in places for file in ([place] if place.is_file() else place.rglob("*")) if file.is_file())
        surroundings = tuple((str(file), file.stat().st_mtime_ns, file.stat().st_size) for file in files)
        if surroundings != self.surroundings:
            if self.index:
                self.index.wait()  # it writes into the folder
            for item in self.folder.iterdir() if self.folder.is_dir() else ():
                shutil.rmtree(item) if item.is_dir() else item.unlink()
            self.passed, self.seen, self.written, self.exact, self.surroundings = {}, set(), {}, False, surroundings

    def check(self) -> Checked:
        if self.index:
            self.index.hold(True)  # until this rebuild is done: it shows sooner
        checked = checked_content(self.options, self.project, self.reporter, memo=self.memo, links_next=True)
        self.allowances, self.pages_read = checked.allowances, checked.pages
        return checked

    def generate(self, checked: Checked) -> Job:
        options, project = self.options, self.project
        self._restart_if_surroundings_changed()
        outputs = site_made(options, project, checked, self.reporter, self.memo)
        self.current = {output.path: output for output in outputs}
        searchable = sum(output.searchable for output in outputs)
        parts = part_count(searchable, project.search_part_size)
        self.job = Job(
            outputs,
            self.folder,
            options.audience,
            project.url(options.audience),
            parts,
            previous=self.written if self.exact else None,
        )
        return self.job

    def post_build(self) -> None:
        self._remove_pages_gone()
        own_host = host(self.project.url(self.options.audience))
        if self.checker is None or not self.checker.alive() or self.checker.own_host != own_host:
            self._stop_checker()  # a new site address (mkdocs.yml): the worker judges loads by the old one
            self.checker = Checker(self.folder, own_host)
        try:
            found = check_site(self.folder, own_host, self.passed, seen=self.seen, beside=self.checker)
        except BaseException:
            self._stop_checker()  # it may hold answers this rebuild never read
            raise
        problems = built_site_problems(self.project, found, self.pages_read, self.allowances)
        if problems:
            self.failed()
            self.reporter.built_site(problems, "fix them and save; the preview rebuilds")
            raise BuildFailed("the built site failed its privacy checks", problems)
        self.written, self.exact = self.current, True
        slugs = [PurePosixPath(path).stem for path, output in self.current.items() if output.searchable]
        self.index = self.index or BackgroundIndex(self.folder, self.project.search_part_size, self.reporter.message)
        self.index.hold(False)
        self.index.request(slugs)  # the saved page shows at once; its search catches up a moment later

    def _remove_pages_gone(self) -> None:
        """A dirty rebuild leaves the pages of deleted files: remove every page the engine did not write this
        time (an audit deleted, renamed, made a draft or restricted; a hand-written page deleted)."""
        removed = [self.written[path].dest for path in self.written.keys() - self.current.keys()]
        written = (self.job.pages if self.job else set()) | {output.dest for output in self.current.values()}
        removed += [page for page in files_in(self.folder) if PurePosixPath(page).name == "index.html" and page not in written]
        for page in removed:  # a redirect page is written, not a page
            (self.folder / page).unlink(missing_ok=True)
        if self.index and removed:
            self.index.forget(removed)

    def failed(self) -> None:
        """A rebuild failed, perhaps after writing some files: write every file next time. The search index stays paused
        (since `check`) until a rebuild passes: it would read the pages the checks refused."""
        self.written, self.exact = self.written | self.current, False

    def failed_at_start(self, error: BuildFailed) -> tuple[Job, tuple[Problem, ...]]:
        """The first build failed: the preview starts anyway, writing the hand-written pages only, and shows
        the problems it failed on in the browser (`problempages.py`)."""
        self.failed()
        return Job([], self.folder, Audience.PUBLIC, "", 0), error.problems or (Problem("", 0, str(error)),)

    def _stop_checker(self) -> None:
        if self.checker:
            self.checker.close()
            self.checker = None

    def close(self) -> None:
        self._stop_checker()
        if self.index:
            self.index.wait()


class Session:
    """What plain `mkdocs build` and `serve` run from the engine's hooks, from startup to shutdown: a `Build`, or
    for `serve` a `Preview` kept from one rebuild to the next, which starts even when its first build fails."""

    def __init__(self, command: str) -> None:
        self.command = command
        self.steps: Build | Preview | None = None
        self.first_failed: tuple[Problem, ...] = ()
        """What a preview's first build failed on: it serves the problems instead of its pages."""
        self.starting = True
        """Whether this is the first build: a preview whose first build fails still starts."""
        self.jobs = 0
        """Builds and rebuilds begun: one the engine ran without this plugin (taken out of its settings) is unchecked."""

    def job(self, project: Project, folder: Path, serve_options: BuildOptions | None) -> Job:
        """The next job to write; the first starts the steps, with the options `briefings serve` gave, or those
        plain `mkdocs serve` and `build` take from the environment."""
        self.starting, self.jobs = self.steps is None, self.jobs + 1
        if self.steps is None:
            self.steps = _start(self.command, project, folder, serve_options)
        self.steps.project = project  # a preview's mkdocs.yml may have changed
        try:
            return self.steps.generate(self.steps.check())
        except BuildFailed as error:
            if not (self.starting and isinstance(self.steps, Preview)):
                raise
            job, self.first_failed = self.steps.failed_at_start(error)
            return job

    def post_build(self) -> None:
        if self.steps is None or self.first_failed:
            return
        try:
            self.steps.post_build()
        except BuildFailed as error:
            if not (self.starting and isinstance(self.steps, Preview)):
                raise
            self.first_failed = error.problems or (Problem("", 0, str(error)),)  # its site checks: the pages are there

    def failed(self, error: BaseException) -> bool:
        """The engine failed: a build leaves the output folder as it was, saying at its line where one of the project's
        templates stopped it (as `briefings build` does), and whether it did; a preview writes every file next time."""
        reported = False
        if isinstance(self.steps, Build):
            reported = report_template_error(error, self.steps.project.root, self.steps.reporter)
            self.steps.__exit__(type(error), error, error.__traceback__)
            self.steps = None
        elif isinstance(self.steps, Preview):
            self.steps.failed()
        return reported

    def close(self) -> Path | None:
        """The end: a build swaps its folder into place and says where it is; a preview finishes its search index."""
        steps, self.steps = self.steps, None
        if isinstance(steps, Build):
            steps.__exit__(None, None, None)
            return steps.options.output
        if isinstance(steps, Preview):
            steps.close()
        return None

    def first_problems(self) -> tuple[Problem, ...]:
        """What the preview server shows at first, handed over once: later rebuilds are checked as usual."""
        problems, self.first_failed = self.first_failed, ()
        return problems


def _start(command: str, project: Project, folder: Path, serve_options: BuildOptions | None) -> Build | Preview:
    if command == "serve":
        options = replace(serve_options, output=folder) if serve_options else options_from_env(os.environ, folder, 1)
        return Preview(options, project, Reporter(sys.stderr, repeat=False))
    return Build(options_from_env(os.environ, folder, cores()), project, Reporter(sys.stderr)).__enter__()


def stop_on_sigterm() -> None:
    """Stop a preview on SIGTERM, or its terminal closed (SIGHUP), as on Ctrl-C: killed outright, the engine would
    leave its copy of the site behind, and a search index paused for a rebuild would never go on."""
    for stop in _STOPS:
        signal.signal(stop, _stop_serving)


_STOPS = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]  # Windows has no SIGHUP


def _stop_serving(signum: int, frame: object) -> None:
    for stop in _STOPS:  # stopping already: a second signal would cut the clean-up short, and the preview hung
        signal.signal(stop, signal.SIG_IGN)
    raise KeyboardInterrupt


_ANSWERED = re.compile(r'" code [34]\d\d$')
"""A request answered with a redirect or as not found; a server error (5xx) stays a warning."""


def request_as_info(record: logging.LogRecord) -> bool:
    """A filter for the preview server's log: it logs a browser's request answered 404 or with a redirect as a
    warning, which strict mode counts against the rebuild running then, aborting it. It is shown, as information."""
    if record.levelno == logging.WARNING and _ANSWERED.search(record.getMessage()):
        record.levelno, record.levelname = logging.INFO, "INFO"
    return True


def problem_page(problems: Sequence[Problem], poll: str, rebuilds: int) -> str:
    """What the browser shows in place of any page while the preview cannot rebuild: the author sees why at once,
    and the page reloads itself once `poll` answers a count of rebuilds other than `rebuilds`."""
    return ENV.get_template("preview_problems.html.j2").render(
        problems=problems, summary=plural(len(problems), "problem"), poll=poll, rebuilds=str(rebuilds)
    )


ANOTHER = "stop what serves there, or choose another address with --dev-addr 127.0.0.1:8001"


def unusable_address(address: str | None) -> str:
    """Why the preview could not listen on `address` (HOST:PORT), or "" (none given: the engine's own default)."""
    host, _, port = (address or "").rpartition(":")
    if not address:
        return ""
    if not port.isdigit() or not 0 < int(port) < 65536:
        return "write it as HOST:PORT, the port from 1 to 65535 (127.0.0.1:8001)"
    try:
        socket.create_server((host.strip("[]") or "127.0.0.1", int(port))).close()
    except OSError as error:
        fix = ANOTHER if error.errno == errno.EADDRINUSE else "use an address of this machine, such as 127.0.0.1:8001"
        return f"{os.strerror(error.errno) if error.errno else error}; {fix}"
    return ""
