"""The scan's fast paths find exactly what the plain patterns find (`generator.privacy.anchored`)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.privacy.anchored import anchored, starting_words, within_lines
from generator.privacy.dates import KEYWORD_START
from generator.privacy.detectors import NI_NUMBER, PROFILE, UPN, detect
from generator.privacy.plates import CURRENT
from generator.privacy.postcodes import POSTCODE
from generator.privacy.references import word_starts
from generator.privacy.scan import scan_text

PIECES = [
    "AB12 CDE", "AB12", "AB 12 CDE", "AB12-CDE", "QQ 12 34 56 C", "QQ123456", "A123456789012", "SW1A 1AA", "M1 1AE", "facebook.com/jo_1", "x.com/abc",
    ".com/", "7", "12", "2024", "A", "AB", "b", "ſ", "\u212a", "٣", "@", "jo@example.org", " ", "  ", "\t", "\n", ",", ".", "-", "/",
    "Flat 3", "Rose House", "PC", "PCSO Davies", "school", "xschool", "Oakfield", "DOB", "born",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
DIGIT_FIRST = {
    CURRENT: (re.compile(r"\d(?<=\b[A-Z]{2}\d)"), (2,)),
    UPN: (re.compile(r"\d(?<=\b[A-HJ-NP-TV-Z]\d)"), (1,)),
    NI_NUMBER: (re.compile(r"\d(?:(?<=[A-Z]{2}\d)|(?<=[A-Z]{2}[ \t.\-/]\d)|(?<=[A-Z]{2}[ \t.\-/]{2}\d))", re.I), (4, 3, 2)),
    POSTCODE: (re.compile(r"\d(?<=[A-Z]\d)", re.I), (2, 1)),
    PROFILE: (re.compile(r"\.com/", re.I), (9, 8, 7, 6, 2, 1)),
}


def spans(matches: object) -> list[tuple[int, int]]:
    return [match.span() for match in matches]  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_a_pattern_found_from_its_anchor_finds_what_it_finds_everywhere(text: str) -> None:
    for pattern, (locator, backs) in DIGIT_FIRST.items():  # no piece makes "GIR 0AA", which holds its digit further on
        assert spans(anchored(pattern, locator, text, backs)) == spans(pattern.finditer(text)), pattern.pattern


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_a_pattern_searched_within_the_lines_holding_its_needle_finds_what_it_finds_everywhere(text: str) -> None:
    email = re.compile(r"[\w.]+@[\w.]+")
    capitalised = re.compile(r"\b[A-Z][a-z]+ House\b")
    assert spans(within_lines(email, text, "@")) == spans(email.finditer(text))
    assert spans(within_lines(capitalised, text, re.compile("House"))) == spans(capitalised.finditer(text))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_words_written_to_be_skipped_to_match_as_words_do(text: str) -> None:
    words = ("PC", "PCSO", "school", "Rose")
    fast = re.compile(starting_words(*words) + r"\b")
    plain = re.compile(r"\b(?:" + "|".join(words) + r")\b")
    assert spans(fast.finditer(text)) == spans(plain.finditer(text))


WORDS = ["id", "eh", "cp", "did", "d.o.b", "sort-code", "child", "x"]
"""Words a detector starts from: short ones that stand inside others, and ones with a dot or a hyphen."""


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*WORDS, "children", "behaviour", "D.O.B.", "ID", "Did", "é", "ſ", "2", " ", "-", "."]), max_size=20)
)
def test_a_detector_s_words_are_found_where_they_stand_whole(pieces: list[str]) -> None:
    text = "".join(pieces)
    lowered = text.lower()
    for chosen in (frozenset(WORDS), frozenset(["id", "d.o.b"]), frozenset(["child"])):
        whole = [
            at
            for at in range(len(text))
            for word in chosen
            if lowered.startswith(word, at)
            and not lowered[at - 1 : at].isalpha()
            and not lowered[at + len(word) : at + len(word) + 1].isalpha()
        ]
        assert word_starts(chosen, text) == sorted(whole), (chosen, text)


def test_the_anchored_detectors_still_find_each_kind_where_it_stands() -> None:
    text = "Car AB12 CDE; NI QQ 12 34 56 C; pupil A123456789012; lives at SW1A 1AA; see facebook.com/jo_smith1; gir 0aa."
    assert [(kind, text[start:end]) for start, end, kind in detect(text)] == [
        ("vehicle-registration", "AB12 CDE"),
        ("ni-number", "QQ 12 34 56 C"),
        ("pupil-number", "A123456789012"),
        ("postcode", "SW1A 1AA"),
        ("social-media", "facebook.com/jo_smith1"),
        ("postcode", "gir 0aa"),
    ]


KEYWORDS = [
    "DOB", "D.O.B.", "D O B", "d.o.b", "DOBs", "date of birth", "Dates of Birth", "birthday", "birth date", "Birth-dates", "EDD",
    "E.D.D.", "E D D", "expected date of delivery", "Estimated dates of confinement", "born", "Born", "delivered", "b. 3/4/12",
    "b 3/4/12", "bday", "b'day", "B-day", "gave birth", "gives birth", "giving birth", "Given birth", "birth on", "turns 7 on", "turned 12 on", "Turn 5 on",
    "became 18 on", "becomes 18 on", "reached 18 on", "reaches 18 on", "will be 18 on", "would be 18 on", "B day",
]  # fmt: skip


def test_every_word_naming_a_birth_starts_where_the_scan_looks_for_one() -> None:
    for keyword in KEYWORDS:
        for written in (keyword, keyword.upper(), keyword.lower()):
            assert KEYWORD_START.match(written) or KEYWORD_START.match(f"x {written}", 2), written
            assert not KEYWORD_START.match(f"x{written}", 1), written  # inside a word, none starts


def test_what_the_fast_paths_once_missed_is_found() -> None:
    """Found by a reviewer comparing the scan before and after its fast paths: a setting's words spaced apart (as
    emphasis read away leaves them), and the Girobank's postcode written with a Turkish dotted or dotless i."""
    for text in (
        "Tyler attends Oakfield Play  Group on Mondays.",
        "Tyler attends Oakfield Play ** Group.",
        "Oakfield Play \tGroup",
    ):
        assert [f.kind for f in scan_text(list(enumerate(text.split("\n"), start=1))) if "Group" in f.text] == ["name"], text
    for text in ("Postcode GİR 0AA", "postcode gır 0aa"):
        assert [kind for _, _, kind in detect(text)] == ["postcode"], text
