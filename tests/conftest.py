"""Shared fixtures: real projects built from tests/fixtures content with the repo's own config and overrides."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.cli import main
from generator.pdf import LAUNCH_ARGS

REPO = Path(__file__).resolve().parents[1]
ENGINE = os.environ.get("BRIEFINGS_ENGINE", "mkdocs")
"""The engine every test drives: `mkdocs`, or `properdocs` in CI's second run of the whole suite (importing
`generator.cli` imports ProperDocs' redirection of `mkdocs.*` first then, as its own command does)."""
FIXTURES = REPO / "tests" / "fixtures"
BUILD_DATE = "2025-06-01"


def make_project(root: Path, content: Path = FIXTURES / "content") -> Path:
    """A project folder like the repo's: mkdocs.yml, overrides/ and a copy of `content`."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root)
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(content, root / "content")
    return root


@pytest.fixture(autouse=True)
def quiet_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("BRIEFINGS_BUILD_DATE", BUILD_DATE)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run `briefings ARGS` in-process in the current folder."""

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def build_site(root: Path, *args: str) -> Path:
    """Build the project at `root` with the CLI and return its site folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        patch.setenv("BRIEFINGS_BUILD_DATE", BUILD_DATE)
        assert main(["build", "--build-date", BUILD_DATE, *args]) == 0
    return root / ("site-partners" if "partners" in args else "site")


@pytest.fixture(scope="session")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(make_project(tmp_path_factory.mktemp("public") / "project"))


@pytest.fixture(scope="session")
def partners_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(make_project(tmp_path_factory.mktemp("partners") / "project"), "--audience", "partners")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repo's own sample content, built as a newcomer would."""
    return build_site(make_project(tmp_path_factory.mktemp("sample") / "project", REPO / "content"))


# --- real browser ---------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never a downloaded browser). CI installs it; locally it may be absent."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing: .ci/run must install the Debian chromium package")
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=LAUNCH_ARGS,
        )
        yield browser
        browser.close()


@contextmanager
def served(folder: Path, handler_class: type[SimpleHTTPRequestHandler] | None = None) -> Iterator[str]:
    """Serve `folder` on loopback for the browser (with `handler_class`, as a particular host would); yields the
    base URL."""
    handler = functools.partial(handler_class or QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
