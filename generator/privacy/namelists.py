"""The lists of names a reader's text is read against, read once per process.

Given names and surnames come from Faker's lists (MIT licence, kept up to date, made from national
statistics of names, not from anyone's records), for the languages families in England most often
speak, with the ONS baby-name list and common community names Faker lacks (`data/`), and the words
that are names only in a name's context, or never a surname, or a place.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from anyascii import anyascii
from translitua import translit

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
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "en_KE",
    "tw_GH",
    "fa_IR",
    "uk_UA",
    "ru_RU",
]
"""Faker's person locales read for names: English-speaking countries and the main community languages in England.
Surnames in Cyrillic letters are read in Latin ones too, as English records write them (`surnames`)."""


def _words(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _faker_names(kind: str, locales: Sequence[str] = LOCALES) -> frozenset[str]:
    """Every name in the lists of that kind ("first_names", "last_names"), whatever a locale calls them
    (`first_names_female`, `male_last_names`, …)."""
    found: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        attributes = [name for name in dir(provider) if kind in name and not name.startswith("_")]
        for attribute in attributes:
            values = getattr(provider, attribute, None)
            if isinstance(values, dict | list | tuple | set | frozenset):
                found.update(v for v in values if isinstance(v, str) and v[:1].isupper() and " " not in v)
    return frozenset(found)


def plain(word: str) -> str:
    """`word` without accents, as a list may spell it (Zoë, Zoe)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _latin(surname: str) -> set[str]:
    """A surname in plain Latin letters, as English records write it (Yılmaz, Yilmaz; Łukasik, Lukasik; Иванов,
    Ivanov), a Cyrillic one by Ukraine's official rules too, as its passports do (Мельник, Melnyk), with no apostrophe
    for a soft sign (Коваль, Koval). Given names are not read so (`given_names`)."""
    forms = {anyascii(surname)} | ({translit(surname)} if _CYRILLIC.search(surname) else set())
    return forms if "'" in surname or "’" in surname else {form.replace("'", "") for form in forms}


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@cache
def given_names() -> frozenset[str]:
    listed = _words("ons_given_names.txt") | _words("community_given_names.txt")
    names = _faker_names("first_names") | {name.title() for name in listed}
    return names | {plain(name).translate(_STROKED) for name in names}


_STROKED = str.maketrans("łŁ", "lL")
"""The Polish letter NFKD keeps (Łukasz, Lukasz). Given names are read in no other letters: Cyrillic ones or Turkish
ones read in Latin letters hold English words and brands (Semen, Spas, Kismet, Yildiz)."""


@cache
def surnames() -> frozenset[str]:
    community = {name.title() for name in _words("community_surnames.txt")}
    names = _faker_names("last_names") | community
    names |= {form for name in names for form in _latin(name)}
    names |= {woman for name in names for woman in _women(name)}
    names |= {woman for name in _faker_names("last_names", ("lt_LT",)) | community for woman in _lithuanian_women(name)}
    return names | {plain(name) for name in names} | {form for name in names for form in _latin(name)}


def known_surname(word: str) -> bool:
    """A surname of the lists, or a double-barrelled one of two that are no everyday or place words (Kowalska-Nowak,
    Owusu-Ansah; not Foster-Care, Park-Lane)."""
    if word in surnames():
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(
        p in surnames() and p.lower() not in everyday() and p.lower() not in not_surnames() for p in parts
    )


def _women(surname: str) -> set[str]:
    """A Polish or Ukrainian surname's form for a wife or a daughter (Kowalski, Kowalska; Kovalskyi, Kovalska): the
    lists hold the men's alone."""
    if surname.endswith(("ski", "cki", "dzki")):
        return {surname[:-1] + "a"}
    return {surname[:-2] + "a"} if surname.endswith(("skyi", "tskyi", "zkyi")) else set()


def _lithuanian_women(surname: str) -> set[str]:
    """A Lithuanian surname's forms for a wife and a daughter (Kazlauskas: Kazlauskienė, Kazlauskaitė), as records write
    them, without their marks too."""
    ending = next((ending for ending in _LITHUANIAN if surname.endswith(ending)), "")
    if len(surname) < 6 or not ending:
        return set()
    forms = {surname[: -len(ending)] + women for women in _LITHUANIAN[ending]}
    return forms | {plain(form) for form in forms}


