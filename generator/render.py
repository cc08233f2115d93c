"""Render a Site into the files of the public URL layout, independent of any site engine.

Pages come out as finished HTML with an outline of their headings, for the engine to place in its theme
and table of contents: author text is rendered and sanitised here, and every author string placed in a
template is escaped by Jinja. Heading ids follow Python-Markdown's rules, as on hand-written pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import jinja2
from markdown.extensions.toc import slugify, strip_tags, unique
from markupsafe import Markup, escape

from . import tasks
from .charts import grouped_bars, heat_map
from .feed import atom_feed
from .markup import to_html
from .model import (
    DRAFTS_MARKER,
    PARTNERS_MARKER,
    PARTNERS_NOTICE,
    REVIEW_NOTICE_DAYS,
    STEPS,
    Action,
    Audience,
    Briefing,
    GoodPractice,
    Status,
    Theme,
    due_for_review,
    long_date,
    progress,
)
from .opendata import archive_csv, archive_json, archive_totals_csv
from .paging import Pager, page_path, split, split_whole
from .pdf import PRINT_STYLESHEET, print_stylesheet
from .plaintext import briefing_text
from .sitemodel import Heading, Output, Page, Site
from .tables import label_cells
from .totals import MACA, Total, YearGroup, count_text, describe, every_year, totals
from .writing import abbreviate, reading_minutes
from .yeardoc import year_document

LATEST_ON_HOME = 5
"""Briefings the home page lists as recently published, newest first."""
OVERVIEW = 10
"""Items of each kind an agency's or a theme's page shows before linking to the whole (paged) list."""


@dataclass(frozen=True)
class ThemeGroup:
    theme: Theme
    briefings: tuple[Briefing, ...]
    entries: tuple[tuple[GoodPractice, Briefing], ...]
    history: tuple[YearGroup, ...]
    """Reporting years (newest first) in which audits raised this theme, with those audits."""

    @property
    def url(self) -> str:
        return f"themes/{self.theme.key}/"

    @property
    def recurring(self) -> bool:
        return len(self.history) >= 2


@dataclass(frozen=True)
class PlannedAction:
    """An action of an audit's plan, with its audit and whether it is overdue at the build date."""

    action: Action
    briefing: Briefing
    overdue: bool


@dataclass(frozen=True)
class AgencyGroup:
    """What one agency will find for itself: the briefings that involve it, its good practice, its actions."""

    key: str
    label: str
    briefings: tuple[Briefing, ...]
    entries: tuple[tuple[GoodPractice, Briefing], ...]
    actions: tuple[PlannedAction, ...]
    """Every action it owns, open ones first (overdue first among them), then complete ones; each by due date."""

    @property
    def url(self) -> str:
        return f"agencies/{self.key}/"

    @property
    def open_actions(self) -> int:
        return sum(not item.action.complete for item in self.actions)


@dataclass(frozen=True)
class OwnerGroup:
    owner: str
    label: str
    actions: tuple[PlannedAction, ...]
    """Overdue first, then by due date."""


