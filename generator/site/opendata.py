"""Open data: the archive as CSV and JSON, one row per audit this build publishes (schema in docs/publishing.md, Open data)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from generator.model import Audience, Briefing, Status, progress
from generator.site.totals import Total
from generator.sitemodel import Site

FIELDS = (
    "slug",
    "title",
    "type",
    "date",
    "reporting_year",
    "cases",
    "children",
    "agencies",
    "themes",
    "actions_total",
    "actions_complete",
    "actions_overdue",
    "briefing_url",
    "access",
)
"""`access` is `public`, or `partners-only` for a restricted audit (in the partners build alone)."""


def rows(site: Site, audits: tuple[Briefing, ...]) -> list[dict[str, Any]]:
    base = site.settings.site_url.rstrip("/") + "/"
    today = site.settings.build_date
    result = []
    for audit in sorted(audits, key=lambda a: (a.date, a.slug)):
        done = progress(audit.actions, today)
        result.append(
            {
                "slug": audit.slug,
                "title": audit.title,
                "type": audit.audit_type,
                "date": audit.date.isoformat(),
                "reporting_year": audit.reporting_year,
                "cases": audit.cases,
                "children": audit.children,
                "agencies": list(audit.agencies),
                "themes": list(audit.themes),
                "actions_total": done.total,
                "actions_complete": done.complete,
                "actions_overdue": done.overdue,
                "briefing_url": base + audit.url,
                "access": "partners-only" if audit.status is Status.RESTRICTED else "public",
            }
        )
    return result


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is read by spreadsheets as a formula (CSV injection)."""


def spreadsheet_safe(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe, as OWASP recommends for CSV
    injection: Excel and LibreOffice then show the text as written and run nothing."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


TOTAL_FIELDS = ("reporting_year", "type", "audits", "cases", "children", "not_recorded")
TOTAL_FIELDS += ("cases_not_recorded", "children_not_recorded")  # added later: which count each audit left out
"""One row per reporting year and audit type, counting that type only (see `totals`)."""
_ATTRIBUTES = {"cases_not_recorded": "cases_missing", "children_not_recorded": "children_missing"}


def total_rows(found: Iterable[Total]) -> list[dict[str, Any]]:
    return [{name: getattr(t, _ATTRIBUTES.get(name, name)) for name in TOTAL_FIELDS} for t in found]


def as_csv(fields: Sequence[str], table: Iterable[dict[str, Any]]) -> str:
    """Lists are joined with ';'; a missing value is an empty cell; no cell can run as a formula."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in table:
        cells = {key: ";".join(value) if isinstance(value, list) else value for key, value in row.items()}
        writer.writerow({field: spreadsheet_safe(value) for field, value in cells.items()})
    return out.getvalue()


def archive_csv(site: Site, audits: tuple[Briefing, ...]) -> str:
    return as_csv(FIELDS, rows(site, audits))


def archive_totals_csv(found: Iterable[Total]) -> str:
    return as_csv(TOTAL_FIELDS, total_rows(found))


def archive_json(site: Site, audits: tuple[Briefing, ...], found: Iterable[Total]) -> str:
    document = {
        "generated": site.settings.build_date.isoformat(),
        "scope": "public and partners-only" if site.audience is Audience.PARTNERS else "public",
        "fields": list(FIELDS),
        "audits": rows(site, audits),
        "totals": total_rows(found),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
