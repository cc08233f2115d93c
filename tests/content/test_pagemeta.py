"""A page's front matter judged as the engine reads it (`generator/content/pagemeta.py`): whatever the engine would
take as the page's settings, and so never show, is either a setting it reads or refused at its line."""

from __future__ import annotations

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