class Indexes:
    """Every cross-page index, each built once per site in one pass (never per page)."""

    def __init__(self, site: Site) -> None:
        self.site = site

    @cached_property
    def audits(self) -> tuple[Briefing, ...]:
        return tuple(b for b in self.site.briefings if b.is_audit)

    @cached_property
    def years(self) -> tuple[YearGroup, ...]:
        return self.group_by_year(self.audits)

    @cached_property
    def due_for_review(self) -> tuple[Briefing, ...]:
        """Briefings (never drafts) whose review date has passed or is near, soonest first."""
        return due_for_review(self.site.briefings, self.site.settings.build_date)

    @cached_property
    def totals(self) -> tuple[Total, ...]:
        """Every reporting year's total for each type, oldest first: the archive's one set of figures."""
        return tuple(t for group in reversed(self.years) for t in group.totals)

    @cached_property
    def every_year(self) -> tuple[str, ...]:
        """Each reporting year from the first audit's to the last's, oldest first, years without audits included."""
        return every_year(self.years[-1].year, self.years[0].year) if self.years else ()

    def year_total(self, year: str, audit_type: str) -> Total | None:
        return next((t for t in self.totals if t.reporting_year == year and t.type == audit_type), None)

    @cached_property
    def overall(self) -> dict[str, Total]:
        """All years together, by type (the home page's figures)."""
        return {t.type: t for t in totals(self.audits, self.site.taxonomy.audit_types, by_year=False)}

    @cached_property
    def showcase(self) -> tuple[tuple[GoodPractice, Briefing], ...]:
        return tuple((entry, b) for b in self.site.briefings for entry in b.good_practice)

    @cached_property
    def themes(self) -> tuple[ThemeGroup, ...]:
        briefings: dict[str, list[Briefing]] = defaultdict(list)
        entries: dict[str, list[tuple[GoodPractice, Briefing]]] = defaultdict(list)
        for b in self.site.briefings:
            for key in b.themes:
                briefings[key].append(b)
        for entry, b in self.showcase:
            for key in entry.themes:
                entries[key].append((entry, b))
        taxonomy = self.site.taxonomy.themes
        groups = [
            ThemeGroup(
                taxonomy[k],
                tuple(briefings[k]),
                tuple(entries[k]),
                self.group_by_year(tuple(b for b in briefings[k] if b.is_audit)),
            )
            for k in set(briefings) | set(entries)
        ]
        return tuple(sorted(groups, key=lambda g: (not g.recurring, g.theme.label.lower())))

    @cached_property
    def agencies(self) -> tuple[AgencyGroup, ...]:
        """Each agency a visible briefing, good-practice entry or action names, in the taxonomy's order."""
        today = self.site.settings.build_date
        briefings: dict[str, list[Briefing]] = defaultdict(list)
        entries: dict[str, list[tuple[GoodPractice, Briefing]]] = defaultdict(list)
        actions: dict[str, list[PlannedAction]] = defaultdict(list)
        for b in self.site.briefings:
            for key in b.agencies:
                briefings[key].append(b)
            for action in b.actions:
                actions[action.owner].append(PlannedAction(action, b, action.overdue(today)))
        for entry, b in self.showcase:
            for key in entry.agencies:
                entries[key].append((entry, b))

        def order(item: PlannedAction) -> tuple[bool, bool, date, str]:
            return item.action.complete, not item.overdue, item.action.due, item.briefing.slug

        return tuple(
            AgencyGroup(key, label, tuple(briefings[key]), tuple(entries[key]), tuple(sorted(actions[key], key=order)))
            for key, label in self.site.taxonomy.agencies.items()
            if key in briefings or key in entries or key in actions
        )

    @cached_property
    def showcase_filters(self) -> tuple[tuple[str, tuple[Filter, ...]], ...]:
        """The showcase narrowed to one agency or one theme, each only with values that occur."""
        taxonomy = self.site.taxonomy
        agencies: dict[str, list[tuple[GoodPractice, Briefing]]] = defaultdict(list)
        themes: dict[str, list[tuple[GoodPractice, Briefing]]] = defaultdict(list)
        for entry, b in self.showcase:
            for key in entry.agencies:
                agencies[key].append((entry, b))
            for key in entry.themes:
                themes[key].append((entry, b))
        return (
            (
                "Agency",
                tuple(Filter("agency", k, label, tuple(agencies[k])) for k, label in taxonomy.agencies.items() if k in agencies),
            ),
            ("Theme", tuple(Filter("theme", k, t.label, tuple(themes[k])) for k, t in taxonomy.themes.items() if k in themes)),
        )

    @cached_property
    def open_actions(self) -> tuple[OwnerGroup, ...]:
        today = self.site.settings.build_date
        owners: dict[str, list[PlannedAction]] = defaultdict(list)
        for b in self.audits:
            for action in b.actions:
                if not action.complete:
                    owners[action.owner].append(PlannedAction(action, b, action.overdue(today)))
        labels = self.site.taxonomy.owners
        return tuple(
            OwnerGroup(key, labels[key], tuple(sorted(items, key=lambda i: (not i.overdue, i.action.due, i.briefing.slug))))
            for key, items in sorted(owners.items(), key=lambda kv: labels[kv[0]].lower())
        )

    @cached_property
    def audits_chart(self) -> str:
        return grouped_bars(
            "chart-audits",
            "Audits by type and reporting year",
            "Bar chart of the number of audits of each type in each reporting year; a year with no audits is left empty. "
            "The same numbers are in the table that follows.",
            self.every_year,
            [(label, [self._figure(year, key, "audits") for year in self.every_year]) for key, label in self.audit_types],
        )

    @cached_property
    def maca_chart(self) -> str:
        return grouped_bars(
            "chart-macas",
            "Cases and children in MACAs by reporting year",
            "Bar chart of the cases audited and the children in them, in multi-agency case audits only, for each reporting "
            "year; a year with no MACA is left empty. The same numbers are in the table that follows.",
            self.every_year,
            [(name.capitalize(), [self._figure(year, MACA, name) for year in self.every_year]) for name in ("cases", "children")],
        )

    def _figure(self, year: str, audit_type: str, name: str) -> int | None:
        found = self.year_total(year, audit_type)
        return None if found is None else getattr(found, name)

    @cached_property
    def audit_types(self) -> tuple[tuple[str, str], ...]:
        """The audit types that occur, as (key, label), in the taxonomy's order."""
        present = {a.audit_type for a in self.audits}
        return tuple((key, label) for key, label in self.site.taxonomy.audit_types.items() if key in present)

    def filters(self, items: tuple[Briefing, ...], audits_only: bool) -> tuple[tuple[str, tuple[Filter, ...]], ...]:
        """Year, type and theme filters over `items`, each only with values that occur."""
        taxonomy = self.site.taxonomy
        years: dict[str, list[Briefing]] = defaultdict(list)
        types: dict[str, list[Briefing]] = defaultdict(list)
        themes: dict[str, list[Briefing]] = defaultdict(list)
        for b in items:
            years[b.reporting_year].append(b)
            types[b.type_key].append(b)
            for key in b.themes:
                themes[key].append(b)
        type_labels = {**taxonomy.audit_types, **({} if audits_only else {"briefing": "Briefing from a review"})}
        return (
            ("Year", tuple(Filter("year", y.replace("/", "-"), y, tuple(v)) for y, v in sorted(years.items(), reverse=True))),
            ("Type", tuple(Filter("type", k, type_labels[k], tuple(types[k])) for k in type_labels if k in types)),
            (
                "Theme",
                tuple(Filter("theme", k, taxonomy.themes[k].label, tuple(themes[k])) for k in taxonomy.themes if k in themes),
            ),
        )

    @cached_property
    def briefing_filters(self) -> tuple[tuple[str, tuple[Filter, ...]], ...]:
        return self.filters(self.site.briefings, audits_only=False)

    @cached_property
    def archive_filters(self) -> tuple[tuple[str, tuple[Filter, ...]], ...]:
        return self.filters(self.audits, audits_only=True)

    def group_by_year(self, audits: tuple[Briefing, ...]) -> tuple[YearGroup, ...]:
        groups: dict[str, list[Briefing]] = defaultdict(list)
        for audit in sorted(audits, key=lambda a: (a.date, a.slug), reverse=True):
            groups[audit.reporting_year].append(audit)
        types = self.site.taxonomy.audit_types
        return tuple(YearGroup(year, tuple(items), totals(items, types)) for year, items in sorted(groups.items(), reverse=True))

    def theme_counts(self, group: ThemeGroup) -> list[int]:
        by_year = {g.year: len(g.audits) for g in group.history}
        return [by_year.get(year, 0) for year in self.every_year]

    @cached_property
    def themes_chart(self) -> str:
        audited = [g for g in self.themes if g.history]
        return heat_map(
            "chart-themes",
            "Audits per theme per reporting year",
            "Heat map: each row is a theme, each column a reporting year; darker cells mean more audits raised the theme. "
            "The same numbers are in the table that follows.",
            [g.theme.label for g in audited],
            self.every_year,
            [self.theme_counts(g) for g in audited],
        )


