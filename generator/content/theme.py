"""The theme's own folder (`overrides/`), whose files the engine publishes as they are: refused before a build where
the built site's checks could not follow them.

The theme is no content, yet what it holds reaches every page: a link in it to a file elsewhere on the machine would
publish that file (`/proc/self/environ`: the build's secrets), and a folder named like the search index's would be
passed over by the checks as the index is. Its templates' words are read for names as the settings file's are: the
built site's scan finds every other detail, but reads no names.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.content.code import read_code
from generator.content.files import BRIEFINGS_FOLDER, briefings_folder, read_text, refused_files
from generator.model import Problem
from generator.privacy.allowednames import AllowedNames
from generator.privacy.scan import Report, scan_file
from generator.sitemodel import BUNDLE_DIR

_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
"""A template's expressions and statements: code, whose strings are the theme's own labels ("Edit this page"), not
what it writes of anyone (a name a template builds from its pieces is beyond any reading of its text)."""
WORDS = (".html", ".htm", ".txt", ".md", ".svg", ".xml")
"""The theme's files whose words readers see as they are written: templates, texts, drawings."""
SCRIPTS = (".js", ".mjs", ".map", ".css")
"""The theme's scripts, source maps and stylesheets: their comments and strings are read for identifying details
(`code.read_code`), not names: code's licences name its authors."""

_INDEX_FOLDER = (
    "would be published inside the search index's folder, which the built site's checks cannot tell from the index; "
    "move what is in it to another folder of the theme"
)


_OUTSIDE = "theme.custom_dir must be a folder in the repository, such as overrides, so the checks read it"


def theme_problems(root: Path, themes: list[str], setting: tuple[str, int] = ("mkdocs.yml", 1)) -> list[Problem]:
    """What in each theme folder (relative to the project's `root`) cannot be published: the folder itself outside
    the repository (reported at its `setting`: the settings file and line), links out of it, anything that is not a
    plain file or folder, and folders the site's own would be published in: the search index's and the briefings'."""
    problems = []
    for theme in themes:
        folder = root / theme
        if theme.startswith("../"):
            problems.append(Problem(*setting, f"{_OUTSIDE} (it is {theme})"))
            continue
        if not folder.is_dir():
            continue
        if not folder.resolve().is_relative_to(root.resolve()):
            message = f"is a link to {folder.resolve()}, outside the repository; keep the theme in the repository"
            problems.append(Problem(theme, 1, message))
            continue
        problems += refused_files(root, theme, within=theme).values()
        problems += [
            Problem(inside.relative_to(root).as_posix(), 1, said)
            for inside in sorted(folder.iterdir())
            if inside.is_dir() and (said := _own_folder(inside.name))
        ]
    return problems


def _own_folder(name: str) -> str:
    """Why a theme folder of this name would be published where the site's own files are ("" if it would not)."""
    if briefings_folder(name):
        return BRIEFINGS_FOLDER
    return _INDEX_FOLDER if BUNDLE_DIR.fullmatch(name.lower() + "/") else ""


def theme_scan(root: Path, themes: list[str], allowed_names: AllowedNames) -> Report:
    """The names in each theme folder's templates and texts (`WORDS`), and the identifying details in its scripts and
    stylesheets (`SCRIPTS`), as a page's are judged (allowances and allowed names included); a theme refused by
    `theme_problems` is not read."""
    report = Report([], [], [])
    for theme in themes:
        folder = root / theme
        if not folder.is_dir() or theme_problems(root, [theme]):
            continue
        for file in sorted(folder.rglob("*")):
            path = file.relative_to(root).as_posix()
            suffix = file.suffix.lower()
            if suffix in SCRIPTS and file.is_file():
                text, problems = read_code(file, path)
                report.errors += problems
                report.add(scan_file(text or "", path, allowed_names, file_name=False, names_read=False))
                continue
            text = read_text(file, path)[0] if suffix in WORDS and file.is_file() else None
            if text is not None:
                words = _CODE.sub(lambda code: re.sub(r"[^\n]", " ", code.group()), text)
                report.add(scan_file(words, path, allowed_names, detectors=False, file_name=False))
    return report
