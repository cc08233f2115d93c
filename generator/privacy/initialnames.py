"""A person named by an initial and a surname: "T. Smith", "(S. Smith)", "J Smith and K Smith", "T. R. Smith".

An initial is a capital letter on its own, with or without its full stop ("A" and "I" only with it: an article and a
pronoun). The word after it is a surname where it is a known surname that is no everyday word ("T. Smith"); a word on
no list, or a surname that is also an everyday word ("Young"), only before a verb or its possessive, as given names
are judged ("T. Whitfield said", "T. Whitfield's son", not "Plan B Young people"), or beside a relation ("Mum (T.
Whitfield)"). A part of a text numbered by a
letter ("Appendix A. Children", "Part B. Findings", "Option B Smith"), a pseudonym's letter ("Child A. Smith said"),
and an initial after a given name ("Jane T. Smith": the given name's rule) start none.

A surname before its initials, as registers and records list people ("Patel, A. was seen", "PATEL, A. referred by
school"), is a name where a lower-case word follows, as a record goes on; a reference to a published work goes on with a
title, another author, "and", a year or "(n.d.)" ("Munro, E. (2011)", "Brandon, M., Sidebotham, P. and Bailey, S.",
"Ferguson, H. Child Protection Practice"): it names its authors, not a family.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.characters import LOWER as _LOWER
from generator.privacy.characters import UPPER as _UPPER
from generator.privacy.namelists import TIMES, everyday, given_names, not_surnames, places, surnames
from generator.privacy.reading import table_rows

_SURNAME = rf"(?:(?:Mc|Mac|O['’]|D['’])(?=[{_UPPER}]))?[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_INITIAL_NAME = re.compile(
    rf"([A-Z])(?<![\w.'’\-&/][A-Z])(\.?)(?:[ \t]{{0,2}}[A-Z]\.)?(?:[ \t]{{1,2}}|(?<=\.))({_SURNAME})(['’]s)?\b(?![\-'’]?\w)"
)
"""One or two initials (the second with its full stop) and a capitalised word after them (looked for from a capital:
the look-behind runs only there)."""
_LABEL_WORDS = frozenset(
    "appendix appendices annex annexe part section form option plan grade level category type class group tier stage"  # noqa: SIM905
    " step phase schedule table figure fig item question paragraph para point chapter unit block wing ward team room"
    " zone area site vitamin hepatitis hep model box exhibit child children baby babies sibling infant twin adult person"
    " family household case school year no key list route letter column row sheet tab range band pathway scenario"
    " example strand track cohort panel priority theme standard objective".split()
)
_LABEL = re.compile(rf"\b(?:{'|'.join(sorted(_LABEL_WORDS))}|young[ \t]+person)\.?[ \t]+$", re.I)
"""Words that number a part of a text, a letter grade or a pseudonym by the letter after them."""
_INITIALS = r"(?:[A-Z]\.(?:[ \t]?[A-Z]\.|[A-Z](?!\w)){0,2}|[B-HJ-Z]|([A-Z]{2,3}))"
"""One to three initials, the first with its full stop ("A.", "T. J.", "A.B.C.", "A.J"), one without (not "A" or "I": an article and a
pronoun), or two or three without ("AJ")."""
_INITIALS_AFTER = re.compile(rf",[ \t]*{_INITIALS}(?![^\W\d_]|['’])")
"""A comma and initials: ", A.", ", T. J.", ", AJ"."""
_NOT_INITIALS = frozenset(
    "UK US EU UN GP ED AE HR IT PE RE MP PC DC DS DI SW OT SN TA HV LA NI OK TV ID IQ PA PR QA AI VR HQ PM CV CP"  # noqa: SIM905
    " UC NB PS RN MH MS TX NY NZ NW NE SE EP RI MA AL NFA ASB NPS CRC FNP ICU CDC IQR NSW ON NC TN IM".split()
)
"""Capitals that are an abbreviation, not initials: "Leeds, UK was", "Patel, GP said", "Jackson, MS", "Closed, NFA"."""
_NOT_NAME_ENDINGS = ("ship", "ment", "ness", "tion", "sion", "ity", "ance", "ence", "ism", "ogy")
"""Endings of a word that is no surname: "Leadership, A." is a section's letter."""
_SURNAME_BEFORE = re.compile(rf"(?<![\w'’\-])({_SURNAME}|[A-Z]{{2,}}(?:-[A-Z]{{2,}})?)[ \t]?$")
"""A surname just before them (looked for back from the comma, which prose seldom writes before a capital)."""
_RECORD_GOES_ON = re.compile(
    r"[ \t]*(?:[–—:;,|\-][ \t]*)?(?:[(\[]?([a-z]+)|[(\[][ \t]*\d{1,2}[ \t]*[)\]]|\d{1,2}[ \t]*(?:years?|yrs?|y/?o|months?)\b"
    r"|[(\[]?[ \t]*(?:Y(?:ear|r)?[ \t]?\d{1,2}\b|[MF][ \t]+\d{1,2}\b|D\.?O\.?B\b|Reception\b|Nursery\b)"
    r"|[(\[][ \t]*(?:Child|Sibling|Twin)\b|[(\[][ \t]*([A-Z][a-z]+)[ \t]*[)\]])"
)
"""What goes on after a surname's initials in a record: a lower-case word ("was seen", "– seen by", "(born 2015)",
", aged 9", "| excluded"), unless a reference's (`_REFERENCE_WORDS`); an age or a school year ("14 years old", "(9)",
"Year 9", "Y9", "Yr 9", "M 14", "[aged 9]"); a date of birth's label or an early years class ("DOB withheld",
"Reception"); a stand-in's word or a given name in brackets ("(Child A)", "(Amir)"; not a reference's "(2011)",
"(Ed.)", "(in press)", "(Producer)", "(May 2011)")."""
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*+•][ \t]+|(?:\d{1,3}|[a-z])[.)][ \t]+)?$")
_LINE_END = re.compile(r"[ \t]*[;,]?[ \t]*(?:\n|$)")
"""A surname and its initials alone on a line, perhaps a list's item, as a register lists people ("- Patel, A.")."""
_CELL = re.compile(rf"({_SURNAME}|[A-Z]{{2,}}(?:-[A-Z]{{2,}})?)[ \t]?,[ \t]*({_INITIALS}|[AI])\.?")
"""A table's cell holding only a surname and its initials ("| Patel, A. |", "| Patel, A |")."""
_AUTHORS = re.compile(
    r"[ \t]*(?i:(?:lead[ \t]+)?authors?|references?|sources?|citations?|(?:further[ \t]+)?reading|publications?|bibliography"
    r"|(?:written[ \t]+)?by|writers?|editors?|stud(?:y|ies)|research|key[ \t]+texts?|evidence|literature)\b"
)
"""A column's header, from its start, under which a surname and initials name an author: "| Author | Title |"."""
_RECORD_WORD = re.compile(r"(?:and|with|in)[ \t]+(?!others\b|press\b)[a-z]")
"""After a surname in capitals, a reference's joining word before a lower-case word goes on with a record ("PATEL, A.
and mother attended", "PATEL, A. in foster care"; not "BRANDON, M. and SIDEBOTHAM, P.", "BRANDON, M. and others")."""
_REFERENCE_WORDS = frozenset(
    "and et with in cited op ibid ibidem p pp ed eds n nd comp trans unpublished personal accessed available see cf vol "  # noqa: SIM905
    "forthcoming undated online retrieved edn rev".split()
)
"""What a reference goes on with after its author's initials ("and Ward, H.", "et al", "cited in", "op. cit.", "p. 12",
"(n.d.)", "(in press)", "(eds)", "(unpublished)", "accessed 12 May 2023")."""
_LOOK_BACK = 20
_GIVEN_BEFORE = re.compile(rf"[{_UPPER}][{_LOWER}]+[ \t]+$")
_VERB_AFTER = re.compile(
    r"[ \t]+(?:[a-z]+ly[ \t]+)?(?:said|says|told|tells|was|is|were|are|has|had|have|did|does|would|could|will|can|may"
    r"|might|should|must|also|then|later|[a-z]{2,}ed)\b"
)
"""A verb after the surname, perhaps after an adverb: "T. Whitfield said", "T. Whitfield later disclosed"."""
_RELATIONS = (
    r"(?:mum|mummy|mam|mother|mom|dad|daddy|father|(?:step|grand)[ \t\-]?(?:mum|mother|dad|father|parent|brother|sister)"
    r"|grandma|grandpa|nan|nana|gran|granny|grandad|carer|foster[ \t\-]carer|kinship[ \t\-]carer|guardian|parent|spouse"
    r"|(?:(?<=['’]s[ \t])|(?<=\bex[ \t\-])|(?<=\bher[ \t])|(?<=\bhis[ \t])|(?<=\bnew[ \t])|(?<=\bex))partner|(?<=['’]s[ \t])ex"
    r"|boyfriend|girlfriend|husband|wife|fianc[eé]e?|uncle|aunt|auntie|aunty|cousin|niece|nephew|brother|sister|sibling|son"
    r"|daughter|childminder|neighbour|lodger|family[ \t]friend|perpetrator|abuser|offender|suspect)"
)
"""Who a person is to a child: a relation, a carer, the person who harmed them (a partner only someone's: "Mum's partner",
"her new partner", "ex-partner"; "our statutory partner" is an agency)."""
_QUALIFIED = r"(?:(?:the|his|her|their|(?:child[ \t]+)?[\w'’]{1,20}['’]s|birth|maternal|paternal|alleged|biological|adoptive|natural)[ \t]+){0,3}"
_RELATION_BEFORE = re.compile(
    rf"\b{_RELATIONS}(?:s|['’]s)?(?:[ \t]+(?:is|was|aka|known[ \t]+as)|(?:['’]s)?[ \t]+name(?:[ \t]+is)?)?[ \t]*"
    rf"(?:[:(\[,;=|\-–—][ \t]*)?(?:aka[ \t]+)?$",
    re.I,
)
_RELATION_AFTER = re.compile(
    rf"[ \t]*[(\[,;:|\-–—][ \t]*{_QUALIFIED}{_RELATIONS}s?(?:[ \t]+(?:of|to)[ \t]+[^)\],;:.|\n]{{1,30}})?[ \t]*(?:[)\],;:.|]|$)",
    re.I,
)
"""Whose the name is, just before or after it: "Mum (T. Whitfield)", "Dad, T. Whitfield,", "| Mum | T. Whitfield |",
"Mum's name is T. Whitfield", "Carers: T. Whitfield", "T. Whitfield (Mum)", "T. Whitfield, the child's father,", "T.
Whitfield (birth mother)", "T. Whitfield (mum of Child A)": a person named, as surely as before a verb, where the name
stands alone (perhaps with an age: "Mum – T. Whitfield (19)"; "Dad (S. African national)" names none)."""
_STANDS_ALONE = re.compile(r"[ \t]*(?:\((?:aged?[ \t]+)?\d{1,2}\)[ \t]*)?(?:[)\],;:.|&]|$|and\b)")
_COMPASS_PLACE = re.compile(
    r"[NSEWC]\.?[ \t]{1,2}(?:[A-Z][a-z]+(?:an|ese|ish|ic|shire|land|lands|ia|ica|sex|side|folk|wall|wales|ern)|Korea|Wales"
    r"|Midlands|Riding|Devon|Kent|Sudan|Timor|Cyprus|Europe|Asia|Ireland|London|Yorkshire|Tyneside|Ayrshire|Lothian)\b"
)
"""A compass point's letter and a people's or a place's name: "S. African", "E. European", "N. Ireland", "S. Korea", "W.
Midlands", "N. Yorkshire", "E. Riding": where someone is from, not who they are."""


