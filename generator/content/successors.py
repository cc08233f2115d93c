"""`superseded_by`: each names a briefing its readers can open, and no chain of them comes back on itself."""

from __future__ import annotations

from generator.content.frontmatter import status_of
from generator.content.parse import Document
from generator.content.slugs import SLUG
from generator.diagnostics import did_you_mean
from generator.model import Problem, Status


def _successor(doc: Document) -> str | None:
    """The slug `superseded_by` names, if it is one: the schema reports anything else."""
    found = doc.fields.get("superseded_by")
    value = found.value if found is not None and doc.parsed else None
    return value if isinstance(value, str) and SLUG.match(value) else None


def check_successors(docs: list[Document]) -> list[Problem]:
    """`superseded_by` names a briefing every reader of the notice can open: published (or, from a restricted
    one, restricted), never itself, a draft or a withdrawn one."""
    statuses = {doc.slug: status_of(doc) for doc in docs if doc.parsed}
    successors = {doc.slug: _successor(doc) for doc in docs}
    problems = []
    for doc in docs:
        if (slug := _successor(doc)) is not None:
            target = statuses.get(slug)
            if slug == doc.slug:
                why = "a briefing cannot supersede itself; name the briefing that replaces it"
            elif slug not in statuses:
                why = f"no briefing has the slug '{slug}'{did_you_mean(slug, list(statuses))}; write the newer file's name without .md"
            elif target is Status.WITHDRAWN:
                why = f"'{slug}' is withdrawn; name the briefing that replaces it now"
            elif target is Status.DRAFT:
                why = f"'{slug}' is a draft, so the link would lead nowhere; publish it first"
            elif target is Status.RESTRICTED and status_of(doc) is not Status.RESTRICTED:
                why = f"'{slug}' is restricted, so the public site would link to a page it does not have"
            elif doc.slug in _chain(slug, successors):
                why = f"'{slug}' is superseded, in turn, by this briefing; name the newest briefing"
            else:
                continue
            problems.append(Problem(doc.path, doc.fields["superseded_by"].line, f"superseded_by: {why}"))
    return problems


def _chain(slug: str, successors: dict[str, str | None]) -> list[str]:
    """The briefings that supersede `slug`, one after another, until one that names no successor (or a loop)."""
    found: list[str] = []
    following = successors.get(slug)
    while following is not None and following not in found:
        found.append(following)
        following = successors.get(following)
    return found
