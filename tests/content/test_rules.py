"""Every validation rule: a bad file gives the exact `path:line` and a message that says what to fix."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.pipeline import check
from tests.support import BASE, BRIEFING, write

GOOD_PRACTICE = """
## Good practice

### A good example
Agency: police
Themes: neglect

What they did.
"""

AUDIT = "content/audits/bad.md"

# (id, file text, expected problem lines in full)
CASES = [
    (
        "no front matter",
        "## Background\n\nText.\n",
        [f"{AUDIT}:1: file must start with front matter: a line '---', the fields, then another '---'"],
    ),
    (
        "unclosed front matter",
        "---\ntitle: x\n",
        [f"{AUDIT}:1: front matter is not closed: add a line '---' after the last field"],
    ),
    (
        "yaml colon in value",
        BASE.replace("title: Valid audit", "title: Neglect: what we learned"),
        [
            f"{AUDIT}:2: front matter is not valid YAML: mapping values are not allowed here; a value containing ': ' must be put in straight quotes, e.g. title: \"Neglect: what we learned\""
        ],
    ),
    ("front matter not a mapping", "---\n- a\n- b\n---\n", [f"{AUDIT}:2: front matter must be 'field: value' lines"]),
    (
        "duplicate key",
        BASE.replace("cases: 3\n", "cases: 3\ncases: 4\n"),
        [f"{AUDIT}:7: 'cases' is given twice (first on line 6); keep one"],
    ),
    (
        "unknown key with suggestion",
        BASE.replace("themes: [neglect]", "themes: [neglect]\nthemse: [neglect]"),
        [
            f"{AUDIT}:10: unknown field 'themse' (did you mean 'themes'?); the fields are: title, date, status, themes, agencies, summary, pseudonyms, review_date, superseded_by, previous_slugs, withdrawn_on, withdrawn_reason, type, published, cases, children"
        ],
    ),
    (
        "missing required field",
        BASE.replace("summary: A valid summary.\n", ""),
        [
            f"{AUDIT}:1: missing required field 'summary': add 'summary:' to the front matter; write one plain-text paragraph of at most 300 characters (no HTML, no blank lines)"
        ],
    ),
    (
        "two missing fields, each once",
        BASE.replace("summary: A valid summary.\n", "").replace("themes: [neglect]\n", ""),
        [
            f"{AUDIT}:1: missing required field 'themes': add 'themes:' to the front matter; write a list such as [voice-of-the-child, neglect] of themes keys from taxonomy.yml",
            f"{AUDIT}:1: missing required field 'summary': add 'summary:' to the front matter; write one plain-text paragraph of at most 300 characters (no HTML, no blank lines)",
        ],
    ),
    (
        "empty title",
        BASE.replace("title: Valid audit", "title: ''"),
        [f"{AUDIT}:2: title: is empty; write the title as plain text (no HTML)"],
    ),
    (
        "html in title",
        BASE.replace("title: Valid audit", "title: Valid <b>audit</b>"),
        [f"{AUDIT}:2: title: has HTML or more than one paragraph; write the title as plain text (no HTML)"],
    ),
    (
        "markdown link in title",
        BASE.replace("title: Valid audit", "title: Valid audit of [the plan](../plan/)"),
        [
            f"{AUDIT}:2: title: has [the plan](../plan/), shown as written here, marks and all: write plain text, and name "
            "a page rather than link; write the title as plain text (no HTML)"
        ],
    ),
    (
        "bold in summary",
        BASE.replace("summary: A valid summary.", "summary: Plans were **late** in most cases."),
        [
            f"{AUDIT}:10: summary: has **late**, shown as written here, marks and all: write plain text, and name a page "
            "rather than link; write one plain-text paragraph of at most 300 characters (no HTML, no blank lines)"
        ],
    ),
    (
        "brackets in summary",
        BASE.replace(
            "summary: A valid summary.", "summary: Plans [all of them] were late (most by weeks) at A&E; 5* homes [Yes][No]."
        ),
        [],
    ),
    (
        "unknown audit type",
        BASE.replace("type: maca", "type: mca"),
        [f"{AUDIT}:3: type: 'mca' is not allowed; use one of: maca, thematic (the audit_types keys in taxonomy.yml)"],
    ),
    (
        "date not ISO",
        BASE.replace("date: 2024-05-01", "date: 01/05/2024"),
        [f"{AUDIT}:4: date: '01/05/2024' is not a real date; write an ISO date YYYY-MM-DD, e.g. 2024-03-31"],
    ),
    (
        "date single digit month",
        BASE.replace("date: 2024-05-01", "date: 2024-5-1"),
        [f"{AUDIT}:4: date: '2024-5-1' is not a real date; write an ISO date YYYY-MM-DD, e.g. 2024-03-31"],
    ),
    (
        "date impossible",
        BASE.replace("date: 2024-05-01", "date: 2024-02-30"),
        [f"{AUDIT}:4: date: '2024-02-30' is not a real date; write an ISO date YYYY-MM-DD, e.g. 2024-03-31"],
    ),
    (
        "published before date",
        BASE.replace("status: published", "published: 2024-04-01\nstatus: published"),
        [f"{AUDIT}:5: published: 2024-04-01 is before the audit date 2024-05-01; publication cannot come before the audit"],
    ),
    (
        "bad status",
        BASE.replace("status: published", "status: live"),
        [f"{AUDIT}:5: status: 'live' is not allowed; use draft, published, restricted or withdrawn"],
    ),
    (
        "maca without cases",
        BASE.replace("cases: 3\n", ""),
        [
            f"{AUDIT}:1: missing required field 'cases' (every MACA gives cases and children): add 'cases:' to the front matter; write a whole number such as 6"
        ],
    ),
    (
        "cases zero",
        BASE.replace("cases: 3", "cases: 0"),
        [f"{AUDIT}:6: cases: must be at least 1; write a whole number such as 6"],
    ),
    (
        "cases not a number",
        BASE.replace("cases: 3", "cases: three"),
        [f"{AUDIT}:6: cases: must be a whole number; write a whole number such as 6"],
    ),
    (
        "cases with a decimal point",
        BASE.replace("cases: 3", "cases: 3.0"),
        [f"{AUDIT}:6: cases: 3.0 has a decimal point: write 3; write a whole number such as 6"],
    ),
    (
        "title as a number with a decimal point",
        BASE.replace("title: Valid audit", "title: 6.0"),
        [f"{AUDIT}:2: title: must be text; write the title as plain text (no HTML)"],
    ),
    (
        "summary as a list",
        BASE.replace("summary: A valid summary.", "summary: [A valid summary.]"),
        [
            f"{AUDIT}:10: summary: must be text; write one plain-text paragraph of at most 300 characters (no HTML, no blank lines)"
        ],
    ),
    (
        "children with a leading zero, read by YAML as octal",
        BASE.replace("children: 4", "children: 010"),
        [f"{AUDIT}:7: children: 010 would be read as 8; write the count in plain digits with no leading zero, such as 6"],
    ),
    (
        "cases with a colon, read by YAML as base 60",
        BASE.replace("cases: 3", "cases: 1:30"),
        [f"{AUDIT}:6: cases: 1:30 would be read as 90; write the count in plain digits with no leading zero, such as 6"],
    ),
    (
        "cases with an underscore or in hexadecimal",
        BASE.replace("cases: 3", "cases: 1_0").replace("children: 4", "children: 0x10"),
        [
            f"{AUDIT}:6: cases: 1_0 would be read as 10; write the count in plain digits with no leading zero, such as 6",
            f"{AUDIT}:7: children: 0x10 would be read as 16; write the count in plain digits with no leading zero, such as 6",
        ],
    ),
    (
        "cases in hexadecimal of thousands of digits, too many to write out",
        BASE.replace("cases: 3", "cases: 0x" + "f" * 5000),
        [
            f"{AUDIT}:6: cases: 0x{'f' * 5000} would be read as a number of thousands of digits; write the count in plain "
            "digits with no leading zero, such as 6"
        ],
    ),
    (
        "children as a fraction",
        BASE.replace("children: 4", "children: 2.5"),
        [f"{AUDIT}:7: children: must be a whole number; write a whole number such as 6"],
    ),
    (
        "children as yes",
        BASE.replace("children: 4", "children: yes"),
        [f"{AUDIT}:7: children: must be a whole number; write a whole number such as 6"],
    ),
    (
        "children negative",
        BASE.replace("children: 4", "children: -1"),
        [f"{AUDIT}:7: children: must be at least 0; write a whole number such as 6"],
    ),
    ("cases empty", BASE.replace("cases: 3", "cases:"), [f"{AUDIT}:6: cases: is empty; write a whole number such as 6"]),
    (
        "unknown agency",
        BASE.replace("agencies: [police, health]", "agencies: [police, helth]"),
        [
            f"{AUDIT}:8: agencies: item 2: 'helth' is not allowed; use one of: police, health, children-social-care, education (the agencies keys in taxonomy.yml)"
        ],
    ),
    (
        "agencies empty",
        BASE.replace("agencies: [police, health]", "agencies: []"),
        [f"{AUDIT}:8: agencies: is an empty list; write a list such as [police, health] of agencies keys from taxonomy.yml"],
    ),
    (
        "themes not a list",
        BASE.replace("themes: [neglect]", "themes: neglect"),
        [
            f"{AUDIT}:9: themes: must be a list; write a list such as [voice-of-the-child, neglect] of themes keys from taxonomy.yml"
        ],
    ),
    (
        "summary too long",
        BASE.replace("summary: A valid summary.", "summary: " + "x" * 301),
        [
            f"{AUDIT}:10: summary: is 301 characters long; the limit is 300; write one plain-text paragraph of at most 300 characters (no HTML, no blank lines)"
        ],
    ),
    (
        "summary two paragraphs",
        BASE.replace("summary: A valid summary.", "summary: |\n  One.\n\n  Two."),
        [
            f"{AUDIT}:10: summary: has HTML or more than one paragraph; write one plain-text paragraph of at most 300 characters (no HTML, no blank lines)"
        ],
    ),
    (
        "review date",
        BASE.replace("status: published", "status: published\nreview_date: soon"),
        [f"{AUDIT}:6: review_date: 'soon' is not a real date; write an ISO date YYYY-MM-DD, e.g. 2024-03-31"],
    ),
    (
        "pseudonyms",
        BASE.replace("status: published", "status: published\npseudonyms: Child A"),
        [f"{AUDIT}:6: pseudonyms: must be a list; write a list of invented names, e.g. [Child A, Sam]"],
    ),
    (
        "text before first section",
        BASE.replace("## Background", "Intro text.\n\n## Background"),
        [
            f"{AUDIT}:13: text before the first '## ' section would not be published; move it into a section such as '## Background'"
        ],
    ),
    (
        "h1 in body",
        BASE.replace("## Background", "# Big title\n\n## Background"),
        [
            f"{AUDIT}:13: '# Big title' is a top-level heading; the title comes from the front matter, so use '## ' for a section or '### ' inside one"
        ],
    ),
    (
        "setext heading",
        BASE.replace("## What needs to happen\n\nText.", "## What needs to happen\n\nText.\n\nNext steps\n----------\n\nMore."),
        [f"{AUDIT}:33: 'Next steps' is underlined to make a heading; write it as '## Next steps' instead"],
    ),
    (
        "unknown section",
        BASE + "\n## Recomendations\n\nText.\n",
        [
            f"{AUDIT}:33: '## Recomendations' is not a section of a briefing; use one of: Background, Why it matters, What worked well, What we are worried about, What needs to happen, Questions for reflection, Good practice, Action plan, or make it a '### ' sub-heading inside one"
        ],
    ),
    (
        "section with close typo",
        BASE + "\n## What workd well\n\nText.\n",
        [
            f"{AUDIT}:33: '## What workd well' is not a section of a briefing (did you mean 'What worked well'?); use one of: Background, Why it matters, What worked well, What we are worried about, What needs to happen, Questions for reflection, Good practice, Action plan, or make it a '### ' sub-heading inside one"
        ],
    ),
    (
        "duplicate section",
        BASE + "\n## background\n\nMore.\n",
        [f"{AUDIT}:33: '## background' appears twice (first on line 13); merge the two"],
    ),
    (
        "missing section",
        BASE.replace("## What worked well\n\nText.\n\n", ""),
        [
            f"{AUDIT}:13: missing section '## What worked well': add it with its text (required: Background, Why it matters, What worked well, What we are worried about, What needs to happen)"
        ],
    ),
    (
        "empty section",
        BASE.replace("## Why it matters\n\nText.", "## Why it matters\n\n<!-- to do -->"),
        [f"{AUDIT}:17: section '## Why it matters' is empty; write its text"],
    ),
    (
        "empty reflection section",
        BASE + "\n## Questions for reflection\n\n",
        [
            f"{AUDIT}:33: section '## Questions for reflection' is empty; write questions or remove the heading to use the themes' default questions"
        ],
    ),
    (
        "no questions anywhere",
        BASE.replace("themes: [neglect]", "themes: [domestic-abuse]"),
        [
            f"{AUDIT}:13: no '## Questions for reflection' section and none of this briefing's themes has default questions in taxonomy.yml; add the section with your questions"
        ],
    ),
    (
        "heading inside code fence is not a section",
        BASE.replace("Text.\n\n## Why", "```\n## Not a heading\n```\n\n## Why", 1),
        [],
    ),
    (
        "good practice without agency",
        BASE + GOOD_PRACTICE.replace("Agency: police\n", ""),
        [
            f"{AUDIT}:35: good-practice entry 'A good example' needs an 'Agency: <key>' line right under its heading "
            "(several keys are separated by commas, e.g. 'Agency: police, health')"
        ],
    ),
    (
        "good practice unknown agency",
        BASE + GOOD_PRACTICE.replace("Agency: police", "Agency: polce"),
        [
            f"{AUDIT}:36: Agency: 'polce' is not an agency key (did you mean 'police'?); use keys from taxonomy.yml agencies: police, health, children-social-care, education"
        ],
    ),
    (
        "good practice agency given twice",
        BASE + GOOD_PRACTICE.replace("Agency: police", "Agency: police, health,police"),
        [f"{AUDIT}:36: Agency: 'police' is given twice; keep one"],
    ),
    (
        "good practice agency line given twice",
        BASE + GOOD_PRACTICE.replace("Agency: police", "Agency: health\nAgency: police"),
        [f"{AUDIT}:37: 'Agency:' is given twice (first on line 36); keep one line"],
    ),
    (
        "good practice without themes",
        BASE + GOOD_PRACTICE.replace("Themes: neglect\n", ""),
        [
            f"{AUDIT}:35: good-practice entry 'A good example' needs a 'Themes: <key>, <key>' line right under its heading "
            "(several keys are separated by commas, e.g. 'Themes: voice-of-the-child, neglect')"
        ],
    ),
    (
        "good practice unknown theme",
        BASE + GOOD_PRACTICE.replace("Themes: neglect", "Themes: neglect, negelct"),
        [
            f"{AUDIT}:37: Themes: 'negelct' is not a theme key (did you mean 'neglect'?); use keys from taxonomy.yml themes: "
            "voice-of-the-child, neglect, domestic-abuse, information-sharing"
        ],
    ),
    (
        "good practice without text",
        BASE + GOOD_PRACTICE.replace("What they did.\n", ""),
        [f"{AUDIT}:35: good-practice entry 'A good example' has no text; describe the practice under its metadata lines"],
    ),
    (
        "good practice text outside an entry",
        BASE + GOOD_PRACTICE.replace("### A good example", "Loose text.\n\n### A good example"),
        [f"{AUDIT}:35: text under '## Good practice' must belong to an entry: start each entry with a '### ' heading"],
    ),
    (
        "good practice without entries",
        BASE + "\n## Good practice\n\nNothing here.\n",
        [
            f"{AUDIT}:33: '## Good practice' has no entries; add '### ' entries or remove the heading",
            f"{AUDIT}:35: text under '## Good practice' must belong to an entry: start each entry with a '### ' heading",
        ],
    ),
]


def problems(root: Path, include_drafts: bool = False) -> list[str]:
    return [str(p) for p in check(root, "content", include_drafts).problems]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule(project: Path, text: str, expected: list[str]) -> None:
    write(project, AUDIT, text)
    assert problems(project) == expected


def test_valid_base_and_good_practice_pass(project: Path) -> None:
    write(project, AUDIT, BASE + GOOD_PRACTICE)
    assert problems(project) == []


def test_all_problems_are_collected_across_files(project: Path) -> None:
    write(project, AUDIT, BASE.replace("type: maca", "type: mca").replace("cases: 3", "cases: 0"))
    write(project, "content/audits/worse.md", BASE.replace("date: 2024-05-01", "date: tomorrow") + "\n## Extra\n\nx\n")
    found = problems(project)
    assert [line.split(": ")[0] for line in found] == [
        "content/audits/bad.md:3",
        "content/audits/bad.md:6",
        "content/audits/worse.md:4",
        "content/audits/worse.md:33",
    ]


BRIEFING_PATH = "content/briefings/bad.md"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            BRIEFING.replace("status: published", "status: published\ncases: 3"),
            f"{BRIEFING_PATH}:5: unknown field 'cases'; the fields are: title, date, status, themes, agencies, summary, pseudonyms, review_date, superseded_by, previous_slugs, withdrawn_on, withdrawn_reason, source",
        ),
        (
            BRIEFING + GOOD_PRACTICE,
            f"{BRIEFING_PATH}:29: '## Good practice' is not a section of a briefing ('## Good practice' is only for audits); use one of: Background, Why it matters, What worked well, What we are worried about, What needs to happen, Questions for reflection, or make it a '### ' sub-heading inside one",
        ),
        (
            BRIEFING.replace("status: published", "status: published\nsource: ''"),
            f"{BRIEFING_PATH}:5: source: is empty; write free text, e.g. Child safeguarding practice review",
        ),
    ],
    ids=["audit-only field", "good practice", "empty source"],
)
def test_standalone_briefing_rules(project: Path, text: str, expected: str) -> None:
    write(project, BRIEFING_PATH, text)
    assert problems(project) == [expected]


def test_standalone_briefing_needs_no_agencies(project: Path) -> None:
    write(project, BRIEFING_PATH, BRIEFING)
    assert problems(project) == []


def test_slug_must_be_unique_across_folders(project: Path) -> None:
    write(project, "content/audits/same-slug.md", BASE)
    write(project, "content/briefings/same-slug.md", BRIEFING)
    assert problems(project) == [
        "content/briefings/same-slug.md:1: slug 'same-slug' is already used by content/audits/same-slug.md; both would publish at /briefings/same-slug/, so rename one file"
    ]


def test_slug_characters(project: Path) -> None:
    write(project, "content/audits/My Audit.md", BASE)
    assert problems(project) == [
        "content/audits/My Audit.md:1: file name 'My Audit.md' is not a valid slug; rename it using lowercase letters, digits and hyphens, e.g. 'my-audit.md'"
    ]


def test_stray_files_are_reported_not_skipped(project: Path) -> None:
    write(project, "content/audits/notes.txt", "notes")
    write(project, "content/audits/.hidden-editor-file", "ignored")
    assert problems(project) == [
        "content/audits/.hidden-editor-file:1: only '.md' files not starting with '.' are read in content/audits/; rename it or move it out",
        "content/audits/notes.txt:1: only '.md' files not starting with '.' are read in content/audits/; rename it or move it out",
    ]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_named_as_such(project: Path, codec: str) -> None:
    write(project, AUDIT, BASE.encode(codec))
    assert problems(project) == [
        f'{AUDIT}:1: file is UTF-16 text (what Notepad and Word call "Unicode"), not UTF-8; save the file as UTF-8 in your '
        "editor (Notepad: Save as, Encoding: UTF-8)"
    ]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"])
def test_a_utf16_draft_blocks_no_one_but_is_still_privacy_scanned(project: Path, codec: str) -> None:
    draft = BASE.replace("status: published", "status: draft")
    write(project, AUDIT, draft.encode(codec))
    result = check(project, "content")
    assert result.ok and [p.line for p in result.draft_problems] == [1], result.problems
    write(project, AUDIT, draft.replace("Text.", "NHS number 943 476 5919.", 1).encode(codec))
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(f"{AUDIT}:15: ") and "privacy: nhs-number" in found[0], found


def test_a_windows_file_names_the_line_and_the_character(project: Path) -> None:
    text = BASE.replace("## Background\n\nText.", "## Background\n\nThe child’s views were recorded.")
    write(project, AUDIT, text.encode("cp1252"))
    assert problems(project) == [
        f"{AUDIT}:15: file is not UTF-8 text: byte 0x92 on this line (probably '’', as Word or Windows save it); "
        "save the file as UTF-8 in your editor (Notepad: Save as, Encoding: UTF-8)"
    ]
    assert (project / AUDIT).read_bytes() == text.encode("cp1252")  # never changed


def test_a_byte_order_mark_is_read_past(project: Path) -> None:
    write(project, AUDIT, "\ufeff" + BASE)
    assert problems(project) == []


def test_drafts_are_checked_but_do_not_block(project: Path) -> None:
    write(project, AUDIT, BASE.replace("status: published", "status: draft").replace("type: maca", "type: mca"))
    result = check(project, "content")
    assert result.problems == [] and result.ok
    assert AUDIT in result.drafts_held
    assert [str(p) for p in result.draft_problems] == [
        f"{AUDIT}:3: draft, to fix before publishing (does not block the build): type: 'mca' is not allowed; use one of: "
        "maca, thematic (the audit_types keys in taxonomy.yml)"
    ]
    assert problems(project, include_drafts=True) == [
        f"{AUDIT}:3: type: 'mca' is not allowed; use one of: maca, thematic (the audit_types keys in taxonomy.yml)"
    ]


def test_a_draft_in_another_encoding_blocks_no_one_but_is_still_privacy_scanned(project: Path) -> None:
    draft = BASE.replace("status: published", "status: draft").replace("Text.", "The child’s views were recorded.", 1)
    write(project, AUDIT, draft.encode("cp1252"))
    result = check(project, "content")
    assert result.ok, result.problems
    assert [p.line for p in result.draft_problems] == [15]
    assert "file is not UTF-8 text: byte 0x92" in result.draft_problems[0].message
    write(project, AUDIT, draft.replace("recorded.", "recorded; NHS number 943 476 5919.").encode("cp1252"))
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(f"{AUDIT}:15: ") and "privacy: nhs-number" in found[0], found


def test_a_draft_shares_its_slug_with_no_one(project: Path) -> None:
    write(project, AUDIT, BASE)
    write(project, "content/briefings/bad.md", BRIEFING.replace("status: published", "status: draft"))
    assert any("slug 'bad' is already used" in p for p in problems(project))


def test_a_year_typed_wrong_is_refused(project: Path) -> None:
    write(project, AUDIT, BASE.replace("date: 2024-05-01", "date: 1025-05-01"))
    assert problems(project) == [
        f"{AUDIT}:4: date: 1025-05-01 is not a year this audit could have taken place in (from 1990 to today); "
        "check the year for a typing slip"
    ]


FUTURE_DATE = (
    "is after today (2025-06-01, the build date), so the site would show a day that has not come yet; write the day the "
    "audit took place (for a standalone briefing, the day it is published), checking the year for a typing slip, or keep "
    "it as a draft until then"
)
FUTURE_WITHDRAWN = (
    "is after today (2025-06-01, the build date), so the site would show a day that has not come yet; write the day it "
    "was withdrawn (today or earlier)"
)
FUTURE_PUBLISHED = (
    "is after today (2025-06-01, the build date), so the site would show a day that has not come yet; write the day it is "
    "published (today or earlier), or remove the line to use the audit date"
)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("date: 2026-12-01", [f"{AUDIT}:4: date: 2026-12-01 {FUTURE_DATE}"]),
        ("date: 2205-05-01", [f"{AUDIT}:4: date: 2205-05-01 {FUTURE_DATE}"]),
        ("date: 2025-06-02", [f"{AUDIT}:4: date: 2025-06-02 {FUTURE_DATE}"]),
        ("date: 2025-05-01\npublished: 2025-09-01", [f"{AUDIT}:5: published: 2025-09-01 {FUTURE_PUBLISHED}"]),
        (
            "date: 2025-07-01\npublished: 2025-09-01",
            [f"{AUDIT}:4: date: 2025-07-01 {FUTURE_DATE}", f"{AUDIT}:5: published: 2025-09-01 {FUTURE_PUBLISHED}"],
        ),
        ("date: 2025-06-01\npublished: 2025-06-01", []),
    ],
    ids=["next year", "a typing slip", "tomorrow", "published later", "both", "today"],
)
@pytest.mark.parametrize("workers", [1, 2])
def test_a_date_after_the_build_date_is_refused(project: Path, written: str, expected: list[str], workers: int) -> None:
    """Judged from the build's today (--build-date), not the calendar, so a reproduced build judges as it did."""
    write(project, AUDIT, BASE.replace("date: 2024-05-01", written))
    found = check(project, "content", workers=workers, today=date(2025, 6, 1)).problems
    assert [str(p) for p in found if p.path == AUDIT] == expected


