"""A baby named by its family's surname: "Baby Whitfield" is read as "Mrs Whitfield" is, a title and a surname.

Hospitals and case records name a newborn "Baby <surname>" before it has a given name. The surname need not be
in the lists of names (few are), so a word after "Baby" counts unless it reads as something else: a programme, a
service or a thing ("Baby Bonds", "Baby Steps", "Baby Bank", `data/baby_words.txt`), a common English word, a month,
a place, or a word with an English word's ending ("Baby Feeding", "Baby Sensory"). A letter ("Baby A", "Baby P")
is a pseudonym, and a declared pseudonym passes as every declared name does (`scan.scan_read`).
"""

from __future__ import annotations

import re

from generator.privacy.namelists import baby_words, everyday, generic_place_words, not_surnames, places, surnames

_ENGLISH_ENDING = re.compile(
    r"(?:ing|ings|ed|ness|tion|tions|sion|ment|ments|ity|ities|ies|ful|ive|ives|ics|ology|ance|ence|ship|hood|ery|ory|ism|able)$"
)
"""How an English word that is no surname ends ("Feeding", "Sensory", "Awareness")."""


def baby_surname(word: str) -> bool:
    """Whether the capitalised `word` after "Baby" is a family's name (its possessive aside)."""
    bare = re.sub(r"['’]s$", "", word)
    lower = bare.lower()
    forms = {lower, lower.removesuffix("s"), lower.removesuffix("es")}  # "Baby Steps", "Baby Boxes"
    if len(bare) < 3 or any(form in everyday() or form in baby_words() for form in forms):
        return False
    if lower in not_surnames() or lower in places() or lower in generic_place_words():
        return False
    return bare in surnames() or _ENGLISH_ENDING.search(lower) is None
