"""Nothing an author writes vanishes from the page without a word: text the sanitiser takes for a tag, HTML it removes,
a line Markdown takes for a link's address and a table row's extra cells are each reported at their line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from generator.pipeline import check
from tests.support import BASE, PLANTED_LINE, article, build_site, planted, write

AUDIT = "content/audits/bad.md"
PLACEHOLDER = (
    "would not be shown: the page takes text in angle brackets for an HTML tag and removes it; write it in square "
    "brackets, [{0}], or as &lt;{0}&gt;"
)
DEFINITION = (
    "would not be shown: Markdown reads a line starting '[{0}]:' as a link's address, not as text; write '\\[{0}\\]:' "
    "(a backslash before each bracket) to show it as written"
)

LOOK = " (a briefing runs no script, has no look of its own, and holds no words a reader cannot see); remove it"
ADDRESS = (
    "the page removes this address (it keeps web, e-mail and phone addresses and the site's own files), so {0}; give a "
    "web address (https://…) or a file of the site, or remove it"
)
LINK, PICTURE = "the link would lead nowhere", "the picture would not be shown"
DATA_PICTURE = '<img alt="A chart" src="data:image/png;base64,' + "A" * 200


def problems(root: Path) -> list[str]:
    return [str(p) for p in check(root, "content").problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Auditors read the records of <name of school> together.",
            [f"'<name of school>' {PLACEHOLDER.format('name of school')}"],
        ),
        ("Seen at <time of visit> by the nurse.", [f"'<time of visit>' {PLACEHOLDER.format('time of visit')}"]),
        ("Under a <section 47 enquiry> plan.", [f"'<section 47 enquiry>' {PLACEHOLDER.format('section 47 enquiry')}"]),
        ("Call <tel:08001111> now.", [f"'<tel:08001111>' {PLACEHOLDER.format('tel:08001111')}"]),
        (
            "<script>alert('x')</script>",
            ["'<script>' is HTML that the page removes, with everything inside it, so it would not be shown; remove it"],
        ),
        (
            '<iframe src="https://example.org/map"></iframe>',
            ["'<iframe src=\"https://example.org/map\">' is HTML that the page removes so it would not be shown; remove it"],
        ),
        (
            "<style>p { color: red }</style>",
            ["'<style>' is HTML that the page removes, with everything inside it, so it would not be shown; remove it"],
        ),
        (
            "<h2>Our findings</h2>",
            ["'<h2>' would not make a heading: h1 and h2 belong to the page, which removes them; write '### ' instead"],
        ),
        ("[1]: Ibid.", [f"'[1]: Ibid.' {DEFINITION.format('1')}"]),
        ("[Child B]: 4yrs", [f"'[Child B]: 4yrs' {DEFINITION.format('Child B')}"]),
        (
            '<img src="chart.png" alt="A chart" onerror="alert(1)">',
            ['\'<img src="chart.png" alt="A chart" onerror="alert(1)">\': the page removes its onerror' + LOOK],
        ),
        ('<span style="color: red">Urgent</span>', ["'<span style=\"color: red\">': the page removes its style" + LOOK]),
        (
            '<table summary="Ring 07700 900126"><tr><td>Cases</td></tr></table>',
            ["'<table summary=\"Ring 07700 900126\">': the page removes its summary" + LOOK],
        ),
        (
            '<q cite="https://example.org/tyler">Help</q>',
            ["'<q cite=\"https://example.org/tyler\">': the page removes its cite" + LOOK],
        ),
        (
            '<span lang="Kayden" title="A note">x</span>',
            ['\'<span lang="Kayden" title="A note">\': the page removes its lang' + LOOK],
        ),
        ("<details open><summary>More</summary>\n\nText.\n\n</details>", ["'<details open>': the page removes its open" + LOOK]),
        ("A <p hidden>secret</p> note", ["'<p hidden>': the page removes its hidden" + LOOK]),
        ("<table><tr><td nowrap>Cases</td></tr></table>", ["'<td nowrap>': the page removes its nowrap" + LOOK]),
        ("Ring 0770<rp>x</rp>0 900124 now.", ["'<rp>' is HTML that the page removes so it would not be shown; remove it"]),
        (
            '<bdo dir="rtl">321009 00770</bdo>',
            ["'<bdo dir=\"rtl\">' is HTML that the page removes so it would not be shown; remove it"],
        ),
        ('<a href="javascript:alert(1)">the plan</a>', [f"'<a href=\"javascript:alert(1)\">': {ADDRESS.format(LINK)}"]),
        (
            '<a href="jav&#x09;ascript:alert(1)">the plan</a>',
            [f"'<a href=\"jav&#x09;ascript:alert(1)\">': {ADDRESS.format(LINK)}"],
        ),
        ("See [the plan](javascript:alert(1)).", [f"'<a href=\"javascript:alert(1)\">': {ADDRESS.format(LINK)}"]),
        ("[p]: javascript:alert(1)\n\nSee [the plan][p].", [f"'<a href=\"javascript:alert(1)\">': {ADDRESS.format(LINK)}"]),
        (
            "![A chart](data:image/png;base64," + "A" * 200 + ")",
            [f"'{DATA_PICTURE[:79]}…': {ADDRESS.format(PICTURE)}"],
        ),
        (
            "| Agency | Cases | Children |\n|---|---|---|\n| Health | 4 | 6 | 2 re-audits |",
            [
                "this table row has 4 cells and its header 3, so the page would not show '2 re-audits'; add a column to "
                "the header row, or write a '|' inside a cell as '\\|'"
            ],
        ),
    ],
    ids=[
        "placeholder",
        "placeholder on an allowed tag",
        "words after an element's name",
        "not an autolink",
        "script",
        "iframe",
        "style",
        "h2",
        "footnote",
        "label",
        "event handler",
        "style attribute",
        "table summary",
        "quotation cite",
        "lang",
        "open switch",
        "hidden switch",
        "Word's nowrap",
        "ruby parenthesis",
        "reversed run",
        "javascript link",
        "javascript link with a tab",
        "markdown javascript link",
        "markdown javascript link by reference",
        "markdown data picture",
        "table row",
    ],
)
def test_what_the_page_would_not_show_is_reported_at_its_line(project: Path, text: str, expected: list[str]) -> None:
    write(project, AUDIT, planted("Some text first.\n\n" + text))
    line = PLANTED_LINE + 2 + (2 if text.startswith("|") else 0)
    assert problems(project) == [f"{AUDIT}:{line}: {message}" for message in expected]


def test_a_good_practice_entry_is_checked_the_same_way(project: Path) -> None:
    entry = "\n## Good practice\n\n### Shared at once\nAgency: health\nThemes: neglect\n\nThe school nurse <name withheld> shared it.\n"
    write(project, AUDIT, BASE + entry)
    line = (BASE + entry).split("\n").index("The school nurse <name withheld> shared it.") + 1
    assert problems(project) == [f"{AUDIT}:{line}: '<name withheld>' {PLACEHOLDER.format('name withheld')}"]


UNCLOSED = (
    "this comment (<!--) is never closed, so the page would show it as text, a note to yourself too; end it with --> "
    "(in the same paragraph, unless the comment starts its line), or remove it"
)


def test_a_comment_never_closed_is_reported_not_published(project: Path, cli) -> None:
    """`<!-- note to self` without its `-->`: Markdown showed the note on the page and in its plain-text copy; so too one
    inside a paragraph's text closed only in a later paragraph, and one in a good-practice entry's heading. One that
    starts its line and closes on a later line, and one inside code (a span, an indented block), are not reported."""
    text = (
        "<!-- closed\nlater -->\n\nShared at once. `<!-- in code`\n\n    <!-- an indented code block\n\n"
        "<!-- note to self: check with health\n\nThe plan was agreed."
    )
    write(project, AUDIT, planted("Some text first.\n\n" + text))
    inline = "Good work <!-- note to self: ask the\n\nteam --> followed."  # Markdown ends it with its paragraph
    write(project, "content/audits/inline.md", planted(inline))
    entry = "\n## Good practice\n\n### Daily log <!-- rename\nAgency: health\nThemes: neglect\n\nThe log was kept.\n"
    write(project, "content/audits/entry.md", planted("Text.") + entry)
    heading = (planted("Text.") + entry).split("\n").index("### Daily log <!-- rename") + 1
    assert problems(project) == [
        f"{AUDIT}:{PLANTED_LINE + 9}: {UNCLOSED}",
        f"content/audits/entry.md:{heading}: {UNCLOSED}",
        f"content/audits/inline.md:{PLANTED_LINE}: {UNCLOSED}",
    ]
    assert cli("build", "--pdf", "skip").code == 1


SHOWN = """Records of [name of school] and &lt;name withheld&gt; were read; `<code span>` stays.
See <https://example.org/guide>, <b>bold</b>, <span>a span</span>, <br> <!-- a note -->, Wo<o:p></o:p>rd's own tags.