def test_a_withdrawal_dated_ahead_is_refused(project: Path) -> None:
    """The notice said "It was withdrawn on 1 January 2099"."""
    withdrawn = "status: withdrawn\nwithdrawn_on: 2099-01-01\nwithdrawn_reason: A detail could identify a family."
    write(project, AUDIT, BASE.replace("status: published", withdrawn))
    found = [str(p) for p in check(project, "content", today=date(2025, 6, 1)).problems if p.path == AUDIT]
    line = BASE.split("\n").index("status: published") + 2
    assert found == [f"{AUDIT}:{line}: withdrawn_on: 2099-01-01 {FUTURE_WITHDRAWN}"]


def test_a_standalone_briefing_dated_ahead_is_refused_and_a_draft_dated_ahead_blocks_no_one(project: Path) -> None:
    write(project, BRIEFING_PATH, BRIEFING.replace("date: 2024-05-01", "date: 2025-07-09"))
    write(
        project,
        "content/audits/ahead.md",
        BASE.replace("date: 2024-05-01", "date: 2025-11-12").replace("status: published", "status: draft"),
    )
    result = check(project, "content", today=date(2025, 6, 1))
    assert [str(p) for p in result.problems] == [f"{BRIEFING_PATH}:3: date: 2025-07-09 {FUTURE_DATE}"]
    assert [p.line for p in result.draft_problems] == [4]
    assert check(project, "content", today=date(2025, 11, 12)).problems == []


