"""What each character of a line reads as: the characters a reader does not see, those drawn like others, digits of
every script, dashes, direction controls that turn a line's words round, and a web address's pluses.

`reading` takes markup away first; a built page's text comes here as it is (`output.blockscan`).
"""

from __future__ import annotations

import re
import string
import unicodedata

from bidi import get_display
from confusable_homoglyphs.confusables import confusables_data

UPPER, LOWER = "A-ZÀ-ÖØ-Þ\u0100-\u024f", "a-zß-öø-ÿ\u0100-\u024f"
"""Latin letters with their accents, for a pattern's character classes (Latin Extended-A holds both cases: Łukasz,
Wiśniewski, Şahin)."""
INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff",
    )
)
INVISIBLE |= dict.fromkeys(
    [
        *(0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0, 0x2065),
        *range(0x180B, 0x1810),
        *range(0x206A, 0x2070),
        *range(0xFE00, 0xFE10),
        *range(0xFFF0, 0xFFFC),
        *range(0x1BCA0, 0x1BCA4),
        *range(0x1D173, 0x1D17B),
        *range(0xE0000, 0xE1000),
    ]
)
"""Soft hyphen, zero-width spaces and joiners, direction marks and isolates, fillers, variation selectors and tags
(Unicode's default-ignorable characters): nothing on the screen."""
BREAKS = dict.fromkeys(map(ord, "\x0b\x0c\x85\u2028\u2029"), " ")
"""Word's manual line break (a vertical tab when pasted), a form feed, the next-line mark and line or paragraph
separators: the reader sees the words either side apart, as across a wrapped line."""
BLANKS = BREAKS | dict.fromkeys(map(ord, "\u2800\u1680"), " ") | dict.fromkeys(map(ord, "\u2044\u2215\u29f8"), "/")
"""A Braille blank and the breaks above shown as a space; fraction and division slashes shown as `/`."""
MARKS = dict.fromkeys(cp for cp in range(0x300, 0xE0200) if unicodedata.category(chr(cp)) in ("Mn", "Me"))
"""Combining marks left once a line is composed (NFKC), on whatever they stand: on a digit or a Latin letter that no
precomposed letter holds (`0̲7̲7̲`), the reader reads the digit; on a space or a full stop (`07700 ̲900123`), the space
or the stop. The checks read letters and digits, never the marks of other scripts' words."""
DASHES = dict.fromkeys((cp for cp in range(0x80, 0x20000) if unicodedata.category(chr(cp)) == "Pd"), "-")
"""Every dash of every script (Unicode's dash punctuation: `‑`, `–`, `⹀`, `゠`), read as a hyphen."""


def _drawn_like(*marks: str) -> dict[int, str]:
    """Every single character Unicode's confusables list draws like one of `marks` (`˗` and `⁃` like a hyphen, `・`
    like a middle dot), read as it."""
    return {
        ord(glyph["c"]): mark
        for mark in marks
        for glyph in confusables_data.get(mark, [])
        if len(glyph["c"]) == 1 and not glyph["c"].isascii()
    }


SEPARATORS = DASHES | _drawn_like("-", ".", "\u00b7") | dict.fromkeys(map(ord, "\u30fc\u2500\u2501\u2053\u23af"), "-")
SEPARATORS |= dict.fromkeys(map(ord, "\u3002\u2e33"), ".")
"""Dashes, and the marks drawn like a hyphen, a full stop or a middle dot, or as a line (`ー`, `─`, `⁓`, `⎯`): what a
number's parts are parted by; an ideographic full stop (`。`), which a browser reads as a dot in a web address."""


def _confusables() -> dict[int, str]:
    """Every letter that Unicode's confusables list draws like a Latin letter or a digit (Cherokee `Ꮪ` as S): where
    one is listed for two, the letter, then the first listed."""
    table: dict[int, str] = {}
    for letter in string.ascii_letters + string.digits:
        for glyph in confusables_data.get(letter, []):
            if len(glyph["c"]) == 1 and not glyph["c"].isascii():
                table.setdefault(ord(glyph["c"]), letter)
    return table


