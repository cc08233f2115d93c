"""Details that could identify a child or family, found in a reader's text.

Each detector is a regular expression plus, where a format has one, the official check (the NHS number's
modulus 11). Names are found apart (`names`): this finds every other kind.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from generator.privacy.addresses import LOWER_STREET_TYPES as _LOWER_STREET_TYPES
from generator.privacy.addresses import (
    NOT_A_STREET,
    after_home_words,
    homes_named,
    house_addresses,
    listed_addresses,
    numbered_houses,
)
from generator.privacy.addresses import NOT_STREET_NAMES as _NOT_STREET_NAMES
from generator.privacy.addresses import NUMBERED as _NUMBERED
from generator.privacy.addresses import STREET_TYPES as _STREET_TYPES
from generator.privacy.anchored import anchored, starting_words, within_lines
from generator.privacy.birthdates import dates_of_birth
from generator.privacy.birthdays import stand_in_dates
from generator.privacy.dates import EDD
from generator.privacy.disguisedphones import disguised_phones
from generator.privacy.duedates import due_dates
from generator.privacy.foreignphones import foreign_phones
from generator.privacy.labelled import labelled_numbers
from generator.privacy.mobiles import ORGANISATION_NUMBERS, bare_mobiles, local_numbers
from generator.privacy.plates import plates
from generator.privacy.postcodes import postcodes
from generator.privacy.references import case_references
from generator.privacy.spokenphones import spoken_phones
from generator.privacy.writtenout import obscured_emails, platform_handles

_S = r"[ \t]"
"""Spacing inside one paragraph: a pattern never spans two paragraphs."""
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+ ?@ ?[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*\.[^\W\d_]{2,}")
NI_NUMBER = re.compile(r"\b([A-Z]{2})((?:[ \t.\-/]{0,2}\d){6})(?:[ \t.\-/]{0,2}([A-D]))?\b", re.I)
_REPORTING_YEAR = re.compile(r"[ \t.\-/]{0,2}(?:19|20)\d\d[ \t]?[/\-][ \t]?\d\d")
_NI_DIGIT = re.compile(r"\d(?:(?<=\b[A-Z]{2}\d)|(?<=\b[A-Z]{2}[ \t.\-/]\d)|(?<=\b[A-Z]{2}[ \t.\-/]{2}\d))", re.I)
"""The first digit of a National Insurance number, after its letters and up to two separators."""
ADDRESS = re.compile(rf"\d(?<!\w\d)\d{{0,3}}[A-Za-z]?,?{_S}+((?:[A-Za-z][A-Za-z'’.\-]*{_S}+){{1,3}})({_STREET_TYPES})\b", re.I)
_BARRIER = re.compile(
    r"(?<!\d)(?:\d{1,2}([/.\-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2}[/\-](?:(?:19|20)\d{2}|\d{2})"
    r"|\d{1,2}[.:]\d{2}(?:[ \t]?[ap]\.?m\b\.?)?)(?!\d)",
    re.I,
)
"""Dates, reporting years and times: a reader never reads these as part of a longer number."""
_NUMBER_RUN = re.compile(
    r"(?=[+(\d])(?:(?<![\w+])|(?<=\b[MmTt])|(?<=\b(?i:no|ph))|(?<=\b(?i:tel|mob|nhs))|(?<=\b(?i:nhsno|phone))|(?<=\b(?i:mobile)))\+?\(?\d(?:(?: {0,2}(?:[.\-/_·•]|\.{2,3}|-{2}) {0,2}| {1,3}| ?\) ?| ?\()?\d)*"
)
"""Digit groups parted by spaces, dots, hyphens, slashes or brackets (never tabs: a pasted table's cells); straight after
a word only where the word labels the number ("tel07700900123", "M07700…", "NHSno9434765919"). The look-ahead first
lets the engine skip to the next digit, sign or bracket rather than try the look-behinds at every character."""
_DIGITS = re.compile(r"\d+")
HANDLE = re.compile(r"@(?<![\w.@]@)[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])\b(?!\.[A-Za-z]{2,}\b|\()")
"""A handle: not an e-mail's domain, nor a spreadsheet function (`@SUM(`)."""
_PLATFORMS = ("facebook", "fb", "instagram", "tiktok", "twitter", "x", "snapchat", "youtube", "linkedin")
PROFILE = re.compile(rf"\b(?:{'|'.join(_PLATFORMS)})\.com/[\w.@%-]{{3,}}", re.I)
"""A social media handle or profile: in exploitation audits, the most direct way to find a child."""
_PROFILE_HOST = re.compile(r"\.com/", re.I)
_PROFILE_NAMES = tuple(sorted({len(platform) for platform in _PLATFORMS}, reverse=True))
"""The lengths of the platforms' names before ".com/", longest first."""
_OTHER_HOSTS = ("t.me", "twitch.tv", "onlyfans.com", "fansly.com", "reddit.com/u", "reddit.com/user", "instagram.co.uk")
_OTHER_HOSTS += ("discord.gg", "kik.me", "wa.me")
OTHER_PROFILE = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, _OTHER_HOSTS))})/[\w.@%-]{{3,}}", re.I)
"""A profile on a platform whose address is not its name and ".com/" (a Telegram or Twitch account, a Reddit user)."""
_OTHER_HOST = re.compile(r"\.(?:me|tv|com|co\.uk|gg)/", re.I)
_OTHER_NAMES = tuple(sorted({host.index(".") for host in _OTHER_HOSTS}, reverse=True))
UPN = re.compile(r"\b[A-HJ-NP-TV-Z]\d{12}\b|\b[A-HJ-NP-TV-Z]\d{11}[A-HJ-NP-TV-Z]\b")
"""A pupil's unique pupil number (a letter and 12 characters)."""
_UPN_DIGIT = re.compile(r"\d(?<=\b[A-HJ-NP-TV-Z]\d)")
DRIVING_LICENCE = re.compile(r"\b[A-Z][A-Z9]{4}[ \t]?\d[0156]\d[0-3]\d\d[ \t]?[A-Z9]{2}\d[A-Z]{2}(?:[ \t]?\d{2})?\b")
"""A UK driving licence number: the surname's first five letters, the date of birth, the initials (WHITF801234T99AB)."""
_LICENCE_DIGIT = re.compile(r"\d(?<=\b[A-Z][A-Z9]{4}\d)|\d(?<=\b[A-Z][A-Z9]{4}[ \t]\d)")
FLAT = re.compile(
    starting_words("Flat", "Apartment", "Apt", "Unit", "Room") + r"\.?[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,3}"
    r"(?:House|Court|Lodge|Tower|Mansions|Buildings|Estate|Heights|Point|Place)\b"
)
_NEEDS_DETECTORS = re.compile(
    r"[\d@]|\.com/|[\[({<\-][ \t]*at[ \t]*[\])}>\-]|\bdot\b|\bat[ \t]+[\w-]+[ \t]*\.[ \t]*[\w-]|(?-i:\b(?:IG|X)\b)"
    rf"|\b(?:snapchat|instagram|insta|tiktok|twitter|facebook|fb|kik|discord|telegram|whatsapp|youtube|twitch|threads|snap|roblox|xbox|psn|playstation|fortnite|minecraft"
    rf"|gamertag)\b|due|\b{EDD}",
    re.I,
)
"""Every error kind except a name contains a digit or an @, or is an e-mail or handle written out ("[at]", "gmail . com",
"Snapchat:", "IG was …"), or a due date (its day may be written out: "EDD fourteenth of June"): a paragraph with none of
them needs no detector run but the addresses that hold no digit (`addresses.house_addresses`) and a phone number
written in words (`spokenphones`). A detail is found without
a digit elsewhere on its page: a preview reads a page's new blocks without the rest (`sitescan`)."""


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number's modulus-11 check: weights 10..2 on the first nine digits."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _numbers(text: str) -> Iterator[tuple[int, int, str]]:
    """NHS and phone numbers in any grouping a reader reads as one number: (start, end, kind).

    A run of digit groups is tried from each group: ten digits that pass the NHS check, or a UK number of
    ten or eleven digits from 0 (or +44). Groups are of one size or more than one digit each, so counts
    in a row ("0-4 5-9 10-15") are not a number; dates and reporting years part runs.
    """
    for offset, run in _runs(text):
        groups = [(m.group(), offset + m.start(), offset + m.end()) for m in _DIGITS.finditer(run)]
        international = _international(run, [digits for digits, _, _ in groups])
        if groups[0][0] == "00" and international:  # 00 44 …
            groups = groups[1:]
        elif international and groups[0][0].startswith("0044"):
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


