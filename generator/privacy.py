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
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from .load import Document
from .model import Problem

ERROR, WARNING = "error", "warning"

_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_S = r"[ \t]"
"""Spacing inside one line: a pattern never spans two lines, so whole texts scan like single lines."""
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?{_S}+(?:of{_S}+)?{_MONTHS}\.?,?{_S}+\d{{4}}"
    rf"|{_MONTHS}\.?{_S}+\d{{1,2}}(?:st|nd|rd|th)?,?{_S}+\d{{4}})"
)
_DOB_WORD = rf"(?:D\.?O\.?B\.?|date{_S}+of{_S}+birth|born(?:{_S}+on)?)"
_STREET_TYPES = (
    "Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Gardens|Gdns|Grove|"
    "Terrace|Hill|Walk|Row|Square|Sq|Mews|Rise|View|Parade|Green|Park|Vale|Wharf|Boulevard"
)

_DOB_KEYWORD = re.compile(rf"\b{_DOB_WORD}(?![A-Za-z])", re.I)

DETECTORS: list[tuple[str, re.Pattern[str], re.Pattern[str] | None]] = [
    ("email", re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"), re.compile("@")),
    ("nhs-number", re.compile(r"(?=\d)(?<![\d-])(?:\d{3} \d{3} \d{4}|\d{3}-\d{3}-\d{4}|\d{10})(?![\d-])"), None),
    (
        "phone",
        re.compile(rf"(?=[+(0])(?<![\w+])(?:\+44(?:{_S}|-)?(?:\(0\)(?:{_S}|-)?)?|\(?0)\d(?:[ \t\-)]{{0,2}}\d){{8,9}}(?!\d)"),
        None,
    ),
    (
        "ni-number",
        re.compile(rf"\b[A-Z]{{2}}{_S}{{0,2}}\d{{2}}{_S}{{0,2}}\d{{2}}{_S}{{0,2}}\d{{2}}{_S}{{0,2}}[A-D]\b", re.I),
        None,
    ),
    ("postcode", re.compile(rf"(?=[A-Z])\b(?:GIR{_S}?0AA|[A-Z]{{1,2}}\d[A-Z\d]?{_S}*\d[ABD-HJLNP-UW-Z]{{2}})\b"), None),
    ("date-of-birth", re.compile(rf"\b{_DOB_WORD}[^\w\n]{{0,4}}(?:(?:is|was|on|of){_S}+)?{_DATE}", re.I), _DOB_KEYWORD),
    ("date-of-birth", re.compile(rf"{_DATE}{_S}*\(?{_S}*{_DOB_WORD}(?![A-Za-z])", re.I), _DOB_KEYWORD),
    (
        "address",
        re.compile(
            rf"\b\d{{1,4}}[A-Za-z]?,?{_S}+(?!(?:Family|Crown|Youth|County|Magistrates'?|High){_S}+Court\b)"
            rf"(?:[A-Z][A-Za-z'\-]+{_S}+){{1,3}}(?:{_STREET_TYPES})\b"
        ),
        None,
    ),
]
"""Error kinds, checked in this order (an NHS number is not also reported as a phone number), each with
an optional guard: a cheap pattern that must occur in the text before the costly one is run. A leading
lookahead of the first character lets the regex engine skip most positions at once."""

_NEEDS_DETECTORS = re.compile(r"[0-9@]")
"""Every error kind contains a digit or an @, so text with neither needs no detector run."""
_GIVEN_NAME = re.compile(r"(?=[A-Z])\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_ALLOW = re.compile(r"privacy:\s*allow\s+\"([^\"]+)\"(?:\s+reason:\s*(.*?))?\s*(?:-->|$)")
SMALL_COUNT_FIELDS = {"cases": 1, "children": 2}
"""A MACA field at or below this count could identify a family."""


def given_names() -> frozenset[str]:
    text = (Path(__file__).parent / "data" / "given_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


GIVEN_NAMES = given_names()


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


def _starts(lines: list[str]) -> list[int]:
    """The offset of each line in the lines joined by newlines."""
    return list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))


