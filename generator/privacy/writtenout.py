"""Contact details written so that a filter misses them: an e-mail address in words or brackets, a handle named after
its platform rather than written with its @.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy.dates import SPACE as _S
from generator.privacy.references import word_starts

_DOT = rf"(?:{_S}*\.{_S}*|{_S}*[\[({{<]{_S}*dot{_S}*[\])}}>]{_S}*|{_S}*-dot-{_S}*|{_S}+dot{_S}+)"
_AT_WRITTEN = re.compile(
    r"(?=[\[({<\-aA@])(?:[\[({<][ \t]*(?:at|@)[ \t]*[\])}>]|-at-|(?<=[ \t])at(?=[ \t])|(?<=[ \t])@|@(?=[ \t]))", re.I
)
"""An "at" as written between a name and a domain, without the spaces around it (never a pattern that starts with a
run of spaces, which would be tried again at every space of a long run): in words or brackets, or an @ spaced apart
from either side, whose domain may be spaced too ("tylermum2011 @ gmail . com")."""
_LOCAL = re.compile(rf"(?<![\w.+-])[\w+-]+(?:{_DOT}[\w+-]+)*[ \t]*\Z", re.I)
_DOMAIN = re.compile(rf"[ \t]*[\w-]+(?:{_DOT}[\w-]+)*{_DOT}(?P<top>[a-z]{{2,6}})\b", re.I)
"""An e-mail address written to dodge a filter, read from its "at" out: the name before it, the domain after it
("jane.doe [at] example.org", "jane dot doe at example dot org", "tyler.s2011 at gmail.com")."""
_MAIL_HOSTS = frozenset("gmail googlemail hotmail outlook yahoo icloud live aol btinternet sky protonmail msn me mail".split())  # noqa: SIM905
_TOP_LEVELS = frozenset("com org net uk gov nhs io me info ac co sch".split())  # noqa: SIM905
_PLATFORM_WORDS = (
    *("snapchat", "snap", "instagram", "insta", "tiktok", "twitter", "facebook", "fb", "kik", "discord", "telegram"),
    *("whatsapp", "youtube", "twitch", "threads", "roblox", "xbox", "psn", "playstation", "fortnite", "minecraft"),
)
"""Platforms a handle is named after, social media and games (grooming in exploitation audits often starts in one)."""
PLATFORM_HANDLE = re.compile(
    rf"\b(?:{'|'.join(_PLATFORM_WORDS)}|(?-i:IG|X))\b"
    rf"(?:['’]s)?(?:{_S}{{1,3}}(?:handle|username|user{_S}?name|user|account|name|id|profile|gamertag|tag)(?=[ \t:=\-]))?"
    rf"(?:{_S}{{1,3}}(?:was|is|called|named|as|by)|{_S}{{0,3}}[:=\-]|(?<=[a-z]){_S}{{1,3}}(?=@|[\w.]*[\d_#])|{_S}{{0,3}}\()"
    rf"{_S}{{0,3}}[\"“‘'(]?@?(?P<handle>[A-Za-z0-9_.]{{3,30}}(?:#\d{{4}})?)",
    re.I,
)
"""A handle named after its platform: "Snapchat was tyler_s2011", "Instagram: tyler.s", "Xbox gamertag TylerW2011",
"on Roblox by TylerW2011", "Discord tyler#1234" (not "Snapchat was used")."""
_PLATFORMS = frozenset([*_PLATFORM_WORDS, "ig", "x"])
_NOT_A_HANDLE = re.compile(r"[\w.]+\.(?:com|me|org|net|co|uk|io|tv|gg)|v\d[\d.]*|(?:Y|KS|Q|S|T|P|R|N)\d{1,2}s?", re.I)
"""An address, a version, or a school year, key stage, quarter or term ("on Snapchat by Y10", "Roblox by KS2")."""


def obscured_emails(text: str) -> Iterator[tuple[int, int]]:
    """Addresses written with "at" and "dot" in words or brackets, or a plain "at" before a mail host or with a digit,
    dot or underscore in the name ("tyler.s2011 at gmail.com"), not "met at nspcc.org.uk"."""
    for at in _AT_WRITTEN.finditer(text):
        domain = _DOMAIN.match(text, at.end())
        local = _LOCAL.search(text, max(0, at.start() - 80), at.start()) if domain else None
        if not (domain and local) or domain.group("top").lower() not in _TOP_LEVELS:
            continue
        plain_at = at.group().lower() == "at"
        host, name = domain.group().lower().split(".")[0].split()[0], local.group().lower()
        if plain_at and not (host in _MAIL_HOSTS or re.search(r"[\d._]", name) or re.search(r"\bdot\b", name)):
            continue
        yield local.start(), domain.end()


def platform_handles(text: str) -> Iterator[tuple[int, int]]:
    """Handles after their platform's name that read as one: a letter first, then a digit, an underscore or a dot
    inside; not a count ("2.4k followers", "1st"), an address ("t.me") or a version ("v2.0")."""
    for start in word_starts(_PLATFORMS, text):
        if not (match := PLATFORM_HANDLE.match(text, start)):
            continue
        handle = match.group("handle").strip(".")
        if _NOT_A_HANDLE.fullmatch(handle):
            continue
        if (handle[:1].isalpha() or handle[:1] == "_") and any(c.isdigit() or c in "_." for c in handle):
            yield match.start(), match.start("handle") + len(match.group("handle").rstrip("."))
