"""The year report's tables and runs, built at the level of python-docx's elements, are what its own API makes."""

from __future__ import annotations

from docx import Document
from lxml import etree

from generator.site.yeardoc import add_run, add_table

TEXTS = ["plain", " spaced ", "tab\there", "line\nbreak", "cr\rhere", "", "ünïcödé — “quoted” & <b>"]


def _xml(doc: Document) -> bytes:
    return etree.tostring(doc.element.body)


def test_a_table_is_what_python_docx_makes_cell_by_cell() -> None:
    header, rows = ["A", "B"], [[TEXTS[i], TEXTS[-1 - i]] for i in range(len(TEXTS))]
    ours, theirs = Document(), Document()
    add_table(ours, header, rows)
    table = theirs.add_table(rows=1 + len(rows), cols=2)
    table.style = "Table Grid"
    for number, (row, texts) in enumerate(zip(table.rows, [header, *rows], strict=True)):
        for cell, text in zip(row.cells, texts, strict=True):
            run = cell.paragraphs[0].add_run()
            if number == 0:
                run.bold = True
            run.text = text
    assert _xml(ours) == _xml(theirs)


def test_a_run_is_what_add_run_makes() -> None:
    ours, theirs = Document(), Document()
    for text in TEXTS:
        add_run(ours.add_paragraph()._p, text, bold=True)
        theirs.add_paragraph().add_run(text).bold = True
    assert _xml(ours) == _xml(theirs)
