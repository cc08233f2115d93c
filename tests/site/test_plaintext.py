"""The plain-text version of author Markdown."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.site.markup import to_html
from generator.site.plaintext import WIDTH, fill, markdown_to_text


def test_lines_break_at_spaces_only_so_words_and_links_stay_whole() -> None:
    link = "https://example.org/guidance/" + "a" * 80
    text = markdown_to_text("word " * 14 + "multi-agency working. See " + link)
    lines = text.split("\n")
    assert lines[0] == ("word " * 14).strip()
    assert lines[1].startswith("   multi-agency working.")  # later lines of a block hang under its first
    assert "   " + link in lines
    assert all(len(line) <= WIDTH for line in lines if link not in line)


def test_lists_keep_their_numbers_and_bullets() -> None:
    assert markdown_to_text("Steps:\n\n1. Ask\n2. Record\n\n- Share") == "Steps:\n\n1. Ask\n\n2. Record\n\n-  Share"


def test_bullets_pasted_from_word_are_the_list_they_look_like() -> None:
    pasted = "We found:\n•\tFirst\n\t◦\tUnder the first\n·  Second\n▪\u00a0Third, deeper\nAfter the list, a new paragraph."
    assert markdown_to_text(pasted) == (
        "We found:\n\n-  First\n\n   -  Under the first\n\n-  Second\n\n   -  Third, deeper\n\nAfter the list, a new paragraph."
    )


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.text(alphabet="ab-/.", min_size=1, max_size=90), max_size=40),
    first=st.sampled_from(["", "-  ", "   1. "]),
    rest=st.sampled_from(["", "   ", "      "]),
)
def test_fill_wraps_as_textwrap_does_at_spaces_only(words: list[str], first: str, rest: str) -> None:
    text = " ".join(words)
    expected = textwrap.fill(
        text, WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False, break_long_words=False
    )
    assert fill(text, first, rest) == expected


def test_a_numbered_list_keeps_the_number_it_starts_at() -> None:
    """A list that carries on from an earlier one (`3.` after a paragraph) is numbered in the text as on the page."""
    markdown = "First:\n\n1. Ask\n2. Record\n\nThen:\n\n3. Share\n4. Review"
    assert '<ol start="3">' in to_html(markdown)
    assert markdown_to_text(markdown) == "First:\n\n1. Ask\n\n2. Record\n\nThen:\n\n3. Share\n\n4. Review"


def test_a_loose_list_keeps_its_numbers_and_bullets() -> None:
    """Items set apart by blank lines start with a paragraph: the text version showed them with no number or bullet."""
    assert markdown_to_text("1. Ask\n\n2. Record\n\n- Share\n\n- Review") == "1. Ask\n\n2. Record\n\n-  Share\n\n-  Review"
    assert markdown_to_text("1. Ask\n\n    and write it down\n\n2. Record") == "1. Ask\n\nand write it down\n\n2. Record"


def test_an_item_that_starts_with_a_list_keeps_its_number_and_the_next_paragraph_none() -> None:
    markdown = "1. - Ask\n   - Record\n2. Share\n\nAfterwards."
    assert markdown_to_text(markdown) == "1.\n\n   -  Ask\n\n   -  Record\n\n2. Share\n\nAfterwards."
