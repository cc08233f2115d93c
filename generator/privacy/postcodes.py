"""Postcodes as authors write them: in any case, with a space, a hyphen, a dot or a slash or none between the outward and
inward codes (`NN4 8RE`, `nn4 8re`, `NN4-8RE`), and with a space or two in odd places (`NN 4 8RE`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.anchored import anchored

_S = r"[ \t]"
POSTCODE = re.compile(rf"(?<![\w])(?:GIR{_S}*0AA|[A-Z]{{1,2}}\d[A-Z\d]?(?:{_S}*|[.\-/])(\d[ABD-HJLNP-UW-Z]{{2}}))(?![\w])", re.I)
_POSTCODE_DIGIT = re.compile(r"\d(?:(?<=(?<!\w)[A-Z]\d)|(?<=(?<!\w)[A-Z]{2}\d))", re.I)
"""The first digit of a postcode, after the one or two letters that start it."""
_GIROBANK = re.compile(r"[Gg](?=(?i:ir))")
_SPACED_POSTCODE = re.compile(
    r"(?<!\w)[A-Z](?:[ \t]?[A-Z])?[ \t]?\d(?:[ \t]?[A-Z\d])?[ \t]?\d[ \t]?[ABD-HJLNP-UW-Z][ \t]?[ABD-HJLNP-UW-Z](?!\w)"
)
_SPACED_DIGIT = re.compile(r"\d(?:(?<=[A-Z]\d)|(?<=[A-Z][ \t]\d))")
_POSTCODE_LABEL = re.compile(r"\bpost[ \t]?codes?[ \t]*[:\-–|]?[ \t]*$", re.I)
"""A postcode in capitals with a space or two among its characters, one of them before the inward code's digit or inside
the outward code ("NN 4 8RE", "NN4 8 RE"), read as a reader reads it, whole; after its label, spaced any way ("Postcode:
NN48 RE", "Postcode: N N 4 8 R E"). Letters and digits spaced otherwise are no postcode ("grades A 1 2 AB", "Y11 PE
lessons", "the A14 SB")."""


def postcodes(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each postcode in `text`, as written or spaced oddly (a postcode found both ways twice)."""
    yield from _written_postcodes(text)
    yield from _spaced_postcodes(text)


def _ordinal(number: int) -> str:
    return {1: "st", 2: "nd", 3: "rd"}.get(number, "th")


def _written_postcodes(text: str) -> Iterator[tuple[int, int]]:
    girobank = anchored(POSTCODE, _GIROBANK, text, (0,))
    for match in sorted([*girobank, *anchored(POSTCODE, _POSTCODE_DIGIT, text, (2, 1))], key=lambda m: m.start()):
        inward = match.group(1) or ""
        spaced = match.group()[: -len(inward)][-1:].isspace() if inward else False
        if spaced and inward.islower() and inward[0] != "0" and inward[1:] == _ordinal(int(inward[0])):  # "Q4 3rd", "y10 2nd"
            continue
        yield match.start(), match.end()


def _spaced_postcodes(text: str) -> Iterator[tuple[int, int]]:
    for match in anchored(_SPACED_POSTCODE, _SPACED_DIGIT, text, (4, 3, 2, 1)):
        written = match.group()
        inward = len(written.rstrip("ABDEFGHJLNPQRSTUWXYZ \t")) - 1  # the inward code's digit
        outward_parted = written[inward - 1] in " \t" or any(c in " \t" for c in written[: inward - 1].rstrip(" \t"))
        if (sum(c in " \t" for c in written) <= 2 and outward_parted) or _POSTCODE_LABEL.search(
            text, max(0, match.start() - 20), match.start()
        ):
            yield match.start(), match.end()
