"""Run the site engine (MkDocs) for the CLI: the other half of the thin adapter."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config

from .mkdocs_plugin import AUDIENCE_ENV, DRAFTS_ENV, PREVIEW_LOG, BriefingsPlugin
from .model import Audience
from .pipeline import Checked

CONFIG = "mkdocs.yml"


class _ToStderr(logging.Handler):
    """MkDocs reports through logging; show its messages on whatever stderr is current."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"{record.levelname}: {record.getMessage()}", file=sys.stderr)


def _show_engine_messages(level: int) -> None:
    for name in ("mkdocs", PREVIEW_LOG):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        if not any(isinstance(h, _ToStderr) for h in logger.handlers):
            logger.addHandler(_ToStderr())


@contextmanager
def _options(audience: Audience, drafts: bool) -> Iterator[None]:
    """Pass build options to the plugin the same way for build and serve (see mkdocs_plugin)."""
    saved = {k: os.environ.get(k) for k in (AUDIENCE_ENV, DRAFTS_ENV)}
    os.environ[AUDIENCE_ENV] = audience.value
    os.environ[DRAFTS_ENV] = "1" if drafts else "0"
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def content_dir(root: Path) -> str:
    """The content folder named in mkdocs.yml's briefings plugin settings."""
    config = load_config(str(root / CONFIG))
    plugin = config.plugins["briefings"]
    assert isinstance(plugin, BriefingsPlugin)
    return plugin.config.content_dir


def site_url(root: Path) -> str:
    return load_config(str(root / CONFIG)).site_url or ""


def build(root: Path, site_dir: Path, audience: Audience, drafts: bool, checked: Checked | None = None) -> None:
    _show_engine_messages(logging.WARNING)
    with _options(audience, drafts):
        config = load_config(str(root / CONFIG), site_dir=str(site_dir))
        plugin = config.plugins["briefings"]
        assert isinstance(plugin, BriefingsPlugin)
        plugin.prechecked = checked
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)


def serve(root: Path, drafts: bool, dev_addr: str | None) -> None:
    """Preview with dirty rebuilds: only pages whose content changed are rendered again (see the plugin)."""
    extra = {"dev_addr": dev_addr} if dev_addr else {}
    _show_engine_messages(logging.INFO)
    with _options(Audience.PUBLIC, drafts):
        mkdocs_serve(str(root / CONFIG), build_type="dirty", **extra)
