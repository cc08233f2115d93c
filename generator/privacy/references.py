"""References to a case's record: a case recording system's number, a crime's or an incident's reference.

A number after such words finds the family's whole record for anyone with access to the system, so it identifies them as
surely as their name does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.dates import SPACE as _S

_REFERENCE_WORD = r"(?:ref(?:erence)?\.?|no\.?|number|num\.?|ID|#|code|log)(?![A-Za-z])"
_REFERENCE = rf"{_REFERENCE_WORD}(?:{_S}{{1,3}}{_REFERENCE_WORD})?"
"""One or two of a reference's words: "ID", "crime reference number", "Ref No"."""
_SYSTEMS = (
    r"Mosaic|LCS|Liquid[ \t]?logic|EHM|SystmOne|EMIS|RiO|ContrOCC|CRIS|CareFirst|Azeus|Frameworki|ICS|CPOMS|MyConcern|SIMS"
    r"|Arbor|EHCP|MARAC|LADO|(?-i:Eclipse|ECLIPSE|Niche|NICHE|Athena|ATHENA|Storm|STORM|Capita|CAPITA|Synergy|SYNERGY|Paris|PARIS)"
)
"""Case recording systems of social care, health, police and education (those that are everyday words only as names
are written): a number after one is a record's."""
CASE_REFERENCE = re.compile(
    rf"\b(?:(?:{_SYSTEMS})(?:{_S}{{1,3}}(?:case|client|person|child|family|record|episode))?(?:{_S}{{0,3}}\(?{_S}{{0,3}}{_REFERENCE})?"
    rf"|(?:case|crime|police|incident|occurrence|referral|client|person|child|family|record|file|episode|pupil|hospital"
    rf"|patient|contact){_S}{{1,3}}{_REFERENCE}|(?-i:CRN|PNC|CRO|CAD|MRN))"
    rf"(?:{_S}{{1,3}}(?:is|was))?{_S}{{0,3}}[:#=\-,]?{_S}{{0,3}}(?P<code>[A-Z]{{0,5}}[\-/]?\d[A-Z\d]*(?:[\-/][A-Z\d]+){{0,4}})\b",
    re.I,
)
"""A case's, crime's or record's reference: "Mosaic ID 4829137", "crime ref 14/123456/23", "case number CP-2023-0456"."""
_YEARS = re.compile(r"(?:19|20)\d\d(?:[/\-](?:19|20)?\d\d)?")


def case_references(text: str) -> Iterator[tuple[int, int]]:
    """References with four digits or more that are no year or reporting year ("the Mosaic 2024 upgrade", "EHM 2023/24")."""
    for match in CASE_REFERENCE.finditer(text):
        code = match.group("code")
        if sum(c.isdigit() for c in code) >= 4 and not _YEARS.fullmatch(code):
            yield match.start(), match.end()
