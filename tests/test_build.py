"""One build path, driven as people drive it: the `briefings` command, plain `mkdocs build` and `mkdocs serve`.

Each test here reproduces a defect of the build as it was spread over the CLI, the plugin and the pipeline:
locks, atomic swaps, the preview's caches and search index, and where a built-site finding is reported.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import material as material_theme
import pytest

from tests.support import (
    ENGINE,
    FIXTURES,
    REPO,
    add_copies,
    env,
    fetch,
    free_port,
    make_project,
    served,
    tree_digest,
    wait_for,
    write,
)

LEAK = "Ring the team on 07700 900461.\n"
BRIEFING_TEXT = "Background of Audit on the last day of March"


def briefings(root: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args], cwd=root, env=env(**extra), capture_output=True, text=True, timeout=300
    )


def engine_build(root: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", ENGINE, "build"], cwd=root, env=env(**extra), capture_output=True, text=True, timeout=300
    )


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site-"))


@pytest.fixture
def big_project(tmp_path: Path) -> Path:
    """The fixture content plus 300 more audits: a build that takes long enough to be caught in the act."""
    root = make_project(tmp_path / "big")
    add_copies(root, 300)
    return root


def leak_in_template(project: Path) -> None:
    """A detail on line 4 of a theme template: not content, so only the built site's scan sees it."""
    template = project / "overrides/partials/copyright.html"
    template.write_text(template.read_text().replace('<div class="md-copyright">', f'<div class="md-copyright">\n<p>{LEAK}</p>'))


# --- the output folder: atomic, locked, cleaned up ------------------------------------------------


def test_plain_engine_build_with_a_built_site_finding_leaves_the_site_folder_unchanged(project: Path) -> None:
    assert engine_build(project).returncode == 0
    before = tree_digest(project / "site")
    leak_in_template(project)
    result = engine_build(project)
    assert result.returncode == 1
    assert "reached the built site" in result.stdout + result.stderr
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def test_a_built_site_finding_names_the_content_line_it_came_from_with_an_annotation(project: Path) -> None:
    leak_in_template(project)
    for result in (
        briefings(project, "build", "--pdf", "skip", GITHUB_ACTIONS="true"),
        engine_build(project, GITHUB_ACTIONS="true"),
    ):
        output = result.stdout + result.stderr
        assert result.returncode == 1
        assert "overrides/partials/copyright.html:4: privacy: phone: 07••• ••••61 reached the built site (site/" in output
        assert (
            "::error file=overrides/partials/copyright.html,line=4::privacy: phone: 07••• ••••61 reached the built site" in output
        )


def test_a_built_site_finding_written_in_no_file_is_reported_once_with_every_page_it_reached(project: Path) -> None:
    """A template that joins a number from pieces (no file holds it whole) put it on every page: it was reported once
    for each page, a screenful of the same line."""
    template = project / "overrides/partials/copyright.html"
    joined = '<div class="md-copyright">\n<p>{{ "Ring 07700" ~ " 900461" }}</p>'
    template.write_text(template.read_text().replace('<div class="md-copyright">', joined))
    result = briefings(project, "build", "--pdf", "skip")
    assert result.returncode == 1
    output = (result.stdout + result.stderr).splitlines()
    reported = [line for line in output if "privacy: phone: 07••• ••••61 reached the built site" in line]
    assert len(reported) == 1, reported
    assert re.fullmatch(r"site/\S+\.html:\d+: privacy: .* \(also at site/\S+\.html:\d+ and \d+ more\)", reported[0])


def test_a_second_build_while_one_runs_refuses_and_leaves_the_first_to_finish(big_project: Path) -> None:
    first = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "build", "--drafts", "--pdf", "skip"],
        cwd=big_project,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not leftovers(big_project) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert leftovers(big_project), "the first build never started writing"
        second = briefings(big_project, "build", "--pdf", "skip")
    finally:
        first.wait(timeout=300)
    assert second.returncode == 1
    assert "site/ is being built by process" in second.stderr and "wait for that build to finish" in second.stderr
    assert first.returncode == 0, first.stderr
    assert (big_project / "site/briefings/quokka-draft/index.html").is_file()  # the first build's, whole


def test_the_next_build_removes_what_a_killed_build_left(big_project: Path) -> None:
    build = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "build", "--pdf", "skip"], cwd=big_project, env=env(), stdout=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while not list(big_project.glob(".site-new-*/briefings")) and time.monotonic() < deadline:
        time.sleep(0.05)
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert leftovers(big_project), "the build was not caught while writing"
    assert briefings(big_project, "build", "--pdf", "skip").returncode == 0
    assert leftovers(big_project) == []
    assert (big_project / "site/index.html").is_file()


