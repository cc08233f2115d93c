"""Welsh words that English reads as given names: "Mae" (is), "Beth" (what), "Pam" (why), "Tad" (father).

A bilingual page writes "Mae angen i ymarferwyr wrando" or "Beth yw diogelu?": the names' rules would take the word
after for a verb ("Tyler would") and refuse the page. Where the word after the name is Welsh and its paragraph holds
another Welsh word, the name is read as the Welsh word it is. An English sentence naming Beth in a Welsh paragraph
("Beth lived in Pen-y-bont ar Ogwr") is still a name: "lived" is no Welsh word.
"""

from __future__ import annotations

import re

NAMES = frozenset(["Mae", "Beth", "Pam", "Tad"])
"""Given names that are everyday Welsh words, "is", "what", "why" and "father": a verb or a noun after them is Welsh."""
_WELSH_WORDS = frozenset(
    "yn y yr mae wedi gyda sy'n hi'n ei eu ein ac hefyd ond bod nid gan ar i'r o'r a'r a'u i'w gyda'i oedd rhaid angen "  # noqa: SIM905
    "hyn hwn hon ni chi yw ydy oes yng ym sut pwy ble dyma plentyn plant teulu gofal cymorth diogelu ymarferwyr asesiad "
    "cynllun bwysig gwella pob pobl nad am fydd bydd allwn gallwn nesaf ifanc gilydd neb pan os fel sy mewn rhwng dros heb "
    "wrth trwy drwy cyn ers roedd sef yma yna heddlu llywodraeth cymru cyngor bwrdd iechyd ysgol gwasanaethau "
    "cymdeithasol teuluoedd rhieni ymarferydd asiantaethau partneriaid diogel dysgu gwersi adolygiad achos achosion "
    "canllawiau cyhoeddi adroddiad gwneud dweud fod beth pam tad mam ganddo ganddi ganddyn ganddynt enw enwau dau ddau "
    "dwy tri brawd frawd chwaer".split()
)
_WELSH_SHAPE = re.compile(
    r"(?:dd|ll|ff|rh|wn|gw[aeiouwy]|ngh|mh|nh)[a-zâêîôûŵŷ'’]+|[a-z'’]*[âêîôûŵŷ][a-zâêîôûŵŷ'’]*"
    r"|[a-z]+['’](?:n|r|w|i)|[a-z]{3,}(?:aeth|iant|wyr|iaid|ydd)"
)
"""Everyday Welsh words, and words spelt as only Welsh spells them (dd-, ll-, ff-, rh-, wn-, gw-, ŵ, ŷ; contracted,
mae'n, yw'r; ending -aeth, -iant, -wyr, -iaid, -ydd): two of them,
the word after the name one, make a paragraph Welsh."""


def welsh_word(name: str, after: str | None, text: str, start: int) -> bool:
    """Whether `name`, at `start` in `text`, is one of the Welsh words above, with `after` the word after it (None:
    judged by its paragraph alone)."""
    return name in NAMES and (after is None or _welsh(after)) and _paragraph_welsh(text, start)


def _welsh(word: str) -> bool:
    word = word.replace("’", "'")
    return word in _WELSH_WORDS or _WELSH_SHAPE.fullmatch(word) is not None


_NEAR = 200
"""Characters either side of the name read for Welsh words: its sentence and the next, not its whole paragraph again
for each name in it."""


def _paragraph_welsh(text: str, start: int) -> bool:
    first = max(text.rfind("\n", max(0, start - _NEAR), start) + 1, start - _NEAR, 0)
    last = text.find("\n", start, start + _NEAR)
    words = re.findall(r"[a-zâêîôûŵŷ'’]+", text[first : start + _NEAR if last < 0 else last].lower())
    return sum(map(_welsh, words)) >= 2