@dataclass(frozen=True)
class Filter:
    """One narrowed listing: a plain link that works without JavaScript."""

    facet: str
    """`year`, `type`, `theme` or (the showcase's) `agency`."""
    key: str
    label: str
    items: tuple[Briefing, ...] | tuple[tuple[GoodPractice, Briefing], ...]
    """Briefings, or the showcase's entries with their briefings."""
    parent: Filter | None = None
    """For a type narrowed to one reporting year (`by-type/maca/2016-17/`), the type's own filter."""
    year: str = ""

    def url(self, section: str) -> str:
        return f"{section}/by-{self.facet}/{self.key}/"

    @property
    def by_year(self) -> tuple[Filter, ...]:
        """A type's listing narrowed to each reporting year it occurs in, newest first (MACAs in 2016/17)."""
        if self.facet != "type" or self.parent is not None:
            return ()
        years: dict[str, list[Briefing]] = defaultdict(list)
        for b in self.items:
            assert isinstance(b, Briefing)  # only briefings are narrowed by type
            years[b.reporting_year].append(b)
        return tuple(
            Filter("type", f"{self.key}/{y.replace('/', '-')}", f"{self.label}, {y}", tuple(items), self, y)
            for y, items in sorted(years.items(), reverse=True)
        )


def partners_marker(site: Site) -> str:
    """What the marker file at the root of a partners build says to whoever finds the folder."""
    return (
        f"{PARTNERS_NOTICE}\n\nThis folder is the partners site of {site.settings.partnership or site.settings.site_name}, "
        f"built for {site.settings.site_url}. It holds restricted briefings: host it only behind your organisation's "
        "sign-in, never on a public host. `briefings assert-public` refuses any folder that holds this file.\n"
    )


