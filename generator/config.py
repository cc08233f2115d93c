"""What a build is asked to do (`BuildOptions`) and what the project says about itself (`Project`).

Both are plain values passed explicitly: the `briefings` command makes `BuildOptions` from its flags,
and plain `mkdocs build` / `serve` (which have no such flags) from the environment, read here and
nowhere else (`options_from_env`, `engine_name`). The engine adapter reads its own configuration file
into a `Project`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from .model import Audience, Problem, Settings

PdfChoice = Literal["auto", "require", "skip"]

AUDIENCE_ENV = "BRIEFINGS_AUDIENCE"
DRAFTS_ENV = "BRIEFINGS_DRAFTS"
BUILD_DATE_ENV = "BRIEFINGS_BUILD_DATE"
ENGINE_ENV = "BRIEFINGS_ENGINE"
ENGINES = ("mkdocs", "properdocs")
MARKUP = re.compile(r"<[A-Za-z/!?]|&#?\w+;")
"""Anything a browser would read as a tag or an entity: settings and taxonomy text are shown as plain text."""
OUTPUT_FOLDERS = {Audience.PUBLIC: "site", Audience.PARTNERS: "site-partners"}
"""Each audience's own output folder, relative to the project: a partners build never writes into `site/`."""
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".svg")
ACCESSIBILITY_KEYS = ("organisation", "contact_url", "status", "response_days", "prepared", "reviewed")


class SettingsError(ValueError):
    """A setting or option that makes no build possible; the message names it and says what to write."""


@dataclass(frozen=True)
class BuildOptions:
    """One build: for whom, with what, into which folder."""

    output: Path
    """The folder the finished site replaces (a preview's engine serves a folder of its own)."""
    audience: Audience = Audience.PUBLIC
    drafts: bool = False
    build_date: date = field(default_factory=date.today)
    """"Today" for overdue actions and review notices."""
    strict_privacy: bool = False
    pdf: PdfChoice = "skip"
    workers: int = 1
    in_ci: bool = False
    """Run unattended (`CI=true`, as GitHub Actions sets): editors' leftover files are errors, not warnings."""


