"""People's and places' names in a reader's text: the details that identify a child most directly.

Given names and surnames come from Faker's lists (MIT licence, kept up to date, made from national
statistics of names, not from anyone's records), for the languages families in England most often
speak. A name counts as an error only in a name's context: a given name with a surname, a title with
a surname, a given name before a verb such as "said", a name before ", aged", or a named school,
nursery or GP practice. A given name alone is a warning. Names that are also everyday words ("May",
"Grace", "Will") count only before a surname or a verb of speech.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
LOCALES = [
    "en",
    "en_GB",
    "en_IE",
    "en_US",
    "en_IN",
    "en_PK",
    "en_NG",
    "ga_IE",
    "pl_PL",
    "ro_RO",
    "lt_LT",
    "lv_LV",
    "bg_BG",
    "ar_AA",
    "bn_BD",
    "hi_IN",
    "tr_TR",
    "pt_PT",
    "it_IT",
    "es_ES",
    "fr_FR",
    "de_DE",
]
"""Faker's person locales read for names: English-speaking countries and the main community languages in England."""

ERROR, WARNING = "error", "warning"
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ\u0100-\u017f", "a-zß-öø-ÿ\u0100-\u017f"
"""Latin letters with their accents (Latin Extended-A holds both cases: Łukasz, Wiśniewski, Şahin)."""
_WORD = rf"(?:(?:Mc|Mac|O['’]|D['’])(?=[{_UPPER}]))?[{_UPPER}][{_LOWER}]+(?:['’][A-Za-z]+)?(?:-[{_UPPER}][{_LOWER}]+)*"
"""A capitalised word: a name, with its prefix (McDonald, O'Brien), possessive and hyphenated parts."""
_CAPITALISED = re.compile(rf"\b{_WORD}\b")
_GAP = re.compile(r"[ \t]+")
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Master"})
_TITLE_GAP = re.compile(r"\.?[ \t]+")
_SPEECH = frozenset(
    ["said", "says", "told", "tells", "disclosed", "explained", "asked", "reported", "stated", "shared", "attended", "attends"]
)
_VERBS = _SPEECH | frozenset(
    [
        "was",
        "is",
        "has",
        "had",
        "lives",
        "lived",
        "goes",
        "went",
        "moved",
        "stays",
        "stayed",
        "felt",
        "feels",
        "wanted",
        "wants",
        "did",
        "does",
        "became",
        "remained",
        "started",
        "began",
        "refused",
        "returned",
        "missed",
        "ran",
        "left",
        "came",
        "spent",
        "showed",
        "needs",
        "needed",
    ]
)
_VERB_AFTER = re.compile(r"[ \t]+(" + "|".join(sorted(_VERBS)) + r")\b")
_AGED_AFTER = re.compile(r"[ \t]*,[ \t]*aged\b")
_PLACE_GUARD = re.compile(r"School|Academy|College|Nursery|Pre-?[Ss]chool|Primary|Infants|Juniors|Surgery|Centre|Practice")
_PLACE = re.compile(
    rf"\b((?:(?:St\.?|{_WORD})[ \t]+){{1,4}})"
    r"((?:(?:Primary|Infants?'?|Junior|Secondary|High|Grammar|C of E|CE|RC|Catholic|Community|Free|Church)[ \t]+)*"
    r"(?:School|Academy|College|Nursery|Pre-?[Ss]chool|Primary|Infants|Juniors|Surgery|Medical[ \t]+Centre|Health[ \t]+Centre|"
    r"(?:Medical|Health|Group)[ \t]+Practice|Children['’]s[ \t]+Centre|Day[ \t]+Nursery))\b"
)
_CHILD_WORDS = frozenset(
    [
        "adult",
        "baby",
        "boy",
        "brother",
        "child",
        "daughter",
        "father",
        "girl",
        "infant",
        "mother",
        "parent",
        "person",
        "sibling",
        "sister",
        "son",
        "teenager",
        "toddler",
    ]
)


