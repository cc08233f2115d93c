"""The search index: built from the finished pages, and kept up to date in the background while previewing."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.output import postbuild
from generator.output.search import BackgroundIndex, Indexing, indexing
from tests.support import build_site, make_project, served


def indexed_text(site: Path, bundle: str = "pagefind") -> str:
    """Every page's indexed content, as the fragments of one Pagefind bundle hold it."""
    return "".join(gzip.decompress(f.read_bytes()).decode("utf-8") for f in (site / bundle / "fragment").iterdir())


def test_background_index_covers_every_page_rewritten_before_wait(public_site: Path, tmp_path: Path) -> None:
    site = shutil.copytree(public_site, tmp_path / "site")
    shutil.rmtree(site / "pagefind")
    reports: list[str] = []
    slugs = [page.parent.name for page in site.glob("briefings/*/index.html")]
    index = BackgroundIndex(site, 1000, reports.append)
    index.request(slugs)
    page = site / "briefings/year-end-maca/index.html"
    page.write_text(page.read_text().replace("Background of", "Zanzibar background of"))
    index.request(slugs)
    index.wait()
    assert reports == []
    assert "Zanzibar background of" in indexed_text(site)
    assert "Quokka" not in indexed_text(site)


def test_background_index_reports_a_failure_instead_of_raising(tmp_path: Path) -> None:
    reports: list[str] = []
    index = BackgroundIndex(tmp_path / "missing", 1000, reports.append)
    index.request(["gone"])
    index.wait()
    assert len(reports) == 1 and reports[0].startswith("pagefind could not index the site: ")


def parts_project(tmp_path: Path) -> Path:
    """The fixture content, indexed in parts of two briefings (five public briefings: three parts)."""
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - briefings:\n", "  - briefings:\n      search_part_size: 2\n", 1))
    return project


def test_a_large_archive_is_indexed_in_parts_of_the_configured_size(tmp_path: Path) -> None:
    site = build_site(parts_project(tmp_path))
    parts = sorted(p.name for p in site.iterdir() if p.name.startswith("pagefind"))
    assert parts == ["pagefind", "pagefind-2", "pagefind-3"]
    urls = [re.findall(r'"url":"([^"]+)"', indexed_text(site, part)) for part in ("pagefind", "pagefind-2", "pagefind-3")]
    assert [sorted(u) for u in urls] == [
        ["/briefings/autumn-maca/", "/briefings/standalone-review/"],
        ["/briefings/thematic-survey/", "/briefings/year-end-maca/"],
        ["/briefings/year-start-maca/"],
    ]
    assert 'data-parts="3"' in (site / "index.html").read_text()


@pytest.mark.browser
def test_the_search_box_merges_the_parts_and_ranks_them_together(tmp_path: Path, browser) -> None:
    site = build_site(parts_project(tmp_path))
    with served(site) as base:
        page = browser.new_page()
        page.goto(base)
        page.wait_for_load_state("networkidle")
        page.click(".pagefind-ui__search-input")
        page.keyboard.type("day")
        page.wait_for_selector(".pagefind-ui__result")
        page.wait_for_load_state("networkidle")
        titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
        page.close()
    assert sorted(titles) == ["Audit on the first day of April", "Audit on the last day of March"]


def test_a_build_starts_indexing_once_every_briefing_page_is_written(tmp_path: Path, monkeypatch) -> None:
    started = []

    def spy(site: Path, slugs: list[str], *args: object) -> Indexing:
        started.append(
            (
                [slug for slug in slugs if not (site / "briefings" / slug / "index.html").exists()],
                (site / "accessibility/index.html").exists(),
            )
        )
        return indexing(site, slugs, *args)

    monkeypatch.setattr(postbuild, "indexing", spy)
    site = build_site(make_project(tmp_path / "project"))
    assert started == [([], False)]  # no briefing page missing, while MkDocs still had other pages to build
    assert "/briefings/year-end-maca/" in indexed_text(site)


def _one_briefing(site: Path) -> None:
    (site / "briefings/x").mkdir(parents=True)
    (site / "briefings/x/index.html").write_text(
        "<!doctype html><html lang='en'><head><title>X</title></head><body data-pagefind-body><p>Zanzibar</p></body></html>"
    )


_REPLACE = """
import sys
import time
from pathlib import Path
from generator.output.search import SearchIndexError, replace_index
site = Path(sys.argv[1])
replace_index(site, ["x"])
print("indexed", (site / "pagefind").is_dir())
try:
    replace_index(site.parent / "missing", ["gone"])
except SearchIndexError as error:
    print("failed", error)
"""


