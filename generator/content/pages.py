"""Hand-written pages and the files beside them (`content/pages/`): every one read and privacy-scanned, or refused.

The engine publishes whatever is in this folder, so nothing in it may go out unread: text of any kind is
scanned like an audit, an image only once its metadata (camera, GPS position, author) is gone, and any
other file is refused, since no one can check what it holds.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from generator.content.body import control_lines
from generator.content.code import code_read
from generator.content.files import BRIEFINGS_FOLDER, FOLDERS, KEEP_FILES, briefings_folder, editor_lock, read_text
from generator.content.pagemeta import PAGES, front_matter_problems, written_as_content
from generator.content.pictures import image_problems
from generator.content.yamlread import scalars
from generator.model import Problem
from generator.privacy.allowednames import AllowedNames
from generator.privacy.reading import strings
from generator.privacy.scan import Report, address_report, scan_file
from generator.sitemodel import BUNDLE_DIR

TEXT = frozenset({".md", ".markdown", ".txt", ".csv", ".svg", ".html", ".htm", ".json", ".yml", ".yaml", ".xml", ".css", ".js"})
SHOWN = frozenset({*PAGES, ".html", ".htm", ".txt"})
"""The text files a reader's browser shows as they are written (or as the engine renders them)."""
IMAGES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})
_INDEX_FOLDER = "is the search index's folder, which every build replaces; move what is in it to another folder"
_CAPITAL_SUFFIX = "is published as a download of its text, not as a page: the engine reads only a name ending in small letters; rename it {name}"
_BACKSLASH = "has a backslash in its name, which a Windows host reads as a folder's separator, publishing it elsewhere; rename it"


def scan_pages(root: Path, folder: str, allowed_names: AllowedNames, refused: dict[Path, Problem]) -> Report:
    """Every file under `folder` (the engine's pages), judged as above; `refused` files are reported elsewhere."""
    report = Report([], [], [])
    base = root / folder
    visited: set[Path] = set()
    items = [(base.parent / kind).resolve() for kind in FOLDERS]
    for directory, dirs, files in os.walk(base, followlinks=True):  # the engine follows links: so do we
        here = Path(directory)
        if BUNDLE_DIR.fullmatch(here.relative_to(base).as_posix().lower() + "/"):  # linked to or not; in any case
            report.errors.append(Problem(here.relative_to(root).as_posix(), 1, _INDEX_FOLDER))
            dirs.clear()
            continue
        if here.parent == base and briefings_folder(here.name):
            report.errors.append(Problem(here.relative_to(root).as_posix(), 1, BRIEFINGS_FOLDER))
            dirs.clear()
            continue
        if here.resolve() in visited:  # a link back up the tree
            dirs.clear()
            continue
        visited.add(here.resolve())
        if _among_items(here, items):
            report.errors.append(Problem(here.relative_to(root).as_posix(), 1, _THROUGH_LINKS))
            dirs.clear()
            continue
        dirs[:] = sorted(d for d in dirs if here / d not in refused)
        if here != base:  # a folder's name is part of its pages' addresses
            report.add(address_report(here.relative_to(root).as_posix(), allowed_names))
        for name in sorted(files):
            file = here / name
            path = file.relative_to(root).as_posix()
            if file in refused or editor_lock(file) or name in KEEP_FILES:  # the engine publishes no hidden file
                continue
            if _among_items(file, items):
                report.errors.append(Problem(path, 1, _THROUGH_LINKS))
                continue
            if "\\" in name:
                report.errors.append(Problem(path, 1, _BACKSLASH))
                continue
            if file.suffix.lower() in PAGES and not file.suffix.islower():
                report.errors.append(Problem(path, 1, _CAPITAL_SUFFIX.format(name=file.stem + file.suffix.lower())))
                continue
            if here == base and file.suffix in PAGES and BUNDLE_DIR.fullmatch(file.stem.lower() + "/"):
                report.errors.append(Problem(path, 1, "would be published as the search index's folder; rename it"))
                continue
            suffix = file.suffix.lower()
            if suffix in TEXT:
                text, problems = read_text(file, path)
                found = (
                    scan_file(code_read(text, suffix), path, allowed_names, wraps=suffix != ".csv")
                    if text is not None
                    else Report(problems, [], [])
                )
                if text is not None and suffix not in PAGES:
                    found.errors += written_as_content(text, path)  # a page's own front matter is read below
                if text is not None and "<!ENTITY" in text:
                    found.errors += [Problem(path, line, DECLARED) for line in declared_entities(text.encode())]
                if text is not None and suffix == ".json":
                    found.errors += _json_strings(text, path, allowed_names, {p.message for p in found.errors})
                elif text is not None and suffix in (".yml", ".yaml", ".md", ".markdown"):
                    first, yaml_text = (1, text)
                    if suffix in PAGES:  # the engine would show front matter it cannot read as text
                        first, yaml_text = _meta(text)
                        found.errors += front_matter_problems(text, path)
                    decoded = [(first + line - 1, value) for line, value in decoded_values(yaml_text)]
                    found.errors += _read_otherwise(path, allowed_names, found.errors, decoded)
                elif text is not None and suffix == ".csv":
                    found.errors += _read_otherwise(path, allowed_names, found.errors, [(1, _cells(text))])
                if text is not None and suffix in SHOWN:  # comments too: a page's reach its HTML; YAML's said once
                    said = {p.line for p in found.errors if "invisible" in p.message}
                    found.errors += [p for p in control_lines(path, text, notes=False) if p.line not in said]
                report.add(found)
            elif suffix in IMAGES:
                report.errors += image_problems(file, path)
                report.add(address_report(path, allowed_names))
            else:
                report.errors.append(
                    Problem(path, 1, "cannot be checked for identifying details; publish its text as a Markdown page instead")
                )
    return report