def scan_block(text: str, first_line: int = 1, pseudonyms: frozenset[str] | None = None) -> list[Finding]:
    """Every finding in a whole text, each pattern run once over it (names only when `pseudonyms` is given).

    No pattern spans two lines and every error kind holds a digit or an @, so the detectors run over the
    lines that hold one, joined: most prose lines hold neither.
    """
    found: list[tuple[int, Finding]] = []
    lines = text.split("\n")
    starts = _starts(lines)
    candidates = [number for number, line in enumerate(lines) if _NEEDS_DETECTORS.search(line)]
    if candidates:
        chosen = [lines[number] for number in candidates]
        joined, joined_starts = "\n".join(chosen), _starts(chosen)
        taken: list[tuple[int, int]] = []
        for kind, pattern, guard in DETECTORS:
            if guard and not guard.search(joined):
                continue
            for match in pattern.finditer(joined):
                span = match.span()
                if any(start < span[1] and span[0] < end for start, end in taken):
                    continue
                if kind == "nhs-number" and not nhs_check_digit_ok(re.sub(r"\D", "", match.group())):
                    continue
                taken.append(span)
                index = bisect_right(joined_starts, span[0]) - 1
                number = candidates[index]
                offset = starts[number] + span[0] - joined_starts[index]
                found.append((offset, Finding(kind, match.group().strip(), first_line + number)))
    if pseudonyms is not None:
        for match in _GIVEN_NAME.finditer(text):
            if match.group() in GIVEN_NAMES and match.group() not in pseudonyms:
                number = bisect_right(starts, match.start()) - 1
                found.append((match.start(), Finding("given-name", match.group(), first_line + number, WARNING)))
    return [finding for _, finding in sorted(found, key=lambda pair: pair[0])]


def scan_text(lines: Iterable[tuple[int, str]], pseudonyms: Iterable[str] = (), names: bool = True) -> list[Finding]:
    """Findings in consecutive numbered lines of author text; names are warnings unless declared pseudonyms."""
    numbered = list(lines)
    if not numbered:
        return []
    declared = frozenset(word for name in pseudonyms for word in re.findall(r"[A-Za-z][\w-]*", name))
    return scan_block("\n".join(line for _, line in numbered), numbered[0][0], declared if names else None)


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


def judge(path: str, findings: list[Finding], allowed: list[Allowance]) -> Report:
    """Drop findings an allowance on the same line covers; unused allowances are warnings to tidy up."""
    used: set[Allowance] = set()
    report = Report([], [], [])
    for finding in findings:
        cover = next((a for a in allowed if a.line == finding.line and finding.text in a.text), None)
        if cover:
            used.add(cover)
            continue
        shown = finding.text if finding.kind == "small-count" else mask(finding.text)
        message = f"privacy: {finding.kind}: {shown}"
        if finding.severity == ERROR:
            report.errors.append(Problem(path, finding.line, message))
        else:
            hint = "add it to pseudonyms if it is invented" if finding.kind == "given-name" else "could identify a family"
            report.warnings.append(Problem(path, finding.line, f"{message} (warning: {hint})"))
    report.allowances = [a for a in allowed if a in used]
    report.warnings += [
        Problem(a.path, a.line, f'privacy: allowance for "{a.text}" matches nothing on this line; remove it')
        for a in allowed
        if a not in used
    ]
    return report


def scan_document(doc: Document) -> Report:
    """Every line of one content file: front matter (values and comments) and body, whatever its status.

    Drafts are scanned too: the content repository itself may be public.
    """
    lines = list(enumerate(doc.text.split("\n"), start=1))
    allowed, problems = allowances(lines, doc.path)
    unmarked = [(number, _ALLOW.sub(" ", line)) for number, line in lines]
    declared = doc.fields.get("pseudonyms")
    pseudonyms = [p for p in declared.value if isinstance(p, str)] if declared and isinstance(declared.value, list) else []
    findings = scan_text(unmarked, pseudonyms)
    audit_type = doc.fields.get("type")
    if audit_type and audit_type.value == "maca":
        findings += small_counts({k: (f.value, f.line) for k, f in doc.fields.items()})
    report = judge(doc.path, findings, allowed)
    report.errors = problems + report.errors
    return report
