"""What the second person must see before a pull request publishes anything (`briefings review --base REF`).

Three lists, compared with the pull request's base commit: every privacy allowance in use (new ones marked),
every file whose status becomes `published`, and every name newly allowed (in `allowed_names.yml` or a file's
`pseudonyms`). The publish workflow writes them to the pull request's run summary, so the reviewer sees them
without reading every file.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.content.files import content_files, read_text, refused_files
from generator.content.parse import Document, parse_document
from generator.content.yamlread import parse_yaml
from generator.diagnostics import table_cell
from generator.model import Status
from generator.pipeline import check
from generator.privacy.allowednames import ALLOWED_NAMES, read_allowed_names
from generator.privacy.scan import Allowance


class ReviewRefused(Exception):
    """The base commit cannot be read (not fetched, or not a commit)."""


@dataclass(frozen=True)
class Published:
    path: str
    line: int
    before: str
    """The status at the base commit, or what the file was there: `new file`."""


@dataclass(frozen=True)
class NewName:
    path: str
    line: int
    name: str
    why: str
    """The allowed name's reason, or that it is declared as a pseudonym."""


@dataclass
class Review:
    base: str
    allowances: list[tuple[Allowance, bool]] = field(default_factory=list)
    """Every allowance in use, each with whether its line is new since the base."""
    published: list[Published] = field(default_factory=list)
    names: list[NewName] = field(default_factory=list)


def at_base(root: Path, base: str, path: str) -> str | None:
    """The file's text at the base commit, or None where it did not exist."""
    shown = subprocess.run(["git", "-C", str(root), "show", f"{base}:./{path}"], capture_output=True)
    return shown.stdout.decode("utf-8", errors="replace") if shown.returncode == 0 else None


def review(root: Path, content_dir: str, base: str) -> Review:
    """Compare the working tree with `base` (a commit, branch or tag the clone holds)."""
    known = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], capture_output=True
    )
    if known.returncode != 0:
        raise ReviewRefused(f"'{base}' is not a commit in this clone (fetch it first, e.g. git fetch origin {base})")
    result = Review(base)
    for allowance in check(root, content_dir).allowances:
        before = at_base(root, base, allowance.path)
        lines = (root / allowance.path).read_text(encoding="utf-8").splitlines()
        line = lines[allowance.line - 1].strip() if allowance.line <= len(lines) else ""
        result.allowances.append((allowance, before is None or line not in {old.strip() for old in before.splitlines()}))
    docs = _documents(root, content_dir)
    for doc in docs:
        status = doc.fields.get("status")
        if status is None or status.value != Status.PUBLISHED.value:
            continue
        before = _status_at_base(root, base, doc)
        if before != Status.PUBLISHED.value:
            result.published.append(Published(doc.path, status.line, before))
        result.names += _new_pseudonyms(root, base, doc)
    result.names += _new_allowed_names(root, base, f"{content_dir}/{ALLOWED_NAMES}")
    return result


def _documents(root: Path, content_dir: str) -> list[Document]:
    found = []
    for source in content_files(root, content_dir, refused_files(root, content_dir))[0]:
        text, _ = read_text(source.file, source.path, fallback=True)
        doc, _ = parse_document(text or "", source.path, source.kind, source.slug)
        if doc.parsed:
            found.append(doc)
    return found


def _parsed(text: str | None, path: str) -> Document | None:
    doc = parse_document(text, path, "audit", PurePosixPath(path).stem)[0] if text is not None else None
    return doc if doc is not None and doc.parsed else None


def _status_at_base(root: Path, base: str, doc: Document) -> str:
    """Its status at the base; a renamed file's (one of its `previous_slugs` there) counts as its own."""
    folder = PurePosixPath(doc.path).parent
    olds = doc.fields["previous_slugs"].value if "previous_slugs" in doc.fields else []
    for path in [doc.path, *(f"{folder}/{old}.md" for old in olds if isinstance(old, str))]:
        before = _parsed(at_base(root, base, path), path)
        if before is not None:
            status = before.fields.get("status")
            return str(status.value) if status is not None else Status.DRAFT.value
    return "new file"


def _new_pseudonyms(root: Path, base: str, doc: Document) -> list[NewName]:
    declared = doc.fields.get("pseudonyms")
    if declared is None or not isinstance(declared.value, list):
        return []
    before = _parsed(at_base(root, base, doc.path), doc.path)
    old = before.fields.get("pseudonyms") if before is not None else None
    known = set(old.value) if old is not None and isinstance(old.value, list) else set()
    return [
        NewName(doc.path, declared.line, name, "declared as a pseudonym (an invented name)")
        for name in declared.value
        if isinstance(name, str) and name not in known
    ]


def _new_allowed_names(root: Path, base: str, path: str) -> list[NewName]:
    if not (root / path).is_file():
        return []
    head = read_allowed_names(parse_yaml((root / path).read_text(encoding="utf-8"), path, 1, "this file")[0], path)[0]
    text = at_base(root, base, path)
    old = read_allowed_names(parse_yaml(text, path, 1, "this file")[0], path)[0] if text is not None else ()
    known = {entry.name for entry in old}
    return [NewName(path, entry.line, entry.name, entry.reason) for entry in head if entry.name not in known]


def summary(found: Review) -> str:
    """The three lists as Markdown, for the run summary (and the terminal)."""
    new = sum(is_new for _, is_new in found.allowances)
    lines = [f"### Before you approve: what this change publishes (compared with `{found.base}`)", ""]
    lines += [f"**Status changes to `published` ({len(found.published)})**", ""]
    lines += ["| file | line | status before |", "|---|---|---|"] if found.published else ["None."]
    lines += [f"| `{p.path}` | {p.line} | {p.before} |" for p in found.published]
    lines += ["", f"**Privacy allowances in use ({len(found.allowances)}, {new} new)**", ""]
    lines += ["| where | allows | reason | new |", "|---|---|---|---|"] if found.allowances else ["None."]
    lines += [
        f"| `{a.path}:{a.line}` | {table_cell(a.text)} | {table_cell(a.reason)} | {'new' if is_new else ''} |"
        for a, is_new in found.allowances
    ]
    lines += ["", f"**Names newly allowed ({len(found.names)})**", ""]
    lines += ["| where | name | why |", "|---|---|---|"] if found.names else ["None."]
    lines += [f"| `{n.path}:{n.line}` | {table_cell(n.name)} | {table_cell(n.why)} |" for n in found.names]
    return "\n".join(lines) + "\n"