def test_a_build_leaves_alone_the_working_folder_of_a_build_of_another_folder(big_project: Path) -> None:
    """A build of `site-new` works in `.site-new-new-…`: a build of `site`, holding its own lock, used to remove it as its
    own leftover, and the other build then swapped in a part site, saying it had succeeded."""
    other = subprocess.Popen(
        [sys.executable, "-m", ENGINE, "build", "-d", "site-new"], cwd=big_project, env=env(), stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while not list(big_project.glob(".site-new-new-*/briefings")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert list(big_project.glob(".site-new-new-*")), "the other build was not caught while writing"
        assert briefings(big_project, "build", "--pdf", "skip").returncode == 0
    finally:
        _, errors = other.communicate(timeout=300)
    assert other.returncode == 0, errors
    built = {path.relative_to(big_project / "site-new") for path in (big_project / "site-new").rglob("*.html")}
    assert built == {path.relative_to(big_project / "site") for path in (big_project / "site").rglob("*.html")}


def test_an_unknown_engine_is_refused_with_a_message_and_plain_engines_ignore_the_variable(project: Path) -> None:
    """`BRIEFINGS_ENGINE` chooses the engine of the `briefings` command: it used to fail on import, with a traceback,
    even under plain `mkdocs build`."""
    refused = briefings(project, "check", BRIEFINGS_ENGINE="evil")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "check refused: BRIEFINGS_ENGINE='evil': use one of mkdocs, properdocs" in refused.stderr
    assert engine_build(project, BRIEFINGS_ENGINE="evil").returncode == 0


PLAIN_MKDOCS = """
import atexit, runpy, sys
atexit.register(lambda: print("properdocs.replacement" in sys.modules, sys.modules["mkdocs"].__name__))
sys.argv = ["mkdocs", "build"]
runpy.run_module("mkdocs", run_name="__main__")
"""


def test_plain_mkdocs_runs_as_itself_whatever_the_briefings_engine_variable_says(project: Path) -> None:
    """With `BRIEFINGS_ENGINE=properdocs` set (for the `briefings` command), plain `mkdocs build` had its own modules
    swapped for ProperDocs' halfway through its run, when the adapter was loaded."""
    ran = subprocess.run(
        [sys.executable, "-c", PLAIN_MKDOCS], cwd=project, env=env(BRIEFINGS_ENGINE="properdocs"), capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.split()[-2:] == ["False", "mkdocs"]


def test_an_audience_set_empty_is_the_public_one(project: Path) -> None:
    """A workflow passes an input left blank as an empty variable: the public build, as when it is not set."""
    built = engine_build(project, BRIEFINGS_AUDIENCE="")
    assert built.returncode == 0, built.stderr
    assert (project / "site/index.html").is_file() and not (project / "site/PARTNERS-ONLY.txt").exists()


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("BRIEFINGS_DRAFTS", "true", "BRIEFINGS_DRAFTS='true': use '1' or '0'"),
        ("BRIEFINGS_DRAFTS", "yes", "BRIEFINGS_DRAFTS='yes': use '1' or '0'"),
        ("BRIEFINGS_BUILD_DATE", "20261206", "BRIEFINGS_BUILD_DATE='20261206': write the date as YYYY-MM-DD"),
        ("BRIEFINGS_BUILD_DATE", "2026-02-29", "BRIEFINGS_BUILD_DATE='2026-02-29': there is no such day, or no build"),
        ("BRIEFINGS_BUILD_DATE", "9999-12-31", "BRIEFINGS_BUILD_DATE='9999-12-31': there is no such day, or no build"),
    ],
)
def test_an_option_set_otherwise_than_documented_is_refused_not_ignored(project: Path, name: str, value: str, said: str) -> None:
    """`BRIEFINGS_DRAFTS=true` built without drafts, and without a word; `20261206` passed as a date."""
    result = engine_build(project, **{name: value})
    assert result.returncode == 1 and said in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not (project / "site").exists()
    if name == "BRIEFINGS_BUILD_DATE":
        result = briefings(project, "build", "--build-date", value)
        assert result.returncode == 1 and said.replace(name, "--build-date") in result.stderr, result.stderr


def test_a_chromium_that_does_not_start_is_named_with_the_fix_in_one_line(project: Path) -> None:
    """Playwright's message went on for some twenty lines of the browser's flags and its call log."""
    result = briefings(project, "build", "--pdf", "require", BRIEFINGS_CHROMIUM="/bin/false")
    assert result.returncode == 1 and not (project / "site").exists()
    said = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(said) == 1 and said[0].startswith("build failed: Chromium (/bin/false) did not start: BrowserType.launch:")
    assert said[0].endswith(
        "; install Debian's chromium (apt-get install chromium), set BRIEFINGS_CHROMIUM to one that works, or --pdf skip; "
        "site/ was left as it was"
    ), result.stderr


def test_a_chromium_setting_left_empty_is_no_setting(project: Path) -> None:
    """`Path("")` is the current folder, which exists: every build failed, Chromium (.) did not start."""
    result = briefings(project, "build", "--pdf", "auto", BRIEFINGS_CHROMIUM="")
    assert result.returncode == 0 and "Chromium (.)" not in result.stderr, result.stderr


@pytest.mark.parametrize(("named", "what"), [("/nonexistent/chromium", "not there"), ("/usr/bin", "no program")])
def test_a_chromium_setting_that_names_no_program_is_refused_not_passed_over(project: Path, named: str, what: str) -> None:
    """With `--pdf auto` (the default), the build went on without PDFs, and nothing named the setting."""
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the site as it was")
    result = briefings(project, "build", BRIEFINGS_CHROMIUM=named)
    said = f"build failed: BRIEFINGS_CHROMIUM names {named}, which is {what}: set it to Chromium's path"
    assert result.returncode == 1 and result.stderr.startswith(said), result.stderr
    assert [file.name for file in (project / "site").iterdir()] == ["index.html"]
    assert briefings(project, "build", "--pdf", "skip", BRIEFINGS_CHROMIUM=named).returncode == 0  # no PDFs: unused


def test_a_folder_named_with_pattern_characters_removes_only_its_own_leftovers(project: Path) -> None:
    """`site[1]` read as a pattern matches `site1`: a build's clean-up reads its folder's name as it is."""
    others = [project / ".site1-new-0123456789abcdef", project / ".site[1]-newer-0123456789abcdef"]
    others += [project / ".site[1]-old-20261206", project / ".site[1]-new-preview1"]  # a person's backups: their names
    for folder in others:
        folder.mkdir()
        (folder / "index.html").write_text("another build's page")
    killed = project / ".site[1]-new-0123456789abcdef"  # as a killed build of site[1] leaves it
    killed.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", ENGINE, "build", "-d", "site[1]"], cwd=project, env=env(), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert all((folder / "index.html").is_file() for folder in others) and not killed.exists()


@pytest.mark.parametrize("how", ["symlink", "hard link"])
def test_a_lock_file_that_is_a_link_is_refused_and_what_it_links_to_left_alone(project: Path, how: str) -> None:
    """The lock is emptied and written at every build: through a link it would empty a content file."""
    taxonomy = project / "content/taxonomy.yml"
    before = taxonomy.read_bytes()
    lock = project / ".site.lock"
    lock.symlink_to("content/taxonomy.yml") if how == "symlink" else lock.hardlink_to(taxonomy)
    for result in (briefings(project, "build", "--pdf", "skip"), engine_build(project)):
        assert result.returncode == 1
        assert ".site.lock" in result.stdout + result.stderr and "remove it" in result.stdout + result.stderr
        assert taxonomy.read_bytes() == before
        assert not (project / "site").exists()


@pytest.mark.parametrize("name", ["site", "mkdocs.yml", "notes.txt"])
def test_an_output_folder_that_is_a_file_is_refused_and_the_file_left_alone(project: Path, name: str) -> None:
    """A build replaces its output folder whole: named a file (`-d mkdocs.yml`), it refuses, and nothing is lost."""
    if name != "mkdocs.yml":
        (project / name).write_text("not a folder")
    before = tree_digest(project)
    for result in (
        subprocess.run(
            [sys.executable, "-m", ENGINE, "build", "-d", name], cwd=project, env=env(), capture_output=True, text=True
        ),
        *([briefings(project, "build", "--pdf", "skip")] if name == "site" else []),
    ):
        assert result.returncode == 1
        assert f"{name} is a file, not a folder" in result.stdout + result.stderr
        assert tree_digest(project) == before and leftovers(project) == []


@pytest.mark.parametrize("folder", ["content/audits", "content/../content/audits", "overrides/assets", "..", "."])
def test_a_build_into_the_project_or_a_folder_of_its_own_files_is_refused_and_nothing_changes(project: Path, folder: str) -> None:
    """A build replaces its output folder whole: never the content, the theme, or the project holding them."""
    before = tree_digest(project)
    result = subprocess.run(
        [sys.executable, "-m", ENGINE, "build", "-d", folder], cwd=project, env=env(), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    assert tree_digest(project) == before
    assert not list(project.parent.glob(".*-new-*")) and leftovers(project) == []


@pytest.mark.parametrize("folder", [".git", "docs", "generator"])
def test_a_build_into_a_folder_that_holds_no_built_site_is_refused_and_nothing_changes(project: Path, folder: str) -> None:
    """`mkdocs build -d .git` would replace the repository's history whole: a folder holding files but no built site
    is never an output folder."""
    (project / folder).mkdir()
    (project / folder / "HEAD").write_text("ref: refs/heads/main\n")
    before = tree_digest(project)
    result = subprocess.run(
        [sys.executable, "-m", ENGINE, "build", "-d", folder], cwd=project, env=env(), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    assert "holds files but no built site (no index.html)" in result.stdout + result.stderr
    assert tree_digest(project) == before


@pytest.mark.parametrize("hidden", [".git", ".env"])
def test_a_site_folder_holding_what_mkdocs_keeps_there_is_refused_not_replaced(project: Path, hidden: str) -> None:
    """MkDocs' own build keeps a site folder's hidden files (a `.git` of the published branch, as `ghp-import` or a
    worktree leaves one): the build, which replaces its folder whole, deleted them without a word."""
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    (project / "site" / hidden).mkdir()
    (project / "site" / hidden / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    before = tree_digest(project / "site")
    for result in (briefings(project, "build", "--pdf", "skip"), engine_build(project)):
        assert result.returncode == 1
        assert f"it holds {hidden}, which MkDocs' own build keeps there" in result.stdout + result.stderr
    assert tree_digest(project / "site") == before


@pytest.mark.parametrize("place", ["site", "site/uploads"])
def test_a_site_folder_that_is_or_holds_a_mount_point_is_refused_before_the_build(project: Path, place: str) -> None:
    """A container's volume: at the folder, every build built the whole site, then failed at the swap, `[Errno 16]
    Device or resource busy` (plain `mkdocs build`: a traceback); inside it, what the volume held was deleted."""
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    if place == "site":
        shutil.rmtree(project / "site")
    (project / place).mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "none", str(project / place)], capture_output=True).returncode != 0:
        pytest.skip("mounting a folder needs the right to mount (root in a container that allows it)")
    try:
        (project / place / "kept.txt").write_text("the volume's own file\n")
        before = tree_digest(project / "site")
        for result in (briefings(project, "build", "--pdf", "skip"), engine_build(project)):
            assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
            where = "is a mount point" if place == "site" else "holds a mount point, uploads/,"
            said = f"{where} (a volume), which no build can swap away; mount the folder above it instead"
            assert said in result.stdout + result.stderr, result.stdout + result.stderr
        assert tree_digest(project / "site") == before and leftovers(project) == []
    finally:
        subprocess.run(["umount", str(project / place)], check=True)


def test_a_hidden_folder_the_pages_publish_is_built_again_not_refused(project: Path) -> None:
    """`.well-known/security.txt`, published with the pages: every build after the first was refused for it."""
    write(project, "content/pages/.well-known/security.txt", "Contact: https://example.github.io/briefings/about/\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "\nexclude_docs: |\n  !.well-known/\n")
    for _ in range(2):
        result = briefings(project, "build", "--pdf", "skip")
        assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site/.well-known/security.txt").is_file()


def test_a_site_folder_holding_only_hidden_files_is_built_into(project: Path) -> None:
    (project / "site").mkdir()
    (project / "site/.gitkeep").write_text("")
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    assert (project / "site/index.html").is_file()


KILL_AT_SWAP = """
import os, sys
target, kill_at, seen = os.path.abspath("site"), int(sys.argv[1]), []

def names(args):
    for arg in args:
        if isinstance(arg, (tuple, list)):
            yield from names(arg)
        elif isinstance(arg, (str, bytes, os.PathLike)):
            yield os.path.abspath(os.fsdecode(arg))

def hook(event, args):
    if event in ("os.rename", "os.replace", "shutil.rmtree", "ctypes.call_function") and target in names(args):
        seen.append(event)
        if len(seen) == kill_at:
            os._exit(137)  # killed just before this step of the swap

sys.addaudithook(hook)
from generator.cli import main
sys.exit(main(["build", "--pdf", "skip"]))
"""


def test_a_build_killed_at_any_step_of_the_swap_leaves_a_whole_site_folder(project: Path) -> None:
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    for kill_at in (1, 2, 3):
        subprocess.run([sys.executable, "-c", KILL_AT_SWAP, str(kill_at)], cwd=project, env=env(), capture_output=True)
        assert (project / "site/index.html").is_file(), f"no site/ after a kill at step {kill_at} of the swap"
        assert (project / "site/briefings/year-end-maca/index.html").is_file()


FAIL_AT_SWAP = """
import os, sys
target, step, how = os.path.abspath("site"), sys.argv[1], sys.argv[2]

def hook(event, args):
    if event == "ctypes.dlsym" and "renameat2" in args:
        raise AttributeError("no renameat2 here")  # as on a system without it: two renames instead
    new = event in ("os.chmod", "os.rename") and not isinstance(args[0], int)
    new = new and os.path.basename(os.fsdecode(args[0])).startswith(".site-new-")  # the new folder itself
    if new and (event == "os.chmod" if step == "opening" else event == "os.rename" and os.fsdecode(args[1]) == target):
        if how == "kill":
            os._exit(137)
        raise KeyboardInterrupt if how == "interrupt" else PermissionError(1, "Operation not permitted", target)

sys.addaudithook(hook)
from generator.cli import main
sys.exit(main(["build", "--pdf", "skip"]))
"""


def fail_at_swap(project: Path, step: str, how: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", FAIL_AT_SWAP, step, how], cwd=project, env=env(), capture_output=True, text=True, timeout=300
    )


def beside_the_site(project: Path) -> list[str]:
    return sorted(path.name for path in project.iterdir() if path.name.startswith(".site"))


@pytest.mark.parametrize(("step", "how"), [("opening", "refused"), ("moving", "refused"), ("moving", "interrupt")])
def test_a_swap_the_system_refuses_leaves_the_site_folder_as_it_was_and_no_new_one_beside_it(
    project: Path, step: str, how: str
) -> None:
    """The new folder (a partners one holds restricted content) used to stay beside the old until the next build;
    where the system has no one-step exchange, a refused or interrupted second rename left no site/ at all."""
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    before = tree_digest(project / "site")
    failed = fail_at_swap(project, step, how)
    assert failed.returncode != 0, failed.stderr
    assert how != "refused" or ("Operation not permitted" in failed.stderr and "site/ was left as it was" in failed.stderr)
    assert tree_digest(project / "site") == before
    assert beside_the_site(project) == [".site.lock"]


def test_the_site_a_build_killed_had_moved_aside_is_put_back_by_the_next_build_even_one_that_fails(project: Path) -> None:
    """Killed in the fallback's moment between its two renames, a build leaves the last site aside: the next build
    deleted it with the other leftovers, and, if it failed too, left no site/ at all."""
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    before = tree_digest(project / "site")
    fail_at_swap(project, "moving", "kill")
    assert not (project / "site").exists()
    write(project, "content/audits/broken.md", "---\ntitle: [unclosed\n---\n")
    failed = briefings(project, "build", "--pdf", "skip")
    assert failed.returncode == 1 and "site/ was left as it was" in failed.stderr, failed.stderr
    assert tree_digest(project / "site") == before
    assert beside_the_site(project) == [".site.lock"]


def test_only_a_real_folder_a_build_moved_aside_is_put_back(project: Path) -> None:
    """A link or a file with that name (planted, or left by a person) became `site` in its place, here a link to the
    partners site."""
    write(project, "site-partners/PARTNERS-ONLY.txt", "restricted")
    (project / ".site-old-0123456789abcdef").symlink_to(project / "site-partners")
    write(project, ".site-old-fedcba9876543210", "a file")
    write(project, "content/audits/broken.md", "---\ntitle: [unclosed\n---\n")
    assert briefings(project, "build", "--pdf", "skip").returncode == 1
    assert not (project / "site").exists() and not (project / "site").is_symlink()
    assert (project / "site-partners/PARTNERS-ONLY.txt").is_file()


UNREMOVABLE = """
import os, sys
def hook(event, args):
    if event in ("os.remove", "os.rmdir") and ".site-new-0123456789abcdef" in os.fsdecode(args[0]):
        raise PermissionError(13, "Permission denied")  # as for a folder its owner made read-only
sys.addaudithook(hook)
from generator.cli import main
sys.exit(main(["build", "--pdf", "skip"]))
"""


NO_WRITING_BESIDE = """
import os, sys
def hook(event, args):
    if event == "open" and str(args[0]).endswith(".site.lock"):
        raise PermissionError(13, "Permission denied")  # as in a folder the user may only read
sys.addaudithook(hook)
from generator.cli import main
sys.exit(main(["build", "--pdf", "skip"]))
"""


def test_a_build_where_it_may_not_write_says_so_and_not_to_remove_a_lock_there_is_not(project: Path) -> None:
    failed = subprocess.run([sys.executable, "-c", NO_WRITING_BESIDE], cwd=project, env=env(), capture_output=True, text=True)
    assert failed.returncode == 1
    assert ".site.lock cannot be made beside site/ (Permission denied): a build writes its lock" in failed.stderr
    assert "remove it" not in failed.stderr


def test_a_leftover_the_next_build_cannot_remove_refuses_it_by_name(project: Path) -> None:
    """It may hold a partners site's restricted pages: it used to stay beside the site without a word."""
    write(project, ".site-new-0123456789abcdef/briefings/restricted-one/index.html", "<p>Restricted</p>")
    failed = subprocess.run([sys.executable, "-c", UNREMOVABLE], cwd=project, env=env(), capture_output=True, text=True)
    assert failed.returncode == 1
    assert ".site-new-0123456789abcdef/ is left from an earlier build and cannot be removed" in failed.stderr
    assert not (project / "site").exists()


# --- the preview ----------------------------------------------------------------------------------


class Preview:
    """A running `serve`, its stderr collected line by line."""

    def __init__(self, process: subprocess.Popen[str], base: str, temp: Path) -> None:
        self.process, self.base, self.temp = process, base, temp
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)

    def wait_for_line(self, *parts: str, after: int = 0, seconds: float = 60) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if any(all(part in line for part in parts) for line in self.lines[after:]):
                return True
            time.sleep(0.2)
        return False

    def fragments(self) -> list[bytes]:
        """The text of every search fragment the preview serves (one removed while they are read is passed over)."""
        found = []
        for fragment in self.temp.glob(f"{ENGINE}_*/pagefind/fragment/*.pf_fragment"):
            with contextlib.suppress(FileNotFoundError):
                found.append(gzip.decompress(fragment.read_bytes()))
        return found


@contextmanager
def preview(root: Path, command: list[str], shows: str = BRIEFING_TEXT, **extra: str) -> Iterator[Preview]:
    port, temp = free_port(), root.parent / "serving-temp"
    temp.mkdir(exist_ok=True)
    process = subprocess.Popen(
        [*command, "--dev-addr", f"127.0.0.1:{port}"], cwd=root, env=env(TMPDIR=str(temp), **extra), stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    running = Preview(process, f"http://127.0.0.1:{port}/briefings/", temp)
    try:
        assert wait_for(running.base + "briefings/year-end-maca/", shows, 90), "".join(running.lines)
        yield running
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_preview_reports_a_detail_on_every_page_it_reaches_until_each_is_fixed(project: Path) -> None:
    about, contact = project / "content/pages/about.md", project / "content/pages/contact.md"
    with preview(project, [sys.executable, "-m", ENGINE, "serve"]) as running:
        original = about.read_text()
        contact.write_text("# Contact\n\n" + LEAK)
        about.write_text(original + "\n" + LEAK)
        assert running.wait_for_line("content/pages/contact.md:3: privacy: phone:"), "".join(running.lines)
        assert running.wait_for_line("content/pages/about.md:", "privacy: phone:")
        mark = len(running.lines)
        about.write_text(original)
        assert running.wait_for_line("content/pages/contact.md:3: privacy: phone:", after=mark), "".join(running.lines[mark:])


def test_a_preview_drops_the_search_entries_of_an_audit_made_restricted(project: Path) -> None:
    source = project / "content/audits/year-end-maca.md"
    with preview(project, [sys.executable, "-m", "generator.cli", "serve"]) as running:  # dirty rebuilds
        deadline = time.monotonic() + 60
        while not any(BRIEFING_TEXT.encode() in text for text in running.fragments()) and time.monotonic() < deadline:
            time.sleep(0.3)
        assert any(BRIEFING_TEXT.encode() in text for text in running.fragments()), "never indexed"
        source.write_text(source.read_text().replace("status: published", "status: restricted"))
        deadline = time.monotonic() + 60
        while fetch(running.base + "briefings/year-end-maca/") is not None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert fetch(running.base + "briefings/year-end-maca/") is None
        for _ in range(30):  # its entries went with the page, and no index run under way brings them back
            assert not any(BRIEFING_TEXT.encode() in text for text in running.fragments())
            time.sleep(0.2)


# --- engines --------------------------------------------------------------------------------------

AS_PROPERDOCS = "import properdocs.replacement, sys; from generator.cli import main; sys.exit(main(sys.argv[1:]))"


def test_the_briefings_command_under_properdocs_shows_the_engines_messages(project: Path) -> None:
    (project / "content/pages/about.md").write_text("# About\n\nSee [the missing page](missing.md).\n")
    result = subprocess.run(
        [sys.executable, "-c", AS_PROPERDOCS, "build", "--pdf", "skip"],
        cwd=project,
        env=env(BRIEFINGS_ENGINE="properdocs"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "WARNING: Doc file 'about.md' contains a link 'missing.md'" in result.stderr


@pytest.mark.parametrize(
    ("command", "engine"),
    [(["properdocs", "serve"], ""), (["properdocs", "serve", "--dirty"], ""), (["generator.cli", "serve"], "properdocs")],
)
def test_properdocs_serve_reloads_the_page_after_a_save(project: Path, command: list[str], engine: str) -> None:
    source = project / "content/audits/year-end-maca.md"
    with preview(project, [sys.executable, "-m", *command], BRIEFINGS_ENGINE=engine) as running:
        source.write_text(source.read_text().replace("Background of", "Freshly edited background of"))
        assert wait_for(running.base + "briefings/year-end-maca/", "Freshly edited background of", 60), "".join(running.lines)


# --- only files inside the repository -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("content/pages/passwd.md", lambda p: p.symlink_to("/etc/passwd"), "is a link to /etc/passwd, outside the repository"),
        ("content/audits/zero.md", lambda p: p.symlink_to("/dev/zero"), "is a link to /dev/zero, outside the repository"),
        ("content/pages/elsewhere", lambda p: p.symlink_to("/etc"), "is a link to /etc, outside the repository"),
        ("content/audits/pipe.md", lambda p: os.mkfifo(p), "is not a plain file (a device, pipe or socket, or a broken link)"),
        ("content/pages/broken.md", lambda p: p.symlink_to(p.parent / "gone.md"), "is not a plain file"),
    ],
)
def test_links_out_of_the_repository_and_special_files_are_refused_before_anything_is_read(
    project: Path, name: str, make, message: str
) -> None:
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    before = tree_digest(project / "site")
    make(project / name)
    for result in (briefings(project, "check"), briefings(project, "build", "--pdf", "skip"), engine_build(project)):
        assert result.returncode == 1
        assert f"{name}:1: {message}" in result.stdout + result.stderr
    assert tree_digest(project / "site") == before


@pytest.mark.parametrize(
    ("name", "target", "shown"),
    [
        ("content/pages/notes.md", "../audits/year-end-maca.md", "content/audits/year-end-maca.md"),
        ("content/pages/raw", "../audits", "content/audits"),
        ("content/pages/all", "..", "content"),
    ],
)
def test_a_link_from_the_pages_into_the_audits_is_refused_as_it_would_publish_them_whatever_their_status(
    project: Path, name: str, target: str, shown: str
) -> None:
    (project / name).symlink_to(target)
    for result in (briefings(project, "check"), briefings(project, "build", "--pdf", "skip"), engine_build(project)):
        assert result.returncode == 1
        assert f"{name}:1: is a link to {shown}, among or around the audits and briefings" in result.stdout + result.stderr
    assert not (project / "site").exists()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("overrides/assets/env.txt", lambda p: p.symlink_to("/proc/self/environ"), "is a link to /proc/"),
        (
            "overrides/assets/ignore.txt",
            lambda p: p.symlink_to("../../.gitignore"),
            "is a link to .gitignore, outside overrides/",
        ),
        ("overrides/audits", lambda p: p.symlink_to("../content/audits"), "is a link to content/audits, outside overrides/"),
        ("overrides/pipe.css", lambda p: os.mkfifo(p), "is not a plain file (a device, pipe or socket, or a broken link)"),
    ],
)
def test_a_link_out_of_the_theme_folder_is_refused_as_it_would_publish_what_it_leads_to(
    project: Path, name: str, make, message: str
) -> None:
    (project / ".gitignore").write_text("site/\n")
    make(project / name)
    for result in (briefings(project, "check"), briefings(project, "build", "--pdf", "skip"), engine_build(project)):
        assert result.returncode == 1
        assert f"{name}:1: {message}" in result.stdout + result.stderr
    assert not (project / "site").exists()


def test_a_page_saved_while_the_site_is_built_is_never_published_unchecked(big_project: Path) -> None:
    """The engine reads the hand-written pages again after the check has: a save between the two fails the build."""
    about = big_project / "content/pages/about.md"
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "build", "--pdf", "skip"], cwd=big_project, env=env(PYTHONUNBUFFERED="1"),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    said = []
    for line in process.stdout:
        said.append(line)
        if line.startswith("All content is valid"):
            about.write_text(about.read_text() + "\nTyler Whitfield, aged 7, told his teacher about the bruises.\n")
            break
    said.append(process.communicate(timeout=300)[0])
    assert process.returncode == 1, "".join(said)
    assert "content/pages/about.md:1: was saved while the site was built, after the checks read it" in "".join(said)
    assert not (big_project / "site").exists()