@pytest.mark.parametrize("with_nice", [True, False])
def test_a_preview_index_is_written_and_its_failure_reported_with_or_without_nice(tmp_path: Path, with_nice: bool) -> None:
    """The preview's index runs under `nice` where there is one; where there is none it runs all the same."""
    site = tmp_path / "site"
    _one_briefing(site)
    path = os.environ["PATH"] if with_nice else str(tmp_path / "bin")  # an empty folder: no `nice` to be found
    (tmp_path / "bin").mkdir()
    assert (shutil.which("nice", path=path) is not None) == with_nice
    run = subprocess.run(
        [sys.executable, "-c", _REPLACE, str(site)], capture_output=True, text=True, env={**os.environ, "PATH": path}, check=False
    )
    assert run.returncode == 0, run.stderr
    indexed, failed = run.stdout.split("\n", 1)
    assert indexed == "indexed True" and "Zanzibar" in indexed_text(site)
    assert failed.startswith("failed pagefind could not index the site: ") and "nice:" not in failed


def _state(pid: int) -> str:
    """A process's state as `ps` shows it (T: stopped, Z: ended, not yet reaped); X once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "X"


def _state_once_settled(pid: int, stopped: bool, seconds: float = 5) -> str:
    """The state once the process is `stopped` (or not), which a signal just sent makes it a moment later; or after
    `seconds`, whatever it is then."""
    deadline = time.monotonic() + seconds
    while (_state(pid) == "T") != stopped and time.monotonic() < deadline:
        time.sleep(0.01)
    return _state(pid)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
def test_a_preview_index_held_during_a_rebuild_pauses_then_finishes(public_site: Path, tmp_path: Path) -> None:
    """While the preview rebuilds, its background index is paused, Pagefind's processes stopped where they are; let
    go, it finishes, and `wait` lets it go whatever was asked before."""
    site = shutil.copytree(public_site, tmp_path / "site")
    slugs = [page.parent.name for page in site.glob("briefings/*/index.html")]
    reports: list[str] = []
    index = BackgroundIndex(site, 1000, reports.append)
    index.request(slugs)
    deadline = time.monotonic() + 30
    while (index.runs is None or index.runs.process is None) and time.monotonic() < deadline:
        time.sleep(0.01)
    index.hold(True)
    process = index.runs.process
    assert process is not None and _state_once_settled(process.pid, stopped=True) == "T"
    time.sleep(0.5)
    assert process.poll() is None and _state(process.pid) == "T"  # it did not go on
    index.hold(False)
    assert _state_once_settled(process.pid, stopped=False) != "T"
    index.hold(True)
    index.wait()  # lets it go first: never waits on a paused index
    assert process.poll() == 0 and reports == []
    assert "Background of" in indexed_text(site)


def test_a_held_index_starts_no_run_until_let_go(public_site: Path, tmp_path: Path) -> None:
    """A preview holds its index from a rebuild's start until one passes: the folder may hold pages the checks refused,
    which no run may read, not even a moment before it is paused."""
    site = shutil.copytree(public_site, tmp_path / "site")
    shutil.rmtree(site / "pagefind")
    index = BackgroundIndex(site, 1000, [].append)
    index.hold(True)
    index.request([page.parent.name for page in site.glob("briefings/*/index.html")])
    time.sleep(1)
    assert index.runs is None and not (site / "pagefind").exists()
    index.hold(False)
    index.wait()
    assert "Background of" in indexed_text(site)


PAUSED_THEN_KILLED = """
import sys, time
from generator.output.search import Indexing
runs = Indexing([[sys.executable, "-c", "import time; time.sleep(120)"]], own_group=True)
runs.held = True  # as a preview holds its index during a rebuild
runs.start()
while runs.process is None:
    time.sleep(0.01)
print(runs.process.pid, flush=True)
time.sleep(120)
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
def test_a_paused_index_is_never_left_stopped_when_the_preview_is_killed_outright(tmp_path: Path) -> None:
    """Killed with SIGKILL while its index is paused, a preview cannot let the index go on: the system does (a
    stopped process group left with no parent in the session gets SIGHUP and SIGCONT), so the index ends, or goes on
    where SIGHUP is ignored (a preview run under `nohup`), instead of staying stopped forever."""
    preview = subprocess.Popen([sys.executable, "-c", PAUSED_THEN_KILLED], stdout=subprocess.PIPE, text=True)
    assert preview.stdout is not None
    index = int(preview.stdout.readline())
    assert _state_once_settled(index, stopped=True, seconds=10) == "T"
    preview.kill()
    preview.wait()
    assert _state_once_settled(index, stopped=False, seconds=10) != "T"
    if _state(index) not in ("Z", "X"):  # gone on, SIGHUP being ignored: end it here
        os.kill(index, signal.SIGKILL)
