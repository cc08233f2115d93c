"""The plain data every stage passes downstream: load → validate → model → render."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

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


CONTENT_FIELDS = frozenset(
    "type cases children agencies themes published review_date pseudonyms superseded_by previous_slugs withdrawn_on "  # noqa: SIM905
    "withdrawn_reason source".split()
)
"""An audit's or a briefing's own fields, which a page has no use for: a page with them was meant as one."""


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
        """Printable anywhere, on one line: a lone surrogate, a control character or a line break an author's file (or
        its name) smuggled into the message is shown as its escape, never written raw (it would crash the terminal's
        encoder, hide, or start a line that CI reads as a command, `::stop-commands::`)."""
        return printable(f"{self.path}:{self.line}: {self.message}").replace("\n", "\\n")


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
    """Plain text, shown on the notice. A withdrawn briefing keeps nothing else of its file (see `sitemodel.withdrawn`)."""

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


def long_date(day: date) -> str:
    """A date as readers read it: `2 December 2026`, in English whatever the machine's locale (`%B` would follow it)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def due_for_review(briefings: Iterable[Briefing], today: date) -> tuple[Briefing, ...]:
    """Briefings (never drafts or withdrawn ones) whose review date has passed or is near, soonest first."""
    due = [b for b in briefings if b.status in (Status.PUBLISHED, Status.RESTRICTED) and b.review_soon(today)]
    return tuple(sorted(due, key=lambda b: (b.review_due, b.slug)))


def reporting_year(day: date) -> str:
    """The partnership's reporting year (1 April – 31 March) containing `day`, as `2016/17`."""
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def year_slug(year: str) -> str:
    """A reporting year in an address: `2016/17` becomes `2016-17`."""
    return year.replace("/", "-")


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    return _UNPRINTABLE.sub(lambda c: c.group().encode("unicode_escape").decode("ascii"), text)
