"""The settings file (`mkdocs.yml`) screened before the engine reads it.

The engine's own YAML loader builds any Python object a tag names (`!!python/object/apply:os.system` runs a command)
and expands aliases without limit; a setting taken from another file (`INHERIT`) or from the environment (`!ENV`) would
reach every page unchecked; a number or a date YAML cannot read stops the engine with a traceback. Each is refused
here at its line, before the engine reads the file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from importlib.metadata import entry_points
from importlib.util import find_spec
from pathlib import Path, PurePath
from urllib.parse import urlsplit

import yaml
from pathspec.gitignore import GitIgnoreSpec

from generator.config import ACCESSIBILITY_KEYS
from generator.content.files import read_text
from generator.content.navshape import nav_shape_problems
from generator.content.yamlread import pairs, parse_yaml, setting, unreadable_values
from generator.diagnostics import did_you_mean
from generator.model import Problem

ENGINE_TAGS = re.compile(
    r"tag:yaml\.org,2002:(?:python/name:(?:material|pymdownx|markdown)\.[\w.]+|python/object/apply:pymdownx\.slugs\.slugify"
    r"|merge)|!relative"
)
"""Tags the settings may use: a function's name from Material, its Markdown extensions or Python-Markdown, as
Material's documentation writes an extension's option (naming one imports its module, which runs that module's code),
its headings' slugs (`!!python/object/apply:pymdownx.slugs.slugify`), a merge key (`<<:`) and the engine's relative
path; no other tag that builds an object, nor one that reads the environment."""
UNSCREENED_KEYS = {"INHERIT": "settings taken from another file are never checked; write them here"}


def settings_file_problems(root: Path, path: str) -> list[Problem]:
    """What in the settings file the engine must not read (see the module's docstring); none for a missing file,
    which the engine reports."""
    file = root / path
    if not file.is_file():
        return []
    text, problems = read_text(file, path)
    if text is None:
        return problems
    if "\ufeff" in text:  # the engine's YAML parser and the quicker one read a line after it differently
        line = text.count("\n", 0, text.index("\ufeff")) + 1
        return [Problem(path, line, "an invisible byte-order mark (U+FEFF) stands on this line; delete it")]
    document, problems = parse_yaml(text, path, 1, "the settings file", ENGINE_TAGS)
    if document is None:
        return problems
    return _unscreened(document, path) + unreadable_values(document, path, 1) + nav_shape_problems(document, path)


def _unscreened(document: yaml.Node, path: str) -> list[Problem]:
    """Top-level settings that bring in what this screen cannot read (`UNSCREENED_KEYS`)."""
    if not isinstance(document, yaml.MappingNode):
        return []
    return [
        Problem(path, key.start_mark.line + 1, f"{key.value}: {UNSCREENED_KEYS[key.value]}")
        for key, _ in document.value
        if isinstance(key, yaml.ScalarNode) and key.value in UNSCREENED_KEYS
    ]


def nav_problems(root: Path, path: str, pages_dir: str, generated: Collection[str]) -> list[Problem]:
    """Each entry of the navigation (`nav:`) that names no page of the site, at its line: the engine's own warning
    names neither, and a page deleted or renamed leaves its entry behind. `generated`: the pages the build makes."""
    nav = setting(_document(root, path), "nav")
    if nav is None:
        return []
    present, left_out = set(generated) | published_pages(root, path, pages_dir), pages_files(root / pages_dir, hidden=True)
    problems = []
    for node in _targets(nav):
        if (local := _local(node.value)) is None:
            problems.append(Problem(path, node.start_mark.line + 1, _UNREADABLE_ADDRESS.format(target=node.value)))
        elif local and (written := PurePath(node.value).as_posix()) not in present:
            named = did_you_mean(written, sorted(present))
            message = (_LEFT_OUT if written in left_out else _UNKNOWN_PAGE).format(
                target=node.value, folder=pages_dir, named=named
            )
            problems.append(Problem(path, node.start_mark.line + 1, message))
    return problems


_LEFT_OUT = (
    "nav: '{target}' is no page of the site: the engine leaves {folder}/{target} out (a hidden file, one in {folder}/"
    "templates/, or one exclude_docs or draft_docs names), so every page would link to nothing; remove this entry, or "
    "the setting that leaves the page out"
)
_UNKNOWN_PAGE = (
    "nav: '{target}' is no page of the site{named} (there is no {folder}/{target}, and the site makes no such page): "
    "write the page's file name as it is in {folder}/, or a page the site makes as its address ends, with .md "
    "(themes/neglect.md for themes/neglect/, archive/index.md for archive/), or remove this entry"
)


OWN_SETTINGS = ("exit_url", "feedback_url", "report_concern", "accessibility")
"""What the site reads under `extra.briefings`."""


def unknown_settings(root: Path, path: str) -> list[Problem]:
    """Each setting under `extra.briefings` the site does not read, at its line: misspelt (`exit_link:`), the "Exit this
    page" button or the feedback link vanished from every page without a word."""
    extra = setting(_document(root, path), "extra")
    own, problems = setting(extra, "briefings"), []
    for key, _ in pairs(extra):
        if key.value in OWN_SETTINGS:  # one level up: the pages read it under briefings
            problems.append(
                Problem(path, key.start_mark.line + 1, f"extra.{key.value} belongs under extra.briefings; indent it there")
            )
    for key, value in pairs(own):
        if key.value in _FOR and isinstance(value, yaml.ScalarNode) and not value.value.strip():
            message = f"extra.briefings.{key.value} is empty, so the pages would go without it; {_FOR[key.value]}"
            problems.append(Problem(path, key.start_mark.line + 1, message))
    said = ("is no setting the site reads", "so the pages would go without it; the settings are")
    problems += _unknown_keys(own, "extra.briefings", OWN_SETTINGS, said, path)
    said = ("is no part of the statement", "so the statement would go without it; its parts are")
    return problems + _unknown_keys(setting(own, "accessibility"), "extra.briefings.accessibility", _STATEMENT, said, path)


def language_problems(root: Path, path: str, themes: Collection[str]) -> list[Problem]:
    """A `theme.language` the theme has no words for (`en-gb` for `en-GB`): the engine stopped on a template it could
    not find, naming no line. Its words are a template for each language, in the theme's package or its folder."""
    theme = setting(_document(root, path), "theme")
    language, name = setting(theme, "language"), setting(theme, "name")
    if language is None or not isinstance(name, yaml.ScalarNode):
        return []
    points = entry_points(group="mkdocs.themes", name=name.value)  # where the engine looks a theme's name up
    package = [Path(spec.origin).parent for point in points if (spec := find_spec(point.value)) and spec.origin]
    own = [file.stem for folder in package for file in _words(folder)]
    if not own:  # a theme whose words are kept otherwise (MkDocs' own): not judged
        return []
    known = sorted({*own, *(file.stem for theme in themes for file in _words(root / theme))})
    written = language.value if isinstance(language, yaml.ScalarNode) and not language.tag.endswith(":null") else ""
    if written in known:
        return []
    said = f"the theme has no words for '{written}'{did_you_mean(written, known)}" if written else "no language is named"
    message = (
        f"theme.language: {said}: write one of the {len(known)} languages the theme has, named as its file in "
        f"{_LANGUAGES}/ is, capitals and all (such as en or cy)"
    )
    return [Problem(path, language.start_mark.line + 1, message)]


def _words(folder: Path) -> list[Path]:
    """A theme folder's templates of each language's words."""
    return [file for file in (folder / _LANGUAGES).glob("*.html") if file.is_file()]


_LANGUAGES = "partials/languages"
"""Where Material keeps a template of each language's words (`en-GB.html`); a theme without the folder is not judged."""


_STATEMENT = (*ACCESSIBILITY_KEYS, "known_issues")
"""The accessibility statement's parts: a misspelt one (`known_isues:`) left its words out of the statement, which still
said how far the site complies."""


def _unknown_keys(
    mapping: yaml.Node | None, where: str, known: tuple[str, ...], said: tuple[str, str], path: str
) -> list[Problem]:
    """Each key of `mapping` (the settings at `where`) that is none of `known`, at its line, with the nearest one; a merge
    key (`<<:`) brings settings in."""
    return [
        Problem(
            path,
            key.start_mark.line + 1,
            f"{where}.{key.value} {said[0]}{did_you_mean(str(key.value), list(known))}, {said[1]} {', '.join(known)}",
        )
        for key, _ in pairs(mapping)
        if key.value not in known and key.value != "<<"
    ]


_FOR = {
    "exit_url": "give the neutral site the Exit this page button leaves for (https://www.bbc.co.uk/weather), or remove the line",
    "feedback_url": "give the address of the feedback form, or remove the line",
}


def _document(root: Path, path: str) -> yaml.Node | None:
    """The settings file's nodes, once `settings_file_problems` has found none (None if it cannot be read)."""
    text, _ = read_text(root / path, path)
    return parse_yaml(text or "", path, 1, "the settings file", ENGINE_TAGS)[0]


def _targets(node: yaml.Node) -> list[yaml.ScalarNode]:
    """The navigation's page addresses (`- about.md`, `- About: about.md`), in sections at any depth."""
    if isinstance(node, yaml.ScalarNode):
        return [node] if node.tag.endswith(":str") else []
    children = node.value if isinstance(node, yaml.SequenceNode) else [value for _, value in pairs(node)]  # the last
    return [target for child in children for target in _targets(child)]


_UNREADABLE_ADDRESS = (
    "nav: '{target}' is no web address the engine can read (it stops the build); correct it, or remove this entry"
)


def _local(target: str) -> bool | None:
    """Whether the engine looks `target` up among the site's files: an address elsewhere (`https://…`, `/…`) it links to;
    None for an address it cannot read at all."""
    try:
        parts = urlsplit(target)
    except ValueError:  # "https://[www.gov.uk]/…"
        return None
    return bool(target) and not (parts.scheme or parts.netloc or target.startswith("/"))


def published_pages(root: Path, path: str, pages_dir: str) -> set[str]:
    """The pages folder's files the engine publishes: not a hidden one nor its `templates/`, unless the settings'
    `exclude_docs` brings it back, nor what `exclude_docs` or `draft_docs` leaves out, each read as the engine reads it
    (lines of a `.gitignore`, on their own: a `!` in one does not undo the other)."""
    document, specs = _document(root, path), []
    for name, first in (("exclude_docs", [".*", "/templates/"]), ("draft_docs", [])):
        node = setting(document, name)
        specs.append(GitIgnoreSpec.from_lines(first + (node.value.splitlines() if isinstance(node, yaml.ScalarNode) else [])))
    published = {name for name in pages_files(root / pages_dir, hidden=True) if not any(spec.match_file(name) for spec in specs)}
    return {name for name in published if not _beside_index(name, published)}


def _beside_index(name: str, published: set[str]) -> bool:
    """A README.md beside an index.md: the engine publishes the index alone (both would be the folder's page)."""
    folder, _, file = name.rpartition("/")
    return file == "README.md" and (f"{folder}/index.md" if folder else "index.md") in published


def pages_files(folder: Path, hidden: bool = False) -> set[str]:
    """The files the engine reads from the pages folder, as the navigation names them (hidden ones only if `hidden`)."""
    found = set()
    for directory, dirs, files in os.walk(folder, followlinks=True):
        dirs[:] = [name for name in dirs if hidden or not name.startswith(".")]
        here = Path(directory).relative_to(folder)
        found.update((here / name).as_posix() for name in files if hidden or not name.startswith("."))
    return found
