"""The thin MkDocs adapter: run the core, hand its pages to MkDocs in memory, watch content/.

Moving to another engine means replacing this file and `engine.py` only. Audience and drafts come from the
environment (`BRIEFINGS_AUDIENCE`, `BRIEFINGS_DRAFTS`) so that the same settings reach
`mkdocs build`, `mkdocs serve` and the rebuilds `serve` makes on every change.

In a preview (`serve`) the plugin lives from one rebuild to the next (MkDocs keeps plugins that have
`on_startup`), so it keeps the core's `Memo`, the content of every generated file it last built and the
files the last checks passed: saving one audit redoes that audit, and MkDocs (in a dirty build) rewrites
only the pages whose content changed. The search index is then refreshed in the background.
"""

from __future__ import annotations

import logging
import os
import signal
from datetime import date
from html import escape
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from jinja2 import Environment
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import clean_directory

from .memory import give_back
from .model import Audience, Output, Problem, Settings
from .parallel import cores
from .pipeline import Checked, Memo, check, generate
from .postbuild import LARGE_PAGE, PageChecks, Signatures, check_site
from .search import DEFAULT_PART_SIZE, BackgroundIndex, Indexing, SearchIndexError, indexing, part_count

AUDIENCE_ENV = "BRIEFINGS_AUDIENCE"
DRAFTS_ENV = "BRIEFINGS_DRAFTS"
BUILD_DATE_ENV = "BRIEFINGS_BUILD_DATE"
ACCESSIBILITY_KEYS = ("organisation", "contact_url", "status", "response_days", "prepared", "reviewed")


PREVIEW_LOG = "briefings.preview"
"""Not under `mkdocs`: a search index failing in the background must not count against a rebuild in strict mode."""


class GeneratedFile(File):
    """A file the core generated. A preview's dirty build rewrites it only if it differs from the last build's.

    Outside a preview neither is kept (`None`): every file is written, and no file outlives its writing in
    memory (a page's content is dropped in `on_post_page`; any other file is, once copied, the one written).
    """

    output: Output | None = None
    last_built: Output | None = None

    def is_modified(self) -> bool:
        return self.output is None or self.output != self.last_built or not os.path.isfile(self.abs_dest_path)

    def copy_file(self, dirty: bool = False) -> None:
        super().copy_file(dirty)
        if self.output is None:  # from now on the file is the one written (MkDocs reads it there if asked)
            self.abs_src_path, self._content = self.abs_dest_path, None