LOOKALIKES = _confusables() | dict(zip(map(ord, "ІΙκτ"), "IIkt", strict=True))
"""Letters of other scripts drawn like Latin ones (`Тyler` reads as Tyler); Cyrillic and Greek capital I read as I,
not l, and Greek kappa and tau, which the list leaves out, as k and t."""
DIGITS = {
    cp: str(int(unicodedata.numeric(chr(cp))))
    for cp in range(0x80, 0x20000)
    if unicodedata.category(chr(cp)) in ("Nd", "No") and unicodedata.numeric(chr(cp), -1) in range(100)
}
"""Digits of every script (Arabic-Indic ٠٧٧٠٠, Devanagari, …) and every digit or number drawn in a circle or a box
(❾, ➒, 🄋, ⓫) as the number they show; full-width ones are folded by NFKC first."""
UNSHOWN = {0xFFFD: " "}
"""The mark a browser shows for a byte that is not UTF-8: it parts what stands either side, as a space does."""
FOLD = MARKS | INVISIBLE | BLANKS | SEPARATORS | LOOKALIKES | DIGITS | UNSHOWN
REORDERS = re.compile(
    "[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""What can change the order a line's words are shown in: a right-to-left letter (Hebrew, Arabic, …), the right-to-left
mark, and the direction embeddings, overrides and isolates."""
BOTH_ORDERS = " \u00b6 "
"""Between a line as written (as it is copied and read aloud) and as shown: parts a number or a name either side."""


def normalised(text: str) -> str:
    """Text already free of markup (a built page's text) with compatibility forms, invisible characters and
    dashes read as a reader reads them; a line whose words a right-to-left letter or a direction control turns round
    is read in both orders, as written and as shown (Unicode's bidirectional algorithm, in a left-to-right page); a web
    address is read with its pluses as the spaces they stand for, too (a map's `14+Laburnum+Close`)."""
    if "+" in text:
        text = _PLUSES.sub(_with_spaces, text)
    if text.isascii():
        return text.translate(BREAKS) if "\x0b" in text or "\x0c" in text else text
    if "\n" in text:  # most lines of a long text are plain ASCII: only the others pay for what follows
        return "\n".join(normalised(line) for line in text.split("\n"))
    if _SURROGATE.search(text):  # decoded from an escape (`\ud800`) alone: no character, shown as the replacement mark
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if REORDERS.search(text) and (shown := get_display(text, base_dir="L")) != text:
        text = text + BOTH_ORDERS + shown
    return as_shown(text)


def as_shown(text: str) -> str:
    """Each character as a reader sees it: compatibility forms composed (NFKC), invisible characters and combining marks
    left out, and look-alikes, dashes, separators and other scripts' digits read as what they look like (`FOLD`)."""
    return unicodedata.normalize("NFKC", text).translate(FOLD)


def told_apart(text: str) -> str:
    """What a reader tells one name (a title, a label) from another by: its letters and digits as shown (`as_shown`),
    whatever their case, spacing and punctuation."""
    return "".join(character for character in as_shown(text).casefold() if character.isalnum())


_SURROGATE = re.compile("[\ud800-\udfff]")
_PLUSES = re.compile(r"(?<![^\s<>\"'`(])[^\s<>\"'`(]*\+[^\s<>\"'`]*")
"""A run of text with a plus in it, read from its start only (a web address's plus stands for a space, in its query
and in the place a map link names)."""


_DOMAIN_PATH = re.compile(r"[A-Za-z0-9]\.[A-Za-z]{2,}/")
"""A host's name before a path, without a scheme: "maps.google.com/?q=…"."""


def _with_spaces(match: re.Match[str]) -> str:
    found = match.group()
    web = "://" in found or "www." in found.lower() or _DOMAIN_PATH.search(found) is not None
    return found + BOTH_ORDERS + found.replace("+", " ") if web else found
