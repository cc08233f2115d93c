"""What a build is asked to do (`BuildOptions`) and what the project says about itself (`Project`).

Both are plain values passed explicitly: the `briefings` command makes `BuildOptions` from its flags,
and plain `mkdocs build` / `serve` (which have no such flags) from the environment, read here and
nowhere else (`options_from_env`, `engine_name`). The engine adapter reads its own configuration file
and makes a `Project` of its values (`Project.configured`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from generator.diagnostics import written_line
from generator.model import Audience, Problem
from generator.sitemodel import DEFAULT_PAGE_SIZE, ReportConcern, Settings, national_digits, same_site, web_address

PdfChoice = Literal["auto", "require", "skip"]

AUDIENCE_ENV = "BRIEFINGS_AUDIENCE"
DRAFTS_ENV = "BRIEFINGS_DRAFTS"
BUILD_DATE_ENV = "BRIEFINGS_BUILD_DATE"
ENGINE_ENV = "BRIEFINGS_ENGINE"
ENGINES = ("mkdocs", "properdocs")
MARKUP = re.compile(r"<[A-Za-z/!?]|&#?\w+;|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
"""A tag or an entity to a browser, or a control character no page or feed shows: settings and taxonomy are plain text."""
OUTPUT_FOLDERS = {Audience.PUBLIC: "site", Audience.PARTNERS: "site-partners"}
"""Each audience's own output folder, relative to the project: a partners build never writes into `site/`."""
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".svg")
ACCESSIBILITY_KEYS = ("organisation", "contact_url", "status", "response_days", "prepared", "reviewed")
REPORT_CONCERN = ("extra", "briefings", "report_concern")
REPORT_CONCERN_KEYS = ("text", "phone", "url")
REPORT_CONCERN_EXAMPLE = (
    'report_concern: {text: "Worried about a child? Contact the Children\'s Front Door", phone: 0113 496 0000, '
    "url: https://www.example.gov.uk/report-a-concern}"
)
_NO_PARTNERS_URL = (
    "a partners build needs 'partners_site_url' under the briefings plugin: the address of the partners site behind "
    "sign-in, never the public site_url (see docs/publishing.md, The partners site)"
)
_PLAIN = "must be plain text, without HTML tags or entities, nor invisible control characters"
_PHONE_WRITING = re.compile(r"\+?[0-9 ()-]+")
_UK_NUMBER = re.compile(r"01[0-9]{8,9}|0[23589][0-9]{9}|0800[0-9]{6}|08001111")
"""A service's UK number as dialled here: 11 digits, or 10 (some 01 areas, 0800), and 0800 1111; never an 07 number."""


