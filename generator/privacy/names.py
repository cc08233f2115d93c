"""People's and places' names in a reader's text: the details that identify a child most directly.

A name counts as an error only in a name's context: a given name with a surname, an initial or particles; a title or
rank with a surname; a given name before a verb or its possessive; a surname as families and babies are named; a name
before ", aged" (a named school, nursery or GP practice is `namedplaces`'). A given name alone is a warning. Names that
are also everyday words ("May", "Grace", "Will") count only before a surname or a verb of speech; roles, places (but a
place's name that is a given name before a surname: "Chelsea Patel") and organisations' names never count. The lists of
names are read in `namelists`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy import namelists, welsh
from generator.privacy.anchored import starting_words
from generator.privacy.babynames import baby_surname
from generator.privacy.characters import LOWER as _LOWER
from generator.privacy.characters import UPPER as _UPPER
from generator.privacy.familynames import FAMILY_AFTER, heading_families, named_family
from generator.privacy.initialnames import before_initials, initial_names, known_as_person, register_cells
from generator.privacy.namecolumns import labelled_names, named_cells
from generator.privacy.namelists import everyday, generic_place_words, given_names, not_surnames, places, plain, surnames
from generator.privacy.titles import TITLES, public_person, surnames_written

ERROR, WARNING = "error", "warning"
_WORD = rf"(?:(?:Mc|Mac|O['’]|D['’])(?=[{_UPPER}]))?[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?(?:['’][A-Za-z]+)?(?:-[{_UPPER}][{_LOWER}]+)*"
"""A capitalised word: a name, with its prefix (McDonald, O'Brien), possessive and hyphenated parts."""
_CAPITALISED = re.compile(rf"\b{_WORD}\b")
_SPACES = re.compile(r"[ \t]+")
_GAP = re.compile(r"\.?[ \t]+(?:(?:van|von|der|den|de|da|di|du|la|le|del|al|el|bin|ibn|ap)[ \t]+){0,2}")
"""Between the words of a name: a space, after a title's full stop, and the particles of a surname (van der, de, bin)."""
_TITLE_GAP = re.compile(rf"{_GAP.pattern}(?:[A-Z]\.?[ \t]*){{0,3}}")
"""Between a title and a surname, initials too: "Ms K. Brown", "Mr J R Smith"."""
_CAPITALS = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]+(?:[ \t]+[A-Z]{2,})+\b")
"""Two or more words in capitals: a heading or a form's field, read as names are written."""
_CAPITAL_SURNAME_FIRST = re.compile(rf"([A-Z](?<!\w[A-Z])[A-Z]+(?:-[A-Z]{{2,}})?)(?:[ \t]*,)?[ \t]+({_WORD})\b(?![ \t]+[A-Z])")
"""A surname in capitals before a given name, as police and health records write them: "SMITH Tyler", "SMITH, Tyler" (not
before another capitalised word: "PACE Grant Awards" is a title)."""
_ARTICLE = re.compile(r"\b(?:[Tt]he|[Aa]n?)[ \t]+$")
"""Just before a word: "the Judge said" is a role, not a name."""
_INITIAL_AFTER = re.compile(r"[ \t]+(?:[B-HJ-Z]\.?|A\.|I\.)(?=[\s,;]|$|(?<=\.)[A-Z][a-z])|[ \t]+[A-Z]{2,}(?:-[A-Z]{2,})?\b")
"""After a given name: an initial ("Tyler S.", "Tyler W", "Tyler S.Whitfield"), or a surname in capitals ("Sharon WHITFIELD")."""
_SPEECH = frozenset("said says told tells disclosed explained asked reported stated shared attended attends".split())  # noqa: SIM905
_NEXT_WORD = re.compile(
    r"(?:[ \t]+(?:[a-z]+ly|later|then|also|first|still|never|always|often|once|again|now|just)"
    r"|[ \t]*\((?:aged?[ \t]+)?\d{1,2}\)|[ \t]*,[ \t]*\d{1,2}[ \t]*,)?[ \t]+([a-z][a-z'’]*)\b"
)
"""The word after a name, perhaps after an adverb or an age: "Tyler later said", "Tyler (aged 7) said", "Tyler, 7, said"."""
_FUNCTION_WORDS = frozenset("and or nor but in on at to of for with from by the a an as than into onto via per".split())  # noqa: SIM905
"""Words after which a given name may still be a place or a thing ("Preston and", "Jordan in"): the word after
any other lowercase word after a given name is a verb or like one ("Tyler would", "Tyler could")."""
_RANK = re.compile(rf"{starting_words('PC', 'DC', 'DS', 'DI', 'DCI', 'DCS', 'PCSO', 'Sgt', 'Insp')}\.?[ \t]+{_WORD}")
"""A police rank and a surname: "PC Davies"."""
_ORGANISATION_WORDS = 6
"""Capitalised words after a name read for an organisation's word ("… London Children's Hospital"), at most."""
_SURNAME_FIRST = re.compile(r"[ \t]*,[ \t]*")
_SAINT = re.compile(r"\bS(?:t\.?|aint)[ \t]+$")
_PLACE_JOIN = re.compile(r"-(?:le|on|upon|in|by|under|de|super|cum|next|the|en|sur)-", re.I)  # Stanford-le-Hope
_AGED_AFTER = re.compile(r"[ \t]*,[ \t]*aged\b")
_LATER_CONTEXT = re.compile(f"{FAMILY_AFTER.pattern}|{_AGED_AFTER.pattern}")
"""What can make a word that is no given name part of a name: "the Whitfield family", "Zoltana, aged 9"."""
_CHILD_WORDS = frozenset(
    "adult baby boy brother child daughter father girl infant mother parent person sibling sister son teenager toddler".split()  # noqa: SIM905
)


