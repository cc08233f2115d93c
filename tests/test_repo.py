"""Repository promises: the Quick start and CI agree, the code is ruff clean, the sample content is complete."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from generator.model import Status
from generator.pipeline import check
from tests.support import REPO


def quick_start_commands() -> list[str]:
    section = (REPO / "README.md").read_text().split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_two_commands_and_ci_runs_the_test_one() -> None:
    build, test = quick_start_commands()
    assert build.endswith("briefings build")
    assert test.endswith("pytest")
    assert test in (REPO / ".ci/run").read_text().splitlines()


def test_code_is_ruff_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "generator", "tests", "benchmarks"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_build_output_and_venvs_are_ignored_by_git() -> None:
    ignored = (REPO / ".gitignore").read_text().splitlines()
    assert {"/site/", ".venv/", "__pycache__/"} <= set(ignored)


def test_sample_content_is_valid_and_complete() -> None:
    everything = check(REPO, "content", include_drafts=True)
    assert everything.problems == []
    audits = [b for b in everything.briefings if b.is_audit]
    assert len(audits) >= 8
    assert len({a.reporting_year for a in audits if a.status is Status.PUBLISHED}) >= 2
    types = Counter(a.audit_type for a in audits)
    assert types["maca"] >= 4 and types["thematic"] >= 1
    assert len([b for b in everything.briefings if not b.is_audit]) >= 2
    assert sum(len(b.good_practice) for b in everything.briefings if b.status is Status.PUBLISHED) >= 4
    statuses = Counter(b.status for b in everything.briefings)
    assert statuses[Status.DRAFT] >= 1
    assert statuses[Status.RESTRICTED] == 0  # restricted items live in a private repository (docs/publishing.md)


def test_sample_site_builds_every_published_briefing(sample_site) -> None:
    published = [b.slug for b in check(REPO, "content").briefings if b.status is Status.PUBLISHED]
    assert all((sample_site / "briefings" / slug / "index.html").is_file() for slug in published)


def python_test_files() -> list[Path]:
    """The tests' own Python files (not the Node tools, not the content fixtures)."""
    return [
        path
        for path in sorted((REPO / "tests").rglob("*.py"))
        if not {"tools", "fixtures"} & set(path.relative_to(REPO / "tests").parts)
    ]


def test_tests_share_helpers_through_tests_support_only() -> None:
    """A test module imports shared helpers from tests/support.py, never from another test module or from conftest.py
    (which pytest loads itself, for its fixtures)."""
    shared = re.compile(r"\s*(from|import)\s+tests(\.\w+)*\.(conftest|test_\w+)\b")
    offending = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in python_test_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if shared.match(line)
    ]
    assert offending == []


def test_tests_use_only_the_public_names_of_the_generator() -> None:
    """No test imports, reads or patches a `_private` name of `generator`: tests go through what each module offers."""
    offending = []
    for path in python_test_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {"generator"}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "generator":
                modules |= {alias.asname or alias.name for alias in node.names}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "generator":
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules:
                names = [node.attr]
            elif (
                isinstance(node, ast.Call) and node.args[:1] and isinstance(node.args[0], ast.Name) and node.args[0].id in modules
            ):
                names = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            elif (
                isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"generator(\.\w+)+", node.value)
            ):
                names = node.value.split(".")
            else:
                continue
            offending += [f"{path.relative_to(REPO)}:{node.lineno}: {name}" for name in names if re.match(r"_[^_]", name)]
    assert offending == []