def initial_names(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, name, "error") for each initial and surname in `text`, either way round."""
    for match in _INITIAL_NAME.finditer(text):
        letter, stop, word, possessive = match.groups()
        if letter in "AI" and not stop:
            continue  # "A Smith family", "I Smith"
        before = text[max(0, match.start() - _LOOK_BACK) : match.start()]
        if _LABEL.search(before) or (_GIVEN_BEFORE.search(before) and _given(before.split()[-1])):
            continue  # "Appendix A. Children", "Jane T. Smith" (the given name's rule)
        verb = _VERB_AFTER.match(text, match.end()) is not None and text[match.start(3) - 1] != "."  # "Chart B.Referrals rose"
        if _surname(word, possessive is not None or verb or _related(text, match)):
            yield match.start(), match.group(), "error"
    for initials in _INITIALS_AFTER.finditer(text):
        if not (found := _SURNAME_BEFORE.search(text, max(0, initials.start() - _LOOK_BACK * 2), initials.start())):
            continue
        word = _as_written(found.group(1))
        if _abbreviation(initials.group()) or (initials.group(1) and not _surname(word, False)):
            continue  # two capitals only after a known surname: "Leeds, UK", "Patel, GP", "Washington, D.C."
        verb = _VERB_AFTER.match(text, initials.end()) is not None
        goes_on = _RECORD_GOES_ON.match(text, initials.end())
        alone = _LINE_END.match(text, initials.end()) and _LINE_START.search(text, max(0, found.start() - 12), found.start())
        record = goes_on is not None and (goes_on.group(2) is None or _bracketed_name(goes_on.group(2)))
        if goes_on and goes_on.group(1) in _REFERENCE_WORDS:  # after a surname in capitals, as records write it, a
            record = found.group(1).isupper() and _RECORD_WORD.match(text, goes_on.start(1)) is not None  # word may go on
        if (alone and _register_name(word, initials.group())) or ((_surname(word, verb) or _given(word)) and record):
            yield found.start(), text[found.start() : initials.end()], "error"  # Patel, A.; Brandon, M.


def _related(text: str, match: re.Match[str]) -> bool:
    """Whether a relation names whose the initial and surname are, just before or after them, the name alone."""
    if _COMPASS_PLACE.fullmatch(match.group()):
        return False
    before = text[max(0, match.start() - _LOOK_BACK * 2) : match.start()]
    alone = _STANDS_ALONE.match(text, match.end()) is not None
    return (alone and _RELATION_BEFORE.search(before) is not None) or _RELATION_AFTER.match(text, match.end()) is not None


def register_cells(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, name, "error") for each table's cell holding only a surname and its initials, as a register lists a
    child ("| Patel, A. | Year 4 |"), but under a column headed for authors or references ("| Author | Title |")."""
    header: list[str] | None = None
    if not re.search(r",[ \t]*[A-Z]", text):
        return  # no surname's initials anywhere
    for _, at, cells in table_rows(text):
        header = None if not cells else header or [cell.group() for cell in cells]  # a table's first row heads it
        for index, cell in enumerate(cells or ()):
            value = cell.group().strip()
            if not (found := _CELL.fullmatch(value)) or (index < len(header or ()) and _AUTHORS.match(header[index])):
                continue  # the first row too: a register pasted from Word may have no header
            if _register_name(_as_written(found.group(1)), found.group(2)):
                yield at + cell.start() + cell.group().index(value), value, "error"