def relative(here: str, target: str) -> str:
    """A link from the page at site URL `here` to `target`, so the site works under any base path.

    Both are site-relative (`briefings/x/`, `feed.xml`); pages are folders, so `here` is a directory.
    """
    path, hash_, anchor = target.partition("#")
    base = [part for part in here.split("/") if part]
    parts = path.split("/")
    common = 0
    while common < min(len(base), len(parts) - 1) and base[common] == parts[common]:
        common += 1
    link = "../" * (len(base) - common) + "/".join(parts[common:])
    return (link or "./") + hash_ + anchor


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,  # templates are part of the package: changing them means restarting anyway
    )
    env.filters["markdown"] = lambda text: Markup(to_html(text))
    env.filters["long_date"] = long_date
    env.filters["iso"] = lambda day: day.isoformat()
    env.filters["abbreviations"] = lambda html, glossary: Markup(abbreviate(str(html), glossary))
    env.globals["reading_minutes"] = reading_minutes
    env.globals["describe"] = describe
    env.globals["count_text"] = count_text
    return env


ENV = _environment()


class Outline:
    """The headings a template writes (see the `heading` macro), in order."""

    def __init__(self) -> None:
        self.headings: list[Heading] = []

    def __call__(self, level: int, id: str, inner: Markup) -> str:
        self.headings.append(Heading(level, id, strip_tags(str(inner))))
        return id