class _ExactDirtyBuilds(logging.Filter):
    """Drop MkDocs' warning that a dirty build may leave stale pages: this plugin rewrites every generated
    page whose content changed (all of them after a failed rebuild) and deletes those that went, so the
    warning would be false, and with `strict: true` it would fail every rebuild."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


_DIRTY_BUILDS = _ExactDirtyBuilds()


class BriefingsConfig(Config):
    content_dir = config_options.Type(str, default="content")
    partnership = config_options.Type(str, default="")
    search_part_size = config_options.Type(int, default=DEFAULT_PART_SIZE)
    """Briefings per part of the search index (see generator/search.py)."""


def options_from_env() -> tuple[Audience, bool, date]:
    audience = os.environ.get(AUDIENCE_ENV, Audience.PUBLIC.value)
    if audience not in {a.value for a in Audience}:
        raise PluginError(f"{AUDIENCE_ENV}={audience!r}: use 'public' or 'partners'")
    build_date = os.environ.get(BUILD_DATE_ENV)
    return Audience(audience), os.environ.get(DRAFTS_ENV) == "1", date.fromisoformat(build_date) if build_date else date.today()


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    outputs: list[Output]
    pages: dict[str, Output]
    """The generated pages (by source path) MkDocs has yet to read: their HTML is already made."""
    searchable: list[str]
    """Slugs of the briefings this build's search index holds: they decide its parts."""
    prechecked: Checked | None = None
    """Set by the `briefings` CLI, which has just checked the same content: no need to check twice."""
    memo: Memo | None
    """Preview only (see the module docstring), like `built` and `passed`."""
    built: dict[str, tuple[Output | None, str]]
    """Each generated file of the last successful build: what it held (None: unknown) and where it was written."""
    building: dict[str, tuple[Output | None, str]]
    """The same for the build in progress, once its files are handed to MkDocs."""
    passed: Signatures | None
    surroundings: tuple[tuple[str, int, int], ...] | None
    """mkdocs.yml and the theme overrides as the last preview build saw them (path, time, size)."""
    indexing: BackgroundIndex | None = None
    page_checks: PageChecks | None = None
    """A full build's checks of each page as it is written (a preview checks the files written instead)."""
    search_index: Indexing | None = None
    """A full build's Pagefind run, started once every searchable page is written."""
    unwritten: set[str]
    """The searchable pages (source paths) of a full build that MkDocs has not written yet."""
    writing: File | None = None
    """The page of a full build that MkDocs is writing."""

    def __init__(self) -> None:
        super().__init__()
        self.building, self.unwritten = {}, set()
        self.on_shutdown()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Keep results between rebuilds only while previewing."""
        self.on_shutdown()
        if command == "serve":
            self.memo, self.built, self.passed = Memo(), {}, {}
            if dirty:
                logging.getLogger("mkdocs.commands.build").addFilter(_DIRTY_BUILDS)

    def on_shutdown(self) -> None:
        if self.indexing:
            self.indexing.wait()
        self._stop_workers()
        self.memo, self.built, self.passed, self.indexing, self.surroundings = None, {}, None, None, None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError("briefings: 'use_directory_urls' must stay true for the /briefings/<slug>/ URLs")
        if not config.site_url:
            raise PluginError("briefings: set 'site_url' in mkdocs.yml (the feed needs absolute links)")
        root = Path(config.config_file_path).parent
        self.building = {}
        audience, drafts, build_date = options_from_env()
        checked = self.prechecked or check(root, self.config.content_dir, drafts, memo=self.memo, workers=self._workers())
        self.prechecked = None
        if not checked.ok:
            raise PluginError("content has problems:\n" + "\n".join(str(p) for p in checked.problems))
        extra = config.extra.get("briefings") or {}
        accessibility = extra.get("accessibility") or {}
        missing = [key for key in ACCESSIBILITY_KEYS if key not in accessibility]
        if missing:
            raise PluginError(f"mkdocs.yml: extra.briefings.accessibility needs {', '.join(missing)} (see the README)")
        settings = Settings(config.site_name, config.site_url, self.config.partnership, build_date, accessibility)
        self.outputs = generate(checked, settings, audience, drafts, self.memo, self._workers())
        self.searchable = [PurePosixPath(output.path).stem for output in self.outputs if output.searchable]
        self.allowed = {a.text for a in checked.allowances}
        self.content_path = str(root / self.config.content_dir)
        return config

    def _workers(self) -> int:
        """Processes for the core: a preview's rebuilds stay in one (its server threads make forking unsafe)."""
        return cores() if self.memo is None else 1

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """mkdocs.yml and the theme shape every page: after a change to either, a preview starts from an empty folder."""
        if self.memo is None:
            self.page_checks = PageChecks(Path(config.site_dir), _host(config), self.allowed) if cores() > 1 else None
            self.writing = None
            return
        surroundings = _surroundings(config)
        if surroundings != self.surroundings:
            if self.indexing:
                self.indexing.wait()  # it writes into the folder
            clean_directory(config.site_dir)
            self.built, self.passed, self.surroundings = {}, {}, surroundings

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.pages = {}
        self.unwritten = {output.path for output in self.outputs if output.searchable}
        for output in sorted(self.outputs, key=_writing_order):
            if files.get_file_from_path(output.path):
                raise PluginError(f"briefings: {output.path} is generated; remove the file of that name from {config.docs_dir}")
            file = GeneratedFile.generated(config, output.path, content="" if output.page else output.content)
            files.append(file)
            if output.page:
                self.pages[output.path] = output
            if self.memo is not None:
                file.output, file.last_built = output, self.built.get(output.path, (None, ""))[0]
                self.building[output.path] = (output, file.abs_dest_path)
        self.outputs = []
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """The search box merges this many parts of the index."""
        env.globals["briefings_search_parts"] = part_count(len(self.searchable), self.config.search_part_size)
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page (empty Markdown, so MkDocs converted nothing) gets its HTML and what MkDocs
        would have taken from it: title, table of contents and anchors. Other plugins see it from here on."""
        output = self.pages.pop(page.file.src_uri, None)
        if output is None or output.page is None:
            return html
        headings = output.page.headings
        description = escape(output.page.description)  # themes print it raw, into an attribute
        page.meta = {"description": description} | ({"pagefind": True} if output.searchable else {})
        page._title_from_render = output.page.title  # as MkDocs' render sets it from the <h1>
        page.toc = get_toc(nest_toc_tokens([{"level": h.level, "id": h.id, "name": h.name} for h in headings]))
        page.present_anchor_ids = {h.id for h in headings}
        return output.content

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Drop each page's content once it is written (MkDocs would keep them all until the build ends).

        In a full build, the page made before this one is now on disk (see `_written`).
        """
        page.content = page.markdown = None
        if self.memo is None:
            self._written(self.writing, config)  # MkDocs writes each page before it makes the next
            self.writing = page.file
        return output

    def _written(self, file: File | None, config: MkDocsConfig) -> None:
        """A full build's page is on disk: check it, and once every searchable page is, start the search index.

        Pagefind then indexes while MkDocs builds the other pages (the briefings come early: see `_writing_order`).
        """
        if file is not None:
            if self.page_checks:
                self.page_checks.written(file.dest_uri)
            self.unwritten.discard(file.src_uri)
        if not self.unwritten and self.search_index is None:
            give_back()  # the briefing pages written so far, for Pagefind
            self.search_index = indexing(Path(config.site_dir), self.searchable, self.config.search_part_size)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Scan what was actually built (a finding fails the build, and the CLI keeps the old site/) and index it."""
        site = Path(config.site_dir)
        if self.memo is None:
            self._written(self.writing, config)
            checks, search_index = self.page_checks, self.search_index
            self.page_checks = self.search_index = self.writing = None
            try:
                with search_index:  # the index is complete when this block ends; a finding stops it
                    _fail_on(checks.finish() if checks else check_site(site, _host(config), self.allowed))
            except SearchIndexError as error:
                raise PluginError(str(error)) from error
            return
        _fail_on(check_site(site, _host(config), self.allowed, self.passed))
        for path in self.built.keys() - self.building.keys():  # an audit deleted, renamed or made a draft
            Path(self.built[path][1]).unlink(missing_ok=True)
        self.built = self.building
        self.indexing = self.indexing or BackgroundIndex(
            site, self.config.search_part_size, logging.getLogger(PREVIEW_LOG).warning
        )
        self.indexing.request(self.searchable)  # the saved page shows at once; its search catches up a moment later

    def on_build_error(self, *, error: Exception) -> None:
        """A rebuild that failed once MkDocs had the pages may have written some of them: rewrite all next time."""
        self._stop_workers()
        if self.building:
            self.built = {path: (None, dest) for path, (_, dest) in (self.built | self.building).items()}

    def _stop_workers(self) -> None:
        """End a full build's workers (after a failure, or at shutdown): the page checks, and Pagefind if it started."""
        if self.page_checks:
            self.page_checks.close()
            self.page_checks = None
        if self.search_index:
            self.search_index.stop()
            self.search_index = None

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        server.watch(self.content_path)
        signal.signal(signal.SIGTERM, _stop_serving)
        return server


def _stop_serving(signum: int, frame: object) -> None:
    """Stop a preview on SIGTERM (how editors, containers and scripts stop a process) as on Ctrl-C.

    Killed outright, MkDocs would leave its temporary copy of the whole site behind, one per preview.
    """
    raise KeyboardInterrupt


def _writing_order(output: Output) -> tuple[bool, bool]:
    """MkDocs writes pages in the order of its files: the searchable pages early, so that Pagefind can start
    while the others are built, and before them the large pages (long listings), whose checks take the
    most memory, so that they are done before Pagefind runs beside them."""
    return len(output.content) <= LARGE_PAGE, not output.searchable


def _host(config: MkDocsConfig) -> str:
    return urlsplit(config.site_url).hostname or ""


def _fail_on(problems: list[Problem]) -> None:
    if problems:
        raise PluginError("the built site failed its privacy checks:\n" + "\n".join(str(p) for p in problems))


def _surroundings(config: MkDocsConfig) -> tuple[tuple[str, int, int], ...]:
    files = [Path(config.config_file_path)]
    if config.theme.custom_dir:
        files += [path for path in Path(config.theme.custom_dir).rglob("*") if path.is_file()]
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in sorted(files))
