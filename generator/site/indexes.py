"""The archive's cross-page indexes: what the listings, the agency and theme pages and the charts show."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from generator.model import Action, Briefing, GoodPractice, Theme, due_for_review
from generator.site.charts import grouped_bars, heat_map
from generator.site.facets import Facets, listing_facets, navigation, showcase_facets
from generator.site.totals import MACA, Total, YearGroup, every_year, totals
from generator.sitemodel import Site


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
    def showcase_filters(self) -> Facets:
        """The showcase narrowed to one agency or one theme, each only with values that occur."""
        return showcase_facets(self.showcase, self.site.taxonomy)

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

    @cached_property
    def briefing_filters(self) -> Facets:
        return listing_facets(self.site.briefings, self.site.taxonomy, audits_only=False)

    @cached_property
    def archive_filters(self) -> Facets:
        return listing_facets(self.audits, self.site.taxonomy, audits_only=True)

    @cached_property
    def navigation(self) -> dict[str, Facets]:
        """Each listing's filters, as its navigation shows them (`facets.navigation`)."""
        return {
            "briefings": navigation(self.briefing_filters),
            "showcase": navigation(self.showcase_filters),
            "archive": navigation(self.archive_filters),
        }

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
