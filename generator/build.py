"""The build, read top to bottom in `build()`: check → generate → write → post-build → swap into place.

The engine (MkDocs or ProperDocs) only writes: it wraps the generated pages in its theme. The `briefings`
command calls `build()`; plain `mkdocs build`, which the engine drives, calls the same steps of a `Build`
from its hooks (`generator/engines/mkdocs/plugin.py`), and a preview's rebuilds those of a `Preview`
(`generator/preview.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Protocol
from urllib.parse import urlsplit

from generator.config import OUTPUT_FOLDERS, BuildOptions, Project
from generator.content.crosslinks import hosts_of
from generator.content.pages import PagesState, changed_pages, pages_state
from generator.content.sitelinks import links_to_nowhere
from generator.content.surroundings import surroundings_problems, theme_folders
from generator.diagnostics import Reporter
from generator.model import PARTNERS_MARKER, Audience, Problem
from generator.output import sitedir
from generator.output.origins import Origins, problems_of
from generator.output.pdf import PDF_CACHE, Printed, find_chromium, link_pdfs, print_pdfs, unusable_chromium
from generator.output.policy import protect_site, protected_page
from generator.output.postbuild import PostBuild
from generator.output.search import part_count
from generator.output.sitescan import LARGE_PAGE, Sighting
from generator.pipeline import Checked, Memo, check, generate, publishable_slugs
from generator.privacy.scan import Allowance
from generator.sitemodel import Output


class BuildFailed(Exception):
    """The build stopped on problems it has reported; the output folder is as it was."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)
        """The problems found, where there are any: a preview shows them in the browser too."""


def built_site_problems(
    project: Project, found: Sequence[Sighting], pages_read: PagesState, allowances: Sequence[Allowance]
) -> list[Problem]:
    """Why the built site cannot be published: a page saved since the check read it (the engine published its new
    text), and each finding of the built-site scan at the content line it came from. A build's and a preview's."""
    return changed_pages(project.root, f"{project.content_dir}/pages", pages_read) + problems_of(
        found, Origins(project.root, project.origins), allowances, project.public_numbers
    )


def checked_content(
    options: BuildOptions,
    project: Project,
    reporter: Reporter,
    memo: Memo | None = None,
    leftovers_fail: bool = False,
    more: Sequence[Problem] = (),
    links_next: bool = False,
) -> Checked:
    """Every content file and the settings checked for `options`, and reported with `more` found beside them: a build's
    step 1, a preview's (which keeps its `memo`) and `briefings check`. `BuildFailed` if anything stops the build.
    With `links_next`, content that passed is reported only once its links are judged (`site_made`), so that the
    summary, last, counts every problem."""
    pages = pages_state(project.root, f"{project.content_dir}/pages")  # before the check reads them
    checked = check(
        project.root,
        project.content_dir,
        options.drafts,
        options.strict_privacy,
        memo=memo,
        workers=options.workers,
        leftovers_fail=leftovers_fail,
        today=options.build_date,
        settings_file=project.config_file,
        themes=theme_folders(project),
        hosts=hosts_of(project.site_url, project.partners_site_url),
    )
    checked.pages = pages
    problems = [*checked.problems, *surroundings_problems(project), *more]
    checked.problems = problems
    if problems or not links_next:
        concluded(checked, reporter)
    return checked


def site_made(
    options: BuildOptions, project: Project, checked: Checked, reporter: Reporter, memo: Memo | None = None, workers: int = 1
) -> list[Output]:
    """Every file of the site, made from content that passed its check, which is reported now with what only the made
    site shows: a navigation entry or a briefing's link or picture leading to a page or file the site will not have."""
    settings = project.settings(options.build_date, options.audience)
    outputs = generate(checked, settings, options.audience, options.drafts, memo, workers)
    concluded(checked, reporter, links_to_nowhere(project, checked.briefings, outputs, settings.site_url))
    return outputs


def concluded(checked: Checked, reporter: Reporter, more: Sequence[Problem] = ()) -> None:
    """Report the check and its summary, last; `BuildFailed` if anything must be fixed."""
    checked.problems = sorted([*checked.problems, *more], key=lambda problem: (problem.path, problem.line))
    if not checked.report(reporter):
        raise BuildFailed("content has problems", checked.problems)


