"""Judge what the detectors and the name finder report, so the build refuses to publish what could identify a
child or family.

One scanner serves both lines of defence: the author's files (with `path:line`) and the text of
the built site. Errors block the build; warnings (given names, very small counts) are printed and
block only with `--strict-privacy`.

A finding can be allowed, one line at a time, by a marker on that line that must give a reason:
`<!-- privacy: allow "Section 47" reason: statutory reference -->` in the body, or
`# privacy: allow "..." reason: ...` after a front-matter value.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from pathlib import PurePosixPath

from generator.model import Problem
from generator.privacy import namedplaces, names, slugnames
from generator.privacy.allowednames import AllowedNames
from generator.privacy.detectors import detect
from generator.privacy.familynames import FAMILY_WORDS
from generator.privacy.names import words as name_words
from generator.privacy.reading import Read, as_read, read_markdown

ERROR, WARNING = names.ERROR, names.WARNING

_ALLOW = re.compile(r"(?:<!--|#)\s*privacy:\s*allow\s+\"([^\"]+)\"(?:\s+reason:\s*(.*?))?\s*(?:-->|#\}|$)")
"""An allowance, inside an HTML comment (body), a YAML comment (front matter) or a template's comment (the theme's).
Its reason is scanned like any text: the repository may be public."""
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


def scan_read(read: Read, declared: list[frozenset[str]] | None = None, detectors: bool = True) -> list[Finding]:
    """Every finding in a reader's text (the detectors' unless not `detectors`); names too when `declared` (the words
    of each pseudonym and allowed name) is given. A name within a declared one passes; a given name inside a name
    found, or a name inside a detail (`jane.doe@…`, found or not), is not repeated."""
    text = read.text
    spans = detect(text) if detectors or declared is not None else []
    found = [(start, Finding(kind, text[start:end].strip(), read.line_at(start))) for start, end, kind in spans if detectors]
    if declared is not None:
        covered = _covered(spans)
        reach = -1  # the end of the furthest name kept so far: a name inside it is not repeated
        for start, name, severity in sorted(
            [*names.find(text), *namedplaces.find(text), *slugnames.find(text)],
            key=lambda item: (item[0], -len(item[1]), item[2] != ERROR),
        ):
            if start + len(name) <= reach or any(names.words(name) <= d for d in declared) or _within(start, *covered):
                continue
            reach = max(reach, start + len(name))
            kind = "name" if severity == ERROR else "given-name"
            found.append((start, Finding(kind, name, read.line_at(start), severity)))
    return [finding for _, finding in sorted(found, key=lambda pair: pair[0])]


def _covered(spans: list[tuple[int, int, str]]) -> tuple[list[int], list[int]]:
    """The stretches of text the details found cover, merged and in order: their starts and their ends."""
    merged: list[list[int]] = []
    for start, end, _ in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [start for start, _ in merged], [end for _, end in merged]


def _within(offset: int, starts: list[int], ends: list[int]) -> bool:
    at = bisect_right(starts, offset) - 1
    return at >= 0 and offset < ends[at]


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


def marked(text: str, path: str) -> tuple[list[Allowance], list[Problem], str]:
    """A file's allowances (and the problems with them), and its text as the scan reads it around them."""
    lines = text.split("\n")
    allowed, problems = allowances(enumerate(lines, start=1), path)
    unmarked = "\n".join(_ALLOW.sub(_reason_only, line) if "privacy:" in line else line for line in lines)
    return allowed, problems, unmarked


def judged(path: str, findings: list[Finding], allowed: list[Allowance], problems: list[Problem]) -> Report:
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

    def add(self, other: Report) -> None:
        self.errors += other.errors
        self.warnings += other.warnings
        self.allowances += other.allowances


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
    "pseudonym": "this looks like a real name (a given name and a surname), which a pseudonym lets through wherever it "
    "stands; a pseudonym must be invented, such as Child A or a given name alone; a public name goes in allowed_names.yml "
    "with a reason",
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
        if finding.kind.endswith(FILE_NAME):
            message += " (rename the file: its name is the page address, in every link to it)"
        elif finding.kind.endswith(PREVIOUS_SLUG):
            message += " (remove it from previous_slugs: the site keeps each one as an address that leads to the page)"
        elif finding.kind in HINTS:
            message += f" ({HINTS[finding.kind]})"
        (report.errors if finding.severity == ERROR else report.warnings).append(Problem(path, finding.line, message))
    report.allowances = [a for a in allowed if a in used]
    for unused in (a for a in allowed if a not in used):
        identifying = _identifying(unused.text)
        if identifying:
            message = (
                f'privacy: allowance for "{mask(unused.text)}" matches nothing on this line, and what it quotes is '
                f"itself identifying ({identifying}): the marker is there for anyone who reads the file; remove it"
            )
            report.errors.append(Problem(unused.path, unused.line, message))
        else:
            message = f'privacy: allowance for "{unused.text}" matches nothing on this line; remove it'
            report.warnings.append(Problem(unused.path, unused.line, message))
    return report