def _given(word: str) -> bool:
    if word.lower() in not_surnames() or word.lower() in places():  # "Council", "Kent County": listed, but no name here
        return False
    return any(part in given_names() or (not part.isascii() and plain(part) in given_names()) for part in word.split("-"))


def _is_everyday(word: str) -> bool:
    return word.lower() in everyday()


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _surname(word: str) -> bool:
    bare = _bare(word)
    if bare.lower() in not_surnames() or len(bare) < 2:
        return False
    return bare in surnames() or not _is_everyday(bare)


def words(name: str) -> frozenset[str]:
    """The words of a name, without a possessive: the unit pseudonyms and allowed names are matched in."""
    return frozenset(_bare(word) for word in re.findall(r"[^\W\d_](?:[\w'’]|-(?=\w))*", name))


def _sentence_start(text: str, offset: int) -> bool:
    """Whether nothing but spaces, quotes or a bracket stands between `offset` and a sentence's start (looking
    back only over those, not copying the text before)."""
    while offset > 0 and text[offset - 1] in " \t\"'“‘(":
        offset -= 1
    return offset == 0 or text[offset - 1] in ".!?:\n-•*"


def find(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, name, severity) for each name in `text`: one pass over its capitalised words, each judged by
    the words around it."""
    for match in _CAPITAL_SURNAME_FIRST.finditer(text):  # before the capitals are read as words: SMITH Tyler
        surname = any(known_surname(part.title()) for part in match.group(1).split("-"))
        if surname and _given(match.group(2)) and not _is_everyday(match.group(2)):
            yield match.start(), match.group(), ERROR
    text = _CAPITALS.sub(lambda m: m.group().title(), text)  # TYLER SMITH reads as Tyler Smith
    text = surnames_written(text)  # Mr PATEL as Mr Patel
    tokens = list(_CAPITALISED.finditer(text))
    for index in range(len(tokens)):
        yield from _judge(text, tokens, index)
    yield from initial_names(text)  # T. Smith, J Smith
    for match in _RANK.finditer(text):
        yield match.start(), match.group(), ERROR
    yield from ((start, name, ERROR) for start, name in [*labelled_names(text), *heading_families(text)])
    if "|" in text or "\t" in text:
        yield from ((start, name, ERROR) for start, name in named_cells(text))
        yield from register_cells(text)


def is_person(first: str, second: str) -> bool:
    """Whether two words with nothing around them are a person's name: a given name that is no everyday word,
    then a known surname."""
    return _given(first) and not _is_everyday(first) and known_surname(second)


def looks_real(first: str, last: str, ordered: bool = True) -> bool:
    """Whether a pseudonym looks real: a given name, or (`ordered`) a title or an initial, and a surname-like word."""
    named = _given(first) or (ordered and (first.rstrip(".") in TITLES or re.fullmatch(r"[A-Z]\.", first) is not None))
    surname = last.lower() not in not_surnames() or last.lower() in namelists.SURNAME_WORDS
    return named and len(last) > 1 and last[:1].isupper() and surname


def _judge(text: str, tokens: list[re.Match[str]], index: int) -> Iterator[tuple[int, str, str]]:
    """The name, if any, that the capitalised word tokens[index] starts, judged by the words around it."""
    token = tokens[index]
    word, start, end = token.group(), token.start(), token.end()
    if word in given_names() and word.lower() in places() and (name_end := _place_as_name(text, tokens, index)):
        yield start, text[start:name_end], ERROR  # Chelsea Patel
        return
    if index > 0 and _after_place(text, tokens[index - 1], word, start):
        return  # Kingston Hill, Sierra Leone
    candidate = _given(_bare(word))
    if (
        not candidate
        and word not in TITLES
        and word != "Baby"
        and word not in surnames()
        and not _LATER_CONTEXT.match(text, end)
        and not (word.endswith("s") and named_family(text, word, start, end))  # the Patels were
    ):
        return  # most capitalised words: no name starts here
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    adjacent = following is not None and _GAP.fullmatch(text, end, following.start()) is not None
    before = text[max(0, start - 8) : start]
    if public_person(text, start, end, word, following.group() if adjacent and following else None):
        return  # Brandon et al. (2020); Mr Justice Munby, Lord Justice Ryder: an author, a judge
    if (
        _SAINT.search(before)
        or before.endswith("-")
        or _PLACE_JOIN.match(text, end)
        or _place(word, following.group() if adjacent and following else "")
    ):
        return  # St George's, Stoke-on-Trent, Milton Keynes
    role = _ARTICLE.search(before) is not None  # "the Judge said"
    given = candidate and not role
    everyday = _is_everyday(word)
    institution = adjacent and following is not None and _bare(following.group()).lower() in not_surnames()
    next_word = _NEXT_WORD.match(text, end)
    titled = following is not None and (word in TITLES or (word == "Baby" and baby_surname(following.group())))
    if titled and following is not None and _TITLE_GAP.fullmatch(text, end, following.start()):
        yield start, text[start : following.end()], ERROR
    elif following is not None and adjacent and given and _pair(text, start, word, following):
        if not _institution(text, tokens, index + 1) and not welsh.welsh_word(word, None, text, start):
            yield start, text[start : following.end()], ERROR
    elif given and not everyday and word != _bare(word) and not institution:  # Tyler's mother, not Clare's Law
        yield start, word, ERROR
    elif given and not everyday and (initial := _INITIAL_AFTER.match(text, end)):
        yield start, text[start : initial.end()], ERROR
    elif given and next_word and (next_word.group(1) in _SPEECH or (not everyday and next_word.group(1) not in _FUNCTION_WORDS)):
        if not (everyday and index > 0 and _GAP.fullmatch(text, tokens[index - 1].end(), start)) and not (
            welsh.welsh_word(word, next_word.group(1), text, start)
        ):  # "Lord Justice said", "Mae angen i ymarferwyr wrando"
            yield start, word, ERROR
    elif (
        following is not None
        and word in surnames()
        and _SURNAME_FIRST.fullmatch(text, end, following.start())
        and _given(following.group())
    ):
        yield start, text[start : following.end()], ERROR  # Smith, Jamie-Lee
    elif not everyday and not given and len(word) > 2 and named_family(text, word, start, end):
        yield start, word, ERROR  # the Whitfield family, Baby Whitfield
    elif _AGED_AFTER.match(text, end) and (name := _aged(text, tokens, index)):
        yield name
    elif (
        given
        and not everyday
        and not institution
        and not before_initials(text, end)
        and not welsh.welsh_word(word, None, text, start)
    ):
        yield start, word, WARNING  # not "Kent County Council", nor "Brandon, M." (initialnames')


_CAPITAL_AFTER = re.compile(r"[ \t]+(?!(?:Year|Jr|Jnr|Snr|Sr)\b)[A-Z]")
"""A third capitalised word, a company's or a service's ("Bristol Myers Squibb"), not a year ("Chelsea Patel Year 9")."""
_SAID = re.compile(
    rf"[ \t]+(?:{'|'.join(_SPEECH)})\b|{_AGED_AFTER.pattern}|{namelists.AGE_AFTER}|(?i:{namelists.RELATION_AFTER})"
)
"""What makes a place's name, a landscape's word or a surname that is an everyday word a person's: "Devon Moss said",
"Chelsea Green, aged 14", "Tyler Green (14)", "Lee Hall, the father,", "Shannon Day (mother)"."""


def _place_as_name(text: str, tokens: list[re.Match[str]], index: int) -> int:
    """Where the name ends that a place's name, also a given name, starts before a surname ("Chelsea Patel",
    "Devon Clarke"; not "Brent Cross", "Kent County Council", "Preston Crown Court"), or 0."""
    if index + 1 >= len(tokens) or text[max(0, tokens[index].start() - 1) : tokens[index].start()] == "-":
        return 0
    word, following = tokens[index], tokens[index + 1]
    second = _bare(following.group())
    surname = known_surname(second) or second.lower() in namelists.SURNAME_WORDS
    if _SPACES.fullmatch(text, word.end(), following.start()) and surname and _SAID.match(text, following.end()):
        return following.end()
    if (
        not _SPACES.fullmatch(text, word.end(), following.start())
        or not known_surname(second)
        or second.lower() in namelists.landscape_words()
        or second.lower() in places()
        or second.lower() in generic_place_words()
        or f"{word.group()} {second}".lower() in places()
        or _institution(text, tokens, index + 1)
        or _CAPITAL_AFTER.match(text, following.end())
    ):
        return 0
    return following.end()


def _after_place(text: str, previous: re.Match[str], word: str, start: int) -> bool:
    """Whether `word` ends a place's name: a landscape's word after a place ("Kingston Hill"), or a two-word place's."""
    before = previous.group()  # the place's word as written: "Leone's" starts with "leone"
    place = namelists.two_word_place(before, word) or (
        before.lower() in places() and _bare(word).lower() in namelists.landscape_words()
    )
    return place and _SPACES.fullmatch(text, previous.end(), start) is not None


