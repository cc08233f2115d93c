"""Where a family lives, in the forms an address takes besides a house number before a street's name and type.

Street types and the words that tell a house number from a count are here, for `detectors`' address pattern too. The
forms found here: a house number written out ("Fourteen Laburnum Close"), a house's name before its street ("Rose
Cottage, Mill Lane"), a numbered house before its place or street ("14 Laburnum House, Northbrook"), a street with no
type ("14 Broadway"), a house number before "The" and a plural that names a close of houses ("14 The Laburnums"), a
Welsh street, its type first ("14 Heol y Bryn"), and a street before its house's number ("Laburnum Close, number 14").
The first two hold no digit: they are looked for in every paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.anchored import occurrences
from generator.privacy.references import word_starts

STREET_TYPES = (
    "Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Gardens|Gdns|Garden|Gdn|Grove|"
    "Gro|Terrace|Ter|Terr|Hill|Walk|Row|Square|Sq|Mews|Rise|View|Parade|Pde|Green|Grn|Park|Pk|Vale|Wharf|Boulevard|Blvd|"
    "Cottages|Chase|Heights|Hts|Circle|Approach|Cl|Cls|Clo|Gate|Fields|Meadows|Croft|Lodge|Wood|Yard|End|Estate|Brow|Fold|"
    "Meadow|Quay|Wynd|Garth|Dene|Nook|Copse|Spinney|Glade|Orchard|Paddock|Mount|Mt|Grange|Ridge|Bank|Villas|Leys|Brae|"
    "Chare|Loke|Twitten|Vennel|Circus|Crossway|Causeway|Esplanade|Promenade|Parkway|Tce|Av|Wlk|Gr|Est|Cott|Cotts|Bldgs|"
    "Mws|Crt|Vw|Wy|Mead|Lea|Dale|Dell|Lawns|Hollow|Oval|Acre|Wk|Cft"
)
LOWER_STREET_TYPES = frozenset(
    ["road", "rd", "street", "avenue", "ave", "lane", "crescent", "gardens", "gdns", "grove", "terrace", "mews", "boulevard"]
)
"""Street types that, in lower case, are never ordinary prose ("a 2 hour drive", "3 cases went to court")."""
NOT_STREET_NAMES = frozenset(
    (  # noqa: SIM905
        "a an and the of in on at to for from by with into near over off past across along within after before per "
        "year years week weeks day days hour hours hr hrs minute minutes min mins month months mile miles working step steps"
    ).split()
)
NUMBERED = re.compile(
    r"\b(?:priority|step|appendix|annex|section|part|chapter|figure|fig\.?|table|stage|phase|level|tier|year|page|paragraph"
    r"|para|recommendation|action|finding|theme|question|objective|outcome|standard|principle|module|session|option|item"
    r"|slide|point|article|schedule|regulation|clause|key[ \t]stage|round|cohort|wave|term|week|ward|group|batch|block"
    r"|quarter|q[1-4]|over|under|about|around|nearly|almost|approximately|some|only"
    r"|rhan|adran|argymhelliad|cam|tabl|atodiad|pennod|thema|blwyddyn|ffigur|cwestiwn|blaenoriaeth|nod)[ \t]+$",
    re.I,
)
"""Words that number a part of a text, in English and Welsh: the number after them is no house's ("Section 3 Key Road
Safety messages", "Rhan 3 Ffordd Ymlaen")."""
_COURTS = frozenset("family crown youth county magistrates magistrates' high supreme coroners coroners' coroner's appeal".split())  # noqa: SIM905
_BANKS = "food baby blood data clothes clothing uniform toy hygiene memory milk nappy bottle school community"
_GARDENS = "sensory community memorial roof secret kitchen wildlife peace school nursery therapy quiet"
NOT_A_STREET = {
    "court": _COURTS,
    "ct": _COURTS,
    "bank": frozenset(_BANKS.split()),
    "garden": frozenset(_GARDENS.split()),
    "place": frozenset({"safe"}),
    "approach": frozenset({"solihull"}),
}
"""Words before a street type that make it a place, a service or a scheme: "1 Supreme Court", "3 Food Bank", "2 Sensory
Garden", "12 Safe Place venues", "10 Solihull Approach sessions" ("2 Red Crescent teams" stays: Red Crescent is a street
too)."""

