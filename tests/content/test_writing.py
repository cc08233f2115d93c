"""Writing for readers from every agency: acronyms explained at first use, notes for what nobody explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.content.parse import parse_document
from generator.content.writing import abbreviate, notes, usage
from generator.pipeline import check

GLOSSARY = {"MASH": "Multi-agency safeguarding hub", "A&E": "Accident and emergency", "IRO": 'The "independent" <b>officer</b>'}


def test_only_the_first_use_on_a_page_is_explained() -> None:
    page = abbreviate("<p>The MASH and the MASH again; IROs met.</p><p>MASH once more</p>", GLOSSARY)
    soup = BeautifulSoup(page, "html.parser")
    assert [(a.get_text(), a["title"]) for a in soup.find_all("abbr")] == [
        ("MASH", "Multi-agency safeguarding hub"),
        ("IRO", 'The "independent" <b>officer</b>'),  # escaped: a glossary is untrusted text
    ]
    assert soup.get_text() == "The MASH and the MASH again; IROs met.MASH once more"
    assert "<b>" not in page


@pytest.mark.parametrize(
    "html",
    [
        '<h2 id="mash">MASH</h2><p>then MASH</p>',
        '<p><a href="/mash/">MASH</a> then MASH</p>',
        "<p><code>MASH</code> then MASH</p>",
        '<p title="MASH">MASHED potato, then MASH</p>',
    ],
    ids=["heading", "link", "code", "attribute and a longer word"],
)
def test_headings_links_code_attributes_and_longer_words_are_left_alone(html: str) -> None:
    soup = BeautifulSoup(abbreviate(html, GLOSSARY), "html.parser")
    marked = soup.find_all("abbr")
    assert len(marked) == 1 and marked[0].parent.name == "p" and marked[0].previous_sibling.endswith("then ")


def test_an_ampersand_acronym_is_found_in_escaped_html() -> None:
    assert (
        abbreviate("<p>Seen in A&amp;E.</p>", GLOSSARY) == '<p>Seen in <abbr title="Accident and emergency">A&amp;E</abbr>.</p>'
    )


def _notes(body: str, glossary: dict[str, str] = GLOSSARY) -> list[str]:
    doc, _ = parse_document(f"---\ntitle: T\n---\n\n{body}", "content/audits/a.md", "audit", "a")
    return [str(note) for note in notes(doc.path, usage(doc), glossary)]


def test_an_unexplained_acronym_is_noted_once_where_first_used() -> None:
    found = _notes("## Background\n\nThe LAC review.\nThe NHS, the GP, the MASH and Part II.\n\nThe LAC review again.\n")
    assert found == [
        "content/audits/a.md:7: writing: 'LAC' is not in the glossary, and readers from other agencies may not know it; "
        "add 'LAC: <what it stands for>' under glossary: in taxonomy.yml, or write it out"
    ]


def test_a_long_sentence_is_noted_where_it_starts_even_when_wrapped() -> None:
    long = " ".join(["word"] * 20) + "\n" + " ".join(["word"] * 20) + "."
    found = _notes(f"## Background\n\nShort one. {long}\n\n[A link](https://example.org/a/b/c/d/e/f/g/h/i/j) is short.\n")
    assert found == [
        "content/audits/a.md:7: writing: this sentence has 40 words; practitioners read between visits, often on a phone: "
        "split it (at most 35 words)"
    ]


def test_notes_never_block_and_the_glossary_is_checked(project: Path) -> None:
    audit = project / "content/audits/year-start-maca.md"
    audit.write_text(audit.read_text().replace("## Background\n", "## Background\n\nThe LAC review.\n"))
    result = check(project, "content")
    assert result.ok and [n.message.split(";")[0] for n in result.notes] == [
        "writing: 'LAC' is not in the glossary, and readers from other agencies may not know it"
    ]
    taxonomy = project / "content/taxonomy.yml"
    taxonomy.write_text(
        taxonomy.read_text().replace("  MACA: Multi-agency case audit\n", "  lac: Looked-after child\n  IRO: ''\n")
    )
    assert [str(p).split(": ", 1)[1] for p in check(project, "content").problems] == [
        "glossary: 'lac' must be an acronym of 2 to 6 capitals, e.g. 'IRO: ...'",
        "glossary: 'IRO' needs what it stands for, e.g. 'IRO: ...'",
    ]


def test_the_page_explains_its_first_acronym_and_says_how_long_it_takes_to_read(public_site: Path) -> None:
    page = BeautifulSoup((public_site / "briefings/year-start-maca/index.html").read_text(), "html.parser")
    marked = page.select("article abbr, .md-content abbr")
    assert [(a.get_text(), a["title"]) for a in marked] == [("MACA", "Multi-agency case audit")]
    assert "the year's first MACA" in marked[0].parent.get_text()
    facts = {div.dt.get_text(): div.dd.get_text() for div in page.select(".briefing-facts > div")}
    assert facts["Reading time"] == "About 1 minute"


def test_a_note_names_its_line_after_a_comment_and_a_link() -> None:
    """What is read beside a line (a comment, a link's target) must not move the notes after it."""
    body = "## Background\n\n<!-- " + "a long comment " * 20 + "-->\n[a link](https://example.org/x)\n\nThe LAC review.\n"
    assert [note.split(": writing")[0] for note in _notes(body)] == ["content/audits/a.md:10"]
