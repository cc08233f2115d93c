"""Titles before a name: a surname in capitals after one, as case files write it ("Mr PATEL", "Mr D O'BRIEN"); and the
words that name a public person rather than a family's, a judge's ("Mr Justice Munby") and an author's ("Brandon et
al.")."""

from __future__ import annotations

import re

TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Master", "Prof", "Rev", "Cllr", "Sgt", "Pc", "Dc", "Ds", "Di"})
"""Titles, and police ranks (PC, DC, DS, DI: read in capitals as Pc, …)."""
_TITLED_CAPITALS = re.compile(
    r"(\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|Prof|Rev|Cllr|Sgt)\.?[ \t]+(?:[A-Z](?:\.[ \t]*|[ \t]+)){0,3})"
    r"((?:O['’]|Mc|Mac|D['’])?[A-Z]{3,}(?:-[A-Z]{2,})?)\b"
)
"""A surname in capitals after a title (and initials): "Mr PATEL", "Mrs D. KHAN", "Mr McDONALD". Two capitals are an
anonymised judgment's ("Ms AB, the mother"), not a surname."""
_ACRONYMS = frozenset(
    "LAC CLA CIN CSE CCE MASH CAMHS SEND SENCO PRU ICPC RCPC NHS GP DSL LADO MARAC MAPPA IRO CPP EHCP NFA SUDIC PPU ICB "  # noqa: SIM905
    "NICU CID CEOP FGM CAIT MOSOVO SOIT".split()
)
"""A role's or a service's letters after a title ("Designated Dr LAC"): no surname."""
_ET_AL = re.compile(r"[ \t]+et[ \t]+al\b")
_JUDGE = re.compile(r"\b(?:Mr|Mrs|Ms|Lord|Lady)\.?[ \t]+(?:Justice[ \t]+)?$")
"""A judge's title before a word: "Mr Justice" (a judge's name follows) or its first word (before "Justice")."""


def surnames_written(text: str) -> str:
    """`text` with each surname in capitals after a title written as names are ("Mr PATEL" as "Mr Patel"), same length."""
    return _TITLED_CAPITALS.sub(lambda m: m.group() if m.group(2) in _ACRONYMS else m.group(1) + m.group(2).title(), text)


def public_person(text: str, start: int, end: int, word: str, following: str | None) -> bool:
    """Whether the capitalised word from `start` to `end` names an author before "et al." or a judge, or starts a judge's
    title ("Mr" before "Justice"): public people, named in published work."""
    judge = _JUDGE.search(text, max(0, start - 24), start)
    return bool(_ET_AL.match(text, end) or (judge and "Justice" in judge.group() + word) or following == "Justice")
