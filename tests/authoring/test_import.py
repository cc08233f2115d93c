"""`briefings import FILE.docx`: a Word report becomes a draft that holds every word of the document.

The documents are fictional and anonymised (`Child A`, no names, numbers or addresses). Most are built here
with python-docx; `tests/fixtures/docx/libreoffice-neglect-maca.docx` was saved by a real word processor
(see `test_a_document_saved_by_libreoffice_keeps_every_word`).
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

import docx
import frontmatter
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from PIL import Image

from generator.authoring.word import facts as wordfacts
from generator.authoring.word.blocks import Prose, Table, blocks
from generator.authoring.word.headings import action_columns, step_of
from generator.authoring.word.sections import pipe_table
from generator.content.parse import parse_document
from generator.content.unshown import unshown
from generator.pipeline import check
from generator.site.markup import to_html
from tests.support import AUDIT_HEADINGS, BRIEFING_HEADINGS, FIXTURES

DOCX = FIXTURES / "docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
COMMENT = "The reviewer doubts this figure"
DELETED = "occasionally"


# --- building documents --------------------------------------------------------------------------


def hyperlink(paragraph, text: str, url: str) -> None:
    """python-docx has no call for a link: add the element Word writes."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def two_level_bullets(document) -> int:
    """A bulleted list with a second level, as Word defines one (python-docx's template has only flat lists):
    the new list's number id."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level, bullet in ((0, "\u2022"), (1, "o")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", "bullet"), ("w:lvlText", bullet)):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            lvl.append(element)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    reference = OxmlElement("w:abstractNumId")
    reference.set(qn("w:val"), "90")
    num.append(reference)
    numbering.append(num)
    return 90


def list_item(document, text: str, style: str = "List Bullet", level: int = 0, num_id: int | None = None):
    """A list paragraph at `level` (0 is the outer list), in the list `num_id` or the style's own."""
    paragraph = document.add_paragraph(text, style=style)
    numbering = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", level), ("w:numId", num_id or document.styles[style].element.pPr.numPr.numId.val)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(value))
        numbering.append(element)
    paragraph._p.get_or_add_pPr().append(numbering)
    return paragraph


def tracked(paragraph, tag: str, text: str) -> None:
    """A tracked insertion (`w:ins`) or deletion (`w:del`) by a reviewer."""
    change = OxmlElement(tag)
    for name, value in (("w:id", str(len(paragraph._p) + 100)), ("w:author", "QA officer"), ("w:date", "2024-06-20T10:00:00Z")):
        change.set(qn(name), value)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:delText" if tag == "w:del" else "w:t")
    text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text_element.text = text
    run.append(text_element)
    change.append(run)
    paragraph._p.append(change)


def picture() -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(data, "PNG")
    data.seek(0)
    return data


def table(document, rows: list[list[str]]):
    made = document.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, row in zip(rows, made.rows, strict=True):
        for text, cell in zip(cells, row.cells, strict=True):
            cell.text = text
    return made


ACTION_TABLE = [
    ["Ref", "Recommendation", "Lead agency", "By when", "Progress"],
    [
        "1",
        "Publish a neglect toolkit for adolescents (with a one-page guide | poster)",
        "Quality assurance sub-group",
        "31/03/2025",
        "In progress",
    ],
    [
        "2",
        "Start a multi-agency chronology when neglect is raised a second time",
        "Children’s Social Care",
        "30 September 2025",
        "Not started",
    ],
    ["3", "Add teenage neglect to the school nurses’ training", "Health", "2025-01-31", "Completed"],
]
MAPPED = [
    [
        "Publish a neglect toolkit for adolescents (with a one-page guide | poster) (Ref: 1)",
        "qa-subgroup",
        "2025-03-31",
        "In progress",
    ],
    [
        "Start a multi-agency chronology when neglect is raised a second time (Ref: 2)",
        "children-social-care",
        "2025-09-30",
        "Not started",
    ],
    ["Add teenage neglect to the school nurses’ training (Ref: 3)", "health", "2025-01-31", "Complete"],
]
STEP_HEADINGS = [
    "Neglect of teenagers: a multi-agency case audit",
    "1. Introduction",
    "2. Why this matters",
    "3. What went well",
    "4. Areas for development",
    "5. Recommendations",
    "Good practice examples",
    "Questions to consider",
]
"""The title and the headings that name a step: the draft has the contract's headings instead."""