ENTITY_DRAWING = """<?xml version="1.0"?>
<!DOCTYPE svg [
<!ENTITY a "Duty line 07700 9">
<!ENTITY b "00123">
]>
<svg xmlns="http://www.w3.org/2000/svg" width="200" height="20"><text y="15">&a;&b;</text></svg>
"""


@pytest.mark.parametrize(
    ("place", "reported"), [("content/pages/card.svg", "content/pages"), ("overrides/assets/card.svg", "site/assets")]
)
def test_a_drawing_that_declares_entities_is_refused_as_the_browser_shows_their_text(
    project: Path, place: str, reported: str
) -> None:
    (project / place).write_text(ENTITY_DRAWING)
    result = briefings(project, "build", "--pdf", "skip")
    assert result.returncode == 1
    assert f"{reported}/card.svg:3: " in result.stdout + result.stderr
    assert "an entity declared in the file, <!ENTITY …>" in result.stdout + result.stderr
    assert not (project / "site").exists()


def test_a_chain_of_links_from_the_pages_into_the_audits_is_refused(project: Path) -> None:
    """Each link alone leads outside the audits (to `stuff/`, then from it): followed through, they lead in."""
    (project / "stuff").mkdir()
    (project / "stuff/aud").symlink_to("../content/audits")
    (project / "content/pages/stuff").symlink_to("../../stuff")
    for result in (briefings(project, "check"), briefings(project, "build", "--pdf", "skip"), engine_build(project)):
        assert result.returncode == 1
        assert "content/pages/stuff/aud:1: leads, through links, among the audits or briefings" in result.stdout + result.stderr
    assert not (project / "site").exists()


