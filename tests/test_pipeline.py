"""The core run, with a preview's memo or shared out among workers: it gives exactly what a fresh run in one process gives."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest

from generator import tasks
from generator.model import Audience
from generator.pipeline import Checked, Memo, check, generate
from generator.site import render
from generator.site.pagemaker import Addresses
from generator.site.sitepages import site_pages
from generator.sitemodel import Settings, make_site

SETTINGS = Settings(
    "Test partnership",
    "https://example.org/briefings/",
    build_date=date(2025, 6, 1),
    accessibility={
        "organisation": "Test",
        "contact_url": "https://example.org/",
        "status": "fully",
        "response_days": 5,
        "prepared": "-",
        "reviewed": "-",
    },
)


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = [
    ("content/audits/year-end-maca.md", "Background of", "Edited background of"),
    ("content/audits/year-end-maca.md", "title: Audit on the last day of March", "title: Audit on 31 March"),
    ("content/audits/autumn-maca.md", "cases: 2", "cases: 3"),
    ("content/audits/autumn-maca.md", "themes: [domestic-abuse, voice-of-the-child]", "themes: [domestic-abuse, neglect]"),
    ("content/audits/autumn-maca.md", "date: 2024-10-02", "date: 2023-10-02"),
    ("content/audits/autumn-maca.md", "status: published", "status: draft"),
    ("content/audits/year-end-maca.md", "type: maca", "type: mca"),
    ("content/audits/year-end-maca.md", "type: mca", "type: maca"),
    ("content/taxonomy.yml", "  neglect:\n    label: Neglect", "  neglect:\n    label: Neglect and its signs"),
    ("content/taxonomy.yml", "  domestic-abuse:\n", "  domestic-abuse-x:\n"),
    ("content/taxonomy.yml", "  domestic-abuse-x:\n", "  domestic-abuse:\n"),
]


def after_every_edit(project: Path, include_drafts: bool = False, **options: object) -> list[Checked]:
    """Run the core with `options` and fresh in one process after each edit: the results must be equal."""
    runs = []
    for step in [None, *EDITS]:
        if step:
            edit(project, *step)
        run, fresh = check(project, include_drafts=include_drafts, **options), check(project, include_drafts=include_drafts)
        assert run == fresh, step
        runs.append(run)
        if fresh.ok:
            assert generate(run, SETTINGS, Audience.PUBLIC, False, **options) == generate(fresh, SETTINGS, Audience.PUBLIC, False)
    return runs


def test_memo_runs_match_fresh_runs_after_every_edit(project: Path) -> None:
    oks = [run.ok for run in after_every_edit(project, memo=Memo())]
    assert oks == [True, True, True, True, True, True, True, False, True, True, False, True]


def test_memo_lists_the_taxonomy_keys_in_their_new_order_once_it_is_reordered(project: Path) -> None:
    """Keys put in another order are equal as mappings, but a problem message lists them in the order written."""
    memo = Memo()
    edit(project, *EDITS[6])  # type: mca
    check(project, memo=memo)
    edit(
        project,
        "content/taxonomy.yml",
        "  maca: Multi-agency case audit\n  thematic: Thematic audit\n",
        "  thematic: Thematic audit\n  maca: Multi-agency case audit\n",
    )
    run = check(project, memo=memo)
    assert run == check(project)
    assert any("use one of: thematic, maca" in problem.message for problem in run.problems)


def test_memo_forgets_pages_when_settings_or_audience_change(project: Path) -> None:
    memo = Memo()
    checked = check(project, memo=memo)
    generate(checked, SETTINGS, Audience.PUBLIC, False, memo)
    partners = generate(checked, SETTINGS, Audience.PARTNERS, False, memo)
    assert partners == generate(checked, SETTINGS, Audience.PARTNERS, False)
    assert any(output.path == "briefings/narwhal-restricted.md" for output in partners)


def test_memo_makes_the_other_pages_again_only_when_what_they_show_changed(project: Path, monkeypatch) -> None:
    """A saved sentence of a step changes its briefing's page alone; a new title, or agencies put in another
    order (equal as mappings, but listed in that order), change the listings too."""
    made = []
    monkeypatch.setattr(render, "site_pages", lambda maker: made.append(maker) or site_pages(maker))
    memo = Memo()
    generate(check(project, memo=memo), SETTINGS, Audience.PUBLIC, False, memo)
    reordered = ("content/taxonomy.yml", "  police: Police\n  health: Health\n", "  health: Health\n  police: Police\n")
    for step, again in [(EDITS[0], False), (EDITS[1], True), (reordered, True)]:  # the taxonomy orders the agencies
        edit(project, *step)
        made.clear()
        outputs = generate(check(project, memo=memo), SETTINGS, Audience.PUBLIC, False, memo)
        assert bool(made) is again, step
        assert outputs == generate(check(project), SETTINGS, Audience.PUBLIC, False)


def test_memo_makes_again_only_the_pages_that_show_what_changed(project: Path) -> None:
    """A new title makes again the pages that show its briefing (or read what changed), and keeps the others;
    the briefing's own pages as they were before are let go, so a long preview session does not grow."""
    memo = Memo()
    generate(check(project, memo=memo), SETTINGS, Audience.PUBLIC, False, memo)
    before, briefings = dict(memo.rendered.made), len(memo.rendered.briefings)
    edit(project, *EDITS[1])
    outputs = generate(check(project, memo=memo), SETTINGS, Audience.PUBLIC, False, memo)
    assert outputs == generate(check(project), SETTINGS, Audience.PUBLIC, False)
    after = memo.rendered.made
    kept = {path for path, made in after.items() if made is before.get(path)}
    again = set(after) - kept
    shown = {output.path for output in outputs if "Audit on 31 March" in str(output.content)}
    assert shown & set(after) <= again
    assert "accessibility/index.md" in kept
    assert "briefings/by-theme/domestic-abuse.md" in kept  # year-end-maca is not on domestic abuse
    assert len(kept) > len(again)
    assert len(memo.rendered.briefings) == briefings  # the old version of the saved briefing is let go


