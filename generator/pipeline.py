"""The core run, engine-agnostic: load → validate → model → render."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .load import load_documents
from .model import Audience, Briefing, Output, Problem, Settings, Taxonomy, make_site, visible
from .privacy import Allowance, scan_document
from .render import render
from .validate import load_taxonomy, validate


@dataclass
class Checked:
    taxonomy: Taxonomy | None
    briefings: list[Briefing] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    drafts_skipped: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    allowances: list[Allowance] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(root: Path, content_dir: str = "content", include_drafts: bool = False, strict_privacy: bool = False) -> Checked:
    """Load, validate and privacy-scan all content, collecting every problem rather than stopping at the first."""
    taxonomy, problems = load_taxonomy(root, content_dir)
    docs, found = load_documents(root, content_dir)
    checked = Checked(taxonomy, problems=problems + found)
    for doc in docs:
        report = scan_document(doc)
        checked.problems += report.errors
        checked.warnings += report.warnings
        checked.allowances += report.allowances
    if strict_privacy:
        checked.problems += checked.warnings
        checked.warnings = []
    if taxonomy is not None:
        result = validate(docs, taxonomy, include_drafts)
        checked.briefings, checked.drafts_skipped = result.briefings, result.drafts_skipped
        checked.problems += result.problems
    checked.problems.sort(key=_order)
    checked.warnings.sort(key=_order)
    return checked


def _order(problem: Problem) -> tuple[str, int]:
    return problem.path, problem.line


def publishable_slugs(checked: Checked, audience: Audience) -> list[str]:
    """Slugs of the briefings a build for `audience` publishes (never drafts): these get PDFs."""
    return [b.slug for b in checked.briefings if visible(b.status, audience, drafts=False)]


def generate(checked: Checked, settings: Settings, audience: Audience, drafts: bool) -> list[Output]:
    """The files of one build; only items visible to `audience` ever reach rendering."""
    if checked.taxonomy is None or not checked.ok:
        raise ValueError("content has problems; run check first")
    site = make_site(settings, checked.taxonomy, checked.briefings, audience, drafts)
    return render(site)