```
<inside a fence>
[9]: fenced
```

The guide [was updated][guide] this year; \\[2\\]: as written. See [the guide](https://example.org/guide),
[the plan](../../about/),, <a href="tel:08001111" title="helpline">ring</a>,
[the top](#background) and ![a chart](../../chart.png).

[guide]: https://example.org/guide

| Agency | Cases | Note |
|---|---|---|
| Health | 4 | `a|b` |
| Police \\| CID | 3 | fewer cells |
| Education | 2 |

| Left | Right |
|:--|--:|
| a | 1 |

<span lang="cy">Diogelu plant</span> and <abbr title="Multi-agency case audit">MACA</abbr>.

<table><tr><th scope="col" colspan="2">Cases</th></tr><tr><td rowspan="2" align="left">1</td></tr></table>"""


def test_what_the_page_shows_passes_and_is_shown(tmp_path: Path, project: Path) -> None:
    """Autolinks, allowed tags, comments, code, escaped brackets, a used reference and escaped or coded pipes are
    all shown, so none is reported; the page shows each, and the text around Word's own tags (`<o:p>`)."""
    write(project, AUDIT, planted(SHOWN))
    Image.new("RGB", (8, 8), "white").save(project / "content/pages/chart.png")
    assert problems(project) == []
    text = article(build_site(project), "briefings/bad/").get_text(" ")
    for shown in ("[name of school]", "<name withheld>", "<code span>", "<inside a fence>", "[2]: as written", "a|b", "Word's"):
        assert shown in text, shown
    assert "Police | CID" in " ".join(text.split())


RENUMBERED = (
    "this item is numbered {0}, but the page would show it as {1}: a numbered list is shown numbered in order from its "
    "first item, and lists parted only by blank lines are one list; number the items in order, put a line of text "
    "between two lists, or, if this is not a list item, write '{0}\\.' (a backslash before the full stop)"
)


def test_a_list_item_the_page_would_number_otherwise_is_reported_at_its_line(project: Path) -> None:
    """`1. 2. 5.` was shown 1, 2, 3 while the text went on about recommendation 5; a paragraph starting with a year just
    after a list was shown as its next item, the year gone."""
    text = "Recommendations 3 and 4 were withdrawn.\n\n1. Use the toolkit.\n2. Start a chronology.\n5. Review the plan.\n\n"
    text += "2019. The year the policy began.\n\nThen:\n\n- Share\n    1. Ask\n    3. Record\n\nLater:\n\n1. Ask\n2. Record\n\n1. Share\n"
    write(project, AUDIT, planted(text))
    lines = [PLANTED_LINE + at for at in (4, 6, 12, 19)]
    expected = [RENUMBERED.format(5, 3), RENUMBERED.format(2019, 4), RENUMBERED.format(3, 2)]
    expected.append(RENUMBERED.format(1, 3))  # a second list, parted from the first by a blank line only
    assert problems(project) == [f"{AUDIT}:{line}: {message}" for line, message in zip(lines, expected, strict=True)]


def test_a_list_numbered_as_the_page_shows_it_passes_and_is_shown_so(project: Path) -> None:
    """Numbered in order, from any number; or every item `1.`, the page numbering them; or a number that starts a
    paragraph, its full stop escaped."""
    write(project, AUDIT, planted("3. Ask\n4. Record\n\nThen:\n\n1. Share\n1. Review\n\n1. Close\n\n2019\\. The year it began."))
    assert problems(project) == []
    page = article(build_site(project), "briefings/bad/")
    lists = [ol for ol in page.find_all("ol") if "Record" in ol.get_text() or "Review" in ol.get_text()]
    assert [(ol.get("start"), len(ol.find_all("li"))) for ol in lists] == [("3", 2), (None, 3)]
    assert "2019. The year it began." in page.get_text()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.\tUse the toolkit.\n2.\tStart a chronology.\n5.\tRe-audit.", [(2, 5, 3)]),  # Word's tab after the number
        ("\u2022 Training for staff\n1. Agree an action.\n5. Share it.", [(2, 5, 2)]),  # Word's bullet before the list
        ("1. Alpha\n\u2022 a bullet between\n3. Gamma", []),  # shown as written: a list, a bullet, a list from 3
        ("1. Health visitor\n2. School nurse\n\n1. Health visitor\n2. School nurse", [(3, 1, 3), (4, 2, 4)]),  # lines down
    ],
    ids=["tab", "word bullet before", "word bullet between", "the same items twice"],
)
def test_a_list_is_numbered_as_the_page_renders_it_and_each_item_found_at_its_own_line(
    project: Path, text: str, expected: list[tuple[int, int, int]]
) -> None:
    """A tab after the number hid the item from the check; the page's reading of Word's bullets was not the check's;
    an item written twice was reported at its first line."""
    write(project, AUDIT, planted(text))
    assert problems(project) == [
        f"{AUDIT}:{PLANTED_LINE + down}: {RENUMBERED.format(written, shown)}" for down, written, shown in expected
    ]


def test_a_list_indented_as_a_sub_list_but_too_little_says_how_far(project: Path) -> None:
    write(project, AUDIT, planted("1. One\n  1. Sub a\n2. Two"))
    found = problems(project)
    assert len(found) == 2 and "number the items in order (a list inside an item is indented by four spaces)" in found[0]
