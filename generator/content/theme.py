"""The theme's own folder (`overrides/`), whose files the engine publishes as they are: refused before a build where
the built site's checks could not follow them.

The theme is no content, yet what it holds reaches every page: a link in it to a file elsewhere on the machine would
publish that file (`/proc/self/environ`: the build's secrets), and a folder named like the search index's would be
passed over by the checks as the index is.
"""

from __future__ import annotations

from pathlib import Path

from generator.content.files import refused_files
from generator.model import Problem
from generator.sitemodel import BUNDLE_DIR

_INDEX_FOLDER = (
    "would be published inside the search index's folder, which the built site's checks cannot tell from the index; "
    "move what is in it to another folder of the theme"
)


def theme_problems(root: Path, themes: list[str]) -> list[Problem]:
    """What in each theme folder (relative to the project's `root`) cannot be published: links out of it, anything
    that is not a plain file or folder, and folders inside the search index's."""
    problems = []
    for theme in themes:
        folder = root / theme
        if not folder.is_dir():
            continue
        if not folder.resolve().is_relative_to(root.resolve()):
            message = f"is a link to {folder.resolve()}, outside the repository; keep the theme in the repository"
            problems.append(Problem(theme, 1, message))
            continue
        problems += refused_files(root, theme, within=theme).values()
        problems += [
            Problem(inside.relative_to(root).as_posix(), 1, _INDEX_FOLDER)
            for inside in sorted(folder.iterdir())
            if inside.is_dir() and BUNDLE_DIR.fullmatch(inside.name.lower() + "/")
        ]
    return problems