def test_a_theme_folder_outside_the_repository_or_pages_from_another_folder_are_refused(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    original = config.read_text()
    config.write_text(original.replace("docs_dir: content/pages", "docs_dir: content/audits"))
    for result in (briefings(project, "check"), briefings(project, "build", "--pdf", "skip")):
        assert result.returncode == 1
        assert "mkdocs.yml:4: docs_dir must be content/pages, the folder the checks read (it is content/audits)" in result.stdout
    config.write_text(original)
    shutil.move(project / "overrides", tmp_path / "elsewhere")
    (project / "overrides").symlink_to(tmp_path / "elsewhere")
    result = briefings(project, "build", "--pdf", "skip")
    assert result.returncode == 1
    assert f"overrides:1: is a link to {tmp_path / 'elsewhere'}, outside the repository" in result.stdout
    assert not (project / "site").exists()


def test_a_theme_folder_named_outside_the_repository_is_refused_at_its_setting(project: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("custom_dir: overrides", f"custom_dir: {tmp_path / 'elsewhere'}"))
    line = config.read_text().splitlines().index(f"  custom_dir: {tmp_path / 'elsewhere'}") + 1
    for result in (briefings(project, "check"), briefings(project, "build", "--pdf", "skip")):
        assert result.returncode == 1
        assert f"mkdocs.yml:{line}: theme.custom_dir must be a folder in the repository" in result.stdout, result.stderr
        assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


LIBRARY = """/*! Carousel v2.1.0 | MIT License | @babel/runtime */
/**
 * @param {HTMLElement} el the element
 * @returns {number} 33.33333333 per cent
 */
export const theme = { accent: "#df41fb", border: '#d0d7de', query: "@media (min-width: 76.1875em)" };
export const icon = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA";
export const width = `calc(100% - ${0.6666666667}em)`;
"""


def test_details_in_the_themes_scripts_and_stylesheets_are_refused_at_their_line(project: Path) -> None:
    """Published as they are, comments and all, and read by no check of the built site: a phone number in a script's
    comment reached every reader. A stylesheet's at-rules (`@media`, `@page`) are no handles, on a page's too."""
    planted = {
        "overrides/assets/javascripts/exit-this-page.js": "// Family contact: 07700 900123",
        "overrides/assets/stylesheets/briefings.css": "/* Mum's mobile 07700 900124 */\n@media print { a { color: red } }",
        "overrides/assets/javascripts/extra.mjs": "export const contact = 'NHS 943 476 5919';",
        "overrides/assets/javascripts/extra.mjs.map": '{"sourcesContent": ["// DOB 03/04/2011"]}',
        "overrides/assets/javascripts/app.min.js": 'var note="Ring 07700 900125";' + "var x=1;" * 3000,  # minified
        "overrides/assets/javascripts/escaped.js": 'p.textContent = "Call \\u0030\\u0037\\u0037\\u0030\\u0030 900126";',
    }
    lines = {}
    for path, added in planted.items():
        file = project / path
        before = file.read_text() if file.exists() else ""
        file.write_text(before + ("\n" if before and not before.endswith("\n") else "") + added + "\n")
        lines[path] = before.count("\n") + (1 if before and not before.endswith("\n") else 0) + 1
    write(project, "content/pages/extra.css", "@page { margin: 2cm }\n@media print { .banner { display: none } }\n")
    (project / "overrides/assets/javascripts/latin.js").write_bytes(b"/* caf\xe9: ring 07700 900127 */\n")
    write(project, "overrides/assets/javascripts/library.js", LIBRARY)
    for result in (briefings(project, "check"), briefings(project, "build", "--pdf", "skip"), engine_build(project)):
        said = result.stdout + result.stderr
        assert result.returncode == 1
        for path, line in lines.items():
            assert f"{path}:{line}: privacy: " in said, said
        assert "overrides/assets/javascripts/latin.js:1: the privacy checks cannot read this file" in said
        assert "social-media" not in said and "library.js" not in said, said
    assert not (project / "site").exists()


def test_settings_the_theme_writes_into_its_scripts_are_read_in_the_built_site(project: Path) -> None:
    """Material writes `extra` settings into every page's scripts (its `__config`, its scope): published unread."""
    config = project / "mkdocs.yml"
    written = '  annotate:\n    json: [".call 07700 900123"]\n  version:\n    provider: mike\n    default: "QQ123456C"\n'
    config.write_text(config.read_text().replace("\nextra:\n", "\nextra:\n" + written, 1))
    lines = config.read_text().splitlines()
    phone, reference = (lines.index(f"    {setting}") + 1 for setting in ('json: [".call 07700 900123"]', 'default: "QQ123456C"'))
    for result in (briefings(project, "build", "--pdf", "skip"), engine_build(project)):
        said = result.stdout + result.stderr
        assert result.returncode == 1, said
        assert f"mkdocs.yml:{phone}: privacy: phone: " in said and f"mkdocs.yml:{reference}: privacy: ni-number: " in said, said
    assert not (project / "site").exists()


def test_an_address_in_the_settings_is_no_name_and_is_refused_as_an_address(project: Path) -> None:
    """`site_description: … jane.doe@example.org` was refused as the name `ja••.•oe`, with advice to use a pseudonym."""
    config = project / "mkdocs.yml"
    config.write_text(
        re.sub(r"(?m)^site_description: .*$", "site_description: Write to jane.doe@example.org", config.read_text())
    )
    line = config.read_text().splitlines().index("site_description: Write to jane.doe@example.org") + 1
    assert "privacy: name" not in briefings(project, "check").stdout
    for result in (briefings(project, "build", "--pdf", "skip"), engine_build(project)):
        said = result.stdout + result.stderr
        assert result.returncode == 1 and f"mkdocs.yml:{line}: privacy: email: " in said and "privacy: name" not in said, said


def test_a_detail_a_template_puts_together_is_reported_at_the_built_page_saying_so(project: Path) -> None:
    """It was reported at a line of `site/about/index.html`, a file the failed build had not kept, and nothing said
    why no file of the project was named."""
    template = project / "overrides/partials/copyright.html"
    template.write_text(template.read_text() + '\n<span>Ring {{ "0770" ~ "0 900" ~ "123" }}</span>\n')
    result = briefings(project, "build", "--pdf", "skip")
    reported = [line for line in result.stdout.splitlines() if "privacy: phone: 07••• ••••23 reached the built site" in line]
    assert result.returncode == 1 and len(reported) == 1, result.stdout
    assert reported[0].startswith("site/") and "written so in no file it is built from: a template or a setting" in reported[0]


def test_a_name_in_the_themes_templates_is_refused_unless_it_is_allowed(project: Path) -> None:
    """The built site's scan reads no names: the theme's templates are read for them, as the settings file is."""
    template = project / "overrides/partials/copyright.html"
    template.write_text(template.read_text() + "\n<p>With thanks to Tyler Whitfield and his family.</p>\n")
    line = template.read_text().splitlines().index("<p>With thanks to Tyler Whitfield and his family.</p>") + 1
    for result in (briefings(project, "check"), briefings(project, "build", "--pdf", "skip"), engine_build(project)):
        assert result.returncode == 1
        assert f"overrides/partials/copyright.html:{line}: privacy: name: Ty••• •••••••ld" in result.stdout + result.stderr
    assert not (project / "site").exists()
    allowed = project / "content/allowed_names.yml"
    listed = allowed.read_text()
    allowed.write_text(listed + "- name: Tyler Whitfield\n  reason: the partnership's chair, by his leave\n")
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    assert "Tyler Whitfield" in (project / "site/index.html").read_text()
    allowed.write_text(listed)
    template.write_text(
        template.read_text().replace(
            "family.</p>", 'family.</p> {# privacy: allow "Tyler Whitfield" reason: the chair, by his leave #}'
        )
    )
    result = briefings(project, "check")
    assert result.returncode == 0, result.stdout
    assert f'copyright.html:{line}: allows "Tyler Whitfield" because: the chair, by his leave\n' in result.stdout


def test_a_name_over_two_lines_of_a_template_is_read_and_the_themes_own_labels_pass(project: Path) -> None:
    """A browser joins a template's lines as it joins a paragraph's; a translation file copied from Material (the
    usual way to reword the theme) holds labels in code ("Edit this page"), not names."""
    material = Path(material_theme.__file__).parent / "templates/partials/languages/en.html"
    (project / "overrides/partials/languages/en.html").write_text(material.read_text())
    assert briefings(project, "check").returncode == 0
    template = project / "overrides/partials/copyright.html"
    template.write_text(template.read_text() + "\n<p>Thanks to Tyler\n<b>Whitfield</b>.</p>\n")
    result = briefings(project, "check")
    assert result.returncode == 1 and "overrides/partials/copyright.html:" in result.stdout
    assert "privacy: name: Ty••• •••••••ld" in result.stdout


def test_a_link_that_stays_in_the_repository_is_read(project: Path) -> None:
    (project / "content/pages/about-again.md").symlink_to(project / "content/pages/about.md")
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    assert (project / "site/about-again/index.html").is_file()


# --- hostile input ends with a message ----------------------------------------------------------

LAUGHS = "\n".join(
    ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
        for i in range(8)
    ]
    + ["title: Laughs", "---", "", "## Background", "", "Text."]
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (LAUGHS, "content/audits/hostile.md:3: front matter uses more than 10 YAML aliases (*name); write the values out"),
        (
            '---\ntitle: !!python/object/apply:os.system ["true"]\n---\n',
            "content/audits/hostile.md:2: front matter uses the YAML tag",
        ),
        (
            "---\ntitle: Deep\nthemes: " + "[" * 2000 + "]" * 2000 + "\n---\n",
            "content/audits/hostile.md:3: front matter is nested more than 20 levels deep",
        ),
        ("---\ntitle: T\nstatus: [published]\n---\n", "content/audits/hostile.md:3: status: '['published']' is not allowed"),
    ],
)
def test_hostile_front_matter_ends_at_once_with_a_message_and_no_traceback(project: Path, text: str, message: str) -> None:
    (project / "content/audits/hostile.md").write_text(text)
    for args in (("check",), ("check", "--drafts"), ("build", "--pdf", "skip")):
        started = time.monotonic()
        result = briefings(project, *args)
        assert time.monotonic() - started < 10
        assert result.returncode == 1
        assert message in result.stdout, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_an_empty_taxonomy_is_an_error(project: Path) -> None:
    (project / "content/taxonomy.yml").write_text("")
    result = briefings(project, "check")
    assert result.returncode == 1
    assert "content/taxonomy.yml:1: is empty; it must hold audit_types, agencies and themes" in result.stdout


