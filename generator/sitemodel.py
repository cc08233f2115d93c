"""One build's site: its settings, what it shows its audience, and the files rendered from it for an engine."""

from __future__ import annotations

import posixpath
import re
import zlib
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from urllib.parse import unquote, urlsplit

from generator.model import STEPS, Audience, Briefing, Status, Taxonomy

BUNDLE_DIR = re.compile(r"pagefind(-\d+)?/")
"""Where the parts of the search index are written: the start of their paths relative to the site (a
hand-written page there would be replaced by the index, and is refused)."""
DEFAULT_PAGE_SIZE = 100
"""Items per page of a listing: few enough that a page of the showcase's entries, with their text, stays light on a phone (benchmarks/RESULTS.md)."""


@dataclass(frozen=True)
class ReportConcern:
    """How to report a concern about a child (`extra.briefings.report_concern` in mkdocs.yml): shown on every page."""

    text: str
    phone: str
    """As written in the settings, e.g. `0113 496 0000`."""
    url: str

    @property
    def digits(self) -> str:
        """The number as dialled within the UK (`01134960000`), however it was written (`+44 (0)113 …`)."""
        return national_digits(self.phone)

    @property
    def tel(self) -> str:
        """The `tel:` link, in the international form every phone dials."""
        return f"tel:+44{self.digits[1:]}"


def national_digits(number: str) -> str:
    """A UK phone number's digits as dialled within the UK: `+44 (0)113 496 0000` is `01134960000`, and so is
    `0044 113 496 0000`. The country code is read only where it is marked as one (`+`, `00`)."""
    digits = "".join(c for c in number if c.isdigit())
    if digits.startswith("0044"):
        return "0" + digits[4:].lstrip("0")
    if number.lstrip().startswith("+44"):
        return "0" + digits[2:].lstrip("0")
    return digits


def plain_host(host: str) -> str:
    """A host as a reader's browser reaches the same site by it (`www.`, a trailing dot, any case)."""
    host = host.rsplit("@", 1)[-1]
    host = host[1 : host.find("]")] if host.startswith("[") else host.split(":")[0]
    return host.rstrip(".").lower().removeprefix("www.")


def same_site(first: str, second: str) -> bool:
    """Whether two addresses lead to one site, however written: its host's capitals, `www.`, escapes and look-alike
    letters (`ｅxample`, which IDNA maps), its path's escapes, `./` and `../` and a last `index.html`, either scheme."""
    return web_address(first) and web_address(second) and _site(first) == _site(second)


def web_address(value: str) -> bool:
    """Whether `value` is a web address a browser can follow (`https://[x` is none, nor `example.org/`, nor a host with a
    space or a backslash in it, even escaped, nor a port that is no number)."""
    try:
        split = urlsplit(value.strip())
        host = unquote(split.hostname or "")
        return split.scheme.lower() in ("http", "https") and _HOST.fullmatch(host) is not None and split.port != 0
    except ValueError:  # a bracket left open, a port that is no number (`:abc`, `:99999`)
        return False


_HOST = re.compile(r"[\w.\-]+|[0-9a-f:.]+", re.I)
"""A host's name (in any letters, which IDNA maps) or an address of numbers."""


def _site(address: str) -> tuple[str, int | None, str]:
    split = urlsplit(address.strip())
    host = unquote(split.hostname or "")
    with suppress(UnicodeError):
        host = host.encode("idna").decode("ascii")
    path = posixpath.normpath(unquote(split.path) or "/").removesuffix("index.html").rstrip("/")
    return plain_host(host), None if split.port == _DEFAULT_PORTS[split.scheme.lower()] else split.port, path


_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Settings:
    """Site-wide settings the engine adapter passes in (from `mkdocs.yml`)."""

    site_name: str
    site_url: str
    partnership: str = ""
    build_date: date = field(default_factory=date.today)
    accessibility: dict[str, object] = field(default_factory=dict)
    """The accessibility statement's facts, from `extra.briefings.accessibility` in mkdocs.yml."""
    logo: str = ""
    """The partnership's logo (the theme's `logo`), a path in the site, printed at the top of every page; optional."""

    report_concern: ReportConcern | None = None
    """Where to report a concern about a child (required for a build; absent in some tests' settings)."""
    listing_page_size: int = DEFAULT_PAGE_SIZE
    """Items on each page of a long listing (`paging.py`)."""

    @property
    def partnership_name(self) -> str:
        """The partnership's name standing alone (a printed page's header, a PDF's author): `partnership` is
        written to follow "by" in a sentence ("the Northbrook … Partnership"), so its leading "the" goes."""
        name = self.partnership.strip()
        return (name[4:] if name.lower().startswith("the ") else name) or self.site_name


