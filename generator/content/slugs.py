"""What a slug is, and each briefing's addresses: its file name and the old ones it was published under."""

from __future__ import annotations

import re
import unicodedata

from generator.content.parse import Document
from generator.model import Problem

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")
RESERVED_SLUGS = {"by-year", "by-type", "by-theme", "by-agency", "page", "index"}
"""/briefings/by-year/… and the like are the list filters, `page` their later pages (`page/2/`); `index` is the list itself."""

_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"})
"""Letters that Unicode does not decompose into a plain letter and an accent."""


def slugify(text: str) -> str:
    """Lowercase letters, digits and hyphens; accented letters lose their accents (`Über café` is `uber-cafe`)."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LETTERS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "entry"


def check_slugs(docs: list[Document]) -> list[Problem]:
    problems, seen = [], {}
    for doc in docs:
        if not SLUG.match(doc.slug):
            problems.append(
                Problem(
                    doc.path,
                    1,
                    f"file name '{doc.slug}.md' is not a valid slug; rename it using lowercase "
                    f"letters, digits and hyphens, e.g. '{slugify(doc.slug)}.md'",
                )
            )
        elif doc.slug in RESERVED_SLUGS:
            problems.append(
                Problem(doc.path, 1, f"file name '{doc.slug}.md' is reserved for the site's filter pages; rename the file")
            )
        elif doc.slug in seen:
            problems.append(
                Problem(
                    doc.path,
                    1,
                    f"slug '{doc.slug}' is already used by {seen[doc.slug]}; both would publish "
                    f"at /briefings/{doc.slug}/, so rename one file",
                )
            )
        else:
            seen[doc.slug] = doc.path
    return problems


def previous_slugs(doc: Document) -> list[str]:
    """The well-formed slugs of `previous_slugs`: the schema reports the rest."""
    found = doc.fields.get("previous_slugs")
    values = found.value if found is not None and doc.parsed and isinstance(found.value, list) else []
    return [v for v in values if isinstance(v, str) and SLUG.match(v)]


def check_previous_slugs(docs: list[Document]) -> list[Problem]:
    """Each old address leads to one briefing: never a current file's, a filter page's, or another's old one."""
    current = {doc.slug: doc.path for doc in docs}
    claimed: dict[str, str] = {}
    problems = []
    for doc in docs:
        for old in previous_slugs(doc):
            line = doc.fields["previous_slugs"].line
            if old in RESERVED_SLUGS:
                why = f"'{old}' is reserved for the site's filter pages, never a briefing's address"
            elif old == doc.slug:
                why = f"'{old}' is this file's own name, not an earlier one; remove it"
            elif old in current:
                why = f"'{old}' is the address of {current[old]}; an old address cannot be a current one"
            elif old in claimed:
                why = f"'{old}' is also a previous slug of {claimed[old]}; an old address can lead to one briefing only"
            else:
                claimed[old] = doc.path
                continue
            problems.append(Problem(doc.path, line, f"previous_slugs: {why}"))
    return problems
