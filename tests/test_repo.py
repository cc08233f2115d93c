"""Repository promises: the Quick start and CI agree, the code is ruff clean, the sample content is complete."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

from generator.model import Status
from generator.pipeline import check
from tests.conftest import REPO


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
