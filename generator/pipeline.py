"""The core run, engine-agnostic: load → validate → model → render."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path

from generator import tasks
from generator.content import writing
from generator.content.assemble import Known, validate
from generator.content.crosslinks import check_files, pages_read
from generator.content.files import Source, content_files, load_yaml_file, read_text, refused_files
from generator.content.frontmatter import status_of
from generator.content.pages import PagesState, scan_pages, scan_shown_file
from generator.content.parse import Document, parse_document
from generator.content.screen import scan_document
from generator.content.taxonomy import load_taxonomy
from generator.content.theme import theme_scan
from generator.diagnostics import Reporter, plural, write_step_summary
from generator.model import Audience, Briefing, Problem, Status, Taxonomy, due_for_review
from generator.privacy import namelists
from generator.privacy.allowednames import ALLOWED_NAMES, AllowedNames, read_allowed_names
from generator.privacy.scan import Allowance, Report
from generator.site.render import Rendered, render
from generator.sitemodel import Output, Settings, make_site, visible


@dataclass
class Checked:
    """What a content check found: the briefings it may publish, and every problem and reminder, to report."""

    taxonomy: Taxonomy | None
    briefings: list[Briefing] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    drafts_held: list[str] = field(default_factory=list)
    """Drafts checked but not published."""
    held: list[Briefing] = field(default_factory=list)
    """Those that passed their own checks (`Validated.held`)."""
    warnings: list[Problem] = field(default_factory=list)
    draft_problems: list[Problem] = field(default_factory=list)
    """What stands between each draft and publishing; never blocks a build (unless drafts are included)."""
    notes: list[Problem] = field(default_factory=list)
    """Advice on writing for readers from every agency (acronyms, long sentences): never blocks anything."""
    reviews: list[Problem] = field(default_factory=list)
    """Briefings whose review date has passed or is near: a reminder, never a problem."""
    saved: set[str] = field(default_factory=set, compare=False)
    """Content files whose text the last check of a preview did not read (every file at the first): not part of what
    was found, so a check kept from the last is equal to a fresh one."""
    allowances: list[Allowance] = field(default_factory=list)
    pages: PagesState = field(default_factory=dict, compare=False)
    """The pages' files as they stood before the check read them: the engine reads them again (`changed_pages`)."""

    @property
    def ok(self) -> bool:
        return not self.problems

    def report(self, reporter: Reporter) -> bool:
        """Report a content check, then a summary; True if nothing must be fixed."""
        reminders = [*self.warnings, *self.draft_problems, *self.notes, *self.reviews]
        shown = reporter.unrepeated(reminders, self.saved)
        reporter.problems(self.problems, shown)
        if self.allowances:
            reporter.message(f"Privacy allowances in use ({len(self.allowances)}):")
            for allowance in self.allowances:
                reporter.message(f'  {allowance.path}:{allowance.line}: allows "{allowance.text}" because: {allowance.reason}')
        drafts, to_fix = self.drafts_held, len(self.draft_problems)
        skipped = f"{plural(len(drafts), 'draft')} checked, not published"
        if to_fix:
            skipped += f" ({plural(to_fix, 'draft problem')} to fix before publishing; they do not block the build)"
        if drafts:
            skipped += ": " + ", ".join(drafts)
        if self.problems:
            files = len({p.path for p in self.problems})
            outcome = f"{plural(len(self.problems), 'problem')} in {plural(files, 'file')}; nothing was built. {skipped}."
        else:
            warnings = f" {plural(len(self.warnings), 'privacy warning')} to review." if self.warnings else ""
            notes = f" {plural(len(self.notes), 'writing note')} to consider." if self.notes else ""
            notes += f" {plural(len(self.reviews), 'briefing')} due for review." if self.reviews else ""
            outcome = f"All content is valid: {plural(len(self.briefings), 'briefing')} checked. {skipped}.{warnings}{notes}"
        if len(shown) < len(reminders):
            outcome += f" ({plural(len(reminders) - len(shown), 'reminder')} unchanged since the last rebuild, not repeated.)"
        reporter.message(outcome)
        write_step_summary("briefings check", outcome, self.problems, reminders)
        return not self.problems


@dataclass
class Examined:
    """One content file read, parsed and privacy-scanned."""

    doc: Document
    problems: list[Problem]
    privacy: Report
    usage: writing.Usage = field(default_factory=writing.Usage)

    @property
    def draft(self) -> bool:
        return self.doc.parsed and status_of(self.doc) is Status.DRAFT