_META = re.compile(r"-{3,}[ \t]*\n(.*?\n)(?:\.{3}|-{3,})[ \t]*\n", re.S)
"""A page's front matter as the engine reads it (`mkdocs.utils.meta`: closed by `---` or `...`), or as the content's
own reader does (more dashes): read as YAML either way, since either may show it."""


def _meta(text: str) -> tuple[int, str]:
    """A page's front matter and the line it starts on (none: empty, at line 1)."""
    found = _META.match(text)
    return (2, found.group(1)) if found else (1, "")


PagesState = dict[str, tuple[int, int, int]]


def pages_state(root: Path, folder: str) -> PagesState:
    """Each file under the pages' `folder` as it stands (size, time written, inode): the engine reads the pages again
    after the check has, so a build compares the two (`changed_pages`) before it publishes anything."""
    found: PagesState = {}
    visited: set[Path] = set()
    for directory, dirs, files in os.walk(root / folder, followlinks=True):
        if Path(directory).resolve() in visited:  # a link back up the tree
            dirs.clear()
            continue
        visited.add(Path(directory).resolve())
        for name in files:
            file = Path(directory) / name
            with contextlib.suppress(OSError):
                info = file.stat()
                found[file.relative_to(root).as_posix()] = (info.st_size, info.st_mtime_ns, info.st_ino)
    return found


def changed_pages(root: Path, folder: str, checked: PagesState) -> list[Problem]:
    """The pages saved, added or removed since the check read them, `checked`: what the engine published of them
    was never checked."""
    now = pages_state(root, folder)
    return [
        Problem(
            path, 1, "was saved while the site was built, after the checks read it; build again (a preview rebuilds by itself)"
        )
        for path in sorted(checked.keys() | now.keys())
        if checked.get(path) != now.get(path)
    ]


_THROUGH_LINKS = (
    "leads, through links, among the audits or briefings: published here, they would ignore their status (restricted, "
    "draft); remove the link"
)


def _among_items(item: Path, items: list[Path]) -> bool:
    """Whether a page's file or folder is, once every link on its way is followed, one of the audits or briefings."""
    resolved = item.resolve()
    return any(resolved.is_relative_to(folder) for folder in items)


def scan_shown_file(
    root: Path, path: str, allowed_names: AllowedNames, refused: dict[Path, Problem], detectors: bool = True
) -> Report:
    """A file whose text the site shows though it is no page (`taxonomy.yml`: labels, descriptions, a theme's
    questions, the glossary), scanned as a page is, names included, each line alone. A file that cannot be read is
    reported by whatever reads it.

    The settings file (the site's name, footer, navigation) is read for names alone (`detectors=False`): the built
    site's scan finds its other details, traced back to their lines, and knows the one phone number it may show."""
    file = root / path
    text = read_text(file, path)[0] if file.is_file() and file not in refused else None
    if text is None:
        return Report([], [], [])
    report = scan_file(text, path, allowed_names, wraps=False, detectors=detectors)
    report.errors += _read_otherwise(path, allowed_names, report.errors, decoded_values(text), detectors)
    return report


def _read_otherwise(
    path: str, allowed_names: AllowedNames, written: list[Problem], texts: Iterable[tuple[int, str]], detectors: bool = True
) -> list[Problem]:
    """What a file's `texts` (as its reader gets them: YAML values decoded, a spreadsheet's cells), each from its first
    line, show that the file as `written` did not."""
    known = {(p.line, p.message) for p in written}
    found = []
    for first, text in texts:
        for problem in scan_file(text, path, allowed_names, wraps=False, detectors=detectors, file_name=False).errors:
            line = first + problem.line - 1
            if (line, problem.message) not in known:
                known.add((line, problem.message))
                found.append(Problem(path, line, problem.message))
    return found


def _cells(text: str) -> str:
    """A CSV file as a spreadsheet shows it, one row a line: its cells apart, as a Markdown table's, so that a column
    headed "First name" is read as a table's."""
    return "\n".join(" | ".join(next(csv.reader([line]), [])) for line in text.split("\n"))


def decoded_values(text: str) -> Iterator[tuple[int, str]]:
    """Each YAML value that reads otherwise than it is written on its own line (lines folded into one, escapes such
    as `\\x53`), with that line: what the site shows of it. Aliases are read once, never expanded; a file that is not
    YAML is reported by whatever reads it."""
    try:
        document = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return
    lines = text.split("\n")
    for node in scalars(document) if document is not None else ():
        if node.value not in lines[node.start_mark.line]:
            yield node.start_mark.line + 1, node.value


def _json_strings(text: str, path: str, allowed_names: AllowedNames, written: set[str]) -> list[Problem]:
    """A JSON file's strings as they decode (`\\u0030` is 0): what they show that the file as `written` did not."""
    try:
        decoded = "\n\n".join(strings(json.loads(text)))
    except ValueError:
        return [Problem(path, 1, "is not valid JSON; fix it or remove it")]
    return [Problem(path, 1, p.message) for p in scan_file(decoded, path, allowed_names).errors if p.message not in written]


DECLARED = "an entity declared in the file, <!ENTITY …>, shown wherever its name stands; write its text out instead"


def declared_entities(data: bytes) -> list[int]:
    """The lines of a file that declare an XML entity (`<!ENTITY a "07700 9">` in a drawing): a browser shows its text
    wherever `&a;` stands, where the checks read only `&a;`."""
    at, lines, line, counted = data.find(b"<!ENTITY"), [], 1, 0
    while at >= 0:
        line, counted = line + data.count(b"\n", counted, at), at  # from the last one: a file of them is read once
        lines.append(line)
        at = data.find(b"<!ENTITY", at + 1)
    return lines
