"""The engine adapter: plain `mkdocs build` and a live-reloading `mkdocs serve` from the project root (or properdocs)."""

from __future__ import annotations

import io
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from playwright.sync_api import expect

from generator.engines.mkdocs.plugin import show_problems
from generator.preview import request_as_info
from generator.problempages import POLL
from tests.support import BASE, BUILD_DATE, ENGINE, WCAG_TAGS, add_copies, fetch, free_port, rebuild, wait_for, write


def engine_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFINGS_BUILD_DATE": BUILD_DATE, **extra}


def engine_build(project: Path) -> subprocess.CompletedProcess[str]:
    """Plain `mkdocs build` (or `properdocs build`) in the project, as a user runs it."""
    return subprocess.run([sys.executable, "-m", ENGINE, "build"], cwd=project, env=engine_env(), capture_output=True, text=True)


def serving_temp(root: Path) -> Path:
    """The temporary folder of a preview started by `serving`, where MkDocs keeps the site it serves."""
    return root.parent / "serving-temp"


@contextmanager
def serving(root: Path, command: list[str], log: Path | None = None, stop: int = signal.SIGTERM, times: int = 1) -> Iterator[str]:
    """A preview server, stopped with SIGTERM as editors, containers and scripts stop one (or `stop`: SIGHUP, its
    terminal closed; sent `times` times at once, as a supervisor and a shell's `timeout` may both send it); what it
    prints kept in `log`."""
    port = free_port()
    serving_temp(root).mkdir(exist_ok=True)
    process = subprocess.Popen(
        [*command, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=engine_env(TMPDIR=str(serving_temp(root))),
        stdout=subprocess.DEVNULL,
        stderr=log.open("w") if log else subprocess.PIPE,
    )
    mount = urlsplit(load_config(str(root / "mkdocs.yml")).site_url).path  # serve mounts the site at site_url's path
    try:
        yield f"http://127.0.0.1:{port}{mount}briefings/"
    finally:
        for _ in range(times):
            process.send_signal(stop)
        process.wait(timeout=20)


def test_plain_mkdocs_build_from_the_project_root(project: Path) -> None:
    result = engine_build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site/briefings/year-end-maca/index.html").is_file()
    assert not (project / "site/briefings/quokka-draft").exists()


def test_plain_mkdocs_build_fails_on_bad_content(project: Path) -> None:
    write(project, "content/audits/bad.md", BASE.replace("type: maca", "type: mca"))
    result = engine_build(project)
    assert result.returncode == 1
    assert "content/audits/bad.md:3: type: 'mca' is not allowed" in result.stderr


def test_mkdocs_serve_reloads_when_content_changes(project: Path) -> None:
    with serving(project, [sys.executable, "-m", ENGINE, "serve"]) as base:
        url = base + "year-end-maca/"
        assert wait_for(url, "Background of Audit on the last day of March", 90)
        source = project / "content/audits/year-end-maca.md"
        source.write_text(source.read_text().replace("Background of", "Freshly edited background of"))
        assert wait_for(url, "Freshly edited background of", 60)


def test_briefings_serve_shows_a_saved_edit_and_drops_a_page_made_draft(project: Path) -> None:
    with serving(project, [sys.executable, "-m", "generator.cli", "serve"]) as base:
        assert wait_for(base + "year-end-maca/", "Background of Audit on the last day of March", 90)
        source = project / "content/audits/year-end-maca.md"
        source.write_text(source.read_text().replace("Background of", "Freshly edited background of"))
        assert wait_for(base + "year-end-maca/", "Freshly edited background of", 60)
        source.write_text(source.read_text().replace("status: published", "status: draft"))
        deadline = time.monotonic() + 60
        while fetch(base + "year-end-maca/") is not None and time.monotonic() < deadline:
            time.sleep(0.3)
        assert fetch(base + "year-end-maca/") is None


@pytest.mark.parametrize("command", [[ENGINE], ["generator.cli"]])
def test_a_preview_prints_a_reminder_once_not_at_every_rebuild(project: Path, tmp_path: Path, command: list[str]) -> None:
    """A QA officer's terminal: the same reminders (reviews due, privacy warnings) printed again at every save would
    hide what the save itself brought. Each is printed at the first build; a rebuild prints what is new, and those of
    the file saved (a warning still there after a save to mend it), and counts what it did not repeat."""
    log = tmp_path / "serve.log"
    review = "content/briefings/standalone-review.md:8: review: due on 2025-01-01"
    small = "content/audits/year-end-maca.md:7: privacy: small-count: children: 2"
    with serving(project, [sys.executable, "-m", *command, "serve"], log) as base:
        assert wait_for(base + "year-end-maca/", "Background of Audit on the last day of March", 90)
        source = project / "content/audits/year-end-maca.md"
        source.write_text(
            source.read_text().replace("children: 5", "children: 2").replace("Background of", "Edited background of")
        )
        assert wait_for(base + "year-end-maca/", "Edited background of", 60)
        source.write_text(source.read_text().replace("Edited background of", "Twice edited background of"))
        assert wait_for(base + "year-end-maca/", "Twice edited background of", 60)
    printed = log.read_text()
    first = [line for line in printed[: printed.index("All content is valid")].splitlines() if line.startswith("content/")]
    assert printed.count(review) == 1 and review in first[-1]
    assert printed.count(small) == 2  # new at the first save, still there at the second
    assert f"({len(first)} reminders unchanged since the last rebuild, not repeated.)" in printed
    assert f"({len(first)} reminders unchanged since the last rebuild, not repeated.)" in printed.split(small)[-1]
    assert printed.count("due for review.") == 3  # the summary, at every rebuild


@pytest.mark.parametrize("command", [[ENGINE], ["generator.cli"]])
def test_a_save_is_shown_though_the_browser_asks_for_a_missing_page_during_the_rebuild(project: Path, command: list[str]) -> None:
    """The server logs a 404 or a redirect as a warning; in strict mode, one logged during a rebuild aborted it,
    and the save was not shown until the next one. Outside the site's path (the address typed without it, a
    browser's `/favicon.ico`) the server answers at once, during the rebuild."""
    with serving(project, [sys.executable, "-m", *command, "serve"]) as base:
        assert wait_for(base + "year-end-maca/", "Background of Audit on the last day of March", 90)
        asking, stop = [], threading.Event()
        server = base[: base.index("/", len("http://"))]

        def ask_for_missing_pages() -> None:
            while not stop.is_set():
                asking.append((fetch(server + "/favicon.ico"), fetch(server + "/")))
                time.sleep(0.02)

        thread = threading.Thread(target=ask_for_missing_pages, daemon=True)
        thread.start()
        try:
            source, before = project / "content/audits/year-end-maca.md", "Background of"
            for edited in ("Freshly edited background of", "Twice edited background of", "Thrice edited background of"):
                source.write_text(source.read_text().replace(before, edited, 1))
                assert wait_for(base + "year-end-maca/", edited, 30), edited
                before = edited
        finally:
            stop.set()
            thread.join()
        assert asking and {missing for missing, _ in asking} == {None}  # answered 404 (the other redirected)


def test_only_a_redirect_or_not_found_request_line_is_shown_as_information() -> None:
    """A server error while serving stays a warning, which strict mode counts."""
    levels = {}
    for code in ("302", "404", "500"):
        record = logging.LogRecord(f"{ENGINE}.livereload", logging.WARNING, "", 0, f'"GET /x HTTP/1.1" code {code}', (), None)
        assert request_as_info(record)
        levels[code] = record.levelno
    assert levels == {"302": logging.INFO, "404": logging.INFO, "500": logging.WARNING}


@pytest.mark.parametrize("command", [[ENGINE], ["generator.cli"]])
def test_a_preview_started_on_broken_content_shows_why_then_the_site_once_fixed(project: Path, command: list[str]) -> None:
    source = project / "content/audits/year-end-maca.md"
    written = source.read_text()
    source.write_text(written.replace("type: maca", "type: mca"))
    with serving(project, [sys.executable, "-m", *command, "serve"]) as base:
        assert wait_for(base + "year-end-maca/", "The preview cannot show", 90)
        assert "content/audits/year-end-maca.md:" in (fetch(base) or "") and "type: &#39;mca&#39;" in (fetch(base) or "")
        source.write_text(written)
        assert wait_for(base + "year-end-maca/", "Background of Audit on the last day of March", 60)


@pytest.mark.parametrize("command", [[ENGINE], ["generator.cli"]])
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("times", [1, 2])
def test_a_stopped_preview_leaves_no_copy_of_the_site_behind(project: Path, command: list[str], stop: int, times: int) -> None:
    with serving(project, [sys.executable, "-m", *command, "serve"], stop=stop, times=times) as base:
        assert wait_for(base + "year-end-maca/", "Background of Audit on the last day of March", 90)
        assert list(serving_temp(project).glob(f"{ENGINE}_*/briefings/year-end-maca/index.html"))
    assert list(serving_temp(project).iterdir()) == []


@pytest.mark.parametrize("command", [[ENGINE], ["generator.cli"]])
def test_a_preview_stopped_during_its_first_build_leaves_no_copy_of_the_site_behind(
    project: Path, tmp_path: Path, command: list[str]
) -> None:
    """SIGTERM before the first build was served left the engine's copy of the site (a `--drafts` one with its drafts)."""
    add_copies(project, 300)
    log = tmp_path / "serve.log"
    with serving(project, [sys.executable, "-m", *command, "serve"], log=log):
        deadline = time.monotonic() + 90
        while not list(serving_temp(project).glob("*/briefings/*/index.html")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert list(serving_temp(project).glob("*/briefings/*/index.html"))
        assert "Serving on" not in log.read_text()  # still building
    assert list(serving_temp(project).iterdir()) == []
    assert "Traceback" not in log.read_text()


def test_serve_clean_is_refused_leaving_no_copy_of_the_site(project: Path) -> None:
    """The engine starts `serve --clean` as a build: it answered 404 for every page, and a SIGTERM left the whole site,
    drafts included, in the temporary folder."""
    serving_temp(project).mkdir()
    result = subprocess.run(
        [sys.executable, "-m", ENGINE, "serve", "--clean", "--dev-addr", f"127.0.0.1:{free_port()}"],
        cwd=project,
        env=engine_env(TMPDIR=str(serving_temp(project)), BRIEFINGS_DRAFTS="1"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "briefings: serve --clean would serve nothing until it stopped; run serve without --clean" in result.stderr
    assert [item for item in serving_temp(project).iterdir() if item.is_dir()] == []


def test_a_preview_whose_address_is_taken_says_so_and_how_to_choose_another(project: Path) -> None:
    """It said the first build had failed, on `[Errno 98] Address already in use`, and to mend it."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        address = f"127.0.0.1:{taken.getsockname()[1]}"
        result = subprocess.run(
            [sys.executable, "-m", "generator.cli", "serve", "--dev-addr", address],
            cwd=project,
            env=engine_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1 and "Traceback" not in result.stderr and "Documentation built" not in result.stderr
    assert f"serve: cannot serve on {address}: Address already in use; stop what serves there, or choose another" in result.stderr


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("127.0.0.1:99999", "write it as HOST:PORT, the port from 1 to 65535"),
        ("127.0.0.1:0", "write it as HOST:PORT, the port from 1 to 65535"),
        ("localhost", "write it as HOST:PORT, the port from 1 to 65535"),
        ("192.0.2.1:8001", "Cannot assign requested address; use an address of this machine"),
    ],
)
def test_a_preview_address_it_cannot_serve_on_is_refused_before_the_build(project: Path, address: str, said: str) -> None:
    """Each was said after the whole first build, one as that build's failure, `:0` served on an address none can open."""
    command = [sys.executable, "-m", "generator.cli", "serve", "--dev-addr", address]
    result = subprocess.run(command, cwd=project, env=engine_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Documentation built" not in result.stderr, result.stderr
    assert f"serve: cannot serve on {address}: {said}" in result.stderr, result.stderr


def test_briefings_serve_drafts_previews_drafts_marked(project: Path) -> None:
    with serving(project, [sys.executable, "-m", "generator.cli", "serve", "--drafts"]) as base:
        assert wait_for(base + "quokka-draft/", "DRAFT: Quokka draft audit", 90)


PROBLEM_PAGE = "The preview cannot show your latest save"
NHS_NUMBER = "943 476 5919"


@dataclass(frozen=True)
class Breakage:
    file: str
    text: str
    broken: str
    problem: str
    """What the problem page then lists."""
    seconds: float = 3
    """From the save until the open tab and a new one show it."""


BREAKAGES = [
    Breakage(
        "content/audits/year-end-maca.md",
        "## Why it matters",
        "## Why it matters<script>document.title = 'run'</script>",  # also an author's text that must stay text
        "content/audits/year-end-maca.md:13: missing section '## Why it matters'",
    ),
    Breakage(
        "content/audits/year-end-maca.md",
        "Background of Audit",
        f"Background, NHS number {NHS_NUMBER}, of Audit",
        "content/audits/year-end-maca.md:15: privacy: nhs-number:",
    ),
    Breakage(  # found only in the built site, by the post-build checks, after every page is written again
        "mkdocs.yml",
        "site_description: ",
        f"site_description: NHS number {NHS_NUMBER} ",
        "mkdocs.yml:2: privacy: nhs-number:",
        seconds=5,
    ),
    Breakage(  # the engine's own error: a warning, fatal in strict mode
        "content/pages/about.md",
        "Fixture about page.",
        "See [the missing page](missing.md).",
        "Doc file 'about.md' contains a link 'missing.md', but the target is not found",
    ),
]


class Requests:
    """Every request a browser context makes, to find any that took more than 3 s (the live-reload poll is held
    open by design)."""

    def __init__(self) -> None:
        self.pending: dict[object, float] = {}
        self.slow: list[str] = []

    def watch(self, context) -> None:
        context.on("request", self._started)
        context.on("requestfinished", self._finished)
        context.on("requestfailed", self._failed)

    def _started(self, request) -> None:
        self.pending[request] = time.monotonic()

    def _failed(self, request) -> None:
        self.pending.pop(request, None)

    def _finished(self, request) -> None:
        self.pending.pop(request, None)
        if request.timing["responseEnd"] > 3000:
            self.slow.append(f"{request.url} {request.timing['responseEnd']}")

    def too_slow(self, page) -> list[str]:
        """Those that took too long; `page` waits until any request made now would have finished in time."""
        page.wait_for_timeout(3000)
        hanging = [
            request.url  # type: ignore[attr-defined]
            for request, start in self.pending.items()
            if time.monotonic() - start > 3 and not request.frame.page.is_closed()  # type: ignore[attr-defined]
        ]
        return [url for url in self.slow + hanging if "/livereload/" not in url]


@pytest.mark.browser
def test_a_failed_rebuild_shows_its_problems_in_open_and_new_tabs_until_fixed(project: Path, browser) -> None:
    with serving(project, [sys.executable, "-m", "generator.cli", "serve"]) as base:
        url, title = base + "year-end-maca/", "Audit on the last day of March"
        assert wait_for(url, title, 90)
        context, requests = browser.new_context(), Requests()
        requests.watch(context)
        open_tab = context.new_page()
        open_tab.goto(url, timeout=3000)
        for breakage in BREAKAGES:
            source = project / breakage.file
            original = source.read_text()
            source.write_text(original.replace(breakage.text, breakage.broken, 1))
            saved = time.monotonic()
            expect(open_tab.get_by_role("listitem").filter(has_text=breakage.problem)).to_be_visible(
                timeout=breakage.seconds * 1000
            )
            new_tab = context.new_page()
            new_tab.goto(url, timeout=3000)
            expect(new_tab.get_by_role("listitem").filter(has_text=breakage.problem)).to_be_visible(timeout=1000)
            assert time.monotonic() - saved < breakage.seconds, breakage.file
            assert open_tab.get_by_role("heading", level=1).inner_text() == PROBLEM_PAGE

            source.write_text(original)
            for tab in (open_tab, new_tab):
                expect(tab.get_by_role("heading", level=1)).to_contain_text(title, timeout=10_000)
            new_tab.close()
        too_slow = requests.too_slow(open_tab)
        context.close()
        assert too_slow == []


@pytest.mark.browser
def test_the_problem_page_is_accessible_escapes_the_authors_text_and_is_never_written_to_disk(project: Path, browser) -> None:
    breakage = BREAKAGES[0]
    with serving(project, [sys.executable, "-m", "generator.cli", "serve"]) as base:
        assert wait_for(base + "year-end-maca/", "Audit on the last day of March", 90)
        source = project / breakage.file
        source.write_text(source.read_text().replace(breakage.text, breakage.broken))
        for scheme in ("light", "dark"):
            page = browser.new_context(color_scheme=scheme).new_page()
            page.goto(base + "year-end-maca/")
            expect(page.get_by_role("listitem").filter(has_text=breakage.problem)).to_be_visible(timeout=5000)
            assert "<script>document.title = 'run'</script>" in page.get_by_role("list").inner_text()
            assert page.title() == "Preview: 2 problems to fix"
            result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            assert result.response["violations"] == [], scheme
            page.context.close()
        everything = [file for file in project.parent.rglob("*") if file.is_file()]
        assert not any(PROBLEM_PAGE.encode() in file.read_bytes() for file in everything)
    assert not (project / "site").exists()


def test_any_error_of_a_rebuild_is_shown_escaped_in_place_of_every_page_until_one_succeeds(tmp_path: Path) -> None:
    outcomes = iter([ValueError("theme <b>broke</b>"), None])

    def builder() -> None:
        if error := next(outcomes):
            raise error

    server = LiveReloadServer(builder, "127.0.0.1", 0, str(tmp_path))
    show_problems(server, tmp_path / "mkdocs.yml")

    def answer(path: str) -> str:
        body = server.get_app()({"PATH_INFO": path, "REQUEST_METHOD": "GET"}, lambda status, headers: None)
        return b"".join(body).decode()

    server.builder()  # raises no more: MkDocs would otherwise leave every page request waiting
    assert answer(POLL) == "1"
    assert "ValueError: theme &lt;b&gt;broke&lt;/b&gt;</li>" in answer("/briefings/")
    server.builder()
    assert answer(POLL) == "2"
    assert PROBLEM_PAGE not in answer("/briefings/")


@pytest.fixture
def preview_site(project: Path, tmp_path: Path) -> Iterator[Path]:
    """A preview's site folder after its first build, as `briefings serve` starts one (see `rebuild`)."""
    site = tmp_path / "preview"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="serve", dirty=True)
    mkdocs_build(config)
    yield site
    config.plugins.on_shutdown()


def test_a_preview_rebuild_rewrites_only_changed_pages_and_removes_gone_ones(project: Path, preview_site: Path) -> None:
    edited, untouched = preview_site / "briefings/year-end-maca/index.html", preview_site / "briefings/autumn-maca/index.html"
    drafted = preview_site / "briefings/year-start-maca/index.html"
    for page in (edited, untouched, drafted):
        os.utime(page, ns=(1, 1))
    source = project / "content/audits/year-end-maca.md"
    source.write_text(source.read_text().replace("Background of", "Freshly edited background of"))
    later = project / "content/audits/year-start-maca.md"
    later.write_text(later.read_text().replace("status: published", "status: draft"))

    rebuild(project, preview_site)

    assert "Freshly edited background of" in edited.read_text()
    assert edited.stat().st_mtime_ns > 1
    assert untouched.stat().st_mtime_ns == 1
    assert not drafted.exists()
    assert "Audit on the first day of April" not in (preview_site / "archive/index.html").read_text()


def test_after_a_failed_preview_rebuild_every_page_is_written_again(project: Path, preview_site: Path) -> None:
    about = project / "content/pages/about.md"
    original = about.read_text()
    about.write_text(original + "\nRing the team on 07700 900461.\n")
    with pytest.raises(Abort):
        rebuild(project, preview_site)  # fails its output scan after writing the pages
    page = preview_site / "briefings/autumn-maca/index.html"
    os.utime(page, ns=(1, 1))
    about.write_text(original)
    rebuild(project, preview_site)
    assert page.stat().st_mtime_ns > 1


def test_a_preview_rebuild_refuses_a_link_that_leads_nowhere_at_its_line_until_mended(project: Path, preview_site: Path) -> None:
    """As a build does: the author who saves a link to a renamed briefing learns of it in the preview, at its line,
    not from the publish workflow."""
    source = project / "content/audits/year-end-maca.md"
    original = source.read_text()
    source.write_text(original.replace("Background of", "See [the spring audit](../spring-maca/). Background of", 1))
    line = 1 + source.read_text().split("\n").index(next(x for x in source.read_text().split("\n") if "spring-maca" in x))
    said = load_config(str(project / "mkdocs.yml")).plugins["briefings"].run.steps.reporter.stream = io.StringIO()
    with pytest.raises(Abort):
        rebuild(project, preview_site)
    assert (
        f"content/audits/year-end-maca.md:{line}: the link '../spring-maca/' leads to no page or file of the site"
        in said.getvalue()
    )
    assert "All content is valid" not in said.getvalue()  # the summary comes after the link's line, and counts it
    assert said.getvalue().rstrip().splitlines()[-1].startswith("1 problem in 1 file")
    source.write_text(original.replace("Background of", "See [the autumn audit](../autumn-maca/). Background of", 1))
    rebuild(project, preview_site)
    assert 'href="../autumn-maca/"' in (preview_site / "briefings/year-end-maca/index.html").read_text()


def test_after_a_failed_preview_rebuild_the_search_index_reads_nothing_until_one_passes(
    project: Path, preview_site: Path
) -> None:
    """The folder holds the pages the checks refused: the index used to be let go at the failure, and a run asked for
    by an earlier rebuild then indexed them, to be served once the author saved the fix."""
    preview = load_config(str(project / "mkdocs.yml")).plugins["briefings"].run.steps  # the one MkDocs keeps
    preview.index.wait()
    done = preview.index.runs
    about = project / "content/pages/about.md"
    original = about.read_text()
    about.write_text(original + "\nRing the team on 07700 900461.\n")
    with pytest.raises(Abort):
        rebuild(project, preview_site)
    preview.index.request(["year-end-maca"])  # as a rebuild that passed while a run was under way leaves one to do
    time.sleep(1)
    assert preview.index.runs is done and preview.index.thread is not None  # waiting, reading nothing
    about.write_text(original)
    rebuild(project, preview_site)
    preview.index.wait()
    assert preview.index.runs is not done


def test_other_plugins_see_each_page_whole(project: Path) -> None:
    """The core writes each page's HTML itself, not Markdown; plugins such as search must still see it whole."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n", "plugins:\n  - search\n", 1))
    result = engine_build(project)
    assert result.returncode == 0, result.stderr
    docs = json.loads((project / "site/search/search_index.json").read_text())["docs"]
    assert any("Background of Audit on the last day of March" in doc["text"] for doc in docs)


def test_another_plugins_page_content_hook_sees_each_page_whole_and_its_changes_are_kept(project: Path) -> None:
    """The plugin hands MkDocs a generated page's HTML late, to save memory, only where nothing else could read
    it before: another plugin's hook sees it whole as MkDocs reads each page, and what it adds stays."""
    (project / "hooks.py").write_text(
        "def on_page_content(html, page, config, files):\n"
        "    if page.file.src_uri == 'briefings/year-end-maca.md':\n"
        "        assert 'Background of Audit on the last day of March' in html, html[:200]\n"
        "    return html + '<p>Added by another plugin</p>'\n"
    )
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "\nhooks:\n  - hooks.py\n")
    result = engine_build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site/briefings/year-end-maca/index.html").read_text()
    assert "Background of Audit on the last day of March" in page
    assert "Added by another plugin" in page


def test_an_extra_template_sees_every_generated_page_whole(project: Path) -> None:
    """MkDocs renders extra templates before it writes any page: they must still see each page's HTML."""
    (project / "content/pages/lengths.txt").write_text(
        "{% for f in pages %}{% if f.page %}{{ f.src_uri }} {{ (f.page.content or '')|length }}\n{% endif %}{% endfor %}"
    )
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "\nextra_templates:\n  - lengths.txt\n")
    result = engine_build(project)
    assert result.returncode == 0, result.stderr
    lengths = dict(line.rsplit(" ", 1) for line in (project / "site/lengths.txt").read_text().splitlines())
    assert int(lengths["briefings/year-end-maca.md"]) > 1000
    assert all(int(length) > 0 for length in lengths.values()), lengths


def test_a_preview_rewrites_every_page_after_mkdocs_yml_or_the_theme_changes(project: Path, preview_site: Path) -> None:
    page = preview_site / "briefings/autumn-maca/index.html"
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_name: ", "site_name: Renamed ", 1))
    rebuild(project, preview_site)
    assert "Renamed " in page.read_text()
    footer = project / "overrides/partials/copyright.html"
    footer.write_text(footer.read_text() + "<p>Theme edited.</p>\n")
    rebuild(project, preview_site)
    assert "Theme edited." in page.read_text()


def test_large_pages_are_written_first_then_the_searchable_ones() -> None:
    """Checking a long listing takes the most memory: done before Pagefind starts, once the searchable pages are written."""
    from generator.build import writing_order as _writing_order
    from generator.output.sitescan import LARGE_PAGE
    from generator.sitemodel import Output

    outputs = [
        Output("record.md", "x"),
        Output("briefing.md", "x", searchable=True),
        Output("listing.md", "x" * (LARGE_PAGE + 1)),
        Output("feed.xml", "x"),
    ]
    assert [o.path for o in sorted(outputs, key=_writing_order)] == ["listing.md", "briefing.md", "record.md", "feed.xml"]


def test_a_preview_checks_a_stylesheets_loads_against_the_site_address_of_each_rebuild(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker that checks a preview's files other than pages judges a load by the site's own host: after the
    site's address changes in mkdocs.yml (a partners preview, `BRIEFINGS_AUDIENCE=partners mkdocs serve`), a load
    from the old address is a load from another host."""
    monkeypatch.setenv("BRIEFINGS_AUDIENCE", "partners")
    (project / "overrides/extra.css").write_text("body { background: url(https://partners.northbrook.example/a.png); }\n")
    site = tmp_path / "preview"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        mkdocs_build(config)  # its own host: no finding
        settings = project / "mkdocs.yml"
        settings.write_text(settings.read_text().replace("https://partners.northbrook.example/", "https://moved.example.org/"))
        with pytest.raises(Abort):
            rebuild(project, site)
    finally:
        config.plugins.on_shutdown()


FILES_WITH_SUMMARIES = ("feed.xml", "archive/by-year/2024-25.docx")
"""Files other than pages that show an audit's summary: the feed and its year's report."""


def test_a_preview_reports_a_detail_in_its_feed_and_reports_at_every_rebuild_until_fixed(
    project: Path, preview_site: Path
) -> None:
    """A preview checks its feed, data and documents at every rebuild: a detail that reaches them (an allowance
    covers its own page only) fails every rebuild until it is gone, then again."""
    allowance = 'summary: "Duty line 0161 496 0000."  # privacy: allow "0161 496 0000" reason: public duty line'
    source = project / "content/audits/allowed.md"
    preview = load_config(str(project / "mkdocs.yml")).plugins["briefings"].run.steps  # the one MkDocs keeps
    for _ in range(2):
        write(project, "content/audits/allowed.md", BASE.replace("summary: A valid summary.", allowance))
        for _ in range(2):
            with pytest.raises(Abort):
                rebuild(project, preview_site)
            for name in FILES_WITH_SUMMARIES:
                assert [f.text for f in preview.passed[name][4]] == ["0161 496 0000"], name
        source.write_text(source.read_text().replace("0161 496 0000", "the duty line"))
        rebuild(project, preview_site)
        assert all(preview.passed[name][4] == () for name in FILES_WITH_SUMMARIES)


def test_a_preview_rewrites_the_changed_feed_data_and_documents_as_a_fresh_build_writes_them(
    project: Path, preview_site: Path
) -> None:
    """A save that changes a title rewrites the feed, the archive's data and the year's documents as a fresh build
    writes them, and leaves a file it did not change alone."""
    source = project / "content/audits/year-end-maca.md"
    source.write_text(source.read_text().replace("title: Audit on the last day of March", "title: Renamed audit of March"))
    untouched = preview_site / "archive/by-year/2024-25.csv"  # the audit is of 2023-24
    os.utime(untouched, ns=(1, 1))
    rebuild(project, preview_site)
    assert untouched.stat().st_mtime_ns == 1
    assert engine_build(project).returncode == 0
    for name in ("feed.xml", "archive.json", "archive.csv", "archive/by-year/2023-24.csv", "archive/by-year/2023-24.docx"):
        assert (preview_site / name).read_bytes() == (project / "site" / name).read_bytes(), name
    assert "Renamed audit of March" in (preview_site / "archive.json").read_text()
