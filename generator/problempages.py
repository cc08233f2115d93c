"""A preview whose rebuild failed shows why in the browser, in place of every page, until a rebuild succeeds.

Engine-free: the engine adapter wraps its preview server's builder and WSGI app with `ProblemPages`.
MkDocs' server (`mkdocs.livereload`, ProperDocs' alike) notes that a rebuild is wanted before it calls its builder, and that the
site is ready only when the builder returns. Every page request waits until the two agree; a builder that
raises leaves them apart until a later rebuild succeeds, so a new tab or a reload hangs, and open tabs are
never told to reload. Here the builder never raises: it keeps what the rebuild failed on, and while there is
anything, every page request is answered at once with a page that lists it, and every other file of the site with
a line saying why it is not shown (what is on disk may hold an audit made restricted in the failed save). A request
made while a rebuild runs is answered once it is over, from what it left: the server would otherwise send the files
the rebuild wrote before its checks failed.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.build import BuildFailed
from generator.content.settingsfile import settings_file_problems
from generator.diagnostics import template_problem
from generator.model import Problem
from generator.preview import problem_page

_UNCHECKED = (
    "plugins: briefings is missing, so nothing the rebuild wrote was checked; put it back under plugins (the preview "
    "shows nothing until it is)"
)
POLL = "/.briefings-preview/rebuilds"
"""Where the problem page asks how many rebuilds have finished, to reload after the next one; no page of a
site has this path (MkDocs publishes no file whose name starts with a dot)."""

LIVERELOAD = re.compile(r"/livereload/[0-9]+/[0-9]+")
"""Where an open page asks the engine's server whether to reload (its own pattern): answered by it, problems or not.
Any other path under `/livereload/` would be answered from the site's files."""
UNSHOWN = "The preview shows none of the site's files until the problems on its pages are fixed.\n"
"""What any other file of the site is answered with meanwhile: what is on disk is the site as it was, or as the failed
rebuild left it (an audit made restricted or a draft still in its feed, its text version and its search index)."""

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
Jobs = Callable[[], int] | None
"""How many builds the core has begun (see `ProblemPages.jobs`)."""


@dataclass(frozen=True)
class Shown:
    """What the latest rebuild left the preview showing: replaced whole, as requests read it from other threads."""

    rebuilds: int = 0
    problems: tuple[Problem, ...] = ()


