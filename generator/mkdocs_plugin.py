"""The thin MkDocs adapter: run the core, hand its pages to MkDocs in memory, watch content/.

Moving to another engine means replacing this file and `engine.py` only. Audience and drafts come from the
environment (`BRIEFINGS_AUDIENCE`, `BRIEFINGS_DRAFTS`) so that the same settings reach
`mkdocs build`, `mkdocs serve` and the rebuilds `serve` makes on every change.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .model import Audience, Output, Settings
from .pipeline import Checked, check, generate
from .postbuild import check_site
from .search import SearchIndexError, index_site

AUDIENCE_ENV = "BRIEFINGS_AUDIENCE"
DRAFTS_ENV = "BRIEFINGS_DRAFTS"
BUILD_DATE_ENV = "BRIEFINGS_BUILD_DATE"
_BLOCK = re.compile(r"<!--briefings-block:(\d+)-->")
ACCESSIBILITY_KEYS = ("organisation", "contact_url", "status", "response_days", "prepared", "reviewed")


class BriefingsConfig(Config):
    content_dir = config_options.Type(str, default="content")
    partnership = config_options.Type(str, default="")


def options_from_env() -> tuple[Audience, bool, date]:
    audience = os.environ.get(AUDIENCE_ENV, Audience.PUBLIC.value)
    if audience not in {a.value for a in Audience}:
        raise PluginError(f"{AUDIENCE_ENV}={audience!r}: use 'public' or 'partners'")
    build_date = os.environ.get(BUILD_DATE_ENV)
    return Audience(audience), os.environ.get(DRAFTS_ENV) == "1", date.fromisoformat(build_date) if build_date else date.today()


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    outputs: list[Output]
    blocks: dict[str, tuple[str, ...]]
    """Per generated page (by source path), the HTML blocks to put back after the Markdown pass."""
    prechecked: Checked | None = None
    """Set by the `briefings` CLI, which has just checked the same content: no need to check twice."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError("briefings: 'use_directory_urls' must stay true for the /briefings/<slug>/ URLs")
        if not config.site_url:
            raise PluginError("briefings: set 'site_url' in mkdocs.yml (the feed needs absolute links)")
        root = Path(config.config_file_path).parent
        audience, drafts, build_date = options_from_env()
        checked = self.prechecked or check(root, self.config.content_dir, include_drafts=drafts)
        if not checked.ok:
            raise PluginError("content has problems:\n" + "\n".join(str(p) for p in checked.problems))
        extra = config.extra.get("briefings") or {}
        accessibility = extra.get("accessibility") or {}
        missing = [key for key in ACCESSIBILITY_KEYS if key not in accessibility]
        if missing:
            raise PluginError(f"mkdocs.yml: extra.briefings.accessibility needs {', '.join(missing)} (see the README)")
        settings = Settings(config.site_name, config.site_url, self.config.partnership, build_date, accessibility)
        self.outputs = generate(checked, settings, audience, drafts)
        self.allowed = {a.text for a in checked.allowances}
        self.content_path = str(root / self.config.content_dir)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.blocks = {}
        for output in self.outputs:
            if files.get_file_from_path(output.path):
                raise PluginError(f"briefings: {output.path} is generated; remove the file of that name from {config.docs_dir}")
            files.append(File.generated(config, output.path, content=output.content))
            if output.blocks:
                self.blocks[output.path] = output.blocks
        return files

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Put back the HTML blocks the core kept out of the page's Markdown."""
        blocks = self.blocks.get(page.file.src_uri)
        return _BLOCK.sub(lambda match: blocks[int(match.group(1))], html) if blocks else html

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Scan what was actually built (a finding fails the build, and the CLI keeps the old site/), then index it."""
        problems = check_site(Path(config.site_dir), urlsplit(config.site_url).hostname or "", self.allowed)
        if problems:
            raise PluginError("the built site failed its privacy checks:\n" + "\n".join(str(p) for p in problems))
        try:
            index_site(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from error

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        server.watch(self.content_path)
        return server
