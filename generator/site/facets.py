"""Listings narrowed to one value of a facet (a year, a type, a theme, an agency): plain links that work
without JavaScript, each offered only for values that occur."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cached_property

from generator.model import Briefing, GoodPractice, Taxonomy, year_slug


@dataclass(frozen=True)
class Link:
    """What names a narrowed listing and where it lives."""

    facet: str
    """`year`, `type`, `theme` or (the showcase's) `agency`."""
    key: str
    label: str

    def url(self, section: str) -> str:
        return f"{section}/by-{self.facet}/{self.key}/"


@dataclass(frozen=True)
class Filter(Link):
    """One narrowed listing: a plain link that works without JavaScript."""

    items: tuple[Briefing, ...] | tuple[tuple[GoodPractice, Briefing], ...]
    """Briefings, or the showcase's entries with their briefings."""
    parent: Filter | None = None
    """For a type narrowed to one reporting year (`by-type/maca/2016-17/`), the type's own filter."""
    year: str = ""

    @cached_property
    def by_year(self) -> tuple[Filter, ...]:
        """A type's listing narrowed to each reporting year it occurs in, newest first (MACAs in 2016/17); found
        once, as each page of the type's listings links to every year."""
        if self.facet != "type" or self.parent is not None:
            return ()
        years: dict[str, list[Briefing]] = defaultdict(list)
        for b in self.items:
            assert isinstance(b, Briefing)  # only briefings are narrowed by type
            years[b.reporting_year].append(b)
        return tuple(
            Filter("type", f"{self.key}/{year_slug(y)}", f"{self.label}, {y}", tuple(items), self, y)
            for y, items in sorted(years.items(), reverse=True)
        )


Facets = tuple[tuple[str, tuple[Filter, ...]], ...]
"""Each facet's name (`Year`, `Type`, …) with its filters."""


@dataclass(frozen=True)
class Narrowed(Link):
    """What a narrowed listing's pages show of their filter: its name and count, and the links to a type's years;
    not its items, which each page is given its share of. A preview then makes a page of the listing again when
    what that page shows changes, not when any item of the listing does (`kept`)."""

    count: int
    parent: Narrowed | None = None
    by_year: tuple[Filter, ...] = ()


def narrowed(f: Filter) -> Narrowed:
    parent = None if f.parent is None else narrowed(f.parent)
    return Narrowed(f.facet, f.key, f.label, len(f.items), parent, tuple(replace(y, items=(), parent=None) for y in f.by_year))


def navigation(facets: Facets) -> Facets:
    """The filters as a listing's navigation shows them: names and links, without their items. A preview then
    makes a listing's page again when the items it shows change, not when any item of any filter does (`kept`)."""
    return tuple((name, tuple(replace(f, items=()) for f in filters)) for name, filters in facets)


def listing_facets(items: tuple[Briefing, ...], taxonomy: Taxonomy, audits_only: bool) -> Facets:
    """Year, type and theme filters over `items`."""
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
        ("Year", tuple(Filter("year", year_slug(y), y, tuple(v)) for y, v in sorted(years.items(), reverse=True))),
        ("Type", tuple(Filter("type", k, type_labels[k], tuple(types[k])) for k in type_labels if k in types)),
        (
            "Theme",
            tuple(Filter("theme", k, taxonomy.themes[k].label, tuple(themes[k])) for k in taxonomy.themes if k in themes),
        ),
    )


def showcase_facets(showcase: tuple[tuple[GoodPractice, Briefing], ...], taxonomy: Taxonomy) -> Facets:
    """The showcase narrowed to one agency or one theme."""
    agencies: dict[str, list[tuple[GoodPractice, Briefing]]] = defaultdict(list)
    themes: dict[str, list[tuple[GoodPractice, Briefing]]] = defaultdict(list)
    for entry, b in showcase:
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
