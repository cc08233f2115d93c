"""Shared fixtures: real projects built from tests/fixtures content with the repo's own config and overrides."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main

REPO = Path(__file__).resolve().parents[1]
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
        assert main(["build", *args]) == 0
    return root / "site"


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
