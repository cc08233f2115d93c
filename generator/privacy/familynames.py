"""A family or a baby named by its surname alone: "the Whitfield family", "the Patels were", "Baby Whitfield".

A surname alone names a family where "the" comes before it and a family's word after it (not a family service's:
"the Orchard family hub"); in the plural, as a family acts ("the Patels were seen", "the Joneses' home"), where it is a
known surname that is no everyday word, nor a people's, a faith's or a role's ("the Romans", "the Judges"); and after
"Baby", "Child" or "Infant" where it is a known surname.
"""

from __future__ import annotations

import re

from generator.privacy.namelists import everyday, not_surnames, places, surnames

FAMILY_WORDS = ("family", "families", "household", "children", "siblings", "twins")
"""Words after a surname that name a family by it ("the Whitfield family")."""
FAMILY_SERVICE = (
    r"[ \t\-]+(?i:hubs?|centres?|centers?|support|services?|groups?|networks?|courts?|law|justice|time|learning|links?"
    r"|nurses?|partnerships?|workers?|practitioners?|meetings?|conferences?|rooms?|help|liaison|intervention|teams?"
    r"|therapy|days?|fun|assessments?|club|cafe|café)\b"
)
"""What, after "family", makes it a service, a place or a meeting rather than a family ("the Orchard family hub", "born
to a family support worker"): the one list `names` and `birthevents` read "family" by."""
FAMILY_AFTER = re.compile(rf"(?:['’]?s)?[ \t]+(?:{'|'.join(FAMILY_WORDS)})\b(?!{FAMILY_SERVICE})")
"""After a surname: "the Whitfield family" (not "the Orchard family hub", a place)."""
_NAMED_BEFORE = re.compile(r"\b(?:Baby|Child|Infant)[ \t]+$")
_AS_A_FAMILY_ACTS = re.compile(
    r"['’]|[ \t]+(?:were|are|had|have|said|say|told|moved|lived|live|did|do|would|could|refused|declined|agreed"
    r"|attended|missed|left|arrived|returned|reported|asked|own|rent)\b"
)
"""After a surname in the plural: "the Patels were seen", "the Okafors' flat"."""
_GROUPS = frozenset(
    "roman norman christian tudor stuart stewart pole czech turk saxon celt viking moor frank judge bishop doctor steward"  # noqa: SIM905
    " marshall constable mason cook lord king queen prince knight hunter dean pope sheriff squire vicar clerk guard"
    " ranger scout pilot sergeant major warden angel saint green noble governor carer".split()
)
"""Surnames whose plural names a people, a faith, a royal house, a party or a role ("the Romans were", "the Tudors
had", "the Greens said", "the Judges said", "the Lords were")."""


def named_family(text: str, word: str, start: int, end: int) -> bool:
    """Whether `word`, at `start`, is a surname that names a family or a baby by itself."""
    if word.lower() in not_surnames() or word.lower() in places():
        return False
    before = text[max(0, start - 7) : start]
    if before.lower().endswith("the "):
        return FAMILY_AFTER.match(text, end) is not None or _plural(word, text, end)
    return _NAMED_BEFORE.search(before) is not None and word in surnames()


def _plural(word: str, text: str, end: int) -> bool:
    singular = word[:-2] if word.endswith("es") and word[:-2] in surnames() else word[:-1]
    return (
        word.endswith("s")
        and word not in surnames()
        and singular in surnames()
        and singular.lower() not in not_surnames()
        and singular.lower() not in _GROUPS
        and singular.lower() not in everyday()
        and _AS_A_FAMILY_ACTS.match(text, end) is not None
    )
