"""A page's front matter judged as the engine reads it (`generator/content/pagemeta.py`): whatever the engine would
take as the page's settings, and so never show, is either a setting it reads or refused at its line."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.content.pagemeta import SETTINGS, front_matter_problems

NAMES = st.sampled_from(["title", "Title", "TITLE", "note", "Note", "2025-26", "hide", "x_y", "Summary", "tags"])
VALUES = st.sampled_from(["About us", "", "see the guidance: here", "[navigation, toc]", "- a", "'quoted'", "a # b"])
LINES = st.one_of(
    st.builds(
        lambda indent, name, value: f"{indent}{name}:{' ' if value else ''}{value}",
        st.sampled_from(["", " ", "   "]),
        NAMES,
        VALUES,
    ),
    st.builds(lambda indent, value: f"{indent}{value}", st.sampled_from(["    ", "\t", "     ", "  \t"]), VALUES),
    st.sampled_from(["", "   ", "\t", "---", "...", "--- ", "# About", "Plain text.", "# a comment", "\u00a0", "  - navigation"]),
)


def unread_names(text: str) -> set[str]:
    """What the engine reads as settings of the page, and so never shows, that no setting explains: in front matter
    between rules, a name not written as the engine's own are (in small letters); in first lines of `Name: value`
    (MultiMarkdown's), any name but the settings the engine and its theme read."""
    body, meta = get_data(text)
    if text.startswith("---") and body != text:
        return {str(key) for key in meta if not isinstance(key, str) or key != key.lower()}
    return {key for key in meta if key not in SETTINGS}


@settings(max_examples=3000, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=7), st.sampled_from(["\n# Heading\n\nText.\n", "\nText.\n", "Text.\n"]))
def test_whatever_the_engine_would_not_show_is_a_setting_it_reads_or_refused(lines: list[str], rest: str) -> None:
    text = "\n".join(lines) + "\n" + rest
    unread = unread_names(text)
    assert not unread or front_matter_problems(text, "content/pages/p.md"), f"{text!r}: {sorted(unread)} hidden, not refused"


def test_a_page_written_as_an_audit_or_with_a_setting_misspelt_or_named_in_capitals_is_refused(project: Path, cli) -> None:
    """A draft or restricted audit saved among the pages was published whole, its status ignored; a misspelt setting
    (`titel:`) was dropped; a page named `.MD` was published as a download of its raw text."""
    pages = project / "content/pages"
    shutil.move(project / "content/audits/quokka-draft.md", pages / "quokka-draft.md")
    shutil.move(project / "content/audits/narwhal-restricted.md", pages / "narwhal-restricted.md")
    (pages / "about.md").write_text("---\ntitel: About us\nhide: [toc]\n---\n\n" + (pages / "about.md").read_text())
    (pages / "contact.MD").write_text("# Contact\n\nRing the front door.\n")
    audit = (project / "content/audits/year-end-maca.md").read_text()
    (pages / "notepad.md.txt").write_text(audit.replace("status: published", "status: restricted"))  # as Notepad names it
    slipped = audit.replace("title: ", "title: Slip: ", 1).replace("---\n", "---\ntype: maca\n", 1)  # first, with a YAML slip
    (pages / "slipped.md").write_text(slipped.replace("status: published", "status: restricted"))
    moved = "this is written as an audit or a briefing, but every file in the pages folder is published as it is"
    for command in ("check", "build"):
        run = cli(command)
        assert run.code == 1
        assert f"content/pages/quokka-draft.md:3: {moved}" in run.out
        assert f"content/pages/narwhal-restricted.md:3: {moved}" in run.out
        assert f"content/pages/notepad.md.txt:3: {moved}" in run.out
        assert f"content/pages/slipped.md:2: {moved}" in run.out
        assert "content/pages/about.md:2: 'titel:' is no setting of a page (did you mean 'title'?)" in run.out
        assert "content/pages/contact.MD:1: is published as a download of its text, not as a page" in run.out
        assert "rename it contact.md" in run.out
    assert not (project / "site").exists()
