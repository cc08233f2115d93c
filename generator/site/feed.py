"""The Atom feed of published briefings, written by feedgen (a maintained feed writer)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from feedgen.feed import FeedGenerator

from generator.model import PARTNERS_NOTICE, Status
from generator.sitemodel import Site

FEED_SIZE = 50


def _moment(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def atom_feed(site: Site) -> str:
    """Newest briefings first; `updated` is the newest publication date, so rebuilds are byte-identical."""
    base = site.settings.site_url.rstrip("/") + "/"
    feed = FeedGenerator()
    feed.id(base)
    feed.title(f"{site.settings.site_name}: 6 Step Briefings")
    feed.subtitle("New learning from case audits and reviews")
    feed.author({"name": site.settings.partnership_name})  # Atom requires an author for the feed or every entry
    feed.link(href=base, rel="alternate")
    feed.link(href=base + "feed.xml", rel="self")
    feed.language("en-GB")
    newest = site.briefings[0].published if site.briefings else site.settings.build_date
    feed.updated(_moment(newest))
    for briefing in site.briefings[:FEED_SIZE]:
        entry = feed.add_entry(order="append")
        url = base + briefing.url
        entry.id(url)
        restricted = briefing.status is Status.RESTRICTED
        entry.title(f"Partners only: {briefing.title}" if restricted else briefing.title)
        entry.link(href=url)
        entry.summary(briefing.summary)
        entry.published(_moment(briefing.published))
        entry.updated(_moment(briefing.published))
        for key in briefing.themes:
            entry.category(term=key, label=site.taxonomy.themes[key].label)
        if restricted:
            entry.category(term="partners-only", label=PARTNERS_NOTICE)
    return feed.atom_str(pretty=True).decode("utf-8")
