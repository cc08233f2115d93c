"""Render a Site into the files of the public URL layout, independent of any site engine.

Pages come out as finished HTML with an outline of their headings, for the engine to place in its theme
and table of contents: author text is rendered and sanitised here, and every author string placed in a
template is escaped by Jinja.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial

from generator import tasks
from generator.model import Briefing, Status, long_date
from generator.site.kept import Made
from generator.site.pagemaker import PageMaker
from generator.site.plaintext import briefing_text
from generator.site.sitepages import site_pages
from generator.sitemodel import Output, Site


@dataclass
class Rendered:
    """What a preview keeps of one render for the next with the same settings, taxonomy and audience."""

    briefings: dict[Briefing, list[Output]] = field(default_factory=dict)
    listed: str = ""
    """What the other pages were made from: the listing view (`listing_view`), written out (`repr`), so that
    a change only equality would miss counts too (the taxonomy's order, which orders agencies, types and
    filters; a setting of 5 made 5.0)."""
    pages: list[Output] = field(default_factory=list)
    made: dict[str, Made] = field(default_factory=dict)
    """Those pages by path, each with what it was made from, so that the next change makes only the pages it
    touches again (`kept`)."""


def render(site: Site, known: Rendered | None = None, workers: int = 1, making: type[PageMaker] = PageMaker) -> list[Output]:
    """Every generated file of the site, for any engine to place at its path.

    `known` holds what an earlier render made (a preview's last rebuild): only briefings not in it are rendered,
    and the other pages only if what they are made from changed (all of them at once, or each one). With several
    `workers` (see `tasks`), briefings are shared out among as many processes.
    """
    known = Rendered() if known is None else known
    maker = making(site)
    with _briefings(maker, known.briefings, workers) as briefings:
        listed = listing_view(site)
        if (written := repr(listed)) != known.listed:
            lister = making(listed, known.made)
            known.listed, known.pages, known.made = written, site_pages(lister), lister.made
        notices = [output for b in site.withdrawn for output in notice(maker, b)]
        return known.pages + notices + moved(maker) + briefings()


def listing_view(site: Site) -> Site:
    """The site as its pages other than the briefings' see it: without the text only a briefing's own page
    shows (its steps, default questions and pseudonyms). Those pages are made from this view alone, so
    saving a sentence of a briefing's steps leaves them as they were, and a preview need not make them again."""
    return replace(site, briefings=tuple(replace(b, steps=(), default_questions=(), pseudonyms=()) for b in site.briefings))


def briefing(maker: PageMaker, b: Briefing) -> list[Output]:
    """The briefing page, its printable team record and its plain-text version."""
    today = maker.site.settings.build_date
    base = maker.site.settings.site_url.rstrip("/") + "/"
    successor = maker.site.successor(b)
    return [
        maker.page(
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
        maker.page(
            f"briefings/{b.slug}/record.md",
            f"{b.url}record/",
            "record.html.j2",
            f"Team record: {b.title}",
            f"Team record for {b.title}",
            b=b,
        ),
        maker.file(
            f"briefings/{b.slug}.txt",
            lambda site: briefing_text(
                b, site.taxonomy, base + b.url, today, successor and (successor.title, base + successor.url)
            ),
        ),
    ]


def notice(maker: PageMaker, b: Briefing) -> list[Output]:
    """A withdrawn briefing's address: a notice kept out of search (and search engines), and its team record's
    address leading to it."""
    return [
        maker.page(
            f"briefings/{b.slug}.md",
            b.url,
            "withdrawn.html.j2",
            f"Withdrawn: {b.title}",
            f"This briefing was withdrawn on {long_date(b.withdrawn_on or b.date)}.",
            noindex=True,
            b=b,
            successor=maker.site.successor(b),
        ),
        maker.redirect(f"{b.url}record/", b.url, f"Withdrawn: {b.title}"),
    ]


def moved(maker: PageMaker) -> list[Output]:
    """Redirect pages at every previous slug of a briefing (its page and its team record), to where it is now."""
    here = {b.slug: b for b in (*maker.site.briefings, *maker.site.withdrawn)}
    outputs = []
    for old, slug in sorted(maker.site.redirects.items()):
        b = here[slug]
        gone = b.status is Status.WITHDRAWN
        title = f"Withdrawn: {b.title}" if gone else b.title
        outputs.append(maker.redirect(f"briefings/{old}/", b.url, title))
        outputs.append(maker.redirect(f"briefings/{old}/record/", b.url if gone else f"{b.url}record/", title))
    return outputs


@contextmanager
def _briefings(maker: PageMaker, known: dict[Briefing, list[Output]], workers: int) -> Iterator[Callable[[], list[Output]]]:
    """Every briefing's files (call the function yielded), rendering only those not already known.

    Briefings are rendered independently of each other and are most of the work, so with several
    `workers` and enough of them to render, forked workers render them while this process makes
    the other pages.
    """
    todo = [b for b in maker.site.briefings if b not in known or b.superseded_by]  # a successor's title may change

    def collect(rendered: Iterable[list[Output]]) -> list[Output]:
        known.update(zip(todo, rendered, strict=True))
        for gone in known.keys() - set(maker.site.briefings):  # an earlier version of a saved briefing
            del known[gone]
        return [output for b in maker.site.briefings for output in known[b]]

    with tasks.shared_out(partial(briefing, maker), todo, workers) as rendered:
        yield lambda: collect(rendered)
