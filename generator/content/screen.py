"""A content file screened for details that could identify a child or family, as its reader would get it."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from generator.content.parse import Document
from generator.privacy import names
from generator.privacy.allowednames import AllowedNames
from generator.privacy.reading import read_markdown, strings
from generator.privacy.scan import (
    ERROR,
    FILE_NAME,
    PREVIOUS_SLUG,
    WARNING,
    Finding,
    Report,
    file_name_findings,
    judged,
    marked,
    scan_read,
    small_counts,
)


def scan_document(doc: Document, allowed_names: AllowedNames = ()) -> Report:
    """Every line of one content file as its reader gets it: front matter (values and comments) and body,
    whatever its status. Drafts are scanned too: the content repository itself may be public.
    """
    allowed, problems, unmarked = marked(doc.text, doc.path)
    declared_field = doc.fields.get("pseudonyms")
    value = declared_field.value if declared_field else None
    pseudonyms = [p for p in value if isinstance(p, str)] if isinstance(value, list) else []
    read = read_markdown(unmarked, 1, doc.body_line if doc.parsed else 1)
    declared = [names.words(p) for p in pseudonyms] + [names.words(n.name) for n in allowed_names]
    findings = scan_read(read, declared)
    findings += file_name_findings(doc.path, declared) + _previous_slugs(doc, declared) + _values(doc, declared, findings)
    findings += [
        Finding("pseudonym", name, declared_field.line, ERROR if _looks_real(_named(name)) else WARNING)
        for name in pseudonyms
        if declared_field is not None and _looks_real(name.split())
    ]
    audit_type = doc.fields.get("type")
    if audit_type and audit_type.value == "maca":
        findings += small_counts({k: (f.value, f.line) for k, f in doc.fields.items()})
    return judged(doc.path, findings, allowed, problems)


def _looks_real(parts: list[str]) -> bool:
    """Whether a pseudonym holds a real-looking name, in either order ("Whitfield Tyler") and whatever stands before
    it ("Child Tyler Whitfield"): a pseudonym covers every name within it."""
    return any(names.looks_real(a, b) or names.looks_real(b, a, ordered=False) for a, b in pairwise(parts))


_STAND_INS = frozenset(
    {
        "Child",
        "Baby",
        "Twin",
        "Sibling",
        "Infant",
        "Young",
        "Person",
        "Mother",
        "Father",
        "Parent",
        "Carer",
        "Partner",
        "Male",
        "Female",
        "Adult",
    }
)


def _named(pseudonym: str) -> list[str]:
    """A pseudonym's words but a stand-in's ("Child Tyler Whitfield": a given name and a surname; "Baby Arlo", as reviews
    name a baby, an invented given name)."""
    return [word for word in pseudonym.split() if word not in _STAND_INS]


def _previous_slugs(doc: Document, declared: list[frozenset[str]]) -> list[Finding]:
    """Each of `previous_slugs` stays an address (it leads to the page): read as the file's name is, at its line."""
    field = doc.fields.get("previous_slugs")
    slugs = [s for s in field.value if isinstance(s, str)] if field and isinstance(field.value, list) else []
    return [
        replace(found, line=field.line, kind=found.kind.replace(FILE_NAME, PREVIOUS_SLUG))
        for slug in slugs
        for found in file_name_findings(f"{slug}.md", declared)
    ]


def _values(doc: Document, declared: list[frozenset[str]], written: list[Finding]) -> list[Finding]:
    """Front-matter text as YAML decodes it (escapes such as \\x30 or \\u00a0, folded lines), at its key's
    line: a finding that the text as `written` did not show on the field's lines is added."""
    seen = {(f.kind, f.line, f.text) for f in written}
    lines = doc.text.split("\n")
    starts = sorted({field.line for field in doc.fields.values()} | {doc.body_line})
    found = []
    for field in doc.fields.values():
        own = range(field.line, next((line for line in starts if line > field.line), field.line + 1))
        for value in strings(field.value):
            if value in lines[field.line - 1]:  # read as written already, on its own line
                continue
            for finding in scan_read(read_markdown(value), declared):
                if finding.severity == ERROR and not any((finding.kind, line, finding.text) in seen for line in own):
                    found.append(replace(finding, line=field.line))
    return found