_HOUSE_NUMBER = r"\d(?<!\w\d)\d{0,3}[A-Za-z]?,?[ \t]+"
"""A house's number, looked for from its first digit (a pattern starting with a digit skips the rest of the text)."""
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_NUMBER_WORDS = frozenset([*_TENS, *_UNITS, *_TEENS])
_ADDRESS_BEFORE = re.compile(r"(?:\b(?i:at|to|from|address|is)|:)[ \t]+$")
_WRITTEN = re.compile(
    rf"(?i:(?:{'|'.join(_TENS)})(?:[ \-](?:one|{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})\b"
    rf"[ \t]+((?:[A-Z][A-Za-z'’.\-]*[ \t]+){{1,3}})(?:{STREET_TYPES})\b"
)
"""A house number written out where an address stands, "at", "to", "from" or after a colon: "lived at Fourteen Laburnum
Close" (not "One": "One Tree Hill"; not a count at a sentence's start: "Two Mill Lane residents complained")."""
_HOUSE_KINDS = "Cottage|Farm|Farmhouse|Barn|Bungalow|Lodge|Villa|House|Manor"
_HOUSE_NAME = re.compile(
    rf"\b((?:[A-Z][a-z'’]+[ \t]+){{1,2}})(?:{_HOUSE_KINDS}),[ \t]+(?:\d{{1,4}}[A-Za-z]?,?[ \t]+)?"
    rf"(?:[A-Z][A-Za-z'’.\-]*[ \t]+){{1,3}}(?:{STREET_TYPES})\b"
)
"""A house's name before its street: "Rose Cottage, Mill Lane"."""
_NUMBERED_HOUSE = re.compile(rf"{_HOUSE_NUMBER}((?:[A-Z][\w'’\-]*[ \t]+){{1,2}})House(?=,[ \t]+[A-Z])")
"""A numbered house before its place or street: "14 Laburnum House, Northbrook"."""
_OWN_NAMES = re.compile(
    rf"{_HOUSE_NUMBER}(?:(?:The[ \t]+)?(?:Broadway|Kingsway|Queensway|Parkway|Causeway|Fairway|Strand|Headrow|Northgate"
    r"|Southgate|Eastgate|Westgate|Kirkgate|Briggate)|The[ \t]+(?:Laburnums|Beeches|Limes|Willows|Elms|Oaks|Poplars|Hollies"
    r"|Firs|Pines|Maples|Cedars|Larches|Chestnuts|Sycamores|Rowans|Birches|Alders|Hawthorns|Hazels|Yews|Laurels|Lilacs"
    r"|Acacias|Magnolias|Junipers|Maltings|Sidings|Moorings|Pastures|Paddocks|Orchards|Crofts|Lawns|Spinneys|Cloisters))\b"
)
"""A house number before a street with no type ("14 Broadway") or a close named by its trees ("14 The Laburnums")."""
HOME_STREETS = "Road|Rd|Street|Avenue|Ave|Close|Lane|Drive|Crescent|Gardens|Gdns|Grove|Terrace|Mews|Court|Way|Place|Rise|Row"
"""Street types that name where homes stand, not a heading's or a place's word ("Learning Walk", "Practitioner View",
"Skate Park", "Town Square", "Gate"): where the number is not before them."""
_WELSH_TYPES = ("Heol", "Ffordd", "Stryd", "Lôn", "Lon", "Rhodfa", "Cilgant", "Clos", "Teras")
_WELSH_NAMED = ("Maes", "Llys", "Plas", "Cwrt", "Parc")
_WELSH_STREET = re.compile(
    rf"{_HOUSE_NUMBER}(?:(?:{'|'.join(_WELSH_TYPES)})[ \t\-]+(?:[Yy]r?[ \t\-]+)?"
    rf"|(?:{'|'.join(_WELSH_NAMED)})[ \t\-]+(?:(?:[Yy]r?[ \t\-]+)|(?P<named>)))[A-Z][\w'’\-]*"
)
"""A Welsh street, its type first: "14 Heol y Bryn", "3 Ffordd Las", "14 Maes y Coed"; a court, a park or a field
("Llys", "Parc", "Maes") before a name only where an address stands ("yn byw yn 3 Llys Derwen"): Welsh writes a count
of parks or courts so ("Mae 3 Parc Cenedlaethol")."""
_WELSH_ADDRESS_BEFORE = re.compile(r"(?:\b(?i:at|to|from|address|is|yn|i|cyfeiriad)|:)[ \t]+$")
_NUMBER_TAIL = re.compile(r"[#Nn](?:(?<=#)|(?<![A-Za-z][Nn])(?:[Oo][.:]?|umber|UMBER))[ \t]*\d{1,4}[A-Za-z]?\b")
_STREET_BEFORE = re.compile(
    rf"\b((?:[A-Z][A-Za-z'’.\-]*[ \t]+){{1,3}})({HOME_STREETS})[ \t]*[,(–—\-]?[ \t]*(?i:at[ \t]+)?(?i:house[ \t]+)?$"
)
"""A street before its house's number: "Laburnum Close, number 14", "Mill Lane (No. 3)" (read back from the number)."""
_TOWN = r"[A-Z][A-Za-z'’\-]*(?:[ \t]+(?:(?:upon|on|under|in|le|by)[ \t]+)?[A-Z][A-Za-z'’\-]*)*"
"""A town's name after a comma (each space between its words taken one way only: a pattern read in linear time)."""
_LISTED = re.compile(
    rf"^[ \t]*([-*+•][ \t]+)?(\d{{1,4}})[.)][ \t]+((?:[A-Z][A-Za-z'’.\-]*[ \t]+){{1,3}})({HOME_STREETS})\b"
    rf"(?=(?:,[ \t]*{_TOWN})?[ \t]*(?:\.[ \t]*)?(?:\([^()\n]*\)[ \t]*)?$)",
    re.M,
)
"""A list's item that is a street alone, or before its town, after a number ("14. Laburnum Close")."""
_LIST_INDEX = re.compile(r"[ \t]*\d{1,9}[.)][ \t]")


