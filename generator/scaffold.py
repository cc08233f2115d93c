"""`briefings new`: start a correctly shaped draft so authors never begin from a blank page."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jinja2

from .load import FOLDERS
from .model import Taxonomy
from .validate import slugify

_ENV = jinja2.Environment(loader=jinja2.PackageLoader("generator", "templates/new"), keep_trailing_newline=True)
_ENV.filters["yaml"] = json.dumps  # a JSON string is a valid double-quoted YAML scalar


class ScaffoldError(Exception):
    pass


def new_file(root: Path, content_dir: str, kind: str, title: str, taxonomy: Taxonomy, today: date) -> Path:
    """Write a draft for `title`; refuse to overwrite, or to reuse a slug from either folder."""
    slug = slugify(title)
    folder = {v: k for k, v in FOLDERS.items()}[kind]
    target = root / content_dir / folder / f"{slug}.md"
    for other in FOLDERS:
        clash = root / content_dir / other / f"{slug}.md"
        if clash.exists():
            raise ScaffoldError(f"{clash.relative_to(root).as_posix()} already exists; choose a different title")
    text = _ENV.get_template(f"{kind}.md.j2").render(
        title=title.strip(),
        today=today.isoformat(),
        first_type=next(iter(taxonomy.audit_types)),
        audit_types=list(taxonomy.audit_types),
        agencies=list(taxonomy.agencies),
        themes=list(taxonomy.themes),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return target
