"""A generated page from a template: its finished HTML and the outline of its headings, for an engine to place.

Heading ids follow Python-Markdown's rules, as on hand-written pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any

from markdown.extensions.toc import slugify, strip_tags, unique
from markupsafe import Markup, escape

from generator.model import PARTNERS_NOTICE, STEPS, Audience, Status, progress
from generator.site.indexes import Indexes, OwnerGroup, PlannedAction
from generator.site.jinja import ENV, relative
from generator.site.kept import Kept, Made
from generator.site.paging import Pager, page_path, split, split_whole
from generator.site.tables import label_cells
from generator.site.totals import YearGroup
from generator.sitemodel import OutlineHeading, Output, Page, Site


class Outline:
    """The headings a template writes (see the `heading` macro), in order."""

    def __init__(self) -> None:
        self.headings: list[OutlineHeading] = []

    def __call__(self, level: int, id: str, inner: Markup) -> str:
        self.headings.append(OutlineHeading(level, id, strip_tags(str(inner))))
        return id


class PageMaker:
    """Pages of one site, each given the site, its indexes and a link helper relative to the page's address.

    Given what an earlier render `made` (a preview's), a page or file is made again only if what it is made from
    changed (see `kept`); `made` then holds what this render made.
    """

    def __init__(self, site: Site, made: Mapping[str, Made] | None = None) -> None:
        self.site = site
        self.index = Indexes(site)
        self.kept = None if made is None else Kept(made, {"site": site, "index": self.index})

    @property
    def made(self) -> dict[str, Made]:
        return {} if self.kept is None else self.kept.now

    def _make(self, path: str, args: tuple, make: Callable[[Mapping[str, Any]], Any]) -> Any:
        if self.kept is None:
            return make({"site": self.site, "index": self.index})
        return self.kept.make(path, args, make)

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
        args = (url, template, title, description, searchable, noindex, context)
        return self._make(path, args, lambda sources: self._page(path, args, sources))

    def _page(self, path: str, args: tuple, sources: Mapping[str, Any]) -> Output:
        url, template, title, description, searchable, noindex, context = args
        outline = Outline()
        body = label_cells(
            ENV.get_template(template).render(
                outline=outline,
                site=sources["site"],
                today=self.site.settings.build_date,
                progress=lambda b: progress(b.actions, self.site.settings.build_date),
                taxonomy=self.site.taxonomy,
                index=sources["index"],
                link=lambda target: relative(url, target),
                steps=STEPS,
                Status=Status,
                **context,
            )
        )
        anchor = unique(slugify(title, "-"), {heading.id for heading in outline.headings})  # as Python-Markdown's toc would
        html = ENV.get_template("_page.html.j2").render(title=title, anchor=anchor, body=Markup(body))
        shown = str(escape(title))
        heading = OutlineHeading(1, anchor, strip_tags(shown))  # named as the outline names the others
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

    def file(self, path: str, make: Callable[..., bytes | str], *args: object) -> Output:
        """A generated file at `path`: `make` given the site, then `args`."""
        return self._make(path, args, lambda sources: Output(path, make(sources["site"], *args)))

    def split(self, items: tuple) -> list:
        return split(items, self.site.settings.listing_page_size)

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


class Addresses(PageMaker):
    """The same pages and files, each made empty: where they are is all a link check needs, and `check` makes the site
    to judge its links only (rendering every page would take longer than the check itself)."""

    def _make(self, path: str, args: tuple, make: Callable[[Mapping[str, Any]], Any]) -> Any:
        return Output(path, "")
