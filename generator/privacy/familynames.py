"""A family or a baby named by its surname alone: "the Whitfield family", "the Patels were", "Baby Whitfield".

A surname alone names a family where "the" comes before it and a family's word after it (not a family service's:
"the Orchard family hub"); in the plural, as a family acts ("the Patels were seen", "the Joneses' home"), where it is a
known surname that is no everyday word, nor a people's, a faith's or a role's ("the Romans", "the Judges"); and after
"Baby", "Child" or "Infant" where it is a known surname.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.namelists import everyday, known_surname, landscape_words, not_surnames, places, surnames

FAMILY_WORDS = ("family", "families", "household", "children", "siblings", "twins")
"""Words after a surname that name a family by it ("the Whitfield family")."""
FAMILY_SERVICE = (
    r"[ \t\-]+(?i:hubs?|centres?|centers?|support|services?|groups?|networks?|courts?|law|justice|time|learning|links?"
    r"|nurses?|partnerships?|workers?|practitioners?|meetings?|conferences?|rooms?|help|liaison|intervention|teams?"
    r"|therapy|days?|fun|assessments?|club|cafe|café)\b"
)
"""What, after "family", makes it a service, a place or a meeting rather than a family ("the Orchard family hub", "born
to a family support worker"): the one list `names` and `birthevents` read "family" by."""
FAMILY_AFTER = re.compile(rf"(?:['’]?s)?[ \t]+(?:{'|'.join(FAMILY_WORDS)}|Famil(?:y|ies))\b(?!{FAMILY_SERVICE})")
"""After a surname: "the Whitfield family", "The Patel Family" as a heading (not "the Orchard family hub", a place, nor
"The Secure Children's Home")."""
_NAMED_BEFORE = re.compile(r"\b(?:Baby|Child|Infant)[ \t]+$")
_AS_A_FAMILY_ACTS = re.compile(
    r"[ \t]+(?:(?:[a-z]+ly|then|never|also|still|later|often|always|both|all)[ \t]+)?(?:(?:were|are|had|have"
    r"|said|say|told|lived|live|did|do|would|could|will|can|became|went|came|got|knew|kept|spoke|took|gave|made|felt"
    r"|saw|met|lost|fled|stayed|own|rent|left|sought|attends?|may|might|must|should|themselves|each|[a-z]{2,}ed)"
    r"(?:n['’]t)?|and[ \t]+their)\b"
)
"""After a surname in the plural: "the Patels were seen", "the Patels then moved", "the Patels weren't", "the Patels
and their children"; not a verb in the singular, which a home or a unit takes ("The Robins is a short-breaks unit")."""
_THINGS = re.compile(r"['’][ \t]+(?:home|house|flat|address|children|kids|boys|girls|parents)\b")
"""After a surname as it is and an apostrophe, a family's things: "the Jones' home" (not "the Hughes' review")."""
_WORD_AFTER = re.compile(r"[ \t]+[a-z]")
_GROUPS = frozenset(
    "roman norman christian tudor stuart pole czech turk saxon celt viking moor frank finn dane judge bishop doctor"  # noqa: SIM905
    " steward constable lord queen prince pope sheriff vicar clerk guard ranger scout pilot sergeant major warden angel"
    " saint noble governor carer deacon pastor master elder rowan hawthorn oak willow beech laurel lime cedar fir elm"
    " holly maple birch ash pine yew poplar hazel alder chestnut fern heather guardian border meadow lane mill junior"
    " senior roma english french jain catalan breton dutch welsh irish scot polish swiss spanish german greek arab kurd"
    " heron robin wren finch crane drake reed rose hall stone archer swan lark kestrel falcon hawk ahmadi ismaili moldovan romanov".split()
)
"""Surnames whose plural names a people, a faith, a royal house, a role, a place, a care home or a programme ("the
Romans were", "the Roma have", "the Ahmadis told us", "the Tudors had", "the Judges said", "the Borders were", "the Rowans had", "the Herons
were inspected", "the Archers showed"), besides the landscape's words ("the Dales")."""
_THE = re.compile(r"\b[Tt]he[ \t]+$")


def named_family(text: str, word: str, start: int, end: int) -> bool:
    """Whether `word`, at `start`, is a surname that names a family or a baby by itself."""
    bare = word[:-2] if word[-2:] in ("'s", "’s") else word
    if bare.lower() in not_surnames() or bare.lower() in places():
        return False  # "the Council's children's services"
    before = text[max(0, start - 12) : start]
    if _THE.search(before):
        family = FAMILY_AFTER.match(text, end)
        titled = family is not None and "Famil" in family.group()  # a heading's: "The Patel Family", not "The Wider Family"
        named = family is not None and (not titled or bare in surnames()) and bare.lower() not in _GROUPS  # the Roma family
        return named or _plural(word, bare, text, end)
    return _NAMED_BEFORE.search(before) is not None and word in surnames()


def _plural(word: str, bare: str, text: str, end: int) -> bool:
    """A known surname written for a family: in the plural ("Patels", "Joneses", "Okafor-Smiths"), as it is ("the
    Williams were"), or as a possessive ("the Patel's were": `bare` without it), as a family acts."""
    possessive, written = bare != word, bare.replace("’", "'")  # as Word writes O’Brien
    stem = _singular(written)
    surname = stem.lower()
    if not stem or not known_surname(stem):
        return False
    names = (surname, surname[:-1]) if not possessive and written == stem and surname.endswith("s") else (surname,)
    if any(name in _GROUPS or name in landscape_words() or name in everyday() or name in not_surnames() for name in names):
        return False  # "the Woods", "the Mills": a surname as it is, a place's words in the plural
    if _AS_A_FAMILY_ACTS.match(text, end):
        return True
    if possessive:
        return _WORD_AFTER.match(text, end) is not None  # the Patel's landlord
    if written != stem:
        return text[end : end + 1] in ("'", "’")  # the Patels' flat
    return _THINGS.match(text, end) is not None  # the Jones' home, not the Hughes' review


def _singular(word: str) -> str:
    """The surname a word names a family by: itself where it is one ("Williams"), else its singular ("Patels",
    "Joneses", "Marshes"; "Moores" is Moore's, not Moor's, "Roses" Rose's), or nothing: "Press" is no plural."""
    if word in surnames() or not word.endswith("s") or word.endswith("ss"):
        return word if word in surnames() else ""
    if word[:-1] in surnames():
        return word[:-1]  # Roses, Moores
    return word[:-2] if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")) else word[:-1]


def heading_families(text: str) -> Iterator[tuple[int, str]]:
    """A family named by its known surname alone on a heading, a line, a list's item or a table's cell, as a case study
    is headed or led in ("### Patel Family", "### Case 3: Jones Family", "**Patel Family**", "- Patel Family", "| Patel
    Family |", "Patel Family: lived in temporary housing"; not "### Foster Family Support", "### Bridge Families", "###
    Preston Family", a place). Only the lines and cells that hold a family's word are read."""
    for word in ("amily", "ousehold"):
        at = text.find(word)
        while at >= 0:
            start = max(text.rfind("\n", 0, at), text.rfind("|", 0, at)) + 1
            end = min((found for found in (text.find("\n", at), text.find("|", at)) if found >= 0), default=len(text))
            line = _HEADING_FAMILY.fullmatch(text, start, end)
            at = text.find(word, end)
            name = line.group(1).replace("’", "'") if line else ""
            lowered = name.lower()
            if known_surname(name) and lowered not in everyday() and lowered not in places() and lowered not in _NOT_FAMILIES:
                yield line.start(1), f"{line.group(1)} {line.group(2)}"


_HEADING_FAMILY = re.compile(
    r"[ \t>]*(?:[-*+•][ \t]+|\d{1,3}[.)][ \t]+)?(?:#{1,6}[ \t]+)?(?:\*\*)?(?:[^\n|]{0,40}?(?:[:.–—-]|\d)[ \t]+)?"
    r"(?:[Tt]he[ \t]+)?([A-Z][\w'’]+(?:-[A-Z][\w'’]+)?)[ \t]+([Ff]amily|[Hh]ousehold)(?:\*\*)?"
    r"(?:[ \t]*[.:]?[ \t]*(?:\*\*)?[ \t]*(?:\([^()\n]{0,30}\))?[ \t]*#*[ \t]*|[ \t]*(?:\*\*)?(?::|[ \t][–—-])[ \t].*)"
)
"""A heading, a line, a list's item or a cell ending with a surname and a family's word (perhaps after a case's number,
before a full stop, a colon or a bracketed note), or leading a line in with them ("Patel Family: lived …")."""
_NOT_FAMILIES = _GROUPS | {"bridge", "bright", "fresh", "winter", "summer", "spring", "smart", "strong", "safe", "happy"}
_NOT_FAMILIES |= {"healthy", "whole", "early", "best", "good", "together", "better", "home", "hope", "star", "rainbow"}
"""Surnames that head a programme or a service as often ("### Bridge Family", "### Priority 2: Fresh Family")."""
