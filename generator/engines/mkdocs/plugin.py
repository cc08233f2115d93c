"""The MkDocs plugin: forwards the engine's hooks to the core's steps and places the files the core made.

The `briefings` command hands it a `Job`; from its hooks plain `mkdocs build` runs a `build.Build`, and `serve`
a `preview.Preview` kept from one rebuild to the next (as MkDocs keeps a plugin with `on_startup`).
"""

from __future__ import annotations

import logging
import os
from html import escape
from pathlib import Path

from jinja2 import Environment
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.build import BuildFailed, Job
from generator.config import BuildOptions, Project, SettingsError
from generator.model import Audience, Problem
from generator.output.search import DEFAULT_PART_SIZE
from generator.output.sitedir import Refused
from generator.preview import Session, request_as_info, stop_on_sigterm
from generator.problempages import Jobs, ProblemPages, below_warning
from generator.site.jinja import CompiledTemplates
from generator.site.markup import hand_written_page
from generator.sitemodel import DEFAULT_PAGE_SIZE, Output

ENGINE = BasePlugin.__module__.split(".")[0]
"""The engine package's real name ("mkdocs" or "properdocs"): its loggers are named after it."""


class BriefingsConfig(Config):
    content_dir = config_options.Type(str, default="content")
    partnership = config_options.Type(str, default="")
    partners_site_url = config_options.Type(str, default="")
    search_part_size = config_options.Type(int, default=DEFAULT_PART_SIZE)  # briefings per part of the search index
    listing_page_size = config_options.Type(int, default=DEFAULT_PAGE_SIZE)  # items per page of a long listing


class GeneratedFile(File):
    """A file the core generated; in a preview, written only if it differs from what was last written."""

    output: Output | None = None
    previous: Output | None = None

    def is_modified(self) -> bool:
        return self.output is None or self.output != self.previous or not os.path.isfile(self.abs_dest_path)

    def copy_file(self, dirty: bool = False) -> None:
        super().copy_file(dirty)
        if self.output is None:  # a build keeps no file's content once written (MkDocs would, to the end)
            # `_content` is where `File.generated` keeps the text; MkDocs has no public way to let it go.
            self.abs_src_path, self._content = self.abs_dest_path, None