def _international(run: str, groups: list[str]) -> bool:
    """Whether a run of digits starts with the UK's country code: "+44", "0044", "00 44", or 44 without its plus before
    a UK number's ten digits ("44 7700 900123", "447700900123")."""
    national = "".join(groups[1:]) if groups[0] == "44" else groups[0][2:] if len(groups[0]) == 12 else ""
    return (
        run[0] == "+"
        or (groups[0].startswith("0044") and sum(map(len, groups)) >= 13)  # not an NHS number's ten digits
        or (groups[0] == "00" and run[3:].lstrip()[:2] == "44")
        or (groups[0].startswith("44") and len(national) == 10 and national[0] in "1237")
    )


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
            return None if _ISBN.search(text, max(0, start - 12), start) else (start, end, "nhs-number", index + 1)
        if len(digits) == 10 and digits[0] == "0" and len(following) == 1:
            continue
        if digits[0] == "0" and digits[1] != "0" and (len(digits) == 11 or digits.startswith("01")):
            kind = "organisation" if digits.startswith(ORGANISATION_NUMBERS) else "phone"
            return start, end, kind, index + 1
    return None


def _addresses(text: str) -> Iterator[tuple[int, int]]:
    """Street addresses in any letter case, as long as the words read as a street's name: capitalised or in
    capitals (the street type in any case: "14 Laburnum close"), or, for street types that are no ordinary
    word, all in lower case; after a home's words ("lives at"), in any case."""
    for match in ADDRESS.finditer(text):
        words = match.group(1).split()
        street = match.group(2)
        lowered = [w.lower().rstrip(".") for w in words]
        named = lowered[1:] if lowered[0] == "the" and words[0][0].isupper() else lowered  # 14 The Green
        if named and (
            named[0] in _NOT_STREET_NAMES or any(w in ("the", "a", "an", "of", "and", "to", "in", "on", "at") for w in named)
        ):
            continue
        if lowered[-1] in NOT_A_STREET.get(street.lower(), ()):  # "1 Supreme Court", "3 Food Bank"
            continue
        if _NUMBERED.search(text, max(0, match.start() - 20), match.start()):
            continue  # "Priority 1 The Way Forward", "Appendix 4 Site Walk": a numbered part, not a house
        if (
            all(w[0].isupper() for w in words)
            or (all(w.islower() for w in [*words, street]) and street.lower() in _LOWER_STREET_TYPES)
            or (after_home_words(text, match.start()) and not any(w.endswith(("'", "’", "'s", "’s")) for w in words))
        ):
            yield match.start(), match.end()


