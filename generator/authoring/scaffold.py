"""`briefings new`: start a correctly shaped draft so authors never begin from a blank page."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2

from generator.content.files import FOLDERS
from generator.content.slugs import RESERVED_SLUGS, SLUG, slugify
from generator.model import Taxonomy

_ENV = jinja2.Environment(loader=jinja2.PackageLoader("generator.authoring", "templates"), keep_trailing_newline=True)
_NOT_YAML_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters YAML refuses in a file, or reads as line breaks (U+0085, U+2028, U+2029): written as escapes."""


def yaml_string(text: str) -> str:
    """`text` as a double-quoted YAML scalar, with its letters as written (`’`, not `\\u2019`)."""
    return _NOT_YAML_PRINTABLE.sub(lambda c: f"\\u{ord(c.group()):04x}", json.dumps(text, ensure_ascii=False))


_ENV.filters["yaml"] = yaml_string


SLUG_LENGTH = 50
"""A default slug is cut to about this many characters, at a word: it is the page's permanent address."""


class ScaffoldError(Exception):
    pass


@dataclass
class Found:
    """Front-matter values found in an imported document; `notes` says, per field, where each came from."""

    date: str = ""
    """YYYY-MM-DD, or empty for the author to fill."""
    audit_type: str = ""
    cases: int | None = None
    children: int | None = None
    agencies: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    pseudonyms: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)


def short_slug(title: str) -> str:
    """The title's words as a slug, cut at a word so that an address stays short enough to read out and type."""
    slug = slugify(title)
    if len(slug) <= SLUG_LENGTH:
        return slug
    cut = slug[: SLUG_LENGTH + 1].rsplit("-", 1)[0]
    return cut or slug[:SLUG_LENGTH]


def target_file(root: Path, content_dir: str, kind: str, slug: str) -> Path:
    """Where a new file with `slug` goes; refused if the slug is not a valid address or is taken in either folder."""
    if not SLUG.match(slug) or slug in RESERVED_SLUGS:
        example = short_slug(slug)
        example = f"{example}-{kind}" if example in RESERVED_SLUGS else example
        raise ScaffoldError(
            f"'{slug}' cannot be an address: use lowercase letters, digits and hyphens, e.g. '{example}'"
            + (" (that name is reserved for the site's list pages)" if slug in RESERVED_SLUGS else "")
            + "; give the address with --slug"
        )
    for other in FOLDERS:
        clash = root / content_dir / other / f"{slug}.md"
        if clash.exists():
            raise ScaffoldError(f"{clash.relative_to(root).as_posix()} already exists; choose a different title or --slug")
    return root / content_dir / {v: k for k, v in FOLDERS.items()}[kind] / f"{slug}.md"


def draft_text(kind: str, title: str, taxonomy: Taxonomy, found: Found) -> str:
    """The draft `briefings new` writes; an imported document (`word.importer`) fills more of `found`, each value
    with a note on where it came from, so that both commands show the author the same placeholders."""
    return _ENV.get_template(f"{kind}.md.j2").render(
        title=title.strip(),
        audit_type=found.audit_type or next(iter(taxonomy.audit_types)),
        audit_types=list(taxonomy.audit_types),
        all_agencies=list(taxonomy.agencies),
        all_themes=list(taxonomy.themes),
        found=found,
    )


def write_new(target: Path, text: str) -> None:
    """Write `text` to `target`, which must not exist: two commands racing for one slug never overwrite."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:
        handle.write(text)


def new_file(
    root: Path, content_dir: str, kind: str, title: str, taxonomy: Taxonomy, today: date, slug: str | None = None
) -> Path:
    """Write a draft for `title` at `slug` (by default a short slug of the title); never overwrite or reuse a slug."""
    target = target_file(root, content_dir, kind, slug or short_slug(title))
    write_new(target, draft_text(kind, title, taxonomy, Found(date=today.isoformat())))
    return target
