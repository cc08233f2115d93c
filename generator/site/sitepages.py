"""Every page and file of the site but the briefings': the home page, the listings and their narrowed
versions, the agency, theme and year pages, and the site's downloads and markers."""

from __future__ import annotations

from generator.diagnostics import plural
from generator.model import DRAFTS_MARKER, PARTNERS_MARKER, PARTNERS_NOTICE, REVIEW_NOTICE_DAYS, Audience, Status
from generator.site.facets import Facets, Filter, narrowed
from generator.site.feed import atom_feed
from generator.site.indexes import AgencyGroup
from generator.site.opendata import archive_csv, archive_json, archive_totals_csv
from generator.site.pagemaker import PageMaker
from generator.site.printcss import PRINT_STYLESHEET, print_stylesheet
from generator.site.totals import YearGroup
from generator.site.yeardoc import year_document
from generator.sitemodel import Output, Site

LATEST_ON_HOME = 5
"""Briefings the home page lists as recently published, newest first."""
OVERVIEW = 10
"""Items of each kind an agency's or a theme's page shows before linking to the whole (paged) list."""


def partners_marker(site: Site) -> str:
    """What the marker file at the root of a partners build says to whoever finds the folder."""
    return (
        f"{PARTNERS_NOTICE}\n\nThis folder is the partners site of {site.settings.partnership or site.settings.site_name}, "
        f"built for {site.settings.site_url}. It holds restricted briefings: host it only behind your organisation's "
        "sign-in, never on a public host. `briefings assert-public` refuses any folder that holds this file.\n"
    )


def site_pages(maker: PageMaker) -> list[Output]:
    """Every file but the briefings'."""
    return _section_pages(maker) + _narrowed_pages(maker) + _site_files(maker)


def _section_pages(maker: PageMaker) -> list[Output]:
    """The home page and each section's own page (a long listing's on several)."""
    settings = maker.site.settings
    name = settings.partnership or settings.site_name
    return [
        maker.page(
            "index.md",
            "",
            "home.html.j2",
            settings.site_name,
            f"Learning from case audits by {name}.",
            latest=maker.site.briefings[:LATEST_ON_HOME],
        ),
        *maker.listing(
            "briefings/index.md",
            "briefings/",
            "briefings.html.j2",
            "Briefings",
            "Every 6 Step Briefing, newest first.",
            maker.split(maker.site.briefings),
            current=None,
        ),
        *maker.listing(
            "archive/index.md",
            "archive/",
            "archive.html.j2",
            "MACA archive",
            "Every published audit by reporting year, with totals.",
            maker.split_years(maker.index.years),
            current=None,
        ),
        *maker.listing(
            "showcase/index.md",
            "showcase/",
            "showcase.html.j2",
            "Good practice showcase",
            "Good practice found in case audits.",
            maker.split(maker.index.showcase),
            current=None,
        ),
        maker.page("themes/index.md", "themes/", "themes.html.j2", "Themes", "Briefings and good practice by theme."),
        maker.page(
            "agencies/index.md",
            "agencies/",
            "agencies.html.j2",
            "Agencies",
            "What there is for each agency: its briefings, its good practice and the actions it owns.",
        ),
        *maker.listing(
            "actions/index.md",
            "actions/",
            "actions.html.j2",
            "Open actions",
            "Every open action from published audits, by owner.",
            maker.split_actions(maker.index.open_actions),
        ),
    ]


def _narrowed_pages(maker: PageMaker) -> list[Output]:
    """The listings narrowed by a filter, and the page of each agency, reporting year and theme."""
    outputs = filtered(maker, "briefings", "briefings.html.j2", "Briefings", maker.index.briefing_filters)
    outputs += filtered(maker, "showcase", "showcase.html.j2", "Good practice", maker.index.showcase_filters)
    outputs += [output for g in maker.index.agencies for output in agency(maker, g)]
    by_type_and_theme = tuple(facet for facet in maker.index.archive_filters if facet[0] != "Year")
    outputs += filtered(maker, "archive", "archive.html.j2", "MACA archive", by_type_and_theme)
    outputs += [output for group in maker.index.years for output in year_report(maker, group)]
    outputs.append(
        maker.page(
            "accessibility/index.md",
            "accessibility/",
            "accessibility.html.j2",
            "Accessibility statement",
            "How accessible this website is.",
        )
    )
    outputs += [
        maker.page(
            f"themes/{g.theme.key}.md",
            g.url,
            "theme.html.j2",
            g.theme.label,
            f"Briefings and good practice on {g.theme.label}.",
            group=g,
            overview=OVERVIEW,
        )
        for g in maker.index.themes
    ]
    return outputs


