"""Turn loaded documents into model objects, reporting every broken rule as `path:line: what to fix`.

Each file's front matter and body are checked, then the addresses across files; drafts' problems are kept apart.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from generator.content.actions import parse_action_plan
from generator.content.body import (
    ACTION_PLAN,
    GOOD_PRACTICE,
    check_headings,
    control_characters,
    default_questions,
    good_practice,
    sort_sections,
)
from generator.content.comments import UNCLOSED, left_open
from generator.content.copies import copied_audits
from generator.content.crosslinks import Unopenable, check_links, unopenable
from generator.content.frontmatter import FrontMatterRules, check_front_matter, status_of
from generator.content.parse import Document, Section
from generator.content.slugs import check_previous_slugs, check_slugs
from generator.content.successors import check_successors
from generator.content.unshown import unshown
from generator.model import STEPS, Action, Briefing, GoodPractice, Problem, Status, Taxonomy


@dataclass
class Validated:
    briefings: list[Briefing]
    problems: list[Problem]
    drafts_held: list[str]
    """Paths of drafts, checked but not published."""
    draft_problems: list[Problem]
    """The drafts' own problems: they stop the draft, not the build."""
    closed: Unopenable
    """The briefings some readers cannot open, which hand-written pages must not link to either."""
    link_warnings: list[Problem] = field(default_factory=list)
    """Links to a briefing some readers cannot open, at another site's address (`crosslinks.check_links`)."""
    held: list[Briefing] = field(default_factory=list)
    """The drafts held back that passed their own checks, for the checks only a made site allows (their links)."""


def _withdrawn(doc: Document, rules: FrontMatterRules) -> tuple[Briefing | None, list[Problem]]:
    """A withdrawn file: only what its notice shows is checked and kept (its text may already be deleted)."""
    front = check_front_matter(doc, rules)
    if front.problems:
        return None, front.problems
    fields = doc.fields
    when = front.dates["date"]
    return Briefing(
        slug=doc.slug,
        kind=doc.kind,
        path=doc.path,
        title=fields["title"].value.strip(),
        status=Status.WITHDRAWN,
        date=when,
        published=when,
        summary="",
        themes=(),
        agencies=(),
        steps=("",) * len(STEPS),
        superseded_by=fields["superseded_by"].value if "superseded_by" in fields else None,
        previous_slugs=tuple(fields["previous_slugs"].value if "previous_slugs" in fields else ()),
        withdrawn_on=front.dates["withdrawn_on"],
        withdrawn_reason=" ".join(fields["withdrawn_reason"].value.split()),
    ), []


def validate_document(doc: Document, taxonomy: Taxonomy, rules: FrontMatterRules) -> tuple[Briefing | None, list[Problem]]:
    status = status_of(doc)
    if status is Status.WITHDRAWN:
        return _withdrawn(doc, rules)
    front = check_front_matter(doc, rules)
    problems = front.problems + check_headings(doc) + control_characters(doc)
    sections, found = sort_sections(doc)
    problems += found
    fields = {k: f.value for k, f in doc.fields.items()}
    themes = tuple(fields["themes"]) if isinstance(fields.get("themes"), list) else ()
    questions: tuple[str, ...] = ()
    known_themes = tuple(t for t in themes if isinstance(t, str) and t in taxonomy.themes)
    if "questions-for-reflection" not in sections and known_themes:
        questions, found = default_questions(doc, known_themes, taxonomy)
        problems += found
    entries: list[GoodPractice] = []
    if GOOD_PRACTICE in sections:
        entries, found = good_practice(doc, sections[GOOD_PRACTICE], taxonomy)
        problems += found
    problems += _unshown_text(doc, sections)
    actions: tuple[Action, ...] = ()
    if ACTION_PLAN in sections:
        actions, found = parse_action_plan(doc.path, sections[ACTION_PLAN], taxonomy.owners)
        problems += found
    if problems:
        return None, problems

    when = front.dates["date"]
    return Briefing(
        slug=doc.slug,
        kind=doc.kind,
        path=doc.path,
        title=fields["title"].strip(),
        status=status or Status.DRAFT,
        date=when,
        published=front.dates.get("published", when),
        summary=" ".join(fields["summary"].split()),
        themes=themes,
        agencies=tuple(fields.get("agencies") or ()),
        steps=tuple(sections[key].body.strip() if key in sections else "" for key, _ in STEPS),
        default_questions=questions,
        good_practice=tuple(entries),
        actions=actions,
        audit_type=fields.get("type"),
        cases=fields.get("cases"),
        children=fields.get("children"),
        source=fields.get("source"),
        review_date=front.dates.get("review_date"),
        pseudonyms=tuple(fields.get("pseudonyms") or ()),
        superseded_by=fields.get("superseded_by"),
        previous_slugs=tuple(fields.get("previous_slugs") or ()),
    ), []


def _unshown_text(doc: Document, sections: dict[str, Section]) -> list[Problem]:
    """What the page would not show of each step and good-practice entry, each rendered on its own as the page does
    (the action plan is a table checked cell by cell)."""
    texts = [(s.body, s.body_line) for key, s in sections.items() if key not in (GOOD_PRACTICE, ACTION_PLAN)]
    if GOOD_PRACTICE in sections:
        texts += [(entry.body, entry.body_line) for entry in sections[GOOD_PRACTICE].entries]
    opened = [Problem(doc.path, h.line, UNCLOSED) for h in doc.headings if left_open(h.title)]  # a heading ends its line
    return opened + [problem for text, line in texts for problem in unshown(doc.path, text, line)]


Known = dict[tuple[str, str], tuple[Briefing | None, list[Problem]]]
"""Results of `validate_document` by (path, text), valid for one taxonomy."""


def validate(
    docs: list[Document],
    taxonomy: Taxonomy,
    include_drafts: bool,
    today: date,
    known: Known | None = None,
    hosts: Collection[str] = (),
) -> Validated:
    """Check every document; drafts' problems come apart, and drafts are kept only when `include_drafts`.

    Documents found in `known` (a preview's earlier rebuild, same taxonomy) are not checked again.
    """
    result = Validated([], check_slugs(docs), [], [], unopenable(docs, include_drafts))
    known = {} if known is None else known
    rules: FrontMatterRules | None = None
    for doc in docs:
        if not doc.parsed:
            continue
        key = (doc.path, doc.text)
        if key not in known:
            rules = rules or FrontMatterRules(taxonomy, today)
            known[key] = validate_document(doc, taxonomy, rules)
        briefing, problems = known[key]
        if status_of(doc) is Status.DRAFT and not include_drafts:
            result.drafts_held.append(doc.path)
            result.draft_problems += problems
            result.held += [briefing] if briefing else []
            continue
        result.problems += problems
        if briefing:
            result.briefings.append(briefing)
    result.problems += check_previous_slugs(docs)
    held = set(result.drafts_held)
    linked, result.link_warnings = check_links(docs, result.closed, hosts)
    for problem in check_successors(docs) + copied_audits(docs) + linked:
        (result.draft_problems if problem.path in held else result.problems).append(problem)
    return result
