"""References to a case's record: a case recording system's number, a crime's or an incident's reference, a plan's
number, a reference after "Ref" or "ID" alone, and a family court's case number.

A number after such words finds the family's whole record for anyone with access to the system, so it identifies them as
surely as their name does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

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
    rf"|patient|contact|LAC|CLA|CIN|CP|CPP|EH)(?:{_S}{{1,3}}plan)?{_S}{{1,3}}{_REFERENCE}|(?-i:CRN|PNC|CRO|CAD|MRN))"
    rf"(?:{_S}{{1,3}}(?:is|was))?{_S}{{0,3}}[:#=\-,]?{_S}{{0,3}}(?P<code>[A-Z]{{0,5}}[\-/]?\d[A-Z\d]*(?:[\-/][A-Z\d]+){{0,4}})\b",
    re.I,
)
"""A case's, crime's or record's reference: "Mosaic ID 4829137", "crime ref 14/123456/23", "case number CP-2023-0456",
"CP plan number 4829137", "LAC number 4829137"."""
BARE_REFERENCE = re.compile(
    rf"\b(?:ref(?:erence)?\.?|ID)(?![A-Za-z])(?:{_S}{{1,3}}{_REFERENCE_WORD})?(?:{_S}{{1,3}}(?:is|was))?{_S}{{0,3}}[:#=\-,]?{_S}{{0,3}}"
    r"(?P<code>[A-Z]{0,5}[\-/]?\d[A-Z\d]*(?:[\-/][A-Z\d]+){0,4})\b",
    re.I,
)
"""A reference with no record's name before it, "Ref: 4829137", "Our ref 4829137", "ID 4829137": five digits or more
(not "ID 2 of the checklist", "ref 2024", "ID checks on 4829 visits")."""
_BARE_FIRST_WORDS = frozenset(["ref", "reference", "id"])
_NOT_A_CASE = re.compile(
    r"\b(?:contract|provider|publication|DfE|CQC|Ofsted|charity|company|ICO|grant|invoice|order|tender|procurement"
    r"|ISBN|DOI|location|registration|funding)[ \t]+$",
    re.I,
)
_PUBLISHED = re.compile(r"(?:DFE|DHSC|DCSF|HMG|NICE)-", re.I)
"""An organisation's or a publication's reference, not a case's: "Contract reference 12345", "CQC provider ID 1-123456789",
"Reference: DFE-00195-2018" (a government publication's)."""
FAMILY_COURT_CASE = re.compile(r"\d{2}[ \t\-]?[A-Z][ \t\-]?\d{5}\b", re.I)
_COURT_LETTERS = re.compile(r"\b[A-Z]{2}[ \t\-]?$", re.I)
"""A family court's case number (HMCTS: court, year, kind, serial: "ZW23C50123"), whatever words stand around it: found
from its digits, then its court's two letters before them (a pattern that starts with any letter is tried at every one)."""
_FIRST_WORDS = frozenset(
    """mosaic lcs liquid liquidlogic ehm systmone emis rio contrOCC cris carefirst azeus frameworki ics cpoms myconcern sims
    arbor ehcp marac lado eclipse niche athena storm capita synergy paris case crime police incident occurrence referral
    client person child family record file episode pupil hospital patient contact crn pnc cro cad mrn lac cla cin cp cpp
    eh""".lower().split()
)
"""The words a reference's name starts with, in lower case: the pattern is tried only where one of them stands."""
_WORD = re.compile(r"[A-Za-z]+")
_LOWER_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_YEARS = re.compile(r"(?:19|20)\d\d(?:[/\-](?:19|20)?\d\d)?")


def case_references(text: str) -> Iterator[tuple[int, int]]:
    """References with four digits or more that are no year or reporting year ("the Mosaic 2024 upgrade", "EHM 2023/24"),
    five or more after a reference's word alone, and family court case numbers."""
    for start in word_starts(_FIRST_WORDS, text):
        if not _DIGIT.search(text, start, start + 60) or not (match := CASE_REFERENCE.match(text, start)):
            continue  # every reference holds digits: a word with none near it starts none
        code = match.group("code")
        if sum(c.isdigit() for c in code) >= 4 and not _YEARS.fullmatch(code):
            yield match.start(), match.end()
    for start in word_starts(_BARE_FIRST_WORDS, text):
        match = BARE_REFERENCE.match(text, start)
        if match and _bare_reference(match.group("code")) and not _NOT_A_CASE.search(text, max(0, start - 24), start):
            yield match.start(), match.end()
    for match in FAMILY_COURT_CASE.finditer(text):
        if court := _COURT_LETTERS.search(text, max(0, match.start() - 3), match.start()):
            yield court.start(), match.end()


def _bare_reference(code: str) -> bool:
    """Whether a code after a reference's word alone is a record's: five digits or more, no year, no publication's."""
    return sum(c.isdigit() for c in code) >= 5 and not _YEARS.fullmatch(code) and not _PUBLISHED.match(code)


def word_starts(first_words: frozenset[str], text: str) -> list[int]:
    """Where a word of `first_words` (in any case) stands in `text`, in order: a pattern that starts with one of many
    words is tried only there, found by the string's own search, not at every character of the text."""
    lowered, words = _read(text)
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): offsets would not agree
        return [word.start() for word in _WORD.finditer(text) if word.group().lower() in first_words]
    return sorted(
        at
        for word in first_words
        if word in words or not word.isascii() or not word.isalpha()
        for at in _occurrences(lowered, word)
    )


@lru_cache(maxsize=1)
def _read(text: str) -> tuple[str, frozenset[str]]:
    """The text in lower case and the words of plain letters it holds, read once for the detectors that each look for
    their own words: a word as short as "id" or "cp" stands inside many others ("did", "accept"), so a word the text
    does not hold whole is not looked for at all."""
    lowered = text.lower()
    return lowered, frozenset(_LOWER_WORD.findall(lowered))


def _occurrences(lowered: str, word: str) -> Iterator[int]:
    """Where `word` stands in `lowered` as a whole word."""
    at = lowered.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not lowered[at - 1].isalpha()) and (end == len(lowered) or not lowered[end].isalpha()):
            yield at
        at = lowered.find(word, end)