def _site_files(maker: PageMaker) -> list[Output]:
    """The site's stylesheet, feed and downloads; the markers of a partners build or a preview with drafts, and the
    partners' list of briefings due for review."""
    outputs = [
        Output(PRINT_STYLESHEET, print_stylesheet(maker.site.settings)),
        Output("feed.xml", atom_feed(maker.site)),
        Output("archive.csv", archive_csv(maker.site, maker.index.audits)),
        Output("archive-totals.csv", archive_totals_csv(maker.index.totals)),
        Output("archive.json", archive_json(maker.site, maker.index.audits, maker.index.totals)),
    ]
    if maker.site.audience is Audience.PARTNERS:
        outputs.append(Output(PARTNERS_MARKER, partners_marker(maker.site)))
        outputs.append(
            maker.page(
                "reviews/index.md",
                "reviews/",
                "reviews.html.j2",
                "Due for review",
                "Briefings whose review date has passed or is near.",
                notice_days=REVIEW_NOTICE_DAYS,
            )
        )
    if any(b.status is Status.DRAFT for b in maker.site.briefings):
        outputs.append(
            Output(DRAFTS_MARKER, "This build shows drafts, marked DRAFT: it is a local preview, never to be deployed.\n")
        )
    return outputs


ITEMS = {
    "briefings": ("briefing", ""),
    "archive": ("audit", ""),
    "showcase": ("example of good practice", "examples of good practice"),
}
"""What each narrowed listing counts, in its description."""


def filtered(maker: PageMaker, section: str, template: str, title: str, facets: Facets) -> list[Output]:
    return [
        output
        for _, group in facets
        for each in group
        for f in (each, *each.by_year)
        for output in maker.listing(
            f"{section}/by-{f.facet}/{f.key}.md",
            f.url(section),
            template,
            f"{title}: {f.label}",
            f"{f.label}: {plural(len(f.items), *ITEMS[section])}.",
            maker.split_years(maker.index.group_by_year(f.items)) if section == "archive" else maker.split(f.items),
            current=narrowed(f),
        )
    ]


def agency(maker: PageMaker, g: AgencyGroup) -> list[Output]:
    """An agency's page, with the first few of its briefings, good practice and actions, and the whole of
    each in a paged listing (its good practice is the showcase's, narrowed to the agency)."""
    outputs = [
        maker.page(
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
        by_agency = Filter("agency", g.key, g.label, g.briefings)
        outputs += maker.listing(
            f"briefings/by-agency/{g.key}.md",
            by_agency.url("briefings"),
            "briefings.html.j2",
            f"Briefings: {g.label}",
            f"{g.label}: {plural(len(g.briefings), 'briefing')}.",
            maker.split(g.briefings),
            current=narrowed(by_agency),
        )
    if len(g.actions) > OVERVIEW:
        outputs += maker.listing(
            f"agencies/{g.key}/actions.md",
            f"{g.url}actions/",
            "agency_actions.html.j2",
            f"Actions owned by {g.label}",
            f"Every action {g.label} owns from published audits.",
            maker.split(g.actions),
            group=g,
        )
    return outputs


def year_report(maker: PageMaker, group: YearGroup) -> list[Output]:
    """A reporting year's page, and the same report as a Word document and a CSV for an annual report."""
    partners = maker.site.audience is Audience.PARTNERS
    scope = "including audits restricted to partners" if partners else "published audits only"
    if any(a.status is Status.DRAFT for a in group.audits):
        scope += ", and drafts (a local preview: never to be shared)"
    title = f"MACA archive: {group.year}"
    apart = len(group.actions) > maker.site.settings.listing_page_size  # a long list on pages of its own
    return [
        *(
            maker.listing(
                f"archive/by-year/{group.key}/actions.md",
                f"archive/by-year/{group.key}/actions/",
                "year_actions.html.j2",
                f"Actions raised in {group.year}",
                f"Every action the audits of reporting year {group.year} raised.",
                maker.split(group.actions),
                group=group,
                scope=scope,
            )
            if apart
            else []
        ),
        maker.page(
            f"archive/by-year/{group.key}.md",
            f"archive/by-year/{group.key}/",
            "year.html.j2",
            title,
            f"The audits of reporting year {group.year}, with their totals, themes and actions.",
            group=group,
            scope=scope,
            actions_apart=apart,
        ),
        maker.file(f"archive/by-year/{group.key}.docx", year_document, group, title, scope),
        Output(f"archive/by-year/{group.key}.csv", archive_csv(maker.site, group.audits)),
    ]