def test_a_build_dated_before_an_audit_publishes_nothing(project: Path, cli) -> None:
    write(project, AUDIT, BASE.replace("date: 2024-05-01", "date: 2026-12-01"))
    run = cli("build", "--build-date", "2025-06-01")
    assert run.code == 1 and f"{AUDIT}:4: date: 2026-12-01 {FUTURE_DATE}" in run.lines
    assert not (project / "site").exists()


def test_missing_status_means_draft(project: Path) -> None:
    write(project, AUDIT, BASE.replace("status: published\n", ""))
    assert AUDIT in check(project, "content").drafts_held


@pytest.mark.parametrize(
    ("written", "line", "expected"),
    [
        (
            "title: “Neglect audit”",
            2,
            "title: is wrapped in curly quotes (“ ”, as Word types them), which YAML keeps as part of the text; use straight "
            'quotes instead: title: "Neglect audit"',
        ),
        (
            "title: Neglect audit #2 - early help",
            2,
            "title: YAML reads everything after ' #' as a comment, so this would publish as 'Neglect audit'; put the whole "
            'title in straight double quotes, e.g. title: "Neglect audit #2 - early help" (a comment needs two spaces before '
            "its '#')",
        ),
        (
            "title: Neglect audit\n  #2 early help",
            3,
            "title: YAML reads everything after ' #' as a comment, so this would publish as 'Neglect audit'; put the whole "
            'title in straight double quotes, e.g. title: "Neglect audit #2 early help" (a comment needs two spaces before '
            "its '#')",
        ),
        (
            "title: “Neglect: what we learned”",
            2,
            "front matter is not valid YAML: mapping values are not allowed here; curly quotes (“ ”, as Word types them) are "
            "not quotes to YAML; a value containing ': ' must be put in straight quotes, e.g. title: \"Neglect: what we learned\"",
        ),
        (
            'title: “The "hidden" child”',
            2,
            "title: is wrapped in curly quotes (“ ”, as Word types them), which YAML keeps as part of the text; use straight "
            'quotes instead: title: "The \\"hidden\\" child"',
        ),
        (
            "title: “A \\ “said” B”",
            2,
            "title: is wrapped in curly quotes (“ ”, as Word types them), which YAML keeps as part of the text; use straight "
            'quotes instead: title: "A \\\\ “said” B"',
        ),
        (
            'title: "Neglect \\a audit"',
            2,
            "title: holds an invisible control character (often an escape such as \\a in double quotes, or pasted from "
            "another program): 'Neglect \\x07 audit'; remove it",
        ),
        (
            'title: "Neglect\\x9b audit\\L two"',
            2,
            "title: holds an invisible control character (often an escape such as \\a in double quotes, or pasted from "
            "another program): 'Neglect\\x9b audit\\u2028 two'; remove it",
        ),
        (
            "title:\n  Neglect audit #2 of the year",
            3,
            "title: YAML reads everything after ' #' as a comment, so this would publish as 'Neglect audit'; put the whole "
            'title in straight double quotes, e.g. title: "Neglect audit #2 of the year" (a comment needs two spaces before '
            "its '#')",
        ),
    ],
    ids=[
        "curly quotes",
        "comment cuts the title",
        "comment on a continued line",
        "curly quotes around a colon",
        "curly quotes around quotes",
        "curly quotes around a backslash",
        "an escaped control character",
        "a C1 control and a line separator",
        "a title on the next line cut short",
    ],
)
def test_word_habits_in_the_front_matter_are_refused_with_the_fix(project: Path, written: str, line: int, expected: str) -> None:
    write(project, AUDIT, BASE.replace("title: Valid audit", written))
    assert problems(project) == [f"{AUDIT}:{line}: {expected}"]