@dataclass(frozen=True)
class Project:
    """The project's own settings, as the engine's configuration file gives them."""

    root: Path
    content_dir: str
    site_name: str
    site_url: str
    partnership: str = ""
    accessibility: Mapping[str, object] = field(default_factory=dict)
    texts: Mapping[str, object] = field(default_factory=dict)
    """Every other setting the pages show, by its name in the configuration file (`extra.briefings.exit_url`, …)."""
    search_part_size: int = 1000
    partners_site_url: str = ""
    """The partners site's own address (behind sign-in): every absolute URL of a partners build uses it."""
    logo: str = ""
    """The theme's `logo`: an image's path in `pages_dir`, and so in the site."""
    pages_dir: str = ""
    """Where hand-written pages and their files are (the engine's docs folder), relative to `root`."""
    config_file: str = "mkdocs.yml"
    """Relative to `root`, like every path here."""
    origins: tuple[str, ...] = ()
    """Files and folders whose text can reach the built site (content, settings, theme overrides)."""

    def url(self, audience: Audience) -> str:
        """The address the site for `audience` is published at."""
        return self.partners_site_url if audience is Audience.PARTNERS else self.site_url

    def settings(self, build_date: date, audience: Audience = Audience.PUBLIC) -> Settings:
        """What the pages are rendered with."""
        return Settings(self.site_name, self.url(audience), self.partnership, build_date, dict(self.accessibility), self.logo)

    def problems(self, audience: Audience = Audience.PUBLIC) -> list[Problem]:
        """Settings a build for `audience` cannot go without, each named."""
        found = []
        if not self.site_url:
            found.append(Problem(self.config_file, 1, "set 'site_url' (the feed and open data need absolute links)"))
        if audience is Audience.PARTNERS and not self.partners_site_url:
            found.append(
                Problem(
                    self.config_file,
                    1,
                    "a partners build needs 'partners_site_url' under the briefings plugin: the address of the partners "
                    "site behind sign-in, never the public site_url (see the README, The partners site)",
                )
            )
        elif audience is Audience.PARTNERS and self.partners_site_url.rstrip("/") == self.site_url.rstrip("/"):
            found.append(
                Problem(
                    self.config_file,
                    1,
                    "'partners_site_url' must not be the public site_url: give the partners site its own address",
                )
            )
        for name, value in _strings({**self.texts, "extra.briefings.accessibility": self.accessibility}):
            if MARKUP.search(value):
                found.append(Problem(self.config_file, 1, f"{name} must be plain text, without HTML tags or entities: {value!r}"))
            elif name.endswith("url") and not value.lower().startswith(("https://", "http://")):
                found.append(Problem(self.config_file, 1, f"{name} must be a web address starting https:// (it is {value!r})"))
        found += self._logo_problems()
        missing = [key for key in ACCESSIBILITY_KEYS if key not in self.accessibility]
        if missing:
            found.append(
                Problem(self.config_file, 1, f"extra.briefings.accessibility needs {', '.join(missing)} (see the README)")
            )
        return found

    def _logo_problems(self) -> list[Problem]:
        """The logo is printed on every page, so it must be an image the site itself holds."""
        if not self.logo:
            return []
        where = f"theme.logo must be an image in {self.pages_dir or 'the pages folder'} ({', '.join(LOGO_TYPES)}), its path relative to that folder"
        if "://" in self.logo or self.logo.startswith(("/", "data:")) or ".." in self.logo.split("/"):
            return [Problem(self.config_file, 1, f"{where}: the site loads nothing from elsewhere (it is {self.logo!r})")]
        if Path(self.logo).suffix.lower() not in LOGO_TYPES or not (self.root / self.pages_dir / self.logo).is_file():
            return [Problem(self.config_file, 1, f"{where} (it is {self.logo!r}, which is not such a file)")]
        return []


def options_from_env(environ: Mapping[str, str], output: Path, workers: int) -> BuildOptions:
    """The options of plain `mkdocs build` and `mkdocs serve`: `BRIEFINGS_AUDIENCE` (public or partners),
    `BRIEFINGS_DRAFTS=1` and `BRIEFINGS_BUILD_DATE=YYYY-MM-DD`."""
    audience = environ.get(AUDIENCE_ENV, Audience.PUBLIC.value)
    if audience not in {a.value for a in Audience}:
        raise SettingsError(f"{AUDIENCE_ENV}={audience!r}: use 'public' or 'partners'")
    return BuildOptions(
        output=output,
        audience=Audience(audience),
        drafts=environ.get(DRAFTS_ENV) == "1",
        build_date=parse_date(environ.get(BUILD_DATE_ENV), BUILD_DATE_ENV) or date.today(),
        workers=workers,
        in_ci=in_ci(environ),
    )


def in_ci(environ: Mapping[str, str]) -> bool:
    return environ.get("CI", "").lower() in ("true", "1")


def _strings(value: object, name: str = "") -> Iterator[tuple[str, str]]:
    """Every text in a setting, with the name that finds it (`extra.briefings.accessibility.known_issues[0]`)."""
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(item, f"{name}.{key}" if name else str(key))
    elif isinstance(value, list | tuple):
        for number, item in enumerate(value):
            yield from _strings(item, f"{name}[{number}]")


def engine_name() -> str:
    """The engine the `briefings` command runs: `BRIEFINGS_ENGINE` (mkdocs, the default, or properdocs)."""
    name = os.environ.get(ENGINE_ENV) or ENGINES[0]
    if name not in ENGINES:
        raise SettingsError(f"{ENGINE_ENV}={name!r}: use one of {', '.join(ENGINES)}")
    return name


def parse_date(text: str | None, name: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SettingsError(f"{name}={text!r}: write the date as YYYY-MM-DD") from None