def _identifying(quoted: str) -> str:
    """The kinds of error an allowance's quoted text would raise as text ("" if none). Where it allows nothing the
    marker guards nothing, yet it is published wherever the file is shown as written (a code span, a data file)."""
    kinds = dict.fromkeys(f.kind for f in scan_read(read_markdown(quoted), []) if f.severity == ERROR)
    return ", ".join(kinds)


FILE_NAME = " in the file name"
PREVIOUS_SLUG = " in a previous slug"
_FAMILY_WORDS = frozenset({*FAMILY_WORDS, "and", "of", "at"})
"""Words of a file name read in lower case, as prose writes them ("the-smith-family" as "The Smith family")."""
_FAMILY_NAMING = frozenset({"family", "families", "household", "baby"})
"""Words that, in a file name, name a family or a baby by its surname: its other words are then read capitalised."""


def file_name_findings(path: str, declared: list[frozenset[str]]) -> list[Finding]:
    """A file's name becomes its page's address, in links, the sitemap and downloads: a number, postcode or
    e-mail in it, a given name followed by a known surname ("2024-06-tyler-smith"), or a family or baby named by a
    known surname ("the-smith-family", "baby-smith")."""
    stem = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", PurePosixPath(path).stem)  # TylerSmith.png
    words = [word for word in re.split(r"[-_.\s+,;~%&]+", stem) if word]
    found = [f for f in scan_read(read_markdown(" ".join(words))) if f.severity == ERROR]
    for first, second in pairwise(words):
        given, surname = first.title(), second.title()
        if names.is_person(given, surname) and not any(names.words(f"{given} {surname}") <= d for d in declared):
            found.append(Finding("name", f"{first}-{second}", 1))
    if _FAMILY_NAMING & {word.lower() for word in words}:
        capitalised = " ".join(word if word.lower() in _FAMILY_WORDS else word.title() for word in words)
        written = {f.text.lower() for f in found}
        found += [
            f
            for f in scan_read(read_markdown(capitalised), declared)
            if f.severity == ERROR
            and f.kind == "name"
            and f.text.lower().replace(" ", "-") not in written
            and not _guessed_baby(f.text)
        ]
    return [replace(f, line=1, kind=f"{f.kind}{FILE_NAME}") for f in found]


def address_report(path: str, allowed_names: AllowedNames) -> Report:
    """A picture's or a folder's name beside the pages (part of addresses, in links and the sitemap), read as a page's."""
    return judged(path, file_name_findings(path, [names.words(n.name) for n in allowed_names]), [], [])


def _guessed_baby(name: str) -> bool:
    """A baby named, in a file name, by a word that is no known surname ("baby-due", "baby-surname"): its capital is
    the scan's guess, not the author's, and only a known surname counts there ("baby-smith")."""
    first, _, rest = name.partition(" ")
    return first == "Baby" and not names.known_surname(rest)


def scan_file(
    text: str,
    path: str,
    allowed_names: AllowedNames = (),
    wraps: bool = True,
    detectors: bool = True,
    file_name: bool = True,
    names_read: bool = True,
) -> Report:
    """A hand-written page or data file: every line read as Markdown (a CSV file's lines apart), names
    included (unless not `names_read`: code), and its file name, which becomes an address (unless not `file_name`:
    a part of the file read again)."""
    allowed, problems, unmarked = marked(text, path)
    declared = [names.words(n.name) for n in allowed_names]
    findings = scan_read(read_markdown(unmarked, wraps=wraps), declared if names_read else None, detectors)
    findings += file_name_findings(path, declared) if file_name else []
    return judged(path, findings, allowed, problems)
