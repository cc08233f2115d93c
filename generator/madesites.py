"""The sites `briefings check` makes in memory, each page and file where a build would put it and nothing in it, to
judge what only a made site shows, as each build would refuse it: its links (`content/sitelinks.py`)."""

from __future__ import annotations

import re
from dataclasses import replace

from generator.config import BuildOptions, Project
from generator.content.sitelinks import links_to_nowhere
from generator.model import Audience, Problem
from generator.pipeline import DRAFT_NOTE, Checked
from generator.site.pagemaker import Addresses
from generator.site.render import render
from generator.sitemodel import make_site


def every_sites_links(options: BuildOptions, project: Project, checked: Checked) -> list[Problem]:
    """What only the made site shows, as each build would refuse it: a navigation entry or a link or picture leading to
    a page or file the site will not have, on the public site and the partners' (where the settings give it an address),
    and a draft's link as a draft problem. Each site is made in memory, its pages' addresses only: nothing is written."""
    found = _links_judged(options, project, checked, Audience.PUBLIC, options.drafts)
    if project.partners_site_url:  # a public briefing's is found on both sites: said once, as the public site's
        public = {_where(problem) for problem in found}
        partners = _links_judged(options, project, checked, Audience.PARTNERS, options.drafts)
        found += [replace(p, message=f"on the partners site, {p.message}") for p in partners if _where(p) not in public]
    if not options.drafts and checked.held:  # the public site with its drafts, where their links lead
        drafts = {b.path for b in checked.held}
        known = {(p.path, named[1].lower()) for p in checked.draft_problems if (named := _LINKS_TO.search(p.message))}
        judged = _links_judged(options, project, checked, Audience.PUBLIC, True)  # a link to an item it may not name
        said = [p for p in judged if p.path in drafts and _item(p) not in known]  # (restricted, a draft): said already
        checked.draft_problems += [Problem(p.path, p.line, f"{DRAFT_NOTE}: {p.message}") for p in said]
    return found


def _links_judged(options: BuildOptions, project: Project, checked: Checked, audience: Audience, drafts: bool) -> list[Problem]:
    settings = project.settings(options.build_date, audience)
    briefings = [*checked.briefings, *(checked.held if drafts and not options.drafts else [])]
    assert checked.taxonomy is not None  # the content passed its check
    outputs = render(make_site(settings, checked.taxonomy, briefings, audience, drafts), making=Addresses)
    return links_to_nowhere(project, briefings, outputs, settings.site_url)


def _where(problem: Problem) -> tuple[str, int, str]:
    """A problem's line and the address it names (`the link '…'`, `nav: '…'`), whatever its suggestion."""
    return problem.path, problem.line, problem.message.split("'")[1] if "'" in problem.message else problem.message


_LINKS_TO = re.compile(r"links to '([^']+)'")
"""An item a briefing names that its readers cannot open (`crosslinks`: restricted, a draft, withdrawn)."""
_LEADS_TO = re.compile(r"it leads to briefings/([^/).\s]+)(?:/index\.html|/|\.txt|\.pdf)?\)")
"""A link's problem whose address leads to a briefing's page (or its text or printed copy), not to a file beside it."""


def _item(problem: Problem) -> tuple[str, str]:
    """The briefing a link's problem leads to, as an item's problem names it (`links to 'its-slug'`)."""
    found = _LEADS_TO.search(problem.message)
    return problem.path, found[1].lower() if found else ""