@pytest.mark.parametrize(
    ("field", "written", "note"),
    [
        ("cases: 3", "cases: 3 # of which 1 re-audit", "# of which 1 re-audit"),
        ("children: 4", "children: 4 #2 siblings", "#2 siblings"),
        ("type: maca", "type: maca # joint with health", "# joint with health"),
        ("agencies: [police, health]", "agencies: [police, health] # and the GP", "# and the GP"),
    ],
)
def test_a_note_after_one_space_and_hash_on_any_field_is_refused(project: Path, field: str, written: str, note: str) -> None:
    """YAML drops it as a comment; titles and summaries have their own message, with the quoted fix."""
    write(project, AUDIT, BASE.replace(field, written))
    line = BASE.split("\n").index(field) + 1
    assert problems(project) == [
        f"{AUDIT}:{line}: {field.split(':')[0]}: YAML reads {note!r} as a comment, so it would not be published; write the "
        "note in the briefing's text, or, if it is only for you, put two spaces before its '#'"
    ]


@pytest.mark.parametrize(
    ("field", "written", "fix"),
    [
        ("status: published", "status:published", "put a space after the colon (status: published, not status:published)"),
        ("cases: 3", "cases:\u00a03", "the space after the colon is a no-break space (as Word types it); retype it"),
        (
            "title: Valid audit",
            "title: 'Children's safer sleep'",
            "an apostrophe inside single quotes ends them; put the value in double quotes",
        ),
        (
            "title: Valid audit",
            'title: "The "safe" review"',
            "a double quote inside double quotes ends them; put the value in single quotes",
        ),
        (
            "title: Valid audit",
            "title: [DRAFT] Safer sleep",
            "YAML reads a value starting with [ or - as a list; put it in quotes",
        ),
        ("title: Valid audit", "title: - Safer sleep", "YAML reads a value starting with [ or - as a list; put it in quotes"),
        (
            "summary: A valid summary.",
            "summary: **Six** families",
            "YAML reads a value starting with * as a reference; put the whole value in straight double quotes",
        ),
        ("cases: 3", "  cases: 3", "this line is indented: a field starts at the beginning of its line"),
    ],
    ids=["no space", "no-break space", "apostrophe", "inner double quotes", "bracket", "dash", "asterisk", "indented"],
)
def test_a_slip_in_the_front_matter_is_named_at_its_line_with_its_fix(project: Path, field: str, written: str, fix: str) -> None:
    """YAML's own words named another line and another thing: "could not find expected ':'" on the line after
    "status:published", "expected <block end>" for an apostrophe, advice to quote a colon for an indented line."""
    write(project, AUDIT, BASE.replace(field, written))
    line = BASE.split("\n").index(field) + 1
    assert problems(project) == [f"{AUDIT}:{line}: front matter is not valid YAML: {fix}"]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ('title: "The \\"Think family\\" audit"', "summary: Think family: what we learned."),
        ("title: Valid audit", "summary: In six cases,\n  including: chronologies.\ncases: 3: of which one"),
    ],
    ids=["escaped quotes", "wrapped words"],
)
def test_a_line_that_only_looks_like_a_slip_is_not_blamed_for_the_next(project: Path, title: str, summary: str) -> None:
    """An escaped quote in double quotes and a wrapped value's words ("  including: …") are valid YAML: the slip is where
    YAML stopped, a colon in a later value, and that line is named with YAML's own words."""
    write(project, AUDIT, BASE.replace("title: Valid audit", title).replace("summary: A valid summary.", summary))
    found = problems(project)
    assert len(found) == 1 and "mapping values are not allowed here" in found[0], found
    assert "slip" not in found[0] and "indented" not in found[0] and "double quote" not in found[0]