def _words(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _faker_names(*attributes: str) -> frozenset[str]:
    found: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in attributes:
            values = provider.__dict__.get(attribute) or getattr(provider, attribute, None)
            if isinstance(values, dict | list | tuple | set | frozenset):
                found.update(v for v in values if isinstance(v, str) and v[:1].isupper() and " " not in v)
    return frozenset(found)


def plain(word: str) -> str:
    """`word` without accents, as a list may spell it (Zoë, Zoe)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@cache
def given_names() -> frozenset[str]:
    names = _faker_names("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
    return names | {plain(name) for name in names}


@cache
def surnames() -> frozenset[str]:
    names = _faker_names("last_names")
    return names | {plain(name) for name in names}


@cache
def everyday() -> frozenset[str]:
    """Lower-case words that are names only in a name's context."""
    from faker.providers.lorem.en_US import Provider

    return frozenset(Provider.word_list) | _words("everyday_names.txt")


@cache
def not_surnames() -> frozenset[str]:
    return _words("not_surnames.txt")


@cache
def generic_place_words() -> frozenset[str]:
    return _words("generic_place_words.txt")


def load() -> None:
    """Read every list now: a build calls this before it forks its workers, which then share them."""
    given_names(), surnames(), everyday(), not_surnames(), generic_place_words()


def _given(word: str) -> bool:
    return any(part in given_names() or (not part.isascii() and plain(part) in given_names()) for part in word.split("-"))


def _is_everyday(word: str) -> bool:
    return word.lower() in everyday()


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _surname(word: str) -> bool:
    bare = _bare(word)
    if bare.lower() in not_surnames() or len(bare) < 2:
        return False
    return bare in surnames() or not _is_everyday(bare)


def words(name: str) -> frozenset[str]:
    """The words of a name, without a possessive: the unit pseudonyms and allowed names are matched in."""
    return frozenset(re.sub(r"['’]s$", "", word) for word in re.findall(r"[^\W\d_](?:[\w'’]|-(?=\w))*", name))


def _sentence_start(text: str, offset: int) -> bool:
    return not text[:offset].rstrip(" \t\"'“‘(") or text[:offset].rstrip(" \t\"'“‘(")[-1] in ".!?:\n-•*"


def find(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, name, severity) for each name in `text`: one pass over its capitalised words, each judged by
    the words around it."""
    tokens = list(_CAPITALISED.finditer(text))
    for index, token in enumerate(tokens):
        word, end = token.group(), token.end()
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        adjacent = following is not None and _GAP.fullmatch(text, end, following.start()) is not None
        given = _given(word)
        if word in _TITLES and following is not None and _TITLE_GAP.fullmatch(text, end, following.start()):
            if _bare(following.group()).lower() not in not_surnames():
                yield token.start(), text[token.start() : following.end()], ERROR
        elif given and adjacent and _pair(word, following.group()):
            yield token.start(), f"{word} {following.group()}", ERROR
        elif given and (verb := _VERB_AFTER.match(text, end)) and (not _is_everyday(word) or verb.group(1) in _SPEECH):
            yield token.start(), word, ERROR
        elif _AGED_AFTER.match(text, end) and (name := _aged(text, tokens, index)):
            yield name
        elif given and not _is_everyday(word) and word.lower() not in not_surnames():
            yield token.start(), word, WARNING
    if _PLACE_GUARD.search(text):
        for match in _PLACE.finditer(text):
            words = match.group(1).split()
            while words and words[0].lower().rstrip(".") in generic_place_words():
                words.pop(0)
            if words:
                yield match.start(1) + match.group(1).index(words[0]), " ".join([*words, match.group(2)]), ERROR


def _pair(first: str, second: str) -> bool:
    """Whether a given name and the capitalised word after it are a person's name."""
    if _is_everyday(first):  # "May Board", "Will Social": only before a known surname
        return second in surnames() and second.lower() not in not_surnames()
    return _surname(second)


def _aged(text: str, tokens: list[re.Match[str]], index: int) -> tuple[int, str, str] | None:
    """The name before ", aged": up to three capitalised words. A lone word at a sentence's start must be a
    given name ("However, aged 16, …" is not a name)."""
    first = index
    while first > index - 2 and first > 0 and _GAP.fullmatch(text, tokens[first - 1].end(), tokens[first].start()):
        first -= 1
    last = tokens[index].group()
    if last.lower() in _CHILD_WORDS or last.lower() in not_surnames():
        return None
    if first == index and not _given(last) and _sentence_start(text, tokens[index].start()):
        return None
    return tokens[first].start(), text[tokens[first].start() : tokens[index].end()], ERROR