def test_markup_in_the_taxonomy_is_refused_at_its_line_and_never_reaches_a_page(project: Path) -> None:
    taxonomy = project / "content/taxonomy.yml"
    lines = taxonomy.read_text().splitlines()
    number = next(n for n, line in enumerate(lines) if line.strip().startswith("label:"))
    lines[number] = lines[number].split("label:")[0] + 'label: "Neglect </title><script>alert(1)</script>"'
    taxonomy.write_text("\n".join(lines) + "\n")
    for result in (briefings(project, "check"), briefings(project, "build", "--pdf", "skip"), engine_build(project)):
        assert result.returncode == 1
        assert (
            f"content/taxonomy.yml:{number + 1}: must be plain text, without HTML tags or entities"
            in result.stdout + result.stderr
        )
    assert not (project / "site").exists()


def test_a_file_named_index_is_refused_by_check(project: Path) -> None:
    (project / "content/briefings/index.md").write_text((FIXTURES / "content/briefings/standalone-review.md").read_text())
    result = briefings(project, "check")
    assert result.returncode == 1
    assert "content/briefings/index.md:1: file name 'index.md' is reserved" in result.stdout


@pytest.mark.browser
def test_a_site_with_nothing_published_yet_builds_and_its_search_says_so(project: Path, browser) -> None:
    for source in (project / "content").glob("*/*.md"):
        if "status: published" in source.read_text() or "status: restricted" in source.read_text():
            text = source.read_text().replace("status: published", "status: draft").replace("status: restricted", "status: draft")
            source.write_text(text)
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    assert not (project / "site/pagefind").exists()
    assert briefings(project, "linkcheck").returncode == 0
    with served(project / "site") as base:
        page = browser.new_page()
        page.goto(base)
        message = page.locator("#site-search .site-search__empty")
        assert message.inner_text() == "Nothing has been published yet, so there is nothing to search."
        page.close()