def neglect_report(path: Path) -> Path:
    """A MACA report as a QA officer might write it in Word: its own headings, lists, tables, a comment, an image
    and tracked changes."""
    document = docx.Document()
    document.add_paragraph(STEP_HEADINGS[0], style="Title")
    document.add_paragraph("Quality assurance sub-group, reported to the partnership in July 2024")
    document.add_heading(STEP_HEADINGS[1], 1)
    document.add_paragraph(
        "The audit took place on 12 June 2024. Practitioners from children’s social care, health, the police and "
        "education looked at six cases involving 11 children aged 13 to 17, where neglect had been raised at least "
        "twice in the previous year."
    )
    paragraph = document.add_paragraph("Each case was read by two auditors from different agencies before a ")
    hyperlink(paragraph, "multi-agency panel discussion", "https://example.org/maca-guide")
    paragraph.add_run(".")
    document.add_heading(STEP_HEADINGS[2], 1)
    document.add_paragraph("Neglect of teenagers is often missed because older children are expected to look after themselves.")
    bullets = two_level_bullets(document)
    list_item(document, "Teenagers may hide neglect out of loyalty or shame.", num_id=bullets)
    list_item(document, "Child A said they did not want their mother to get into trouble.", level=1, num_id=bullets)
    list_item(document, "Neglect can sit alongside exploitation, going missing and school absence.", num_id=bullets)
    list_item(document, "Two of the six young people had been reported missing.", level=1, num_id=bullets)
    document.add_heading(STEP_HEADINGS[3], 1)
    list_item(document, "Schools noticed changes in attendance and appearance quickly.", "List Number")
    list_item(document, "The health visitor for a younger sibling shared concerns with the school nurse.", "List Number")
    item = list_item(document, "", "List Number")
    item.add_run("Information sharing").bold = True
    item.add_run(" between health and education was timely in four of the six cases.")
    paragraph = document.add_paragraph("Where it worked, practitioners ")
    paragraph.add_run("saw the young person alone").italic = True
    run = paragraph.add_run(" and recorded what they said.")
    document.add_comment(run, text=COMMENT, author="QA officer", initials="QA")
    document.add_picture(picture())
    document.add_heading(STEP_HEADINGS[4], 1)
    document.add_paragraph("Practitioners too often accepted a teenager’s own account without checking it.")
    document.add_heading("Chronologies", 2)
    document.add_paragraph("Only two of the six cases had a chronology that brought all agencies’ information together.")
    counts = table(
        document,
        [
            ["Agency", "Cases open at audit", "Chronology in place"],
            ["Children’s social care", "6", "2"],
            ["Health", "4", "1"],
            ["Both chronologies were started after the second referral.", "", ""],
        ],
    )
    counts.cell(3, 0).merge(counts.cell(3, 2))
    document.add_heading("Case summaries", 1)
    document.add_paragraph("Child A was 14 and lived with a parent who drank heavily.")
    paragraph = document.add_paragraph("The panel agreed that professional curiosity was ")
    tracked(paragraph, "w:del", DELETED + " ")
    tracked(paragraph, "w:ins", "consistently ")
    paragraph.add_run("the key learning.")
    document.add_heading(STEP_HEADINGS[5], 1)
    document.add_paragraph(
        "The partnership should publish a neglect toolkit for adolescents and check its use through the next audit."
    )
    table(document, ACTION_TABLE)
    document.add_heading(STEP_HEADINGS[6], 1)
    document.add_heading("A school nurse who kept asking", 2)
    document.add_paragraph(
        "The school nurse noticed that Child B was hungry at the start of each day and, with the health visitor, "
        "arranged a home visit. Health and education agreed a plan with the family within a week, and the voice of "
        "the child was recorded in their own words."
    )
    document.add_heading("A referral made the same day", 2)
    document.add_paragraph(
        "After finding Young person C alone at home at night, the police made a referral to children’s social care "
        "the same day. Information sharing with the school was clear and prompt."
    )
    document.add_heading(STEP_HEADINGS[7], 1)
    list_item(document, "When did you last check what a teenager told you?", "List Number")
    list_item(document, "Who else knows this young person, and have you spoken to them?", "List Number")
    document.save(path)
    return path


# --- reading documents and drafts as words -----------------------------------------------------------


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[^\W_]+", text.lower()))


