"""The places a child spends each day or lives, named in a reader's text: a school, nursery, children's home or GP
practice. Named, one finds the child as surely as by their name; a children's home is where a looked-after child lives.

A name counts before a setting's words: "Oakfield Primary School", "Oakfield C.E. Primary School", "Oakfield Boys'
School", "Oakfield Infant & Junior School", "Oakfield UTC", "Oakfield Sixth Form", "Little Acorns Montessori",
"Oakfield Children's Home", "Elm Tree Medical Group"; a GP's practice after "the" ("the Elm Tree Practice", but not a
way of practising: "the Restorative Practice", "the Social Work Practice"); and a name before a setting's words in lower
case ("attends Oakfield primary school"), but not one after "a" or "each" ("a Northbrook primary school": one of the
area's schools), at a sentence's start, or before a word the setting qualifies ("Oakfield school nurses"). Words that
make a setting generic ("the Virtual School", "Sunday School", "Forest School", "each Secondary School") are read in
`namelists`, with the places that are local authorities ("a Leeds primary school").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.anchored import starting_words, within_lines
from generator.privacy.namelists import generic_place_words, places
from generator.privacy.names import _WORD, ERROR, _sentence_start

_GUARD = re.compile(
    r"GP|School|Academy|College|Nursery|Pre-?[Ss]chool|Preschool|Primary|Infants|Juniors|Surgery|Centre|Practice|Grammar"
    r"|PRU|Referral|High|UTC|Sixth|Montessori|Play[ \t]*[Gg]roup|Kindergarten|Children['’]s[ \t]+Home|Medical[ \t]+Group"
)
_MODIFIER = (
    r"(?:Primary|Infants?['’]?|Juniors?['’]?|Secondary|Middle|High|Grammar|Nursery|SEN|Special|C[ \t]of[ \t]E|C\.[ \t]?of[ \t]E\."
    r"|CofE|CE|C\.[ \t]?E\.|RC|R\.[ \t]?C\.|Catholic|Community|Free|Church(?:[ \t]+of[ \t]+England)?|\(?(?:VA|VC|Aided|Controlled)\)?"
    r"|Boys['’]?|Girls['’]?|Montessori|Sixth[ \t]+Form"
    r"|and|&)"
)
"""Words between a setting's name and its kind, as schools write them: "C.E.", "CofE", "R.C.", "Church of England", "(VA)",
"Boys'", "Infant &"."""
_PLACE = re.compile(
    rf"\b((?:(?:St\.?|{_WORD})[ \t]+){{1,4}})((?:{_MODIFIER}[ \t]+)*"
    r"(?:School|Academy|College|Nursery|Pre-?[Ss]chool|Preschool|Primary|Infants|Juniors|Grammar|PRU|Pupil[ \t]+Referral[ \t]+Unit"
    r"|(?:RC|CE|C of E|Catholic)[ \t]+High|UTC|Sixth[ \t]+Form|Montessori|Playgroup|Play[ \t]+Group|Kindergarten|Surgery"
    r"|Medical[ \t]+Centre|Health[ \t]+Centre|Medical[ \t]+Group|(?:Medical|Health|Group|Family|GP)[ \t]+(?:Practice|Surgery)"
    r"|GP[ \t]+[Ss]urgery|Children['’]s[ \t]+(?:Centre|Home)|Day[ \t]+Nursery))"
    r"\b(?![ \t]+(?:Trust|Schools|Academies|Nurseries|Practices|Surgeries|Colleges|Homes|Hospital))"
)
"""A setting's name and its kind: "Oakfield C.E. Primary School" (not an academy trust, a group of schools, nor a
hospital named after one: "King's College Hospital")."""
_PRACTICE = re.compile(r"Practice\b(?![ \t]+[A-Z]|['’\-])")
_PRACTICE_NAME = re.compile(rf"\b[Tt]he[ \t]+((?:{_WORD}[ \t]+){{1,3}})$")
"""A GP's practice as its patients name it: "the Elm Tree Practice" (not "the Elm Tree Practice Framework")."""
_WAYS_OF_PRACTISING = frozenset(
    """social work good best safe safer poor safety family youth clinical nursing legal professional contextual partnership
    signs solution strengths relationship relationships trauma motivational systemic reflective restorative relational
    safeguarding parenting teaching learning practice evidence research child adult person people community early help
    justice protection welfare care mental think voice whole system systems leadership management quality supervision
    assessment direct wellbeing""".split()  # noqa: SIM905
)
"""Words of a way of practising, not of a GP's practice: "the Signs of Safety Practice", "the Systemic Practice"."""
_ADJECTIVE = re.compile(r"(?:ive|al|ic|ed|ist|ary|based|informed|centred|centered|focused|led|ful|ous)$")
"""A way of practising named by what it is like: "the Restorative Practice", "the Trauma-Informed Practice"."""
_LOWER_KIND = re.compile(
    starting_words("school", "academy", "nursery", "pre-?school", "playgroup", "kindergarten", r"children['’]s[ \t]+home")
    + r"\b(?!-)"
)
_LOWER_NAME = re.compile(
    rf"\b((?:(?:St\.?|{_WORD})[ \t]+){{1,3}})((?i:(?:primary|infant|junior|secondary|middle|high|grammar|nursery|special"
    r"|community|catholic|church(?:[ \t]+of[ \t]+england)?|c of e|ce|rc|residential|secure|aided|controlled)[ \t]+)*)$"
)
"""A named setting written in lower case: "Oakfield primary school"."""
_QUALIFIED = frozenset(
    """nurse nurses nursing place places admission admissions age aged holiday holidays term terms staff readiness attendance
    transport run runs gate gates uniform uniforms year years census exclusion exclusions improvement leader leaders
    leadership setting settings sector system systems meal meals day days hours trip trips report reports record records
    work counsellor counsellors counselling liaison refusal avoidance life governor governors governance cluster clusters
    partnership partnerships inspection inspections visit visits plan plans provision support team teams pupils children
    students bus lunch lunches meeting meetings bag books fees funding budget budgets phase phobia move moves changes entry
    leavers officer officers worker workers link links education environment policy policies performance results standards
    absence based network networks forum forums""".split()  # noqa: SIM905
)
"""Words a setting's words qualify ("Oakfield school nurses", "Northbrook school places"): a service, not a school."""
_AFTER = re.compile(r"[ \t]+([a-z]+)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
_ONE_OF = frozenset("a an each every any another one no per which what some most many other either neither this that".split())  # noqa: SIM905
"""Just before a setting's name: one of the area's settings ("a Northbrook primary school"), not a named one."""


def _generic(word: str) -> bool:
    bare = re.sub(r"['’]s$", "", word).lower().rstrip(".")
    return bare in generic_place_words()


def find(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, name, severity) for each named school, nursery, children's home or GP practice in `text`."""
    for match in within_lines(_PLACE, text, _GUARD):  # a setting's name and kind are on one line
        yield from _named(match.start(1), match.group(1), match.group(2))
    for kind in _PRACTICE.finditer(text) if "Practice" in text else ():
        name = _before(_PRACTICE_NAME, text, kind.start())
        if name and not any(w.lower() in _WAYS_OF_PRACTISING or _ADJECTIVE.search(w.lower()) for w in name.group(1).split()):
            yield from _named(name.start(1), name.group(1), kind.group())
    for kind in _LOWER_KIND.finditer(text):
        name = _before(_LOWER_NAME, text, kind.start())
        if name and _lower_named(text, name, kind.end()):
            yield from _named(name.start(1), name.group(1), name.group(2) + kind.group())


def _before(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """The name that ends where a setting's kind starts: looked for back from the kind only, not at every character."""
    return pattern.search(text, max(0, end - 120), end)


def _named(start: int, run: str, kind: str) -> Iterator[tuple[int, str, str]]:
    """The setting's name from its first word that is not generic ("the Oakfield School": "Oakfield School")."""
    words = run.split()
    while words and _generic(words[0]):
        words.pop(0)
    if words:
        yield start + run.index(words[0]), " ".join([*words, kind]), ERROR


def _lower_named(text: str, match: re.Match[str], end: int) -> bool:
    """Whether capitalised words before a setting's words in lower case name it: not a place's or a nation's ("a Leeds
    school", "a Polish Saturday school"), not one of many, not at a sentence's start (where any word is capitalised),
    not a possessive ("the Council's school"), nor before a word the setting's words qualify."""
    words = match.group(1).split()
    start = match.start(1)
    after = _AFTER.match(text, end)
    if after and after.group(1) in _QUALIFIED:
        return False
    if words[-1][-2:] in ("'s", "’s") and not (len(words) > 1 and words[-2].startswith("St")):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    if any(w.lower() in _ONE_OF for w in [*words, *(before.groups() if before else ())]):
        return False
    if all(_generic(w) or w.lower() in places() for w in words):
        return False
    return len(words) > 1 or not _sentence_start(text, start)
