"""A live preview's rebuilds: the steps of `build.Build`, remembering what they can from one to the next.

Saving one audit redoes that audit: each file's parse, scan, validation and pages are kept (`Memo`), the
engine writes only the files whose content changed, the output checks read only the files written since
they passed, and the search index catches up in the background. The engine serves a folder of its own,
so nothing is swapped into place.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .build import BuildFailed, Job, host
from .config import BuildOptions, Project
from .model import Output
from .pipeline import Checked, Memo, check, generate
from .postbuild import Origins, Signatures, check_site, problems_of
from .report import Reporter
from .search import BackgroundIndex, part_count


class Preview:
    def __init__(self, options: BuildOptions, project: Project, reporter: Reporter) -> None:
        self.options, self.project, self.reporter = options, project, reporter
        self.memo = Memo()
        self.passed: Signatures = {}
        self.written: dict[str, Output] = {}
        """Every generated file on disk, as last written."""
        self.exact = False
        """Whether `written` is exactly what is on disk (not after a failed rebuild, which may have written some)."""
        self.current: dict[str, Output] = {}
        self.allowed: set[str] = set()
        self.folder = Path()
        self.index: BackgroundIndex | None = None

    def restart(self) -> None:
        """The engine emptied its folder (its settings or theme changed): write and check everything again."""
        if self.index:
            self.index.wait()  # it writes into the folder
        self.passed, self.written, self.exact = {}, {}, False

    def check(self) -> Checked:
        options, project = self.options, self.project
        checked = check(project.root, project.content_dir, options.drafts, options.strict_privacy, memo=self.memo)
        if not self.reporter.checked(checked):
            raise BuildFailed("content has problems")
        self.allowed = {a.text for a in checked.allowances}
        return checked

    def generate(self, checked: Checked, folder: Path) -> Job:
        options, project = self.options, self.project
        outputs = generate(checked, project.settings(options.build_date), options.audience, options.drafts, self.memo)
        self.folder, self.current = folder, {output.path: output for output in outputs}
        searchable = sum(output.searchable for output in outputs)
        return Job(outputs, folder, part_count(searchable, project.search_part_size), previous=self.written if self.exact else None)

    def post_build(self) -> None:
        found = check_site(self.folder, host(self.project.site_url), self.allowed, self.passed)
        problems = problems_of(found, Origins(self.project.root, self.project.origins))
        if problems:
            self.failed()
            self.reporter.built_site(problems, "fix them and save; the preview rebuilds")
            raise BuildFailed("the built site failed its privacy checks")
        for path in self.written.keys() - self.current.keys():  # an audit deleted, renamed, made a draft or restricted
            (self.folder / self.written[path].dest).unlink(missing_ok=True)
        self.written, self.exact = self.current, True
        slugs = [PurePosixPath(path).stem for path, output in self.current.items() if output.searchable]
        self.index = self.index or BackgroundIndex(self.folder, self.project.search_part_size, self.reporter.message)
        self.index.request(slugs)  # the saved page shows at once; its search catches up a moment later

    def failed(self) -> None:
        """A rebuild failed, perhaps after writing some files: write every file next time."""
        self.written, self.exact = self.written | self.current, False

    def close(self) -> None:
        if self.index:
            self.index.wait()