def document_words(path: Path, skip: set[str] = frozenset(), skip_columns: tuple[str, ...] = ()) -> Counter[str]:
    """Every word a reader of the .docx sees in its body and notes (never its comments or tracked deletions),
    except whole paragraphs in `skip` and, in a table headed with one of `skip_columns`, that table's header
    and those columns (values the import rewrites on purpose, checked one by one instead)."""
    with zipfile.ZipFile(path) as archive:
        parts = [name for name in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml") if name in archive.namelist()]
        roots = [lxml_html.etree.fromstring(archive.read(name)) for name in parts]
    skipped: set[object] = set()
    for root in roots:
        for rows in (t.findall(f"{W}tr") for t in root.iter(f"{W}tbl")):
            header = [_text(cell) for cell in rows[0].findall(f"{W}tc")]
            if skip_columns and any(name in header for name in skip_columns):
                skipped |= set(rows[0].iter(f"{W}p"))
                for row in rows[1:]:
                    cells = row.findall(f"{W}tc")
                    skipped |= {p for i, cell in enumerate(cells) if header[i] in skip_columns for p in cell.iter(f"{W}p")}
    found: Counter[str] = Counter()
    for root in roots:
        for paragraph in root.iter(f"{W}p"):
            text = _text(paragraph)
            if paragraph not in skipped and text not in skip and not _is_separator(paragraph):
                found += words(text)
    return found


def _text(element) -> str:
    return "".join(
        node.text or "" if node.tag == f"{W}t" else " " for node in element.iter(f"{W}t", f"{W}tab", f"{W}br") if node is not None
    )


def _is_separator(paragraph) -> bool:
    """A footnote's separator line, which Word writes as a paragraph of the notes part."""
    return paragraph.find(f".//{W}separator") is not None or paragraph.find(f".//{W}continuationSeparator") is not None


def draft_words(path: Path) -> Counter[str]:
    """Every word the draft's sections show when rendered (the six steps, action plan and good practice)."""
    doc, problems = parse_document(path.read_text(encoding="utf-8"), "draft.md", "audit", path.stem)
    assert not problems
    rendered = "".join(to_html(section.body) for section in doc.sections)
    return words(lxml_html.fromstring(f"<div>{rendered}</div>").text_content())


def sections(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("## ")]


def section_text(path: Path, title: str) -> str:
    doc, _ = parse_document(path.read_text(encoding="utf-8"), "draft.md", "audit", path.stem)
    return next(section.body for section in doc.sections if section.title == title)


def action_rows(path: Path) -> list[list[str]]:
    rows = [line for line in section_text(path, "Action plan").splitlines() if line.startswith("|")]
    return [[cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows[2:]]


# --- the tests ---------------------------------------------------------------------------------------------


def test_a_word_report_becomes_a_draft_with_every_word(project: Path, cli, tmp_path: Path) -> None:
    report = neglect_report(tmp_path / "Neglect MACA report.docx")
    run = cli("import", str(report))
    assert run.code == 0, run.err
    path = project / "content/audits/neglect-of-teenagers-a-multi-agency-case-audit.md"
    assert run.lines[0] == f"Wrote {path.relative_to(project).as_posix()} (status: draft) from {report}."
    assert sections(path) == AUDIT_HEADINGS
    missing = document_words(report, skip=set(STEP_HEADINGS), skip_columns=("Lead agency", "By when", "Progress")) - draft_words(
        path
    )
    assert not missing, f"words of the document missing from the draft: {missing}"
    assert action_rows(path) == MAPPED
    text = path.read_text(encoding="utf-8")
    assert COMMENT.split()[-1] not in text and DELETED not in text and "consistently" in text
    assert "data:image" not in text and "<img" not in text
    for markdown in (
        "- Teenagers may hide neglect out of loyalty or shame.\n    - Child A said",
        "3. **Information sharing** between health",
        "practitioners *saw the young person alone* and",
        "[multi-agency panel discussion](https://example.org/maca-guide).",
        "### Chronologies\n",
        "| Both chronologies were started after the second referral. |  |  |\n",
        "(with a one-page guide \\| poster) (Ref: 1) | qa-subgroup | 2025-03-31 | In progress |",
        "### A school nurse who kept asking\nAgency: health, education\nThemes: voice-of-the-child\n",
    ):
        assert markdown in text
    post = frontmatter.loads(text)
    assert (post["title"], post["type"], str(post["date"]), post["cases"], post["children"]) == (
        "Neglect of teenagers: a multi-agency case audit",
        "maca",
        "2024-06-12",
        6,
        11,
    )
    assert post["agencies"] == ["police", "health", "children-social-care", "education"]
    assert post["themes"] == ["voice-of-the-child", "neglect", "information-sharing"]
    assert post["pseudonyms"] == ["Child A", "Child B", "Young person C"]
    assert 'date: 2024-06-12  # when the audit took place (YYYY-MM-DD); read from "12 June 2024" in the document' in text
    assert 'cases: 6  # number of cases audited (required for a MACA); read from "six cases" in the document' in text


def fill_in(path: Path, run_lines: list[str], values: dict[str, str]) -> None:
    """The documented manual step: fill the front-matter fields the import says the document did not give."""
    left = next(line for line in run_lines if "fill in the front matter the document did not give: " in line)
    fields = left.split("did not give: ", 1)[1].split(" (", 1)[0].split(", ")
    text = path.read_text(encoding="utf-8")
    for name in fields:
        text = re.sub(rf"^{name}:.*$", f"{name}: {values[name]}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("made", "slug"),
    [
        ("python-docx", "neglect-of-teenagers-a-multi-agency-case-audit"),
        ("libreoffice", "teenagers-living-with-neglect-what-our-audit-found"),
    ],
)
def test_check_passes_once_the_documented_steps_are_done(project: Path, cli, tmp_path: Path, made: str, slug: str) -> None:
    """The manual steps in docs/authoring.md, and only those: fill what the import listed as not given (here the summary),
    then `briefings check --drafts` names no problem in the file."""
    report = neglect_report(tmp_path / "report.docx") if made == "python-docx" else DOCX / "libreoffice-neglect-maca.docx"
    run = cli("import", str(report))
    assert run.code == 0, run.err
    path = project / f"content/audits/{slug}.md"
    assert (
        "  1. fill in the front matter the document did not give: summary (the comment on each line says what it holds)"
        in run.lines
    )
    assert any(
        line.endswith("summary: is empty; write one plain-text paragraph of at most 300 characters (no HTML, no blank lines)")
        for line in run.lines
    )
    fill_in(path, run.lines, {"summary": "What six (or five) audited cases taught us about neglect of teenagers."})
    problems = [str(p) for p in check(project, "content", include_drafts=True).problems if p.path.endswith(f"/{slug}.md")]
    assert problems == []
    assert cli("check", "--drafts").code == 0


def test_a_document_saved_by_libreoffice_keeps_every_word(project: Path, cli) -> None:
    """`libreoffice-neglect-maca.docx` was saved by LibreOffice Writer 7.4 from the flat OpenDocument source
    beside it (Debian's libreoffice-writer-nogui; LibreOffice is not installed in CI, so only the .docx is read):

        cd tests/fixtures/docx && soffice --headless --convert-to docx libreoffice-neglect-maca.fodt

    It has Word's Title style, other wordings for the steps, nested bulleted and numbered lists, a merged
    table cell, a `|` in a cell, an action table with its columns in another order, a footnote, a comment,
    a tracked insertion and deletion, an image, a link, bold and italic."""
    report = DOCX / "libreoffice-neglect-maca.docx"
    assert cli("import", str(report)).code == 0
    path = project / "content/audits/teenagers-living-with-neglect-what-our-audit-found.md"
    mapped = {
        "Teenagers living with neglect: what our audit found",
        "About the audit",
        "Why does this matter?",
        "Strengths",
        "Learning",
        "Next steps",
        "Action plan",
        "Examples of good practice",
        "Reflective questions",
    }
    missing = document_words(report, skip=mapped, skip_columns=("Status", "Responsible", "Deadline")) - draft_words(path)
    assert not missing, f"words of the document missing from the draft: {missing}"
    assert action_rows(path) == [
        ["Brief all designated safeguarding leads on adolescent neglect", "education", "2025-02-28", "Complete"],
        ["Add a “typical day” question to return-home interviews", "police", "2025-12-31", "In progress"],
        ["Audit case closures at 16 again", "qa-subgroup", "2026-04-01", "Not started"],
    ]
    text = path.read_text(encoding="utf-8")
    for markdown in (
        "aged 12 to 17.\\[1\\]\n\n\\[1\\] The cases were chosen at random",
        "- Neglect in adolescence is linked to going missing and to exploitation.\n    - In three of the five cases",
        "1. Use the neglect toolkit for every young person aged 12 or over.\n    1. Record what a typical day is like.",
        "| No chronology | 3 | Child B’s records were split across two systems<br>(health \\| education) |",
        "Practitioners asked Child A what *a good day* looked like",
        "Agencies repeatedly closed cases",
    ):
        assert markdown in text
    assert "attendance records" not in text and "provisionally" not in text and "data:image" not in text
    post = frontmatter.loads(text)
    assert (str(post["date"]), post["cases"], post["children"]) == ("2025-03-04", 5, 9)


def test_what_was_not_placed_is_listed_at_its_line(project: Path, cli, tmp_path: Path) -> None:
    """Text before the first step, a heading that names no step, an image, extra action columns: each is kept
    and listed as `path:line: import: …` at the line that holds it."""
    run = cli("import", str(neglect_report(tmp_path / "report.docx")))
    path = "content/audits/neglect-of-teenagers-a-multi-agency-case-audit.md"
    lines = (project / path).read_text(encoding="utf-8").split("\n")
    notes = {int(line.split(":")[1]): line.split(": import: ", 1)[1] for line in run.lines if ": import: " in line}
    at = {lines[number - 1]: note for number, note in notes.items()}
    assert list(at) == [
        "Quality assurance sub-group, reported to the partnership in July 2024",
        "<!-- image not imported -->",
        "### Case summaries",
        "| Action | Owner | Due | Status |",
    ]
    assert at["Quality assurance sub-group, reported to the partnership in July 2024"].startswith(
        "line 16: text from before the document's first heading that names a step"
    )
    assert (
        "'Case summaries' names none of the steps: it and its text were kept here, in '## What we are worried about'"
        in at["### Case summaries"]
    )
    assert "also has the column(s) 'Ref'" in at["| Action | Owner | Due | Status |"]
    assert (
        "not imported from the document: 1 image, 1 comment, 1 tracked deletion (tracked insertions were kept as text); read the draft beside it"
        in run.out
    )
    assert all(line.startswith(f"{path}:") for line in run.lines[1 : len(notes) + 2])


def test_a_briefing_keeps_its_action_table_and_good_practice_as_text(project: Path, cli, tmp_path: Path) -> None:
    """Action plans and good-practice entries belong to audits: a briefing keeps them as a table and sub-headings."""
    run = cli("import", str(neglect_report(tmp_path / "report.docx")), "--briefing", "--slug", "teenage-neglect")
    assert run.code == 0, run.err
    path = project / "content/briefings/teenage-neglect.md"
    text = path.read_text(encoding="utf-8")
    assert sections(path) == BRIEFING_HEADINGS
    post = frontmatter.loads(text)
    assert "cases" not in post and "type" not in post and str(post["date"]) == "2024-06-12"
    assert "| Ref | Recommendation | Lead agency | By when | Progress |" in section_text(path, "What needs to happen")
    assert "### A school nurse who kept asking" in section_text(path, "What worked well")
    assert "'Good practice examples' sections are only for audits" in run.out
    missing = document_words(tmp_path / "report.docx", skip=set(STEP_HEADINGS)) - draft_words(path)
    assert not missing


def test_refusals_say_why_and_write_nothing(project: Path, cli, tmp_path: Path) -> None:
    report = neglect_report(tmp_path / "report.docx")
    not_zip = tmp_path / "old.docx"
    not_zip.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)  # a Word 97-2003 file's signature
    not_word = tmp_path / "notes.docx"
    with zipfile.ZipFile(not_word, "w") as archive:
        archive.writestr("notes.txt", "not a Word document")
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(report) as source, zipfile.ZipFile(broken, "w") as archive:
        for item in source.infolist():
            archive.writestr(item, source.read(item) if item.filename != "word/document.xml" else b"<w:document")
    before = sorted(p.name for p in (project / "content/audits").iterdir())
    for file, why in (
        (tmp_path / "missing.docx", "missing.docx does not exist"),
        (not_zip, "is not a .docx file (a Word 97-2003 .doc, or a password-protected document, is not readable)"),
        (not_word, "is a zip file but not a Word document"),
        (broken, "could not be read as a Word document"),
    ):
        run = cli("import", str(file))
        assert run.code == 1 and run.err.startswith("not imported: ") and why in run.err, run.err
    assert sorted(p.name for p in (project / "content/audits").iterdir()) == before
    assert cli("import", str(report), "--slug", "taken").code == 0
    original = (project / "content/audits/taken.md").read_bytes()
    for args, why in (
        (("--slug", "taken"), "content/audits/taken.md already exists"),
        (("--slug", "taken", "--briefing"), "content/audits/taken.md already exists"),
        (("--slug", "Not A Slug"), "cannot be an address"),
        (("--slug", "index"), "reserved"),
    ):
        run = cli("import", str(report), *args)
        assert run.code == 1 and why in run.err, run.err
    assert (project / "content/audits/taken.md").read_bytes() == original
    assert not (project / "content/briefings/taken.md").exists()


# --- wordings ------------------------------------------------------------------------------------------------


def test_headings_name_steps_in_their_usual_wordings() -> None:
    for heading, key in (
        ("Background", "background"),
        ("CONTEXT", "background"),
        ("1. Introduction", "background"),
        ("About the audit:", "background"),
        ("Why this matters", "why-it-matters"),
        ("Step 2 – Key issues", "why-it-matters"),
        ("What went well?", "what-worked-well"),
        ("Strengths", "what-worked-well"),
        ("What worked well", "what-worked-well"),
        ("Areas for development", "what-we-are-worried-about"),
        ("What we’re worried about", "what-we-are-worried-about"),
        ("4.1 Learning", "what-we-are-worried-about"),
        ("Recommendations", "what-needs-to-happen"),
        ("Next steps", "what-needs-to-happen"),
        ("iv) Actions", "what-needs-to-happen"),
        ("Questions to consider", "questions-for-reflection"),
        ("Reflective Questions", "questions-for-reflection"),
        ("Good practice examples", "good practice"),
        ("Multi-agency action plan", "action plan"),
        ("Case summaries", None),
        ("Learning from good practice", None),
    ):
        assert step_of(heading) == key, heading


def test_action_tables_are_known_by_their_columns_in_any_order() -> None:
    assert action_columns(["Ref", "Recommendation", "Lead agency", "By when", "RAG"]) == {
        1: "Action",
        2: "Owner",
        3: "Due",
        4: "Status",
    }
    assert action_columns(["Responsible", "Deadline (dd/mm/yyyy)", "Actions agreed", "Progress"]) == {
        0: "Owner",
        1: "Due",
        2: "Action",
        3: "Status",
    }
    assert action_columns(["Action", "Who"]) is None  # an Action column and only one other
    assert action_columns(["Agency", "Cases open", "Due"]) is None  # no Action column


def test_dates_owners_and_statuses_are_read_as_written() -> None:
    assert [wordfacts.as_date(text) for text in ("12 June 2024", "12/06/2024", "Wed 12th June 2024", "June 12, 2024")] == [
        date(2024, 6, 12),
        date(2024, 6, 12),
        date(2024, 6, 12),
        date(2024, 6, 12),
    ]
    assert [wordfacts.as_date(text) for text in ("31/02/2025", "March 2025", "Q3 2025", "ASAP")] == [None] * 4
    assert wordfacts.first_date("Held on Friday 31 January 2025, reported 3/2/25") == (date(2025, 1, 31), "31 January 2025")
    owners = {"children-social-care": "Children's social care", "qa-subgroup": "Quality assurance sub-group"}
    assert [wordfacts.owner_key(text, owners) for text in ("CHILDREN’S SOCIAL CARE", "the QA-subgroup", "QA sub-group")] == [
        "children-social-care",
        "qa-subgroup",
        None,
    ]
    assert [wordfacts.status(text) for text in ("Completed", "On-going", "not yet started", "Green", "Amber")] == [
        "Complete",
        "In progress",
        "Not started",
        None,  # a RAG colour says how it is going, not whether it is done: the author decides
        None,
    ]


# --- odd and hostile documents -------------------------------------------------------------------------------


def small_report(path: Path, paragraphs: list[str | tuple[str, str]], title: str | None = None) -> Path:
    """A document of plain paragraphs; a (style, text) pair gives a paragraph its style."""
    document = docx.Document()
    if title:
        document.add_paragraph(title, style="Title")
    for paragraph in paragraphs:
        style, text = paragraph if isinstance(paragraph, tuple) else ("Normal", paragraph)
        if style == "Bold":
            document.add_paragraph().add_run(text).bold = True
        else:
            document.add_paragraph(text, style=style)
    document.save(path)
    return path


def test_a_document_without_headings_is_kept_whole_in_background(project: Path, cli, tmp_path: Path) -> None:
    paragraphs = [
        "Notes from the audit of 3 cases on 2 May 2024.",
        "Practitioners worried about Child A’s school attendance.",
        "The panel asked for a chronology in each case.",
    ]
    run = cli("import", str(small_report(tmp_path / "maca_notes-may.docx", paragraphs)))
    assert run.code == 0, run.err
    path = project / "content/audits/maca-notes-may.md"
    text = path.read_text(encoding="utf-8")
    post = frontmatter.loads(text)
    assert post["title"] == "maca notes may" and str(post["date"]) == "2024-05-02" and post["cases"] == 3
    assert 'title: "maca notes may"  # the document has no title or heading: taken from its file name' in text
    assert section_text(path, "Background").strip() == "\n\n".join(paragraphs)
    assert "<!-- Why this learning matters for children. -->" in section_text(path, "Why it matters")
    assert "16: import: lines 16-20: text from before the document's first heading that names a step" in run.out
    assert any(line.endswith("section '## What worked well' is empty; write its text") for line in run.lines)
    assert "fill in the front matter the document did not give: summary, children, agencies, themes (" in run.out
    assert "## Questions for reflection" not in text
    assert "the document has no reflective questions, so the briefing will show its themes' default questions" in run.out


def test_paragraphs_in_bold_that_name_a_step_are_its_headings(project: Path, cli, tmp_path: Path) -> None:
    """Many documents make headings by typing them in bold: a bold paragraph worded like a step starts it."""
    report = small_report(
        tmp_path / "report.docx",
        [
            *(("Bold", "Background"), "Three cases.", ("Bold", "Key issues"), "Drift.", ("Bold", "Strengths:"), "Persistence."),
            *(
                ("Bold", "Concerns"),
                "Closure at 16.",
                ("Bold", "Next Steps"),
                "Keep cases open.",
                ("Bold", "Not a step"),
                "Kept.",
            ),
        ],
        title="Bold headings",
    )
    assert cli("import", str(report), "--briefing").code == 0
    path = project / "content/briefings/bold-headings.md"
    assert [section_text(path, title).strip() for title in REQUIRED_TITLES] == [
        "Three cases.",
        "Drift.",
        "Persistence.",
        "Closure at 16.",
        "Keep cases open.\n\n**Not a step**\n\nKept.",
    ]


REQUIRED_TITLES = ["Background", "Why it matters", "What worked well", "What we are worried about", "What needs to happen"]


def test_good_practice_entries_and_a_good_practice_narrative(project: Path, cli, tmp_path: Path) -> None:
    """Sub-headings under a good-practice heading are entries, their Agency and Themes lines filled from what
    they name or left TODO (which check then lists); without sub-headings, it is what worked well."""
    report = small_report(
        tmp_path / "report.docx",
        [
            ("Heading 1", "Good practice identified"),
            "Persistent home visits.",
            ("Heading 1", "Good practice"),
            "Two examples stood out.",
            ("Heading 2", "Police and health together"),
            "A joint visit about domestic abuse.",
            ("Heading 2", "Asking twice"),
            "Nobody gave up.",
        ],
        title="Entries",
    )
    run = cli("import", str(report))
    path = project / "content/audits/entries.md"
    text = path.read_text(encoding="utf-8")
    assert section_text(path, "What worked well").strip().split("\n\n") == ["Persistent home visits.", "Two examples stood out."]
    assert "### Police and health together\nAgency: police, health\nThemes: domestic-abuse\n\nA joint visit" in text
    assert "### Asking twice\nAgency: TODO\nThemes: TODO\n\nNobody gave up." in text
    todo = [line.split(": ", 1)[1] for line in run.lines if ": Agency: 'TODO'" in line or ": Themes: 'TODO'" in line]
    assert [message.split(" is not ")[0] for message in todo] == ["Agency: 'TODO'", "Themes: 'TODO'"]
    assert "'TODO' is not in the glossary" not in run.out
    assert "which holds only its entries: it was put at the end of '## What worked well'" in run.out


def test_a_huge_cell_full_of_pipes_and_a_huge_paragraph_survive(project: Path, cli, tmp_path: Path) -> None:
    """A cell with thousands of `|` and `\\` stays one cell (of the action plan or of a table), and a paragraph
    longer than a file's line limit is wrapped, not cut."""
    huge = " | ".join(f"step {n} \\ part" for n in range(600))
    long_paragraph = " ".join(f"word{n}" for n in range(4_000))
    document = docx.Document()
    document.add_paragraph("Pipes everywhere", style="Title")
    document.add_heading("What needs to happen", 1)
    document.add_paragraph(long_paragraph)
    table(document, [["A | B", "C"], [huge, "x|y"]])
    table(document, [["Action", "Owner", "Due", "Status"], [huge, "Police", "01/02/2025", "Done"]])
    report = tmp_path / "pipes.docx"
    document.save(report)
    assert cli("import", str(report)).code == 0
    path = project / "content/audits/pipes-everywhere.md"
    assert max(len(line) for line in path.read_text(encoding="utf-8").split("\n")) < 20_000
    rendered = lxml_html.fromstring(f"<div>{to_html(section_text(path, 'What needs to happen'))}</div>")
    assert " ".join(rendered.xpath("string(.//p)").split()) == long_paragraph
    cells = [" ".join(cell.text_content().split()) for cell in rendered.iter("td", "th")]
    assert cells == ["A | B", "C", huge, "x|y"]
    assert action_rows(path) == [[huge, "police", "2025-02-01", "Complete"]]
    plan = [
        str(p)
        for p in check(project, "content", include_drafts=True).problems
        if "pipes-everywhere" in p.path and "action plan" in p.message
    ]
    assert plan == []


def test_counts_are_read_as_whole_numbers_never_a_piece_of_one(project: Path, cli, tmp_path: Path) -> None:
    """`1,200 cases` is 1,200, not 200; `twenty-one children` is 21, not 1."""
    report = small_report(
        tmp_path / "report.docx",
        [("Heading 1", "Introduction"), "On 3 March 2025 the panel audited twenty-one children across 1,200 cases."],
    )
    assert cli("import", str(report), "--slug", "whole-numbers").code == 0
    text = (project / "content/audits/whole-numbers.md").read_text(encoding="utf-8")
    post = frontmatter.loads(text)
    assert (post["cases"], post["children"]) == (1200, 21)
    assert 'read from "1,200 cases"' in text and 'read from "twenty-one children"' in text


@pytest.mark.parametrize(
    ("text", "what", "expected"),
    [
        ("45,000 children were in the cohort", "children", 45000),
        ("thirty three cases", "cases", 33),
        ("Ninety-nine young people", "children", 99),
        ("six multi-agency cases", "cases", 6),
        ("2.5 cases a week", "cases", None),
        ("1,2000 cases", "cases", None),
        ("a 12-year-old's 3 children's services", "children", None),
        # a fifth attack: pieces of numbers a report writes otherwise
        ("one hundred and twelve cases", "cases", None),  # read as 12
        ("one hundred children", "children", None),  # read as 1
        ("two dozen children", "children", None),
        ("1 200 cases", "cases", None),  # read as 200; a space may part two numbers, not only thousands
        ("2\u00a0400 children", "children", None),
        ("Section 47 120 children", "children", None),
        ("1\u202f200 cases", "cases", 1200),  # a thin space parts thousands
        ("2\u2009400 children", "children", 2400),
        ("In 2024, 12 cases", "cases", 12),
    ],
)
def test_a_count_is_a_whole_number_as_written(text: str, what: str, expected: int | None) -> None:
    found = wordfacts.count(text, what)
    assert (found[0] if found else None) == expected


def test_no_break_spaces_and_curly_quotes_are_kept_and_read(project: Path, cli, tmp_path: Path) -> None:
    quoted = "Child A said: “I don’t want to go home” – twice."
    report = small_report(
        tmp_path / "report.docx",
        [
            ("Heading 1", "Introduction"),
            "The audit was on 12\u00a0June\u00a02024 and looked at 6\u00a0cases.",
            quoted,
            ("Heading 1", "Actions"),
        ],
        title="“Quoted” title",
    )
    document = docx.Document(report)
    table(document, [["Action", "Lead", "Deadline"], ["Share the plan", "Children’s\u00a0social care", "1\u00a0March\u00a02025"]])
    document.save(report)
    assert cli("import", str(report), "--slug", "quoted").code == 0
    path = project / "content/audits/quoted.md"
    post = frontmatter.loads(path.read_text(encoding="utf-8"))
    assert (post["title"], str(post["date"]), post["cases"]) == ("“Quoted” title", "2024-06-12", 6)
    assert quoted in section_text(path, "Background")
    assert action_rows(path) == [["Share the plan", "children-social-care", "2025-03-01", ""]]


@pytest.mark.parametrize(
    "text",
    [
        "*not emphasis* and _nor this_ or **this**",
        "# not a heading",
        "1. not a list",
        "- nor this",
        "> nor a quote",
        "=====",
        "<b>not a tag</b> & &amp; &#169; are text",
        "[not](a link) `not code` \\ back\\slash",
        "a | b | c",
        "    indented four spaces",
    ],
)
def test_text_that_looks_like_markdown_stays_text(text: str) -> None:
    (prose,) = blocks(f"<p>{html.escape(text)}</p>")
    rendered = lxml_html.fromstring(f"<div>{to_html(prose.markdown)}</div>")
    assert [child.tag for child in rendered] == ["p"]
    assert rendered.text_content().strip() == text.strip()


MARKDOWN_CHARACTERS = st.text(alphabet=st.sampled_from(list("ab1 .-+#>*_`[]()<>&;!|\\=:\u00a0’“")), max_size=12)
"""Everything Markdown might read as markup, and the characters Word types."""


def _run(tag: str, text: str) -> str:
    if tag == "a":
        return f'<a href="https://example.org/p">{html.escape(text)}</a>'
    return f"<{tag}>{html.escape(text)}</{tag}>" if tag else html.escape(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "strong", "em", "a"]), MARKDOWN_CHARACTERS), min_size=1, max_size=8))
