"""Links from one briefing to another lead only to pages its readers can open (`generator/content/crosslinks.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import BASE, build_site, write

LINKER = "content/audits/linker.md"
RESTRICTED = "'narwhal-restricted', which is restricted: the public site does not have it"
DRAFT = "'quokka-draft', which is a draft, so the link would lead nowhere once published"


def linking(project: Path, lines: str, status: str = "published") -> int:
    """An audit whose body ends with `lines`; the line number of the first."""
    text = BASE.replace("status: published", f"status: {status}") + "\n" + lines
    write(project, LINKER, text)
    return text.count("\n") - lines.count("\n") + 1


@pytest.mark.parametrize(
    "written",
    [
        "See [the audit](../narwhal-restricted/).",
        "See [the audit](/briefings/narwhal-restricted/index.html#step-2 'its steps').",
        "See <a href='https://example.org/briefings/narwhal%2Drestricted'>the audit</a>.",
        "[the audit]: <../narwhal-restricted.md>",
        "See <https://example.org/briefings/narwhal-restricted/>.",
    ],
)
def test_a_public_briefings_link_to_a_restricted_one_is_refused_at_its_line(project: Path, cli, written: str) -> None:
    line = linking(project, written)
    run = cli("check")
    assert run.code == 1
    assert f"{LINKER}:{line}: links to {RESTRICTED}" in run.out, run.out


def test_a_link_to_a_draft_is_refused_and_a_drafts_own_links_are_noted_for_later(project: Path, cli) -> None:
    line = linking(project, "Compare [the draft](../quokka-draft/) and [the other](../narwhal-restricted/).")
    run = cli("check")
    assert run.code == 1
    assert f"{LINKER}:{line}: links to {DRAFT}" in run.out and f"{LINKER}:{line}: links to {RESTRICTED}" in run.out
    linking(project, "Compare [the draft](../quokka-draft/).", status="draft")
    held = cli("check")
    assert held.code == 0, held.out
    assert f"{LINKER}:{line}: draft, to fix before publishing (does not block the build): links to {DRAFT}" in held.out


def test_links_every_reader_can_open_pass_and_are_built(project: Path, cli) -> None:
    """To a published briefing, a restricted one's link to a restricted one (the partners site has both), a site
    elsewhere whose path merely shares a word, and a slug written in the text, not linked."""
    linking(
        project,
        "See [the MACA](../year-end-maca/), [a guide](https://example.org/guides/narwhal-restricted/),\n"
        "[a theme](/themes/narwhal-restricted/) and narwhal-restricted.",
    )
    write(
        project,
        "content/audits/narwhal-restricted.md",
        (project / "content/audits/narwhal-restricted.md")
        .read_text()
        .replace("## Background\n", "## Background\n\nSee [the other restricted audit](../linker/).\n"),
    )
    assert cli("check").code == 0
    linking(project, "See [its partner](../narwhal-restricted/).", status="restricted")
    assert cli("check").code == 0
    page = (build_site(project, "--pdf", "skip", "--audience", "partners") / "briefings/linker/index.html").read_text()
    assert 'href="../narwhal-restricted/"' in page