@pytest.mark.parametrize(
    "url", ["/\\evil.example/a.png", "\\\\evil.example\\b.png", "https:\\\\evil.example\\d.png", "//evil.example/c.png"]
)
def test_an_image_from_another_host_is_refused_however_its_address_is_written(project: Path, url: str) -> None:
    (project / "content/pages/about.md").write_text(f'# About\n\n<img src="{url}" alt="Our logo">\n')
    for result in (briefings(project, "build", "--pdf", "skip"), engine_build(project)):
        assert result.returncode == 1
        assert (
            f"content/pages/about.md:3: loads {url} from a third-party host; serve it from the site itself (site/about/index.html:"
            in (result.stdout + result.stderr)
        )
    assert not (project / "site").exists()


def test_a_hand_written_page_is_sanitised_as_briefing_bodies_are(project: Path) -> None:
    (project / "content/pages/about.md").write_text(
        "# About\n\n## Who we are\n\n<script>document.title = 'owned'</script>\n\n"
        '<img src="../assets/x.png" onerror="alert(1)" alt="x"> <a href="javascript:alert(2)">click</a>\n\n'
        "!!! note\n    Kept.\n\n"
        'Duty line 0161 496<span class="print-url">x</span>0999 and <bdo dir="rtl">n</bdo> <i lang="x" class="md-toggle">y</i>.\n'
    )
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    html = (project / "site/about/index.html").read_text()
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    assert "<script" not in article and "onerror" not in article and "javascript:" not in article
    assert 'id="who-we-are"' in article and 'class="admonition note"' in article and 'href="#who-we-are"' in article
    # the theme's classes hide what they mark: a piece of a number would be hidden from the reader, not the checks
    assert "print-url" not in article and "md-toggle" not in article and "<bdo" not in article and "lang=" not in article
    assert "0161 496<span>x</span>0999" in article


def test_a_huge_file_or_line_is_refused_with_its_limit(project: Path) -> None:
    audit = project / "content/audits/year-end-maca.md"
    original = audit.read_text()
    audit.write_text(original + "\n" + ("word " * 300 + "\n\n") * 800)
    result = briefings(project, "check")
    assert result.returncode == 1 and "content/audits/year-end-maca.md:1: file is larger than 1,000,000 bytes" in result.stdout
    lines = original.splitlines()
    audit.write_text("\n".join([*lines[:20], "x" * 20_001, *lines[20:]]) + "\n")
    result = briefings(project, "check")
    assert result.returncode == 1 and "content/audits/year-end-maca.md:21: line is longer than 20,000 characters" in result.stdout


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("site_name: Northbrook", "site_name: <b>Northbrook</b>", "mkdocs.yml:1: site_name must be plain text"),
        (
            "exit_url: https://www.bbc.co.uk/weather",
            "exit_url: javascript:alert(1)",
            "mkdocs.yml:61: extra.briefings.exit_url must be a web address starting https://",
        ),
        (
            "organisation: the Northbrook",
            "organisation: </title><script>alert(1)</script> the Northbrook",
            "mkdocs.yml:68: extra.briefings.accessibility.organisation must be plain text",
        ),
        (
            "partnership: the Northbrook",
            "partnership: the &lt;Northbrook",
            "mkdocs.yml:46: plugins.briefings.partnership must be plain text",
        ),
    ],
)
def test_markup_or_a_script_address_in_a_setting_is_refused_naming_the_setting(
    project: Path, old: str, new: str, message: str
) -> None:
    config = project / "mkdocs.yml"
    assert old in config.read_text()
    config.write_text(config.read_text().replace(old, new, 1))
    for result in (briefings(project, "check"), briefings(project, "build", "--pdf", "skip"), engine_build(project)):
        assert result.returncode == 1
        assert message in result.stdout + result.stderr
    assert not (project / "site").exists()


def test_ctrl_c_during_a_plain_engine_build_leaves_the_site_folder_unchanged(big_project: Path) -> None:
    assert engine_build(big_project).returncode == 0
    before = tree_digest(big_project / "site")
    leak_in_template(big_project)  # and a leak it never got to check
    at_a_terminal = functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL)  # a background job ignores Ctrl-C
    command = [sys.executable, "-m", ENGINE, "build"]
    build = subprocess.Popen(command, cwd=big_project, env=env(), stderr=subprocess.DEVNULL, preexec_fn=at_a_terminal)
    deadline = time.monotonic() + 60
    while not list(big_project.glob(".site-new-*/briefings/*/index.html")) and time.monotonic() < deadline:
        time.sleep(0.05)
    build.send_signal(signal.SIGINT)
    build.wait(timeout=60)
    assert tree_digest(big_project / "site") == before
    assert leftovers(big_project) == []


def test_ctrl_c_during_briefings_build_says_so_without_a_traceback(big_project: Path) -> None:
    """A Python traceback ending in KeyboardInterrupt was printed, some 60 lines."""
    assert briefings(big_project, "build", "--pdf", "skip").returncode == 0
    before = tree_digest(big_project / "site")
    command = [sys.executable, "-m", "generator.cli", "build", "--pdf", "skip"]
    at_a_terminal = functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL)  # a background job ignores Ctrl-C
    build = subprocess.Popen(command, cwd=big_project, env=env(), stderr=subprocess.PIPE, text=True, preexec_fn=at_a_terminal)
    deadline = time.monotonic() + 60
    while not list(big_project.glob(".site-new-*/briefings/*/index.html")) and time.monotonic() < deadline:
        time.sleep(0.05)
    build.send_signal(signal.SIGINT)
    _, said = build.communicate(timeout=60)
    assert build.returncode == 130 and "Traceback" not in said and "briefings build: stopped (interrupted)" in said, said
    assert tree_digest(big_project / "site") == before
    assert leftovers(big_project) == []