def test_any_paragraph_reads_back_as_written(runs: list[tuple[str, str]]) -> None:
    """Whatever a paragraph's runs hold, plain, bold, italic or linked, its Markdown renders to the same text."""
    found = blocks(f"<p>{''.join(_run(tag, text) for tag, text in runs)}</p>")
    rendered = "".join(to_html(block.markdown) for block in found if isinstance(block, Prose))
    assert lxml_html.fromstring(f"<div>{rendered}</div>").text_content().split() == "".join(t for _, t in runs).split()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from(["", "strong", "em"]), MARKDOWN_CHARACTERS), min_size=2, max_size=2),
        min_size=2,
        max_size=3,
    )
)
def test_any_table_reads_back_cell_by_cell(rows: list[list[tuple[str, str]]]) -> None:
    cells = "".join("<tr>" + "".join(f"<td><p>{_run(tag, text)}</p></td>" for tag, text in row) + "</tr>" for row in rows)
    expected = [" ".join(text.split()) for row in rows for _, text in row]
    found = blocks(f"<table>{cells}</table>")
    assert len(found) == (1 if any(expected) else 0)
    if found:
        assert isinstance(found[0], Table)
        rendered = lxml_html.fromstring(f"<div>{to_html(pipe_table(found[0].markdown))}</div>")
        assert [" ".join(cell.text_content().split()) for cell in rendered.iter("td", "th")] == expected