@dataclass
class Memo:
    """Results a preview keeps from one rebuild to the next, so that saving one file redoes only that file.

    Results are keyed by each file's path and text, and dropped whenever what they depend on changes (the taxonomy for
    validation; settings, taxonomy and audience for pages; the build's date, which a preview fixes when it starts)."""

    files: dict[tuple[str, str], Examined] = field(default_factory=dict)
    allowed_names: AllowedNames = ()
    taxonomy: Taxonomy | None = None
    validated: Known = field(default_factory=dict)
    context: str = ""
    """What the pages kept were made with (settings, taxonomy, audience), written out: see `Rendered.listed`."""
    rendered: Rendered = field(default_factory=Rendered)

    def examine(self, source: Source) -> Examined:
        """A file read (as Windows-1252 if it is not UTF-8, so that it is still privacy-scanned), parsed and scanned."""
        text, unread = read_text(source.file, source.path, fallback=True)
        if text is None:
            return Examined(Document(source.path, source.kind, source.slug, parsed=False), unread, Report([], [], []))
        key = (source.path, text)
        if key not in self.files:
            doc, problems = parse_document(text, source.path, source.kind, source.slug)
            self.files[key] = Examined(doc, problems, scan_document(doc, self.allowed_names), writing.usage(doc))
        examined = self.files[key]
        return replace(examined, problems=unread + examined.problems) if unread else examined

    def use(self, taxonomy: Taxonomy | None, allowed_names: AllowedNames) -> None:
        """Forget every validation if the taxonomy changed, and every scan if the allowed names did."""
        if repr(taxonomy) != repr(self.taxonomy):  # in order: problem messages list its keys as written
            self.taxonomy, self.validated = taxonomy, {}
        if allowed_names != self.allowed_names:
            self.allowed_names, self.files = allowed_names, {}

    def keep(self, docs: list[Document]) -> None:
        """Forget files that no longer exist in this form."""
        current = {(doc.path, doc.text) for doc in docs}
        self.files = {key: value for key, value in self.files.items() if key in current}
        self.validated = {key: value for key, value in self.validated.items() if key in current}

    def pages_for(self, *context: object) -> Rendered:
        if repr(context) != self.context:
            self.context, self.rendered = repr(context), Rendered()
        return self.rendered


def check(
    root: Path,
    content_dir: str = "content",
    include_drafts: bool = False,
    strict_privacy: bool = False,
    memo: Memo | None = None,
    workers: int = 1,
    leftovers_fail: bool = False,
    today: date | None = None,
    settings_file: str = "",
    themes: Sequence[str] = (),
    hosts: Collection[str] = (),
) -> Checked:
    """Load, validate and privacy-scan all content, and the `settings_file` and the `themes`' templates for names (see
    `scan_shown_file`, `theme_scan`), collecting every problem rather than stopping at the first.

    With several `workers` (see `tasks`), files are read, parsed, scanned and checked in as many processes.
    Editors' leftover files are warnings, or problems with `leftovers_fail` (in CI).
    """
    memo = memo or Memo()
    refused = refused_files(root, content_dir)
    taxonomy, problems = load_taxonomy(root, content_dir, refused)
    allowed_names, found_in_names = load_allowed_names(root, content_dir, refused)
    sources, found, leftovers = content_files(root, content_dir, refused)
    checked = Checked(taxonomy, problems=[*refused.values(), *problems, *found_in_names, *found])
    (checked.problems if leftovers_fail else checked.warnings).extend(leftovers)
    for scanned in (
        scan_pages(root, f"{content_dir}/pages", allowed_names, refused),
        scan_shown_file(root, f"{content_dir}/taxonomy.yml", allowed_names, refused),
        scan_shown_file(root, settings_file, allowed_names, refused, detectors=False) if settings_file else Report([], [], []),
        theme_scan(root, list(themes), allowed_names),
    ):
        checked.problems += scanned.errors
        checked.warnings += scanned.warnings
        checked.allowances += scanned.allowances
    memo.use(taxonomy, allowed_names)
    read_before = set(memo.files)
    namelists.load()
    slices = [sources[i : i + tasks.SLICE] for i in range(0, len(sources), tasks.SLICE)]
    kept = memo if workers == 1 else None  # a worker's memory of earlier slices would travel back with every slice
    today = today or date.today()
    examine = partial(_examine_slice, kept, allowed_names, taxonomy, include_drafts, today)
    with tasks.shared_out(examine, slices, workers, chunk=1) as parts:
        parts = list(parts)
    examined = [e for part, _ in parts for e in part]
    docs = [e.doc for e in examined]
    for _, known in parts:
        memo.validated.update(known)  # each file's own checks, made in the workers
    memo.keep(docs)
    checked.saved = {doc.path for doc in docs if (doc.path, doc.text) not in read_before}
    for result in examined:
        own = checked.draft_problems if result.draft and not include_drafts else checked.problems
        own += result.problems
        checked.problems += result.privacy.errors
        checked.warnings += result.privacy.warnings
        checked.allowances += result.privacy.allowances
    if strict_privacy:
        checked.problems += checked.warnings
        checked.warnings = []
    if taxonomy is not None:
        result = validate(docs, taxonomy, include_drafts, today, memo.validated, hosts)
        checked.briefings, checked.drafts_held, checked.held = result.briefings, result.drafts_held, result.held
        shown = pages_read(root, content_dir, refused, [settings_file, *themes])
        linked, noted = check_files(root, shown, result.closed, hosts)
        checked.problems += result.problems + linked
        checked.warnings += result.link_warnings + noted
        checked.draft_problems += result.draft_problems
        checked.notes = [note for e in examined for note in writing.notes(e.doc.path, e.usage, taxonomy.glossary)]
        checked.reviews = review_reminders(checked.briefings, {doc.path: doc for doc in docs}, today)
    checked.draft_problems = [
        Problem(p.path, p.line, f"{DRAFT_NOTE}: {p.message}") for p in sorted(checked.draft_problems, key=_order)
    ]
    checked.problems.sort(key=_order)
    checked.warnings.sort(key=_order)
    return checked