@dataclass(frozen=True)
class Site:
    """Everything one build publishes: already filtered for its audience."""

    settings: Settings
    taxonomy: Taxonomy
    audience: Audience
    briefings: tuple[Briefing, ...]
    """Newest first."""
    withdrawn: tuple[Briefing, ...] = ()
    """Withdrawn briefings, each only a notice at its address: in no listing, feed, index or download."""

    def successor(self, b: Briefing) -> Briefing | None:
        """The briefing that replaces `b`, if it names one this site shows (check refuses any other)."""
        return self._by_slug.get(b.superseded_by) if b.superseded_by else None

    @cached_property
    def _by_slug(self) -> dict[str, Briefing]:
        """Each briefing by its slug, found once: every briefing's page asks for its successor."""
        return {b.slug: b for b in self.briefings}

    @property
    def redirects(self) -> dict[str, str]:
        """Each earlier address (a previous slug) and the slug now published or withdrawn in its place."""
        return {old: b.slug for b in (*self.briefings, *self.withdrawn) for old in b.previous_slugs}


@dataclass(frozen=True)
class OutlineHeading:
    """A heading of a generated page, for the engine's table of contents."""

    level: int
    id: str
    name: str
    """Its text as HTML (entities kept), without tags."""


@dataclass(frozen=True)
class Page:
    """What an engine needs to place a generated page's HTML in its theme."""

    title: str
    """As HTML (entities kept), like the page's `<h1>`."""
    description: str
    """Plain text."""
    headings: tuple[OutlineHeading, ...]
    noindex: bool = False
    """Asks search engines to drop the page (a withdrawn briefing's notice)."""


@dataclass(frozen=True, init=False)
class Output:
    """One generated file: a page (`page` set; `content` is its finished HTML, for the engine's theme
    to wrap) or a finished file such as the feed.

    A page's `path` names it as engines name Markdown sources (`briefings/<slug>.md` is served at
    `briefings/<slug>/`), but the core writes its HTML itself: the engine has nothing left to convert.

    The content is kept compressed until the engine writes it: a build holds every generated file from the
    time it is made until then, and HTML compresses several times over (benchmarks/RESULTS.md, Memory).
    """

    path: str
    packed: bytes = field(repr=False)
    page: Page | None
    searchable: bool
    """A page the site search indexes (only briefings are)."""
    size: int
    """The content's length in characters (bytes for a binary file)."""
    text: bool

    def __init__(self, path: str, content: str | bytes, page: Page | None = None, searchable: bool = False) -> None:
        text = isinstance(content, str)
        data = content.encode("utf-8", "surrogatepass") if text else content  # lossless, whatever the text holds
        packed, size = zlib.compress(data, 1), len(content)
        for name, value in dict(path=path, packed=packed, page=page, searchable=searchable, size=size, text=text).items():
            object.__setattr__(self, name, value)  # a frozen dataclass's own way to set its fields

    @property
    def content(self) -> str | bytes:
        data = zlib.decompress(self.packed)
        return data.decode("utf-8", "surrogatepass") if self.text else data

    @property
    def dest(self) -> str:
        """Where it is written in the site folder: pages at directory URLs (`briefings/<slug>/index.html`)."""
        if not self.path.endswith(".md"):
            return self.path
        stem = self.path.removesuffix(".md")
        return f"{stem.removesuffix('index')}index.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def visible(status: Status, audience: Audience, drafts: bool) -> bool:
    """Whether an item of `status` appears as a briefing in a build for `audience` (drafts only on request;
    a withdrawn one never: only its notice does)."""
    if status is Status.DRAFT:
        return drafts
    if status is Status.RESTRICTED:
        return audience is Audience.PARTNERS
    return status is Status.PUBLISHED


def withdrawn(b: Briefing) -> Briefing:
    """What a withdrawn briefing keeps for its notice: title, dates, reason, successor and old addresses.

    Everything else it said (summary, steps, good practice, actions, facts) is dropped here, before any
    page is rendered, so no template can ever show it.
    """
    return Briefing(
        slug=b.slug,
        kind=b.kind,
        path=b.path,
        title=b.title,
        status=Status.WITHDRAWN,
        date=b.date,
        published=b.published,
        summary="",
        themes=(),
        agencies=(),
        steps=("",) * len(STEPS),
        superseded_by=b.superseded_by,
        previous_slugs=b.previous_slugs,
        withdrawn_on=b.withdrawn_on,
        withdrawn_reason=b.withdrawn_reason,
    )


def make_site(
    settings: Settings,
    taxonomy: Taxonomy,
    briefings: list[Briefing],
    audience: Audience = Audience.PUBLIC,
    drafts: bool = False,
) -> Site:
    """Select what this audience may see, newest first; nothing else reaches rendering."""
    shown = [b for b in briefings if visible(b.status, audience, drafts)]
    shown.sort(key=lambda b: (b.published, b.slug), reverse=True)
    gone = tuple(withdrawn(b) for b in sorted(briefings, key=lambda b: b.slug) if b.status is Status.WITHDRAWN)
    return Site(settings, taxonomy, audience, tuple(shown), gone)