_HOME_BEFORE = re.compile(
    r"(?:(?:^|\||\b(?:home|her|his|their|new|current|previous|last|known|family['’]s|child['’]s|mum['’]s|dad['’]s))[ \t]*"
    r"address(?:es)?(?:[ \t]+(?:is|was))?[ \t]*[:\-–—|]?|(?<!\bto[ \t])address(?:es)?[ \t]*:"
    r"|\b(?:lives?|living|lived|resides?|residing|resided|staying|stays?|stayed)\b(?:[ \t]+[\w'’]+){0,4}?[ \t]+(?:at|on)"
    r"|\bmoved[ \t]+(?:in[ \t]+)?(?:to|into))[ \t]*(?:flat[ \t]+\d{1,4}[a-z]?,?[ \t]+)?(?:(?:no\.?|number)[ \t]*)?$",
    re.I | re.M,
)
"""Words that say a home's address comes next: "Address:", "Her address is", "lives with her nan at", "moved into",
"lives at no." (not "Issues to address: 2 …", a task)."""


def after_home_words(text: str, start: int) -> bool:
    """Whether a home's words stand just before `start`: a street there is an address in any case ("lives at 14 laburnum
    close"), though such street types in lower case are ordinary words elsewhere ("3 cases went to court")."""
    return _HOME_BEFORE.search(text, max(0, start - 40), start) is not None