def test_a_linked_output_folder_is_refused_not_replaced(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "www"
    elsewhere.mkdir()
    (project / "site").symlink_to(elsewhere)
    result = briefings(project, "build", "--pdf", "skip")
    assert result.returncode == 1
    assert f"site/ is a link to {elsewhere}: the build replaces its folder whole, so build into a real folder" in result.stderr
    assert (project / "site").is_symlink() and list(elsewhere.iterdir()) == []


def test_a_preview_removes_a_deleted_page_even_one_that_failed_its_checks(project: Path) -> None:
    extra, contact = project / "content/pages/extra.md", project / "content/pages/contact.md"
    source = project / "content/audits/year-end-maca.md"
    with preview(project, [sys.executable, "-m", "generator.cli", "serve"]) as running:
        extra.write_text("# Extra\n\nAn extra page.\n")
        assert wait_for(running.base + "extra/", "An extra page.", 60)
        extra.unlink()
        deadline = time.monotonic() + 60
        while fetch(running.base + "extra/") is not None and time.monotonic() < deadline:
            time.sleep(0.3)
        assert fetch(running.base + "extra/") is None
        contact.write_text("# Contact\n\n" + LEAK)
        assert running.wait_for_line("content/pages/contact.md:3: privacy: phone:")
        contact.unlink()
        source.write_text(source.read_text().replace("Background of", "Freshly edited background of"))
        assert wait_for(running.base + "briefings/year-end-maca/", "Freshly edited background of", 60), "".join(running.lines)


PROBLEM_PAGE = "The preview cannot show your latest save"


@pytest.mark.parametrize("command", [[sys.executable, "-m", "generator.cli", "serve"], [sys.executable, "-m", ENGINE, "serve"]])
def test_a_preview_screens_its_settings_again_before_the_engine_reloads_them(
    project: Path, command: list[str], tmp_path: Path
) -> None:
    marker, settings = tmp_path / "ran", project / "mkdocs.yml"
    with preview(project, command) as running:
        text = settings.read_text()
        settings.write_text(text + f'extra_x: !!python/object/apply:os.system ["touch {marker}"]\n')
        assert wait_for(running.base + "about/", PROBLEM_PAGE, 90), "".join(running.lines)
        assert "the settings file uses the YAML tag" in (fetch(running.base + "about/") or "")
        assert not marker.exists()
        settings.write_text(text)
        assert wait_for(running.base + "briefings/year-end-maca/", BRIEFING_TEXT, 90), "".join(running.lines)
    assert not marker.exists()


@pytest.mark.parametrize("command", [[sys.executable, "-m", "generator.cli", "serve"], [sys.executable, "-m", ENGINE, "serve"]])
def test_a_preview_whose_settings_lose_the_plugin_shows_nothing_unchecked(project: Path, command: list[str]) -> None:
    """Taken out of mkdocs.yml while a preview runs, the plugin is never called again: the engine would serve
    whatever it wrote, unchecked (a restricted audit, a detail in a page)."""
    settings, about = project / "mkdocs.yml", project / "content/pages/about.md"
    with preview(project, command) as running:
        text = settings.read_text()
        settings.write_text(text.replace("\nplugins:\n", "\nplugins: []\nunplugged:\n").replace("strict: true", "strict: false"))
        about.write_text(about.read_text() + "\n" + LEAK)
        assert wait_for(running.base + "about/", PROBLEM_PAGE, 90), "".join(running.lines)
        for path in ("about/", "feed.xml", "briefings/year-end-maca/"):
            shown = fetch(running.base + path) or ""
            assert "07700 900461" not in shown
        assert "plugins: briefings is missing" in (fetch(running.base + "about/") or "")
        settings.write_text(text)
        about.write_text(about.read_text().replace(LEAK, ""))
        assert wait_for(running.base + "briefings/year-end-maca/", BRIEFING_TEXT, 90), "".join(running.lines)


@pytest.mark.parametrize("command", [[sys.executable, "-m", "generator.cli", "serve"], [sys.executable, "-m", ENGINE, "serve"]])
def test_a_request_made_while_a_rebuild_runs_never_gets_what_the_rebuild_then_fails_on(project: Path, command: list[str]) -> None:
    """The engine's server holds a request made during a rebuild until the rebuild is over, then sends the file as the
    rebuild left it: one whose checks failed must not be sent."""
    with preview(project, command) as running:
        answers: list[str] = []
        done = threading.Event()

        def ask() -> None:
            while not done.is_set():
                answers.append(fetch(running.base + "about/") or "")

        askers = [threading.Thread(target=ask) for _ in range(3)]
        for asker in askers:
            asker.start()
        try:
            leak_in_template(project)
            assert wait_for(running.base + "about/", PROBLEM_PAGE, 90), "".join(running.lines)
            time.sleep(1)
        finally:
            done.set()
            for asker in askers:
                asker.join()
    assert not [answer for answer in answers if "07700 900461" in answer]
    assert any(PROBLEM_PAGE in answer for answer in answers)


@pytest.mark.parametrize("command", [[sys.executable, "-m", "generator.cli", "serve"], [sys.executable, "-m", ENGINE, "serve"]])
def test_a_preview_whose_first_build_fails_the_site_checks_starts_and_shows_why(project: Path, command: list[str]) -> None:
    """The first build's site checks fail (a detail in a template): the preview starts all the same, every page and
    file answered with the problems, until the template is saved fixed."""
    template = project / "overrides/partials/copyright.html"
    original = template.read_text()
    leak_in_template(project)
    with preview(project, command, shows=PROBLEM_PAGE) as running:
        assert "07700 900461" not in (fetch(running.base + "briefings/year-end-maca/") or "")
        assert "07700 900461" not in (fetch(running.base + "feed.xml") or "")
        root = running.base.removesuffix("briefings/")
        for path in ("livereload/x", "livereload/1/x", "livereload/../feed.xml", "livereload/../404.html"):
            assert "07700 900461" not in (fetch(root + path) or ""), path  # the engine's own paths answer files too
        template.write_text(original.replace("md-copyright", "md-copyright fixed"))  # saving the theme rebuilds
        assert wait_for(running.base + "briefings/year-end-maca/", "md-copyright fixed", 90), "".join(running.lines)


def break_template(project: Path) -> str:
    """A Jinja syntax error on line 4 of a theme template, as a careless edit leaves one; the template's name."""
    template = project / "overrides/partials/copyright.html"
    template.write_text(template.read_text().replace('<div class="md-copyright">', '<div class="md-copyright">\n{% if %}'))
    return "overrides/partials/copyright.html:4: this template stopped the build"


def test_a_template_error_is_reported_at_the_templates_line_and_leaves_the_site_unchanged(project: Path) -> None:
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    before = tree_digest(project / "site")
    where = break_template(project)
    result = briefings(project, "build", "--pdf", "skip", GITHUB_ACTIONS="true")
    assert result.returncode == 1
    assert where in result.stderr
    assert "::error file=overrides/partials/copyright.html,line=4::this template stopped the build" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(project / "site") == before


def test_plain_engine_build_reports_a_template_error_at_the_templates_line_too(project: Path) -> None:
    """Plain `mkdocs build` and `properdocs build` printed only the engine's traceback, with no line of the project's;
    then the line, and the traceback after it."""
    assert engine_build(project).returncode == 0
    before = tree_digest(project / "site")
    break_template(project)
    result = engine_build(project, GITHUB_ACTIONS="true")
    assert result.returncode == 1
    assert "::error file=overrides/partials/copyright.html,line=4::this template stopped the build" in result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert tree_digest(project / "site") == before
    main = project / "overrides/main.html"
    main.write_text(main.read_text().replace("{{ super() }}</div>", "{{ super() }}{{ page.meta.nope.deeper }}</div>", 1))
    shutil.copy(REPO / "overrides/partials/copyright.html", project / "overrides/partials/copyright.html")
    result = engine_build(project)
    assert result.returncode == 1 and "overrides/main.html:" in result.stderr and "UndefinedError" in result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert tree_digest(project / "site") == before


def test_an_error_in_materials_own_templates_is_not_pinned_on_a_line_of_the_project(project: Path) -> None:
    """`extra: {social: 5}` breaks Material's own partial: the project's template that includes it is not to blame."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("\nextra:\n", "\nextra:\n  social: 5\n", 1))
    main = project / "overrides/main.html"  # Jinja names the last top-level line run on the way to base.html
    main.write_text(
        main.read_text().replace('{% extends "base.html" %}', '{#- ours -#}{%+ extends "base.html" %}\n{% set x = 1 %}')
    )
    result = briefings(project, "build", "--pdf", "skip")
    assert result.returncode == 1
    assert "stopped the build" not in result.stderr, result.stderr  # overrides/main.html only extends base.html
    assert "build failed: 'int' object is not iterable" in result.stderr


def test_an_extends_line_naming_no_template_is_blamed_itself(project: Path) -> None:
    main = project / "overrides/main.html"
    main.write_text(main.read_text().replace('{% extends "base.html" %}', '{% extends "base.htm" %}', 1))
    result = briefings(project, "build", "--pdf", "skip")
    assert result.returncode == 1
    assert "overrides/main.html:1: this template stopped the build: 'base.htm' not found" in result.stderr, result.stderr


def test_a_preview_whose_first_build_stops_in_the_themes_own_template_says_why_without_a_traceback(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("\nextra:\n", "\nextra:\n  social: 5\n", 1))
    command = [sys.executable, "-m", "generator.cli", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"]
    result = subprocess.run(command, cwd=project, env=env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "serve stopped: the preview's first build failed: 'int' object is not iterable" in result.stderr


def test_a_top_level_set_that_breaks_the_template_it_extends_is_named_too(project: Path) -> None:
    """A `set` before the blocks of a template that extends another is read by every template below: the header broke
    on it, and only the header, untouched, was named."""
    page = project / "overrides/404.html"
    page.write_text(page.read_text().replace("{% block content %}", "{% set nav = nav.homepage %}\n{% block content %}", 1))
    line = page.read_text().split("\n").index("{% set nav = nav.homepage %}") + 1
    result = briefings(project, "build", "--pdf", "skip")
    assert result.returncode == 1
    assert f"or else overrides/404.html:{line}, which ran just before it" in result.stderr, result.stderr
    page.write_text(page.read_text().replace("{% set nav = nav.homepage %}\n", ""))
    main = project / "overrides/main.html"  # an error of its own: 404.html's top-level set is no lead
    main.write_text(main.read_text().replace("{{ 'assets/stylesheets/briefings.css' | url }}", "{{ config.extra.x.y | url }}"))
    result = briefings(project, "build", "--pdf", "skip")
    assert "overrides/main.html:7: this template stopped the build" in result.stderr, result.stderr
    assert "which ran just before it" not in result.stderr


def test_a_theme_template_the_project_misuses_is_reported_at_the_projects_line(project: Path) -> None:
    """A Material macro called without its parameter stops in Material's template: the build named no line at all."""
    main = project / "overrides/main.html"
    lines = main.read_text().splitlines(keepends=True)
    lines.insert(35, '{% import "partials/tabs-item.html" as tabs %}{{ tabs.render() }}\n')  # in the hero block
    main.write_text("".join(lines))
    result = briefings(project, "build", "--pdf", "skip")
    assert result.returncode == 1
    assert (
        "overrides/main.html:36: the theme's template partials/tabs-item.html, used here, stopped the build: parameter "
        "'nav_item' was not provided (UndefinedError)"
    ) in result.stderr, result.stderr


def test_a_preview_whose_first_build_stops_in_a_template_says_where_and_ends(project: Path) -> None:
    where = break_template(project)
    command = [sys.executable, "-m", "generator.cli", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"]
    result = subprocess.run(command, cwd=project, env=env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert where in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [[sys.executable, "-m", "generator.cli", "serve"], [sys.executable, "-m", ENGINE, "serve"]])
def test_a_preview_rebuild_that_stops_in_a_template_shows_the_templates_line(project: Path, command: list[str]) -> None:
    with preview(project, command) as running:
        where = break_template(project)
        assert wait_for(running.base + "briefings/year-end-maca/", PROBLEM_PAGE, 90), "".join(running.lines)
        shown = fetch(running.base + "briefings/year-end-maca/") or ""
        assert "<code>overrides/partials/copyright.html:4:</code> this template stopped the build" in shown
        assert running.wait_for_line(where), "".join(running.lines)
        assert not any("Traceback" in line for line in running.lines)


def test_a_preview_refuses_a_theme_folder_inside_the_search_index_folder_and_serves_nothing_of_it(project: Path) -> None:
    """The checks pass over the search index's folders: a preview, like a build, refuses a theme folder there."""
    (project / "overrides/pagefind-2").mkdir()
    (project / "overrides/pagefind-2/card.txt").write_text("TEL:07700 900123\n")
    with preview(project, [sys.executable, "-m", "generator.cli", "serve"], shows=PROBLEM_PAGE) as running:
        assert "overrides/pagefind-2:1:" in (fetch(running.base + "briefings/") or "")
        assert "07700 900123" not in (fetch(running.base + "pagefind-2/card.txt") or "")


def test_after_a_failed_rebuild_the_preview_serves_no_file_of_an_audit_made_restricted_in_it(project: Path) -> None:
    """One save makes an audit restricted and breaks another: the rebuild fails, and no file of the site (its text
    version, the feed, the search index) is served as it was until a rebuild succeeds."""
    restricted, other = project / "content/audits/year-end-maca.md", project / "content/audits/autumn-maca.md"
    with preview(project, [sys.executable, "-m", "generator.cli", "serve"]) as running:
        text_version = running.base + "briefings/year-end-maca.txt"
        assert "Audit on the last day of March" in (fetch(text_version) or "")
        restricted.write_text(restricted.read_text().replace("status: published", "status: restricted"))
        other.write_text(other.read_text().replace("cases: ", "cases: [", 1))
        assert wait_for(running.base + "briefings/", PROBLEM_PAGE, 60), "".join(running.lines)
        for path in ("briefings/year-end-maca.txt", "feed.xml", "archive.csv", "archive.json"):
            assert "Audit on the last day of March" not in (fetch(running.base + path) or ""), path
        assert all(b"last day of March" not in fragment for fragment in served_fragments(running))
        other.write_text(other.read_text().replace("cases: [", "cases: ", 1))
        assert wait_for(running.base + "feed.xml", "<feed", 60), "".join(running.lines)
        assert "Audit on the last day of March" not in (fetch(running.base + "feed.xml") or "")


def served_fragments(running: Preview) -> list[bytes]:
    """The search fragments the preview answers for, by their names on disk, as it answers them (unzipped)."""
    answers = []
    for fragment in running.temp.glob(f"{ENGINE}_*/pagefind/fragment/*.pf_fragment"):
        with urllib.request.urlopen(running.base + "pagefind/fragment/" + fragment.name, timeout=5) as response:
            body = response.read()
        answers.append(gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body)
    assert answers, "no search fragment on disk"
    return answers


def _children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def test_a_preview_reports_a_detail_in_a_data_file_at_every_save_even_after_its_checking_worker_dies(project: Path) -> None:
    """A preview checks the site's files other than pages (data, feeds, documents) in a worker beside it: a detail
    in one is reported as a page's would be, and if the worker dies, the next rebuild starts another."""
    extra, source = project / "overrides/extra.json", project / "content/audits/year-end-maca.md"
    original = source.read_text()

    def save(note: str, marker: str) -> None:  # the theme's folder is not watched: a saved audit rebuilds
        extra.write_text(json.dumps({"note": note}))
        source.write_text(original.replace("Background of", f"{marker} background of"))

    with preview(project, [sys.executable, "-m", "generator.cli", "serve"]) as running:
        save("Ring the team on 07700 900461.", "First")
        assert running.wait_for_line("overrides/extra.json:1: privacy: phone:", "(site/extra.json:1)"), "".join(running.lines)
        save("Ring the team.", "Second")
        assert wait_for(running.base + "briefings/year-end-maca/", "Second background of", 60), "".join(running.lines)
        workers = [
            pid
            for pid in _children(running.process.pid)
            if b"generator.output.postbuild" in Path(f"/proc/{pid}/cmdline").read_bytes()
        ]
        assert len(workers) == 1, workers
        os.kill(workers[0], signal.SIGKILL)
        mark = len(running.lines)
        save("Ring the team on 07700 900462.", "Third")
        assert running.wait_for_line("overrides/extra.json:1: privacy: phone:", after=mark), "".join(running.lines[mark:])
        save("Ring the team.", "Fourth")
        assert wait_for(running.base + "briefings/year-end-maca/", "Fourth background of", 60), "".join(running.lines)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("content/pages/about.md", "# About\n\n[Call us](tel:07700900461)\n"),
        ("content/pages/about.md", "# About\n\n[Write](mailto:jane.doe@example.org)\n"),
        ("content/pages/contacts.txt", "Duty desk\n07700 900461\n"),
        ("content/pages/list.csv", "name,phone\nDesk,07700 900461\n"),
    ],
)
def test_a_detail_in_a_comment_a_link_or_a_static_file_fails_the_build(project: Path, name: str, text: str) -> None:
    (project / name).write_text(text)
    result = briefings(project, "build", "--pdf", "skip")
    assert result.returncode == 1
    assert f"{name}:" in result.stdout and ": privacy: " in result.stdout  # the content scan reads every file in pages/
    assert not (project / "site").exists()


