"""Names in tables and after their labels: what a column headed for a person's name holds ("| First name | Surname |"),
a name split over cells as a form or a spreadsheet keeps it; a name after the words that say it is one ("Surname:
Patel", "her maiden name was Kowalski", "(surname Okafor)")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.namelists import everyday, known_surname, not_surnames
from generator.privacy.reading import table_rows

_NAME_HEADER = re.compile(
    r"\b(?:(?:full|first|given|last|family|middle|preferred)[ \t]?names?|surnames?|forenames?(?:\(s\))?|known[ \t]as"
    r"|(?:child|mother|father|parent|carer|sibling|person|subject|victim|suspect|pupil|young[ \t]person)(?:['’]s)?[ \t]+names?"
    r"|names?[ \t]+of[ \t]+(?:the[ \t]+)?(?:child|mother|father|parent|carer|sibling|person|subject|victim|suspect|pupil))"
    r"(?![A-Za-z])",
    re.I,
)
"""A column's header that names what its cells hold: a person's name or part of one (not "Name" alone: a tool's, a team's)."""
_NOT_NAMES = frozenset(
    """child children baby babies young person people sibling siblings mother father mum dad parent parents carer carers
    adult case cases subject family twin twins unborn one two three four five six of and or the a an mr mrs ms miss mx
    yes no not known unknown recorded applicable withheld redacted removed anonymised pseudonym pseudonyms used none
    missing blank partial incomplete complete completed correct incorrect given different from same as total totals
    see above below other n/a na nk tbc tbd x xx""".split()  # noqa: SIM905
)
"""Words a name's cell holds where no name is given: a stand-in ("Child A", "Twin 1", "Mother of Child A"), a check's
result ("Yes", "Not recorded"), a total."""


def named_cells(text: str) -> Iterator[tuple[int, str]]:
    """What a table holds under a column headed for a person's name ("| First name | Surname |"), whatever it is, but a
    stand-in ("Child A", "[redacted]", "n/k"): a name split over two cells is still a name."""
    columns: set[int] | None = None
    for _, at, cells in table_rows(text):
        if not cells:
            columns = None
        elif columns is None:  # the table's first row: its header
            columns = {i for i, cell in enumerate(cells) if len(cell.group().split()) <= 5 and _NAME_HEADER.search(cell.group())}
        else:
            for index in sorted(columns):
                value = cells[index].group().strip() if index < len(cells) else ""
                if re.search(r"[^\W\d_]{2}", value) and not _stand_in(value):
                    yield at + cells[index].start() + cells[index].group().index(value), value


def _stand_in(value: str) -> bool:
    """Whether a name's cell holds no name: only stand-ins' and checks' words, single letters and numbers."""
    return all(len(word) == 1 or word in _NOT_NAMES for word in re.findall(r"[^\W\d_]+", value.lower()))


_NAME_LABEL = re.compile(
    r"\b((?i:sur|maiden|family|last|first|given|fore|birth|middle|preferred|previous|married)[ \t\-]?(?i:names?))"
    r"((?:[ \t]++(?:is|was|of|being))?+[ \t]*+[:\-–=;]?+)[ \t]*+[\"'‘“(]?([A-Z][\w'’\-]+)"
)
"""A name after the words that say it is one: "Surname: Patel", "maiden name was Kowalski", "(surname Okafor)"; a label
in capitals only with a colon, a dash or a verb after it (not "The Family Name Project", a heading). Spaces are taken
once each (possessive): a label before a long run of them is read in linear time."""
_GOES_ON = re.compile(r"[ \t]+(?:[a-z]|[A-Z0-9]\b)")
"""After the word, what makes it no name: prose going on ("Surname: Inconsistent across agencies"), or a stand-in's
letter or number ("Partner B", "Male 1")."""


def labelled_names(text: str) -> Iterator[tuple[int, str]]:
    """Each name after a label saying it is one, but a stand-in's or a check's words ("Surname: Not recorded"). The
    pattern is tried only where a label's word "name" stands, not at every word of the text."""
    lowered, seen = text.lower(), set()
    at = lowered.find("name")
    while at >= 0:
        found = _NAME_LABEL.search(text, max(0, at - 9), at + _REACH)
        at = lowered.find("name", at + 4)
        if found is None or found.start() in seen:
            continue
        seen.add(found.start())
        label, said, name = found.groups()
        if (label.islower() or said.strip()) and not _stand_in(name) and _named(text, found.end(), name):
            yield found.start(3), name


_REACH = 80
"""Characters after a label's word "name" within which its name stands ("maiden name was Kowalski")."""


def _named(text: str, end: int, word: str) -> bool:
    """Whether the word after a name's label is a name: a known surname that is no everyday word, the label's text ending
    with it. A checklist's value stands there as often ("Surname: Accurate", "Surname: Green", a RAG rating)."""
    lowered = word.lower()
    known = known_surname(word) and lowered not in everyday() and lowered not in not_surnames()
    return known and _GOES_ON.match(text, end) is None