# --- what mammoth does not show ----------------------------------------------------------------------------

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)


def raw_paragraph(document, inner: str) -> None:
    """A paragraph written as Word's XML, for what python-docx has no API for; before the section settings."""
    document.element.body.sectPr.addprevious(parse_xml(f"<w:p {NAMESPACES}>{inner}</w:p>"))


def shape(text: str) -> str:
    """A modern text box (no old-style fallback), and WordArt-like shape text that nothing can read."""
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp>"
        f"<wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>"
    )


def hard_to_read_report(path: Path) -> Path:
    """Text in every place mammoth leaves out or hides: fields, right-to-left runs, ruby, an equation, a text box,
    tick boxes, a shape's own text, hidden text, a date of birth, headers and footers."""
    document = docx.Document()
    document.add_paragraph("Exploitation review", style="Title")
    document.add_heading("Background", 1)
    document.add_paragraph("Child A (DOB 03/04/2011) was referred twice. The audit took place on 12 June 2024.")
    raw_paragraph(
        document, '<w:fldSimple w:instr="DOCPROPERTY Company"><w:r><w:t>Northbrook partnership</w:t></w:r></w:fldSimple>'
    )
    raw_paragraph(document, '<w:dir w:val="rtl"><w:r><w:t>interpreter arranged</w:t></w:r></w:dir>')
    raw_paragraph(document, '<w:bdo w:val="rtl"><w:r><w:t>translated leaflet</w:t></w:r></w:bdo>')
    raw_paragraph(
        document,
        "<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>furigana</w:t></w:r></w:rt>"
        "<w:rubyBase><w:r><w:t>kanji</w:t></w:r></w:rubyBase></w:ruby></w:r>",
    )
    raw_paragraph(document, "<m:oMathPara><m:oMath><m:r><m:t>ratio</m:t></m:r></m:oMath></m:oMathPara>")
    raw_paragraph(document, "<w:r><w:t>Anchor paragraph.</w:t></w:r>" + shape("boxed reminder"))
    raw_paragraph(
        document,
        '<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr>'
        "<w:sdtContent><w:r><w:t>\u2612</w:t></w:r></w:sdtContent></w:sdt>"
        '<w:r><w:t xml:space="preserve"> Strategy meeting held</w:t></w:r>',
    )
    raw_paragraph(
        document,
        "<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><wps:wsp><wps:txbx><a:p><a:r><a:t>wordart slogan</a:t>"
        "</a:r></a:p></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
    )
    hidden = document.add_paragraph("Visible words. ")
    hidden.add_run("Mother Jane Doe").font.hidden = True
    document.add_paragraph("~~~ three tildes start this paragraph")
    document.sections[0].header.paragraphs[0].text = "OFFICIAL-SENSITIVE"
    document.sections[0].footer.paragraphs[0].text = "Page footer text"
    document.save(path)
    return path


