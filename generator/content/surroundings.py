"""What around the content reaches every page: the theme's folder, the settings, and the template each hand-written
page asks for. Checked with the content, before anything is built, where it would let the engine publish what no
check reads or build a page without the site's own template.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from generator.config import Project
from generator.content.pagemeta import ENGINE_META
from generator.content.settingsfile import pages_files, unknown_settings
from generator.content.theme import theme_problems
from generator.content.yamlread import comments_blanked
from generator.model import Problem


def theme_folders(project: Project) -> list[str]:
    """The theme's folders (`custom_dir`), as the settings name them."""
    return [place for place in project.origins if place not in (project.content_dir, project.config_file)]


def surroundings_problems(project: Project) -> list[Problem]:
    """What in the theme and the settings would let the engine publish what no check reads: the theme's links out,
    and pages taken from a folder other than the one the check reads (`docs_dir: content/audits` published drafts);
    and each page's template that the theme's folder does not hold."""
    setting = (project.config_file, project.line_of(("theme", "custom_dir")))
    problems = theme_problems(project.root, theme_folders(project), setting) + unknown_settings(project.root, project.config_file)
    if PurePosixPath(project.pages_dir) != PurePosixPath(project.content_dir, "pages"):
        message = f"docs_dir must be {project.content_dir}/pages, the folder the checks read (it is {project.pages_dir})"
        problems.append(Problem(project.config_file, project.line_of(("docs_dir",)), message))
    return problems + template_problems(project.root, project.pages_dir, theme_folders(project))


_TEMPLATE = re.compile(r"^template[ \t]*:[ \t]*([\"']?)([^\"'#\n]*?)\1[ \t]*$", re.M)
"""A page's `template:` setting, as the engine reads it (a plain or quoted name)."""


def template_problems(root: Path, pages_dir: str, themes: list[str]) -> list[Problem]:
    """Each hand-written page whose `template:` names no template of the theme's folder, at its line. The engine
    stopped the build without naming the page's file or line; and a template of the engine's theme itself
    (`base.html`) would build the page without the site's own (`main.html`: the "Exit this page" button, the way to
    report a concern)."""
    held = {name for folder in themes for name in pages_files(root / folder)}
    problems = []
    for name in sorted(pages_files(root / pages_dir)):
        if not name.endswith(".md"):
            continue
        path = f"{pages_dir}/{name}"
        meta = ENGINE_META.match((root / path).read_text(encoding="utf-8-sig", errors="replace"))
        settings = comments_blanked(meta.group(1)) if meta else ""
        found = _TEMPLATE.search(settings)
        if found and found.group(2).strip() not in held:
            line = 2 + settings.count("\n", 0, found.start())
            named = ", ".join(sorted(name for name in held if name.endswith(".html") and "/" not in name)) or "none"
            message = (
                f"template: '{found.group(2).strip()}' is no template of the theme's folder ({', '.join(themes) or 'none'}), "
                f"so the engine could not build this page with the site's own: name one there ({named}), or remove the line"
            )
            problems.append(Problem(path, line, message))
    return problems