def test_a_count_written_with_thousands_parted_says_to_write_its_digits(project: Path) -> None:
    """The site writes 1,250; an author copying it got "must be a whole number", not what to write."""
    write(project, AUDIT, BASE.replace("cases: 3", "cases: 1,250"))
    assert problems(project) == [
        f"{AUDIT}:6: cases: 1,250 has commas: write 1250, as YAML reads digits alone; write a whole number such as 6"
    ]


def test_a_count_more_than_any_audit_reviews_is_refused_as_a_slip(project: Path) -> None:
    """`cases: 99999999999999999999999` was summed into the archive (and read otherwise by a spreadsheet past 2**53)."""
    write(project, AUDIT, BASE.replace("cases: 3", "cases: 99999999999999999999999").replace("children: 4", "children: 100000"))
    assert problems(project) == [
        f"{AUDIT}:6: cases: is more than 100,000, more than any audit reviews: check it for a typing slip"
    ]


@pytest.mark.parametrize(
    ("field", "written", "anchor", "down"),
    [
        ("title: Valid audit", "title: &Safer sleep", "&Safer", 0),
        ("summary: A valid summary.", "summary: &Learning from two reviews.", "&Learning", 0),
        ("title: Valid audit", "title:\n  &Safer sleep at home", "&Safer", 1),
    ],
    ids=["title", "summary", "on the next line"],
)
def test_a_value_starting_with_an_ampersand_is_refused_not_cut(
    project: Path, field: str, written: str, anchor: str, down: int
) -> None:
    """YAML takes `&Safer` for a name of the value (an anchor): the page's heading read "sleep"."""
    write(project, AUDIT, BASE.replace(field, written))
    line = BASE.split("\n").index(field) + 1 + down
    assert problems(project) == [
        f"{AUDIT}:{line}: front matter: YAML reads {anchor!r} at the start of a value as a name for it, not as text, so it "
        "would not be published; put the whole value in straight double quotes"
    ]


def test_an_ampersand_starting_a_label_or_a_pages_setting_is_refused_and_an_anchor_used_is_read(project: Path) -> None:
    """A theme's label `&Curiosity and challenge` headed its page "and challenge", a page's title `&Our partners` read
    "partners"; an anchor an alias uses (`&q` … `*q`) is meant as one."""
    taxonomy = project / "content/taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text().replace("label: Voice of the child", "label: &Curiosity and challenge"))
    write(project, "content/pages/partners.md", "---\ntitle: &Our partners\n---\n\n# Partners\n\nText.\n")
    found = problems(project)
    said = "at the start of a value as a name for it, not as text, so it would not be published"
    line = taxonomy.read_text().split("\n").index("    label: &Curiosity and challenge") + 1
    assert (
        f"content/taxonomy.yml:{line}: this file: YAML reads '&Curiosity' {said}; put the whole value in straight double quotes"
        in found
    )
    assert (
        f"content/pages/partners.md:2: front matter: YAML reads '&Our' {said}; put the whole value in straight double quotes"
        in found
    )
    write(project, "content/pages/partners.md", "---\ntitle: &t Partners\ndescription: *t\n---\n\n# Partners\n\nText.\n")
    taxonomy.write_text(taxonomy.read_text().replace("label: &Curiosity and challenge", "label: Voice of the child"))
    assert not [p for p in problems(project) if "partners.md" in p or "taxonomy" in p]