def _register_name(word: str, initials: str) -> bool:
    """Whether a surname and initials alone, in a cell or on a line, name a person: dotted initials after any word that
    is no everyday word, place, organisation's or label's ("Whitfield, A."), undotted ones only after a known surname
    and none is an abbreviation ("Patel, AJ"; not "Referral, NFA", "Priority, B", "Boston, MA", "Washington, D.C.")."""
    if word.lower() in _LABEL_WORDS or _abbreviation(initials) or word.lower().endswith(_NOT_NAME_ENDINGS):
        return False  # "Priority, B", "Washington, D.C.", "Leadership, A."
    return _surname(word, "." in initials)


def _as_written(surname: str) -> str:
    """A surname in capitals, as records write it, read as names are written: "PATEL" as "Patel"."""
    return surname.title() if surname.isupper() else surname


def _abbreviation(initials: str) -> bool:
    return re.sub(r"[ \t,.]", "", initials) in _NOT_INITIALS


def _bracketed_name(word: str) -> bool:
    """Whether a capitalised word in brackets after initials is a given name, as a record adds ("(Amir)"), not a role,
    a month or a season ("(Producer)", "(May 2011)", "(Spring 2011)")."""
    return word in given_names() and word.lower() not in everyday() and word.lower() not in TIMES