def test_nothing_leaves_a_document_unseen(project: Path, cli, tmp_path: Path) -> None:
    report = hard_to_read_report(tmp_path / "review.docx")
    run = cli("import", str(report), "--slug", "review")
    assert run.code == 0, run.err
    text = (project / "content/audits/review.md").read_text(encoding="utf-8")
    for shown in (
        "Northbrook partnership",
        "interpreter arranged",
        "translated leaflet",
        "kanji (furigana)",
        "ratio",
        "Anchor paragraph.\n\nboxed reminder",
        "\u2612 Strategy meeting held",
        "Visible words.",
    ):
        assert shown in text, shown
    assert "Jane" not in text and "wordart" not in text
    out = run.out
    assert "1 passage in Word's Hidden font" in out and "'Mother Jane Doe'" in out
    assert "headers and footers ('OFFICIAL-SENSITIVE', 'Page footer text')" in out
    assert "1 equation imported as plain text" in out and "1 text box imported after the paragraph" in out
    assert "2 words of the document did not come through ('wordart', 'slogan')" in out
    doc, _ = parse_document(text, "review.md", "audit", "review")
    rendered = lxml_html.fromstring(f"<div>{''.join(to_html(s.body) for s in doc.sections)}</div>")
    assert "~~~ three tildes start this paragraph" in rendered.text_content()
    assert rendered.find(".//code") is None and rendered.find(".//pre") is None