@pytest.mark.parametrize(
    "written",
    [
        "cases: 3  # of which 1 re-audit",
        "cases: 3\t# a tab",
        'cases: 3\npseudonyms: ["Child #1"]',
        'cases: 1 # privacy: allow "cases: 1" reason: x',
    ],
)
def test_a_comment_meant_as_one_on_a_field_passes(project: Path, written: str) -> None:
    write(project, AUDIT, BASE.replace("cases: 3", written))
    assert problems(project) == []


@pytest.mark.parametrize(
    "written",
    [
        'title: "Neglect audit #2"',
        "title: 'Neglect: “what we learned”'",
        "title: C# and neglect",
        "title: Neglect audit  # the working title",
        "title: Neglect audit\t# the working title",
        'title: Neglect audit # privacy: allow "Neglect audit" reason: a test of the marker',
        "title: Neglect audit # 2",
        "title: Neglect audit\n  # 2",
    ],
    ids=[
        "quoted hash",
        "curly quotes inside",
        "hash inside a word",
        "a comment after two spaces",
        "a comment after a tab",
        "the privacy marker",
        "a cut after one space (refused)",
        "a cut on a continued line (refused)",
    ],
)
def test_quoted_values_and_comments_pass_and_only_a_cut_is_refused(project: Path, written: str) -> None:
    write(project, AUDIT, BASE.replace("title: Valid audit", written))
    assert bool(problems(project)) is ("# 2" in written)


def test_a_lone_surrogate_in_a_key_is_named_printably_not_a_crash(project: Path, cli) -> None:
    write(project, AUDIT, BASE.replace("title: Valid audit", 'title: Valid audit\n"\\ud800": 1'))
    run = cli("check")
    assert run.code == 1 and "Traceback" not in run.err
    assert f"{AUDIT}:3: \\ud800: holds an invisible control character" in run.out, run.out


def test_a_character_yaml_refuses_is_named_at_its_line_in_every_file_at_once(project: Path, cli) -> None:
    """A control character pasted into front matter or the taxonomy, even inside a comment, used to stop the check with
    a traceback: no line, no other problem."""
    write(project, AUDIT, BASE.replace("title: Valid audit", "title: Valid\x07audit").replace("cases: 3", "cases: 3\x00"))
    write(project, "content/briefings/pasted.md", BASE.replace("cases: 3", "cases: 3  # from the report\x1b"))
    taxonomy = project / "content/taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text() + "# \ufffe\n")
    run = cli("check")
    assert run.code == 1 and "Traceback" not in run.err
    said = "holds an invisible control character ({}) on this line, which YAML refuses; delete it"
    assert f"{AUDIT}:2: front matter {said.format('U+0007')}" in run.out, run.out
    assert f"{AUDIT}:6: front matter {said.format('U+0000')}" in run.out
    assert f"content/briefings/pasted.md:6: front matter {said.format('U+001B')}" in run.out
    assert f"content/taxonomy.yml:{taxonomy.read_text().count(chr(10))}: this file {said.format('U+FFFE')}" in run.out


def test_an_invisible_control_character_in_a_hand_written_page_is_refused_at_its_line(project: Path, cli) -> None:
    """Word's line break pasted into a page of `content/pages/` reached its page as a box: the check judged the
    audits' and briefings' text alone. The front matter's is YAML's to name, once; a page's comments are read too: the
    page's HTML holds them (an audit's are not published)."""
    write(project, "content/pages/help.md", "---\ntitle: Help\x07 us\n---\n# Help\n\nCall\x0bus.\n<!-- \x0b -->\n")
    write(project, "content/pages/notes.txt", "Plain\x0c text\n<!-- shown as written\x0b -->\n")
    shown = {  # what the engine shows: front matter it reads as text, a "comment" in code or begun in code
        "reviewed.md": "---\nLast reviewed: March 2026\x0b by the board\n---\n\nThe page.\n",
        "coded.md": "# V\n\nStart a note with `<!--`.\n\nHello\x0bworld.\n\nEnd it with `-->`.\n",
        "fenced.md": "# T\n\n```\n<!-- in code\x0b -->\n```\n",
    }
    for name, text in shown.items():
        write(project, f"content/pages/{name}", text)
    write(project, "content/pages/ruled.md", "---\ntitle: W1\n----\nA line\x0b here\n---\n\n# W1\n")  # YAML's, once
    write(project, "content/pages/spaced.md", "---\ntitle: T2 \u2028 x\n---\n\nText.\n")  # YAML's line break, once
    said = "holds an invisible control character, U+{}"
    for run in cli("check"), cli("build", "--pdf", "skip"):
        assert run.code == 1, run.out + run.err
        assert f"content/pages/help.md:6: {said.format('000B')} (Word's line break" in run.out, run.out
        assert f"content/pages/notes.txt:1: {said.format('000C')}," in run.out
        assert f"content/pages/notes.txt:2: {said.format('000B')}" in run.out
        assert "content/pages/help.md:2: front matter holds an invisible control character (U+0007)" in run.out
        assert f"content/pages/help.md:7: {said.format('000B')}" in run.out  # a page's comment is in its HTML
        assert run.out.count("content/pages/help.md:") == 3
        for name, text in shown.items():
            line = text[: text.index("\x0b")].count("\n") + 1
            assert (
                run.out.count(f"content/pages/{name}:") == 1 and f"content/pages/{name}:{line}: {said.format('000B')}" in run.out
            )
        assert run.out.count("content/pages/ruled.md:4: ") == 1
        assert run.out.count("content/pages/spaced.md:2: ") == 1
    assert not (project / "site").exists()


def test_a_hand_written_pages_front_matter_the_engine_cannot_read_is_refused_at_its_line(project: Path, cli) -> None:
    """The engine showed such front matter as the page's text (`title: About` under a rule), and the check passed."""
    write(project, "content/pages/about.md", "---\ntitle: About\x07 us\n---\n# About\n\nText.\n")
    write(project, "content/pages/help.md", "---\ntitle: Help\nsummary: Neglect: what we learned\n...\n# Help\n")
    run = cli("check")
    assert run.code == 1
    assert "content/pages/about.md:2: front matter holds an invisible control character (U+0007)" in run.out, run.out
    assert "content/pages/help.md:3: front matter is not valid YAML: mapping values are not allowed here" in run.out