def before_initials(text: str, end: int) -> bool:
    """Whether the word ending at `end` is a surname written before its initials ("Brandon, M."): judged here, as a
    name or an author's, not as a given name alone (two capitals may be an abbreviation: "Amir, TV was")."""
    initials = _INITIALS_AFTER.match(text, end)
    return initials is not None and initials.group(1) is None


def _given(word: str) -> bool:
    return word in given_names() and word.lower() not in everyday()


def _surname(word: str, in_context: bool) -> bool:
    """A known surname that is no everyday word; or, before a verb or as a possessive, any other word that is no
    organisation's, place's or everyday word, or a known surname that is also an everyday word."""
    lowered = word.lower()
    if lowered in not_surnames() or lowered in places() or len(word) < 3:
        return False
    if lowered.endswith("s") and lowered[:-1] in everyday():
        return False  # "T Levels were introduced"
    if word in surnames():
        return in_context or lowered not in everyday()
    return in_context and lowered not in everyday()


def known_as_person(text: str, start: int, end: int, everyday_word: bool) -> bool:
    """Whether what stands around the words from `start` to `end` makes them a person's name, whatever the words: a
    relation just before, with nothing between ("Mum Kelly Hall", "Stepdad Lee Ward"; not "Sister Mary Day", a title),
    or just after ("Kelly Ward (mother)", "Lee Park, the father,"; not "Martin House (siblings)"), or one age after ",
    aged" ("Kelly Ward, aged 34,"; not "Victoria Park, aged 8–12"). With `everyday_word` (Green, Hall, Day, Lane, seldom a
    place's after a given name) also a relation labelling a line ("Dad: Lee Day") and a verb a person does or undergoes
    after ("Tyler Green was arrested"; not "Victoria Hall was booked"). Places' words before a relation make it a
    place's ("contact with mum – Victoria Park", "Mum – Florence Ward; baby – SCBU")."""
    before = text[max(0, start - _LOOK_BACK) : start]
    return (
        _PERSON_BEFORE.search(before) is not None
        or _PERSON_AFTER.match(text, end) is not None
        or _AGED.match(text, end) is not None
        or (everyday_word and _labelled(text, start, end))
        or (everyday_word and _PERSON_VERB.match(text, end) is not None)
        or (everyday_word and _PLACED.match(text, end) is not None and _OF_BEFORE.search(before) is None)
    )