class SettingsError(ValueError):
    """A setting or option that makes no build possible: the message, or the `problems` at their lines, say what to write."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


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
    listing_page_size: int = DEFAULT_PAGE_SIZE
    """Items on each page of a long listing (`plugins.briefings.listing_page_size`)."""
    report_concern: object = None
    """`extra.briefings.report_concern` as written (a mapping of text, phone and url when right): see `concern`."""

    @classmethod
    def configured(
        cls,
        config_file: Path,
        site_name: str,
        site_url: str | None,
        extra: Mapping[str, Any],
        theme_dir: str | None,
        logo: str | None,
        docs_dir: str,
        plugin: Mapping[str, Any],
    ) -> Project:
        """The project as the engine read its configuration file: the engine's settings (`extra`, the theme's
        `custom_dir` and `logo`, …) and the briefings plugin's options (`content_dir`, `partnership`, …)."""
        root, own = config_file.parent, extra.get("briefings") or {}
        theme = [Path(os.path.relpath(theme_dir, root)).as_posix()] if theme_dir else []  # outside: refused in the build
        return cls(
            root,
            plugin["content_dir"],
            site_name,
            site_url or "",
            plugin["partnership"],
            own.get("accessibility") or {},
            {"site_name": site_name, "plugins.briefings.partnership": plugin["partnership"]}
            | {f"extra.briefings.{k}": v for k, v in own.items() if k not in ("accessibility", "report_concern")},
            plugin["search_part_size"],
            plugin["partners_site_url"],
            logo=logo or "",
            pages_dir=Path(os.path.relpath(docs_dir, root)).as_posix(),
            config_file=config_file.name,
            origins=(plugin["content_dir"], config_file.name, *theme),
            report_concern=own.get("report_concern"),
            listing_page_size=plugin["listing_page_size"],
        )

    def url(self, audience: Audience) -> str:
        """The address the site for `audience` is published at."""
        return self.partners_site_url if audience is Audience.PARTNERS else self.site_url

    def settings(self, build_date: date, audience: Audience = Audience.PUBLIC) -> Settings:
        """What the pages are rendered with."""
        return Settings(
            self.site_name,
            self.url(audience),
            self.partnership,
            build_date,
            dict(self.accessibility),
            self.logo,
            self.concern,
            self.listing_page_size,
        )

    @property
    def concern(self) -> ReportConcern | None:
        """How to report a concern about a child, once its setting is right (see `problems`)."""
        if self._concern_problems():
            return None
        assert isinstance(self.report_concern, Mapping)
        return ReportConcern(*(" ".join(self.report_concern[key].split()) for key in REPORT_CONCERN_KEYS))

    @property
    def public_numbers(self) -> frozenset[str]:
        """Phone numbers the built site may show (as dialled within the UK): the one to report a concern on."""
        return frozenset({self.concern.digits}) if self.concern else frozenset()

    def _concern_problems(self) -> list[Problem]:
        """What is wrong with `extra.briefings.report_concern`, each at the line it is written on."""
        name, value = ".".join(REPORT_CONCERN), self.report_concern
        if not isinstance(value, Mapping):
            what = "is missing" if value is None else "must be a mapping"
            message = f"{name} {what}: every page shows how to report a concern about a child; add under extra.briefings: "
            return [Problem(self.config_file, self.line_of(REPORT_CONCERN), message + REPORT_CONCERN_EXAMPLE)]
        wrong = {str(key): f"{name}: unknown key {key!r}; use {', '.join(REPORT_CONCERN_KEYS)}" for key in value}
        for key in REPORT_CONCERN_KEYS:
            wrong[key] = _concern_mistake(f"{name}.{key}", key, value.get(key))
        found = [
            Problem(self.config_file, self.line_of((*REPORT_CONCERN, key)), message) for key, message in wrong.items() if message
        ]
        return sorted(found, key=lambda p: p.line)

    def line_of(self, keys: Sequence[str]) -> int:
        """The line of the configuration file where the nested setting `keys` is written, or the nearest one around it (or 1)."""
        try:
            text = (self.root / self.config_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return 1
        return written_line(text, keys)

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

    def problems(self, audience: Audience = Audience.PUBLIC) -> list[Problem]:
        """Settings a build for `audience` cannot go without, each named."""
        found = []
        if not self.site_url:
            found.append(Problem(self.config_file, 1, "set 'site_url' (the feed and open data need absolute links)"))
        if self.listing_page_size < 1:
            message = f"plugins.briefings.listing_page_size must be 1 or more (it is {self.listing_page_size})"
            found.append(Problem(self.config_file, self.line_of(("plugins", "briefings", "listing_page_size")), message))
        if audience is Audience.PARTNERS and not self.partners_site_url:
            found.append(Problem(self.config_file, 1, _NO_PARTNERS_URL))
        elif audience is Audience.PARTNERS and same_site(self.partners_site_url, self.site_url):
            message = "'partners_site_url' must not be the public site_url: give the partners site its own address"
            found.append(Problem(self.config_file, self.line_of(("plugins", "briefings", "partners_site_url")), message))
        partners = {"plugins.briefings.partners_site_url": self.partners_site_url} if self.partners_site_url else {}
        for name, value in _strings({**self.texts, **partners, "extra.briefings.accessibility": self.accessibility}):
            line = self.line_of(re.sub(r"\[\d+\]", "", name).split("."))
            if MARKUP.search(value):
                found.append(Problem(self.config_file, line, f"{name} {_PLAIN}: {value!r}"))
            elif name.endswith("url") and not web_address(value):
                found.append(Problem(self.config_file, line, f"{name} must be a web address starting https:// (it is {value!r})"))
        found += self._logo_problems()
        if missing := [key for key in ACCESSIBILITY_KEYS if key not in self.accessibility]:
            needs = f"extra.briefings.accessibility needs {', '.join(missing)} (see docs/publishing.md)"
            found.append(Problem(self.config_file, 1, needs))
        return found + self._concern_problems()


def _concern_mistake(name: str, key: str, value: object) -> str:
    """What is wrong with one value of `report_concern`, or "" when it is right."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return f"{name} is missing: {REPORT_CONCERN_EXAMPLE}"
    if key == "phone":
        if isinstance(value, str) and _PHONE_WRITING.fullmatch(value) and _UK_NUMBER.fullmatch(national_digits(value)):
            return ""
        return f"{name} must be the service's UK phone number, such as 0113 496 0000, never a mobile's (it is {value!r})"
    if not isinstance(value, str):
        return f"{name} must be text (it is {value!r})"
    if MARKUP.search(value):
        return f"{name} {_PLAIN}: {value!r}"
    if key == "url" and not value.startswith("https://"):
        return f"{name} must be a web address starting https:// (it is {value!r})"
    return ""


def options_from_env(environ: Mapping[str, str], output: Path, workers: int) -> BuildOptions:
    """The options of plain `mkdocs build` and `serve`: BRIEFINGS_AUDIENCE, BRIEFINGS_DRAFTS and BRIEFINGS_BUILD_DATE."""
    audience = environ.get(AUDIENCE_ENV) or Audience.PUBLIC.value  # set empty (a workflow's input left blank): public
    drafts = environ.get(DRAFTS_ENV) or "0"  # a `true` must not leave drafts out without a word
    for name, value, allowed in ((AUDIENCE_ENV, audience, ("public", "partners")), (DRAFTS_ENV, drafts, ("1", "0"))):
        if value not in allowed:
            raise SettingsError(f"{name}={value!r}: use {' or '.join(map(repr, allowed))}")
    return BuildOptions(
        output=output,
        audience=Audience(audience),
        drafts=drafts == "1",
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
    """The engine the `briefings` command runs: `BRIEFINGS_ENGINE` (mkdocs, the default, or properdocs; plain `mkdocs`
    and `properdocs` are the engine they are)."""
    name = os.environ.get(ENGINE_ENV) or ENGINES[0]
    if name not in ENGINES:
        raise SettingsError(f"{ENGINE_ENV}={name!r}: use one of {', '.join(ENGINES)}")
    return name


def parse_date(text: str | None, name: str) -> date | None:
    if not text:
        return None
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", text):  # as documented: not 20261206, which Python reads too
        raise SettingsError(f"{name}={text!r}: write the date as YYYY-MM-DD")
    with suppress(ValueError):
        if 2000 <= (day := date.fromisoformat(text)).year <= 2999:  # a build's "today" (a year later overflows)
            return day
    raise SettingsError(f"{name}={text!r}: there is no such day, or no build is made as at it (2000 to 2999)")
