"""Writing for practitioners from every agency: acronyms explained where they are first used, notes on
acronyms nobody has explained and on sentences too long to read between visits."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from generator.content.parse import Document
from generator.model import Briefing, Problem
from generator.privacy.asides import ASIDE
from generator.privacy.reading import read_markdown

ACRONYM = re.compile(r"\b([A-Z][A-Z&]{1,5})s?\b")
"""Two to six capitals, perhaps with `&` (A&E) and a plural `s`: longer runs of capitals are shouting, not acronyms."""
KNOWN = frozenset({"UK", "NHS", "GP", "TV", "OK", "PDF", "ID", "AM", "PM", "TODO", "TBC", "TBA", "TBD"})
"""Acronyms every reader knows, and an author's own placeholders (`briefings import` writes `TODO` where an
entry's agency is not known; check refuses it there): never noted, though a glossary may still expand them."""
_ROMAN = re.compile(r"[IVXLC]+")
LONGEST_SENTENCE = 35
"""Words in a sentence, at most, before a note suggests splitting it."""
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.M)
_SKIPPED = re.compile(r"<(/?)(a|abbr|code|pre|script|style|h[1-6])\b[^>]*>", re.I)
_TAG = re.compile(r"(<[^>]*>)")
WORDS_PER_MINUTE = 200
_WORD = re.compile(r"\w[\w'’-]*")


def is_acronym(word: str) -> bool:
    return word not in KNOWN and not _ROMAN.fullmatch(word)


@dataclass(frozen=True)
class Usage:
    """What a body uses that may need explaining, whatever the glossary says: found once per file's text."""

    acronyms: tuple[tuple[str, int], ...] = ()
    """Each acronym with the line where it is first used."""
    long_sentences: tuple[tuple[int, int], ...] = ()
    """The line and word count of each sentence over the limit."""


def usage(doc: Document) -> Usage:
    if not doc.parsed:
        return Usage()
    body = "\n".join(doc.text.split("\n")[doc.body_line - 1 :])
    read = read_markdown(body, doc.body_line, doc.body_line)
    text = "\n".join(_without_asides(line) for line in read.text.split("\n"))
    first: dict[str, int] = {}
    for match in ACRONYM.finditer(text):
        if is_acronym(match.group(1)):
            first.setdefault(match.group(1), read.line_at(match.start()))
    long = []
    for sentence in _SENTENCE.finditer(text):
        words = len(sentence.group().split())
        if words > LONGEST_SENTENCE:
            long.append((read.line_at(sentence.start() + len(sentence.group()) - len(sentence.group().lstrip())), words))
    return Usage(tuple(first.items()), tuple(long))


def _without_asides(line: str) -> str:
    """A line without what is read beside it (link targets, comments), blanked rather than cut so that every
    offset still maps to its line."""
    cut = line.find(ASIDE)
    return line if cut < 0 else line[:cut] + " " * (len(line) - cut)


def notes(path: str, used: Usage, glossary: Mapping[str, str]) -> list[Problem]:
    """Acronyms used but not in the glossary (once each, where first used), and overlong sentences."""
    found = [
        Problem(
            path,
            line,
            f"writing: '{word}' is not in the glossary, and readers from other agencies may not know it; add "
            f"'{word}: <what it stands for>' under glossary: in taxonomy.yml, or write it out",
        )
        for word, line in used.acronyms
        if word not in glossary
    ]
    found += [
        Problem(
            path,
            line,
            f"writing: this sentence has {words} words; practitioners read between visits, often on a phone: "
            f"split it (at most {LONGEST_SENTENCE} words)",
        )
        for line, words in used.long_sentences
    ]
    return sorted(found, key=lambda p: p.line)


def abbreviate(page: str, glossary: Mapping[str, str]) -> str:
    """The page's HTML with the first use of each glossary acronym marked `<abbr title="expansion">`, outside
    links, code and headings (a heading's text names its place in the table of contents)."""
    if not glossary:
        return page
    terms = sorted(glossary, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(html.escape(term)) for term in terms) + r")(?=s?\b)")
    by_written = {html.escape(term): term for term in terms}
    seen: set[str] = set()

    def mark(match: re.Match[str]) -> str:
        term = by_written[match.group(1)]
        if term in seen:
            return match.group()
        seen.add(term)
        return f'<abbr title="{html.escape(glossary[term], quote=True)}">{match.group()}</abbr>'

    parts, depth = _TAG.split(page), 0
    for index, part in enumerate(parts):
        if index % 2:
            if tag := _SKIPPED.match(part):
                depth = max(0, depth + (-1 if tag.group(1) else 1))
        elif depth == 0 and part.strip():
            parts[index] = pattern.sub(mark, part)
    return "".join(parts)


def word_count(b: Briefing) -> int:
    """The words of what a reader reads in the briefing: its steps, the questions, its good practice and its summary."""
    texts = [*b.steps, *b.default_questions, *(entry.body for entry in b.good_practice), b.summary]
    return sum(len(_WORD.findall(text)) for text in texts)


def reading_minutes(b: Briefing) -> int:
    """About how long the briefing's steps and good practice take to read, at an ordinary reading pace."""
    return max(1, round(word_count(b) / WORDS_PER_MINUTE))