_LITHUANIAN = {
    "ius": ("ienė", "iūtė"),
    "as": ("ienė", "aitė"),
    "is": ("ienė", "ytė"),
    "ys": ("ienė", "ytė"),
    "us": ("ienė", "ūtė"),
}
"""A Lithuanian man's surname's ending, and its wife's and daughter's (Stankevičius: Stankevičienė, Stankevičiūtė)."""


@cache
def everyday() -> frozenset[str]:
    """Lower-case words that are names only in a name's context."""
    from faker.providers.lorem.en_US import Provider

    return frozenset(Provider.word_list) | _words("everyday_names.txt")


@cache
def two_word_places() -> dict[str, tuple[str, ...]]:
    """The places of two words, by their first word, without accents ("sierra": ("leone",))."""
    found: dict[str, tuple[str, ...]] = {}
    for place in places():
        first, _, second = plain(place).partition(" ")
        if second and " " not in second:
            found[first] = (*found.get(first, ()), second)
    return found


def two_word_place(first: str, second: str) -> bool:
    """Whether two words are a two-word place, the second perhaps as a possessive or an adjective, with or without its
    accents ("Sierra Leone", "Sierra Leone's", "Sierra Leonean", "Sao Paulo")."""
    seconds = two_word_places().get(_folded(first))
    return seconds is not None and any(_folded(second).startswith(place) for place in seconds)


def _folded(word: str) -> str:
    lowered = word.lower().replace("’", "'")
    return lowered if lowered.isascii() else plain(lowered)


SURNAME_WORDS = frozenset({"day", "green", "hall", "lane"})
"""Words of `not_surnames` that are common surnames and seldom a place after a given name: a person's only where the name
says something, has an age or a relation after it, and no place's word stands before it ("Tyler Green said", not
"Victoria Park", "Staff on Victoria Ward said", "Martin House attended", "In Norris Green, mum was")."""
RELATION_AFTER = (
    r"[ \t]*(?:\([ \t]*|,[ \t]*(?:(?:the|her|his|their)[ \t]+)?)(?:birth[ \t]+)?(?:mother|father|mum|dad|step-?(?:mother|father"
    r"|mum|dad)|partner|carer|grand(?:mother|father)|nan|gran|brother|sister|uncle|aunt|son|daughter)s?"
    r"(?=[ \t]*[),;.]|[ \t]+(?:of|to)\b)"
)
"""A relation just after a name, the words about it ending there: "Lee Ward, the father,", "Shannon Day (mother)" (not
"Albert Hall, the partner venue")."""
TIMES = frozenset("january february march april may june july august september october november december".split())  # noqa: SIM905
TIMES |= {"spring", "summer", "autumn", "winter"}
"""Months and seasons, which the lists of given names hold too ("June", "Summer"): a time's word, not a person's."""
PLACE_SURNAMES = frozenset({"church", "house", "law", "may", "park", "ward"})
"""Words of `not_surnames` that are common surnames but far more often a place's or a thing's after a given name
("Victoria Park", "Martin House", "Clare's Law"): a person's only with a relation or an age beside them ("Stepdad Lee
Ward", "Lee Park, the father,", "Kelly Ward, aged 34,")."""
AGE_AFTER = r"[ \t]*(?:\((?:aged?[ \t]+)?\d{1,2}\)|,[ \t]*\d{1,2}[ \t]*,)"
"""An age just after a name: "Tyler Green (14)", "Tyler Green, 14,"."""
AT_PLACE = re.compile(r"\b(?i:at|on|in|from|to|under|near|by)[ \t]+$")
"""A word before a name that makes it a place's: "on Victoria Ward", "at Martin House"."""


@cache
def not_surnames() -> frozenset[str]:
    return _words("not_surnames.txt")


@cache
def baby_words() -> frozenset[str]:
    """Words that, after "Baby", name a programme, a service or a thing, not a family ("Baby Bonds")."""
    return _words("baby_words.txt")


@cache
def generic_place_words() -> frozenset[str]:
    return _words("generic_place_words.txt")


@cache
def landscape_words() -> frozenset[str]:
    return _words("landscape_words.txt")


def load() -> None:
    """Read every list now: a build calls this before it forks its workers, which then share them."""
    given_names(), surnames(), everyday(), not_surnames(), generic_place_words(), places(), baby_words(), landscape_words()


@cache
def places() -> frozenset[str]:
    return _words("places.txt") | _words("public_names.txt")