def test_a_date_of_birth_is_never_the_audits_date(project: Path, cli, tmp_path: Path) -> None:
    """ "DOB 03/04/2011" comes first, but the audit took place on 12 June 2024; the date of birth is not even quoted."""
    report = hard_to_read_report(tmp_path / "review.docx")
    assert cli("import", str(report), "--slug", "review").code == 0
    text = (project / "content/audits/review.md").read_text(encoding="utf-8")
    assert frontmatter.loads(text)["date"] == date(2024, 6, 12)
    assert text.count("03/04/2011") == 1  # in the body, where check flags it
    born_only = docx.Document()
    born_only.add_paragraph("Child B was born on 3 April 2011 and moved school twice.")
    born_only.save(tmp_path / "born.docx")
    assert cli("import", str(tmp_path / "born.docx"), "--slug", "born").code == 0
    written = (project / "content/audits/born.md").read_text(encoding="utf-8")
    assert frontmatter.loads(written)["date"] is None and "2011" not in written.split("---")[1]


STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def test_a_strict_open_xml_document_is_counted_as_a_transitional_one(project: Path, cli, tmp_path: Path) -> None:
    """Word's "Strict Open XML" format names every element in another namespace: comments and deletions still count."""
    report = neglect_report(tmp_path / "report.docx")
    strict = tmp_path / "strict.docx"
    transitional = W[1:-1].encode()
    with zipfile.ZipFile(report) as source, zipfile.ZipFile(strict, "w") as archive:
        for item in source.infolist():
            data = source.read(item)
            archive.writestr(item, data.replace(transitional, STRICT.encode()) if item.filename.endswith(".xml") else data)
    run = cli("import", str(strict), "--slug", "strict")
    assert run.code == 0, run.err
    assert "1 comment, 1 tracked deletion" in run.out, run.out
    assert "consistently" in (project / "content/audits/strict.md").read_text(encoding="utf-8")