def test_a_hand_written_pages_front_matter_values_the_engine_cannot_make_are_refused_at_their_line(project: Path, cli) -> None:
    """Read as YAML, each passed the check; the engine then showed the whole front matter as the page's text (or a
    list as its title), and an unclosed front matter as text under a rule."""
    pages = {
        "dated.md": ("---\ntitle: About us\ndate: 2024-02-30\n---\nText.\n", 3, "2024-02-30 is no date YAML can read"),
        "tagged.md": ("---\ntitle: Help\nsubtitle: !!int abc\n---\nText.\n", 3, "'abc' is no int YAML can read"),
        "listed.md": ("---\ntitle: [Leaflets, Posters]\n---\nText.\n", 2, "title must be text (title: About us), not a list"),
        "unclosed.md": ("---\ntitle: Contact\n\nText.\n", 1, "this front matter is not where the engine looks for it"),
        "blank-first.md": ("\n---\ntitle: Contact\n---\nText.\n", 2, "this front matter is not where the engine looks"),
        "four-dashes.md": ("----\ntitle: Contact\n----\nText.\n", 1, "this front matter is not where the engine looks"),
        "commented.md": ("\n---\n# this page\ntitle: Contact\n---\nText.\n", 2, "this front matter is not where the engine"),
        "listed-name.md": ("---\ntitle: Help\n[draft]: yes\n---\nText.\n", 3, "a name in front matter must be a word"),
        "hidden.md": ("---\ntitle: Help\nhide: true\n---\nText.\n", 3, "hide must be a list of what to hide"),
        "capital.md": ("---\nTitle: Contacts: who to call\n---\nText.\n", 2, "front matter is not valid YAML"),
        "noted.md": ("Note: this guidance is under review.\n\n# Guidance\n", 1, "'Note:' is read by the engine as a setting"),
        "noted-small.md": ("note: updated every month.\n\n# Guidance\n", 1, "'note:' is read by the engine as a setting"),
        "year.md": ("2025-26: a year of learning\n\nText.\n", 1, "'2025-26:' is read by the engine as a setting"),
        "address.md": ("https://www.gov.uk/guidance\n\nText.\n", 1, "'https:' is read by the engine as a setting"),
        "then-note.md": ("title: About us\nNote: updated monthly\n\n# About\n", 2, "'Note:' is read by the engine"),
        "ruled-note.md": ("---\nNote: under review\n---\n# Guidance\n", 2, "'Note:' is read by the engine as a setting"),
        "tabbed.md": ("title: About us\n\tand partners\nNote: updated\n\n# About\n", 3, "'Note:' is read by the engine"),
        "ruled-colon.md": ("---\n\nUpdated: see below.\n\n---\n# Guidance\n", 3, "'Updated:' is read by the engine as a"),
        "no-break.md": ("---\ntitle:\u00a0Help\n---\nText.\n", 2, "front matter must be names with their values"),
        "full-width.md": ("---\ntitle\uff1aHelp\n---\nText.\n", 2, "front matter must be names with their values"),
    }
    for name, (text, _, _) in pages.items():
        write(project, f"content/pages/{name}", text)
    passing = {
        "rule.md": "---\n\nA page that opens with a rule.\n",
        "note.md": "---\nNote: this guidance is under review.\n\nThe rest of the page.\n",
        "status.md": "---\n\nStatus: these pages are reviewed every year.\n",
        "between-rules.md": "---\n\nThis page is being updated.\n\n---\n\n# Procedures\n",
        "list-between-rules.md": "---\n- Leaflets\n---\nText.\n",
        "two-rules.md": "---\n---\nText.\n",
        "ruled-prose.md": "---\nNote: see the guidance: it explains the process.\n---\nText.\n",
        "ruled-lines.md": "---\nUpdated: 1 April 2025\n\nMore text here.\n---\nText.\n",
        "settings.md": "title: About us\n    and our partners\n\n# About\n",
        "dotted.md": "---\ntitle: Dotted\nhide: [navigation, toc]\n...\nText.\n",
        "windows.md": "\ufeff---\r\ntitle: Windows\r\n---\r\nText.\r\n",
    }
    for name, text in passing.items():
        (project / "content/pages" / name).write_bytes(text.encode())
    run = cli("check")
    assert run.code == 1
    for name, (_, line, said) in pages.items():
        assert f"content/pages/{name}:{line}: {said}" in run.out, run.out
    assert not [name for name in passing if f"content/pages/{name}" in run.out], run.out


@pytest.mark.parametrize("pasted", ["\u2028", "\u2029", "\x85"])
def test_a_line_break_yaml_reads_and_an_editor_hides_is_named_not_left_to_shift_every_line(
    project: Path, cli, pasted: str
) -> None:
    """Word's manual line break pasted as U+2028 is a new line to YAML, not to an editor: every line YAML named after
    it was one off (`status: publishd` on line 4 reported at line 5)."""
    write(project, AUDIT, BASE.replace("title: Valid audit", f"title: Valid{pasted} audit").replace("published", "publishd"))
    run = cli("check")
    assert run.code == 1
    said = f"holds an invisible line break (U+{ord(pasted):04X}) on this line, which YAML reads as a new line; delete it"
    assert f"{AUDIT}:2: front matter {said}" in run.out, run.out
    write(project, AUDIT, BASE.replace("published", "publishd"))
    assert f"{AUDIT}:5: status: 'publishd' is not allowed" in cli("check").out


def test_the_suggested_fix_is_valid_yaml_that_reads_as_written(project: Path) -> None:
    """Whatever the title holds, the quoted example in the message reads back as the whole title."""
    for title in ('Audit #2 of "hidden" harm', "Audit #3 \\ part two", "Audit #4: the ‘quiet’ child"):
        write(project, AUDIT, BASE.replace("title: Valid audit", f"title: {title}"))
        (message,) = problems(project)
        example = message.split("e.g. ", 1)[1].split(" (a comment needs")[0]
        assert yaml.safe_load(example) == {"title": title}, message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "audit_types: {maca: MACA}\nagencies: {police: Police}\n",
            ["content/taxonomy.yml:1: missing section 'themes:'; add it with at least one 'key: label' entry"],
        ),
        (
            "audit_types: {maca: MACA}\nagencies: {police: Police}\nthemes:\n  neglect:\n    questions:\n      - Why?\n",
            ["content/taxonomy.yml:4: theme 'neglect' needs 'label: <text>'"],
        ),
        (
            "audit_types: [maca\n",
            [
                "content/taxonomy.yml:2: this file is not valid YAML: expected ',' or ']', but got '<stream end>'; check quotes, colons and indentation"
            ],
        ),
        (
            "audit_types: {maca: MACA}\nagencies: {Police: Police}\nthemes: {neglect: {label: Neglect}}\n",
            ["content/taxonomy.yml:2: key 'Police' must be lowercase letters, digits and hyphens"],
        ),
        (
            "audit_types: {maca: MACA}\nagencies: {police: Police}\nthemes: {neglect: {label: Neglect}}\ngroups: {police: Police board}\n",
            ["content/taxonomy.yml:4: 'police' is both an agency and a group; give the group another key"],
        ),
        (
            "audit_types: {maca: MACA, briefing: Single-agency audit}\nagencies: {police: Police}\nthemes: {neglect: {label: Neglect}}\n",
            [
                "content/taxonomy.yml:1: audit type 'briefing' is the type the filters give standalone briefings; give this "
                "type another key"
            ],
        ),
        (
            "audit_types: {maca: MACA}\nagencies: {police: Police}\nthemes: {neglect: {label: Neglect}}\ngroup: {board: Board}\n",
            [
                "content/taxonomy.yml:4: unknown section 'group' (did you mean 'groups'?); the sections are audit_types, "
                "agencies, themes and, if needed, groups, glossary"
            ],
        ),
        (
            'audit_types: {maca: MACA, thematic: "Thematic\\x01audit"}\nagencies: {police: Police}\nthemes: {neglect: {label: Neglect}}\n',
            [
                "content/taxonomy.yml:1: holds an invisible control character (often pasted from another program): "
                "'Thematic\\x01audit'; retype it"
            ],
        ),
        (
            "audit_types: {maca: MACA}\nagencies:\n  police: Police\n  health: Health\n  police: Police service\n"
            "themes:\n  neglect:\n    label: Neglect\n    label: Neglect of children\n",
            [
                "content/taxonomy.yml:5: 'police' is given twice (first on line 3); keep one",
                "content/taxonomy.yml:9: 'label' is given twice (first on line 8); keep one",
            ],
        ),
        (
            "audit_types: {maca: MACA}\nagencies: {police: Police}\nthemes: {neglect: {label: Neglect}}\nglossary:\n"
            "  IRO: Independent reviewing officer\n  Mash: Multi-agency safeguarding hub\n  CP:\n",
            [
                "content/taxonomy.yml:6: glossary: 'Mash' must be an acronym of 2 to 6 capitals, e.g. 'IRO: ...'",
                "content/taxonomy.yml:7: glossary: 'CP' needs what it stands for, e.g. 'CP: ...'",
            ],
        ),
    ],
    ids=[
        "missing section",
        "theme without label",
        "yaml error",
        "bad key",
        "group named like an agency",
        "audit type named as a standalone briefing's",
        "misspelt section",
        "control character",
        "a key given twice",
        "glossary entries at their lines",
    ],
)
def test_taxonomy_rules(project: Path, text: str, expected: list[str]) -> None:
    write(project, "content/taxonomy.yml", text)
    assert problems(project) == expected


