"""Find details that could identify a child or family, so the build refuses to publish them.

One scanner serves both lines of defence: the author's files (with `path:line`) and the text of
the built site. Each detector is a regular expression plus, where a format has one, the
official check (the NHS number's modulus 11). Errors block the build; warnings (given names,
very small counts) are printed and block only with `--strict-privacy`.

A finding can be allowed, one line at a time, by a marker on that line that must give a reason:
`<!-- privacy: allow "Section 47" reason: statutory reference -->` in the body, or
`# privacy: allow "..." reason: ...` after a front-matter value.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from pathlib import Path, PurePosixPath

import yaml

from . import names
from .files import load_yaml_file
from .model import Problem
from .names import words as name_words
from .parse import Document
from .reading import Read, as_read, read_markdown, strings

ERROR, WARNING = names.ERROR, names.WARNING

_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_S = r"[ \t]"
"""Spacing inside one paragraph: a pattern never spans two paragraphs."""
_ORDINAL = r"(?:st|nd|rd|th)"
_DAY_WORDS = (
    r"(?:(?:twenty|thirty)[ \-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)
_DAY = rf"(?:\d{{1,2}}{_ORDINAL}?|{_DAY_WORDS})"
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})(?!\d)|\d{{1,2}} \d{{1,2}} \d{{4}}|\d{{4}}[-/]\d{{2}}[-/]\d{{2}}"
    rf"|\d{{1,2}}[-/ ]{_MONTHS}[-/ ](?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|{_DAY}{_S}+(?:of{_S}+)?{_MONTHS}\.?,?{_S}+(?:\d{{4}}|'?\d{{2}}\b)"
    rf"|{_MONTHS}\.?{_S}+(?:the{_S}+)?{_DAY},?{_S}+(?:\d{{4}}|'?\d{{2}}\b))"
)
_DOB_WORD = r"(?:D\.?O\.?B\b\.?|date[ \t\-]+of[ \t\-]+birth|birth[ \t\-]?(?:date|day)|born|delivered|b\.(?=[ \t]*\d))"
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
_FILLER = (
    rf"(?:(?:on|the|is|was|of|at|prematurely|early|late|safely|thought|believed|recorded|given|stated|said|to|be|as|"
    rf"in{_S}+(?:the{_S}+)?hospital|at{_S}+home|hospital|home|"
    rf"{_WEEKDAY}|\d{{1,2}}{_S}+weeks?)\b[ \t,:\-]*){{0,6}}"
)
"""What may stand between "born" and the date: "on Tuesday", "prematurely on", "is thought to be", "at 28 weeks
on". Never "between", "after", "in", "by" or "up to", which start a cohort or a deadline."""
_RANGE = rf"(?!{_S}*(?:-|to\b|until\b|till\b|and\b|through\b){_S}*(?:the{_S}+)?{_DATE})"
"""Not the start of a range of dates: "born 1 April 2020 to 31 March 2021" is a cohort, not a child."""
_STREET_TYPES = (
    "Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Gardens|Gdns|Grove|"
    "Terrace|Hill|Walk|Row|Square|Sq|Mews|Rise|View|Parade|Green|Park|Vale|Wharf|Boulevard|Cottages|Chase|Heights|Circle|"
    "Approach|Cl|Way|Gate|Fields|Meadows|Croft|Lodge|Wood|Yard|End|Estate"
)
_LOWER_STREET_TYPES = frozenset(
    ["road", "rd", "street", "avenue", "ave", "lane", "crescent", "gardens", "gdns", "grove", "terrace", "mews", "boulevard"]
)
"""Street types that, in lower case, are never ordinary prose ("a 2 hour drive", "3 cases went to court")."""
_NOT_STREET_NAMES = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "into",
        "near",
        "over",
        "off",
        "past",
        "across",
        "along",
        "within",
        "after",
        "before",
        "per",
        "year",
        "years",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "minutes",
        "month",
        "months",
        "mile",
        "miles",
        "working",
    ]
)
_COURTS = frozenset(
    [
        "family",
        "crown",
        "youth",
        "county",
        "magistrates",
        "magistrates'",
        "high",
        "supreme",
        "coroners",
        "coroners'",
        "coroner's",
        "appeal",
    ]
)

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+ ?@ ?[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*\.[^\W\d_]{2,}")
NI_NUMBER = re.compile(r"\b([A-Z]{2})((?:[ \t.\-/]{0,2}\d){6})(?:[ \t.\-/]{0,2}([A-D]))?\b", re.I)
POSTCODE = re.compile(rf"(?<![\w])(?:GIR{_S}*0AA|[A-Z]{{1,2}}\d[A-Z\d]?(?:{_S}*|[.\-/])(\d[ABD-HJLNP-UW-Z]{{2}}))(?![\w])", re.I)
DATE_OF_BIRTH = [
    re.compile(rf"\b{_DOB_WORD}[ \t:,\-\u2013\u2014()]*{_FILLER}{_DATE}{_RANGE}", re.I),
    re.compile(rf"{_DATE}{_S}*\(?{_S}*{_DOB_WORD}(?![A-Za-z])", re.I),
]
_DOB_KEYWORD = re.compile(rf"\b{_DOB_WORD}(?![A-Za-z])", re.I)
_DOB_HEADER = re.compile(r"\b(?:D\.?O\.?B|date[ \t\-]+of[ \t\-]+birth|birth[ \t\-]?date|born)s?\b", re.I)
_FULL_DATE = re.compile(_DATE, re.I)
ADDRESS = re.compile(rf"\b\d{{1,4}}[A-Za-z]?,?{_S}+((?:[A-Za-z][A-Za-z'’.\-]*{_S}+){{1,3}})({_STREET_TYPES})\b", re.I)
_BARRIER = re.compile(
    r"(?<!\d)(?:\d{1,2}([/.\-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2}[/\-](?:(?:19|20)\d{2}|\d{2})"
    r"|\d{1,2}[.:]\d{2}(?:[ \t]?[ap]\.?m\b\.?)?)(?!\d)",
    re.I,
)
"""Dates, reporting years and times: a reader never reads these as part of a longer number."""
_NUMBER_RUN = re.compile(r"(?<![\w+])\+?\(?\d(?:(?: {0,2}(?:[.\-/_·•]|\.{2,3}|-{2}) {0,2}| {1,3}| ?\) ?| ?\()?\d)*")
"""Digit groups parted by spaces, dots, hyphens, slashes or brackets (never tabs: a pasted table's cells)."""
_DIGITS = re.compile(r"\d+")
ORGANISATION_NUMBERS = ("0800", "0808", "0500", "03")
"""Freephone numbers and 03 numbers (non-geographic lines that organisations, councils and helplines use): never a family's."""
HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])\b(?!\.[A-Za-z]{2,}\b|\()")
"""A handle: not an e-mail's domain, nor a spreadsheet function (`@SUM(`)."""
PROFILE = re.compile(r"\b(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|youtube|linkedin)\.com/[\w.@%-]{3,}", re.I)
"""A social media handle or profile: in exploitation audits, the most direct way to find a child."""
VEHICLE = re.compile(r"\b[A-Z]{2}\d{2}[ \t]?[A-Z]{3}\b")
"""A current-style vehicle registration (AB12 CDE), in capitals as plates are written."""
UPN = re.compile(r"\b[A-HJ-NP-TV-Z]\d{12}\b|\b[A-HJ-NP-TV-Z]\d{11}[A-HJ-NP-TV-Z]\b")
"""A pupil's unique pupil number (a letter and 12 characters)."""
FLAT = re.compile(
    r"\b(?:Flat|Apartment|Apt|Unit|Room)\.?[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,3}"
    r"(?:House|Court|Lodge|Tower|Mansions|Buildings|Estate|Heights|Point|Place)\b"
)
_NEEDS_DETECTORS = re.compile(r"[0-9@]|\.com/")
"""Every error kind except a name contains a digit or an @, so a paragraph with neither needs no detector run."""
_ALLOW = re.compile(r"(?:<!--|#)\s*privacy:\s*allow\s+\"([^\"]+)\"(?:\s+reason:\s*(.*?))?\s*(?:-->|$)")
"""An allowance, inside an HTML comment (body) or a YAML comment (front matter). Its reason is scanned like any
text: the repository may be public."""
ALLOWED_NAMES = "allowed_names.yml"
SMALL_COUNT_FIELDS = {"cases": 1, "children": 2}
"""A MACA field at or below this count could identify a family."""


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str
    line: int
    severity: str = ERROR


@dataclass(frozen=True)
class Allowance:
    path: str
    line: int
    text: str
    reason: str


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number's modulus-11 check: weights 10..2 on the first nine digits."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def mask(text: str) -> str:
    """Enough of the match to find it in the file, not enough to repeat the detail."""
    chars = [c for c in text if c.isalnum()]
    keep = 2 if len(chars) > 6 else 1
    seen = 0
    out = []
    for c in text:
        if c.isalnum():
            seen += 1
            out.append(c if seen <= keep or seen > len(chars) - keep else "•")
        else:
            out.append(c)
    return "".join(out)


def _numbers(text: str) -> Iterator[tuple[int, int, str]]:
    """NHS and phone numbers in any grouping a reader reads as one number: (start, end, kind).

    A run of digit groups is tried from each group: ten digits that pass the NHS check, or a UK number of
    ten or eleven digits from 0 (or +44). Groups are of one size or more than one digit each, so counts
    in a row ("0-4 5-9 10-15") are not a number; dates and reporting years part runs.
    """
    for offset, run in _runs(text):
        groups = [(m.group(), offset + m.start(), offset + m.end()) for m in _DIGITS.finditer(run)]
        international = (
            run[0] == "+" or groups[0][0].startswith("0044") or (groups[0][0] == "00" and run[3:].lstrip()[:2] == "44")
        )
        if groups[0][0] == "00" and international:  # 00 44 …
            groups = groups[1:]
        elif groups[0][0].startswith("0044"):
            digits, start, end = groups[0]
            groups[0] = (digits[2:], start + 2, end)
        if international and groups[0][0].startswith("44") and len(groups[0][0]) > 2:  # +447700900123
            digits, start, end = groups[0]
            groups[0:1] = [("44", start, start + 2), (digits[2:], start + 2, end)]
        first = 0
        while first < len(groups):
            found = _number_at(groups, first, text, offset if first == 0 and international else None)
            if found:
                yield found[:3]
                first = found[3]
            else:
                first += 1


def _runs(text: str) -> Iterator[tuple[int, str]]:
    """Runs of digit groups that hold ten digits or more, with their offsets, parted at dates, reporting years
    and times."""
    for run in _NUMBER_RUN.finditer(text):
        if sum(map(str.isdigit, run.group())) < 10:
            continue
        parted = _BARRIER.sub(lambda m: "|" * len(m.group()), run.group())
        for part in _NUMBER_RUN.finditer(parted):
            if sum(map(str.isdigit, part.group())) >= 10:
                yield run.start() + part.start(), part.group()


def _number_at(groups: list[tuple[str, int, int]], first: int, text: str, plus: int | None) -> tuple[int, int, str, int] | None:
    """The number that starts at group `first` (after +44 when `plus` is its offset), with the next group to try."""
    start, prefix = groups[first][1], ""
    if plus is not None and groups[0][0] == "44" and len(groups) > 1:
        start, prefix, first = plus, "0", 1
        if groups[1][0] == "0" and "(" in text[groups[0][2] : groups[1][1]]:
            first = 2
    digits, sizes = prefix, []
    for index in range(first, len(groups)):
        digits += groups[index][0]
        sizes.append(len(groups[index][0]))
        if len(digits) > 11 or not (all(size == 1 for size in sizes) or sizes.count(1) <= 1):
            return None
        if len(digits) < 10:
            continue
        end = groups[index][2]
        following = groups[index + 1][0] if index + 1 < len(groups) else ""
        if len(digits) == 10 and not prefix and nhs_check_digit_ok(digits):
            return start, end, "nhs-number", index + 1
        if len(digits) == 10 and digits[0] == "0" and len(following) == 1:
            continue
        if digits[0] == "0" and digits[1] != "0" and (len(digits) == 11 or digits.startswith("01")):
            kind = "organisation" if digits.startswith(ORGANISATION_NUMBERS) else "phone"
            return start, end, kind, index + 1
    return None


def _addresses(text: str) -> Iterator[tuple[int, int]]:
    """Street addresses in any letter case, as long as the words read as a street's name: capitalised or in
    capitals (the street type in any case: "14 Laburnum close"), or, for street types that are no ordinary
    word, all in lower case."""
    for match in ADDRESS.finditer(text):
        words = match.group(1).split()
        street = match.group(2)
        lowered = [w.lower().rstrip(".") for w in words]
        named = lowered[1:] if lowered[0] == "the" and words[0][0].isupper() else lowered  # 14 The Green
        if named and (
            named[0] in _NOT_STREET_NAMES or any(w in ("the", "a", "an", "of", "and", "to", "in", "on", "at") for w in named)
        ):
            continue
        if street.lower() in ("court", "ct") and lowered[-1] in _COURTS:
            continue
        if all(w[0].isupper() for w in words) or (
            all(w.islower() for w in [*words, street]) and street.lower() in _LOWER_STREET_TYPES
        ):
            yield match.start(), match.end()


def _ordinal(number: int) -> str:
    return {1: "st", 2: "nd", 3: "rd"}.get(number, "th")


def _postcodes(text: str) -> Iterator[tuple[int, int]]:
    for match in POSTCODE.finditer(text):
        inward = match.group(1) or ""
        spaced = match.group()[: -len(inward)][-1:].isspace() if inward else False
        if spaced and inward.islower() and inward[0] != "0" and inward[1:] == _ordinal(int(inward[0])):  # "Q4 3rd", "y10 2nd"
            continue
        yield match.start(), match.end()


def _dates_of_birth(text: str) -> Iterator[tuple[int, int]]:
    """A date just after or just before each DOB keyword (the patterns run only there: they are costly)."""
    after, before = DATE_OF_BIRTH
    for keyword in _DOB_KEYWORD.finditer(text):
        if match := after.match(text, keyword.start()):
            yield match.start(), match.end()
        for match in before.finditer(text, max(0, keyword.start() - 40), keyword.end()):
            yield match.start(), match.end()


def _dob_columns(text: str) -> Iterator[tuple[int, int]]:
    """Dates in a table column headed DOB or date of birth (a Markdown or pasted table, one row a paragraph)."""
    column, offset = None, 0
    for row in text.split("\n"):
        cells = list(re.finditer(r"(?:[^|\\]|\\.)+", row.strip().strip("|"))) if "|" in row else None
        shift = offset + len(row) - len(row.lstrip()) + (1 if row.lstrip().startswith("|") else 0)
        if cells is None:
            column = None
        elif column is None:
            column = next((i for i, cell in enumerate(cells) if _DOB_HEADER.search(cell.group())), None)
        elif column < len(cells) and (date := _FULL_DATE.search(cells[column].group())):
            yield shift + cells[column].start() + date.start(), shift + cells[column].start() + date.end()
        offset += len(row) + 1


def _ni_number(match: re.Match[str]) -> bool:
    """A National Insurance number: with its final letter in any case, or without it in capitals (QQ 12 34 56)."""
    return match.group(3) is not None or match.group(1).isupper()


def detect(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every identifying detail but names in a reader's text, earliest kind first
    where two overlap (an NHS number is not also a phone number)."""
    if not _NEEDS_DETECTORS.search(text):
        return []
    found: list[tuple[int, int, str]] = []
    found += [(m.start(), m.end(), "email") for m in EMAIL.finditer(text)] if "@" in text else []
    found += _numbers(text)
    found += [(m.start(), m.end(), "ni-number") for m in NI_NUMBER.finditer(text) if _ni_number(m)]
    found += [(start, end, "postcode") for start, end in _postcodes(text)]
    if _DOB_KEYWORD.search(text):
        found += [(start, end, "date-of-birth") for start, end in _dates_of_birth(text)]
        found += [(start, end, "date-of-birth") for start, end in _dob_columns(text)]
    found += [(start, end, "address") for start, end in _addresses(text)]
    found += [(m.start(), m.end(), "address") for m in FLAT.finditer(text)]
    found += [(m.start(), m.end(), "social-media") for m in HANDLE.finditer(text)] if "@" in text else []
    found += [(m.start(), m.end(), "social-media") for m in PROFILE.finditer(text)] if ".com/" in text else []
    found += [(m.start(), m.end(), "vehicle-registration") for m in VEHICLE.finditer(text)]
    found += [(m.start(), m.end(), "pupil-number") for m in UPN.finditer(text)]
    return [item for item in _first_come(found) if item[2] != "organisation"]


def _first_come(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans that overlap none found before them, in the order of the text (a sorted list of kept spans,
    so that a text full of findings is not compared pair by pair)."""
    starts: list[int] = []
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        index = bisect_left(starts, start)
        if (index > 0 and kept[index - 1][1] > start) or (index < len(kept) and kept[index][0] < end):
            continue
        starts.insert(index, start)
        kept.insert(index, (start, end, kind))
    return kept


def scan_read(read: Read, declared: list[frozenset[str]] | None = None) -> list[Finding]:
    """Every finding in a reader's text; names too when `declared` (the words of each pseudonym and allowed
    name) is given. A name within a declared one passes; a given name inside a name found is not repeated."""
    text = read.text
    found = [(start, Finding(kind, text[start:end].strip(), read.line_at(start))) for start, end, kind in detect(text)]
    if declared is not None:
        reach = -1  # the end of the furthest name kept so far: a name inside it is not repeated
        for start, name, severity in sorted(names.find(text), key=lambda item: (item[0], -len(item[1]), item[2] != ERROR)):
            if start + len(name) <= reach or any(names.words(name) <= d for d in declared):
                continue
            reach = max(reach, start + len(name))
            kind = "name" if severity == ERROR else "given-name"
            found.append((start, Finding(kind, name, read.line_at(start), severity)))
    return [finding for _, finding in sorted(found, key=lambda pair: pair[0])]


def scan_text(lines: Iterable[tuple[int, str]], pseudonyms: Iterable[str] = (), names: bool = True) -> list[Finding]:
    """Findings in consecutive numbered lines of Markdown; names unless declared pseudonyms (when `names`)."""
    numbered = list(lines)
    if not numbered:
        return []
    read = read_markdown("\n".join(line for _, line in numbered), numbered[0][0])
    return scan_read(read, [name_words(p) for p in pseudonyms] if names else None)


def allowances(lines: Iterable[tuple[int, str]], path: str) -> tuple[list[Allowance], list[Problem]]:
    allowed, problems = [], []
    for number, line in lines:
        for match in _ALLOW.finditer(line):
            reason = (match.group(2) or "").strip()
            if reason:
                allowed.append(Allowance(path, number, match.group(1), reason))
            else:
                problems.append(
                    Problem(
                        path, number, f'privacy allowance for "{match.group(1)}" needs a reason: add reason: <why it is safe>'
                    )
                )
    return allowed, problems


def _reason_only(match: re.Match[str]) -> str:
    """An allowance as the scan reads it: its quoted text set aside, its reason kept."""
    return f" {match.group(2) or ''} "


def _marked(text: str, path: str) -> tuple[list[Allowance], list[Problem], str]:
    """A file's allowances (and the problems with them), and its text as the scan reads it around them."""
    lines = text.split("\n")
    allowed, problems = allowances(enumerate(lines, start=1), path)
    unmarked = "\n".join(_ALLOW.sub(_reason_only, line) if "privacy:" in line else line for line in lines)
    return allowed, problems, unmarked


def _judged(path: str, findings: list[Finding], allowed: list[Allowance], problems: list[Problem]) -> Report:
    """The findings judged against the allowances, the allowances' own problems first."""
    report = judge(path, findings, allowed)
    report.errors = problems + report.errors
    return report


def small_counts(fields: dict[str, tuple[object, int]]) -> list[Finding]:
    """Very small MACA counts could point to one family (warning)."""
    return [
        Finding("small-count", f"{key}: {value}", line, WARNING)
        for key, limit in SMALL_COUNT_FIELDS.items()
        if key in fields
        for value, line in [fields[key]]
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= limit
    ]


@dataclass
class Report:
    errors: list[Problem]
    warnings: list[Problem]
    allowances: list[Allowance]


def covers(allowance: Allowance, path: str, line: int, text: str) -> bool:
    """Whether `allowance` is on that line and names exactly `text`, both read as the reader reads them: one
    allowance, one finding."""
    return allowance.path == path and allowance.line == line and " ".join(text.split()).lower() == _as_allowed(allowance.text)


@cache
def _as_allowed(text: str) -> str:
    """An allowance's text as the reader reads it, spacing and case aside: read once, however often compared."""
    return " ".join(as_read(text).split()).lower()


HINTS = {
    "given-name": "warning: add it to pseudonyms if it is invented",
    "small-count": "warning: could identify a family",
    "pseudonym": "warning: this looks like a real name; a pseudonym must be invented, such as Child A",
    "name": "replace it with a pseudonym and declare it under pseudonyms, or add a public name to allowed_names.yml in the content folder with a reason",
}


def judge(path: str, findings: list[Finding], allowed: list[Allowance]) -> Report:
    """Drop findings an allowance on the same line covers; unused allowances are warnings to tidy up."""
    used: set[Allowance] = set()
    report = Report([], [], [])
    for finding in findings:
        cover = next((a for a in allowed if covers(a, path, finding.line, finding.text)), None)
        if cover:
            used.add(cover)
            continue
        shown = finding.text if finding.kind == "small-count" else mask(finding.text)
        message = f"privacy: {finding.kind}: {shown}"
        if finding.kind in HINTS or finding.kind.endswith(FILE_NAME):
            message += f" ({HINTS.get(finding.kind, 'rename the file: its name is the page address, in every link to it')})"
        (report.errors if finding.severity == ERROR else report.warnings).append(Problem(path, finding.line, message))
    report.allowances = [a for a in allowed if a in used]
    report.warnings += [
        Problem(a.path, a.line, f'privacy: allowance for "{a.text}" matches nothing on this line; remove it')
        for a in allowed
        if a not in used
    ]
    return report


def scan_document(doc: Document, allowed_names: AllowedNames = ()) -> Report:
    """Every line of one content file as its reader gets it: front matter (values and comments) and body,
    whatever its status. Drafts are scanned too: the content repository itself may be public.
    """
    allowed, problems, unmarked = _marked(doc.text, doc.path)
    declared_field = doc.fields.get("pseudonyms")
    value = declared_field.value if declared_field else None
    pseudonyms = [p for p in value if isinstance(p, str)] if isinstance(value, list) else []
    read = read_markdown(unmarked, 1, doc.body_line if doc.parsed else 1)
    declared = [names.words(p) for p in pseudonyms] + [names.words(n.name) for n in allowed_names]
    findings = scan_read(read, declared)
    findings += file_name_findings(doc.path, declared) + _values(doc, declared, findings)
    findings += [
        Finding("pseudonym", name, declared_field.line, WARNING)
        for name in pseudonyms
        if declared_field is not None and len(parts := name.split()) >= 2 and names.looks_real(parts[0], parts[-1])
    ]
    audit_type = doc.fields.get("type")
    if audit_type and audit_type.value == "maca":
        findings += small_counts({k: (f.value, f.line) for k, f in doc.fields.items()})
    return _judged(doc.path, findings, allowed, problems)


FILE_NAME = " in the file name"


def file_name_findings(path: str, declared: list[frozenset[str]]) -> list[Finding]:
    """A file's name becomes its page's address, in links, the sitemap and downloads: a number, postcode or
    e-mail in it, or a given name followed by a known surname ("2024-06-tyler-smith")."""
    words = re.split(r"[-_.]+", PurePosixPath(path).stem)
    found = [f for f in scan_read(read_markdown(" ".join(words))) if f.severity == ERROR]
    for first, second in pairwise(words):
        given, surname = first.title(), second.title()
        if names.is_person(given, surname) and not any(names.words(f"{given} {surname}") <= d for d in declared):
            found.append(Finding("name", f"{first}-{second}", 1))
    return [replace(f, line=1, kind=f"{f.kind}{FILE_NAME}") for f in found]


def _values(doc: Document, declared: list[frozenset[str]], written: list[Finding]) -> list[Finding]:
    """Front-matter text as YAML decodes it (escapes such as \\x30 or \\u00a0, folded lines), at its key's
    line: a finding there that the text as `written` did not show is added."""
    seen = {(f.kind, f.line) for f in written}
    found = []
    for field in doc.fields.values():
        for value in strings(field.value):
            if value in doc.text:  # read as written already
                continue
            for finding in scan_read(read_markdown(value), declared):
                if (finding.kind, field.line) not in seen and finding.severity == ERROR:
                    found.append(replace(finding, line=field.line))
    return found


def scan_file(text: str, path: str, allowed_names: AllowedNames = (), wraps: bool = True) -> Report:
    """A hand-written page or data file: every line read as Markdown (a CSV file's lines apart), names
    included, and its file name, which becomes an address."""
    allowed, problems, unmarked = _marked(text, path)
    declared = [names.words(n.name) for n in allowed_names]
    findings = scan_read(read_markdown(unmarked, wraps=wraps), declared) + file_name_findings(path, declared)
    return _judged(path, findings, allowed, problems)


@dataclass(frozen=True)
class AllowedName:
    name: str
    reason: str
    line: int


AllowedNames = tuple[AllowedName, ...]


def load_allowed_names(root: Path, content_dir: str, refused: Collection[Path] = ()) -> tuple[AllowedNames, list[Problem]]:
    """The partnership's list of names that are public (national reviews, charities), each with a reason:
    a list of `- name: …` / `  reason: …` entries. The file is optional."""
    path = f"{content_dir}/{ALLOWED_NAMES}"
    if not (root / path).is_file() or root / path in refused:
        return (), []
    node, problems = load_yaml_file(root / path, path)
    return read_allowed_names(node, path) if not problems else ((), problems)


def read_allowed_names(node: yaml.Node | None, path: str) -> tuple[AllowedNames, list[Problem]]:
    """The entries of an allowed-names file read into YAML nodes (from the working tree, or from another commit
    for a review)."""
    problems: list[Problem] = []
    if node is None:
        return (), problems
    if not isinstance(node, yaml.SequenceNode):
        return (), [
            Problem(path, 1, "must be a list of entries, each '- name: <name>' with '  reason: <why it may be published>'")
        ]
    found = []
    for item in node.value:
        line = item.start_mark.line + 1
        fields = {k.value: v.value for k, v in item.value} if isinstance(item, yaml.MappingNode) else {}
        name, reason = fields.get("name"), fields.get("reason")
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem(path, line, "each entry needs 'name: <the name as it is written>'"))
        elif not isinstance(reason, str) or not reason.strip():
            problems.append(Problem(path, line, f"'{name}' needs 'reason: <why it may be published>'"))
        else:
            found.append(AllowedName(name.strip(), reason.strip(), line))
    return tuple(found), problems
