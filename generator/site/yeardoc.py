"""A reporting year's archive as a Word document, for a QA officer to paste into the annual report."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from copy import deepcopy
from datetime import date, datetime, time

from docx import Document
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.table import Table
from docx.text.run import Run
from lxml.etree import SubElement

from generator.model import Briefing, Status, long_date
from generator.site.totals import MACA, YearGroup, count_text, describe, written
from generator.sitemodel import Site


def year_document(site: Site, group: YearGroup, title: str, scope: str) -> bytes:
    """The year page's sections in its order: the tables with their totals after their rows, the totals, the
    themes, the actions and each audit's key learning."""
    doc = Document()
    labels, today = site.taxonomy.audit_types, site.settings.build_date
    doc.add_heading(title, level=1)
    doc.add_paragraph(
        f"{site.settings.partnership or site.settings.site_name}: {scope}. Built {long_date(today)}. {group.so_far(today)}".strip()
    )
    doc.add_heading("Multi-agency case audits", level=2)
    if group.macas:
        rows = [
            [_title(a), long_date(a.date), _count(a.cases), _count(a.children), _themes(site, a)] for a in reversed(group.macas)
        ]
        totals = [t for t in group.totals if t.type == MACA]
        rows += [[f"Total: {count_text(t.audits, 'MACAs')}", "", _count(t.cases), _count(t.children), ""] for t in totals]
        add_table(doc, ["Audit", "Date", "Cases", "Children", "Themes"], rows)
    else:
        doc.add_paragraph(f"No multi-agency case audit was published for {group.year}.")
    if group.others:
        doc.add_heading("Other audits", level=2)
        rows = [
            [_title(a), labels[a.audit_type or ""], long_date(a.date), _count(a.cases), _count(a.children)]
            for a in reversed(group.others)
        ]
        rows += [
            [f"Total: {describe(t, labels[t.type])}", "", "", _count(t.cases), _count(t.children)]
            for t in group.totals
            if t.type != MACA
        ]
        add_table(doc, ["Audit", "Type", "Date", "Cases", "Children"], rows)
    bullet = doc.styles["List Bullet"]  # found once: a style given by name is looked for among all of them each time
    doc.add_heading("Totals", level=2)
    for total in group.totals:
        doc.add_paragraph(describe(total, labels[total.type]), style=bullet)
    doc.add_heading("Themes", level=2)
    for key, audits in group.themes:
        doc.add_paragraph(f"{site.taxonomy.themes[key].label}: {count_text(len(audits), 'audits')}", style=bullet)
    doc.add_heading("Actions", level=2)
    if group.actions:
        rows = [
            [
                action.text,
                site.taxonomy.owners[action.owner],
                long_date(action.due),
                action.status + (" (overdue)" if action.overdue(today) else ""),
                _title(a),
            ]
            for a, action in group.actions
        ]
        add_table(doc, ["Action", "Owner", "Due", "Status", "From the audit"], rows)
    else:
        doc.add_paragraph(f"The audits of {group.year} recorded no action plan.")
    doc.add_heading("Key learning", level=2)
    for audit in reversed(group.audits):
        paragraph = doc.add_paragraph()._p
        add_run(paragraph, _title(audit), bold=True)
        add_run(paragraph, f": {audit.summary}", bold=False)
    _describe_file(doc, title, site)
    out = io.BytesIO()
    doc.save(out)
    return _dated(out.getvalue(), site.settings.build_date)


def _dated(document: bytes, day: date) -> bytes:
    """The same document with every part stamped with the build date, not the clock: a rebuild of the same
    content makes the same bytes (a preview rewrites nothing, and a build can be reproduced)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(document)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            stamped = zipfile.ZipInfo(item.filename, (day.year, day.month, day.day, 0, 0, 0))
            stamped.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(stamped, source.read(item))
    return out.getvalue()


def _title(audit: Briefing) -> str:
    """An audit's title, marked as the page marks it when it is restricted or a draft."""
    mark = {Status.RESTRICTED: " (partners only)", Status.DRAFT: " (draft)"}.get(audit.status, "")
    return audit.title + mark


def add_table(doc: Document, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A table with a bold header row. Each body row is a copy of an empty row as python-docx's
    `Document.add_table` makes it, filled at the level of python-docx's elements: building each cell through
    its objects costs far more."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    empty = deepcopy(table.rows[0]._tr)
    for tc, text in zip(table.rows[0]._tr.tc_lst, header, strict=True):
        add_run(tc.p_lst[0], text, bold=True)
    for texts in rows:
        tr = deepcopy(empty)
        for tc, text in zip(tr.tc_lst, texts, strict=True):
            add_run(tc.p_lst[0], text, bold=False)
        table._tbl.append(tr)  # python-docx's element for the table (`CT_Tbl`), its rows last
    return table


def add_run(paragraph: CT_P, text: str, bold: bool) -> None:
    """A run of text at the end of a paragraph, as python-docx's `add_run(text)` makes it. Its text setter reads
    the text a character at a time, for tabs and line breaks: a text without any is given whole, as the run's
    `add_t` would add it."""
    run = SubElement(paragraph, _RUN)
    if bold:
        Run(run, None).bold = True
    if "\t" in text or "\n" in text or "\r" in text:
        run.text = text
    elif text:
        element = SubElement(run, _TEXT)
        element.text = text
        if text.strip() != text:
            element.set(_SPACE, "preserve")


_RUN, _TEXT, _SPACE = qn("w:r"), qn("w:t"), qn("xml:space")


def _describe_file(doc: Document, title: str, site: Site) -> None:
    """Who made the document and when: the partnership and the build date, never the library or the machine."""
    made = datetime.combine(site.settings.build_date, time())
    properties = doc.core_properties
    properties.title = title
    properties.author = properties.last_modified_by = site.settings.partnership or site.settings.site_name
    properties.created = properties.modified = made
    properties.comments = properties.keywords = properties.subject = ""
    properties.revision = 1


def _count(value: int | None) -> str:
    return "not recorded" if value is None else written(value)


def _themes(site: Site, audit: Briefing) -> str:
    return ", ".join(site.taxonomy.themes[key].label for key in audit.themes)