class ProblemPages:
    """Wraps a preview server's builder and its answers to requests (see the module's docstring)."""

    def __init__(
        self,
        engine_log: logging.Logger,
        engine_error: type[Exception],
        settings: Path,
        problems: tuple[Problem, ...] = (),
        jobs: Jobs = None,
    ) -> None:
        self.shown = Shown(problems=problems)
        """At first, what the first build failed on, if it did: the preview starts anyway, showing why."""
        self.engine_log = engine_log
        self.engine_error = engine_error
        """The engine's own errors, whose details it has logged already: their message is enough."""
        self.settings = settings
        """The settings file, in the project's folder: an error in one of its templates is shown at the template's line."""
        self.jobs = jobs
        """How many builds the core has begun: a rebuild that begins none ran without the checks."""
        self.building = False
        """Whether a rebuild runs: the files it writes are shown only once its checks have passed."""
        self.settled = threading.Condition()

    def guarded(self, builder: Callable[[], None]) -> Callable[[], None]:
        def rebuild() -> None:
            problems: tuple[Problem, ...] = ()
            with self.settled:
                self.building = True
            begun = self.jobs() if self.jobs else 0
            try:
                problems = tuple(settings_file_problems(self.settings.parent, self.settings.name))
                for problem in problems:  # the engine reads its settings again at each rebuild, with its own loader
                    print(problem, file=sys.stderr)
                with _logged(self.engine_log) as messages:
                    try:
                        if not problems:
                            builder()
                    except Exception as error:
                        in_template = template_problem(error, self.settings.parent)
                        _tell_terminal(error, self.engine_error, in_template)
                        problems = (in_template,) if in_template else _problems(error, messages, self.engine_error)
                if self.jobs and self.jobs() == begun and not problems:
                    problems = (Problem(self.settings.name, 1, _UNCHECKED),)
                    print(problems[0], file=sys.stderr)
            finally:
                with self.settled:
                    self.shown, self.building = Shown(self.shown.rebuilds + 1, problems), False
                    self.settled.notify_all()

        return rebuild

    def answering(self, app: WSGIApp) -> WSGIApp:
        def answer(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
            path = environ.get("PATH_INFO", "")
            if path == POLL:
                return _respond(start_response, "text/plain", str(self.shown.rebuilds))
            if LIVERELOAD.fullmatch(path):
                return app(environ, start_response)
            while True:
                shown = self._settled()
                if shown.problems and path.endswith(("/", ".html")):
                    page = problem_page(shown.problems, POLL, shown.rebuilds)
                    return _respond(start_response, "text/html; charset=utf-8", page)
                if shown.problems:  # the site as it was, a file made restricted since
                    return _respond(start_response, "text/plain; charset=utf-8", UNSHOWN)
                answered = _read_whole(app, environ)
                if self._settled() is shown:  # no rebuild wrote the file meanwhile: it passed the checks
                    start_response(*answered[:2])
                    return [answered[2]]

        return answer

    def _settled(self) -> Shown:
        """What the last rebuild left, once no rebuild runs: the engine's server sends a file while a rebuild that
        has written it still runs its checks, if the request came in before the rebuild began."""
        with self.settled:
            self.settled.wait_for(lambda: not self.building)
            return self.shown


def _read_whole(app: WSGIApp, environ: dict[str, Any]) -> tuple[str, list[tuple[str, str]], bytes]:
    """The app's answer, its body read to the end: a file that is sent only as it is read could be rewritten meanwhile."""
    started: list[tuple[str, list[tuple[str, str]]]] = []
    body = app(environ, lambda status, headers, exc_info=None: started.append((status, headers)))
    try:
        data = b"".join(body)
    finally:
        if hasattr(body, "close"):
            body.close()
    return started[-1][0], started[-1][1], data


def _tell_terminal(error: Exception, engine_error: type[Exception], in_template: Problem | None) -> None:
    """The terminal hears of the error as it did from the engine's own loop: the engine has logged the details of
    its own errors, so their message is enough, as is the line of a template that failed; any other comes with its
    traceback."""
    if in_template:
        print(in_template, file=sys.stderr)
    elif isinstance(error, engine_error):
        print(error, file=sys.stderr)
    else:
        traceback.print_exc()


def _respond(start_response: Callable[..., Any], kind: str, text: str) -> list[bytes]:
    """Always 200: the server logs any other status as a warning, and in strict mode a warning logged while a
    rebuild runs fails that rebuild."""
    body = text.encode("utf-8")
    start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
    return [body]


def _problems(error: Exception, logged: list[str], engine_error: type[Exception]) -> tuple[Problem, ...]:
    """The problems the core reported, where it stopped the rebuild; else what the engine logged, and its error."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, BuildFailed) and cause.problems:
            return cause.problems
        cause = cause.__cause__ or cause.__context__
    said = str(error) if isinstance(error, engine_error) else f"{type(error).__name__}: {error}"
    return tuple(Problem("", 0, message) for message in [*logged, said])


@contextmanager
def _logged(log: logging.Logger) -> Iterator[list[str]]:
    """The warnings and errors `log` receives from this thread meanwhile (request threads log too)."""
    handler = _Collect(threading.get_ident())
    log.addHandler(handler)
    try:
        yield handler.messages
    finally:
        log.removeHandler(handler)


class _Collect(logging.Handler):
    def __init__(self, thread: int) -> None:
        super().__init__(logging.WARNING)
        self.thread = thread
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.messages.append(record.getMessage())


def below_warning(record: logging.LogRecord) -> bool:
    """A filter for the engine's log while the browser shows the problems instead."""
    return record.levelno < logging.WARNING