def homes_named(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each home named after a home's words in the forms an address takes without a house number and a
    street type together: a street without its number ("Address: Laburnum Close, Northbrook") and a house's number
    before a street with no type ("moved to 14 Moorside")."""
    done, lowered = 0, text.lower()
    for end in sorted(at + len(word) for word in _HOME_WORDS for at in occurrences(lowered, word)):
        for match in _NAMED_HOME.finditer(text, max(done, end), end + _HOME_REACH):  # only after a home's words
            street = match.group(2) is None or _a_street(match.group(1), match.group(2))
            if street and _HOME_ENDS.match(text, match.end()) and after_home_words(text, match.start()):
                done = match.end()
                yield match.start(), match.end()
                break


_HOME_WORDS = ("address", "live", "resid", "stay", "moved")
"""Where a home's words may stand (`_HOME_BEFORE` reads them whole): a home is named only after them."""


_HOME_REACH = 60
"""Characters after a home's word within which the home is named ("lives with her nan at 14 Moorside")."""
_NAMED_HOME = re.compile(
    rf"\d(?<![\w.]\d)\d{{0,3}}[A-Za-z]?,?[ \t]+[A-Z][a-z]{{2,}}(?<!s)\b(?![ \t]+[A-Z\d])|\b((?:[A-Z][a-z\-]+[ \t]+){{1,3}})({HOME_STREETS})\b"
)
_HOME_ENDS = re.compile(
    r"[ \t]*(?:[.;:)\n]|$|,(?![ \t]+(?:a|an|the)\b)|[ \t]+(?:until|in|with|and|for|from|since|where|when|on|at|before|after"
    r"|but|or|then|to)\b)"
)
"""What follows a home named: the sentence's end, a town after a comma, or a word that goes on with the sentence ("until
June"), not a noun the words before qualify ("2 Bedroom accommodation", "7 Day working", "4 North ward"), nor a comma
and what the place is ("Stepping Stones Place, a semi-independent provision")."""


def listed_addresses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each street in a numbered list whose number reads as its house's: the first item of its list
    (Markdown shows its number as written, where a later item's is the list's count), numbered from 2 on, or a number
    written inside a bulleted item."""
    for match in _LISTED.finditer(text):
        bullet, number = match.group(1), int(match.group(2))
        if not _a_street(match.group(3), match.group(4)):
            continue
        if bullet or (number > 1 and not _LIST_INDEX.match(_line_before(text, match.start()))):
            yield match.start(2), match.end()


def _a_street(name: str, street: str) -> bool:
    """Whether the words before a street type name a street: not "A Better Way", "the Family Court"."""
    words = [word.lower() for word in name.split()]
    return not (set(words) & _NOT_NAMING or words[-1] in NOT_A_STREET.get(street.lower(), ()))


_NOT_NAMING = NOT_STREET_NAMES | {"a", "an", "the", "our", "my", "your", "their", "this", "that", "new", "better", "right"}


def _line_before(text: str, start: int) -> str:
    """The last line with words on it before the line starting at `start`."""
    end = start
    while end > 0:
        first = text.rfind("\n", 0, end - 1) + 1
        if text[first : end - 1].strip():
            return text[first : end - 1]
        end = first
    return ""


_ORGANISATION = frozenset(
    """partnership council civic police county town city health trust services service safeguarding community church court
    hospital agency authority government borough district enterprise business office offices centre children's family
    mcdonald""".split()  # noqa: SIM905
)
"""Words of an organisation's building, not a family's home: "Safeguarding Partnership House, Northbrook"."""
_HOUSE_GUARD = re.compile(rf"(?:{_HOUSE_KINDS}),")


def house_addresses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each address in the forms above."""
    for start in word_starts(_NUMBER_WORDS, text):
        match = _WRITTEN.match(text, start)
        if not match or not _ADDRESS_BEFORE.search(text, max(0, start - 10), start):
            continue
        words = [w.lower() for w in match.group(1).split()]
        street = match.group().rsplit(None, 1)[-1].lower()
        if words[-1] in NOT_A_STREET.get(street, ()) or words[0] in NOT_STREET_NAMES:
            continue
        if not (words[0].endswith("s") and not words[0].endswith("ss")):
            yield match.start(), match.end()  # not "Seven Sisters Road", "Nine Elms Lane": a street named by a number
    if _HOUSE_GUARD.search(text):
        for match in _HOUSE_NAME.finditer(text):
            if not _ORGANISATION.intersection(w.lower() for w in match.group(1).split()):
                yield match.start(), match.end()


def numbered_houses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each numbered house in the forms above: the text holds a digit."""
    houses = _NUMBERED_HOUSE.finditer(text) if "House," in text else ()
    for match in [*houses, *_OWN_NAMES.finditer(text), *_WELSH_STREET.finditer(text)]:
        if NUMBERED.search(text, max(0, match.start() - 20), match.start()) or _heading(text, match.start()):
            continue  # "Level 3 House, …", "Section 2 The Strand", "## 4 Ffordd Ymlaen"
        if match.re is _NUMBERED_HOUSE and _ORGANISATION.intersection(w.lower() for w in match.group(1).split()):
            continue
        if _counted(text, match):
            continue  # "Mae 3 Parc Cenedlaethol", not "yn byw yn 3 Llys Derwen"
        yield match.start(), match.end()
    for tail in _NUMBER_TAIL.finditer(text):
        street = _STREET_BEFORE.search(text, max(0, tail.start() - 100), tail.start())
        if street and _a_street(street.group(1), street.group(2)):
            yield street.start(), tail.end()


def _counted(text: str, match: re.Match[str]) -> bool:
    """Whether a Welsh court, park or field after a number is a count of them, not an address: where no address stands."""
    named = match.re is _WELSH_STREET and match.group("named") is not None
    return named and not _WELSH_ADDRESS_BEFORE.search(text, max(0, match.start() - 20), match.start())


def _heading(text: str, start: int) -> bool:
    """Whether only a heading's marks stand before `start` on its line."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return line.startswith("#") and not line.strip("# \t")