def test_two_entries_a_reader_cannot_tell_apart_by_their_labels_are_refused(project: Path) -> None:
    """Two themes both "Neglect" (in capitals, spaced, with a Cyrillic е), an agency and a group both "Police": the site
    showed two rows, filters and counts under one name, each with part of the figures."""
    taxonomy = project / "content/taxonomy.yml"
    text = taxonomy.read_text()
    text = text.replace("  education: Education\n", "  education: Education\n  police-force: 'POLICE '\n")
    text = text.replace(
        "  qa-subgroup: Quality assurance sub-group\n", "  qa-subgroup: Quality assurance sub-group\n  police-group: Police\n"
    )
    text = text.replace("  domestic-abuse:\n", "  neglect-cases:\n    label: N\u0435glect.\n  domestic-abuse:\n")
    taxonomy.write_text(text)
    lines = text.split("\n")
    at = [lines.index(entry) + 1 for entry in ("  police-force: 'POLICE '", "  police-group: Police", "  neglect-cases:")]
    said = "so readers could not tell their pages and counts apart; give each its own label, or use"
    assert problems(project) == [
        f"content/taxonomy.yml:{at[0]}: 'police-force' has the label of 'police' ('POLICE'), {said} 'police' alone",
        f"content/taxonomy.yml:{at[1]}: 'police-group' has the label of 'police' ('Police'), {said} 'police' alone",
        f"content/taxonomy.yml:{at[2]}: 'neglect-cases' has the label of 'neglect' ('N\u0435glect.'), {said} 'neglect' alone",
    ]


def test_an_audit_copied_under_a_new_name_is_refused_not_counted_twice(project: Path, cli) -> None:
    """A copy left beside the audit it was made from (a backup, a start on the next audit) would double the archive's
    cases and children; a draft or withdrawn copy counts in no total and passes, and so does another audit's own title."""
    write(project, AUDIT, BASE.replace("title: Valid audit", "title: Valid audit - the child's voice"))
    copies = {  # as a reader sees them: case, spacing, punctuation, an invisible space, a Cyrillic е, a curly apostrophe
        "content/audits/bad-copy.md": "title: 'Valid  AUDIT - the child’s voice.'",
        "content/audits/bad-copy-2.md": 'title: "Valid\\u200b audit: the child\'s vоice"',
        "content/audits/bad-copy-3.md": "title: Valid audit - thе child's voice",
    }
    for path, title in copies.items():
        write(project, path, BASE.replace("title: Valid audit", title))
    write(project, "content/audits/bad-draft.md", BASE.replace("status: published", "status: draft"))
    write(project, "content/audits/other.md", BASE.replace("title: Valid audit", "title: Valid audit, part two"))
    found = problems(project)
    said = ", so the archive would count it twice in its totals; if it is another audit, give it its own title, else delete one of the two files"
    assert found == [
        f"content/audits/bad-copy-3.md:2: title: this audit has the title and date of content/audits/bad-copy-2.md{said}",
        f"content/audits/bad-copy.md:2: title: this audit has the title and date of content/audits/bad-copy-2.md{said}",
        f"content/audits/bad.md:2: title: this audit has the title and date of content/audits/bad-copy-2.md{said}",
    ], found
    assert cli("build", "--pdf", "skip").code == 1


def test_an_audit_copied_under_a_new_title_and_date_is_refused_by_its_text(project: Path, cli) -> None:
    """A copy made to start the next audit, retitled and dated but still holding the first one's findings, would count
    its cases and children twice: its text, read as shown (wrapped, spaced and cased otherwise, with a comment no page
    shows, its steps in another order, which the page puts back in its own), is the same. Audits
    that share only a heading and a line are not copies, nor is a draft copy (counted in no total)."""
    source = (project / "content/audits/year-start-maca.md").read_text()
    copy = source.replace("title: Audit on the first day of April", "title: Next audit", 1).replace("2024-04-01", "2024-09-01")
    body = copy.index("## Background")
    reworded = copy[:body] + copy[body:].replace("The MACA met twice.", "The  MACA\nmet\u00a0TWICE")
    write(project, "content/audits/next-audit.md", reworded)
    noted = copy.replace("title: Next audit", "title: Noted audit", 1).replace(
        "## Background\n", "<!-- to be rewritten -->\n## Background\n"
    )
    sections = noted.split("## ")
    write(project, "content/audits/noted-audit.md", "## ".join([sections[0], sections[2], sections[1], *sections[3:]]))
    write(project, "content/audits/draft-copy.md", copy.replace("status: published", "status: draft"))
    write(project, AUDIT, BASE)
    write(project, "content/audits/other.md", BASE.replace("title: Valid audit", "title: Another audit"))
    found = problems(project)
    said = (
        "word, so the archive would count it twice in its totals; if it is another audit, write its own findings (or keep "
        "it a draft until they are), else delete one of the two files"
    )
    assert found == [
        f"content/audits/next-audit.md:2: title: this audit's text is that of content/audits/year-start-maca.md, word for {said}",
        f"content/audits/noted-audit.md:2: title: this audit's text is that of content/audits/year-start-maca.md, word for {said}",
    ], found
    assert cli("build", "--pdf", "skip").code == 1


def test_a_review_date_before_the_audit_is_refused_with_every_other_date_before_it(project: Path) -> None:
    write(project, AUDIT, BASE.replace("status: published", "review_date: 2023-05-01\npublished: 2024-04-01\nstatus: published"))
    assert problems(project) == [
        f"{AUDIT}:5: review_date: 2023-05-01 is before its date 2024-05-01, so it would be due for review before it was "
        "written; check for a typing slip",
        f"{AUDIT}:6: published: 2024-04-01 is before the audit date 2024-05-01; publication cannot come before the audit",
    ]


def test_an_invisible_control_character_in_the_text_is_refused_at_its_line(project: Path, cli) -> None:
    """Word's line break within a paragraph (Shift+Enter) pastes as U+000B: in an action plan's cell it passed the check
    and stopped the build while it wrote the year's Word document, naming no file."""
    source = project / "content/audits/year-start-maca.md"
    text = source.read_text()
    lines = text.split("\n")
    cell = next(n for n, line in enumerate(lines, 1) if "| Review the neglect toolkit |" in line)
    written = text.replace("Review the neglect toolkit", "Review the neglect\x0btoolkit").replace("## Why", "\x0c## Why", 1)
    source.write_text(written + "\n<!-- a note, never shown:\x0b -->\n")
    page_break = next(n for n, line in enumerate(source.read_text().split("\n"), 1) if "\x0c" in line)
    said = f"content/audits/year-start-maca.md:{cell}: holds an invisible control character, U+000B (Word's line break"
    for run in cli("check"), cli("build", "--pdf", "skip"):
        assert run.code == 1 and said in run.out, run.out + run.err
        assert f"content/audits/year-start-maca.md:{page_break}: holds an invisible control character, U+000C," in run.out
        assert "XML compatible" not in run.out + run.err and run.out.count("holds an invisible control character") == 2