def _ni_number(match: re.Match[str]) -> bool:
    """A National Insurance number: with its final letter in any case, or without it in capitals (QQ 12 34 56); never
    with letters no number starts with ("FY", "ID", "DV"), nor a reporting year without the final letter ("CP 2023-24")."""
    letters = match.group(1).upper()
    if letters[0] in "DFIUV" or letters[1] in "DFIOUV":
        return False
    if match.group(3) is None and _REPORTING_YEAR.fullmatch(match.group(2)):
        return False
    if match.group(3) is None and _REGISTERED.search(match.string, max(0, match.start() - 30), match.start()):
        return False  # a charity's or a company's number: "Scotland SC037717", "ICO registration: ZA765432"
    return match.group(3) is not None or match.group(1).isupper()


_REGISTERED = re.compile(r"\b(?i:charity|company|ICO|registration|registered|Scotland)\b[^\n]{0,12}$")
_ISBN = re.compile(r"\bISBN(?:-1[03])?[: \t]*$", re.I)
"""A book's number before ten digits, which may pass the NHS number's check."""


def detect(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every identifying detail but names in a reader's text, earliest kind first
    where two overlap (an NHS number is not also a phone number)."""
    spoken = [(start, end, "phone") for start, end in spoken_phones(text)]
    if not _NEEDS_DETECTORS.search(text):  # no digit: "Rose Cottage, Mill Lane", "zero seven seven zero zero …"
        homes = [*house_addresses(text), *homes_named(text)]
        return _first_come([*spoken, *((start, end, "address") for start, end in homes)])
    found: list[tuple[int, int, str]] = []
    found += [(m.start(), m.end(), "email") for m in within_lines(EMAIL, text, "@")]
    found += _numbers(text)
    found += [(start, end, "phone") for start, end in foreign_phones(text)] if "+" in text or "00" in text else []
    found += [(start, end, "phone") for start, end in disguised_phones(text)]
    found += spoken
    found += [(m.start(), m.end(), "ni-number") for m in anchored(NI_NUMBER, _NI_DIGIT, text, (4, 3, 2)) if _ni_number(m)]
    found += [(start, end, "postcode") for start, end in postcodes(text)]
    found += [(start, end, "date-of-birth") for start, end in [*dates_of_birth(text), *stand_in_dates(text)]]
    found += [(start, end, "date-of-birth") for start, end in due_dates(text)]
    found += [(start, end, "address") for start, end in _addresses(text)]
    found += [(m.start(), m.end(), "address") for m in FLAT.finditer(text)]
    found += [(start, end, "address") for start, end in numbered_houses(text)]
    found += [(start, end, "address") for start, end in listed_addresses(text)]
    found += [(start, end, "address") for start, end in house_addresses(text)]
    found += [(start, end, "address") for start, end in homes_named(text)]
    found += [(m.start(), m.end(), "social-media") for m in HANDLE.finditer(text)]
    found += [(m.start(), m.end(), "social-media") for m in anchored(PROFILE, _PROFILE_HOST, text, _PROFILE_NAMES)]
    found += [(m.start(), m.end(), "social-media") for m in anchored(OTHER_PROFILE, _OTHER_HOST, text, _OTHER_NAMES)]
    found += [(start, end, "email") for start, end in obscured_emails(text)]
    found += [(start, end, "social-media") for start, end in platform_handles(text)]
    found += [(start, end, "phone") for start, end in bare_mobiles(text)] if "7" in text else []
    found += [(start, end, "phone") for start, end in local_numbers(text)]
    found += [(start, end, "case-reference") for start, end in case_references(text)]
    found += [(start, end, "vehicle-registration") for start, end in plates(text)]
    found += [(m.start(), m.end(), "pupil-number") for m in anchored(UPN, _UPN_DIGIT, text, (1,))]
    found += [(m.start(), m.end(), "driving-licence") for m in anchored(DRIVING_LICENCE, _LICENCE_DIGIT, text, (6, 5))]
    found += labelled_numbers(text)
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
