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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .load import Document
from .model import Problem

ERROR, WARNING = "error", "warning"

_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
_DOB_WORD = r"(?:D\.?O\.?B\.?|date\s+of\s+birth|born(?:\s+on)?)"
_STREET_TYPES = (
    "Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Gardens|Gdns|Grove|"
    "Terrace|Hill|Walk|Row|Square|Sq|Mews|Rise|View|Parade|Green|Park|Vale|Wharf|Boulevard"
)

DETECTORS: dict[str, re.Pattern[str]] = {
    "email": re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"),
    "nhs-number": re.compile(r"(?<![\d-])(?:\d{3} \d{3} \d{4}|\d{3}-\d{3}-\d{4}|\d{10})(?![\d-])"),
    "phone": re.compile(r"(?<![\w+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d(?:[\s\-)]{0,2}\d){8,9}(?!\d)"),
    "ni-number": re.compile(r"\b[A-Z]{2}\s{0,2}\d{2}\s{0,2}\d{2}\s{0,2}\d{2}\s{0,2}[A-D]\b", re.I),
    "postcode": re.compile(r"\b(?:GIR\s?0AA|[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2})\b"),
    "date-of-birth": re.compile(
        rf"\b{_DOB_WORD}\W{{0,4}}(?:(?:is|was|on|of)\s+)?{_DATE}|{_DATE}\s*\(?\s*{_DOB_WORD}(?![A-Za-z])", re.I
    ),
    "address": re.compile(
        rf"\b\d{{1,4}}[A-Za-z]?,?\s+(?!(?:Family|Crown|Youth|County|Magistrates'?|High)\s+Court\b)"
        rf"(?:[A-Z][A-Za-z'\-]+\s+){{1,3}}(?:{_STREET_TYPES})\b"
    ),
}
"""Error kinds, checked in this order; an NHS number is not also reported as a phone number."""

_GIVEN_NAME = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
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


def scan_line(line: str, number: int) -> Iterator[Finding]:
    """Every error-level finding in one line of text."""
    taken: list[tuple[int, int]] = []
    for kind, pattern in DETECTORS.items():
        for match in pattern.finditer(line):
            span = match.span()
            if any(start < span[1] and span[0] < end for start, end in taken):
                continue
            if kind == "nhs-number" and not nhs_check_digit_ok(re.sub(r"\D", "", match.group())):
                continue
            taken.append(span)
            yield Finding(kind, match.group().strip(), number)


def scan_names(line: str, number: int, pseudonyms: frozenset[str]) -> Iterator[Finding]:
    for match in _GIVEN_NAME.finditer(line):
        name = match.group()
        if name in GIVEN_NAMES and name not in pseudonyms:
            yield Finding("given-name", name, number, WARNING)


def scan_text(lines: Iterable[tuple[int, str]], pseudonyms: Iterable[str] = (), names: bool = True) -> list[Finding]:
    """Findings in numbered lines of author text; names are warnings unless declared pseudonyms."""
    declared = frozenset(word for name in pseudonyms for word in re.findall(r"[A-Za-z][\w-]*", name))
    found = []
    for number, line in lines:
        found += scan_line(line, number)
        if names:
            found += scan_names(line, number, declared)
    return found


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