@pytest.mark.parametrize("include_drafts", [False, True])
def test_the_addresses_check_makes_are_the_files_a_build_makes(project: Path, include_drafts: bool) -> None:
    """`check` judges links against the site made as addresses only (`Addresses`): a file it missed would refuse a
    link that works, one too many would pass a link that leads nowhere."""
    for run in after_every_edit(project, include_drafts):
        for audience in Audience:
            if run.ok:
                made = generate(run, SETTINGS, audience, include_drafts)
                assert run.taxonomy is not None
                addresses = render.render(
                    make_site(SETTINGS, run.taxonomy, run.briefings, audience, include_drafts), making=Addresses
                )
                assert [out.dest for out in addresses] == [out.dest for out in made] and len(made) > 20
                assert [
                    out.path for out in addresses if out.size and (out.path.endswith(".md") or out.path.startswith("briefings/"))
                ] == [] and made[0].size


@pytest.mark.parametrize("include_drafts", [False, True])
def test_runs_shared_out_among_workers_match_one_process(project: Path, monkeypatch, include_drafts: bool) -> None:
    monkeypatch.setattr(tasks, "SLICE", 1)  # the fixture content is a handful of files: share them out one by one
    pools = []
    fork_pool = tasks.fork_pool
    monkeypatch.setattr(tasks, "fork_pool", lambda *args: pools.append(args) or fork_pool(*args))
    runs = after_every_edit(project, include_drafts, workers=2)
    assert (runs[0].drafts_held == []) is include_drafts
    assert False in [run.ok for run in runs] and True in [run.ok for run in runs]
    assert all(len(run.briefings) >= 2 for run in runs if run.ok)
    assert len(pools) > len(EDITS)  # every check and generate above was shared out


def test_shared_out_gives_the_workers_results_in_order_and_raises_an_error_of_theirs() -> None:
    with tasks.shared_out(lambda n: (n, os.getpid()), list(range(8)), workers=2, chunk=2) as results:
        found = list(results)
    assert [n for n, _ in found] == list(range(8))
    assert os.getpid() not in {pid for _, pid in found}  # computed in forked workers
    with pytest.raises(ZeroDivisionError), tasks.shared_out(lambda n: 1 // n, [1, 0, 2, 3], workers=2, chunk=1) as results:
        list(results)


def test_shared_out_workers_exit_once_the_work_runs_out() -> None:
    """Not when the caller has read every result: a worker would hold its copies of the parent's pages while the
    parent, collecting the results, holds the most."""
    with tasks.shared_out(lambda n: os.getpid(), list(range(4)), workers=2, chunk=1) as results:
        workers = set(results)
        deadline = time.monotonic() + 10
        while any(map(running, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(running, workers))


def running(pid: int) -> bool:
    """Whether a process is alive and not a zombie waiting to be reaped (Linux)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False