@dataclass
class Job:
    """What the engine is given to write."""

    outputs: list[Output]
    """Every generated file, in the order to write them (see `writing_order`); the engine `take`s them."""
    folder: Path
    audience: Audience
    site_url: str
    """Where the site is published: the engine's canonical links and sitemap use it."""
    search_parts: int
    """How many parts of the search index the search box merges."""
    written: Callable[[str], None] = lambda dest: None
    """The engine calls it with each page's path in `folder` as soon as the page is on disk."""
    finish: Callable[[str], str] = lambda html: html
    """The engine passes each page's HTML, wrapped in the theme, through it just before writing it: a build gives
    every page its policies there (`policy.protected_page`), so that no page is written twice; a preview does not."""
    previous: dict[str, Output] | None = field(default=None)
    """A preview's: what each generated file held when last written, so that only changed files are
    written again. None: write every file."""
    pages: set[str] = field(default_factory=set)
    """Every page the engine writes (paths in `folder`), hand-written ones too: the engine says which."""

    def take(self) -> list[Output]:
        """The files to write, handed over: the job keeps none, so that each page's HTML is freed once written."""
        outputs, self.outputs = self.outputs, []
        return outputs


class Engine(Protocol):
    def write(self, job: Job) -> None:
        """Write the job's files into its folder, each page wrapped in the theme; raise on any failure."""


@dataclass(frozen=True)
class Built:
    folder: Path
    pdfs: Printed | None
    """The PDFs printed or reused from the cache; None without Chromium or with `--pdf skip`."""
    complete: bool


def build(options: BuildOptions, project: Project, engine: Engine, reporter: Reporter) -> Built:
    """One whole build. On any failure (`BuildFailed` once reported, or any other error) the output
    folder is left exactly as it was."""
    with Build(options, project, reporter) as run:  # holds the output folder; a second build refuses
        checked = run.check()  # 1. every content file read, validated and privacy-scanned
        job = run.generate(checked)  # 2. every page and file of the site, pages as finished HTML; links judged
        del checked  # all the engine needs is in the job: the memory goes to the engine's pages
        engine.write(job)  # 3. the engine wraps the pages in its theme, in a new folder
        run.post_build()  # 4. scan what was written, finish the search index, print the PDFs
    return run.built  # 5. leaving the block, the new folder replaced the old one whole


def _misplaced(options: BuildOptions, project: Project) -> list[Problem]:
    """An output folder no build may replace whole: the project or a folder holding it, a folder of the project's
    own files (content, theme) or one inside them; for the partners site, the public site's folder."""
    output, root = options.output.resolve(), project.root.resolve()
    sources = [(root / place).resolve() for place in project.origins if (root / place).is_dir()]
    if root.is_relative_to(output) or any(output.is_relative_to(place) for place in sources):
        message = (
            f"the site is never built into {options.output}: a build replaces its folder whole, and that one is, holds or "
            "lies in the project's content or theme; build into a folder of its own, such as site/ (`mkdocs build -d site`)"
        )
        return [Problem(project.config_file, 1, message)]
    kept = sitedir.unswappable(output, root / project.pages_dir)
    unbuilt = output.is_dir() and any(not item.name.startswith(".") for item in output.iterdir())
    if kept or (unbuilt and not (output / "index.html").is_file()):
        why = kept or "holds files but no built site (no index.html); build into a folder of its own, or empty that one first"
        return [
            Problem(
                project.config_file, 1, f"the site is never built into {options.output}, which a build replaces whole: it {why}"
            )
        ]
    aside = sitedir.moved_aside(output)  # put back before the build
    public = output.is_relative_to((root / OUTPUT_FOLDERS[Audience.PUBLIC]).resolve()) or any(
        _holds_public_site(folder) for folder in [output, *aside]
    )
    if options.audience is Audience.PARTNERS and public:
        message = (
            f"the partners site is never built into site/ or inside it, nor where a public site is (here: {options.output}): "
            "build it into site-partners/ (`briefings build --audience partners`, or `mkdocs build -d site-partners`)"
        )
        return [Problem(project.config_file, 1, message)]
    return []


def _holds_public_site(folder: Path) -> bool:
    """Whether `folder` holds a public build (`site_dir: public` in mkdocs.yml): a partners build never replaces one."""
    return (folder / "index.html").is_file() and not (folder / PARTNERS_MARKER).exists()


