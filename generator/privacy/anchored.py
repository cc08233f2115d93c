"""A pattern's matches found from a rare character each of them must hold (a digit, an @, ".com/").

Python's regular expressions skip ahead quickly only to a first character they know (a literal, a set of
characters): a pattern that starts with `\\b`, a look-behind, or a letter under `re.I` is tried at every character
of the text. Digits and @ are rare in prose, so a detector that needs one finds its candidates with a *locator*,
a pattern that starts with that character, and confirms each with its own pattern: the same matches as
`pattern.finditer(text)`, at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def anchored(pattern: re.Pattern[str], locator: re.Pattern[str], text: str, backs: tuple[int, ...]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, for a pattern whose every match holds a `locator` match starting `back` characters
    after its own start, for one of `backs` (largest first, so that the leftmost match is tried first)."""
    done = at = 0  # the end of the last match (no match overlaps it), where to look for the next anchor
    while hit := locator.search(text, at):
        at = hit.start() + 1
        for back in backs:
            start = hit.start() - back
            if start >= done and (match := pattern.match(text, start)):
                yield match
                done = match.end()
                at = max(at, done)
                break


def within_lines(pattern: re.Pattern[str], text: str, needle: str | re.Pattern[str]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, for a pattern that never spans a line break and whose every match's line holds
    `needle` (a string or a pattern's match): only the lines that hold it are searched."""
    at = _find(needle, text, 0)
    while at != -1:
        start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        end = len(text) if end == -1 else end
        yield from pattern.finditer(text, start, end)
        at = _find(needle, text, end)


def _find(needle: str | re.Pattern[str], text: str, start: int) -> int:
    if isinstance(needle, str):
        return text.find(needle, start)
    return found.start() if (found := needle.search(text, start)) else -1


def starting_words(*alternatives: str) -> str:
    """`\\b(?:one|two|…)`, for alternatives that each start with a letter, written so that the engine skips ahead to
    those letters: each alternative's first letter, then a look behind it for the word's start (the same matches)."""
    assert all(alternative[:1].isalpha() for alternative in alternatives)
    return "(?:" + "|".join(f"{a[0]}(?<!\\w{a[0]}){a[1:]}" for a in alternatives) + ")"


def occurrences(text: str, word: str) -> Iterator[int]:
    """Where `word` stands in `text`, found by the string's own search: a pattern is then tried only near it."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)