def project_of(config: MkDocsConfig, options: BriefingsConfig) -> Project:
    """The core's `Project` from what MkDocs read of mkdocs.yml."""
    file, theme = Path(config.config_file_path), config.theme
    return Project.configured(
        file, config.site_name, config.site_url, config.extra, theme.custom_dir, theme.get("logo"), config.docs_dir, options
    )


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    job: Job | None = None
    """Set by the `briefings` command (runner.py), which has checked and generated: this run only writes it."""
    serve_options: BuildOptions | None = None
    """Set by `briefings serve`; plain `mkdocs serve` reads the environment instead."""

    def __init__(self) -> None:
        self.run = Session("build")  # until on_startup names the command
        self.templates = CompiledTemplates()  # the theme's, from one of a preview's rebuilds to the next

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.run = Session(command)
        if command == "serve":  # from the first build on: the engine's copy of the site is removed however it stops
            stop_on_sigterm()
        logging.getLogger(f"{ENGINE}.livereload").addFilter(request_as_info)
        # a preview's dirty builds are exact (see `Preview`): in strict mode the warning would fail each one
        if command == "serve" and dirty:
            logging.getLogger(f"{ENGINE}.commands.build").addFilter(lambda r: not r.getMessage().startswith("A 'dirty' build"))

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError("briefings: 'use_directory_urls' must stay true for the /briefings/<slug>/ URLs")
        self.hold: str | None = None
        if self.job is not None:
            self.writing = self.job
            config.site_url = self.job.site_url
            return config
        try:
            self.writing = self.run.job(project_of(config, self.config), Path(config.site_dir), self.serve_options)
        except (BuildFailed, SettingsError, Refused) as error:
            raise PluginError(f"briefings: {error}") from error
        if self.run.first_failed:  # nothing generated to link to, and nothing to warn of: the browser shows the problems
            config.strict, config.nav = False, None
            for handler in logging.getLogger(ENGINE).handlers:
                handler.addFilter(below_warning)
        config.site_dir, config.site_url = str(self.writing.folder), self.writing.site_url
        self.engine_config = config  # on_shutdown points it back at the output folder (gh-deploy reads it then)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.pages: dict[str, Output] = {}
        self.late = all(plugin is self for plugin in config.plugins.values()) and not config.extra_templates
        previous, taken = self.writing.previous, {file.dest_uri: file.src_uri for file in files}
        for output in self.writing.take():
            file = GeneratedFile.generated(config, output.path, content="" if output.page else output.content)
            if file.dest_uri in taken:  # a page of the same name, or at the same address (archive.md: archive/index.html)
                own = Path(config.docs_dir, taken[file.dest_uri]).relative_to(Path(config.config_file_path).parent)
                raise PluginError(
                    f"briefings: {own} would be published where the site's own {file.dest_uri} is; rename or remove it"
                )
            if previous is not None:
                file.output, file.previous = output, previous.get(output.path)
            files.append(file)
            if output.page:
                self.pages[output.path] = output
        self.writing.pages = {file.dest_uri for file in files.documentation_pages()}
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Templates compiled once per preview; what the theme shows: search parts, partners mark, how to report a concern."""
        env.bytecode_cache = self.templates
        env.globals["briefings_search_parts"] = self.writing.search_parts
        env.globals["briefings_partners"] = self.writing.audience is Audience.PARTNERS
        env.globals["briefings_concern"] = project_of(config, self.config).concern
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page (empty Markdown) gets what MkDocs would take from its HTML: title, contents, anchors.
        MkDocs keeps what this returns for every page until it has read all: where nothing else could read the
        HTML earlier (another plugin, hook or extra template), it comes just before the theme (`on_page_context`)."""
        output = self.pages.get(page.file.src_uri)
        if output is None or output.page is None:
            return hand_written_page(html)
        headings = output.page.headings
        page.meta = (
            {"description": escape(output.page.description)}
            | ({"pagefind": True} if output.searchable else {})
            | ({"robots": "noindex"} if output.page.noindex else {})
        )
        page._title_from_render = output.page.title  # private: where MkDocs' own render puts the <h1>'s text
        page.toc = get_toc(nest_toc_tokens([{"level": h.level, "id": h.id, "name": h.name} for h in headings]))
        page.present_anchor_ids = {h.id for h in headings}
        return "" if self.late else self.pages.pop(page.file.src_uri).content  # else other plugins may read any page

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
        if (output := self.pages.pop(page.file.src_uri, None)) is not None:
            page.content = output.content
        return context

    @event_priority(-100)  # last: another plugin's or hook's script after the policies would have no hash in them
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Drop each page's content once made (MkDocs would keep them all); MkDocs writes the page just after
        this hook, so the core hears of it at the next page. Run after every other plugin's and hook's, since
        the policies are of the page as written."""
        page.content = page.markdown = None
        self._written(page.file.dest_uri)
        return self.writing.finish(output)

    def _written(self, next_page: str | None) -> None:
        if self.hold is not None:
            self.writing.written(self.hold)
        self.hold = next_page

    def on_post_build(self, config: MkDocsConfig) -> None:
        self._written(None)
        for handler in logging.getLogger(ENGINE).handlers:
            handler.removeFilter(below_warning)
        try:
            self.run.post_build()
        except BuildFailed as error:
            raise PluginError(f"briefings: {error}") from error

    @event_priority(-100)  # last: what it raises ends the engine's error events
    def on_build_error(self, *, error: Exception) -> None:
        """A template's error said at its line is all its author needs: the engine's traceback is its own code."""
        if self.run.failed(error):
            raise PluginError("briefings: a template stopped the build (the line above); the output folder was left as it was")

    def on_shutdown(self) -> None:
        """Plain `mkdocs build` swaps its folder into place only now: strict mode may fail it after on_post_build."""
        if (folder := self.run.close()) is not None and hasattr(self, "engine_config"):  # not if stopped in on_config
            self.engine_config.site_dir = str(folder)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        if self.run.command != "serve":  # `serve --clean`: the engine starts it as a build, put in place when it ends
            raise PluginError("briefings: serve --clean would serve nothing until it stopped; run serve without --clean")
        server.watch(str(Path(config.config_file_path).parent / self.config.content_dir))
        if config.theme.custom_dir:  # a problem in the theme is fixed by saving it, and the preview rebuilds
            server.watch(config.theme.custom_dir)
        show_problems(server, Path(config.config_file_path), self.run.first_problems(), lambda: self.run.jobs)
        return server


def show_problems(server: LiveReloadServer, settings: Path, problems: tuple[Problem, ...] = (), jobs: Jobs = None) -> None:
    """A failed rebuild shows its problems in the browser (`problempages`), and the preview keeps serving."""
    pages = ProblemPages(logging.getLogger(ENGINE), MkDocsException, settings, problems, jobs)
    server.builder = pages.guarded(server.builder)
    server.set_app(pages.answering(server.get_app()))