class Renderer:
    def __init__(self, site: Site, known: dict[Briefing, list[Output]] | None = None, workers: int = 1) -> None:
        self.site = site
        self.index = Indexes(site)
        self.known = {} if known is None else known
        """Each briefing's files from an earlier render with the same settings, taxonomy and audience."""
        self.workers = workers

    def page(
        self,
        path: str,
        url: str,
        template: str,
        title: str,
        description: str,
        searchable: bool = False,
        noindex: bool = False,
        **context: object,
    ) -> Output:
        """A page: its title as the `<h1>`, then the template's HTML.

        Only briefings are `searchable`, so that every search result leads to a briefing.
        """
        outline = Outline()
        body = label_cells(
            ENV.get_template(template).render(
                outline=outline,
                site=self.site,
                today=self.site.settings.build_date,
                progress=lambda b: progress(b.actions, self.site.settings.build_date),
                taxonomy=self.site.taxonomy,
                index=self.index,
                link=lambda target: relative(url, target),
                steps=STEPS,
                Status=Status,
                **context,
            )
        )
        anchor = unique(slugify(title, "-"), {heading.id for heading in outline.headings})  # as Python-Markdown's toc would
        html = ENV.get_template("_page.html.j2").render(title=title, anchor=anchor, body=Markup(body))
        shown = str(escape(title))
        heading = Heading(1, anchor, strip_tags(shown))  # named as the outline names the others
        return Output(path, html, Page(shown, description, (heading, *outline.headings), noindex), searchable)

    def listing(
        self, path: str, url: str, template: str, title: str, description: str, pages: list, **context: object
    ) -> list[Output]:
        """A long listing's pages, each given its share of the items as `items` and its `pager`: the first
        at the listing's own address, titled as the listing, the others numbered."""
        outputs = []
        for number, items in enumerate(pages, start=1):
            pager = Pager(url, number, len(pages))
            named = title if number == 1 else f"{title} (page {number} of {len(pages)})"
            outputs.append(
                self.page(
                    page_path(path, number), pager.url(number), template, named, description, items=items, pager=pager, **context
                )
            )
        return outputs

    def split_years(self, groups: tuple[YearGroup, ...]) -> list:
        """Reporting years, whole, on pages of about the listing size (a year's totals stay on one page)."""
        return split_whole(groups, self.site.settings.listing_page_size, lambda group: len(group.audits))

    def split_actions(self, groups: tuple[OwnerGroup, ...]) -> list:
        """Open actions in pages of the listing size, each page's grouped again by owner."""
        rows = [(group, item) for group in groups for item in group.actions]
        pages = []
        for page in split(rows, self.site.settings.listing_page_size):
            owners: dict[str, list[PlannedAction]] = defaultdict(list)
            labels = {}
            for group, item in page:
                owners[group.owner].append(item)
                labels[group.owner] = group.label
            pages.append(tuple(OwnerGroup(owner, labels[owner], tuple(items)) for owner, items in owners.items()))
        return pages

    def briefing(self, b: Briefing) -> list[Output]:
        """The briefing page, its printable team record and its plain-text version."""
        today = self.site.settings.build_date
        base = self.site.settings.site_url.rstrip("/") + "/"
        successor = self.site.successor(b)
        return [
            self.page(
                f"briefings/{b.slug}.md",
                b.url,
                "briefing.html.j2",
                f"DRAFT: {b.title}" if b.status is Status.DRAFT else b.title,
                b.summary,
                searchable=True,
                b=b,
                review_overdue=b.review_due < today,
                successor=successor,
            ),
            self.page(
                f"briefings/{b.slug}/record.md",
                f"{b.url}record/",
                "record.html.j2",
                f"Team record: {b.title}",
                f"Team record for {b.title}",
                b=b,
            ),
            Output(
                f"briefings/{b.slug}.txt",
                briefing_text(b, self.site.taxonomy, base + b.url, today, successor and (successor.title, base + successor.url)),
            ),
        ]

    def notice(self, b: Briefing) -> list[Output]:
        """A withdrawn briefing's address: a notice kept out of search (and search engines), and its team record's
        address leading to it."""
        return [
            self.page(
                f"briefings/{b.slug}.md",
                b.url,
                "withdrawn.html.j2",
                f"Withdrawn: {b.title}",
                f"This briefing was withdrawn on {long_date(b.withdrawn_on or b.date)}.",
                noindex=True,
                b=b,
                successor=self.site.successor(b),
            ),
            self.redirect(f"{b.url}record/", b.url, f"Withdrawn: {b.title}"),
        ]

    def redirect(self, old: str, new: str, title: str) -> Output:
        """A small page at an old address that sends the reader on (a meta refresh and a plain link, both relative,
        so they work under any base path), kept out of search engines."""
        partners = self.site.audience is Audience.PARTNERS
        html = ENV.get_template("redirect.html.j2").render(
            target=relative(old, new),
            canonical=self.site.settings.site_url.rstrip("/") + "/" + new,
            title=title,
            robots="noindex, nofollow" if partners else "noindex",
            notice=PARTNERS_NOTICE if partners else "",
        )
        return Output(f"{old}index.html", html)

    def moved(self) -> list[Output]:
        """Redirect pages at every previous slug of a briefing (its page and its team record), to where it is now."""
        here = {b.slug: b for b in (*self.site.briefings, *self.site.withdrawn)}
        outputs = []
        for old, slug in sorted(self.site.redirects.items()):
            b = here[slug]
            gone = b.status is Status.WITHDRAWN
            title = f"Withdrawn: {b.title}" if gone else b.title
            outputs.append(self.redirect(f"briefings/{old}/", b.url, title))
            outputs.append(self.redirect(f"briefings/{old}/record/", b.url if gone else f"{b.url}record/", title))
        return outputs

    @contextmanager
    def _briefings(self) -> Iterator[Callable[[], list[Output]]]:
        """Every briefing's files (call the function yielded), rendering only those not already known.

        Briefings are rendered independently of each other and are most of the work, so with several
        `workers` and enough of them to render, forked workers render them while this process makes
        the other pages.
        """
        todo = [b for b in self.site.briefings if b not in self.known or b.superseded_by]  # a successor's title may change

        def collect(rendered: Iterable[list[Output]]) -> list[Output]:
            self.known.update(zip(todo, rendered, strict=True))
            return [output for b in self.site.briefings for output in self.known[b]]

        with tasks.shared_out(self.briefing, todo, self.workers) as rendered:
            yield lambda: collect(rendered)

    def filtered(
        self, section: str, template: str, title: str, facets: tuple[tuple[str, tuple[Filter, ...]], ...]
    ) -> list[Output]:
        return [
            output
            for _, group in facets
            for narrowed in group
            for f in (narrowed, *narrowed.by_year)
            for output in self.listing(
                f"{section}/by-{f.facet}/{f.key}.md",
                f.url(section),
                template,
                f"{title}: {f.label}",
                f"{f.label}: {len(f.items)} items.",
                self.split_years(self.index.group_by_year(f.items)) if section == "archive" else self.split(f.items),
                current=f,
            )
        ]

    def split(self, items: tuple) -> list:
        return split(items, self.site.settings.listing_page_size)

    def agency(self, g: AgencyGroup) -> list[Output]:
        """An agency's page, with the first few of its briefings, good practice and actions, and the whole of
        each in a paged listing (its good practice is the showcase's, narrowed to the agency)."""
        outputs = [
            self.page(
                f"agencies/{g.key}.md",
                g.url,
                "agency.html.j2",
                g.label,
                f"Briefings, good practice and actions for {g.label}.",
                group=g,
                overview=OVERVIEW,
            )
        ]
        if len(g.briefings) > OVERVIEW:
            narrowed = Filter("agency", g.key, g.label, g.briefings)
            outputs += self.listing(
                f"briefings/by-agency/{g.key}.md",
                narrowed.url("briefings"),
                "briefings.html.j2",
                f"Briefings: {g.label}",
                f"{g.label}: {len(g.briefings)} items.",
                self.split(g.briefings),
                current=narrowed,
            )
        if len(g.actions) > OVERVIEW:
            outputs += self.listing(
                f"agencies/{g.key}/actions.md",
                f"{g.url}actions/",
                "agency_actions.html.j2",
                f"Actions owned by {g.label}",
                f"Every action {g.label} owns from published audits.",
                self.split(g.actions),
                group=g,
            )
        return outputs

    def year_report(self, group: YearGroup) -> list[Output]:
        """A reporting year's page, and the same report as a Word document and a CSV for an annual report."""
        partners = self.site.audience is Audience.PARTNERS
        scope = "including audits restricted to partners" if partners else "published audits only"
        if any(a.status is Status.DRAFT for a in group.audits):
            scope += ", and drafts (a local preview: never to be shared)"
        title = f"MACA archive: {group.year}"
        apart = len(group.actions) > self.site.settings.listing_page_size  # a long list on pages of its own
        return [
            *(
                self.listing(
                    f"archive/by-year/{group.key}/actions.md",
                    f"archive/by-year/{group.key}/actions/",
                    "year_actions.html.j2",
                    f"Actions raised in {group.year}",
                    f"Every action the audits of reporting year {group.year} raised.",
                    self.split(group.actions),
                    group=group,
                    scope=scope,
                )
                if apart
                else []
            ),
            self.page(
                f"archive/by-year/{group.key}.md",
                f"archive/by-year/{group.key}/",
                "year.html.j2",
                title,
                f"The audits of reporting year {group.year}, with their totals, themes and actions.",
                group=group,
                scope=scope,
                actions_apart=apart,
            ),
            Output(f"archive/by-year/{group.key}.docx", year_document(self.site, group, title, scope)),
            Output(f"archive/by-year/{group.key}.csv", archive_csv(self.site, group.audits)),
        ]

    def all(self) -> list[Output]:
        with self._briefings() as briefings:
            notices = [output for b in self.site.withdrawn for output in self.notice(b)]
            return self._site_pages() + notices + self.moved() + briefings()

    def _site_pages(self) -> list[Output]:
        """Every file but the briefings'."""
        settings = self.site.settings
        name = settings.partnership or settings.site_name
        outputs = [
            self.page(
                "index.md",
                "",
                "home.html.j2",
                settings.site_name,
                f"Learning from case audits by {name}.",
                latest=self.site.briefings[:LATEST_ON_HOME],
            ),
            *self.listing(
                "briefings/index.md",
                "briefings/",
                "briefings.html.j2",
                "Briefings",
                "Every 6 Step Briefing, newest first.",
                self.split(self.site.briefings),
                current=None,
            ),
            *self.listing(
                "archive/index.md",
                "archive/",
                "archive.html.j2",
                "MACA archive",
                "Every published audit by reporting year, with totals.",
                self.split_years(self.index.years),
                current=None,
            ),
            *self.listing(
                "showcase/index.md",
                "showcase/",
                "showcase.html.j2",
                "Good practice showcase",
                "Good practice found in case audits.",
                self.split(self.index.showcase),
                current=None,
            ),
            self.page("themes/index.md", "themes/", "themes.html.j2", "Themes", "Briefings and good practice by theme."),
            self.page(
                "agencies/index.md",
                "agencies/",
                "agencies.html.j2",
                "Agencies",
                "What there is for each agency: its briefings, its good practice and the actions it owns.",
            ),
            *self.listing(
                "actions/index.md",
                "actions/",
                "actions.html.j2",
                "Open actions",
                "Every open action from published audits, by owner.",
                self.split_actions(self.index.open_actions),
            ),
        ]
        outputs += self.filtered("briefings", "briefings.html.j2", "Briefings", self.index.briefing_filters)
        outputs += self.filtered("showcase", "showcase.html.j2", "Good practice", self.index.showcase_filters)
        outputs += [output for g in self.index.agencies for output in self.agency(g)]
        by_type_and_theme = tuple(facet for facet in self.index.archive_filters if facet[0] != "Year")
        outputs += self.filtered("archive", "archive.html.j2", "MACA archive", by_type_and_theme)
        outputs += [output for group in self.index.years for output in self.year_report(group)]
        outputs.append(
            self.page(
                "accessibility/index.md",
                "accessibility/",
                "accessibility.html.j2",
                "Accessibility statement",
                "How accessible this website is.",
            )
        )
        outputs += [
            self.page(
                f"themes/{g.theme.key}.md",
                g.url,
                "theme.html.j2",
                g.theme.label,
                f"Briefings and good practice on {g.theme.label}.",
                group=g,
                overview=OVERVIEW,
            )
            for g in self.index.themes
        ]
        outputs.append(Output(PRINT_STYLESHEET, print_stylesheet(settings)))
        outputs.append(Output("feed.xml", atom_feed(self.site)))
        outputs.append(Output("archive.csv", archive_csv(self.site, self.index.audits)))
        outputs.append(Output("archive-totals.csv", archive_totals_csv(self.index.totals)))
        outputs.append(Output("archive.json", archive_json(self.site, self.index.audits, self.index.totals)))
        if self.site.audience is Audience.PARTNERS:
            outputs.append(Output(PARTNERS_MARKER, partners_marker(self.site)))
            outputs.append(
                self.page(
                    "reviews/index.md",
                    "reviews/",
                    "reviews.html.j2",
                    "Due for review",
                    "Briefings whose review date has passed or is near.",
                    notice_days=REVIEW_NOTICE_DAYS,
                )
            )
        if any(b.status is Status.DRAFT for b in self.site.briefings):
            outputs.append(
                Output(DRAFTS_MARKER, "This build shows drafts, marked DRAFT: it is a local preview, never to be deployed.\n")
            )
        return outputs


def render(site: Site, known: dict[Briefing, list[Output]] | None = None, workers: int = 1) -> list[Output]:
    """Every generated file of the site, for any engine to place at its path.

    `known` holds each briefing's files from an earlier render with the same settings, taxonomy and
    audience (a preview's last rebuild); only briefings not in it are rendered. With several `workers`
    (see `tasks`), briefings are shared out among as many processes.
    """
    return Renderer(site, known, workers).all()
