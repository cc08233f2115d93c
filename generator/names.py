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
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:['’][A-Za-z]+)?(?:-[{_UPPER}][{_LOWER}]+)*"
_CAPITALISED = re.compile(rf"\b{_WORD}\b")
_NAME_PAIR = re.compile(rf"(?=\b({_WORD})[ \t]+((?:Mc|Mac|O['’])?{_WORD})\b)")
"""Two capitalised words, at every word (a lookahead, so "Ring Tyler Smith" also yields "Tyler Smith")."""
_TITLED = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master)\.?[ \t]+((?:Mc|Mac|O['’])?{_WORD})")
_SPEECH = "said|says|told|tells|disclosed|explained|asked|reported|stated|shared|attended|attends"
_VERBS = (
    _SPEECH + "|was|is|has|had|lives|lived|lives|goes|went|moved|stays|stayed|felt|feels|wanted|wants|did|does|"
    "became|remained|started|began|refused|returned|missed|ran|left|came|spent|showed|needs|needed"
)
_BEFORE_VERB = re.compile(rf"\b({_WORD})[ \t]+({_VERBS})\b")
_AGED = re.compile(rf"\b({_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]*,[ \t]*aged\b")
_PLACE = re.compile(
    rf"\b((?:(?:St\.?|{_WORD})[ \t]+){{1,4}})"
    r"((?:(?:Primary|Infants?'?|Junior|Secondary|High|Grammar|C of E|CE|RC|Catholic|Community|Free|Church)[ \t]+)*"
    r"(?:School|Academy|College|Nursery|Pre-?[Ss]chool|Primary|Infants|Juniors|Surgery|Medical[ \t]+Centre|Health[ \t]+Centre|"
    r"(?:Medical|Health|Group)[ \t]+Practice|Children['’]s[ \t]+Centre|Day[ \t]+Nursery))\b"
)
_GENERIC = frozenset(
    [
        "a",
        "all",
        "an",
        "and",
        "any",
        "at",
        "both",
        "by",
        "c",
        "ce",
        "child",
        "children",
        "children's",
        "designated",
        "day",
        "deputy",
        "e",
        "each",
        "education",
        "every",
        "family",
        "for",
        "forest",
        "free",
        "further",
        "general",
        "governing",
        "gp",
        "head",
        "health",
        "healthy",
        "her",
        "his",
        "holiday",
        "home",
        "hospital",
        "in",
        "independent",
        "infant",
        "its",
        "junior",
        "local",
        "maintained",
        "mainstream",
        "many",
        "medical",
        "most",
        "national",
        "nhs",
        "no",
        "of",
        "on",
        "our",
        "parent",
        "primary",
        "pupil",
        "referral",
        "residential",
        "safeguarding",
        "school",
        "secondary",
        "sixth",
        "form",
        "some",
        "special",
        "staff",
        "state",
        "summer",
        "teacher",
        "that",
        "the",
        "their",
        "these",
        "this",
        "those",
        "to",
        "virtual",
        "when",
        "where",
        "which",
        "whose",
        "young",
        "alternative",
        "community",
        "council",
        "county",
        "city",
        "church",
        "boarding",
        "dental",
        "grammar",
        "high",
        "nursery",
        "practice",
        "surgery",
        "good",
        "best",
        "social",
        "work",
        "royal",
        "open",
        "private",
        "voluntary",
        "pvi",
        "sunday",
        "multi-agency",
    ]
)
"""Words that make a school or practice generic ("the Virtual School", "each GP Practice"), not a named one."""
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


def load() -> None:
    """Read every list now: a build calls this before it forks its workers, which then share them."""
    given_names(), surnames(), everyday(), not_surnames()


def _given(word: str) -> bool:
    return any(part in given_names() or plain(part) in given_names() for part in word.split("-"))


def _is_everyday(word: str) -> bool:
    return word.lower() in everyday()


def _surname(word: str) -> bool:
    bare = re.sub(r"['’]s$", "", word)
    if bare.lower() in not_surnames() or len(bare) < 2:
        return False
    return bare in surnames() or not _is_everyday(bare)


def words(name: str) -> frozenset[str]:
    """The words of a name, without a possessive: the unit pseudonyms and allowed names are matched in."""
    return frozenset(re.sub(r"['’]s$", "", word) for word in re.findall(r"[^\W\d_](?:[\w'’]|-(?=\w))*", name))


def _sentence_start(text: str, offset: int) -> bool:
    return not text[:offset].rstrip(" \t\"'“‘(") or text[:offset].rstrip(" \t\"'“‘(")[-1] in ".!?:\n-•*"


def find(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, name, severity) for each name in `text`, in the order of the kinds of context."""
    for match in _NAME_PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        if not _given(first):
            continue
        if _is_everyday(first) and not (second in surnames() and second.lower() not in not_surnames()):
            continue
        if _surname(second):
            yield match.start(), f"{first} {second}", ERROR
    for match in _TITLED.finditer(text):
        surname = match.group(1)
        if re.sub(r"['’]s$", "", surname).lower() not in not_surnames():
            yield match.start(), match.group(), ERROR
    for match in _BEFORE_VERB.finditer(text):
        word, verb = match.group(1), match.group(2)
        if _given(word) and (not _is_everyday(word) or re.fullmatch(_SPEECH, verb)):
            yield match.start(), match.group(1), ERROR
    for match in _AGED.finditer(text):
        last = match.group(1).split()[-1]
        if last.lower() in _CHILD_WORDS or last.lower() in not_surnames():
            continue
        if _given(last) or not _sentence_start(text, match.start()) or " " in match.group(1):
            yield match.start(), match.group(1), ERROR
    for match in _PLACE.finditer(text):
        words = match.group(1).split()
        while words and words[0].lower().rstrip(".") in _GENERIC:
            words.pop(0)
        if words:
            yield match.start(1) + match.group(1).index(words[0]), " ".join([*words, match.group(2)]), ERROR
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if _given(word) and not _is_everyday(word) and word.lower() not in not_surnames():
            yield match.start(), word, WARNING