def _labelled(text: str, start: int, end: int) -> bool:
    """Whether a relation labels the line the words start ("Dad: Lee Day"), and, where the label says whose relation it
    is, no place's word follows them ("Mother of Child A: Carlton Hall mother and baby unit")."""
    label = _PERSON_LABEL.search(text, max(0, start - 2 * _LOOK_BACK), start)
    return label is not None and not (_STAND_INS_RELATION.search(label.group()) and _PLACE_AFTER.match(text, end))


_STAND_INS_RELATION = re.compile(r"\b(?:of|to)[ \t]+(?:child|young)|[a-z0-9]['’]s[ \t]|\b(?:birth|maternal|paternal)\b", re.I)
"""A label naming whose relation it is ("Mother of Child A:", "Birth mother:"): a place follows it as often as a name."""


_TITLES_TOO = r"(?!(?:father|mother|sister|brother|son|daughter)[ \t]+$)"
"""Relations that are also titles before a name ("Father Michael Hall", "Sister Mary Day": a priest, a nurse)."""
_PERSON_BEFORE = re.compile(rf"(?<![\w,:;–—-][ \t])(?<!\bwith[ \t])(?<!\bof[ \t])\b{_TITLES_TOO}{_RELATIONS} +[\"'‘“]?$", re.I)
"""A relation and a space just before a name, as prose writes it ("Mum Kelly Hall", "Mum ‘Kelly Hall’"; not a table's
cells pasted with a tab: "Dad<TAB>Victoria Park")."""
_PERSON_LABEL = re.compile(
    rf"(?:^|\n|\|)[ \t>*•-]*(?:(?:the|(?:child|young[ \t]+person)(?:[ \t]+[a-z0-9]{{1,2}})?['’]s|birth|maternal|paternal)[ \t]+)?"
    rf"{_RELATIONS}(?:[ \t]+(?:of|to)[ \t]+(?:child|young[ \t]+person|sibling|baby|twin|infant)[ \t]+[a-z0-9]{{1,2}})?[ \t]*[:,][ \t]*[\"'‘“]?$",
    re.I,
)
"""A relation labelling a line or a cell, as records list a family: "Dad: Lee Day", "| Mum: Kelly Hall |", "Mum, Kelly
Hall, did not attend", "Mother of Child A: Kelly Hall", "Child A's mother: Kelly Hall"."""
_PERSON_AFTER = re.compile(
    rf"[ \t]*[(\[,\-–—][ \t]*{_QUALIFIED}{_RELATIONS}(?:[ \t]+(?:of|to)[ \t]+[^)\],;:.|\n]{{1,30}})?[ \t]*(?:[)\],;:.]|$)", re.I
)
_AGED = re.compile(r"[ \t]*,[ \t]*aged[ \t]+\d{1,2}(?![\d+–-]|[ \t]*(?:to|-|–)[ \t]*\d)")
_PERSON_VERB = re.compile(
    r"[ \t]+(?:(?:was|is|were|had[ \t]+been|has[ \t]+been)[ \t]+(?:(?:[a-z]+ly|not|never|later|then|also)[ \t]+)?"
    r"(?:arrested|cautioned|convicted|charged|excluded|missing|assaulted|abused|injured|stabbed|groomed|exploited|released"
    r"|remanded|sentenced|bailed|removed|adopted)|(?:[a-z]+ly[ \t]+|later[ \t]+|then[ \t]+|also[ \t]+)?"
    r"(?:(?:was|were|is)[ \t]+(?:not|never)[ \t]+seen|disclosed|absconded|self-harmed|overdosed|went[ \t]+missing"
    r"|goes[ \t]+missing|ran[ \t]+away))\b"
)
"""A verb only a person's name comes before: "Tyler Green was arrested", "Tyler Green went missing", "Tyler Green was
not seen" (not "Victoria Hall was booked", "Clifton Green was seen as a hotspot", "Carlton Hall charged a reduced rate",
"Ashley Hall was suspended from the framework")."""
_PLACED = re.compile(
    r"[ \t]+(?:was|is|were|had[ \t]+been|has[ \t]+been)[ \t]+(?:(?:[a-z]+ly|later|then|also|first|again)[ \t]+)?"
    r"(?:accommodated[ \t]+(?:under[ \t]+(?:section|s\.?)[ \t]*20|by[ \t]+(?:the[ \t]+)?(?:local[ \t]+authority|council"
    r"|children['’]s[ \t]+services))|placed[ \t]+(?:in(?:to)?[ \t]+(?:care\b(?![ \t]+and)|(?:(?:a|an|local[ \t]+authority"
    r"|emergency|short[ \t\-]term|long[ \t\-]term|out[ \t\-]of[ \t\-]area)[ \t]+)*(?:(?:foster|kinship|residential|secure)"
    r"[ \t]+(?:care|placement|home|unit|accommodation)|children['’]s[ \t]+home))|with[ \t]+(?:foster[ \t]+carers"
    r"|kinship[ \t]+carers|(?:his|her|their|an?)[ \t]+(?:(?:maternal|paternal)[ \t]+)?(?:aunt|uncle|grand\w+|father"
    r"|mother|dad|mum|relatives?|family|foster[ \t]+carers?))|on[ \t]+(?:a[ \t]+|the[ \t]+)?(?:child[ \t]+protection|CP)"
    r"[ \t]+plan\b(?![ \t]+review)))\b",
    re.I,
)
"""A child's placement after a name that is the subject ("Tyler Green was placed in foster care", "… with his aunt",
"… accommodated under section 20"; not "Residents of Carlton Hall were placed in foster care")."""
_OF_BEFORE = re.compile(r"\b(?i:of|for)[ \t]+$")
_PLACE_AFTER = re.compile(
    r"[ \t]+(?i:mother[ \t]+and[ \t]+baby|mbu|unit|refuge|hostel|surgery|prison|hmp|estate|scheme|office|hospital|ward"
    r"|cent(?:re|er)|house|home|school|academy|clinic|practice|hub|project|service|team|probation|court|library|fostering"
    r"|women['’]s)\b"
)
"""A place's word after the words, which makes them a place's ("Child A's mother: Ashton Green refuge")."""
