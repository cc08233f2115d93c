"""A person's name written as an address or a handle writes it: its words joined by a hyphen, an underscore, a plus or a
full stop, in lower case or capitals, perhaps with one or two middle initials ("news.example.org/tyler-okafor-case",
"?child=amir+patel", "wiki/Tyler_Okafor", "amir-k-patel"), or run together with a capital inside them in an address,
a handle, a hashtag or a link's target ("x.com/AmirPatel", "#JusticeForAmirPatel"). A link's target is published with
its page (hovered, printed, copied), so a name in it is a name on the page.

As in a file's name (`scan.file_name_findings`), two such words are a name only where the first is a given name
that is no everyday word and the second a known surname; and not where the word after them names an organisation
("florence-nightingale-foundation"), whose name is a public one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.characters import LOWER as _LOWER
from generator.privacy.characters import UPPER as _UPPER
from generator.privacy.namelists import given_names, landscape_words, not_surnames, places, two_word_place
from generator.privacy.names import ERROR, is_person, known_surname

_LETTERS = _UPPER + _LOWER

_JOINED = r"[-_+.]{1,2}"
_JOINT = re.compile(
    rf"{_JOINED}(?=(?:(?![st]-|v{_JOINED})[A-Za-z]{_JOINED}){{0,2}}([A-Za-z]{{3,}})(?![A-Za-z])(?:{_JOINED}([A-Za-z]+))?)", re.I
)
"""What joins two words as an address joins them, perhaps one or two middle initials (not a possessive's or a
contraction's letter after a hyphen, nor a case's "v": "ellie-s-story", "don-t-judge", "kent-v-griffiths"), the word after it (of three
letters or more: "stanford-le-hope" is a place) and the word after that: looked for from the joint, which ordinary prose
seldom writes."""
_WORD_BEFORE = re.compile(r"(?<![A-Za-z])[A-Za-z]{3,}$")
_RUN_TOGETHER = re.compile(rf"(?:[/@#=?&_.\-0-9]|¦ )([{_LETTERS}]*[{_LOWER}][{_UPPER}][{_LETTERS}]*)")
"""Words run together, a capital after a small letter inside them, as a handle or an address writes a name
("x.com/AmirPatel", "#JusticeForAmirPatel", "#Justice4AmirPatel", "x.org/amirPatel", a link's target
"AmirPatel_referral.pdf", which the reading sets after a "¦"); not in prose, where a company writes its name so
("NatWest", "HarperCollins")."""
_SEGMENT = re.compile(rf"[{_UPPER}]?[{_LOWER}]+|[{_UPPER}]+(?![{_LOWER}])")
_PARTICLES = frozenset({"Mac", "Mc", "Van", "Von", "Del", "Della", "Fitz", "San", "Santa", "Los", "Las", "O", "D"})
"""What starts one surname or place with a capital inside it ("MacKay", "VanDyke", "SanDiego", "OBrien")."""
_NEVER_GIVEN = _PARTICLES | {"Love", "Visit", "Team", "Save", "Stop", "Think", "Keep"}
"""Words that start a campaign's hashtag, not a name: "#LoveLondon", "#VisitHaroldHill", "#ThinkFamily"."""


def find(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, name, severity) for each given name and surname joined as an address joins them in `text`."""
    reach = -1  # the end of the last name found: its surname starts no other ("tyler-smith-case")
    for joint in _JOINT.finditer(text):
        given = _WORD_BEFORE.search(text, max(0, joint.start() - _LONGEST), joint.start())
        if given is None or given.start() <= reach:
            continue
        surname, after = joint.groups()
        double = joint.group() == "-" and given.group().istitle() and surname.istitle() and joint.start(1) == joint.end()
        if double and not _in_address(text, given.start()):
            continue  # Tyler-Okafor: a double-barrelled name (not in "x.org/Amir-Patel", "x.org/Tyler-Smith")
        if _named(text, given.start(), given.group(), surname, after):
            reach = joint.end(1)
            yield given.start(), text[given.start() : reach], ERROR
    for run in _RUN_TOGETHER.finditer(text):
        if _run_named(text, run.start(1), run.group(1)):
            yield run.start(1), run.group(1), ERROR


def _run_named(text: str, start: int, run: str) -> bool:
    """Whether words run together name a person: a given name, perhaps an initial, then a surname."""
    words = [word.group() for word in _SEGMENT.finditer(run)]
    for index, word in enumerate(words[:-1]):
        if word.title() in _NEVER_GIVEN or (index > 0 and words[index - 1] in _PARTICLES) or word.isupper() or len(word) < 3:
            continue  # MacKay, OBrien: one surname; MACAs: a given name is never in capitals, nor of two letters here
        last = (
            index + 2 if index + 2 < len(words) and (len(words[index + 1]) == 1 or words[index + 1] in _PARTICLES) else index + 1
        )
        surname = words[last] if len(words[index + 1]) == 1 else "".join(words[index + 1 : last + 1])  # AmirKPatel, AmirMcDonald
        following = words[last + 1] if last + 1 < len(words) else None
        if _named(text, start, word, surname, following):  # not #MarieCollinsFoundation, #RonaldMcDonaldHouse
            return True
    return False


def _in_address(text: str, start: int) -> bool:
    """Whether the word at `start` is part of an address or a link's target: a mark of one earlier in its run of text
    ("x.org/stories/Justice-for-Amir-Patel", "¦ Amir-Patel-referral.pdf")."""
    run = _RUN_BEFORE.search(text, max(0, start - 200), start)
    return run is not None and (
        any(mark in run.group() for mark in _ADDRESS_MARKS) or text[max(0, run.start() - 2) : run.start()] == "¦ "
    )


def _named(text: str, start: int, first: str, second: str, after: str | None) -> bool:
    """Whether two words joined at `start` name a person, and no organisation named after one."""
    first, second = first.title(), second.title()
    if not (is_person(first, second) or _place_as_person(first, second)) or (after or "").lower() in not_surnames():
        return False
    if second.lower() in places() or two_word_place(first, second):
        return False  # sierra-leone, Saint_Lucia, #EvelinaLondon
    return not _NAMED_AFTER.search(text, max(0, start - _LONGEST), start)  # …/hospitals/william-harvey


_ADDRESS_MARKS = ("/", "=", "#", "@", "?", "&")
_RUN_BEFORE = re.compile(r"\S*$")
_LONGEST = 30
"""Letters of a given name, at most."""
_NAMED_AFTER = re.compile(
    r"(?i:hospitals?|charit(?:y|ies)|trusts?|foundations?|centres?|centers?|funds?|prizes?|awards?|lectures?)[/_.+-]{1,2}$"
)
"""What is often named after a person, just before the name: "…/hospitals/william-harvey", "…/charities/charlie-waller"."""


def _place_as_person(first: str, second: str) -> bool:
    """A place's name that is also a given name, then a known surname that is no landscape's word ("chelsea-patel"; a
    place's word is no surname here, `_named`)."""
    return (
        first in given_names() and first.lower() in places() and known_surname(second) and second.lower() not in landscape_words()
    )