def test_a_detail_on_every_page_is_reported_once_where_it_was_written(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_description: ", "site_description: Ring 07700 900461. ", 1))
    result = briefings(project, "build", "--pdf", "skip")
    assert result.returncode == 1
    reported = [line for line in result.stdout.splitlines() if "reached the built site" in line]
    assert len(reported) == 1 and reported[0].startswith("mkdocs.yml:2: privacy: phone:") and " more)" in reported[0]


def test_a_comment_in_a_hand_written_page_is_never_published_and_a_detail_in_it_is_refused(project: Path) -> None:
    (project / "content/pages/about.md").write_text("# About\n\n<!-- note to self: ask the board -->\n")
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    assert "note to self" not in (project / "site/about/index.html").read_text()
    (project / "content/pages/about.md").write_text("# About\n\n<!-- mobile 07700 900461 -->\n")  # the repository may be public
    result = briefings(project, "build", "--pdf", "skip")
    assert result.returncode == 1 and "content/pages/about.md:3: privacy: phone:" in result.stdout


def test_plain_gh_deploy_publishes_the_checked_site(project: Path, tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.email=qa@localhost", "-c", "user.name=QA", *args], cwd=project, check=True, capture_output=True
        )

    subprocess.run(["git", "init", "-q", "--bare", str(tmp_path / "remote.git")], check=True)
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "content")
    git("remote", "add", "origin", str(tmp_path / "remote.git"))
    result = subprocess.run(
        [sys.executable, "-m", ENGINE, "gh-deploy", "--no-history"],
        cwd=project,
        env=env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    files = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=tmp_path / "remote.git", capture_output=True, text=True
    )
    assert "briefings/year-end-maca/index.html" in files.stdout.splitlines()


def set_logo(project: Path, logo: str) -> None:
    config = project / "mkdocs.yml"
    assert "  custom_dir: overrides\n" in config.read_text()
    config.write_text(config.read_text().replace("  custom_dir: overrides\n", f"  custom_dir: overrides\n  logo: {logo}\n", 1))


@pytest.mark.parametrize(
    ("logo", "why"),
    [
        ("https://cdn.example.org/logo.png", "the site loads nothing from elsewhere (it is 'https://cdn.example.org/logo.png')"),
        ("../secrets/logo.png", "the site loads nothing from elsewhere"),
        ("assets/missing.png", "(it is 'assets/missing.png', which is not such a file)"),
        ("about.md", "(it is 'about.md', which is not such a file)"),
    ],
)
def test_a_logo_that_is_not_an_image_in_the_site_is_refused_naming_the_setting(project: Path, logo: str, why: str) -> None:
    set_logo(project, logo)
    result = briefings(project, "build", "--pdf", "skip")
    assert result.returncode == 1
    assert "mkdocs.yml:1: theme.logo must be an image in content/pages (.png, .jpg, .jpeg, .svg)" in result.stdout
    assert why in result.stdout
    assert not (project / "site").exists()


def test_the_partnership_and_its_logo_head_every_printed_page(project: Path) -> None:
    from PIL import Image

    (project / "content/pages/assets").mkdir(parents=True)
    Image.new("RGB", (60, 20), "navy").save(project / "content/pages/assets/logo.png")
    set_logo(project, "assets/logo.png")
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    css = (project / "site/assets/stylesheets/print.css").read_text()
    assert 'content: "Northbrook Safeguarding Children Partnership";' in css  # the name alone, without "the"
    assert 'url("../../assets/logo.png")' in css and (project / "site/assets/logo.png").is_file()
    for page in ("index.html", "briefings/year-end-maca/index.html", "about/index.html"):
        html = (project / "site" / page).read_text()
        assert re.search(r'<link rel="stylesheet" href="(\.\./)*assets/stylesheets/print\.css" media="print">', html), page


def test_a_table_in_a_hand_written_page_is_labelled_for_phones_as_generated_ones_are(project: Path) -> None:
    about = project / "content/pages/about.md"
    about.write_text(about.read_text() + "\n\n| Agency | Contact |\n|---|---|\n| Police | Duty sergeant |\n")
    assert briefings(project, "build", "--pdf", "skip").returncode == 0
    html = (project / "site/about/index.html").read_text()
    assert '<td data-label="Agency">Police</td>' in html and '<td data-label="Contact">Duty sergeant</td>' in html