class Build:
    """The steps of one build, for `build()` and for an engine that calls them from its own hooks."""

    def __init__(self, options: BuildOptions, project: Project, reporter: Reporter) -> None:
        self.options, self.project, self.reporter = options, project, reporter
        self.chromium = find_chromium() if options.pdf != "skip" else None
        self._staged = sitedir.staged(options.output)
        self.folder = options.output
        self.after: PostBuild | None = None
        self.allowances: list[Allowance] = []
        """What the content scan allowed, each on its own line: the output checks honour them there only."""
        self.pdf_slugs: list[str] = []
        self.pages_read: PagesState = {}
        self.built = Built(options.output, pdfs=None, complete=False)

    def __enter__(self) -> Build:
        """Refuse settings no build can go with, before anything is touched; then lock the output folder and
        start a new one beside it (`sitedir.Refused` if another build holds it)."""
        options, project = self.options, self.project
        problems = project.problems(options.audience) + _misplaced(options, project)
        if problems:
            self.reporter.problems(problems)
            raise BuildFailed("the settings have problems", problems)
        if options.pdf != "skip" and (unusable := unusable_chromium()):
            raise BuildFailed(unusable)
        if options.pdf == "require" and self.chromium is None:
            raise BuildFailed("--pdf require, but Chromium was not found (apt-get install chromium, or set BRIEFINGS_CHROMIUM)")
        self.folder = self._staged.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        """Swap the new folder into place if every step succeeded, else remove it (an engine that stops early,
        as on Ctrl-C, may leave without an error: the folder is then incomplete, and removed)."""
        if kind is None and not self.built.complete:
            kind, error = BuildFailed, BuildFailed("the build stopped before its post-build step")
        if self.after is not None and kind is not None:
            self.after.stop()
        self._staged.__exit__(kind, error, trace)

    def check(self) -> Checked:
        options = self.options
        checked = checked_content(options, self.project, self.reporter, leftovers_fail=options.in_ci, links_next=True)
        self.allowances, self.pages_read = checked.allowances, checked.pages
        return checked

    def generate(self, checked: Checked) -> Job:
        options, project = self.options, self.project
        site_url = project.url(options.audience)
        outputs = sorted(site_made(options, project, checked, self.reporter, workers=options.workers), key=writing_order)
        slugs = [PurePosixPath(output.path).stem for output in outputs if output.searchable]
        self.after = PostBuild(
            self.folder,
            host(site_url),
            [output.dest for output in outputs if output.searchable],
            slugs,
            project.search_part_size,
            label=options.output.name,
            workers=options.workers,
        )
        self.pdf_slugs = publishable_slugs(checked, options.audience) if self.chromium else []
        parts = part_count(len(slugs), project.search_part_size)
        return Job(outputs, self.folder, options.audience, site_url, parts, self.after.written, protected_page)

    def post_build(self) -> None:
        assert self.after is not None, "generate first"
        with self.after.search() as found:  # the search index is complete when this block ends; a failure stops it
            problems = built_site_problems(self.project, found, self.pages_read, self.allowances)
            if problems:
                self.reporter.built_site(problems, f"nothing was published, and {self.options.output.name}/ was left as it was")
                raise BuildFailed("the built site failed its privacy checks", problems)
            protect_site(self.folder, self.options.workers, self.after.protected)  # pages not written through `Job.finish`
        printed = None
        if self.chromium:
            settings = self.project.settings(self.options.build_date, self.options.audience)
            cache = self.project.root / PDF_CACHE / self.options.audience.value  # each audience's pages differ
            printed = print_pdfs(
                self.folder,
                settings.site_url,
                self.pdf_slugs,
                self.chromium,
                settings.partnership_name,
                cache,
                self.options.workers,
            )
            link_pdfs(self.folder, printed.sizes)
        self.built = Built(self.options.output, pdfs=printed, complete=True)


def writing_order(output: Output) -> tuple[bool, bool]:
    """The order to write files in: the searchable pages early, so that the search index can start while the
    others are written, and before them the large pages (long listings), whose checks take the most memory,
    so that they are done before the index is written beside them."""
    return output.size <= LARGE_PAGE, not output.searchable


def host(site_url: str) -> str:
    return urlsplit(site_url).hostname or ""