def _place(word: str, following: str) -> bool:
    """Whether `word` starts a place's name, with the word after it ("Milton Keynes", "Sierra Leone's", "São Paulo",
    "Sierra Leonean")."""
    return _bare(word).lower() in places() or namelists.two_word_place(word, following)


def _institution(text: str, tokens: list[re.Match[str]], index: int) -> bool:
    """Whether the capitalised words after tokens[index] name an organisation ("Anna Freud Centre", "Evelina London
    Children's Hospital"): then the name before is the organisation's, a public one. An organisation's name is a few
    words: a longer run of capitalised words is not read to its end from every word in it (that cost grew with its
    square: "Jordan Smith " 4,000 times took 32 s)."""
    last = min(len(tokens) - 1, index + _ORGANISATION_WORDS)
    while index < last and _GAP.fullmatch(text, tokens[index].end(), tokens[index + 1].start()):
        index += 1
        if _bare(tokens[index].group()).lower() in not_surnames():
            return True
    return False


def _pair(text: str, start: int, first: str, second: re.Match[str]) -> bool:
    """Whether a given name (at `start`) and the capitalised word after it are a person's name: what the words say or
    have after them counts (`_SAID`), unless a place's word stands before them ("Staff on Victoria Ward said")."""
    end, surname, placed = second.end(), second.group(), namelists.AT_PLACE.search(text, max(0, start - 8), start)
    said = None if placed else _SAID.match(text, end)
    if _is_everyday(first):  # "May Board", "Will Social": only before a known surname, or saying something
        return known_surname(surname) or (said is not None and _surname(surname))
    word, around = _bare(surname).lower(), not placed and first == _bare(first)  # not "Valentine's Day", "Clare's Law"
    if word in namelists.SURNAME_WORDS:  # Tyler Green said, Tyler Green was arrested, Mum Kelly Hall
        return said is not None or (around and known_as_person(text, start, end, everyday_word=True))
    return _surname(surname) or (word in namelists.PLACE_SURNAMES and around and known_as_person(text, start, end, False))


def known_surname(word: str) -> bool:
    return word in surnames() and word.lower() not in not_surnames()


def _aged(text: str, tokens: list[re.Match[str]], index: int) -> tuple[int, str, str] | None:
    """The name before ", aged": up to three capitalised words. A lone word at a sentence's start must be a
    given name ("However, aged 16, …" is not a name)."""
    first = index
    while first > index - 2 and first > 0 and _GAP.fullmatch(text, tokens[first - 1].end(), tokens[first].start()):
        if not _given(_bare(tokens[first - 1].group())):
            break
        first -= 1
    last = tokens[index].group()
    if last.lower() in _CHILD_WORDS or last.lower() in not_surnames():
        return None
    if first == index and not _given(last) and _sentence_start(text, tokens[index].start()):
        return None
    return tokens[first].start(), text[tokens[first].start() : tokens[index].end()], ERROR
