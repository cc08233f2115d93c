"""Running the engine for the `briefings` command: read the project's settings, write a job, serve a preview."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build as engine_build
from mkdocs.commands.serve import serve as engine_serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from generator.build import Job
from generator.config import BuildOptions, Project, SettingsError
from generator.content.settingsfile import settings_file_problems
from generator.diagnostics import show_log
from generator.engines.mkdocs.plugin import ENGINE, BriefingsPlugin, project_of

CONFIG = "mkdocs.yml"


class Engine:
    """MkDocs or ProperDocs, configured by the project's mkdocs.yml."""

    def __init__(self, root: Path) -> None:
        self.config_file = str(root / CONFIG)

    def _load(self, **overrides: object) -> tuple[MkDocsConfig, BriefingsPlugin]:
        file = Path(self.config_file)
        if problems := settings_file_problems(file.parent, file.name):  # before the engine's loader runs its tags
            raise SettingsError(f"{CONFIG} cannot be read as it is written: fix the lines above", tuple(problems))
        config = load_config(self.config_file, **overrides)
        plugin = config.plugins["briefings"]
        assert isinstance(plugin, BriefingsPlugin)
        return config, plugin

    def project(self) -> Project:
        config, plugin = self._load()
        return project_of(config, plugin.config)

    def write(self, job: Job) -> None:
        show_log(ENGINE, logging.WARNING)
        config, plugin = self._load(site_dir=str(job.folder))
        plugin.job = job
        config.plugins.on_startup(command="build", dirty=False)
        try:
            engine_build(config)
        finally:
            plugin.job = None
            config.plugins.on_shutdown()

    def serve(self, options: BuildOptions, dev_addr: str | None) -> None:
        """A preview with dirty rebuilds: only pages whose content changed are written again."""
        show_log(ENGINE, logging.INFO)
        _, plugin = self._load()  # the engine keeps this instance for the preview's rebuilds
        plugin.serve_options = options
        try:
            engine_serve(self.config_file, build_type="dirty", **({"dev_addr": dev_addr} if dev_addr else {}))
        finally:
            plugin.serve_options = None
