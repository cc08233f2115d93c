"""The archive's figures: one total per reporting year and audit type, counting that type only.

A MACA total never includes a thematic or single-agency audit's cases, and a count an audit did not record is
left out and said to be missing, never shown as 0. Pages, charts and open data all read these same totals.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from generator.model import Action, Briefing, long_date, year_slug

MACA = "maca"
"""The audit type the archive is named for: its cases and children are charted."""


@dataclass(frozen=True)
class Total:
    reporting_year: str
    type: str
    """An `audit_types` key."""
    audits: int
    cases: int | None
    """The cases of the audits that recorded them; None when none did."""
    children: int | None
    not_recorded: int
    """Audits of this type and year missing a count of cases or of children: left out of that sum."""
    cases_missing: int = 0
    children_missing: int = 0


def total(year: str, audit_type: str, audits: Iterable[Briefing]) -> Total:
    items = list(audits)
    cases = [a.cases for a in items if a.cases is not None]
    children = [a.children for a in items if a.children is not None]
    return Total(
        year,
        audit_type,
        len(items),
        sum(cases) if cases else None,
        sum(children) if children else None,
        sum(1 for a in items if a.cases is None or a.children is None),
        len(items) - len(cases),
        len(items) - len(children),
    )


def totals(audits: Iterable[Briefing], types: Mapping[str, str], by_year: bool = True) -> tuple[Total, ...]:
    """Every (reporting year, type) that has audits, oldest year first, types in the taxonomy's order; without
    `by_year`, one total per type over every year (its `reporting_year` is empty)."""
    groups: dict[tuple[str, str], list[Briefing]] = defaultdict(list)
    for audit in audits:
        groups[(audit.reporting_year if by_year else "", audit.audit_type or "")].append(audit)
    order = {key: index for index, key in enumerate(types)}
    return tuple(
        total(year, kind, groups[(year, kind)]) for year, kind in sorted(groups, key=lambda k: (k[0], order.get(k[1], 0)))
    )


def every_year(first: str, last: str) -> tuple[str, ...]:
    """Reporting years from `first` to `last` (`2016/17`), empty ones included, so an axis never skips a year."""
    start, end = int(first[:4]), int(last[:4])
    return tuple(f"{year}/{(year + 1) % 100:02d}" for year in range(start, end + 1))


SINGULAR = {
    "cases": "case",
    "children": "child",
    "audits": "audit",
    "MACAs": "MACA",
    "other audits": "other audit",
    "briefings": "briefing",
    "examples": "example",
    "actions": "action",
    "open actions": "open action",
    "agencies": "agency",
    "concerns": "concern",
}


def written(count: int) -> str:
    """A count as readers write it, its thousands parted: `1,250`."""
    return f"{count:,}"


def count_text(number: int | None, word: str, missing: int = 0) -> str:
    """`18 cases`, `1,250 cases`, `18 cases (1 audit not recorded)` or `cases not recorded`: never a made-up 0."""
    if number is None:
        return f"{word} not recorded"
    unrecorded = f" ({count_text(missing, 'audits')} not recorded)" if missing else ""
    return f"{number:,} {SINGULAR[word] if number == 1 else word}{unrecorded}"


def describe(t: Total, label: str) -> str:
    """One type's total in words: `Multi-agency case audit: 3 audits, 18 cases and 18 children`."""
    cases = count_text(t.cases, "cases", t.cases_missing)
    children = count_text(t.children, "children", t.children_missing)
    return f"{label}: {count_text(t.audits, 'audits')}, {cases} and {children}"


@dataclass(frozen=True)
class YearGroup:
    """One reporting year of the archive, newest audit first, with a total for each type of audit in it."""

    year: str
    audits: tuple[Briefing, ...]
    totals: tuple[Total, ...] = ()

    @property
    def anchor(self) -> str:
        return "year-" + self.key

    @property
    def starts(self) -> date:
        return date(int(self.year[:4]), 4, 1)

    @property
    def ends(self) -> date:
        return date(int(self.year[:4]) + 1, 3, 31)

    def so_far(self, today: date) -> str:
        """What a reader of a year not over by `today` must know of its figures (nothing once it is over): a part year's
        totals read as a whole year's."""
        if today > self.ends:
            return ""
        return f"The year is not over: its figures are those of the audits published by {long_date(today)}."

    @property
    def key(self) -> str:
        """The year in addresses: `2016-17`."""
        return year_slug(self.year)

    @property
    def macas(self) -> tuple[Briefing, ...]:
        return tuple(a for a in self.audits if a.audit_type == MACA)

    @property
    def others(self) -> tuple[Briefing, ...]:
        return tuple(a for a in self.audits if a.audit_type != MACA)

    @property
    def themes(self) -> tuple[tuple[str, tuple[Briefing, ...]], ...]:
        """The year's themes, each with its audits, the most audited first."""
        found: dict[str, list[Briefing]] = defaultdict(list)
        for audit in self.audits:
            for key in audit.themes:
                found[key].append(audit)
        return tuple(sorted(((key, tuple(items)) for key, items in found.items()), key=lambda kv: -len(kv[1])))

    @property
    def actions(self) -> tuple[tuple[Briefing, Action], ...]:
        """Every action the year's audits raised, soonest due first."""
        return tuple(sorted(((a, action) for a in self.audits for action in a.actions), key=lambda pair: pair[1].due))
