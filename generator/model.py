"""The plain data every stage passes downstream: load → validate → model → render."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from .paging import DEFAULT_PAGE_SIZE

STEPS: tuple[tuple[str, str], ...] = (
    ("background", "Background"),
    ("why-it-matters", "Why it matters"),
    ("what-worked-well", "What worked well"),
    ("what-we-are-worried-about", "What we are worried about"),
    ("what-needs-to-happen", "What needs to happen"),
    ("questions-for-reflection", "Questions for reflection"),
)
"""The six steps of a briefing, in contract order: (anchor, heading)."""

DEFAULT_REVIEW_YEARS = 3
REVIEW_NOTICE_DAYS = 60
"""A briefing whose review falls due within this many days is listed for review, as is one already due."""
PARTNERS_MARKER = "PARTNERS-ONLY.txt"
"""The file at the root of every partners build: `briefings assert-public` refuses a folder that holds it."""
PARTNERS_NOTICE = "Partners only: do not share outside the partnership."
DRAFTS_MARKER = "DRAFTS-INCLUDED.txt"
"""The file at the root of a build that shows drafts (a local preview): never to be deployed either."""


class Status(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    RESTRICTED = "restricted"
    WITHDRAWN = "withdrawn"
    """Taken down: its address shows a short notice (title, date, reason, successor), none of its former text."""


class Audience(StrEnum):
    PUBLIC = "public"
    PARTNERS = "partners"


@dataclass(frozen=True)
class Problem:
    """One thing an author must fix, pointing at the file and line that caused it."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        """Printable anywhere: a lone surrogate or control character an author's file smuggled into the message
        is shown as its escape, never written raw (it would crash the terminal's encoder, or hide)."""
        return printable(f"{self.path}:{self.line}: {self.message}")


@dataclass(frozen=True)
class Link:
    """A link an author gave in `taxonomy.yml` (guidance on a theme): plain-text title, https address."""

    title: str
    url: str


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    questions: tuple[str, ...] = ()
    description: str = ""
    """Plain text shown at the top of the theme's page."""
    links: tuple[Link, ...] = ()
    """Guidance on the theme (local procedures, national guidance), listed on its page."""


@dataclass(frozen=True)
class Taxonomy:
    audit_types: dict[str, str]
    agencies: dict[str, str]
    themes: dict[str, Theme]
    groups: dict[str, str] = field(default_factory=dict)
    """Boards, sub-groups and task-and-finish groups: they may own actions, beside the agencies."""
    glossary: dict[str, str] = field(default_factory=dict)
    """Acronyms and what each stands for, explained where a page first uses them."""

    @property
    def owners(self) -> dict[str, str]:
        """Who may own an action, key to label."""
        return self.agencies | self.groups


@dataclass(frozen=True)
class GoodPractice:
    title: str
    anchor: str
    agencies: tuple[str, ...]
    themes: tuple[str, ...]
    body: str
    """Author Markdown."""


@dataclass(frozen=True)
class Action:
    """One row of an audit's action plan; whether it is overdue depends on the build date."""

    text: str
    owner: str
    due: date
    status: str

    @property
    def complete(self) -> bool:
        return self.status == "Complete"

    def overdue(self, today: date) -> bool:
        return not self.complete and self.due < today


@dataclass(frozen=True)
class Progress:
    total: int
    complete: int
    overdue: int

    def __str__(self) -> str:
        text = f"{self.complete} of {self.total} complete"
        return text + (f", {self.overdue} overdue" if self.overdue else "")


def progress(actions: tuple[Action, ...], today: date) -> Progress:
    return Progress(len(actions), sum(a.complete for a in actions), sum(a.overdue(today) for a in actions))


@dataclass(frozen=True)
class Briefing:
    """One 6 Step Briefing, from an audit (`kind == "audit"`) or standalone (`"briefing"`)."""

    slug: str
    kind: str
    path: str
    title: str
    status: Status
    date: date
    published: date
    summary: str
    themes: tuple[str, ...]
    agencies: tuple[str, ...]
    steps: tuple[str, ...]
    """Author Markdown of steps 1–6 in contract order; step 6 may be empty when `default_questions` is used."""
    default_questions: tuple[str, ...] = ()
    """Questions taken from the themes because the author wrote no step 6."""
    good_practice: tuple[GoodPractice, ...] = ()
    actions: tuple[Action, ...] = ()
    audit_type: str | None = None
    cases: int | None = None
    children: int | None = None
    source: str | None = None
    review_date: date | None = None
    pseudonyms: tuple[str, ...] = ()
    superseded_by: str | None = None
    """The slug of the briefing that replaces this one: its page (or notice) links there."""
    previous_slugs: tuple[str, ...] = ()
    """Addresses it was published at before a rename: each gets a redirect page."""
    withdrawn_on: date | None = None
    withdrawn_reason: str | None = None
    """Plain text, shown on the notice. A withdrawn briefing keeps nothing else of its file (see `withdrawn`)."""

    @property
    def is_audit(self) -> bool:
        return self.kind == "audit"

    def review_soon(self, today: date) -> bool:
        """Whether its review date has passed or falls within `REVIEW_NOTICE_DAYS`."""
        return self.review_due <= today + timedelta(days=REVIEW_NOTICE_DAYS)

    @property
    def url(self) -> str:
        return f"briefings/{self.slug}/"

    @property
    def reporting_year(self) -> str:
        return reporting_year(self.date)

    @property
    def review_due(self) -> date:
        """The author's review date, or by default three years after publication."""
        if self.review_date:
            return self.review_date
        try:
            return self.published.replace(year=self.published.year + DEFAULT_REVIEW_YEARS)
        except ValueError:  # 29 February
            return self.published.replace(year=self.published.year + DEFAULT_REVIEW_YEARS, day=28)

    @property
    def type_key(self) -> str:
        """The audit type, or `briefing` for a standalone briefing (used by the type filters)."""
        return self.audit_type or "briefing"


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
        return next((s for s in self.briefings if s.slug == b.superseded_by), None)

    @property
    def redirects(self) -> dict[str, str]:
        """Each earlier address (a previous slug) and the slug now published or withdrawn in its place."""
        return {old: b.slug for b in (*self.briefings, *self.withdrawn) for old in b.previous_slugs}


@dataclass(frozen=True)
class Heading:
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
    headings: tuple[Heading, ...]
    noindex: bool = False
    """Asks search engines to drop the page (a withdrawn briefing's notice)."""


@dataclass(frozen=True)
class Output:
    """One generated file: a page (`page` set; `content` is its finished HTML, for the engine's theme
    to wrap) or a finished file such as the feed.

    A page's `path` names it as engines name Markdown sources (`briefings/<slug>.md` is served at
    `briefings/<slug>/`), but the core writes its HTML itself: the engine has nothing left to convert.
    """

    path: str
    content: str
    page: Page | None = None
    searchable: bool = False
    """A page the site search indexes (only briefings are)."""

    @property
    def dest(self) -> str:
        """Where it is written in the site folder: pages at directory URLs (`briefings/<slug>/index.html`)."""
        if not self.path.endswith(".md"):
            return self.path
        stem = self.path.removesuffix(".md")
        return f"{stem.removesuffix('index')}index.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def long_date(day: date) -> str:
    """A date as readers read it: `2 December 2026`."""
    return f"{day.day} {day:%B %Y}"


def due_for_review(briefings: Iterable[Briefing], today: date) -> tuple[Briefing, ...]:
    """Briefings (never drafts or withdrawn ones) whose review date has passed or is near, soonest first."""
    due = [b for b in briefings if b.status in (Status.PUBLISHED, Status.RESTRICTED) and b.review_soon(today)]
    return tuple(sorted(due, key=lambda b: (b.review_due, b.slug)))


def reporting_year(day: date) -> str:
    """The partnership's reporting year (1 April – 31 March) containing `day`, as `2016/17`."""
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


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


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    return _UNPRINTABLE.sub(lambda c: c.group().encode("unicode_escape").decode("ascii"), text)