def load_allowed_names(root: Path, content_dir: str, refused: Collection[Path] = ()) -> tuple[AllowedNames, list[Problem]]:
    """The partnership's list of names that are public (national reviews, charities), each with a reason:
    a list of `- name: …` / `  reason: …` entries. The file is optional."""
    path = f"{content_dir}/{ALLOWED_NAMES}"
    if not (root / path).is_file() or root / path in refused:
        return (), []
    node, problems = load_yaml_file(root / path, path)
    return read_allowed_names(node, path) if not problems else ((), problems)


def review_reminders(briefings: list[Briefing], docs: dict[str, Document], today: date) -> list[Problem]:
    """A reminder for each briefing whose review date has passed or is near, at the line that sets it."""
    found = []
    for b in due_for_review(briefings, today):
        fields = docs[b.path].fields
        line = next((fields[key].line for key in ("review_date", "published", "date") if key in fields), 1)
        days = (b.review_due - today).days
        when = f"{plural(-days, 'day')} ago" if days < 0 else "today" if days == 0 else f"in {plural(days, 'day')}"
        found.append(
            Problem(
                b.path,
                line,
                f"review: due on {b.review_due.isoformat()} ({when}): check that its learning still reflects current "
                "guidance, then set a new review_date (a reminder; it blocks nothing)",
            )
        )
    return sorted(found, key=_order)


DRAFT_NOTE = "draft, to fix before publishing (does not block the build)"
"""Marks a draft's problem: the content repository's other files still build and publish."""


def _examine_slice(
    memo: Memo | None,
    allowed_names: AllowedNames,
    taxonomy: Taxonomy | None,
    include_drafts: bool,
    today: date,
    sources: list[Source],
) -> tuple[list[Examined], Known]:
    """A worker's share: read, parse and scan files, and check each one against the taxonomy if it could be read.

    Checks across files (slugs used twice) are left to the caller, which sees every file. Documents go
    back without their bodies: sent whole from a worker, they would double what the parent reads back,
    and leave its memory fragmented for the rest of the build.
    """
    memo = memo or Memo(allowed_names=allowed_names)
    examined = [memo.examine(source) for source in sources]
    if taxonomy is not None:
        validate([e.doc for e in examined], taxonomy, include_drafts, today, memo.validated)
    return [replace(e, doc=e.doc.without_body()) for e in examined], memo.validated


def _order(problem: Problem) -> tuple[str, int]:
    return problem.path, problem.line


def publishable_slugs(checked: Checked, audience: Audience) -> list[str]:
    """Slugs of the briefings a build for `audience` publishes (never drafts): these get PDFs."""
    return [b.slug for b in checked.briefings if visible(b.status, audience, drafts=False)]


def generate(
    checked: Checked, settings: Settings, audience: Audience, drafts: bool, memo: Memo | None = None, workers: int = 1
) -> list[Output]:
    """The files of one build; only items visible to `audience` ever reach rendering (in `workers` processes)."""
    if checked.taxonomy is None or not checked.ok:
        raise ValueError("content has problems; run check first")
    site = make_site(settings, checked.taxonomy, checked.briefings, audience, drafts)
    return render(site, (memo or Memo()).pages_for(settings, checked.taxonomy, audience, drafts), workers)