def test_a_document_too_large_to_read_is_refused(project: Path, cli, tmp_path: Path, monkeypatch) -> None:
    from generator.authoring.word import parts as wordparts

    report = neglect_report(tmp_path / "report.docx")
    monkeypatch.setattr(wordparts, "MAX_PART_BYTES", 2_000)
    run = cli("import", str(report))
    assert run.code == 1 and "too large to import: its part word/document.xml holds" in run.err, run.err
    assert not any("neglect" in p.name for p in (project / "content/audits").iterdir())


def test_words_in_brackets_in_an_action_tables_header_are_named(project: Path, cli, tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Action plan", 1)
    table(document, [["Action", "Owner (lead officer)", "Due", "Status"], ["Write the guide", "health", "31/03/2025", "Done"]])
    document.save(tmp_path / "plan.docx")
    run = cli("import", str(tmp_path / "plan.docx"), "--slug", "plan")
    assert run.code == 0, run.err
    assert "column(s) 'Owner (lead officer)' were read as Owner; the words in brackets are not in the draft" in run.out
    assert "| Write the guide | health | 2025-03-31 | Complete |" in (project / "content/audits/plan.md").read_text("utf-8")


def hidden_style(document, style_id: str, kind: str) -> None:
    """A style that hides its text (Word: Font, Hidden), as a template may carry one."""
    document.styles.element.append(
        parse_xml(
            f'<w:style {NAMESPACES} w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
            "<w:rPr><w:vanish/></w:rPr></w:style>"
        )
    )
    document.styles.element.append(
        parse_xml(
            f'<w:style {NAMESPACES} w:type="{kind}" w:styleId="{style_id}Child"><w:name w:val="{style_id}Child"/>'
            f'<w:basedOn w:val="{style_id}"/></w:style>'
        )
    )


def test_text_hidden_by_a_style_dates_of_birth_in_tables_and_moves_are_told(project: Path, cli, tmp_path: Path) -> None:
    document = docx.Document()
    hidden_style(document, "Secret", "character")
    hidden_style(document, "HidPara", "paragraph")
    document.add_heading("Background", 1)
    paragraph = document.add_paragraph("Visible words.")
    paragraph.add_run(" Jayden lives at home.").element.get_or_add_rPr().append(
        parse_xml(f'<w:rStyle {NAMESPACES} w:val="SecretChild"/>')
    )
    hidden = document.add_paragraph("Hidden paragraph Kayleigh.")
    hidden._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {NAMESPACES} w:val="HidPara"/>'))
    document.add_paragraph(
        "We looked at 6 cases. Child C (DOB – 07/08/2013) was seen; Child D was born in hospital on 3 May 2012."
    )
    table(document, [["Child", "DOB", "Agency"], ["Child A", "03/04/2011", "Health"], ["Child B", "05/06/2012", "Police"]])
    raw_paragraph(
        document, '<w:moveFrom w:id="1" w:author="QA" w:date="2024-01-01T00:00:00Z"><w:r><w:t>moved</w:t></w:r></w:moveFrom>'
    )
    document.save(tmp_path / "styled.docx")
    run = cli("import", str(tmp_path / "styled.docx"), "--slug", "styled")
    assert run.code == 0, run.err
    text = (project / "content/audits/styled.md").read_text(encoding="utf-8")
    assert "Visible words." in text and "Jayden" not in text and "Kayleigh" not in text
    assert "2 passages in Word's Hidden font" in run.out and "Unrecognised" not in run.out
    post = frontmatter.loads(text)
    assert post["date"] is None and post["children"] is None and post["cases"] == 6
    assert "1 tracked move's old place" in run.out and "tracked deletion" not in run.out


@pytest.mark.parametrize(
    ("markup", "shown"),
    [
        ("<ol><li><ol><li>Agree</li><li>Share</li></ol></li><li>Review</li></ol>", [["Agree", "Share", "Review"]]),
        (
            "<ol><li>Agree</li><li>Share</li></ol><ol><li>Review</li><li>Close</li></ol>",
            [["Agree", "Share"], ["Review", "Close"]],
        ),
    ],
    ids=["a list that starts at its second level", "two lists one after the other"],
)
def test_word_s_numbered_lists_are_written_as_the_page_numbers_them(markup: str, shown: list[list[str]]) -> None:
    """Imported as `1. 2. 1.` and as `1. 2.` twice, which the page numbers on as one list (1 to 3, 1 to 4): the
    content check refused what the author never wrote."""
    written = "\n\n".join(block.markdown for block in blocks(markup) if isinstance(block, Prose))
    page = lxml_html.fromstring(f"<div>{to_html(written)}</div>")
    assert [[item.text_content() for item in ol.findall("li")] for ol in page.findall("ol")] == shown
    assert [ol.get("start") for ol in page.findall("ol")] == [None] * len(shown)
    assert unshown("content/audits/imported.md", written, 1) == []
